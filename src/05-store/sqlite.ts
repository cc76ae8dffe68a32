/**
 * The SQLite store (better-sqlite3, WAL). See ./schema.ts for the layout and ./store.ts for the
 * contract. Every statement is parameterised; user input never becomes SQL text (sort keys and
 * kinds are looked up in fixed tables).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { resolve as resolvePath } from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import type { Actor, Span } from '../00-model/doc.js';
import type { DocumentRecord, RecordKind, RecordOf } from '../00-model/records.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  QueryError,
  StoreError,
  type ActorRow,
  type DocumentSummary,
  type MonthDyadRow,
  type Page,
  type PairRow,
  type PlaceRow,
  type PutInput,
  type PutResult,
  type QueryResult,
  type RecordFilter,
  type SentenceHit,
  type Store,
  type StoredDocument,
  type TopicRow,
  RECORD_FILTER_KEYS,
} from './store.js';
import { checkDateBound, dateHi, dateLo, likeEscape, monthOf, toFtsQuery } from './util.js';

type DB = Database.Database;
type Filterable = keyof RecordFilter;

const require_ = createRequire(import.meta.url);
let countryCodeOf: (name: string) => string | undefined = () => undefined;
try {
  const countries = require_('i18n-iso-countries');
  countries.registerLocale(require_('i18n-iso-countries/langs/en.json'));
  countryCodeOf = (name) => countries.getAlpha3Code(name, 'en') || undefined;
} catch {
  /* country names are then matched as plain names */
}

interface KindSpec {
  table: string;
  /** integer key giving the stable default order */
  pk: string;
  /** where the record JSON is: table, key column (same values as pk), JSON column */
  json: { table: string; key: string; col: string };
  /** dates are single ISO dates (periods of at most a year): allows a tighter index range on date_lo */
  shortDates: boolean;
  /** the column holding the document id */
  docCol: string;
  filters: Set<Filterable>;
  sorts: Record<string, string>;
}

const COMMON_SORTS = { id: 'id', date: 'date_lo', doc: 'doc' };
const ACTOR_FILTERS: Filterable[] = ['doc', 'actor', 'country', 'from', 'to', 'q'];

const KINDS: Record<RecordKind, KindSpec> = {
  document: {
    table: 'documents',
    pk: 'n',
    json: { table: 'documents', key: 'n', col: 'record' },
    shortDates: true,
    docCol: 'id',
    filters: new Set<Filterable>(['doc', 'from', 'to', 'place', 'q']),
    sorts: { id: 'n', date: 'date_lo', published: 'date_lo', title: 'title', doc: 'id' },
  },
  event: {
    table: 'events',
    pk: 'id',
    json: { table: 'events_json', key: 'id', col: 'json' },
    shortDates: true,
    docCol: 'doc',
    filters: new Set<Filterable>([...ACTOR_FILTERS, 'dyad', 'cameo', 'root', 'plover', 'topic', 'place']),
    sorts: { ...COMMON_SORTS, goldstein: 'goldstein', cameo: 'cameo', quad_class: 'quad_class' },
  },
  meeting: {
    table: 'meetings',
    pk: 'id',
    json: { table: 'meetings_json', key: 'id', col: 'json' },
    shortDates: false,
    docCol: 'doc',
    filters: new Set<Filterable>([...ACTOR_FILTERS, 'dyad', 'topic', 'status', 'place']),
    sorts: { ...COMMON_SORTS, status: 'status' },
  },
  agreement: {
    table: 'agreements',
    pk: 'id',
    json: { table: 'agreements_json', key: 'id', col: 'json' },
    shortDates: true,
    docCol: 'doc',
    filters: new Set<Filterable>([...ACTOR_FILTERS, 'dyad', 'topic', 'status']),
    sorts: { ...COMMON_SORTS, status: 'status', effective: 'effective', deadline: 'deadline' },
  },
  quote: {
    table: 'quotes',
    pk: 'id',
    json: { table: 'quotes_json', key: 'id', col: 'json' },
    shortDates: true,
    docCol: 'doc',
    filters: new Set<Filterable>(ACTOR_FILTERS),
    sorts: { ...COMMON_SORTS, start: 'start' },
  },
  turn: {
    table: 'turns',
    pk: 'id',
    json: { table: 'turns_json', key: 'id', col: 'json' },
    shortDates: true,
    docCol: 'doc',
    filters: new Set<Filterable>(ACTOR_FILTERS),
    sorts: { ...COMMON_SORTS, start: 'start' },
  },
  entity: {
    table: 'entities',
    pk: 'id',
    json: { table: 'entities_json', key: 'id', col: 'json' },
    shortDates: true,
    docCol: 'doc',
    filters: new Set<Filterable>([...ACTOR_FILTERS]),
    sorts: { ...COMMON_SORTS, name: 'name_lc', type: 'type' },
  },
};

/** limit cap of query() when the filter names one document */
const DOC_LIMIT = 100_000;

const RECORD_TABLE_KINDS = ['turn', 'entity', 'meeting', 'agreement', 'quote', 'event'] as const;
type RecordTableKind = (typeof RECORD_TABLE_KINDS)[number];

function kindSpec(kind: string): KindSpec {
  const s = (KINDS as Record<string, KindSpec | undefined>)[kind];
  if (!s) throw new QueryError(`unknown record kind "${kind}" (one of ${Object.keys(KINDS).join(', ')})`);
  return s;
}

export interface OpenOptions {
  /** open read-only (the file must exist and be a Readout store of this or an older-but-migrated schema) */
  readonly?: boolean;
}

/** Opens (creating and migrating if needed) a Readout SQLite store. Use ":memory:" for a throwaway one. */
export function openStore(path: string, opts: OpenOptions = {}): Store {
  if (opts.readonly && path !== ':memory:' && !fs.existsSync(path))
    throw new StoreError(`store ${path} does not exist`);
  let db: DB;
  try {
    db = new Database(path, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly });
  } catch (e) {
    throw new StoreError(`cannot open store ${path}: ${(e as Error).message}`);
  }
  try {
    prepare(db, path, !!opts.readonly);
  } catch (e) {
    db.close();
    throw e;
  }
  return new SqliteStore(db);
}

