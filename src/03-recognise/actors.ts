/**
 * Actor recogniser: finds mentions of people, offices, countries, organisations, non-state
 * actors, groups ("the Chinese side") and first-person pronouns, and resolves turn speakers.
 *
 * One pass of a phrase lexicon (compiled at KB load, see knowledge/actors.ts) over the words
 * of the text gives candidate items; rules then compose them:
 *   [Country|Org]? Title [of Country]? [for|on Complement]? [,]? Name   → titled person
 *   [Country]? Title (no name)                                           → role, resolved by date
 *   Mr|Ms|Dr Surname, bare Surname after first mention                   → person
 *   [our|the] [Country adj (, and adj)*] group/body noun                  → group with sector
 *   my [Country adj] colleague / our partners                            → the counterpart
 *   I/me/my, we/us/our                                                   → the turn's speaker / its country
 * Anything left is a country / org / non-state mention.
 *
 * Exported helpers:
 *   mentionsIn(doc, span)      → the actor mentions inside a span, in text order (binary search)
 *   counterpartAt(doc, offset) → the other party of the talks for the turn at offset (inclusive "we")
 *   resolveSpeaker(kb, label, date) → an Actor for a speaker label
 *   recogniseActors(doc, kb)   → {actors, turns, speakers} without the Stage wrapper
 */
import type { Actor, ActorMention, Doc, MentionKind, Span, Token, Turn } from '../00-model/doc.js';
import { spanAt } from '../00-model/doc.js';
import { outletCountry } from '../01-ingest/data.js';
import { normKey } from '../knowledge/geo.js';
import type { Stage } from '../pipeline.js';
import type { KB } from '../knowledge/index.js';
import type { CountryAlias } from '../knowledge/geo.js';
import {
  cameoCode,
  dateBounds,
  findBySurnameAndRole,
  findPerson,
  officeHolder,
  personActor,
  termAt,
  words,
  WORD_BRK,
  WORD_CAP,
  WORD_COMMA,
  WORD_HYPH,
  WORD_LBRK,
  WORD_SENT_START,
  type ActorKB,
  type LexReading,
  type Person,
  type PersonHit,
  type RoleInfo,
  type Term,
  type Word,
} from '../knowledge/actors.js';

// Small grammatical closed classes (allowed in code).
const FIRST_SG = new Set(['i', 'me', 'my', 'myself', 'mine']);
const FIRST_PL = new Set(['we', 'us', 'our', 'ours', 'ourselves']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'madam', 'mister', 'sir', 'monsieur', 'madame']);
/** the three classes above as bit flags in one map (the main pass asks about every word; the scan answers) */
const WC_HONORIFIC = 1;
const WC_FIRST_SG = 2;
const WC_FIRST_PL = 4;
const WORD_CLASS = new Map<string, number>();
for (const [set, bit] of [
  [HONORIFICS, WC_HONORIFIC],
  [FIRST_SG, WC_FIRST_SG],
  [FIRST_PL, WC_FIRST_PL],
] as const)
  for (const k of set) WORD_CLASS.set(k, (WORD_CLASS.get(k) ?? 0) | bit);
/** words that may precede a name after a title and are not part of it ("Minister, H.E. Dr Hassan Wirajuda") */
const NAME_PREFIXES = new Set([
  ...HONORIFICS,
  'h.e.',
  'hon',
  'prof',
  'professor',
  'excellency',
  'his',
  'her',
  'the',
  'honourable',
  'honorable',
]);
const CONTRACTION = /['’](?:m|ll|re|ve|d|s|t)$/;
const LOC_PREP = new Set([
  'in',
  'at',
  'to',
  'from',
  'near',
  'outside',
  'inside',
  'into',
  'via',
  'across',
  'around',
  'toward',
  'towards',
]);
const NAME_PARTICLES = new Set([
  'al',
  'bin',
  'ibn',
  'de',
  'van',
  'von',
  'der',
  'la',
  'le',
  'da',
  'di',
  'del',
  'du',
  'el',
  'dos',
  'ben',
]);
const CALENDAR = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);
const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'it',
  'he',
  'she',
  'they',
  'you',
  'i',
  'we',
  'and',
  'or',
  'but',
  'if',
  'in',
  'on',
  'at',
  'of',
  'for',
  'to',
  'with',
  'by',
  'as',
  'so',
  'then',
  'there',
  'here',
  'what',
  'when',
  'where',
  'who',
  'why',
  'how',
  'question',
  'answer',
  'thank',
  'yes',
  'no',
  'not',
  'all',
  'both',
  'our',
  'my',
  'his',
  'her',
  'their',
  // sentence adverbs that open sentences capitalised
  'yesterday',
  'today',
  'tomorrow',
  'tonight',
  'earlier',
  'later',
  'meanwhile',
  'now',
  'also',
  'however',
  'since',
  'after',
  'before',
  'during',
  'while',
  'although',
  'because',
  'besides',
  'moreover',
  'furthermore',
  'indeed',
  'last',
  'next',
]);
/** two more classes in WORD_CLASS, for the bare-surname pass (it asks about every capitalised word) */
const WC_FUNCTION = 8;
const WC_CALENDAR = 16;
for (const [set, bit] of [
  [FUNCTION_WORDS, WC_FUNCTION],
  [CALENDAR, WC_CALENDAR],
] as const)
  for (const k of set) WORD_CLASS.set(k, (WORD_CLASS.get(k) ?? 0) | bit);
const NON_NAME_POS = new Set([
  'VERB',
  'AUX',
  'ADP',
  'DET',
  'PRON',
  'CCONJ',
  'SCONJ',
  'PART',
  'NUM',
  'PUNCT',
  'SYM',
  'ADV',
]);

/** a word of the document, with the recogniser's fields set (prepareWords) */
type W = Word;

interface Item {
  i: number;
  j: number;
  /** never changed: may be the lexicon's own array */
  readings: readonly LexReading[];
}

interface PersonRef {
  actor: Actor;
  key: string;
  pos: number;
}

/** a title (a role as written) in the forms the pass keys people by */
interface TitleKeys {
  /** the title in lower case (`byRole`) */
  lower: string;
  /**
   * the keys under which a person's title can be referred to bare (`byBareTitle`): the title
   * itself and its head ("Secretary of State" → "secretary of state", "secretary"; "Foreign
   * Minister" → "foreign minister", "minister"). Shared: callers only read it.
   */
  bare: string[];
}
/** the same few titles recur in every document: their keys are made once per process */
const titleKeysCache = new Map<string, TitleKeys>();
function titleKeys(role: string): TitleKeys {
  let t = titleKeysCache.get(role);
  if (!t) {
    if (titleKeysCache.size > 5000) titleKeysCache.clear();
    const full = role.toLowerCase();
    const core = full.split(' of ')[0]!.trim();
    const head = core.slice(core.lastIndexOf(' ') + 1);
    titleKeysCache.set(role, (t = { lower: full, bare: head && head !== full ? [full, head] : [full] }));
  }
  return t;
}

/** s === s.toUpperCase(), without making the upper-case copy for ASCII text */
function isUpperCase(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 128) return s === s.toUpperCase();
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

const isCap = (s: string) => {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(s);
};

function prepareWords(doc: Doc): W[] {
  const text = doc.text;
  const out = words(text);
  const tokens: readonly Token[] = doc.layers.tokens ?? [];
  const sentences = doc.layers.sentences ?? [];
  let tp = 0;
  let sp = 0;
  let prevEnd = 0;
  for (let k = 0; k < out.length; k++) {
    const w = out[k];
    let brk = k === 0;
    let sentStart = k === 0;
    let commas = 0;
    let other = false;
    let lbrk = brk;
    const g0 = text.charCodeAt(prevEnd);
    const possGap =
      k > 0 &&
      w.start - prevEnd >= 3 &&
      (g0 === 39 || g0 === 0x2019) &&
      (text.charCodeAt(prevEnd + 1) === 115 || text.charCodeAt(prevEnd + 1) === 83) &&
      text.charCodeAt(prevEnd + 2) === 32 &&
      w.start - prevEnd === 3;
    for (let c = prevEnd; c < w.start; c++) {
      const ch = text.charCodeAt(c);
      if (ch === 32 || ch === 160 || ch === 9) continue;
      brk = true;
      if (ch === 44) commas++;
      else {
        other = true;
        // . ! ? : ; " “ ” newline
        if (
          ch === 46 ||
          ch === 33 ||
          ch === 63 ||
          ch === 58 ||
          ch === 59 ||
          ch === 34 ||
          ch === 0x201c ||
          ch === 0x201d ||
          ch === 10 ||
          ch === 13
        )
          sentStart = true;
      }
    }
    while (sp < sentences.length && sentences[sp].end <= w.start) sp++;
    if (sp < sentences.length && sentences[sp].start <= w.start && (k === 0 || out[k - 1].start < sentences[sp].start))
      sentStart = true;
    while (tp < tokens.length && tokens[tp].start < w.start) tp++;
    const hyph = k > 0 && w.start - prevEnd === 1 && (g0 === 45 || g0 === 0x2010 || g0 === 0x2011);
    // isCap(w.text) without the call for ASCII (the word's text begins at w.start)
    const c0 = text.charCodeAt(w.start);
    const cap = c0 < 128 ? c0 >= 65 && c0 <= 90 : isCap(w.text);
    w.flags =
      (brk ? WORD_BRK : 0) |
      (hyph ? WORD_HYPH : 0) |
      (possGap || hyph ? 0 : brk || lbrk ? WORD_LBRK : 0) |
      (commas === 1 && !other ? WORD_COMMA : 0) |
      (sentStart ? WORD_SENT_START : 0) |
      (cap ? WORD_CAP : 0);
    w.pos = tp < tokens.length && tokens[tp].start === w.start ? tokens[tp].pos : null;
    prevEnd = w.end;
  }
  return out;
}

function readingOk(r: LexReading, ws: W[], i: number): boolean {
  if (r.exact) {
    for (let k = 0; k < r.surface.length; k++) if (ws[i + k].text !== r.surface[k]) return false;
    return true;
  }
  if (r.cap && !ws[i].cap) return false;
  return true;
}

