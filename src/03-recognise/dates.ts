/**
 * Date recogniser: finds date expressions and resolves them against the document date.
 *
 * Absolute ("July 4", "May 8, 2015", "February 2018", "09.07.2017"), ranges ("August 8-9",
 * "July 12-15, 2021", "from 2014 to 2016"), relative ("yesterday", "last night", "on Wednesday",
 * "two days ago", "next year"), vague ("early September", "later this year", "soon") and times
 * with zones ("12 pm Damascus time"). Rules are regular expressions over each sentence, guarded
 * by a cheap prefilter; only small grammatical closed classes (month, weekday and number words)
 * live here, time-zone words come from data/geo/timezones.tsv.
 *
 * When the document date has no year (meta.publishedPartial) or is missing, the year is inferred
 * from office holders named with their office, weekday/date agreement and dated references
 * (see inferDocYear); otherwise it stays unknown and yearless dates resolve to null.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ActorMention, DateMention, DatePrecision, Doc, DocMeta, Sentence, Span } from '../00-model/doc.js';
import type { Stage } from '../pipeline.js';
import type { KB } from '../knowledge/index.js';
import { isJsSpace } from '../00-model/chars.js';

// ---------------------------------------------------------------- closed classes

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

// Month names are matched capitalised only ("May" the verb at the start of a sentence is
// excluded by requiring a day, a year or a preposition next to it).
const MON =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const MON_FULL = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const WD = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const ORD = '(?:st|nd|rd|th)?';
const DASH = '\\s*(?:-|–|—|to|and|through|till|until)\\s*';
const YEAR = '((?:19|20)\\d{2})(?![\\w])';
const NUM = '(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|\\d{1,3})';
const YEAR_PREP =
  '(?:in|since|until|till|by|from|before|after|during|of|around|through|throughout|between|for|to|and|early|late|mid-?|the year|the end of|the beginning of|the start of|the middle of|the first half of|the second half of)';

// the first words of the patterns above, for the rules' trigger lists
const MON_FULL_WORDS = 'january february march april may june july august september october november december';
const MON_WORDS = `${MON_FULL_WORDS} jan feb mar apr jun jul aug sep sept oct nov dec`;
const WD_WORDS = 'monday tuesday wednesday thursday friday saturday sunday';
const NUM_WORDS = 'a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty';
// what may follow a trigger word (its first character after any whitespace), for `next`
const MON_INITIALS = 'jfmasond';
const WD_INITIALS = 'mtwfs';
const DIGITS = '0123456789';
const DIGIT_DOT = DIGITS + '.';
/** "in by", "12" -> "in/12 by/12": each word, when the next character is one of `chars` */
const next = (words: string, chars: string) =>
  words
    .split(' ')
    .map((w) => `${w}/${chars}`)
    .join(' ');

/** "in|by" -> "[Ii]n|[Bb]y": capitalised words at a sentence start, while month names stay case-sensitive */
function anyCase(alts: string): string {
  return alts
    .split('|')
    .map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join('|');
}

function monthOf(s: string): number {
  return MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? 0;
}

// ---------------------------------------------------------------- date arithmetic (UTC)

export interface DocDate {
  y: number;
  m: number | null;
  d: number | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
function iso(y: number, m?: number | null, d?: number | null): string {
  if (m == null) return String(y);
  if (d == null) return `${y}-${pad(m)}`;
  return `${y}-${pad(m)}-${pad(d)}`;
}
function ymd(t: number): [number, number, number] {
  const dt = new Date(t);
  return [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
}
function utc(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d);
}
const DAY = 86400000;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  // year inference asks this for every candidate year: plain arithmetic for ordinary integer
  // dates, the Date round trip (which also rejects years 0-99 and fractions) for anything else
  if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 100 && y <= 9999) {
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]);
  }
  const [yy, mm, dd] = ymd(utc(y, m, d));
  return yy === y && mm === m && dd === d;
}
/** day of the week (0 = Sunday) without a Date object: 1970-01-01 was a Thursday */
function weekday(y: number, m: number, d: number): number {
  return ((Math.floor(utc(y, m, d) / DAY) % 7) + 11) % 7;
}

export function parseIsoDate(s: string | null | undefined): DocDate | null {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s);
  if (!m) return null;
  return { y: +m[1], m: m[2] ? +m[2] : null, d: m[3] ? +m[3] : null };
}

// ---------------------------------------------------------------- time zones

export interface ZoneTable {
  /** lower-cased zone word -> IANA zone or fixed offset "+03:00" */
  byName: Map<string, { zone: string | null; offset: string | null }>;
  /** alternation for regexes, longest first */
  pattern: string;
}

const zoneCache = new Map<string, ZoneTable>();
export function loadZones(dataDir: string): ZoneTable {
  const hit = zoneCache.get(dataDir);
  if (hit) return hit;
  const byName = new Map<string, { zone: string | null; offset: string | null }>();
  const original: string[] = [];
  const file = path.join(dataDir, 'geo', 'timezones.tsv');
  if (fs.existsSync(file)) {
    let header = true;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      if (header) {
        header = false;
        continue;
      }
      const [name, zone, offset] = line.split('\t');
      if (name) {
        byName.set(name.toLowerCase(), { zone: zone || null, offset: offset || null });
        original.push(name);
      }
    }
  }
  const names = [...original].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
  const t: ZoneTable = { byName, pattern: names.join('|') };
  zoneCache.set(dataDir, t);
  return t;
}

const offsetFmt = new Map<string, Intl.DateTimeFormat>();
/** UTC offset ("+03:00") of an IANA zone at a local date-time. */
export function zoneOffset(zone: string, y: number, m: number, d: number, hh: number, mm: number): string | null {
  let f = offsetFmt.get(zone);
  try {
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      offsetFmt.set(zone, f);
    }
  } catch {
    return null;
  }
  // evaluate at the local time interpreted as UTC, then correct once
  let t = Date.UTC(y, m - 1, d, hh, mm);
  for (let i = 0; i < 2; i++) {
    const name = f.formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const off = name === 'GMT' ? '+00:00' : name.replace('GMT', '');
    const mo = /^([+-])(\d{2}):(\d{2})$/.exec(off);
    if (!mo) return null;
    const mins = (mo[1] === '-' ? -1 : 1) * (+mo[2] * 60 + +mo[3]);
    const t2 = Date.UTC(y, m - 1, d, hh, mm) - mins * 60000;
    if (i === 1 || t2 === t) return off;
    t = t2;
  }
  return null;
}

// ---------------------------------------------------------------- candidates

interface Cand extends Span {
  rule: string;
  kind: DateMention['type'];
  /** resolver: receives the context, returns the mention's resolved fields */
  resolve(ctx: ResolveCtx): Resolved;
  /** weekday named together with an absolute date ("Wednesday, April 12"), for year inference */
  wd?: number;
  md?: [number, number];
  explicitYear?: number;
}

interface Resolved {
  value: string | null;
  valueEnd: string | null;
  precision: DatePrecision;
  future: boolean | null;
}

interface ResolveCtx {
  doc: DocDate | null;
  /** sentence text, for tense cues */
  sentence: string;
  /** the date's own clause speaks of the future ("will meet in June"; not "who met in June, will…") */
  future: boolean;
}

