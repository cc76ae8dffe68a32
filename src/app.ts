/**
 * The application layer: one place that turns inputs into annotated documents and records,
 * and puts them into a store. The CLI, the HTTP API and the exports are thin shells over it.
 */
import type { Doc } from './00-model/doc.js';
import type { RecordOf } from './00-model/records.js';
import { buildDoc, EmptyDocumentError, readInputs } from './01-ingest/index.js';
import type { InputError, ReadOptions, SourceText } from './01-ingest/types.js';
import { loadKB, type KB } from './knowledge/index.js';
import { runBatch, runStages, type Stage } from './pipeline.js';
import { toRecords } from './records.js';
import { DEFAULT_STAGES } from './stages.js';
import type { PutInput, PutResult, Store } from './05-store/store.js';

export interface Processed {
  source: SourceText;
  doc: Doc;
  records: RecordOf[];
}

export type Outcome = { ok: true; item: Processed } | { ok: false; error: InputError };

export interface AppOptions {
  kb?: KB;
  stages?: Stage[];
  /**
   * How many documents `run` gathers before processing them stage by stage (see runBatch):
   * a batch closes at `docs` documents or `chars` characters of input, whichever comes first.
   * Default 128 documents / 2 M characters; `{ docs: 1 }` processes each document on its own.
   */
  batch?: { docs?: number; chars?: number };
}

/** Why a document failed, in the words an error line shows. */
function failure(e: unknown): string {
  return e instanceof EmptyDocumentError ? (e as Error).message : `processing failed: ${(e as Error).message}`;
}

export class Readout {
  readonly kb: KB;
  readonly stages: Stage[];
  readonly batchDocs: number;
  readonly batchChars: number;

  constructor(opts: AppOptions = {}) {
    this.kb = opts.kb ?? loadKB();
    this.stages = opts.stages ?? DEFAULT_STAGES;
    this.batchDocs = Math.max(1, opts.batch?.docs ?? 128);
    this.batchChars = Math.max(1, opts.batch?.chars ?? 2_000_000);
  }

  /** Runs the whole pipeline on one decoded input. */
  process(source: SourceText): Processed {
    const doc = runStages(buildDoc(source), this.kb, this.stages);
    return { source, doc, records: toRecords(doc) };
  }

  /**
   * Runs the whole pipeline on several decoded inputs, stage by stage (runBatch): the same
   * records as `process` on each, in input order. A failing input gives an error outcome and
   * the others go on. `onStage` receives each stage's time for the batch (ingest included).
   */
  processBatch(sources: readonly SourceText[], onStage?: (stage: string, ms: number) => void): Outcome[] {
    const t0 = onStage ? performance.now() : 0;
    const out: (Outcome | null)[] = new Array(sources.length).fill(null);
    const docs: Doc[] = [];
    const at: number[] = [];
    sources.forEach((source, i) => {
      try {
        docs.push(buildDoc(source));
        at.push(i);
      } catch (e) {
        out[i] = { ok: false, error: { input: source.name, message: failure(e) } };
      }
    });
    if (onStage) onStage('ingest', performance.now() - t0);
    const done = runBatch(docs, this.kb, this.stages, onStage);
    const t1 = onStage ? performance.now() : 0;
    done.forEach((r, k) => {
      const source = sources[at[k]!]!;
      if (!r.ok) {
        out[at[k]!] = { ok: false, error: { input: source.name, message: failure(r.error) } };
        return;
      }
      try {
        out[at[k]!] = { ok: true, item: { source, doc: r.doc, records: toRecords(r.doc) } };
      } catch (e) {
        out[at[k]!] = { ok: false, error: { input: source.name, message: failure(e) } };
      }
    });
    if (onStage) onStage('records', performance.now() - t1);
    return out as Outcome[];
  }

  /**
   * Reads and processes inputs, yielding one outcome per input in input order; a failing input
   * yields an error and the rest go on. Inputs are processed in batches (see AppOptions.batch).
   */
  async *run(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<Outcome> {
    // the batch keeps read errors in their place, so outcomes stay in input order
    let batch: (SourceText | InputError)[] = [];
    let chars = 0;
    const flush = (): Outcome[] => {
      const sources = batch.filter((b): b is SourceText => 'raw' in b);
      const done = this.processBatch(sources);
      let k = 0;
      const out = batch.map((b): Outcome => ('raw' in b ? done[k++]! : { ok: false, error: b }));
      batch = [];
      chars = 0;
      return out;
    };
    for await (const r of readInputs(inputs, opts)) {
      if (!r.ok) batch.push(r.error);
      else {
        batch.push(r.source);
        chars += r.source.raw.length;
      }
      if (batch.length >= this.batchDocs || chars >= this.batchChars) yield* flush();
    }
    if (batch.length) yield* flush();
  }

  /** Stores one processed document (one transaction). */
  store(store: Store, p: Processed): PutResult {
    return store.putDocument(this.putInput(p));
  }

  /** What the store keeps of a processed document: its source key, text, records and sentences. */
  putInput(p: Processed): PutInput {
    return {
      sourceKey: p.source.sourceKey,
      text: p.doc.text,
      records: p.records,
      sentences: (p.doc.layers.sentences ?? []).map((s) => ({ start: s.start, end: s.end })),
    };
  }
}
