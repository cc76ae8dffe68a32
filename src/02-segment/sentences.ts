/**
 * Sentence boundaries over wink-nlp tokens, within one segment (a paragraph, or the body of
 * a labelled paragraph). A news dateline at the start of a segment ("MOSCOW, April 12. /TASS/.",
 * "WASHINGTON, Aug 5 (Reuters) -") is split off first as its own sentence.
 *
 * A period ends a sentence unless the word before it is an abbreviation that the next word
 * shows to be inside the sentence: titles ("Mr.", "St.") before a capitalised word, number
 * abbreviations ("No.", "Art.", "Jan.") before a number, initials ("J. R. Smith"), and
 * dotted forms ("U.S.", "p.m.", "U.N.") unless the next word is a typical sentence opener
 * (determiner, pronoun, adverb, conjunction… by its POS tag).
 */
import type { Span } from '../00-model/doc.js';
import type { SegmentLexicon } from './lexicon.js';
import type { Token } from '../00-model/doc.js';
import { isJsSpace } from '../00-model/chars.js';

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = `(?:${MONTH} \\d{1,2}(?:, ?\\d{4})?|\\d{1,2} ${MONTH}(?:,? \\d{4})?)`;
const CAPS_WORD = "[A-Z][A-Z'’.\\-]*[A-Z.]";
const CAPS_PLACE = `${CAPS_WORD}(?:[ \\-]${CAPS_WORD}){0,3}`;
const TITLE_PLACE = '[A-Z][a-z]+(?:[ \\-][A-Z][a-z]+){0,2}';
const REGION = `(?:, (?!${MONTH}\\b)[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}| /[A-Z][A-Za-z .\\-]{1,40}/)`;
const SOURCE = "(?:/[A-Za-z][A-Za-z\\-]*/\\.?|\\([A-Z][A-Za-z&.'\\- ]{1,30}\\))";
const DASH = '(?:--|[-–—])';

/** sticky: run with lastIndex set to a segment start */
const DATELINE = new RegExp(
  `(?:(?<caps>${CAPS_PLACE})|(?<title>${TITLE_PLACE}))${REGION}?(?:,? (?<date>${DATE}))?(?<dot>[.,])?(?: ?(?<src>${SOURCE}))?(?: ?(?<dash>${DASH}))?(?=\\s|$)`,
  'y',
);

/** Returns the end offset of a dateline starting exactly at `start`, or -1. */
export function datelineEnd(text: string, start: number, end: number): number {
  const c = text.charCodeAt(start);
  if (c < 65 || c > 90) return -1; // A-Z
  if (!mayHaveDateOrSource(text, start, end)) return -1;
  DATELINE.lastIndex = start;
  const m = DATELINE.exec(text);
  if (!m || m.index + m[0].length > end) return -1;
  const g = m.groups ?? {};
  const ok = g.caps
    ? (g.date || g.src) && (g.src || g.dash || (g.date && g.dot === '.'))
    : (g.src && (g.date || g.dash)) || (g.date && g.dash);
  if (!ok) return -1;
  const stop = m.index + m[0].length;
  // nothing but the dateline, or followed by more text: both fine; not followed by lower case
  let k = stop;
  while (k < end && isJsSpace(text.charCodeAt(k))) k++;
  if (k < end && isLowerUnit(text.charCodeAt(k))) return -1;
  return stop;
}

/**
 * false when no dateline that datelineEnd accepts can start at `start`: each has a date (with a
 * digit) or a source ("/TASS/", "(Reuters)"), and all before it (the place, a region, the month of
 * the date) is ASCII letters, spaces and . , - ' ’; so the first other character, before `end`,
 * must be a digit, "/" or "(" (the exec and its match object are then spared for prose)
 */
function mayHaveDateOrSource(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) continue;
    if (c === 32 || c === 44 || c === 46 || c === 45 || c === 39 || c === 0x2019) continue;
    return (c >= 48 && c <= 57) || c === 47 || c === 40;
  }
  return false;
}

const LOWER = /[\p{Ll}]/u;
/** `/[\p{Ll}]/u` on one code unit (a lone surrogate never matches): ASCII by char code */
function isLowerUnit(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER.test(String.fromCharCode(c));
}

