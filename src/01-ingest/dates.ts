/**
 * Date expressions found in document headers, datelines, title tails and sign-off lines.
 * Only explicit calendar dates: relative dates are the dates stage's business.
 */

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export const MONTH_RE =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
export const WEEKDAY_RE = '(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?';
const DASH = '[-–—]';
/** a clock time: 14:37, 2:02 p.m., 9.30am */
const TIME_RE = '(\\d{1,2})[:.](\\d{2})(?::\\d{2})?\\s*([ap]\\.?m\\.?)?';

export function monthNumber(name: string): number | null {
  const n = name.charCodeAt(name.length - 1) === 46 ? name.slice(0, -1) : name;
  return MONTHS[n.toLowerCase()] ?? null;
}

export interface FoundDate {
  year: number | null;
  month: number;
  day: number | null;
  /** "HH:MM" when a time of day is given */
  time: string | null;
  /** a UTC offset stated with the time ("EDT" → "-04:00"), which wins over the outlet's zone */
  offset?: string | null;
  /** offsets of the match in the searched string */
  index: number;
  length: number;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number | null, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y ?? 2000, m, 0)).getUTCDate();
  return d <= days;
}

function clock(h: string | undefined, m: string | undefined, ampm: string | undefined): string | null {
  if (h === undefined || m === undefined) return null;
  let hh = Number(h);
  const mm = Number(m);
  if (ampm) {
    const pm = ampm.toLowerCase().startsWith('p');
    if (hh === 12) hh = pm ? 12 : 0;
    else if (pm) hh += 12;
  }
  if (hh > 23 || mm > 59) return null;
  return `${pad(hh)}:${pad(mm)}`;
}

// "6 August 2017 15:56", glued "6 August 201715:56", "19–20 October 2015", "SAT 09 FEBRUARY 2013", "13 August"
const DMY = new RegExp(
  `(?<![\\d\\w])(?:${WEEKDAY_RE},?\\s+)?(\\d{1,2})(?:\\s*${DASH}\\s*(\\d{1,2}))?(?:st|nd|rd|th)?\\s+(${MONTH_RE})\\.?,?(?:\\s+(\\d{4})(?!\\d{3})(?:,?\\s*(?:at\\s+)?${TIME_RE})?)?(?![\\w])`,
  'gi',
);
// "August 6, 2017", "February 3 2005", "July 12-15, 2021", "April 12" (year optional), "Aug. 6, 2017 2:30 p.m."
const MDY = new RegExp(
  `(?<![\\w])(?:${WEEKDAY_RE},?\\s+)?(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*${DASH}\\s*(\\d{1,2}))?(?!\\d)(?:,?\\s+(\\d{4})(?!\\d{3})(?:,?\\s*(?:at\\s+)?${TIME_RE})?)?(?![\\w])`,
  'gi',
);
// ISO "2017-07-07", "2017-07-07T22:24", "2017-07-07 22:24:00"
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?(?!\d)/g;

/**
 * All explicit dates in a string, left to right, longest interpretation first. For a day
 * range ("19–20 October 2015", "July 12-15, 2021") the last day is returned (a document about
 * a multi-day event is issued on its last day at the earliest).
 */
const RFC2822 = new RegExp(
  `^(?:${WEEKDAY_RE},?\\s+)?(\\d{1,2})\\s+(${MONTH_RE})\\s+(\\d{4})\\s+(\\d{2}):(\\d{2})(?::\\d{2})?\\s*([+-]\\d{4}|GMT|UTC|Z)?$`,
  'i',
);
const MONTH_YEAR = new RegExp(`(?<![\\w\\d])(${MONTH_RE})\\.?,?\\s+(\\d{4})(?!\\d)`, 'gi');
const DIGIT = /\d/;
/** Every month name of MONTH_RE begins with one of these: no match of DMY, MDY or MONTH_YEAR without one. */
const MONTH_START = /jan|feb|ma[ry]|apr|ju[nl]|aug|sep|oct|nov|dec/i;

