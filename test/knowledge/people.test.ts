import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import countries from 'i18n-iso-countries';

const FILE = fileURLToPath(new URL('../../data/actors/people.tsv', import.meta.url));
const HEADER = ['name', 'aliases', 'country', 'role', 'sector', 'start', 'end', 'note'];
const ORGS = new Set([
  'UN',
  'EU',
  'NATO',
  'ASEAN',
  'OSCE',
  'AU',
  'OPCW',
  'IAEA',
  'WHO',
  'CoE',
  'SCO',
  'CSTO',
  'EAEU',
  'CIS',
  'GCC',
  'OAS',
  'LAS',
  'OIC',
  'IMF',
  'WTO',
  'PIF',
  'BRICS',
  'ECB',
]);
const SECTORS = new Set(['GOV', 'MIL', 'LEG', 'JUD', 'SPY', 'OPP', 'REB', 'MED', 'BUS', 'CVL', 'IGO']);
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

interface Row {
  line: number;
  name: string;
  aliases: string;
  country: string;
  role: string;
  sector: string;
  start: string;
  end: string;
  note: string;
}

const text = readFileSync(FILE, 'utf8');
const lines = text.split('\n');
const dataLines = lines.map((l, i) => ({ l, line: i + 1 })).filter(({ l }) => l.trim() !== '' && !l.startsWith('#'));
const header = dataLines[0].l.split('\t');
const rows: Row[] = dataLines.slice(1).map(({ l, line }) => {
  const c = l.split('\t');
  return {
    line,
    name: c[0],
    aliases: c[1],
    country: c[2],
    role: c[3],
    sector: c[4],
    start: c[5],
    end: c[6],
    note: c[7],
  };
});

/** Compare partial ISO dates by their common prefix; a partial date covers its whole span. */
function notAfter(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) <= b.slice(0, n);
}

function validDate(d: string): boolean {
  if (!DATE.test(d)) return false;
  if (d.length < 10) return true;
  const dt = new Date(d + 'T00:00:00Z');
  return !Number.isNaN(dt.getTime()) && dt.toISOString().slice(0, 10) === d;
}

function find(name: string, role: string, country: string): Row[] {
  return rows.filter((r) => r.name === name && r.role === role && r.country === country);
}

