/**
 * CAMEO event codes (name, root, quad class, Goldstein), the CAMEO→PLOVER mapping, the
 * intent table (what a stated future act is coded as) and the event predicate patterns,
 * all loaded once from data/cameo/ and data/patterns/events*.tsv.
 *
 * Patterns are compiled at load time into a head-form index: every inflected form of a
 * pattern's first element maps to the patterns it can start, so the event stage looks up
 * each token once instead of running every pattern over every sentence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readTsvRows } from './tsv.js';

export interface CameoCode {
  code: string;
  root: string;
  name: string;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict */
  quad: number;
  goldstein: number;
}

export interface PloverLabel {
  event: string;
  mode: string | null;
  context: string[];
}

/** One element of a compiled pattern. */
export type PatternElem =
  { type: 'word'; forms: Set<string>; optional: boolean } | { type: 'gap'; max: number } | { type: 'target' };

export interface EventPattern {
  id: string;
  cameo: string;
  kind: 'v' | 'n';
  elems: PatternElem[];
  /** the head element accepts only exact forms (no POS check on the head) */
  exactHead: boolean;
  sym: boolean;
  /** only an act between two or more parties the clause coordinates (or "we" and the counterpart): "A and B discussed X", not "A discussed X" */
  mutual: boolean;
  self: boolean;
  /** the predicate itself states intent and governs a following "to"-infinitive */
  intent: boolean;
  /** with no other target, the place or locative actor after the predicate is the target */
  loc: boolean;
  /** inverse roles: the subject is the target, the actor in "from X" / "by X" the source */
  inv: boolean;
  /** a host's act: with no guest (target) it is no event ("volunteered to host it", "the idea was coldly received") */
  guest: boolean;
  /** the code of the linked act the target does to the source ("visited" → the host's 043), or null */
  pair: string | null;
  /** number of non-optional word elements, used to prefer longer patterns */
  weight: number;
  source: string;
}

export type MarkerType =
  | 'intent'
  | 'hypo'
  | 'neg'
  | 'refuse'
  | 'frame'
  | 'report'
  | 'cond'
  | 'aspect'
  | 'oblige'
  | 'advise'
  | 'allege'
  | 'control';

export interface Marker {
  /** each position: the accepted lower-case forms */
  seq: Set<string>[];
  type: MarkerType;
  text: string;
  /** for oblige/advise: the CAMEO code of the demand/appeal when an actor reports it */
  cameo: string | null;
  /** for allege: the CAMEO roots of a reported act that make the report an accusation (null: any conflict act) */
  acts: Set<string> | null;
}

export interface CameoKB {
  codes: Map<string, CameoCode>;
  plover: Map<string, PloverLabel>;
  /** code prefix → intent code (longest prefix wins) */
  intent: Map<string, string>;
  /** code prefix → rejection code for a stated refusal of the act */
  refuse: Map<string, string>;
  patterns: EventPattern[];
  /** lower-cased token form → patterns whose head accepts it, best first */
  byHead: Map<string, EventPattern[]>;
  markers: Marker[];
  /** lower-cased last word of a marker → markers ending with it */
  markersByLast: Map<string, Marker[]>;
  /** lower-cased forms of reporting verbs (clause boundaries) */
  reportForms: Set<string>;
  /** forms of object-control verbs: in "urged X to release…", X does the releasing */
  controlForms: Set<string>;
  /** every form of a word of an intent/modal/negation marker (parts of a verb group) */
  markerWords: Set<string>;
  /** token forms that can start an event: pattern heads and last words of reportable obligation markers */
  triggers: Set<string>;
  /** one lookup per token: the patterns it heads and the markers it ends */
  lex: Map<string, LexEntry>;
}

export interface LexEntry {
  heads: EventPattern[] | null;
  markers: Marker[] | null;
  trigger: boolean;
}

// ------------------------------------------------------------------------------------------
// TSV reading

const readTsv = (file: string): string[][] => readTsvRows(file, { optional: true });

// ------------------------------------------------------------------------------------------
// English inflection (regular rules; irregular forms come from data)

