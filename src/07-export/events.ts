/**
 * Event tables in the column layouts users already load:
 * - GDELT-like (tab-separated, GDELT 1.0/2.0 event column names, a subset plus Readout_* columns);
 * - ICEWS-like (tab-separated, the ICEWS coded event data columns);
 * - PLOVER JSON (one JSON object per line: event_type, mode, context, actor, recipient, date…).
 *
 * What is not known is left empty, never invented: a month-precision date fills MonthYear and
 * Year but not SQLDATE. Negated and hypothetical events ("did not meet", "could impose") are not
 * events that happened: they are left out unless `includeNegated` / `includeHypothetical`.
 */
import type { Writable } from 'node:stream';
import type { Actor, Span } from '../00-model/doc.js';
import { spanIndexAt } from '../00-model/doc.js';
import type { EventRecord } from '../00-model/records.js';
import type { RecordFilter, Store, StoredDocument } from '../05-store/store.js';
import { loadCameoKB, cameoInfo, ploverOf, type CameoKB } from '../knowledge/cameo.js';
import { DEFAULT_DATA_DIR } from '../knowledge/index.js';
import { actorName, countryName, LineWriter, sectorName, tsvField } from './write.js';

export interface EventExportOptions {
  includeNegated?: boolean;
  includeHypothetical?: boolean;
  /** CAMEO labels (event names, PLOVER mode/context); loaded from data/ when not given */
  cameo?: CameoKB | null;
}

let cameoCache: CameoKB | null | undefined;
function cameoKB(opts: EventExportOptions): CameoKB | null {
  if (opts.cameo !== undefined) return opts.cameo;
  if (cameoCache === undefined) {
    try {
      cameoCache = loadCameoKB(DEFAULT_DATA_DIR);
    } catch {
      cameoCache = null;
    }
  }
  return cameoCache;
}

/** Per-document facts the tables need, fetched once per document. */
interface DocFacts {
  url: string | null;
  source: string | null;
  title: string | null;
  ingestedAt: string;
  /** end of the first paragraph (first blank line, else first line break, else the text) */
  leadEnd: number;
  sentences: Span[];
}

class DocCache {
  private map = new Map<string, DocFacts | null>();
  constructor(private store: Store) {}
  get(id: string): DocFacts | null {
    if (this.map.has(id)) return this.map.get(id)!;
    if (this.map.size > 256) this.map.clear();
    const d: StoredDocument | null = this.store.getDocument(id);
    let facts: DocFacts | null = null;
    if (d) {
      const body = d.text.replace(/^\s+/, '');
      const lead = d.text.length - body.length;
      const para = body.search(/\n\s*\n/);
      const line = body.indexOf('\n');
      const leadEnd = lead + (para >= 0 ? para : line >= 0 ? line : body.length);
      facts = {
        url: d.record.url ?? null,
        source: d.record.source ?? null,
        title: d.record.title ?? null,
        ingestedAt: d.ingestedAt,
        leadEnd,
        sentences: d.sentences,
      };
    }
    this.map.set(id, facts);
    return facts;
  }
}

