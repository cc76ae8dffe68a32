/**
 * Person-name helpers for segmentation: the speaker a document title names
 * ("Foreign Minister Sergey Lavrov's remarks…", "Remarks by Secretary Antony J. Blinken…",
 * "… said in an interview"), display forms of speaker labels ("SECRETARY BLINKEN" → "Blinken"),
 * and expansion of a bare surname to a full name found in the title or header lines.
 */
import type { SegmentLexicon } from './lexicon.js';
import { isJsSpace } from '../00-model/chars.js';

/** closed class: function words that end a name run in title-case headlines */
const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'at',
  'before',
  'after',
  'on',
  'in',
  'with',
  'to',
  'for',
  'and',
  'of',
  'during',
  'following',
  'from',
  'by',
  'via',
  'upon',
  'about',
  'over',
  'into',
  'amid',
  'ahead',
  'between',
  'as',
  'or',
  'vs',
  '&',
  'his',
  'her',
  'their',
  'our',
  'its',
  'who',
  'that',
  'says',
  'said',
  'tells',
  'told',
]);
/** closed class: name particles allowed inside a name */
export const PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'di',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'du',
  'bin',
  'ibn',
  'al',
  'el',
  'y',
]);

const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}'’.\-]*|\S/gu;
const POSSESSIVE = /['’]s$/;
const CAP_RE = /^\p{Lu}/u;
const INITIAL_RE = /^\p{Lu}\.$/u;
const HAS_LOWER = /\p{Ll}/u;
const TWO_UPPER = /\p{Lu}{2}/u;

export function words(s: string): string[] {
  return s.match(WORD_RE) ?? [];
}

/** a lower-cased word without its final period */
function withoutDot(lower: string): string {
  return lower.charCodeAt(lower.length - 1) === 46 ? lower.slice(0, -1) : lower;
}

export function isTitleWord(w: string, lex: SegmentLexicon): boolean {
  return lex.titleWords.has(withoutDot(w.toLowerCase()));
}

function isNameWord(w: string, lex: SegmentLexicon): boolean {
  if (INITIAL_RE.test(w)) return true;
  if (!CAP_RE.test(w)) return false;
  const lower = w.toLowerCase();
  if (FUNCTION_WORDS.has(lower)) return false;
  if (lex.titleWords.has(withoutDot(lower))) return false; // a title word
  return HAS_LOWER.test(w) || w.length > 1;
}

/** Collects name words forward from index i (after skipping title words if `skip`). */
/**
 * `office`: 0 = any name; 1 = a single-word name needs an office word before it;
 * 2 = an office word must precede the name.
 */
function nameForward(ws: string[], i: number, lex: SegmentLexicon, office: 0 | 1 | 2): string | null {
  let k = i;
  let offices = 0;
  while (k < ws.length && (isTitleWord(ws[k], lex) || ws[k] === ',') && !isNameWord(ws[k], lex)) {
    if (ws[k] !== ',' && !FUNCTION_WORDS.has(ws[k].toLowerCase())) offices++;
    k++;
  }
  const got: string[] = [];
  for (; k < ws.length && got.length < 5; k++) {
    let w = ws[k];
    const poss = POSSESSIVE.test(w);
    if (poss) w = w.slice(0, -2);
    if (
      isNameWord(w, lex) ||
      (got.length > 0 && PARTICLES.has(w.toLowerCase()) && k + 1 < ws.length && CAP_RE.test(ws[k + 1]))
    ) {
      got.push(w);
      if (poss) break;
    } else break;
  }
  while (got.length && PARTICLES.has(got[got.length - 1].toLowerCase())) got.pop();
  // a single word is a name only after an office word ("President Biden"), not after "the"
  if (!got.length || (office > 0 && offices === 0 && (office === 2 || got.length < 2))) return null;
  return got.join(' ');
}

/** true when the word before index i is an office word ("President Biden's …") */
function hasOfficeBefore(ws: string[], i: number, lex: SegmentLexicon): boolean {
  const w = i > 0 ? ws[i - 1] : '';
  return !!w && isTitleWord(w, lex) && !FUNCTION_WORDS.has(w.toLowerCase());
}

/** Collects name words backward ending at index i (inclusive). */
function nameBackward(ws: string[], i: number, lex: SegmentLexicon): string | null {
  const got: string[] = [];
  for (let k = i; k >= 0 && got.length < 5; k--) {
    const w = k === i ? ws[k].replace(POSSESSIVE, '') : ws[k];
    if (isNameWord(w, lex) || (got.length > 0 && PARTICLES.has(w.toLowerCase()) && k > 0 && CAP_RE.test(ws[k - 1])))
      got.unshift(w);
    else break;
  }
  while (got.length && PARTICLES.has(got[0].toLowerCase())) got.shift();
  return got.length ? got.join(' ') : null;
}

const speechCache = new WeakMap<SegmentLexicon, { after: RegExp; by: RegExp }>();
function speechRes(lex: SegmentLexicon) {
  let r = speechCache.get(lex);
  if (!r) {
    const alt = lex.speechNouns
      .slice()
      .sort((a, b) => b.length - a.length)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
      .join('|');
    r = {
      // after a possessive: up to three modifiers, then a speech noun
      after: new RegExp(`^\\s+(?:[\\p{L}\\-]+\\s+){0,3}?(?:${alt})\\b`, 'iu'),
      // "Remarks by …", "Remarks to the Press by …", "Statement at the Security Council by …"
      by: new RegExp(`\\b(?:${alt})(?:\\s+(?:to|at|before|on|in)\\s+[^,;:]{1,60}?)?\\s+(?:by|of|from)\\s+`, 'giu'),
    };
    speechCache.set(lex, r);
  }
  return r;
}

/**
 * The speaker a document title names, or null.
 * `transcript`: also accept a title that simply opens with an office and a name
 * ("Secretary Antony J. Blinken and … Before Their Meeting").
 */
export function titleSpeaker(title: string | null | undefined, lex: SegmentLexicon, transcript = false): string | null {
  return titleSpeakerInfo(title, lex, transcript)?.name ?? null;
}

export interface TitleSpeaker {
  name: string;
  /** which title pattern named the speaker: a speech event (possessive, "by") or an interview/office mention */
  rule: 'possessive' | 'by' | 'interview' | 'office';
}

const SPACES = /\s+/g;
/** a whitespace character other than a space, or two spaces in a row */
const ODD_SPACE = /[^\S ]| {2}/;
/** `s.replace(/\s+/g, ' ')`, sparing the copy when every run of whitespace is one space already */
function collapseSpaces(s: string): string {
  return ODD_SPACE.test(s) ? s.replace(SPACES, ' ') : s;
}

const INTERVIEW = /interview/i;
const SAID_INTERVIEW = /^(.{2,80}?)\s+(?:said|says|told|tells)\b.{0,80}\binterview/iu;

export function titleSpeakerInfo(
  title: string | null | undefined,
  lex: SegmentLexicon,
  transcript = false,
): TitleSpeaker | null {
  if (!title) return null;
  const t = fixCase(collapseSpaces(title).trim());
  const { after, by } = speechRes(lex);
  // 1. "<office> <Name>'s <…> remarks/statement/answers…"
  const possRe = /[\p{L}.]['’]s\b/gu;
  for (let m = possRe.exec(t); m; m = possRe.exec(t)) {
    const endPoss = m.index + m[0].length;
    if (!after.test(t.slice(endPoss))) continue;
    const ws = words(t.slice(0, endPoss));
    const name = nameBackward(ws, ws.length - 1, lex);
    if (name && (name.includes(' ') || hasOfficeBefore(ws, ws.length - 1, lex))) return { name, rule: 'possessive' };
  }
  // 2. "Remarks/Statement/Interview by <office> <Name>"
  by.lastIndex = 0;
  for (let m = by.exec(t); m; m = by.exec(t)) {
    const ws = words(t.slice(m.index + m[0].length));
    const name = nameForward(ws, 0, lex, 1);
    if (name) return { name, rule: 'by' };
  }
  // 3. "<Name> said in an interview…", "<Name> told … in an interview"
  // (the backtracking regex runs only on titles that mention an interview at all; no non-ASCII
  // character case-folds to a letter of "interview", so the ASCII test is a safe pre-check)
  const said = INTERVIEW.test(t) ? SAID_INTERVIEW.exec(t) : null;
  if (said) {
    const ws = words(said[1]);
    const name = nameBackward(ws, ws.length - 1, lex);
    if (name) return { name, rule: 'interview' };
  }
  // 4. transcripts: "<office> <Name> …"
  if (transcript) {
    const ws = words(t);
    const name = nameForward(ws, 0, lex, 2);
    if (name) return { name, rule: 'office' };
  }
  return null;
}

/** "SECRETARY BLINKEN" → "Secretary Blinken"; leaves mixed-case text alone. */
export function fixCase(s: string): string {
  if (HAS_LOWER.test(s) || !TWO_UPPER.test(s)) return s;
  return s.toLowerCase().replace(/(^|[\s\-'’(.])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

/** The name part of a label or titled name: "Foreign Minister Haavisto" → "Haavisto", "Mr Rudd" → "Rudd". */
export function stripTitles(s: string, lex: SegmentLexicon): string {
  const ws = words(fixCase(s)).filter((w) => w !== ',');
  let k = 0;
  while (k < ws.length - 1 && isTitleWord(ws[k], lex) && !isNameWord(ws[k], lex)) k++;
  let e = ws.length;
  while (e > k + 1 && isTitleWord(ws[e - 1], lex) && !isNameWord(ws[e - 1], lex)) e--;
  return ws.slice(k, e).join(' ');
}

/** Name candidates (≥ 2 name words) found in a piece of header text. */
export function nameCandidates(s: string, lex: SegmentLexicon): string[] {
  const ws = words(fixCase(s));
  const out: string[] = [];
  for (let k = 0; k < ws.length; k++) {
    if (!isNameWord(ws[k], lex)) continue;
    const name = nameForward(ws, k, lex, 0);
    if (name) {
      const n = name.split(' ').length;
      if (n >= 2) out.push(name);
      k += n - 1;
    }
  }
  return out;
}

/** The last word of a name, lower-cased ("" when the name ends with whitespace). */
export function surname(name: string): string {
  let k = name.length;
  while (k > 0 && !isJsSpace(name.charCodeAt(k - 1))) k--;
  return name.slice(k).toLowerCase();
}

/** Expands a bare surname to the fullest candidate with the same surname. */
export function expandName(name: string, candidates: string[]): string {
  const sn = surname(name);
  if (!sn) return name;
  let best = name;
  for (const c of candidates) {
    if (surname(c) === sn && c.length > best.length && c.toLowerCase().endsWith(name.toLowerCase())) best = c;
  }
  return best;
}
