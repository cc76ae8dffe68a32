import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readout, type Outcome } from '../src/app.js';
import { loadKB } from '../src/knowledge/index.js';

// the application layer over real inputs: batching must not change what a document gets,
// nor the order of outcomes, and a bad input must not take its batch down with it
const fixtures = path.join(import.meta.dirname, 'fixtures', 'ingest');
let dir: string;
let inputs: string[];
const kb = loadKB();

async function collect(app: Readout, ins: string[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for await (const r of app.run(ins)) out.push(r);
  return out;
}
const summary = (o: Outcome) =>
  o.ok ? { ok: true, name: o.item.source.name, records: o.item.records } : { ok: false, input: o.error.input };

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-app-'));
  fs.writeFileSync(path.join(dir, 'blank.txt'), '   \n\n  ');
  fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0]));
  inputs = [
    path.join(fixtures, 'transcript-glued.txt'),
    path.join(dir, 'blank.txt'),
    path.join(fixtures, 'page.html'),
    path.join(dir, 'binary.txt'),
    path.join(fixtures, 'docs.jsonl'),
    path.join(fixtures, 'news-dateline.txt'),
  ];
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Readout.run', () => {
  it('gives the same outcomes, in input order, whatever the batch size', async () => {
    const one = await collect(new Readout({ kb, batch: { docs: 1 } }), inputs);
    const two = await collect(new Readout({ kb, batch: { docs: 2 } }), inputs);
    const all = await collect(new Readout({ kb }), inputs);
    expect(one.length).toBeGreaterThan(inputs.length); // docs.jsonl holds several documents
    expect(two.map(summary)).toEqual(one.map(summary));
    expect(all.map(summary)).toEqual(one.map(summary));
    // errors stay in their places, named
    expect(one[1]).toMatchObject({ ok: false, error: { input: inputs[1] } });
    expect(one[3]).toMatchObject({ ok: false, error: { input: inputs[3] } });
    expect(one.filter((o) => o.ok).length).toBeGreaterThan(4);
  });

  it('gives each document of a batch what processing it alone gives', async () => {
    const app = new Readout({ kb });
    const batch = await collect(app, [fixtures]);
    expect(batch.length).toBeGreaterThan(3);
    let compared = 0;
    for (const o of batch) {
      if (!o.ok) continue; // docs.jsonl holds a broken row on purpose
      expect(o.item.records).toEqual(app.process(o.item.source).records);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });
});