const FUTURE_CUE =
  /\b(will|shall|'ll|is to|are to|is due|are due|scheduled|expected|plans? to|planned|planning|going to|upcoming|forthcoming|intends? to|would be held|to be held|to take place|invite|invites|look forward|hope to|next)\b/i;

function tenseFuture(s: string): boolean {
  return FUTURE_CUE.test(s);
}

function cmpToDoc(doc: DocDate | null, start: string | null, end: string | null): boolean | null {
  if (!doc || !start) return null;
  const d = iso(doc.y, doc.m, doc.d);
  const e = end ?? start;
  // compare at the coarser of the two precisions
  const n = Math.min(d.length, start.length);
  if (start.slice(0, n) > d.slice(0, n)) return true;
  const ne = Math.min(d.length, e.length);
  if (e.slice(0, ne) < d.slice(0, ne)) return false;
  return null;
}

/** year for a month(-day) without a year, nearest the document date with a tense bias */
function pickYear(doc: DocDate | null, m: number, d: number | null, fut: boolean): number | null {
  if (!doc) return null;
  if (doc.m == null) return doc.y;
  const ref = utc(doc.y, doc.m, doc.d ?? 15);
  let best: number | null = null;
  let bestScore = Infinity;
  for (const y of [doc.y - 1, doc.y, doc.y + 1]) {
    const t = utc(y, m, d ?? 15);
    let diff = t - ref;
    // bias: future clauses take dates after the document ("will meet in June", said in July, is
    // next June), others prefer dates before it
    let score = Math.abs(diff);
    if (fut && diff < -20 * DAY) score *= 12;
    if (!fut && diff > 20 * DAY) score *= 1.5;
    if (score < bestScore) {
      bestScore = score;
      best = y;
    }
  }
  return best;
}

function abs(value: string | null, valueEnd: string | null, precision: DatePrecision, ctx: ResolveCtx): Resolved {
  return { value, valueEnd, precision, future: cmpToDoc(ctx.doc, value, valueEnd) };
}

function addDays(doc: DocDate, n: number): string {
  const [y, m, d] = ymd(utc(doc.y, doc.m!, doc.d!) + n * DAY);
  return iso(y, m, d);
}
function addMonths(y: number, m: number, n: number): [number, number] {
  const k = y * 12 + (m - 1) + n;
  return [Math.floor(k / 12), (k % 12) + 1];
}
const full = (doc: DocDate | null): doc is DocDate & { m: number; d: number } =>
  !!doc && doc.m != null && doc.d != null;

/**
 * A rule: a sticky regex, the words a match can start with (see triggerTable) and the builder.
 * Every pattern starts with \b and a word character, so a match can only start at the start of a
 * word; `first` lists, lower-cased, the whole first words a match can start with ("#": any word
 * starting with a digit; "noon*": any word starting with "noon"). A rule is only tried there.
 * "in/12" narrows a word further: only when the first character after it and any whitespace is
 * one of those (letters in either case), as in "in 2015" for "in (19|20)\d\d".
 */
type Rule = { re: RegExp; first: string; make(m: RegExpExecArray, base: number): Cand | null };

/** offset of group g inside the match (groups are found by searching forward, good enough for our patterns) */
function groupStart(m: RegExpExecArray, g: number): number {
  const s = m[g];
  if (s == null) return m.index;
  const i = m[0].indexOf(s);
  return m.index + (i < 0 ? 0 : i);
}

function vaguePeriod(
  which: string,
  y: number,
  m: number | null,
): { value: string; valueEnd: string | null; precision: DatePrecision } {
  // "early/late September" keeps month precision; "the end of 2017" keeps year precision
  void which;
  return { value: iso(y, m), valueEnd: null, precision: m == null ? 'year' : 'month' };
}

function buildRules(zones: ZoneTable): Rule[] {
  const rules: Rule[] = [];
  const R = (first: string, src: string, flags: string, make: Rule['make']) =>
    rules.push({ re: new RegExp(src, flags + 'y'), first, make });

  // ISO 2017-07-09
  R('#', `\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`, '', (m, b) => {
    const [y, mo, d] = [+m[1], +m[2], +m[3]];
    if (!validDay(y, mo, d)) return null;
    return {
      start: b + m.index,
      end: b + m.index + m[0].length,
      rule: 'date:iso',
      kind: 'absolute',
      explicitYear: y,
      resolve: (c) => abs(iso(y, mo, d), null, 'day', c),
    };
  });
  // 09.07.2017
  R('#', `\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b`, '', (m, b) => {
    const [d, mo, y] = [+m[1], +m[2], +m[3]];
    if (!validDay(y, mo, d) || y < 1900) return null;
    return {
      start: b + m.index,
      end: b + m.index + m[0].length,
      rule: 'date:dotted',
      kind: 'absolute',
      explicitYear: y,
      resolve: (c) => abs(iso(y, mo, d), null, 'day', c),
    };
  });
  // a day range within a month or across two: the end falls in the next year when its month is earlier
  const dayRange = (
    m: RegExpExecArray,
    b: number,
    rule: string,
    mo: number,
    mo2: number,
    d1: number,
    d2: number,
    yr: number | null,
  ): Cand | null => {
    if (d1 > 31 || d2 > 31 || (mo2 === mo && d2 <= d1)) return null;
    return {
      start: b + m.index,
      end: b + m.index + m[0].length,
      rule,
      kind: 'range',
      explicitYear: yr ?? undefined,
      resolve: (c) => {
        const y = yr ?? pickYear(c.doc, mo, d1, c.future);
        if (y == null) return { value: null, valueEnd: null, precision: 'day', future: null };
        const y2 = mo2 < mo ? y + 1 : y;
        return abs(iso(y, mo, d1), iso(y2, mo2, d2), 'day', c);
      },
    };
  };
  // Month D-D(, YYYY)  /  Month D - Month D(, YYYY)
  R(
    next(MON_WORDS, DIGIT_DOT),
    `\\b${MON} (\\d{1,2})${ORD}${DASH}(?:${MON} )?(\\d{1,2})${ORD}(?:,? ${YEAR})?(?![\\d:])`,
    '',
    (m, b) => {
      const mo = monthOf(m[1]);
      return dayRange(m, b, 'date:range-md', mo, m[3] ? monthOf(m[3]) : mo, +m[2], +m[4], m[5] ? +m[5] : null);
    },
  );
  // D-D Month(, YYYY)  /  D Month - D Month YYYY
  R(
    '#',
    `\\b(\\d{1,2})${ORD}(?: ${MON})?${DASH}(\\d{1,2})${ORD} (?:of )?${MON}(?:,? ${YEAR})?(?![\\d:])`,
    '',
    (m, b) => {
      const mo2 = monthOf(m[4]);
      return dayRange(m, b, 'date:range-dm', m[2] ? monthOf(m[2]) : mo2, mo2, +m[1], +m[3], m[5] ? +m[5] : null);
    },
  );
  const monthDay = (
    m: RegExpExecArray,
    b: number,
    rule: string,
    wdName: string | undefined,
    mo: number,
    d: number,
    yr: number | null,
  ): Cand | null => {
    if (d < 1 || d > 31) return null;
    return {
      start: b + m.index,
      end: b + m.index + m[0].length,
      rule,
      kind: 'absolute',
      wd: wdName ? WEEKDAYS[wdName.toLowerCase()] : undefined,
      md: [mo, d],
      explicitYear: yr ?? undefined,
      resolve: (c) => {
        const y = yr ?? pickYear(c.doc, mo, d, c.future);
        if (y == null || !validDay(y, mo, d)) return { value: null, valueEnd: null, precision: 'day', future: null };
        return abs(iso(y, mo, d), null, 'day', c);
      },
    };
  };
  // (Weekday,) Month D(, YYYY)
  R(
    `${next(WD_WORDS, ',t' + MON_INITIALS)} the/${MON_INITIALS} ${next(MON_WORDS, DIGIT_DOT)}`,
    `\\b(?:${WD},? )?(?:the )?${MON} (\\d{1,2})${ORD}(?:,? ${YEAR})?(?![\\d:])`,
    '',
    (m, b) => monthDay(m, b, 'date:month-day', m[1], monthOf(m[2]), +m[3], m[4] ? +m[4] : null),
  );
  // (Weekday,) (the) D(th) (of) Month( YYYY)
  R(
    `${next(WD_WORDS, ',t' + DIGITS)} the/${DIGITS} #`,
    `\\b(?:${WD},? )?(?:the )?(\\d{1,2})${ORD} (?:of )?${MON}(?:,? ${YEAR})?(?![\\d:])`,
    '',
    (m, b) => monthDay(m, b, 'date:day-month', m[1], monthOf(m[3]), +m[2], m[4] ? +m[4] : null),
  );
  // vague: early/mid/late Month (YYYY), the end of Month/YYYY/this year…
  const VAGUE =
    '(early|mid|late|the (?:very )?(?:end|beginning|start|middle|first half|second half|first days|last days) of)';
  R(
    `${next('early mid late', '-12tnl' + MON_INITIALS)} the/vebsmfl`,
    `\\b${VAGUE}[ -](?:${MON_FULL}(?:,? ${YEAR})?|${YEAR}|(this|next|last|the) (year|month))\\b`,
    'i',
    (m, b) => {
      const which = m[1].toLowerCase();
      const monthWord = m[2];
      if (monthWord && monthWord[0] !== monthWord[0].toUpperCase()) return null;
      const mo = monthWord ? monthOf(monthWord) : null;
      const yr = m[3] ? +m[3] : m[4] ? +m[4] : null;
      const rel = m[5]?.toLowerCase();
      const unit = m[6]?.toLowerCase();
      return {
        start: b + m.index,
        end: b + m.index + m[0].length,
        rule: 'date:vague-period',
        kind: 'vague',
        explicitYear: yr ?? undefined,
        resolve: (c) => {
          let y: number | null = yr;
          let mm: number | null = mo;
          if (rel && unit) {
            if (!c.doc)
              return {
                value: null,
                valueEnd: null,
                precision: unit === 'year' ? 'year' : 'month',
                future: rel === 'next' ? true : rel === 'last' ? false : null,
              };
            const delta = rel === 'next' ? 1 : rel === 'last' ? -1 : 0;
            if (unit === 'year') {
              y = c.doc.y + delta;
              mm = null;
            } else {
              if (c.doc.m == null) return { value: null, valueEnd: null, precision: 'month', future: null };
              [y, mm] = addMonths(c.doc.y, c.doc.m, delta);
            }
          } else if (y == null && mo != null) {
            y = pickYear(c.doc, mo, null, c.future);
          }
          if (y == null) return { value: null, valueEnd: null, precision: mm == null ? 'year' : 'month', future: null };
          const p = vaguePeriod(which, y, mm);
          const r = abs(p.value, p.valueEnd, p.precision, c);
          // "the end of this year" lies ahead of a document written inside that year
          if (r.future == null && /end|second half|late|last days/.test(which)) r.future = true;
          if (r.future == null && /beginning|start|early|first/.test(which)) r.future = false;
          return r;
        },
      };
    },
  );
  // Month (of) this/last/next year: "in November last year"
  R(
    next(MON_FULL_WORDS, ',otln'),
    `\\b${MON_FULL},? (?:of )?(this|last|next|the previous|the following) year\\b`,
    '',
    (m, b) => {
      const mo = monthOf(m[1]);
      const rel = m[2];
      const delta = rel === 'this' ? 0 : rel === 'next' || rel === 'the following' ? 1 : -1;
      return {
        start: b + m.index,
        end: b + m.index + m[0].length,
        rule: 'date:month-relyear',
        kind: 'relative',
        resolve: (c) =>
          c.doc
            ? abs(iso(c.doc.y + delta, mo), null, 'month', c)
            : { value: null, valueEnd: null, precision: 'month', future: delta > 0 ? true : delta < 0 ? false : null },
      };
    },
  );
  // Month YYYY
  R(next(MON_FULL_WORDS, ',o12'), `\\b${MON_FULL},? (?:of )?${YEAR}`, '', (m, b) => {
    const mo = monthOf(m[1]);
    const y = +m[2];
    return {
      start: b + m.index,
      end: b + m.index + m[0].length,
      rule: 'date:month-year',
      kind: 'absolute',
      explicitYear: y,
      md: [mo, 1],
      resolve: (c) => abs(iso(y, mo), null, 'month', c),
    };
  });
  // preposition + Month (no day, no year): "in September", "last May", "since March"
  R(
    `${next('in since until till by from before after during last next this early late through throughout to of and', MON_INITIALS)} mid/-`,
    `\\b(${anyCase('in|since|until|till|by|from|before|after|during|last|next|this|early|late|mid-|through|throughout|to|of|and')}) ${MON_FULL}\\b(?![ ,]+\\d)`,
    '',
    (m, b) => {
      const mo = monthOf(m[2]);
      const prep = m[1].toLowerCase();
      const s = groupStart(m, 2);
      return {
        start: b + (prep === 'last' || prep === 'next' || prep === 'this' ? m.index : s),
        end: b + m.index + m[0].length,
        rule: 'date:month',
        kind: 'absolute',
        resolve: (c) => {
          let y: number | null;
          if (!c.doc) y = null;
          else if (prep === 'last' || prep === 'next' || c.doc.m == null) {
            y = c.doc.y;
            if (c.doc.m != null && prep === 'last' && mo >= c.doc.m) y--;
            if (c.doc.m != null && prep === 'next' && mo <= c.doc.m) y++;
          } else y = pickYear(c.doc, mo, null, c.future);
          if (y == null) return { value: null, valueEnd: null, precision: 'month', future: null };
          return abs(iso(y, mo), null, 'month', c);
        },
      };
    },
  );
  // year ranges: 2014-2016, from 2014 to 2016
  R(
    `${next('in from between during for of', '12')} #`,
    `\\b(?:(?:in|from|between|during|for|of) )?${YEAR}\\s*(?:-|–|—|to|and)\\s*((?:19|20)\\d{2}|\\d{2})(?![\\d-])`,
    '',
    (m, b) => {
      const y1 = +m[1];
      let y2 = +m[2];
      if (m[2].length === 2) y2 = Math.floor(y1 / 100) * 100 + y2;
      if (y2 <= y1 || y2 - y1 > 50) return null;
      const s = groupStart(m, 1);
      return {
        start: b + s,
        end: b + m.index + m[0].length,
        rule: 'date:range-years',
        kind: 'range',
        explicitYear: y2,
        resolve: (c) => abs(String(y1), String(y2), 'year', c),
      };
    },
  );
  // preposition + year
  R(
    `${next('in since until till by from before after during of around through throughout between for to and early late', '12')} mid/-12 the/yebsmf`,
    `\\b${YEAR_PREP}\\s+${YEAR}`,
    'i',
    (m, b) => {
      const y = +m[1];
      const s = groupStart(m, 1);
      return {
        start: b + s,
        end: b + s + 4,
        rule: 'date:year',
        kind: 'absolute',
        explicitYear: y,
        resolve: (c) => abs(String(y), null, 'year', c),
      };
    },
  );
  // relative days
  R(
    'the/d yesterday today tonight tomorrow last/n this/mae',
    `\\b(the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))(?: (morning|afternoon|evening|night))?\\b`,
    'i',
    (m, b) => {
      const w = m[1].toLowerCase();
      const n =
        w === 'the day before yesterday'
          ? -2
          : w === 'the day after tomorrow'
            ? 2
            : w === 'yesterday' || w === 'last night'
              ? -1
              : w === 'tomorrow'
                ? 1
                : 0;
      return {
        start: b + m.index,
        end: b + m.index + m[0].length,
        rule: 'date:relative-day',
        kind: 'relative',
        resolve: (c) => ({
          value: full(c.doc) ? addDays(c.doc, n) : null,
          valueEnd: null,
          precision: 'day',
          future: n > 0 ? true : n < 0 ? false : null,
        }),
      };
    },
  );
  // N days/weeks/months/years ago ; in N days/weeks
  R(`${next(NUM_WORDS, 'dwmy')} #`, `\\b${NUM} (day|week|month|year)s? ago\\b`, 'i', (m, b) => {
    const n = NUMBER_WORDS[m[1].toLowerCase()] ?? +m[1];
    const unit = m[2].toLowerCase();
    return {
      start: b + m.index,
      end: b + m.index + m[0].length,
      rule: 'date:ago',
      kind: 'relative',
      resolve: (c) => relShift(c.doc, -n, unit, false),
    };
  });
  R(
    `in/aotfsen${DIGITS}`,
    `\\bin ${NUM} (day|week|month|year)s?(?:' time)?\\b(?! (?:of|after|before))`,
    'i',
    (m, b) => {
      const n = NUMBER_WORDS[m[1].toLowerCase()] ?? +m[1];
      const unit = m[2].toLowerCase();
      return {
        start: b + m.index,
        end: b + m.index + m[0].length,
        rule: 'date:in-n',
        kind: 'relative',
        resolve: (c) => relShift(c.doc, n, unit, true),
      };
    },
  );
  // last/this/next/coming/past week/month/year, earlier/later this year
  R(
    `${next('earlier later', 'ltn')} ${next('last this next', 'wmy')} the/cpn`,
    `\\b(?:(earlier|later) )?(last|this|next|the coming|the past|the previous|the current|the next) (week|month|year)\\b`,
    'i',
    (m, b) => {
      const mod = m[1]?.toLowerCase();
      const rel = m[2].toLowerCase();
      const unit = m[3].toLowerCase();
      const delta = /last|past|previous/.test(rel) ? -1 : /next|coming/.test(rel) ? 1 : 0;
      return {
        start: b + m.index,
        end: b + m.index + m[0].length,
        rule: mod ? 'date:vague-relative' : 'date:relative-period',
        kind: mod ? 'vague' : 'relative',
        resolve: (c) => {
          const r = relPeriod(c.doc, delta, unit);
          if (mod === 'later') r.future = true;
          else if (mod === 'earlier') r.future = false;
          return r;
        },
      };
    },
  );
  // bare weekday: "on Wednesday", "last Friday", "next Monday"
  R(
    `${next('last next on coming past', WD_INITIALS)} this/c${WD_INITIALS} ${WD_WORDS}`,
    `\\b(?:(last|next|this|on|coming|this coming|past) )?${WD}(?:'s)?\\b(?!,? (?:the )?\\d)(?!,? ${MON})`,
    '',
    (m, b) => {
      const mod = m[1]?.toLowerCase();
      const wd = WEEKDAYS[m[2].toLowerCase()];
      return {
        start: b + (mod === 'on' ? groupStart(m, 2) : m.index),
        end: b + m.index + m[0].length,
        rule: 'date:weekday',
        kind: 'relative',
        resolve: (c) => {
          const fut =
            mod === 'next' || mod === 'coming' || mod === 'this coming'
              ? true
              : mod === 'last' || mod === 'past'
                ? false
                : // the weekday's own clause: "a report released Tuesday alleged … planning" is past
                  c.future;
          if (!full(c.doc)) return { value: null, valueEnd: null, precision: 'day', future: fut };
          const cur = weekday(c.doc.y, c.doc.m, c.doc.d);
          let n: number;
          if (fut) {
            n = (wd - cur + 7) % 7;
            if (mod === 'next' && n === 0) n = 7;
          } else {
            n = -((cur - wd + 7) % 7);
            if (mod === 'last' && n === 0) n = -7;
          }
          return {
            value: addDays(c.doc, n),
            valueEnd: null,
            precision: 'day',
            future: n > 0 ? true : n < 0 ? false : null,
          };
        },
      };
    },
  );
  // vague future: soon, shortly, in the near future, in the coming days
  R(
    'soon shortly in/td at/a',
    `\\b(soon|shortly|in the (?:near|foreseeable|immediate) future|in the (?:coming|next|following) (?:few )?(?:days|weeks|months|years)|in due course|at a later date)\\b(?! (?:after|before|thereafter|afterwards))`,
    'i',
    (m, b) => {
      // "as soon as", "soon after" are not dates
      const pre = m.input.slice(Math.max(0, m.index - 3), m.index);
      if (/as $/i.test(pre) && /^soon/i.test(m[0])) return null;
      return {
        start: b + m.index,
        end: b + m.index + m[0].length,
        rule: 'date:vague-future',
        kind: 'vague',
        resolve: () => ({ value: null, valueEnd: null, precision: 'day', future: true }),
      };
    },
  );
  // times: 12 pm, 10:30 a.m., 15:00, noon, midnight, with an optional zone
  const ZONE = zones.pattern
    ? `(?:\\s*\\(?(${zones.pattern}|local)(?: time)?(?:\\s*\\(?(?:GMT|UTC)?\\s*([+-]\\d{1,2}(?::?\\d{2})?)\\)?)?\\)?)?`
    : '()()';
  R(
    '# noon* midnight*',
    `\\b(?:(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.m\\.|p\\.m\\.|am\\b|pm\\b|AM\\b|PM\\b)|([01]?\\d|2[0-3]):([0-5]\\d)(?!\\d)|(noon|midnight))${ZONE}`,
    '',
    (m, b) => {
      let hh: number;
      let mm = 0;
      if (m[6]) hh = m[6] === 'noon' ? 12 : 0;
      else if (m[3]) {
        hh = +m[1];
        mm = m[2] ? +m[2] : 0;
        if (hh < 1 || hh > 12 || mm > 59) return null;
        const pm = /p/i.test(m[3]);
        if (pm && hh < 12) hh += 12;
        if (!pm && hh === 12) hh = 0;
      } else {
        hh = +m[4];
        mm = +m[5];
      }
      let end = b + m.index + m[0].length;
      // a trailing "." belongs to the sentence when "a.m." ends it — keep it anyway
      const zoneWord = m[7]?.toLowerCase() ?? null;
      const explicitOff = m[8] ?? null;
      const t: TimeCand = { hh, mm, zoneWord, explicitOff };
      return {
        start: b + m.index,
        end,
        rule: 'date:time',
        kind: 'absolute',
        time: t,
        resolve: () => ({ value: null, valueEnd: null, precision: 'minute', future: null }),
      } as Cand & { time: TimeCand };
    },
  );
  return rules;
}

interface TimeCand {
  hh: number;
  mm: number;
  zoneWord: string | null;
  explicitOff: string | null;
}

function relShift(doc: DocDate | null, n: number, unit: string, fut: boolean): Resolved {
  const future = fut ? true : false;
  if (!doc)
    return {
      value: null,
      valueEnd: null,
      precision: unit === 'year' ? 'year' : unit === 'month' ? 'month' : 'day',
      future,
    };
  if (unit === 'year') return { value: String(doc.y + n), valueEnd: null, precision: 'year', future };
  if (doc.m == null) return { value: null, valueEnd: null, precision: unit === 'month' ? 'month' : 'day', future };
  if (unit === 'month') {
    const [y, m] = addMonths(doc.y, doc.m, n);
    return { value: iso(y, m), valueEnd: null, precision: 'month', future };
  }
  if (!full(doc)) return { value: null, valueEnd: null, precision: 'day', future };
  return { value: addDays(doc, unit === 'week' ? 7 * n : n), valueEnd: null, precision: 'day', future };
}

function relPeriod(doc: DocDate | null, delta: number, unit: string): Resolved {
  const future = delta > 0 ? true : delta < 0 ? false : null;
  const prec: DatePrecision = unit === 'year' ? 'year' : unit === 'month' ? 'month' : 'day';
  if (!doc) return { value: null, valueEnd: null, precision: prec, future };
  if (unit === 'year') return { value: String(doc.y + delta), valueEnd: null, precision: 'year', future };
  if (doc.m == null) return { value: null, valueEnd: null, precision: prec, future };
  if (unit === 'month') {
    const [y, m] = addMonths(doc.y, doc.m, delta);
    return { value: iso(y, m), valueEnd: null, precision: 'month', future };
  }
  if (!full(doc)) return { value: null, valueEnd: null, precision: 'day', future };
  // week: Monday..Sunday
  const wd = (weekday(doc.y, doc.m, doc.d) + 6) % 7;
  const start = -wd + 7 * delta;
  return { value: addDays(doc, start), valueEnd: addDays(doc, start + 6), precision: 'day', future };
}

// ---------------------------------------------------------------- recognition

interface Found extends Cand {
  time?: TimeCand;
  sentence: number;
}

// ---------------------------------------------------------------- rule triggers
//
// Running each of the ~20 rule regexes over the whole text cost more than the rest of the stage:
// the regex engine tries every position. Instead one pass over the text finds the word starts
// (exactly where \b before a word character holds) and, by the word, the rules that may match
// there; each rule's sticky regex is then tried at those positions only, in order, skipping
// positions inside its previous match: the same matches a global scan finds.

/** ASCII word characters as \b sees them (no u flag): 1 letter, 2 digit, 3 underscore */
const WORD_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  WORD_CLASS[c] = /[A-Za-z]/.test(ch) ? 1 : /\d/.test(ch) ? 2 : ch === '_' ? 3 : 0;
}
/** longest trigger word */
const TRIGGER_MAX = 10;

