import { describe, expect, it } from 'vitest';
import { timeLine } from '../../src/01-ingest/dates.js';
import {
  findDates,
  isoOf,
  normalisePublished,
  parseDateline,
  stampLine,
  titleTail,
} from '../../src/01-ingest/index.js';

const iso = (s: string, tz: string | null = null) => {
  const f = stampLine(s);
  return f ? isoOf(f, tz) : null;
};

describe('date stamps', () => {
  it('reads stamps with and without a space before the time', () => {
    expect(iso('6 August 201715:56')).toBe('2017-08-06T15:56');
    expect(iso('11 March 2016 14:37')).toBe('2016-03-11T14:37');
    expect(iso('Fri, 04 Feb 2022')).toBe('2022-02-04');
    expect(iso('SAT 09 FEBRUARY 2013')).toBe('2013-02-09');
    expect(iso('DATE: February 3 2005')).toBe('2005-02-03');
    expect(iso('FA199 - 23 December 2002')).toBe('2002-12-23');
    expect(iso('21 JULY 2011')).toBe('2011-07-21');
  });
  it('adds the zone offset valid on that day', () => {
    expect(iso('6 August 201715:56', 'Europe/Moscow')).toBe('2017-08-06T15:56+03:00');
    expect(iso('7 July 2013 10:00', 'Europe/Moscow')).toBe('2013-07-07T10:00+04:00');
    expect(iso('12 January 2022 09:30', 'America/New_York')).toBe('2022-01-12T09:30-05:00');
  });
  it('a line with more than a date is not a stamp', () => {
    expect(stampLine('The talks ended on 6 August 2017.')).toBeNull();
    expect(stampLine('Meeting with Prime Minister Bainimarama, 17 February 2014, and other issues')).toBeNull();
  });
});

describe('findDates', () => {
  it('finds day ranges as their last day, month-day without a year, month-year', () => {
    const [r] = findDates('Stockholm, 19–20 October 2015');
    expect([r!.year, r!.month, r!.day]).toEqual([2015, 10, 20]);
    const [md] = findDates('MOSCOW, April 12.');
    expect([md!.year, md!.month, md!.day]).toEqual([null, 4, 12]);
    const [my] = findDates('in January 2025');
    expect([my!.year, my!.month, my!.day]).toEqual([2025, 1, null]);
  });
  it('rejects impossible dates', () => {
    expect(findDates('February 30, 2017').filter((d) => d.year)).toEqual([]);
  });
});

describe('datelines', () => {
  it('agency datelines', () => {
    expect(parseDateline('MOSCOW, April 12. /TASS/. Talks with US Secretary of State')).toMatchObject({
      place: 'Moscow',
      tag: 'TASS',
      date: { month: 4, day: 12, year: null },
    });
    expect(parseDateline('IGORA /Leningrad Region/, December 26. /TASS/. US President')).toMatchObject({
      place: 'Igora',
      tag: 'TASS',
    });
    expect(parseDateline('NEW YORK, Sept 5 (Reuters) - The council met')).toMatchObject({
      place: 'New York',
      tag: 'Reuters',
    });
    expect(parseDateline('WASHINGTON (AP) — The Secretary said')).toMatchObject({
      place: 'Washington',
      tag: 'AP',
      date: null,
    });
    expect(parseDateline('TASHKENT, December 22. The ministers met')).toMatchObject({ place: 'Tashkent', tag: null });
  });
  it('ordinary sentences are not datelines', () => {
    expect(parseDateline('Moscow, he said, is ready to talk.')).toBeNull();
    expect(parseDateline('Question: Mr Lavrov, how did the meeting go?')).toBeNull();
    expect(parseDateline('On April 12, the ministers met.')).toBeNull();
  });
});

describe('title tails', () => {
  it('place and date at the end of a title', () => {
    const t = titleTail(
      'Foreign Minister’s comment following bilateral meetings on the sidelines of ASEAN events, Manila, August 6, 2017',
    );
    expect(t.place).toBe('Manila');
    expect(isoOf(t.date!)).toBe('2017-08-06');
    expect(
      titleTail(
        'Briefing by the Spokesperson on the sidelines of the Forum, Dialogue on the Volga: Peace in the 21st Century, Volgograd, November 1, 2019',
      ).place,
    ).toBe('Volgograd');
    expect(titleTail('Department Press Briefing – April 8, 2022').place).toBeNull();
    expect(isoOf(titleTail('Department Press Briefing – April 8, 2022').date!)).toBe('2022-04-08');
    expect(titleTail('Russian PM to visit Vietnam in January 2025').date).toBeNull();
  });
});

describe('normalisePublished', () => {
  it('keeps ISO precision, converts RFC 2822 and written dates', () => {
    expect(normalisePublished('2017-07-07')).toBe('2017-07-07');
    expect(normalisePublished('2017-07')).toBe('2017-07');
    expect(normalisePublished('2024-12-26 20:04:52')).toBe('2024-12-26T20:04');
    expect(normalisePublished('2022-07-22T17:30:00Z')).toBe('2022-07-22T17:30+00:00');
    expect(normalisePublished('Tue, 15 Feb 2022 19:06:40 +0000')).toBe('2022-02-15T19:06+00:00');
    expect(normalisePublished('March 4, 2021')).toBe('2021-03-04');
    expect(normalisePublished('soon')).toBeNull();
    expect(normalisePublished('2017-02-30')).toBeNull();
  });
});

describe('timeLine', () => {
  it('reads time-only lines with zone abbreviations', () => {
    expect(timeLine('2:02 p.m. EDT')).toEqual({ time: '14:02', offset: '-04:00' });
    expect(timeLine('12:15 a.m.')).toEqual({ time: '00:15', offset: null });
    expect(timeLine('14:30 (Moscow time)')).toEqual({ time: '14:30', offset: '+03:00' });
    expect(timeLine('2:02 p.m. at the podium')).toBeNull();
    expect(timeLine('10:30 XYZ')).toBeNull();
  });
});
