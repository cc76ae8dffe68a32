/**
 * Speaker turns of transcripts. A turn starts at a paragraph that opens with a speaker label
 * ("Question:", "Sergey Lavrov (answers after Wang Yi):", "Q:", "MR PRICE:", "Foreign Minister
 * Wang Yi:") and runs until the next label; paragraphs without a label continue it.
 *
 * Labels are short and name-like (capitalised words, no digits or possessives) or known role
 * words (data/segment/labels.tsv), and are followed by speech. "Note:", "Subjects:", contact
 * lines and the like are not labels. A document is a transcript when it has at least two labels,
 * or one question/answer label; other documents have no turns.
 */
import type { Paragraph, Turn, TurnRole } from '../00-model/doc.js';
import type { LabelKind, SegmentLexicon } from './lexicon.js';
import { fixCase, PARTICLES, stripTitles, surname } from './names.js';

export interface Label {
  /** label start (= paragraph start) */
  start: number;
  /** end of the label incl. colon */
  end: number;
  /** first offset of speech after the colon and spaces (≤ paragraph end) */
  bodyStart: number;
  /** label as written, incl. parenthetical, without the colon */
  text: string;
  /** name part without the parenthetical, as written */
  name: string;
  kind: LabelKind | 'named';
}

/** sticky; run with lastIndex at a paragraph start */
const LABEL_RE = /([^\n:：()]{1,60}?)[ \t]*(\([^()\n]{1,120}\))?[ \t]*[:：](?=\s|$)/y;
const BAD_CHARS = /[\d,;!?"“”«»/\\|@#$%*=+<>[\]{}…]/;
const POSS = /['’]s\b/;
const CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'the', 'and', 'on', ...PARTICLES]);

function nameLike(name: string): boolean {
  if (name.length > 50 || BAD_CHARS.test(name) || POSS.test(name)) return false;
  const ws = name.split(/\s+/);
  if (ws.length > 6) return false;
  if (!/^\p{Lu}/u.test(ws[0])) return false;
  for (const w of ws) {
    if (CONNECTORS.has(w) || /^(?:al|el)[-‑]/.test(w)) continue;
    if (!/^\p{Lu}/u.test(w)) return false;
    const dot = w.indexOf('.');
    if (dot >= 0 && !(dot === w.length - 1 && w.length <= 5) && !/^(?:\p{Lu}\.)+$/u.test(w)) return false;
  }
  return true;
}

