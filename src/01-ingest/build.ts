/**
 * buildDoc: a decoded input → a Doc with the cleaned body text, metadata and empty layers.
 */
import * as crypto from 'node:crypto';
import type { Doc, DocMeta, Place } from '../00-model/doc.js';
import { isLanguageSwitcher, normaliseLines, removeChrome } from './chrome.js';
import { ingestData, type IngestData, type OutletRule } from './data.js';
import { isoOf, normalisePublished, type FoundDate } from './dates.js';
import { analyseHeader, stampLine, type HeaderInfo } from './header.js';
import { extractHtml } from './html.js';
import { extractMarkdown } from './markdown.js';
import type { SourceText } from './types.js';

/** A decoded input that holds no document text once page chrome is removed. */
export class EmptyDocumentError extends Error {}

/** What buildDoc found, for diagnostics and tests (not part of the Doc). */
export interface BuildTrace {
  header: HeaderInfo;
  chromeLinesRemoved: number;
  htmlMethod: 'readability' | 'body' | null;
}

// crypto.hash (Node ≥ 20.12) hashes a string in one call, without a Hash object: about twice as fast
// (read from the namespace: a named import of it would fail to link on older Node 20 releases)
const oneShot = (crypto as Partial<typeof crypto>).hash;
const sha256Hex: (s: string) => string = oneShot
  ? (s) => oneShot('sha256', s, 'hex')
  : (s) => crypto.createHash('sha256').update(s).digest('hex');

