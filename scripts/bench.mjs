#!/usr/bin/env node
// Throughput benchmark (single process): the whole pipeline on ~10 MB built from the repo's own
// sample/ corpus, with time per stage, MB/s, sentences/s and peak memory, and the time storing it
// in SQLite adds (what `readout ingest` does); then the API latency benchmark.
// Usage: npm run bench [-- --mb 10] [-- --corpus DIR] [-- --batch DOCS] [-- --keep-indexes] [-- --no-store]
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(path.join(root, 'dist', p)).href;
const args = process.argv.slice(2);
const mbArg = args.indexOf('--mb');
const targetMB = mbArg >= 0 ? Number(args[mbArg + 1]) : 10;
const corpusArg = args.indexOf('--corpus');
const corpus = corpusArg >= 0 ? path.resolve(args[corpusArg + 1]) : path.join(root, 'sample');

// the engine settings the `readout` command runs with (src/engine.ts)
const { tuneEngine } = await import(dist('engine.js'));
tuneEngine();
const { loadKB } = await import(dist('knowledge/index.js'));
const { readInputs } = await import(dist('01-ingest/index.js'));
const { Readout } = await import(dist('app.js'));

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 20);

const rss0 = process.memoryUsage().rss;
let t = performance.now();
const kb = loadKB();
const kbMs = performance.now() - t;
const kbMB = (process.memoryUsage().rss - rss0) / 1e6;

const sources = [];
for await (const r of readInputs([corpus])) if (r.ok) sources.push(r.source);
if (!sources.length) throw new Error(`bench: no documents found in ${corpus}`);
const sampleChars = sources.reduce((n, s) => n + s.raw.length, 0);
const copies = Math.max(1, Math.ceil((targetMB * 1e6) / sampleChars));

// Times are wall clock of this single process (its one JavaScript thread does the work); run it on
// a quiet machine: the load average is printed. The process's CPU time is shown too, and MB per
// CPU-second: it counts V8's background threads as well (optimising compiler, parallel GC), which
// run on another core beside the JavaScript thread. Both figures include the JIT's warm-up: only
// one batch is run before timing, as a short `readout extract` run pays it too.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const now = () => performance.now();
// The bench runs what `readout ingest`/`extract` run: Readout.processBatch over batches of
// documents (stage by stage within a batch), with the app's default batch limits.
const batchArg = args.indexOf('--batch');
const app = new Readout(batchArg >= 0 ? { kb, batch: { docs: Number(args[batchArg + 1]) } } : { kb });
// warm-up: one batch, so lazily loaded models are not timed
app.processBatch(sources);
const stageMs = new Map();
const onStage = (name, ms) => stageMs.set(name, (stageMs.get(name) ?? 0) + ms);
let chars = 0, sentences = 0, records = 0, docs = 0, failed = 0;
// what `readout ingest` adds: storing each batch in a fresh SQLite store, timed apart
const { openStore } = await import(dist('05-store/sqlite.js'));
const os = await import('node:os');
const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-bench-'));
const store = openStore(path.join(storeDir, 'bench.db'));
let storeMs = 0;
let storeCpuMs = 0;
// as `readout ingest` into an empty store: indexes are built once at the end (timed with storing)
const finishIndexes = args.includes('--keep-indexes') ? null : store.deferIndexes();
const t0 = performance.now();
const c0 = cpuMs();
let batch = [];
let batchChars = 0;
/**
 * The text with "(Copy c.)" after a sentence in its middle (outside markup). At the end it would
 * not do: ingest cuts page chrome and footers there, and copies with the same text are stored once.
 */