/*
 * The global regexes are run with exec from lastIndex 0 (matchAll would copy the regex on every
 * call); none of them matches the empty string, and nothing in the loops uses them again.
 */
export function findDates(s: string): FoundDate[] {
  // every form has a number
  if (!DIGIT.test(s)) return [];
  const out: FoundDate[] = [];
  const taken: [number, number][] = [];
  const add = (f: FoundDate) => {
    if (taken.some(([a, b]) => f.index < b && a < f.index + f.length)) return;
    taken.push([f.index, f.index + f.length]);
    out.push(f);
  };
  let m: RegExpExecArray | null;
  if (s.includes('-')) {
    ISO.lastIndex = 0;
    while ((m = ISO.exec(s))) {
      const y = Number(m[1]),
        mo = Number(m[2]),
        d = Number(m[3]);
      if (!validDay(y, mo, d)) continue;
      add({ year: y, month: mo, day: d, time: m[4] ? `${m[4]}:${m[5]}` : null, index: m.index, length: m[0].length });
    }
  }
  if (!MONTH_START.test(s)) {
    out.sort((a, b) => a.index - b.index);
    return out;
  }
  const cands: FoundDate[] = [];
  DMY.lastIndex = 0;
  while ((m = DMY.exec(s))) {
    const mo = monthNumber(m[3]!)!;
    const d = Number(m[2] ?? m[1]);
    const y = m[4] ? Number(m[4]) : null;
    if (!validDay(y, mo, d) || !validDay(y, mo, Number(m[1]))) continue;
    cands.push({ year: y, month: mo, day: d, time: clock(m[5], m[6], m[7]), index: m.index, length: m[0].length });
  }
  MDY.lastIndex = 0;
  while ((m = MDY.exec(s))) {
    const mo = monthNumber(m[1]!)!;
    const d = Number(m[3] ?? m[2]);
    const y = m[4] ? Number(m[4]) : null;
    if (!validDay(y, mo, d) || !validDay(y, mo, Number(m[2]))) continue;
    cands.push({ year: y, month: mo, day: d, time: clock(m[5], m[6], m[7]), index: m.index, length: m[0].length });
  }
  // prefer dates with a year, then longer matches
  cands.sort((a, b) => Number(b.year !== null) - Number(a.year !== null) || b.length - a.length || a.index - b.index);
  for (const c of cands) add(c);
  // month-year only: "February 2013"
  MONTH_YEAR.lastIndex = 0;
  while ((m = MONTH_YEAR.exec(s))) {
    add({
      year: Number(m[2]),
      month: monthNumber(m[1]!)!,
      day: null,
      time: null,
      index: m.index,
      length: m[0].length,
    });
  }
  out.sort((a, b) => a.index - b.index);
  return out;
}

const GMT_OFFSET = /^GMT([+-])(\d{1,2}):?(\d{2})?$/;
const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

function offsetMinutes(tz: string, t: number): number | null {
  let fmt = zoneFormats.get(tz);
  if (fmt === undefined) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' });
    } catch {
      fmt = null;
    }
    zoneFormats.set(tz, fmt);
  }
  if (!fmt) return null;
  // format() costs a third of formatToParts(): en-US writes the zone name last, after ", "
  const s = fmt.format(t);
  let part = s.slice(s.lastIndexOf(', ') + 2);
  if (part !== 'GMT' && !GMT_OFFSET.test(part))
    part = fmt.formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  if (part === 'GMT') return 0;
  const m = GMT_OFFSET.exec(part);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** zoneOffset's answers (two Intl calls each), by zone and wall-clock time; emptied when it grows large. */
const zoneOffsets = new Map<string, string | null>();

/** Offset like "+03:00" of an IANA zone at a local wall-clock time, or null if unknown. */
export function zoneOffset(tz: string, y: number, mo: number, d: number, hh: number, mm: number): string | null {
  const key = `${tz} ${y} ${mo} ${d} ${hh} ${mm}`;
  let off = zoneOffsets.get(key);
  if (off === undefined) {
    if (zoneOffsets.size >= 4096) zoneOffsets.clear();
    zoneOffsets.set(key, (off = computeZoneOffset(tz, y, mo, d, hh, mm)));
  }
  return off;
}

