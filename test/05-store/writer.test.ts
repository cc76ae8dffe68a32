/**
 * StoreWriter stores on a worker thread, which runs the built worker script: these tests import
 * the built module (npm test builds first).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/05-store/sqlite.js';
import type { WriteItem, WriteResult } from '../../src/05-store/writer.js';
import { docA, docB, event, TEXT_A, tempDb } from './fixtures.js';

const built = path.resolve('dist/05-store/writer.js');
const { StoreWriter } = (await import(built)) as typeof import('../../src/05-store/writer.js');

let db: { file: string; cleanup: () => void };
beforeEach(() => {
  db = tempDb();
});
afterEach(() => db.cleanup());

const item = (name: string, input: ReturnType<typeof docA>): WriteItem => ({ name, ...input });

describe('StoreWriter', () => {
  it('stores documents in order on its thread, reporting each, and builds deferred indexes at the end', async () => {
    const results: WriteResult[] = [];
    let indexing = 0;
    const w = await StoreWriter.open(db.file, {
      group: 2,
      maxGroupsInFlight: 1,
      onResult: (r) => results.push(r),
      onIndexing: () => indexing++,
    });
    expect(w.deferred).toBe(true);
    const bad = docA({ id: 'docBad', sourceKey: 'bad' });
    bad.records.push(event('docBad', TEXT_A, 'Manila', { evidence: { start: 5, end: 99999, text: 'x' } }));
    await w.put(item('a.txt', docA()));
    await w.put(item('bad.txt', bad));
    await w.put(item('b.txt', docB()));
    await w.put(item('a-again.txt', docA({ sourceKey: 'other key' })));
    await w.put(item('b.txt', docB()));
    const stats = await w.finish();
    expect(results.map((r) => [r.name, r.status ?? 'error'])).toEqual([
      ['a.txt', 'inserted'],
      ['bad.txt', 'error'],
      ['b.txt', 'inserted'],
      ['a-again.txt', 'duplicate'],
      ['b.txt', 'unchanged'],
    ]);
    expect(results[1]!.error).toMatch(/record \d+ \(event\) is invalid: evidence/);
    expect(results[0]!.chars).toBe(TEXT_A.length);
    expect(stats.deferred).toBe(true);
    expect(indexing).toBe(1);
    // the same store as putDocument in this thread makes
    const here = tempDb();
    try {
      const direct = openStore(here.file);
      direct.putDocument(docA());
      direct.putDocument(docB());
      const store = openStore(db.file, { readonly: true });
      for (const kind of ['event', 'meeting', 'quote'] as const)
        expect(store.query(kind, {}).rows, kind).toEqual(direct.query(kind, {}).rows);
      expect(store.search('Tillerson').total).toBe(1);
      store.close();
      direct.close();
    } finally {
      here.cleanup();
    }
  });

  it('keeps the indexes of a store that holds documents', async () => {
    const s = openStore(db.file);
    s.putDocument(docA());
    s.close();
    const w = await StoreWriter.open(db.file, { onResult: () => {} });
    expect(w.deferred).toBe(false);
    await w.put(item('b.txt', docB()));
    expect((await w.finish()).deferred).toBe(false);
  });

  it('fails with the store error when a group cannot be committed, keeping what was', async () => {
    const s = openStore(db.file);
    s.putDocument(docA());
    s.close();
    const w = await StoreWriter.open(db.file, { group: 1, onResult: () => {} });
    // another connection holds the write lock past the store's busy timeout (5 s)
    const other = new Database(db.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      await w.put(item('b.txt', docB()));
      await expect(w.finish()).rejects.toThrow(/locked|busy/i);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const after = openStore(db.file, { readonly: true });
    expect(after.counts().document).toBe(1);
    after.close();
  }, 30_000);

  it('rejects open with the store error when the file is not a Readout store', async () => {
    fs.writeFileSync(db.file, 'plain text, not SQLite at all. '.repeat(40));
    await expect(StoreWriter.open(db.file, { onResult: () => {} })).rejects.toThrow(/not a Readout database/);
  });
});
