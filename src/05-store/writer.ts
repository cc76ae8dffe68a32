/**
 * StoreWriter: stores documents on a worker thread (./writer-worker.ts), so that SQLite's work
 * runs beside the pipeline instead of after it. `readout ingest` sends each processed document
 * with `put`; the worker commits them in groups (Store.batch: one commit per group, a document
 * that fails rolled back alone) and reports every document's outcome, in input order, through
 * `onResult`. Into an empty store the worker defers the indexes and builds them at `finish`
 * (Store.deferIndexes).
 *
 * At most `maxGroupsInFlight` groups wait for the worker: `put` waits when the store falls behind,
 * so memory stays bounded whatever the corpus size. The worker opens the store itself: an open
 * that fails (not a Readout store, a newer schema) rejects `open` with its StoreError message.
 */
import { Worker } from 'node:worker_threads';
import { StoreError, type PutInput, type PutStatus } from './store.js';

/** A document to store, with the name to report it by (its file, URL or JSON Lines line). */
export interface WriteItem extends PutInput {
  name: string;
}

/** The outcome of one document: its status, or why it was not stored. */
export interface WriteResult {
  name: string;
  chars: number;
  status?: PutStatus;
  error?: string;
}

export interface WriterOptions {
  /** documents per commit (default 64) */
  group?: number;
  /** groups sent and not yet stored before `put` waits (default 4) */
  maxGroupsInFlight?: number;
  /** defer the indexes when the store is empty (default true) */
  deferIndexes?: boolean;
  onResult: (r: WriteResult) => void;
  /** called when the worker starts building deferred indexes */
  onIndexing?: () => void;
}

export interface WriterStats {
  /** whether the indexes were deferred (the store was empty) */
  deferred: boolean;
  /** time the worker spent storing groups, and building the deferred indexes */
  storeMs: number;
  indexMs: number;
}

type FromWorker =
  | { type: 'opened'; deferred: boolean }
  | { type: 'stored'; results: WriteResult[]; ms: number }
  | { type: 'indexing' }
  | { type: 'finished'; indexMs: number }
  | { type: 'fatal'; message: string };

export class StoreWriter {
  private buffer: WriteItem[] = [];
  private inFlight = 0;
  private wake: (() => void) | null = null;
  private failure: Error | null = null;
  private storeMs = 0;
  private finished = false;
  private done: { resolve: (s: WriterStats) => void; reject: (e: Error) => void } | null = null;
  private readonly group: number;
  private readonly maxInFlight: number;

  private constructor(
    private readonly worker: Worker,
    /** whether the indexes are deferred until `finish` */
    readonly deferred: boolean,
    private readonly opts: WriterOptions,
  ) {
    this.group = Math.max(1, opts.group ?? 64);
    this.maxInFlight = Math.max(1, opts.maxGroupsInFlight ?? 4);
  }

  /** Starts the worker and opens the store `db` (created when missing) in it. */
  static open(db: string, opts: WriterOptions): Promise<StoreWriter> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./writer-worker.js', import.meta.url), {
        workerData: { db, defer: opts.deferIndexes ?? true },
      });
      let writer: StoreWriter | null = null;
      worker.on('message', (m: FromWorker) => {
        if (writer) writer.onMessage(m);
        else if (m.type === 'opened') resolve((writer = new StoreWriter(worker, m.deferred, opts)));
        else if (m.type === 'fatal') reject(new StoreError(m.message));
      });
      worker.on('error', (e) => (writer ? writer.fail(e) : reject(e)));
      worker.on('exit', (code) => {
        const e = new Error(`the store's worker thread stopped unexpectedly (exit code ${code})`);
        if (!writer) reject(e);
        else if (!writer.finished) writer.fail(e);
      });
    });
  }

  /** Queues a document; waits while the worker is `maxGroupsInFlight` groups behind. */
  async put(item: WriteItem): Promise<void> {
    if (this.failure) throw this.failure;
    this.buffer.push(item);
    if (this.buffer.length >= this.group) await this.send();
  }

  /**
   * Stores what is queued, builds the deferred indexes, closes the store and ends the worker.
   * Rejects with the error that stopped the worker, if one did (what was committed stays).
   */
  async finish(): Promise<WriterStats> {
    if (this.buffer.length) await this.send();
    if (this.failure) throw this.failure;
    return new Promise((resolve, reject) => {
      this.done = { resolve, reject };
      this.worker.postMessage({ type: 'finish' });
    });
  }

  /** Stops the worker at once (after a failure elsewhere); committed groups stay. */
  async abort(): Promise<void> {
    this.finished = true;
    await this.worker.terminate();
  }

  private async send(): Promise<void> {
    while (this.inFlight >= this.maxInFlight && !this.failure) await new Promise<void>((r) => (this.wake = r));
    if (this.failure) throw this.failure;
    const items = this.buffer;
    this.buffer = [];
    this.inFlight++;
    this.worker.postMessage({ type: 'group', items });
  }

  private onMessage(m: FromWorker): void {
    switch (m.type) {
      case 'stored':
        this.inFlight--;
        this.storeMs += m.ms;
        for (const r of m.results) this.opts.onResult(r);
        this.wakeUp();
        break;
      case 'indexing':
        this.opts.onIndexing?.();
        break;
      case 'finished':
        this.finished = true;
        this.done?.resolve({ deferred: this.deferred, storeMs: this.storeMs, indexMs: m.indexMs });
        break;
      case 'fatal':
        this.fail(new StoreError(m.message));
        break;
    }
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    this.finished = true;
    this.wakeUp();
    this.done?.reject(e);
  }

  private wakeUp(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }
}
