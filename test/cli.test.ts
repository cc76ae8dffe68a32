/**
 * End-to-end tests of the `readout` command as a user runs it (the built CLI in a child process,
 * a real SQLite store in a temp folder, the bundled sample corpus).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openStore } from '../src/05-store/sqlite.js';

const BIN = path.resolve('bin/readout.js');
const SAMPLE = path.resolve('sample');
let dir: string;
let db: string;

/** Runs the CLI asynchronously (a blocking spawnSync would stall the test worker). */
function readout(args: string[], input?: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, READOUT_DB: '' } });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input ?? '');
  });
}
const jsonl = (s: string) =>
  s
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/** the store's indexes and readout_meta keys (deferred indexes are listed there) */
function indexesOf(file: string) {
  const raw = new Database(file, { readonly: true });
  const names = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name`).all();
  const meta = raw.prepare(`SELECT key FROM readout_meta ORDER BY key`).all();
  raw.close();
  return { names, meta };
}
function freshStore(): string {
  const fresh = path.join(dir, 'fresh.db');
  if (!fs.existsSync(fresh)) openStore(fresh).close();
  return fresh;
}

beforeAll(() => {
  if (!fs.existsSync(path.resolve('dist/cli/main.js'))) throw new Error('build first: npm run build (npm test does)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-cli-'));
  db = path.join(dir, 'r.db');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readout extract', () => {
  it('writes JSON Lines records of the contract, document first, deterministic across runs', async () => {
    const a = await readout(['extract', SAMPLE, '--format', 'jsonl']);
    expect(a.code).toBe(0);
    const recs = jsonl(a.out);
    expect(recs[0].kind).toBe('document');
    const docs = recs.filter((r) => r.kind === 'document');
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const r of recs) {
      expect(typeof r.kind).toBe('string');
      expect(typeof r.doc).toBe('string');
    }
    for (const r of recs.filter((x) => x.evidence))
      expect(r.evidence.text.length).toBe(r.evidence.end - r.evidence.start);
    expect(recs.some((r) => r.kind === 'meeting')).toBe(true);
    expect(recs.some((r) => r.kind === 'event' && /^\d{3,4}$/.test(r.cameo))).toBe(true);
    const b = await readout(['extract', SAMPLE, '--format', 'jsonl']);
    expect(b.out).toBe(a.out);
  });

  it('evidence offsets point into the document text as ingested', async () => {
    const file = path.join(dir, 'offsets.txt');
    fs.writeFileSync(
      file,
      'Foreign Minister Sergey Lavrov met US Secretary of State Rex Tillerson in Manila on August 6, 2017. They agreed to continue contacts.\n',
    );
    const recs = jsonl((await readout(['extract', file])).out);
    const texts = new Map<string, string>();
    texts.set(recs[0].doc, fs.readFileSync(file, 'utf8'));
    for (const r of recs.filter((x) => x.evidence)) {
      expect(fs.readFileSync(file, 'utf8')).toContain(r.evidence.text);
    }
  });

  it('--only filters kinds; a bad kind or format is a usage error naming it', async () => {
    const r = await readout(['extract', SAMPLE, '--only', 'meeting']);
    expect(new Set(jsonl(r.out).map((x) => x.kind))).toEqual(new Set(['meeting']));
    const bad = await readout(['extract', SAMPLE, '--only', 'meetings']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown record kind "meetings"/);
    expect((await readout(['extract', SAMPLE, '--format', 'xml'])).err).toMatch(/--format must be/);
  });

  it('reads stdin with -, and prints a readable markdown readout', async () => {
    const r = await readout(
      ['extract', '-', '--format', 'markdown'],
      'MOSCOW, March 3, 2021. Sergey Lavrov held talks with Wang Yi in Moscow today.\n',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/## Meetings \(\d+\)/);
  });

  it('reports a failing input by name, goes on with the others, exits non-zero', async () => {
    const bad = path.join(dir, 'cp1251.txt');
    fs.writeFileSync(bad, Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0]));
    const r = await readout([
      'extract',
      path.join(dir, 'missing.txt'),
      bad,
      path.join(SAMPLE, 'tass-lavrov-shoukry-cairo.txt'),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('missing.txt');
    expect(r.err).toContain('cp1251.txt');
    expect(r.err.trim().split('\n')).toHaveLength(2);
    expect(jsonl(r.out).filter((x) => x.kind === 'document')).toHaveLength(1);
  });
});

describe('readout ingest / search / summary / show', () => {
  it('ingests the sample, then re-ingesting is a no-op', async () => {
    const a = await readout(['ingest', SAMPLE, '--db', db]);
    expect(a.code).toBe(0);
    expect(a.err).toMatch(/(\d+) new, 0 replaced, 0 unchanged/);
    // into the empty store the indexes were built at the end: all of them, none left deferred
    expect(indexesOf(db)).toEqual(indexesOf(freshStore()));
    const b = await readout(['ingest', SAMPLE, '--db', db]);
    expect(b.err).toMatch(/0 new, 0 replaced, \d+ unchanged/);
  });

  it('stops cleanly on Ctrl-C: what was processed is stored, the indexes built, exit 130', async () => {
    const many = path.join(dir, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i < 3000; i++)
      fs.writeFileSync(
        path.join(many, `${String(i).padStart(4, '0')}.txt`),
        `MOSCOW, May ${(i % 28) + 1}. Sergey Lavrov met Wang Yi in Moscow (note ${i}). They agreed to meet again.\n`,
      );
    const stopped = path.join(dir, 'stopped.db');
    const child = spawn(process.execPath, [BIN, 'ingest', many, '--db', stopped], { cwd: dir });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      // once the first group is committed, interrupt
      const committed = () => {
        try {
          const raw = new Database(stopped, { readonly: true, fileMustExist: true });
          try {
            return (raw.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n > 0;
          } finally {
            raw.close();
          }
        } catch {
          return false; // not created yet
        }
      };
      const poll = setInterval(() => {
        if (committed()) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 20);
    });
    expect(code).toBe(130);
    expect(err).toMatch(/interrupted; run the same command again/);
    const n = Number(/readout: (\d+) new/.exec(err)?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(3000);
    expect(indexesOf(stopped)).toEqual(indexesOf(freshStore()));
    // the same command goes on where it stopped
    const again = await readout(['ingest', many, '--db', stopped]);
    expect(again.err).toMatch(new RegExp(`readout: ${3000 - n} new, 0 replaced, ${n} unchanged`));
  }, 60_000);

  it('replaces a changed document under the same source, and keeps the store intact when an input fails', async () => {
    const f = path.join(dir, 'note.txt');
    fs.writeFileSync(f, 'Sergey Lavrov met Wang Yi in Beijing on May 5, 2019.\n');
    expect((await readout(['ingest', f, '--db', db])).err).toMatch(/1 new/);
    fs.writeFileSync(f, 'Sergey Lavrov met Wang Yi in Beijing on May 6, 2019. They signed a plan of consultations.\n');
    expect((await readout(['ingest', f, '--db', db])).err).toMatch(/0 new, 1 replaced/);
    const s = await readout(['search', 'plan of consultations', '--db', db]);
    expect(s.out).toMatch(/\[plan\]|\[consultations\]|plan of consultations/i);
    expect((await readout(['search', 'May 5', '--db', db])).out).not.toContain('May 5, 2019');
    const before = (await readout(['summary', '--db', db])).out;
    const bad = await readout(['ingest', path.join(dir, 'nope.txt'), '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/nope\.txt: /);
    expect((await readout(['summary', '--db', db])).out).toBe(before);
  });

  it('searches sentences by phrase with document titles', async () => {
    const r = await readout(['search', 'working group', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out.length).toBeGreaterThan(0);
  });

  it('show: a path that does not exist is a missing file, not a document id', async () => {
    const r = await readout(['show', 'nowhere/report.txt', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nowhere\/report\.txt: no such file or directory/);
  });

  it('summarises the store and shows one document by id prefix', async () => {
    const s = await readout(['summary', '--db', db]);
    expect(s.out).toMatch(/documents: \d+/);
    const id = /^\s+([0-9a-f]{16})\s/m.exec(s.out)![1];
    const show = await readout(['show', id.slice(0, 8), '--db', db]);
    expect(show.code).toBe(0);
    expect(show.out).toMatch(/^# /);
    expect(show.out).toContain(`document \`${id}\``);
    expect((await readout(['show', 'ffffffffffff', '--db', db])).err).toMatch(/no stored document/);
  });

  it('says how to create a store when it does not exist', async () => {
    const r = await readout(['summary', '--db', path.join(dir, 'none.db')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no such store.*readout ingest/);
  });

  it('lists entities with their resolution', async () => {
    const r = await readout(['entities', path.join(SAMPLE, 'tass-lavrov-shoukry-cairo.txt')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/## Actors/);
    expect(r.out).toMatch(/Lavrov/);
    expect(r.out).toMatch(/## Dates/);
  });
});

describe('readout export / import', () => {
  it('exports JSON Lines that re-import into a new store and export byte-identically', async () => {
    const out = path.join(dir, 'all.jsonl');
    const e = await readout(['export', '--format', 'jsonl', '--db', db, '--out', out]);
    expect(e.code).toBe(0);
    const db2 = path.join(dir, 'copy.db');
    const i = await readout(['import', out, '--db', db2]);
    expect(i.code).toBe(0);
    expect(i.err).toMatch(/imported \d+ documents/);
    expect(indexesOf(db2)).toEqual(indexesOf(freshStore()));
    const again = await readout(['export', '--format', 'jsonl', '--db', db2]);
    expect(again.out).toBe(fs.readFileSync(out, 'utf8'));
  });

  it('exports CSV with the expected header, and event tables in GDELT-, ICEWS- and PLOVER-like layouts', async () => {
    const csv = await readout(['export', '--format', 'csv', '--kind', 'meeting', '--db', db]);
    expect(csv.out.split('\n')[0]).toMatch(/^doc,status,date,date_end,format,parties/);
    const gdelt = await readout(['export', '--format', 'gdelt', '--db', db]);
    expect(gdelt.out.split('\n')[0].split('\t').slice(0, 2)).toEqual(['GlobalEventID', 'SQLDATE']);
    const icews = await readout(['export', '--format', 'icews', '--db', db]);
    expect(icews.out.split('\n')[0]).toMatch(/^Event ID\tEvent Date\tSource Name/);
    const plover = await readout(['export', '--format', 'plover', '--db', db]);
    const first = JSON.parse(plover.out.split('\n')[0]);
    expect(first).toHaveProperty('event_type');
    expect(first).toHaveProperty('actor');
  });

  it('exports a Markdown readout per document, and rejects a CSV export without a kind', async () => {
    const md = await readout(['export', '--format', 'markdown', '--db', db]);
    expect(md.out).toMatch(/^# /);
    expect(md.out).toMatch(/## Agreements and commitments/);
    const bad = await readout(['export', '--format', 'csv', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/record kind/);
  });
});

describe('help', () => {
  it('every subcommand has --help with an example', async () => {
    for (const c of ['extract', 'ingest', 'search', 'summary', 'show', 'entities', 'serve', 'export', 'import']) {
      const r = await readout([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.out, c).toMatch(/Example/);
      // the examples name files the sample holds
      for (const m of r.out.matchAll(/\bsample\/[\w.-]+\.\w+/g))
        expect(fs.existsSync(m[0]), `${c}: ${m[0]}`).toBe(true);
    }
  });
});
