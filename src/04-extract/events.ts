/**
 * Event stage: CAMEO/PLOVER-coded events from predicate patterns (data/patterns/events*.tsv).
 *
 * For every sentence, each token is looked up once in the KB's head-form index; the candidate
 * patterns (longest first) are matched token by token. Source and target come from the clause
 * structure (events-clause.ts): subject before the verb, object or prepositional target after
 * it, "by X" agent of a passive, "talks between X and Y", "Russia's attack on X"; coordinated
 * actors give one event per member or pair. Modality and negation are read from the verb group
 * ("will", "plans to", "did not", "could"), conditionals, questions and question turns.
 * Stated future intent is recoded to CAMEO 03x/13x (data/cameo/intent.tsv).
 */
import type {
  Actor,
  ActorMention,
  DateMention,
  Doc,
  EventAnn,
  Place,
  PlaceMention,
  QuoteAnn,
  Sentence,
  Span,
  StageOutput,
  TopicMention,
  Turn,
} from '../00-model/doc.js';
import { lowerBound } from '../00-model/doc.js';
import { counterpartAt } from '../03-recognise/actors.js';
import { jointAuthors } from './meet-util.js';
import type { Stage } from '../pipeline.js';
import type { KB } from '../knowledge/index.js';
import {
  cameoInfo,
  intentCode,
  ploverOf,
  refusalCode,
  type CameoCode,
  type CameoKB,
  type EventPattern,
  type LexEntry,
} from '../knowledge/cameo.js';
import {
  agentAfter,
  clauseEnd,
  clauseStart,
  coordinated,
  groupStart,
  isPassive,
  markersIn,
  objectAfter,
  premodifier,
  pronounIn,
  reportAntecedent,
  subjectOf,
  Scratch,
  type MarkerHit,
  type SentView,
} from './events-clause.js';

interface Match {
  end: number; // exclusive token index
  target: number; // mention index from an explicit T, or -1
  /** the prepositions the pattern matched, in order (shared and empty when none: read only) */
  preps: readonly { word: string; at: number }[];
}

/** prepositions that introduce what talks are about: "talks on Libya", "consultations about Syria" */
const TOPIC_PREPS = new Set(['on', 'about', 'regarding', 'concerning', 'over']);
/** prepositions that mark where an act is directed: "fired at", "sent to", "imposed on", "aimed against" */
const DIRECTIONAL = new Set(['at', 'on', 'against', 'to', 'into', 'toward', 'towards', 'upon']);
/** prepositions whose gerund object is not an act that happened: "accused of killing", "jailed for helping" */
const GERUND_PREPS = new Set([
  'of',
  'for',
  'by',
  'about',
  'without',
  'against',
  'from',
  'on',
  'with',
  'over',
  'in',
  'at',
]);
const PREPS = new Set([
  'with',
  'between',
  'among',
  'to',
  'of',
  'on',
  'against',
  'by',
  'from',
  'in',
  'at',
  'into',
  'for',
]);
const NOUN_POS = new Set(['NOUN', 'PROPN']);

function matchPattern(v: SentView, p: EventPattern, i: number, hi: number): Match | null {
  PREP_STACK.length = 0;
  return matchFrom(v, p.elems, 0, i, -1, hi);
}

/** token indexes of the prepositions matched so far by matchFrom (a stack; copied into the Match on success) */
const PREP_STACK: number[] = [];
/** the preps of a match without prepositions, shared */
const NO_PREPS: readonly { word: string; at: number }[] = [];

/** The prepositions on PREP_STACK, as a Match lists them. */
function matchedPreps(v: SentView): Match['preps'] {
  if (!PREP_STACK.length) return NO_PREPS;
  const preps = new Array<{ word: string; at: number }>(PREP_STACK.length);
  for (let k = 0; k < PREP_STACK.length; k++) preps[k] = { word: v.lower[PREP_STACK[k]!]!, at: PREP_STACK[k]! };
  return preps;
}

function matchFrom(
  v: SentView,
  elems: EventPattern['elems'],
  e: number,
  j: number,
  target: number,
  hi: number,
): Match | null {
  if (e === elems.length) return { end: j, target, preps: matchedPreps(v) };
  const el = elems[e]!;
  if (el.type === 'word') {
    if (j < hi && el.forms.has(v.lower[j]!)) {
      const isPrep = e > 0 && PREPS.has(v.lower[j]!);
      if (isPrep) PREP_STACK.push(j);
      const r = matchFrom(v, elems, e + 1, j + 1, target, hi);
      if (r) return r;
      if (isPrep) PREP_STACK.pop();
    }
    return el.optional ? matchFrom(v, elems, e + 1, j, target, hi) : null;
  }
  if (el.type === 'gap') {
    for (let k = 0; k <= el.max && j + k <= hi; k++) {
      if (k > 0) {
        const w = v.lower[j + k - 1]!;
        if (w === ',' || w === '.' || w === ';' || w === ':' || w === 'that') break;
      }
      const r = matchFrom(v, elems, e + 1, j + k, target, hi);
      if (r) return r;
    }
    return null;
  }
  // target slot: an actor mention starting within two tokens
  for (let k = 0; k <= 2 && j + k < hi; k++) {
    const a = v.actorAt[j + k]!;
    if (a >= 0 && v.mentions[a]!.t0 === j + k) {
      const r = matchFrom(v, elems, e + 1, v.mentions[a]!.t1 + 1, a, hi);
      if (r) return r;
      break;
    }
    const pp = v.pos[j + k];
    if (pp !== 'DET' && pp !== 'ADJ') break;
  }
  return null;
}

/** Lower-cased token forms of tokens [tFrom, tFrom + n), sliced from the lower-cased text when it has the text's length. */
function lowerTokens(doc: Doc, low: string | null, tFrom: number, n: number): string[] {
  const toks = doc.layers.tokens!;
  const lower = new Array<string>(n);
  for (let k = 0; k < n; k++) {
    const t = toks[tFrom + k]!;
    if (low !== null) lower[k] = low.slice(t.start, t.end);
    else {
      const w = doc.text.slice(t.start, t.end).toLowerCase();
      lower[k] = w.includes('’') || w.includes('‘') ? w.replace(/[’‘]/g, "'") : w;
    }
  }
  return lower;
}

/**
 * Appends to `ms` the actor mentions (from index `mFrom` of the sorted list) inside the sentence
 * (tokens [tFrom, tFrom + n)), with first/last token index; overlapping ones keep the first.
 * Returns the index the next sentence's search starts from.
 */
function sentMentions(
  toks: readonly Span[],
  tFrom: number,
  n: number,
  mentions: readonly ActorMention[],
  mFrom: number,
  ms: Scratch<SentView['mentions'][number]>,
): number {
  const sStart = n ? toks[tFrom]!.start : 0;
  const sEnd = n ? toks[tFrom + n - 1]!.end : 0;
  let mi = mFrom;
  while (mi < mentions.length && mentions[mi]!.end <= sStart) mi++;
  let k = 0;
  let mNext = mi;
  let lastT1 = -1; // last token of the last mention appended
  for (; mi < mentions.length && mentions[mi]!.start < sEnd; mi++) {
    const m = mentions[mi]!;
    while (k < n && toks[tFrom + k]!.end <= m.start) k++;
    if (k >= n) break;
    let t1 = k;
    while (t1 + 1 < n && toks[tFrom + t1 + 1]!.start < m.end) t1++;
    if (lastT1 >= k) continue; // overlapping mention: keep the first
    ms.push({ m, t0: k, t1 });
    lastT1 = t1;
    mNext = mi;
  }
  return mNext;
}

function buildView(
  doc: Doc,
  kb: CameoKB,
  offsets: TokenOffsets,
  tFrom: number,
  lower: string[],
  ms: SentView['mentions'],
  dates: readonly Span[],
  lex: (LexEntry | undefined)[],
  prevPerson: ActorMention | null,
  quotes: SentView['quotes'],
  authors: ActorMention[] | null,
  sides: ActorMention[] | null,
): SentView {
  const toks = doc.layers.tokens!;
  const n = lower.length;
  const pos = new Array<string>(n);
  const actorAt = new Array<number>(n).fill(-1);
  for (let k = 0; k < n; k++) pos[k] = toks[tFrom + k]!.pos;
  // the sentence's token offsets: views into the document's, not copies
  const start = offsets.start.subarray(tFrom, tFrom + n);
  const end = offsets.end.subarray(tFrom, tFrom + n);
  for (let idx = 0; idx < ms.length; idx++) for (let q = ms[idx]!.t0; q <= ms[idx]!.t1; q++) actorAt[q] = idx;
  const dateAt = datedTokens(dates, start, end);
  // every view has the same properties, set here in one order (markersIn fills allMarkers later)
  return {
    lower,
    pos,
    start,
    end,
    actorAt,
    mentions: ms,
    kb,
    dateAt,
    quotes,
    prevPerson,
    authors,
    sides,
    lex,
    allMarkers: undefined,
  };
}

/** Start and end offsets of the document's tokens. */
interface TokenOffsets {
  start: Int32Array;
  end: Int32Array;
}

function tokenOffsets(tokens: readonly Span[]): TokenOffsets {
  const start = new Int32Array(tokens.length);
  const end = new Int32Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    start[k] = tokens[k]!.start;
    end[k] = tokens[k]!.end;
  }
  return { start, end };
}

/** dateAt of a sentence without dates: every token reads as undated (shared, never written) */
const NO_DATES: readonly boolean[] = [];

/** Per token (offsets start/end), whether it lies inside a date expression; NO_DATES when no date starts in the sentence. */
function datedTokens(dates: readonly Span[], start: Int32Array, end: Int32Array): readonly boolean[] {
  const n = start.length;
  if (!dates.length || !n) return NO_DATES;
  const sStart = start[0]!;
  const sEnd = end[n - 1]!;
  let k = lowerBound(dates, sStart);
  if (k === dates.length || dates[k]!.start >= sEnd) return NO_DATES;
  const dateAt = new Array<boolean>(n).fill(false);
  for (; k < dates.length && dates[k]!.start < sEnd; k++) {
    for (let q = 0; q < n; q++) if (start[q]! >= dates[k]!.start && end[q]! <= dates[k]!.end) dateAt[q] = true;
  }
  return dateAt;
}