/**
 * The lexicon as a trie over word keys: one node per phrase prefix (the keys of its words joined
 * by one space, as in `lexicon`), so the scan walks from word to word with one map look-up each
 * and never concatenates or hashes a phrase string. Built once per KB.
 */
interface LexNode {
  /** the phrase so far: word keys joined by one space */
  key: string;
  /** greatest phrase length (in words) when `key` is a first word of the lexicon (maxWords), else 0 */
  maxWords: number;
  /** whether `key` is a leading run of two or more words of a phrase (in `prefixes`) */
  prefix: boolean;
  /** the lexicon's readings of `key` */
  readings: LexReading[] | undefined;
  /** the prefixes one word longer, by their last word */
  next: Map<string, LexNode> | null;
  /** WORD_CLASS bits of a one-word `key` (answered by the scan's look-up, not asked again) */
  wc: number;
}
interface LexTrie {
  /**
   * the nodes of first words (maxWords > 0) and of the closed-class words (WORD_CLASS): the only
   * map asked for every word, so kept small
   */
  roots: Map<string, LexNode>;
  /** every node by its phrase */
  all: Map<string, LexNode>;
}
const trieCache = new WeakMap<ActorKB, LexTrie>();
function lexTrie(A: ActorKB): LexTrie {
  let m = trieCache.get(A);
  if (!m) {
    const nodes = new Map<string, LexNode>();
    const node = (key: string): LexNode => {
      let x = nodes.get(key);
      if (!x)
        nodes.set(key, (x = { key, maxWords: 0, prefix: false, readings: A.lexicon.get(key), next: null, wc: 0 }));
      return x;
    };
    for (const [f, n] of A.maxWords) node(f).maxWords = n;
    for (const p of A.prefixes) {
      const x = node(p);
      x.prefix = true;
      const sp = p.lastIndexOf(' ');
      if (sp < 0) continue; // no "head word" form: never asked for
      (node(p.slice(0, sp)).next ??= new Map()).set(p.slice(sp + 1), x);
    }
    const roots = new Map<string, LexNode>();
    for (const f of A.maxWords.keys()) if (nodes.get(f)!.maxWords > 0) roots.set(f, nodes.get(f)!);
    for (const [k, bits] of WORD_CLASS) {
      const x = node(k);
      x.wc = bits;
      roots.set(k, x);
    }
    trieCache.set(A, (m = { roots, all: nodes }));
  }
  return m;
}

/**
 * Longest lexicon match at every word, left to right, never across punctuation; and the
 * WORD_CLASS bits of every word, from the same look-up.
 */
function scan(A: ActorKB, ws: W[]): { at: (Item | undefined)[]; wc: Uint8Array } {
  const at: (Item | undefined)[] = new Array(ws.length);
  // one byte a word (the bits fit), all 0 to begin with
  const wc = new Uint8Array(ws.length);
  const trie = lexTrie(A);
  /** the trie nodes of the phrases of 1, 2, … `depth` words from i (reused, never shrunk) */
  const path: LexNode[] = [];
  let i = 0;
  while (i < ws.length) {
    const root = trie.roots.get(ws[i].key);
    if (root) wc[i] = root.wc;
    const n = root ? root.maxWords : 0;
    if (!n) {
      i++;
      continue;
    }
    let lim = 1;
    while (lim < n && i + lim < ws.length && !ws[i + lim].lbrk) lim++;
    let found: Item | undefined;
    path[0] = root!;
    let depth = 1;
    for (let k = 1; k < lim; k++) {
      const cur = path[k - 1];
      const w = ws[i + k].key;
      // a key with a space (never in practice) cannot be a child: ask for the whole phrase
      let nx: LexNode | undefined;
      if (w.includes(' ')) {
        nx = trie.all.get(cur.key + ' ' + w);
        if (nx && !nx.prefix) nx = undefined;
      } else nx = cur.next?.get(w);
      if (!nx) break; // no phrase goes on like this
      path[depth++] = nx;
    }
    for (let len = depth; len >= 1 && !found; len--) {
      const rs = path[len - 1].readings;
      if (!rs) continue;
      // the readings that fit the text; usually all of them, and then the lexicon's own array
      // (items are only read) rather than a copy
      let nOk = 0;
      for (const r of rs) if (readingOk(r, ws, i)) nOk++;
      if (nOk) found = { i, j: i + len, readings: nOk === rs.length ? rs : rs.filter((r) => readingOk(r, ws, i)) };
    }
    if (found) {
      at[i] = found;
      // the words inside the phrase get their word classes too
      for (let k = i + 1; k < found.j; k++) wc[k] = trie.roots.get(ws[k].key)?.wc ?? 0;
      i = found.j;
    } else i++;
  }
  return { at, wc };
}

/**
 * The words of a name (a person's, a speaker label): the same few names recur in every document,
 * so they are split once per process. The arrays are shared: callers only read them.
 */
const nameWordsCache = new Map<string, Word[]>();
function nameWords(name: string): Word[] {
  let ws = nameWordsCache.get(name);
  if (!ws) {
    if (nameWordsCache.size > 20000) nameWordsCache.clear();
    nameWordsCache.set(name, (ws = words(name)));
  }
  return ws;
}

/**
 * The `used` flags of a pass, in one buffer for all passes (a pass never runs inside another,
 * and none keeps the flags): a fresh typed array per document costs an off-heap allocation.
 */
let usedScratch = new Uint8Array(4096);
function usedFlags(n: number): Uint8Array {
  if (usedScratch.length < n) usedScratch = new Uint8Array(Math.max(n, 2 * usedScratch.length));
  const u = usedScratch.subarray(0, n);
  u.fill(0);
  return u;
}

/** The item's reading of a type (a plain loop: this is asked several times for every item). */
function reading<T extends LexReading['entry']['type']>(
  it: Item | undefined,
  type: T,
): Extract<LexReading['entry'], { type: T }> | undefined {
  if (!it) return undefined;
  for (const r of it.readings) if (r.entry.type === type) return r.entry as Extract<LexReading['entry'], { type: T }>;
  return undefined;
}

function actorOf(p: Partial<Actor>): Actor {
  return { name: null, role: null, country: null, org: null, sector: null, code: null, ...p };
}

/** The actor mentions inside a span, in text order (for events, meetings, quotes). */
/** The term closest in time to a date (the latest one when the date is unknown). */
function nearestTerm(p: Person, date: string | null): Term | null {
  if (!p.terms.length) return null;
  const d = date ? date.slice(0, 10) : null;
  if (!d) return p.terms[p.terms.length - 1];
  let best = p.terms[0];
  let bestGap = Infinity;
  for (const t of p.terms) {
    const s = t.start ?? '0000';
    const e = t.end ?? '9999';
    const gap =
      d < s
        ? Date.parse(s.padEnd(10, '-01')) - Date.parse(d.padEnd(10, '-01'))
        : d > e
          ? Date.parse(d.padEnd(10, '-01')) - Date.parse(e.padEnd(10, '-01'))
          : 0;
    if (gap < bestGap) {
      bestGap = gap;
      best = t;
    }
  }
  return best;
}

export function mentionsIn(doc: Doc, span: Span): ActorMention[] {
  const ms = doc.layers.actors ?? [];
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: ActorMention[] = [];
  for (let k = lo; k < ms.length && ms[k].start < span.end; k++) if (ms[k].end <= span.end) out.push(ms[k]);
  return out;
}

/**
 * The counterpart of the speaker at an offset: the one other party the document names (the
 * other participant of talks or a press conference), as the person most often mentioned whose
 * country differs from the speaker's. Null when the text names no single other party. For
 * inclusive "we" ("We agreed to…" after bilateral talks) and "my colleague" in later stages.
 */
export function counterpartAt(doc: Doc, offset: number): Actor | null {
  const turns = doc.layers.turns ?? [];
  const t = turns.find((x) => x.start <= offset && offset < x.end);
  const sp = t && t.role !== 'question' ? t.speaker : null;
  if (!sp?.country) return null;
  const count = new Map<string, { actor: Actor; n: number }>();
  const countries = new Set<string>();
  for (const m of doc.layers.actors ?? []) {
    if (m.kind !== 'person' || !m.actor.name || !m.actor.country || m.actor.country === sp.country) continue;
    countries.add(m.actor.country);
    const c = count.get(m.actor.name) ?? { actor: m.actor, n: 0 };
    c.n++;
    count.set(m.actor.name, c);
  }
  if (countries.size !== 1) return null;
  let best: { actor: Actor; n: number } | null = null;
  for (const c of count.values()) if (!best || c.n > best.n) best = c;
  return best?.actor ?? null;
}

/** Resolves a speaker label ("Sergey Lavrov", "Lavrov", "Foreign Minister Sergey Lavrov") to an actor. */
export function resolveSpeaker(kb: KB, name: string, date: string | null): Actor | null {
  const A = kb.actors;
  const ws = nameWords(name);
  for (let k = 0; k < ws.length; k++) {
    const cand = ws
      .slice(k)
      .map((w) => w.text)
      .join(' ');
    const hit = findPerson(A, cand, date);
    if (hit) return personActor(A, hit.person, hit.term);
  }
  return null;
}

export interface Recognised {
  actors: ActorMention[];
  turns: Turn[];
  speakers: string[];
}

const richness = (a: Actor) => (a.role ? 1 : 0) + (a.country || a.org ? 2 : 0) + (a.sector ? 1 : 0);

/**
 * Recognises the actor mentions of a document. When a turn speaker is unknown to the KB but the
 * text itself names them with a title ("Foreign Minister of Russia Sergey Lavrov"), a second
 * pass runs with the speaker so enriched (so "we" gets the speaker's country).
 */