/** slots of the trigger word table (a power of two) */
const TRIGGER_SLOTS = 4096;

interface Triggers {
  /**
   * bit sets of rules by the hash of a lower-case word (hashWord): a direct-mapped table where
   * words that share a slot share their rules, so a collision can only add a useless try
   */
  words: Uint32Array;
  /** per slot, the rules whose words there are narrowed by the character after them */
  narrowed: Uint32Array;
  /** per narrowed slot, by the (lower-cased ASCII) character that follows: the narrowed rules it allows */
  allow: (Uint32Array | undefined)[];
  /** rules a word starting with a digit may start */
  digit: number;
  /** lower-case prefixes of words that may start rules */
  prefixes: { prefix: string; mask: number }[];
  /** bit set of the first letters (a = bit 0) of those prefixes */
  prefixFirst: number;
  /** per rule, the positions to try in the current text (buffers reused across texts) */
  at: number[][];
}

/** the slot of a lower-case word: findTriggers computes the same hash as it reads the word */
function hashWord(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  return h & (TRIGGER_SLOTS - 1);
}

function triggerTable(rules: Rule[]): Triggers {
  if (rules.length > 31) throw new Error('date rules: more than 31 rules for a 32-bit trigger mask');
  const t: Triggers = {
    words: new Uint32Array(TRIGGER_SLOTS),
    narrowed: new Uint32Array(TRIGGER_SLOTS),
    allow: new Array(TRIGGER_SLOTS),
    digit: 0,
    prefixes: [],
    prefixFirst: 0,
    at: rules.map(() => []),
  };
  // words that share a slot share their rules; a rule narrowed for one of them and not for
  // another (or with other characters) takes the union
  const plain = new Set<number>();
  const follow = new Map<number, Uint8Array>(); // slot * 32 + rule -> characters
  rules.forEach((r, ri) => {
    for (const entry of r.first.split(' ')) {
      const [w, chars] = entry.split('/');
      if (chars !== undefined) {
        if (!/^[a-z]+$/.test(w) || !chars) throw new Error(`date rules: bad trigger "${entry}"`);
        const k = hashWord(w) * 32 + ri;
        let set = follow.get(k);
        if (!set) follow.set(k, (set = new Uint8Array(128)));
        for (const ch of chars) set[ch.charCodeAt(0)] = 1;
      } else if (/^[a-z]+$/.test(w)) plain.add(hashWord(w) * 32 + ri);
      if (w === '#') t.digit |= 1 << ri;
      else if (/^[a-z]+\*$/.test(w)) {
        t.prefixes.push({ prefix: w.slice(0, -1), mask: 1 << ri });
        t.prefixFirst |= 1 << (w.charCodeAt(0) - 97);
      } else if (/^[a-z]+$/.test(w) && w.length <= TRIGGER_MAX) t.words[hashWord(w)] |= 1 << ri;
      else throw new Error(`date rules: bad trigger word "${w}"`);
    }
  });
  for (const k of plain) follow.delete(k);
  for (const [k, set] of follow) {
    const slot = Math.floor(k / 32);
    const bit = 1 << (k % 32);
    t.narrowed[slot] |= bit;
    const allow = (t.allow[slot] ??= new Uint32Array(128));
    for (let c = 0; c < 128; c++) if (set[c]) allow[c] |= bit;
  }
  return t;
}

