#!/usr/bin/env node
// Throughput benchmark: the whole pipeline (text to records) in this process on ~10 MB built from
// the repo's own sample/ corpus, with time per stage, MB/s, sentences/s and peak memory; then
// `readout ingest` end to end on the same corpus written out as files (pipeline + SQLite store,
// the command as a user runs it); then the API latency benchmark.
// Usage: npm run bench [-- --mb 10] [-- --corpus DIR] [-- --batch DOCS] [-- --keep-indexes] [-- --no-store]
// (--keep-indexes: the ingest goes into a store that already holds a document; --no-store: no API bench)
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
// The bench runs what `readout extract` runs: Readout.processBatch over batches of documents
// (stage by stage within a batch), with the app's default batch limits.
const batchArg = args.indexOf('--batch');
const app = new Readout(batchArg >= 0 ? { kb, batch: { docs: Number(args[batchArg + 1]) } } : { kb });
// warm-up: one batch, so lazily loaded models are not timed
app.processBatch(sources);
const stageMs = new Map();
const onStage = (name, ms) => stageMs.set(name, (stageMs.get(name) ?? 0) + ms);
let chars = 0, sentences = 0, records = 0, docs = 0, failed = 0;

/**
 * The text with "(Copy c.)" after a sentence in its middle (outside markup). At the end it would
 * not do: ingest cuts page chrome and footers there, and copies with the same text are stored once.
 */
function vary(raw, c) {
  let at = raw.indexOf('. ', Math.floor(raw.length / 2));
  while (at >= 0 && raw.lastIndexOf('<', at) > raw.lastIndexOf('>', at)) at = raw.indexOf('. ', at + 2);
  return at < 0 ? raw + `\n\n(Copy ${c}.)` : `${raw.slice(0, at + 2)}(Copy ${c}.) ${raw.slice(at + 2)}`;
}

