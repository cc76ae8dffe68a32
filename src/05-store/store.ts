/**
 * The store interface. SQLite (./sqlite.ts) is the default implementation; a PostgreSQL
 * store will implement the same interface later. All queries the CLI, the HTTP API and
 * the exports run go through this interface (one query layer).
 */
import type { Span } from '../00-model/doc.js';
import type { DocumentRecord, RecordKind, RecordOf } from '../00-model/records.js';

/**
 * inserted: a new document; unchanged: identical content (text and records) already stored
 * under this source key; replaced: the source key held other content (or the same text with
 * different records), whose records were replaced atomically; duplicate: the same document
 * (same content hash) is already stored under another source key: it is stored once and
 * this key is remembered as an alias.
 */
export type PutStatus = 'inserted' | 'unchanged' | 'replaced' | 'duplicate';

export interface PutInput {
  /** stable key of the source (absolute path, URL, "jsonl-id:<id>"…) used for replace-on-change */
  sourceKey: string;
  text: string;
  /** all records of the document; exactly one must be the `document` record (its `doc` is the id) */
  records: RecordOf[];
  /** sentence spans (offsets into text) for full-text search */
  sentences: Span[];
}

export interface PutResult {
  status: PutStatus;
  /** the document id */
  doc: string;
  /** id of the document this source key held before, when it was replaced by another one */
  previous?: string;
}

export interface StoredDocument {
  id: string;
  /** every source key this content was ingested under (first one first) */
  sourceKeys: string[];
  text: string;
  record: DocumentRecord;
  sentences: Span[];
  ingestedAt: string;
}

export interface SentenceHit {
  doc: string;
  title: string | null;
  published: string | null;
  /** sentence index in the document */
  index: number;
  start: number;
  end: number;
  text: string;
  /** the sentence with matches marked by [ ] (shortened with … when long) */
  snippet: string;
  /** bm25 rank, lower is better */
  rank: number;
}

