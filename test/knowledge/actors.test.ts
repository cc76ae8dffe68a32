import { describe, expect, it } from 'vitest';
import { loadKB } from '../../src/knowledge/index.js';
import { findPerson, officeHolder, personActor, roleOf, termCovers, words } from '../../src/knowledge/actors.js';

const kb = loadKB();

describe('geo KB: countries', () => {
  it('names, aliases and adjectives map to alpha-3', () => {
    const g = kb.geo;
    expect(g.countryByAlias.get('syria')).toBe('SYR');
    expect(g.countryByAlias.get('laos')).toBe('LAO');
    expect(g.countryByAlias.get('dprk')).toBe('PRK');
    expect(g.countryByAlias.get('north korea')).toBe('PRK');
    expect(g.countryByAlias.get('republic of korea')).toBe('KOR');
    expect(g.countryByAlias.get('russian federation')).toBe('RUS');
    expect(g.countryByAlias.get('america')).toBe('USA');
    expect(g.countryByAlias.get('britain')).toBe('GBR');
    expect(g.countryByAlias.get('turkish')).toBe('TUR');
    expect(g.countryByAlias.get('chinese')).toBe('CHN');
    expect(g.countryByAlias.get('kosovo')).toBe('XKX');
  });
  it('capitals and seats of government are metonyms with a sector', () => {
    const kremlin = kb.geo.aliases.get('kremlin')![0];
    expect(kremlin).toMatchObject({ code: 'RUS', kind: 'seat', sector: 'GOV' });
    expect(kb.geo.aliases.get('pentagon')![0]).toMatchObject({ code: 'USA', sector: 'MIL' });
    expect(kb.geo.capitalOf.get('kyiv')).toBe('UKR');
    expect(kb.geo.capitalOf.get('kiev')).toBe('UKR');
    expect(kb.geo.capitalOf.get('pyongyang')).toBe('PRK');
  });
  it('every UN member has a centroid', () => {
    const rus = kb.geo.countries.get('RUS')!;
    expect(rus.capital).toBe('Moscow');
    expect(rus.lat).toBeGreaterThan(40);
    const missing = [...kb.geo.countries.values()].filter((c) => c.capital && c.lat == null);
    expect(missing).toEqual([]);
    expect([...kb.geo.countries.values()].filter((c) => c.lat != null).length).toBeGreaterThan(190);
  });
});

describe('actor KB: organisations, non-state actors, roles', () => {
  it('orgs carry record codes and CAMEO codes', () => {
    expect(kb.actors.orgs.get('UN')!.cameo).toBe('IGOUNO');
    expect(kb.actors.orgs.get('NATO')!.cameo).toBe('IGOWSTNAT');
    expect(kb.actors.orgs.get('EU')!.cameo).toBe('IGOEUREEC');
    for (const code of [
      'ASEAN',
      'EAS',
      'ARF',
      'BRICS',
      'SCO',
      'G20',
      'G7',
      'OSCE',
      'CoE',
      'EAEU',
      'CSTO',
      'OPCW',
      'IAEA',
      'WHO',
      'ISSG',
      'NORMANDY',
      'TCG',
      'QUAD',
      'RIC',
      'ASTANA',
      'MOSCOW',
    ])
      expect(kb.actors.orgs.has(code), code).toBe(true);
    expect(kb.actors.lexicon.get('astana format')![0].entry.type).toBe('org');
  });
  it('non-state aliases share one actor', () => {
    const read = (k: string) => {
      const e = kb.actors.lexicon.get(k)!.find((r) => r.entry.type === 'nonstate')!.entry;
      return e.type === 'nonstate' ? e.info : null;
    };
    expect(read('daesh')).toBe(read('isil'));
    expect(read('daesh')!.name).toBe('Islamic State');
  });
  it('roles normalise titles and know sectors and default countries', () => {
    expect(roleOf(kb.actors, 'Minister of Foreign Affairs')!.role).toBe('Foreign Minister');
    expect(roleOf(kb.actors, 'top diplomat')!.role).toBe('Foreign Minister');
    expect(roleOf(kb.actors, 'Defence Ministry')).toMatchObject({ sector: 'MIL', kind: 'body' });
    expect(roleOf(kb.actors, 'Secretary of State')!.country).toBe('USA');
  });
});

describe('people lookup', () => {
  it('by full name, alias and surname', () => {
    expect(findPerson(kb.actors, 'Sergei Lavrov', '2017-01-01')!.person.name).toBe('Sergey Lavrov');
    expect(findPerson(kb.actors, 'Tillerson', '2017-07-07')!.person.name).toBe('Rex Tillerson');
    const hit = findPerson(kb.actors, 'Sergey Lavrov', '2017-07-07')!;
    expect(personActor(kb.actors, hit.person, hit.term)).toMatchObject({
      role: 'Foreign Minister',
      country: 'RUS',
      sector: 'GOV',
      code: 'RUSGOV',
    });
  });
  it('office holder by role, country and date (any precision)', () => {
    expect(officeHolder(kb.actors, 'Secretary of State', 'USA', '2017-07-07')!.person.name).toBe('Rex Tillerson');
    expect(officeHolder(kb.actors, 'Secretary of State', 'USA', '2016')!.person.name).toBe('John Kerry');
    expect(officeHolder(kb.actors, 'Foreign Minister', 'RUS', '2016-03')!.person.name).toBe('Sergey Lavrov');
    // same office under another title
    expect(officeHolder(kb.actors, 'Foreign Minister', 'USA', '2017-07-07')!.person.name).toBe('Rex Tillerson');
    // a year spanning two holders is ambiguous
    expect(officeHolder(kb.actors, 'Secretary of State', 'USA', '2018')).toBeNull();
  });
  it('terms: open terms cover unknown dates, closed ones do not', () => {
    const t = {
      role: 'x',
      roleNorm: 'x',
      family: null,
      country: 'USA',
      org: null,
      sector: 'GOV',
      start: '2017-02-01',
      end: '2018-03-31',
      note: null,
    };
    expect(termCovers(t, '2017')).toBe(true);
    expect(termCovers(t, '2018-04')).toBe(false);
    expect(termCovers(t, null)).toBe(false);
    expect(termCovers({ ...t, end: null }, null)).toBe(true);
  });
});

describe('words', () => {
  it('keeps abbreviations and apostrophes, splits hyphens, drops possessive s', () => {
    expect(words("The U.S. and al-Nusra; Lavrov's talks with Da'esh.").map((w) => w.text)).toEqual([
      'The',
      'U.S.',
      'and',
      'al',
      'Nusra',
      'Lavrov',
      'talks',
      'with',
      "Da'esh",
    ]);
  });
  it('keys: lower case, diacritics stripped only where there are any, curly apostrophes unified', () => {
    const keys = words('Meeting O’Brien and D’Ávila in Tōkyō, then Straße and NATO').map((w) => w.key);
    expect(keys).toEqual(['meeting', "o'brien", 'and', "d'avila", 'in', 'tokyo', 'then', 'straße', 'and', 'nato']);
  });
});