export function contentId(text: string): string {
  return sha256Hex(text).slice(0, 16);
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function sameText(a: string, b: string): boolean {
  const n = (s: string) =>
    s
      .replace(/[\s\u00A0]+/g, ' ')
      .replace(/[’‘]/g, "'")
      .trim()
      .toLowerCase();
  return n(a) === n(b);
}

interface OutletHit {
  source: string;
  tz: string | null;
}

function detectOutlet(
  url: string | null,
  header: HeaderInfo,
  title: string | null,
  langSwitch: boolean,
  siteName: string | null,
): OutletHit | null {
  const rules = ingestData().outlets;
  const first = (pred: (r: OutletRule) => boolean): OutletHit | null => {
    const r = rules.find(pred);
    return r ? { source: r.source, tz: r.tz } : null;
  };
  const host = hostOf(url);
  if (host) {
    const h = first((r) => r.signal === 'host' && (host === r.pattern || host.endsWith('.' + r.pattern)));
    if (h) return h;
  }
  const tag = header.dateline?.tag;
  if (tag) {
    const h = first((r) => r.signal === 'tag' && r.pattern.toLowerCase() === tag.toLowerCase());
    return h ?? { source: tag, tz: null };
  }
  for (const l of header.headerLines) {
    for (const r of rules) {
      if (r.signal !== 'line') continue;
      const m = r.re!.exec(l);
      // a source of "$1" takes the outlet's name from the line ("From: Foreign Office")
      if (m) return { source: r.source === '$1' ? (m[1] ?? l).trim() : r.source, tz: r.tz };
    }
  }
  if (title) {
    const h = first((r) => r.signal === 'title' && r.re!.test(title));
    if (h) return h;
  }
  if (siteName) {
    const h = first((r) => r.signal === 'name' && r.re!.test(siteName));
    if (h) return h;
  }
  if (langSwitch) return first((r) => r.signal === 'langswitch');
  return null;
}

const ROLE_WORDS = new Set(
  'foreign affairs minister ministers presidents ministry deputy first vice president prime secretary state of the spokesperson spokeswoman spokesman official representative ambassador envoy special presidential chairman chair director general senior under assistant acting mr mrs ms dr h.e. his her excellency federal chancellor premier king queen councilor councillor state-councilor russian chinese us u.s. american british french german indian'.split(
    ' ',
  ),
);

const POSS =
  /((?:[A-Z][\p{L}.'’-]*\s+){1,7}[A-Z][\p{L}.-]*)[’']s\s+(?:[a-z]+\s+){0,3}?(?:remarks|comments?|statement|speech|answers|interview|address|article|briefing|opening|introductory|regular press conference|press conference|op-ed|message|responses?)\b/iu;
/**
 * A necessary condition of POSS, checked first: POSS (case-insensitive with Unicode) costs about
 * 100 µs on a title it does not match. Without the u flag this one is fast; under /iu the letters
 * of POSS's possessive and keywords also match ſ (U+017F, as s) and the Kelvin sign (U+212A, as k), written out here.
 */
const POSS_HINT =
  /[’'][s\u017F]\s+(?:[a-z\u017F\u212A]+\s+){0,3}(?:remar[k\u212A][s\u017F]|comment[s\u017F]?|[s\u017F]tatement|[s\u017F]peech|an[s\u017F]wer[s\u017F]|interview|addre[s\u017F][s\u017F]|article|briefing|opening|introductory|regular pre[s\u017F][s\u017F] conference|pre[s\u017F][s\u017F] conference|op-ed|me[s\u017F][s\u017F]age|re[s\u017F]pon[s\u017F]e[s\u017F]?)/i;
const BY =
  /\b(?:[Rr]emarks|[Bb]riefing|[Ss]tatement|[Ss]peech|[Aa]ddress|[Ii]nterview|[Cc]omment|[Aa]nswers|[Aa]rticle)\s+(?:to [^,]+?\s+)?by\s+((?:[A-Z][\p{L}.'’-]*\s+){0,7}[A-Z][\p{L}.'’-]*)/u;
/** A necessary condition of BY ("… by Name"), checked first. */
const BY_HINT = /\sby\s/;

/** The person a title names as speaker: "Foreign Minister Sergey Lavrov’s remarks…", "Briefing by … Maria Zakharova". */
export function titleSpeakerOf(title: string | null): string | null {
  if (!title) return null;
  const name = (seq: string): string | null => {
    const ws = seq.trim().split(/\s+/);
    while (ws.length && ROLE_WORDS.has(ws[0]!.toLowerCase())) ws.shift();
    if (ws.length < 2 || ws.length > 4) return null;
    if (!ws.every((w) => /^[A-Z][\p{L}'’.-]*$/u.test(w) && !ROLE_WORDS.has(w.toLowerCase()))) return null;
    return ws.join(' ');
  };
  const poss = POSS_HINT.test(title) ? POSS.exec(title) : null;
  if (poss) {
    const n = name(poss[1]!);
    if (n) return n;
  }
  const by = BY_HINT.test(title) ? BY.exec(title) : null;
  if (by) {
    // stop at a comma or a lower-case word
    const n = name(by[1]!);
    if (n) return n;
  }
  return null;
}

const lineRulesCache = new WeakMap<IngestData, OutletRule[]>();

/** The outlet rules matched against header lines ("Office of the Spokesperson"), filtered once. */
function lineRulesOf(data: IngestData): OutletRule[] {
  let rules = lineRulesCache.get(data);
  if (!rules) lineRulesCache.set(data, (rules = data.outlets.filter((r) => r.signal === 'line')));
  return rules;
}

function place(name: string | null): Place | null {
  return name ? { name, country: null, lat: null, lon: null } : null;
}

/** Builds the Doc. Pure: the same SourceText always gives the same Doc (and id). */
export function buildDoc(src: SourceText): Doc {
  return buildDocTraced(src).doc;
}

export function buildDocTraced(src: SourceText): { doc: Doc; trace: BuildTrace } {
  let body = src.raw;
  let metaTitle: string | null = src.given.title ?? null;
  const titleGiven = metaTitle !== null;
  let metaPublished: string | null = src.given.published ?? null;
  let metaSource: string | null = src.given.source ?? null;
  let url: string | null = src.url ?? src.given.url ?? null;
  let htmlMethod: BuildTrace['htmlMethod'] = null;
  let siteName: string | null = null;
  let pageStamp: FoundDate | null = null;
  let pageLangSwitch = false;
  if (src.kind === 'html') {
    const h = extractHtml(src.raw);
    body = h.text;
    htmlMethod = h.method;
    metaTitle ??= h.title;
    metaPublished ??= h.published;
    url ??= h.url;
    // og:site_name is a weak signal: used only when nothing in the text names the outlet
    siteName = h.siteName;
    for (const l of h.pageLines) {
      if (!pageStamp) pageStamp = stampLine(l);
      if (!pageLangSwitch && isLanguageSwitcher(l)) pageLangSwitch = true;
    }
  } else if (src.kind === 'markdown') {
    const m = extractMarkdown(src.raw);
    body = m.text;
    metaTitle ??= m.title;
    metaPublished ??= m.published;
    metaSource ??= m.source;
    url ??= m.url;
  }
  const lines = normaliseLines(body);
  const chrome = removeChrome(lines);
  const header = analyseHeader(chrome.lines);

  // a given title replaces the header's title; the first line is dropped only when it repeats it
  if (metaTitle && src.kind !== 'html') {
    const firstIdx = chrome.lines.findIndex((l) => l !== '');
    const tIdx = header.title ? chrome.lines.indexOf(header.title) : -1;
    if (tIdx >= 0 && !sameText(header.title!, metaTitle)) header.drop.delete(tIdx);
    if (firstIdx >= 0 && sameText(chrome.lines[firstIdx]!, metaTitle)) header.drop.add(firstIdx);
    header.title = metaTitle;
  } else if (!titleGiven && metaTitle && src.kind === 'html' && header.title && !sameText(header.title, metaTitle)) {
    // the page <title> often carries the site name ("… | Ministry of X"); the headline in the text wins
    metaTitle = header.title;
  }

  // bylines that name the outlet ("Office of the Spokesperson") are header, not body
  const lineRules = lineRulesOf(ingestData());
  header.headerLines.forEach((l, k) => {
    if (lineRules.some((r) => r.re!.test(l))) header.drop.add(header.headerIdx[k]!);
  });
  const kept: string[] = [];
  chrome.lines.forEach((l, i) => {
    if (header.drop.has(i)) return;
    if (!l && (kept.length === 0 || kept[kept.length - 1] === '')) return;
    kept.push(l);
  });
  while (kept.length && kept[kept.length - 1] === '') kept.pop();
  const text = kept.join('\n');
  if (!text) {
    throw new EmptyDocumentError(
      src.kind === 'html'
        ? 'no text found in the page'
        : 'no text left after removing page chrome (navigation, share bars, language switchers)',
    );
  }

  const title = (metaTitle ?? header.title)?.replace(/\s+/g, ' ').trim() || null;
  const outlet = detectOutlet(url, header, title, chrome.langSwitch || pageLangSwitch, siteName);
  const tz = outlet?.tz ?? null;
  const source = metaSource ?? outlet?.source ?? siteName ?? null;

  const withYear = (d: FoundDate | null | undefined): string | null => (d && d.year !== null ? isoOf(d, tz) : null);
  let given = normalisePublished(metaPublished);
  // a given day, and a stamp in the text on that day with its time: keep the time
  const stampIso = withYear(header.stamp) ?? withYear(pageStamp);
  if (given && given.length === 10 && stampIso && stampIso.length > 10 && stampIso.startsWith(given)) given = stampIso;
  const published =
    given ??
    stampIso ??
    withYear(header.labelled) ??
    withYear(header.titleDate) ??
    withYear(header.dateline?.date) ??
    withYear(header.signoff?.date) ??
    null;
  let publishedPartial: DocMeta['publishedPartial'] = null;
  if (!published) {
    const d =
      [header.stamp, header.dateline?.date, header.labelled, header.titleDate, header.signoff?.date].find(
        (x) => x && x.day !== null,
      ) ?? null;
    if (d && d.day !== null)
      publishedPartial = d.time ? { month: d.month, day: d.day, time: d.time } : { month: d.month, day: d.day };
  }
  const placeName =
    header.dateline?.place ?? header.titlePlace ?? header.labelledPlace ?? header.signoff?.place ?? null;

  const meta: DocMeta = {
    // JSON Lines rows carry their own ids: two rows with the same text are still two documents
    id: src.inputId != null ? contentId(`${src.inputId}\u0000${text}`) : contentId(text),
    file: src.file,
    inputId: src.inputId,
    url,
    title: title ?? null,
    published,
    publishedPartial,
    place: place(placeName),
    source,
    speakers: [],
    language: 'en',
    titleSpeaker: titleSpeakerOf(title ?? null),
  };
  return {
    doc: { id: meta.id, text, meta, layers: {} },
    trace: { header, chromeLinesRemoved: chrome.removed, htmlMethod },
  };
}
