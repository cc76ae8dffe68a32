/**
 * CSV export of one record kind (RFC 4180: comma-separated, CRLF line ends, fields quoted when
 * needed, quotes doubled; header row first). Nested actors and places are flattened into
 * source_name, source_country…, lists are joined with "; ", booleans are true/false, null is empty.
 */
import type { Writable } from 'node:stream';
import type { Actor, Place } from '../00-model/doc.js';
import type { RecordKind, RecordOf } from '../00-model/records.js';
import type { RecordFilter, Store } from '../05-store/store.js';
import { csvField, LineWriter } from './write.js';

type Row = Record<string, unknown>;
type Col = [header: string, get: (r: any) => unknown];

const ACTOR_FIELDS = ['name', 'role', 'country', 'org', 'sector', 'code'] as const;
const actorCols = (prefix: string, get: (r: any) => Actor | null | undefined): Col[] =>
  ACTOR_FIELDS.map((f) => [`${prefix}_${f}`, (r) => get(r)?.[f] ?? null]);
const placeCols = (get: (r: any) => Place | null | undefined): Col[] => [
  ['place_name', (r) => get(r)?.name ?? null],
  ['place_country', (r) => get(r)?.country ?? null],
  ['place_lat', (r) => get(r)?.lat ?? null],
  ['place_lon', (r) => get(r)?.lon ?? null],
];
const evidenceCols: Col[] = [
  ['evidence_start', (r) => r.evidence?.start ?? null],
  ['evidence_end', (r) => r.evidence?.end ?? null],
  ['evidence_text', (r) => r.evidence?.text ?? null],
];
const list = (xs: unknown): string | null => (Array.isArray(xs) && xs.length ? xs.join('; ') : null);
const partyLabel = (a: Actor) => {
  const who = a.name ?? a.org ?? a.country ?? a.code ?? '?';
  const where = a.name ? (a.country ?? a.org) : null;
  return where ? `${who} (${where})` : who;
};
const partyCols: Col[] = [
  ['parties', (r) => (Array.isArray(r.parties) && r.parties.length ? r.parties.map(partyLabel).join('; ') : null)],
  ['party_countries', (r) => list([...new Set((r.parties ?? []).map((p: Actor) => p.country).filter(Boolean))])],
  ['party_orgs', (r) => list([...new Set((r.parties ?? []).map((p: Actor) => p.org).filter(Boolean))])],
  ['party_names', (r) => list((r.parties ?? []).map((p: Actor) => p.name).filter(Boolean))],
];

export const CSV_COLUMNS: Record<RecordKind, Col[]> = {
  document: [
    ['doc', (r) => r.doc],
    ['title', (r) => r.title],
    ['published', (r) => r.published],
    ['source', (r) => r.source],
    ['url', (r) => r.url],
    ['file', (r) => r.file ?? null],
    ['id', (r) => r.id ?? null],
    ...placeCols((r) => r.place),
    ['speakers', (r) => list(r.speakers)],
    ['language', (r) => r.language],
    ['chars', (r) => r.chars],
  ],
  event: [
    ['doc', (r) => r.doc],
    ['date', (r) => r.date],
    ['cameo', (r) => r.cameo],
    ['root', (r) => r.root],
    ['quad_class', (r) => r.quad_class],
    ['goldstein', (r) => r.goldstein],
    ['plover', (r) => r.plover],
    ...actorCols('source', (r) => r.source),
    ...actorCols('target', (r) => r.target),
    ...placeCols((r) => r.place),
    ['negated', (r) => r.negated],
    ['hypothetical', (r) => r.hypothetical],
    ['topics', (r) => list(r.topics)],
    ...evidenceCols,
    ['rule', (r) => r.rule],
  ],
  meeting: [
    ['doc', (r) => r.doc],
    ['status', (r) => r.status],
    ['date', (r) => r.date],
    ['date_end', (r) => r.date_end],
    ['format', (r) => r.format],
    ...partyCols,
    ...placeCols((r) => r.place),
    ['topics', (r) => list(r.topics)],
    ...evidenceCols,
    ['rule', (r) => r.rule],
  ],
  agreement: [
    ['doc', (r) => r.doc],
    ['status', (r) => r.status],
    ['date', (r) => r.date],
    ['effective', (r) => r.effective],
    ['deadline', (r) => r.deadline],
    ...partyCols,
    ['topics', (r) => list(r.topics)],
    ...evidenceCols,
    ['rule', (r) => r.rule],
  ],
  quote: [
    ['doc', (r) => r.doc],
    ...actorCols('speaker', (r) => r.speaker),
    ['text', (r) => r.text],
    ['direct', (r) => r.direct],
    ['start', (r) => r.start],
    ['end', (r) => r.end],
    ['rule', (r) => r.rule],
  ],
  turn: [
    ['doc', (r) => r.doc],
    ['role', (r) => r.role],
    ['label', (r) => r.label ?? null],
    ...actorCols('speaker', (r) => r.speaker),
    ['start', (r) => r.start],
    ['end', (r) => r.end],
  ],
  entity: [
    ['doc', (r) => r.doc],
    ['type', (r) => r.type],
    ['name', (r) => r.name],
    ['country', (r) => r.country],
    ['org', (r) => r.org],
    ['role', (r) => r.role],
    ['code', (r) => r.code],
    ['lat', (r) => r.lat],
    ['lon', (r) => r.lon],
    ['mention_count', (r) => (Array.isArray(r.mentions) ? r.mentions.length : 0)],
    [
      'mentions',
      (r) => (Array.isArray(r.mentions) ? r.mentions.map((m: number[]) => `${m[0]}-${m[1]}`).join('; ') : null),
    ],
  ],
};

export function csvHeader(kind: RecordKind): string[] {
  return CSV_COLUMNS[kind].map(([h]) => h);
}

/** One record as a CSV line (without line end). */
export function csvLine(kind: RecordKind, r: RecordOf | Row): string {
  return CSV_COLUMNS[kind].map(([, get]) => csvField(get(r))).join(',');
}

export interface CsvOptions {
  /** start with a UTF-8 byte order mark (helps Excel detect the encoding) */
  bom?: boolean;
  sort?: string;
  order?: 'asc' | 'desc';
}

/** Writes every record of `kind` matching `filter` as CSV; returns the number of records written. */
export async function exportCsv(
  store: Store,
  kind: RecordKind,
  filter: RecordFilter,
  out: Writable,
  opts: CsvOptions = {},
): Promise<number> {
  const cols = CSV_COLUMNS[kind];
  if (!cols) throw new Error(`no CSV layout for kind "${kind}"`);
  const w = new LineWriter(out);
  await w.line((opts.bom ? '\uFEFF' : '') + cols.map(([h]) => csvField(h)).join(','), '\r\n');
  let n = 0;
  for (const r of store.iterate(kind, filter, { sort: opts.sort, order: opts.order })) {
    await w.line(csvLine(kind, r), '\r\n');
    n++;
  }
  await w.flush();
  return n;
}
