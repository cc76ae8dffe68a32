/**
 * Exports: every export reads the store through the one query layer (Store.iterate with a
 * RecordFilter) and writes to a Writable.
 *
 *   jsonl   all records (or one kind) as JSON Lines; re-importable with importJsonl
 *   csv     one record kind as RFC 4180 CSV with flattened columns
 *   gdelt   GDELT-like event table (TSV)
 *   icews   ICEWS-like event table (TSV)
 *   plover  PLOVER events as JSON Lines
 */
import type { Writable } from 'node:stream';
import type { RecordKind } from '../00-model/records.js';
import type { RecordFilter, Store } from '../05-store/store.js';
import { exportCsv } from './csv.js';
import { exportGdelt, exportIcews, exportPlover, type EventExportOptions } from './events.js';
import { exportJsonl } from './jsonl.js';

export { CSV_COLUMNS, csvHeader, csvLine, exportCsv } from './csv.js';
export { exportGdelt, exportIcews, exportPlover, GDELT_COLUMNS, ICEWS_COLUMNS } from './events.js';
export { exportJsonl, importJsonl } from './jsonl.js';
export { csvField } from './write.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'gdelt', 'icews', 'plover'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest extends EventExportOptions {
  format: ExportFormat;
  /** record kind: required for csv; optional for jsonl (default: everything); events only for the event tables */
  kind?: RecordKind;
  filter?: RecordFilter;
  /** jsonl: add text and sentences to document lines (default true) */
  withText?: boolean;
  /** csv: start with a UTF-8 BOM */
  bom?: boolean;
}

/** Runs one export; returns the number of records (lines for jsonl) written. */
export async function runExport(store: Store, req: ExportRequest, out: Writable): Promise<number> {
  const filter = req.filter ?? {};
  switch (req.format) {
    case 'jsonl':
      return exportJsonl(store, filter, out, { kinds: req.kind ? [req.kind] : undefined, withText: req.withText });
    case 'csv':
      if (!req.kind)
        throw new Error('CSV export needs a record kind (document, turn, entity, meeting, agreement, quote, event)');
      return exportCsv(store, req.kind, filter, out, { bom: req.bom });
    case 'gdelt':
    case 'icews':
    case 'plover': {
      if (req.kind && req.kind !== 'event') throw new Error(`the ${req.format} table holds events only`);
      const f = req.format === 'gdelt' ? exportGdelt : req.format === 'icews' ? exportIcews : exportPlover;
      return f(store, filter, out, req);
    }
    default:
      throw new Error(`unknown export format "${String(req.format)}" (one of ${EXPORT_FORMATS.join(', ')})`);
  }
}
