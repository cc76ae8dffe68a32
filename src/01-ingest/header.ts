/**
 * Header analysis: which leading lines are the title and date stamp (removed from the body
 * and kept as metadata), the dateline ("MOSCOW, April 12. /TASS/.", kept in the body), the
 * title tail ("…, Manila, August 6, 2017"), labelled fields ("DATE: February 3 2005") and
 * sign-off lines at the end ("Stockholm, 20 October 2015.").
 */
import { ingestData } from './data.js';
import { findDates, isoOf, MONTH_RE, timeLine, WEEKDAY_RE, type FoundDate } from './dates.js';
import { isJsSpace } from '../00-model/chars.js';

export interface HeaderInfo {
  title: string | null;
  /** date from a date-stamp line in the header, with its time if given */
  stamp: FoundDate | null;
  /** date given in a labelled header field (DATE: …) */
  labelled: FoundDate | null;
  /** date at the end of the title */
  titleDate: FoundDate | null;
  /** the dateline (its date may lack the year) */
  dateline: { place: string | null; date: FoundDate | null; tag: string | null; line: number } | null;
  titlePlace: string | null;
  labelledPlace: string | null;
  /** place and date of a sign-off line near the end */
  signoff: { place: string | null; date: FoundDate | null } | null;
  /** header lines (non-title) that the outlet rules may match */
  headerLines: string[];
  /** line indexes of headerLines */
  headerIdx: number[];
  /** indexes of lines to drop from the body */
  drop: Set<number>;
}

const TURN_LABEL =
  /^(?:Q|A|Question|Answer|[A-Z][\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,5}(?:\s*\([^)]{0,120}\))?)\s*:\s+\S/u;
const LABELLED =
  /^(title|transcript|date|dated|subjects?|main topics|topics?|place|location|venue|published|posted|updated|issued|released)\s*:\s*(.*)$/i;

/** "Media Release", "TRANSCRIPTION: PROOF COPY E & OE": a genre label or disclaimer, not a title. */
export function isHeaderLabel(line: string): boolean {
  const d = ingestData();
  const k = line
    .replace(/[\s:.]+$/, '')
    .trim()
    .toLowerCase();
  if (d.labels.has(k)) return true;
  return line.length <= 160 && d.labelRes.some((r) => r.test(line));
}

