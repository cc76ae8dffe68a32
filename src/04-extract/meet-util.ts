/**
 * Shared helpers of the meeting, agreement and quote stages: sentences, narrator, parties from
 * actor mentions, clause windows around a trigger, date choice. Only grammatical closed classes
 * live here; lexical knowledge comes from data/patterns/*.tsv via the KB.
 */
import type { Actor, ActorMention, DateMention, Doc, PlaceMention, Sentence, Span } from '../00-model/doc.js';
import { lowerBound, spanAt } from '../00-model/doc.js';
import { listedAuthors, opensWithWeThe } from '../03-recognise/actors.js';

/** The document's sentences, or a crude split when the segmenter gave none. */
export function sentencesOf(doc: Doc): Sentence[] {
  const s = doc.layers.sentences;
  if (s && s.length) return s;
  const out: Sentence[] = [];
  const re = /[^\n.!?]+(?:[.!?]+["”’]?|\n|$)/g;
  let m: RegExpExecArray | null;
  let para = 0;
  while ((m = re.exec(doc.text))) {
    if (!m[0].length) {
      re.lastIndex++;
      continue;
    }
    const lead = m[0].length - m[0].trimStart().length;
    const text = m[0].trim();
    if (text)
      out.push({
        start: m.index + lead,
        end: m.index + lead + text.length,
        index: out.length,
        paragraph: para,
        turn: null,
      });
    if (m[0].endsWith('\n')) para++;
  }
  return out;
}

/** Actor mentions sorted by start. */
export function actorsOf(doc: Doc): ActorMention[] {
  return [...(doc.layers.actors ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Actor mentions sorted by start (longest first), read-only: the layer itself when it is already in
 * that order (it usually is), so callers that only read or filter it need no sorted copy.
 */
export function actorsSorted(doc: Doc): readonly ActorMention[] {
  const l = doc.layers.actors ?? [];
  for (let i = 1; i < l.length; i++) {
    const a = l[i - 1];
    const b = l[i];
    if (a.start > b.start || (a.start === b.start && a.end < b.end)) return actorsOf(doc);
  }
  return l;
}

/** The items in order of start, read-only: the list itself when already sorted, else a sorted copy (stable sort: same order). */
export function byStart<T extends Span>(items: readonly T[]): readonly T[] {
  for (let i = 1; i < items.length; i++)
    if (items[i].start < items[i - 1].start) return [...items].sort((a, b) => a.start - b.start);
  return items;
}

export function inSpan<T extends Span>(list: T[], span: Span): T[] {
  return list.filter((x) => x.start >= span.start && x.end <= span.end);
}

/** The code a party is compared by: an org acronym, else the country. */
export function partyKey(a: Actor | null | undefined): string | null {
  if (!a) return null;
  return a.org ?? a.country ?? null;
}

const KIND_RANK: Record<string, number> = { person: 5, role: 4, group: 3, pronoun: 3, org: 2, country: 1, nonstate: 1 };

const emptyLiteral = (): Actor => ({ name: null, role: null, country: null, org: null, sector: null, code: null });

/** Party actor for a mention (null when it has neither country nor org). */
export function partyOf(m: ActorMention): Actor | null {
  const a = m.actor;
  if (!a || (!a.country && !a.org)) return null;
  // (literals and Object.assign rather than emptyActor's object spread, which is slow in V8; same keys in the same order)
  if (m.kind === 'country')
    return {
      name: null,
      role: null,
      country: a.country,
      org: null,
      sector: a.sector ?? 'GOV',
      code: a.code ?? (a.country ? `${a.country}GOV` : null),
    };
  if (m.kind === 'org') return { name: a.name, role: null, country: null, org: a.org, sector: null, code: a.code };
  return Object.assign(emptyLiteral(), a);
}

export interface PartySet {
  list: Actor[];
  keys: string[];
}

/** Distinct parties of mentions, one per country/org, preferring the most specific mention. */
export function partiesFrom(mentions: ActorMention[], first: Actor[] = []): Actor[] {
  const byKey = new Map<string, { a: Actor; rank: number; order: number }>();
  let order = 0;
  for (const a of first) {
    const k = partyKey(a);
    if (k && !byKey.has(k)) byKey.set(k, { a, rank: 10, order: order++ });
  }
  for (const m of mentions) {
    const p = partyOf(m);
    const k = partyKey(p);
    if (!p || !k) continue;
    const rank = KIND_RANK[m.kind] ?? 0;
    const cur = byKey.get(k);
    if (!cur) byKey.set(k, { a: p, rank, order: order++ });
    else if (rank > cur.rank && cur.rank < 10) byKey.set(k, { a: p, rank, order: cur.order });
    else if (cur.rank >= 10 && !cur.a.name && p.name && rank >= 4) byKey.set(k, { a: p, rank: 10, order: cur.order });
  }
  return [...byKey.values()].sort((x, y) => x.order - y.order).map((x) => x.a);
}

/** The party keys of actors (those without one left out). */
export function keysOf(parties: Actor[]): string[] {
  const keys: string[] = [];
  for (const p of parties) {
    const k = partyKey(p);
    if (k) keys.push(k);
  }
  return keys;
}

/** Resolves a speaker name to an actor through the document's own actor mentions. */
export function actorByName(doc: Doc, name: string | null | undefined): Actor | null {
  if (!name) return null;
  const n = name.toLowerCase().trim();
  const sur = n.split(/\s+/).pop() ?? n;
  let best: Actor | null = null;
  for (const m of doc.layers.actors ?? []) {
    const an = m.actor?.name?.toLowerCase();
    if (!an || (!m.actor.country && !m.actor.org)) continue;
    if (an === n) return m.actor;
    if (!best && (an.endsWith(' ' + sur) || an === sur || n.endsWith(' ' + an))) best = m.actor;
  }
  return best;
}

/** Who is speaking in a sentence: the turn speaker, else the document's principal speaker. */
export function narratorOf(doc: Doc, s: Sentence): Actor | null {
  const turns = doc.layers.turns ?? [];
  const t = s.turn != null ? turns[s.turn] : turns.find((x) => s.start >= x.start && s.end <= x.end);
  if (t) {
    if (t.role === 'question') return null;
    if (t.speaker && (t.speaker.country || t.speaker.org)) return t.speaker;
    const a = actorByName(doc, t.speakerName);
    if (a) return a;
  }
  const name = doc.meta.titleSpeaker ?? doc.meta.speakers?.[0] ?? null;
  const a = actorByName(doc, name);
  if (a) return a;
  if (t?.speaker) return t.speaker;
  return null;
}

/** a joint statement by its title (the text may instead open "We, the …": opensWithWeThe) */
const JOINT_TITLE = /\bjoint\s+(?:statement|communiqu[eé]|declaration)\b/i;

/**
 * True for a statement several make together, with no speaker turns ("Joint Statement…", "We, the
 * Foreign Ministers of A, B and C, …"): its "we" is them all.
 */
export function isJointStatement(doc: Doc): boolean {
  return !(doc.layers.turns ?? []).length && (JOINT_TITLE.test(doc.meta.title ?? '') || opensWithWeThe(doc.text));
}

/**
 * The authors of a joint statement that lists them ("We, the Foreign Ministers of Australia, India
 * and Japan, …"), two or more; else null (one author, an organisation for its members, is the
 * actor layer's referent of "we").
 */
export function jointAuthors(doc: Doc): ActorMention[] | null {
  if (!isJointStatement(doc)) return null;
  const listed = listedAuthors(doc.text, doc.layers.actors ?? []);
  return listed.length >= 2 ? listed : null;
}

/** True when the sentence is a journalist's question or asks something. */
export function isQuestion(doc: Doc, s: Sentence): boolean {
  const turns = doc.layers.turns ?? [];
  const t = s.turn != null ? turns[s.turn] : undefined;
  if (t && t.role === 'question') return true;
  const txt = doc.text.slice(s.start, s.end).trimEnd();
  return /\?["”’)]*$/.test(txt);
}

/** Words that open a new clause (grammatical closed class). */
const CLAUSE_OPEN =
  /[;:?!–—(]|\b(?:which|who|whom|whose|that|when|where|while|but|because|although|though|whereas|if|as|since|after|before|once|until)\b/gi;

let csText = '';
let csFrom = -1;
let csTo = -1;
let csEnds: number[] = [];

/** Start of the clause containing `pos`, within the sentence. */
export function clauseStart(text: string, s: Span, pos: number): number {
  // the clause openers of a sentence are found once and reused for every position in it
  if (text !== csText || s.start !== csFrom || s.end !== csTo) {
    csText = text;
    csFrom = s.start;
    csTo = s.end;
    csEnds = [];
    const seg = text.slice(s.start, s.end);
    CLAUSE_OPEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CLAUSE_OPEN.exec(seg))) csEnds.push(s.start + m.index + m[0].length);
  }
  if (pos > s.end) return clauseStartScan(text, s, pos);
  let last = s.start;
  for (const e of csEnds) {
    if (e > pos) break;
    last = e;
  }
  return last;
}

function clauseStartScan(text: string, s: Span, pos: number): number {
  const seg = text.slice(s.start, pos);
  let last = 0;
  CLAUSE_OPEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_OPEN.exec(seg))) last = m.index + m[0].length;
  return s.start + last;
}

/** Words that end a noun-phrase list: a new clause, a finite verb, a pronoun subject. */
const GAP_STOP =
  /[;:?!()–—]|\b(?:which|who|whom|whose|that|when|where|while|but|because|although|if|it|they|we|he|she|i|you|was|were|is|are|will|would|could|should|can|may|must|has|have|had|said|says|discussed|agreed|to|so|since|after|before|during|following|about)\b/i;
const LIST_GAP =
  /^[\s,]*(?:(?:and|or|as well as|&)\s+)?(?:(?:the|a|an|his|her|its|their|our|my)\s+)?[\p{L}\s.'’-]{0,80}$/u;

/**
 * Actor mentions forming the complement after `pos` (a with-/between-/of-/to-phrase and its list):
 * the first gap may start with one of `preps`, later gaps only join list members.
 */
export function complementAfter(
  text: string,
  s: Span,
  pos: number,
  mentions: ActorMention[],
  preps: RegExp,
): ActorMention[] {
  const out: ActorMention[] = [];
  let cursor = pos;
  for (const m of mentions) {
    if (m.start < cursor || m.end > s.end) continue;
    // an acronym in brackets is part of the name before it: "People's Republic of China (PRC) State Councilor"
    let gap = text.slice(cursor, m.start).replace(ACRONYM_PAREN, '');
    if (!out.length) {
      const pm = gap.match(preps);
      if (!pm) break;
      gap = gap.slice(pm.index! + pm[0].length);
    }
    // after a named party, "in/at/on the sidelines of …" gives the venue, not another party
    if (GAP_STOP.test(gap) || !LIST_GAP.test(gap) || (out.length && /\b(?:in|at|on|sidelines|margins)\b/i.test(gap))) {
      // a mention nested right after the previous one (e.g. "Chinese" + "Foreign Minister Wang Yi")
      break;
    }
    out.push(m);
    cursor = m.end;
  }
  return out;
}

/** Actor mentions between the clause start and `pos`. */
export function mentionsBefore(text: string, s: Span, pos: number, mentions: ActorMention[]): ActorMention[] {
  const cs = clauseStart(text, s, pos);
  return mentions.filter((m) => m.start >= cs && m.end <= pos);
}

/** Mentions immediately before `pos` linked to it (a possessor or modifier: "Putin's visit", "Russia-ASEAN summit"). */
export function modifierBefore(
  text: string,
  pos: number,
  mentions: ActorMention[],
  lowerBound: number,
): ActorMention[] {
  const out: ActorMention[] = [];
  let cursor = pos;
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i];
    if (m.end > cursor || m.start < lowerBound) continue;
    const gap = text.slice(m.end, cursor);
    const okGap = out.length
      ? /^[\s,]*(?:and|-|–|\/)?[\s]*$|^-$/.test(gap)
      : /^(?:['’]s?)?(?:\s+(?:[\p{Ll}-]+|[\p{Lu}][\p{Ll}]+)){0,3}\s*$|^-\s*$|^\s*$/u.test(gap) && !GAP_STOP.test(gap);
    if (!okGap) break;
    out.unshift(m);
    cursor = m.start;
  }
  return out;
}

/** an acronym in brackets ("the Bi-national Commission (BNC)"): no clause break */
const ACRONYM_PAREN = /\s*\([\p{Lu}\p{N}&.-]{2,12}\)/gu;

/** Words that separate a date from a trigger in another clause. */
const DATE_STOP =
  /[;:?!()–—]|\b(?:which|who|whom|that|where|while|but|because|although|if|following|since|after|before|until|whereas)\b/i;

/** what still stops a fronted date: any clause but one that says where or when the fronted event was ("…, where") */
const FRONTED_DATE_STOP =
  /[;:?!()–—]|\b(?:which|who|whom|that|while|but|because|although|if|following|since|after|before|until|whereas)\b/i;

const RELATIVE_EVENT =
  /^[^;:?!()–—]*?,?\s*(?:which|that)\s+(?:will\s+|is\s+to\s+|are\s+to\s+|was\s+|were\s+|is\s+|are\s+|has\s+been\s+|have\s+been\s+)?(?:be\s+)?(?:held|take\s+place|took\s+place|taking\s+place|scheduled|convened?|opened?)\b/i;

/** "the end of the year" means December, "the beginning of the year" January. */
export function refineVague(text: string, d: DateMention): string | null {
  const v = d.value;
  if (!v || v.length !== 4) return v;
  const t = text.slice(d.start, d.end).toLowerCase();
  if (/\b(?:end|last days|close) of\b/.test(t)) return `${v}-12`;
  if (/\b(?:beginning|start|first days) of\b/.test(t)) return `${v}-01`;
  return v;
}

/**
 * The date mention of an event whose trigger spans [pos, posEnd): the nearest in the sentence not
 * separated from the trigger by a clause boundary ("…on May 8, 2015, when they met" is allowed).
 */
export function pickDate(
  dates: DateMention[],
  s: Span,
  pos: number,
  exclude: Set<DateMention> = new Set(),
  text?: string,
  posEnd: number = pos,
  /** a relative clause after the trigger may carry its date ("the summit, which will be held in June") */
  relative = false,
): DateMention | null {
  let best: DateMention | null = null;
  let bestD = Infinity;
  for (const d of dates) {
    if (d.start < s.start || d.end > s.end || exclude.has(d) || !d.value) continue;
    if (text) {
      const gap = d.start >= posEnd ? text.slice(posEnd, d.start) : text.slice(d.end, pos);
      // "the summit, which will be held in Hangzhou in September"; "on May 8, 2015, when they met"
      // a parenthetical relative clause between trigger and date ("the summit, which was the key event, was held on…") is skipped
      const g0 = gap.replace(ACRONYM_PAREN, '').replace(/,\s*(?:which|who)\b[^,;()]*,/i, ' ');
      const g =
        d.start >= posEnd
          ? relative
            ? g0.replace(RELATIVE_EVENT, '')
            : g0
          : gap.replace(/^\s*,?\s*(?:when|during which|at which|in the course of which)\b/i, '');
      // a date fronted before the sentence's first comma ("Last month, China hosted the summit,
      // where the leaders signed…") dates its relative clauses too
      const fronted =
        d.end <= pos &&
        /^\s*,/.test(text.slice(d.end, d.end + 3)) &&
        /^[\s"“]*(?:\p{L}+\s+){0,2}$/u.test(text.slice(s.start, d.start));
      if ((fronted ? FRONTED_DATE_STOP : DATE_STOP).test(g)) continue;
      // a date before ", and …" belongs to the first of two coordinated clauses
      if (d.end <= pos && /,\s*and\s+(?!the\b)\p{Ll}/u.test(g)) continue;
    }
    const dist = d.start >= pos ? d.start - pos : (pos - d.end) * 1.5;
    if (dist < bestD) {
      bestD = dist;
      best = d;
    }
  }
  return best;
}

/** The place of an event: a place after a locative preposition (in/at), nearest to the trigger. */
export function pickPlace(places: PlaceMention[], s: Span, pos: number, text?: string): PlaceMention | null {
  let best: PlaceMention | null = null;
  let bestD = Infinity;
  for (const p of places) {
    if (p.start < s.start || p.end > s.end) continue;
    if (text) {
      const lead = text.slice(Math.max(s.start, p.start - 40), p.start);
      // "in/at X" (not "to X": "commitment to Ukraine's sovereignty" is no venue; a visit's destination is read apart)
      if (!/\b(?:in|at)\s+(?:the\s+)?(?:[\p{L}’'-]+\s+){0,3}$|,\s*$/iu.test(lead)) continue;
      // "the situation in Syria" names a topic, not where people met
      if (
        /\b(?:situation|crisis|conflict|settlement|war|developments|events|process|peace|security|stability)\s+(?:in|on)\s+(?:the\s+)?$/i.test(
          lead,
        )
      )
        continue;
      // a place in another clause is another event's
      const gap = p.start >= pos ? text.slice(pos, p.start) : text.slice(p.end, pos);
      if (
        DATE_STOP.test(
          gap
            .replace(ACRONYM_PAREN, '')
            .replace(/,\s*(?:which|who)\b[^,;()]*,/i, ' ')
            .replace(RELATIVE_EVENT, ''),
        )
      )
        continue;
    }
    const dist = p.start >= pos ? p.start - pos : (pos - p.end) * 2;
    if (dist > 160) continue; // a place far from the trigger names something else
    if (dist < bestD) {
      bestD = dist;
      best = p;
    }
  }
  return best;
}

/** Spans of text inside quotation marks (for excluding quoted words from narration). */
export function quotedSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /“[^”]*”|"[^"\n]*"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Day part of the document date, if known at day precision. */
export function docDay(doc: Doc): string | null {
  const p = doc.meta.published;
  return p && p.length >= 10 ? p.slice(0, 10) : null;
}

/** All matches of a global regex in a text slice, with absolute offsets. */
export function matchAll(re: RegExp, text: string, offset: number): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
    if (!m[0].length) re.lastIndex++;
  }
  return out;
}

/** Buckets spans by the sentence containing them (linear sweep; both lists sorted by start). */
export function bySentence<T extends Span>(items: readonly T[], sentences: Span[]): T[][] {
  const out: T[][] = sentences.map(() => []);
  const sorted = byStart(items);
  let j = 0;
  for (const it of sorted) {
    while (j < sentences.length && sentences[j].end <= it.start) j++;
    if (j >= sentences.length) break;
    const s = sentences[j];
    if (it.start >= s.start && it.end <= s.end) out[j].push(it);
  }
  return out;
}

/** A fast membership test "is this offset strictly inside one of these (sorted, disjoint) spans". */
export function insideAny(spans: Span[]): (pos: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  return (pos: number) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = sorted[mid];
      if (pos <= q.start) hi = mid - 1;
      else if (pos >= q.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

const unionCache = new WeakMap<object, RegExp>();

/**
 * One regular expression that matches wherever any of the given patterns could (a cheap prefilter:
 * raw sources, no word boundaries, no Unicode mode), compiled once per pattern list.
 */
export function unionRe(key: object, sources: string[]): RegExp {
  let re = unionCache.get(key);
  if (!re) {
    re = new RegExp(sources.map((r) => `(?:${r})`).join('|'), 'i');
    unionCache.set(key, re);
  }
  return re;
}

/**
 * Quotation spans that are not attributed quotes (scare quotes, names): words inside them are not
 * narration. Attributed quotes (the quotes layer) are the quoted speaker's narration instead.
 */
export function unattributedQuoteSpans(doc: Doc): Span[] {
  const qs = doc.layers.quotes ?? [];
  return quotedSpans(doc.text).filter((q) => !qs.some((a) => a.start < q.end && a.end > q.start));
}

/** The speaker of the attributed quote containing `pos`, if any. */
export function quoteSpeakerAt(doc: Doc): (pos: number) => Actor | null {
  const qs = [...(doc.layers.quotes ?? [])].sort((a, b) => a.start - b.start);
  return (pos: number) => {
    const q = spanAt(qs, pos);
    return q?.speaker && (q.speaker.country || q.speaker.org) ? q.speaker : null;
  };
}

/** First person ("we", "I", "my colleague and I") as the subject before a trigger. */
export const FIRST_PERSON_SUBJECT = /\b(?:[Ww]e|I)\b(?:\s+\w+){0,3}\s*$/;

const WORD_CHAR = /[A-Za-z0-9\u00C0-\u024F]/;
const scanCache = new WeakMap<object, RegExp>();

/**
 * All whole-word matches of a pattern over a text. The left word boundary is checked on the
 * character before the match instead of by a lookbehind, which lets the regex engine skip ahead on
 * the pattern's first characters (several times faster over long texts).
 */
export function scanWords(p: { source: string }, text: string): { start: number; end: number; text: string }[] {
  let re = scanCache.get(p);
  if (!re) {
    re = new RegExp(`(?:${p.source})(?![A-Za-z0-9\\u00C0-\\u024F])`, 'gi');
    scanCache.set(p, re);
  }
  const out: { start: number; end: number; text: string }[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index > 0 && WORD_CHAR.test(text[m.index - 1])) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    if (!m[0].length) re.lastIndex++;
  }
  return out;
}

/**
 * A character as the case-insensitive (non-Unicode) regex flag compares it: its upper case when
 * that is one character and does not map a non-ASCII letter to ASCII (ECMAScript Canonicalize).
 */
function canon(ch: string): string {
  const u = ch.toUpperCase();
  return u.length !== 1 || (ch.charCodeAt(0) >= 128 && u.charCodeAt(0) < 128) ? ch : u;
}

/**
 * The characters (canonicalized, see `canon`) a non-empty match of a regex source can start with,
 * or null when any character may (or the source uses syntax this small reader does not know).
 * Used only to skip patterns that cannot match at a position, so null is always safe.
 */
export function firstChars(source: string): Set<string> | null {
  let i = 0;
  const ANY = null;
  // each parser returns the first set (null: any) and whether the part can match the empty string
  type R = { first: Set<string> | null; nullable: boolean };
  const union = (a: Set<string> | null, b: Set<string> | null) =>
    a === null || b === null ? null : new Set([...a, ...b]);
  function alt(): R {
    let r = seq();
    while (source[i] === '|') {
      i++;
      const q = seq();
      r = { first: union(r.first, q.first), nullable: r.nullable || q.nullable };
    }
    return r;
  }
  function seq(): R {
    let first: Set<string> | null = new Set();
    let nullable = true;
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const a = quantified();
      if (nullable) first = union(first, a.first);
      nullable = nullable && a.nullable;
    }
    return { first, nullable };
  }
  function quantified(): R {
    const a = atom();
    const c = source[i];
    let r = a;
    let quantifier = true;
    if (c === '?' || c === '*') {
      i++;
      r = { first: a.first, nullable: true };
    } else if (c === '+') i++;
    else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(source.slice(i));
      if (!m) throw new Error('quantifier');
      i += m[0].length;
      if (+m[1] === 0) r = { first: a.first, nullable: true };
    } else quantifier = false;
    if (quantifier && source[i] === '?') i++; // lazy
    return r;
  }
  function atom(): R {
    const c = source[i++];
    if (c === '(') {
      let zeroWidth = false;
      if (source[i] === '?') {
        if (source[i + 1] === ':') i += 2;
        else if (source[i + 1] === '=' || source[i + 1] === '!') ((i += 2), (zeroWidth = true));
        else if (source[i + 1] === '<' && (source[i + 2] === '=' || source[i + 2] === '!'))
          ((i += 3), (zeroWidth = true));
        else throw new Error('group');
      }
      const r = alt();
      if (source[i++] !== ')') throw new Error('paren');
      // a lookaround consumes nothing: what follows it gives the first character
      return zeroWidth ? { first: new Set(), nullable: true } : r;
    }
    if (c === '[') {
      if (source[i] === ']') throw new Error('class');
      const end = source.indexOf(']', i + 1);
      if (end < 0) throw new Error('class');
      const body = source.slice(i, end);
      i = end + 1;
      if (body.startsWith('^') || body.includes('\\') || /.-./.test(body)) return { first: ANY, nullable: false };
      return { first: new Set([...body].map(canon)), nullable: false };
    }
    if (c === '\\') {
      const e = source[i++];
      if (e === 'b' || e === 'B') return { first: new Set(), nullable: true };
      if (/[A-Za-z0-9]/.test(e)) return { first: ANY, nullable: /[1-9k]/.test(e) };
      return { first: new Set([canon(e)]), nullable: false };
    }
    if (c === '^' || c === '$') return { first: new Set(), nullable: true };
    if (c === '.' || c === '*' || c === '+' || c === '?' || c === '{' || c === '|' || c === ')' || c === undefined)
      return { first: ANY, nullable: false };
    return { first: new Set([canon(c)]), nullable: false };
  }
  try {
    const r = alt();
    return i === source.length ? r.first : ANY;
  } catch {
    return ANY;
  }
}

/**
 * Lower-case strings of which every match of a regex source (matched case-insensitively) contains
 * at least one, or null when this small reader finds none (or meets syntax it does not know). A text
 * whose lower-cased form contains none of them cannot match: a cheap exact pre-check.
 */
export function requiredFactors(source: string): string[] | null {
  let i = 0;
  // a part's factors: null when the part need not contain any fixed string
  function alt(): string[] | null {
    let out: string[] | null = seq();
    while (source[i] === '|') {
      i++;
      const q = seq();
      out = out && q ? [...out, ...q] : null;
    }
    return out;
  }
  function seq(): string[] | null {
    // candidates: runs of literal characters that every match goes through, and required groups
    let best: string[] | null = null;
    const score = (f: string[]) => Math.min(...f.map((x) => x.length));
    const offer = (f: string[] | null) => {
      if (f && f.length && f.every((x) => x.length) && (!best || score(f) > score(best))) best = f;
    };
    let run = '';
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const a = atom();
      const c = source[i];
      let optional = false;
      let repeated = false;
      if (c === '?' || c === '*') {
        i++;
        optional = true;
      } else if (c === '+') {
        i++;
        repeated = true;
      } else if (c === '{') {
        const m = /^\{(\d+)(,\d*)?\}/.exec(source.slice(i));
        if (!m) throw new Error('quantifier');
        i += m[0].length;
        optional = +m[1] === 0;
        repeated = true;
      }
      if ((optional || repeated) && source[i] === '?') i++; // lazy
      if (!optional && a.char !== null && !repeated) {
        run += a.char;
        continue;
      }
      offer(run ? [run] : null);
      run = '';
      if (!optional) offer(a.char !== null ? [a.char] : a.factors);
    }
    offer(run ? [run] : null);
    return best;
  }
  /** one atom: a literal character (lower-cased), or a group's factors */
  function atom(): { char: string | null; factors: string[] | null } {
    const c = source[i++];
    if (c === '(') {
      let zeroWidth = false;
      if (source[i] === '?') {
        if (source[i + 1] === ':') i += 2;
        else if (source[i + 1] === '=' || source[i + 1] === '!') ((i += 2), (zeroWidth = true));
        else if (source[i + 1] === '<' && (source[i + 2] === '=' || source[i + 2] === '!'))
          ((i += 3), (zeroWidth = true));
        else throw new Error('group');
      }
      const f = alt();
      if (source[i++] !== ')') throw new Error('paren');
      return { char: null, factors: zeroWidth ? null : f };
    }
    if (c === '[') {
      if (source[i] === ']') throw new Error('class');
      const end = source.indexOf(']', i + 1);
      if (end < 0) throw new Error('class');
      i = end + 1;
      return { char: null, factors: null };
    }
    if (c === '\\') {
      const e = source[i++];
      if (e === undefined || /[A-Za-z0-9]/.test(e)) return { char: null, factors: null };
      return { char: e.toLowerCase(), factors: null };
    }
    if (c === '.' || c === '^' || c === '$') return { char: null, factors: null };
    if (
      c === undefined ||
      c === '*' ||
      c === '+' ||
      c === '?' ||
      c === '{' ||
      c === '}' ||
      c === '|' ||
      c === ')' ||
      c === ']'
    )
      throw new Error('syntax');
    // only characters whose case-insensitive match is exactly their upper and lower case
    if (c.toLowerCase() !== c && c.toLowerCase().toUpperCase() !== c) throw new Error('case');
    if (c.charCodeAt(0) >= 128) throw new Error('non-ASCII');
    return { char: c.toLowerCase(), factors: null };
  }
  try {
    const f = alt();
    return i === source.length && f ? [...new Set(f)] : null;
  } catch {
    return null;
  }
}

const multiCache = new WeakMap<
  object,
  { union: RegExp; sticky: RegExp[]; firsts: (Set<string> | null)[]; byFirst: Map<string, number[]> }
>();

/**
 * All whole-word matches of several patterns over a text, as [pattern index, match] pairs: one scan
 * with the union of the patterns finds every position where any could start, and each pattern is
 * then tried there alone (sticky), so overlapping matches of different patterns are all found.
 */
export function scanMany(
  key: object,
  pats: { source: string }[],
  text: string,
): { i: number; start: number; end: number; text: string }[] {
  let c = multiCache.get(key);
  if (!c) {
    c = {
      // patterns are written in lower case: the union runs case-sensitively over the lower-cased text
      // (a match starts a word: the lookbehind rejects positions inside words at once)
      union: new RegExp(`(?<![a-z0-9\\u00C0-\\u024F])(?:${pats.map((p) => `(?:${p.source})`).join('|')})`, 'g'),
      sticky: pats.map((p) => new RegExp(`(?:${p.source})(?![A-Za-z0-9\\u00C0-\\u024F])`, 'iy')),
      firsts: pats.map((p) => firstChars(p.source)),
      byFirst: new Map(),
    };
    multiCache.set(key, c);
  }
  const out: { i: number; start: number; end: number; text: string }[] = [];
  const { union, sticky, firsts, byFirst } = c;
  let lower = text.toLowerCase();
  // (a few letters change length when lower-cased: then the union runs case-insensitively)
  const union2 = lower.length === text.length ? union : new RegExp(union.source, 'gi');
  if (lower.length !== text.length) lower = text;
  union2.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = union2.exec(lower))) {
    const q = m.index;
    union2.lastIndex = q + 1;
    if (q > 0 && WORD_CHAR.test(text[q - 1])) continue;
    // only the patterns that can start with this character are tried (the list is built once per character)
    const k = canon(text[q]);
    let cand = byFirst.get(k);
    if (!cand) {
      cand = [];
      for (let i = 0; i < firsts.length; i++) if (firsts[i] === null || firsts[i]!.has(k)) cand.push(i);
      byFirst.set(k, cand);
    }
    for (const i of cand) {
      const re = sticky[i];
      re.lastIndex = q;
      const s = re.exec(text);
      if (s && s[0].length) out.push({ i, start: q, end: q + s[0].length, text: s[0] });
    }
  }
  return out;
}

/**
 * Lazy per-sentence buckets: `of(span)` gives the items inside the span (binary search over the
 * items sorted by start), without building one array per sentence of the document.
 */
export function spansWithin<T extends Span>(items: readonly T[]): (span: Span) => T[] {
  const sorted = byStart(items);
  return (span: Span) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < span.start) lo = mid + 1;
      else hi = mid;
    }
    const out: T[] = [];
    for (let i = lo; i < sorted.length && sorted[i].start < span.end; i++)
      if (sorted[i].end <= span.end) out.push(sorted[i]);
    return out;
  };
}

/** The start of the first verb token in [from, to) of the document (-1: none). */
export function firstVerb(doc: Doc, from: number, to: number): number {
  const toks = doc.layers.tokens ?? [];
  for (let i = lowerBound(toks, from); i < toks.length && toks[i]!.start < to; i++)
    if (toks[i]!.pos === 'VERB') return toks[i]!.start;
  return -1;
}

/** "… and agreed", "… but also met": a predicate coordinated with the one before it in its clause */
export const COORDINATED_LEAD = /\b(?:and|but)\s+(?:then\s+|also\s+|later\s+)?$/i;