interface Raw {
  p: EventPattern;
  code: string;
  head: number;
  end: number;
  src: number;
  tgt: number;
  tgtPlace: Place | null;
  negated: boolean;
  hypothetical: boolean;
  /** token span [governor, governorEnd) of a governing intent predicate ("agreed to", "are ready to") */
  governor: number;
  governorEnd: number;
  /** index of an infinitive "to" right before the predicate's verb group, or -1 */
  toAt: number;
}

function srcIsSame(v: SentView, a: number, b: number): boolean {
  return a >= 0 && (a === b || sameEntity(v.mentions[a]!.m, v.mentions[b]!.m));
}

/** An actor named as a location after the predicate: "in Beijing", "in Alaska". */
function locativeAfter(v: SentView, from: number, to: number): number {
  for (let j = from; j < to - 1; j++) {
    const w = v.lower[j]!;
    // "in Beijing", "near Aleppo", "southwest of Baghdad"
    const compass = w === 'of' && j > 0 && COMPASS.test(v.lower[j - 1]!);
    if (w !== 'in' && w !== 'at' && w !== 'near' && w !== 'outside' && !compass) continue;
    let k = j + 1;
    while (k < to && (v.pos[k] === 'DET' || v.pos[k] === 'ADJ')) k++;
    if (k < to && v.actorAt[k]! >= 0) {
      // "in Israeli tank shelling": an adjective modifying a noun is not a place
      const a = v.actorAt[k]!;
      const after = v.mentions[a]!.t1 + 1;
      if (after < v.lower.length && (v.pos[after] === 'NOUN' || v.pos[after] === 'PROPN')) continue;
      return a;
    }
  }
  return -1;
}

/** CAMEO roots of armed violence: an agentless act of theirs "from" a place was done by that place's side */
const VIOLENT_ROOTS = new Set(['18', '19', '20']);

/**
 * "A mortar bomb was fired at Israel from the Gaza Strip": the actor after "from", within a few
 * words after the predicate and before any punctuation, is where the act came from.
 */
function fromAfter(v: SentView, from: number): number {
  const to = Math.min(v.lower.length, from + 8);
  for (let j = from; j < to - 1; j++) {
    if (v.pos[j] === 'PUNCT') return -1;
    if (v.lower[j] !== 'from') continue;
    let k = j + 1;
    while (k < to && (v.pos[k] === 'DET' || v.pos[k] === 'ADJ')) k++;
    const a = k < v.lower.length ? v.actorAt[k]! : -1;
    if (a >= 0 && v.mentions[a]!.m.kind !== 'person' && v.mentions[a]!.m.kind !== 'pronoun') return a;
    return -1;
  }
  return -1;
}

/** Two mentions of one entity (same key, code and name); different sectors of one country are distinct actors. */
function sameEntity(a: ActorMention, b: ActorMention): boolean {
  if (a === b) return true;
  // "we" (Russia) and "Russia" in one clause: the same party
  if ((a.kind === 'pronoun' || b.kind === 'pronoun') && a.actor.code && a.actor.code === b.actor.code) return true;
  return (
    !!a.key &&
    a.key === b.key &&
    a.actor.code === b.actor.code &&
    a.actor.name === b.actor.name &&
    a.actor.sector === b.actor.sector
  );
}

function actorOf(m: ActorMention | undefined): Actor | null {
  return m ? m.actor : null;
}

/** The layers the event stage reads, each sorted by start, and the document's lower-cased text. */
interface DocInput {
  /** actor mentions by start, longest first */
  mentions: readonly ActorMention[];
  dates: readonly DateMention[];
  places: readonly PlaceMention[];
  topics: readonly TopicMention[];
  /** direct quotations with a speaker */
  quotes: readonly QuoteAnn[];
  /** indexes of the journalists' question turns */
  questionTurns: Set<number>;
  /** lower-cased text with curly apostrophes straightened; null when lower-casing changes lengths */
  low: string | null;
}

/** What every event of one sentence shares, and where the sentence's events go. */
interface SentOut {
  s: Sentence;
  text: string;
  date: string | null;
  /** the sentence's first date not in the future of the document's, for an act that happened */
  pastDate: string | null;
  place: Place | null;
  topics: string[];
  /** the document's events so far, the sentence's last (see sentenceFirst) */
  events: EventAnn[];
  doc: Doc;
}

export function extractEvents(doc: Doc, kb: KB): EventAnn[] {
  const ckb = kb.cameo;
  const sentences = doc.layers.sentences ?? [];
  const tokens = doc.layers.tokens ?? [];
  if (!sentences.length || !tokens.length || !ckb.byHead.size) return [];
  const input = docInput(doc);
  const offsets = tokenOffsets(tokens);
  const events: EventAnn[] = [];
  // each sentence's actor mentions as sentMentions finds them
  const found = new Scratch<SentView['mentions'][number]>();
  // "We, the Foreign Ministers of A, B and C, …": the "we" of a joint statement is its authors
  const authors = jointAuthors(doc);

  let ti = 0;
  let mi = 0;
  let qi = 0;
  let lastPerson: ActorMention | null = null;
  let lastPara = -1;
  // the sides of the latest consultation, for "the two sides agreed…"
  let sides: ActorMention[] | null = null;
  let sidesTurn: number | null = null;
  for (const s of sentences) {
    while (ti < tokens.length && tokens[ti]!.start < s.start) ti++;
    let tj = ti;
    while (tj < tokens.length && tokens[tj]!.start < s.end) tj++;
    if (tj === ti) continue;
    const n = tj - ti;
    const lower = lowerTokens(doc, input.low, ti, n);
    mi = sentMentions(tokens, ti, n, input.mentions, mi, found);
    const ms = found.take();
    // the antecedent of "he"/"she": the last person named earlier in the same paragraph, by name
    // or by a title the actor layer resolved to a named person ("the Secretary")
    if (s.paragraph !== lastPara) lastPerson = null;
    const prevPerson = lastPerson;
    for (const mm of ms) if (namesPerson(mm.m)) lastPerson = mm.m;
    lastPara = s.paragraph;
    // most sentences hold no word that can start an event: nothing more to do
    const lex = triggerLex(ckb, lower);
    if (!lex) {
      ti = tj;
      continue;
    }
    while (qi < input.quotes.length && input.quotes[qi]!.end <= s.start) qi++;
    const quotes = sentQuotes(input.quotes, qi, s);
    // in a transcript "the two sides" are those of the speaker's own turn
    if ((s.turn ?? null) !== sidesTurn) sides = null;
    const v = buildView(doc, ckb, offsets, ti, lower, ms, input.dates, lex, prevPerson, quotes, authors, sides);
    ti = tj;
    const before = events.length;
    sentenceEvents(doc, input, s, v, events);
    sides = consultationSides(events, before) ?? sides;
    sidesTurn = s.turn ?? null;
  }
  return events;
}

/**
 * The two sides of the last consultation among events[from…] that happened (held talks, met,
 * spoke by phone), as mentions for "the two sides" of later sentences; null when there is none.
 */
function consultationSides(events: readonly EventAnn[], from: number): ActorMention[] | null {
  for (let k = events.length - 1; k >= from; k--) {
    const e = events[k]!;
    if (e.root !== '04' || e.negated || e.hypothetical || !e.source || !e.target) continue;
    // the sides of a communiqué are its governments, not business leaders who also met
    if (!official(e.source) || !official(e.target)) continue;
    const side = (a: Actor): ActorMention => ({
      start: e.trigger.start,
      end: e.trigger.end,
      kind: a.name ? 'person' : 'country',
      actor: a,
      key: `sides:${a.name ?? a.org ?? a.country ?? ''}`,
      rule: 'ev:two-sides',
    });
    return [side(e.source), side(e.target)];
  }
  return null;
}

/** A mention of one named person: a name, or a title resolved to the person who holds it. */
function namesPerson(m: ActorMention): boolean {
  return m.kind === 'person' || (m.kind === 'role' && !!m.actor?.name);
}

/** The layers extractEvents reads, sorted by start (each layer itself when already in order: they are only read). */
function docInput(doc: Doc): DocInput {
  // actor mentions by start, longest first
  const actors = doc.layers.actors ?? [];
  const mentions = mentionsSorted(actors) ? actors : [...actors].sort((a, b) => a.start - b.start || b.end - a.end);
  return {
    mentions,
    dates: byStart(doc.layers.dates ?? []),
    places: byStart(doc.layers.places ?? []),
    topics: byStart(doc.layers.topics ?? []),
    quotes: byStart((doc.layers.quotes ?? []).filter((q) => q.direct && q.speaker)),
    // a journalist's question turn: whatever it mentions is asked about, not reported
    questionTurns: questionTurnIndexes(doc.layers.turns),
    low: lowerText(doc.text),
  };
}

function byStart<T extends Span>(l: readonly T[]): readonly T[] {
  return isSorted(l) ? l : [...l].sort((a, b) => a.start - b.start);
}

function questionTurnIndexes(turns: readonly Turn[] | undefined): Set<number> {
  const out = new Set<number>();
  if (turns) for (const t of turns) if (t.role === 'question') out.add(t.index);
  return out;
}

/** Lower-cased text with curly apostrophes straightened; null (per-token fallback) when lower-casing changes lengths. */
function lowerText(text: string): string | null {
  const low = text.toLowerCase();
  if (low.length !== text.length) return null;
  return low.includes('’') || low.includes('‘') ? low.replace(/[’‘]/g, "'") : low;
}

/** Per token, the KB's entry for its form; null when no token can start an event. */
function triggerLex(ckb: CameoKB, lower: string[]): (LexEntry | undefined)[] | null {
  const n = lower.length;
  // the tokens before the first trigger are looked up again below: no list for a sentence without one
  let first = 0;
  while (first < n && !ckb.lex.get(lower[first]!)?.trigger) first++;
  if (first === n) return null;
  const lex = new Array<LexEntry | undefined>(n);
  for (let k = 0; k < n; k++) lex[k] = ckb.lex.get(lower[k]!);
  return lex;
}

