import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActorMention, DateMention, Doc, DocMeta } from '../../src/00-model/doc.js';
import { emptyActor } from '../../src/00-model/doc.js';
import type { KB } from '../../src/knowledge/index.js';
import { dateStage, fallbackSentences, inferDocYear, recogniseDates, type Term } from '../../src/03-recognise/dates.js';
import { testDoc } from '../fixtures/doc.js';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

function dates(text: string, published: string | null = '2017-08-06'): (DateMention & { text: string })[] {
  return recogniseDates(text, fallbackSentences(text), { published, dataDir }).map((d) => ({
    ...d,
    text: text.slice(d.start, d.end),
  }));
}
function one(text: string, published: string | null = '2017-08-06') {
  const ds = dates(text, published);
  expect(ds.length, JSON.stringify(ds)).toBe(1);
  return ds[0];
}

describe('absolute dates', () => {
  it('month-day without a year takes the document year', () => {
    const d = one('The agreements were reached during the visit of the Chinese leader to Russia on July 4.');
    expect(d).toMatchObject({ text: 'July 4', value: '2017-07-04', precision: 'day', type: 'absolute', future: false });
  });
  it('full date with a year keeps its own year', () => {
    const d = one('The two leaders met in Moscow on May 8, 2015, and signed a joint statement.', '2016-03-01');
    expect(d).toMatchObject({ text: 'May 8, 2015', value: '2015-05-08', future: false });
  });
  it('day-month order and dotted numeric dates', () => {
    expect(one('The treaty was signed on 9 July 2017 in Geneva.').value).toBe('2017-07-09');
    expect(one('The memorandum dated 12.07.2017 remains in force.').value).toBe('2017-07-12');
  });
  it('month and year at month precision', () => {
    const d = one('The restrictions must be applied by February 2018.');
    expect(d).toMatchObject({ text: 'February 2018', value: '2018-02', precision: 'month', future: true });
  });
  it('a yearless December date in a January document belongs to the previous year', () => {
    expect(one('The ministers last spoke on December 28.', '2018-01-10').value).toBe('2017-12-28');
  });
  it('a month already past in a future clause is next year; in a past clause of the same sentence, this year', () => {
    expect(one('There will be a meeting of the foreign ministers in June.', '2016-07-26').value).toBe('2017-06');
    expect(one('The ministers, who met in June, will meet again.', '2016-07-26').value).toBe('2016-06');
  });
  it('a month after a preposition, capitalised at the sentence start too', () => {
    expect(one('In March the talks resumed after a pause.').value).toBe('2017-03');
    expect(one('We will resume the talks in November.').value).toBe('2017-11');
  });
  it('years after a preposition', () => {
    expect(one('The conflict has continued since 2011.')).toMatchObject({ value: '2011', precision: 'year' });
  });
});

describe('ranges', () => {
  it('day range within a month', () => {
    const d = one('The next meeting will take place in Tehran on August 8-9.');
    expect(d).toMatchObject({
      text: 'August 8-9',
      value: '2017-08-08',
      valueEnd: '2017-08-09',
      type: 'range',
      future: true,
    });
  });
  it('day range with a year', () => {
    const d = one('The forum held on July 12-15, 2021 adopted a declaration.');
    expect(d).toMatchObject({ value: '2021-07-12', valueEnd: '2021-07-15' });
  });
  it('day-month range and year range', () => {
    expect(one('The exercises ran from 3 to 5 September.')).toMatchObject({
      value: '2017-09-03',
      valueEnd: '2017-09-05',
    });
    expect(one('Between 2014 and 2016 the format met often.')).toMatchObject({
      value: '2014',
      valueEnd: '2016',
      precision: 'year',
    });
  });
});