function computeZoneOffset(tz: string, y: number, mo: number, d: number, hh: number, mm: number): string | null {
  const wall = Date.UTC(y, mo - 1, d, hh, mm);
  const first = offsetMinutes(tz, wall);
  if (first === null) return null;
  const off = offsetMinutes(tz, wall - first * 60000) ?? first;
  const a = Math.abs(off);
  return `${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** ISO string at the precision of a found date (null when it has no year). */
export function isoOf(f: FoundDate, tz: string | null = null): string | null {
  if (f.year === null) return null;
  if (f.day === null) return `${f.year}-${pad(f.month)}`;
  const date = `${f.year}-${pad(f.month)}-${pad(f.day)}`;
  if (!f.time) return date;
  const [hh, mm] = f.time.split(':').map(Number) as [number, number];
  const off = f.offset ?? (tz ? zoneOffset(tz, f.year, f.month, f.day, hh, mm) : null);
  return `${date}T${f.time}${off ?? ''}`;
}

/**
 * Normalises a publication date given as metadata (JSON Lines field, HTML <meta>): ISO
 * strings keep their precision (seconds dropped), RFC 2822 and written dates are parsed.
 */
export function normalisePublished(v: string | null | undefined): string | null {
  if (!v) return null;
  const s = v.trim();
  let m =
    /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(s);
  if (m) {
    if (!m[2]) return m[1]!;
    if (!m[3]) return `${m[1]}-${m[2]}`;
    if (!validDay(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
    if (!m[4]) return `${m[1]}-${m[2]}-${m[3]}`;
    let off = m[6] ?? '';
    if (off === 'Z') off = '+00:00';
    else if (off && !off.includes(':')) off = `${off.slice(0, 3)}:${off.slice(3)}`;
    return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}${off}`;
  }
  // RFC 2822: "Tue, 15 Feb 2022 19:06:40 +0000"
  m = RFC2822.exec(s);
  if (m) {
    const mo = monthNumber(m[2]!)!;
    const off = !m[6] ? '' : /^[+-]/.test(m[6]) ? `${m[6].slice(0, 3)}:${m[6].slice(3)}` : '+00:00';
    return `${m[3]}-${pad(mo)}-${pad(Number(m[1]))}T${m[4]}:${m[5]}${off}`;
  }
  const f = findDates(s)[0];
  if (f && f.year !== null) return isoOf(f);
  return null;
}

/** Zone abbreviations as written after times in English-language releases. */
const ZONE_ABBR: Record<string, string> = {
  EDT: '-04:00',
  EST: '-05:00',
  CDT: '-05:00',
  CST: '-06:00',
  PDT: '-07:00',
  PST: '-08:00',
  GMT: '+00:00',
  UTC: '+00:00',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EET: '+02:00',
  EEST: '+03:00',
  MSK: '+03:00',
  AEST: '+10:00',
  AEDT: '+11:00',
  JST: '+09:00',
  KST: '+09:00',
};

/** A line that is only a time of day: "2:02 p.m. EDT", "14:30 (Moscow time)". */
export function timeLine(line: string): { time: string; offset: string | null } | null {
  const m = /^(\d{1,2})[:.](\d{2})\s*([ap]\.?\s?m\.?)?\s*(?:\(?([A-Z]{2,4})\)?|\(?Moscow time\)?)?$/i.exec(line.trim());
  if (!m) return null;
  let hh = Number(m[1]);
  const mm = Number(m[2]);
  if (m[3]) {
    const pm = /^p/i.test(m[3]);
    if (hh === 12) hh = pm ? 12 : 0;
    else if (pm) hh += 12;
  }
  if (hh > 23 || mm > 59) return null;
  const abbr = m[4]?.toUpperCase();
  if (abbr && !ZONE_ABBR[abbr]) return null;
  const offset = abbr ? ZONE_ABBR[abbr]! : /moscow time/i.test(line) ? '+03:00' : null;
  return { time: `${pad(hh)}:${pad(mm)}`, offset };
}
