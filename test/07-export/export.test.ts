import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventRecord, RecordOf } from '../../src/00-model/records.js';
import { openStore } from '../../src/05-store/sqlite.js';
import type { Store } from '../../src/05-store/store.js';
import {
  csvField,
  csvHeader,
  exportCsv,
  exportGdelt,
  exportIcews,
  exportJsonl,
  exportPlover,
  GDELT_COLUMNS,
  ICEWS_COLUMNS,
  importJsonl,
  runExport,
} from '../../src/07-export/index.js';
import { actor, docA, docB, event, tempDb, TEXT_A } from '../05-store/fixtures.js';

let db: { file: string; cleanup: () => void };
let store: Store;
beforeEach(() => {
  db = tempDb();
  store = openStore(db.file);
  store.putDocument(docA());
  store.putDocument(docB());
});
afterEach(() => {
  store.close();
  db.cleanup();
});

async function collect(run: (out: PassThrough) => Promise<number>): Promise<{ n: number; text: string }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c) => chunks.push(c));
  const n = await run(out);
  out.end();
  return { n, text: Buffer.concat(chunks).toString('utf8') };
}

/** A small RFC 4180 parser for the tests. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      if (c === '"' && s[i + 1] === '"') ((f += '"'), i++);
      else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') (row.push(f), (f = ''));
    else if (c === '\r' && s[i + 1] === '\n') (row.push(f), rows.push(row), (row = []), (f = ''), i++);
    else f += c;
  }
  if (f || row.length) (row.push(f), rows.push(row));
  return rows;
}

function everything(s: Store): RecordOf[] {
  const out: RecordOf[] = [];
  for (const k of ['document', 'turn', 'entity', 'meeting', 'agreement', 'quote', 'event'] as const)
    out.push(...s.iterate(k));
  return out;
}

describe('JSON Lines', () => {
  it('round-trips: export, import into a fresh store, same records, text, sentences and keys', async () => {
    // a record with awkward text: quotes, newline, non-ASCII, a line separator
    store.putDocument(
      docA({
        id: 'docC',
        sourceKey: '/corpus/c.txt',
        extra: [event('docC', TEXT_A, 'Lavrov said.', { rule: 'line1\nline2 "q" é \u2028 x' })],
      }),
    );
    const { n, text } = await collect((out) => exportJsonl(store, {}, out));
    const lines = text.trim().split('\n');
    expect(n).toBe(lines.length);
    expect(lines.length).toBe(everything(store).length); // every record once, document lines included
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({ kind: 'document', doc: 'docA', text: TEXT_A, source_keys: ['/corpus/a.txt'] });

    const db2 = tempDb();
    const fresh = openStore(db2.file);
    try {
      const r = await importJsonl(fresh, Readable.from([text]));
      expect(r).toMatchObject({ documents: 3, statuses: { inserted: 3 } });
      expect(everything(fresh)).toEqual(everything(store));
      for (const id of ['docA', 'docB', 'docC']) {
        const a = store.getDocument(id)!;
        const b = fresh.getDocument(id)!;
        expect({ ...b, ingestedAt: '' }).toEqual({ ...a, ingestedAt: '' });
      }
      expect(fresh.search('de-escalation zone').rows.map((h) => h.doc)).toEqual(['docA', 'docC']);
      // importing again changes nothing
      const again = await importJsonl(fresh, Readable.from([text]));
      expect(again.statuses).toEqual({ unchanged: 3 });
      // and a second export is byte-identical
      expect((await collect((out) => exportJsonl(fresh, {}, out))).text).toBe(text);
    } finally {
      fresh.close();
      db2.cleanup();
    }
  });

  it('remembers every source key of a duplicate through the round trip', async () => {
    store.putDocument(docA({ sourceKey: '/copy/a.txt' }));
    const { text } = await collect((out) => exportJsonl(store, { doc: 'docA' }, out));
    const db2 = tempDb();
    const fresh = openStore(db2.file);
    await importJsonl(fresh, Readable.from([text]));
    expect(fresh.getDocument('docA')!.sourceKeys).toEqual(['/corpus/a.txt', '/copy/a.txt']);
    fresh.close();
    db2.cleanup();
  });

  it('exports filtered records of the kinds the filter applies to', async () => {
    const { text } = await collect((out) => exportJsonl(store, { actor: 'Wang Yi' }, out));
    const recs = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(recs.map((r) => r.kind)).toEqual(['meeting', 'event']);
    const ev = await collect((out) => exportJsonl(store, { cameo: '04' }, out, { kinds: ['event'] }));
    expect(ev.n).toBe(3);
  });

  it('reports bad input with its line number and stores nothing of a bad document', async () => {
    const db2 = tempDb();
    const fresh = openStore(db2.file);
    try {
      await expect(importJsonl(fresh, Readable.from(['{"kind":"document"\n']))).rejects.toThrow(/line 1: not JSON/);
      const { text } = await collect((out) => exportJsonl(store, { doc: 'docB' }, out, { withText: false }));
      await expect(importJsonl(fresh, Readable.from([text]))).rejects.toThrow(/line 1: document docB has no "text"/);
      const full = (await collect((out) => exportJsonl(store, { doc: 'docB' }, out))).text.trim().split('\n');
      const broken = [full[0], full[1], JSON.stringify({ kind: 'event', doc: 'docB', cameo: 'xx' })].join('\n');
      await expect(importJsonl(fresh, Readable.from([broken]))).rejects.toThrow(/line 1: document docB: .*bad cameo/);
      expect(fresh.counts().document).toBe(0);
      const orphan = [full[0], JSON.stringify({ kind: 'event', doc: 'elsewhere' })].join('\n');
      await expect(importJsonl(fresh, Readable.from([orphan]))).rejects.toThrow(
        /line 2: event record of document elsewhere/,
      );
    } finally {
      fresh.close();
      db2.cleanup();
    }
  });
});

describe('CSV', () => {
  it('quotes fields per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
    expect(csvField(-2.5)).toBe('-2.5');
  });

  it('writes events with the expected header, flattened actors and evidence, parseable back', async () => {
    const { n, text } = await collect((out) => exportCsv(store, 'event', {}, out));
    expect(n).toBe(5);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    const header = rows[0]!;
    expect(header).toEqual(csvHeader('event'));
    for (const h of [
      'doc',
      'date',
      'cameo',
      'root',
      'quad_class',
      'goldstein',
      'plover',
      'source_name',
      'source_country',
      'source_org',
      'target_name',
      'target_country',
      'place_name',
      'negated',
      'hypothetical',
      'topics',
      'evidence_start',
      'evidence_end',
      'evidence_text',
      'rule',
    ])
      expect(header).toContain(h);
    expect(rows).toHaveLength(6);
    const row = Object.fromEntries(header.map((h, i) => [h, rows[1]![i]]));
    const ev = store.query('event').rows[0] as EventRecord;
    expect(row).toMatchObject({
      doc: 'docA',
      cameo: '040',
      source_name: 'Sergey Lavrov',
      source_country: 'RUS',
      target_name: 'Rex Tillerson',
      target_org: '',
      place_name: 'Manila',
      negated: 'false',
      evidence_start: String(ev.evidence.start),
      evidence_text: ev.evidence.text,
      topics: 'syria',
    });
    for (const r of rows) expect(r).toHaveLength(header.length);
  });

  it('keeps commas, quotes and line breaks inside fields intact', async () => {
    store.putDocument(
      docA({ id: 'docQ', sourceKey: '/q', extra: [event('docQ', TEXT_A, 'Lavrov said.', { rule: 'a, "b"\r\nc' })] }),
    );
    const { text } = await collect((out) => exportCsv(store, 'event', { doc: 'docQ' }, out, { bom: true }));
    expect(text.startsWith('\uFEFFdoc,')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows.at(-1)!.at(-1)).toBe('a, "b"\r\nc');
  });

  it('has a header for every kind and flattens parties and mentions', async () => {
    const m = parseCsv((await collect((out) => exportCsv(store, 'meeting', { doc: 'docB' }, out))).text);
    const mh = m[0]!;
    expect(mh).toEqual(expect.arrayContaining(['status', 'date', 'date_end', 'parties', 'party_countries', 'format']));
    expect(m[1]![mh.indexOf('parties')]).toBe('Wang Yi (CHN); Sergey Lavrov (RUS)');
    expect(m[1]![mh.indexOf('party_countries')]).toBe('CHN; RUS');
    const e = parseCsv((await collect((out) => exportCsv(store, 'entity', {}, out))).text);
    expect(e[1]![e[0]!.indexOf('mentions')]).toMatch(/^\d+-\d+$/);
    for (const k of ['document', 'turn', 'agreement', 'quote'] as const) {
      const rows = parseCsv((await collect((out) => exportCsv(store, k, {}, out))).text);
      expect(rows[0]).toEqual(csvHeader(k));
      expect(rows.length).toBeGreaterThan(1);
    }
  });
});

describe('event tables', () => {
  const tsv = (s: string) =>
    s
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));

  it('GDELT-like: header, one row per actual event, codes and dates at known precision', async () => {
    const { n, text } = await collect((out) => exportGdelt(store, {}, out));
    const rows = tsv(text);
    expect(rows[0]).toEqual(GDELT_COLUMNS);
    expect(n).toBe(4); // the hypothetical "will meet" is left out
    const col = (r: string[], c: string) => r[GDELT_COLUMNS.indexOf(c)];
    const [first, second] = [rows[1]!, rows[2]!];
    expect(col(first, 'GlobalEventID')).toBe('1');
    expect(col(first, 'SQLDATE')).toBe('20170806');
    expect(col(first, 'Actor1Code')).toBe('RUSGOV');
    expect(col(first, 'Actor1CountryCode')).toBe('RUS');
    expect(col(first, 'Actor2Name')).toBe('REX TILLERSON');
    expect(col(first, 'EventRootCode')).toBe('04');
    expect(col(first, 'IsRootEvent')).toBe('1');
    expect(col(first, 'ActionGeo_FullName')).toBe('Manila, Philippines');
    expect(col(first, 'ActionGeo_Lat')).toBe('14.6');
    expect(col(first, 'SOURCEURL')).toBe('readout:docA');
    // month precision: no SQLDATE, but MonthYear and Year
    expect([col(second, 'SQLDATE'), col(second, 'MonthYear'), col(second, 'Year')]).toEqual(['', '201708', '2017']);
    expect(col(second, 'EventCode')).toBe('0431');
    expect(col(second, 'EventBaseCode')).toBe('043');
    for (const r of rows) expect(r).toHaveLength(GDELT_COLUMNS.length);
    const all = await collect((out) => exportGdelt(store, {}, out, { includeHypothetical: true }));
    expect(all.n).toBe(5);
  });

  it('ICEWS-like: header, names, sectors, sentence numbers', async () => {
    const { n, text } = await collect((out) => exportIcews(store, { doc: 'docB' }, out));
    const rows = tsv(text);
    expect(rows[0]).toEqual(ICEWS_COLUMNS);
    expect(n).toBe(2);
    const r = Object.fromEntries(ICEWS_COLUMNS.map((h, i) => [h, rows[1]![i]]));
    expect(r).toMatchObject({
      'Event Date': '2017-09-01',
      'Source Name': 'Wang Yi',
      'Source Sectors': 'Government',
      'Source Country': "People's Republic of China",
      'CAMEO Code': '042',
      Intensity: '1.9',
      'Target Name': 'Sergey Lavrov',
      'Target Country': 'Russian Federation',
      'Story ID': 'docB',
      'Sentence Number': '2',
      Publisher: 'TASS',
      City: 'Moscow',
      Country: 'Russian Federation',
    });
    expect(r['Event Text']).toMatch(/visit/i);
    const r2 = Object.fromEntries(ICEWS_COLUMNS.map((h, i) => [h, rows[2]![i]]));
    expect(r2['Target Name']).toBe('UN');
  });

  it('PLOVER JSON: event type, mode and context, actor and recipient, source text', async () => {
    store.putDocument(
      docA({
        id: 'docP',
        sourceKey: '/p',
        extra: [event('docP', TEXT_A, 'Lavrov said.', { cameo: '020', root: '02', plover: null })],
      }),
    );
    const { n, text } = await collect((out) => exportPlover(store, { doc: 'docB' }, out));
    const objs = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(n).toBe(2);
    expect(objs[0]).toMatchObject({
      event_type: 'CONSULT',
      date: '2017-09-01',
      actor: { name: 'Wang Yi', country: 'CHN' },
      recipient: { name: 'Sergey Lavrov', country: 'RUS' },
      location: { name: 'Moscow', country: 'RUS' },
      source_text: 'Wang Yi held talks with Sergey Lavrov in Moscow.',
      doc: 'docB',
      publisher: 'TASS',
    });
    expect(Array.isArray(objs[0].context)).toBe(true);
    expect(objs[1]).toMatchObject({ event_type: 'ACCUSE', recipient: { org: 'UN' } });
    // events without a PLOVER type are left out
    const p = await collect((out) => exportPlover(store, { doc: 'docP' }, out));
    expect(p.n).toBe(2);
  });

  it('runExport dispatches formats and checks requests', async () => {
    expect((await collect((out) => runExport(store, { format: 'csv', kind: 'quote' }, out))).n).toBe(1);
    expect((await collect((out) => runExport(store, { format: 'plover', filter: { actor: 'China' } }, out))).n).toBe(2);
    await expect(runExport(store, { format: 'csv' }, new PassThrough())).rejects.toThrow(/needs a record kind/);
    await expect(runExport(store, { format: 'gdelt', kind: 'meeting' }, new PassThrough())).rejects.toThrow(
      /events only/,
    );
    await expect(runExport(store, { format: 'xml' as never }, new PassThrough())).rejects.toThrow(
      /unknown export format/,
    );
  });

  it('applies the same filters as the query layer', async () => {
    const g = await collect((out) => exportGdelt(store, { dyad: 'USA-RUS' }, out));
    expect(g.n).toBe(2);
    const none = await collect((out) => exportIcews(store, { actor: actor({}).name ?? 'Nobody' }, out));
    expect(none.n).toBe(0);
  });
});