describe('relative dates', () => {
  it('yesterday, last night, today, tomorrow', () => {
    const ds = dates(
      'Yesterday the ministers spoke by phone; last night they issued a statement. Today they meet, and tomorrow they leave.',
    );
    expect(ds.map((d) => [d.text, d.value, d.future])).toEqual([
      ['Yesterday', '2017-08-05', false],
      ['last night', '2017-08-05', false],
      ['Today', '2017-08-06', null],
      ['tomorrow', '2017-08-07', true],
    ]);
  });
  it('a weekday in a past sentence is the most recent one', () => {
    // 2017-08-06 is a Sunday
    expect(one('On Wednesday, the minister said the talks had been useful.')).toMatchObject({
      text: 'Wednesday',
      value: '2017-08-02',
    });
  });
  it('a weekday in a future sentence is the next one', () => {
    expect(one('The delegations will meet again on Tuesday.')).toMatchObject({ value: '2017-08-08', future: true });
  });
  it('a weekday takes the tense of its own clause, not of a later one', () => {
    expect(one('A report released Tuesday alleged that the militia was planning attacks.').value).toBe('2017-08-01');
    expect(one('The minister said on Tuesday that he will visit Cairo.').value).toBe('2017-08-01');
    expect(one('The minister said he will visit Cairo on Tuesday.').value).toBe('2017-08-08');
  });
  it('n days ago, next year, last week', () => {
    expect(one('Two days ago the envoy arrived in Damascus.').value).toBe('2017-08-04');
    expect(one('Next year the summit will be hosted by India.')).toMatchObject({
      value: '2018',
      precision: 'year',
      future: true,
    });
    expect(one('The ministers spoke last week.')).toMatchObject({ value: '2017-07-24', valueEnd: '2017-07-30' });
  });
  it('relative dates are null when the document date is unknown', () => {
    const d = one('Yesterday the ministers spoke by phone.', null);
    expect(d.value).toBeNull();
    expect(d.future).toBe(false);
    expect(one('The visit took place on July 4.', null).value).toBeNull();
  });
});

describe('vague dates', () => {
  it('early September, later this year, the end of the year', () => {
    expect(one('The summit will be held in China in early September.')).toMatchObject({
      text: 'early September',
      value: '2017-09',
      precision: 'month',
      type: 'vague',
      future: true,
    });
    expect(one('We hope to meet again later this year.')).toMatchObject({
      value: '2017',
      precision: 'year',
      future: true,
    });
    expect(one('The work should be completed at the end of the year.')).toMatchObject({
      text: 'the end of the year',
      value: '2017',
      future: true,
    });
  });
  it('soon, shortly, in the near future carry no value but are future', () => {
    for (const s of [
      'He will visit us soon.',
      'The text will be published shortly.',
      'We will meet in the near future.',
    ]) {
      expect(one(s)).toMatchObject({ value: null, type: 'vague', future: true });
    }
  });
  it('"as soon as possible" and "shortly after" are not vague dates of their own', () => {
    expect(dates('Shortly after the talks, the ministers left.')).toEqual([]);
  });
});

describe('times and zones', () => {
  it('12 pm Damascus time uses the zone offset of that day', () => {
    const d = one('The ceasefire will come into effect on July 9 at 12 pm Damascus time.', '2017-07-07');
    expect(d).toMatchObject({ value: '2017-07-09T12:00+03:00', precision: 'minute', future: true });
  });
  it('24-hour times with Moscow time and GMT', () => {
    expect(one('The talks began on 9 July 2017 at 15:00 Moscow time.').value).toBe('2017-07-09T15:00+03:00');
    expect(one('Voting closes on March 3, 2018 at 18:00 GMT.').value).toBe('2018-03-03T18:00+00:00');
  });
  it('EST and summer time in Washington', () => {
    expect(one('The call is set for January 10, 2018 at 9 a.m. EST.').value).toBe('2018-01-10T09:00-05:00');
    expect(one('The briefing starts on July 10, 2018 at 2 pm Washington time.').value).toBe('2018-07-10T14:00-04:00');
  });
});

