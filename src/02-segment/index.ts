/**
 * Segmentation stage: paragraphs, speaker turns, sentences (datelines split off first) and
 * POS-tagged tokens, plus the title speaker and the principal speakers of the document.
 *
 * - Sentences never cross paragraph or turn boundaries and never include a speaker label:
 *   a labelled paragraph's sentences start at the turn's `bodyStart`.
 * - Tokens cover the sentences only (label tokens are left out); `token.sentence` is the
 *   sentence index.
 */
import type { Doc, Paragraph, Sentence, Span, StageOutput, Token, Turn } from '../00-model/doc.js';
import type { Stage } from '../pipeline.js';
import type { KB } from '../knowledge/index.js';
import { loadSegmentLexicon, type SegmentLexicon } from './lexicon.js';
import { paragraphs } from './paragraphs.js';
import { datelineEnd, splitSentences } from './sentences.js';
import { tokenizeText } from './tokens.js';
import { buildTurns, isTranscript, monologue, parseLabel, type Label } from './turns.js';
import { expandName, nameCandidates, stripTitles, surname, titleSpeakerInfo } from './names.js';

export { tokenize } from './tokens.js';
export { titleSpeaker } from './names.js';
export { parseLabel } from './turns.js';
export { datelineEnd } from './sentences.js';

export interface Segmentation {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  turns: Turn[];
  titleSpeaker: string | null;
  speakers: string[];
}

const LETTER_RUN = /\p{L}+/gu;
/** whether `s` has at least `n` runs of letters (words) */
function hasLetterRuns(s: string, n: number): boolean {
  LETTER_RUN.lastIndex = 0;
  let count = 0;
  while (count < n && LETTER_RUN.test(s)) count++;
  return count >= n;
}

