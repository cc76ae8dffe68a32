/**
 * The worker thread of StoreWriter (./writer.ts): owns the SQLite connection of an ingest and
 * stores the groups of documents the main thread sends, one commit per group.
 *
 * Messages in: { type: 'group', items: WriteItem[] }, { type: 'finish' }.
 * Messages out: { type: 'opened', deferred }, { type: 'stored', results, ms },
 * { type: 'indexing' }, { type: 'finished', indexMs }, { type: 'fatal', message }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from './sqlite.js';
import type { Store } from './store.js';
import type { WriteItem, WriteResult } from './writer.js';

const port = parentPort!;
const { db, defer } = workerData as { db: string; defer: boolean };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

let store: Store | null = null;
let buildIndexes: (() => void) | null = null;
try {
  store = openStore(db);
  if (defer) buildIndexes = store.deferIndexes();
  port.postMessage({ type: 'opened', deferred: buildIndexes !== null });
} catch (e) {
  // not a store, a newer schema, a file that cannot be opened…: the main thread reports it
  port.postMessage({ type: 'fatal', message: message(e) });
  port.close();
}

if (store) serve(store);

function serve(store: Store): void {
  port.on('message', (m: { type: 'group'; items: WriteItem[] } | { type: 'finish' }) => {
    try {
      if (m.type === 'group') {
        const t0 = performance.now();
        const results: WriteResult[] = [];
        // one commit for the group; a document that fails is rolled back alone (Store.batch)
        store.batch(() => {
          for (const { name, ...input } of m.items) {
            try {
              results.push({ name, chars: input.text.length, status: store.putDocument(input).status });
            } catch (e) {
              results.push({ name, chars: input.text.length, error: message(e) });
            }
          }
        });
        port.postMessage({ type: 'stored', results, ms: performance.now() - t0 });
      } else {
        let indexMs = 0;
        if (buildIndexes) {
          port.postMessage({ type: 'indexing' });
          const t0 = performance.now();
          buildIndexes();
          indexMs = performance.now() - t0;
        }
        store.close();
        port.postMessage({ type: 'finished', indexMs });
        port.close();
      }
    } catch (e) {
      // a group that could not commit (disk full, a lock held too long): what was committed stays
      try {
        store.close();
      } catch {
        /* already failing */
      }
      port.postMessage({ type: 'fatal', message: message(e) });
      port.close();
    }
  });
}