function vary(raw, c) {
  let at = raw.indexOf('. ', Math.floor(raw.length / 2));
  while (at >= 0 && raw.lastIndexOf('<', at) > raw.lastIndexOf('>', at)) at = raw.indexOf('. ', at + 2);
  return at < 0 ? raw + `\n\n(Copy ${c}.)` : `${raw.slice(0, at + 2)}(Copy ${c}.) ${raw.slice(at + 2)}`;
}
const flush = () => {
  const done = [];
  for (const r of app.processBatch(batch, onStage)) {
    if (!r.ok) { failed++; continue; }
    records += r.item.records.length;
    chars += r.item.doc.text.length;
    sentences += r.item.doc.layers.sentences?.length ?? 0;
    docs++;
    done.push(r.item);
  }
  const s0 = performance.now();
  const sc0 = cpuMs();
  store.batch(() => { for (const item of done) app.store(store, item); });
  storeMs += performance.now() - s0;
  storeCpuMs += cpuMs() - sc0;
  batch = [];
  batchChars = 0;
  sample();
};
for (let c = 0; c < copies; c++) {
  for (const s of sources) {
    // vary the text per copy so nothing can be served from a cache and every copy is stored
    batch.push({ ...s, sourceKey: `${s.sourceKey}#copy${c}`, raw: vary(s.raw, c) });
    batchChars += s.raw.length;
    if (batch.length >= app.batchDocs || batchChars >= app.batchChars) flush();
  }
}
if (batch.length) flush();
let indexMs = 0;
if (finishIndexes) {
  const s0 = performance.now();
  const sc0 = cpuMs();
  finishIndexes();
  indexMs = performance.now() - s0;
  storeMs += indexMs;
  storeCpuMs += cpuMs() - sc0;
}
if (failed) throw new Error(`bench: ${failed} documents failed`);
const ingestS = (performance.now() - t0) / 1000;
const ingestCpuS = (cpuMs() - c0) / 1000;
const totalS = ingestS - storeMs / 1000;
const cpuS = ingestCpuS - storeCpuMs / 1000;
clearInterval(timer);
sample();
const storedDocs = store.counts().document;
store.close(); // checkpoints the write-ahead log into the file
const storeMB = fs.statSync(path.join(storeDir, 'bench.db')).size / 1e6;
fs.rmSync(storeDir, { recursive: true, force: true });

const MB = chars / 1e6;
console.log(`Readout pipeline benchmark (node ${process.version}, single process)`);
console.log(`knowledge base: loaded in ${kbMs.toFixed(0)} ms, ~${kbMB.toFixed(0)} MB`);
console.log(`corpus: ${docs} documents, ${MB.toFixed(2)} M chars (${path.relative(root, corpus) || corpus} × ${copies}), ${sentences} sentences, ${records} records`);
console.log(`whole pipeline: ${totalS.toFixed(2)} s → ${(MB / totalS).toFixed(2)} MB/s in one process, ${Math.round(sentences / totalS)} sentences/s`);
console.log(`process CPU time: ${cpuS.toFixed(2)} s (JavaScript thread + V8's background compiler and GC threads) → ${(MB / cpuS).toFixed(2)} MB per CPU-second`);
console.log(`load average at the end: ${(await import('node:os')).loadavg()[0].toFixed(1)} (this run counts as 1; more means other work shared the cores)`);
console.log(`peak RSS: ${(peak / 1e6).toFixed(0)} MB`);
const row = (name, ms) => console.log(`  ${name.padEnd(12)} ${(ms / 1000).toFixed(2).padStart(7)} s ${(MB / (ms / 1000)).toFixed(1).padStart(7)} MB/s`);
for (const [n, ms] of stageMs) row(n, ms);
if (storedDocs !== docs) console.log(`WARNING: ${docs - storedDocs} of ${docs} documents were stored as duplicates of others: storing is underestimated`);
console.log(`storing in SQLite (what \`readout ingest\` adds: rows, indexes, full-text index; ${storeMB.toFixed(0)} MB file): ${(storeMs / 1000).toFixed(2)} s → ${(MB / (storeMs / 1000)).toFixed(2)} MB/s` +
  (finishIndexes ? `, of which building the indexes at the end ${(indexMs / 1000).toFixed(2)} s (an empty store; --keep-indexes: kept up to date row by row, as when adding to a store)` : ' (indexes kept up to date row by row, as when adding to a store)'));
console.log(`ingest end to end (pipeline + store): ${ingestS.toFixed(2)} s → ${(MB / ingestS).toFixed(2)} MB/s, ${(MB / ingestCpuS).toFixed(2)} MB per CPU-second`);

if (!args.includes('--no-store')) {
  const storeBench = path.join(root, "scripts", "bench-api.mjs");
  if (fs.existsSync(storeBench)) {
    console.log('\nHTTP API latency on a 100,000-event store:');
    spawnSync(process.execPath, [storeBench], { stdio: 'inherit' });
  }
}