const COMPLEMENT = /^([\p{L}-]+)(?:\s+\d{1,2}|\s+(?:from|to|by|of|for)\s+[^.!?;"“”]{1,50})$/u;

function roleWithComplement(lower: string, lex: SegmentLexicon): LabelKind | null {
  const m = COMPLEMENT.exec(lower);
  if (!m) return null;
  const k = lex.labelWhole.get(m[1]);
  return k === 'question' || k === 'answer' || k === 'host' ? k : null;
}

/** Parses a speaker label at `start` (a paragraph start) within [start, end), or returns null. */
export function parseLabel(text: string, start: number, end: number, lex: SegmentLexicon): Label | null {
  LABEL_RE.lastIndex = start;
  const m = LABEL_RE.exec(text);
  if (!m) return null;
  const labelEnd = m.index + m[0].length;
  if (labelEnd > end) return null;
  const name = m[1].trim().replace(/\s+/g, ' ');
  if (!name) return null;
  const lower = name.toLowerCase();
  // "Question from the audience", "Question 2", "Q (Reuters)": a role word with a short complement
  const role = roleWithComplement(lower, lex);
  if (!role && !nameLike(name)) return null;
  let kind: LabelKind | 'named' = role ?? lex.labelWhole.get(lower) ?? 'named';
  if (kind === 'named' && lex.labelFirst.get(lower.split(' ')[0]) === 'ignore') return null;
  if (kind === 'ignore') return null;
  let b = labelEnd;
  while (b < end && /\s/.test(text[b])) b++;
  if (b < end) {
    const c = text[b];
    // named labels are followed by speech, not numbers, links or lower-case continuations
    if (kind === 'named' && (/[\d\p{Ll}]/u.test(c) || text.startsWith('http', b) || text.startsWith('www.', b)))
      return null;
  }
  const textLabel = text
    .slice(start, m.index + m[0].length - 1)
    .trim()
    .replace(/\s+/g, ' ');
  return { start, end: labelEnd, bodyStart: b, text: textLabel.replace(/\s+$/, ''), name, kind };
}

const SPEECH_END = /[.!?,:;…"”’)]$/;

/** true for a paragraph that reads like speech (not a header line such as "Washington, D.C.") */
function speechLike(text: string, p: Paragraph): boolean {
  const s = text.slice(p.start, p.end);
  if (!SPEECH_END.test(s)) return false;
  return s.split(/\s+/).length >= 3;
}

export interface TurnResult {
  turns: Turn[];
  /** turn index per paragraph, or null */
  paragraphTurn: (number | null)[];
  /** named principal speakers in order of appearance (label names, titles stripped) */
  principals: string[];
  /** whether the document was judged a transcript */
  transcript: boolean;
}

export function isTranscript(labels: (Label | null)[]): boolean {
  let n = 0;
  for (const l of labels) {
    if (!l) continue;
    if (l.kind === 'question' || l.kind === 'answer') return true;
    n++;
  }
  return n >= 2;
}

/**
 * Builds turns from paragraph labels. `titleSpeaker` is the speaker named by the document
 * title; `title` the title text (to recognise principals named there).
 */
export function buildTurns(
  text: string,
  paras: Paragraph[],
  labels: (Label | null)[],
  titleSpeakerName: string | null,
  title: string | null,
  lex: SegmentLexicon,
): TurnResult {
  const paragraphTurn: (number | null)[] = paras.map(() => null);
  if (!isTranscript(labels)) return { turns: [], paragraphTurn, principals: [], transcript: false };

  // spans: [labelIndex or -1 for the opening statement, first paragraph, last paragraph]
  interface Draft {
    label: Label | null;
    first: number;
    last: number;
  }
  const drafts: Draft[] = [];
  const firstLabel = labels.findIndex((l) => l !== null);
  let open = -1;
  for (let k = 0; k < firstLabel; k++) {
    if (speechLike(text, paras[k])) {
      open = k;
      break;
    }
  }
  if (open >= 0) drafts.push({ label: null, first: open, last: firstLabel - 1 });
  for (let k = firstLabel; k < paras.length; k++) {
    const l = labels[k];
    if (l) drafts.push({ label: l, first: k, last: k });
    else drafts[drafts.length - 1].last = k;
  }

  // named speakers who mostly ask questions and are not named in the title are journalists
  const titleLower = (title ?? '').toLowerCase();
  const tsSurname = titleSpeakerName ? surname(titleSpeakerName) : null;
  const stats = new Map<string, { n: number; q: number }>();
  // the same few speakers are labelled over and over: each label name is stripped once
  const stripped = new Map<string, { name: string; key: string }>();
  const strip = (name: string) => {
    let hit = stripped.get(name);
    if (!hit) {
      const n = stripTitles(name, lex);
      stripped.set(name, (hit = { name: n, key: surname(n) }));
    }
    return hit;
  };
  const keyOf = (l: Label) => strip(l.name).key;
  for (const d of drafts) {
    if (!d.label || d.label.kind !== 'named') continue;
    const key = keyOf(d.label);
    const s = stats.get(key) ?? { n: 0, q: 0 };
    s.n++;
    if (text.slice(d.label.bodyStart, paras[d.last].end).includes('?')) s.q++;
    stats.set(key, s);
  }
  const journalist = new Set<string>();
  const principalKeys = [...stats.keys()].filter((k) => {
    const s = stats.get(k)!;
    const inTitle =
      k === tsSurname ||
      (k.length > 2 && new RegExp(`\\b${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'u').test(titleLower));
    if (!inTitle && s.q / s.n >= 0.6) {
      journalist.add(k);
      return false;
    }
    return true;
  });
  if (principalKeys.length === 0) journalist.clear(); // nobody left to answer: they were not journalists

  const turns: Turn[] = [];
  let pending = false;
  const answerers: string[] = [];
  for (const d of drafts) {
    const l = d.label;
    let role: TurnRole = 'statement';
    let speakerName: string | null = null;
    if (!l) {
      role = 'statement';
    } else if (l.kind === 'question' || (l.kind === 'named' && journalist.has(keyOf(l)))) {
      role = 'question';
      pending = true;
    } else if (l.kind === 'host') {
      pending = false;
    } else if (l.kind === 'answer') {
      role = 'answer';
    } else {
      speakerName = fixCase(l.name);
      role = pending ? 'answer' : 'statement';
      if (role === 'answer') answerers.push(strip(l.name).name);
    }
    const index = turns.length;
    for (let k = d.first; k <= d.last; k++) paragraphTurn[k] = index;
    turns.push({
      index,
      start: paras[d.first].start,
      end: paras[d.last].end,
      label: l ? l.text : null,
      // a label alone on its line: the speech starts with the next paragraph
      bodyStart: !l
        ? paras[d.first].start
        : l.bodyStart >= paras[d.first].end && d.last > d.first
          ? paras[d.first + 1].start
          : l.bodyStart,
      speakerName,
      speaker: null,
      role,
    });
  }

  // who speaks the unlabelled opening and the "A:" answers
  const distinctAnswerers = [...new Set(answerers.map((a) => surname(a)))];
  let answerName: string | null = titleSpeakerName;
  if (!answerName && distinctAnswerers.length === 1) {
    answerName = fixCase(answerers.find((a) => surname(a) === distinctAnswerers[0]) ?? '') || null;
  }
  if (!answerName) {
    const named = [...new Set(turns.filter((t) => t.speakerName).map((t) => t.speakerName as string))];
    if (named.length === 1) answerName = named[0];
  }
  drafts.forEach((d, i) => {
    if (!d.label || d.label.kind === 'answer') turns[i].speakerName = answerName;
  });

  const principals: string[] = [];
  for (const t of turns) {
    if (t.role === 'question' || !t.speakerName) continue;
    const n = strip(t.speakerName).name;
    if (n && !principals.some((p) => surname(p) === surname(n))) principals.push(n);
  }
  return { turns, paragraphTurn, principals, transcript: true };
}

/** closed class: first-person words that show a text is someone's own speech */
const FIRST_PERSON = /\b(?:I|I'm|I’m|we|We|our|Our|us|my|My)\b/;

/**
 * A speech or briefing without labels ("Foreign Minister X's remarks at…", "Briefing by …"):
 * one statement turn by the title speaker, from the first speech-like paragraph to the end.
 * Only when the text speaks in the first person; news reports (datelines) never get one.
 */
export function monologue(text: string, paras: Paragraph[], speaker: string, hasDateline: boolean): TurnResult | null {
  const paragraphTurn: (number | null)[] = paras.map(() => null);
  if (hasDateline || paras.length === 0) return null;
  const first = paras.findIndex((p) => speechLike(text, p));
  if (first < 0) return null;
  const last = paras[paras.length - 1];
  if (!FIRST_PERSON.test(text.slice(paras[first].start, Math.min(last.end, paras[first].start + 4000)))) return null;
  for (let k = first; k < paras.length; k++) paragraphTurn[k] = 0;
  const turn: Turn = {
    index: 0,
    start: paras[first].start,
    end: last.end,
    label: null,
    bodyStart: paras[first].start,
    speakerName: speaker,
    speaker: null,
    role: 'statement',
  };
  return { turns: [turn], paragraphTurn, principals: [speaker], transcript: false };
}
