/**
 * Meeting stage: one MeetingAnn per real meeting, however many sentences mention it.
 *
 * Triggers (data/patterns/meetings.tsv) are meeting nouns, meeting verbs, visits, forum summits and
 * "X and I discussed". Parties come from the trigger's syntax window (subject, possessor/modifier,
 * with-/between-/of-complement, visit destination) over the actor layer; the narrator (turn speaker
 * or principal speaker) joins agentless meetings ("Meetings were held with A, B and C", "the
 * conversation with X") and first-person ones. Journalists' questions are not meetings. Mentions are
 * merged by parties + date + status; an undated mention joins a dated one with the same parties.
 */
import type {
  Actor,
  ActorMention,
  DateMention,
  Doc,
  MeetingAnn,
  Place,
  PlaceMention,
  Sentence,
  Span,
} from '../00-model/doc.js';
import { emptyActor, evidence, lowerBound } from '../00-model/doc.js';
import type { KB } from '../knowledge/index.js';
import type { MeetingPattern } from '../knowledge/topics.js';
import type { Stage } from '../pipeline.js';
import {
  actorsOf,
  bySentence,
  insideAny,
  clauseStart,
  complementAfter,
  refineVague,
  docDay,
  isQuestion,
  keysOf,
  matchAll,
  mentionsBefore,
  modifierBefore,
  narratorOf,
  quoteSpeakerAt,
  unattributedQuoteSpans,
  FIRST_PERSON_SUBJECT,
  partiesFrom,
  partyKey,
  pickDate,
  pickPlace,
  quotedSpans,
  sentencesOf,
  scanMany,
  spansWithin,
  firstVerb,
  COORDINATED_LEAD,
  isJointStatement,
} from './meet-util.js';
import { topicIndex, topicsIn } from './topics.js';
import { counterpartAt } from '../03-recognise/actors.js';
import { loadSegmentLexicon } from '../02-segment/lexicon.js';
import { words as kbWords } from '../knowledge/actors.js';

interface Candidate {
  ann: MeetingAnn;
  /** the party key of who narrates the sentence */
  narratorKey: string | null;
  /** the date is the document's (a meeting "today"), not stated */
  defaulted: boolean;
  fromTitle: boolean;
  sentence: number;
  dated: boolean;
  order: number;
  /** how the sides met, where the trigger says: by phone, in person, or '' (not said: "spoke with", "talks") */
  mode: 'phone' | 'person' | '';
}

const HELD = '(?:(?:were|was|have been|has been|are|is|will be)\\s+(?:held|taking place|conducted|to be held)\\s+)?';
/** a personal pronoun as the subject just before a verb */
const PRONOUN_SUBJECT = /(?:^|[\s,])(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey)\s+(?:\w+\s+){0,2}$/;
const WITH = new RegExp(`^\\s*${HELD}(?:with|between|among|of)\\b`, 'i');
const WITH_LED = new RegExp(`^\\s*${HELD}with\\b`, 'i');
const VISIT_DEST = /^\s*(?:(?:to|in|of|by)\s+)?/i;
const VENUE_BEFORE =
  /(?:sidelines|margins|framework|course)\s+of\s+(?:the\s+)?(?:[\p{L}\p{N}-]+\s+){0,3}$|\b(?:at|for)\s+(?:the\s+)?(?:[\p{L}\p{N}-]+\s+){0,3}$/iu;
/**
 * What makes a meeting noun or a forum name a real meeting rather than a mention of the institution
 * or of talks in general ("the need for talks", "our position on trade talks", "cooperation in the
 * East Asia Summit"): a light or event verb or "there was", a venue word, a specifier (ordinal, "last", "next",
 * "today's") in its noun phrase, or an event verb right after it.
 */
const SPECIFIC_BEFORE =
  /\b(?:there\s+(?:was|were|will\s+be|has\s+been|have\s+been|had\s+been)|held|hold|holds|holding|had|have|has|having|hosted|hosts|host|hosting|convened|convene|organi[sz]ed|attended|attend|attending|participated\s+in|participate\s+in|chaired|during|after|following|ahead\s+of|before|preceded\s+by|followed\s+by|sidelines\s+of|margins\s+of|eve\s+of|at\s+(?:the|its|this|their|our|his|her)|last|latest|recent|previous|next|upcoming|forthcoming|today['’]s|yesterday['’]s|tomorrow['’]s|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[\p{L}-]+-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|\d+(?:st|nd|rd|th)|one-on-one|face-to-face)\s+(?:(?!(?:in|on|of|for|with|to|about|from|by)\s)[\p{L}\p{N}'’.-]+\s+){0,5}$/iu;
const SPECIFIC_AFTER =
  /^[^.;:?!]{0,80}?\b(?:(?:was|were|is|are|will\s+(?:also\s+)?be|would\s+be|to\s+be|(?:has|have|had)\s+(?:also\s+|already\s+|just\s+)?been|being)\s+(?:(?:\w+ly|also|already|just)\s+)?(?:held|convened|organi[sz]ed|hosted|scheduled|postponed|cancell?ed|attended|chaired)|(?:took|take|takes|taking|will\s+take)\s+place|coming\s+up|ended|concluded|opened|began|started|lasted|brought\s+together|gathered|sidelines|margins)\b|^\s*(?:will|would|is\s+to|are\s+to)\s+(?:\w+\s+)?(?:proceed|go\s+ahead|resume|continue|start|begin|open|focus|produce|achieve|yield)\b/i;
