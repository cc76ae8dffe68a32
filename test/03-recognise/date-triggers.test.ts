import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateRuleMatches, loadZones } from '../../src/03-recognise/dates.js';
import { loadKB } from '../../src/knowledge/index.js';

// The date rules run only where a word from their hand-written trigger list starts (a speed-up);
// this holds the lists to the regexes: on every text below, the fast path finds exactly the
// matches a plain scan of each regex over the whole text finds. A rule whose regex is edited
// without its trigger list fails here as soon as one of these texts holds a date it can match.
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const zones = loadZones(loadKB().dataDir);

function quotedStrings(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    const s = m[1] ?? m[2] ?? m[3] ?? '';
    if (
      /\d|January|February|March|April|May|June|July|August|September|October|November|December|day|week|month|year|noon|time/i.test(
        s,
      )
    )
      out.push(s);
  }
  return out;
}
function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesIn(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => /\.(txt|md|html|jsonl)$/.test(f));
}

const texts: [string, string][] = [
  ...quotedStrings(path.join(here, 'dates.test.ts')).map((t, i): [string, string] => [`dates.test.ts string ${i}`, t]),
  ...filesIn(path.join(root, 'sample')).map((f): [string, string] => [
    path.relative(root, f),
    fs.readFileSync(f, 'utf8'),
  ]),
  ...filesIn(path.join(root, 'test', 'fixtures')).map((f): [string, string] => [
    path.relative(root, f),
    fs.readFileSync(f, 'utf8'),
  ]),
];

describe('date rule triggers', () => {
  it('the texts hold many date matches (the check below is not vacuous)', () => {
    const n = texts.reduce((k, [, t]) => k + dateRuleMatches(t, zones, true).length, 0);
    expect(texts.length).toBeGreaterThan(100);
    expect(n).toBeGreaterThan(200);
  });
  it('find exactly the matches of a whole-text scan, rule by rule', () => {
    for (const [name, t] of texts) expect(dateRuleMatches(t, zones), name).toEqual(dateRuleMatches(t, zones, true));
  });
});
