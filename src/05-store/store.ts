/**
 * The store interface. SQLite (./sqlite.ts) is the default implementation; a PostgreSQL
 * store will implement the same interface later. All queries the CLI, the HTTP API and
 * the exports run go through this interface (one query layer).
 */
import type { RecordKind, RecordOf } from '../00-model/records.js';

export type PutStatus = 'inserted' | 'unchanged' | 'replaced';

export interface StoredDocument {
  id: string;
  sourceKey: string;
  text: string;
  record: RecordOf & { kind: 'document' };
  ingestedAt: string;
}

export interface SentenceHit {
  doc: string;
  title: string | null;
  published: string | null;
  start: number;
  end: number;
  text: string;
  /** text with matches marked by [ ] */
  snippet: string;
  rank: number;
}

export interface Page {
  limit?: number;
  offset?: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

/** Filters accepted by query(); unknown keys are rejected by the caller. */
export interface RecordFilter {
  doc?: string;
  /** actor name, ISO country code, or org acronym: matches source/target/parties/speaker */
  actor?: string;
  country?: string;
  /** dyad "RUS-USA" (either direction) */
  dyad?: string;
  cameo?: string;
  root?: string;
  plover?: string;
  topic?: string;
  status?: string;
  /** ISO date lower/upper bounds (inclusive) on the record's date */
  from?: string;
  to?: string;
  place?: string;
  q?: string;
}

export interface QueryResult<T = RecordOf> {
  total: number;
  rows: T[];
}

export interface Store {
  /** Stores one document and all its records in one transaction. */
  putDocument(sourceKey: string, text: string, records: RecordOf[]): PutStatus;
  getDocument(id: string): StoredDocument | null;
  /** Full-text search over sentences. */
  search(query: string, page?: Page): QueryResult<SentenceHit>;
  query(kind: RecordKind, filter?: RecordFilter, page?: Page): QueryResult;
  /** counts by record kind */
  counts(): Record<string, number>;
  close(): void;
}