// 1. the pipeline in this process: text to records
const t0 = performance.now();
const c0 = cpuMs();
let batch = [];
let batchChars = 0;
const flush = () => {
  for (const r of app.processBatch(batch, onStage)) {
    if (!r.ok) { failed++; continue; }
    records += r.item.records.length;
    chars += r.item.doc.text.length;
    sentences += r.item.doc.layers.sentences?.length ?? 0;
    docs++;
  }
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
if (failed) throw new Error(`bench: ${failed} documents failed`);
const totalS = (performance.now() - t0) / 1000;
const cpuS = (cpuMs() - c0) / 1000;
clearInterval(timer);
sample();

const MB = chars / 1e6;
console.log(`Readout pipeline benchmark (node ${process.version}, single process)`);
console.log(`knowledge base: loaded in ${kbMs.toFixed(0)} ms, ~${kbMB.toFixed(0)} MB`);
console.log(`corpus: ${docs} documents, ${MB.toFixed(2)} M chars (${path.relative(root, corpus) || corpus} × ${copies}), ${sentences} sentences, ${records} records`);
console.log(`whole pipeline (text to records, what \`readout extract\` runs): ${totalS.toFixed(2)} s → ${(MB / totalS).toFixed(2)} MB/s in one process, ${Math.round(sentences / totalS)} sentences/s`);
console.log(`process CPU time: ${cpuS.toFixed(2)} s (JavaScript thread + V8's background compiler and GC threads) → ${(MB / cpuS).toFixed(2)} MB per CPU-second`);
console.log(`load average at the end: ${(await import('node:os')).loadavg()[0].toFixed(1)} (this run counts as 1; more means other work shared the cores)`);
console.log(`peak RSS: ${(peak / 1e6).toFixed(0)} MB`);
const row = (name, ms) => console.log(`  ${name.padEnd(12)} ${(ms / 1000).toFixed(2).padStart(7)} s ${(MB / (ms / 1000)).toFixed(1).padStart(7)} MB/s`);
for (const [n, ms] of stageMs) row(n, ms);

// 2. `readout ingest` end to end: the command in a child process on the same corpus written out as
// files, into an empty store (or, with --keep-indexes, a store that already holds a document, so
// its indexes are kept up to date row by row). It reads the files, starts up and warms up its
// JIT as a user's run does; SQLite runs on its second thread.
const os = await import('node:os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-bench-'));
try {
  const files = path.join(dir, 'corpus');
  fs.mkdirSync(files);
  const rows = [];
  for (let c = 0; c < copies; c++) {
    for (const s of sources) {
      if (s.inputId !== null) {
        rows.push(JSON.stringify({ id: `${s.inputId}-copy${c}`, ...s.given, text: vary(s.raw, c) }));
      } else {
        fs.writeFileSync(path.join(files, `${String(c).padStart(4, '0')}-${path.basename(s.file ?? s.name)}`), vary(s.raw, c));
      }
    }
  }
  if (rows.length) fs.writeFileSync(path.join(files, 'rows.jsonl'), rows.join('\n') + '\n');
  const db = path.join(dir, 'bench.db');
  const bin = path.join(root, 'bin', 'readout.js');
  const appendMode = args.includes('--keep-indexes');
  if (appendMode) {
    const one = path.join(dir, 'one.txt');
    fs.writeFileSync(one, 'Sergey Lavrov met Wang Yi in Moscow on May 5, 2019.\n');
    spawnSync(process.execPath, [bin, 'ingest', one, '--db', db, '-q'], { stdio: 'inherit' });
  }
  // the child reports its CPU time (all its threads) and peak RSS as it exits
  const hook = 'data:text/javascript,' + encodeURIComponent(
    `import { isMainThread } from 'node:worker_threads';
     if (isMainThread) process.on('exit', () => {
       const u = process.resourceUsage();
       process.stderr.write('BENCH ' + JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKB: u.maxRSS }) + '\\n');
     });`);
  const s0 = performance.now();
  const child = spawnSync(process.execPath, ['--import', hook, bin, 'ingest', files, '--db', db, '-q'], { encoding: 'utf8' });
  const wallS = (performance.now() - s0) / 1000;
  const err = child.stderr ?? '';
  const m = /BENCH (\{.*\})/.exec(err);
  const summary = /readout: (\d+) new.*\(([\d.]+) M chars in [\d.]+ s; the store's thread busy ([\d.]+) s\)/.exec(err);
  if (child.status !== 0 || !m || !summary) {
    console.log(`readout ingest failed (exit ${child.status}):\n${err}`);
    process.exitCode = 1;
  } else {
    const stats = JSON.parse(m[1]);
    const storedMB = Number(summary[2]);
    const stored = Number(summary[1]);
    if (stored !== docs) console.log(`WARNING: ${stored} of ${docs} documents stored as new: the others were duplicates of stored content`);
    const storeMB = fs.statSync(db).size / 1e6;
    console.log(`\nreadout ingest, end to end (the command in a child process: reads the ${docs} documents from ${fs.readdirSync(files).length} files, ` +
      `${appendMode ? 'into a store that holds documents, indexes kept up to date row by row' : 'into an empty store, indexes built at the end'}; ` +
      `start-up and JIT warm-up included; SQLite on a second thread beside the pipeline):`);
    console.log(`  ${wallS.toFixed(2)} s → ${(storedMB / wallS).toFixed(2)} MB/s; CPU time ${(stats.cpuMs / 1000).toFixed(2)} s (all threads) → ${(storedMB / (stats.cpuMs / 1000)).toFixed(2)} MB per CPU-second; ` +
      `the store's thread busy ${summary[3]} s; peak RSS ${(stats.maxRssKB / 1e3).toFixed(0)} MB; store file ${storeMB.toFixed(0)} MB`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

if (!args.includes('--no-store')) {
  const storeBench = path.join(root, "scripts", "bench-api.mjs");
  if (fs.existsSync(storeBench)) {
    console.log('\nHTTP API latency on a 100,000-event store:');
    spawnSync(process.execPath, [storeBench], { stdio: 'inherit' });
  }
}
