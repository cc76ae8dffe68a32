/**
 * Geographic knowledge: countries (ISO 3166-1 alpha-3, names, short names, adjectives,
 * demonyms, capitals, seats of government) loaded from data/geo/countries.tsv,
 * data/geo/countries-aliases.tsv and the English names of i18n-iso-countries.
 * Sources are documented in the files' headers and data/README.md.
 */
import path from 'node:path';
import { createRequire } from 'node:module';

export interface CountryInfo {
  code: string; // ISO alpha-3
  name: string; // English short name, e.g. "Russia"
  capital: string | null;
  lat: number | null;
  lon: number | null;
  /** adjectives and demonyms as written ("Russian", "Russians") */
  adjectives?: string[];
  /** every name the country goes by (short, official, aliases) */
  names?: string[];
}

/** A word or phrase standing for a country or one of its institutions. */
export interface CountryAlias {
  code: string;
  /** name: the country; adjective: adjective/demonym; capital: capital city as metonym; seat: a seat of government */
  kind: 'name' | 'adjective' | 'capital' | 'seat';
  /** CAMEO sector the metonym denotes ("the Pentagon" → MIL), null for the country itself */
  sector: string | null;
  /** the alias as written in the data */
  text: string;
}

export interface GeoKB {
  countries: Map<string, CountryInfo>;
  /** lower-cased alias (name, short name, adjective, demonym) -> alpha-3 */
  countryByAlias: Map<string, string>;
  /** lower-cased, diacritic-free alias (names, adjectives, capitals, seats) -> its readings */
  aliases: Map<string, CountryAlias[]>;
  /** lower-cased capital city name -> alpha-3 */
  capitalOf: Map<string, string>;
  /**
   * a formal state name's lead before a country name, ending where the name begins: "Republic of ",
   * "Kingdom of the " (data/geo/state-forms.tsv); tested on the text right before a name
   */
  stateFormBefore: RegExp | null;
}

import { readTsv } from './tsv.js';
export { readTsv };

/** Lower case, strip diacritics, unify apostrophes and dashes. The key used for every alias lookup. */
const NON_ASCII = /[^\x00-\x7f]/;
export function normKey(s: string): string {
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .toLowerCase();
}

/** English names from i18n-iso-countries (only its English locale and code table are read). */
function i18nNames(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  try {
    const req = createRequire(import.meta.url);
    const en = req('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> };
    const codes = req('i18n-iso-countries/codes.json') as string[][];
    const a3 = new Map(codes.map((c) => [c[0], c[1]]));
    a3.set('XK', 'XKX');
    for (const [a2, v] of Object.entries(en.countries)) {
      const code = a3.get(a2);
      if (code) out.set(code, Array.isArray(v) ? v : [v]);
    }
  } catch {
    // package missing: the data files alone still work
  }
  return out;
}

/** Names whose common English reading is something else: never used as country aliases. */
const SKIP_NAMES = new Set(['us', 'u.s.']);

export function loadGeoKB(dataDir: string): GeoKB {
  const countries = new Map<string, CountryInfo>();
  const aliases = new Map<string, CountryAlias[]>();
  const countryByAlias = new Map<string, string>();
  const capitalOf = new Map<string, string>();
  const add = (text: string, a: Omit<CountryAlias, 'text'>) => {
    const k = normKey(text.replace(/^the\s+/i, ''));
    if (!k) return;
    const list = aliases.get(k) ?? [];
    if (!list.some((x) => x.code === a.code && x.kind === a.kind)) list.push({ ...a, text });
    aliases.set(k, list);
    if ((a.kind === 'name' || a.kind === 'adjective') && !countryByAlias.has(k)) countryByAlias.set(k, a.code);
  };

  for (const r of readTsv(path.join(dataDir, 'geo', 'countries.tsv'))) {
    const code = r.code;
    if (!code) continue;
    const adjectives = r.adjectives ? r.adjectives.split('|').filter(Boolean) : [];
    const lat = r.lat ? Number(r.lat) : NaN;
    const lon = r.lon ? Number(r.lon) : NaN;
    countries.set(code, {
      code,
      name: r.name,
      capital: r.capital || null,
      lat: Number.isFinite(lat) ? lat : null,
      lon: Number.isFinite(lon) ? lon : null,
      adjectives,
      names: [r.name],
    });
    add(r.name, { code, kind: 'name', sector: null });
    for (const a of adjectives) add(a, { code, kind: 'adjective', sector: null });
    if (r.capital) {
      add(r.capital, { code, kind: 'capital', sector: 'GOV' });
      capitalOf.set(normKey(r.capital), code);
    }
  }
  // Official and alternative English names from i18n-iso-countries.
  for (const [code, list] of i18nNames()) {
    let info = countries.get(code);
    if (!info) {
      info = {
        code,
        name: list[list.length - 1] ?? list[0],
        capital: null,
        lat: null,
        lon: null,
        adjectives: [],
        names: [],
      };
      countries.set(code, info);
    }
    for (const n of list) {
      if (SKIP_NAMES.has(n.toLowerCase()) || n.includes(',')) continue;
      if (!info.names!.includes(n)) info.names!.push(n);
      add(n, { code, kind: 'name', sector: null });
    }
  }
  for (const r of readTsv(path.join(dataDir, 'geo', 'countries-aliases.tsv'))) {
    if (!r.alias || !r.code) continue;
    const kind = (r.kind || 'name') as CountryAlias['kind'];
    add(r.alias, { code: r.code, kind, sector: r.sector || null });
    const info = countries.get(r.code);
    if (kind === 'name' && info && !info.names!.includes(r.alias)) info.names!.push(r.alias);
    if (kind === 'capital') capitalOf.set(normKey(r.alias), r.code);
  }
  const forms = readTsv(path.join(dataDir, 'geo', 'state-forms.tsv'))
    .map((r) => r.form?.trim())
    .filter((f): f is string => !!f)
    .sort((a, b) => b.length - a.length)
    .map((f) =>
      f
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\s+/g, '\\s+')
        .replace(/'/g, "['’]"),
    );
  const stateFormBefore = forms.length
    ? new RegExp(`(?:^|[^\\p{L}])((?:${forms.join('|')})\\s+(?:the\\s+)?)$`, 'u')
    : null;
  return { countries, countryByAlias, aliases, capitalOf, stateFormBefore };
}
