import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadKB, DEFAULT_DATA_DIR } from '../../src/knowledge/index.js';
import { placeKey } from '../../src/knowledge/places.js';

const kb = loadKB();

describe('place KB', () => {
  it('loads fast enough to start a CLI', () => {
    expect(kb.places.loadMs).toBeLessThan(1500);
  });
  it('every curated place has coordinates (given or from the GeoNames file)', () => {
    const rows = fs
      .readFileSync(path.join(DEFAULT_DATA_DIR, 'geo', 'places.tsv'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .slice(1);
    const missing = rows.map((r) => r.split('\t')[0]).filter((n) => kb.places.resolve(n)?.lat == null);
    expect(missing).toEqual([]);
  });
  it('aliases and other spellings map to one canonical place', () => {
    expect(kb.places.resolve('Kiev')?.name).toBe('Kyiv');
    expect(kb.places.resolve('Nur-Sultan')?.name).toBe('Astana');
    expect(kb.places.resolve('Nizhni Novgorod')?.name).toBe('Nizhny Novgorod');
    expect(kb.places.resolve('the Golan Heights')).toMatchObject({ name: 'Golan Heights', country: 'SYR' });
  });
  it('capitals and curated cities rank first, context decides among towns', () => {
    expect(kb.places.resolve('Washington')?.country).toBe('USA');
    expect(kb.places.resolve('Glasgow')?.country).toBe('GBR');
    expect(kb.places.resolve('Hyderabad')).toBeNull();
    expect(kb.places.resolve('Hyderabad', { countries: ['PAK'] })?.country).toBe('PAK');
  });
  it('GeoNames towns are found with diacritics or without', () => {
    expect(kb.places.resolve('Córdoba', { countries: ['ARG'] })?.country).toBe('ARG');
    expect(kb.places.resolve('Cordoba', { countries: ['ARG'] })?.lat).toBeCloseTo(-31.4, 0);
    expect(placeKey('The  Hague')).toBe('hague');
  });
  it('unknown names give null, not an error', () => {
    expect(kb.places.resolve('Xyzzyville')).toBeNull();
    expect(kb.places.lookup('')).toEqual([]);
  });
});