const VOWEL = /[aeiou]/;

function doublesFinal(w: string): boolean {
  // one-syllable consonant-vowel-consonant words double their final consonant (ban → banned)
  return /^[^aeiou]*[aeiou][bdgmnprt]$/.test(w);
}

/** Regular inflections of a word used as verb or noun: -s, -ed, -ing. */
export function regularForms(w: string): string[] {
  const out = [w];
  if (w.includes('-') && !/^[a-z]+-[a-z]+$/.test(w)) return out;
  const last = w[w.length - 1]!;
  const prev = w[w.length - 2] ?? '';
  // -s
  if (/(s|sh|ch|x|z)$/.test(w)) out.push(w + 'es');
  else if (last === 'y' && !VOWEL.test(prev)) out.push(w.slice(0, -1) + 'ies');
  else out.push(w + 's');
  // -ed / -ing
  if (last === 'e') {
    out.push(w + 'd');
    out.push(w.endsWith('ee') ? w + 'ing' : w.slice(0, -1) + 'ing');
  } else if (last === 'y' && !VOWEL.test(prev)) {
    out.push(w.slice(0, -1) + 'ied', w + 'ing');
  } else if (doublesFinal(w)) {
    out.push(w + last + 'ed', w + last + 'ing', w + 'ed', w + 'ing');
  } else {
    out.push(w + 'ed', w + 'ing');
  }
  return out;
}

function makeInflector(dataDir: string): (w: string) => string[] {
  const irregular = new Map<string, string[]>();
  for (const [lemma, forms] of readTsv(path.join(dataDir, 'patterns/events-verbforms.tsv'))) {
    if (!lemma) continue;
    irregular.set(
      lemma.toLowerCase(),
      (forms ?? '')
        .split('|')
        .map((f) => f.trim().toLowerCase())
        .filter(Boolean),
    );
  }
  return (w: string) => {
    const lw = w.toLowerCase();
    const set = new Set(regularForms(lw));
    for (const f of irregular.get(lw) ?? []) set.add(f);
    return [...set];
  };
}

// ------------------------------------------------------------------------------------------
// pattern compilation

function compileWordSet(spec: string, inflect: (w: string) => string[]): { forms: Set<string>; exact: boolean } {
  const forms = new Set<string>();
  let exact = true;
  for (const alt of spec.split('|')) {
    if (!alt) continue;
    if (alt.startsWith('=')) forms.add(alt.slice(1).toLowerCase());
    else {
      exact = false;
      for (const f of inflect(alt)) forms.add(f);
    }
  }
  return { forms, exact };
}

export function compilePattern(
  row: { id: string; cameo: string; kind: string; pattern: string; flags: string },
  inflect: (w: string) => string[],
  source = 'data/patterns/events.tsv',
): EventPattern {
  const elems: PatternElem[] = [];
  let exactHead = false;
  let weight = 0;
  for (const tok of row.pattern.trim().split(/\s+/)) {
    if (tok === '_') {
      elems.push({ type: 'gap', max: 3 });
      continue;
    }
    if (tok === '__') {
      elems.push({ type: 'gap', max: 7 });
      continue;
    }
    if (tok === 'T') {
      elems.push({ type: 'target' });
      continue;
    }
    const optional = tok.endsWith('?');
    const spec = optional ? tok.slice(0, -1) : tok;
    const { forms, exact } = compileWordSet(spec, inflect);
    if (elems.length === 0) exactHead = exact;
    if (!optional) weight++;
    elems.push({ type: 'word', forms, optional });
  }
  if (!elems.length || elems[0]!.type !== 'word')
    throw new Error(`${source}: pattern ${row.id} must start with a word`);
  const flags = new Set(
    row.flags
      .split('|')
      .map((f) => f.trim())
      .filter(Boolean),
  );
  return {
    id: row.id,
    cameo: row.cameo,
    kind: row.kind === 'n' ? 'n' : 'v',
    elems,
    exactHead,
    sym: flags.has('sym') || flags.has('mutual'),
    mutual: flags.has('mutual'),
    self: flags.has('self') || flags.has('mutual'),
    intent: flags.has('intent'),
    loc: flags.has('loc'),
    inv: flags.has('inv'),
    guest: flags.has('guest'),
    pair: [...flags].find((f) => f.startsWith('pair='))?.slice(5) ?? null,
    weight,
    source,
  };
}

