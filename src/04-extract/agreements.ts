/**
 * Agreement stage: what parties agreed, signed, adopted or committed to.
 *
 * Triggers come from data/patterns/agreements.tsv. Parties are the trigger's subject (active),
 * its by-/between-complement or the sentence's actors (passive), or the complement of a joint
 * statement. "We agreed" after talks stands for both sides: a narrator-only party list joins the
 * counterpart of the narrator's meeting of the day. Effective dates ("will come into effect on…")
 * and deadlines ("must be applied by February 2018") attach to the agreement in the sentence or
 * just before it; a sentence that only elaborates the previous agreement ("A working group will be
 * set up for that purpose") extends that agreement's evidence instead of making a new one.
 */
import type {
  Actor,
  ActorMention,
  AgreementAnn,
  DateMention,
  Doc,
  MeetingAnn,
  Sentence,
  Span,
} from '../00-model/doc.js';
import type { KB } from '../knowledge/index.js';
import type { AgreementPattern } from '../knowledge/topics.js';
import type { Stage } from '../pipeline.js';
import {
  actorsOf,
  bySentence,
  insideAny,
  unionRe,
  clauseStart,
  complementAfter,
  docDay,
  isQuestion,
  keysOf,
  matchAll,
  mentionsBefore,
  modifierBefore,
  narratorOf,
  isJointStatement,
  quoteSpeakerAt,
  unattributedQuoteSpans,
  FIRST_PERSON_SUBJECT,
  partiesFrom,
  partyKey,
  pickDate,
  quotedSpans,
  refineVague,
  sentencesOf,
  requiredFactors,
  firstVerb,
  COORDINATED_LEAD,
} from './meet-util.js';
import { topicIndex } from './topics.js';
import { counterpartAt } from '../03-recognise/actors.js';

interface Cand {
  ann: AgreementAnn;
  s: Sentence;
  kind: AgreementPattern['kind'];
  explicitDate: boolean;
  ownParties: boolean;
  /** the party of whoever reports it: the quoted speaker, else the document's narrator */
  narratorKey: string | null;
}