/** fills t.at: for each rule, the starts of the words that may start one of its matches */
function findTriggers(text: string, t: Triggers): void {
  for (const list of t.at) list.length = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c >= 128 || WORD_CLASS[c] === 0) {
      i++;
      continue;
    }
    const start = i;
    let mask = 0;
    if (WORD_CLASS[c] === 2) {
      mask = t.digit;
      i++;
      while (i < n && (c = text.charCodeAt(i)) < 128 && WORD_CLASS[c] !== 0) i++;
    } else {
      // a word of letters only (a trigger word is followed by a space or punctuation)
      let h = 0;
      let letters = true;
      while (i < n && (c = text.charCodeAt(i)) < 128 && WORD_CLASS[c] !== 0) {
        if (WORD_CLASS[c] === 1) h = (Math.imul(h, 31) + (c | 32)) | 0;
        else letters = false;
        i++;
      }
      if (letters && i - start <= TRIGGER_MAX) {
        const slot = h & (TRIGGER_SLOTS - 1);
        mask = t.words[slot];
        const narrowed = mask & t.narrowed[slot];
        if (narrowed) {
          // the first character after the word and any whitespace
          let k = i;
          while (k < n && isJsSpace(text.charCodeAt(k))) k++;
          let f = k < n ? text.charCodeAt(k) : 128;
          if (f < 128 && WORD_CLASS[f] === 1) f |= 32;
          mask &= ~narrowed | (f < 128 ? t.allow[slot]![f] : 0);
        }
      }
      if (t.prefixFirst & (1 << ((text.charCodeAt(start) | 32) - 97))) {
        for (const p of t.prefixes) if (startsWithLower(text, start, i, p.prefix)) mask |= p.mask;
      }
    }
    while (mask) {
      const bit = 31 - Math.clz32(mask & -mask);
      t.at[bit].push(start);
      mask &= mask - 1;
    }
  }
}