/** "can also be discussed at the … meeting": a possibility, not a meeting */
const MODAL_BEFORE =
  /\b(?:can|could|may|might)\s+(?:\w+\s+){0,2}$|\bbe\s+able\s+to\s+(?:\w+\s+){0,3}$|\b(?:can|could|may|might)\s+(?:also\s+|then\s+|only\s+)?be\s+\w+\s+(?:[\w'’-]+\s+){0,12}$/i;
/** "such summits should be held regularly", "a meeting could take place": recommended or possible, not held or set */
const MODAL_AFTER =
  /^[^.;:?!]{0,60}?\b(?:should|could|must|may|might|can|ought\s+to|need\s+to|needs\s+to)\s+(?:\w+ly\s+|also\s+|then\s+)?(?:be\s+(?:\w+ly\s+)?(?:held|convened|organi[sz]ed|hosted)|take\s+place|happen)\b/i;
/** "… by telephone", "over the phone", in the clause after a verb of speaking */
const BY_PHONE_AFTER = /^[^.;:?!]{0,80}?\b(?:by|over\s+the|on\s+the)\s+(?:tele)?phone\b/i;

/** the participle of the clause's passive right after a trigger: "the visit … has been [postponed]" */
const PASSIVE_AFTER =
  /^(?:(?!\b(?:after|before|when|while|which|that|who|because|but|although|since|until|as|if)\b)[^.;:?!]){0,80}?\b(?:was|were|has\s+been|have\s+been|had\s+been|is|are|will\s+be|would\s+be|to\s+be)\s+(?:\w+ly\s+)?(\w+(?:\s+off)?)\b/i;
/** what a meeting noun names is the subject of the passive after it; a verb's is not */
const nounLike = (h: Hit) => h.p.kind === 'noun' || h.p.kind === 'forum' || h.p.kind === 'visit';
/** the participle of the passive whose subject is the trigger's phrase, or '' */
const passiveAfter = (text: string, s: Sentence, h: Hit) =>
  nounLike(h) ? (PASSIVE_AFTER.exec(text.slice(h.end, s.end))?.[1] ?? '') : '';
/** "cancelled his visit to", "called off the talks": a meeting that will not take place */
const CANCELLED_BEFORE =
  /\b(?:cancell?(?:ed|ing|s)?|called\s+off|calls\s+off|calling\s+off|scrap(?:ped|ping|s)?)\s+(?:the|a|an|his|her|its|their|our|my|this|that|next)\s+(?:[\p{L}-]+\s+){0,3}$/iu;
const CANCELLED = /^(?:cancell?ed|called\s+off|scrapped|abandoned|aborted)$/i;
/** "the visit has been postponed", "postponed the talks": still to come, on another day */
const POSTPONED = /^(?:postponed|put\s+off|delayed|rescheduled|deferred)$/i;
const POSTPONED_BEFORE =
  /\b(?:postpon(?:ed|es|ing|e)|put\s+off|puts\s+off|putting\s+off|delay(?:ed|s|ing)?|reschedul(?:ed|es|ing|e)|defer(?:red|s|ring)?)\s+(?:the|a|an|his|her|its|their|our|my|this|that|next)\s+(?:[\p{L}-]+\s+){0,3}$/iu;

/** "Peskov denied that Putin had met…": a meeting denied */
const DENIED_BEFORE =
  /\b(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing))\s+(?:that|reports?|claims?|allegations?|rumou?rs?)\b[^.;:?!]*$/i;
/** a meeting denied or ruled out: "did not meet", "no plans for X to speak with", "refused to meet", "no meeting" */
const NEGATED_BEFORE =
  /\b(?:no|not\s+any)\s+(?:plans?|intention|intent)\s+(?:for\s+[^,;]{1,60}?\s+)?to\s+(?:\w+\s+){0,2}$|\b(?:will|would|shall|do|does|did|has|have|had)\s*(?:not|n['’]t)\s+(?:\w+\s+)?$|\b(?:never|refused\s+to|declined\s+to)\s+(?:\w+\s+)?$|\bno\s+(?:[\w-]+\s+)?$/i;
const REPORT_VERB =
  /\b(?:released|announced|said|says|reported|told|informed|briefed|published|issued|confirmed|stated|noted|commented|asked)\b/i;
const TOPIC_NOUN_AFTER =
  /^\s+(?:settlement|crisis|conflict|issue|question|problem|situation|peace\s+process|file|dossier|track|war)\b/i;
/** a process, not a meeting */
const PROCESS_BEFORE = /\b(?:accession|membership|peace|integration)\s+$/i;
/** "six hours of", "two rounds of", "several days of" right before a meeting noun */
const DURATION_OF = /\b(?:[\p{L}\d-]+\s+)?(?:hours?|days?|rounds?|weeks?)\s+of\s+$/iu;
/** a meeting noun after "after", "following" or "during" ("agreed on a ceasefire after talks in the Kremlin"): the clause's subjects held it */
const AFTER_MEETING =
  /\b(?:after|following|during|in\s+the\s+course\s+of)\s+(?:the\s+|their\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;
/** a passive before "discussed" ("Syria and Ukraine were discussed") */
const PASSIVE_BEFORE = /\b(?:was|were|been|be|being|is|are)\s+(?:(?:\w+ly|also|then|further|briefly)\s+)?$/i;

/** The meeting patterns sorted by role, built once per pattern list (i.e. once per KB). */
interface PatternSets {
  triggers: MeetingPattern[];
  vetoes: MeetingPattern[];
  /** triggers then vetoes: what the text is scanned for */
  scan: MeetingPattern[];
  planned: MeetingPattern[];
  past: MeetingPattern[];
  /** one regex matching where any noun, verb, visit or forum trigger matches (the title test) */
  titleTrigger: RegExp | null;
}

const patternSets = new WeakMap<object, PatternSets>();

function patternsOf(kb: KB): PatternSets {
  const pats = kb.topics?.meetingPatterns ?? [];
  let ps = patternSets.get(pats);
  if (!ps) {
    const triggers = pats.filter((p) => p.kind !== 'planned' && p.kind !== 'past' && p.kind !== 'veto');
    const vetoes = pats.filter((p) => p.kind === 'veto');
    const trig = pats.filter((p) => p.kind === 'noun' || p.kind === 'verb' || p.kind === 'visit' || p.kind === 'forum');
    // the patterns' own word boundaries around the alternation: it matches where one of them does
    const WB = 'A-Za-z0-9\\u00C0-\\u024F';
    ps = {
      triggers,
      vetoes,
      scan: [...triggers, ...vetoes],
      planned: pats.filter((p) => p.kind === 'planned'),
      past: pats.filter((p) => p.kind === 'past'),
      titleTrigger: trig.length
        ? new RegExp(`(?<![${WB}])(?:${trig.map((p) => `(?:${p.source})`).join('|')})(?![${WB}])`, 'i')
        : null,
    };
    patternSets.set(pats, ps);
  }
  return ps;
}

function hasMarker(pats: MeetingPattern[], text: string): boolean {
  return pats.some((p) => {
    p.re.lastIndex = 0;
    return p.re.test(text);
  });
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "March 11, 2016" or "11 March 2016" (month names are a closed class) */
const TITLE_DATE =
  /\b(?:(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?|(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December),?)\s+((?:19|20)\d\d)\b/;

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);

function placeFromMention(p: { place: Place } | null): Place | null {
  return p ? p.place : null;
}

export function extractMeetings(doc: Doc, kb: KB): MeetingAnn[] {
  const { cands, firstTrigger } = collect(doc, kb, 0);
  const fromTitle = titleCandidates(doc, kb, -100000, firstTrigger); // the title's meetings come first
  const merged = mergeMeetings([...fromTitle, ...cands].filter((c) => valid(c.ann)));
  // "We discussed Syria…" names no counterpart: its topics belong to the narrator's meeting it reports
  // (the one the title names, else the latest held one before it)
  for (const c of cands) {
    if (valid(c.ann) || !c.ann.rule.startsWith('meeting:discuss:') || !c.ann.topics.length) continue;
    const k = keysOf(c.ann.parties)[0] ?? c.narratorKey;
    if (!k) continue;
    const host =
      merged.find((m) => m.rule.startsWith('meeting:title:') && keysOf(m.parties).includes(k)) ??
      merged
        .filter((m) => m.status === 'held' && m.evidence.start <= c.ann.evidence.start && keysOf(m.parties).includes(k))
        .pop();
    if (host) for (const t of c.ann.topics) if (!host.topics.includes(t)) host.topics.push(t);
  }
  return merged;
}

/**
 * Meetings the title names ("…remarks following talks with Chinese Foreign Minister Wang Yi, Moscow,
 * March 11, 2016") when ingest moved the title out of the text: the title is read through the same
 * recognisers, and the record's evidence is the first sentence of the text that speaks of a meeting.
 */
function titleCandidates(doc: Doc, kb: KB, orderBase: number, firstTrigger: number): Candidate[] {
  const title = doc.meta.title;
  if (!title || doc.text.includes(title)) return [];
  const trig = patternsOf(kb).titleTrigger;
  if (!trig || !trig.test(title)) return [];
  const mini = titleDoc(doc, title, titleActors(doc, title, kb), titleDates(doc, title), titlePlaces(doc, title));
  const cs = collect(mini, kb, orderBase, true).cands;
  if (!cs.length) return [];
  const sents = sentencesOf(doc);
  // the first sentence with a meeting trigger (found by the text's own scan)
  const ev = (firstTrigger >= 0 ? sents[firstTrigger] : undefined) ?? sents[0];
  for (const c of cs) {
    c.fromTitle = true;
    c.ann.rule = c.ann.rule.replace(/^meeting:/, 'meeting:title:');
    c.ann.evidence = ev ? evidence(doc, ev) : { start: 0, end: 0, text: '' };
    c.ann.topics = ev ? topicsIn(doc, ev) : [];
  }
  return cs;
}

/** True when the character at `i` is a word character (false outside the string). */
function wordCharAt(s: string, i: number): boolean {
  return i >= 0 && i < s.length && isWordChar(s.charCodeAt(i));
}

/**
 * The title's actors. The title is one sentence. Its actors are the document's own: every surface
 * (and name) the actor layer found in the text is looked up in the title, which costs far less than
 * recognising it. Of overlapping mentions the longest is kept.
 */
function titleActors(doc: Doc, title: string, kb: KB): ActorMention[] {
  const actors: ActorMention[] = [];
  const seen = new Set<string>();
  const titleWords = loadSegmentLexicon(kb.dataDir).titleWords;
  // the first letters of the title's words: a form starting otherwise cannot occur in it (cheap test)
  const initials = new Set<number>();
  for (let i = 0; i < title.length; i++)
    if (!wordCharAt(title, i - 1) && isWordChar(title.charCodeAt(i))) initials.add(title.charCodeAt(i));
  for (const m of doc.layers.actors ?? []) {
    if (m.kind === 'pronoun' || (!m.actor.country && !m.actor.org)) continue;
    const name = m.actor.name ?? '';
    const surfaceIn = initials.has(doc.text.charCodeAt(m.start));
    if (surfaceIn || (name && initials.has(name.charCodeAt(0)))) {
      for (const form of [surfaceIn ? doc.text.slice(m.start, m.end) : '', name]) {
        if (form.length < 2 || !initials.has(form.charCodeAt(0)) || seen.has(form)) continue;
        seen.add(form);
        for (let at = title.indexOf(form); at >= 0; at = title.indexOf(form, at + 1)) {
          if (wordCharAt(title, at - 1) || wordCharAt(title, at + form.length)) continue;
          actors.push({ ...m, start: at, end: at + form.length });
        }
      }
    }
    // a person's surname after an office word: "Call with … Foreign Minister Wang", "Secretary
    // Blinken's Call" (family name first where the KB says so: Wang Yi → Wang)
    if (m.kind !== 'person' || !name || seen.has(`sn:${name}`)) continue;
    seen.add(`sn:${name}`);
    for (const part of name.split(/\s+/)) {
      if (part.length < 2 || !initials.has(part.charCodeAt(0)) || !title.includes(part)) continue;
      const key = kbWords(part)[0]?.key;
      if (!key || !kb.actors.personBySurname.get(key)?.some((p) => p.name === name)) continue;
      for (let at = title.indexOf(part); at >= 0; at = title.indexOf(part, at + 1)) {
        if (wordCharAt(title, at - 1) || wordCharAt(title, at + part.length)) continue;
        const before = /(\p{L}+)\.?\s+$/u.exec(title.slice(Math.max(0, at - 40), at));
        if (before && titleWords.has(before[1]!.toLowerCase())) actors.push({ ...m, start: at, end: at + part.length });
      }
    }
  }
  // keep the longest of overlapping mentions
  actors.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: ActorMention[] = [];
  for (const a of actors) if (!kept.length || a.start >= kept[kept.length - 1].end) kept.push(a);
  return kept;
}

/** The title's date: the dateline form "…, Moscow, March 11, 2016" (no recogniser run: cheap). */
function titleDates(doc: Doc, title: string): DateMention[] {
  const dm = TITLE_DATE.exec(title);
  if (!dm) return [];
  const [, m1, d1, d2, m2, y] = dm;
  const mo = MONTHS.indexOf((m1 ?? m2).toLowerCase().slice(0, 3)) + 1;
  const day = +(d1 ?? d2);
  if (mo <= 0 || day < 1 || day > 31) return [];
  const value = `${y}-${String(mo).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const today = docDay(doc);
  return [
    {
      start: dm.index + dm[0].indexOf(dm[0].trim()),
      end: dm.index + dm[0].length,
      value,
      valueEnd: null,
      precision: 'day',
      type: 'absolute',
      future: today ? value > today : null,
      rule: 'title-date',
    },
  ];
}

/** The title's place: the document's place where the title names it. */
function titlePlaces(doc: Doc, title: string): PlaceMention[] {
  const pl = doc.meta.place;
  if (!pl?.name) return [];
  const at = title.lastIndexOf(pl.name);
  return at >= 0 ? [{ start: at, end: at + pl.name.length, place: pl, key: pl.name, rule: 'title-place' }] : [];
}

/** The title as a one-sentence document with the given layers. */
function titleDoc(doc: Doc, title: string, actors: ActorMention[], dates: DateMention[], places: PlaceMention[]): Doc {
  // (built as one literal: object spread with added keys is slow in V8)
  return {
    id: doc.id,
    text: title,
    meta: doc.meta,
    layers: {
      paragraphs: [{ start: 0, end: title.length, index: 0 }],
      sentences: [{ start: 0, end: title.length, index: 0, paragraph: 0, turn: null }],
      tokens: [],
      turns: [],
      topics: [],
      actors,
      dates,
      places,
    },
  };
}

/** Candidates, with the index of the first sentence holding a noun, verb, visit or forum trigger (-1: none). */
interface Collected {
  cands: Candidate[];
  firstTrigger: number;
}

/** A trigger's match in the text. */
interface Hit {
  start: number;
  end: number;
  text: string;
  p: MeetingPattern;
}

/** What the reading of one document shares (built once per `collect` call). */
interface DocReading {
  doc: Doc;
  text: string;
  /** the text is a title read as one sentence: every trigger found in it names a meeting */
  isTitle: boolean;
  /** the day of the document */
  today: string | null;
  planned: MeetingPattern[];
  past: MeetingPattern[];
  inQuote: (pos: number) => boolean;
  quoteSpeaker: (pos: number) => Actor | null;
  topicsOf: (span: Span) => string[];
  /** the narrator of each turn (-1: outside turns), found once */
  narrators: Map<number, Actor | null>;
  /** the actor mentions of the document, in text order (outside unattributed quotes) */
  mentions: ActorMention[];
  /** a joint statement (isJointStatement): its "we" is all who made it */
  joint: boolean;
  cands: Candidate[];
  /** the order of the next candidate */
  order: number;
}

/** The sentence being read, with its actor, date and place mentions. */
interface SentenceReading {
  s: Sentence;
  mentions: ActorMention[];
  dates: DateMention[];
  places: PlaceMention[];
}

/** What the syntax around a trigger says of the meeting it names. */
interface Reading {
  parties: Actor[];
  /** a forum trigger whose parties are the forum's organisations */
  forum: boolean;
  /** the forum is named as a venue ("on the sidelines of the G20 summit") */
  venue: boolean;
  /** the destination country of a visit */
  visitDest: string | null;
}

/** A candidate of the sentence being read, with what the venue-forum rule needs of its trigger. */
interface SentenceCandidate {
  c: Candidate;
  forum: boolean;
  venue: boolean;
  orgKeys: string[];
}

function collect(doc: Doc, kb: KB, orderStart: number, isTitle = false): Collected {
  const text = doc.text;
  const pats = kb.topics?.meetingPatterns ?? [];
  const { triggers, scan, planned, past } = patternsOf(kb);
  const inQuote = insideAny(unattributedQuoteSpans(doc));
  // "the Ukrainian settlement", "the Syrian crisis": a country adjective naming a topic is no party
  const mentionsAll = actorsOf(doc).filter(
    (m) => !inQuote(m.start) && !(m.kind === 'country' && TOPIC_NOUN_AFTER.test(text.slice(m.end, m.end + 40))),
  );
  const sents = sentencesOf(doc);
  const mentionsIn = spansWithin(mentionsAll);
  const datesIn = spansWithin(doc.layers.dates ?? []);
  const placesIn = spansWithin(doc.layers.places ?? []);
  // every trigger and veto is matched once over the whole text and the hits bucketed by sentence
  // (far cheaper than a prefilter plus a scan per sentence)
  const scanned = scanMany(pats, scan, text);
  const hitsBy = bySentence(
    scanned
      .filter((h) => h.i < triggers.length)
      .map((h): Hit => ({ start: h.start, end: h.end, text: h.text, p: triggers[h.i] })),
    sents,
  );
  const vetoIn = spansWithin(scanned.filter((h) => h.i >= triggers.length));
  const r: DocReading = {
    doc,
    text,
    isTitle,
    today: docDay(doc),
    planned,
    past,
    inQuote,
    quoteSpeaker: quoteSpeakerAt(doc),
    topicsOf: topicIndex(doc),
    narrators: new Map(),
    mentions: mentionsAll,
    joint: isJointStatement(doc),
    cands: [],
    order: orderStart,
  };
  for (let si = 0; si < sents.length; si++) {
    const s = sents[si];
    if (!hitsBy[si].length) continue;
    if (isQuestion(doc, s)) continue;
    const sr: SentenceReading = { s, mentions: mentionsIn(s), dates: datesIn(s), places: placesIn(s) };
    readSentence(r, sr, hitsBy[si], vetoIn(s));
  }
  return { cands: r.cands, firstTrigger: firstTriggerSentence(hitsBy) };
}

/** The index of the first sentence holding a noun, verb, visit or forum trigger (-1: none). */
function firstTriggerSentence(hitsBy: Hit[][]): number {
  return hitsBy.findIndex((hs) =>
    hs.some((h) => h.p.kind === 'noun' || h.p.kind === 'verb' || h.p.kind === 'visit' || h.p.kind === 'forum'),
  );
}

/** The meetings the trigger hits of one sentence name (pushed to `r.cands`). */
function readSentence(r: DocReading, sr: SentenceReading, sentenceHits: Hit[], vetoed: Span[]): void {
  const { text } = r;
  const { s } = sr;
  // collect trigger hits, longest first at a position
  const hits = sentenceHits.filter(
    (h) => !r.inQuote(h.start) && !vetoed.some((v) => h.start >= v.start && h.start < v.end),
  );
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const used: Span[] = [];
  const sentCands: SentenceCandidate[] = [];
  for (const hit of hits) {
    if (used.some((u) => hit.start < u.end && hit.end > u.start)) continue;
    const h = asGerund(text, sr, hit);
    // a trigger word inside a name that goes on ("East Asia Summit Foreign Ministers") is not a trigger
    if (sr.mentions.some((m) => m.start <= h.start && m.end > h.end)) continue;
    used.push(h);
    // "whether a meeting will take place" asks; it does not report
    if (/\b(?:whether|if)\b[^,;]{0,60}$/i.test(text.slice(Math.max(s.start, h.start - 70), h.start))) continue;
    // cheap tests first: a trigger that names no real meeting needs no parties
    const d = dateOf(text, sr, h);
    // "X should be held regularly" recommends meetings (headlines too); with a date it plans one
    if (!d && MODAL_AFTER.test(text.slice(h.end, s.end))) continue;
    if (!r.isTitle && !realMeeting(text, s, h, d)) continue;
    const sc = readTrigger(r, sr, h);
    if (sc) sentCands.push(sc);
  }
  dropVenueForums(sentCands);
}

/** a determiner or possessive before "meeting": a noun ("the meeting X held"), not a gerund */
const NOUN_LEAD =
  /\b(?:the|a|an|this|that|these|those|its|their|our|his|her|my|your|next|first|last|every|each|any|no)\s+(?:[\w-]+\s+){0,2}$/i;
const asVerb = new WeakMap<MeetingPattern, MeetingPattern>();

/**
 * "looks forward to meeting the Minister", "after meeting President X": the gerund "meeting" with a
 * direct object is the verb "meet" (its subject and object are the parties), not the noun.
 */
function asGerund(text: string, sr: SentenceReading, h: Hit): Hit {
  if (h.p.kind !== 'noun' || !/^meeting$/i.test(h.text)) return h;
  if (NOUN_LEAD.test(text.slice(Math.max(sr.s.start, h.start - 40), h.start))) return h;
  if (!directObject(text, sr, h).length) return h;
  let p = asVerb.get(h.p);
  if (!p) asVerb.set(h.p, (p = { ...h.p, kind: 'verb' }));
  return { start: h.start, end: h.end, text: h.text, p };
}

/** The meeting one trigger names, read by the trigger's kind (null: none, or it was pushed already). */
function readTrigger(r: DocReading, sr: SentenceReading, h: Hit): SentenceCandidate | null {
  // inside an attributed quote the quoted speaker narrates ("We held talks with…," Lavrov said)
  const narrator = r.quoteSpeaker(h.start) ?? narratorAt(r, sr.s);
  const kind = h.p.kind;
  if (kind === 'discuss' && PASSIVE_BEFORE.test(r.text.slice(Math.max(sr.s.start, h.start - 120), h.start))) {
    // "Syria and Ukraine were discussed": no parties, but topics of the narrator's meeting
    pushCand(r, sr, h, [], null, null).narratorKey = partyKey(narrator);
    return null;
  }
  let reading: Reading | null;
  if (kind === 'forum') reading = forumReading(r.text, sr, h);
  else if (kind === 'noun') reading = nounReading(r, sr, h, narrator);
  else if (kind === 'verb' || kind === 'discuss') reading = verbReading(r, sr, h, narrator);
  else if (kind === 'receive') reading = receiveReading(r.text, sr, h, narrator);
  else if (kind === 'visit') reading = visitReading(r, sr, h, narrator);
  else reading = plainReading([]);
  if (!reading) return null;
  const c = pushCand(r, sr, h, reading.parties, h.p.format, reading.visitDest);
  c.narratorKey = partyKey(narrator);
  return { c, forum: reading.forum, venue: reading.venue, orgKeys: reading.forum ? keysOf(reading.parties) : [] };
}

function plainReading(parties: Actor[]): Reading {
  return { parties, forum: false, venue: false, visitDest: null };
}

function narratorAt(r: DocReading, s: Sentence): Actor | null {
  const k = s.turn ?? -1;
  if (!r.narrators.has(k)) r.narrators.set(k, narratorOf(r.doc, s));
  return r.narrators.get(k)!;
}

/** A forum summit: the forum named right before it, or by a name that ends in the trigger ("the G20 Summit"). */
function forumReading(text: string, sr: SentenceReading, h: Hit): Reading {
  const { s, mentions } = sr;
  const inName = mentions.filter((m) => m.start < h.start && m.end > h.start && m.end <= h.end);
  const mod = inName.length ? inName : modifierBefore(text, h.start, mentions, s.start);
  // "a summit between the United States and ASEAN": a summit of its sides
  const between = complementAfter(text, s, h.end, mentions, /^\s*between\b/i);
  if (between.length > 1) return plainReading(partiesFrom(between));
  const after = complementAfter(text, s, h.end, mentions, /^\s*of\b/i);
  const orgs = [...mod, ...after].filter((m) => m.actor?.org);
  const vEnd = mod[0]?.start ?? h.start;
  // "X attended the G20 summit (together with the leaders of A and B)": those who attend are parties
  const attend = ATTEND_BEFORE.exec(text.slice(Math.max(s.start, vEnd - 120), vEnd));
  const attendees = attend
    ? [
        ...notGoverned(text, mentionsBefore(text, s, vEnd - attend[0].length, mentions)),
        ...complementAfter(text, s, Math.max(h.end, after.at(-1)?.end ?? 0), mentions, TOGETHER_WITH),
      ]
    : [];
  if (!orgs.length) return plainReading(partiesFrom([...attendees, ...mod, ...after]));
  const venue = !attend && VENUE_BEFORE.test(text.slice(Math.max(s.start, vEnd - 100), vEnd));
  return { parties: partiesFrom([...attendees, ...orgs]), forum: true, venue, visitDest: null };
}

/** attending a forum: "attended the", "will take part in the 10th", "participated in this year's" */
const ATTEND_BEFORE =
  /\b(?:attend(?:s|ed|ing)?|(?:take|takes|took|taking)\s+part\s+in|participat(?:e|es|ed|ing)\s+in)\s+(?:(?:the|a|an|this|that|this\s+year['’]s|last\s+year['’]s)\s+)?(?:[\p{L}\p{N}'’.-]+\s+){0,4}$/iu;
/** the others at a forum: "together with the leaders of A, B and C", "along with X" (in the same clause) */
const TOGETHER_WITH =
  /^[^;:!?()–—]{0,60}?\b(?:together|along)\s+with\s+(?:(?:the|their)\s+)?(?:(?:leaders|heads\s+of\s+(?:state|government)(?:\s+and\s+government)?|presidents|prime\s+ministers|foreign\s+ministers|ministers|counterparts|representatives|delegations)\s+(?:of|from)\s+(?:the\s+)?)?/i;

/** A meeting noun: its possessor or modifier (or the subject of had/held) and its with-complement. */
function nounReading(r: DocReading, sr: SentenceReading, h: Hit, narrator: Actor | null): Reading | null {
  const { text } = r;
  const { s, mentions } = sr;
  const before = text.slice(Math.max(s.start, h.start - 120), h.start);
  const cs = mentionsBefore(text, s, h.start, mentions);
  const mod = modifierBefore(text, h.start, cs, s.start);
  const lead = before.replace(DURATION_OF, '');
  // "Putin and Erdogan agreed on a ceasefire after six hours of talks": the talks of the subjects of
  // the clause "after" ends
  const am = AFTER_MEETING.exec(lead);
  const held = am ? notGoverned(text, mentionsBefore(text, s, h.start - before.length + am.index, mentions)) : [];
  const after = held.length > 1 && new Set(held.map((m) => partyKey(m.actor))).size > 1;
  const lightVerb =
    /\b(?:had|held|have|has|hold|holds|having)\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+){0,3}$/iu.test(lead) || after;
  // "Secretary Blinken and Foreign Minister Marsudi Before Their Meeting": "their" is the sides named before
  const their = !lightVerb && /\btheir\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(before);
  const subj = after
    ? held
    : lightVerb
      ? notGoverned(text, cs)
      : their
        ? notGoverned(
            text,
            mentions.filter((m) => m.end <= h.start),
          )
        : mod;
  // "The three ministers agreed … to hold a meeting": the sides of the meeting reported before
  const sides = lightVerb && !subj.length ? sidesBefore(r, text, s, h) : [];
  const firstPerson =
    lightVerb && !subj.length && narrator && /\b(?:we|I)\b/.test(text.slice(clauseStart(text, s, h.start), h.start));
  const comp = complementAfter(text, s, h.end, mentions, WITH);
  const withLed = WITH_LED.test(text.slice(h.end, h.end + 40));
  const compKeys = new Set<string>();
  for (const m of comp) {
    const k = partyKey(m.actor);
    if (k) compKeys.add(k);
  }
  const plural = /s$/i.test(h.text.trim()) && !/talks$|negotiations$|consultations$/i.test(h.text.trim());
  const first: Actor[] = [];
  if ((withLed || firstPerson) && narrator && !subj.length) first.push(narrator);
  // "Meetings were held with A, B and C", "Lavrov held separate meetings with A and B": one
  // bilateral meeting per counterpart, with the narrator or the named subject
  const own = subj.length ? partiesFrom(subj) : narrator ? [narrator] : [];
  if (plural && withLed && compKeys.size > 1 && own.length) {
    for (const k of compKeys) {
      const ms = comp.filter((m) => partyKey(m.actor) === k);
      pushCand(r, sr, h, [...own, ...partiesFrom(ms)].filter(uniqueBy()), 'bilateral', null);
    }
    return null;
  }
  if (sides.length && !first.length) first.push(...sides);
  // "The next round of consultations will be held in Moscow": the next in the series of the
  // meeting reported before, between its sides
  const next = !subj.length && !comp.length && !first.length && NEXT_ROUND.test(before);
  if (next) first.push(...latestSides(r, s));
  const parties = partiesFrom([...subj, ...comp], first);
  if (first.length && !sides.length && !next && !anchored(text, sr, h.end)) return null;
  // "events and meetings", "regular meetings between…" without a date: meetings in general
  if (/meetings$|conversations$/i.test(h.text.trim()) && !sr.dates.length) return null;
  return plainReading(parties);
}

/** a clause whose subject is the sides of a meeting already reported ("the two ministers", "both sides") */
const SIDES_SUBJECT =
  /^\s*(?:the\s+(?:two|three|four|five)\s+(?:sides|parties|leaders|ministers|presidents|delegations|countries|governments|foreign\s+ministers)|both\s+(?:sides|leaders|ministers|countries)|the\s+sides|the\s+parties(?!\s+to\b))\b/i;
/** "the next round of", "a new round of", "the next": a meeting of a series already reported */
const NEXT_ROUND = /\b(?:the|a)\s+(?:next|new|further|another)\s+(?:round\s+of\s+)?$/i;

/** The parties of the latest meeting read before `h` when the clause's subject refers to its sides. */
function sidesBefore(r: DocReading, text: string, s: Sentence, h: Hit): Actor[] {
  if (!SIDES_SUBJECT.test(text.slice(clauseStart(text, s, h.start), h.start))) return [];
  return latestSides(r, s);
}

/** The parties of the latest meeting of two or more sides read before sentence `s`. */
function latestSides(r: DocReading, s: Sentence): Actor[] {
  for (let k = r.cands.length - 1; k >= 0; k--) {
    const c = r.cands[k].ann;
    if (c.evidence.start < s.start && new Set(keysOf(c.parties)).size >= 2) return c.parties;
  }
  return [];
}

/** how often, right after a meeting verb: "meet annually", "talk by phone regularly" */
const HABITUAL_AFTER =
  /^\s*(?:[\p{L}-]+\s+){0,3}?(?:regularly|annually|periodically|frequently|often|more\s+often|every\s+(?:year|month|week|(?:two|three|few|six)\s+(?:years|months|weeks))|each\s+year|twice\s+a\s+year|once\s+a\s+year|on\s+a\s+regular\s+basis|from\s+time\s+to\s+time)\b/iu;

/** a clause whose subject is "we": "We will meet", "and we also met" */
const WE_LEAD = /^\s*(?:(?:and|but|so|also|today|now|together)\s*,?\s+)*we\b/i;

/**
 * The mentions that can be a subject: not one governed by a preposition ("agreed to coordinate at
 * the Security Council and to hold a meeting"), nor one coordinated with such a mention.
 */
function notGoverned(text: string, ms: ActorMention[]): ActorMention[] {
  const out: ActorMention[] = [];
  let governed = false;
  for (let i = 0; i < ms.length; i++) {
    const lead = text.slice(Math.max(0, ms[i].start - 24), ms[i].start);
    const joined = i > 0 && /^\s*(?:,|and|or)\s*(?:the\s+)?$/i.test(text.slice(ms[i - 1].end, ms[i].start));
    governed = (joined && governed) || GOVERNED.test(lead);
    if (!governed) out.push(ms[i]);
  }
  return out;
}
const GOVERNED =
  /\b(?:at|in|on|of|to|from|by|for|into|about|within|under|over|through|among|during|after|before|against|towards?)\s+(?:the\s+)?$/i;

/** A meeting verb ("met", "discussed"): its subject (named, a pronoun or the narrator) and its with-complement. */
function verbReading(r: DocReading, sr: SentenceReading, h: Hit, narrator: Actor | null): Reading {
  const { text } = r;
  const { s, mentions } = sr;
  const kind = h.p.kind;
  // "we will continue to meet annually": a habit, not a meeting (unless the sentence dates one)
  if (kind === 'verb' && !sr.dates.length && HABITUAL_AFTER.test(text.slice(h.end, s.end))) return plainReading([]);
  let subj = namedSubject(r, sr, h);
  const fp =
    !subj.length && !!narrator && FIRST_PERSON_SUBJECT.test(text.slice(clauseStart(text, s, h.start), h.start));
  if (!subj.length && kind === 'verb' && !fp) subj = pronounSubject(r, sr, h);
  let comp = complementAfter(text, s, h.end, mentions, /^\s*(?:with|between)\b/i);
  // "Blinken met Foreign Minister X", "Lavrov phoned Y": a meeting verb's direct object is the other party
  if (!comp.length && kind === 'verb') comp = directObject(text, sr, h);
  const first: Actor[] = [];
  if (!subj.length && (comp.length || fp) && narrator) first.push(narrator);
  // "We, the ministers of A, B and C, met in X… We will meet again next year": in a joint
  // statement "we" is the sides of the meeting it reported
  if (
    !subj.length &&
    !comp.length &&
    !narrator &&
    r.joint &&
    WE_LEAD.test(text.slice(clauseStart(text, s, h.start), h.start))
  )
    first.push(...latestSides(r, s));
  if (
    fp &&
    kind === 'verb' &&
    !comp.length &&
    /\b[Ww]e\b(?:\s+\w+){0,3}\s*$/.test(text.slice(clauseStart(text, s, h.start), h.start))
  ) {
    first.push(...whoWeAre(r, sr, h));
  }
  return plainReading(partiesFrom([...subj, ...comp], first));
}

/** "… and discussed", "… but also met": a predicate coordinated with the one before it */
/** a clause that opens with its verb: "(but) also met" */
const ELIDED_LEAD = /^\s*(?:(?:also|then|later|subsequently)\s+)?$/i;

/** a venue phrase right before a name: "on the sidelines of the", "at the", "during the" */
const FRONTED_VENUE =
  /\b(?:(?:on|at|in)\s+the\s+(?:sidelines|margins)\s+of|during|at)\s+(?:the\s+)?(?:[\p{L}\p{N}-]+\s+){0,3}$/iu;

/** The mentions naming a verb's subject (none when the subject is a pronoun or first person). */
function namedSubject(r: DocReading, sr: SentenceReading, h: Hit): ActorMention[] {
  const { text } = r;
  let subj = mentionsBefore(text, sr.s, h.start, sr.mentions);
  // "…have met with officials in East Timor but also met with…": a clause that opens with its
  // verb has the subject of the clause before it, the words before that clause's first verb
  const cs = clauseStart(text, sr.s, h.start);
  if (!subj.length && (h.p.kind === 'verb' || h.p.kind === 'discuss') && ELIDED_LEAD.test(text.slice(cs, h.start))) {
    const join = /\b(?:and|but)\s*$/i.exec(text.slice(sr.s.start, cs));
    if (join) {
      const end = sr.s.start + join.index;
      const pcs = clauseStart(text, sr.s, end);
      const v = firstVerb(r.doc, pcs, end);
      subj = sr.mentions.filter((m) => m.start >= pcs && m.end <= (v >= 0 ? v : end));
    }
  }
  // "A and B condemned X's launches and discussed…": a verb coordinated with an earlier one has
  // that one's subject; the actors in the earlier verb's object are not its subject
  if (subj.length && (h.p.kind === 'verb' || h.p.kind === 'discuss')) {
    if (COORDINATED_LEAD.test(text.slice(cs, h.start))) {
      const v = firstVerb(r.doc, cs, h.start);
      if (v >= 0) subj = subj.filter((m) => m.end <= v);
    }
  }
  // "On the sidelines of the UN General Assembly, X met with Y": the forum of a fronted venue
  // phrase is where they met, not who met (when someone else is named as subject)
  if (subj.length > 1) {
    const kept = subj.filter((m) => !FRONTED_VENUE.test(text.slice(Math.max(sr.s.start, m.start - 60), m.start)));
    if (kept.length && kept.length < subj.length) subj = kept;
  }
  // a pronoun subject after the last name is the subject ("…on the sidelines of X, and I talked about it")
  if (subj.length && PRONOUN_SUBJECT.test(text.slice(subj[subj.length - 1].end, h.start))) subj = [];
  if (
    subj.length > 1 &&
    subj[subj.length - 1].kind === 'pronoun' &&
    !/^\s*(?:,|and)\s*$/i.test(text.slice(subj[subj.length - 2].end, subj[subj.length - 1].start))
  )
    subj = subj.slice(-1);
  // a first-person pronoun the actor layer resolved is read as first person below
  if (subj.length && subj.every((m) => m.kind === 'pronoun' && /^(?:we|I)$/i.test(text.slice(m.start, m.end))))
    subj = [];
  return subj;
}

/** A pronoun subject: "he" is the latest person, "they" the people named before. */
function pronounSubject(r: DocReading, sr: SentenceReading, h: Hit): ActorMention[] {
  const { text } = r;
  const cl = text.slice(clauseStart(text, sr.s, h.start), h.start);
  const prior = sr.mentions.filter((m) => m.end <= h.start);
  const people = prior.filter((m) => m.kind === 'person' || m.kind === 'role');
  if (/\b(?:he|she)\b/i.test(cl)) return people.length ? people.slice(-1) : personBefore(r, sr.s);
  if (/\bthey\b/i.test(cl)) return people.length >= 2 ? people : prior;
  return prior;
}

/**
 * "The Secretary will travel to Ottawa. There he will meet…": the antecedent of a pronoun that
 * has none in its sentence is the last person named earlier in the paragraph.
 */
function personBefore(r: DocReading, s: Sentence): ActorMention[] {
  // the paragraph starts with its first sentence
  const sents = sentencesOf(r.doc);
  let first = s.index;
  while (first > 0 && sents[first - 1]?.paragraph === s.paragraph) first--;
  const from = sents[first]?.start ?? s.start;
  for (let k = r.mentions.length - 1; k >= 0; k--) {
    const m = r.mentions[k];
    if (m.start >= s.start) continue;
    if (m.start < from) break;
    if (m.kind === 'person' || (m.kind === 'role' && m.actor?.name)) return [m];
  }
  return [];
}

/** "we will meet again" after bilateral talks: both sides. */
function whoWeAre(r: DocReading, sr: SentenceReading, h: Hit): Actor[] {
  const { text } = r;
  const { s, mentions } = sr;
  const other = counterpartAt(r.doc, h.start);
  // "X and I agreed that we will meet": we is X and the narrator
  const pair = /(?:^|\s)and\s+I\s+(?:[\w'’]+\s*){0,4}$/.exec(text.slice(s.start, clauseStart(text, s, h.start)));
  const partner = pair
    ? mentions.filter((m) => m.end <= s.start + pair.index && /^\s*$/.test(text.slice(m.end, s.start + pair.index)))
    : [];
  if (partner.length) return partiesFrom(partner);
  return other ? [other] : [];
}

/** "Putin received Foreign Minister X": a guest actor right after the verb (not "received a letter"). */
/**
 * The people or bodies named right after a verb, as its direct object: only "the" and capitalised
 * words (titles) between them ("received Foreign Minister X"; not "received a letter from X").
 */
function directObject(text: string, sr: SentenceReading, h: Hit): ActorMention[] {
  const obj = complementAfter(text, sr.s, h.end, sr.mentions, /^\s*(?:the\s+|a\s+)?/i);
  if (!obj.length) return obj;
  const gap = text.slice(h.end, obj[0].start);
  if (!/^\s*(?:the\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+){0,4}$/u.test(gap) || !/^(?:person|role|group|org)$/.test(obj[0].kind))
    return [];
  return obj;
}

function receiveReading(text: string, sr: SentenceReading, h: Hit, narrator: Actor | null): Reading | null {
  const { s, mentions } = sr;
  const obj = directObject(text, sr, h);
  if (!obj.length) return null;
  // "receive Syrian refugees", "received Russian gas": people in need or goods, not guests
  if (
    /^[\p{L}\s'’-]*?\b(?:refugees|migrants|asylum|displaced|evacuees|returnees|children|students|patients|aid|assistance|support|funding|loans?|gas|oil|weapons|arms|vaccines?)\b/iu.test(
      text.slice(obj[0].start, obj[0].end + 15),
    )
  )
    return null;
  const subj = mentionsBefore(text, s, h.start, mentions);
  const fp = !subj.length && narrator && FIRST_PERSON_SUBJECT.test(text.slice(clauseStart(text, s, h.start), h.start));
  return plainReading(partiesFrom([...subj, ...obj], fp && narrator ? [narrator] : []));
}

/** what may open a participial clause before its participle: the sentence start, a comma, "when", "while"… */
const PARTICIPLE_LEAD = /(?:^|[,;]|\b(?:when|while|after|before|since|during))\s*$/i;
/** between a comma and the name after it: only capitalised title words ("Premier", "Foreign Minister") */
const CAPS_GAP = /^\s*(?:\p{Lu}[\p{L}-]*\s+){0,4}$/u;

/** A visit: the visitor (before it, or the narrator) and its destination. */
function visitReading(r: DocReading, sr: SentenceReading, h: Hit, narrator: Actor | null): Reading | null {
  const { text } = r;
  const { s, mentions } = sr;
  const cs = mentionsBefore(text, s, h.start, mentions);
  const mod = modifierBefore(text, h.start, cs, s.start);
  // "my visit to X": the narrator is the visitor
  const mine = /\b(?:my|our)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(text.slice(Math.max(s.start, h.start - 30), h.start));
  if (mine && !narrator) return null;
  let subj = mine || otherSubject(text, sr, h) ? [] : mod.length ? mod : cs;
  const dest = visitDestinations(text, sr, h);
  // "Secretary Rubio noted that he looks forward to visiting Riyadh": "he" is the person named last
  if (!subj.length && !mine && /\b(?:he|she)\b/i.test(text.slice(clauseStart(text, s, h.start), h.start))) {
    const people = mentions.filter((m) => m.end <= h.start && (m.kind === 'person' || m.kind === 'role'));
    subj = people.length ? people.slice(-1) : personBefore(r, s);
  }
  // "When visiting the ASEAN Secretariat, Premier Li Keqiang said…": the participle's subject is
  // the main clause's, named right after the comma
  if (
    !subj.length &&
    !mine &&
    /^visiting$/i.test(h.text.trim()) &&
    PARTICIPLE_LEAD.test(text.slice(s.start, h.start))
  ) {
    const comma = text.indexOf(',', dest.length ? dest[dest.length - 1]!.end : h.end);
    if (comma >= 0 && comma < s.end) {
      const m = mentions.find((x) => x.start > comma && CAPS_GAP.test(text.slice(comma + 1, x.start)));
      if (m && m.kind !== 'pronoun') subj = [m];
    }
  }
  const toUs = /^\s*(?:us|me)\b/i.test(text.slice(h.end, h.end + 5));
  const extra: Actor[] = (toUs || mine) && narrator ? [narrator] : [];
  if (!dest.some((m) => m.start > h.end)) {
    // a destination the actor layer does not mark ("visit to Moscow"): the place's country
    const after = dest.length ? dest[dest.length - 1].end : h.end;
    const pl = sr.places.find(
      (p) =>
        p.start >= after &&
        /^\s*(?:(?:of\s+[^,;]{1,40}?\s+)?(?:to|in)\s+)?(?:the\s+)?(?:\p{Lu}\p{L}*\s+(?:of\s+(?:the\s+)?)?){0,3}$/u.test(
          text.slice(after, p.start),
        ),
    );
    if (pl?.place.country)
      extra.push(emptyActor({ country: pl.place.country, sector: 'GOV', code: `${pl.place.country}GOV` }));
  }
  const parties = partiesFrom([...subj, ...dest.slice(0, 2)], extra);
  const visitDest = destinationCountry(text, h, dest, extra, narrator);
  // "exchanging high-level visits": visits in general
  if (/visits$/i.test(h.text.trim()) && !sr.dates.length) return null;
  return { parties, forum: false, venue: false, visitDest };
}

/**
 * "…agreed to deliver vehicles, and the first of them arrived in X": a verb whose own clause,
 * after ", and" / ", but" / ";", names no actor before it has a subject that is no actor.
 */
function otherSubject(text: string, sr: SentenceReading, h: Hit): boolean {
  if (!/^(?:visited|arrive|arrives|arrived|arriving)\b/i.test(h.text)) return false;
  const lead = text.slice(sr.s.start, h.start);
  let at = -1;
  for (const m of lead.matchAll(/,\s*(?:and|but)\s+|;\s*/g)) at = m.index + m[0].length;
  if (at < 0) return false;
  const from = sr.s.start + at;
  if (sr.mentions.some((m) => m.start >= from && m.end <= h.start)) return false;
  // a pronoun or a bare auxiliary is a subject of its own kind ("…, and he arrived", "…, and then arrived")
  return /\b(?:the|a|an|this|that|these|those|its|their|some|all|most|many)\s+\p{L}/iu.test(text.slice(from, h.start));
}

/** The mentions after a visit trigger: its destination, or "the visit of X to Y": X the visitor, Y the destination. */
function visitDestinations(text: string, sr: SentenceReading, h: Hit): ActorMention[] {
  const { s, mentions } = sr;
  const dest = complementAfter(text, s, h.end, mentions, VISIT_DEST);
  const lastEnd = dest.length ? dest[dest.length - 1].end : -1;
  if (lastEnd > 0 && /^\s+(?:of|by)\b/i.test(text.slice(h.end, h.end + 5)))
    return [...dest, ...complementAfter(text, s, lastEnd, mentions, /^\s*(?:to|in)\s+/i)];
  return dest;
}

/** The country a visit goes to: "visit to the Republic of X", "visited X" (the destination follows the trigger directly), else a place's. */
function destinationCountry(
  text: string,
  h: Hit,
  dest: ActorMention[],
  extra: Actor[],
  narrator: Actor | null,
): string | null {
  for (const m of dest) {
    const a = m.actor;
    if (
      m.start > h.end &&
      a?.country &&
      !a.org &&
      /^\s*(?:(?:to|in)\s+)?(?:the\s+)?(?:\p{Lu}\p{L}*\s+(?:of\s+(?:the\s+)?)?){0,3}$/u.test(text.slice(h.end, m.start))
    )
      return a.country;
  }
  for (const a of extra) if (a !== narrator && a.country && !a.org) return a.country;
  return null;
}

/** A forum named as the venue of another meeting in the sentence is not a meeting of its own here. */
function dropVenueForums(sentCands: SentenceCandidate[]): void {
  const others = sentCands.filter((x) => !x.forum);
  if (!others.length) return;
  for (const x of sentCands) {
    if (x.forum && x.venue) x.c.ann.parties = [];
  }
  const venueOrgs = new Set(sentCands.filter((x) => x.forum && x.venue).flatMap((x) => x.orgKeys));
  for (const x of others) {
    const rest = x.c.ann.parties.filter((p) => !venueOrgs.has(partyKey(p) ?? ''));
    if (rest.length >= 2) x.c.ann.parties = rest;
  }
}

/**
 * A meeting of the narrator's that the text does not place ("at talks with the government") is
 * generic; a real one has a date, a place, or is said to be held/had.
 */
function anchored(text: string, sr: SentenceReading, pos: number): boolean {
  const { s } = sr;
  if (sr.dates.some((d) => d.start >= s.start && d.end <= s.end)) return true;
  if (
    sr.places.some(
      (p) =>
        p.start >= pos &&
        p.end <= s.end &&
        /\b(?:in|at)\s+(?:the\s+)?$/i.test(text.slice(Math.max(s.start, p.start - 8), p.start)),
    )
  )
    return true;
  return /\b(?:held|had|have had|took place|taking place|hold|holds)\b/i.test(text.slice(s.start, s.end));
}

/** A filter keeping the first actor of each party key. */
function uniqueBy() {
  const seen = new Set<string>();
  return (a: Actor) => {
    const k = partyKey(a) ?? '';
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  };
}

/** The date of the meeting a trigger names ("Last week I released information on X's visit": a date before a verb of saying is that verb's). */
function dateOf(text: string, sr: SentenceReading, h: Hit): DateMention | null {
  const { dates } = sr;
  if (!dates.length) return null;
  const said = new Set(dates.filter((x) => x.end <= h.start && REPORT_VERB.test(text.slice(x.end, h.start))));
  return pickDate(
    dates,
    sr.s,
    h.start,
    said,
    text,
    h.end,
    h.p.kind === 'noun' || h.p.kind === 'forum' || h.p.kind === 'visit',
  );
}

/** A possibility ("could be discussed at…"), a process ("accession negotiations") or talks in general are no meeting. */
function realMeeting(text: string, s: Sentence, h: Hit, d: DateMention | null): boolean {
  const lead = text.slice(Math.max(clauseStart(text, s, h.start), h.start - 150), h.start);
  if (MODAL_BEFORE.test(lead) || NEGATED_BEFORE.test(lead)) return false;
  if (DENIED_BEFORE.test(text.slice(s.start, h.start))) return false;
  // "the visit was cancelled", "called off the talks": it will not take place
  if (CANCELLED_BEFORE.test(lead) || CANCELLED.test(passiveAfter(text, s, h))) return false;
  if (h.p.kind !== 'noun' && h.p.kind !== 'forum') return true;
  if (PROCESS_BEFORE.test(lead)) return false;
  if (
    /^(?:joint|bilateral|trilateral|official|informal|working|face-to-face|separate|substantive|intensive|lengthy|long|detailed|frank|confidential|telephone|phone)\b/i.test(
      h.text,
    )
  )
    return true;
  if (d && (d.start >= h.end ? d.start - h.end : h.start - d.end) < 120) return true;
  // "held six hours of talks", "after two rounds of talks": the duration is no part of the noun phrase
  const nounLead = text.slice(Math.max(s.start, h.start - 80), h.start).replace(DURATION_OF, '');
  if (/^meeting$/i.test(h.text) && /\b(?:am|is|are|was|were|be|been)\s+$/i.test(nounLead)) return true; // "I will be meeting with…"
  return SPECIFIC_BEFORE.test(nounLead + ' ') || SPECIFIC_AFTER.test(text.slice(h.end, s.end));
}

/** Records the meeting a trigger names, with its status, date and place. */
function pushCand(
  r: DocReading,
  sr: SentenceReading,
  h: Hit,
  parties: Actor[],
  format: string | null,
  visitDest: string | null,
): Candidate {
  const { doc, text, today } = r;
  const { s } = sr;
  // "I spoke with Wang Yi yesterday by telephone": the phrase after the verb says it was a call
  if (!format && h.p.kind === 'verb' && /^(?:spoke|speak|speaks|spoken|talked|talk|talks)\b/i.test(h.text)) {
    if (BY_PHONE_AFTER.test(text.slice(h.end, s.end))) format = 'phone';
  }
  const win = text.slice(Math.max(s.start, h.start - 80), Math.min(s.end, h.end + 70));
  // "Last week I released information on X's visit": a date before a verb of saying is that verb's
  const d = dateOf(text, sr, h);
  const status = statusOf(r, s, h, win, d);
  let date = d ? refineVague(text, d) : null;
  const dateEnd = d?.valueEnd ?? null;
  const here = doc.meta.place;
  let place = placeFromMention(pickPlace(sr.places, s, h.start, text));
  const visit = h.p.kind === 'visit' && !!visitDest;
  if (visit) place = visitPlace(sr.places, h, place, here, visitDest);
  const placeStated = visit || !!place;
  // a meeting held "today" is where the document was issued; one placed elsewhere is not today's
  // (a place the sentence names, where the document does not say where it was issued, may be elsewhere too)
  const elsewhere =
    placeStated &&
    !!place?.country &&
    (!here?.country
      ? h.p.kind !== 'verb' && (!!visitDest || !/\b(?:today|this morning|this afternoon|tonight|here)\b/i.test(win))
      : place.country !== here.country);
  // a call is placed nowhere: the document's place is not where it was held
  const call = format === 'phone';
  if (!date && status === 'held' && today && !hasMarker(r.past, win) && !elsewhere) {
    date = today;
    if (!place && !call) place = doc.meta.place ?? null;
  }
  if (date && today && status === 'held' && date.slice(0, 10) === today && !place && !call)
    place = doc.meta.place ?? null;
  const keys = keysOf(parties);
  const fmt =
    format ??
    (parties.some((p) => p.org) && keys.length === 1 ? 'multilateral' : keys.length > 2 ? 'multilateral' : 'bilateral');
  const ann: MeetingAnn = {
    status,
    date,
    dateEnd,
    place,
    parties,
    format: fmt,
    topics: r.topicsOf(s),
    evidence: evidence(doc, s),
    rule: `meeting:${h.p.kind}:${h.text.toLowerCase().replace(/\s+/g, ' ')}`,
  };
  const c: Candidate = {
    ann,
    narratorKey: null,
    defaulted: !d && !!date,
    fromTitle: false,
    sentence: s.index,
    dated: !!d,
    order: r.order++,
    mode: format === 'phone' ? 'phone' : modeOf(h),
  };
  r.cands.push(c);
  return c;
}

/** Held or planned: a verb's own tense or a planned marker near the trigger, overridden by a date in the future or past. */
function statusOf(r: DocReading, s: Sentence, h: Hit, win: string, d: DateMention | null): 'held' | 'planned' {
  const kind = h.p.kind;
  let status: 'held' | 'planned';
  if (kind === 'verb' || kind === 'discuss' || kind === 'receive') {
    status = verbStatus(r.text, s, h);
    // a headline's present tense reports what happened ("Wang Yi Holds Talks with…"); "to" or
    // "will" announce ("Lavrov to Meet…")
    if (
      r.isTitle &&
      status === 'planned' &&
      /^(?:meets?|holds?|has|have|receives?)\b/i.test(h.text) &&
      !/\b(?:will|to|would|shall)\s+(?:\w+\s+)?$/i.test(r.text.slice(Math.max(s.start, h.start - 30), h.start))
    )
      status = 'held';
  } else status = hasMarker(r.planned, win) ? 'planned' : 'held';
  if (d && d.future === true) status = 'planned';
  else if (d && d.future === false && status === 'planned' && !/\bwill\b|\bnext\b|\bupcoming\b/i.test(win))
    status = 'held';
  // "the visit has been postponed", "postponed the talks": still to come
  if (
    POSTPONED_BEFORE.test(r.text.slice(Math.max(s.start, h.start - 60), h.start)) ||
    POSTPONED.test(passiveAfter(r.text, s, h))
  )
    status = 'planned';
  return status;
}

/** A meeting verb carries its own tense: "met", "discussed" vs "will meet", "is to discuss". */
function verbStatus(text: string, s: Sentence, h: Hit): 'held' | 'planned' {
  const lead = text.slice(Math.max(s.start, h.start - 30), h.start);
  let status: 'held' | 'planned' =
    /^(?:meet|meets|hold|holds|have|has|receives|will|to)\b/i.test(h.text) ||
    /\b(?:will|shall|to|would)\s+(?:\w+\s+)?$/i.test(lead)
      ? 'planned'
      : 'held';
  // "I came here to meet with X": the purpose of a trip already made
  if (
    status === 'planned' &&
    /\b(?:came|come|have come|has come|arrived|am here|are here|travell?ed|flew)\s+(?:here\s+|to\s+\p{Lu}\p{L}+\s+)?(?:also\s+|today\s+)?to\s+$/iu.test(
      text.slice(Math.max(s.start, h.start - 50), h.start),
    )
  )
    status = 'held';
  // "thank you for this opportunity to meet here today": the meeting at hand
  if (
    status === 'planned' &&
    /\b(?:opportunity|chance|occasion|pleasure|honou?r|privilege)\s+(?:\w+\s+){0,3}to\s+(?:\w+\s+)?$/i.test(
      text.slice(Math.max(s.start, h.start - 60), h.start),
    ) &&
    /\b(?:here|today|today['’]s|this morning|this afternoon)\b/i.test(text.slice(h.start, s.end))
  )
    status = 'held';
  if (status === 'planned' && /^(?:has|have)\b/i.test(h.text) && !/\b(?:will|shall|to)\s+(?:\w+\s+)?$/i.test(lead))
    status = 'held';
  return status;
}

/** A visit takes place at its destination: a place named after the trigger, else the destination country. */
function visitPlace(
  places: PlaceMention[],
  h: Hit,
  stated: Place | null,
  here: Place | null,
  visitDest: string | null,
): Place | null {
  if (stated && stated.country === visitDest) return stated;
  const after = places.find((p) => p.start >= h.end && p.place.country === visitDest);
  const same = places.find((p) => p.place.country === visitDest);
  return (after ?? (here?.country === visitDest ? null : same))?.place ?? null;
}

function valid(m: MeetingAnn): boolean {
  const keys = new Set(keysOf(m.parties));
  if (keys.size >= 2) return true;
  if (m.rule.startsWith('meeting:discuss:')) return false; // a forum "addressed issues": no meeting of its own
  return keys.size === 1 && m.parties.some((p) => p.org) && m.format !== 'bilateral';
}

/** Two places that cannot be the venue of one meeting (a city and its country can). */
function placedApart(a: Place | null, b: Place | null): boolean {
  if (!a || !b) return false;
  if (a.country && b.country) return a.country !== b.country;
  return !!a.name && !!b.name && a.name !== b.name && !!(a.country || b.country);
}

/** The mode a trigger states: a phone call, a meeting in person (met, visited, received, a summit), or neither. */
function modeOf(h: Hit): Candidate['mode'] {
  if (h.p.format === 'phone') return 'phone';
  const k = h.p.kind;
  if (
    k === 'visit' ||
    k === 'receive' ||
    k === 'forum' ||
    (k === 'verb' && /^(?:met|meet|meets|meeting)$/i.test(h.text))
  )
    return 'person';
  return '';
}

/**
 * Whether `fine`'s date lies within `coarse`'s, a year or a month ("2024-09-13" to "2024-09-17"
 * within "2024-09"); a day is within no other date.
 */
/** whole days from day `a` to day `b` (both YYYY-MM-DD…); Infinity when either is not a day or a follows b */
function daysBefore(a: string, b: string): number {
  if (a.length < 10 || b.length < 10) return Infinity;
  const d = (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86_400_000;
  return d >= 0 ? d : Infinity;
}

function within(fine: MeetingAnn, coarse: MeetingAnn): boolean {
  const c = coarse.date;
  const f = fine.date;
  if (!c || !f || coarse.dateEnd || c.length > 7 || f.length <= c.length) return false;
  return f.startsWith(c) && (!fine.dateEnd || fine.dateEnd.startsWith(c));
}

/** the sectors of a meeting's sides ("business leaders of A and B met during the commission" is not the commission's meeting) */
const sectorsOf = (m: MeetingAnn) => [...new Set(m.parties.map((p) => p.sector ?? ''))].sort().join('+');

const setKey = (m: MeetingAnn) => [...new Set(keysOf(m.parties))].sort().join('+');

function mergeMeetings(cands: Candidate[]): MeetingAnn[] {
  const out: MeetingAnn[] = [];
  /** the kept meetings by party set, date and status, with the mode each was stated in */
  const byKey = new Map<string, { m: MeetingAnn; mode: Candidate['mode'] }[]>();
  const titleEv = new Set<MeetingAnn>();
  /** the party set key of each kept meeting (merging swaps a party for a fuller one of the same key: it never changes) */
  const outKeys = new Map<MeetingAnn, string>();
  /** how each kept meeting was held, where a mention says */
  const modes = new Map<MeetingAnn, Candidate['mode']>();
  // dated mentions first so undated ones can join them
  const ordered = [...cands].sort((a, b) => Number(b.dated) - Number(a.dated) || a.order - b.order);
  for (const c of ordered) {
    const m = c.ann;
    const pk = setKey(m);
    const k = `${pk}|${m.date ?? ''}|${m.status}`;
    // a phone call and a meeting in person of the same sides on one day are two meetings
    const same = byKey.get(k)?.find((x) => !x.mode || !c.mode || x.mode === c.mode);
    if (same && !same.mode && c.mode) {
      // "spoke with X" and "the call with X": the call it was
      same.mode = c.mode;
      modes.set(same.m, c.mode);
      if (c.mode === 'phone') same.m.format = 'phone';
    }
    let target = same?.m;
    if (!target && c.dated && m.date) {
      // "the summit in September 2024" and "the summit was held from September 13 to 17": one
      // meeting, dated by the mention that says more (not one held elsewhere)
      target = out.find(
        (o) =>
          outKeys.get(o) === pk &&
          o.status === m.status &&
          !placedApart(o.place, m.place) &&
          (within(m, o) || within(o, m)),
      );
      if (target && within(m, target)) {
        target.date = m.date;
        target.dateEnd = m.dateEnd;
        if (!target.place && m.place) target.place = m.place;
        if (!c.fromTitle) {
          target.evidence = m.evidence;
          titleEv.delete(target);
        }
      }
    }
    // the title's meeting, dated only by the document's day, is the text's meeting of the same
    // sides whose days include it ("Deputy Secretary Sherman's Visit to China" and "traveled to
    // China … July 25-26")
    // (or that the text dates a few days before a readout published later: "Wang Yi Holds Talks
    // with X", published on the 15th, and "On March 14, Wang Yi held talks with X")
    // a kept meeting of the same sides and status, dated, and not held elsewhere than `m`
    const sameSidesDated = (o: MeetingAnn) =>
      outKeys.get(o) === pk && o.status === m.status && !placedApart(o.place, m.place) && !!o.date;
    if (!target && c.fromTitle && c.defaulted && m.date)
      target = out.find(
        (o) =>
          sameSidesDated(o) &&
          ((!!o.dateEnd && o.date! <= m.date! && m.date! <= o.dateEnd) || daysBefore(o.date!, m.date!) <= 3),
      );
    // a named forum event with no date of its own ("the BRICS Media Summit was held for the first
    // time…") is the one the text dated, not a second one held today
    if (!target && !c.dated && (!c.defaulted || m.rule.startsWith('meeting:forum:'))) {
      // an undated mention refers to a dated meeting of the same parties and status
      // (not one held elsewhere: "the meeting between X and Y in Hamburg" is another meeting than today's)
      target = out.find((o) => outKeys.get(o) === pk && o.status === m.status && !placedApart(o.place, m.place));
    }
    // a mention with no date words, dated by the document's day, is the meeting of the same sides
    // the text dated in the week before ("King Abdullah on Thursday met Carr…", then "During the
    // meeting, … the King also reviewed with the Australian Minister…" in a release of Sunday);
    // a meeting of the same sides months before is another one, as is one of other people of the
    // same countries
    if (!target && c.defaulted && !c.fromTitle && m.date)
      target = out.find(
        (o) =>
          sameSidesDated(o) &&
          (!c.mode || !modes.get(o) || modes.get(o) === c.mode) &&
          sectorsOf(o) === sectorsOf(m) &&
          daysBefore(o.dateEnd ?? o.date!, m.date!) <= 6,
      );
    if (target) {
      if (titleEv.has(target) && !c.fromTitle) {
        target.evidence = m.evidence;
        titleEv.delete(target);
      }
      for (const t of m.topics) if (!target.topics.includes(t)) target.topics.push(t);
      if (!target.place && m.place) target.place = m.place;
      // keep the more specific party descriptions
      target.parties = target.parties.map((p) => {
        const q = m.parties.find((x) => partyKey(x) === partyKey(p));
        return q && !p.name && q.name ? q : p;
      });
      continue;
    }
    const kept = byKey.get(k);
    if (kept) kept.push({ m, mode: c.mode });
    else byKey.set(k, [{ m, mode: c.mode }]);
    if (c.fromTitle) titleEv.add(m);
    out.push(m);
    outKeys.set(m, pk);
    modes.set(m, c.mode);
  }
  out.sort((a, b) => a.evidence.start - b.evidence.start);
  return out;
}

export const meetingStage: Stage = {
  name: 'meetings',
  requires: ['sentences', 'actors', 'dates', 'places', 'topics'],
  produces: ['meetings'],
  run(doc, kb) {
    return { layers: { meetings: extractMeetings(doc, kb) } };
  },
};

export type { ActorMention, DateMention };
