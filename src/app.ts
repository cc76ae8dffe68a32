/**
 * The application layer: one place that turns inputs into annotated documents and records,
 * and puts them into a store. The CLI, the HTTP API and the exports are thin shells over it.
 */
import type { Doc } from './00-model/doc.js';
import type { RecordOf } from './00-model/records.js';
import { buildDoc, EmptyDocumentError, readInputs } from './01-ingest/index.js';
import type { InputError, ReadOptions, SourceText } from './01-ingest/types.js';
import { loadKB, type KB } from './knowledge/index.js';
import { runStages, type Stage } from './pipeline.js';
import { toRecords } from './records.js';
import { DEFAULT_STAGES } from './stages.js';
import type { PutResult, Store } from './05-store/store.js';

export interface Processed {
  source: SourceText;
  doc: Doc;
  records: RecordOf[];
}

export type Outcome = { ok: true; item: Processed } | { ok: false; error: InputError };

export interface AppOptions {
  kb?: KB;
  stages?: Stage[];
}

export class Readout {
  readonly kb: KB;
  readonly stages: Stage[];

  constructor(opts: AppOptions = {}) {
    this.kb = opts.kb ?? loadKB();
    this.stages = opts.stages ?? DEFAULT_STAGES;
  }

  /** Runs the whole pipeline on one decoded input. */
  process(source: SourceText): Processed {
    const doc = runStages(buildDoc(source), this.kb, this.stages);
    return { source, doc, records: toRecords(doc) };
  }

  /** Reads and processes inputs one by one; a failing input yields an error and the rest go on. */
  async *run(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<Outcome> {
    for await (const r of readInputs(inputs, opts)) {
      if (!r.ok) {
        yield r;
        continue;
      }
      try {
        yield { ok: true, item: this.process(r.source) };
      } catch (e) {
        const message = e instanceof EmptyDocumentError ? (e as Error).message : `processing failed: ${(e as Error).message}`;
        yield { ok: false, error: { input: r.source.name, message } };
      }
    }
  }

  /** Stores one processed document (one transaction). */
  store(store: Store, p: Processed): PutResult {
    return store.putDocument({
      sourceKey: p.source.sourceKey,
      text: p.doc.text,
      records: p.records,
      sentences: (p.doc.layers.sentences ?? []).map((s) => ({ start: s.start, end: s.end })),
    });
  }
}
