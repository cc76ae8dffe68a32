#!/usr/bin/env node
// Runs Readout on the shared evaluation material (../shared beside the repo) and prints the scores:
//   dev gold (two seeds): meetings, agreements, quotes, published, place, turns
//   peer suites (events mode): PETRARCH-2 gold-standard records, CAMEO codebook examples
//   real corpus: document dates against SOURCES.tsv (publication dates of the 59 texts)
// Usage: npm run eval [-- --shared DIR] [-- --verbose]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const sharedArg = args.indexOf('--shared');
const shared = path.resolve(sharedArg >= 0 ? args[sharedArg + 1] : path.join(root, '..', 'shared'));
const verbose = args.includes('--verbose');
if (!fs.existsSync(path.join(shared, 'eval', 'score.mjs'))) {
  console.log(`eval: no evaluation material at ${shared} (expects ../shared beside the repo); nothing to do.`);
  process.exit(0);
}
const bin = path.join(root, 'bin', 'readout.js');
const score = path.join(shared, 'eval', 'score.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-eval-'));

function extract(input, out) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, 'extract', input, '--format', 'jsonl'], {
    stdio: ['ignore', fs.openSync(out, 'w'), 'pipe'],
    encoding: 'utf8',
  });
  // inputs readout rejects (e.g. an empty text) are reported and the rest is scored
  if (r.stderr) process.stdout.write(r.stderr.split('\n').filter(Boolean).map((l) => `  (${l})`).join('\n') + '\n');
  if (r.status !== 0 && r.status !== 1) throw new Error(`readout extract ${input} failed (exit ${r.status})`);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
function run(argv) {
  return execFileSync(process.execPath, [score, ...argv], { encoding: 'utf8' });
}
function section(title) {
  console.log(`\n== ${title}`);
}

section('Dev gold: two seeds (meetings, agreements, quotes, document date/place, turns)');
const seeds = path.join(shared, 'corpus', 'seeds');
const seedPred = path.join(tmp, 'seeds.jsonl');
let secs = extract(seeds, seedPred);
process.stdout.write(run(['--gold', path.join(shared, 'eval', 'gold'), '--corpus', seeds, '--pred', seedPred]));
console.log(`(extract took ${secs.toFixed(2)} s)`);

for (const [name, target] of [
  ['petrarch2-gsr.jsonl', 'root F1 >= 0.6'],
  ['cameo-examples.jsonl', 'root recall >= 0.6'],
]) {
  section(`Peer suite ${name} (events; target ${target})`);
  const pred = path.join(tmp, name);
  secs = extract(path.join(shared, 'eval', 'peer', name), pred);
  const out = run(['--events', path.join(shared, 'eval', 'peer', name), '--pred', pred]);
  const lines = out.split('\n');
  console.log((verbose ? lines : lines.slice(0, 3)).join('\n'));
  console.log(`(extract took ${secs.toFixed(2)} s)`);
}

section('Real corpus: document dates against SOURCES.tsv');
const real = path.join(shared, 'corpus', 'real');
const realPred = path.join(tmp, 'real.jsonl');
secs = extract(real, realPred);
const truth = new Map(
  fs
    .readFileSync(path.join(real, 'SOURCES.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split('\t'))
    .map((c) => {
      // dates are ISO ("2024-12-26 20:04:52"), a bare year, or RFC 2822 ("Tue, 15 Feb 2022 …")
      const raw = (c[5] ?? '').trim();
      const iso = /^\d{4}(-\d{2}-\d{2})?/.exec(raw)?.[0];
      // the calendar day as written (not shifted to UTC)
      const m = !iso && /(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w* (\d{4})/.exec(raw);
      const MON = 'JanFebMarAprMayJunJulAugSepOctNovDec';
      const rfc = m ? `${m[3]}-${String(MON.indexOf(m[2]) / 3 + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
      return [c[0], iso ?? rfc ?? ''];
    }),
);
const docs = fs
  .readFileSync(realPred, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .filter((r) => r.kind === 'document');
const tally = { exact: 0, sameMonth: 0, wrong: 0, missing: 0, noTruth: 0 };
const wrong = [];
for (const d of docs) {
  const want = truth.get(path.basename(d.file ?? ''));
  if (!want) {
    tally.noTruth++;
    continue;
  }
  const got = d.published ? String(d.published).slice(0, want.length) : null;
  if (!got) {
    tally.missing++;
    wrong.push(`${path.basename(d.file)}: want ${want}, got null`);
  } else if (got === want) tally.exact++;
  else if (got.slice(0, 7) === want.slice(0, 7)) tally.sameMonth++;
  else {
    tally.wrong++;
    wrong.push(`${path.basename(d.file)}: want ${want}, got ${got}`);
  }
}
console.log(
  `documents ${docs.length}: exact ${tally.exact}, same month ${tally.sameMonth}, wrong ${tally.wrong}, null ${tally.missing}` +
    (tally.noTruth ? `, no reference ${tally.noTruth}` : ''),
);
console.log('(a null is right where the text never states or implies the date; SOURCES.tsv dates are crawl metadata)');
if (verbose) for (const w of wrong) console.log('  ' + w);
const kinds = {};
for (const l of fs.readFileSync(realPred, 'utf8').split('\n').filter(Boolean)) {
  const k = JSON.parse(l).kind;
  kinds[k] = (kinds[k] ?? 0) + 1;
}
console.log(`records: ${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')} (extract took ${secs.toFixed(2)} s)`);
fs.rmSync(tmp, { recursive: true, force: true });