const NEG_BEFORE = /\b(?:not|never|no|n't|failed to|fail to|refused to|unable to|without)\s+(?:\w+\s+){0,2}$/i;
const ADJ_BEFORE = /(?:\b(?:its|their|the|a|an|our|his|her|newly|previously|already|earlier|once|jointly)|\()\s*$/i;
const FUTURE_BEFORE =
  /\b(?:will|shall|would|are to|is to|are going to|intend to|plan to|hope to|expect to)\s+(?:\w+\s+)?$/i;
const MODAL_AFTER = /\b(?:will|shall|would|should|must|are to|is to|to be|need to|needs to|have to|has to)\b/i;
/** what makes "by <date>" a deadline: an obligation, a commitment, or what was agreed ("agreed that X would … by") */
const OBLIGATION =
  /\b(?:must|should|shall|will|would|are to|is to|to be|have to|has to|need to|needs to|obliged|required|deadline|no later than|not later than|agreed|agree|agrees|committed|commit|commits|pledged|pledge|undertook|undertake)\b/i;
/** A collective subject that stands for the parties of a meeting. */
const COLLECTIVE =
  /\b(?:the\s+(?:two\s+|three\s+)?(?:sides|parties|leaders|ministers|presidents|delegations|countries|governments|foreign\s+ministers|heads\s+of\s+state)|both\s+(?:sides|countries|leaders|parties|ministers)|they)\b/i;
/** "we" (with up to three words after it) as the subject before a trigger */
const WE_SUBJECT = /\b[Ww]e\b(?:\s+\w+){0,3}\s*$/;
const PAST_MARK = /\b(?:ago|last year|last month|in the past|previously|earlier)\b/i;

const dlCache = new WeakMap<object, RegExp[]>();
function deadlineCache(preps: AgreementPattern[]): RegExp[] {
  let r = dlCache.get(preps[0] ?? dlCache);
  if (!r) {
    r = preps.map((p) => new RegExp(`\\b(?:${p.source})\\s+(?:the\\s+(?:end|beginning|middle)\\s+of\\s+)?$`, 'i'));
    if (preps[0]) dlCache.set(preps[0], r);
  }
  return r;
}

const factorCache = new WeakMap<RegExp, RegExp | null>();

/** One case-sensitive regex of the fixed strings one of which every match of `re` contains (null: none known). */
function factorRe(re: RegExp): RegExp | null {
  let f = factorCache.get(re);
  if (f === undefined) {
    let fs = requiredFactors(re.source);
    // a factor containing another is implied by it
    if (fs) fs = fs.filter((x) => !fs!.some((y) => y !== x && x.includes(y)));
    f = fs && fs.length ? new RegExp(fs.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) : null;
    factorCache.set(re, f);
  }
  return f;
}

const patternFactorCache = new WeakMap<AgreementPattern, string[] | null>();

/** The fixed strings (lower case) one of which every match of the pattern contains; null: none known. */
function patternFactors(p: AgreementPattern): string[] | null {
  let fs = patternFactorCache.get(p);
  if (fs === undefined) {
    fs = requiredFactors(p.source);
    if (fs) fs = fs.filter((x) => !fs!.some((y) => y !== x && x.includes(y)));
    patternFactorCache.set(p, fs);
  }
  return fs;
}

/** The patterns of the stage, split by role, with the regexes built from them. */
interface PatternSet {
  triggers: AgreementPattern[];
  effPats: AgreementPattern[];
  /** one regex per deadline preposition, matching it right before a date */
  deadlineRe: RegExp[];
  /** matches wherever a trigger or effective-date pattern could (null: no patterns) */
  prefilter: RegExp | null;
  /** a cheaper necessary condition first: the lower-cased sentence holds a fixed string every prefilter match holds */
  precheck: RegExp | null;
}

function patternSet(pats: AgreementPattern[]): PatternSet {
  const triggers = pats.filter((p) => p.kind !== 'effective' && p.kind !== 'deadline');
  const effPats = pats.filter((p) => p.kind === 'effective');
  const deadlinePreps = pats.filter((p) => p.kind === 'deadline');
  const sources = [...triggers, ...effPats].map((p) => p.source);
  const prefilter = pats.length ? unionRe(pats, sources) : null;
  return {
    triggers,
    effPats,
    deadlineRe: deadlineCache(deadlinePreps),
    prefilter,
    precheck: prefilter ? factorRe(prefilter) : null,
  };
}

/** What the stage looks up in one document, gathered once. */
interface DocContext {
  doc: Doc;
  text: string;
  /** the text lower-cased, when that keeps offsets (else null) */
  low: string | null;
  sents: Sentence[];
  meetings: MeetingAnn[];
  today: string | null;
  /** no turns: a press release, which reports the day's agreements */
  readout: boolean;
  /** a statement several make together ("Joint Statement…", "We, the Foreign Ministers of…"): its "we" is them all */
  joint: boolean;
  inQuote: (pos: number) => boolean;
  quoteSpeaker: (pos: number) => Actor | null;
  topicsOf: (span: Span) => string[];
  mentionsBy: ActorMention[][];
  datesBy: DateMention[][];
  /** the agreements read so far, in text order */
  found: { ann: AgreementAnn }[];
}

function docContext(doc: Doc): DocContext {
  const text = doc.text;
  const inQuote = insideAny(unattributedQuoteSpans(doc));
  const sents = sentencesOf(doc);
  const low = text.toLowerCase();
  // words inside scare quotes are not narration
  const narration = actorsOf(doc).filter((m) => !inQuote(m.start));
  return {
    doc,
    text,
    low: low.length === text.length ? low : null,
    sents,
    meetings: doc.layers.meetings ?? [],
    today: docDay(doc),
    readout: !(doc.layers.turns ?? []).length,
    joint: isJointStatement(doc),
    inQuote,
    quoteSpeaker: quoteSpeakerAt(doc),
    topicsOf: topicIndex(doc),
    mentionsBy: bySentence(narration, sents),
    datesBy: bySentence(doc.layers.dates ?? [], sents),
    found: [],
  };
}

/** One sentence that may hold an agreement, with its text, actor mentions and dates. */
interface SentenceContext {
  si: number;
  s: Sentence;
  stext: string;
  lowText: string;
  mentions: ActorMention[];
  dates: DateMention[];
}

/** The sentence `si` when a trigger or effective-date pattern may match in it and it asks nothing; else null. */
function candidateSentence(cx: DocContext, ps: PatternSet, si: number): SentenceContext | null {
  const s = cx.sents[si];
  const stext = cx.text.slice(s.start, s.end);
  if (!ps.prefilter) return null;
  const lowText = cx.low !== null ? cx.low.slice(s.start, s.end) : stext.toLowerCase();
  if (ps.precheck && !ps.precheck.test(lowText)) return null;
  if (!ps.prefilter.test(stext)) return null;
  if (isQuestion(cx.doc, s)) return null;
  return { si, s, stext, lowText, mentions: cx.mentionsBy[si], dates: cx.datesBy[si] };
}

/** A pattern can match only where one of its fixed strings occurs. */
/**
 * "Restrictions must be applied by February 2018." right after an agreement, in a sentence with no
 * trigger of its own: the agreement's deadline.
 */
function obligationDeadline(cx: DocContext, ps: PatternSet, si: number, prev: Cand | undefined): void {
  if (!prev || si <= prev.s.index || si - prev.s.index > 2 || !cx.datesBy[si]!.length) return;
  const s = cx.sents[si]!;
  const stext = cx.text.slice(s.start, s.end);
  if (!OBLIGATION.test(stext) || isQuestion(cx.doc, s)) return;
  const lowText = cx.low !== null ? cx.low.slice(s.start, s.end) : stext.toLowerCase();
  const sc: SentenceContext = { si, s, stext, lowText, mentions: cx.mentionsBy[si]!, dates: cx.datesBy[si]! };
  const sd = specialDates(cx, ps, sc);
  if (!sd.deadline) return;
  attachDates(prev, sd);
  extend(cx, prev, s);
}

function mayMatch(p: AgreementPattern, lowText: string): boolean {
  const fs = patternFactors(p);
  if (!fs) return true;
  for (const f of fs) if (lowText.includes(f)) return true;
  return false;
}

/** Effective dates and deadlines of a sentence, and the date mentions that are one of them. */
interface SpecialDates {
  effective: string | null;
  deadline: string | null;
  special: Set<DateMention>;
}

function specialDates(cx: DocContext, ps: PatternSet, sc: SentenceContext): SpecialDates {
  const special = new Set<DateMention>();
  const effective = effectiveDate(ps, sc, special);
  const deadline = deadlineDate(cx, ps, sc, special);
  return { effective, deadline, special };
}

/** "will come into effect on…": the first dated mention after the phrase (added to `special`). */
function effectiveDate(ps: PatternSet, sc: SentenceContext, special: Set<DateMention>): string | null {
  let effective: string | null = null;
  for (const p of ps.effPats) {
    if (!mayMatch(p, sc.lowText)) continue;
    for (const h of matchAll(p.re, sc.stext, sc.s.start)) {
      const d = firstDatedFrom(sc.dates, h.end);
      if (d) {
        effective = d.value;
        special.add(d);
      }
    }
  }
  return effective;
}

/** The dated mention starting first at or after `pos` (the earlier one of a tie). */
function firstDatedFrom(dates: DateMention[], pos: number): DateMention | undefined {
  let first: DateMention | undefined;
  for (const x of dates) if (x.start >= pos && x.value && (!first || x.start < first.start)) first = x;
  return first;
}

/** "must be applied by February 2018": a date right after a deadline preposition (added to `special`). */
function deadlineDate(cx: DocContext, ps: PatternSet, sc: SentenceContext, special: Set<DateMention>): string | null {
  if (!OBLIGATION.test(sc.stext)) return null;
  let deadline: string | null = null;
  for (const d of sc.dates) {
    if (!d.value || special.has(d)) continue;
    const lead = cx.text.slice(Math.max(sc.s.start, d.start - 20), d.start);
    if (ps.deadlineRe.some((re) => re.test(lead))) {
      deadline = d.value;
      special.add(d);
    }
  }
  return deadline;
}

interface Hit {
  start: number;
  end: number;
  text: string;
  p: AgreementPattern;
}

/** Trigger matches of a sentence outside unattributed quotes, in text order (longer first at one offset). */
function triggerHits(cx: DocContext, ps: PatternSet, sc: SentenceContext): Hit[] {
  const hits: Hit[] = [];
  for (const p of ps.triggers) {
    if (!mayMatch(p, sc.lowText)) continue;
    for (const h of matchAll(p.re, sc.stext, sc.s.start))
      if (!cx.inQuote(h.start)) hits.push({ start: h.start, end: h.end, text: h.text, p });
  }
  return hits.sort(byStartLongerFirst);
}

function byStartLongerFirst(a: Hit, b: Hit): number {
  return a.start - b.start || b.end - a.end;
}

function overlapsAny(spans: Span[], h: Span): boolean {
  for (const u of spans) if (h.start < u.end && h.end > u.start) return true;
  return false;
}

/** The agreement of a sentence: that of its first trigger that makes one (none overlapping an earlier trigger). */
function sentenceAgreement(cx: DocContext, ps: PatternSet, sc: SentenceContext, sd: SpecialDates): Cand | null {
  const used: Hit[] = [];
  for (const h of triggerHits(cx, ps, sc)) {
    if (overlapsAny(used, h)) continue;
    used.push(h);
    // one agreement per sentence; further triggers elaborate it
    const made = agreementAt(cx, sc, h, sd);
    if (made) return made;
  }
  return null;
}

/** False when the words around a trigger show it reports no agreement (negated, an adjective, a bare "agree"). */
function triggerHolds(h: Hit, before: string, after: string): boolean {
  const p = h.p;
  if (NEG_BEFORE.test(before)) return false;
  if (p.kind === 'active' && p.status === 'planned' && /^agree\b/i.test(h.text) && !FUTURE_BEFORE.test(before))
    return false;
  if (p.kind === 'that' && !MODAL_AFTER.test(after.slice(0, 120))) return false;
  if (/^(?:adopted|approved|signed)$/i.test(h.text.trim()) && ADJ_BEFORE.test(before)) return false;
  // "China is committed to peaceful development", "we remain committed to…": a standing position,
  // not a commitment made ("They committed to…", "We commit to…")
  if (/^committed\b/i.test(h.text) && STATIVE_BEFORE.test(before)) return false;
  return true;
}

const STATIVE_BEFORE =
  /\b(?:is|are|am|was|were|be|been|being|remain|remains|remained|stay|stays|stayed)\s+(?:(?:\w+ly|always|still|also|very|deeply|now|equally)\s+)*$/i;

/** Who a trigger names as the parties, and what that says of the agreement. */
interface PartyFinding {
  /** actor mentions of the parties */
  mentions: ActorMention[];
  /** parties known otherwise: the narrator, the sides of a meeting */
  sides: Actor[];
  /** the meeting the agreement was made at, when the text says so */
  atMeeting: MeetingAnn | null;
  /** a participle or a subject without an article: a referenced document rather than a new agreement */
  participle: boolean;
  status: AgreementAnn['status'];
}

/** The parties of the agreement a trigger reports (null: a joint statement of nobody named). */
function findParties(
  cx: DocContext,
  sc: SentenceContext,
  h: Hit,
  before: string,
  after: string,
  narrator: Actor | null,
): PartyFinding | null {
  const { text } = cx;
  const { s, mentions } = sc;
  const p = h.p;
  const f: PartyFinding = { mentions: [], sides: [], atMeeting: null, participle: false, status: p.status };
  const pastParticiple = /^[a-z]+ed\b/i.test(h.text.trim());
  const byAgent = /^\s+by\b/i.test(after) && pastParticiple;
  if (byAgent || (p.kind === 'active' && /,\s*$/.test(before) && pastParticiple)) {
    participleParties(cx, sc, h, byAgent, f);
  } else if (p.kind === 'active' || p.kind === 'that') {
    activeParties(cx, sc, h, narrator, f);
  } else if (p.kind === 'passive') {
    passiveParties(cx, sc, h, after, narrator, f);
  } else if (p.kind === 'setup') {
    f.mentions = mentionsBefore(text, s, h.start, mentions);
  } else if (p.kind === 'noun') {
    f.mentions = mentions;
  } else if (p.kind === 'statement') {
    const comp = complementAfter(text, s, h.end, mentions, /^\s*(?:by|of|between)\b/i);
    const mod = modifierBefore(text, h.start, mentions, s.start);
    f.mentions = [...mod, ...comp];
    if (!f.mentions.length) return null;
  }
  return f;
}

/** A participle: "sanctions adopted by the US Congress", "Resolution 2270, adopted on March 2". */
function participleParties(cx: DocContext, sc: SentenceContext, h: Hit, byAgent: boolean, f: PartyFinding): void {
  const { text } = cx;
  const { s, mentions } = sc;
  const by = byAgent
    ? complementAfter(text, s, h.end, mentions, /^\s*by\b/i)
    : modifierBefore(text, h.start, mentions, s.start);
  f.mentions = by.length ? by : mentionsBefore(text, s, h.start, mentions);
  f.participle = true;
  if (f.status === 'reached') f.status = 'referenced';
}

/** An active trigger ("X and Y agreed", "we signed … with Y"): its subject and with-/between-complement. */
function activeParties(cx: DocContext, sc: SentenceContext, h: Hit, narrator: Actor | null, f: PartyFinding): void {
  const { text } = cx;
  const { s, mentions } = sc;
  let subject = mentionsBefore(text, s, h.start, mentions);
  // "The two sides exchanged views on Ukraine and agreed to…": a predicate coordinated with an
  // earlier one has that one's subject, the words before the clause's first verb
  let subjEnd = h.start;
  const cs0 = clauseStart(text, s, h.start);
  if (COORDINATED_LEAD.test(text.slice(cs0, h.start))) {
    const v = firstVerb(cx.doc, cs0, h.start);
    if (v >= 0) {
      subject = subject.filter((m) => m.end <= v);
      subjEnd = v;
    }
  }
  // "we" in a quotation of another speaker is that speaker's side, not the transcript speaker's
  const quoted = cx.quoteSpeaker(h.start);
  if (quoted && subject.length && subject.every((m) => m.kind === 'pronoun')) subject = [];
  const comp = complementAfter(text, s, h.end, mentions, /^\s*(?:with|between)\b/i);
  f.mentions = [...subject, ...comp];
  // "we agreed that as co-chairs, Australia and Indonesia would convene…": the subject of what
  // was agreed names the sides, the speaker's among them
  if (!comp.length && (!subject.length || subject.every((m) => m.kind === 'pronoun'))) {
    const inner = agreedThatSides(text, s, h, mentions);
    const own = subject.length ? partyKey(subject[0]!.actor) : narrator ? partyKey(narrator) : null;
    if (inner.length && own && inner.some((m) => partyKey(m.actor) === own)) {
      f.mentions = inner;
      return;
    }
  }
  if (subject.length) return;
  const subjText = text.slice(cs0, subjEnd);
  if (narrator && FIRST_PERSON_SUBJECT.test(subjText)) {
    f.sides = [narrator];
    // "we agreed" in a transcript of bilateral talks: both sides (for a quoted speaker in
    // another's transcript, the other side is that transcript's speaker)
    if (/\b[Ww]e\b(?:\s+\w+){0,3}\s*$/.test(subjText) && !comp.length) {
      const nk = partyKey(narrator);
      const other = counterpartAt(cx.doc, h.start);
      const host = quoted ? narratorOf(cx.doc, s) : null;
      if (other && partyKey(other) !== nk) f.sides.push(other);
      else if (host && partyKey(host) !== nk) f.sides.push(host);
    }
  } else if (COLLECTIVE.test(subjText) || (!narrator && cx.joint && WE_SUBJECT.test(subjText))) {
    // "the sides agreed": the parties of the meeting the text last spoke of, else of the last
    // agreement of two or more parties ("Russia and Turkey agreed on… The two countries signed…");
    // so is "we" in a statement no one speaker makes (a joint statement of those who met)
    f.sides = recentMeetingParties(cx.meetings, h.start);
    if (!f.sides.length) {
      for (let k = cx.found.length - 1; k >= 0 && !f.sides.length; k--)
        if (keysOf(cx.found[k]!.ann.parties).length >= 2) f.sides = cx.found[k]!.ann.parties;
    }
  } else {
    f.participle = !/\b(?:the|a|an|both|all)\s+[\p{L}-]+/iu.test(subjText);
    f.mentions = mentions;
  }
}

/** The actors (two or more parties) that are the subject of an "agreed that … would/will" clause. */
function agreedThatSides(text: string, s: Sentence, h: Hit, mentions: ActorMention[]): ActorMention[] {
  const after = text.slice(h.end, s.end);
  // the trigger may end in "that" itself ("agreed that")
  const that = /\bthat$/i.test(h.text) ? 0 : (/^\s+that\b/i.exec(after)?.[0].length ?? -1);
  const verb = that >= 0 ? /\b(?:would|will|should|shall|must|could|can|are to|were to)\b/i.exec(after) : null;
  if (that < 0 || !verb) return [];
  const inner = mentions.filter((m) => m.start >= h.end + that && m.end <= h.end + verb.index && m.kind !== 'pronoun');
  return new Set(inner.map((m) => partyKey(m.actor)).filter(Boolean)).size >= 2 ? inner : [];
}

/** A passive trigger ("an agreement was signed by/between …", "it was agreed"). */
function passiveParties(
  cx: DocContext,
  sc: SentenceContext,
  h: Hit,
  after: string,
  narrator: Actor | null,
  f: PartyFinding,
): void {
  const { text } = cx;
  const { s, mentions } = sc;
  let by = complementAfter(text, s, h.end, mentions, /^\s*(?:[\p{L}-]+\s+){0,2}?(?:by|between)\b/iu);
  if (!by.length) {
    const bw = /\bbetween\b/i.exec(after);
    if (bw) by = complementAfter(text, s, h.end + bw.index, mentions, /^\s*between\b/i);
  }
  if (!by.length) by = clauseMentions(text, s, h, after, mentions);
  f.mentions = by.length ? by : mentions;
  // plural "Agreements were reached on…" announces the list that follows; it is not one agreement
  const near = nearMeeting(cx.meetings, cx.sents, sc.si);
  const plural = /^(?:agreements|accords|understandings|deals)\b/i.test(h.text);
  if (!f.mentions.length && near && !plural) {
    // "A document on … was also adopted": adopted at the meeting the text has just reported
    f.sides = near.parties;
    f.atMeeting = near;
    if (f.status === 'referenced') f.status = 'reached';
  } else if (!f.mentions.length && /agreed|reached/i.test(h.text) && !plural && narrator) {
    // "It was agreed…" in a readout of talks: the sides of the talks
    f.mentions = [];
    f.sides = [narrator, ...mainCounterparts(cx, narrator)];
  }
}

/** Actor mentions of the clause around a trigger, else of the sentence. */
function clauseMentions(text: string, s: Sentence, h: Hit, after: string, mentions: ActorMention[]): ActorMention[] {
  const cs = clauseStart(text, s, h.start);
  const stop = /[;:?!–—]|\b(?:which|who|that|when|where|while|but|because|although)\b/i.exec(after);
  const ce = stop ? h.end + stop.index : s.end;
  return mentions.filter((m) => m.start >= cs && m.end <= ce);
}

/** A held meeting reported in this sentence or the three before it. */
function nearMeeting(meetings: MeetingAnn[], sents: Sentence[], si: number): MeetingAnn | null {
  const from = sents[Math.max(0, si - 3)].start;
  const to = sents[si].end;
  let best: MeetingAnn | null = null;
  for (const m of meetings) {
    if (
      m.status === 'held' &&
      m.evidence.start >= from &&
      m.evidence.start <= to &&
      (!best || m.evidence.start >= best.evidence.start)
    )
      best = m;
  }
  return best;
}

/** Parties of the meeting mentioned last before `pos` (for "the sides", "the two leaders"). */
function recentMeetingParties(meetings: MeetingAnn[], pos: number): Actor[] {
  // "the two sides": the latest meeting between two or more parties, else the latest one
  let best: MeetingAnn | null = null;
  for (const m of meetings)
    if (m.evidence.start <= pos && keysOf(m.parties).length >= 2 && (!best || m.evidence.start >= best.evidence.start))
      best = m;
  if (!best)
    for (const m of meetings)
      if (m.evidence.start <= pos && (!best || m.evidence.start >= best.evidence.start)) best = m;
  best ??= meetings.find(isTitleMeeting) ?? null;
  return best ? best.parties : [];
}

function isTitleMeeting(m: MeetingAnn): boolean {
  return m.rule.startsWith('meeting:title:');
}

/** The other side of the narrator's meeting of the day: the meeting the title names, else the only one. */
function mainCounterparts(cx: DocContext, narrator: Actor | null): Actor[] {
  if (!narrator) return [];
  const nk = partyKey(narrator) ?? '';
  const held = cx.meetings.filter(
    (x) => x.status === 'held' && (!cx.today || x.date?.slice(0, 10) === cx.today) && keysOf(x.parties).includes(nk),
  );
  const titled = held.find(isTitleMeeting);
  const sets = new Set(held.map((x) => keysOf(x.parties).sort().join('+')));
  const m = titled ?? (sets.size === 1 && held.length && cx.readout ? held[0] : undefined);
  return m ? m.parties.filter((p) => partyKey(p) !== nk) : [];
}

/** The parties of a finding; the narrator alone stands with the other side of its meeting (may set `f.atMeeting`). */
function agreementParties(
  cx: DocContext,
  si: number,
  kind: AgreementPattern['kind'],
  f: PartyFinding,
  narrator: Actor | null,
  nk: string | null,
): Actor[] {
  let parties = partiesFrom(f.mentions, f.sides);
  if (f.sides.length === 1 && kind === 'passive') parties = [];
  if (!f.sides.length && !f.mentions.length) parties = []; // "it was agreed" by the narrator alone: the other side is unknown
  const keys = keysOf(parties);
  if (narrator && nk && keys.length === 1 && keys[0] === nk && kind !== 'setup') {
    const other = mainCounterparts(cx, narrator);
    // "we adopted a statement" right after a meeting is reported: that meeting's parties (a meeting
    // the narrator's side took part in: not "Y met Z" reported just before "we agreed", X said)
    const reported = other.length ? null : nearMeeting(cx.meetings, cx.sents, si);
    const near = reported && keysOf(reported.parties).includes(nk) ? reported : null;
    parties = partiesFrom([], [parties[0], ...(other.length ? other : (near?.parties ?? []))]);
    if (near) f.atMeeting = near;
  }
  return parties;
}

/**
 * The date mentions inside what was agreed: the date of an agreement is when it was agreed, and a
 * date inside what was agreed ("agreed that we will meet next week", "signed a plan of consultations
 * for 2020-2021") is not it.
 */
function contentDates(text: string, sc: SentenceContext, h: Hit, special: Set<DateMention>): Set<DateMention> {
  const kind = h.p.kind;
  const out = new Set(special);
  for (const x of sc.dates) {
    if (x.start < h.end || (kind !== 'active' && kind !== 'that')) continue;
    const gap = text.slice(h.end, x.start);
    if (!/^(?:[\s,]*(?:on|in|at|the|earlier|yesterday|today|this|last|\p{Lu}[\p{L}.’'-]*))*[\s,]*$/u.test(gap))
      out.add(x);
  }
  return out;
}

/** An undated agreement's date from its context: the meeting of "the sides", else the document's day. */
function defaultDate(
  cx: DocContext,
  sc: SentenceContext,
  h: Hit,
  f: PartyFinding,
  narratorParty: boolean,
): string | null {
  const { text } = cx;
  const s = sc.s;
  const subjText = text.slice(clauseStart(text, s, h.start), h.start);
  if (f.sides.length && (COLLECTIVE.test(subjText) || (cx.joint && WE_SUBJECT.test(subjText)))) {
    // "the sides agreed" (in a joint statement, "we agreed") at the meeting just reported (held:
    // not the one they agree to hold): its date
    const sideKeys = keysOf(f.sides).join();
    const recent = cx.meetings
      .filter((m) => m.status === 'held' && m.evidence.start <= h.start && keysOf(m.parties).join() === sideKeys)
      .pop();
    if (recent?.date) return recent.date;
  }
  // "the understandings that were reached at…" refers back to an earlier agreement: no default date
  const backReference = h.p.kind === 'passive' && /\b(?:that|which)\b/i.test(h.text);
  const firstPerson = /\b(?:I|[Ww]e)\b/.test(subjText);
  if (
    !backReference &&
    (f.status === 'reached' || f.status === 'signed') &&
    (narratorParty || cx.readout || firstPerson) &&
    cx.today &&
    !PAST_MARK.test(text.slice(clauseStart(text, s, h.start), Math.min(s.end, h.end + 40)))
  )
    return cx.today;
  return null;
}

/** "once the protocol has been signed", "if an agreement is reached": a condition, not a fact. */
function isConditional(text: string, s: Sentence, h: Hit): boolean {
  const cs0 = clauseStart(text, s, h.start);
  return /\b(?:once|if|unless|until|when|whenever|provided(?:\s+that)?)\s*$/i.test(
    text.slice(Math.max(s.start, cs0 - 12), cs0),
  );
}

/** The agreement a trigger reports, or null when it reports none. */
function agreementAt(cx: DocContext, sc: SentenceContext, h: Hit, sd: SpecialDates): Cand | null {
  const { text } = cx;
  const s = sc.s;
  const p = h.p;
  const before = text.slice(Math.max(s.start, h.start - 40), h.start);
  const after = text.slice(h.end, s.end);
  if (!triggerHolds(h, before, after)) return null;
  const narrator = cx.quoteSpeaker(h.start) ?? narratorOf(cx.doc, s);
  const f = findParties(cx, sc, h, before, after, narrator);
  if (!f) return null;
  const nk = partyKey(narrator);
  const parties = agreementParties(cx, sc.si, p.kind, f, narrator, nk);
  const d = pickDate(sc.dates, s, h.start, contentDates(text, sc, h, sd.special), text, h.end);
  let date = d ? refineVague(text, d) : null;
  if (!date && f.atMeeting?.date && f.atMeeting.status === 'held') date = f.atMeeting.date;
  const narratorParty = !!nk && keysOf(parties).includes(nk);
  // referenced documents (passive adopted/approved, participles) stand only with a date of their own
  // (an effective date or deadline counts: "the ceasefire agreed by A and B will take effect on…")
  const agentless = p.kind === 'passive' && !f.mentions.length && !f.sides.length; // may follow an agreement
  if (
    (f.status === 'referenced' || f.participle) &&
    !date &&
    !((sd.effective || sd.deadline) && f.mentions.length) &&
    !(p.kind === 'passive' && /agreed|reached/i.test(h.text)) &&
    !agentless
  ) {
    if (p.kind !== 'setup') return null;
  }
  if (!date) date = defaultDate(cx, sc, h, f, narratorParty);
  let status = f.status;
  if (status === 'reached' && /signed/i.test(h.text)) status = 'signed';
  if (isConditional(text, s, h) && (status === 'reached' || status === 'signed')) {
    status = 'planned';
    date = d ? date : null;
  }
  const ann: AgreementAnn = {
    status,
    date,
    effective: sd.effective,
    deadline: sd.deadline,
    parties,
    topics: cx.topicsOf(s),
    evidence: { start: s.start, end: s.end, text: text.slice(s.start, s.end) },
    rule: `agreement:${p.kind}:${h.text.toLowerCase().replace(/\s+/g, ' ')}`,
  };
  return { ann, s, kind: p.kind, explicitDate: !!d, ownParties: f.mentions.length > 0, narratorKey: nk };
}

/** A sentence that only elaborates the previous agreement ("A working group will be set up for that purpose"). */
function elaborates(made: Cand, prev: Cand): boolean {
  const mk = keysOf(made.ann.parties);
  const pk = new Set(keysOf(prev.ann.parties));
  return (
    !made.explicitDate &&
    made.ann.status !== 'signed' &&
    (made.kind === 'setup' || made.kind === 'active') &&
    (mk.length === 0 ||
      (mk.every((k) => pk.has(k)) && made.kind !== 'active') ||
      // "Russia and Turkey have undertaken commitments to monitor the truce": a commitment about
      // what was just agreed (a word of its own in common), not a new one ("…committed to raising
      // trade to $300 billion")
      (mk.every((k) => pk.has(k)) &&
        /commit|obligat|pledg/i.test(made.ann.rule) &&
        sharesContentWord(made.ann.evidence.text, prev.ann.evidence.text)))
  );
}

/** words too common in agreement sentences to tie one to another */
const GENERIC_WORDS = new Set(
  'about after agreed agreement agreements again also before being between commitment commitments committed countries during further other parties sides their there these those under which while would should could pledged undertaken obligations'.split(
    ' ',
  ),
);

/** Whether two texts share a word of five letters or more that is not generic. */
function sharesContentWord(a: string, b: string): boolean {
  const words = (t: string) =>
    new Set((t.toLowerCase().match(/\p{L}{5,}/gu) ?? []).filter((w) => !GENERIC_WORDS.has(w)));
  const bw = words(b);
  for (const w of words(a)) if (bw.has(w)) return true;
  return false;
}

/** One country alone adopting or signing something is a domestic act, not an agreement. */
function isDomesticAct(cx: DocContext, made: Cand, s: Sentence): boolean {
  const ks = keysOf(made.ann.parties);
  const only = made.ann.parties[0];
  return (
    ks.length === 1 && !!only && !only.org && ks[0] !== partyKey(narratorOf(cx.doc, s)) && ks[0] !== made.narratorKey
  );
}

/** Adds a sentence's agreement to `out`, or lets it extend the previous one it elaborates. */
function addAgreement(cx: DocContext, out: Cand[], made: Cand, s: Sentence, sd: SpecialDates): void {
  const prev = out[out.length - 1];
  const near = !!prev && s.index - prev.s.index <= 2 && s.index > prev.s.index;
  if (near && elaborates(made, prev)) {
    extend(cx, prev, s);
    attachDates(prev, sd);
    return;
  }
  if (
    !made.ann.parties.length &&
    made.kind === 'passive' &&
    near &&
    !made.explicitDate &&
    /\balso\b/i.test(made.ann.evidence.text)
  ) {
    // "A document on … was also adopted" right after an agreement: the same parties and day
    made.ann.parties = prev.ann.parties;
    made.ann.date ??= prev.ann.date;
    if (made.ann.status === 'referenced') made.ann.status = prev.ann.status;
  }
  if (!made.ann.parties.length) return;
  if (isDomesticAct(cx, made, s)) return;
  if (made.kind === 'setup' && keysOf(made.ann.parties).every((k) => k === partyKey(narratorOf(cx.doc, s)))) return;
  out.push(made);
}

/** The effective date and deadline of a sentence go to the agreement it follows, unless that has its own. */
function attachDates(c: Cand, sd: SpecialDates): void {
  if (sd.effective && !c.ann.effective) c.ann.effective = sd.effective;
  if (sd.deadline && !c.ann.deadline) c.ann.deadline = sd.deadline;
}

/** Extends an agreement's evidence over a later sentence (and takes in its topics). */
function extend(cx: DocContext, c: Cand, s: Sentence): void {
  const start = Math.min(c.ann.evidence.start, s.start);
  const end = Math.max(c.ann.evidence.end, s.end);
  c.ann.evidence = { start, end, text: cx.text.slice(start, end) };
  for (const t of cx.topicsOf(s)) if (!c.ann.topics.includes(t)) c.ann.topics.push(t);
  c.s = s;
}

export function extractAgreements(doc: Doc, kb: KB): AgreementAnn[] {
  const ps = patternSet(kb.topics?.agreementPatterns ?? []);
  const cx = docContext(doc);
  const out: Cand[] = [];
  cx.found = out;
  for (let si = 0; si < cx.sents.length; si++) {
    const sc = candidateSentence(cx, ps, si);
    if (!sc) {
      obligationDeadline(cx, ps, si, out[out.length - 1]);
      continue;
    }
    const sd = specialDates(cx, ps, sc);
    const made = sentenceAgreement(cx, ps, sc, sd);
    if (made) {
      addAgreement(cx, out, made, sc.s, sd);
    } else if (sd.effective || sd.deadline) {
      // a sentence with only an effective date or deadline: the agreement just before it
      const prev = out[out.length - 1];
      if (prev && sc.s.index - prev.s.index <= 2 && sc.s.index > prev.s.index) {
        attachDates(prev, sd);
        extend(cx, prev, sc.s);
      }
    }
  }
  return out.map((c) => c.ann);
}

export const agreementStage: Stage = {
  name: 'agreements',
  requires: ['sentences', 'actors', 'dates', 'topics'],
  produces: ['agreements'],
  run(doc, kb) {
    return { layers: { agreements: extractAgreements(doc, kb) } };
  },
};
