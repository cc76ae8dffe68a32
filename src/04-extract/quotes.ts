/**
 * Quote stage: direct quotations and who said them.
 *
 * Quotation marks: “…”, "…", ‘…’ and straight '…' (an opening mark after a space, a closing one
 * before punctuation or space). A quote needs an attribution the text makes clear, with a reporting
 * verb from data/patterns/quotes.tsv:
 *   after it   "“…,” Lavrov said", "“…,” said the minister", "“…,” he added", "…, the Russian top diplomat noted"
 *   before it  "Lavrov said: “…”", "Lavrov said the Syrians “should sit down…”", "According to Lavrov, … “…”"
 *   split      "“A,” he said, “B.”": B continues A's speaker
 *   paragraphs a paragraph opening with an unattributed quote continues the previous quote's speaker
 * Pronouns and definite descriptions resolve to the latest named person before the quote (across
 * paragraphs). Scare quotes of one or two words, unattributed names in quotes, and a transcript
 * speaker's own words are not quotes (turn bodies are turn records).
 */
import type { Actor, ActorMention, Doc, QuoteAnn, Span } from '../00-model/doc.js';
import type { KB } from '../knowledge/index.js';
import type { Stage } from '../pipeline.js';
import { actorByName, actorsOf, partyKey, sentencesOf } from './meet-util.js';

interface RawQuote extends Span {
  /** content span without the marks */
  inner: Span;
}