describe('data/actors/people.tsv', () => {
  it('has a source note and the expected header', () => {
    expect(lines.some((l) => l.startsWith('# source:'))).toBe(true);
    expect(header).toEqual(HEADER);
  });

  it('has many rows, each with 8 tab-separated columns', () => {
    expect(rows.length).toBeGreaterThanOrEqual(500);
    const bad = dataLines.slice(1).filter(({ l }) => l.split('\t').length !== HEADER.length);
    expect(bad.map((b) => b.line)).toEqual([]);
  });

  it('has name, country, role, sector and start in every row, without stray whitespace', () => {
    const bad = rows.filter(
      (r) =>
        !r.name ||
        !r.country ||
        !r.role ||
        !r.sector ||
        !r.start ||
        [r.name, r.aliases, r.country, r.role, r.sector, r.start, r.end, r.note].some((c) => c !== c.trim()),
    );
    expect(bad.map((b) => b.line)).toEqual([]);
  });

  it('uses ISO 3166-1 alpha-3 codes or known organisation acronyms', () => {
    const bad = rows.filter((r) => !ORGS.has(r.country) && !countries.isValid(r.country));
    expect(bad.map((b) => `${b.line}:${b.country}`)).toEqual([]);
    // alpha-3, not alpha-2
    expect(rows.filter((r) => !ORGS.has(r.country) && r.country.length !== 3)).toEqual([]);
  });

  it('uses CAMEO sector codes', () => {
    const bad = rows.filter((r) => !SECTORS.has(r.sector));
    expect(bad.map((b) => `${b.line}:${b.sector}`)).toEqual([]);
  });

  it('has valid ISO dates with start <= end', () => {
    const bad = rows.filter((r) => !validDate(r.start) || (r.end !== '' && !validDate(r.end)));
    expect(bad.map((b) => `${b.line}:${b.start}/${b.end}`)).toEqual([]);
    const reversed = rows.filter((r) => r.end !== '' && !notAfter(r.start, r.end));
    expect(reversed.map((b) => `${b.line}:${b.start}/${b.end}`)).toEqual([]);
    // no term ends after the data's reference date
    expect(rows.filter((r) => r.end > '2026-12')).toEqual([]);
  });

  it('has well-formed aliases that do not repeat the name', () => {
    const bad = rows.filter((r) => {
      if (r.aliases === '') return false;
      const a = r.aliases.split('|');
      return a.some((x) => x === '' || x !== x.trim() || x === r.name) || new Set(a).size !== a.length;
    });
    expect(bad.map((b) => b.line)).toEqual([]);
  });

  it('has no duplicate rows (same person, country, role and start)', () => {
    const seen = new Map<string, number>();
    const dups: string[] = [];
    for (const r of rows) {
      const k = [r.name, r.country, r.role, r.start].join('\t');
      if (seen.has(k)) dups.push(`${seen.get(k)}/${r.line}: ${k}`);
      seen.set(k, r.line);
    }
    expect(dups).toEqual([]);
  });

  it('has no overlapping terms for the same person in the same office', () => {
    const byKey = new Map<string, Row[]>();
    for (const r of rows) {
      const k = [r.name, r.country, r.role].join('\t');
      byKey.set(k, [...(byKey.get(k) ?? []), r]);
    }
    const bad: string[] = [];
    for (const [k, rs] of byKey) {
      const s = [...rs].sort((a, b) => (a.start < b.start ? -1 : 1));
      for (let i = 1; i < s.length; i++) {
        if (s[i - 1].end === '' || !notAfter(s[i - 1].end, s[i].start)) bad.push(k);
      }
    }
    expect(bad).toEqual([]);
  });

  it('writes "Foreign Minister", not "Minister of Foreign Affairs"', () => {
    expect(rows.filter((r) => /Minister of Foreign Affairs|Minister for Foreign Affairs/.test(r.role))).toEqual([]);
  });

  it('has the reference examples with their term dates', () => {
    expect(find('Rex Tillerson', 'Secretary of State', 'USA').map((r) => [r.start, r.end])).toEqual([
      ['2017-02-01', '2018-03-31'],
    ]);
    expect(find('John Kerry', 'Secretary of State', 'USA').map((r) => [r.start, r.end])).toEqual([
      ['2013-02-01', '2017-01-20'],
    ]);
    expect(find('Sergey Lavrov', 'Foreign Minister', 'RUS').map((r) => [r.start, r.end])).toEqual([['2004-03-09', '']]);
    expect(find('Wang Yi', 'Foreign Minister', 'CHN').map((r) => [r.start, r.end])).toEqual([
      ['2013-03-16', '2022-12-30'],
      ['2023-07-25', ''],
    ]);
  });

  it('lists well-known aliases', () => {
    const aliases = (name: string) => rows.filter((r) => r.name === name).flatMap((r) => r.aliases.split('|'));
    expect(aliases('Sergey Lavrov')).toContain('Sergei Lavrov');
    expect(aliases('Mevlüt Çavuşoğlu')).toContain('Mevlut Cavusoglu');
    expect(aliases('Kim Jong-un')).toContain('Kim Jong Un');
  });

  it('covers the permanent members of the Security Council and the G20 with heads of state or government', () => {
    const g20 = [
      'ARG',
      'AUS',
      'BRA',
      'CAN',
      'CHN',
      'FRA',
      'DEU',
      'IND',
      'IDN',
      'ITA',
      'JPN',
      'KOR',
      'MEX',
      'RUS',
      'SAU',
      'ZAF',
      'TUR',
      'GBR',
      'USA',
    ];
    for (const c of g20) {
      const roles = new Set(rows.filter((r) => r.country === c).map((r) => r.role));
      expect(
        roles.has('Foreign Minister') || roles.has('Secretary of State') || roles.has('Foreign Secretary'),
        c,
      ).toBe(true);
      expect(
        ['President', 'Prime Minister', 'Chancellor', 'King'].some((x) => roles.has(x)),
        c,
      ).toBe(true);
    }
  });

  it('has exactly one holder of key offices at sample dates', () => {
    const holders = (country: string, role: string, date: string) =>
      rows
        .filter(
          (r) =>
            r.country === country &&
            r.role === role &&
            notAfter(r.start, date) &&
            (r.end === '' || !notAfter(r.end, date) || r.end === date),
        )
        .map((r) => r.name);
    expect(holders('USA', 'Secretary of State', '2017-06-15')).toEqual(['Rex Tillerson']);
    expect(holders('USA', 'President', '2017-06-15')).toEqual(['Donald Trump']);
    expect(holders('RUS', 'President', '2010-06-15')).toEqual(['Dmitry Medvedev']);
    expect(holders('RUS', 'Prime Minister', '2010-06-15')).toEqual(['Vladimir Putin']);
    expect(holders('CHN', 'Foreign Minister', '2023-03-15')).toEqual(['Qin Gang']);
    expect(holders('UN', 'Special Envoy for Syria', '2016-06-15')).toEqual(['Staffan de Mistura']);
    expect(holders('GBR', 'Prime Minister', '2022-10-01')).toEqual(['Liz Truss']);
  });
});
