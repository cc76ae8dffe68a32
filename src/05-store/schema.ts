/**
 * SQLite schema of the Readout store, as numbered migrations. `PRAGMA user_version` holds the
 * number of migrations applied; `readout_meta.application = 'readout'` marks the file as ours.
 *
 * Layout:
 * - documents: one row per distinct content (id = content hash), with text, the document record
 *   JSON, a fingerprint of text+records+sentences (for the unchanged check) and per-kind counts;
 * - source_keys: every source key (path, URL, jsonl id) pointing at a document, so identical
 *   content under two keys is stored once and both keys are remembered;
 * - sentences + sentences_fts: FTS5 (external content) over sentence text; sentences carry their
 *   document's date period so date-filtered searches need no join with documents; the store adds
 *   new sentences to the index when their transaction ends, a trigger takes deleted ones out;
 * - one table per record kind with the columns filters and sorts need, and a sibling <table>_json
 *   with the record JSON as stored (and, for turns and entities, the label or name the filter q
 *   scans); the filter q of events, meetings, agreements and quotes goes through sentences_fts to
 *   the records whose evidence (quote) lies in the matching sentences, by the evidence offsets;
 * - record_actors / record_topics: side tables for actor, country, dyad and topic filters over
 *   records that have several actors (meeting parties) or topics.
 *
 * Dates: date_lo/date_hi are the first and last day of the period a (partial) ISO date denotes,
 * so "2017-07" is 2017-07-01..2017-07-31; month is "YYYY-MM" when the date has a month.
 */

const RECORD_COMMON = `
  id INTEGER PRIMARY KEY,
  doc TEXT NOT NULL,
  date_lo TEXT,
  date_hi TEXT`;

/** The record JSON and its searchable text live apart from the narrow filter columns, so scans,
 *  counts and aggregates touch small rows; pages fetch the JSON of the rows they return. */
const jsonTable = (t: string) => `
  CREATE TABLE ${t}_json (id INTEGER PRIMARY KEY, json TEXT NOT NULL, text TEXT);
  CREATE VIRTUAL TABLE ${t}_text USING fts5 (text, content = '${t}_json', content_rowid = 'id', tokenize = 'trigram');
  CREATE TRIGGER ${t}_json_ai AFTER INSERT ON ${t}_json WHEN new.text IS NOT NULL BEGIN
    INSERT INTO ${t}_text (rowid, text) VALUES (new.id, new.text);
  END;
  CREATE TRIGGER ${t}_json_ad AFTER DELETE ON ${t}_json WHEN old.text IS NOT NULL BEGIN
    INSERT INTO ${t}_text (${t}_text, rowid, text) VALUES ('delete', old.id, old.text);
  END;`;

/** Migration 4 drops these: each record's text was indexed again, beside the sentence index, by a
 *  trigram table for the filter q, which cost more than half of the time spent storing. */
const dropRecordText = (t: string) => `
  DROP TRIGGER ${t}_json_ai;
  DROP TRIGGER ${t}_json_ad;
  DROP TABLE ${t}_text;`;

