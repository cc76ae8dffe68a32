/**
 * Shallow clause structure over one sentence's tokens, for the event stage: which actor
 * mentions are the subject of a predicate, which are its object or prepositional target,
 * coordination ("Russia, Turkey and Iran"), and the verb group before a predicate
 * (auxiliaries, modals, "plans to", "not") where modality and negation are read.
 *
 * Everything here is grammar (closed word classes and Universal POS tags); lexical knowledge
 * (reporting verbs, modal markers) comes from the KB.
 */
import type { Actor, ActorMention } from '../00-model/doc.js';
import type { CameoKB, LexEntry, Marker, MarkerType } from '../knowledge/cameo.js';

export interface SentView {
  /** lower-cased token forms (curly apostrophes normalised) */
  lower: string[];
  pos: string[];
  /** character offsets of the tokens */
  start: Int32Array;
  end: Int32Array;
  /** index into `mentions` of the actor mention covering token i, or -1 */
  actorAt: number[];
  /** actor mentions inside the sentence, in text order, with first/last token index */
  mentions: { m: ActorMention; t0: number; t1: number }[];
  kb: CameoKB;
  /** tokens inside a date expression (read only: shared by the sentences without dates) */
  dateAt: readonly boolean[];
  /** direct quotations overlapping the sentence, with their speakers ("we" inside one is the speaker) */
  quotes: { start: number; end: number; speaker: Actor }[] | undefined;
  /** the last person mentioned in an earlier sentence of the paragraph (for "he"/"she") */
  prevPerson: ActorMention | null;
  /** the authors of a joint statement, two or more (for its "we"), else null */
  authors: ActorMention[] | null;
  /** the two sides of the document's latest consultation before the sentence (for "the two sides"), else null */
  sides: ActorMention[] | null;
  /** per token: the KB's entry for its form (patterns it heads, markers it ends), when it has one */
  lex: (LexEntry | undefined)[];
  /** every marker hit of the sentence, computed once (see markersIn); undefined until then */
  allMarkers: MarkerHit[] | undefined;
}

/** Subordinating words that open a new clause (the subject of a verb after them is inside). */
const SUBORD = new Set([
  'if',
  'unless',
  'because',
  'although',
  'though',
  'while',
  'whereas',
  'whilst',
  'when',
  'whenever',
  'after',
  'before',
  'since',
  'until',
  'as',
  'once',
  'where',
  'whether',
  'so',
]);
/** prepositions of place and time: "met in Astana" names a location, not a target */
const LOCATIVE = new Set(['in', 'at', 'near', 'during', 'inside', 'outside', 'across', 'throughout', 'within', 'via']);
const REL = new Set(['who', 'which', 'whom', 'whose']);
const COORD = new Set([',', 'and', '&', 'or', 'as', 'well', 'plus', 'both', 'the', 'its', 'their', 'his', 'her']);
const PUNCT_STOP = new Set([';', ':', '—', '–', '--', '(', ')', '"', '“', '”', '?', '!']);
const BE = new Set([
  'is',
  'are',
  'was',
  'were',
  'been',
  'being',
  'be',
  "'s",
  "'re",
  'am',
  'get',
  'got',
  'gets',
  'getting',
]);
/** parts of a verb group: auxiliaries, particles, adverbs, verbs and the adjectives of "ready to", "set to" */
const GROUP_POS = new Set(['AUX', 'PART', 'ADV', 'VERB', 'ADJ']);

export function isBoundary(v: SentView, i: number): boolean {
  const w = v.lower[i]!;
  if (PUNCT_STOP.has(w)) return true;
  if (v.pos[i] === 'SCONJ' && SUBORD.has(w)) return true;
  if (w === 'but' || w === 'yet') return true;
  if (w === 'that' && v.pos[i] !== 'DET') return true;
  return false;
}

function isReport(v: SentView, i: number): boolean {
  return (v.pos[i] === 'VERB' || v.pos[i] === 'AUX') && v.kb.reportForms.has(v.lower[i]!);
}

