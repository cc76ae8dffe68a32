/**
 * JSON Lines export and re-import.
 *
 * Export groups records by document, in ingest order: the `document` record first, then its
 * turns, entities, meetings, agreements, quotes and events, each record exactly as stored.
 * For re-import the document line carries three extra fields (allowed by the record contract):
 * `text` (the document text), `sentences` ([[start, end], …]) and `source_keys`. A filtered export
 * (actor, cameo…) writes the matching records of every kind the filter applies to; with
 * `withText: false` it is a plain records file that cannot be re-imported.
 */
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Span } from '../00-model/doc.js';
import type { DocumentRecord, RecordKind, RecordOf } from '../00-model/records.js';
import type { PutResult, RecordFilter, Store } from '../05-store/store.js';
import { LineWriter } from './write.js';

const ORDER: RecordKind[] = ['turn', 'entity', 'meeting', 'agreement', 'quote', 'event'];
const DOC_FILTERS = new Set(['doc', 'from', 'to', 'place', 'q']);

export interface JsonlExportOptions {
  /** record kinds to write (default: all, documents included) */
  kinds?: RecordKind[];
  /** add text, sentences and source_keys to document lines so the file re-imports (default true) */
  withText?: boolean;
}

export interface ExportDocumentLine extends DocumentRecord {
  text?: string;
  sentences?: [number, number][];
  source_keys?: string[];
}

/**
 * Writes records as JSON Lines; returns the number of lines written.
 * Without record-level filters (only `doc`), it is a full, re-importable dump grouped by document.
 */
export async function exportJsonl(
  store: Store,
  filter: RecordFilter,
  out: Writable,
  opts: JsonlExportOptions = {},
): Promise<number> {
  const kinds = new Set<RecordKind>(opts.kinds ?? ['document', ...ORDER]);
  const withText = opts.withText ?? true;
  const w = new LineWriter(out);
  const used = Object.keys(filter).filter((k) => {
    const v = (filter as Record<string, unknown>)[k];
    return v !== undefined && v !== null && v !== '';
  });
  const recordLevel = used.some((k) => k !== 'doc');

  if (!recordLevel) {
    // full dump, grouped by document
    const docs = filter.doc ? [filter.doc] : [...store.iterate('document', {})].map((d) => d.doc);
    for (const id of docs) {
      const stored = store.getDocument(id);
      if (!stored) continue;
      if (kinds.has('document')) {
        const line: ExportDocumentLine = { ...stored.record };
        if (withText) {
          line.text = stored.text;
          line.sentences = stored.sentences.map((s) => [s.start, s.end]);
          line.source_keys = stored.sourceKeys;
        }
        await w.line(JSON.stringify(line));
      }
      for (const k of ORDER) {
        if (!kinds.has(k)) continue;
        for (const r of store.iterate(k, { doc: id })) await w.line(JSON.stringify(r));
      }
    }
  } else {
    // filtered: every kind the filter applies to, kind by kind
    for (const k of ['document', ...ORDER] as RecordKind[]) {
      if (!kinds.has(k)) continue;
      if (k === 'document' && !used.every((f) => DOC_FILTERS.has(f))) continue;
      let it: Iterable<RecordOf>;
      try {
        it = store.iterate(k, filter);
        const first = (it as IterableIterator<RecordOf>).next();
        if (first.done) continue;
        await w.line(JSON.stringify(first.value));
      } catch (e) {
        if ((e as Error).name === 'QueryError' && /does not apply/.test((e as Error).message)) continue;
        throw e;
      }
      for (const r of it) await w.line(JSON.stringify(r));
    }
  }
  await w.flush();
  return w.lines;
}

export interface ImportResult {
  documents: number;
  records: number;
  statuses: Record<string, number>;
  results: PutResult[];
}

function importError(line: number, msg: string): Error {
  return new Error(`line ${line}: ${msg}`);
}

/**
 * Reads a JSON Lines file written by exportJsonl and stores its documents (one transaction each).
 * Each document's records must follow its document line (as exportJsonl writes them).
 */
export async function importJsonl(store: Store, input: Readable): Promise<ImportResult> {
  const res: ImportResult = { documents: 0, records: 0, statuses: {}, results: [] };
  let cur: { line: number; doc: ExportDocumentLine; records: RecordOf[] } | null = null;
  const seen = new Set<string>();

  const flush = () => {
    if (!cur) return;
    const { text, sentences, source_keys, ...docRecord } = cur.doc;
    if (typeof text !== 'string')
      throw importError(cur.line, `document ${docRecord.doc} has no "text": export with text to re-import`);
    const spans: Span[] = (Array.isArray(sentences) ? sentences : []).map((s) => ({ start: s[0], end: s[1] }));
    const keys = Array.isArray(source_keys) && source_keys.length ? source_keys : [`import:${docRecord.doc}`];
    let r: PutResult;
    try {
      r = store.putDocument({
        sourceKey: keys[0]!,
        text,
        records: [docRecord as DocumentRecord, ...cur.records],
        sentences: spans,
      });
      for (const k of keys.slice(1))
        store.putDocument({
          sourceKey: k,
          text,
          records: [docRecord as DocumentRecord, ...cur.records],
          sentences: spans,
        });
    } catch (e) {
      throw importError(cur.line, `document ${docRecord.doc}: ${(e as Error).message}`);
    }
    res.results.push(r);
    res.statuses[r.status] = (res.statuses[r.status] ?? 0) + 1;
    res.documents++;
    res.records += cur.records.length;
    cur = null;
  };

  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of rl) {
    n++;
    const s = raw.trim();
    if (!s) continue;
    let obj: RecordOf;
    try {
      obj = JSON.parse(s);
    } catch (e) {
      throw importError(n, `not JSON (${(e as Error).message})`);
    }
    if (!obj || typeof obj !== 'object' || typeof obj.kind !== 'string' || typeof obj.doc !== 'string')
      throw importError(n, 'not a Readout record (needs "kind" and "doc")');
    if (obj.kind === 'document') {
      flush();
      if (seen.has(obj.doc)) throw importError(n, `document ${obj.doc} appears twice`);
      seen.add(obj.doc);
      cur = { line: n, doc: obj as ExportDocumentLine, records: [] };
      continue;
    }
    if (!cur || cur.doc.doc !== obj.doc)
      throw importError(n, `${obj.kind} record of document ${obj.doc} is not inside that document's group`);
    cur.records.push(obj);
  }
  flush();
  return res;
}