// ------------------------------------------------------------------------------------------

const BE_FORMS = ['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", "'re", "'m"];

function compileMarker(
  text: string,
  type: MarkerType,
  inflect: (w: string) => string[],
  cameo: string | null = null,
  acts: Set<string> | null = null,
): Marker {
  const seq = text
    .trim()
    .split(/\s+/)
    .map((w) => {
      if (w === 'be') return new Set(BE_FORMS);
      // closed-class words keep their form; "~word" (plan, intend, say…) accepts any inflection
      return w.startsWith('~') ? new Set(inflect(w.slice(1))) : new Set([w.toLowerCase()]);
    });
  return { seq, type, text: text.replace(/~/g, ''), cameo, acts };
}

export function loadCameoKB(dataDir: string): CameoKB {
  const codes = new Map<string, CameoCode>();
  for (const [code, root, name, quad, gold] of readTsv(path.join(dataDir, 'cameo/codes.tsv'))) {
    if (!code || !root) continue;
    codes.set(code, { code, root, name: name ?? '', quad: Number(quad), goldstein: Number(gold) });
  }
  const plover = new Map<string, PloverLabel>();
  for (const [code, event, mode, ctx] of readTsv(path.join(dataDir, 'cameo/plover.tsv'))) {
    if (!code || !event) continue;
    plover.set(code, { event, mode: mode || null, context: (ctx ?? '').split('|').filter(Boolean) });
  }
  const intent = new Map<string, string>();
  const refuse = new Map<string, string>();
  for (const [from, to, ref] of readTsv(path.join(dataDir, 'cameo/intent.tsv'))) {
    if (from && to) intent.set(from, to);
    if (from && ref) refuse.set(from, ref);
  }

  const inflect = makeInflector(dataDir);
  const patterns: EventPattern[] = [];
  const dir = path.join(dataDir, 'patterns');
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => /^events.*\.tsv$/.test(f) && !/-(markers|verbforms)\.tsv$/.test(f))
        .sort()
    : [];
  for (const f of files) {
    for (const r of readTsv(path.join(dir, f))) {
      const [id, cameo, kind, pattern, flags] = r;
      if (!id || !cameo || !pattern) continue;
      if (cameo !== '-' && !codes.has(cameo) && codes.size)
        throw new Error(`data/patterns/${f}: pattern ${id} has unknown CAMEO code ${cameo}`);
      patterns.push(
        compilePattern({ id, cameo, kind: kind ?? 'v', pattern, flags: flags ?? '' }, inflect, `data/patterns/${f}`),
      );
    }
  }
  const byHead = new Map<string, EventPattern[]>();
  for (const p of patterns) {
    const head = p.elems[0] as { forms: Set<string> };
    for (const f of head.forms) {
      let l = byHead.get(f);
      if (!l) byHead.set(f, (l = []));
      l.push(p);
    }
  }
  // longest (most specific) first; file order breaks ties
  // blocking patterns win ties ("took place on Russian territory" is not "took … territory")
  const blocker = (p: EventPattern) => (p.cameo === '-' ? 1 : 0);
  for (const l of byHead.values())
    l.sort((a, b) => b.weight - a.weight || blocker(b) - blocker(a) || b.elems.length - a.elems.length);

  const markers: Marker[] = [];
  const markersByLast = new Map<string, Marker[]>();
  const reportForms = new Set<string>();
  const controlForms = new Set<string>();
  const markerWords = new Set<string>();
  for (const [text, type, cameo, acts] of readTsv(path.join(dataDir, 'patterns/events-markers.tsv'))) {
    if (!text || !type) continue;
    const m = compileMarker(text, type as MarkerType, inflect, cameo || null, acts ? new Set(acts.split('|')) : null);
    if (type === 'control') {
      for (const f of m.seq[0]!) controlForms.add(f);
      continue;
    }
    markers.push(m);
    for (const f of m.seq[m.seq.length - 1]!) {
      let l = markersByLast.get(f);
      if (!l) markersByLast.set(f, (l = []));
      l.push(m);
    }
    if (type === 'report' && m.seq.length === 1) for (const f of m.seq[0]!) reportForms.add(f);
    if (
      type === 'intent' ||
      type === 'hypo' ||
      type === 'neg' ||
      type === 'refuse' ||
      type === 'aspect' ||
      type === 'oblige' ||
      type === 'advise'
    )
      for (const set of m.seq) for (const f of set) markerWords.add(f);
  }
  // a sentence can hold an event only if it holds each pattern's anchor: its first required word
  // that is not a light verb or particle ("be on hunger strike" needs "hunger", not "is")
  const triggers = new Set<string>();
  const light = (forms: Set<string>) => [...forms].some((f) => LIGHT.has(f));
  for (const p of patterns) {
    if (p.cameo === '-') continue; // blocking patterns make no events
    const words = p.elems.filter((e): e is Extract<PatternElem, { type: 'word' }> => e.type === 'word' && !e.optional);
    const anchor = words.find((e) => !light(e.forms)) ?? (p.elems[0] as { forms: Set<string> });
    for (const f of anchor.forms) triggers.add(f);
  }
  for (const m of markers) {
    if ((m.type !== 'oblige' && m.type !== 'advise') || !m.cameo) continue;
    for (const f of m.seq.find((set) => !light(set)) ?? m.seq[0]!) triggers.add(f);
  }
  const lex = new Map<string, LexEntry>();
  for (const f of new Set([...byHead.keys(), ...markersByLast.keys(), ...triggers])) {
    lex.set(f, { heads: byHead.get(f) ?? null, markers: markersByLast.get(f) ?? null, trigger: triggers.has(f) });
  }
  return {
    codes,
    plover,
    intent,
    refuse,
    patterns,
    byHead,
    markers,
    markersByLast,
    reportForms,
    controlForms,
    markerWords,
    triggers,
    lex,
  };
}