function prepare(db: DB, path: string, readonly: boolean): void {
  let version: number;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (e) {
    throw new StoreError(`${path} is not a Readout database (${(e as Error).message})`);
  }
  db.pragma('busy_timeout = 5000');
  if (version > SCHEMA_VERSION)
    throw new StoreError(
      `${path} was written by a newer Readout (schema ${version}; this version knows up to ${SCHEMA_VERSION}): upgrade Readout`,
    );
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .all() as {
    name: string;
  }[];
  if (version === 0 && tables.length > 0)
    throw new StoreError(`${path} is not a Readout database (it holds other tables)`);
  if (version > 0) {
    const app = tables.some((t) => t.name === 'readout_meta')
      ? (db.prepare(`SELECT value FROM readout_meta WHERE key = 'application'`).get() as { value: string } | undefined)
      : undefined;
    if (app?.value !== 'readout') throw new StoreError(`${path} is not a Readout database`);
    // stores written by development builds before the schema settled lack these tables
    const names = new Set(tables.map((t) => t.name));
    if (version >= 1 && !['document_texts', 'events_json'].every((t) => names.has(t)))
      throw new StoreError(
        `${path} was written by a pre-release Readout with another schema: remove it and ingest again`,
      );
  }
  if (readonly) {
    if (version < SCHEMA_VERSION)
      throw new StoreError(`${path} has an older schema (${version}); open it once read-write to migrate it`);
    return;
  }
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // the statement journals of grouped documents (savepoints) and index sorts stay in memory: about
  // a tenth off storing, measured on 600 documents
  db.pragma('temp_store = MEMORY');
  // an ingest that deferred the indexes stopped before building them
  if (version > 0) buildDeferredIndexes(db, false);
  if (version < SCHEMA_VERSION)
    // immediate: a second process migrating the same file at once waits, then finds the work done
    db.transaction(() => {
      for (let v = db.pragma('user_version', { simple: true }) as number; v < SCHEMA_VERSION; v++) {
        db.exec(MIGRATIONS[v]!);
        db.pragma(`user_version = ${v + 1}`);
      }
    }).immediate();
}

/** readout_meta key listing the CREATE INDEX statements of indexes an ingest deferred */
const DEFERRED_INDEXES = 'deferred_indexes';
/** kept while deferring: INDEXED BY names them, and rows arrive in their order anyway */
const KEEP_INDEXES = ['record_actors_rid', 'record_topics_rid', 'source_keys_doc'];

/** What readout_meta says of deferred indexes: their definitions, and the ingest that deferred them. */
interface Deferred {
  indexes: string[];
  pid: number;
  host: string;
}
/** the stores (absolute paths) this thread is loading with deferred indexes */
const deferring = new Set<string>();