/** First token index of the verb group ending right before `head` (auxiliaries, modals, "agreed to", adverbs). */
export function groupStart(v: SentView, head: number, lo: number): number {
  let k = head;
  let steps = 0;
  while (k - 1 >= lo && steps < 7) {
    const j = k - 1;
    if (v.actorAt[j]! >= 0) break;
    const w = v.lower[j]!;
    if (
      w === 'to' ||
      w === 'not' ||
      w === "n't" ||
      w === 'never' ||
      BE.has(w) ||
      GROUP_POS.has(v.pos[j]!) ||
      v.kb.markerWords.has(w)
    ) {
      if (isReport(v, j)) break;
      k = j;
      steps++;
      continue;
    }
    break;
  }
  return k;
}

export interface MarkerHit {
  type: MarkerType;
  marker: Marker;
  /** token indices the marker covered */
  from: number;
  to: number;
}

/**
 * Markers (modals, "plans to", "not", "refused to"…) inside tokens [from, to); a marker inside a longer one ("would" in "would like to") is dropped.
 * The list returned may be shared (the sentence's own, or an empty one): read only.
 */
export function markersIn(v: SentView, from: number, to: number): MarkerHit[] {
  const sent = (v.allMarkers ??= markersAll(v, 0, v.lower.length));
  let inside = 0;
  let nested = false;
  for (let k = 0; k < sent.length; k++) {
    const h = sent[k]!;
    if (h.from < from || h.to > to) continue;
    inside++;
    if (h.to - h.from > 1) nested = true;
  }
  if (!inside) return NO_HITS;
  if (inside === sent.length && (inside < 2 || !nested)) return sent;
  const out: MarkerHit[] = [];
  for (let k = 0; k < sent.length; k++) {
    const h = sent[k]!;
    if (h.from >= from && h.to <= to && !(nested && insideLonger(sent, h, from, to))) out.push(h);
  }
  return out;
}

/** the markers of a range without any, shared (never written) */
const NO_HITS: MarkerHit[] = [];

/** Does a longer hit of `hits` inside [from, to) cover hit h? */
function insideLonger(hits: readonly MarkerHit[], h: MarkerHit, from: number, to: number): boolean {
  for (let k = 0; k < hits.length; k++) {
    const o = hits[k]!;
    if (o !== h && o.from >= from && o.to <= to && o.from <= h.from && o.to >= h.to && o.to - o.from > h.to - h.from)
      return true;
  }
  return false;
}

/**
 * A reusable list for collecting a few items at a time and taking them out as a list of their
 * exact size. (A list grown by push from [] reserves 16 slots at its first push, and emptying a
 * list by `length = 0` drops its slots: this one counts its items itself and keeps its slots.)
 */
export class Scratch<T> {
  private readonly items: (T | undefined)[] = [];
  /** items collected since the last take */
  length = 0;

  push(x: T): void {
    this.items[this.length++] = x;
  }

  /** The items collected, as a new list; the scratch is left empty. */
  take(): T[] {
    const out = this.items.slice(0, this.length) as T[];
    this.clear();
    return out;
  }

  /** Empties the scratch (holding on to none of its items). */
  clear(): void {
    for (let k = 0; k < this.length; k++) this.items[k] = undefined;
    this.length = 0;
  }
}

/** markersAll's hits as it finds them */
const HITS = new Scratch<MarkerHit>();

function markersAll(v: SentView, from: number, to: number): MarkerHit[] {
  const hits = HITS;
  hits.clear(); // should an earlier call have thrown
  for (let e = from; e < to; e++) {
    const list = v.lex ? v.lex[e]?.markers : v.kb.markersByLast.get(v.lower[e]!);
    if (!list) continue;
    for (const m of list) {
      const n = m.seq.length;
      const s = e - n + 1;
      if (s < from) continue;
      let ok = true;
      for (let q = 0; q < n && ok; q++) if (!m.seq[q]!.has(v.lower[s + q]!)) ok = false;
      if (ok) hits.push({ type: m.type, marker: m, from: s, to: e + 1 });
    }
  }
  return hits.take();
}

/** True when the verb at `head` (with its group starting at `g`) is passive: "was attacked". */
export function isPassive(v: SentView, head: number, g: number): boolean {
  const w = v.lower[head]!;
  if (w.endsWith('ing')) return false;
  // a participle: "was attacked", "were held", not an adjective ("are ready")
  if (v.pos[head] !== 'VERB' && !w.endsWith('ed')) return false;
  for (let j = head - 1; j >= g; j--) {
    const w = v.lower[j]!;
    if (BE.has(w)) return true;
    if (v.pos[j] === 'ADV' || w === 'not' || w === "n't" || w === 'never') continue;
    break;
  }
  return false;
}