const DOUBLE = /["“”]/g;
const WS = /\s/;
/** offset of the next double quotation mark at or after `from`, or -1 */
function nextMark(text: string, from: number): number {
  DOUBLE.lastIndex = from;
  return DOUBLE.exec(text)?.index ?? -1;
}

/** Finds quotation spans (marks included) in the text. */
export function findQuoteSpans(text: string): RawQuote[] {
  const out: RawQuote[] = [];
  const push = (a: number, b: number) => out.push({ start: a, end: b + 1, inner: { start: a + 1, end: b } });
  // double quotes, typographic or straight (also mixed: "…” ), paired within a paragraph (line);
  // a regex search jumps from mark to mark, so lines without one cost nothing
  let q = nextMark(text, 0);
  while (q >= 0) {
    const lineStart = text.lastIndexOf('\n', q - 1) + 1;
    let lineEnd = text.indexOf('\n', q);
    if (lineEnd < 0) lineEnd = text.length;
    let open = -1;
    for (; q >= 0 && q < lineEnd; q = nextMark(text, q + 1)) {
      const k = q - lineStart;
      const ch = text[q];
      const prev = k > 0 ? text[q - 1] : ' ';
      const next = q + 1 < lineEnd ? text[q + 1] : ' ';
      const isOpen = ch === '“' || (ch === '"' && (/[\s(\[—–-]/.test(prev) || k === 0) && !/\s/.test(next));
      if (open < 0) {
        if (isOpen) open = k;
      } else if (!isOpen || ch === '"') {
        push(lineStart + open, lineStart + k);
        open = -1;
      } else open = k; // a new opening mark: the previous quote continues in the next paragraph
    }
    if (open >= 0) {
      // a quotation running on into the next paragraph is left open here and reopened there:
      // when the next non-blank line opens with a mark (its first non-space character)
      let j = lineEnd + 1;
      while (j < text.length && WS.test(text[j])) j++;
      if (j < text.length && (text[j] === '"' || text[j] === '“')) {
        let e = lineEnd;
        while (e > lineStart && WS.test(text[e - 1])) e--;
        push(lineStart + open, e);
      }
    }
  }
  // single quotes: ‘…’ and straight '…' used as quotation marks
  const single = /(^|[\s(\[“"—–-])(['‘])(?=[\p{L}\p{N}])/gmu;
  let m: RegExpExecArray | null;
  while ((m = single.exec(text))) {
    const a = m.index + m[1].length;
    const mark = m[2];
    const close = mark === '‘' ? /’(?=[\s,.;:!?)\]—–-]|$)/gu : /(?<=[\p{L}\p{N}.,!?])'(?=[\s,.;:!?)\]—–-]|$)/gmu;
    close.lastIndex = a + 1;
    const c = close.exec(text);
    if (!c) continue;
    const para = text.slice(a, c.index);
    if (para.includes('\n')) continue;
    if (para.split(/\s+/).length < 3) continue;
    push(a, c.index);
    single.lastIndex = c.index + 1;
  }
  out.sort((x, y) => x.start - y.start);
  // drop nested spans
  const kept: RawQuote[] = [];
  for (const q of out) {
    const last = kept[kept.length - 1];
    if (last && q.start < last.end) continue;
    kept.push(q);
  }
  return kept;
}

/** between the parts of a split quote: ", he added, ", " Lavrov said. " */
const SPLIT_ATTRIBUTION =
  /^\s*,?\s*(?:he|she|they|[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3})\s+(?:said|says|added|adds|noted|notes|stressed|continued|explained|went\s+on)\s*[,.:]\s*$/u;

/** what may follow a quote's reporting verb before the next quote continues it: " reporters.", ", " */
const ATTRIBUTION_REST = /^[^"“”‘’.!?;:()]{0,60}[.,:]?[\s—–-]*$/u;

const wordCount = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

const PRONOUN = /^(?:he|she|they|the\s+(?:[\p{L}-]+\s+){0,4}?[\p{L}-]+)$/iu;

/** The attribution patterns built from the reporting verbs. */
interface QuotePatterns {
  afterNpVerb: RegExp;
  /** a reporting verb right after a quote ("…,” said …) */
  afterVerb: RegExp;
  afterVerbNp: RegExp;
  beforeNpVerb: RegExp;
  /** "<Capitalised Name> said": sticky, run through `capReporterMatches` */
  capReporter: RegExp;
  /** a space and any reporting verb (no word boundary): where a `capReporter` match may end */
  verbHint: RegExp;
  speaksAfter: RegExp;
  speaksBefore: RegExp;
}

/**
 * Compiled once per list of reporting verbs (i.e. per KB), not per document: building these
 * regexes from the verb list cost ~30 µs per document, more than matching them.
 */
const patternCache = new WeakMap<string[], QuotePatterns | null>();

function quotePatterns(verbs: string[]): QuotePatterns | null {
  let p = patternCache.get(verbs);
  if (p !== undefined) return p;
  p = buildPatterns(verbs);
  patternCache.set(verbs, p);
  return p;
}

function buildPatterns(verbs: string[]): QuotePatterns | null {
  const sayVerbs = verbs.filter((v) => v !== 'according to');
  if (!sayVerbs.length) return null;
  // "the said resolutions" is an adjective, not a reporting verb
  const V = `(?<!\\bthe\\s)(?:has\\s+|had\\s+|also\\s+|then\\s+|later\\s+|further\\s+)?(?:${sayVerbs.map((v) => v.replace(/ /g, '\\s+')).join('|')})`;
  // "the minister", also opening a sentence ("The minister stressed that “…”")
  const NP = `(?:[Hh]e|[Ss]he|[Tt]hey|[Tt]he\\s+(?:[\\p{L}-]+\\s+){0,5}?[\\p{L}-]+|[\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*){0,4})`;
  return {
    afterNpVerb: new RegExp(`^[\\s,.;:!?—–-]*(${NP})\\s+${V}\\b`, 'u'),
    afterVerb: new RegExp(`^[\\s,—–-]*${V}\\s+`, 'u'),
    afterVerbNp: new RegExp(`^[\\s,—–-]*${V}\\s+(${NP})`, 'u'),
    // "Lavrov said:", "Lavrov noted that", "Lavrov said the Syrians" right before the quote
    // (a short parenthetical may stand between: "Peskov, for his part, noted that “…”")
    beforeNpVerb: new RegExp(
      `(${NP})(?:\\s*,\\s*(?:[\\p{Ll}'’-]+\\s+){0,3}[\\p{Ll}'’-]+\\s*,)?\\s+${V}\\b(?:\\s+(?:that|to\\s+\\p{L}+(?:\\s+\\p{L}+)?))?\\s*[,:]?\\s*(?:[^.!?;,:“"‘()]{0,40})$`,
      'u',
    ),
    capReporter: new RegExp(`(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,3})\\s+${V}\\b`, 'uy'),
    // a match's verb always follows a space; testing for it first makes the scan cheap
    verbHint: new RegExp(`\\s(?:${sayVerbs.map((v) => v.replace(/ /g, '\\s+')).join('|')})`, 'gu'),
    speaksAfter: new RegExp(`^\\s+${V}\\b`, 'u'),
    speaksBefore: new RegExp(`(?:\\b${V}|\\baccording\\s+to)\\s+$`, 'iu'),
  };
}

/** false for the ASCII characters that can be no part of a `capReporter` match (letters, ' ’ -, spaces can) */
function mayBeInName(c: number): boolean {
  if (c >= 128) return true;
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 45 || c === 32 || (c >= 9 && c <= 13);
}

/**
 * The matches of `capReporter` in `s`, in order: what a global scan finds (`/…/gu` with
 * `exec` until null), about five times faster. The lookbehind in the verb part makes the
 * global scan slow at every position, so: a match consists only of name characters
 * (`mayBeInName`) and ends in a reporting verb, hence it can start only in the run of name
 * characters just before the next verb occurrence (`verbHint`, a superset of the verbs a
 * match ends in); the sticky regex is tried at each capital-letter candidate there.
 */
function capReporterMatches(s: string, pats: QuotePatterns): RegExpExecArray[] {
  const { capReporter, verbHint } = pats;
  const out: RegExpExecArray[] = [];
  let from = 0;
  while (from < s.length) {
    verbHint.lastIndex = from;
    const h = verbHint.exec(s);
    if (!h) break;
    const v = h.index + 1; // the verb, after the space
    let b = v;
    while (b > from && mayBeInName(s.charCodeAt(b - 1))) b--;
    let found: RegExpExecArray | null = null;
    for (let k = b; k <= v && !found; k++) {
      const c = s.charCodeAt(k);
      // \p{Lu} never matches an ASCII non-capital, nor starts inside a surrogate pair
      if (c < 128 ? c < 65 || c > 90 : c >= 0xdc00 && c <= 0xdfff) continue;
      capReporter.lastIndex = k;
      found = capReporter.exec(s);
    }
    if (found) {
      out.push(found);
      from = found.index + found[0].length;
    } else from = v + 1;
  }
  return out;
}

/** two capitalised words right after a reporting verb ("said Natalia Eismont") */
const NAME_AFTER = /\s+(\p{Lu}[\p{Ll}'’-]+\s+\p{Lu}[\p{Ll}'’-]+)\b(?!\s+\p{Lu})/uy;

/** The full names that follow a reporting verb ("…, said Natalia Eismont"). */
function namesAfterVerbs(s: string, pats: QuotePatterns): string[] {
  const { verbHint } = pats;
  const out: string[] = [];
  verbHint.lastIndex = 0;
  for (let h = verbHint.exec(s); h; h = verbHint.exec(s)) {
    NAME_AFTER.lastIndex = h.index + h[0].length;
    const m = NAME_AFTER.exec(s);
    if (m) out.push(m[1]!);
  }
  return out;
}

const accordingTo = /\baccording\s+to\s+([^,]{2,60}),/iu;

export function extractQuotes(doc: Doc, kb: KB): QuoteAnn[] {
  const text = doc.text;
  const pats = quotePatterns(kb.topics?.reportingVerbs ?? []);
  if (!pats) return [];
  const { afterNpVerb, afterVerb, afterVerbNp, beforeNpVerb, speaksAfter, speaksBefore } = pats;
  const fullNames: string[] = [];
  for (const fm of capReporterMatches(text, pats)) {
    const w = fm[1].split(/\s+/);
    if (w.length >= 2) fullNames.push(w.slice(-2).join(' '));
  }

  // "…, said Natalia Eismont, spokeswoman of…": a full name right after a reporting verb
  for (const name of namesAfterVerbs(text, pats)) fullNames.push(name);

  const mentions = actorsOf(doc);
  const persons = mentions.filter((m) => (m.kind === 'person' || m.kind === 'role') && m.actor);
  for (const p of persons) if (p.actor.name) fullNames.push(p.actor.name);
  const turns = doc.layers.turns ?? [];
  const spans = findQuoteSpans(text);
  const inAnyQuote = (pos: number) => spans.some((q) => pos > q.start && pos < q.end);

  const sentences = sentencesOf(doc);
  /** "he"/"she": the subject (first named person) of the nearest sentence before the quote that names one. */
  const lastPersonBefore = (pos: number): Actor | null => {
    let si = sentences.findIndex((x) => pos >= x.start && pos < x.end);
    if (si < 0) si = sentences.findIndex((x) => x.start > pos) - 1;
    if (si < 0) si = sentences.length - 1;
    for (let i = si; i >= 0 && i >= si - 12; i--) {
      const x = sentences[i];
      const hi = i === si ? pos : x.end;
      const here = persons.filter((p) => p.start >= x.start && p.end <= hi && !inAnyQuote(p.start) && p.actor.name);
      // a reporter ("…, Lavrov said", "according to Lavrov") before any other subject
      const reporter = here
        .filter(
          (p) =>
            speaksAfter.test(text.slice(p.end, p.end + 30)) ||
            speaksBefore.test(text.slice(Math.max(0, p.start - 30), p.start)),
        )
        .pop();
      // an unrecognised name before a reporting verb ("…, Ambassador Ivan Petrov stated")
      let named: { at: number; name: string } | null = null;
      const seg = text.slice(x.start, hi);
      for (const cm of capReporterMatches(seg, pats)) {
        if (inAnyQuote(x.start + cm.index)) continue;
        let words = cm[1].split(/\s+/);
        let at = x.start + cm.index;
        // "Ambassador to Hanoi Gennady Bezdetko": the name is the last two words after a preposition
        if (words.length > 2 && /\b(?:to|in|of|from|at)\s+$/.test(text.slice(Math.max(0, at - 6), at))) {
          at += cm[1].lastIndexOf(words[words.length - 2]);
          words = words.slice(-2);
        }
        const name = words.join(' ');
        if (words.length === 1) {
          // a bare surname counts when a full name with it was seen before
          const full = fullNames.find((f) => f.endsWith(' ' + name));
          if (full) named = { at, name: full };
          continue;
        }
        named = { at, name };
      }
      // in the quote's own sentence, an office named without a name that reports ("the Chinese
      // foreign ministry spokesperson said … he said: “…”") is the speaker
      if (i === si) {
        let office: ActorMention | null = null;
        // (mentions are sorted by start)
        for (const m of mentions) {
          if (m.start >= hi) break;
          if (
            m.start >= x.start &&
            m.end <= hi &&
            m.actor.role &&
            !m.actor.name &&
            !inAnyQuote(m.start) &&
            speaksAfter.test(text.slice(m.end, m.end + 30))
          )
            office = m;
        }
        if (office && (!reporter || office.start > reporter.end) && (!named || office.start > named.at))
          return office.actor;
      }
      if (named && (!reporter || named.at > reporter.end)) {
        const known = persons.find((p) => p.start <= named!.at + named!.name.length && p.end >= named!.at);
        return (
          known?.actor ??
          actorByName(doc, named.name) ?? {
            name: named.name,
            role: null,
            country: null,
            org: null,
            sector: null,
            code: null,
          }
        );
      }
      if (reporter) return reporter.actor;
      if (here.length) return here[0].actor;
    }
    for (let i = persons.length - 1; i >= 0; i--)
      if (persons[i].end <= pos && !inAnyQuote(persons[i].start)) return persons[i].actor;
    return null;
  };

  /** The longest person or office mention starting at `pos`, if any. */
  const personAt = (pos: number): ActorMention | null => {
    let best: ActorMention | null = null;
    for (const m of mentions) {
      if (m.start > pos) break; // (mentions are sorted by start)
      if (m.start === pos && (m.kind === 'person' || m.kind === 'role') && (!best || m.end > best.end)) best = m;
    }
    return best;
  };

  /** Who the noun phrase at [a, b) refers to. */
  const resolve = (a: number, b: number, quoteStart: number): Actor | null => {
    const inside = mentions.filter((m) => m.start >= a - 1 && m.end <= b + 1 && m.start < b);
    const best = inside.sort((x, y) => rank(y) - rank(x))[0];
    if (best) {
      if (best.actor.name || best.kind === 'pronoun') return best.actor;
      // a role mention: the latest named person with that role/country, else the role itself
      const role = best.actor.role?.toLowerCase() ?? null;
      const country = best.actor.country;
      const named = persons.filter((p) => p.end <= quoteStart && p.actor.name && !inAnyQuote(p.start));
      for (let i = named.length - 1; i >= 0; i--)
        if (role && named[i].actor.role?.toLowerCase() === role) return named[i].actor;
      if (!role)
        for (let i = named.length - 1; i >= 0; i--)
          if (country && named[i].actor.country === country) return named[i].actor;
      return best.actor;
    }
    const np = text.slice(a, b).trim();
    if (PRONOUN.test(np)) return lastPersonBefore(quoteStart);
    // an unrecognised capitalised name: a known speaker by name
    const byName = actorByName(doc, np);
    if (byName) return byName;
    if (!np || !/^[\p{Lu}]/u.test(np)) return null;
    const full = /\s/.test(np) ? np : (fullNames.find((f) => f.endsWith(' ' + np)) ?? np);
    return actorByName(doc, full) ?? { name: full, role: null, country: null, org: null, sector: null, code: null };
  };

  const out: QuoteAnn[] = [];
  let prev: { q: QuoteAnn; attrEnd: number; para: number } | null = null;
  for (let qi = 0; qi < spans.length; qi++) {
    const q = spans[qi]!;
    let inner = text.slice(q.inner.start, q.inner.end);
    const trimmed = inner.replace(/[\s,]+$/u, '');
    const innerEnd = q.inner.start + trimmed.length;
    // a short quote is a scare quote ("so-called"), unless it is the first part of a quote split
    // by its attribution: "The sides," he added, "must withdraw…"
    const next = spans[qi + 1];
    const splitFirst =
      /,\s*$/.test(inner) &&
      !!next &&
      next.start - q.end <= 40 &&
      SPLIT_ATTRIBUTION.test(text.slice(q.end, next.start));
    inner = trimmed;
    if (wordCount(inner) < 3 && !splitFirst) continue;
    const paraStart = text.lastIndexOf('\n', q.start - 1) + 1;
    const nl = text.indexOf('\n', q.end);
    const paraEnd = nl < 0 ? text.length : nl;
    const para = paraStart;
    let speaker: Actor | null = null;
    let rule = '';
    let attrEnd = q.end;
    const after = text.slice(q.end, Math.min(paraEnd, q.end + 120));
    // a person the actor layer recognised, named right after the quote and before or after its
    // verb, however long the title ("…,” US Secretary of State Antony Blinken said", "…,” said the
    // Foreign Minister of Fiji")
    const lead = /^[\s,.;:!?—–-]*/.exec(after)![0].length;
    let pm = personAt(q.end + lead);
    let vm: RegExpExecArray | null = null;
    if (pm && (vm = speaksAfter.exec(text.slice(pm.end, pm.end + 40)))) {
      speaker = resolve(pm.start, pm.end, q.start);
      rule = 'quote:after:np-verb';
      attrEnd = pm.end + vm[0].length;
    } else if ((vm = afterVerb.exec(after)) && (pm = personAt(q.end + vm[0].length))) {
      speaker = resolve(pm.start, pm.end, q.start);
      rule = 'quote:after:verb-np';
      attrEnd = pm.end;
    }
    let m = speaker ? null : afterNpVerb.exec(after);
    if (m && !/^(?:the|a)\s+(?:text|document|statement|report|resolution)\b/i.test(m[1])) {
      const a = q.end + after.indexOf(m[1]);
      speaker = resolve(a, a + m[1].length, q.start);
      rule = 'quote:after:np-verb';
      attrEnd = q.end + m[0].length;
    }
    if (!speaker && (m = afterVerbNp.exec(after))) {
      const a = q.end + m[0].length - m[1].length;
      speaker = resolve(a, a + m[1].length, q.start);
      rule = 'quote:after:verb-np';
      attrEnd = q.end + m[0].length;
    }
    if (!speaker) {
      // attribution before the quote, within its sentence
      const sentStart = Math.max(paraStart, lastSentenceBreak(text, paraStart, q.start));
      const before = text.slice(sentStart, q.start);
      if (
        prev &&
        prev.para === para &&
        q.start - prev.attrEnd <= 64 &&
        // "…,” he said. “…”, "…,” Blinken told reporters. “…”": the rest of the attribution only
        ATTRIBUTION_REST.test(text.slice(prev.attrEnd, q.start))
      ) {
        speaker = prev.q.speaker;
        rule = 'quote:split';
      } else if ((m = accordingTo.exec(before))) {
        const a = sentStart + m.index + m[0].indexOf(m[1]);
        speaker = resolve(a, a + m[1].length, q.start);
        rule = 'quote:according-to';
      } else if ((m = beforeNpVerb.exec(before))) {
        const a = sentStart + m.index;
        speaker = resolve(a, a + m[1].length, q.start);
        rule = 'quote:before:np-verb';
      } else if (
        prev &&
        prev.q.speaker &&
        q.start === paraStart + leadingSpace(text, paraStart) &&
        prevParaIndex(text, para) === prev.para
      ) {
        speaker = prev.q.speaker;
        rule = 'quote:continued';
      }
    }
    if (!speaker) continue;
    // in a transcript, the turn speaker's own words are the turn, not a quote
    const turn = turns.find((t) => q.start >= t.bodyStart && q.end <= t.end);
    if (turn && turn.role !== 'question') {
      const ts = turn.speaker ?? actorByName(doc, turn.speakerName);
      const same =
        (ts?.name && speaker.name && surname(ts.name) === surname(speaker.name)) ||
        (turn.speakerName && speaker.name && surname(turn.speakerName) === surname(speaker.name));
      if (same) continue;
    }
    const ann: QuoteAnn = { start: q.inner.start, end: innerEnd, speaker, text: inner, direct: true, rule };
    out.push(ann);
    prev = { q: ann, attrEnd, para };
  }
  return out;
}

const surname = (s: string) => s.trim().split(/\s+/).pop()!.toLowerCase();

function rank(m: ActorMention): number {
  return m.kind === 'person' ? 5 : m.kind === 'pronoun' ? 4 : m.kind === 'role' ? 3 : m.kind === 'group' ? 2 : 1;
}

function leadingSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i - at;
}

/** Start offset of the paragraph before the one starting at `paraStart` (skipping blank lines). */
function prevParaIndex(text: string, paraStart: number): number {
  let i = paraStart - 1;
  while (i > 0 && /\s/.test(text[i - 1] ?? '')) i--;
  return text.lastIndexOf('\n', i - 1) + 1;
}

function lastSentenceBreak(text: string, from: number, to: number): number {
  const seg = text.slice(from, to);
  const re = /[.!?][”"’']?\s+(?=[\p{Lu}“"‘'])/gu;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(seg))) last = m.index + m[0].length;
  return from + last;
}

export const quoteStage: Stage = {
  name: 'quotes',
  requires: ['sentences', 'actors'],
  produces: ['quotes'],
  run(doc, kb) {
    return { layers: { quotes: extractQuotes(doc, kb) } };
  },
};

export { partyKey };
