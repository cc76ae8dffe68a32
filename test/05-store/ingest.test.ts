import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/05-store/sqlite.js';
import { SCHEMA_VERSION } from '../../src/05-store/schema.js';
import { StoreError, type Store } from '../../src/05-store/store.js';
import { docA, docB, event, TEXT_A } from './fixtures.js';
import { tempDb } from './fixtures.js';

let db: { file: string; cleanup: () => void };
let store: Store;
beforeEach(() => {
  db = tempDb();
  store = openStore(db.file);
});
afterEach(() => {
  try {
    store.close();
  } catch {
    /* closed by the test */
  }
  db.cleanup();
});

describe('opening', () => {
  it('creates a WAL database with the current schema and reopens it', () => {
    store.putDocument(docA());
    store.close();
    const raw = new Database(db.file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    store = openStore(db.file);
    expect(store.counts().event).toBe(2);
    const ro = openStore(db.file, { readonly: true });
    expect(ro.counts().document).toBe(1);
    expect(() => ro.putDocument(docB())).toThrow();
    ro.close();
  });

  it('refuses a file that is not a Readout database', () => {
    store.close();
    const other = db.file + '.other';
    const raw = new Database(other);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    expect(() => openStore(other)).toThrow(/not a Readout database/);
    fs.writeFileSync(db.file + '.txt', 'hello, this is plain text and not SQLite at all'.repeat(50));
    expect(() => openStore(db.file + '.txt')).toThrow(StoreError);
    expect(() => openStore(db.file + '.txt')).toThrow(/not a Readout database/);
  });

  it('migrates a store of an older schema on open, keeping its data', () => {
    store.putDocument(docA());
    const before = store.query('agreement', {}).rows;
    store.close();
    const raw = new Database(db.file);
    // undo migration 4: a version-3 store indexed each record's text in a trigram table, had no
    // evidence offsets on meetings, agreements and quotes, and indexed sentences by a trigger
    for (const t of ['events', 'meetings', 'agreements', 'quotes', 'turns', 'entities'])
      raw.exec(`
        CREATE VIRTUAL TABLE ${t}_text USING fts5 (text, content = '${t}_json', content_rowid = 'id', tokenize = 'trigram');
        CREATE TRIGGER ${t}_json_ai AFTER INSERT ON ${t}_json WHEN new.text IS NOT NULL BEGIN
          INSERT INTO ${t}_text (rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER ${t}_json_ad AFTER DELETE ON ${t}_json WHEN old.text IS NOT NULL BEGIN
          INSERT INTO ${t}_text (${t}_text, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        UPDATE ${t}_json SET text = coalesce(json_extract(json, '$.evidence.text'), text);
        INSERT INTO ${t}_text (${t}_text) VALUES ('rebuild');`);
    raw.exec(`
      DROP INDEX events_doc; CREATE INDEX events_doc ON events (doc);
      DROP INDEX meetings_doc; CREATE INDEX meetings_doc ON meetings (doc);
      DROP INDEX agreements_doc; CREATE INDEX agreements_doc ON agreements (doc);
      DROP INDEX quotes_doc; CREATE INDEX quotes_doc ON quotes (doc);
      ALTER TABLE events DROP COLUMN ev_end;
      ALTER TABLE meetings DROP COLUMN ev_start; ALTER TABLE meetings DROP COLUMN ev_end;
      ALTER TABLE agreements DROP COLUMN ev_start; ALTER TABLE agreements DROP COLUMN ev_end;
      ALTER TABLE quotes DROP COLUMN "end";
      CREATE INDEX events_place ON events (place_lc);
      CREATE INDEX record_actors_doc ON record_actors (doc);
      CREATE INDEX record_actors_country ON record_actors (kind, country, rid);
      DROP INDEX record_actors_org; CREATE INDEX record_actors_org ON record_actors (kind, org, rid);
      CREATE INDEX record_topics_doc ON record_topics (doc);
      CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
      END;`);
    // and what migrations 2 and 3 added, as a version-1 store would lack it
    raw.exec('DROP INDEX record_topics_rid; DROP INDEX events_place_agg; DROP INDEX meetings_place;');
    raw.pragma('user_version = 1');
    raw.close();
    expect(() => openStore(db.file, { readonly: true })).toThrow(/older schema/);
    store = openStore(db.file);
    expect(store.counts().event).toBe(2);
    expect(store.query('agreement', {}).rows).toEqual(before);
    // q now reads the sentence index by the evidence offsets the migration filled in
    expect(store.query('event', { q: 'de-escalation' }).total).toBe(1);
    expect(store.query('agreement', { q: 'ceasefire' }).total).toBe(1);
    expect(store.query('quote', { q: 'satisfied' }).total).toBe(1);
    const check = new Database(db.file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    for (const name of ['record_topics_rid', 'events_place_agg', 'meetings_place'])
      expect(check.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).get(name), name).toBeTruthy();
    expect(check.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'events_text'`).get()).toBeUndefined();
    expect(check.prepare(`SELECT count(*) AS n FROM agreements WHERE ev_end IS NULL`).get()).toEqual({ n: 0 });
    check.close();
    // and it takes new documents and replaces old ones
    expect(store.putDocument(docB()).status).toBe('inserted');
    expect(store.putDocument(docA({ extra: [] })).status).toBe('unchanged');
    expect(store.deleteDocument('docA')).toBe(true);
    expect(store.counts().event).toBe(3);
  });

  it('refuses a database from a newer schema', () => {
    store.close();
    const raw = new Database(db.file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openStore(db.file)).toThrow(/newer Readout/);
  });

  it('lets a second connection read and write the same file', () => {
    const other = openStore(db.file);
    const reader = openStore(db.file, { readonly: true });
    try {
      store.putDocument(docA());
      expect(reader.counts().document).toBe(1);
      expect(other.putDocument(docB()).status).toBe('inserted');
      expect(store.query('event', { doc: 'docB' }).total).toBe(3);
      // an export-style iteration does not block writes on the same connection
      const it = store.iterate('event');
      it.next();
      expect(store.deleteDocument('docB')).toBe(true);
      expect(reader.counts().document).toBe(1);
    } finally {
      other.close();
      reader.close();
    }
  });

  it('refuses to open a missing file read-only', () => {
    expect(() => openStore(db.file + '.missing', { readonly: true })).toThrow(/does not exist/);
  });
});

describe('putDocument', () => {
  it('inserts, then is a no-op for identical content under the same key', () => {
    expect(store.putDocument(docA())).toEqual({ status: 'inserted', doc: 'docA' });
    const before = store.counts();
    const ingestedAt = store.getDocument('docA')!.ingestedAt;
    expect(store.putDocument(docA())).toEqual({ status: 'unchanged', doc: 'docA' });
    expect(store.counts()).toEqual(before);
    expect(store.getDocument('docA')!.ingestedAt).toBe(ingestedAt);
    expect(before).toEqual({ document: 1, turn: 1, entity: 2, meeting: 1, agreement: 1, quote: 1, event: 2 });
  });

  it('stores the text, the document record, sentences and keys', () => {
    const input = docA();
    store.putDocument(input);
    const d = store.getDocument('docA')!;
    expect(d.text).toBe(TEXT_A);
    expect(d.record).toEqual(input.records[0]);
    expect(d.sentences).toEqual(input.sentences);
    expect(d.sourceKeys).toEqual(['/corpus/a.txt']);
    expect(store.getDocument('nope')).toBeNull();
  });

  it('replaces the records atomically when the same key brings changed content', () => {
    store.putDocument(docA());
    store.putDocument(docB());
    // new content under a's key: a new doc id
    const changed = docB({ id: 'docA2', sourceKey: '/corpus/a.txt' });
    expect(store.putDocument(changed)).toEqual({ status: 'replaced', doc: 'docA2', previous: 'docA' });
    expect(store.getDocument('docA')).toBeNull();
    expect(store.query('event', { doc: 'docA' }).total).toBe(0);
    expect(store.query('event', { doc: 'docA2' }).total).toBe(3);
    expect(store.query('event', { doc: 'docB' }).total).toBe(3);
    expect(store.search('Tillerson').total).toBe(0);
    expect(store.counts().document).toBe(2);
  });

  it('replaces records when the same text comes with different records (re-extraction)', () => {
    store.putDocument(docA());
    const again = docA();
    again.records = again.records.filter((r) => r.kind !== 'event');
    expect(store.putDocument(again)).toEqual({ status: 'replaced', doc: 'docA' });
    expect(store.counts().event).toBe(0);
    expect(store.counts().meeting).toBe(1);
    expect(store.query('meeting', { actor: 'Lavrov' }).total).toBe(1);
  });

  it('stores identical content under another key once and remembers both keys', () => {
    store.putDocument(docA());
    expect(store.putDocument(docA({ sourceKey: '/elsewhere/a-copy.txt' }))).toEqual({
      status: 'duplicate',
      doc: 'docA',
    });
    expect(store.counts().document).toBe(1);
    expect(store.counts().event).toBe(2);
    expect(store.getDocument('docA')!.sourceKeys).toEqual(['/corpus/a.txt', '/elsewhere/a-copy.txt']);
    // the first key moving to other content keeps the document for the second key
    store.putDocument(docB({ sourceKey: '/corpus/a.txt' }));
    expect(store.getDocument('docA')!.sourceKeys).toEqual(['/elsewhere/a-copy.txt']);
    expect(store.counts().document).toBe(2);
    expect(store.putDocument(docA({ sourceKey: '/elsewhere/a-copy.txt' })).status).toBe('unchanged');
  });

  it('moves a key to content another key already holds, dropping the orphaned document', () => {
    store.putDocument(docA());
    store.putDocument(docB());
    expect(store.putDocument(docA({ sourceKey: '/corpus/b.txt' }))).toEqual({
      status: 'replaced',
      doc: 'docA',
      previous: 'docB',
    });
    expect(store.getDocument('docB')).toBeNull();
    expect(store.getDocument('docA')!.sourceKeys).toEqual(['/corpus/a.txt', '/corpus/b.txt']);
    expect(store.counts()).toMatchObject({ document: 1, event: 2, meeting: 1 });
    expect(store.search('Wang').total).toBe(0);
  });

  it('rolls back a failed insert completely', () => {
    const bad = docA({ extra: [] });
    // a bad record after valid ones: evidence outside the text
    bad.records.push(event('docA', TEXT_A, 'Manila', { evidence: { start: 5, end: 99999, text: 'x' } }));
    expect(() => store.putDocument(bad)).toThrow(/record 9 \(event\) is invalid: evidence/);
    expect(store.counts()).toEqual({ document: 0, turn: 0, entity: 0, meeting: 0, agreement: 0, quote: 0, event: 0 });
    expect(store.search('Tillerson').total).toBe(0);
    expect(store.getDocument('docA')).toBeNull();
    // the key was not remembered either
    expect(store.putDocument(docA()).status).toBe('inserted');
  });

  it('commits a group of documents together, rolling back only the one that fails', () => {
    const bad = docA({ extra: [] });
    bad.records.push(event('docA', TEXT_A, 'Manila', { evidence: { start: 5, end: 99999, text: 'x' } }));
    const statuses: string[] = [];
    store.batch(() => {
      for (const input of [docB(), bad]) {
        try {
          statuses.push(store.putDocument(input).status);
        } catch {
          statuses.push('failed');
        }
      }
    });
    expect(statuses).toEqual(['inserted', 'failed']);
    expect(store.getDocument('docB')).not.toBeNull();
    expect(store.getDocument('docA')).toBeNull();
    expect(store.search('Tillerson').total).toBe(0);
    // a group that throws stores nothing of itself
    expect(() =>
      store.batch(() => {
        store.putDocument(docA());
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(store.getDocument('docA')).toBeNull();
    expect(store.counts().document).toBe(1);
  });

  it('indexes the sentences of a group when it commits, however its documents end', () => {
    const ftsIntact = () => {
      const raw = new Database(db.file);
      try {
        // checks the index against the sentence rows; throws when they differ
        raw.prepare(`INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)`).run();
      } finally {
        raw.close();
      }
    };
    store.putDocument(docA());
    expect(store.search('Tillerson').total).toBe(1);
    const badA = docA({ extra: [] });
    badA.text = TEXT_A.replace('Manila', 'Hanoi.');
    badA.sentences = [{ start: 0, end: 10 }];
    badA.records.push(event('docA', TEXT_A, 'Manila', { evidence: { start: 5, end: 99999, text: 'x' } }));
    store.batch(() => {
      store.putDocument(docB({ sourceKey: 'k' }));
      // replacing a document takes its sentences out of the index: docB's, not yet indexed, go in first
      expect(() => store.putDocument(badA)).toThrow(/invalid/);
      store.putDocument(docA({ id: 'docA2', sourceKey: 'k' }));
      store.putDocument(docB({ sourceKey: 'k2' }));
    });
    ftsIntact();
    expect(store.search('Tillerson').total).toBe(2); // docA (its failed replacement rolled back) and docA2
    expect(store.search('unilateral').rows.map((h) => h.doc)).toEqual(['docB']);
    store.batch(() => {
      store.putDocument(docB({ sourceKey: 'k3' }));
      expect(store.deleteDocument('docB')).toBe(true);
    });
    ftsIntact();
    expect(store.search('unilateral').total).toBe(0);
  });

  it('rolls back a failed replace, leaving the previous version', () => {
    store.putDocument(docA());
    const before = store.query('event', { doc: 'docA' });
    const bad = docA();
    bad.records = bad.records.filter((r) => r.kind !== 'quote');
    bad.records.push({ kind: 'mystery', doc: 'docA' } as never);
    expect(() => store.putDocument(bad)).toThrow(/unknown record kind/);
    expect(store.query('event', { doc: 'docA' })).toEqual(before);
    expect(store.counts().quote).toBe(1);
    expect(store.search('satisfied').total).toBe(1);
    // a failed move of a key to new content keeps the old document as well
    const badB = docB({ sourceKey: '/corpus/a.txt' });
    badB.records.push({ ...(badB.records[1] as object), doc: 'other' } as never);
    expect(() => store.putDocument(badB)).toThrow(/differs from the document id/);
    expect(store.getDocument('docA')!.sourceKeys).toEqual(['/corpus/a.txt']);
    expect(store.getDocument('docB')).toBeNull();
  });

  it('rejects input without exactly one document record, and bad sentence spans', () => {
    const a = docA();
    expect(() => store.putDocument({ ...a, records: a.records.slice(1) })).toThrow(/exactly one document record/);
    expect(() => store.putDocument({ ...a, sentences: [{ start: 0, end: 10_000 }] })).toThrow(
      /sentence 0 has a bad span/,
    );
    expect(store.counts().document).toBe(0);
  });

  it('deletes a document with all its records', () => {
    store.putDocument(docA());
    store.putDocument(docB());
    expect(store.deleteDocument('docA')).toBe(true);
    expect(store.deleteDocument('docA')).toBe(false);
    expect(store.counts()).toMatchObject({ document: 1, event: 3, meeting: 2, quote: 0 });
    expect(store.query('event', { q: 'de-escalation' }).total).toBe(0);
    expect(store.search('Tillerson').total).toBe(0);
    expect(store.topActors({ by: 'name' }).find((r) => r.actor === 'Rex Tillerson')).toBeUndefined();
  });
});

describe('deferIndexes (an ingest into an empty store)', () => {
  const indexes = (file: string) => {
    const raw = new Database(file, { readonly: true });
    try {
      return raw
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`)
        .all() as { name: string; sql: string }[];
    } finally {
      raw.close();
    }
  };
  const answers = (s: Store) => [
    s.query('event', { actor: 'Lavrov' }).total,
    s.query('event', { country: 'USA' }, { sort: 'date', order: 'desc' }).rows.map((r) => r.evidence.text),
    s.query('meeting', { dyad: 'CHN-RUS' }).total,
    s.query('event', { q: 'zone' }).total,
    s.query('event', { doc: 'docB' }).rows.map((r) => r.cameo),
    s.search('Tillerson').total,
  ];

  it('drops the indexes until the returned function builds them, giving the same answers meanwhile', () => {
    const before = indexes(db.file);
    const build = store.deferIndexes();
    expect(build).toBeTypeOf('function');
    // only those that INDEXED BY names remain, and the small one on source keys
    expect(indexes(db.file).map((i) => i.name)).toEqual(['record_actors_rid', 'record_topics_rid', 'source_keys_doc']);
    store.batch(() => {
      store.putDocument(docA());
      store.putDocument(docB());
    });
    const during = answers(store);
    expect(during[0]).toBeGreaterThan(0);
    build!();
    expect(indexes(db.file)).toEqual(before);
    expect(answers(store)).toEqual(during);
    // a store that holds documents keeps its indexes
    expect(store.deferIndexes()).toBeNull();
    expect(indexes(db.file)).toEqual(before);
  });

  it('leaves them to the ingest that deferred them while it runs, in this process or another', () => {
    const before = indexes(db.file);
    const build = store.deferIndexes()!;
    store.putDocument(docA());
    // `readout summary` opening the store read-write during the ingest
    const other = openStore(db.file);
    expect(other.query('event', { doc: 'docA' }).total).toBe(2);
    other.close();
    expect(indexes(db.file).length).toBeLessThan(before.length);
    build();
    expect(indexes(db.file)).toEqual(before);
    // an ingest in another process: alive, its indexes are its own; gone, the next open builds them
    const setOwner = (pid: number) => {
      const raw = new Database(db.file);
      const row = raw.prepare(`SELECT value FROM readout_meta WHERE key = 'deferred_indexes'`).get() as {
        value: string;
      };
      raw
        .prepare(`UPDATE readout_meta SET value = ? WHERE key = 'deferred_indexes'`)
        .run(JSON.stringify({ ...JSON.parse(row.value), pid }));
      raw.close();
    };
    store.close();
    fs.rmSync(db.file);
    store = openStore(db.file);
    store.deferIndexes();
    store.putDocument(docA());
    store.close();
    setOwner(process.ppid); // a process that runs
    openStore(db.file).close();
    expect(indexes(db.file).length).toBeLessThan(before.length);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!; // a process that ended
    setOwner(gone);
    store = openStore(db.file);
    expect(indexes(db.file)).toEqual(before);
  });

  it('leaves a store whose ingest died before building them to the next read-write open', () => {
    const before = indexes(db.file);
    store.deferIndexes();
    store.putDocument(docA());
    store.close(); // the process ends here
    const ro = openStore(db.file, { readonly: true });
    expect(ro.query('event', { doc: 'docA' }).total).toBe(2);
    ro.close();
    expect(indexes(db.file).length).toBeLessThan(before.length);
    store = openStore(db.file);
    expect(indexes(db.file)).toEqual(before);
    expect(store.deferIndexes()).toBeNull();
  });
});
