/**
 * Topic taxonomy and lexicons (data/topics/topics.tsv), plus the pattern lexicons of the
 * extraction stages for meetings, agreements and quotes (data/patterns/{meetings,agreements,quotes}.tsv).
 * Everything here is data; the code only compiles it into matchers.
 */
import path from 'node:path';
import { readTsv } from './tsv.js';
import { isJsSpace } from '../00-model/chars.js';

export interface TopicDef {
  id: string;
  label: string;
  terms: string[];
}

export interface MeetingPattern {
  re: RegExp;
  kind: 'noun' | 'verb' | 'visit' | 'forum' | 'discuss' | 'receive' | 'planned' | 'past' | 'veto';
  format: string | null;
  source: string;
}

export interface AgreementPattern {
  re: RegExp;
  status: 'reached' | 'signed' | 'planned' | 'proposed' | 'referenced';
  kind: 'active' | 'passive' | 'that' | 'noun' | 'statement' | 'setup' | 'effective' | 'deadline';
  source: string;
}

export interface TopicKB {
  topics: TopicDef[];
  /** term (lower-cased unless case-sensitive) -> topic id */
  termTopic: Map<string, string>;
  /** global matchers: case-insensitive terms, case-sensitive short acronyms */
  matchers: RegExp[];
  meetingPatterns: MeetingPattern[];
  agreementPatterns: AgreementPattern[];
  /** reporting verbs (lower-case), longest first */
  reportingVerbs: string[];
}

export { readTsv };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function termSource(term: string): string {
  const star = term.endsWith('*');
  const base = star ? term.slice(0, -1) : term;
  // apostrophes and hyphens/spaces: tolerate typographic variants
  let src = escapeRe(base).replace(/['’]/g, "['’]").replace(/ /g, '\\s+');
  if (star) src += '[A-Za-z0-9\\u00C0-\\u024F-]*';
  return src;
}

const isCaseSensitive = (t: string) => /^[A-Z0-9+]{2,5}$/.test(t.replace(/\*$/, ''));

function buildMatcher(terms: string[], flags: string): RegExp | null {
  if (!terms.length) return null;
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  const body = sorted.map(termSource).join('|');
  const re = new RegExp(`(?<![A-Za-z0-9\\u00C0-\\u024F])(?:${body})(?![A-Za-z0-9\\u00C0-\\u024F])`, flags);
  // case-sensitive matchers (capitalised acronyms) are fast as they are: scan only the others
  const keys = flags.includes('i') ? termKeys(terms) : null;
  if (keys) scans.set(re, { sticky: new RegExp(re.source, flags.replace('g', '') + 'y'), keys });
  return re;
}

/*
 * Term matching without running the big alternation at every position of the text.
 * A match starts at a word start (the lookbehind) and its first three characters, normalised
 * (ASCII lower case, ’ as ', a run of spaces as one space: what `termSource` lets a term match),
 * are the normalised first three characters of some term. Only word starts whose key is one of
 * the terms' keys are tried, with a sticky copy of the matcher, in text order: the same matches
 * as `exec` with the global matcher, several times faster.
 */
interface TermScan {
  sticky: RegExp;
  /** keys of the terms' first three normalised characters (see `keyAt`) */
  keys: Set<number>;
}
const scans = new WeakMap<RegExp, TermScan>();

/** Keys of the terms' first three normalised characters, or null when a term does not suit the scan. */
function termKeys(terms: string[]): Set<number> | null {
  const keys = new Set<number>();
  for (const t of terms) {
    const base = (t.endsWith('*') ? t.slice(0, -1) : t).replace(/ +/g, ' ');
    // first char alphanumeric (a word start), ASCII throughout, at least three characters
    if (!/^[A-Za-z0-9][A-Za-z0-9 '’+.\-]{2,}$/.test(base)) return null;
    const k = keyAt(base, 0);
    if (k < 0) return null;
    keys.add(k);
  }
  return keys;
}

/** the lookbehind's and lookahead's word characters: A-Z a-z 0-9 U+00C0–U+024F */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);
}

/**
 * The first three normalised characters at `p` as a number (7 bits each), or -1 when there are
 * fewer than three or one is a non-ASCII character other than ’ and spaces (no term has one there:
 * under the matchers' case folding no non-ASCII character matches an ASCII one).
 */
function keyAt(s: string, p: number): number {
  let key = 0;
  let q = p;
  for (let n = 0; n < 3; n++) {
    if (q >= s.length) return -1;
    let c = s.charCodeAt(q);
    if (isJsSpace(c)) {
      while (q < s.length && isJsSpace(s.charCodeAt(q))) q++;
      c = 32;
    } else {
      q++;
      if (c >= 65 && c <= 90) c += 32;
      else if (c === 0x2019) c = 39;
      else if (c >= 128) return -1;
    }
    key = key * 128 + c;
  }
  return key;
}

/** Calls `f` with every match of the global term matcher `re` in `text`, in order (as `re.exec` until null). */
export function forEachTermMatch(re: RegExp, text: string, f: (m: RegExpExecArray) => void): void {
  const scan = scans.get(re);
  if (!scan) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) f(m);
    return;
  }
  const { sticky, keys } = scan;
  const n = text.length;
  let prevWord = false;
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    const word = isWordChar(c);
    if (word && !prevWord && c < 128 && keys.has(keyAt(text, p))) {
      sticky.lastIndex = p;
      const m = sticky.exec(text);
      if (m) {
        f(m);
        p += m[0].length;
        prevWord = isWordChar(text.charCodeAt(p - 1));
        continue;
      }
    }
    prevWord = word;
    p++;
  }
}

