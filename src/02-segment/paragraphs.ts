/**
 * Paragraphs: every non-blank line is a paragraph (ingested web text carries one paragraph
 * per line), trimmed. Lines broken inside a sentence (hard-wrapped or PDF-extracted text)
 * are joined back: a line that does not end a sentence joins the next when the next starts
 * in lower case; when a document shows that pattern several times, it is hard-wrapped and a
 * long unfinished line also joins a capitalised next line (never a speaker label or dateline).
 */
import type { Paragraph, Span } from '../00-model/doc.js';
import { isJsSpace } from '../00-model/chars.js';

/** characters after which a line may end a paragraph: . ! ? : ; " ” ’ ' » ) ] … */
function isFinal(c: number): boolean {
  return (
    c === 46 ||
    c === 33 ||
    c === 63 ||
    c === 58 ||
    c === 59 ||
    c === 34 ||
    c === 0x201d ||
    c === 0x2019 ||
    c === 39 ||
    c === 0xbb ||
    c === 41 ||
    c === 93 ||
    c === 0x2026
  );
}
const LOWER = /[\p{Ll}]/u;
/** `^[\p{Ll}]` tested on the code unit at offset i (as before: a lone surrogate never matches) */
function lowerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER.test(text[i]);
}
/** closed class: a line ending in one of these words cannot end a paragraph */
const DANGLING =
  /(?:^|\s)(?:a|an|the|of|in|on|at|to|for|from|by|with|and|or|but|that|as|into|than|whose|which|its|their|our|his|her|is|are|was|were)$/i;

/** Splits the text into trimmed non-blank lines. */
export function lines(text: string): Span[] {
  const out: Span[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = n;
    let s = i;
    let e = j;
    while (s < e && isJsSpace(text.charCodeAt(s))) s++;
    while (e > s && isJsSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
    i = j + 1;
  }
  return out;
}

export interface ParagraphOptions {
  /** returns true when a line starts with a speaker label or a dateline (never joined to the previous) */
  startsBlock?: (start: number, end: number) => boolean;
}

export function paragraphs(text: string, opts: ParagraphOptions = {}): Paragraph[] {
  const ls = lines(text);
  const startsBlock = opts.startsBlock ?? (() => false);
  const unfinished = (l: Span) => l.end <= l.start || !isFinal(text.charCodeAt(l.end - 1));
  // evidence of hard wrapping: unfinished lines followed by a lower-case line
  let wraps = 0;
  for (let k = 0; k + 1 < ls.length; k++) {
    if (unfinished(ls[k]) && lowerAt(text, ls[k + 1].start)) wraps++;
  }
  const wrapped = wraps >= 3;
  const out: Paragraph[] = [];
  let cur: Span | null = null;
  for (const l of ls) {
    if (cur) {
      const join =
        unfinished(cur) &&
        !startsBlock(l.start, l.end) &&
        (lowerAt(text, l.start) ||
          DANGLING.test(text.slice(Math.max(cur.start, cur.end - 8), cur.end)) ||
          (wrapped && cur.end - lastLineStart(text, cur) >= 60));
      if (join) {
        cur = { start: cur.start, end: l.end };
        continue;
      }
      out.push({ start: cur.start, end: cur.end, index: out.length });
    }
    cur = { start: l.start, end: l.end };
  }
  if (cur) out.push({ start: cur.start, end: cur.end, index: out.length });
  return out;
}

function lastLineStart(text: string, span: Span): number {
  const nl = text.lastIndexOf('\n', span.end - 1);
  return nl < span.start ? span.start : nl + 1;
}
