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
import type { Stage } from '../pipeline.js';
import type { KB } from '../knowledge/index.js';
import {
  cameoCode,
  dateBounds,
  findBySurnameAndRole,
  findPerson,
  officeHolder,
  personActor,
  termAt,
  words,
  type ActorKB,
  type LexReading,
  type Person,
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

interface W extends Word {
  /** punctuation or a line break between this word and the previous one */
  brk: boolean;
  /** like brk, but a possessive 's or a hyphen does not break a phrase ("People's Republic", "Secretary-General") */
  lbrk: boolean;
  /** the gap before is a single hyphen ("Jean-Claude", "Russian-Chinese") */
  hyph: boolean;
  /** the gap before is exactly a comma (and spaces) */
  comma: boolean;
  sentStart: boolean;
  cap: boolean;
  pos: string | null;
}

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

/** s === s.toUpperCase(), without making the upper-case copy for ASCII text */

/**
 * The keys under which a person's title can be referred to bare: the title itself and its head
 * ("Secretary of State" → "secretary of state", "secretary"; "Foreign Minister" → "foreign
 * minister", "minister").
 */
function bareTitleKeys(role: string): string[] {
  const full = role.toLowerCase();
  const core = full.split(' of ')[0]!.trim();
  const head = core.slice(core.lastIndexOf(' ') + 1);
  return head && head !== full ? [full, head] : [full];
}
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
  const out = words(text) as W[];
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
    w.brk = brk;
    w.hyph = hyph;
    w.lbrk = possGap || hyph ? false : brk || lbrk;
    w.comma = commas === 1 && !other;
    w.sentStart = sentStart;
    // isCap(w.text) without the call for ASCII (the word's text begins at w.start)
    const c0 = text.charCodeAt(w.start);
    w.cap = c0 < 128 ? c0 >= 65 && c0 <= 90 : isCap(w.text);
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
function scan(A: ActorKB, ws: W[]): { at: (Item | undefined)[]; wc: number[] } {
  const at: (Item | undefined)[] = new Array(ws.length);
  const wc: number[] = new Array<number>(ws.length).fill(0);
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
  const best = new Map<string, Actor>();
  for (const m of first.actors) {
    if (m.kind !== 'person' || !m.actor.name) continue;
    const b = best.get(m.actor.name);
    if (!b || richness(m.actor) > richness(b)) best.set(m.actor.name, m.actor);
  }
  // a speaker label the KB does not know ("Mr Asselborn"): the person the text names in full
  const bySurname = new Map<string, Actor | null>();
  for (const a of best.values()) {
    const ws = nameWords(a.name!);
    const k = ws.length ? ws[ws.length - 1].key : '';
    bySurname.set(k, bySurname.has(k) && bySurname.get(k)!.name !== a.name ? null : a);
  }
  const known = new Map<string, Actor>();
  for (const t of first.turns) {
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
  const r = known.size ? recognisePass(doc, kb, known, first) : first;
  // one actor per person key: the richest description wins
  for (const m of r.actors) {
    if (!m.actor.name) continue;
    const b = best.get(m.actor.name);
    if (b && richness(b) > richness(m.actor)) m.actor = { ...b, role: m.actor.role ?? b.role };
  }
  // principal speakers by their full names ("Porter" → "Jalina Porter" when the text names her)
  const speakers = r.speakers.map((s) => {
    if (best.has(s)) return s;
    const ws = nameWords(s);
    const c = ws.length === 1 ? bySurname.get(ws[0].key) : undefined;
    return c?.name ?? s;
  });
  return { actors: r.actors, turns: r.turns, speakers };
}

/** the words, lexicon items and word classes of a document: the same for both passes (neither pass changes them) */
interface Scanned {
  ws: W[];
  at: (Item | undefined)[];
  /** WORD_CLASS bits by word */
  wc: number[];
}

function recognisePass(doc: Doc, kb: KB, known: Map<string, Actor> | null, scanned?: Scanned): Recognised & Scanned {
  const A = kb.actors;
  const geo = kb.geo;
  const text = doc.text;
  const date = doc.meta.published ?? null;
  const dated = dateBounds(date) !== null;
  const ws = scanned?.ws ?? prepareWords(doc);
  const { at, wc: wordClass } = scanned ?? scan(A, ws);
  const used = usedFlags(ws.length);
  const out: ActorMention[] = [];
  const persons: PersonRef[] = [];
  const bySurname = new Map<string, PersonRef>();
  const byRole = new Map<string, PersonRef>();

  const emit = (i: number, j: number, kind: MentionKind, actor: Actor, key: string, rule: string) => {
    for (let k = i; k < j; k++) used[k] = 1;
    out.push({ start: ws[i].start, end: ws[j - 1].end, kind, actor, key, rule });
  };
  const roleKey = (role: string, c: string | null) => `${role.toLowerCase()}|${c ?? ''}`;
  const notePerson = (actor: Actor, key: string, pos: number) => {
    const ref = { actor, key, pos };
    persons.push(ref);
    if (actor.name) {
      const nw = nameWords(actor.name);
      if (nw.length) bySurname.set(nw[nw.length - 1].key, ref);
      for (const w of nw) if (w.key.length > 1 && isCap(w.text) && !bySurname.has(w.key)) bySurname.set(w.key, ref);
    }
    if (actor.role) byRole.set(roleKey(actor.role, actor.country ?? actor.org), ref);
    if (actor.role && actor.name) for (const k of bareTitleKeys(actor.role)) noteBareTitle(k, ref);
  };
  // "the Secretary", "the Minister" with no country: the one person of that title the document
  // has named so far ("Secretary Blinken … The Secretary reaffirmed…"); two different people of
  // one title make it ambiguous (null), and it stays unresolved
  const byBareTitle = new Map<string, PersonRef | null>();
  const noteBareTitle = (k: string, ref: PersonRef) => {
    const had = byBareTitle.get(k);
    byBareTitle.set(k, had === undefined || (had && had.key === ref.key) ? ref : null);
  };
  const personKey = (a: Actor) => `person:${a.name}`;

  // a transcript names the same few speakers turn after turn: resolve each label once
  // (actors are never mutated, so turns may share one)
  const speakerMemo = new Map<string, Actor | null>();
  const speakerOf = (name: string): Actor | null => {
    let a = speakerMemo.get(name);
    if (a === undefined) speakerMemo.set(name, (a = resolveSpeaker(kb, name, date)));
    return a;
  };
  // turns: resolve speakers first (they are the referents of I/we and of "my colleague")
  const turns: Turn[] = (doc.layers.turns ?? []).map((t) => {
    if (!t.speakerName || t.role === 'question') return { ...t, speaker: t.speakerName ? t.speaker : null };
    let a = speakerOf(t.speakerName) ?? t.speaker ?? actorOf({ name: t.speakerName });
    const k = a.name ? known?.get(a.name) : undefined;
    if (k && richness(k) > richness(a)) a = k;
    return { ...t, speaker: a };
  });
  for (const t of turns) if (t.speaker?.name) notePerson(t.speaker, personKey(t.speaker), t.start);
  const speakers = (doc.meta.speakers ?? []).map((s) => speakerOf(s)?.name ?? s);

  /** a run of capitalised name words from k (no lexicon items other than persons), max 4 */
  const nameRun = (k: number, allowBreakAtStart: boolean): number => {
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
      if (FUNCTION_WORDS.has(w.key) || CALENDAR.has(w.key) || CONTRACTION.test(w.key)) break;
      if (w.pos && NON_NAME_POS.has(w.pos) && !particle) break;
      e++;
    }
    while (e > k && NAME_PARTICLES.has(ws[e - 1].key) && !ws[e - 1].cap) e--;
    return e;
  };
  /** skips honorifics between a title and a name ("Minister, Mr Jean Asselborn", "H.E. Dr Hamzah Haz") */
  const skipPrefixes = (k: number): number => {
    let q = k;
    while (
      q < ws.length &&
      q - k < 4 &&
      NAME_PREFIXES.has(ws[q].key) &&
      ws[q].cap &&
      q + 1 < ws.length &&
      ws[q + 1].cap
    )
      q++;
    return q;
  };

  const resolveName = (
    s: number,
    e: number,
    role: string | null,
    country: string | null,
  ): { person: Person | null; ref: PersonRef | null } => {
    const name = text.slice(ws[s].start, ws[e - 1].end);
    if (e - s === 1) {
      const ref = bySurname.get(ws[s].key);
      if (ref) return { person: null, ref };
    }
    const item = at[s];
    const pr = reading(item, 'person');
    if (pr && item!.j === e) return { person: pr.person, ref: null };
    const hit = findPerson(A, name, date);
    if (hit) return { person: hit.person, ref: null };
    if (e - s === 1 && (role || country)) {
      const h2 = findBySurnameAndRole(A, ws[s].text, role, country, date);
      if (h2) return { person: h2.person, ref: null };
    }
    if (e - s === 1 && role) {
      const r = byRole.get(roleKey(role, country));
      if (r && r.actor.name && nameWords(r.actor.name).some((w) => w.key === ws[s].key))
        return { person: null, ref: r };
    }
    return { person: null, ref: null };
  };

  /** a KB person at the document date; out of office, the nearest term still gives the country */
  const personAt = (p: Person, role: string | null, country: string | null): Actor => {
    const t = termAt(p, date, role, country);
    if (t) return personActor(A, p, t);
    const near = nearestTerm(p, date);
    return personActor(A, p, near, { role: null });
  };

  const speakerAt = (pos: number): Turn | null => {
    let lo = 0;
    let hi = turns.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = turns[mid];
      if (pos < t.start) hi = mid - 1;
      else if (pos >= t.end) lo = mid + 1;
      else return t;
    }
    return null;
  };

  /** country/org readings usable as a modifier ("US", "Turkish", "UN") */
  const modifier = (
    it: Item | undefined,
  ): { country: string | null; org: string | null; orgCameo: string | null } | null => {
    if (!it) return null;
    const c = reading(it, 'country');
    // "Turkish", "US", and seats/capitals too: "Kremlin spokesman", "White House officials"
    if (c) return { country: c.alias.code, org: null, orgCameo: null };
    const o = reading(it, 'org');
    if (o) return { country: null, org: o.org.org, orgCameo: o.org.cameo };
    return null;
  };

  const isCapitalItem = (x: Item | undefined) => {
    const c = reading(x, 'country');
    return !!c && (c.alias.kind === 'capital' || c.alias.kind === 'seat' || c.alias.kind === 'name');
  };
  const itemEndingAt = (j: number): Item | undefined => {
    for (let b = j - 1; b >= 0 && b >= j - 6; b--) if (at[b]) return at[b]!.j === j ? at[b] : undefined;
    return undefined;
  };
  /** A capital stands for its government when it acts, owns, or is coordinated with other actors. */
  const capitalActs = (x: Item): boolean => {
    const nx = ws[x.j];
    if (nx && !nx.brk && (nx.pos === 'VERB' || nx.pos === 'AUX')) return true;
    const after = text.slice(ws[x.j - 1].end, ws[x.j - 1].end + 2);
    if (after === "'s" || after === '’s') return true;
    const pv = x.i > 0 ? ws[x.i - 1] : null;
    if (pv && !ws[x.i].brk && (pv.key === 'between' || pv.key === 'with' || pv.key === 'against')) return true;
    // coordinated: "Moscow and Washington", "Kiev, Paris, Berlin and London" (not after "in")
    const coordNext = nx && (nx.key === 'and' || nx.comma) && isCapitalItem(at[nx.key === 'and' ? x.j + 1 : x.j]);
    const coordPrev =
      pv &&
      (pv.key === 'and' ? isCapitalItem(itemEndingAt(x.i - 1)) : ws[x.i].comma && isCapitalItem(itemEndingAt(x.i)));
    if (coordNext || coordPrev) {
      // walk back to the first conjunct and check it is not a location
      let first = x.i;
      for (let g = 0; g < 8; g++) {
        const w0 = ws[first];
        const prevItem = w0.comma
          ? itemEndingAt(first)
          : first > 0 && ws[first - 1].key === 'and'
            ? itemEndingAt(first - 1)
            : undefined;
        if (!prevItem || !isCapitalItem(prevItem)) break;
        first = prevItem.i;
      }
      return !(first > 0 && LOC_PREP.has(ws[first - 1].key) && !ws[first].brk);
    }
    return false;
  };

  /** a capitalised proper-name word next to an item that no lexicon entry explains */
  const foreignNameWord = (k: number): boolean => {
    if (k < 0 || k >= ws.length || at[k] || used[k]) return false;
    const w = ws[k];
    if (!w.cap || (wordClass[k] & (WC_FUNCTION | WC_CALENDAR | WC_HONORIFIC)) !== 0) return false;
    if (w.pos) return w.pos === 'PROPN';
    return !w.sentStart;
  };
  const insideOtherName = (x: Item): boolean => {
    if (x.i > 0 && !ws[x.i].brk && foreignNameWord(x.i - 1)) return true;
    // "the Bank of Russia" (a sentence-initial "Opponents of Rwanda" is no name)
    if (
      x.i > 1 &&
      !ws[x.i].brk &&
      ws[x.i - 1].key === 'of' &&
      !ws[x.i - 1].brk &&
      !ws[x.i - 2].sentStart &&
      foreignNameWord(x.i - 2)
    )
      return true;
    // "China Daily", "Russia Today" (but "U.S. Central Command", "UK Treasury" are the country's)
    const acronym = isUpperCase(ws[x.i].text);
    if (!acronym && x.j < ws.length && !ws[x.j].brk && foreignNameWord(x.j)) return true;
    return false;
  };

  const pendingCounterparts: { i: number; j: number; country: string | null; plural: boolean; rule: string }[] = [];

  // ---- main pass over items
  for (let i = 0; i < ws.length; i++) {
    if (used[i]) continue;
    const it = at[i];
    const w = ws[i];
    // one look-up for the closed classes this pass asks about for a word outside the lexicon
    const wc = it ? 0 : wordClass[i];

    // honorific + surname
    if (
      !it &&
      (wc & WC_HONORIFIC) !== 0 &&
      i + 1 < ws.length &&
      ws[i + 1].cap &&
      (!ws[i + 1].brk || text.slice(w.end, ws[i + 1].start) === '. ')
    ) {
      const e = nameRun(i + 1, true);
      if (e > i + 1) {
        const { person, ref } = resolveName(i + 1, e, null, null);
        let actor: Actor;
        let rule = 'honorific-surname';
        if (ref) actor = ref.actor;
        else if (person) actor = personAt(person, null, null);
        else {
          actor = actorOf({ name: text.slice(ws[i + 1].start, ws[e - 1].end) });
          rule = 'honorific-unknown';
        }
        emit(i, e, 'person', actor, personKey(actor), rule);
        notePerson(actor, personKey(actor), w.start);
        i = e - 1;
        continue;
      }
    }

    if (!it) {
      // first person
      if ((wc & (WC_FIRST_SG | WC_FIRST_PL)) !== 0) {
        const t = speakerAt(w.start);
        const sp = t && t.role !== 'question' ? t.speaker : null;
        if (!sp) continue;
        // "my (Turkish) colleague", "our partners", "our diplomats" are handled below with their head noun
        const nx = at[i + 1];
        const nx2 = at[i + 2];
        const headNext = reading(nx, 'role') ?? (modifier(nx) ? reading(nx2, 'role') : undefined);
        if (headNext && headNext.role.kind !== 'person') {
          // leave the possessive to the counterpart rule
        } else if ((wc & WC_FIRST_SG) !== 0) {
          emit(i, i + 1, 'pronoun', sp, personKey(sp), 'first-person-singular');
        } else if (sp.country || sp.org) {
          const sector = 'GOV';
          const a = actorOf({
            country: sp.country,
            org: sp.country ? null : sp.org,
            sector,
            code: cameoCode(sp.country, sector, sp.country ? null : (A.orgs.get(sp.org ?? '')?.cameo ?? null)),
          });
          emit(i, i + 1, 'pronoun', a, `group:${sp.country ?? sp.org}:GOV`, 'first-person-plural');
        }
      }
      continue;
    }

    // ---- titles: [Mod]? Role ...
    let k = i;
    const mod = modifier(it);
    let roleIt: Item | undefined;
    let descr: string | null = null;
    let chain: { i: number; j: number; country: string | null; org: string | null }[] = [];
    if (mod) {
      // coordinated modifiers: "Russian, US and Jordanian experts"
      chain.push({ i: it.i, j: it.j, country: mod.country, org: mod.org });
      let q = it.j;
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
        chain.push({ i: r, j: at[r]!.j, country: m2.country, org: m2.org });
        q = at[r]!.j;
      }
      const last = chain[chain.length - 1];
      const head = at[last.j];
      if (last.j < ws.length && !ws[last.j].lbrk && reading(head, 'role')) {
        roleIt = head;
        k = last.j;
      } else {
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
          roleIt = at[d];
          k = d;
          descr = text
            .slice(ws[last.j].start, ws[d - 1].end)
            .replace(/(^|\s)(\p{Ll})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
        } else chain = chain.slice(0, 1);
      }
    } else if (reading(it, 'role')) {
      roleIt = it;
      k = i;
    }

    const role = reading(roleIt, 'role')?.role;
    if (role) {
      const modStart = i;
      let country = chain.length === 1 ? chain[0].country : null;
      let org = chain.length === 1 ? chain[0].org : null;
      let q = roleIt!.j;
      // possessive "our" before the title: the speaker's side
      const before = i > 0 ? ws[i - 1] : null;
      const poss = before && !ws[i].brk && !used[i - 1] && !at[i - 1] ? before.key : null;
      // "Foreign Minister of China", "President of the Russian Federation"
      if (q < ws.length && ws[q].key === 'of' && !ws[q].brk) {
        let r = q + 1;
        if (r < ws.length && ws[r].key === 'the' && !ws[r].brk) r++;
        // only a name follows "of": "Secretary of the Lao People's Revolutionary Party" is no title of Laos
        const ofName =
          r < ws.length && !ws[r].brk && (reading(at[r], 'org') || reading(at[r], 'country')?.alias.kind === 'name');
        const m2 = ofName ? modifier(at[r]) : null;
        if (m2 && !country && !org && role.kind === 'persons' && chain.length === 0) {
          // "the presidents of Russia and the United States"
          chain.push({ i: r, j: at[r]!.j, country: m2.country, org: m2.org });
          let x = at[r]!.j;
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
            chain.push({ i: y, j: at[y]!.j, country: m3.country, org: m3.org });
            x = at[y]!.j;
          }
          q = x;
        } else if (m2 && !country && !org) {
          country = m2.country;
          org = m2.org;
          q = at[r]!.j;
        }
      }
      let roleName = descr ? `${descr} ${role.role}` : role.role;
      // complement: "for Syria", "for Ukraine Negotiations", "on Climate"
      let nameS = -1;
      let nameE = -1;
      if (
        role.kind === 'person' &&
        q < ws.length &&
        (ws[q].key === 'for' || ws[q].key === 'on') &&
        !ws[q].brk &&
        q + 1 < ws.length &&
        ws[q + 1].cap &&
        !ws[q + 1].brk
      ) {
        let e = q + 1;
        let personAt = -1;
        while (
          e < ws.length &&
          (e === q + 1 || !ws[e].brk) &&
          (ws[e].cap ||
            ((ws[e].key === 'and' || ws[e].key === 'the' || ws[e].key === 'of') && e + 1 < ws.length && ws[e + 1].cap))
        ) {
          if (e > q + 1 && personAt < 0 && reading(at[e], 'person')) personAt = e;
          e = at[e] ? Math.max(e + 1, at[e]!.j) : e + 1;
        }
        let cEnd = e;
        if (personAt > 0) {
          cEnd = personAt;
          nameS = personAt;
          nameE = at[personAt]!.j;
        } else if (e < ws.length && ws[e].comma) {
          cEnd = e;
        } else if (at[q + 1] && modifier(at[q + 1]) && at[q + 1]!.j < e) {
          cEnd = at[q + 1]!.j;
          nameS = cEnd;
          nameE = Math.min(e, cEnd + 4);
        } else if (
          e - (q + 1) >= 3 &&
          ws[e - 2].cap &&
          ws[e - 3].cap &&
          (!ws[e - 2].pos || (ws[e - 2].pos === 'PROPN' && ws[e - 1].pos === 'PROPN'))
        ) {
          // "for Climate John Kerry": the last two capitalised words are the name
          cEnd = e - 2;
          nameS = e - 2;
          nameE = e;
        }
        roleName = `${roleName} ${text.slice(ws[q].start, ws[cEnd - 1].end)}`;
        q = cEnd;
      }
      if (!country && !org && role.country) country = role.country;
      const sector = role.sector;
      // the name after the title, possibly after a comma
      if (
        nameS < 0 &&
        (role.kind === 'person' || role.kind === 'counterpart') &&
        q < ws.length &&
        (!ws[q].brk || ws[q].comma)
      ) {
        const q2 = skipPrefixes(q);
        const gapOk = q2 === q || !ws[q2].brk || text.slice(ws[q2 - 1].end, ws[q2].start) === '. ';
        const e = gapOk ? nameRun(q2, q2 !== q || ws[q].comma) : q2;
        // after a comma an unknown one-word "name" is usually the next item of a list
        const known =
          e > q2 &&
          (reading(at[q2], 'person') || e - q2 > 1 || bySurname.has(ws[q2].key) || A.personBySurname.has(ws[q2].key));
        if (e > q2 && (!ws[q].comma || known)) {
          nameS = q2;
          nameE = e;
        }
      }
      const firstPoss = !!poss && (FIRST_SG.has(poss) || FIRST_PL.has(poss));
      if (role.kind === 'counterpart' && nameS < 0) {
        // "my Chinese colleague": resolved at the end; "his colleague" is left alone
        if (!firstPoss) {
          i = roleIt!.j - 1;
          continue;
        }
        const s = i - 1;
        pendingCounterparts.push({ i: s, j: roleIt!.j, country, plural: false, rule: 'counterpart' });
        for (let x = s; x < roleIt!.j; x++) used[x] = 1;
        i = roleIt!.j - 1;
        continue;
      }
      if (nameS >= 0) {
        const { person, ref } = resolveName(nameS, nameE, roleName, country ?? org);
        let actor: Actor;
        let rule = role.kind === 'counterpart' ? 'counterpart-name' : 'titled-name';
        const titleRole = role.kind === 'counterpart' ? null : roleName;
        const sectorOf = sector ?? 'GOV';
        if (ref) actor = { ...ref.actor, role: ref.actor.role ?? titleRole };
        else if (person) {
          const t = termAt(person, date, role.role, country ?? org);
          const near = t ? null : nearestTerm(person, date);
          actor = personActor(A, person, t, {
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
            name: text.slice(ws[nameS].start, ws[nameE - 1].end),
            role: titleRole,
            country,
            org: country ? null : org,
            sector: s2,
            code: cameoCode(country, s2, orgCameo),
          });
          rule += '-unknown';
        }
        const s = role.kind === 'counterpart' && poss && (FIRST_SG.has(poss) || FIRST_PL.has(poss)) ? i - 1 : modStart;
        emit(s, nameE, 'person', actor, personKey(actor), rule);
        notePerson(actor, personKey(actor), ws[s].start);
        i = nameE - 1;
        continue;
      }
      if (role.kind === 'person') {
        // role-only mention: "the US Secretary of State", "the Russian top diplomat"
        const c = country ?? org;
        if (!c) {
          const named = poss === 'the' ? byBareTitle.get(roleName.toLowerCase()) : undefined;
          if (named) {
            emit(modStart, q, 'role', named.actor, named.key, 'bare-title-doc');
            i = q - 1;
            continue;
          }
          i = roleIt!.j - 1;
          continue;
        }
        const local = byRole.get(roleKey(roleName, c)) ?? byRole.get(roleKey(role.role, c));
        let actor: Actor;
        let rule = 'role-only';
        if (local) {
          actor = local.actor;
          rule = 'role-only-doc';
        } else {
          // without a document date the KB cannot tell who held the office
          const hit = dated ? officeHolder(A, descr ? roleName : role.role, c, date) : null;
          const orgCameo = !country && org ? (A.orgs.get(org)?.cameo ?? null) : null;
          if (hit) {
            actor = personActor(A, hit.person, hit.term, {
              role: roleName,
              ...(country ? { country } : {}),
              sector: sector ?? undefined,
            });
            rule = 'role-only-kb';
          } else
            actor = actorOf({
              role: roleName,
              country,
              org: country ? null : org,
              sector,
              code: cameoCode(country, sector, orgCameo),
            });
        }
        emit(modStart, q, 'role', actor, actor.name ? personKey(actor) : `role:${roleName}:${c}`, rule);
        if (actor.name && !local) notePerson(actor, personKey(actor), ws[modStart].start);
        i = q - 1;
        continue;
      }
      if (role.kind === 'counterparts') {
        const s = poss && FIRST_PL.has(poss) ? i - 1 : modStart;
        if (chain.length === 1 && chain[0].country) {
          // "our American colleagues": the named country
          const a = actorOf({ country: chain[0].country, sector, code: cameoCode(chain[0].country, sector) });
          emit(s, roleIt!.j, 'group', a, `group:${a.country}:${sector}`, 'group-counterparts');
        } else if (chain.length === 0 && firstPoss) {
          pendingCounterparts.push({ i: s, j: roleIt!.j, country: null, plural: true, rule: 'counterparts' });
          for (let x = s; x < roleIt!.j; x++) used[x] = 1;
        }
        i = roleIt!.j - 1;
        continue;
      }
      // plural offices: "the Russian and Chinese Foreign Ministers", "the presidents of Russia and the United States"
      if (role.kind === 'persons' && chain.length) {
        const after = chain[0].i > roleIt!.i;
        for (let c = 0; c < chain.length; c++) {
          const m = chain[c];
          const cc = m.country ?? m.org;
          const s0 = after ? (c === 0 ? i : m.i) : m.i;
          const e0 = after ? m.j : c === chain.length - 1 ? roleIt!.j : m.j;
          const local = cc ? byRole.get(roleKey(role.role, cc)) : undefined;
          const hit = !local && cc && dated ? officeHolder(A, role.role, cc, date) : null;
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
            s0,
            e0,
            'role',
            a,
            a.name ? personKey(a) : `role:${role.role}:${cc}`,
            local ? 'plural-office-doc' : hit ? 'plural-office-kb' : 'plural-office',
          );
        }
        i = Math.max(q, roleIt!.j) - 1;
        continue;
      }
      // group / body: "the Chinese side", "the Russian Defence Ministry", "Russian, US and Jordanian experts"
      if (chain.length) {
        for (let c = 0; c < chain.length; c++) {
          const m = chain[c];
          const last = c === chain.length - 1;
          const end = last ? roleIt!.j : m.j;
          const orgCameo = m.org ? (A.orgs.get(m.org)?.cameo ?? null) : null;
          const a = actorOf({
            country: m.country,
            org: m.country ? null : m.org,
            sector,
            role: role.kind === 'body' ? role.role : null,
            code: cameoCode(m.country, sector, orgCameo),
          });
          emit(
            m.i,
            end,
            'group',
            a,
            `group:${m.country ?? m.org}:${sector}`,
            chain.length > 1 ? 'group-coordinated' : `group-${role.kind}`,
          );
        }
        i = roleIt!.j - 1;
        continue;
      }
      if (poss && FIRST_PL.has(poss)) {
        const t = speakerAt(w.start);
        const sp = t && t.role !== 'question' ? t.speaker : null;
        if (sp?.country) {
          const a = actorOf({
            country: sp.country,
            sector,
            role: role.kind === 'body' ? role.role : null,
            code: cameoCode(sp.country, sector),
          });
          emit(i - 1, roleIt!.j, 'group', a, `group:${sp.country}:${sector}`, 'group-our');
        }
      }
      i = roleIt!.j - 1;
      continue;
    }

    // ---- plain items
    const ns = reading(it, 'nonstate');
    const org = reading(it, 'org');
    const ctry = reading(it, 'country');
    const per = reading(it, 'person');
    if (per) {
      const a = personAt(per.person, null, null);
      emit(it.i, it.j, 'person', a, personKey(a), 'kb-name');
      notePerson(a, personKey(a), w.start);
    } else if (ns) {
      const a = actorOf({ name: ns.info.name, country: ns.info.country, sector: ns.info.sector, code: ns.info.cameo });
      emit(it.i, it.j, 'nonstate', a, `nonstate:${ns.info.name}`, 'nonstate');
    } else if (org && !(ctry && ctry.alias.kind === 'capital' && i > 0 && LOC_PREP.has(ws[i - 1].key))) {
      const a = actorOf({ org: org.org.org, code: org.org.cameo });
      emit(it.i, it.j, 'org', a, `org:${org.org.org}`, 'org');
    } else if (ctry) {
      const al = ctry.alias;
      const loc = i > 0 && LOC_PREP.has(ws[i - 1].key) && !ws[i].brk;
      if (al.kind === 'name' && insideOtherName(it)) {
        // "South China Sea", "China Daily", "Bank of Russia": part of another proper name
      } else if ((al.kind === 'capital' || al.kind === 'seat') && loc) {
        // "in Moscow" is a place, not an actor
      } else if (al.kind === 'capital' && !capitalActs(it)) {
        // a capital that does not act (dateline, "Manila, August 6") is left to the place recogniser
      } else {
        const sector = al.kind === 'capital' || al.kind === 'seat' ? al.sector : null;
        const a = actorOf({ country: al.code, sector, code: cameoCode(al.code, sector) });
        emit(
          it.i,
          it.j,
          'country',
          a,
          `country:${al.code}`,
          al.kind === 'name' && loc ? 'country-name-loc' : `country-${al.kind}`,
        );
      }
    }
    i = it.j - 1;
  }

  // apposition: "The US commander in Iraq, General David Petraeus" — the named person takes the
  // country of the role just before, and the role gets the person's name
  const APPOS = /^(?:\s+(?:in|of|for|to|at|on)\s+[^,.;:]{1,40})?,\s*$/;
  for (let k = 1; k < out.length; k++) {
    const p = out[k];
    if (p.kind !== 'person' || p.actor.country || p.actor.org || !p.actor.name) continue;
    let q = k - 1;
    while (q >= 0 && out[q].rule === 'country-name-loc') q--;
    if (q < 0) continue;
    const r = out[q];
    if (r.kind !== 'role' || r.actor.name || !r.actor.country || !APPOS.test(text.slice(r.end, p.start))) continue;
    const country = r.actor.country;
    const sector = p.actor.sector ?? r.actor.sector;
    p.actor = { ...p.actor, country, sector, code: cameoCode(country, sector) };
    r.actor = { ...r.actor, name: p.actor.name };
    r.key = p.key;
    r.rule += '+apposition';
  }

  const mentioned = new Set<string>();
  for (const m of out) {
    if (m.actor.country) mentioned.add(m.actor.country);
    if (m.actor.org) mentioned.add(m.actor.org);
  }
  // ---- bare surnames after first mention; KB surnames unambiguous at the document date
  for (let i = 0; i < ws.length; i++) {
    if (used[i] || at[i]) continue;
    const w = ws[i];
    if (!w.cap || (wordClass[i] & (WC_FUNCTION | WC_CALENDAR)) !== 0 || w.key.length < 3) continue;
    if (w.pos && NON_NAME_POS.has(w.pos)) continue;
    if (i + 1 < ws.length && ws[i + 1].cap && !ws[i + 1].brk && !used[i + 1]) continue; // part of a longer name
    const ref = bySurname.get(w.key);
    if (ref) {
      emit(i, i + 1, 'person', ref.actor, ref.key, 'surname-after-first');
      continue;
    }
    if (w.sentStart && w.pos !== 'PROPN') continue;
    // an acronym ("BAK missile") is no surname
    if (w.text.length <= 5 && isUpperCase(w.text)) continue;
    // "the West", "The Hague", "Saudi Arabia": part of another name, not a surname
    if (i > 0 && !w.brk && (ws[i - 1].key === 'the' || ws[i - 1].cap)) continue;
    const cands = A.personBySurname.get(w.key);
    if (!cands) continue;
    let hit = findPerson(A, w.text, date);
    // outside any term (a candidate, a former leader): a surname unique in the KB still names them
    if (!hit && cands.length === 1) hit = { person: cands[0], term: null };
    if (!hit) continue;
    const term = hit.term ?? nearestTerm(hit.person, date);
    // a surname never introduced in the text: a head of state or government, or someone whose
    // country is in the text too
    const isHead = hit.person.terms.some((t) => t.family === 'head');
    if (term && (isHead || mentioned.has(term.country ?? term.org ?? ''))) {
      const a = hit.term ? personActor(A, hit.person, hit.term) : personActor(A, hit.person, term, { role: null });
      emit(i, i + 1, 'person', a, personKey(a), 'kb-surname');
      notePerson(a, personKey(a), w.start);
    }
  }

  // ---- counterparts: "my (Chinese) colleague", "our partners"
  for (const pc of pendingCounterparts) {
    const t = speakerAt(ws[pc.i].start);
    const sp = t && t.role !== 'question' ? t.speaker : null;
    if (!sp) continue;
    const others = persons.filter(
      (p) => p.actor.country && p.actor.name && (!sp || (p.actor.name !== sp.name && p.actor.country !== sp.country)),
    );
    let actor: Actor | null = null;
    let rule = pc.rule;
    if (pc.country) {
      const same = others.filter((p) => p.actor.country === pc.country);
      const before = same.filter((p) => p.pos <= ws[pc.i].start);
      const pick = before.length ? before[before.length - 1] : same[0];
      if (pick && !pc.plural) actor = pick.actor;
      else if (sp?.role && !pc.plural && dated) {
        const hit = officeHolder(A, sp.role, pc.country, date);
        if (hit) actor = personActor(A, hit.person, hit.term);
      }
      if (!actor) actor = actorOf({ country: pc.country, sector: 'GOV', code: cameoCode(pc.country, 'GOV') });
      rule += '-country';
    } else {
      const countries = new Set(others.map((p) => p.actor.country));
      if (countries.size === 1) {
        const only = others[others.length - 1];
        const names = new Set(others.map((p) => p.actor.name));
        actor =
          pc.plural || names.size > 1
            ? actorOf({ country: only.actor.country, sector: 'GOV', code: cameoCode(only.actor.country, 'GOV') })
            : only.actor;
        rule += '-only-other';
      }
    }
    if (!actor) continue;
    const key = actor.name ? personKey(actor) : `group:${actor.country}:${actor.sector}`;
    out.push({
      start: ws[pc.i].start,
      end: ws[pc.j - 1].end,
      kind: actor.name ? 'person' : pc.plural ? 'group' : 'role',
      actor,
      key,
      rule,
    });
  }

  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return { actors: out, turns, speakers, ws, at, wc: wordClass };
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