/** Left edge of the clause containing token i (inclusive). */
/** token range [skipFrom, skipTo] of the last relative clause clauseStart stepped over (-1 when none) */
let skipFrom = -1;
let skipTo = -1;

export function clauseStart(v: SentView, i: number, lo: number): number {
  skipFrom = -1;
  skipTo = -1;
  let comma = false;
  for (let j = i - 1; j >= lo; j--) {
    if (isBoundary(v, j) || isReport(v, j)) return j + 1;
    // ", where 24 people were killed", ", who was detained": a relative clause; once closed by a
    // comma ("Russia, which supports Syria, condemned…") it is skipped
    if (j > lo && v.lower[j - 1] === ',' && (REL.has(v.lower[j]!) || v.lower[j] === 'where')) {
      if (!comma) return j + 1;
      skipFrom = j - 1;
      for (let q = j; q < i; q++)
        if (v.lower[q] === ',') {
          skipTo = q;
          break;
        }
      j--;
      continue;
    }
    if (v.lower[j] === ',') comma = true;
  }
  return lo;
}

/** Right edge of the clause after token i (exclusive): stops at punctuation, subordinators, reporting verbs, relative pronouns. */
export function clauseEnd(v: SentView, i: number, hi: number): number {
  for (let j = i; j < hi; j++) {
    const w = v.lower[j]!;
    if (w === 'that' && v.pos[j] !== 'DET') continue; // complement clauses carry the target ("alleged that France…")
    if (isBoundary(v, j) || isReport(v, j)) return j;
    if (REL.has(w) && j > 0 && v.lower[j - 1] === ',') return j;
    if (w === ',' && attributionFollows(v, j + 1, hi)) return j;
    // "…, and we will support…", "…, but they refused": a new clause with a pronoun subject
    if (w === ',' && CLAUSE_COORD.has(v.lower[j + 1] ?? '') && SUBJECT_PRONOUNS.has(v.lower[j + 2] ?? '')) return j;
  }
  return hi;
}
const CLAUSE_COORD = new Set(['and', 'but', 'while', 'yet', 'so']);

/**
 * "Canada agreed to deliver vehicles, and the first of them arrived…": ", and" + a determiner or
 * numeral opens a new clause whose subject is that noun phrase, between `from` and the verb `g`.
 */
function newClauseBetween(v: SentView, from: number, g: number): boolean {
  for (let j = from; j + 2 < g; j++) {
    if (v.lower[j] !== ',' || !CLAUSE_COORD.has(v.lower[j + 1]!)) continue;
    const p = v.pos[j + 2];
    if (p === 'DET' || p === 'NUM') return true;
  }
  return false;
}
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'he', 'she', 'they']);

/** ", Syrian state media reported", ", the ministry said on Monday": a trailing attribution */
function attributionFollows(v: SentView, from: number, hi: number): boolean {
  for (let j = from; j < hi && j < from + 16; j++) {
    if (isReport(v, j)) return true;
    if (v.pos[j] === 'VERB' || v.pos[j] === 'AUX' || v.lower[j] === ',') return false;
  }
  return false;
}

/** Mentions coordinated with mention k ("Russia, Turkey and Iran"), in text order, including k. */
export function coordinated(v: SentView, k: number, lo: number, hi: number): number[] {
  const out = [k];
  // leftwards
  for (let a = k - 1; a >= 0; a--) {
    const left = v.mentions[a]!;
    const right = v.mentions[a + 1]!;
    if (left.t1 < lo) break;
    if (!joinable(v, left.t1 + 1, right.t0)) break;
    out.unshift(a);
  }
  for (let a = k + 1; a < v.mentions.length; a++) {
    const left = v.mentions[a - 1]!;
    const right = v.mentions[a]!;
    if (right.t1 >= hi) break;
    if (!joinable(v, left.t1 + 1, right.t0)) break;
    out.push(a);
  }
  if (out.length > 1) {
    // a list needs a conjunction ("A, B and C"); commas alone are apposition or clause breaks
    let conj = false;
    for (let q = 1; q < out.length && !conj; q++) {
      for (let j = v.mentions[out[q - 1]!]!.t1 + 1; j < v.mentions[out[q]!]!.t0; j++) {
        const w = v.lower[j]!;
        if (w === 'and' || w === 'or' || w === '&' || w === 'plus') conj = true;
      }
    }
    if (!conj) return [k];
  }
  return out;
}

