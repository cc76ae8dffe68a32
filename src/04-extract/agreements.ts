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
import type { Actor, AgreementAnn, DateMention, Doc, MeetingAnn, Sentence } from '../00-model/doc.js';
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
} from './meet-util.js';
import { topicIndex } from './topics.js';
import { counterpartAt } from '../03-recognise/actors.js';

interface Cand {
  ann: AgreementAnn;
  s: Sentence;
  kind: AgreementPattern['kind'];
  explicitDate: boolean;
  ownParties: boolean;
}

const NEG_BEFORE = /\b(?:not|never|no|n't|failed to|fail to|refused to|unable to|without)\s+(?:\w+\s+){0,2}$/i;
const ADJ_BEFORE = /(?:\b(?:its|their|the|a|an|our|his|her|newly|previously|already|earlier|once|jointly)|\()\s*$/i;
const FUTURE_BEFORE = /\b(?:will|shall|would|are to|is to|are going to|intend to|plan to|hope to|expect to)\s+(?:\w+\s+)?$/i;
const MODAL_AFTER = /\b(?:will|shall|would|should|must|are to|is to|to be|need to|needs to|have to|has to)\b/i;
const OBLIGATION = /\b(?:must|should|shall|will|are to|is to|to be|have to|has to|need to|needs to|obliged|required|deadline|no later than|not later than)\b/i;
/** A collective subject that stands for the parties of a meeting. */
const COLLECTIVE =
  /\b(?:the\s+(?:two\s+|three\s+)?(?:sides|parties|leaders|ministers|presidents|delegations|countries|governments|foreign\s+ministers|heads\s+of\s+state)|both\s+(?:sides|countries|leaders|parties|ministers)|they)\b/i;
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

export function extractAgreements(doc: Doc, kb: KB): AgreementAnn[] {
  const text = doc.text;
  const pats = kb.topics?.agreementPatterns ?? [];
  const triggers = pats.filter((p) => p.kind !== 'effective' && p.kind !== 'deadline');
  const effPats = pats.filter((p) => p.kind === 'effective');
  const deadlinePreps = pats.filter((p) => p.kind === 'deadline');
  const inQuote = insideAny(unattributedQuoteSpans(doc));
  const quoteSpeaker = quoteSpeakerAt(doc);
  const sents = sentencesOf(doc);
  const mentionsBy = bySentence(actorsOf(doc).filter((m) => !inQuote(m.start)), sents);
  const datesBy = bySentence(doc.layers.dates ?? [], sents);
  const topicsOf = topicIndex(doc);
  const prefilter = pats.length ? unionRe(pats, [...triggers, ...effPats].map((p) => p.source)) : null;
  // a cheaper necessary condition first: the lower-cased sentence holds a fixed string every prefilter match holds
  const precheck = prefilter ? factorRe(prefilter) : null;
  const low = text.toLowerCase();
  const lowSameLength = low.length === text.length;
  const deadlineRe = deadlineCache(deadlinePreps);
  const today = docDay(doc);
  const meetings: MeetingAnn[] = doc.layers.meetings ?? [];
  const out: Cand[] = [];

  /** A held meeting reported in this sentence or the three before it. */
  const nearMeeting = (si: number): MeetingAnn | null => {
    const from = sents[Math.max(0, si - 3)].start;
    const to = sents[si].end;
    let best: MeetingAnn | null = null;
    for (const m of meetings) {
      if (m.status === 'held' && m.evidence.start >= from && m.evidence.start <= to && (!best || m.evidence.start >= best.evidence.start)) best = m;
    }
    return best;
  };

  /** Parties of the meeting mentioned last before `pos` (for "the sides", "the two leaders"). */
  const recentMeetingParties = (pos: number): Actor[] => {
    // "the two sides": the latest meeting between two or more parties, else the latest one
    let best: MeetingAnn | null = null;
    for (const m of meetings) if (m.evidence.start <= pos && keysOf(m.parties).length >= 2 && (!best || m.evidence.start >= best.evidence.start)) best = m;
    if (!best) for (const m of meetings) if (m.evidence.start <= pos && (!best || m.evidence.start >= best.evidence.start)) best = m;
    best ??= meetings.find((m) => m.rule.startsWith('meeting:title:')) ?? null;
    return best ? best.parties : [];
  };

  /** The other side of the narrator's meeting of the day: the meeting the title names, else the only one. */
  const mainCounterparts = (narrator: Actor | null): Actor[] => {
    if (!narrator) return [];
    const nk = partyKey(narrator) ?? '';
    const held = meetings.filter((x) => x.status === 'held' && (!today || x.date?.slice(0, 10) === today) && keysOf(x.parties).includes(nk));
    const titled = held.find((x) => x.rule.startsWith('meeting:title:'));
    const sets = new Set(held.map((x) => keysOf(x.parties).sort().join('+')));
    const m = titled ?? (sets.size === 1 && held.length && !(doc.layers.turns ?? []).length ? held[0] : undefined);
    return m ? m.parties.filter((p) => partyKey(p) !== nk) : [];
  };

  for (let si = 0; si < sents.length; si++) {
    const s = sents[si];
    const stext = text.slice(s.start, s.end);
    if (!prefilter) continue;
    const lowText = lowSameLength ? low.slice(s.start, s.end) : stext.toLowerCase();
    if (precheck && !precheck.test(lowText)) continue;
    if (!prefilter.test(stext)) continue;
    /** a pattern can match only where one of its fixed strings occurs */
    const mayMatch = (p: AgreementPattern) => {
      const fs = patternFactors(p);
      return !fs || fs.some((f) => lowText.includes(f));
    };
    if (isQuestion(doc, s)) continue;
    const mentions = mentionsBy[si];
    const sDates = datesBy[si];

    // effective dates and deadlines in this sentence
    const special = new Set<DateMention>();
    let effective: string | null = null;
    let deadline: string | null = null;
    for (const p of effPats) {
      if (!mayMatch(p)) continue;
      for (const h of matchAll(p.re, stext, s.start)) {
        const d = sDates.filter((x) => x.start >= h.end && x.value).sort((a, b) => a.start - b.start)[0];
        if (d) {
          effective = d.value;
          special.add(d);
        }
      }
    }
    if (OBLIGATION.test(stext)) {
      for (const d of sDates) {
        if (!d.value || special.has(d)) continue;
        const lead = text.slice(Math.max(s.start, d.start - 20), d.start);
        if (deadlineRe.some((re) => re.test(lead))) {
          deadline = d.value;
          special.add(d);
        }
      }
    }

    const hits: { start: number; end: number; text: string; p: AgreementPattern }[] = [];
    for (const p of triggers) if (mayMatch(p)) for (const h of matchAll(p.re, stext, s.start)) if (!inQuote(h.start)) hits.push({ start: h.start, end: h.end, text: h.text, p });
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const used: { start: number; end: number }[] = [];
    let made: Cand | null = null;
    for (const h of hits) {
      if (used.some((u) => h.start < u.end && h.end > u.start)) continue;
      used.push(h);
      if (made) continue; // one agreement per sentence; further triggers elaborate it
      const before = text.slice(Math.max(s.start, h.start - 40), h.start);
      const after = text.slice(h.end, s.end);
      if (NEG_BEFORE.test(before)) continue;
      const p = h.p;
      let status = p.status;
      if (p.kind === 'active' && status === 'planned' && /^agree\b/i.test(h.text) && !FUTURE_BEFORE.test(before)) continue;
      if (p.kind === 'that' && !MODAL_AFTER.test(after.slice(0, 120))) continue;
      if (/^(?:adopted|approved|signed)$/i.test(h.text.trim()) && ADJ_BEFORE.test(before)) continue;
      const narrator = quoteSpeaker(h.start) ?? narratorOf(doc, s);
      let partyMentions = [] as typeof mentions;
      let atMeeting: MeetingAnn | null = null;
      let passiveSides: Actor[] = [];
      let participle = false;
      const pastParticiple = /^[a-z]+ed\b/i.test(h.text.trim());
      const byAgent = /^\s+by\b/i.test(after) && pastParticiple;
      if (byAgent || (p.kind === 'active' && /,\s*$/.test(before) && pastParticiple)) {
        // a participle: "sanctions adopted by the US Congress", "Resolution 2270, adopted on March 2"
        const by = byAgent ? complementAfter(text, s, h.end, mentions, /^\s*by\b/i) : modifierBefore(text, h.start, mentions, s.start);
        partyMentions = by.length ? by : mentionsBefore(text, s, h.start, mentions);
        participle = true;
        if (status === 'reached') status = 'referenced';
      } else if (p.kind === 'active' || p.kind === 'that') {
        partyMentions = mentionsBefore(text, s, h.start, mentions);
        const comp = complementAfter(text, s, h.end, mentions, /^\s*(?:with|between)\b/i);
        partyMentions = [...partyMentions, ...comp];
        const fp = narrator && FIRST_PERSON_SUBJECT.test(text.slice(clauseStart(text, s, h.start), h.start));
        if (fp && !mentionsBefore(text, s, h.start, mentions).length) {
          passiveSides = [narrator!];
          // "we agreed" in a transcript of bilateral talks: both sides
          if (/\b[Ww]e\b(?:\s+\w+){0,3}\s*$/.test(text.slice(clauseStart(text, s, h.start), h.start)) && !comp.length) {
            const other = counterpartAt(doc, h.start);
            if (other) passiveSides.push(other);
          }
        } else if (!mentionsBefore(text, s, h.start, mentions).length) {
          const subjText = text.slice(clauseStart(text, s, h.start), h.start);
          if (COLLECTIVE.test(subjText)) {
            // "the sides agreed": the parties of the meeting the text last spoke of
            passiveSides = recentMeetingParties(h.start);
          } else {
            participle = !/\b(?:the|a|an|both|all)\s+[\p{L}-]+/iu.test(subjText);
            partyMentions = mentions;
          }
        }
      } else if (p.kind === 'passive') {
        let by = complementAfter(text, s, h.end, mentions, /^\s*(?:[\p{L}-]+\s+){0,2}?(?:by|between)\b/iu);
        if (!by.length) {
          const bw = /\bbetween\b/i.exec(after);
          if (bw) by = complementAfter(text, s, h.end + bw.index, mentions, /^\s*between\b/i);
        }
        if (!by.length) {
          // the clause around the trigger, else the sentence
          const cs = clauseStart(text, s, h.start);
          const stop = /[;:?!–—]|\b(?:which|who|that|when|where|while|but|because|although)\b/i.exec(after);
          const ce = stop ? h.end + stop.index : s.end;
          by = mentions.filter((m) => m.start >= cs && m.end <= ce);
        }
        partyMentions = by.length ? by : mentions;
        // plural "Agreements were reached on…" announces the list that follows; it is not one agreement
        const near = nearMeeting(si);
        if (!partyMentions.length && near && !/^(?:agreements|accords|understandings|deals)\b/i.test(h.text)) {
          // "A document on … was also adopted": adopted at the meeting the text has just reported
          passiveSides = near.parties;
          atMeeting = near;
          if (status === 'referenced') status = 'reached';
        } else if (!partyMentions.length && /agreed|reached/i.test(h.text) && !/^(?:agreements|accords|understandings|deals)\b/i.test(h.text) && narrator) {
          // "It was agreed…" in a readout of talks: the sides of the talks
          partyMentions = [];
          passiveSides = [narrator, ...mainCounterparts(narrator)];
        }
      } else if (p.kind === 'setup') {
        partyMentions = mentionsBefore(text, s, h.start, mentions);
      } else if (p.kind === 'noun') {
        partyMentions = mentions;
      } else if (p.kind === 'statement') {
        const comp = complementAfter(text, s, h.end, mentions, /^\s*(?:by|of|between)\b/i);
        const mod = modifierBefore(text, h.start, mentions, s.start);
        partyMentions = [...mod, ...comp];
        if (!partyMentions.length) continue;
      }
      let parties = partiesFrom(partyMentions, passiveSides);
      if (passiveSides.length === 1 && p.kind === 'passive') parties = [];
      if (!passiveSides.length && !partyMentions.length) parties = []; // "it was agreed" by the narrator alone: the other side is unknown
      const keys = keysOf(parties);
      const nk = partyKey(narrator);
      if (narrator && nk && keys.length === 1 && keys[0] === nk && p.kind !== 'setup') {
        const other = mainCounterparts(narrator);
        const near = other.length ? null : nearMeeting(si);
        // "we adopted a statement" right after a meeting is reported: that meeting's parties
        parties = partiesFrom([], [parties[0], ...(other.length ? other : (near?.parties ?? []))]);
        if (near) atMeeting = near;
      }
      // the date of an agreement is when it was agreed: a date inside what was agreed ("agreed that we
      // will meet next week", "signed a plan of consultations for 2020-2021") is not it
      const contentDates = new Set(special);
      for (const x of sDates) {
        if (x.start < h.end || (p.kind !== 'active' && p.kind !== 'that')) continue;
        const gap = text.slice(h.end, x.start);
        if (!/^(?:[\s,]*(?:on|in|at|the|earlier|yesterday|today|this|last|\p{Lu}[\p{L}.’'-]*))*[\s,]*$/u.test(gap)) contentDates.add(x);
      }
      const d = pickDate(sDates, s, h.start, contentDates, text, h.end);
      let date = d ? refineVague(text, d) : null;
      if (!date && atMeeting?.date && atMeeting.status === 'held') date = atMeeting.date;
      const narratorParty = !!nk && keysOf(parties).includes(nk);
      // referenced documents (passive adopted/approved, participles) stand only with a date of their own
      const agentless = p.kind === 'passive' && !partyMentions.length && !passiveSides.length; // may follow an agreement
      if ((status === 'referenced' || participle) && !date && !(p.kind === 'passive' && /agreed|reached/i.test(h.text)) && !agentless) {
        if (p.kind !== 'setup') continue;
      }
      const readout = !(doc.layers.turns ?? []).length; // a press release reports the day's agreements
      if (!date && passiveSides.length && COLLECTIVE.test(text.slice(clauseStart(text, s, h.start), h.start))) {
        // "the sides agreed" at the meeting just reported: its date
        const recent = meetings.filter((m) => m.evidence.start <= h.start && keysOf(m.parties).join() === keysOf(passiveSides).join()).pop();
        if (recent?.date) date = recent.date;
      }
      // "the understandings that were reached at…" refers back to an earlier agreement: no default date
      const backReference = p.kind === 'passive' && /\b(?:that|which)\b/i.test(h.text);
      const firstPerson = /\b(?:I|[Ww]e)\b/.test(text.slice(clauseStart(text, s, h.start), h.start));
      if (!date && !backReference && (status === 'reached' || status === 'signed') && (narratorParty || readout || firstPerson) && today && !PAST_MARK.test(text.slice(clauseStart(text, s, h.start), Math.min(s.end, h.end + 40)))) date = today;
      if (status === 'reached' && /signed/i.test(h.text)) status = 'signed';
      // "once the protocol has been signed", "if an agreement is reached": a condition, not a fact
      const cs0 = clauseStart(text, s, h.start);
      if (/\b(?:once|if|unless|until|when|whenever|provided(?:\s+that)?)\s*$/i.test(text.slice(Math.max(s.start, cs0 - 12), cs0)) && (status === 'reached' || status === 'signed')) {
        status = 'planned';
        date = d ? date : null;
      }
      const ann: AgreementAnn = {
        status,
        date,
        effective,
        deadline,
        parties,
        topics: topicsOf(s),
        evidence: { start: s.start, end: s.end, text: text.slice(s.start, s.end) },
        rule: `agreement:${p.kind}:${h.text.toLowerCase().replace(/\s+/g, ' ')}`,
      };
      made = { ann, s, kind: p.kind, explicitDate: !!d, ownParties: partyMentions.length > 0 };
    }

    const prev = out[out.length - 1];
    const near = prev && s.index - prev.s.index <= 2 && s.index > prev.s.index;
    if (made) {
      const mk = keysOf(made.ann.parties);
      const pk = prev ? new Set(keysOf(prev.ann.parties)) : new Set<string>();
      const elaborates =
        near &&
        !made.explicitDate &&
        made.ann.status !== 'signed' &&
        (made.kind === 'setup' || made.kind === 'active') &&
        (mk.length === 0 || (mk.every((k) => pk.has(k)) && made.kind !== 'active') || (mk.every((k) => pk.has(k)) && /commit|obligat|pledg/i.test(made.ann.rule)));
      if (elaborates && prev) {
        extend(prev, s);
        if (effective && !prev.ann.effective) prev.ann.effective = effective;
        if (deadline && !prev.ann.deadline) prev.ann.deadline = deadline;
        continue;
      }
      if (!made.ann.parties.length && made.kind === 'passive' && near && prev && !made.explicitDate && /\balso\b/i.test(made.ann.evidence.text)) {
        // "A document on … was also adopted" right after an agreement: the same parties and day
        made.ann.parties = prev.ann.parties;
        made.ann.date ??= prev.ann.date;
        if (made.ann.status === 'referenced') made.ann.status = prev.ann.status;
      }
      if (!made.ann.parties.length) continue;
      {
        // one country alone adopting or signing something is a domestic act, not an agreement
        const ks = keysOf(made.ann.parties);
        const only = made.ann.parties[0];
        if (ks.length === 1 && only && !only.org && ks[0] !== partyKey(narratorOf(doc, s)) && ks[0] !== partyKey(quoteSpeaker(s.start))) continue;
      }
      if (made.kind === 'setup' && keysOf(made.ann.parties).every((k) => k === partyKey(narratorOf(doc, s)))) continue;
      out.push(made);
    } else if ((effective || deadline) && prev && near) {
      if (effective && !prev.ann.effective) prev.ann.effective = effective;
      if (deadline && !prev.ann.deadline) prev.ann.deadline = deadline;
      extend(prev, s);
    }
  }

  function extend(c: Cand, s: Sentence) {
    const start = Math.min(c.ann.evidence.start, s.start);
    const end = Math.max(c.ann.evidence.end, s.end);
    c.ann.evidence = { start, end, text: text.slice(start, end) };
    for (const t of topicsOf(s)) if (!c.ann.topics.includes(t)) c.ann.topics.push(t);
    c.s = s;
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
