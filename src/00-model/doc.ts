/**
 * The document model: one immutable text plus stand-off annotation layers.
 *
 * Every span is a pair of JavaScript string offsets [start, end) into `Doc.text`
 * (the text as ingested, after boilerplate removal). Stages never edit the text;
 * they read layers other stages produced and return new layers.
 */

export interface Span {
  start: number;
  end: number;
}

/** A party or actor, exactly the shape of the record contract (docs/records.md). */
export interface Actor {
  name: string | null;
  role: string | null;
  /** ISO 3166-1 alpha-3 */
  country: string | null;
  /** short acronym of an international organisation or forum (UN, ASEAN, G20…) */
  org: string | null;
  /** CAMEO sector (GOV, MIL, REB, OPP, MED, BUS…) */
  sector: string | null;
  /** CAMEO actor code: country/org + sector, e.g. RUSGOV, IGOUNO */
  code: string | null;
}

export interface Place {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

/** ISO 8601 at the precision the text supports: "2017", "2017-07", "2017-07-09", "2017-07-09T12:00+03:00". */
export type IsoDate = string;

export interface DocMeta {
  /** stable document id (content hash) */
  id: string;
  /** path as given on the command line, for file inputs */
  file: string | null;
  /** id given in JSON Lines input */
  inputId: string | null;
  url: string | null;
  title: string | null;
  /** publication date (ISO, precision as known) */
  published: IsoDate | null;
  /** publication date as found in a header/dateline without a year, e.g. month-day "04-12" */
  publishedPartial?: { month: number; day: number; time?: string } | null;
  /** where the document was issued (dateline or title) */
  place: Place | null;
  /** outlet, e.g. "TASS", "Russian MFA" */
  source: string | null;
  /** names of principal speakers */
  speakers: string[];
  language: string;
  /** title-named speaker ("Foreign Minister Sergey Lavrov's remarks…") if any */
  titleSpeaker?: string | null;
}

export interface Paragraph extends Span {
  index: number;
}

/** A word token with its part-of-speech tag (Universal POS, as wink-nlp gives them). */
export interface Token extends Span {
  pos: string;
  sentence: number;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  /** index of the turn this sentence belongs to, or null outside transcripts */
  turn: number | null;
}

export type TurnRole = 'statement' | 'question' | 'answer';

export interface Turn extends Span {
  index: number;
  /** the label as written ("Sergey Lavrov (answers after Wang Yi)"), null if unlabelled */
  label: string | null;
  /** end offset of the label incl. colon; speech starts after it */
  bodyStart: number;
  /** speaker name as written/resolved, null for a journalist's question */
  speakerName: string | null;
  /** resolved speaker (filled by recognition; segmentation leaves role/country null) */
  speaker: Actor | null;
  role: TurnRole;
}

export type MentionKind =
  | 'person' // named person ("Rex Tillerson", "Tillerson")
  | 'role' // role-only ("the US Secretary of State")
  | 'country' // country name, adjective, capital metonym
  | 'org' // international organisation / forum
  | 'group' // "the Chinese side", "our American colleagues", "the Russian Defence Ministry"
  | 'pronoun' // I / we / my colleague resolved via turns
  | 'nonstate'; // ISIS, Taliban…

export interface ActorMention extends Span {
  kind: MentionKind;
  actor: Actor;
  /** key grouping mentions of one entity in a document (e.g. "person:Rex Tillerson", "country:RUS") */
  key: string;
  /** which rule/pattern recognised it */
  rule: string;
}

export interface PlaceMention extends Span {
  place: Place;
  key: string;
  rule: string;
}

export type DatePrecision = 'year' | 'month' | 'day' | 'minute';

export interface DateMention extends Span {
  /** resolved start, ISO at precision; null when unresolvable (e.g. no year known) */
  value: IsoDate | null;
  /** range end, ISO, when the expression is a range */
  valueEnd: IsoDate | null;
  precision: DatePrecision;
  /** "relative", "absolute", "vague", "range" */
  type: 'absolute' | 'relative' | 'vague' | 'range';
  /** true when the text refers to the future relative to the document date */
  future: boolean | null;
  rule: string;
}

export interface TopicMention extends Span {
  topic: string;
  /** the lexicon term that fired */
  term: string;
}

export interface Evidence extends Span {
  text: string;
}

export interface EventAnn {
  cameo: string;
  root: string;
  quadClass: number;
  goldstein: number;
  plover: string | null;
  source: Actor | null;
  target: Actor | null;
  date: IsoDate | null;
  place: Place | null;
  negated: boolean;
  hypothetical: boolean;
  topics: string[];
  evidence: Evidence;
  /** the verb span that triggered it */
  trigger: Span;
  rule: string;
  sentence: number;
}

export type MeetingStatus = 'held' | 'planned';

export interface MeetingAnn {
  status: MeetingStatus;
  date: IsoDate | null;
  dateEnd: IsoDate | null;
  place: Place | null;
  parties: Actor[];
  format: string | null;
  topics: string[];
  evidence: Evidence;
  rule: string;
}

export type AgreementStatus = 'reached' | 'signed' | 'planned' | 'proposed' | 'referenced';

export interface AgreementAnn {
  status: AgreementStatus;
  date: IsoDate | null;
  effective: IsoDate | null;
  deadline: IsoDate | null;
  parties: Actor[];
  topics: string[];
  evidence: Evidence;
  rule: string;
}

export interface QuoteAnn extends Span {
  speaker: Actor | null;
  /** quoted words only, without quotation marks */
  text: string;
  direct: boolean;
  rule: string;
}

/** All annotation layers. Each is produced by exactly one stage. */
export interface Layers {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  turns: Turn[];
  actors: ActorMention[];
  places: PlaceMention[];
  dates: DateMention[];
  topics: TopicMention[];
  events: EventAnn[];
  meetings: MeetingAnn[];
  agreements: AgreementAnn[];
  quotes: QuoteAnn[];
}

export interface Doc {
  readonly id: string;
  readonly text: string;
  readonly meta: DocMeta;
  readonly layers: Readonly<Partial<Layers>>;
}

/** What a stage returns: new layers and, optionally, corrections to metadata. */
export interface StageOutput {
  layers?: Partial<Layers>;
  meta?: Partial<DocMeta>;
}

export function emptyActor(partial: Partial<Actor> = {}): Actor {
  return { name: null, role: null, country: null, org: null, sector: null, code: null, ...partial };
}

export function slice(doc: Pick<Doc, 'text'>, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

export function evidence(doc: Pick<Doc, 'text'>, span: Span): Evidence {
  return { start: span.start, end: span.end, text: doc.text.slice(span.start, span.end) };
}

/** Returns the layer or throws a clear error naming the stage that should have produced it. */
export function need<K extends keyof Layers>(doc: Doc, layer: K, by: string): Layers[K] {
  const l = doc.layers[layer];
  if (!l) throw new Error(`layer "${layer}" is missing: run the ${by} stage first`);
  return l as Layers[K];
}

/** First index whose span starts at or after `at` (list sorted by start). */
export function lowerBound(l: readonly Span[], at: number): number {
  let lo = 0;
  let hi = l.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (l[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the span of a start-sorted list of non-overlapping spans that contains `pos` (-1: none). */
export function spanIndexAt(l: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = l.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = l[mid]!;
    if (pos < x.start) hi = mid - 1;
    else if (pos >= x.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The span of a start-sorted list of non-overlapping spans that contains `pos` (null: none). */
export function spanAt<T extends Span>(l: readonly T[], pos: number): T | null {
  const i = spanIndexAt(l, pos);
  return i < 0 ? null : l[i]!;
}