/** whether text[start, end) starts with `prefix` (lower-case letters), ignoring ASCII case */
function startsWithLower(text: string, start: number, end: number, prefix: string): boolean {
  if (end - start < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if ((text.charCodeAt(start + k) | 32) !== prefix.charCodeAt(k)) return false;
  return true;
}

const ruleCache = new Map<ZoneTable, { rules: Rule[]; triggers: Triggers }>();

function rulesFor(zones: ZoneTable): { rules: Rule[]; triggers: Triggers } {
  let cached = ruleCache.get(zones);
  if (!cached) {
    const built = buildRules(zones);
    cached = { rules: built, triggers: triggerTable(built) };
    ruleCache.set(zones, cached);
  }
  return cached;
}

/**
 * The raw matches of every date rule in `text`, as "rule:start-end", found either the fast way
 * (rules tried only where their trigger words start) or, with `scan`, by each rule's regex over
 * the whole text. The two must agree: the trigger lists are written by hand next to each
 * rule's regex, and a test holds them to it.
 */
export function dateRuleMatches(text: string, zones: ZoneTable, scan = false): string[] {
  const { rules, triggers } = rulesFor(zones);
  const out: string[] = [];
  if (!scan) findTriggers(text, triggers);
  rules.forEach((r, ri) => {
    if (scan) {
      const g = new RegExp(r.re.source, r.re.flags.replace('y', '') + 'g');
      for (const m of text.matchAll(g)) if (m[0].length) out.push(`${ri}:${m.index}-${m.index! + m[0].length}`);
      return;
    }
    let from = 0;
    for (const at of triggers.at[ri]!) {
      if (at < from) continue;
      r.re.lastIndex = at;
      const m = r.re.exec(text);
      if (!m) continue;
      from = m.index + (m[0].length || 1);
      if (m[0].length) out.push(`${ri}:${m.index}-${m.index + m[0].length}`);
    }
  });
  return out;
}

function findCandidates(text: string, sentences: Span[], zones: ZoneTable): Found[] {
  const { rules, triggers } = rulesFor(zones);
  findTriggers(text, triggers);
  // each rule looks at the whole text once (cheaper than once per sentence); a match is kept when
  // it lies inside one sentence
  const bySentence = new Map<number, Found[]>();
  const sentenceOf = (pos: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].end <= pos) lo = mid + 1;
      else if (sentences[mid].start > pos) hi = mid - 1;
      else return mid;
    }
    return -1;
  };
  for (let ri = 0; ri < rules.length; ri++) {
    const r = rules[ri];
    const at = triggers.at[ri];
    // the next position a global scan would try: after the previous match
    let from = 0;
    for (let k = 0; k < at.length; k++) {
      if (at[k] < from) continue;
      r.re.lastIndex = at[k];
      const m = r.re.exec(text);
      if (!m) continue;
      from = m.index + (m[0].length || 1);
      if (m[0].length === 0) continue;
      const si = sentenceOf(m.index);
      if (si < 0 || m.index + m[0].length > sentences[si].end) continue;
      const c = r.make(m, 0) as Found | null;
      if (!c) continue;
      if (
        (c.rule === 'date:month-day' || c.rule === 'date:day-month') &&
        /^the /i.test(text.slice(c.start, c.start + 4))
      )
        c.start += 4;
      c.sentence = si;
      (c as Found & { order: number }).order = ri;
      const list = bySentence.get(si);
      if (list) list.push(c);
      else bySentence.set(si, [c]);
    }
  }
  const out: Found[] = [];
  for (const si of [...bySentence.keys()].sort((x, y) => x - y)) {
    const cands = bySentence.get(si)!;
    // keep the longest non-overlapping candidates (earlier rule wins ties)
    cands.sort((a, b) => b.end - b.start - (a.end - a.start) || (a as any).order - (b as any).order);
    const kept: Found[] = [];
    for (const c of cands) {
      if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
      kept.push(c);
    }
    kept.sort((a, b) => a.start - b.start);
    out.push(...mergeTimes(kept, text));
  }
  return out;
}

