import { describe, expect, it } from 'vitest';
import type { ActorMention, Doc, DocMeta, Place } from '../../src/00-model/doc.js';
import { emptyActor } from '../../src/00-model/doc.js';
import { loadKB } from '../../src/knowledge/index.js';
import { placeStage, recognisePlaces } from '../../src/03-recognise/places.js';
import { testDoc } from '../fixtures/doc.js';

const kb = loadKB();

function doc(text: string, meta: Partial<DocMeta> = {}, actors: ActorMention[] = []): Doc {
  return testDoc(text, { id: 'x', ...meta }, { sentences: [], tokens: [], actors });
}
function places(text: string, meta: Partial<DocMeta> = {}, actors: ActorMention[] = []) {
  return recognisePlaces(doc(text, meta, actors), kb).places.map((p) => ({
    text: text.slice(p.start, p.end),
    ...p.place,
  }));
}
function actor(text: string, surface: string, kind: ActorMention['kind'], country: string | null): ActorMention {
  const i = text.indexOf(surface);
  return {
    start: i,
    end: i + surface.length,
    kind,
    actor: emptyActor({ country, name: kind === 'person' ? surface : null }),
    key: `${kind}:${surface}`,
    rule: 'test',
  };
}

describe('places', () => {
  it('regions and provinces no package has', () => {
    const ps = places(
      'There are three such zones: in the south of the country, in Eastern Ghouta and to the north of Homs. The fourth is in the province of Idlib.',
    );
    expect(ps.map((p) => [p.text, p.name, p.country])).toEqual([
      ['Eastern Ghouta', 'Eastern Ghouta', 'SYR'],
      ['Homs', 'Homs', 'SYR'],
      ['Idlib', 'Idlib', 'SYR'],
    ]);
  });
  it('seas and peninsulas with "the"', () => {
    const ps = places('The ministers discussed the situation on the Korean Peninsula and in the South China Sea.');
    expect(ps.map((p) => p.name)).toEqual(['Korean Peninsula', 'South China Sea']);
    expect(ps[0].lat).toBeCloseTo(38, 0);
  });
  it('other spellings resolve to the canonical place', () => {
    const ps = places('The delegation flew from Kiev to Nizhni Novgorod and then to Nur-Sultan.');
    expect(ps.map((p) => [p.name, p.country])).toEqual([
      ['Kyiv', 'UKR'],
      ['Nizhny Novgorod', 'RUS'],
      ['Astana', 'KAZ'],
    ]);
  });
  it('an initialism after a place is a designator ("Washington D.C."), a capitalised word a longer name', () => {
    expect(places('The two ministers met in Washington D.C. on Friday.').map((p) => [p.text, p.country])).toEqual([
      ['Washington', 'USA'],
    ]);
    expect(places('The ministers quoted the Washington Post on Friday.')).toEqual([]);
  });
  it('well-known cities win over small namesakes (Geneva, Paris)', () => {
    const ps = places('The talks in Geneva were followed by a meeting in Paris.');
    expect(ps.map((p) => p.country)).toEqual(['CHE', 'FRA']);
    expect(ps[0].lat).toBeCloseTo(46.2, 1);
  });
  it('states and provinces win over towns of the same name abroad (Alaska, Ontario); Georgia stays a country', () => {
    const ps = places('Military exercises were held in Alaska, South Carolina and Ontario.');
    expect(ps.map((p) => [p.text, p.country])).toEqual([
      ['Alaska', 'USA'],
      ['South Carolina', 'USA'],
      ['Ontario', 'CAN'],
    ]);
    expect(places('The minister flew to Georgia on Friday.').map((p) => p.country)).toEqual(['GEO']);
  });
  it('a country the actor stage read under its formal name is the place after a locative word', () => {
    const t = 'The Prime Minister paid a visit to the Republic of Indonesia.';
    const formal = { ...actor(t, 'Republic of Indonesia', 'country', 'IDN'), rule: 'country-formal-name' };
    expect(places(t, {}, [formal]).map((p) => [p.text, p.country])).toEqual([['Republic of Indonesia', 'IDN']]);
  });
  it('a GeoNames town after a locative word, with coordinates', () => {
    const [p] = places('The minister arrived in Hangzhou for the summit.');
    expect(p).toMatchObject({ name: 'Hangzhou', country: 'CHN' });
    const [q] = places('The talks were held in Sochi on Friday.');
    expect(q.country).toBe('RUS');
  });
  it('a capital used as an actor is not a place, "in Moscow" is', () => {
    const t = 'Moscow and Washington agreed to continue the dialogue, the ministers said in Moscow.';
    const acts = [actor(t, 'Moscow', 'country', 'RUS'), actor(t, 'Washington', 'country', 'USA')];
    // the second "Moscow" is also marked as an actor by a careless recogniser: the locative wins
    const i2 = t.lastIndexOf('Moscow');
    acts.push({ ...acts[0], start: i2, end: i2 + 6 });
    const ps = places(t, {}, acts);
    expect(ps.map((p) => [p.text, p.name])).toEqual([['Moscow', 'Moscow']]);
    expect(ps).toHaveLength(1);
  });
  it('people are never places', () => {
    const t = 'The minister spoke to Victoria Nuland in Berlin.';
    const ps = places(t, {}, [actor(t, 'Victoria Nuland', 'person', 'USA')]);
    expect(ps.map((p) => p.name)).toEqual(['Berlin']);
  });
  it('countries count as places only after a locative word', () => {
    const ps = places('China proposed a plan. The BRICS summit will be held in China in early September.');
    expect(ps.map((p) => p.text)).toEqual(['China']);
    expect(ps[0].country).toBe('CHN');
  });
  it('common words and unknown names are skipped without breaking the rest', () => {
    const ps = places(
      'He spoke in Progress and in Xyzzyville, then in the Security Council, and finally in Vientiane.',
    );
    expect(ps.map((p) => p.name)).toEqual(['Vientiane']);
  });
  it('ambiguous towns are resolved by the document countries', () => {
    // Hyderabad: a city in India and one in Pakistan
    const t = 'Pakistani officials said the convoy reached Hyderabad late at night.';
    expect(places(t, {}, [actor(t, 'Pakistani', 'country', 'PAK')])[0].country).toBe('PAK');
    expect(places(t, {}, [actor(t, 'Pakistani', 'country', 'IND')])[0].country).toBe('IND');
    // without context an ambiguous town is skipped
    expect(places('The convoy reached Hyderabad late at night.')).toEqual([]);
  });
});

