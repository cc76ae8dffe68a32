/**
 * Topic taxonomy and lexicons (data/topics/topics.tsv), plus the pattern lexicons of the
 * extraction stages for meetings, agreements and quotes (data/patterns/{meetings,agreements,quotes}.tsv).
 * Everything here is data; the code only compiles it into matchers.
 */
import path from 'node:path';
import { readTsv } from './tsv.js';

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
  return new RegExp(`(?<![A-Za-z0-9\\u00C0-\\u024F])(?:${body})(?![A-Za-z0-9\\u00C0-\\u024F])`, flags);
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
    const terms = (r.terms ?? '').split('|').map((t) => t.trim()).filter(Boolean);
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
    meetingPatterns.push({ re: wordRe(r.pattern), kind: r.kind as MeetingPattern['kind'], format: r.format || null, source: r.pattern });
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