export function recogniseActors(doc: Doc, kb: KB): Recognised {
  const first = recognisePass(doc, kb, null);
  const best = richestByName(first.actors);
  // a speaker label the KB does not know ("Mr Asselborn"): the person the text names in full
  const bySurname = byLastName(best);
  const known = knownSpeakers(first.turns, best, bySurname);
  const r = known.size ? recognisePass(doc, kb, known, first) : first;
  enrichMentions(r.actors, best);
  const speakers = fullSpeakerNames(r.speakers, best, bySurname);
  return { actors: r.actors, turns: r.turns, speakers };
}

/** the richest description of each person the mentions name, by name */
function richestByName(mentions: ActorMention[]): Map<string, Actor> {
  const best = new Map<string, Actor>();
  for (const m of mentions) {
    if (m.kind !== 'person' || !m.actor.name) continue;
    const b = best.get(m.actor.name);
    if (!b || richness(m.actor) > richness(b)) best.set(m.actor.name, m.actor);
  }
  return best;
}

/** the people by the last word of their names (null when two people share it) */
function byLastName(best: Map<string, Actor>): Map<string, Actor | null> {
  const bySurname = new Map<string, Actor | null>();
  for (const a of best.values()) {
    const ws = nameWords(a.name!);
    const k = ws.length ? ws[ws.length - 1].key : '';
    bySurname.set(k, bySurname.has(k) && bySurname.get(k)!.name !== a.name ? null : a);
  }
  return bySurname;
}

/** the turn speakers the text describes more richly than the first pass knew them, by name */
function knownSpeakers(
  turns: Turn[],
  best: Map<string, Actor>,
  bySurname: Map<string, Actor | null>,
): Map<string, Actor> {
  const known = new Map<string, Actor>();
  for (const t of turns) {
    const sp = t.speaker;
    if (!sp?.name || !t.speakerName) continue;
    let b = best.get(sp.name);
    if (!b || richness(b) <= richness(sp)) {
      const ws = nameWords(t.speakerName);
      const c = ws.length > 0 ? bySurname.get(ws[ws.length - 1].key) : undefined;
      if (c && richness(c) > richness(sp)) b = c;
    }
    if (b && richness(b) > richness(sp)) known.set(sp.name, b);
  }
  return known;
}

/** one actor per person key: the richest description wins */
function enrichMentions(mentions: ActorMention[], best: Map<string, Actor>): void {
  for (const m of mentions) {
    if (!m.actor.name) continue;
    const b = best.get(m.actor.name);
    if (b && richness(b) > richness(m.actor)) m.actor = { ...b, role: m.actor.role ?? b.role };
  }
}

/** principal speakers by their full names ("Porter" → "Jalina Porter" when the text names her) */
function fullSpeakerNames(
  speakers: string[],
  best: Map<string, Actor>,
  bySurname: Map<string, Actor | null>,
): string[] {
  const out: string[] = [];
  for (const s of speakers) {
    if (best.has(s)) {
      out.push(s);
      continue;
    }
    const ws = nameWords(s);
    const c = ws.length === 1 ? bySurname.get(ws[0].key) : undefined;
    out.push(c?.name ?? s);
  }
  return out;
}

/** the words, lexicon items and word classes of a document: the same for both passes (neither pass changes them) */
interface Scanned {
  ws: W[];
  at: (Item | undefined)[];
  /** WORD_CLASS bits by word */
  wc: Uint8Array;
}

/** a country or organisation that modifies a title or a group noun ("Russian", "US", "UN"): words [i, j) */
interface Mod {
  i: number;
  j: number;
  country: string | null;
  org: string | null;
}

/** "my (Chinese) colleague", "our partners": words [i, j), resolved once the main pass is done */
interface PendingCounterpart {
  i: number;
  j: number;
  country: string | null;
  plural: boolean;
  rule: string;
}

/**
 * One recognition pass over a document: what it reads (the words and their lexicon items) and
 * what it has found so far. The steps of the pass are the functions below, over this state.
 */
interface PassState {
  A: ActorKB;
  text: string;
  date: string | null;
  /** whether the document has a date: without one the KB cannot tell who held an office */
  dated: boolean;
  ws: W[];
  at: (Item | undefined)[];
  /** WORD_CLASS bits by word */
  wc: Uint8Array;
  /** the words already taken by a mention */
  used: Uint8Array;
  /** the mentions found so far */
  out: ActorMention[];
  /** the document's turns, with their speakers resolved */
  turns: Turn[];
  /** the people named so far, in text order */
  persons: PersonRef[];
  bySurname: Map<string, PersonRef>;
  byRole: Map<string, PersonRef>;
  /**
   * "the Secretary", "the Minister" with no country: the one person of that title the document
   * has named so far ("Secretary Blinken … The Secretary reaffirmed…"); two different people of
   * one title make it ambiguous (null), and it stays unresolved
   */
  byBareTitle: Map<string, PersonRef | null>;
  pendingCounterparts: PendingCounterpart[];
  /** "we"/"us"/"our" outside any speaker's turn: the authors of a statement, when the text names them */
  pendingWe: number[];
}

function recognisePass(doc: Doc, kb: KB, known: Map<string, Actor> | null, scanned?: Scanned): Recognised & Scanned {
  const A = kb.actors;
  const date = doc.meta.published ?? null;
  const dated = dateBounds(date) !== null;
  const ws = scanned?.ws ?? prepareWords(doc);
  const { at, wc } = scanned ?? scan(A, ws);
  const used = usedFlags(ws.length);
  // a transcript names the same few speakers turn after turn: resolve each label once
  // (actors are never mutated, so turns may share one)
  const speakerMemo = new Map<string, Actor | null>();
  // turns: resolve speakers first (they are the referents of I/we and of "my colleague")
  const turns = resolveTurns(doc, kb, known, speakerMemo);
  const st: PassState = {
    A,
    text: doc.text,
    date,
    dated,
    ws,
    at,
    wc,
    used,
    out: [],
    turns,
    persons: [],
    bySurname: new Map(),
    byRole: new Map(),
    byBareTitle: new Map(),
    pendingCounterparts: [],
    pendingWe: [],
  };
  for (const t of turns) if (t.speaker?.name) notePerson(st, t.speaker, personKey(t.speaker), t.start);
  const speakers = principalSpeakers(doc, kb, speakerMemo);

  mainPass(st);
  authorialWe(st, doc.meta.title ?? null);
  apposition(st);
  bareSurnames(st);
  resolveCounterparts(st);

  st.out.sort(byPosition);
  return { actors: st.out, turns, speakers, ws, at, wc };
}

const byPosition = (a: ActorMention, b: ActorMention) => a.start - b.start || b.end - a.end;

/** a speaker label resolved to an actor, once per document */
function speakerOf(kb: KB, memo: Map<string, Actor | null>, name: string, date: string | null): Actor | null {
  let a = memo.get(name);
  if (a === undefined) memo.set(name, (a = resolveSpeaker(kb, name, date)));
  return a;
}

/**
 * The document's turns with their speakers resolved (a label the first pass found richer in the
 * text, `known`, takes that description). Built by push: the array is of one element kind whether
 * or not the document has turns.
 */
function resolveTurns(doc: Doc, kb: KB, known: Map<string, Actor> | null, memo: Map<string, Actor | null>): Turn[] {
  const date = doc.meta.published ?? null;
  const turns: Turn[] = [];
  for (const t of doc.layers.turns ?? []) {
    if (!t.speakerName || t.role === 'question') {
      turns.push({ ...t, speaker: t.speakerName ? t.speaker : null });
      continue;
    }
    let a = speakerOf(kb, memo, t.speakerName, date) ?? t.speaker ?? actorOf({ name: t.speakerName });
    const k = a.name ? known?.get(a.name) : undefined;
    if (k && richness(k) > richness(a)) a = k;
    // "Statement by H.E. Mr. X, Minister for Foreign Affairs of Fiji, at…": the title's appositive
    // gives the country of a speaker the KB does not know
    if (!a.country && !a.org && a.name) {
      const c = titleAppositiveCountry(kb, doc.meta.title ?? null, a.name);
      if (c) a = { ...a, country: c, sector: a.sector ?? 'GOV', code: cameoCode(c, a.sector ?? 'GOV') };
    }
    turns.push({ ...t, speaker: a });
  }
  // a government outlet's briefing answered by one speaker the KB does not know ("MS PORTER" at a
  // State Department press briefing): the spokesperson speaks for that government
  const answering = new Set(turns.filter((t) => t.role !== 'question' && t.speakerName).map((t) => t.speakerName));
  const country = answering.size === 1 ? outletCountry(doc.meta.source) : null;
  if (country) {
    for (let i = 0; i < turns.length; i++) {
      const sp = turns[i]!.speaker;
      if (!sp || turns[i]!.role === 'question' || sp.country || sp.org) continue;
      turns[i] = {
        ...turns[i]!,
        speaker: { ...sp, country, sector: sp.sector ?? 'GOV', code: cameoCode(country, sp.sector ?? 'GOV') },
      };
    }
  }
  return turns;
}