// patterns are written in ASCII; word boundaries cover Latin letters (no Unicode mode: faster)
const WB = 'A-Za-z0-9\\u00C0-\\u024F';
const wordRe = (src: string) => new RegExp(`(?<![${WB}])(?:${src})(?![${WB}])`, 'gi');

export function loadTopicKB(dataDir: string): TopicKB {
  const topics: TopicDef[] = [];
  const termTopic = new Map<string, string>();
  const ci: string[] = [];
  const cs: string[] = [];
  for (const r of readTsv(path.join(dataDir, 'topics', 'topics.tsv'))) {
    if (!r.topic) continue;
    const terms = (r.terms ?? '')
      .split('|')
      .map((t) => t.trim())
      .filter(Boolean);
    topics.push({ id: r.topic, label: r.label || r.topic, terms });
    for (const t of terms) {
      if (isCaseSensitive(t)) {
        cs.push(t);
        if (!termTopic.has(t.replace(/\*$/, ''))) termTopic.set(t.replace(/\*$/, ''), r.topic);
      } else {
        ci.push(t);
        const k = t.replace(/\*$/, '').toLowerCase();
        if (!termTopic.has(k)) termTopic.set(k, r.topic);
      }
    }
  }
  const matchers = [buildMatcher(ci, 'gi'), buildMatcher(cs, 'g')].filter((m): m is RegExp => m !== null);

  const meetingPatterns: MeetingPattern[] = [];
  for (const r of readTsv(path.join(dataDir, 'patterns', 'meetings.tsv'))) {
    if (!r.pattern) continue;
    meetingPatterns.push({
      re: wordRe(r.pattern),
      kind: r.kind as MeetingPattern['kind'],
      format: r.format || null,
      source: r.pattern,
    });
  }
  const agreementPatterns: AgreementPattern[] = [];
  for (const r of readTsv(path.join(dataDir, 'patterns', 'agreements.tsv'))) {
    if (!r.pattern) continue;
    agreementPatterns.push({
      re: wordRe(r.pattern),
      status: r.status as AgreementPattern['status'],
      kind: r.kind as AgreementPattern['kind'],
      source: r.pattern,
    });
  }
  const reportingVerbs = readTsv(path.join(dataDir, 'patterns', 'quotes.tsv'))
    .map((r) => (r.verb ?? '').toLowerCase())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  return { topics, termTopic, matchers, meetingPatterns, agreementPatterns, reportingVerbs };
}

/** The topic a matched surface form belongs to. */
export function topicOfTerm(kb: TopicKB, surface: string): { topic: string; term: string } | null {
  const s = surface.replace(/\s+/g, ' ').replace(/’/g, "'");
  if (kb.termTopic.has(s)) return { topic: kb.termTopic.get(s)!, term: s };
  const low = s.toLowerCase();
  if (kb.termTopic.has(low)) return { topic: kb.termTopic.get(low)!, term: low };
  // starred terms: longest prefix that is a term
  for (let i = low.length - 1; i >= 2; i--) {
    const p = low.slice(0, i);
    if (kb.termTopic.has(p)) return { topic: kb.termTopic.get(p)!, term: p };
    const ps = s.slice(0, i);
    if (kb.termTopic.has(ps)) return { topic: kb.termTopic.get(ps)!, term: ps };
  }
  return null;
}