function joinable(v: SentView, from: number, to: number): boolean {
  if (to <= from) return false; // adjacent mentions without a connector are not a list
  let connector = false;
  for (let j = from; j < to; j++) {
    const w = v.lower[j]!;
    if (!COORD.has(w)) return false;
    if (w === ',' || w === 'and' || w === '&' || w === 'or' || w === 'plus') connector = true;
  }
  return connector;
}

function prevWord(v: SentView, t0: number, lo: number): number {
  let j = t0 - 1;
  while (j >= lo && (v.pos[j] === 'DET' || v.pos[j] === 'ADJ' || v.pos[j] === 'NUM')) j--;
  return j;
}

/** Mention index of the subject for a predicate whose verb group starts at `g`; -1 when none. */
/**
 * "seven (wrongfully) detained Americans", "the newly elected president": a participle that opens
 * a noun phrase modifies the noun after it; it governs no object.
 */
function prenominalParticiple(v: SentView, j: number, lo: number): boolean {
  const w = v.lower[j]!;
  if (!w.endsWith('ed') && !w.endsWith('en')) return false;
  let k = j - 1;
  if (k >= lo && v.pos[k] === 'ADV') k--;
  if (k < lo) return true;
  const p = v.pos[k];
  return p === 'DET' || p === 'NUM' || p === 'ADJ' || p === 'PUNCT' || p === 'CCONJ';
}

export function subjectOf(v: SentView, g: number, lo: number, depth = 0): number {
  // VP coordination and participle clauses: "…bombed X and killed Y", "…, killing eight"
  const p = g - 1;
  if (
    depth < 3 &&
    p >= lo &&
    (v.lower[p] === 'and' || v.lower[p] === 'or' || (v.lower[p] === ',' && v.lower[g]!.endsWith('ing')))
  ) {
    for (let j = p - 1; j >= lo; j--) {
      if (isBoundary(v, j)) break;
      if (v.pos[j] === 'VERB' && v.actorAt[j]! < 0) {
        return subjectOf(v, groupStart(v, j, lo), lo, depth + 1);
      }
    }
  }
  const cs = clauseStart(v, g, lo);
  const sf = skipFrom;
  const st = skipTo;
  let best = -1;
  let fallback = -1;
  for (let a = 0; a < v.mentions.length; a++) {
    const mm = v.mentions[a]!;
    if (mm.t0 < cs) continue;
    if (mm.t1 >= g) break;
    if (sf >= 0 && mm.t0 >= sf && mm.t0 <= st) continue;
    if (fallback < 0) fallback = a;
    const pw = prevWord(v, mm.t0, cs);
    const inPP = pw >= cs && (v.pos[pw] === 'ADP' || (v.pos[pw] === 'VERB' && !prenominalParticiple(v, pw, cs)));
    // right before the verb group it is a subject whatever precedes ("… came as Israel announced")
    let adjacent = true;
    for (let j = mm.t1 + 1; j < g && adjacent; j++) if (v.pos[j] !== 'ADV') adjacent = false;
    if (inPP && v.lower[pw] !== 'of' && !(adjacent && SUBORD.has(v.lower[pw]!))) continue;
    if (newClauseBetween(v, mm.t1 + 1, g)) continue;
    best = a;
  }
  if (best < 0 && fallback >= 0) {
    // only prepositional mentions: "a court in Guyana", "opponents of Rwanda's senate" (not "according to X")
    const fm = v.mentions[fallback]!;
    const pw = prevWord(v, fm.t0, cs);
    // … but not the object of a participle or gerund inside the subject ("the men detained for marching against Beijing")
    let verbBefore = false;
    for (let j = cs; j < fm.t0 && !verbBefore; j++)
      if (v.pos[j] === 'VERB' && v.actorAt[j]! < 0 && v.lower[j]!.endsWith('ing')) verbBefore = true;
    if (
      !verbBefore &&
      !newClauseBetween(v, fm.t1 + 1, g) &&
      (pw < cs || (v.pos[pw] === 'ADP' && v.lower[pw] !== 'to' && v.lower[pw] !== 'with' && v.lower[pw] !== 'by'))
    )
      best = fallback;
  }
  if (best < 0 && cs > lo && depth < 3) {
    // relative clause: "the country that attacked Iraq"
    const b = cs - 1;
    // the antecedent is the noun phrase right before the relative pronoun ("the plan that was approved")
    if ((v.lower[b] === 'that' && v.pos[b] === 'PRON') || REL.has(v.lower[b]!)) {
      let j = b - 1;
      if (j >= lo && v.lower[j] === ',') j--;
      if (j < lo || v.actorAt[j]! < 0) return -1;
      // "a resolution at the General Assembly that condemns…", "an attack in Syria that killed…": a
      // relative clause after a place modifies the noun the place is attached to, not the place
      const a = v.actorAt[j]!;
      const pw = prevWord(v, v.mentions[a]!.t0, lo);
      if (pw >= lo && LOCATIVE.has(v.lower[pw]!)) return -1;
      return a;
    }
  }
  return best;
}