/** attaches a time ("at 12 pm Damascus time") to the date next to it in the same sentence */
function mergeTimes(list: Found[], text: string): Found[] {
  const out: Found[] = [];
  const used = new Set<Found>();
  for (const c of list) {
    if (!c.time) continue;
    // nearest date with a day, before or after, joined only by short glue words
    let best: Found | null = null;
    for (const d of list) {
      if (d.time || used.has(d)) continue;
      const gap = d.end <= c.start ? text.slice(d.end, c.start) : c.end <= d.start ? text.slice(c.end, d.start) : null;
      if (gap == null || gap.length > 12 || !/^[\s,]*(?:at|on|from|starting|as of|by)?[\s,]*$/i.test(gap)) continue;
      if (
        !['date:month-day', 'date:day-month', 'date:iso', 'date:dotted', 'date:relative-day', 'date:weekday'].includes(
          d.rule,
        )
      )
        continue;
      best = d;
    }
    if (!best) continue;
    used.add(best);
    used.add(c);
    const date = best;
    const t = c.time;
    out.push({
      start: Math.min(date.start, c.start),
      end: Math.max(date.end, c.end),
      rule: date.rule + '+time',
      kind: date.kind,
      sentence: date.sentence,
      md: date.md,
      wd: date.wd,
      explicitYear: date.explicitYear,
      resolve: (ctx) => {
        const r = date.resolve(ctx);
        if (!r.value || r.value.length !== 10) return r;
        const [y, m, d] = r.value.split('-').map(Number);
        let off: string | null = null;
        if (t.explicitOff) {
          const mo = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(t.explicitOff);
          if (mo) off = `${mo[1]}${pad(+mo[2])}:${mo[3] ?? '00'}`;
        } else if (t.zoneWord) {
          const z = ctx.zones?.byName.get(t.zoneWord === 'local' ? (ctx.localZone ?? '') : t.zoneWord);
          if (z?.offset) off = z.offset;
          else if (z?.zone) off = zoneOffset(z.zone, y, m, d, t.hh, t.mm);
        }
        return { ...r, value: `${r.value}T${pad(t.hh)}:${pad(t.mm)}${off ?? ''}`, precision: 'minute' };
      },
    });
  }
  for (const c of list) if (!c.time && !used.has(c)) out.push(c);
  out.sort((a, b) => a.start - b.start);
  return out;
}

interface ResolveCtx {
  zones?: ZoneTable;
  /** zone word for "local time": the document's place name, lower-cased */
  localZone?: string | null;
}

/** simple sentence splitter used when no segmentation layer is present */
export function fallbackSentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const line = m[0];
    const base = m.index;
    let last = 0;
    let sm: RegExpExecArray | null;
    // split on sentence-final punctuation followed by a capital
    const cut = /[.!?]["”’)]?\s+(?=[A-Z"“‘(])/g;
    while ((sm = cut.exec(line))) {
      // no cut after abbreviations: a.m., U.S., Mr., Dr., St.
      if (
        /(?:\b[A-Za-z]\.[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|No|Jan|Feb|Aug|Sept?|Oct|Nov|Dec))$/.test(
          line.slice(Math.max(0, sm.index - 4), sm.index),
        )
      )
        continue;
      out.push({ start: base + last, end: base + sm.index + 1 });
      last = sm.index + sm[0].length;
    }
    if (last < line.length) out.push({ start: base + last, end: base + line.length });
  }
  return out;
}

export interface RecogniseOptions {
  /** document date (ISO at any precision) */
  published: string | null;
  dataDir: string;
  /** place name of the dateline, for "local time" */
  placeName?: string | null;
}

/** Recognises and resolves all date expressions of a text. */
export function recogniseDates(text: string, sentences: Span[], opts: RecogniseOptions): DateMention[] {
  const zones = loadZones(opts.dataDir);
  const found = findCandidates(text, sentences, zones);
  const doc = parseIsoDate(opts.published);
  const local = opts.placeName ? opts.placeName.toLowerCase() : null;
  return resolveAll(text, sentences, found, doc, zones, local);
}

/** Resolves found candidates against the document date: the date layer's mentions. */
function resolveAll(
  text: string,
  sentences: Span[],
  found: Found[],
  doc: DocDate | null,
  zones: ZoneTable,
  localZone: string | null,
): DateMention[] {
  return found.map((c) => {
    const s = sentences[c.sentence];
    const r = c.resolve({
      doc,
      sentence: text.slice(s.start, s.end),
      future: futureCue(text, s, c.start),
      zones,
      localZone,
    });
    return {
      start: c.start,
      end: c.end,
      value: r.value,
      valueEnd: r.valueEnd,
      precision: r.precision,
      type: c.kind,
      future: r.future,
      rule: c.rule,
    };
  });
}

/** What year inference reads of each candidate (weekday, month-day, explicit year, tense). */
function yearClues(text: string, sentences: Span[], found: Found[]) {
  return found.map((c) => ({
    wd: c.wd,
    md: c.md,
    explicitYear: c.explicitYear,
    future: c.explicitYear ? futureCue(text, sentences[c.sentence], c.start) : null,
  }));
}

// ---------------------------------------------------------------- office terms (people.tsv)

export interface Term {
  name: string;
  aliases: string[];
  role: string;
  country: string;
  start: string | null;
  end: string | null;
}

const termCache = new Map<string, Term[]>();
/** Reads data/actors/people.tsv (name, aliases, country, role, sector, start, end…). */
export function loadTerms(dataDir: string): Term[] {
  const hit = termCache.get(dataDir);
  if (hit) return hit;
  const out: Term[] = [];
  const file = path.join(dataDir, 'actors', 'people.tsv');
  if (fs.existsSync(file)) {
    let cols: string[] | null = null;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const f = line.split('\t');
      if (!cols) {
        cols = f.map((x) => x.trim().toLowerCase());
        continue;
      }
      const g = (k: string) => (f[cols!.indexOf(k)] ?? '').trim();
      if (!g('name')) continue;
      out.push({
        name: g('name'),
        aliases: g('aliases')
          ? g('aliases')
              .split('|')
              .map((a) => a.trim())
          : [],
        role: g('role'),
        country: g('country'),
        start: g('start') || null,
        end: g('end') || null,
      });
    }
  }
  termCache.set(dataDir, out);
  return out;
}

// ---------------------------------------------------------------- document year inference

export interface YearEvidence {
  year: number;
  why: string;
}

const NON_ASCII = /[^\x00-\x7f]/;
const normText = (s: string) => {
  let t = s.toLowerCase();
  // (decomposing is the costly step and changes nothing in ASCII text)
  if (NON_ASCII.test(t)) t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return t
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
};

// actor names recur in every document: their normal forms are memoised (bounded)
const normMemo = new Map<string, string>();
function norm(s: string): string {
  let n = normMemo.get(s);
  if (n === undefined) {
    n = normText(s);
    if (normMemo.size > 20000) normMemo.clear();
    normMemo.set(s, n);
  }
  return n;
}

function dateNumOf(s: string, endOfPeriod: boolean): number {
  const p = parseIsoDate(s)!;
  if (p.m == null) return endOfPeriod ? utc(p.y, 12, 31) : utc(p.y, 1, 1);
  if (p.d == null) return endOfPeriod ? utc(p.y, p.m + 1, 0) : utc(p.y, p.m, 1);
  return utc(p.y, p.m, p.d);
}
// the term dates of people.tsv, parsed once each
const dateNumMemo = [new Map<string, number>(), new Map<string, number>()];
function dateNum(s: string, endOfPeriod: boolean): number {
  const memo = dateNumMemo[endOfPeriod ? 1 : 0];
  let t = memo.get(s);
  if (t === undefined) {
    t = dateNumOf(s, endOfPeriod);
    memo.set(s, t);
  }
  return t;
}

// tail ('' or ' elect') -> role -> regex
const roleReCache = new Map<string, Map<string, RegExp>>();
/** "Secretary of State" → /\bsecretary of state(?: [a-z]+){0,3}$/: the office right before the name */
function roleRe(role: string, tail: string): RegExp {
  let byRole = roleReCache.get(tail);
  if (!byRole) roleReCache.set(tail, (byRole = new Map()));
  let re = byRole.get(role);
  if (!re) {
    re = new RegExp(`\\b${normText(role)}${tail}(?: [a-z]+){0,3}$`);
    byRole.set(role, re);
  }
  return re;
}

const termIndexCache = new WeakMap<Term[], Map<string, Term[]>>();
/** normalised name or alias -> terms of office */
function termIndex(terms: Term[]): Map<string, Term[]> {
  let byName = termIndexCache.get(terms);
  if (byName) return byName;
  byName = new Map();
  for (const t of terms) {
    for (const n of [t.name, ...t.aliases]) {
      const k = normText(n);
      const list = byName.get(k);
      if (!list) byName.set(k, [t]);
      else if (!list.includes(t)) list.push(t);
    }
  }
  termIndexCache.set(terms, byName);
  return byName;
}