function* events(store: Store, filter: RecordFilter, opts: EventExportOptions): Generator<EventRecord> {
  for (const r of store.iterate('event', filter)) {
    const e = r as EventRecord;
    if (e.negated && !opts.includeNegated) continue;
    if (e.hypothetical && !opts.includeHypothetical) continue;
    yield e;
  }
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

function dateParts(d: string | null): {
  day: string | null;
  month: string | null;
  year: string | null;
  fraction: string | null;
} {
  const m = d ? DATE_RE.exec(d) : null;
  if (!m) return { day: null, month: null, year: null, fraction: null };
  const year = m[1]!;
  const month = m[2] ? `${year}${m[2]}` : null;
  const day = m[3] ? `${month}${m[3]}` : null;
  let fraction: string | null = null;
  if (m[3]) {
    const doy = (Date.UTC(+year, +m[2]! - 1, +m[3]) - Date.UTC(+year, 0, 1)) / 86400000 + 1;
    fraction = (Number(year) + doy / 365).toFixed(4);
  }
  return { day, month, year, fraction };
}

/** 1-based number of the sentence holding `offset`, or null. */
function sentenceNumber(sentences: Span[], offset: number): number | null {
  const i = spanIndexAt(sentences, offset);
  return i < 0 ? null : i + 1;
}

function sourceUrl(doc: string, f: DocFacts | null): string {
  return f?.url ?? `readout:${doc}`;
}

// ------------------------------------------------------------------ GDELT

export const GDELT_COLUMNS = [
  'GlobalEventID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  'Actor1Code',
  'Actor1Name',
  'Actor1CountryCode',
  'Actor1KnownGroupCode',
  'Actor1Type1Code',
  'Actor2Code',
  'Actor2Name',
  'Actor2CountryCode',
  'Actor2KnownGroupCode',
  'Actor2Type1Code',
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'ActionGeo_Type',
  'ActionGeo_FullName',
  'ActionGeo_CountryCode',
  'ActionGeo_Lat',
  'ActionGeo_Long',
  'DATEADDED',
  'SOURCEURL',
  'Readout_Doc',
  'Readout_EvidenceStart',
  'Readout_EvidenceEnd',
  'Readout_EvidenceText',
  'Readout_PLOVER',
  'Readout_Negated',
  'Readout_Hypothetical',
  'Readout_Rule',
];

const gdeltActor = (a: Actor | null) => [
  a?.code ?? null,
  a ? ((a.name ?? a.org ?? countryName(a.country))?.toUpperCase() ?? null) : null,
  a?.country ?? null,
  a?.org ?? null,
  a?.sector ?? null,
];

/**
 * GDELT-like event table (TSV with a header). GlobalEventID numbers the exported events 1..n in
 * export order; IsRootEvent is 1 when the evidence lies in the document's first paragraph;
 * ActionGeo_CountryCode is ISO alpha-3 (GDELT uses FIPS); ActionGeo_Type is 4 (city/place) when
 * the place has coordinates and a name other than its country, 1 (country) otherwise.
 */
export async function exportGdelt(
  store: Store,
  filter: RecordFilter,
  out: Writable,
  opts: EventExportOptions = {},
): Promise<number> {
  const w = new LineWriter(out);
  const docs = new DocCache(store);
  await w.line(GDELT_COLUMNS.join('\t'));
  let n = 0;
  for (const e of events(store, filter, opts)) {
    n++;
    const f = docs.get(e.doc);
    const d = dateParts(e.date);
    const p = e.place;
    const geoType = p ? (p.lat !== null && p.lon !== null && p.name !== countryName(p.country) ? 4 : 1) : null;
    const added = f ? f.ingestedAt.replace(/\D/g, '').slice(0, 14) : null;
    const row = [
      n,
      d.day,
      d.month,
      d.year,
      d.fraction,
      ...gdeltActor(e.source),
      ...gdeltActor(e.target),
      f ? (e.evidence.start < f.leadEnd ? 1 : 0) : null,
      e.cameo,
      e.cameo.slice(0, 3),
      e.root,
      e.quad_class,
      e.goldstein,
      1,
      1,
      1,
      geoType,
      p ? [p.name, countryName(p.country)].filter((x, i) => x && (i === 0 || x !== p.name)).join(', ') : null,
      p?.country ?? null,
      p?.lat ?? null,
      p?.lon ?? null,
      added,
      sourceUrl(e.doc, f),
      e.doc,
      e.evidence.start,
      e.evidence.end,
      e.evidence.text,
      e.plover,
      e.negated ? 1 : 0,
      e.hypothetical ? 1 : 0,
      e.rule,
    ];
    await w.line(row.map(tsvField).join('\t'));
  }
  await w.flush();
  return n;
}

// ------------------------------------------------------------------ ICEWS

export const ICEWS_COLUMNS = [
  'Event ID',
  'Event Date',
  'Source Name',
  'Source Sectors',
  'Source Country',
  'Event Text',
  'CAMEO Code',
  'Intensity',
  'Target Name',
  'Target Sectors',
  'Target Country',
  'Story ID',
  'Sentence Number',
  'Publisher',
  'City',
  'District',
  'Province',
  'Country',
  'Latitude',
  'Longitude',
];

/**
 * ICEWS-like event table (TSV with a header). Event Date is the ISO date at the precision known;
 * Story ID is the Readout document id; Sentence Number is 1-based; City is the place name; countries
 * are English names. Event Text is the CAMEO code's name.
 */
export async function exportIcews(
  store: Store,
  filter: RecordFilter,
  out: Writable,
  opts: EventExportOptions = {},
): Promise<number> {
  const kb = cameoKB(opts);
  const w = new LineWriter(out);
  const docs = new DocCache(store);
  await w.line(ICEWS_COLUMNS.join('\t'));
  let n = 0;
  for (const e of events(store, filter, opts)) {
    n++;
    const f = docs.get(e.doc);
    const info = kb ? cameoInfo(kb, e.cameo) : null;
    const row = [
      n,
      e.date,
      actorName(e.source),
      sectorName(e.source?.sector),
      countryName(e.source?.country),
      info?.name ?? null,
      e.cameo,
      e.goldstein,
      actorName(e.target),
      sectorName(e.target?.sector),
      countryName(e.target?.country),
      e.doc,
      f ? sentenceNumber(f.sentences, e.evidence.start) : null,
      f?.source ?? null,
      e.place && e.place.name !== countryName(e.place.country) ? e.place.name : null,
      null,
      null,
      countryName(e.place?.country),
      e.place?.lat ?? null,
      e.place?.lon ?? null,
    ];
    await w.line(row.map(tsvField).join('\t'));
  }
  await w.flush();
  return n;
}

// ------------------------------------------------------------------ PLOVER

export interface PloverActor {
  name: string | null;
  country: string | null;
  org: string | null;
  role: string | null;
  sector: string | null;
  code: string | null;
}

export interface PloverEvent {
  id: string;
  date: string | null;
  event_type: string;
  mode: string | null;
  context: string[];
  actor: PloverActor | null;
  recipient: PloverActor | null;
  location: { name: string; country: string | null; lat: number | null; lon: number | null } | null;
  negated: boolean;
  hypothetical: boolean;
  topics: string[];
  cameo: string;
  goldstein: number;
  source_text: string;
  doc: string;
  evidence: { start: number; end: number };
  source_url: string;
  publisher: string | null;
  title: string | null;
}

const ploverActor = (a: Actor | null): PloverActor | null =>
  a ? { name: a.name, country: a.country, org: a.org, role: a.role, sector: a.sector, code: a.code } : null;

/**
 * PLOVER events as JSON Lines. Events without a PLOVER type (CAMEO 01/02, which PLOVER drops)
 * are left out. id is "<doc>:<evidence start>-<end>:<cameo>".
 */
export async function exportPlover(
  store: Store,
  filter: RecordFilter,
  out: Writable,
  opts: EventExportOptions = {},
): Promise<number> {
  const kb = cameoKB(opts);
  const w = new LineWriter(out);
  const docs = new DocCache(store);
  let n = 0;
  for (const e of events(store, filter, opts)) {
    if (!e.plover) continue;
    n++;
    const f = docs.get(e.doc);
    const label = kb ? ploverOf(kb, e.cameo) : null;
    const same = label && label.event === e.plover;
    const obj: PloverEvent = {
      id: `${e.doc}:${e.evidence.start}-${e.evidence.end}:${e.cameo}`,
      date: e.date,
      event_type: e.plover,
      mode: same ? label.mode : null,
      context: same ? label.context : [],
      actor: ploverActor(e.source),
      recipient: ploverActor(e.target),
      location: e.place ? { name: e.place.name, country: e.place.country, lat: e.place.lat, lon: e.place.lon } : null,
      negated: e.negated,
      hypothetical: e.hypothetical,
      topics: e.topics,
      cameo: e.cameo,
      goldstein: e.goldstein,
      source_text: e.evidence.text,
      doc: e.doc,
      evidence: { start: e.evidence.start, end: e.evidence.end },
      source_url: sourceUrl(e.doc, f),
      publisher: f?.source ?? null,
      title: f?.title ?? null,
    };
    await w.line(JSON.stringify(obj));
  }
  await w.flush();
  return n;
}
