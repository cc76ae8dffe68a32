#!/usr/bin/env node
// Derives data/cameo/codes.tsv and data/cameo/plover.tsv from the public CAMEO codebook table
// and the official 2021 CAMEO→PLOVER mapping. Only codes, short names, root codes, Goldstein
// values and the PLOVER event/mode/context labels are taken (facts); descriptions, usage notes
// and examples are not copied.
//
//   node scripts/build-cameo.mjs [PEER_DIR]   (default ../shared/eval/peer)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const peer = path.resolve(process.argv[2] ?? path.join(root, '../shared/eval/peer'));
const out = path.join(root, 'data/cameo');
fs.mkdirSync(out, { recursive: true });

const quadOf = (r) => { const n = Number(r); return n <= 5 ? 1 : n <= 8 ? 2 : n <= 13 ? 3 : 4; };

// codebook: code, root_code, name, goldstein, …
const rows = fs.readFileSync(path.join(peer, 'cameo-codebook.tsv'), 'utf8').split('\n').slice(1).filter((l) => l.trim());
const codes = [];
for (const line of rows) {
  const [code, rootCode, name, gold] = line.split('\t');
  if (!/^\d{2,4}$/.test(code)) continue;
  codes.push([code, rootCode, name.trim(), String(quadOf(rootCode)), String(Number(gold))]);
}
fs.writeFileSync(path.join(out, 'codes.tsv'),
  '# CAMEO event codes: code, root, short name, quad class (1 verbal coop 01-05, 2 material coop 06-08, 3 verbal conflict 09-13, 4 material conflict 14-20), Goldstein value\n' +
  '# source: CAMEO codebook (Schrodt 2012) as tabulated in andybega/icews data-raw/cameo-codes.csv @3746c72; codes, names and numbers only. Built by scripts/build-cameo.mjs\n' +
  'code\troot\tname\tquad\tgoldstein\n' + codes.map((r) => r.join('\t')).join('\n') + '\n');

// mapping: "CODE: EVENT, mode, context # comment"
const map = new Map();
for (const line of fs.readFileSync(path.join(peer, 'cameo-to-plover-2021.txt'), 'utf8').split('\n')) {
  const m = /^(\d{2,4}):\s*([^#]*)/.exec(line);
  if (!m || map.has(m[1])) continue;
  const [ev = '', mode = '', ctx = ''] = m[2].split(',').map((s) => s.trim());
  map.set(m[1], [m[1], ev, mode, ctx.replace(/\s*;\s*/g, '|')]);
}
fs.writeFileSync(path.join(out, 'plover.tsv'),
  '# CAMEO code → PLOVER event type, mode, context (|-separated). CAMEO 01 and 02 have no PLOVER event.\n' +
  '# source: openeventdata/PLOVER CAMEO2PLOVER-2021.txt @5e0c24f (PLOVER manual draft 0.8, Schrodt 2021); labels only. Built by scripts/build-cameo.mjs\n' +
  'cameo\tevent\tmode\tcontext\n' + [...map.values()].map((r) => r.join('\t')).join('\n') + '\n');
console.log(`codes: ${codes.length}, plover: ${map.size}`);