describe('dateline place', () => {
  it('the stage resolves meta.place to coordinates and a canonical name', () => {
    const meta = { place: { name: 'KIEV', country: null, lat: null, lon: null } as Place };
    const out = placeStage.run(doc('KIEV, March 3. /TASS/. The talks will resume soon.', meta), kb);
    expect(out.meta?.place).toMatchObject({ name: 'Kyiv', country: 'UKR' });
    expect(out.meta?.place?.lat).toBeCloseTo(50.45, 1);
    expect(out.layers?.places?.[0]).toMatchObject({ start: 0, end: 4, rule: 'place:dateline' });
  });
  it('Manila in a title-style dateline', () => {
    const out = placeStage.run(
      doc('Remarks on the sidelines of ASEAN events, Manila, August 6, 2017', {
        place: { name: 'Manila', country: null, lat: null, lon: null },
      }),
      kb,
    );
    expect(out.meta?.place).toMatchObject({ name: 'Manila', country: 'PHL' });
    expect(out.layers?.places?.map((p) => p.place.name)).toEqual(['Manila']);
  });
  it('the country written after the dateline place decides between namesakes ("Queenstown, NZ")', () => {
    const t = 'Leaders Key and Gillard\nQueenstown, NZ\n\nThe two prime ministers met on Saturday.';
    const out = placeStage.run(doc(t, { place: { name: 'Queenstown', country: null, lat: null, lon: null } }), kb);
    expect(out.meta?.place).toMatchObject({ name: 'Queenstown', country: 'NZL' });
  });
  it('without dateline or title place, a readout lead reporting a meeting "in Town" gives the place', () => {
    const lead = (text: string) => {
      const d = doc(text);
      d.layers.sentences = [{ index: 0, start: 0, end: text.indexOf('.') + 1, paragraph: 0, turn: null }];
      return placeStage.run(d, kb).meta?.place;
    };
    expect(lead('The Minister met today with the Prime Minister of Portugal in Lisbon, Portugal. More.')).toMatchObject(
      {
        name: 'Lisbon',
        country: 'PRT',
      },
    );
    // an earlier occasion, an announcement, or only a country: no place
    expect(lead('The ministers recalled their meeting in Lisbon in March 2019 and spoke by phone.')).toBeUndefined();
    expect(
      lead('The Minister will hold talks with the Prime Minister of Portugal in Lisbon on Monday.'),
    ).toBeUndefined();
    expect(
      lead('The Minister met today with the Prime Minister of Portugal in Portugal for long talks.'),
    ).toBeUndefined();
  });
  it('a town the gazetteer lacks takes the country of the dateline region in slashes', () => {
    const t = 'NOVOGRADSKOYE /Leningrad Region/, May 5. /TASS/. The two presidents met at a country residence.';
    const out = placeStage.run(doc(t, { place: { name: 'Novogradskoye', country: null, lat: null, lon: null } }), kb);
    expect(out.meta?.place).toMatchObject({ name: 'Novogradskoye', country: 'RUS' });
  });
  it('without a dateline, a title ending in a well-known place or "in Town, Country" gives the place', () => {
    const run = (title: string) => placeStage.run(doc('The ministers spoke to the press.', { title }), kb).meta?.place;
    expect(run('Press Conference by the Foreign Ministers of Peru and Chile, Lima')).toMatchObject({
      name: 'Lima',
      country: 'PER',
    });
    expect(run('Special Envoy Meetings in Geneva, Switzerland')).toMatchObject({ name: 'Geneva', country: 'CHE' });
    // a country is no document place; nor is a word that is no well-known place
    expect(run('Deputy Secretary Visit to the Republic of Korea, in Korea')).toBeUndefined();
    expect(run('Statement on the Situation, Mr President')).toBeUndefined();
  });
});

describe('place qualifiers and articles', () => {
  it('"Town, Country" takes the written country', () => {
    const t = 'Joint statement\n\nQueenstown, New Zealand\n\nThe prime ministers met in Queenstown on Saturday.';
    const ps = places(t);
    expect(ps[0]).toMatchObject({ name: 'Queenstown', country: 'NZL' });
  });
  it('a town name after "the" is not a place', () => {
    expect(places('He referred to the Hendra virus outbreak.')).toEqual([]);
  });
});