/** The direct quotations (from index `qi` of the sorted list) overlapping sentence s, with their speakers; undefined when none. */
function sentQuotes(quotes: readonly QuoteAnn[], qi: number, s: Span): SentView['quotes'] {
  const qs: QuoteAnn[] = [];
  for (let k = qi; k < quotes.length && quotes[k]!.start < s.end; k++)
    if (quotes[k]!.end > s.start) qs.push(quotes[k]!);
  return qs.length ? qs.map((q) => ({ start: q.start, end: q.end, speaker: q.speaker! })) : undefined;
}

/** The events of one sentence that holds a trigger word, appended to `events`. */
function sentenceEvents(doc: Doc, input: DocInput, s: Sentence, v: SentView, events: EventAnn[]): void {
  const n = v.lower.length;
  const text = doc.text.slice(s.start, s.end);
  const question = /\?\s*["”’')\]]*\s*$/.test(text) || (s.turn != null && input.questionTurns.has(s.turn));
  const sentMarkers = markersIn(v, 0, n);
  const raws = predicateEvents(v, sentMarkers, question);
  raws.push(...reportedObligations(v, sentMarkers, n));
  // "China urged Japan to release…", "called on Iran to…": the object of a control verb does the act
  for (const r of raws) {
    if (r.toAt < 1) continue;
    const a = v.actorAt[r.toAt - 1]!;
    if (a < 0) continue;
    let k = v.mentions[a]!.t0 - 1;
    const particle = k >= 0 && (v.lower[k] === 'on' || v.lower[k] === 'upon' || v.lower[k] === 'to');
    if (particle) k--;
    if (k < 0 || !v.kb.controlForms.has(v.lower[k]!)) continue;
    // "called Putin to offer condolences" is a phone call with a purpose; "called on X to" controls
    if (!particle && v.lower[k]!.startsWith('call')) continue;
    r.src = a;
    if (r.tgt === a) r.tgt = -1;
  }
  // an agentless act of armed violence "from" a place was done by that place's side
  for (const r of raws) {
    if (r.src >= 0 || !VIOLENT_ROOTS.has(r.code.slice(0, 2))) continue;
    const f = fromAfter(v, r.end);
    if (f >= 0 && f !== r.tgt) r.src = f;
  }
  raws.push(...allegations(v, sentMarkers, raws));
  const kept = keptEvents(raws);

  // sentence context: date, place, topics
  const out: SentOut = {
    s,
    text,
    ...sentDates(doc, input.dates, s),
    place: placeWithin(input.places, s.start, s.end),
    topics: sentTopics(input.topics, s),
    events,
    doc,
  };
  for (const r of kept) emitRaw(v, r, input.places, out);
}

/**
 * The predicates' events: at each token not yet consumed by an earlier match, the first of the
 * patterns it heads (longest first) that matches and yields an event.
 */
function predicateEvents(v: SentView, sentMarkers: MarkerHit[], question: boolean): Raw[] {
  const n = v.lower.length;
  // a conditional or embedded question governs what follows it ("if it is attacked", "If China attacks…, the US will…")
  const condAt = firstCondition(sentMarkers, n);
  const raws = RAWS;
  raws.clear(); // should an earlier call have thrown
  // a match consumes the tokens [i, m.end); as i only grows, the consumed tokens ahead of i are those before the furthest end
  let consumedTo = 0;

  for (let i = 0; i < n; i++) {
    if (i < consumedTo || v.actorAt[i]! >= 0) continue;
    const cands = v.lex[i]?.heads;
    if (!cands) continue;
    for (let c = 0; c < cands.length; c++) {
      const p = cands[c]!;
      if (!headFits(v, p, i)) continue;
      const m = matchPattern(v, p, i, n);
      if (!m) continue;
      if (p.cameo === '-') {
        // a blocking pattern: "released a statement", "meet the needs of" are not events
        consumedTo = Math.max(consumedTo, m.end);
        break;
      }
      const raw = p.kind === 'v' ? verbEvent(v, p, i, m, n, sentMarkers) : nounEvent(v, p, i, m, n);
      if (!raw.length) continue;
      consumedTo = Math.max(consumedTo, m.end);
      const hypothetical = question || i > condAt;
      for (let k = 0; k < raw.length; k++) {
        if (hypothetical) raw[k]!.hypothetical = true;
        raws.push(raw[k]!);
      }
      break;
    }
  }
  return raws.take();
}

/** predicateEvents' raw events as it finds them */
const RAWS = new Scratch<Raw>();

/** The first token of the sentence's first conditional marker, else n. */
function firstCondition(sentMarkers: MarkerHit[], n: number): number {
  for (let k = 0; k < sentMarkers.length; k++) if (sentMarkers[k]!.type === 'cond') return sentMarkers[k]!.from;
  return n;
}

/** Can token i be the head of pattern p, given its part of speech and context? */
function headFits(v: SentView, p: EventPattern, i: number): boolean {
  if (
    p.kind === 'v' &&
    !p.exactHead &&
    v.pos[i] !== 'VERB' &&
    v.pos[i] !== 'AUX' &&
    !verbAfterSubject(v, i) &&
    !participleAdj(v, i) &&
    !afterModal(v, i)
  )
    return false;
  if (p.kind === 'v' && !p.exactHead && (gerundNoun(v, i) || participleModifier(v, i) || attributiveIng(v, i)))
    return false;
  if (p.kind === 'v' && afterNamedPossessive(v, i)) return false;
  // "a roundtable called the BRICS Media Dialogue": naming, not calling
  if (
    NAMING.has(v.lower[i]!) &&
    i > 0 &&
    ((v.pos[i - 1] === 'NOUN' && v.actorAt[i - 1]! < 0) || v.lower[i - 1] === '-' || v.lower[i - 1] === 'so')
  )
    return false;
  if (
    p.kind === 'n' &&
    !NOUN_POS.has(v.pos[i]!) &&
    (v.lower[i]!.endsWith('ed') ||
      (v.pos[i] === 'VERB' &&
        i > 0 &&
        v.pos[i - 1] !== 'DET' &&
        v.pos[i - 1] !== 'ADJ' &&
        v.pos[i - 1] !== 'PART' &&
        v.actorAt[i - 1]! < 0 &&
        !afterNamedPossessive(v, i)))
  )
    return false;
  return true;
}

/** The raw events that stand, with an infinitive's act marked hypothetical. */
function keptEvents(raws: Raw[]): Raw[] {
  // "urged Iran to release…", "met to discuss…", "staged protests to demand…": an infinitive
  // states an aim or a request, not an act that happened (intent and phase verbs excepted)
  for (const r of raws) if (r.toAt >= 0) r.hypothetical = true;
  // a governing "agreed to" / "threatened to" gives way to the act it governs, which carries the intent
  return raws.filter((r) => !(r.p.intent && /^(03|12|13)/.test(r.code) && governed(raws, r.head)));
}

/** Does a governing intent predicate of one of `raws` cover token `head`? */
function governed(raws: Raw[], head: number): boolean {
  return raws.some((q) => q.governor >= 0 && head >= q.governor && head < q.governorEnd);
}

/**
 * The sentence's date for its events: the value of its first resolved date, else the document's
 * day; and, for an act that happened, the first that is neither in the future of the document nor
 * a period or deadline ("signed a plan of consultations for 2021-2023, which will take effect…").
 */
function sentDates(doc: Doc, dates: readonly DateMention[], s: Span): { date: string | null; pastDate: string | null } {
  let date: string | null = null;
  let pastDate: string | null = null;
  for (let k = lowerBound(dates, s.start); k < dates.length && dates[k]!.start < s.end && !pastDate; k++) {
    const d = dates[k]!;
    if (d.end > s.end || !d.value) continue;
    date ??= d.value;
    if (d.future !== true && !periodFor(doc.text, d.start)) pastDate = d.value;
  }
  // the document's day, not its publication time: an event is not dated to the minute of the report
  const day = doc.meta.published?.slice(0, 10) ?? null;
  // with no day of its own, the document has no future: its dates stand
  return { date: date ?? day, pastDate: pastDate ?? (day ? day : date) };
}

/** A date a period or deadline names ("a plan of consultations for 2021-2023", "until 2025"), not when an act took place. */
function periodFor(text: string, at: number): boolean {
  return /\b(?:for|until|till|through|by)\s+(?:the\s+(?:years?|period)\s+)?$/i.test(
    text.slice(Math.max(0, at - 24), at),
  );
}

/** The first place mentioned inside [from, to). */
function placeWithin(places: readonly PlaceMention[], from: number, to: number): Place | null {
  for (let k = lowerBound(places, from); k < places.length && places[k]!.start < to; k++) {
    if (places[k]!.end <= to) return places[k]!.place;
  }
  return null;
}

/** The topics mentioned inside the sentence, each once, in order. */
function sentTopics(topics: readonly TopicMention[], s: Span): string[] {
  const topicSet: string[] = [];
  for (let k = lowerBound(topics, s.start); k < topics.length && topics[k]!.start < s.end; k++) {
    const t = topics[k]!;
    if (t.end <= s.end && !topicSet.includes(t.topic)) topicSet.push(t.topic);
  }
  return topicSet;
}

/** The events of one raw event: its own and, for a visit, the linked act. */
function emitRaw(v: SentView, r: Raw, places: readonly PlaceMention[], out: SentOut): void {
  const info = cameoInfo(v.kb, r.code);
  if (!info) return;
  if (r.tgt < 0 && !r.tgtPlace && r.p.loc) locativeTarget(v, r, places, out.s.end);
  // an act with neither source nor target tells a reader nothing about who did what to whom
  if (r.src < 0 && r.tgt < 0 && !r.tgtPlace?.country) return;
  const srcM = r.src >= 0 ? v.mentions[r.src]!.m : undefined;
  const tgtM = r.tgt >= 0 ? v.mentions[r.tgt]!.m : undefined;
  let target: Actor | null = tgtM ? tgtM.actor : r.tgtPlace?.country ? placeActor(r.tgtPlace) : null;
  const source = actorOf(srcM);
  // "We had substantive talks" in a transcript of bilateral talks: with the other side
  if (!target && r.p.sym && srcM?.kind === 'pronoun' && /^we$/i.test(out.doc.text.slice(srcM.start, srcM.end)))
    target = counterpartAt(out.doc, srcM.start);
  // a guest is the host's object, not someone a clause inside the object names ("hosted an energy
  // exhibition attended by companies from Russia")
  if (r.p.guest && tgtM && verbBetween(v, r.end, v.mentions[r.tgt]!.t0)) return;
  // a state (its government, officials, "we") is not the other side of its own act ("we asked it to
  // send experts to Russia", "Wang Yi will attend as the representative of the Chinese side"): the
  // act stands with no target; its people named by a demonym ("Liberian police dispersed
  // demonstrators") and its opposition, rebels or civilians are other sides
  if (srcM && tgtM && !demonym(srcM) && !demonym(tgtM) && sameSide(source, target)) target = null;
  // hosting or receiving no one is no visit; a mutual act needs both sides ("Syria was discussed"
  // has neither: its subject is the topic)
  if ((r.p.guest || r.p.mutual) && !target) return;
  if (r.p.mutual && !source) return;
  const trigger: Span = { start: v.start[r.head]!, end: v.end[Math.max(r.head, r.end - 1)]! };
  emitEvent(out, v.kb, r, info, r.code, source, target, ruleName(r.p.id), trigger);
  // the linked act of a visit, as the codebook codes it ("A visited B": B hosted A);
  // not for a stated intent, which is one side's
  if (source && target && r.p.pair && r.code === r.p.cameo)
    emitEvent(out, v.kb, r, info, r.p.pair, target, source, `${ruleName(r.p.id)}:linked`, trigger);
}

/** rule names by pattern id: as many as the KB has patterns and markers */
const RULE_NAMES = new Map<string, string>();

/** The rule an event of pattern `id` names ("ev:<id>"), one string per pattern. */
function ruleName(id: string): string {
  let name = RULE_NAMES.get(id);
  if (name === undefined) RULE_NAMES.set(id, (name = `ev:${id}`));
  return name;
}

/** "visited Beijing", "staged a protest in Beijing": the place (or locative actor) after the predicate is the target. */
function locativeTarget(v: SentView, r: Raw, places: readonly PlaceMention[], sEnd: number): void {
  const n = v.lower.length;
  const from = v.end[r.end - 1]!;
  const ce = v.end[clauseEnd(v, r.end, n) - 1] ?? sEnd;
  r.tgtPlace = placeWithin(places, from, ce);
  if (!r.tgtPlace) {
    const a = locativeAfter(v, r.end, clauseEnd(v, r.end, n));
    if (a >= 0 && !srcIsSame(v, r.src, a)) r.tgt = a;
  }
}

/** Appends the event `code` (source `src`, target `tgt`) of raw `r`, unless the sentence already has it. */
function emitEvent(
  out: SentOut,
  ckb: CameoKB,
  r: Raw,
  info: CameoCode,
  code: string,
  src: Actor | null,
  tgt: Actor | null,
  rule: string,
  trigger: Span,
): void {
  const first = sentenceFirst(out);
  if (emitted(out.events, first, code, trigger.start, src, tgt)) return;
  const ci = code === r.code ? info : cameoInfo(ckb, code);
  if (!ci) return;
  // the sentence's events share one evidence
  const evidence = first < out.events.length ? out.events[first]!.evidence : sentenceEvidence(out);
  out.events.push({
    cameo: code,
    root: ci.root,
    quadClass: ci.quad,
    goldstein: ci.goldstein,
    plover: ploverOf(ckb, code)?.event ?? null,
    source: src,
    target: tgt,
    // "signed an agreement, which will enter into force on November 10": not signed on the 10th
    date: r.hypothetical || r.negated || code.startsWith('03') ? out.date : out.pastDate,
    place: out.place,
    negated: r.negated,
    hypothetical: r.hypothetical,
    topics: out.topics,
    evidence,
    trigger,
    rule,
    sentence: out.s.index,
  });
}

/** Index in out.events of the sentence's first event (its length when none): the events are appended sentence by sentence. */
function sentenceFirst(out: SentOut): number {
  let k = out.events.length;
  while (k > 0 && out.events[k - 1]!.sentence === out.s.index) k--;
  return k;
}

/** Is there among events[first…] one of `code` at the trigger starting at `triggerStart`, between the same source and target? */
function emitted(
  events: readonly EventAnn[],
  first: number,
  code: string,
  triggerStart: number,
  src: Actor | null,
  tgt: Actor | null,
): boolean {
  for (let k = first; k < events.length; k++) {
    const e = events[k]!;
    if (e.cameo === code && e.trigger.start === triggerStart && sameActor(e.source, src) && sameActor(e.target, tgt))
      return true;
  }
  return false;
}

/** Two actors that code alike: the same code, organisation, country and name (or both none). */
/** A mention of a country by its demonym or adjective ("Young Algerians", "Liberian police"): its people, not the state. */
function demonym(m: ActorMention): boolean {
  return m.kind === 'country' && m.rule === 'country-adjective';
}

/** An actor of no sector (a state, an organisation) or of its government. */
function official(x: Actor): boolean {
  return !x.sector || x.sector === 'GOV';
}

/** The state (or organisation) acting as itself on both ends: no sector other than government on either. */
function sameSide(a: Actor | null, b: Actor | null): boolean {
  if (!a || !b) return false;
  if (a.org || b.org) return a.org === b.org && (a.country ?? '') === (b.country ?? '') && official(a) && official(b);
  return !!a.country && a.country === b.country && official(a) && official(b);
}

function sameActor(a: Actor | null, b: Actor | null): boolean {
  if (!a || !b) return !a && !b;
  return (
    (a.code ?? '') === (b.code ?? '') &&
    (a.org ?? '') === (b.org ?? '') &&
    (a.country ?? '') === (b.country ?? '') &&
    (a.name ?? '') === (b.name ?? '')
  );
}

function sentenceEvidence(out: SentOut): EventAnn['evidence'] {
  return { start: out.s.start, end: out.s.end, text: out.text };
}

/**
 * "X said Y must…" is X's demand on Y (CAMEO 10); "X said Y should…" an appeal (02). The
 * speaker is the subject of the reporting verb, or the actor after it ("…, Lavrov said").
 */
function reportedObligations(v: SentView, sentMarkers: MarkerHit[], n: number): Raw[] {
  const out: Raw[] = [];
  for (const h of sentMarkers) {
    if ((h.type !== 'oblige' && h.type !== 'advise') || !h.marker.cameo) continue;
    // "must", "needs to" as verbs, not "the need to"
    if (v.pos[h.from] === 'NOUN' || (h.from > 0 && v.pos[h.from - 1] === 'DET')) continue;
    // the reporting verb: before the clause, or after it (inverted)
    let rep = -1;
    for (let j = h.from - 1; j >= 0; j--)
      if (isReportVerb(v, j)) {
        rep = j;
        break;
      }
    let speaker = -1;
    let lo = 0;
    if (rep >= 0) {
      speaker = subjectOf(v, groupStart(v, rep, 0), 0);
      lo = rep + 1;
    } else {
      for (let j = h.to; j < n; j++)
        if (isReportVerb(v, j)) {
          rep = j;
          break;
        }
      if (rep < 0) continue;
      speaker = subjectOf(v, groupStart(v, rep, 0), h.to);
      if (speaker < 0) speaker = objectAfter(v, rep + 1, n);
    }
    if (speaker < 0) continue;
    const addressee = subjectOf(v, groupStart(v, h.from, lo), lo);
    if (addressee < 0 || addressee === speaker) continue;
    const p = markerPattern(`reported-${h.marker.text.replace(/\s+/g, '-')}`, h.marker.cameo);
    const tgts = coordinated(v, addressee, lo, h.from);
    for (const t of tgts) {
      if (sameEntity(v.mentions[speaker]!.m, v.mentions[t]!.m)) continue;
      out.push(markerRaw(p, h, speaker, t));
    }
  }
  return out;
}

/** The asserted event a marker codes by itself, from `src` to `tgt`, on the marker's words. */
function markerRaw(p: EventPattern, h: MarkerHit, src: number, tgt: number): Raw {
  return {
    p,
    code: p.cameo,
    head: h.from,
    end: h.to,
    src,
    tgt,
    tgtPlace: null,
    negated: false,
    hypothetical: false,
    governor: -1,
    governorEnd: -1,
    toAt: -1,
  };
}

/** The pattern of an event a marker word codes by itself ("reported", "alleged"): a verb, exact head. */
function markerPattern(id: string, cameo: string): EventPattern {
  return {
    id,
    cameo,
    kind: 'v',
    elems: [],
    exactHead: true,
    sym: false,
    mutual: false,
    self: false,
    intent: false,
    loc: false,
    inv: false,
    guest: false,
    pair: null,
    weight: 1,
    source: 'data/patterns/events-markers.tsv',
  };
}

/**
 * "The US claimed that ISIL had attacked Iraq": a conflict act reported after a claim is the
 * claimant's accusation (CAMEO 112) of the act's agent, whether or not the act happened. A marker
 * with `acts` counts only acts of those roots ("The US said that Iraq had attacked…": violence
 * another party is said to have done is an accusation; other reported acts are reports).
 */
function allegations(v: SentView, sentMarkers: MarkerHit[], raws: Raw[]): Raw[] {
  const out: Raw[] = [];
  for (const h of sentMarkers) {
    if (h.type !== 'allege' || !h.marker.cameo || v.pos[h.from] === 'NOUN') continue;
    // "…, an AFP correspondent said, two weeks after…": a reporting verb with no clause after it
    // reports what came before; its subject is no party
    if (h.marker.acts && (h.to >= v.pos.length || v.pos[h.to] === 'PUNCT')) continue;
    const speaker = subjectOf(v, groupStart(v, h.from, 0), 0);
    if (speaker < 0) continue;
    const p = markerPattern(`alleged-${h.marker.text.replace(/\s+/g, '-')}`, h.marker.cameo);
    for (const r of raws) {
      if (r.head < h.to || r.src < 0 || r.negated || (v.kb.codes.get(r.code.slice(0, 2))?.quad ?? 0) < 3) continue;
      if (h.marker.acts && (r.hypothetical || !h.marker.acts.has(r.code.slice(0, 2)))) continue;
      const a = v.mentions[speaker]!.m;
      const b = v.mentions[r.src]!.m;
      // a party does not accuse itself: "Russia said its forces struck…" is a report
      if (sameEntity(a, b) || (a.actor.country && a.actor.country === b.actor.country)) continue;
      out.push(markerRaw(p, h, speaker, r.src));
    }
  }
  return out;
}

function isReportVerb(v: SentView, j: number): boolean {
  return (v.pos[j] === 'VERB' || v.pos[j] === 'AUX') && v.kb.reportForms.has(v.lower[j]!);
}

/** Whether a verb (not an -ing adjective: "hosted visiting ministers") lies in tokens [from, to). */
function verbBetween(v: SentView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (v.pos[k] === 'VERB' && !ATTRIBUTIVE_ING.has(v.lower[k]!)) return true;
  return false;
}

/** A participle the tagger called an adjective: "is being pressured by", "the report alleged that France…" */
function participleAdj(v: SentView, i: number): boolean {
  if (v.pos[i] !== 'ADJ' || !v.lower[i]!.endsWith('ed') || i === 0) return false;
  const prev = v.lower[i - 1]!;
  if (['is', 'are', 'was', 'were', 'been', 'being', 'be'].includes(prev)) return true;
  const np = v.pos[i + 1];
  return v.lower[i + 1] === 'that' || np === 'DET' || (np === 'PROPN' && v.actorAt[i + 1]! >= 0);
}

const COMPASS = /^(north|south|east|west)(-?(east|west))?$|^(northeast|northwest|southeast|southwest)$/;
const NAMING = new Set(['called', 'named', 'dubbed', 'titled', 'entitled']);
/** -ing forms English uses as adjectives before a noun: "met with visiting Foreign Minister X" (X is the guest) */
const ATTRIBUTIVE_ING = new Set([
  'visiting',
  'warring',
  'fighting',
  'opposing',
  'ruling',
  'governing',
  'incoming',
  'outgoing',
]);
const SUBJ_PRON = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they']);
const NEG_SUBJ = new Set(['nobody', 'none', 'neither', 'nothing']);
const POSSESSIVE = new Set(['their', 'his', 'her', 'its', 'our', 'my', 'your']);
const MODALS = new Set([
  'will',
  'would',
  "'ll",
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'do',
  'does',
  'did',
]);

/** A word right after a modal or do-auxiliary is a verb, whatever the tagger said: "would free", "did not sign". */
function afterModal(v: SentView, i: number): boolean {
  let j = i - 1;
  if (j >= 0 && (v.lower[j] === 'not' || v.lower[j] === "n't")) j--;
  return j >= 0 && MODALS.has(v.lower[j]!);
}

/** "the occupied West Bank", "Israeli-occupied", "reject proposed changes": a participle modifying a noun */
function participleModifier(v: SentView, i: number): boolean {
  const w = v.lower[i]!;
  if (!w.endsWith('ed') && !w.endsWith('en')) return false;
  if (i > 0 && (v.lower[i - 1] === '-' || v.pos[i - 1] === 'DET')) return true;
  const np = v.pos[i + 1];
  const nounNext = np === 'NOUN' || np === 'PROPN';
  // "seven detained Americans", "two wounded soldiers": a numeral, the participle, its noun
  if (i > 0 && v.pos[i - 1] === 'NUM' && (nounNext || np === 'ADJ')) return true;
  // "generally recognized elections", "newly imposed sanctions", "seven wrongfully detained Americans"
  if (
    i > 0 &&
    v.pos[i - 1] === 'ADV' &&
    nounNext &&
    (i === 1 || ['DET', 'ADJ', 'CCONJ', 'PUNCT', 'ADP', 'NUM'].includes(v.pos[i - 2]!))
  )
    return true;
  if (i > 0 && v.pos[i - 1] === 'VERB' && v.actorAt[i - 1]! < 0 && !v.kb.markerWords.has(v.lower[i - 1]!)) {
    return nounNext || np === 'ADJ';
  }
  return false;
}

/**
 * An -ing form used as an adjective after a preposition or a verb, before its noun: "talks with
 * visiting Chinese Foreign Minister Wang Yi", "received visiting…", "between warring factions"
 * (the noun is who visits or fights).
 */
function attributiveIng(v: SentView, i: number): boolean {
  if (i === 0 || !ATTRIBUTIVE_ING.has(v.lower[i]!) || (v.pos[i - 1] !== 'ADP' && v.pos[i - 1] !== 'VERB')) return false;
  // a title, a nationality or a person ("visiting Wang Yi"), not a place ("charged with visiting Syria")
  const a = v.actorAt[i + 1] ?? -1;
  if (a >= 0) {
    const { m, t1 } = v.mentions[a]!;
    if (m.kind === 'person' || m.kind === 'group') return true;
    // a nationality before its noun, after a preposition ("with visiting Chinese Foreign Minister …",
    // where the title is not part of the mention); after a verb it may be the object's
    // ("began visiting Chinese ports")
    const after = v.pos[t1 + 1];
    return m.kind === 'country' && v.pos[i - 1] === 'ADP' && (after === 'NOUN' || after === 'PROPN');
  }
  return v.pos[i + 1] === 'ADJ' || v.pos[i + 1] === 'NOUN';
}

/**
 * A word after a name and "'s" is the name's noun ("Vice Premier Liu He's visit to Washington"),
 * even where the tagger read the name's last word as "he" and "'s" as "is".
 */
function afterNamedPossessive(v: SentView, i: number): boolean {
  if (i < 2 || (v.lower[i - 1] !== "'s" && v.lower[i - 1] !== 's')) return false;
  // by offsets: the tagger's "he" may lie outside the token range the name was given
  const s0 = v.start[i - 2]!;
  const e0 = v.end[i - 2]!;
  return v.mentions.some(({ m }) => m.kind !== 'pronoun' && m.start <= s0 && m.end === e0);
}

/** "the museum shooting", "a killing": an -ing form used as a noun */
function gerundNoun(v: SentView, i: number): boolean {
  if (i === 0 || !v.lower[i]!.endsWith('ing')) return false;
  const p = v.pos[i - 1]!;
  // "the museum shooting", "a school bombing": a noun compound
  // (not a participle with an object: "a declaration demanding that…", "a group shelling the town")
  if (p === 'NOUN' && v.actorAt[i - 1]! < 0 && i > 1 && (v.pos[i - 2] === 'DET' || v.pos[i - 2] === 'ADJ')) {
    const n = i + 1;
    const np = n < v.lower.length ? v.pos[n]! : 'PUNCT';
    if (
      np !== 'DET' &&
      np !== 'PRON' &&
      np !== 'PROPN' &&
      np !== 'NUM' &&
      v.lower[n] !== 'that' &&
      !(v.actorAt[n]! >= 0)
    )
      return true;
  }
  return p === 'DET' || p === 'ADJ' || v.lower[i - 1] === "'s" || POSSESSIVE.has(v.lower[i - 1]!);
}

/** A head the tagger called a noun but that follows a subject: "China attacks Japan", "Did Russia attack". */
function verbAfterSubject(v: SentView, i: number): boolean {
  if (v.pos[i] !== 'NOUN' || i === 0) return false;
  const prev = i - 1;
  if (v.actorAt[prev]! < 0 && !SUBJ_PRON.has(v.lower[prev]!)) return false;
  if (v.lower[prev] === "'s") return false;
  if (v.actorAt[prev]! >= 0) {
    // "a U.S. request", "to the UN request": the actor modifies a noun
    const before = v.mentions[v.actorAt[prev]!]!.t0 - 1;
    if (before >= 0 && (v.pos[before] === 'DET' || v.pos[before] === 'ADP' || v.lower[before] === "'s")) return false;
  }
  const next = v.lower[i + 1];
  return next === undefined || (v.pos[i + 1] !== 'VERB' && v.pos[i + 1] !== 'AUX');
}

/** True when mentions are in order of start, the longer first at one start. */
function mentionsSorted(l: readonly Span[]): boolean {
  for (let i = 1; i < l.length; i++) {
    const a = l[i - 1]!;
    const b = l[i]!;
    if (a.start > b.start || (a.start === b.start && a.end < b.end)) return false;
  }
  return true;
}

function isSorted(l: readonly Span[]): boolean {
  for (let i = 1; i < l.length; i++) if (l[i]!.start < l[i - 1]!.start) return false;
  return true;
}

function placeActor(p: Place): Actor {
  return { name: null, role: null, country: p.country, org: null, sector: null, code: p.country };
}

/** Modality and negation of a predicate from its verb group and the sentence before it. */
/** The modality of a predicate (see modality). */
interface Modality {
  negated: boolean;
  hypothetical: boolean;
  intent: boolean;
  /** token span [governor, governorEnd) of a governing intent predicate, or -1 */
  governor: number;
  governorEnd: number;
  /** index of an infinitive "to" right before the verb group, or -1 */
  toAt: number;
}

function modality(v: SentView, head: number, g: number, sentMarkers: MarkerHit[], p: EventPattern): Modality {
  const local = markersIn(v, g, head);
  let negated = false;
  let hypothetical = false;
  let intent = false;
  let governor = -1;
  let governorEnd = -1;
  const reportBefore = sentMarkers.some((h) => h.type === 'report' && h.to <= g);
  for (const h of local) {
    if (h.type === 'neg') negated = true;
    else if (h.type === 'refuse') {
      negated = true;
      intent = true;
      governor = h.from;
      governorEnd = h.to;
    } else if (h.type === 'intent') {
      intent = true;
      // the governing predicate ("agreed", "are ready") lies inside the marker
      governor = h.from;
      governorEnd = h.to;
    } else if (h.type === 'oblige' || h.type === 'advise') {
      hypothetical = true;
    } else if (h.type === 'hypo') {
      // "said it would free": future in the past, not a hypothesis
      if (h.marker.text === 'would' && reportBefore) intent = true;
      else hypothetical = true;
    }
  }
  // "no evidence that Russia was involved", "denied that …"
  if (sentMarkers.some((h) => h.type === 'frame' && h.to <= g)) negated = true;
  // infinitive complements (decided by the caller) and gerunds after a preposition ("accused of killing")
  let toAt = -1;
  if (!intent && !p.intent) {
    const before = g - 1;
    for (let j = g; j < head; j++) if (v.lower[j] === 'to') toAt = j;
    if (toAt >= 0 && local.some((h) => h.to > toAt)) toAt = -1;
    if (toAt < 0 && g > 0 && v.lower[g - 1] === 'to') toAt = g - 1;
    if (before >= 0 && GERUND_PREPS.has(v.lower[before]!) && v.lower[head]!.endsWith('ing')) {
      // "left without signing": not done; "accused of killing", "jailed for helping": not asserted
      if (v.lower[before] === 'without') negated = true;
      else hypothetical = true;
    }
  }
  return { negated, hypothetical, intent, governor, governorEnd, toAt };
}

function verbEvent(v: SentView, p: EventPattern, head: number, m: Match, n: number, sentMarkers: MarkerHit[]): Raw[] {
  const g = groupStart(v, head, 0);
  const mod = modality(v, head, g, sentMarkers, p);
  let code = modalCode(v.kb, p, mod);
  // "nobody is going to free…", "no one attacked…": a negative subject negates the act
  if (negativeSubject(v, g)) mod.negated = true;
  const reduced = reducedRelative(v, head, g);
  const passive = reduced || isPassive(v, head, g);
  const ce = clauseEnd(v, m.end, n);

  const subject: Subject = reduced ? { subj: nounBefore(v, head), group: null } : verbSubject(v, g);
  const roles =
    p.inv && !passive
      ? inverseRoles(v, m, ce, subject, g)
      : passive
        ? passiveRoles(v, p, m, ce, subject, g, reduced)
        : activeRoles(v, p, head, m, ce, subject, g);
  // a participle modifying a noun ("a member jailed a year ago") is background unless its agent is named
  if (reduced && !roles.srcs.length) return [];
  if (passive && !roles.srcs.length && roles.tgts.length === 0 && subject.subj < 0) {
    const pr = pronounIn(v, clauseStart(v, g, 0), g, false);
    if (pr >= 0) {
      const a = reportAntecedent(v, pr);
      if (a >= 0) roles.tgts = [a];
    }
  }
  if (code === '190' && p.cameo === '190') code = specificForce(v, p, head, m.end, ce, g);
  return pairUp(v, p, code, head, m.end, roles.srcs, roles.tgts, mod, null);
}

/** The subject of a verb group (a mention index, or -1), with its coordinated group when a pronoun decided it. */
interface Subject {
  subj: number;
  group: number[] | null;
}

/** Source and target mention indexes of a predicate. */
interface Roles {
  srcs: number[];
  tgts: number[];
}

/**
 * The code of a verbal predicate given its modality: a stated intent recodes it (CAMEO 03x/13x),
 * a negated intent to a refusal when the codebook has one (then `mod` is no longer negated).
 */
function modalCode(kb: CameoKB, p: EventPattern, mod: Modality): string {
  if (!mod.intent || p.intent) return p.cameo;
  const refusal = mod.negated ? refusalCode(kb, p.cameo) : null;
  if (!refusal) return intentCode(kb, p.cameo);
  // "will not provide aid", "refused to meet": a rejection, stated affirmatively
  mod.negated = false;
  return refusal;
}

/** "nobody", "no one" in the clause before the verb group starting at g. */
function negativeSubject(v: SentView, g: number): boolean {
  for (let j = clauseStart(v, g, 0); j < g; j++)
    if (NEG_SUBJ.has(v.lower[j]!) || (v.lower[j] === 'no' && v.lower[j + 1] === 'one')) return true;
  return false;
}

/** The subject of the verb group starting at g; a pronoun subject is resolved (see pronounSubject). */
function verbSubject(v: SentView, g: number): Subject {
  const holder = infinitiveHolder(v, g);
  if (holder >= 0) return { subj: holder, group: null };
  const subj = subjectOf(v, g, 0);
  if (subj >= 0) return { subj, group: null };
  if (v.sides && bothSidesBefore(v, g)) {
    // "The two sides agreed…" after "X held talks with Y": X and Y
    const group = v.sides.map((a) => addedSubject(v, a).subj);
    return { subj: group[0]!, group };
  }
  return pronounSubject(v, g);
}

const SIDE_NOUNS = new Set(['sides', 'parties', 'countries', 'leaders', 'ministers', 'presidents', 'delegations']);

/**
 * "the two sides", "both sides", "the two foreign ministers" as the subject of the verb group
 * starting at g: the phrase ends right before it, or before adverbs and auxiliaries ("the two
 * sides have also agreed").
 */
function bothSidesBefore(v: SentView, g: number): boolean {
  let k = g - 1;
  while (k >= 0 && (v.pos[k] === 'ADV' || v.pos[k] === 'AUX' || v.pos[k] === 'PART')) k--;
  if (k < 1 || !SIDE_NOUNS.has(v.lower[k]!)) return false;
  const q = v.lower[k - 1] === 'two' || v.lower[k - 1] === 'both' ? k - 1 : k - 2;
  return q >= 0 && (v.lower[q] === 'two' || v.lower[q] === 'both') && (q === k - 1 || v.pos[k - 1] === 'ADJ');
}

/**
 * "Obama said he would not…", "Obama and Putin said they will…": a pronoun subject in reported
 * speech is the reporter; "we" in a quotation is its speaker; "he"/"she" with no antecedent in the
 * sentence the last person named before it in the paragraph.
 */
function pronounSubject(v: SentView, g: number): Subject {
  const pr = pronounIn(v, clauseStart(v, g, 0), g, false);
  if (pr < 0) return { subj: -1, group: null };
  const w = v.lower[pr]!;
  if (w === 'we' || w === 'i') {
    const q = v.quotes?.find((x) => x.start <= v.start[pr]! && x.end >= v.end[pr]!);
    if (!q) {
      // "We condemn…" in a joint statement: each of its authors, as for "A, B and C condemn…"
      if (w === 'we' && v.authors) {
        const group = v.authors.map((a) => addedSubject(v, a).subj);
        return { subj: group[0]!, group };
      }
      return { subj: -1, group: null };
    }
    // "'We call on Ukraine and Russia…,' Wang Yi said": first person in a quotation is its speaker
    return addedSubject(v, {
      start: v.start[pr]!,
      end: v.end[pr]!,
      kind: 'pronoun',
      actor: q.speaker,
      key: `quote:${q.speaker.name ?? q.speaker.country ?? ''}`,
      rule: 'ev:quote-speaker',
    });
  }
  const subj = reportAntecedent(v, pr);
  if (subj >= 0) return { subj, group: w === 'they' ? coordinated(v, subj, 0, pr) : [subj] };
  // "Lavrov arrived in Cairo. On Tuesday, he is due to meet…": the last person named before
  if ((w === 'he' || w === 'she') && v.prevPerson) return addedSubject(v, v.prevPerson);
  return { subj, group: null };
}

/** A mention from outside the sentence's tokens (a quotation's speaker, an earlier person), added to the view as the subject. */
function addedSubject(v: SentView, m: ActorMention): Subject {
  v.mentions.push({ m, t0: -1, t1: -1 });
  const subj = v.mentions.length - 1;
  return { subj, group: [subj] };
}

/** The subject and the actors coordinated with it ("Russia and China"), or the group a pronoun decided. */
function subjectGroup(v: SentView, s: Subject, g: number): number[] {
  return s.group ?? coordinated(v, s.subj, clauseStart(v, g, 0), g);
}

/** "received weapons from X", "faces pressure from X": X is the source, the subject the target. */
function inverseRoles(v: SentView, m: Match, ce: number, s: Subject, g: number): Roles {
  const lastFrom = [...m.preps].reverse().find((q) => q.word === 'from' || q.word === 'by');
  const a = lastFrom ? objectAfter(v, lastFrom.at + 1, ce) : -1;
  const srcs = a >= 0 ? coordinated(v, a, lastFrom!.at + 1, ce) : [];
  const tgts = s.subj >= 0 ? subjectGroup(v, s, g) : [];
  return { srcs, tgts };
}

/** A passive predicate: the agent ("by X", "in Israeli shelling") is the source, the subject the target. */
function passiveRoles(
  v: SentView,
  p: EventPattern,
  m: Match,
  ce: number,
  s: Subject,
  g: number,
  reduced: boolean,
): Roles {
  let agent = agentAfter(v, m.end, ce);
  if (agent < 0 && !reduced) agent = attackAgent(v, m.end, ce);
  const srcs = agent >= 0 ? coordinated(v, agent, m.end, ce) : [];
  let tgts: number[] = [];
  if (s.subj >= 0) tgts = subjectGroup(v, s, g);
  else if (!p.self && !reduced) {
    const t = directionalTarget(v, m.end, ce);
    if (t >= 0 && t !== agent) tgts = [t];
  }
  return { srcs, tgts };
}

/**
 * Where an infinitive of purpose right after a mutual act begins ("we met to discuss the DPRK":
 * the DPRK is what they met about, the infinitive's object), else `ce`. (After other predicates
 * an infinitive is often their complement, whose object is theirs too: "expressed readiness to
 * support Jordan".)
 */
function purposeAt(v: SentView, end: number, ce: number): number {
  for (let j = end; j + 1 < ce && j < end + 3; j++) {
    if (v.actorAt[j]! >= 0) return ce;
    if (v.lower[j] === 'to' && v.pos[j + 1] === 'VERB') return j;
  }
  return ce;
}

/** "a mortar bomb was fired at it", "aid was sent to Syria": a directional prepositional object is the target; -1 when none. */
function directionalTarget(v: SentView, end: number, ce: number): number {
  for (let j = end - 1; j < Math.min(ce, end + 4); j++) {
    if (!DIRECTIONAL.has(v.lower[j]!)) continue;
    let k = j + 1;
    while (k < ce && (v.pos[k] === 'DET' || v.pos[k] === 'ADJ')) k++;
    if (k < ce && v.actorAt[k]! >= 0) return v.actorAt[k]!;
    if (k < ce && v.pos[k] === 'PRON') return reportAntecedent(v, k);
    return -1;
  }
  return -1;
}

/** An active predicate: the subject is the source, the object (or a target slot) the target. */
function activeRoles(v: SentView, p: EventPattern, head: number, m: Match, ce: number, s: Subject, g: number): Roles {
  let srcs: number[] = s.subj >= 0 ? subjectGroup(v, s, g) : [];
  let tgts: number[] = [];
  // "Russia and Egypt agreed to…", "A and B met": a mutual act among the subjects themselves,
  // unless a "with" partner is named ("A and B met with C")
  const reciprocal =
    p.sym &&
    srcs.length > 1 &&
    !m.preps.some((q) => q.word === 'with') &&
    m.target < 0 &&
    withPartner(v, m.end, ce) < 0;
  if (!p.self && !reciprocal) {
    // explicit T slot, else an actor inside the matched phrase ("expelled two Russian diplomats"), else the first after it;
    // a possessor inside it ("reaffirmed Australia's support for…") is the holder, i.e. the source
    // (not when the phrase ends in a preposition: "discussed Syria with X" — Syria is the topic,
    // the target follows "with")
    let inside = v.pos[m.end - 1] === 'ADP' ? -1 : objectAfter(v, head + 1, m.end);
    if (inside >= 0 && v.lower[v.mentions[inside]!.t1 + 1] === "'s") {
      if (!srcs.length) srcs = [inside];
      inside = -1;
    }
    let t =
      m.target >= 0 ? m.target : inside >= 0 ? inside : objectAfter(v, m.end, p.sym ? purposeAt(v, m.end, ce) : ce);
    // "had talks on Libya", "will host talks on Sudan": after a mutual act or a host's, an actor
    // under a topic preposition is what was talked about, not the other side or the guest
    if (
      t >= 0 &&
      t !== m.target &&
      t !== inside &&
      (p.sym || p.guest) &&
      TOPIC_PREPS.has(v.lower[v.mentions[t]!.t0 - 1] ?? '')
    )
      t = -1;
    if (t < 0) {
      const pr = pronounIn(v, m.end, Math.min(ce, m.end + 4), true);
      if (pr >= 0) t = reportAntecedent(v, pr);
    }
    // "condemned the missile launch by the DPRK", "welcomed the decision by Japan": the agent of the
    // act named as object is who the attitude is directed at
    if (t < 0) t = nominalAgent(v, m.end, ce);
    // a pronoun's antecedent lies before the predicate: no coordination to expand there
    if (t >= 0) tgts = v.mentions[t]!.t0 > head ? coordinated(v, t, head + 1, ce) : [t];
  }
  return { srcs, tgts };
}

/**
 * "Russia's claims to annex…", "Iran's plan to build…", "Russian attempts to seize…": the infinitive
 * after a noun is the act of the noun's possessor (a mention index; -1 when the noun has none).
 */
function infinitiveHolder(v: SentView, g: number): number {
  if (v.lower[g] !== 'to' || g < 2 || v.pos[g - 1] !== 'NOUN' || v.actorAt[g - 1]! >= 0) return -1;
  const k = v.lower[g - 2] === "'s" || v.lower[g - 2] === '’s' ? g - 3 : g - 2;
  return k >= 0 ? v.actorAt[k]! : -1;
}

/** The actor in "<noun> by X" right in the object after a predicate (no verb between); -1 when none. */
function nominalAgent(v: SentView, from: number, to: number): number {
  for (let j = from; j < Math.min(to, from + 8); j++) {
    if ((v.pos[j] === 'VERB' || v.pos[j] === 'AUX') && v.actorAt[j]! < 0) return -1;
    if (v.lower[j] !== 'by' || j === from || v.pos[j - 1] !== 'NOUN') continue;
    let k = j + 1;
    while (k < to && (v.pos[k] === 'DET' || v.pos[k] === 'ADJ')) k++;
    return k < to ? v.actorAt[k]! : -1;
  }
  return -1;
}

/** titles of office: killing their holder is an assassination (CAMEO 186) */
const OFFICE = new Set([
  'president',
  'minister',
  'premier',
  'governor',
  'mayor',
  'leader',
  'chief',
  'commander',
  'ambassador',
  'envoy',
  'chairman',
  'head',
]);

/**
 * A generic use of force (190) made specific by what the sentence says about it: its means
 * ("killed in a car bomb explosion" 1832, "killed in an air strike" 195, "a roadside bombing
 * … killed" 1833) or its victim ("killed the deputy chief of…" 186).
 */
function specificForce(v: SentView, p: EventPattern, head: number, end: number, ce: number, g: number): string {
  const n = v.lower.length;
  const cs = clauseStart(v, g, 0);
  for (let j = cs; j < Math.min(ce, end + 8); j++) {
    if (j >= g && j < end) continue;
    const heads = v.lex ? v.lex[j]?.heads : v.kb.byHead.get(v.lower[j]!);
    if (!heads) continue;
    for (const q of heads) {
      if (q.kind !== 'n' || q.cameo === '190' || q.cameo < '18' || q.cameo >= '21') continue;
      // the nominal without the preposition that introduces its target ("air strike [on]")
      const last = q.elems[q.elems.length - 1]!;
      const elems = last.type === 'word' && [...last.forms].some((f) => PREPS.has(f)) ? q.elems.slice(0, -1) : q.elems;
      PREP_STACK.length = 0;
      if (matchFrom(v, elems, 0, j, -1, n)) return q.cameo;
    }
  }
  if (p.id === 'kill') {
    // the victim's office, in the object right after the verb
    for (let j = end; j < Math.min(ce, end + 4); j++) {
      if (OFFICE.has(v.lower[j]!)) return '186';
      if (v.pos[j] === 'ADP' || v.pos[j] === 'PUNCT' || v.actorAt[j]! >= 0) break;
    }
  }
  return '190';
}

/** "(signed a deal) on Monday with Bolivia": the actor of a "with" phrase after the match; -1 when none */
function withPartner(v: SentView, from: number, to: number): number {
  for (let j = from; j < to; j++) {
    if (v.lower[j] !== 'with') continue;
    let k = j + 1;
    while (k < to && (v.pos[k] === 'DET' || v.pos[k] === 'ADJ')) k++;
    if (k < to && v.actorAt[k]! >= 0) return v.actorAt[k]!;
  }
  return -1;
}

/** prepositions that introduce the attack a passive act was done in: "killed in Israeli shelling" */
const ATTACK_PREPS = new Set(['in', 'during', 'by', 'under', 'amid', 'from']);

/**
 * "were killed in Israeli tank shelling", "wounded by a Russian air strike": the actor modifying
 * an attack noun right after a passive predicate is its agent; -1 when none.
 */
function attackAgent(v: SentView, from: number, to: number): number {
  if (from >= to || !ATTACK_PREPS.has(v.lower[from]!)) return -1;
  let k = from + 1;
  while (k < to && (v.pos[k] === 'DET' || v.pos[k] === 'ADJ' || v.pos[k] === 'NUM')) k++;
  const a = k < to ? v.actorAt[k]! : -1;
  if (a < 0) return -1;
  // the noun phrase the actor modifies must name an attack ("shelling", "air strike", "fire")
  for (let j = v.mentions[a]!.t1 + 1; j < to && j <= v.mentions[a]!.t1 + 4; j++) {
    if (v.pos[j] !== 'NOUN' && v.pos[j] !== 'VERB' && v.pos[j] !== 'ADJ') break;
    if (attackWord(v, j)) return a;
  }
  return -1;
}

/** A token that heads a material-conflict pattern (CAMEO 18–20): "shelling", "strike", "attack". */
function attackWord(v: SentView, j: number): boolean {
  const heads = v.lex ? v.lex[j]?.heads : v.kb.byHead.get(v.lower[j]!);
  return !!heads && heads.some((p) => p.cameo >= '18' && p.cameo < '21');
}

/**
 * "a member … jailed a year ago", "officials accused of…", "soldiers killed in…": a past
 * participle right after a common noun, followed by a preposition or punctuation, after the
 * clause already has its verb, is a reduced passive relative clause.
 */
function reducedRelative(v: SentView, head: number, g: number): boolean {
  if (g !== head || head < 2) return false;
  const w = v.lower[head]!;
  if (w.endsWith('ing') || w.endsWith('s')) return false;
  if (v.pos[head - 1] !== 'NOUN' && v.actorAt[head - 1]! < 0) return false;
  const next = head + 1 < v.lower.length ? v.pos[head + 1] : 'PUNCT';
  if (next !== 'ADP' && next !== 'PUNCT' && next !== 'ADV' && !v.dateAt?.[head + 1] && v.lower[head + 1] !== 'for')
    return false;
  for (let j = head - 2; j >= 0; j--) {
    if (v.actorAt[j]! >= 0) continue;
    if (v.pos[j] === 'VERB' || v.pos[j] === 'AUX') return true;
  }
  // "A report released on Tuesday alleged that…", "The men detained for protesting were freed":
  // the clause's own finite verb follows the participle phrase (past participle forms only, not "withdrew")
  // (after a common noun: "France protested…" is a main clause)
  if (!/(ed|en|wn|ld|t)$/.test(w) || v.actorAt[head - 1]! >= 0) return false;
  for (let j = head + 1; j < v.lower.length; j++) {
    const x = v.lower[j]!;
    if (
      x === ',' ||
      x === 'and' ||
      x === 'or' ||
      x === 'but' ||
      x === 'that' ||
      x === 'who' ||
      x === 'which' ||
      x === ';' ||
      x === ':' ||
      CLAUSE_OPENERS.has(x)
    )
      return false;
    if (v.actorAt[j]! >= 0) continue;
    if ((v.pos[j] === 'SCONJ' && j > head + 1) || v.pos[j] === 'PRON') return false;
    if (v.pos[j] === 'AUX') return true;
    // a participle the tagger called an adjective, with its complement: "alleged that", "accused the"
    if (v.pos[j] === 'ADJ' && x.endsWith('ed') && (v.lower[j + 1] === 'that' || v.pos[j + 1] === 'DET')) return true;
    if (v.pos[j] !== 'VERB' || x.endsWith('ing') || v.lower[j - 1] === 'to' || v.lower[j - 1] === '-') continue;
    if (v.pos[j - 1] === 'ADV' && v.lower[j - 2] === 'to') continue; // "to urgently reconsider"
    // another participle right after a noun ("prisoners held since 2010") is not the main verb
    const nx = j + 1 < v.lower.length ? v.pos[j + 1] : 'PUNCT';
    if (
      (x.endsWith('ed') || x.endsWith('en')) &&
      (nx === 'ADP' || nx === 'PUNCT' || nx === 'ADV') &&
      v.lower[j + 1] !== 'that'
    )
      continue;
    return true;
  }
  return false;
}

const CLAUSE_OPENERS = new Set([
  'as',
  'while',
  'when',
  'after',
  'before',
  'until',
  'because',
  'if',
  'unless',
  'although',
  'though',
  'whereas',
]);

/** The actor of the noun phrase right before a participle ("Russian soldiers killed"). */
function nounBefore(v: SentView, head: number): number {
  if (v.actorAt[head - 1]! >= 0) return v.actorAt[head - 1]!;
  return premodifier(v, head - 1, 0);
}

function pairUp(
  v: SentView,
  p: EventPattern,
  code: string,
  head: number,
  end: number,
  srcs: number[],
  tgts: number[],
  mod: Modality,
  tgtPlace: Place | null,
): Raw[] {
  const out = PAIRS;
  out.clear(); // should an earlier call have thrown
  if (p.sym && !tgts.length && srcs.length > MAX_PAIRED) {
    // a long list of parties ("the foreign ministers of eight states met"): a multilateral act,
    // one event per party rather than n × (n − 1) pair events
    for (let x = 0; x < srcs.length; x++) out.push(raw(p, code, head, end, mod, tgtPlace, srcs[x]!, -1));
    return out.take();
  }
  if (p.sym && !tgts.length && srcs.length > 1) {
    // "Russia, Turkey and Iran met": every ordered pair
    for (let x = 0; x < srcs.length; x++)
      for (let y = 0; y < srcs.length; y++) {
        const a = srcs[x]!;
        const b = srcs[y]!;
        if (a !== b && !sameEntity(v.mentions[a]!.m, v.mentions[b]!.m))
          out.push(raw(p, code, head, end, mod, tgtPlace, a, b));
      }
    return out.take();
  }
  // every source with every target; without sources (or targets) one pass with -1
  const nS = srcs.length || 1;
  const nT = tgts.length || 1;
  for (let x = 0; x < nS; x++)
    for (let y = 0; y < nT; y++) {
      const a = srcs[x] ?? -1;
      const b = tgts[y] ?? -1;
      if (a >= 0 && b >= 0 && (a === b || sameEntity(v.mentions[a]!.m, v.mentions[b]!.m))) continue;
      // a state sanctions others: "the Canadian government announced bans on travel to Canada
      // against…" does not sanction Canada
      if (a >= 0 && b >= 0 && code === SANCTIONS && sameCountry(v.mentions[a]!.m, v.mentions[b]!.m)) continue;
      if (a < 0 && b < 0 && p.kind === 'n') continue;
      out.push(raw(p, code, head, end, mod, tgtPlace, a, b));
    }
  // "Serbian President Kostunica promised to democratize Serbia": the act stands, with no distinct target
  if (!out.length) for (let x = 0; x < srcs.length; x++) out.push(raw(p, code, head, end, mod, tgtPlace, srcs[x]!, -1));
  return out.take();
}

/** CAMEO 163: impose embargo, boycott or sanctions */
const SANCTIONS = '163';

/** Two mentions of one country (any sector of it); false when either names no country. */
function sameCountry(a: ActorMention, b: ActorMention): boolean {
  const c = a.actor.country;
  return !!c && c === b.actor.country && !a.actor.org && !b.actor.org;
}

/** pairUp's raw events as it makes them */
const PAIRS = new Scratch<Raw>();

/** parties of a mutual act beyond which it is coded per party, not per ordered pair */
const MAX_PAIRED = 4;

/** The raw event of predicate `p` (tokens [head, end)) from mention `src` to mention `tgt` (-1: none), with the predicate's modality. */
function raw(
  p: EventPattern,
  code: string,
  head: number,
  end: number,
  mod: Modality,
  tgtPlace: Place | null,
  src: number,
  tgt: number,
): Raw {
  return {
    p,
    code,
    head,
    end,
    src,
    tgt,
    tgtPlace,
    negated: mod.negated,
    hypothetical: mod.hypothetical,
    governor: mod.governor,
    governorEnd: mod.governorEnd,
    toAt: mod.toAt,
  };
}

const CANCELLED_PCP = new Set(['cancelled', 'canceled', 'scrapped', 'abandoned', 'aborted']);
const POSTPONED_PCP = new Set(['postponed', 'delayed', 'rescheduled', 'deferred']);
/** a part of a series of talks: "the next round of talks" */
const ROUNDS = new Set(['round', 'session', 'stage', 'phase']);
/** modifiers of an act named as a noun that has not happened yet: "the upcoming visit", "a planned summit" */
const AHEAD = new Set([
  'upcoming',
  'forthcoming',
  'planned',
  'proposed',
  'scheduled',
  'expected',
  'possible',
  'potential',
  'future',
  'prospective',
]);
const BE_FORMS = new Set(['was', 'were', 'been', 'is', 'are', 'be']);

/** The passive the nominal's clause says befell it: "was cancelled" / "called off", "has been postponed" / "put off". */
function passiveFate(v: SentView, from: number, to: number): 'cancelled' | 'postponed' | null {
  for (let j = from; j < to - 1; j++) {
    if (!BE_FORMS.has(v.lower[j]!)) continue;
    let k = j + 1;
    if (v.pos[k] === 'ADV') k++;
    const w = v.lower[k] ?? '';
    const off = v.lower[k + 1] === 'off';
    if (CANCELLED_PCP.has(w) || (w === 'called' && off)) return 'cancelled';
    if (POSTPONED_PCP.has(w) || (w === 'put' && off)) return 'postponed';
    return null;
  }
  return null;
}

function nounEvent(v: SentView, p: EventPattern, head: number, m: Match, n: number): Raw[] {
  const ce = clauseEnd(v, m.end, n);
  const mod: Modality = { negated: false, hypothetical: false, intent: false, governor: -1, governorEnd: -1, toAt: -1 };
  // "no talks", "without a meeting"; "the upcoming visit", "a planned summit", "the next round of
  // talks": not yet held
  const lead = v.lower[head - 1] === 'of' && ROUNDS.has(v.lower[head - 2] ?? '') ? head - 2 : head;
  if (lead < head && v.lower[lead - 1] === 'next') mod.hypothetical = true;
  for (let j = lead - 1; j >= Math.max(0, lead - 3); j--) {
    const w = v.lower[j]!;
    if (w === 'no' || w === 'without' || w === 'not') {
      mod.negated = true;
      break;
    }
    // … and "any attack": none in particular
    if (AHEAD.has(w) || w === 'any') mod.hypothetical = true;
    if (v.pos[j] !== 'ADJ' && v.pos[j] !== 'DET' && v.pos[j] !== 'NOUN' && v.pos[j] !== 'VERB') break;
  }
  // "the visit of X to Y was cancelled" did not happen; "… has been postponed" has not happened yet
  const fate = passiveFate(v, m.end, ce);
  if (fate === 'cancelled') mod.negated = true;
  else if (fate === 'postponed') mod.hypothetical = true;
  let srcs: number[] = [];
  let tgts: number[] = [];
  const pre = premodifier(v, head, 0);
  const last = m.preps[m.preps.length - 1];
  const after = (from: number) => {
    const a = objectAfter(v, from, ce);
    return a >= 0 && v.mentions[a]!.t0 <= from + 3 ? a : -1;
  };
  if (last && (last.word === 'between' || last.word === 'among')) {
    const a = after(last.at + 1);
    if (a >= 0) {
      const group = coordinated(v, a, last.at + 1, ce);
      if (group.length > 1) {
        srcs = group;
        tgts = [];
      }
    }
    if (srcs.length < 2) return [];
    return pairUp(v, { ...p, sym: true }, p.cameo, head, m.end, srcs, [], mod, null);
  }
  if (last && (last.word === 'by' || last.word === 'from')) {
    const a = agentAfter(v, last.at, ce) >= 0 ? agentAfter(v, last.at, ce) : after(last.at + 1);
    if (a >= 0) srcs = coordinated(v, a, last.at + 1, ce);
  } else if (last) {
    const a = after(last.at + 1);
    if (a >= 0) {
      const grp = coordinated(v, a, last.at + 1, ce);
      // "the visit of Putin to China": of-phrase is the agent when a to-phrase follows
      const end = v.mentions[grp[grp.length - 1]!]!.t1 + 1;
      if (last.word === 'of' && end < ce && v.lower[end] === 'to') {
        srcs = grp;
        const b = after(end + 1);
        if (b >= 0) tgts = coordinated(v, b, end + 1, ce);
      } else tgts = grp;
    }
    const agent = agentAfter(v, m.end, ce);
    if (!srcs.length && agent >= 0) srcs = coordinated(v, agent, m.end, ce);
  }
  if (!srcs.length && pre >= 0) srcs = coordinated(v, pre, 0, head);
  // a nominal without its agent ("during a visit to Beirut") refers to an act; it is not coded
  if (!srcs.length) return [];
  return pairUp(v, p, p.cameo, head, m.end, srcs, tgts, mod, null);
}

export const eventStage: Stage = {
  name: 'events',
  requires: ['sentences', 'actors', 'dates', 'places', 'topics'],
  produces: ['events'],
  run(doc: Doc, kb: KB): StageOutput {
    return { layers: { events: extractEvents(doc, kb) } };
  },
};