export const MIGRATIONS: string[] = [
  // 1: initial schema
  `
  CREATE TABLE readout_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  INSERT INTO readout_meta (key, value) VALUES ('application', 'readout');

  CREATE TABLE documents (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    record TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    title TEXT,
    published TEXT,
    date_lo TEXT,
    date_hi TEXT,
    source TEXT,
    url TEXT,
    place_lc TEXT,
    place_country TEXT,
    chars INTEGER NOT NULL,
    counts TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX documents_date ON documents (date_lo);
  CREATE TABLE document_texts (n INTEGER PRIMARY KEY, text TEXT NOT NULL);

  CREATE TABLE source_keys (
    key TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    added_at TEXT NOT NULL
  );
  CREATE INDEX source_keys_doc ON source_keys (doc);

  CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    date_lo TEXT,
    date_hi TEXT
  );
  CREATE INDEX sentences_doc ON sentences (doc, idx);
  CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text, content = 'sentences', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
  END;
  CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
  END;

  CREATE TABLE events (${RECORD_COMMON},
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    base TEXT NOT NULL,
    plover TEXT,
    quad_class INTEGER,
    goldstein REAL,
    src_key TEXT,
    tgt_key TEXT,
    dyad_a TEXT,
    dyad_b TEXT,
    month TEXT,
    place_lc TEXT,
    place_country TEXT,
    negated INTEGER NOT NULL,
    hypothetical INTEGER NOT NULL,
    ev_start INTEGER
  );
  ${jsonTable('events')}
  CREATE INDEX events_doc ON events (doc);
  CREATE INDEX events_cameo ON events (cameo);
  CREATE INDEX events_root ON events (root);
  CREATE INDEX events_plover ON events (plover);
  CREATE INDEX events_date ON events (date_lo);
  CREATE INDEX events_goldstein ON events (goldstein);
  CREATE INDEX events_dyad ON events (dyad_a, dyad_b, month);
  CREATE INDEX events_month ON events (month, dyad_a, dyad_b, goldstein, quad_class, negated, hypothetical);
  CREATE INDEX events_place ON events (place_lc);
  CREATE INDEX events_place_country ON events (place_country);

  CREATE TABLE meetings (${RECORD_COMMON},
    status TEXT,
    format TEXT,
    place_lc TEXT,
    place_country TEXT
  );
  ${jsonTable('meetings')}
  CREATE INDEX meetings_doc ON meetings (doc);
  CREATE INDEX meetings_date ON meetings (date_lo);
  CREATE INDEX meetings_status ON meetings (status);

  CREATE TABLE agreements (${RECORD_COMMON},
    status TEXT,
    effective TEXT,
    deadline TEXT
  );
  ${jsonTable('agreements')}
  CREATE INDEX agreements_doc ON agreements (doc);
  CREATE INDEX agreements_date ON agreements (date_lo);
  CREATE INDEX agreements_status ON agreements (status);

  CREATE TABLE quotes (${RECORD_COMMON},
    direct INTEGER NOT NULL,
    start INTEGER
  );
  ${jsonTable('quotes')}
  CREATE INDEX quotes_doc ON quotes (doc);

  CREATE TABLE turns (${RECORD_COMMON},
    role TEXT,
    start INTEGER
  );
  ${jsonTable('turns')}
  CREATE INDEX turns_doc ON turns (doc);

  CREATE TABLE entities (${RECORD_COMMON},
    type TEXT,
    name_lc TEXT
  );
  ${jsonTable('entities')}
  CREATE INDEX entities_doc ON entities (doc);
  CREATE INDEX entities_type ON entities (type);

  CREATE TABLE record_actors (
    kind TEXT NOT NULL,
    rid INTEGER NOT NULL,
    doc TEXT NOT NULL,
    role TEXT NOT NULL,
    name TEXT,
    name_lc TEXT,
    last_lc TEXT,
    country TEXT,
    org TEXT,
    code TEXT,
    key TEXT
  );
  CREATE INDEX record_actors_rid ON record_actors (kind, rid, key, name_lc);
  CREATE INDEX record_actors_doc ON record_actors (doc);
  CREATE INDEX record_actors_name ON record_actors (kind, name_lc, rid);
  CREATE INDEX record_actors_last ON record_actors (kind, last_lc, rid);
  CREATE INDEX record_actors_country ON record_actors (kind, country, rid);
  CREATE INDEX record_actors_org ON record_actors (kind, org, rid);
  CREATE INDEX record_actors_code ON record_actors (kind, code, rid);
  CREATE INDEX record_actors_key ON record_actors (kind, key, rid);

  CREATE TABLE record_topics (
    kind TEXT NOT NULL,
    rid INTEGER NOT NULL,
    doc TEXT NOT NULL,
    topic TEXT NOT NULL
  );
  CREATE INDEX record_topics_topic ON record_topics (kind, topic, rid);
  CREATE INDEX record_topics_doc ON record_topics (doc);
  `,
  // 2: topic aggregates over filtered records join topics by record
  `
  CREATE INDEX record_topics_rid ON record_topics (kind, rid, topic);
  `,
  // 3: the map's per-place counts read only these covering indexes
  `
  CREATE INDEX events_place_agg ON events (place_lc, place_country, negated, hypothetical, goldstein);
  CREATE INDEX meetings_place ON meetings (place_lc, place_country);
  `,
  // 4: q goes through the sentence index by evidence offsets; fewer indexes to maintain on ingest;
  // sentences are indexed when their transaction ends (SqliteStore.indexSentences), not by a trigger
  `
  DROP TRIGGER sentences_ai;
  ${['events', 'meetings', 'agreements', 'quotes', 'turns', 'entities'].map(dropRecordText).join('\n')}
  UPDATE events_json SET text = NULL;
  UPDATE meetings_json SET text = NULL;
  UPDATE agreements_json SET text = NULL;
  UPDATE quotes_json SET text = NULL;

  ALTER TABLE events ADD COLUMN ev_end INTEGER;
  ALTER TABLE meetings ADD COLUMN ev_start INTEGER;
  ALTER TABLE meetings ADD COLUMN ev_end INTEGER;
  ALTER TABLE agreements ADD COLUMN ev_start INTEGER;
  ALTER TABLE agreements ADD COLUMN ev_end INTEGER;
  ALTER TABLE quotes ADD COLUMN "end" INTEGER;
  UPDATE events SET ev_end = (SELECT json_extract(j.json, '$.evidence.end') FROM events_json j WHERE j.id = events.id);
  UPDATE meetings SET (ev_start, ev_end) = (SELECT json_extract(j.json, '$.evidence.start'), json_extract(j.json, '$.evidence.end') FROM meetings_json j WHERE j.id = meetings.id);
  UPDATE agreements SET (ev_start, ev_end) = (SELECT json_extract(j.json, '$.evidence.start'), json_extract(j.json, '$.evidence.end') FROM agreements_json j WHERE j.id = agreements.id);
  UPDATE quotes SET "end" = (SELECT json_extract(j.json, '$.end') FROM quotes_json j WHERE j.id = quotes.id);

  DROP INDEX events_doc;
  CREATE INDEX events_doc ON events (doc, ev_start);
  DROP INDEX meetings_doc;
  CREATE INDEX meetings_doc ON meetings (doc, ev_start);
  DROP INDEX agreements_doc;
  CREATE INDEX agreements_doc ON agreements (doc, ev_start);
  DROP INDEX quotes_doc;
  CREATE INDEX quotes_doc ON quotes (doc, start);

  -- events_place_agg starts with place_lc
  DROP INDEX events_place;
  -- deletes go by record id; a country is its actor's key (key = country, else org)
  DROP INDEX record_actors_doc;
  DROP INDEX record_actors_country;
  DROP INDEX record_actors_org;
  DROP INDEX record_topics_doc;
  CREATE INDEX record_actors_org ON record_actors (kind, org, rid) WHERE org IS NOT NULL;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