/** the country named in the appositive after a name in a title: "X, Minister for Foreign Affairs of Fiji," → FJI */
function titleAppositiveCountry(kb: KB, title: string | null, name: string): string | null {
  if (!title) return null;
  const at = title.indexOf(name);
  if (at < 0) return null;
  const m =
    /^,\s+[^,]{0,80}?\bof\s+(?:the\s+)?([\p{Lu}][\p{L}'’ -]{1,40}?)\s*(?:,|$|\s+(?:at|on|in|to|before)\b)/u.exec(
      title.slice(at + name.length),
    );
  if (!m) return null;
  const hit = kb.actors.geo.aliases.get(normKey(m[1]!.replace(/^the\s+/i, '')))?.find((x) => x.kind === 'name');
  return hit?.code ?? null;
}

/** the document's principal speakers by the names the KB knows them by (an array of one element kind, as above) */
function principalSpeakers(doc: Doc, kb: KB, memo: Map<string, Actor | null>): string[] {
  const date = doc.meta.published ?? null;
  const speakers: string[] = [];
  for (const s of doc.meta.speakers ?? []) speakers.push(speakerOf(kb, memo, s, date)?.name ?? s);
  return speakers;
}

function emit(st: PassState, i: number, j: number, kind: MentionKind, actor: Actor, key: string, rule: string): void {
  for (let k = i; k < j; k++) st.used[k] = 1;
  st.out.push({ start: st.ws[i].start, end: st.ws[j - 1].end, kind, actor, key, rule });
}

const roleKey = (role: string, c: string | null) => `${titleKeys(role).lower}|${c ?? ''}`;
const personKey = (a: Actor) => `person:${a.name}`;

/** records a person the text names: for later surnames, roles and bare titles */
function notePerson(st: PassState, actor: Actor, key: string, pos: number): void {
  const ref = { actor, key, pos };
  st.persons.push(ref);
  if (actor.name) {
    const nw = nameWords(actor.name);
    if (nw.length) st.bySurname.set(nw[nw.length - 1].key, ref);
    for (const w of nw) if (w.key.length > 1 && isCap(w.text) && !st.bySurname.has(w.key)) st.bySurname.set(w.key, ref);
  }
  if (actor.role) st.byRole.set(roleKey(actor.role, actor.country ?? actor.org), ref);
  if (actor.role && actor.name) for (const k of titleKeys(actor.role).bare) noteBareTitle(st, k, ref);
}

function noteBareTitle(st: PassState, k: string, ref: PersonRef): void {
  const had = st.byBareTitle.get(k);
  st.byBareTitle.set(k, had === undefined || (had && had.key === ref.key) ? ref : null);
}

/** a run of capitalised name words from k (no lexicon items other than persons), max 4 */
function nameRun(st: PassState, k: number, allowBreakAtStart: boolean): number {
  const { ws, at, text } = st;
  let e = k;
  while (e < ws.length && e - k < 5) {
    const w = ws[e];
    // a middle initial: "Antony J. Blinken"
    const initialGap =
      e > k && ws[e - 1].text.length === 1 && isCap(ws[e - 1].text) && text.slice(ws[e - 1].end, w.start) === '. ';
    if (e > k && w.brk && !initialGap && !w.hyph) break;
    if (e === k && w.brk && !allowBreakAtStart) break;
    if (at[e] && !reading(at[e], 'person')) break;
    const particle = (NAME_PARTICLES.has(w.key) && e > k) || (w.hyph && e > k);
    if (!w.cap && !particle) break;
    // a capitalised "He" inside a sentence, right after a name word, is a name ("Vice Premier Liu He")
    const nameHe = e > k && !w.brk && !w.sentStart && (w.text === 'He' || w.text === 'She');
    if (!nameHe && (FUNCTION_WORDS.has(w.key) || CALENDAR.has(w.key) || CONTRACTION.test(w.key))) break;
    if (!nameHe && w.pos && NON_NAME_POS.has(w.pos) && !particle) break;
    e++;
  }
  while (e > k && NAME_PARTICLES.has(ws[e - 1].key) && !ws[e - 1].cap) e--;
  return e;
}

/** skips honorifics between a title and a name ("Minister, Mr Jean Asselborn", "H.E. Dr Hamzah Haz") */
function skipPrefixes(ws: W[], k: number): number {
  let q = k;
  while (q < ws.length && q - k < 4 && NAME_PREFIXES.has(ws[q].key) && ws[q].cap && q + 1 < ws.length && ws[q + 1].cap)
    q++;
  return q;
}

/** the person a name [s, e) refers to: one the document has named (ref), or a KB person */
function resolveName(
  st: PassState,
  s: number,
  e: number,
  role: string | null,
  country: string | null,
): { person: Person | null; ref: PersonRef | null } {
  const { A, ws, date } = st;
  const name = st.text.slice(ws[s].start, ws[e - 1].end);
  if (e - s === 1) {
    const ref = st.bySurname.get(ws[s].key);
    if (ref) return { person: null, ref };
  }
  const item = st.at[s];
  const pr = reading(item, 'person');
  if (pr && item!.j === e) return { person: pr.person, ref: null };
  const hit = findPerson(A, name, date);
  if (hit) return { person: hit.person, ref: null };
  if (e - s === 1 && (role || country)) {
    const h2 = findBySurnameAndRole(A, ws[s].text, role, country, date);
    if (h2) return { person: h2.person, ref: null };
  }
  if (e - s === 1 && role) {
    const r = st.byRole.get(roleKey(role, country));
    if (r && r.actor.name && nameWords(r.actor.name).some((w) => w.key === ws[s].key)) return { person: null, ref: r };
  }
  return { person: null, ref: null };
}

/** a KB person at the document date; out of office, the nearest term still gives the country */
function personAt(st: PassState, p: Person, role: string | null, country: string | null): Actor {
  const t = termAt(p, st.date, role, country);
  if (t) return personActor(st.A, p, t);
  const near = nearestTerm(p, st.date);
  return personActor(st.A, p, near, { role: null });
}

/** the turn at an offset (binary search) */
function speakerAt(turns: Turn[], pos: number): Turn | null {
  return spanAt(turns, pos);
}

/** the speaker of the turn at an offset, unless it is a question */
function answeringSpeakerAt(turns: Turn[], pos: number): Actor | null {
  const t = speakerAt(turns, pos);
  return t && t.role !== 'question' ? t.speaker : null;
}

/** an item's country/org reading usable as a modifier ("US", "Turkish", "UN") */
function modifier(it: Item | undefined): Mod | null {
  if (!it) return null;
  const c = reading(it, 'country');
  // "Turkish", "US", and seats/capitals too: "Kremlin spokesman", "White House officials"
  if (c) return { i: it.i, j: it.j, country: c.alias.code, org: null };
  const o = reading(it, 'org');
  if (o) return { i: it.i, j: it.j, country: null, org: o.org.org };
  return null;
}

function isCapitalItem(x: Item | undefined): boolean {
  const c = reading(x, 'country');
  return !!c && (c.alias.kind === 'capital' || c.alias.kind === 'seat' || c.alias.kind === 'name');
}

function itemEndingAt(at: (Item | undefined)[], j: number): Item | undefined {
  for (let b = j - 1; b >= 0 && b >= j - 6; b--) if (at[b]) return at[b]!.j === j ? at[b] : undefined;
  return undefined;
}

/** A capital stands for its government when it acts, owns, or is coordinated with other actors. */
function capitalActs(st: PassState, x: Item): boolean {
  const { ws, at } = st;
  const nx = ws[x.j];
  if (nx && !nx.brk && (nx.pos === 'VERB' || nx.pos === 'AUX')) return true;
  // "Beijing firmly opposes", "Moscow has also said": adverbs before the verb
  for (let k = x.j; k < x.j + 2 && k + 1 < ws.length && !ws[k].brk && ws[k].pos === 'ADV'; k++) {
    const v = ws[k + 1];
    if (!v.brk && (v.pos === 'VERB' || v.pos === 'AUX')) return true;
  }
  const after = st.text.slice(ws[x.j - 1].end, ws[x.j - 1].end + 2);
  if (after === "'s" || after === '’s') return true;
  const pv = x.i > 0 ? ws[x.i - 1] : null;
  if (pv && !ws[x.i].brk && (pv.key === 'between' || pv.key === 'with' || pv.key === 'against')) return true;
  // coordinated: "Moscow and Washington", "Kiev, Paris, Berlin and London" (not after "in")
  const coordNext = nx && (nx.key === 'and' || nx.comma) && isCapitalItem(at[nx.key === 'and' ? x.j + 1 : x.j]);
  const coordPrev =
    pv &&
    (pv.key === 'and'
      ? isCapitalItem(itemEndingAt(at, x.i - 1))
      : ws[x.i].comma && isCapitalItem(itemEndingAt(at, x.i)));
  if (coordNext || coordPrev) return !firstConjunctIsPlace(st, x);
  return false;
}

/** walks back to the first of coordinated capitals and tells whether it is a location ("in Paris, Berlin and …") */
function firstConjunctIsPlace(st: PassState, x: Item): boolean {
  const { ws, at } = st;
  let first = x.i;
  for (let g = 0; g < 8; g++) {
    const w0 = ws[first];
    const prevItem = w0.comma
      ? itemEndingAt(at, first)
      : first > 0 && ws[first - 1].key === 'and'
        ? itemEndingAt(at, first - 1)
        : undefined;
    if (!prevItem || !isCapitalItem(prevItem)) break;
    first = prevItem.i;
  }
  return first > 0 && LOC_PREP.has(ws[first - 1].key) && !ws[first].brk;
}

/** a capitalised proper-name word next to an item that no lexicon entry explains */
function foreignNameWord(st: PassState, k: number): boolean {
  const { ws } = st;
  if (k < 0 || k >= ws.length || st.at[k] || st.used[k]) return false;
  const w = ws[k];
  if (!w.cap || (st.wc[k] & (WC_FUNCTION | WC_CALENDAR | WC_HONORIFIC)) !== 0) return false;
  if (w.pos) return w.pos === 'PROPN';
  return !w.sentStart;
}

function insideOtherName(st: PassState, x: Item): boolean {
  const { ws } = st;
  if (x.i > 0 && !ws[x.i].brk && foreignNameWord(st, x.i - 1)) return true;
  // "the Bank of Russia" (a sentence-initial "Opponents of Rwanda" is no name)
  if (
    x.i > 1 &&
    !ws[x.i].brk &&
    ws[x.i - 1].key === 'of' &&
    !ws[x.i - 1].brk &&
    !ws[x.i - 2].sentStart &&
    foreignNameWord(st, x.i - 2)
  )
    return true;
  // "China Daily", "Russia Today" (but "U.S. Central Command", "UK Treasury" are the country's)
  const acronym = isUpperCase(ws[x.i].text);
  if (!acronym && x.j < ws.length && !ws[x.j].brk && foreignNameWord(st, x.j)) return true;
  return false;
}

/** The main pass over the words: honorific names, first-person pronouns, titles and plain lexicon items. */
function mainPass(st: PassState): void {
  const { ws, at, used } = st;
  // each step returns the last word it took
  for (let i = 0; i < ws.length; i++) {
    if (used[i]) continue;
    const it = at[i];
    if (!it) {
      i = wordOutsideLexicon(st, i);
      continue;
    }
    const end = titleAt(st, i, it);
    i = end >= 0 ? end : plainItem(st, i, it);
  }
}

/** a word outside the lexicon: an honorific and a name ("Mr Lavrov"), or a first-person pronoun */
function wordOutsideLexicon(st: PassState, i: number): number {
  const { ws, text } = st;
  const w = ws[i];
  // one look-up for the closed classes this pass asks about for a word outside the lexicon
  const wc = st.wc[i];

  // honorific + surname
  if (
    (wc & WC_HONORIFIC) !== 0 &&
    i + 1 < ws.length &&
    ws[i + 1].cap &&
    (!ws[i + 1].brk || text.slice(w.end, ws[i + 1].start) === '. ')
  ) {
    const e = nameRun(st, i + 1, true);
    if (e > i + 1) {
      honorificName(st, i, e);
      return e - 1;
    }
  }
  // first person
  if ((wc & (WC_FIRST_SG | WC_FIRST_PL)) !== 0) firstPerson(st, i, wc);
  return i;
}

/** "Mr Lavrov", "Dr Hassan Wirajuda": the honorific at i, the name up to e */
function honorificName(st: PassState, i: number, e: number): void {
  const { ws } = st;
  const { person, ref } = resolveName(st, i + 1, e, null, null);
  let actor: Actor;
  let rule = 'honorific-surname';
  if (ref) actor = ref.actor;
  else if (person) actor = personAt(st, person, null, null);
  else {
    actor = actorOf({ name: st.text.slice(ws[i + 1].start, ws[e - 1].end) });
    rule = 'honorific-unknown';
  }
  emit(st, i, e, 'person', actor, personKey(actor), rule);
  notePerson(st, actor, personKey(actor), ws[i].start);
}

/** I/me/my → the turn's speaker; we/us/our → the speaker's country (or organisation) */
function firstPerson(st: PassState, i: number, wc: number): void {
  const sp = answeringSpeakerAt(st.turns, st.ws[i].start);
  if (!sp) {
    // no speaker here: a statement's "we" is its authors, when the text says who they are
    if ((wc & WC_FIRST_PL) !== 0 && !speakerAt(st.turns, st.ws[i].start)) st.pendingWe.push(i);
    return;
  }
  // "my (Turkish) colleague", "our partners", "our diplomats" are handled below with their head noun
  const nx = st.at[i + 1];
  const nx2 = st.at[i + 2];
  const headNext = reading(nx, 'role') ?? (modifier(nx) ? reading(nx2, 'role') : undefined);
  if (headNext && headNext.role.kind !== 'person') {
    // leave the possessive to the counterpart rule
  } else if ((wc & WC_FIRST_SG) !== 0) {
    emit(st, i, i + 1, 'pronoun', sp, personKey(sp), 'first-person-singular');
  } else if (sp.country || sp.org) {
    const sector = 'GOV';
    const a = actorOf({
      country: sp.country,
      org: sp.country ? null : sp.org,
      sector,
      code: cameoCode(sp.country, sector, sp.country ? null : (st.A.orgs.get(sp.org ?? '')?.cameo ?? null)),
    });
    emit(st, i, i + 1, 'pronoun', a, `group:${sp.country ?? sp.org}:GOV`, 'first-person-plural');
  }
}

/** what may stand between the parties of a list in an appositive: ", ", "and the Secretary of State of the " */
const APPOSITIVE_GLUE = /^,?\s*(?:and\s+)?(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){0,5}(?:of\s+)?(?:the\s+)?$/u;
/** what may open the list: "G7 ", "Foreign Ministers of the " */
const APPOSITIVE_LEAD = /^(?:[\p{Lu}\p{N}][\p{L}\p{N}'’-]*\s+){0,5}(?:of\s+)?(?:the\s+)?$/u;
/** "We, the G7 Foreign Ministers of …, reiterate": the text names the authors of its "we" (not the UN Charter's "We, the peoples") */
const WE_THE = /\bWe,\s+(?:the\s+)?(?!peoples\b)/;

/** Whether the text opens (in its first 600 characters) with "We, the …": a statement by those it names. */
export function opensWithWeThe(text: string): boolean {
  return WE_THE.test(text.slice(0, 600));
}

/**
 * The authors a statement lists in its opening "We, the …" appositive, one mention per country or
 * organisation, in order: [G7] for "We, the G7 Foreign Ministers of Canada, France…" (an
 * organisation first speaks for its members), [AUS, IND, JPN, USA] for "We, the Foreign Ministers
 * of Australia, India and Japan and the Secretary of State of the United States" (a title the actor
 * layer resolved to its holder counts by the holder's country). Empty when the
 * text's first 600 characters hold no such appositive.
 */
export function listedAuthors<M extends Pick<ActorMention, 'start' | 'end' | 'kind' | 'actor'>>(
  text: string,
  mentions: readonly M[],
): M[] {
  const m = WE_THE.exec(text.slice(0, 600));
  if (!m) return [];
  let cursor = m.index + m[0].length;
  const out: M[] = [];
  const keys = new Set<string>();
  for (const x of mentions) {
    if (x.start < cursor) continue;
    if (!(out.length ? APPOSITIVE_GLUE : APPOSITIVE_LEAD).test(text.slice(cursor, x.start))) break;
    cursor = x.end;
    const k = x.actor.org ?? x.actor.country;
    if (!k || x.kind === 'pronoun') break;
    if (out.length === 1 && out[0]!.actor.org) break; // the organisation's members
    if (!keys.has(k)) out.push(x);
    keys.add(k);
  }
  return out;
}
/** "G7 Foreign Ministers’ Statement on …", "Joint Statement by the BRICS Leaders": the issuer's part of a title */
const TITLE_ISSUER =
  /^(?:(.{2,80}?)(?:['’]s?)?\s+(?:Joint\s+)?(?:Statement|Communiqu[eé]|Declaration)\b|(?:Joint\s+)?(?:Statement|Communiqu[eé]|Declaration)\s+(?:by|of|from)\s+(?:the\s+)?(.{2,80}?)(?:\s+(?:on|in|at|regarding|concerning)\b|[:,–—(]|$))/i;

/**
 * The referent of "we" in a statement with no speaker turns: the body named right after "We, the"
 * in the text, else the one organisation or country named as the title's issuer. One author only:
 * a joint statement of several states leaves "we" unresolved (an event has one source).
 */
function authorialWe(st: PassState, title: string | null): void {
  if (!st.pendingWe.length) return;
  let author: Actor | null = null;
  // one author only: a joint statement of several states leaves "we" unresolved (an event has
  // one source; the events stage reads the list itself)
  const listed = listedAuthors(st.text, st.out);
  if (listed.length === 1 && listed[0]!.kind !== 'person') author = listed[0]!.actor;
  if (!author && title) {
    const t = TITLE_ISSUER.exec(title);
    const part = t ? (t[1] ?? t[2] ?? '') : '';
    if (part) {
      // the organisations and countries the issuer's part names, read with the lexicon
      const keys = new Map<string, Actor>();
      const tws = words(part);
      for (const it of scan(st.A, tws).at) {
        if (!it) continue;
        const o = reading(it, 'org');
        const c = reading(it, 'country');
        if (o) keys.set(o.org.org, actorOf({ org: o.org.org, code: o.org.cameo }));
        else if (c && (c.alias.kind === 'name' || c.alias.kind === 'adjective'))
          keys.set(c.alias.code, actorOf({ country: c.alias.code }));
      }
      if (keys.size === 1) author = [...keys.values()][0]!;
    }
  }
  if (!author) return;
  const owner = author.org ?? author.country!;
  const sector = author.org ? null : 'GOV';
  const a = actorOf({
    country: author.org ? null : author.country,
    org: author.org,
    sector,
    code: author.org ? (author.code ?? st.A.orgs.get(author.org)?.cameo ?? null) : cameoCode(author.country, sector),
  });
  for (const i of st.pendingWe)
    if (!st.used[i]) emit(st, i, i + 1, 'pronoun', a, `group:${owner}:${sector ?? ''}`, 'first-person-plural-author');
}

/** a title being read: [Mod]? Role [of Country]? [for|on Complement]? [,]? Name? */
interface Title {
  /** the first word of the mention (the modifier, or the title itself) */
  start: number;
  roleIt: Item;
  role: RoleInfo;
  /** the coordinated modifiers ("Russian, US and Jordanian"), or the names after "the presidents of" */
  chain: Mod[];
  country: string | null;
  org: string | null;
  /** the word after what has been read so far */
  q: number;
  /** the title as written: with the words that say which ministry, and the complement */
  roleName: string;
  /** words that say which ministry before a bare title ("Rwanda's information minister"), title-cased */
  descr: string | null;
  /** the name after the title, [nameS, nameE); -1 when none */
  nameS: number;
  nameE: number;
  /** the word just before the title when it may be a possessive or article ("our", "my", "the") */
  poss: string | null;
}

function newTitle(st: PassState, i: number, roleIt: Item, chain: Mod[], descr: string | null): Title {
  const { ws } = st;
  const role = reading(roleIt, 'role')!.role;
  // possessive "our" before the title: the speaker's side
  const before = i > 0 ? ws[i - 1] : null;
  const poss = before && !ws[i].brk && !st.used[i - 1] && !st.at[i - 1] ? before.key : null;
  return {
    start: i,
    roleIt,
    role,
    chain,
    country: chain.length === 1 ? chain[0].country : null,
    org: chain.length === 1 ? chain[0].org : null,
    q: roleIt.j,
    roleName: descr ? `${descr} ${role.role}` : role.role,
    descr,
    nameS: -1,
    nameE: -1,
    poss,
  };
}

/**
 * A title at word i, and what it names: a titled person, a role, counterparts, plural offices or
 * groups. The last word taken, or -1 when no title begins at i.
 */
function titleAt(st: PassState, i: number, it: Item): number {
  const t = findTitle(st, i, it);
  if (!t) return -1;
  const role = t.role;
  ofClause(st, t);
  complement(st, t);
  if (!t.country && !t.org && role.country) t.country = role.country;
  nameAfterTitle(st, t);
  const poss = t.poss;
  const firstPoss = !!poss && (FIRST_SG.has(poss) || FIRST_PL.has(poss));
  if (role.kind === 'counterpart' && t.nameS < 0) return counterpartTitle(st, t, firstPoss);
  if (t.nameS >= 0) return titledName(st, t, firstPoss);
  if (role.kind === 'person') return roleOnly(st, t);
  if (role.kind === 'counterparts') return counterpartsTitle(st, t, firstPoss);
  // plural offices: "the Russian and Chinese Foreign Ministers", "the presidents of Russia and the United States"
  if (role.kind === 'persons' && t.chain.length) return pluralOffice(st, t);
  // group / body: "the Chinese side", "the Russian Defence Ministry", "Russian, US and Jordanian experts"
  if (t.chain.length) return groups(st, t);
  return ourGroup(st, t);
}

/** [Mod]? Role at word i: the title item and its modifiers, or null */
function findTitle(st: PassState, i: number, it: Item): Title | null {
  const mod = modifier(it);
  if (mod) return titleAfterModifiers(st, i, mod);
  if (reading(it, 'role')) return newTitle(st, i, it, [], null);
  return null;
}

/** modifiers, then a title: "Russian, US and Jordanian experts", "the Russian energy minister" */
function titleAfterModifiers(st: PassState, i: number, mod: Mod): Title | null {
  const { ws, at } = st;
  // coordinated modifiers: "Russian, US and Jordanian experts"
  const chain: Mod[] = [mod];
  let q = mod.j;
  for (;;) {
    let r = q;
    if (r >= ws.length) break;
    if (ws[r].comma) {
      if (ws[r].key === 'and') r++;
    } else if (ws[r].key === 'and' && !ws[r].brk) r++;
    else break;
    if (r >= ws.length || (r > q && ws[r].brk)) break;
    const m2 = modifier(at[r]);
    if (!m2) break;
    chain.push(m2);
    q = m2.j;
  }
  const last = chain[chain.length - 1];
  const head = at[last.j];
  if (last.j < ws.length && !ws[last.j].lbrk && reading(head, 'role')) return newTitle(st, i, head!, chain, null);
  // "Rwanda's information minister", "the Russian energy minister": one or two words that
  // say which ministry, then a personal title
  let d = last.j;
  while (
    d < ws.length &&
    d - last.j < 2 &&
    !ws[d].lbrk &&
    !at[d] &&
    !FUNCTION_WORDS.has(ws[d].key) &&
    (!ws[d].pos || ws[d].pos === 'NOUN' || ws[d].pos === 'PROPN' || ws[d].pos === 'ADJ')
  )
    d++;
  const h2 = d > last.j && d < ws.length && !ws[d].lbrk ? reading(at[d], 'role') : undefined;
  if (
    chain.length === 1 &&
    h2 &&
    h2.role.kind === 'person' &&
    /^(?:Minister|Deputy Minister|Secretary|Spokesperson|Director|Commander|Chairman)$/.test(h2.role.role)
  ) {
    const descr = st.text
      .slice(ws[last.j].start, ws[d - 1].end)
      .replace(/(^|\s)(\p{Ll})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
    return newTitle(st, i, at[d]!, chain, descr);
  }
  return null;
}

/** "Foreign Minister of China", "President of the Russian Federation" */
function ofClause(st: PassState, t: Title): void {
  const { ws, at } = st;
  const q = t.q;
  if (q >= ws.length || ws[q].key !== 'of' || ws[q].brk) return;
  let r = q + 1;
  if (r < ws.length && ws[r].key === 'the' && !ws[r].brk) r++;
  // only a name follows "of": "Secretary of the Lao People's Revolutionary Party" is no title of Laos
  const ofName =
    r < ws.length && !ws[r].brk && (reading(at[r], 'org') || reading(at[r], 'country')?.alias.kind === 'name');
  const m2 = ofName ? modifier(at[r]) : null;
  if (!m2 || t.country || t.org) return;
  if (t.role.kind === 'persons' && t.chain.length === 0) {
    // "the presidents of Russia and the United States"
    t.chain.push(m2);
    t.q = namesAfterOf(st, t.chain, m2.j);
  } else {
    t.country = m2.country;
    t.org = m2.org;
    t.q = m2.j;
  }
}

/** the further names of "the presidents of Russia and the United States" from word x, onto chain; the word after them */
function namesAfterOf(st: PassState, chain: Mod[], x: number): number {
  const { ws, at } = st;
  for (;;) {
    let y = x;
    if (y < ws.length && (ws[y].key === 'and' || ws[y].comma)) y += ws[y].key === 'and' ? 1 : 0;
    else break;
    if (y < ws.length && ws[y].key === 'the' && !ws[y].brk) y++;
    const m3 =
      y < ws.length && (reading(at[y], 'org') || reading(at[y], 'country')?.alias.kind === 'name')
        ? modifier(at[y])
        : null;
    if (!m3 || y === x) break;
    chain.push(m3);
    x = m3.j;
  }
  return x;
}

/** a post accredited "to" a country or body: "Ambassador to Havana", "Special Envoy to Syria" */
const ACCREDITED = /\b(?:ambassador|envoy|representative|delegate|emissary|consul|charg[eé] d['’]affaires)$/i;

/** complement: "for Syria", "on Climate", "Ambassador to Havana" (and a name right after it) */
function complement(st: PassState, t: Title): void {
  const { ws, at } = st;
  const q = t.q;
  if (!(
    t.role.kind === 'person' &&
    q < ws.length &&
    (ws[q].key === 'for' || ws[q].key === 'on' || (ws[q].key === 'to' && ACCREDITED.test(t.roleName))) &&
    !ws[q].brk &&
    q + 1 < ws.length &&
    ws[q + 1].cap &&
    !ws[q + 1].brk
  ))
    return;
  let e = q + 1;
  let personW = -1;
  while (
    e < ws.length &&
    (e === q + 1 || !ws[e].brk) &&
    (ws[e].cap ||
      ((ws[e].key === 'and' || ws[e].key === 'the' || ws[e].key === 'of') && e + 1 < ws.length && ws[e + 1].cap))
  ) {
    if (e > q + 1 && personW < 0 && reading(at[e], 'person')) personW = e;
    e = at[e] ? Math.max(e + 1, at[e]!.j) : e + 1;
  }
  let cEnd = e;
  if (personW > 0) {
    cEnd = personW;
    t.nameS = personW;
    t.nameE = at[personW]!.j;
  } else if (e < ws.length && ws[e].comma) {
    cEnd = e;
  } else if (at[q + 1] && modifier(at[q + 1]) && at[q + 1]!.j < e) {
    cEnd = at[q + 1]!.j;
    t.nameS = cEnd;
    t.nameE = Math.min(e, cEnd + 4);
  } else if (
    e - (q + 1) >= 3 &&
    ws[e - 2].cap &&
    ws[e - 3].cap &&
    (!ws[e - 2].pos || (ws[e - 2].pos === 'PROPN' && ws[e - 1].pos === 'PROPN'))
  ) {
    // "for Climate John Kerry": the last two capitalised words are the name
    cEnd = e - 2;
    t.nameS = e - 2;
    t.nameE = e;
  }
  t.roleName = `${t.roleName} ${st.text.slice(ws[q].start, ws[cEnd - 1].end)}`;
  t.q = cEnd;
}

/** the name after the title, possibly after a comma */
function nameAfterTitle(st: PassState, t: Title): void {
  const { ws, at } = st;
  const q = t.q;
  if (
    t.nameS >= 0 ||
    (t.role.kind !== 'person' && t.role.kind !== 'counterpart') ||
    q >= ws.length ||
    (ws[q].brk && !ws[q].comma)
  )
    return;
  const q2 = skipPrefixes(ws, q);
  const gapOk = q2 === q || !ws[q2].brk || st.text.slice(ws[q2 - 1].end, ws[q2].start) === '. ';
  const e = gapOk ? nameRun(st, q2, q2 !== q || ws[q].comma) : q2;
  // after a comma an unknown one-word "name" is usually the next item of a list
  const known =
    e > q2 &&
    (reading(at[q2], 'person') || e - q2 > 1 || st.bySurname.has(ws[q2].key) || st.A.personBySurname.has(ws[q2].key));
  if (e > q2 && (!ws[q].comma || known)) {
    t.nameS = q2;
    t.nameE = e;
  }
}

/** "my Chinese colleague" with no name: resolved at the end; "his colleague" is left alone */
function counterpartTitle(st: PassState, t: Title, firstPoss: boolean): number {
  const j = t.roleIt.j;
  if (!firstPoss) return j - 1;
  const s = t.start - 1;
  st.pendingCounterparts.push({ i: s, j, country: t.country, plural: false, rule: 'counterpart' });
  for (let x = s; x < j; x++) st.used[x] = 1;
  return j - 1;
}

/** a title and a name: "Foreign Minister Sergey Lavrov", "my colleague Wang Yi" */
function titledName(st: PassState, t: Title, firstPoss: boolean): number {
  const { A, ws, date } = st;
  const { role, country, org, nameS, nameE } = t;
  const sector = role.sector;
  const { person, ref } = resolveName(st, nameS, nameE, t.roleName, country ?? org);
  let actor: Actor;
  let rule = role.kind === 'counterpart' ? 'counterpart-name' : 'titled-name';
  const titleRole = role.kind === 'counterpart' ? null : t.roleName;
  const sectorOf = sector ?? 'GOV';
  if (ref) actor = { ...ref.actor, role: ref.actor.role ?? titleRole };
  else if (person) {
    const term = termAt(person, date, role.role, country ?? org);
    const near = term ? null : nearestTerm(person, date);
    actor = personActor(A, person, term, {
      ...(near && !country && !org ? { country: near.country, org: near.org } : {}),
      ...(titleRole ? { role: titleRole } : {}),
      ...(country ? { country } : {}),
      ...(org && !country ? { org } : {}),
      ...(sector ? { sector } : {}),
    });
    rule += '-kb';
  } else {
    const s2 = sectorOf;
    const orgCameo = !country && org ? (A.orgs.get(org)?.cameo ?? null) : null;
    actor = actorOf({
      name: st.text.slice(ws[nameS].start, ws[nameE - 1].end),
      role: titleRole,
      country,
      org: country ? null : org,
      sector: s2,
      code: cameoCode(country, s2, orgCameo),
    });
    rule += '-unknown';
  }
  const s = role.kind === 'counterpart' && firstPoss ? t.start - 1 : t.start;
  emit(st, s, nameE, 'person', actor, personKey(actor), rule);
  notePerson(st, actor, personKey(actor), ws[s].start);
  return nameE - 1;
}

/** role-only mention: "the US Secretary of State", "the Russian top diplomat" */
function roleOnly(st: PassState, t: Title): number {
  const { role, country, org, roleName, q } = t;
  const c = country ?? org;
  if (!c) {
    const named = t.poss === 'the' ? st.byBareTitle.get(roleName.toLowerCase()) : undefined;
    if (named) {
      emit(st, t.start, q, 'role', named.actor, named.key, 'bare-title-doc');
      return q - 1;
    }
    return t.roleIt.j - 1;
  }
  const local = st.byRole.get(roleKey(roleName, c)) ?? st.byRole.get(roleKey(role.role, c));
  let actor: Actor;
  let rule = 'role-only';
  if (local) {
    actor = local.actor;
    rule = 'role-only-doc';
  } else {
    // without a document date the KB cannot tell who held the office
    const hit = st.dated ? officeHolder(st.A, t.descr ? roleName : role.role, c, st.date) : null;
    actor = hit ? officeHolderActor(st, t, hit) : roleActor(st, t);
    if (hit) rule = 'role-only-kb';
  }
  emit(st, t.start, q, 'role', actor, actor.name ? personKey(actor) : `role:${roleName}:${c}`, rule);
  if (actor.name && !local) notePerson(st, actor, personKey(actor), st.ws[t.start].start);
  return q - 1;
}

/** the KB's holder of a titled office at the document date */
function officeHolderActor(st: PassState, t: Title, hit: PersonHit): Actor {
  const { country } = t;
  return personActor(st.A, hit.person, hit.term, {
    role: t.roleName,
    ...(country ? { country } : {}),
    sector: t.role.sector ?? undefined,
  });
}

/** an office nobody in the KB is known to hold: the role of its country or organisation */
function roleActor(st: PassState, t: Title): Actor {
  const { country, org } = t;
  const sector = t.role.sector;
  const orgCameo = !country && org ? (st.A.orgs.get(org)?.cameo ?? null) : null;
  return actorOf({
    role: t.roleName,
    country,
    org: country ? null : org,
    sector,
    code: cameoCode(country, sector, orgCameo),
  });
}

/** "our American colleagues", "our partners" */
function counterpartsTitle(st: PassState, t: Title, firstPoss: boolean): number {
  const { chain, poss } = t;
  const j = t.roleIt.j;
  const sector = t.role.sector;
  const s = poss && FIRST_PL.has(poss) ? t.start - 1 : t.start;
  if (chain.length === 1 && chain[0].country) {
    // "our American colleagues": the named country
    const a = actorOf({ country: chain[0].country, sector, code: cameoCode(chain[0].country, sector) });
    emit(st, s, j, 'group', a, `group:${a.country}:${sector}`, 'group-counterparts');
  } else if (chain.length === 0 && firstPoss) {
    st.pendingCounterparts.push({ i: s, j, country: null, plural: true, rule: 'counterparts' });
    for (let x = s; x < j; x++) st.used[x] = 1;
  }
  return j - 1;
}

/** plural offices: "the Russian and Chinese Foreign Ministers", "the presidents of Russia and the United States" */
function pluralOffice(st: PassState, t: Title): number {
  const { A, date } = st;
  const { chain, role, roleIt } = t;
  const sector = role.sector;
  const after = chain[0].i > roleIt.i;
  for (let c = 0; c < chain.length; c++) {
    const m = chain[c];
    const cc = m.country ?? m.org;
    const s0 = after ? (c === 0 ? t.start : m.i) : m.i;
    const e0 = after ? m.j : c === chain.length - 1 ? roleIt.j : m.j;
    const local = cc ? st.byRole.get(roleKey(role.role, cc)) : undefined;
    const hit = !local && cc && st.dated ? officeHolder(A, role.role, cc, date) : null;
    const orgCameo = m.org && !m.country ? (A.orgs.get(m.org)?.cameo ?? null) : null;
    const a = local
      ? local.actor
      : hit
        ? personActor(A, hit.person, hit.term, { role: role.role, ...(m.country ? { country: m.country } : {}) })
        : actorOf({
            role: role.role,
            country: m.country,
            org: m.country ? null : m.org,
            sector,
            code: cameoCode(m.country, sector, orgCameo),
          });
    emit(
      st,
      s0,
      e0,
      'role',
      a,
      a.name ? personKey(a) : `role:${role.role}:${cc}`,
      local ? 'plural-office-doc' : hit ? 'plural-office-kb' : 'plural-office',
    );
  }
  return Math.max(t.q, roleIt.j) - 1;
}

/** group / body: "the Chinese side", "the Russian Defence Ministry", "Russian, US and Jordanian experts" */
function groups(st: PassState, t: Title): number {
  const { chain, role } = t;
  const j = t.roleIt.j;
  const sector = role.sector;
  for (let c = 0; c < chain.length; c++) {
    const m = chain[c];
    const last = c === chain.length - 1;
    const end = last ? j : m.j;
    const orgCameo = m.org ? (st.A.orgs.get(m.org)?.cameo ?? null) : null;
    const a = actorOf({
      country: m.country,
      org: m.country ? null : m.org,
      sector,
      role: role.kind === 'body' ? role.role : null,
      code: cameoCode(m.country, sector, orgCameo),
    });
    emit(
      st,
      m.i,
      end,
      'group',
      a,
      `group:${m.country ?? m.org}:${sector}`,
      chain.length > 1 ? 'group-coordinated' : `group-${role.kind}`,
    );
  }
  return j - 1;
}

/** "our diplomats", "our ministry": the speaker's country */
function ourGroup(st: PassState, t: Title): number {
  const { poss, role } = t;
  const j = t.roleIt.j;
  // "Israel said its aircraft attacked…": the country or organisation named last before "its" in
  // the same sentence owns the group, when the group is a clause's subject (a verb follows); as
  // an object ("withdrew its troops from Germany", "asks its citizens") it stays part of its owner
  const next = j < st.ws.length && !st.ws[j].brk ? st.ws[j].pos : null;
  if (poss === 'its' && (next === 'VERB' || next === 'AUX')) {
    const ante = itsAntecedent(st, t.start - 1);
    if (ante) {
      const sector = role.sector;
      const owner = ante.country ?? ante.org!;
      const a = actorOf({
        country: ante.country,
        org: ante.country ? null : ante.org,
        sector,
        role: role.kind === 'body' ? role.role : null,
        code: cameoCode(owner, sector),
      });
      emit(st, t.start - 1, j, 'group', a, `group:${owner}:${sector}`, 'group-its');
    }
  } else if (poss && (FIRST_PL.has(poss) || FIRST_SG.has(poss))) {
    // "our diplomats", and a speaker's "my country", "my delegation", "my government"
    const sp = answeringSpeakerAt(st.turns, st.ws[t.start].start);
    if (sp?.country) {
      const sector = role.sector;
      const a = actorOf({
        country: sp.country,
        sector,
        role: role.kind === 'body' ? role.role : null,
        code: cameoCode(sp.country, sector),
      });
      emit(st, t.start - 1, j, 'group', a, `group:${sp.country}:${sector}`, 'group-our');
    }
  }
  return j - 1;
}

/** the actor a possessive "its" at word w refers to: the last country, organisation or group named before it in its sentence */
function itsAntecedent(st: PassState, w: number): Actor | null {
  let from = w;
  while (from > 0 && !st.ws[from].sentStart) from--;
  const lo = st.ws[from].start;
  const at = st.ws[w].start;
  for (let k = st.out.length - 1; k >= 0; k--) {
    const m = st.out[k];
    if (m.start >= at) continue;
    if (m.start < lo) break;
    if (m.kind === 'person' || m.kind === 'pronoun') return null;
    if (m.actor.country || m.actor.org) return m.actor;
  }
  return null;
}

/** a lexicon item that is no title: a KB person, a non-state actor, an organisation or a country */
function plainItem(st: PassState, i: number, it: Item): number {
  const { ws } = st;
  const ns = reading(it, 'nonstate');
  const org = reading(it, 'org');
  const ctry = reading(it, 'country');
  const per = reading(it, 'person');
  if (per) {
    const a = personAt(st, per.person, null, null);
    emit(st, it.i, it.j, 'person', a, personKey(a), 'kb-name');
    notePerson(st, a, personKey(a), ws[i].start);
  } else if (ns) {
    const a = actorOf({ name: ns.info.name, country: ns.info.country, sector: ns.info.sector, code: ns.info.cameo });
    emit(st, it.i, it.j, 'nonstate', a, `nonstate:${ns.info.name}`, 'nonstate');
  } else if (org && !(ctry && ctry.alias.kind === 'capital' && i > 0 && LOC_PREP.has(ws[i - 1].key))) {
    const a = actorOf({ org: org.org.org, code: org.org.cameo });
    emit(st, it.i, it.j, 'org', a, `org:${org.org.org}`, 'org');
  } else if (ctry) countryItem(st, i, it, ctry.alias);
  return it.j - 1;
}

/** a country's name, adjective, capital or seat of government, when it stands for an actor */
/**
 * The first word of a formal state name ending in the country name at item `it`: "the Republic of
 * Indonesia", "Kingdom of the Netherlands"; -1 when none. (Formal names the KB lists, "Republic of
 * Korea", are lexicon items of their own and never reach here.)
 */
function stateFormStart(st: PassState, it: Item): number {
  const re = st.A.geo.stateFormBefore;
  const { ws } = st;
  if (!re || it.i < 2 || ws[it.i].brk) return -1;
  // every form ends in "of" or "of the": a cheap test before the regex
  const prev = ws[it.i - 1].key;
  if (prev !== 'of' && !(prev === 'the' && ws[it.i - 2].key === 'of')) return -1;
  const at = ws[it.i].start;
  const m = re.exec(st.text.slice(Math.max(0, at - 60), at));
  if (!m) return -1;
  const from = at - m[1]!.length;
  let k = it.i;
  while (k > 0 && ws[k - 1].start >= from) k--;
  for (let q = k; q < it.i; q++) if (st.used[q] || (q > k && ws[q].brk)) return -1;
  return k;
}

function countryItem(st: PassState, i: number, it: Item, al: CountryAlias): void {
  const { ws } = st;
  const form = al.kind === 'name' ? stateFormStart(st, it) : -1;
  const loc = i > 0 && LOC_PREP.has(ws[i - 1].key) && !ws[i].brk;
  if (form >= 0) {
    // "a visit to the Republic of Indonesia": the country under its formal name
    const a = actorOf({ country: al.code, sector: null, code: cameoCode(al.code, null) });
    emit(st, form, it.j, 'country', a, `country:${al.code}`, 'country-formal-name');
  } else if (al.kind === 'name' && insideOtherName(st, it)) {
    // "South China Sea", "China Daily", "Bank of Russia": part of another proper name
  } else if ((al.kind === 'capital' || al.kind === 'seat') && loc) {
    // "in Moscow" is a place, not an actor
  } else if (al.kind === 'capital' && !capitalActs(st, it)) {
    // a capital that does not act (dateline, "Manila, August 6") is left to the place recogniser
  } else {
    const sector = al.kind === 'capital' || al.kind === 'seat' ? al.sector : null;
    const a = actorOf({ country: al.code, sector, code: cameoCode(al.code, sector) });
    emit(
      st,
      it.i,
      it.j,
      'country',
      a,
      `country:${al.code}`,
      al.kind === 'name' && loc ? 'country-name-loc' : `country-${al.kind}`,
    );
  }
}

/** a role, then a named person after a comma: "The US commander in Iraq, General David Petraeus" */
const APPOS = /^(?:\s+(?:in|of|for|to|at|on)\s+[^,.;:]{1,40})?,\s*$/;

/**
 * apposition: "The US commander in Iraq, General David Petraeus" — the named person takes the
 * country of the role just before, and the role gets the person's name
 */
function apposition(st: PassState): void {
  const { out } = st;
  for (let k = 1; k < out.length; k++) {
    const p = out[k];
    if (p.kind !== 'person' || p.actor.country || p.actor.org || !p.actor.name) continue;
    let q = k - 1;
    while (q >= 0 && out[q].rule === 'country-name-loc') q--;
    if (q < 0) continue;
    const r = out[q];
    if (r.kind !== 'role' || r.actor.name || !r.actor.country || !APPOS.test(st.text.slice(r.end, p.start))) continue;
    const country = r.actor.country;
    const sector = p.actor.sector ?? r.actor.sector;
    p.actor = { ...p.actor, country, sector, code: cameoCode(country, sector) };
    r.actor = { ...r.actor, name: p.actor.name };
    r.key = p.key;
    r.rule += '+apposition';
  }
}

/** Bare surnames after first mention; KB surnames unambiguous at the document date. */
function bareSurnames(st: PassState): void {
  const { ws, at, used } = st;
  const mentioned = new Set<string>();
  for (const m of st.out) {
    if (m.actor.country) mentioned.add(m.actor.country);
    if (m.actor.org) mentioned.add(m.actor.org);
  }
  for (let i = 0; i < ws.length; i++) {
    if (used[i] || at[i]) continue;
    const w = ws[i];
    if (!w.cap || (st.wc[i] & (WC_FUNCTION | WC_CALENDAR)) !== 0 || w.key.length < 3) continue;
    if (w.pos && NON_NAME_POS.has(w.pos)) continue;
    if (i + 1 < ws.length && ws[i + 1].cap && !ws[i + 1].brk && !used[i + 1]) continue; // part of a longer name
    // the last part of a compound of three or more ("Jaish-e-Mohammed"), not a surname ("al-Assad" may be)
    if (w.hyph && i > 0 && ws[i - 1].hyph) continue;
    const ref = st.bySurname.get(w.key);
    if (ref) {
      emit(st, i, i + 1, 'person', ref.actor, ref.key, 'surname-after-first');
      continue;
    }
    if (w.sentStart && w.pos !== 'PROPN') continue;
    // an acronym ("BAK missile") is no surname
    if (w.text.length <= 5 && isUpperCase(w.text)) continue;
    // "the West", "The Hague", "Saudi Arabia": part of another name, not a surname
    if (i > 0 && !w.brk && (ws[i - 1].key === 'the' || ws[i - 1].cap)) continue;
    kbSurname(st, i, mentioned);
  }
}

const isHeadTerm = (t: Term) => t.family === 'head';

/** a surname the KB knows, never introduced in the text */
function kbSurname(st: PassState, i: number, mentioned: Set<string>): void {
  const { A, date } = st;
  const w = st.ws[i];
  const cands = A.personBySurname.get(w.key);
  if (!cands) return;
  let hit = findPerson(A, w.text, date);
  // outside any term (a candidate, a former leader): a surname unique in the KB still names them
  if (!hit && cands.length === 1) hit = { person: cands[0], term: null };
  if (!hit) return;
  const term = hit.term ?? nearestTerm(hit.person, date);
  // a surname never introduced in the text: a head of state or government, or someone whose
  // country is in the text too
  const isHead = hit.person.terms.some(isHeadTerm);
  // a foreign minister in office on the document's day whose surname no one else in the KB has:
  // diplomatic reporting names them by surname alone ("Lavrov met Tillerson in Manila")
  const foreignMinister = !!hit.term && hit.term.family === 'foreign-minister' && cands.length === 1;
  // (someone out of office on the document's day and never head of state or government is not
  // named by a bare surname: "between East and West" in 2017 is no Thomas West, envoy from 2021)
  const inOffice = !!hit.term || !date;
  if (term && (isHead || foreignMinister || (inOffice && mentioned.has(term.country ?? term.org ?? '')))) {
    const a = hit.term ? personActor(A, hit.person, hit.term) : personActor(A, hit.person, term, { role: null });
    emit(st, i, i + 1, 'person', a, personKey(a), 'kb-surname');
    notePerson(st, a, personKey(a), w.start);
  }
}

/** Counterparts, once every person is known: "my (Chinese) colleague", "our partners". */
function resolveCounterparts(st: PassState): void {
  const { ws } = st;
  for (const pc of st.pendingCounterparts) {
    const sp = answeringSpeakerAt(st.turns, ws[pc.i].start);
    if (!sp) continue;
    const r = counterpartOf(st, pc, sp);
    if (!r) continue;
    const actor = r.actor;
    const key = actor.name ? personKey(actor) : `group:${actor.country}:${actor.sector}`;
    st.out.push({
      start: ws[pc.i].start,
      end: ws[pc.j - 1].end,
      kind: actor.name ? 'person' : pc.plural ? 'group' : 'role',
      actor,
      key,
      rule: r.rule,
    });
  }
}

/** who "my (Chinese) colleague" / "our partners" is for a speaker: the actor and the rule, or null */
function counterpartOf(st: PassState, pc: PendingCounterpart, sp: Actor): { actor: Actor; rule: string } | null {
  const others = st.persons.filter(
    (p) => p.actor.country && p.actor.name && (!sp || (p.actor.name !== sp.name && p.actor.country !== sp.country)),
  );
  if (pc.country) {
    let actor: Actor | null = null;
    const same = others.filter((p) => p.actor.country === pc.country);
    const before = same.filter((p) => p.pos <= st.ws[pc.i].start);
    const pick = before.length ? before[before.length - 1] : same[0];
    if (pick && !pc.plural) actor = pick.actor;
    else if (sp?.role && !pc.plural && st.dated) {
      const hit = officeHolder(st.A, sp.role, pc.country, st.date);
      if (hit) actor = personActor(st.A, hit.person, hit.term);
    }
    if (!actor) actor = actorOf({ country: pc.country, sector: 'GOV', code: cameoCode(pc.country, 'GOV') });
    return { actor, rule: pc.rule + '-country' };
  }
  // a joint news conference: "my colleague" is the one other principal speaker of another country
  if (!pc.plural) {
    const speakers = new Map<string, Actor>();
    for (const t of st.turns)
      if (t.role !== 'question' && t.speaker?.name && t.speaker.country && t.speaker.country !== sp.country)
        speakers.set(t.speaker.name, t.speaker);
    if (speakers.size === 1) return { actor: [...speakers.values()][0]!, rule: pc.rule + '-other-speaker' };
  }
  const countries = new Set(others.map((p) => p.actor.country));
  if (countries.size !== 1) return null;
  const only = others[others.length - 1];
  const names = new Set(others.map((p) => p.actor.name));
  const actor =
    pc.plural || names.size > 1
      ? actorOf({ country: only.actor.country, sector: 'GOV', code: cameoCode(only.actor.country, 'GOV') })
      : only.actor;
  return { actor, rule: pc.rule + '-only-other' };
}

export const actorStage: Stage = {
  name: 'actors',
  requires: ['sentences', 'tokens', 'turns'],
  produces: ['actors', 'turns'],
  run(doc, kb) {
    const r = recogniseActors(doc, kb);
    const same =
      r.speakers.length === doc.meta.speakers.length && r.speakers.every((s, k) => s === doc.meta.speakers[k]);
    return { layers: { actors: r.actors, turns: r.turns }, ...(same ? {} : { meta: { speakers: r.speakers } }) };
  },
};