export interface Page {
  limit?: number;
  offset?: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

/** Filters accepted by query(); a filter that does not apply to a kind is a QueryError. */
export interface RecordFilter {
  doc?: string;
  /** actor name (full or last name, case-insensitive), ISO country code, org acronym or CAMEO actor code:
   *  matches source/target/parties/speaker */
  actor?: string;
  /** ISO alpha-3 country of any actor of the record */
  country?: string;
  /** dyad "RUS-USA" (either direction); each side a country code or org acronym */
  dyad?: string;
  /** CAMEO code prefix ("04" matches 040…046, "0431" only itself) */
  cameo?: string;
  root?: string;
  plover?: string;
  topic?: string;
  status?: string;
  /** ISO date lower/upper bounds (inclusive); a record matches when its date period overlaps */
  from?: string;
  to?: string;
  /** place name (case-insensitive) or ISO country code of the place */
  place?: string;
  /**
   * events, meetings, agreements, quotes: words of the sentences their evidence (quote) lies in,
   * with search's syntax (words, "phrases", prefix*, OR, NOT, stemmed); entities, turns, documents:
   * case-insensitive substring of the name, speaker label or title
   */
  q?: string;
}

/** The filters a query can take, in the order of RecordFilter. */
export const RECORD_FILTER_KEYS: readonly (keyof RecordFilter)[] = [
  'doc',
  'actor',
  'country',
  'dyad',
  'cameo',
  'root',
  'plover',
  'topic',
  'status',
  'from',
  'to',
  'place',
  'q',
];

export interface QueryResult<T = RecordOf> {
  total: number;
  rows: T[];
}

export interface DocumentSummary {
  id: string;
  sourceKeys: string[];
  title: string | null;
  published: string | null;
  source: string | null;
  url: string | null;
  chars: number;
  ingestedAt: string;
  /** records per kind (turn, entity, meeting, agreement, quote, event) */
  counts: Record<string, number>;
}

export interface MonthDyadRow {
  /** "YYYY-MM" */
  month: string;
  /** the two sides (country code or org), ordered alphabetically unless directed */
  a: string;
  b: string;
  events: number;
  goldsteinMean: number;
  /** events per quad class 1..4 */
  quad: [number, number, number, number];
}

export interface PairRow {
  a: string;
  b: string;
  meetings: number;
  first: string | null;
  last: string | null;
}

export interface ActorRow {
  /** actor name, or country/org when grouped by country */
  actor: string;
  country: string | null;
  org: string | null;
  records: number;
}

export interface TopicRow {
  topic: string;
  /** records naming the topic, all kinds counted */
  records: number;
  /** per kind (event, meeting, agreement) */
  byKind: Record<string, number>;
}

export interface Aggregates {
  /** events per month per dyad with mean Goldstein (events without a month are left out) */
  eventsByMonth(filter?: RecordFilter, opts?: { directed?: boolean }): MonthDyadRow[];
  /** meetings per pair of parties (country code or org) */
  meetingsByPair(filter?: RecordFilter): PairRow[];
  /** actors by number of records (events, meetings, agreements, quotes unless kind is given) */
  topActors(opts?: { kind?: RecordKind; by?: 'name' | 'country'; limit?: number; filter?: RecordFilter }): ActorRow[];
  /** topics by number of records (events, meetings, agreements unless kind is given) */
  topicCounts(opts?: { kind?: RecordKind; limit?: number; filter?: RecordFilter }): TopicRow[];
  /** where meetings and events took place: one row per place, with counts and mean Goldstein of its events */
  placeCounts(filter?: RecordFilter): PlaceRow[];
}

export interface PlaceRow {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  meetings: number;
  events: number;
  goldsteinMean: number | null;
}

export interface Store extends Aggregates {
  /** Stores one document and all its records in one transaction. */
  putDocument(input: PutInput): PutResult;
  /**
   * Runs `fn` in one write transaction: the documents it puts are committed together (far faster
   * than one commit each). A putDocument that throws inside it is rolled back alone, and the
   * others still commit; if `fn` itself throws, nothing of it is stored.
   */
  batch<T>(fn: () => T): T;
  /**
   * For loading many documents into an empty store: drops the indexes behind filters and sorts
   * until the returned function builds them again, one pass each over the stored rows (cheaper
   * than keeping each up to date row by row). Queries meanwhile give the same answers, slower.
   * Returns null, deferring nothing, when the store already holds documents. Should the process die
   * before the indexes are built, the next read-write open of the store builds them.
   */
  deferIndexes(): (() => void) | null;
  getDocument(id: string): StoredDocument | null;
  /** Documents with per-kind record counts, newest ingest last (stable order). */
  listDocuments(page?: Page, filter?: Pick<RecordFilter, 'q' | 'from' | 'to' | 'doc'>): QueryResult<DocumentSummary>;
  /** Removes a document and its records; false if it was not stored. */
  deleteDocument(id: string): boolean;
  /** Full-text search over sentences (FTS5). Throws QueryError on bad query syntax. */
  search(query: string, page?: Page, filter?: Pick<RecordFilter, 'doc' | 'from' | 'to'>): QueryResult<SentenceHit>;
  /** Records of one kind, as stored, in a stable order. Throws QueryError on a bad filter or sort.
   *  page.limit defaults to DEFAULT_LIMIT and is capped at MAX_LIMIT (100,000 when filter.doc is set). */
  query(kind: RecordKind, filter?: RecordFilter, page?: Page): QueryResult;
  /** Every matching record, in the same order as query(), without the page cap (for exports). */
  iterate(kind: RecordKind, filter?: RecordFilter, page?: Pick<Page, 'sort' | 'order'>): IterableIterator<RecordOf>;
  /** counts by record kind (document, turn, entity, meeting, agreement, quote, event) */
  counts(): Record<string, number>;
  close(): void;
}

/** A bad filter, sort, page or search query from the user: the message is fit to show as is (HTTP 400). */
export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

/** The store file cannot be used (not a Readout database, newer schema, bad record on ingest). */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 50;