/** A speaker-turn line ("Question: …?", "Sergey Lavrov: …"), not a header field ("TRANSCRIPTION: PROOF COPY"). */
export function isTurnLine(line: string): boolean {
  // TURN_LABEL needs a capital A–Z first and a colon
  if (!startsWithCapital(line) || !line.includes(':')) return false;
  if (!TURN_LABEL.test(line)) return false;
  const after = line.slice(line.indexOf(':') + 1).trim();
  const alpha = after.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length;
  return alpha >= 5 || /[.?!…"”]$/.test(after);
}

/** A–Z (the [A-Z] that the line patterns below start with). */
function startsWithCapital(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** s.split(/\s+/).filter(Boolean).length, counted up to max, without the array. */
function words(s: string, max: number): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n < max; i++) {
    const space = isJsSpace(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** [.!?] */
function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

/** A paragraph of running text (not a heading, stamp or label). */
export function isProse(line: string): boolean {
  if (line.length > 320) return true;
  const n = line.length;
  const last = line.charCodeAt(n - 1);
  // /\d{4}\.$/: "… on Monday, 04 September 2017."
  if (
    last === 46 &&
    isDigitAt(line, n - 2) &&
    isDigitAt(line, n - 3) &&
    isDigitAt(line, n - 4) &&
    isDigitAt(line, n - 5)
  )
    return false;
  // /[.!?]["”’)]?$/
  const closer = last === 0x22 || last === 0x201d || last === 0x2019 || last === 0x29;
  if (!(isStop(last) || (closer && isStop(line.charCodeAt(n - 2))))) return false;
  return words(line, 14) >= 14;
}

const PLACE_WORD = /^(?:[A-Z][\p{L}'’.-]*|[A-Z]{2,}|D\.C\.|de|la|le|upon|am|on|al|el|es|du|del|do|da|of)$/u;
const NOT_PLACE = new Set(
  'minister ministers ministry secretary ambassador representative spokesperson spokeswoman spokesman envoy chairman chairwoman chair director senator mp hon deputy permanent prime foreign general counsellor councillor adviser advisor attache attaché consul king queen prince his her excellency mr mrs ms dr room hall building house palace centre center hotel embassy president summit conference meeting meetings briefing statement remarks forum session talks commission council committee press media news transcript interview communique communiqué joint release office department government century dialogue assembly debate visit speech address agreement declaration the a an and with for on in by at'.split(
    ' ',
  ),
);

/** "Manila", "Washington, D.C.", "New York", "Nur-Sultan": 1–4 capitalised words, no office words. */
export function plausiblePlace(s: string): boolean {
  const t = s.trim().replace(/[.,;:]+$/, (m) => (/D\.C\.$/.test(s.trim()) ? m : ''));
  if (!t || t.length > 40) return false;
  const ws = t.split(/\s+/);
  if (ws.length > 4) return false;
  if (!/^[A-Z]/.test(t)) return false;
  for (const w of ws) {
    if (!PLACE_WORD.test(w)) return false;
    if (NOT_PLACE.has(w.toLowerCase().replace(/[.,]/g, ''))) return false;
  }
  return true;
}

/** "IGORA" → "Igora", "NEW YORK" → "New York", "Manila" unchanged. */
export function placeCase(s: string): string {
  const t = s.trim().replace(/[.,;:]+$/, '');
  if (t !== t.toUpperCase() || !/[A-Z]/.test(t)) return t;
  return t.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

// "MOSCOW, April 12. /TASS/.", "IGORA /Leningrad Region/, December 26. /TASS/.",
// "UNITED NATIONS, Sept 5 (Reuters) -", "Moscow, 12 April 2017 (AFP) –", "WASHINGTON (AP) —",
// "GENEVA, Friday, January 21 (AP) —" (a weekday may come before the date)
const DATELINE = new RegExp(
  "^(?<city>[A-Z][\\p{L}.'’-]*(?:[ -][A-Z][\\p{L}.'’-]*){0,3})(?:\\s*/(?<region>[^/]{1,40})/)?" +
    '(?:\\s*,\\s*(?<date>(?:' +
    WEEKDAY_RE +
    ',?\\s+)?(?:(?:' +
    MONTH_RE +
    ')\\.?\\s+\\d{1,2}|\\d{1,2}\\s+(?:' +
    MONTH_RE +
    ')\\.?)(?:,?\\s+\\d{4})?))?' +
    '\\s*\\.?\\s*(?:/(?<tag1>[A-Za-z][\\w .-]{0,30})/\\.?|\\((?<tag2>[A-Za-z][\\w .-]{0,30})\\)\\s*[-–—:]?)',
  'u',
);
// a plain "CITY, Month D." dateline without agency tag: the city must be in capitals
const DATELINE_PLAIN = new RegExp(
  "^(?<city>[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3})(?:\\s*/(?<region>[^/]{1,40})/)?\\s*,\\s*(?<date>(?:" +
    WEEKDAY_RE +
    ',?\\s+)?(?:(?:' +
    MONTH_RE +
    ')\\.?\\s+\\d{1,2}|\\d{1,2}\\s+(?:' +
    MONTH_RE +
    ')\\.?)(?:,?\\s+\\d{4})?)\\s*[.:–—-]\\s',
  'u',
);

export function parseDateline(
  line: string,
): { place: string | null; date: FoundDate | null; tag: string | null; length: number } | null {
  // both patterns start with a capital A–Z; DATELINE needs an agency tag in /…/ or (…), DATELINE_PLAIN a comma
  if (!startsWithCapital(line)) return null;
  const m =
    (line.includes('/') || line.includes('(') ? DATELINE.exec(line) : null) ??
    (line.includes(',') ? DATELINE_PLAIN.exec(line) : null);
  if (!m?.groups) return null;
  const g = m.groups;
  let tag = (g.tag1 ?? g.tag2 ?? '').trim() || null;
  if (!tag) {
    // "MOSCOW, February 9 - RIA Novosti. …": a known agency name right after the dash
    const rest = line.slice(m[0].length);
    tag =
      ingestData().outlets.find(
        (r) => r.signal === 'tag' && rest.startsWith(r.pattern) && /^(?:[.,]|\s|$)/.test(rest.slice(r.pattern.length)),
      )?.pattern ?? null;
  }
  if (!g.date && !tag) return null;
  // an agency tag must look like one: short, capitalised
  if (tag && !/^[A-Z]/.test(tag)) return null;
  const date = g.date ? (findDates(g.date)[0] ?? null) : null;
  if (g.date && !date) return null;
  const city = g.city!;
  if (NOT_PLACE.has(city.toLowerCase())) return null;
  return { place: placeCase(city), date, tag, length: m[0].length };
}

function stripDate(line: string, f: FoundDate): string {
  return (line.slice(0, f.index) + ' ' + line.slice(f.index + f.length)).trim();
}

const STAMP_FILLER =
  /^(?:(?:date|dated|published|posted|updated|issued|released|last updated|as of)\s*:?|[A-Z]{1,5}\d{1,5}|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?|[A-Z]{2,4}T|GMT|UTC|MSK|at|on|[|,.;:–—\-/()\s])+$/i;

/** A line that is only a date (with time, weekday, "DATE:", a reference code…). */
export function stampLine(line: string): FoundDate | null {
  return stampLineOf(line, null);
}

/**
 * stampLine and placeDateLine, given findDates(line) when the caller has it (null: not computed).
 * Both read the line's dates only: analyseHeader finds them once for both tests.
 */
function stampLineOf(line: string, dates: FoundDate[] | null): FoundDate | null {
  if (line.length > 60) return null;
  const ds = dates ?? findDates(line);
  if (ds.length !== 1) return null;
  const rest = stripDate(line, ds[0]!);
  if (!rest || STAMP_FILLER.test(rest)) return ds[0]!;
  return null;
}

/** A line "Place, date" / "PLACE  DATE" / "Place: date" (sign-offs, Australian-style headers). */
export function placeDateLine(line: string): { place: string; date: FoundDate } | null {
  return placeDateLineOf(line, null);
}

function placeDateLineOf(line: string, dates: FoundDate[] | null): { place: string; date: FoundDate } | null {
  if (line.length > 80) return null;
  const ds = dates ?? findDates(line);
  if (ds.length !== 1) return null;
  const d = ds[0]!;
  const before = line.slice(0, d.index).replace(/[\s,:;–—-]+$/, '');
  const after = line.slice(d.index + d.length).replace(/^[\s.,]+|[\s.,]+$/g, '');
  if (!before && after) return datePlaceOf(after, d);
  if (after || !before) return null;
  if (!plausiblePlace(before)) return null;
  return { place: placeCase(before), date: d };
}

/**
 * The place after a date and time in a line that opens with them, named with its setting:
 * "March 3, 2021 14:00 The Kremlin, Moscow", "3 March 2021 / Novo-Ogaryovo, Moscow Region".
 * Two or three comma-separated parts, each place-like; the city is the last part, or the first
 * when the last is a region.
 */
function datePlaceOf(after: string, d: FoundDate): { place: string; date: FoundDate } | null {
  const rest = after.replace(/^[\s/|,–—-]*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?[\s/|,–—-]*/i, '');
  const parts = rest.split(/\s*,\s*/).map((x) => x.replace(/^The\s+/, ''));
  if (parts.length < 2 || parts.length > 3 || !parts.every((x) => plausiblePlace(x))) return null;
  const last = parts[parts.length - 1]!;
  return { place: placeCase(/\b(?:Region|Oblast|Province|Krai)$/.test(last) ? parts[0]! : last), date: d };
}

/** Date (and place) at the end of a title: "…, Manila, August 6, 2017", "… on July 4, 2018", "…: Jakarta: 15 July 2010". */
export function titleTail(title: string): { date: FoundDate | null; place: string | null } {
  const t = title.replace(/[\s.]+$/, '');
  const ds = findDates(t);
  const last = ds[ds.length - 1];
  if (!last || last.index + last.length < t.length - 1) {
    // a date inside the title is an event's date, not the publication's
    return { date: null, place: null };
  }
  const before = t.slice(0, last.index).trimEnd();
  // "…, Manila, August 6, 2017", "… on July 4, 2018", "… – April 8, 2022"; not "… in January 2025"
  if (last.day === null || !/(?:[,:;–—(-]|\bon|\bof|\bdated|\d{4})$/i.test(before)) return { date: null, place: null };
  let place: string | null = null;
  const m = /(?:^|[,:])\s*([^,:]+?)\s*[,:]$/.exec(before);
  if (m) {
    const cand = m[1]!.trim();
    if (plausiblePlace(cand)) place = placeCase(cand);
  }
  return { date: last, place };
}

/** A header line naming only a place: "Suva, Fiji", "Washington, D.C.", "BALI", "Queenstown, NZ". */
export function placeLine(line: string): string | null {
  if (line.length > 40) return null;
  const parts = line.split(/\s*,\s*/);
  if (parts.length === 2) {
    const [a, b] = parts as [string, string];
    if (plausiblePlace(a) && (plausiblePlace(b) || /^[A-Z]{2,3}$|^D\.C\.$/.test(b))) return placeCase(a);
    // "The Kremlin, Moscow", "Novo-Ogaryovo, Moscow Region": a building or estate, then the place
    if (/^(?:The\s+)?[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)?$/u.test(a) && plausiblePlace(b)) return placeCase(b);
  }
  if (parts.length === 1 && /^[A-Z][A-Z' -]+$/.test(line) && line.split(/\s+/).length <= 3 && plausiblePlace(line))
    return placeCase(line);
  return null;
}

function addHeaderLine(info: HeaderInfo, line: string, i: number): void {
  info.headerLines.push(line);
  info.headerIdx.push(i);
}

/** Openings of a speech, never a title: "Ladies and gentlemen", "Good afternoon", "Mr President". */
const SALUTATION =
  /^(?:ladies and gentlemen|dear (?:colleagues|friends|ladies)|good (?:morning|afternoon|evening)|(?:distinguished |dear )?colleagues|friends|thank you|excellenc(?:y|ies)|mr\.? (?:president|chairman|secretary-general|speaker)|madam (?:president|chair))\b/i;

/**
 * Whether a header line can be the title. analyseHeader asks only about lines that are not
 * prose, turn lines or datelines (isProse, isTurnLine and parseDateline said no): the checks
 * for those are not repeated here.
 */
function isTitleLike(line: string): boolean {
  if (SALUTATION.test(line)) return false;
  if (line.length > 300) return false;
  if (/[,;:]$/.test(line)) return false;
  if (!/\p{L}/u.test(line)) return false;
  return true;
}

/**
 * Analyses normalised, chrome-free lines (blank lines separate paragraphs). Reads at most
 * the first 12 content lines for the header and the last 4 for a sign-off.
 */
export function analyseHeader(lines: string[]): HeaderInfo {
  const info: HeaderInfo = {
    title: null,
    stamp: null,
    labelled: null,
    titleDate: null,
    dateline: null,
    titlePlace: null,
    labelledPlace: null,
    signoff: null,
    headerLines: [],
    headerIdx: [],
    drop: new Set(),
  };
  const content: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]) content.push(i);

  let labelledTitle: { idx: number; text: string } | null = null;
  let firstTitleIdx: number | null = null;
  let seen = 0;
  // content lines parseDateline has read (and found no dateline in) so far
  let noDateline = 0;
  for (const i of content) {
    if (seen++ >= 12) break;
    const line = lines[i]!;
    // the dateline opens the body
    const dl = parseDateline(line);
    noDateline++;
    if (dl) {
      info.dateline = { place: dl.place, date: dl.date, tag: dl.tag, line: i };
      break;
    }
    const lab = LABELLED.exec(line);
    if (lab) {
      const field = lab[1]!.toLowerCase();
      const value = lab[2]!.trim();
      if ((field === 'title' || field === 'transcript') && value) {
        // "TITLE:   Joint Press Conference with …   LUXEMBOURG": a capitalised place set off by spaces
        const parts = value.split(/\s{2,}/);
        const tail = parts.length > 1 ? parts[parts.length - 1]! : null;
        const placeTail = tail !== null && tail === tail.toUpperCase() && plausiblePlace(tail);
        if (placeTail) info.labelledPlace ??= placeCase(tail);
        labelledTitle = {
          idx: i,
          text: (placeTail ? parts.slice(0, -1).join(' ') : value).replace(/\s+/g, ' ').trim(),
        };
        info.drop.add(i);
        continue;
      }
      if (['date', 'dated', 'published', 'posted', 'issued', 'released', 'updated'].includes(field)) {
        const d = findDates(value)[0];
        if (d) {
          if (field !== 'updated') info.labelled ??= d;
          info.drop.add(i);
          continue;
        }
      }
      if ((field === 'place' || field === 'location' || field === 'venue') && plausiblePlace(value)) {
        info.labelledPlace ??= placeCase(value);
        info.drop.add(i);
        continue;
      }
      addHeaderLine(info, line, i);
      continue;
    }
    // the line's dates, for stampLineOf (lines up to 60 characters) and again placeDateLineOf
    const dates = line.length <= 60 ? findDates(line) : null;
    const st = stampLineOf(line, dates);
    if (st) {
      if (!info.stamp || (info.stamp.year === null && st.year !== null)) info.stamp = st;
      info.drop.add(i);
      continue;
    }
    // "2:02 p.m. EDT" under a date stamp: the stamp's time
    const tl = info.stamp && !info.stamp.time && info.stamp.day !== null ? timeLine(line) : null;
    if (tl) {
      info.stamp = { ...info.stamp!, time: tl.time, offset: tl.offset };
      info.drop.add(i);
      continue;
    }
    if (isProse(line) || isTurnLine(line)) break;
    if (isHeaderLabel(line)) {
      addHeaderLine(info, line, i);
      info.drop.add(i);
      continue;
    }
    const pd = placeDateLineOf(line, dates);
    if (pd) {
      info.labelledPlace ??= pd.place;
      info.labelled ??= pd.date;
      info.drop.add(i);
      continue;
    }
    if (firstTitleIdx === null && isTitleLike(line)) {
      firstTitleIdx = i;
      continue;
    }
    addHeaderLine(info, line, i);
    const pl = placeLine(line);
    if (pl) info.labelledPlace ??= pl;
  }
  // the dateline may follow a standfirst: look a little further
  if (!info.dateline) {
    for (const i of content.slice(noDateline, 6)) {
      const dl = parseDateline(lines[i]!);
      if (dl) {
        info.dateline = { place: dl.place, date: dl.date, tag: dl.tag, line: i };
        break;
      }
    }
  }
  const titleIdx = labelledTitle ? null : firstTitleIdx;
  if (labelledTitle) info.title = labelledTitle.text;
  else if (titleIdx !== null && (info.dateline === null || titleIdx < info.dateline.line)) {
    info.title = lines[titleIdx]!;
    // keep the body non-empty: a one-line document keeps its line
    if (content.some((i) => i !== titleIdx && !info.drop.has(i))) info.drop.add(titleIdx);
  }
  if (info.title) {
    const tt = titleTail(info.title);
    info.titleDate = tt.date;
    info.titlePlace = tt.place;
  }
  // sign-off: "Stockholm, 20 October 2015.", "CANBERRA  10 APRIL 2012", "Jakarta 13 August" + "13 August 2001"
  const tail = content.slice(-4).reverse();
  let signPlace: string | null = null;
  let signDate: FoundDate | null = null;
  for (const i of tail) {
    if (info.drop.has(i)) continue;
    const l = lines[i]!;
    const dates = l.length <= 80 ? findDates(l) : null;
    const pd = placeDateLineOf(l, dates);
    if (pd) {
      signPlace ??= pd.place;
      if (!signDate || (signDate.year === null && pd.date.year !== null)) signDate = pd.date;
      continue;
    }
    const st = stampLineOf(l, dates);
    if (st && (!signDate || (signDate.year === null && st.year !== null))) signDate = st;
  }
  if (signPlace || signDate) info.signoff = { place: signPlace, date: signDate };
  return info;
}

export { isoOf };