/** Whether the ingest that deferred the indexes still runs (so it will build them itself). */
function ownerRuns(d: Deferred, file: string): boolean {
  if (d.host !== os.hostname()) return false;
  if (d.pid === process.pid) return deferring.has(file);
  try {
    process.kill(d.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Builds the indexes an ingest deferred (SqliteStore.deferIndexes), if any are listed: at its end
 * (`own`), or when a store is opened after that ingest stopped without building them. A read-write
 * open while the ingest still runs (`readout summary` during a long ingest) leaves them to it.
 */
function buildDeferredIndexes(db: DB, own: boolean): void {
  const file = resolvePath(db.name);
  db.transaction(() => {
    const row = db.prepare(`SELECT value FROM readout_meta WHERE key = ?`).get(DEFERRED_INDEXES) as
      { value: string } | undefined;
    if (!row) return;
    const d = JSON.parse(row.value) as Deferred;
    if (!own && ownerRuns(d, file)) return;
    for (const sql of d.indexes) db.exec(sql.replace(/^\s*CREATE\s+INDEX\s+/i, 'CREATE INDEX IF NOT EXISTS '));
    db.prepare(`DELETE FROM readout_meta WHERE key = ?`).run(DEFERRED_INDEXES);
  }).immediate();
  deferring.delete(file);
}

interface ActorRowIn {
  role: string;
  actor: Actor | null | undefined;
}

function actorKey(a: Pick<Actor, 'country' | 'org'> | null | undefined): string | null {
  return a?.country || a?.org || null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function bad(kind: string, i: number, why: string): never {
  throw new StoreError(`record ${i} (${kind}) is invalid: ${why}`);
}

class SqliteStore implements Store {
  private stmts = new Map<string, Database.Statement>();

  constructor(private db: DB) {}

  private st(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      if (this.stmts.size >= 1000) this.stmts.clear();
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  close(): void {
    this.stmts.clear();
    // indexes still deferred are built by the next read-write open
    deferring.delete(resolvePath(this.db.name));
    if (!this.db.readonly) {
      try {
        this.db.pragma('optimize');
      } catch {
        /* best effort */
      }
    }
    this.db.close();
  }

  // ---------------------------------------------------------------- ingest

  batch<T>(fn: () => T): T {
    // putDocument's own transactions become savepoints inside this one
    return this.db
      .transaction(() => {
        const r = fn();
        this.indexSentences();
        return r;
      })
      .immediate();
  }

  deferIndexes(): (() => void) | null {
    const deferred = this.db
      .transaction(() => {
        if (this.db.prepare(`SELECT 1 FROM documents LIMIT 1`).get()) return false;
        if (this.db.prepare(`SELECT 1 FROM readout_meta WHERE key = ?`).get(DEFERRED_INDEXES)) return true;
        const idx = this.db
          .prepare(
            `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
             AND name NOT IN (${KEEP_INDEXES.map(() => '?').join(',')}) ORDER BY name`,
          )
          .all(...KEEP_INDEXES) as { name: string; sql: string }[];
        // listed first, in the same transaction: no moment where an index is gone and not listed
        const d: Deferred = { indexes: idx.map((i) => i.sql), pid: process.pid, host: os.hostname() };
        this.db.prepare(`INSERT INTO readout_meta (key, value) VALUES (?, ?)`).run(DEFERRED_INDEXES, JSON.stringify(d));
        for (const i of idx) this.db.exec(`DROP INDEX ${i.name}`);
        return true;
      })
      .immediate();
    if (!deferred) return null;
    deferring.add(resolvePath(this.db.name));
    this.stmts.clear();
    return () => {
      buildDeferredIndexes(this.db, true);
      this.stmts.clear();
    };
  }

  /**
   * Adds the sentences stored since the last call to the full-text index, in one statement.
   * Sentence rows are indexed when their transaction ends, not row by row: FTS5 writes its pending
   * terms out as a new segment at every savepoint, so indexing each document of a group in its own
   * savepoint cost a third of the time spent storing (600 documents: 0.4 s of 1.3 s). Rows with ids
   * above the highest indexed one are the unindexed ones: a rolled-back document leaves none.
   */
  private indexSentences(): void {
    this.st(
      `INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences
       WHERE id > coalesce((SELECT max(id) FROM sentences_fts_docsize), 0)`,
    ).run();
  }

  putDocument(input: PutInput): PutResult {
    const { sourceKey, text, records, sentences } = input;
    if (typeof sourceKey !== 'string' || !sourceKey) throw new StoreError('putDocument: sourceKey is required');
    if (typeof text !== 'string') throw new StoreError(`putDocument(${sourceKey}): text must be a string`);
    if (!Array.isArray(records)) throw new StoreError(`putDocument(${sourceKey}): records must be an array`);
    const docs = records.filter((r) => r && r.kind === 'document') as DocumentRecord[];
    if (docs.length !== 1)
      throw new StoreError(`putDocument(${sourceKey}): expected exactly one document record, got ${docs.length}`);
    const docRec = docs[0]!;
    const id = docRec.doc;
    if (typeof id !== 'string' || !id)
      throw new StoreError(`putDocument(${sourceKey}): the document record has no doc id`);
    const jsons = records.map((r) => JSON.stringify(r) ?? 'null');
    const fingerprint = createHash('sha256')
      // the same string as JSON.stringify([text, records, spans]), built from the records' JSON,
      // which is stored as is: each record is serialised once
      .update(
        `[${JSON.stringify(text)},[${jsons.join(',')}],${JSON.stringify((sentences ?? []).map((s) => [s.start, s.end]))}]`,
      )
      .digest('hex');
    // alone, the document's transaction indexes its sentences; in a group, the group's does
    const alone = !this.db.inTransaction;

    const put = (): PutResult => {
      const keyRow = this.st(`SELECT doc FROM source_keys WHERE key = ?`).get(sourceKey) as { doc: string } | undefined;
      const existing = this.st(`SELECT fingerprint FROM documents WHERE id = ?`).get(id) as
        { fingerprint: string } | undefined;
      const now = new Date().toISOString();
      if (keyRow && keyRow.doc === id) {
        if (existing && existing.fingerprint === fingerprint) return { status: 'unchanged', doc: id };
        this.removeDocumentRows(id, true);
        this.insertDocument(input, docRec, jsons, fingerprint, now);
        return { status: 'replaced', doc: id };
      }
      if (keyRow) {
        // the key now holds other content: move it, drop the old document if no other key holds it
        const previous = keyRow.doc;
        this.st(`UPDATE source_keys SET doc = ?, added_at = ? WHERE key = ?`).run(id, now, sourceKey);
        const others = this.st(`SELECT count(*) AS n FROM source_keys WHERE doc = ?`).get(previous) as { n: number };
        if (others.n === 0) this.removeDocumentRows(previous, false);
        if (!existing) this.insertDocument(input, docRec, jsons, fingerprint, now);
        return { status: 'replaced', doc: id, previous };
      }
      this.st(`INSERT INTO source_keys (key, doc, added_at) VALUES (?, ?, ?)`).run(sourceKey, id, now);
      if (existing) return { status: 'duplicate', doc: id };
      this.insertDocument(input, docRec, jsons, fingerprint, now);
      return { status: 'inserted', doc: id };
    };
    // one transaction (in a group: a savepoint, rolled back alone when the document fails)
    return this.db
      .transaction((): PutResult => {
        const r = put();
        if (alone) this.indexSentences();
        return r;
      })
      .immediate();
  }

  deleteDocument(id: string): boolean {
    return this.db
      .transaction(() => {
        const had = this.st(`SELECT 1 FROM documents WHERE id = ?`).get(id);
        if (!had) return false;
        this.removeDocumentRows(id, false);
        this.st(`DELETE FROM source_keys WHERE doc = ?`).run(id);
        return true;
      })
      .immediate();
  }

  /** Deletes the records (and, unless keepRow, the document row) of a document. */
  private removeDocumentRows(id: string, keepRow: boolean): void {
    // the delete trigger takes rows out of the full-text index: they must be in it
    this.indexSentences();
    for (const k of RECORD_TABLE_KINDS) {
      const t = KINDS[k].table;
      // side tables first, by record id (their indexes start with kind, rid)
      this.st(`DELETE FROM record_actors WHERE kind = ? AND rid IN (SELECT id FROM ${t} WHERE doc = ?)`).run(k, id);
      this.st(`DELETE FROM record_topics WHERE kind = ? AND rid IN (SELECT id FROM ${t} WHERE doc = ?)`).run(k, id);
      this.st(`DELETE FROM ${t}_json WHERE id IN (SELECT id FROM ${t} WHERE doc = ?)`).run(id);
      this.st(`DELETE FROM ${t} WHERE doc = ?`).run(id);
    }
    this.st(`DELETE FROM sentences WHERE doc = ?`).run(id);
    if (!keepRow) {
      this.st(`DELETE FROM document_texts WHERE n = (SELECT n FROM documents WHERE id = ?)`).run(id);
      this.st(`DELETE FROM documents WHERE id = ?`).run(id);
    }
  }

  private insertDocument(
    input: PutInput,
    docRec: DocumentRecord,
    jsons: string[],
    fingerprint: string,
    now: string,
  ): void {
    const { text, records, sentences } = input;
    const id = docRec.doc;
    const counts: Record<string, number> = { turn: 0, entity: 0, meeting: 0, agreement: 0, quote: 0, event: 0 };
    for (const r of records) if (r.kind !== 'document' && r.kind in counts) counts[r.kind]!++;
    const published = str(docRec.published);
    const docCols = [
      JSON.stringify(docRec),
      fingerprint,
      str(docRec.title),
      published,
      dateLo(published),
      dateHi(published),
      str(docRec.source),
      str(docRec.url),
      docRec.place?.name ? docRec.place.name.toLowerCase() : null,
      docRec.place?.country ?? null,
      text.length,
      JSON.stringify(counts),
    ];
    const upd = this.st(
      `UPDATE documents SET record=?, fingerprint=?, title=?, published=?, date_lo=?, date_hi=?, source=?, url=?,
       place_lc=?, place_country=?, chars=?, counts=?, ingested_at=? WHERE id=?`,
    ).run(...docCols, now, id);
    if (upd.changes === 0)
      this.st(
        `INSERT INTO documents (record, fingerprint, title, published, date_lo, date_hi, source, url, place_lc,
         place_country, chars, counts, ingested_at, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      ).run(...docCols, now, id);
    const { n } = this.st(`SELECT n FROM documents WHERE id = ?`).get(id) as { n: number };
    this.st(`INSERT OR REPLACE INTO document_texts (n, text) VALUES (?, ?)`).run(n, text);

    const insSent = this.st(
      `INSERT INTO sentences (doc, idx, start, end, text, date_lo, date_hi) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const [sentLo, sentHi] = [dateLo(published), dateHi(published)];
    (sentences ?? []).forEach((s, i) => {
      if (
        !s ||
        !Number.isInteger(s.start) ||
        !Number.isInteger(s.end) ||
        s.start < 0 ||
        s.end < s.start ||
        s.end > text.length
      )
        throw new StoreError(
          `sentence ${i} has a bad span [${s?.start}, ${s?.end}) for a text of ${text.length} characters`,
        );
      insSent.run(id, i, s.start, s.end, text.slice(s.start, s.end), sentLo, sentHi);
    });

    const docLo = dateLo(published);
    const docHi = dateHi(published);
    records.forEach((r, i) => {
      if (!r || typeof r !== 'object') bad('?', i, 'not an object');
      if (r.kind === 'document') return;
      if (r.doc !== id) bad(r.kind, i, `doc "${r.doc}" differs from the document id "${id}"`);
      this.insertRecord(r, jsons[i]!, i, text, docLo, docHi);
    });
  }

  private checkSpan(kind: string, i: number, what: string, s: Partial<Span> | null | undefined, text: string): void {
    if (
      !s ||
      typeof s.start !== 'number' ||
      typeof s.end !== 'number' ||
      s.start < 0 ||
      s.end < s.start ||
      s.end > text.length
    )
      bad(kind, i, `${what} [${s?.start}, ${s?.end}) is not a span of the text (${text.length} characters)`);
  }

  private insertRecord(
    r: RecordOf,
    json: string,
    i: number,
    text: string,
    docLo: string | null,
    docHi: string | null,
  ): void {
    let rid: number;
    let jsonText: string | null = null;
    let actors: ActorRowIn[] = [];
    let topics: string[] = [];
    switch (r.kind) {
      case 'event': {
        if (typeof r.cameo !== 'string' || !/^\d{2,4}$/.test(r.cameo))
          bad('event', i, `bad cameo code ${JSON.stringify(r.cameo)}`);
        this.checkSpan('event', i, 'evidence', r.evidence, text);
        const src = actorKey(r.source);
        const tgt = actorKey(r.target);
        const [a, b] = src && tgt ? (src <= tgt ? [src, tgt] : [tgt, src]) : [null, null];
        const root = typeof r.root === 'string' && r.root ? r.root : r.cameo.slice(0, 2);
        rid = Number(
          this.st(
            `INSERT INTO events (doc, date_lo, date_hi, cameo, root, base, plover, quad_class, goldstein,
             src_key, tgt_key, dyad_a, dyad_b, month, place_lc, place_country, negated, hypothetical, ev_start, ev_end)
             VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
          ).run(
            r.doc,
            dateLo(r.date),
            dateHi(r.date),
            r.cameo,
            root,
            r.cameo.slice(0, 3),
            r.plover ?? null,
            typeof r.quad_class === 'number' ? r.quad_class : null,
            typeof r.goldstein === 'number' ? r.goldstein : null,
            src,
            tgt,
            a,
            b,
            monthOf(r.date),
            r.place?.name ? r.place.name.toLowerCase() : null,
            r.place?.country ?? null,
            r.negated ? 1 : 0,
            r.hypothetical ? 1 : 0,
            r.evidence.start,
            r.evidence.end,
          ).lastInsertRowid,
        );
        actors = [
          { role: 'source', actor: r.source },
          { role: 'target', actor: r.target },
        ];
        topics = r.topics ?? [];
        break;
      }
      case 'meeting': {
        this.checkSpan('meeting', i, 'evidence', r.evidence, text);
        if (!Array.isArray(r.parties)) bad('meeting', i, 'parties must be an array');
        rid = Number(
          this.st(
            `INSERT INTO meetings (doc, date_lo, date_hi, status, format, place_lc, place_country, ev_start, ev_end)
             VALUES (?,?,?,?,?,?,?,?,?)`,
          ).run(
            r.doc,
            dateLo(r.date),
            dateHi(r.date_end ?? r.date),
            r.status ?? null,
            r.format ?? null,
            r.place?.name ? r.place.name.toLowerCase() : null,
            r.place?.country ?? null,
            r.evidence.start,
            r.evidence.end,
          ).lastInsertRowid,
        );
        actors = r.parties.map((p) => ({ role: 'party', actor: p }));
        topics = r.topics ?? [];
        break;
      }
      case 'agreement': {
        this.checkSpan('agreement', i, 'evidence', r.evidence, text);
        if (!Array.isArray(r.parties)) bad('agreement', i, 'parties must be an array');
        rid = Number(
          this.st(
            `INSERT INTO agreements (doc, date_lo, date_hi, status, effective, deadline, ev_start, ev_end)
             VALUES (?,?,?,?,?,?,?,?)`,
          ).run(
            r.doc,
            dateLo(r.date),
            dateHi(r.date),
            r.status ?? null,
            r.effective ?? null,
            r.deadline ?? null,
            r.evidence.start,
            r.evidence.end,
          ).lastInsertRowid,
        );
        actors = r.parties.map((p) => ({ role: 'party', actor: p }));
        topics = r.topics ?? [];
        break;
      }
      case 'quote': {
        this.checkSpan('quote', i, 'span', r, text);
        rid = Number(
          this.st(`INSERT INTO quotes (doc, date_lo, date_hi, direct, start, "end") VALUES (?,?,?,?,?,?)`).run(
            r.doc,
            docLo,
            docHi,
            r.direct ? 1 : 0,
            r.start,
            r.end,
          ).lastInsertRowid,
        );
        actors = [{ role: 'speaker', actor: r.speaker }];
        break;
      }
      case 'turn': {
        this.checkSpan('turn', i, 'span', r, text);
        rid = Number(
          this.st(`INSERT INTO turns (doc, date_lo, date_hi, role, start) VALUES (?,?,?,?,?)`).run(
            r.doc,
            docLo,
            docHi,
            r.role ?? null,
            r.start,
          ).lastInsertRowid,
        );
        jsonText = r.label ?? null;
        actors = [{ role: 'speaker', actor: r.speaker }];
        break;
      }
      case 'entity': {
        if (!Array.isArray(r.mentions)) bad('entity', i, 'mentions must be an array');
        for (const m of r.mentions) this.checkSpan('entity', i, 'mention', { start: m?.[0], end: m?.[1] }, text);
        rid = Number(
          this.st(`INSERT INTO entities (doc, date_lo, date_hi, type, name_lc) VALUES (?,?,?,?,?)`).run(
            r.doc,
            docLo,
            docHi,
            r.type ?? null,
            r.name ? r.name.toLowerCase() : null,
          ).lastInsertRowid,
        );
        jsonText = r.name ?? null;
        actors = [
          {
            role: 'entity',
            actor: { name: r.name, role: r.role, country: r.country, org: r.org, sector: null, code: r.code },
          },
        ];
        break;
      }
      default:
        bad(String((r as { kind?: unknown }).kind), i, 'unknown record kind');
    }
    const kind = r.kind;
    this.st(`INSERT INTO ${KINDS[kind].table}_json (id, json, text) VALUES (?, ?, ?)`).run(rid, json, jsonText);
    const insActor = this.st(
      `INSERT INTO record_actors (kind, rid, doc, role, name, name_lc, last_lc, country, org, code, key)
       VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
    );
    for (const { role, actor } of actors) {
      if (!actor) continue;
      const name = str(actor.name);
      const country = str(actor.country);
      const org = str(actor.org);
      const code = str(actor.code);
      if (!name && !country && !org && !code) continue;
      const nameLc = name ? name.toLowerCase() : null;
      const words = nameLc ? nameLc.split(/\s+/).filter(Boolean) : [];
      insActor.run(
        kind,
        rid,
        r.doc,
        role,
        name,
        nameLc,
        words.length ? words[words.length - 1]! : null,
        country ? country.toUpperCase() : null,
        org ? org.toUpperCase() : null,
        code ? code.toUpperCase() : null,
        actorKey({ country: country?.toUpperCase() ?? null, org: org?.toUpperCase() ?? null }),
      );
    }
    const insTopic = this.st(`INSERT INTO record_topics (kind, rid, doc, topic) VALUES (?,?,?,?)`);
    for (const t of new Set(topics.filter((t) => typeof t === 'string')))
      insTopic.run(kind, rid, r.doc, t.toLowerCase());
  }

  // ---------------------------------------------------------------- documents

  getDocument(id: string): StoredDocument | null {
    const row = this.st(
      `SELECT d.id, x.text, d.record, d.ingested_at FROM documents d JOIN document_texts x ON x.n = d.n WHERE d.id = ?`,
    ).get(id) as { id: string; text: string; record: string; ingested_at: string } | undefined;
    if (!row) return null;
    const keys = this.st(`SELECT key FROM source_keys WHERE doc = ? ORDER BY rowid`).all(id) as { key: string }[];
    const sents = this.st(`SELECT start, end FROM sentences WHERE doc = ? ORDER BY idx`).all(id) as Span[];
    return {
      id: row.id,
      sourceKeys: keys.map((k) => k.key),
      text: row.text,
      record: JSON.parse(row.record),
      sentences: sents.map((s) => ({ start: s.start, end: s.end })),
      ingestedAt: row.ingested_at,
    };
  }

  listDocuments(
    page: Page = {},
    filter: Pick<RecordFilter, 'q' | 'from' | 'to' | 'doc'> = {},
  ): QueryResult<DocumentSummary> {
    const spec = KINDS.document;
    const { where, params } = this.where('document', spec, filter);
    const { limit, offset, orderBy } = this.paging(spec, page);
    const total = (this.st(`SELECT count(*) AS n FROM documents t ${where}`).get(...params) as { n: number }).n;
    const rows = this.st(
      `SELECT t.id, t.title, t.published, t.source, t.url, t.chars, t.counts, t.ingested_at,
       (SELECT json_group_array(key) FROM (SELECT key FROM source_keys WHERE doc = t.id ORDER BY rowid)) AS keys
       FROM documents t ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as {
      id: string;
      title: string | null;
      published: string | null;
      source: string | null;
      url: string | null;
      chars: number;
      counts: string;
      ingested_at: string;
      keys: string;
    }[];
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        sourceKeys: JSON.parse(r.keys),
        title: r.title,
        published: r.published,
        source: r.source,
        url: r.url,
        chars: r.chars,
        ingestedAt: r.ingested_at,
        counts: JSON.parse(r.counts),
      })),
    };
  }

  // ---------------------------------------------------------------- search

  search(
    query: string,
    page: Page = {},
    filter: Pick<RecordFilter, 'doc' | 'from' | 'to'> = {},
  ): QueryResult<SentenceHit> {
    if (typeof query !== 'string') throw new QueryError('search query must be a string');
    const match = toFtsQuery(query);
    const { limit, offset } = this.paging(KINDS.document, { limit: page.limit, offset: page.offset });
    if (page.sort && page.sort !== 'rank') throw new QueryError(`search results sort only by rank`);
    const conds: string[] = [];
    const params: unknown[] = [];
    for (const k of Object.keys(filter) as (keyof typeof filter)[]) {
      const v = filter[k];
      if (v === undefined || v === null || v === '') continue;
      if (typeof v !== 'string') throw new QueryError(`filter ${k} must be a string`);
      if (k === 'doc') {
        // a document's sentences have consecutive ids: a rowid range the FTS index can use
        const r = this.st(`SELECT min(id) AS lo, max(id) AS hi FROM sentences WHERE doc = ?`).get(v) as {
          lo: number | null;
          hi: number | null;
        };
        conds.push('s.doc = ?', 'f.rowid BETWEEN ? AND ?');
        params.push(v, r.lo ?? 0, r.hi ?? -1);
      } else if (k === 'from') {
        checkDateBound('from', v);
        conds.push('s.date_hi >= ?');
        params.push(dateLo(v));
      } else if (k === 'to') {
        checkDateBound('to', v);
        conds.push('s.date_lo <= ?');
        params.push(dateHi(v));
      } else throw new QueryError(`filter "${k}" does not apply to search`);
    }
    // rank and page on the FTS table (joined with sentences only when filtering), then fetch the
    // page's sentences and snippets
    const from = conds.length
      ? `FROM sentences_fts f JOIN sentences s ON s.id = f.rowid WHERE sentences_fts MATCH ? AND ${conds.join(' AND ')}`
      : `FROM sentences_fts f WHERE sentences_fts MATCH ?`;
    try {
      const total = (this.st(`SELECT count(*) AS n ${from}`).get(match, ...params) as { n: number }).n;
      const page_ = this.st(
        `SELECT f.rowid AS id, f.rank AS rank ${from} ORDER BY f.rank, f.rowid LIMIT ? OFFSET ?`,
      ).all(match, ...params, limit, offset) as { id: number; rank: number }[];
      if (!page_.length) return { total, rows: [] };
      const ids = page_.map((p) => p.id);
      const marks = ids.map(() => '?').join(',');
      const snippets = new Map(
        (
          this.st(
            `SELECT rowid AS id, snippet(sentences_fts, 0, '[', ']', '…', 40) AS snippet FROM sentences_fts
             WHERE sentences_fts MATCH ? AND rowid IN (${marks})`,
          ).all(match, ...ids) as { id: number; snippet: string }[]
        ).map((r) => [r.id, r.snippet]),
      );
      const sents = new Map(
        (
          this.st(
            `SELECT s.id, s.doc, d.title, d.published, s.idx, s.start, s.end, s.text
             FROM sentences s JOIN documents d ON d.id = s.doc WHERE s.id IN (${marks})`,
          ).all(...ids) as {
            id: number;
            doc: string;
            title: string | null;
            published: string | null;
            idx: number;
            start: number;
            end: number;
            text: string;
          }[]
        ).map((r) => [r.id, r]),
      );
      const rows: SentenceHit[] = [];
      for (const p of page_) {
        const r = sents.get(p.id);
        if (!r) continue;
        rows.push({
          doc: r.doc,
          title: r.title,
          published: r.published,
          index: r.idx,
          start: r.start,
          end: r.end,
          text: r.text,
          snippet: snippets.get(p.id) ?? r.text,
          rank: p.rank,
        });
      }
      return { total, rows };
    } catch (e) {
      if (e instanceof QueryError) throw e;
      throw new QueryError(`cannot run search "${query}": ${(e as Error).message}`);
    }
  }

  // ---------------------------------------------------------------- query layer

  private where(kind: RecordKind, spec: KindSpec, filter: RecordFilter): { where: string; params: unknown[] } {
    const conds: string[] = [];
    const params: unknown[] = [];
    if (filter === null || typeof filter !== 'object') throw new QueryError('filter must be an object');
    for (const key of Object.keys(filter) as Filterable[]) {
      const raw = filter[key];
      if (raw === undefined || raw === null || raw === '') continue;
      if (typeof raw !== 'string') throw new QueryError(`filter ${key} must be a string`);
      const v = raw.trim();
      if (!spec.filters.has(key)) {
        if (!RECORD_FILTER_KEYS.includes(key)) throw new QueryError(`unknown filter "${key}"`);
        throw new QueryError(`filter "${key}" does not apply to ${kind} records`);
      }
      switch (key) {
        case 'doc':
          conds.push(`t.${spec.docCol} = ?`);
          params.push(v);
          break;
        case 'actor': {
          const lc = v.toLowerCase();
          const uc = v.toUpperCase();
          // a country is its actor's key (the key is the country, else the organisation): the key
          // index serves it
          const alts: [string, unknown[]][] = [
            ['name_lc = ?', [lc]],
            ['last_lc = ?', [lc]],
            ['key = ? AND country = ?', [uc, uc]],
            ['org = ?', [uc]],
            ['code = ?', [uc]],
          ];
          const cc = countryCodeOf(v);
          if (cc && cc !== uc) alts.push(['key = ? AND country = ?', [cc, cc]]);
          conds.push(
            `t.id IN (${alts.map(([a]) => `SELECT rid FROM record_actors WHERE kind = ? AND ${a}`).join(' UNION ')})`,
          );
          for (const [, ps] of alts) params.push(kind, ...ps);
          break;
        }
        case 'country':
          conds.push(`t.id IN (SELECT rid FROM record_actors WHERE kind = ? AND key = ? AND country = ?)`);
          params.push(kind, v.toUpperCase(), v.toUpperCase());
          break;
        case 'dyad': {
          const parts = v
            .toUpperCase()
            .split(/\s*[-,/:]\s*/)
            .filter(Boolean);
          if (parts.length !== 2) throw new QueryError(`dyad must be two sides like "RUS-USA", got "${raw}"`);
          const [a, b] = parts[0]! <= parts[1]! ? parts : [parts[1]!, parts[0]!];
          if (kind === 'event') {
            conds.push(`t.dyad_a = ? AND t.dyad_b = ?`);
            params.push(a, b);
          } else {
            conds.push(`t.id IN (SELECT rid FROM record_actors WHERE kind = ? AND key = ?)`);
            conds.push(`t.id IN (SELECT rid FROM record_actors WHERE kind = ? AND key = ?)`);
            params.push(kind, a, kind, b);
          }
          break;
        }
        case 'cameo':
          if (!/^\d{2,4}$/.test(v)) throw new QueryError(`cameo must be a CAMEO code of 2 to 4 digits, got "${raw}"`);
          conds.push(`t.cameo >= ? AND t.cameo < ?`);
          params.push(v, v + ':');
          break;
        case 'root': {
          if (!/^\d{1,2}$/.test(v) || Number(v) < 1 || Number(v) > 20)
            throw new QueryError(`root must be a CAMEO root code 01 to 20, got "${raw}"`);
          conds.push(`t.root = ?`);
          params.push(v.padStart(2, '0'));
          break;
        }
        case 'plover':
          conds.push(`t.plover = ?`);
          params.push(v.toUpperCase());
          break;
        case 'topic':
          conds.push(`t.id IN (SELECT rid FROM record_topics WHERE kind = ? AND topic = ?)`);
          params.push(kind, v.toLowerCase());
          break;
        case 'status':
          conds.push(`t.status = ?`);
          params.push(v.toLowerCase());
          break;
        case 'from':
          checkDateBound('from', v);
          conds.push(`t.date_hi >= ?`);
          params.push(dateLo(v));
          if (spec.shortDates) {
            // a day, month or year that ends on or after `from` starts on or after 1 January of from's year
            conds.push(`t.date_lo >= ?`);
            params.push(`${dateLo(v)!.slice(0, 4)}-01-01`);
          }
          break;
        case 'to':
          checkDateBound('to', v);
          conds.push(`t.date_lo <= ?`);
          params.push(dateHi(v));
          break;
        case 'place':
          conds.push(`(t.place_lc = ? OR t.place_country = ?)`);
          params.push(v.toLowerCase(), v.toUpperCase());
          break;
        case 'q': {
          if (kind === 'document' || kind === 'entity' || kind === 'turn') {
            // a title, name or speaker label: case-insensitive substring
            conds.push(
              kind === 'document'
                ? `t.title LIKE ? ESCAPE '\\'`
                : `t.id IN (SELECT id FROM ${spec.json.table} WHERE text LIKE ? ESCAPE '\\')`,
            );
            params.push(`%${likeEscape(v)}%`);
            break;
          }
          // words of the sentences the evidence (quote) lies in, through the sentence index, with
          // search's syntax; events and meetings are read from one sentence, agreements and quotes
          // may run over several
          const within = kind === 'event' || kind === 'meeting';
          const [a, b] = kind === 'quote' ? ['r.start', 'r."end"'] : ['r.ev_start', 'r.ev_end'];
          conds.push(
            `t.id IN (SELECT r.id FROM sentences_fts f JOIN sentences s ON s.id = f.rowid
             JOIN ${spec.table} r ON r.doc = s.doc AND ${within ? `${a} >= s.start AND ${a} < s.end` : `${a} < s.end AND ${b} > s.start`}
             WHERE sentences_fts MATCH ?)`,
          );
          params.push(toFtsQuery(v));
          break;
        }
        default:
          throw new QueryError(`unknown filter "${key}"`);
      }
    }
    return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
  }

  private paging(spec: KindSpec, page: Page, cap = MAX_LIMIT): { limit: number; offset: number; orderBy: string } {
    const limit = page.limit ?? DEFAULT_LIMIT;
    const offset = page.offset ?? 0;
    if (!Number.isInteger(limit) || limit < 1)
      throw new QueryError(`limit must be a positive integer, got ${page.limit}`);
    if (!Number.isInteger(offset) || offset < 0)
      throw new QueryError(`offset must be a non-negative integer, got ${page.offset}`);
    return { limit: Math.min(limit, cap), offset, orderBy: this.orderBy(spec, page) };
  }

  private orderBy(spec: KindSpec, page: Pick<Page, 'sort' | 'order'>): string {
    const order = page.order ?? 'asc';
    if (order !== 'asc' && order !== 'desc') throw new QueryError(`order must be "asc" or "desc", got "${page.order}"`);
    const sort = page.sort ?? 'id';
    const col = Object.prototype.hasOwnProperty.call(spec.sorts, sort) ? spec.sorts[sort] : undefined;
    if (!col)
      throw new QueryError(`cannot sort ${spec.table} by "${sort}" (one of ${Object.keys(spec.sorts).join(', ')})`);
    const dir = order.toUpperCase();
    if (col === spec.pk) return `t.${col} ${dir}`;
    return `t.${col} ${dir} NULLS LAST, t.${spec.pk} ${dir}`;
  }

  query(kind: RecordKind, filter: RecordFilter = {}, page: Page = {}): QueryResult {
    const spec = kindSpec(kind);
    const { where, params } = this.where(kind, spec, filter);
    // one document's records come whole (up to DOC_LIMIT); other queries are capped at MAX_LIMIT
    const { limit, offset, orderBy } = this.paging(spec, page, filter.doc ? DOC_LIMIT : MAX_LIMIT);
    const count = () =>
      (this.st(`SELECT count(*) AS n FROM ${spec.table} t ${where}`).get(...params) as { n: number }).n;
    if (typeof filter.q === 'string' && filter.q.trim()) {
      // the words go through the sentence index, which costs more than the rest of the query: the
      // page and the total come from one pass (a window count), not two
      const rows = this.st(
        `SELECT t.${spec.pk} AS k, count(*) OVER () AS n FROM ${spec.table} t ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
      ).all(...params, limit, offset) as { k: number; n: number }[];
      const total = rows.length ? rows[0]!.n : offset > 0 ? count() : 0;
      return {
        total,
        rows: this.fetchJson(
          spec,
          rows.map((r) => r.k),
        ),
      };
    }
    const total = count();
    const keys = this.st(`SELECT t.${spec.pk} FROM ${spec.table} t ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, limit, offset) as number[];
    return { total, rows: this.fetchJson(spec, keys) };
  }

  /** The records of the given keys, in the order of the keys (missing ones left out). */
  private fetchJson(spec: KindSpec, keys: number[]): RecordOf[] {
    if (!keys.length) return [];
    const { table, key, col } = spec.json;
    const rows = this.st(
      `SELECT ${key} AS k, ${col} AS j FROM ${table} WHERE ${key} IN (${keys.map(() => '?').join(',')})`,
    ).all(...keys) as { k: number; j: string }[];
    const byKey = new Map(rows.map((r) => [r.k, r.j]));
    const out: RecordOf[] = [];
    for (const k of keys) {
      const j = byKey.get(k);
      if (j !== undefined) out.push(JSON.parse(j));
    }
    return out;
  }

  *iterate(
    kind: RecordKind,
    filter: RecordFilter = {},
    page: Pick<Page, 'sort' | 'order'> = {},
  ): IterableIterator<RecordOf> {
    const spec = kindSpec(kind);
    const { where, params } = this.where(kind, spec, filter);
    const orderBy = this.orderBy(spec, page);
    // The keys first, then the records in batches: no statement stays open between yields, so the
    // connection can write (ingest) while an export is streaming.
    const keys = this.st(`SELECT t.${spec.pk} FROM ${spec.table} t ${where} ORDER BY ${orderBy}`)
      .pluck()
      .all(...params) as number[];
    const BATCH = 500;
    // (a record deleted meanwhile is skipped)
    for (let i = 0; i < keys.length; i += BATCH) yield* this.fetchJson(spec, keys.slice(i, i + BATCH));
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const k of ['document', ...RECORD_TABLE_KINDS] as RecordKind[])
      out[k] = (this.st(`SELECT count(*) AS n FROM ${KINDS[k].table}`).get() as { n: number }).n;
    return out;
  }

  // ---------------------------------------------------------------- aggregates

  eventsByMonth(filter: RecordFilter = {}, opts: { directed?: boolean } = {}): MonthDyadRow[] {
    const { where, params } = this.where('event', KINDS.event, filter);
    const [a, b] = opts.directed ? ['t.src_key', 't.tgt_key'] : ['t.dyad_a', 't.dyad_b'];
    const conds = `${where ? where + ' AND' : 'WHERE'} t.month IS NOT NULL AND ${a} IS NOT NULL AND ${b} IS NOT NULL
                   AND t.negated = 0 AND t.hypothetical = 0`;
    const rows = this.st(
      `SELECT t.month AS month, ${a} AS a, ${b} AS b, count(*) AS events, avg(t.goldstein) AS g,
       sum(t.quad_class = 1) AS q1, sum(t.quad_class = 2) AS q2, sum(t.quad_class = 3) AS q3, sum(t.quad_class = 4) AS q4
       FROM events t ${conds} GROUP BY t.month, ${a}, ${b} ORDER BY t.month, ${a}, ${b}`,
    ).all(...params) as {
      month: string;
      a: string;
      b: string;
      events: number;
      g: number | null;
      q1: number;
      q2: number;
      q3: number;
      q4: number;
    }[];
    return rows.map((r) => ({
      month: r.month,
      a: r.a,
      b: r.b,
      events: r.events,
      goldsteinMean: r.g === null ? 0 : Math.round(r.g * 100) / 100,
      quad: [r.q1, r.q2, r.q3, r.q4],
    }));
  }

  placeCounts(filter: RecordFilter = {}): PlaceRow[] {
    const out = new Map<string, PlaceRow>();
    for (const kind of ['meeting', 'event'] as const) {
      const spec = KINDS[kind];
      const f = { ...filter };
      // a filter that does not apply to a kind (e.g. cameo for meetings) leaves that kind out
      if (Object.keys(f).some((k) => f[k as Filterable] !== undefined && !spec.filters.has(k as Filterable))) continue;
      const { where, params } = this.where(kind, spec, f);
      const extra = kind === 'event' ? ' AND t.negated = 0 AND t.hypothetical = 0' : '';
      // group on the narrow columns; read one record's JSON per place for its name and coordinates
      const rows = this.st(
        `SELECT t.place_lc AS k, t.place_country AS c, count(*) AS n, ${kind === 'event' ? 'avg(t.goldstein)' : 'NULL'} AS g,
                min(t.id) AS rid
         FROM ${spec.table} t ${where ? where + ' AND' : 'WHERE'} t.place_lc IS NOT NULL${extra}
         GROUP BY t.place_lc, t.place_country`,
      ).all(...params) as { k: string; c: string | null; n: number; g: number | null; rid: number }[];
      const json = this.st(`SELECT json FROM ${spec.table}_json WHERE id = ?`);
      for (const r of rows) {
        const key = `${r.k}|${r.c ?? ''}`;
        let row = out.get(key);
        if (!row) {
          const rec = JSON.parse((json.get(r.rid) as { json: string }).json) as {
            place?: { name: string; lat: number | null; lon: number | null } | null;
          };
          row = {
            name: rec.place?.name ?? r.k,
            country: r.c,
            lat: rec.place?.lat ?? null,
            lon: rec.place?.lon ?? null,
            meetings: 0,
            events: 0,
            goldsteinMean: null,
          };
          out.set(key, row);
        }
        if (kind === 'meeting') row.meetings += r.n;
        else {
          row.events += r.n;
          row.goldsteinMean = r.g === null ? null : Math.round(r.g * 100) / 100;
        }
      }
    }
    return [...out.values()].sort(
      (a, b) => b.meetings + b.events - (a.meetings + a.events) || a.name.localeCompare(b.name),
    );
  }

  meetingsByPair(filter: RecordFilter = {}): PairRow[] {
    const { where, params } = this.where('meeting', KINDS.meeting, filter);
    const rows = this.st(
      `SELECT x.key AS a, y.key AS b, count(DISTINCT t.id) AS meetings, min(t.date_lo) AS first, max(t.date_lo) AS last
       FROM meetings t
       CROSS JOIN record_actors x INDEXED BY record_actors_rid ON x.kind = 'meeting' AND x.rid = t.id
       CROSS JOIN record_actors y INDEXED BY record_actors_rid ON y.kind = 'meeting' AND y.rid = t.id
       ${where ? where + ' AND' : 'WHERE'} x.key IS NOT NULL AND y.key IS NOT NULL AND x.key < y.key
       GROUP BY x.key, y.key ORDER BY meetings DESC, a, b`,
    ).all(...params) as PairRow[];
    return rows.map((r) => ({ a: r.a, b: r.b, meetings: r.meetings, first: r.first, last: r.last }));
  }

  topActors(
    opts: { kind?: RecordKind; by?: 'name' | 'country'; limit?: number; filter?: RecordFilter } = {},
  ): ActorRow[] {
    const by = opts.by ?? 'name';
    if (by !== 'name' && by !== 'country') throw new QueryError(`top actors group by "name" or "country", got "${by}"`);
    const limit = Math.min(opts.limit ?? 20, MAX_LIMIT);
    if (!Number.isInteger(limit) || limit < 1) throw new QueryError(`limit must be a positive integer`);
    const filter = opts.filter ?? {};
    const used = (Object.keys(filter) as Filterable[]).filter((k) => filter[k] !== undefined && filter[k] !== '');
    let kinds: RecordKind[] = opts.kind ? [opts.kind] : ['event', 'meeting', 'agreement', 'quote'];
    if (opts.kind) kindSpec(opts.kind);
    if (opts.kind === 'document') throw new QueryError('documents have no actors to count');
    if (!opts.kind) kinds = kinds.filter((k) => used.every((f) => KINDS[k].filters.has(f)));
    if (!kinds.length) throw new QueryError(`no record kind accepts the filters ${used.join(', ')}`);
    const col = by === 'name' ? 'name_lc' : 'key';
    // per kind: distinct records per actor (a record naming one actor twice counts once);
    // CROSS JOIN keeps the filtered record table as the outer loop
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const k of kinds) {
      const spec = KINDS[k];
      if (!used.length) {
        parts.push(
          `SELECT ${col} AS g, count(DISTINCT rid) AS n FROM record_actors WHERE kind = ? AND ${col} IS NOT NULL GROUP BY ${col}`,
        );
        params.push(k);
      } else {
        const w = this.where(k, spec, filter);
        parts.push(
          `SELECT ra.${col} AS g, count(DISTINCT ra.rid) AS n FROM ${spec.table} t
           CROSS JOIN record_actors ra INDEXED BY record_actors_rid ON ra.kind = ? AND ra.rid = t.id
           ${w.where ? w.where + ' AND' : 'WHERE'} ra.${col} IS NOT NULL GROUP BY ra.${col}`,
        );
        params.push(k, ...w.params);
      }
    }
    const top = this.st(
      `SELECT g, sum(n) AS records FROM (${parts.join(' UNION ALL ')}) GROUP BY g ORDER BY records DESC, g LIMIT ?`,
    ).all(...params, limit) as { g: string; records: number }[];
    const kindList = kinds.map(() => '?').join(',');
    const detail = this.st(
      `SELECT name, country, org FROM record_actors WHERE kind IN (${kindList}) AND ${col} = ? LIMIT 1`,
    );
    return top.map(({ g, records }) => {
      const d = detail.get(...kinds, g) as
        { name: string | null; country: string | null; org: string | null } | undefined;
      if (by === 'name') return { actor: d?.name ?? g, country: d?.country ?? null, org: d?.org ?? null, records };
      const isCountry = d?.country === g;
      return { actor: g, country: isCountry ? g : null, org: isCountry ? null : g, records };
    });
  }

  topicCounts(opts: { kind?: RecordKind; limit?: number; filter?: RecordFilter } = {}): TopicRow[] {
    const limit = Math.min(opts.limit ?? 50, MAX_LIMIT);
    if (!Number.isInteger(limit) || limit < 1) throw new QueryError(`limit must be a positive integer`);
    const filter = opts.filter ?? {};
    const used = (Object.keys(filter) as Filterable[]).filter((k) => filter[k] !== undefined && filter[k] !== '');
    const withTopics: RecordKind[] = ['event', 'meeting', 'agreement'];
    if (opts.kind && !withTopics.includes(opts.kind)) throw new QueryError(`${opts.kind} records have no topics`);
    let kinds = opts.kind ? [opts.kind] : withTopics;
    if (!opts.kind) kinds = kinds.filter((k) => used.every((f) => KINDS[k].filters.has(f)));
    if (!kinds.length) throw new QueryError(`no record kind with topics accepts the filters ${used.join(', ')}`);
    const parts: string[] = [];
    const params: unknown[] = [];
    for (const k of kinds) {
      const spec = KINDS[k];
      const w = this.where(k, spec, filter);
      parts.push(
        used.length
          ? `SELECT ? AS kind, rt.topic, count(*) AS n FROM ${spec.table} t CROSS JOIN record_topics rt INDEXED BY record_topics_rid ON rt.kind = ? AND rt.rid = t.id
             ${w.where} GROUP BY rt.topic`
          : `SELECT ? AS kind, topic, count(*) AS n FROM record_topics WHERE kind = ? GROUP BY topic`,
      );
      params.push(k, k, ...(used.length ? w.params : []));
    }
    const rows = this.st(`SELECT kind, topic, n FROM (${parts.join(' UNION ALL ')})`).all(...params) as {
      kind: string;
      topic: string;
      n: number;
    }[];
    const by = new Map<string, TopicRow>();
    for (const r of rows) {
      const t = by.get(r.topic) ?? { topic: r.topic, records: 0, byKind: {} };
      t.records += r.n;
      t.byKind[r.kind] = r.n;
      by.set(r.topic, t);
    }
    return [...by.values()].sort((a, b) => b.records - a.records || (a.topic < b.topic ? -1 : 1)).slice(0, limit);
  }
}
