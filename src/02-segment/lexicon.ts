/**
 * Segmentation vocabulary, loaded once per process from data/segment/:
 * abbreviations (sentence boundaries), speaker-label words (turns), honorific/office
 * words and speech nouns (title speaker). See the header of each file for its source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type AbbrevKind = 'title' | 'number' | 'generic';
export type LabelKind = 'question' | 'answer' | 'host' | 'ignore';

export interface SegmentLexicon {
  /** lower-case abbreviation without its final period → kind */
  abbrev: Map<string, AbbrevKind>;
  /** whole-label terms (lower case) → kind */
  labelWhole: Map<string, LabelKind>;
  /** first word of a label (lower case) → kind (only "ignore" entries in practice) */
  labelFirst: Map<string, LabelKind>;
  /** honorific and office words, lower case, without final period */
  titleWords: Set<string>;
  /** speech nouns (lower case, may be multi-word) */
  speechNouns: string[];
}

const DEFAULT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/segment');

function rows(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[][] = [];
  let header = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const cells = raw.split('\t').map((c) => c.trim());
    if (file.endsWith('.tsv') && !header) {
      header = true;
      continue;
    }
    out.push(cells);
  }
  return out;
}

const cache = new Map<string, SegmentLexicon>();

/** Loads the lexicon (cached per directory). `dataDir` is the KB's data/ folder if known. */
export function loadSegmentLexicon(dataDir?: string): SegmentLexicon {
  // asked once per document: answer from memory before touching the file system
  const known = byArg.get(dataDir ?? '');
  if (known) return known;
  const lex = loadFrom(dataDir);
  byArg.set(dataDir ?? '', lex);
  return lex;
}

/** lexicons by the `dataDir` argument they were asked for with ('' for none) */
const byArg = new Map<string, SegmentLexicon>();

function loadFrom(dataDir?: string): SegmentLexicon {
  const dir = dataDir ? path.join(dataDir, 'segment') : DEFAULT_DIR;
  const useDir = fs.existsSync(dir) ? dir : DEFAULT_DIR;
  const hit = cache.get(useDir);
  if (hit) return hit;
  const abbrev = new Map<string, AbbrevKind>();
  for (const [a, k] of rows(path.join(useDir, 'abbreviations.tsv'))) {
    if (a && (k === 'title' || k === 'number' || k === 'generic')) abbrev.set(a.toLowerCase().replace(/\.$/, ''), k);
  }
  const labelWhole = new Map<string, LabelKind>();
  const labelFirst = new Map<string, LabelKind>();
  for (const [term, kind, match] of rows(path.join(useDir, 'labels.tsv'))) {
    if (!term || !kind) continue;
    const k = kind as LabelKind;
    if (match === 'first') labelFirst.set(term.toLowerCase(), k);
    else labelWhole.set(term.toLowerCase(), k);
  }
  const titleWords = new Set<string>();
  for (const [w] of rows(path.join(useDir, 'titles.txt'))) if (w) titleWords.add(w.toLowerCase().replace(/\.$/, ''));
  const speechNouns: string[] = [];
  for (const [w] of rows(path.join(useDir, 'speech-nouns.txt'))) if (w) speechNouns.push(w.toLowerCase());
  const lex: SegmentLexicon = { abbrev, labelWhole, labelFirst, titleWords, speechNouns };
  cache.set(useDir, lex);
  return lex;
}