/** light verbs and particles: too common to tell whether a sentence can hold a pattern */
const LIGHT = new Set([
  ...BE_FORMS,
  'have',
  'has',
  'had',
  'having',
  'do',
  'does',
  'did',
  'to',
  'not',
  'take',
  'takes',
  'took',
  'taken',
  'taking',
  'make',
  'makes',
  'made',
  'making',
  'get',
  'gets',
  'got',
  'getting',
  'give',
  'gives',
  'gave',
  'given',
  'giving',
  'go',
  'goes',
  'went',
  'gone',
  'going',
  'put',
  'puts',
  'putting',
  'set',
  'sets',
  'setting',
  'the',
  'a',
  'an',
  'of',
  'on',
  'in',
  'for',
  'with',
]);

// ------------------------------------------------------------------------------------------
// lookups

/** The code's table entry, falling back to its parent codes (0231 → 023 → 02). */
export function cameoInfo(kb: CameoKB, code: string): CameoCode | null {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const e = kb.codes.get(c);
    if (e) return c === code ? e : { ...e, code };
  }
  return null;
}

/** PLOVER event type of a CAMEO code (null for 01/02, which PLOVER drops). */
export function ploverOf(kb: CameoKB, code: string): PloverLabel | null {
  if (code.startsWith('01') || code.startsWith('02')) return null;
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const e = kb.plover.get(c);
    if (e) return e;
  }
  return null;
}

/** The code an act gets when the text states it as intent; the code itself when none applies. */
export function intentCode(kb: CameoKB, code: string): string {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const e = kb.intent.get(c);
    if (e) return e;
  }
  return code;
}

/** The rejection code for a stated refusal of the act ("will not provide aid" → 121), or null. */
export function refusalCode(kb: CameoKB, code: string): string | null {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const e = kb.refuse.get(c);
    if (e) return e;
  }
  return null;
}