/** Segments a text; `title` is the document title (kept out of the body by ingest). */
export function segment(
  text: string,
  title: string | null,
  lex: SegmentLexicon = loadSegmentLexicon(),
  /** a title speaker found elsewhere (e.g. by ingest), used when the title gives none */
  fallbackTitleSpeaker: string | null = null,
): Segmentation {
  // labels and datelines are asked for per line (paragraph joining) and again per paragraph
  // and sentence segment, mostly for the same spans: each span is parsed once
  const labelMemo = new Map<number, { end: number; label: Label | null }>();
  const labelAt = (s: number, e: number): Label | null => {
    const hit = labelMemo.get(s);
    if (hit !== undefined && hit.end === e) return hit.label;
    const label = parseLabel(text, s, e, lex);
    labelMemo.set(s, { end: e, label });
    return label;
  };
  const datelineMemo = new Map<number, { end: number; d: number }>();
  const datelineAt = (s: number, e: number): number => {
    const c = text.charCodeAt(s);
    if (c < 65 || c > 90) return -1; // datelineEnd's own first test: A-Z
    const hit = datelineMemo.get(s);
    if (hit !== undefined && hit.end === e) return hit.d;
    const d = datelineEnd(text, s, e);
    datelineMemo.set(s, { end: e, d });
    return d;
  };
  const paras = paragraphs(text, {
    startsBlock: (s, e) => labelAt(s, e) !== null || datelineAt(s, e) >= 0,
  });
  // built by push and read by a loop, not map/findIndex: those sent the optimised segment() back
  // to the interpreter ~160 times in a bench run ("wrong map")
  const labels: (Label | null)[] = [];
  for (const p of paras) labels.push(labelAt(p.start, p.end));
  const transcript = isTranscript(labels);

  // the title, and an early short line without final punctuation (the title when ingest
  // found none, or a "Remarks by …" heading under a site-name title)
  let headLine: string | null = null;
  for (let k = 0; k < Math.min(3, paras.length - 1); k++) {
    if (labels[k]) break;
    const line = text.slice(paras[k].start, paras[k].end);
    if (line.length <= 250 && !/[.!?:;,]$/.test(line) && hasLetterRuns(line, 4)) {
      headLine = line;
      break;
    }
  }
  let effTitle = title || headLine;
  let tsInfo = titleSpeakerInfo(effTitle, lex, transcript);
  if (!tsInfo && title && headLine && headLine !== title) {
    tsInfo = titleSpeakerInfo(headLine, lex, transcript);
    if (tsInfo) effTitle = headLine;
  }
  const ts = tsInfo?.name ?? fallbackTitleSpeaker;
  let built = buildTurns(text, paras, labels, ts, effTitle, lex);
  if (!transcript && ts && (tsInfo?.rule === 'possessive' || tsInfo?.rule === 'by')) {
    const dateline = paras.slice(0, 3).some((p) => datelineAt(p.start, p.end) >= 0);
    built = monologue(text, paras, ts, dateline) ?? built;
  }
  const { turns, paragraphTurn, principals } = built;

  // sentences and tokens: the tokens of the sentences are kept in the tokenizer's array, moved
  // down over the ones left out (label tokens); `kept` never passes `k`, so only tokens already
  // read are overwritten, and `values` stays parallel to `tokens` from `ti` on
  const { tokens, values } = tokenizeText(text);
  let kept = 0;
  const sentences: Sentence[] = [];
  let ti = 0;
  const spans: Span[] = [];
  for (let pi = 0; pi < paras.length; pi++) {
    const p = paras[pi];
    const l = labels[pi];
    const turn = paragraphTurn[pi];
    let segStart = l ? l.bodyStart : p.start;
    const segEnd = p.end;
    if (segStart >= segEnd) continue;
    spans.length = 0;
    while (ti < tokens.length && tokens[ti].start < segStart) ti++;
    const first = ti;
    const d = datelineAt(segStart, segEnd);
    if (d > 0) {
      spans.push({ start: segStart, end: d });
      segStart = d;
      while (ti < tokens.length && tokens[ti].start < segStart) ti++;
    }
    const from = ti;
    while (ti < tokens.length && tokens[ti].end <= segEnd) ti++;
    if (ti > from) splitSentences(text, tokens, values, from, ti, lex, spans);
    let k = first;
    for (const s of spans) {
      const index = sentences.length;
      sentences.push({ index, start: s.start, end: s.end, paragraph: p.index, turn });
      while (k < ti && tokens[k].start < s.start) k++;
      while (k < ti && tokens[k].end <= s.end) {
        const r = tokens[k++];
        r.sentence = index;
        tokens[kept++] = r;
      }
    }
  }
  tokens.length = kept;

  // principal speakers: title speaker first, expanded to full names found in the header
  // header lines: the title and the lines before the first label (each line on its own)
  let firstLabel = -1;
  for (let k = 0; k < labels.length && firstLabel < 0; k++) if (labels[k] !== null) firstLabel = k;
  const headerLines: string[] = [effTitle ?? '', title ?? ''];
  for (let k = 0; k < firstLabel; k++) headerLines.push(text.slice(paras[k].start, paras[k].end));
  // name candidates of a line, computed only for lines that contain the surname to expand
  const lowerLines = headerLines.map((l) => l.toLowerCase());
  const lineCands: (string[] | undefined)[] = [];
  const candsFor = (name: string): string[] => {
    const sn = surname(name);
    const out: string[] = [];
    for (let k = 0; k < headerLines.length; k++) {
      if (!headerLines[k] || !lowerLines[k].includes(sn)) continue;
      out.push(...(lineCands[k] ??= nameCandidates(headerLines[k], lex)));
    }
    return out;
  };
  const speakers: string[] = [];
  const add = (n: string | null) => {
    if (!n) return;
    const name = stripTitles(n, lex) || n;
    const full = expandName(name, candsFor(name));
    if (!speakers.some((s) => surname(s) === surname(full))) speakers.push(full);
  };
  add(ts);
  for (const p of principals) add(p);
  return { paragraphs: paras, sentences, tokens, turns, titleSpeaker: ts, speakers };
}

export const segmentStage: Stage = {
  name: 'segment',
  requires: [],
  produces: ['paragraphs', 'sentences', 'tokens', 'turns'],
  run(doc: Doc, kb: KB): StageOutput {
    const lex = loadSegmentLexicon(kb?.dataDir);
    const seg = segment(doc.text, doc.meta.title, lex, doc.meta.titleSpeaker ?? null);
    const speakers = [...seg.speakers];
    for (const s of doc.meta.speakers ?? []) if (!speakers.some((x) => surname(x) === surname(s))) speakers.push(s);
    return {
      layers: { paragraphs: seg.paragraphs, sentences: seg.sentences, tokens: seg.tokens, turns: seg.turns },
      meta: { titleSpeaker: seg.titleSpeaker, speakers },
    };
  },
};
