#!/usr/bin/env node
/**
 * HTTP API latency benchmark: serves a synthetic store of 100,000 events (built by
 * scripts/bench-store.mjs, kept in the temp folder) on 127.0.0.1 and measures p50/p95 of the main
 * queries over real HTTP requests (bounded: --runs per endpoint, sequential). Target: p95 < 100 ms.
 *   node scripts/bench-api.mjs [--events 100000] [--runs 30]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (n, d) => (args.indexOf(`--${n}`) >= 0 ? args[args.indexOf(`--${n}`) + 1] : d);
const N = Number(opt('events', '100000'));
const RUNS = Number(opt('runs', '30'));
const DB = path.join(os.tmpdir(), `readout-bench-${N}.db`);

if (!fs.existsSync(DB)) {
  console.log(`building a synthetic store of ${N} events at ${DB} …`);
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench-store.mjs'), '--events', String(N), '--db', DB, '--keep', '--runs', '1'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { openStore } = await import(pathToFileURL(path.join(root, 'dist/05-store/sqlite.js')).href);
const { startServer } = await import(pathToFileURL(path.join(root, 'dist/06-serve/server.js')).href);
const store = openStore(DB);
const counts = store.counts();
const { server, url } = await startServer({ store, host: '127.0.0.1', port: 0 });
const someDoc = store.listDocuments({ limit: 1 }).rows[0]?.id;

const queries = [
  ['documents', 'api/documents?limit=50'],
  ['events (page)', 'api/events?limit=50'],
  ['events by dyad', 'api/events?dyad=RUS-USA&limit=50'],
  ['events by actor', 'api/events?actor=RUS&limit=50'],
  ['events by root+dates', 'api/events?root=04&from=2015-01-01&to=2016-12-31&limit=50'],
  ['events by topic', 'api/events?topic=syria&limit=50'],
  ['events by PLOVER', 'api/events?plover=CONSULT&limit=50'],
  ['meetings by country', 'api/meetings?country=CHN&limit=50'],
  ['agreements', 'api/agreements?status=signed&limit=50'],
  ['search', 'api/search?q=ceasefire&limit=20'],
  ['events per month (dyad)', 'api/aggregates/events-by-month?dyad=RUS-USA'],
  ['meetings per pair', 'api/aggregates/meetings-by-pair'],
  ['top actors', 'api/aggregates/top-actors?limit=20'],
  ['topics', 'api/topics'],
  ['map (by country)', 'api/map?country=RUS'],
  ['map (all)', 'api/map'],
  ['document records', `api/documents/${someDoc}/records`],
];
console.log(`API latency over HTTP, store with ${counts.event} events / ${counts.document} documents, ${RUNS} runs each`);
const results = [];
for (const [name, q] of queries) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const res = await fetch(url + q);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${q}: HTTP ${res.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const p = (x) => times[Math.min(times.length - 1, Math.floor(x * times.length))];
  results.push({ name, p50: p(0.5), p95: p(0.95) });
  console.log(`  ${name.padEnd(26)} p50 ${p(0.5).toFixed(1).padStart(6)} ms   p95 ${p(0.95).toFixed(1).padStart(6)} ms${p(0.95) > 100 ? '   (over 100 ms)' : ''}`);
}
const worst = Math.max(...results.map((r) => r.p95));
console.log(`worst p95: ${worst.toFixed(1)} ms (target < 100 ms)`);
server.close();
store.close();
