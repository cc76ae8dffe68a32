/** Loads the ingest knowledge (outlets, page-chrome phrases) from data/ingest/, once. */
import path from 'node:path';
import { readTsvRows } from '../knowledge/tsv.js';
import { fileURLToPath } from 'node:url';

export const INGEST_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/ingest');

export interface OutletRule {
  source: string;
  signal: 'host' | 'tag' | 'line' | 'title' | 'name' | 'langswitch';
  pattern: string;
  re: RegExp | null;
  tz: string | null;
  /** a government outlet's country (ISO alpha-3); null for news agencies */
  country: string | null;
}

export interface IngestData {
  outlets: OutletRule[];
  /** lower-cased whole-line chrome phrases */
  chromeLines: Set<string>;
  /** lower-cased phrases opening a trailing chrome block */
  tailMarkers: Set<string>;
  /** lower-cased share-bar words */
  social: Set<string>;
  /** lower-cased language names of language switchers */
  languages: Set<string>;
  /** genre labels and transcript disclaimers in a header ("Media Release", "E&OE"): dropped, never a title */
  labels: Set<string>;
  labelRes: RegExp[];
  /** lower-cased lines that introduce one linked headline ("Read also"): both are chrome */
  leadins: Set<string>;
  /** whole-line chrome patterns ("Tags: …", "© 2022 …") */
  lineRes: RegExp[];
}

const rows = (file: string): string[][] => readTsvRows(path.join(INGEST_DATA_DIR, file));

let cached: IngestData | null = null;

export function ingestData(): IngestData {
  if (cached) return cached;
  const outlets: OutletRule[] = rows('outlets.tsv').map(([source, signal, pattern, tz, country]) => {
    const sig = signal as OutletRule['signal'];
    const p = pattern ?? '';
    return {
      source: source!,
      signal: sig,
      pattern: p,
      re: sig === 'line' || sig === 'title' || sig === 'name' ? new RegExp(p, 'i') : null,
      tz: tz?.trim() || null,
      country: country?.trim() || null,
    };
  });
  const chromeLines = new Set<string>();
  const tailMarkers = new Set<string>();
  const social = new Set<string>();
  const languages = new Set<string>();
  const labels = new Set<string>();
  const labelRes: RegExp[] = [];
  const leadins = new Set<string>();
  const lineRes: RegExp[] = [];
  for (const [kind, phrase] of rows('chrome.tsv')) {
    const p = (phrase ?? '').trim().toLowerCase();
    if (!p) continue;
    if (kind === 'line') chromeLines.add(p);
    else if (kind === 'tail') tailMarkers.add(p);
    else if (kind === 'social') social.add(p);
    else if (kind === 'lang') languages.add(p);
    else if (kind === 'label') labels.add(p);
    else if (kind === 'leadin') leadins.add(p);
    else if (kind === 'linere') lineRes.push(new RegExp((phrase ?? '').trim(), 'i'));
    else if (kind === 'labelre') labelRes.push(new RegExp((phrase ?? '').trim(), 'i'));
  }
  cached = { outlets, chromeLines, tailMarkers, social, languages, labels, labelRes, leadins, lineRes };
  return cached;
}

/** The country of a government outlet named as a document's source ("US Department of State" → USA); null otherwise. */
export function outletCountry(source: string | null | undefined): string | null {
  if (!source) return null;
  for (const o of ingestData().outlets) if (o.source === source && o.country) return o.country;
  return null;
}