const UNIT_ORD = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEEN_ORD = [
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_WORDS = new Map<string, number>();
for (let n = 1; n < 100; n++) {
  const t = Math.floor(n / 10);
  const u = n % 10;
  if (n < 10) ORDINAL_WORDS.set(UNIT_ORD[u]!, n);
  else if (n < 20) ORDINAL_WORDS.set(TEEN_ORD[n - 10]!, n);
  else if (u === 0) ORDINAL_WORDS.set(TENS[t]!.replace(/y$/, 'ieth'), n);
  else {
    ORDINAL_WORDS.set(`${TENS[t]}-${UNIT_ORD[u]}`, n);
    ORDINAL_WORDS.set(`${TENS[t]} ${UNIT_ORD[u]}`, n);
  }
}
/** "seventy-second", "72nd", "twelfth" → 72, 72, 12 (1–99); 0 when not an ordinal */
function ordinalValue(s: string): number {
  const t = s.toLowerCase();
  const d = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(t);
  if (d) return Number(d[1]);
  return ORDINAL_WORDS.get(t.replace(/\s+/, ' ')) ?? 0;
}
const ORDINAL =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ])?[a-z]*(?:st|nd|rd|th)|\\d{1,2}(?:st|nd|rd|th)';
const GA_SESSION = new RegExp(
  `\\b(?:the|its|this|current)\\s+(${ORDINAL})\\s+session\\s+of\\s+the\\s+(?:United\\s+Nations\\s+)?General\\s+Assembly\\b` +
    `|\\bGeneral\\s+Assembly\\b[^.;]{0,40}?\\bat\\s+its\\s+(${ORDINAL})\\s+session\\b`,
  'gi',
);
const ANNIVERSARY = new RegExp(`\\b(${ORDINAL})\\s+anniversary\\s+of\\s+(?:the\\s+)?((?:19|20)\\d{2})\\b`, 'gi');

/** A dated-reference clue of the text (see yearClues). */
type YearClue = { wd?: number; md?: [number, number]; explicitYear?: number; future: boolean | null };

/** The candidate years of inferDocYear, and what the text's clues have said about them so far. */
interface YearTally {
  minYear: number;
  /** the candidate years, minYear…maxYear */
  years: number[];
  /** the dateline's month/day, when known */
  partial: { month: number; day: number } | null;
  // per candidate year (index y - minYear): its score, and the instants the rules compare:
  // the dateline's day in that year (NaN when there is none or it does not exist that year), the
  // year's first and last day
  score: Float64Array;
  dayT: Float64Array;
  firstT: Float64Array;
  lastT: Float64Array;
  /** how many clues constrained the year */
  constraints: number;
  evidence: YearEvidence[];
}

/**
 * Infers the document's year from what the text says: office holders named with their office
 * (their terms), "<office>-elect <name>", weekday/date pairs and explicit dated references.
 * `partial` is the dateline's month/day when known. Returns null when the text does not decide.
 */
export function inferDocYear(
  text: string,
  actors: ActorMention[],
  cands: YearClue[],
  terms: Term[],
  partial: { month: number; day: number } | null,
  maxYear = new Date().getUTCFullYear() + 1,
): { year: number; evidence: YearEvidence[] } | null {
  const t = yearTally(partial, maxYear);
  officeHolderClues(t, text, actors, terms);
  weekdayClues(t, cands);
  // numbered sessions of the UN General Assembly and anniversaries (both patterns need their
  // keyword: a quick look first spares scanning for them)
  if (/session/i.test(text)) sessionClues(t, text);
  if (/anniversary/i.test(text)) anniversaryClues(t, text);
  futureClues(t, cands);
  // dated references in the past: the document is not older than the latest of them
  const latest = latestPastReference(cands, maxYear);
  if (!t.constraints && !latest) return null;
  if (latest) for (let i = 0; i < t.years.length; i++) if (t.years[i] < latest) t.score[i] -= 3;
  if (latest) t.evidence.push({ year: latest, why: `latest dated reference ${latest}` });
  return bestYear(t, cands);
}

function yearTally(partial: { month: number; day: number } | null, maxYear: number): YearTally {
  const minYear = 1990;
  const years: number[] = [];
  for (let y = minYear; y <= maxYear; y++) years.push(y);
  const ny = years.length;
  const dayT = new Float64Array(ny);
  const firstT = new Float64Array(ny);
  const lastT = new Float64Array(ny);
  for (let i = 0; i < ny; i++) {
    const y = years[i];
    dayT[i] = partial && validDay(y, partial.month, partial.day) ? utc(y, partial.month, partial.day) : NaN;
    firstT[i] = utc(y, 1, 1);
    lastT[i] = utc(y, 12, 31);
  }
  return { minYear, years, partial, score: new Float64Array(ny), dayT, firstT, lastT, constraints: 0, evidence: [] };
}

function hasYear(t: YearTally, y: number): boolean {
  return y >= t.minYear && y - t.minYear < t.years.length && Number.isInteger(y);
}

/** Does the date that must fall in [from, to] (the dateline's day, else any day of the year) fall in it in candidate year i? */
function fits(t: YearTally, i: number, from: number, to: number): boolean {
  if (t.partial) {
    const d = t.dayT[i];
    return d === d && d >= from && d <= to;
  }
  return t.lastT[i] >= from && t.firstT[i] <= to;
}

/** Office holders: mentions with a role whose text (or the words just before) names the office. */
function officeHolderClues(t: YearTally, text: string, actors: ActorMention[], terms: Term[]): void {
  const byName = termIndex(terms);
  const seen = new Set<string>();
  for (const a of actors) {
    if (a.kind !== 'person' || !a.actor.name) continue;
    const name = norm(a.actor.name);
    const rows = byName.get(name);
    if (!rows || !rows.length) continue;
    const prefix = officePrefix(text, a, name);
    if (/\b(former|ex|late|then|previous|outgoing|acting)\b/.test(prefix)) continue;
    const electRows = rows.filter((r) => r.start && withRole(r, ' elect', prefix));
    if (electRows.length) {
      electClues(t, electRows, seen);
      continue;
    }
    const matching = rows.filter((r) => withRole(r, '', prefix));
    if (matching.length) termClue(t, matching, seen);
  }
}

/** The words before the surname of mention `a` (of person `name`), within the clause: "us secretary of state rex", "president elect donald". */
function officePrefix(text: string, a: ActorMention, name: string): string {
  let pre = text.slice(Math.max(0, a.start - 60), a.start);
  const cut = pre.search(/[.!?;:][^.!?;:]*$/);
  if (cut >= 0) pre = pre.slice(cut + 1);
  const combined = normText(pre + ' ' + text.slice(a.start, a.end));
  const last = name.slice(name.lastIndexOf(' ') + 1);
  const li = combined.lastIndexOf(last);
  return li >= 0 ? combined.slice(0, li).trim() : combined;
}

function withRole(r: Term, tail: string, prefix: string): boolean {
  return !!r.role && roleRe(r.role, tail).test(prefix);
}

