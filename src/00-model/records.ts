/**
 * Output records: the JSON Lines contract of ../shared/docs/records.md.
 * Field names here must never be renamed; extra fields may be added.
 */
import type { Actor, AgreementStatus, Evidence, IsoDate, MeetingStatus, Place, TurnRole } from './doc.js';

export interface DocumentRecord {
  kind: 'document';
  doc: string;
  file?: string;
  id?: string;
  url: string | null;
  title: string | null;
  published: IsoDate | null;
  place: Place | null;
  source: string | null;
  speakers: string[];
  language: string;
  chars: number;
  /** the document's date expressions and their resolution (for readers; not part of the contract) */
  dates?: { start: number; end: number; text: string; value: string | null; valueEnd: string | null; type: string }[];
}

export interface TurnRecord {
  kind: 'turn';
  doc: string;
  speaker: Actor | null;
  role: TurnRole;
  start: number;
  end: number;
  label: string | null;
}

export interface MeetingRecord {
  kind: 'meeting';
  doc: string;
  status: MeetingStatus;
  date: IsoDate | null;
  date_end: IsoDate | null;
  place: Place | null;
  parties: Actor[];
  format: string | null;
  topics: string[];
  evidence: Evidence;
  rule: string;
}

export interface AgreementRecord {
  kind: 'agreement';
  doc: string;
  status: AgreementStatus;
  date: IsoDate | null;
  effective: IsoDate | null;
  deadline: IsoDate | null;
  parties: Actor[];
  topics: string[];
  evidence: Evidence;
  rule: string;
}

export interface QuoteRecord {
  kind: 'quote';
  doc: string;
  speaker: Actor | null;
  text: string;
  start: number;
  end: number;
  direct: boolean;
  rule: string;
}

export interface EventRecord {
  kind: 'event';
  doc: string;
  cameo: string;
  root: string;
  quad_class: number;
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
  rule: string;
}

export interface EntityRecord {
  kind: 'entity';
  doc: string;
  type: 'person' | 'country' | 'org' | 'place';
  name: string | null;
  country: string | null;
  org: string | null;
  role: string | null;
  lat: number | null;
  lon: number | null;
  code: string | null;
  mentions: [number, number][];
}

export type RecordOf =
  DocumentRecord | TurnRecord | MeetingRecord | AgreementRecord | QuoteRecord | EventRecord | EntityRecord;

export type RecordKind = RecordOf['kind'];

export const RECORD_KINDS: RecordKind[] = ['document', 'turn', 'entity', 'meeting', 'agreement', 'quote', 'event'];