const TERMINAL = new Set(['.', '!', '?', '…', '...', '?!', '!?', '..', '....']);
const CLOSERS = new Set([')', ']', '”', '’', '"', "'", '»', '}']);
const QUOTES = new Set(['"', '“', '‘', '«']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '—', '–', '-']);
/** POS tags of words that typically open a sentence; after "U.S." or "p.m." they mark a boundary */
const OPENER_POS = new Set(['DET', 'PRON', 'ADV', 'SCONJ', 'CCONJ', 'AUX', 'INTJ', 'ADP', 'PART']);
const LETTERS = /^[\p{L}][\p{L}.'’\-]*$/u;

function startsLower(v: string): boolean {
  const c = v[0];
  if (c === undefined) return false;
  return c !== c.toUpperCase() && c === c.toLowerCase();
}
function startsUpperLetter(v: string): boolean {
  const c = v[0];
  if (c === undefined) return false;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
const LOWER_WORD_OR_NUMBER = /^(?:\p{Ll}[\p{L}'’-]+|\d+)$/u;
/** a stop glued to the next word ends a sentence only after a lower-case word or a number ("agreed.The", "2017.The") */
function gluedEnd(vals: string[], i: number): boolean {
  if (vals[i] !== '.' || i === 0) return false;
  const p = vals[i - 1];
  return LOWER_WORD_OR_NUMBER.test(p) || CLOSERS.has(p);
}
/** `/^\d/` (ASCII digits) */
function startsDigit(v: string): boolean {
  const c = v.charCodeAt(0);
  return c >= 48 && c <= 57;
}
function startsUpperOrDigit(v: string): boolean {
  const c = v[0];
  if (c === undefined) return false;
  return (c >= '0' && c <= '9') || (c !== c.toLowerCase() && c === c.toUpperCase());
}

/**
 * Splits tokens [from, to) of one segment into sentences. Returns spans (first token start,
 * last token end).
 */
export function splitSentences(
  text: string,
  toks: Token[],
  vals: string[],
  from: number,
  to: number,
  lex: SegmentLexicon,
  out: Span[],
): void {
  let sStart = from;
  let i = from;
  while (i < to) {
    const v = vals[i];
    // every terminal starts with . ! ? or …: test the first char before the set
    const c0 = v.charCodeAt(0);
    const isTerm = (c0 === 46 || c0 === 33 || c0 === 63 || c0 === 0x2026) && TERMINAL.has(v);
    const endsDot = !isTerm && v.length > 1 && v.charCodeAt(v.length - 1) === 46 && LETTERS.test(v);
    if (!isTerm && !endsDot) {
      i++;
      continue;
    }
    // absorb adjacent terminals and closing quotes/brackets
    let j = i + 1;
    while (j < to && toks[j].start === toks[j - 1].end && (CLOSERS.has(vals[j]) || TERMINAL.has(vals[j]))) j++;
    if (j >= to) break;
    if (isBoundary(toks, vals, i, j, lex)) {
      out.push({ start: toks[sStart].start, end: toks[j - 1].end });
      sStart = j;
    }
    i = j;
  }
  if (sStart < to) out.push({ start: toks[sStart].start, end: toks[to - 1].end });
}

function isBoundary(toks: Token[], vals: string[], i: number, j: number, lex: SegmentLexicon): boolean {
  const t = toks[i];
  const next = toks[j];
  const nv = vals[j];
  // no space after the stop: "A/70/PV.13", "U.S.-led" are not boundaries; "agreed.The" is
  if (next.start === toks[j - 1].end && !(startsUpperLetter(nv) && gluedEnd(vals, i))) return false;
  if (startsLower(nv)) return false;
  if (!startsUpperOrDigit(nv) && !OPENERS.has(nv)) return false;
  const v = vals[i];
  if (v === '!' || v === '?' || v === '?!' || v === '!?') return true;
  if (v === '…' || v === '...' || v === '..' || v === '....') return !startsDigit(nv);
  // the word carrying the period
  let word: string | null = null;
  let wordTok: Token | null = null;
  if (v === '.') {
    const p = i > 0 ? toks[i - 1] : null;
    if (p && p.end === t.start && LETTERS.test(vals[i - 1])) {
      word = vals[i - 1];
      wordTok = p;
    }
  } else {
    word = v.slice(0, -1);
    wordTok = t;
  }
  if (word === null || wordTok === null) return true;
  const lw = word.toLowerCase();
  const kind = lex.abbrev.get(lw);
  const nextNum = startsDigit(nv);
  // a quotation mark may open a sentence after "U.S."; a bracket ("10 a.m. (Moscow time)") does not
  const opener = OPENER_POS.has(next.pos) || QUOTES.has(nv);
  if (kind === 'number' && nextNum) return false;
  if (kind === 'title') return false;
  const initial = word.length === 1 && word !== lw;
  if (initial) return opener;
  const dotted = word.includes('.');
  if (dotted || kind === 'generic' || kind === 'number') return opener;
  return true;
}