/** "President-elect Donald Trump": the weeks before the term starts. */
function electClues(t: YearTally, electRows: Term[], seen: Set<string>): void {
  for (const r of electRows) {
    const st = dateNum(r.start!, false);
    const key = `elect:${r.name}:${r.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    t.constraints++;
    for (let i = 0; i < t.years.length; i++) if (fits(t, i, st - 90 * DAY, st)) t.score[i] += 2;
    t.evidence.push({ year: ymd(st)[0], why: `${r.role}-elect ${r.name} (term from ${r.start})` });
  }
}

/** An office holder named with the office: the years of the terms that match it. */
function termClue(t: YearTally, matching: Term[], seen: Set<string>): void {
  const key = `term:${matching.map((r) => r.name + r.role + r.start).join('|')}`;
  if (seen.has(key)) return;
  seen.add(key);
  t.constraints++;
  // the terms' spans, computed once rather than for every year
  const spans: number[] = [];
  for (const r of matching) if (r.start) spans.push(dateNum(r.start, false), r.end ? dateNum(r.end, true) : Infinity);
  for (let i = 0; i < t.years.length; i++) {
    for (let k = 0; k < spans.length; k += 2) {
      if (fits(t, i, spans[k], spans[k + 1])) {
        t.score[i] += 2;
        break;
      }
    }
  }
  t.evidence.push({
    year: 0,
    why: `${matching[0].role} ${matching[0].name}: ${matching.map((r) => `${r.start ?? '?'}–${r.end ?? ''}`).join(', ')}`,
  });
}

/** Weekday + date: "on Wednesday, April 12". */
function weekdayClues(t: YearTally, cands: YearClue[]): void {
  for (const c of cands) {
    if (c.wd == null || !c.md || c.explicitYear) continue;
    const [m, d] = c.md;
    t.constraints++;
    for (let i = 0; i < t.years.length; i++)
      if (validDay(t.years[i], m, d) && weekday(t.years[i], m, d) === c.wd) t.score[i] += 1;
    t.evidence.push({ year: 0, why: `weekday of ${m}/${d}` });
  }
}

/**
 * Numbered sessions of the UN General Assembly: session N opens in September of 1945 + N and
 * holds its general debate and most meetings before the year ends ("at its seventy-second session").
 */
function sessionClues(t: YearTally, text: string): void {
  const seen = new Set<string>();
  for (const m of text.matchAll(GA_SESSION)) {
    const n = ordinalValue(m[1] ?? m[2]!);
    if (!n) continue;
    const y = 1945 + n;
    const key = `session:${y}`;
    if (seen.has(key)) continue;
    seen.add(key);
    t.constraints++;
    if (hasYear(t, y)) t.score[y - t.minYear] += 2;
    if (hasYear(t, y + 1)) t.score[y + 1 - t.minYear] += 1;
    t.evidence.push({ year: y, why: `General Assembly session ${n}` });
  }
}

/** "the twelfth anniversary of the 2005 joint statement": an anniversary is marked in its year. */
function anniversaryClues(t: YearTally, text: string): void {
  const seen = new Set<string>();
  for (const m of text.matchAll(ANNIVERSARY)) {
    const n = ordinalValue(m[1]!);
    const y = n ? Number(m[2]) + n : 0;
    if (!hasYear(t, y) || seen.has(`anniversary:${y}`)) continue;
    seen.add(`anniversary:${y}`);
    t.constraints++;
    t.score[y - t.minYear] += 2;
    t.evidence.push({ year: y, why: `${n}th anniversary of ${m[2]}` });
  }
}

/**
 * Dated references in the future ("will take effect in January 2025"): the document is older,
 * and usually less than a year older.
 */
function futureClues(t: YearTally, cands: YearClue[]): void {
  for (const c of cands) {
    if (!c.explicitYear || c.future !== true || !c.md) continue;
    const [m, d] = c.md;
    const ref = utc(c.explicitYear, m, d);
    let hit = false;
    for (let i = 0; i < t.years.length; i++) {
      // the document's day, or with no dateline any day of the year
      const t0 = t.dayT[i] === t.dayT[i] ? t.dayT[i] : t.firstT[i];
      const t1 = t.partial ? t0 : t.lastT[i];
      if (t0 <= ref && ref - t1 < 366 * DAY) {
        t.score[i] += 1;
        hit = true;
      }
    }
    if (hit) {
      t.constraints++;
      t.evidence.push({ year: c.explicitYear, why: `future reference to ${iso(c.explicitYear, m, d)}` });
    }
  }
}

/** The latest year of a dated reference that is not in the future (up to maxYear); 0 when none. */
function latestPastReference(cands: YearClue[], maxYear: number): number {
  let latest = 0;
  for (const c of cands)
    if (c.explicitYear && c.future !== true && c.explicitYear <= maxYear) latest = Math.max(latest, c.explicitYear);
  return latest;
}

/** The year with the best score, when it is positive and one year has it (see recentTieBreak). */
function bestYear(t: YearTally, cands: YearClue[]): { year: number; evidence: YearEvidence[] } | null {
  const best = Math.max(...t.score);
  const top = t.years.filter((_, i) => t.score[i] === best);
  if (!t.constraints) {
    // only a lower bound: decide only when nothing else is possible (never)
    return null;
  }
  if (best <= 0) return null;
  if (top.length > 1) return recentTieBreak(t, cands, top);
  return { year: top[0], evidence: t.evidence };
}

/**
 * Among equally good years, recent dated references (month or day, up to a year before the
 * document date) decide: news reports what just happened.
 */
function recentTieBreak(
  t: YearTally,
  cands: YearClue[],
  top: number[],
): { year: number; evidence: YearEvidence[] } | null {
  const recent = top.map((y) => recentReferences(t, cands, y - t.minYear));
  const most = Math.max(...recent);
  const winners = top.filter((_, i) => recent[i] === most);
  if (most > 0 && winners.length === 1) {
    t.evidence.push({ year: winners[0], why: `${most} recent dated reference(s)` });
    return { year: winners[0], evidence: t.evidence };
  }
  return null;
}

/** How many dated references fall up to a year before the document date in candidate year i. */
function recentReferences(t: YearTally, cands: YearClue[], i: number): number {
  const d = t.dayT[i] === t.dayT[i] ? t.dayT[i] : t.lastT[i];
  let n = 0;
  for (const c of cands) {
    if (!c.explicitYear || !c.md || c.future === true) continue;
    const ref = utc(c.explicitYear, c.md[0], c.md[1]);
    if (ref <= d && d - ref < 366 * DAY) n++;
  }
  return n;
}

// ---------------------------------------------------------------- the stage

/** The year inference for a document, with its evidence (for `readout entities` and debugging). */
export function explainDocYear(doc: Doc, kb: KB): { year: number; evidence: YearEvidence[] } | null {
  const sentences: Span[] =
    doc.layers.sentences && doc.layers.sentences.length
      ? (doc.layers.sentences as Sentence[])
      : fallbackSentences(doc.text);
  const found = findCandidates(doc.text, sentences, loadZones(kb.dataDir));
  const pre = yearClues(doc.text, sentences, found);
  return inferDocYear(doc.text, doc.layers.actors ?? [], pre, loadTerms(kb.dataDir), doc.meta.publishedPartial ?? null);
}

export const dateStage: Stage = {
  name: 'dates',
  requires: ['sentences', 'actors'],
  produces: ['dates'],
  run(doc: Doc, kb: KB) {
    const sentences: Span[] =
      doc.layers.sentences && doc.layers.sentences.length
        ? (doc.layers.sentences as Sentence[])
        : fallbackSentences(doc.text);
    const zones = loadZones(kb.dataDir);
    const found = findCandidates(doc.text, sentences, zones);
    const meta: Partial<DocMeta> = {};
    let published = doc.meta.published;
    const partial = doc.meta.publishedPartial ?? null;
    if (!published || !/^\d{4}/.test(published)) {
      // first pass without a document date: explicit years and weekday pairs only
      const pre = yearClues(doc.text, sentences, found);
      const inf = inferDocYear(doc.text, doc.layers.actors ?? [], pre, loadTerms(kb.dataDir), partial);
      if (inf) {
        published =
          partial && validDay(inf.year, partial.month, partial.day)
            ? iso(inf.year, partial.month, partial.day)
            : String(inf.year);
        meta.published = published;
      }
    }
    const ddoc = parseIsoDate(published);
    const local = doc.meta.place?.name ? doc.meta.place.name.toLowerCase() : null;
    const dates = resolveAll(doc.text, sentences, found, ddoc, zones, local);
    return Object.keys(meta).length ? { layers: { dates }, meta } : { layers: { dates } };
  },
};

/** a goal with a deadline: "our goal of silencing the guns by 2020", "targets to be met by 2030" */
const GOAL_BY_YEAR =
  /\b(?:goals?|targets?|aims?|aiming|objectives?|ambitions?|strive|striving|commit(?:s|ted|ment)? to|pledged? to)\b[^.!?]*?\bby\s+(?:19|20)\d{2}\b/i;

/** a past-tense verb or auxiliary ("co-chaired", "was held", "had agreed", "signed", "met", "said") */
const PAST_CUE =
  /\b(?:was|were|had|did|met|held|took|began|came|went|made|gave|saw|said|told|spoke|wrote|sent|left|paid|brought|sought|fought|struck|became|led|won|lost|[a-z]+ed)\b/i;
/** where a clause starts: a comma or semicolon, a dash, or a relative/subordinating word */
const CLAUSE_START = /[,;:\u2013\u2014]|\b(?:that|which|who|whom|when|where|after|before|since|as)\b/gi;

/**
 * Does a dated reference speak of the future? The date's own clause decides first ("…is expected
 * to visit in February, a follow-up to the summit that he co-chaired in October 2019": the clause
 * "he co-chaired … in" is past); only a clause with no tense cue falls back to the whole sentence.
 */
function futureCue(text: string, s: Span, at: number = s.end): boolean {
  const sentence = text.slice(s.start, s.end);
  if (GOAL_BY_YEAR.test(sentence)) return true;
  const before = text.slice(s.start, Math.max(s.start, Math.min(at, s.end)));
  let from = 0;
  for (const m of before.matchAll(CLAUSE_START)) from = m.index! + m[0].length;
  const clause = before.slice(from);
  if (tenseFuture(clause)) return true;
  if (PAST_CUE.test(clause)) return false;
  return tenseFuture(sentence);
}
