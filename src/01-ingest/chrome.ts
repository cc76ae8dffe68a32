/**
 * Text normalisation and page-chrome removal by general rules: language switchers,
 * navigation link lists, share/print bars, whole-line chrome phrases and trailing blocks
 * such as "Additional materials" / "Advanced settings" / "All news".
 */
import { ingestData } from './data.js';

/** \r\n and \r → \n, invisible characters dropped, lines trimmed, runs of blank lines collapsed. */
export function normaliseText(raw: string): string {
  return normaliseLines(raw).join('\n');
}

/** Characters of either replacement below: one scan finds out whether any is needed. */
const SPECIAL = /[\f\v\u2028\u2029\u0085\u200B\u200C\u200D\u2060\uFEFF\u00AD]/;

/** [ \t\u00A0\u3000] */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000;
}

/** normaliseText(raw).split('\n'), without joining and splitting again. */
export function normaliseLines(raw: string): string[] {
  let s = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (SPECIAL.test(s)) {
    if (/[\f\v\u2028\u2029\u0085]/.test(s)) s = s.replace(/[\f\v\u2028\u2029\u0085]/g, '\n');
    if (/[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/.test(s)) s = s.replace(/[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g, '');
  }
  const out: string[] = [];
  let blank = false;
  for (let l of s.split('\n')) {
    if (l.length && (isSpace(l.charCodeAt(0)) || isSpace(l.charCodeAt(l.length - 1))))
      l = l.replace(/^[ \t\u00A0\u3000]+|[ \t\u00A0\u3000]+$/g, '');
    if (!l) {
      blank = true;
      continue;
    }
    // at most one blank line between paragraphs; none at the start or end
    if (blank && out.length) out.push('');
    blank = false;
    out.push(l);
  }
  // what ''.split('\n') gives
  if (out.length === 0) out.push('');
  return out;
}

const BULLETS = /^[•·▪◦●○■□►▸‣*–—-]+\s*/;
const LANG_CODE = /^[a-z]{2,3}(?:[-_](?:[A-Z]{2}|[a-z]{2}))\d*$|^[a-z]{2,3}\d+$/;

/** The first token of the splits below (a line whose first token fails fails as a whole). */
const FIRST_LANG_TOKEN = /[^\s|/·•]+/;
const FIRST_SHARE_TOKEN = /[^\s|/·•,]+/;

/** "• de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1", "English | Français | Русский" */
export function isLanguageSwitcher(line: string): boolean {
  const t = line.replace(BULLETS, '').trim();
  if (!t || t.length > 200) return false;
  // every token must be a language code or name: test the first before splitting the line
  const first = FIRST_LANG_TOKEN.exec(t)?.[0];
  if (first === undefined || (!LANG_CODE.test(first) && !ingestData().languages.has(first.toLowerCase()))) return false;
  const toks = t.split(/[\s|/·•]+/).filter(Boolean);
  if (toks.length === 0) return false;
  const { languages } = ingestData();
  if (toks.every((k) => LANG_CODE.test(k)) && (toks.length >= 2 || /\d$/.test(toks[0]!))) return true;
  return toks.length >= 2 && toks.every((k) => languages.has(k.toLowerCase()) || LANG_CODE.test(k));
}

const NAV_SEPARATOR_CHAR = /[|•·»>]/;

/** "Home | Links | Search | Help | Site Map", "News Room | Government Report Card | …" */
export function isNavList(line: string): boolean {
  if (line.length > 300) return false;
  // no separator, one part
  if (!NAV_SEPARATOR_CHAR.test(line)) return false;
  const parts = line.split(/\s*\|\s*|\s+[•·]\s+|\s+»\s+|\s+>\s+/).filter((p) => p.trim());
  if (parts.length < 3) return false;
  return parts.every(
    (p) => p.length <= 40 && p.split(/\s+/).length <= 6 && !/[.!?;]$/.test(p.trim()) && !/[.!?]\s/.test(p),
  );
}

/** "Share  Print  Email", "Facebook Twitter Telegram VK" */
export function isShareBar(line: string): boolean {
  const t = line.replace(BULLETS, '').trim();
  if (!t || t.length > 120) return false;
  // every token must be a share word or chrome phrase: test the first before splitting the line
  const first = FIRST_SHARE_TOKEN.exec(t)?.[0].toLowerCase();
  if (first === undefined || !(ingestData().social.has(first) || ingestData().chromeLines.has(first))) return false;
  const toks = t
    .split(/[\s|/·•,]+/)
    .filter(Boolean)
    .map((k) => k.toLowerCase());
  const { social, chromeLines } = ingestData();
  if (toks.length < 2) return false;
  return toks.every((k) => social.has(k) || chromeLines.has(k));
}

function key(line: string): string {
  if (line.length > 80) return '';
  return line
    .replace(BULLETS, '')
    .replace(/[\s:.…›»>]+$/, '')
    .trim()
    .toLowerCase();
}

export function isChromePhrase(line: string): boolean {
  return ingestData().chromeLines.has(key(line));
}

export function isTailMarker(line: string): boolean {
  return ingestData().tailMarkers.has(key(line));
}

/** One line that is page chrome wherever it stands. */
export function isChromeLine(line: string): boolean {
  return isChromeLineKeyed(line, null);
}

/** isChromeLine, given key(line) when the caller has it (null: not computed). */
function isChromeLineKeyed(line: string, lineKey: string | null): boolean {
  // paragraphs of running text are never chrome: skip the checks below for them
  if (line.length > 300) return false;
  if (line.length > 120 && !line.includes('|')) return false;
  if (/^[•·▪◦●○■□►▸‣*|_=~-]+$/.test(line)) return true;
  return (
    ingestData().chromeLines.has(lineKey ?? key(line)) ||
    isLanguageSwitcher(line) ||
    isNavList(line) ||
    isShareBar(line) ||
    (line.length <= 220 && ingestData().lineRes.some((r) => r.test(line)))
  );
}

/** A line that could be part of a trailing chrome block: short, not prose. */
function isShortLine(line: string): boolean {
  if (line.length > 100) return false;
  const words = line.split(/\s+/).length;
  return !(words >= 10 && /[.!?]["”’)]?$/.test(line));
}

export interface ChromeResult {
  lines: string[];
  /** a language-switcher line was seen (a signal of the outlet) */
  langSwitch: boolean;
  /** number of lines removed */
  removed: number;
}

/**
 * Removes chrome from normalised lines (blank lines kept as paragraph separators).
 * A trailing block starts at a marker line ("Additional materials") when every
 * line after it is short; it is cut with everything that follows.
 */
export function removeChrome(input: string[]): ChromeResult {
  let langSwitch = false;
  let removed = 0;
  let lines = input;
  // trailing block: the earliest marker after which only short lines follow
  let cut = -1;
  let contentBefore = 0;
  const prefix: number[] = [];
  for (const l of lines) {
    prefix.push(contentBefore);
    contentBefore += l.length;
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (!l) continue;
    if (isTailMarker(l) && prefix[i]! >= 200) cut = i;
    if (!isShortLine(l)) break;
  }
  if (cut >= 0) {
    removed += lines.slice(cut).filter(Boolean).length;
    lines = lines.slice(0, cut);
  }
  const out: string[] = [];
  const { leadins } = ingestData();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const k = l ? key(l) : '';
    // "Read also" + one linked headline
    if (l && leadins.has(k)) {
      let j = i + 1;
      while (j < lines.length && !lines[j]) j++;
      const next = lines[j];
      removed++;
      if (next !== undefined && next.length <= 160 && !/[.!?:;,]["”’)]?$/.test(next)) {
        removed++;
        i = j;
      }
      continue;
    }
    if (l && isChromeLineKeyed(l, k)) {
      if (isLanguageSwitcher(l)) langSwitch = true;
      removed++;
      continue;
    }
    out.push(l);
  }
  // tidy blank lines left behind
  const tidy: string[] = [];
  for (const l of out) {
    if (!l && (tidy.length === 0 || tidy[tidy.length - 1] === '')) continue;
    tidy.push(l);
  }
  while (tidy.length && tidy[tidy.length - 1] === '') tidy.pop();
  return { lines: tidy, langSwitch, removed };
}