describe('non-dates', () => {
  it('ignores May as a verb, ordinals, resolution numbers, march as a word', () => {
    expect(dates('May I ask a question about the 21st meeting?')).toEqual([]);
    expect(dates('The Security Council adopted Resolution 2270 unanimously.')).toEqual([]);
    expect(dates('The protesters will march to the square. March on, he said.')).toEqual([]);
    expect(dates('The 2,000 troops and 150 vehicles crossed the border.')).toEqual([]);
  });
});

// ------------------------------------------------------------ document year inference

const terms: Term[] = [
  {
    name: 'Rex Tillerson',
    aliases: [],
    role: 'Secretary of State',
    country: 'USA',
    start: '2017-02-01',
    end: '2018-03-31',
  },
  { name: 'Joe Biden', aliases: [], role: 'President', country: 'USA', start: '2021-01-20', end: '2025-01-20' },
  { name: 'Donald Trump', aliases: [], role: 'President', country: 'USA', start: '2017-01-20', end: '2021-01-20' },
  { name: 'Donald Trump', aliases: [], role: 'President', country: 'USA', start: '2025-01-20', end: null },
  {
    name: 'Sergey Lavrov',
    aliases: ['Sergei Lavrov'],
    role: 'Foreign Minister',
    country: 'RUS',
    start: '2004-03-09',
    end: null,
  },
];

function person(text: string, name: string, role: string | null = null): ActorMention {
  const i = text.indexOf(name);
  return {
    start: i,
    end: i + name.length,
    kind: 'person',
    actor: emptyActor({ name, role }),
    key: `person:${name}`,
    rule: 'test',
  };
}