/** Mention index of the first actor starting in [from, to) that is not an agent "by X"; -1 when none. */
export function objectAfter(v: SentView, from: number, to: number): number {
  for (let a = 0; a < v.mentions.length; a++) {
    if (v.mentions[a]!.t0 < 0) continue;
    const mm = v.mentions[a]!;
    if (mm.t0 < from) continue;
    if (mm.t0 >= to) break;
    const pw = prevWord(v, mm.t0, from);
    // "by X" is an agent, "in X" a place, "tensions between X and Y" a description, not a target
    if (
      pw >= from &&
      (v.lower[pw] === 'by' || v.lower[pw] === 'between' || v.lower[pw] === 'among' || LOCATIVE.has(v.lower[pw]!))
    ) {
      // … and the mentions coordinated with it ("between Ukraine and Russia")
      const grp = coordinated(v, a, from, to);
      a = grp[grp.length - 1]!;
      continue;
    }
    return a;
  }
  return -1;
}

/** Mention index of the agent in "by X" within [from, to); -1 when none. */
export function agentAfter(v: SentView, from: number, to: number): number {
  for (let j = from; j < to; j++) {
    if ((v.pos[j] === 'VERB' || v.pos[j] === 'AUX') && v.actorAt[j]! < 0) break;
    if (v.lower[j] !== 'by') continue;
    let k = j + 1;
    while (k < to && (v.pos[k] === 'DET' || v.pos[k] === 'ADJ')) k++;
    if (k < to && v.actorAt[k]! >= 0) return v.actorAt[k]!;
  }
  return -1;
}

/** Actor that modifies a noun from the left: "Russia's attack", "Israeli shelling", "the US-led strikes". */
export function premodifier(v: SentView, head: number, lo: number): number {
  let j = head - 1;
  let steps = 0;
  while (j >= lo && steps < 3) {
    if (v.actorAt[j]! >= 0) return v.actorAt[j]!;
    const w = v.lower[j]!;
    const p = v.pos[j]!;
    if (w === "'s" || w === "'" || p === 'ADJ' || p === 'NOUN' || p === 'PART' || w === '-') {
      j--;
      steps++;
      continue;
    }
    break;
  }
  return -1;
}

const PRON_SUBJ = new Set(['he', 'she', 'it', 'they', 'we', 'i']);
const PRON_OBJ = new Set(['him', 'her', 'it', 'them']);

/** Index of a third-person pronoun in [from, to) in subject (or object) form; -1 when none. */
export function pronounIn(v: SentView, from: number, to: number, object: boolean): number {
  const set = object ? PRON_OBJ : PRON_SUBJ;
  for (let j = from; j < to; j++) {
    if (v.actorAt[j]! >= 0) return -1;
    if (v.pos[j] === 'PRON' && set.has(v.lower[j]!)) return j;
  }
  return -1;
}

/**
 * Antecedent of a pronoun inside reported speech: "Obama said he would not…", "Israel said a
 * bomb was fired at it" → the subject of the reporting verb before it; -1 when none.
 */
export function reportAntecedent(v: SentView, j: number): number {
  for (let r = j - 1; r >= 0; r--) {
    if ((v.pos[r] === 'VERB' || v.pos[r] === 'AUX') && v.kb.reportForms.has(v.lower[r]!)) {
      return subjectOf(v, groupStart(v, r, 0), 0);
    }
  }
  return -1;
}