describe('document year inference', () => {
  it('a numbered General Assembly session gives the year it opened', () => {
    const t = 'I congratulate you on your election to preside over the General Assembly at its sixty-ninth session.';
    expect(inferDocYear(t, [], [], terms, null, 2026)?.year).toBe(2014);
    const u = 'Delegations to the 75th session of the General Assembly met online.';
    expect(inferDocYear(u, [], [], terms, null, 2026)?.year).toBe(2020);
    // an anniversary session is not counted as the session number
    expect(inferDocYear('At the fiftieth anniversary session we spoke of hope.', [], [], terms, null, 2026)).toBeNull();
  });
  it('an anniversary of a dated event gives the year it is marked', () => {
    const t = 'Last week we marked the tenth anniversary of the 2008 financial summit in our capital.';
    expect(inferDocYear(t, [], [], terms, null, 2026)?.year).toBe(2018);
  });
  it('a goal set for a year is no past reference', () => {
    const text =
      'Leaders gathered at the seventy-first session of the General Assembly. Our goal is to end hunger by 2025 everywhere.';
    const meta = { published: null, place: null, publishedPartial: null } as unknown as Doc['meta'];
    const doc = { id: 'x', text, meta, layers: { sentences: fallbackSentences(text), actors: [] } } as unknown as Doc;
    expect(dateStage.run(doc, { dataDir } as KB).meta?.published).toBe('2016');
  });
  it('an office holder named with his office plus the dateline day gives one year', () => {
    const t = 'US Secretary of State Rex Tillerson met his Russian counterpart.';
    const r = inferDocYear(
      t,
      [person(t, 'Rex Tillerson', 'Secretary of State')],
      [],
      terms,
      { month: 4, day: 12 },
      2026,
    );
    expect(r?.year).toBe(2017);
  });
  it('the same office holder without the dateline day stays ambiguous (2017 or 2018)', () => {
    const t = 'US Secretary of State Rex Tillerson met his Russian counterpart.';
    expect(inferDocYear(t, [person(t, 'Rex Tillerson', 'Secretary of State')], [], terms, null, 2026)).toBeNull();
  });
  it('a name without its office is not evidence', () => {
    const t = 'Rex Tillerson spoke at a conference.';
    expect(
      inferDocYear(t, [person(t, 'Rex Tillerson', 'Secretary of State')], [], terms, { month: 4, day: 12 }, 2026),
    ).toBeNull();
  });
  it('President-elect with an incumbent gives the weeks before the term', () => {
    const t =
      'President-elect Donald Trump said he would end the conflict, while President Joe Biden approved new aid.';
    const r = inferDocYear(
      t,
      [person(t, 'Donald Trump', 'President'), person(t, 'Joe Biden', 'President')],
      [],
      terms,
      { month: 12, day: 26 },
      2026,
    );
    expect(r?.year).toBe(2024);
  });
  it('weekday and date agreement', () => {
    const r = inferDocYear('', [], [{ wd: 3, md: [4, 12], future: null }], terms, { month: 4, day: 12 }, 2026);
    // April 12 is a Wednesday in 2000, 2006, 2017, 2023: the latest dated reference decides
    expect(r).toBeNull();
    const r2 = inferDocYear(
      '',
      [],
      [
        { wd: 3, md: [4, 12], future: null },
        { explicitYear: 2017, md: [3, 20], future: false },
      ],
      terms,
      { month: 4, day: 12 },
      2026,
    );
    expect(r2?.year).toBe(2017);
  });

  function doc(text: string, meta: Partial<DocMeta>, actors: ActorMention[] = []): Doc {
    return testDoc(text, { id: 'x', ...meta }, { sentences: [], actors });
  }
  it('the stage fills meta.published from a partial dateline and resolves yearless dates with it', () => {
    const dir = path.join(dataDir);
    const t =
      'MOSCOW, April 12. /TASS/. Russian Foreign Minister Sergey Lavrov and US Secretary of State Rex Tillerson met on Wednesday, April 12, in Moscow. They spoke yesterday.';
    const kb = { dataDir: dir } as KB;
    const out = dateStage.run(
      doc(t, { publishedPartial: { month: 4, day: 12 } }, [person(t, 'Rex Tillerson', 'Secretary of State')]),
      kb,
    );
    // Tillerson's term (people.tsv) and "Wednesday, April 12" agree only on 2017
    expect(out.meta?.published).toBe('2017-04-12');
    const y = out.layers!.dates!.find((d) => t.slice(d.start, d.end) === 'yesterday');
    expect(y?.value).toBe('2017-04-11');
    const w = out.layers!.dates!.find((d) => t.slice(d.start, d.end) === 'Wednesday, April 12');
    expect(w?.value).toBe('2017-04-12');
  });
  it('a past clause inside a sentence about the future is a past reference, not a cap on the year', () => {
    const t =
      'WASHINGTON, March 3. /TASS/. Secretary of State Rex Tillerson is expected to travel to Lisbon in May for a follow-up to the conference that he co-hosted in Rome in October 2017.';
    const out = dateStage.run(
      doc(t, { publishedPartial: { month: 3, day: 3 } }, [person(t, 'Rex Tillerson', 'Secretary of State')]),
      { dataDir } as KB,
    );
    // Tillerson's term allows March 2017 or March 2018; October 2017 is already past for the writer
    expect(out.meta?.published).toBe('2018-03-03');
  });
  it('without any evidence the year stays unknown and yearless dates are null', () => {
    const t = 'MOSCOW, April 12. /TASS/. The ministers met on April 10 to discuss the crisis.';
    const out = dateStage.run(doc(t, { publishedPartial: { month: 4, day: 12 } }), { dataDir } as KB);
    expect(out.meta?.published).toBeUndefined();
    expect(out.layers!.dates!.every((d) => d.value === null)).toBe(true);
  });
});

describe('more edge cases', () => {
  it('a month with "last year" / "this year" takes that year', () => {
    expect(one('In November last year, the leaders met in Buenos Aires.', '2018-07-04')).toMatchObject({
      text: 'November last year',
      value: '2017-11',
    });
    expect(one('In April this year the president visited.', '2018-07-04').value).toBe('2018-04');
  });
  it('ordinals and decades after a year-like number are not years', () => {
    expect(dates('They opened the 1000th school and the 2000th school.')).toEqual([]);
  });
  it('spans do not include a leading "the"', () => {
    expect(one('The talks resumed on the 1st of August.').text).toBe('1st of August');
  });
});
