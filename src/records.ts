/**
 * Layers → records: turns an annotated Doc into the JSON Lines records of docs/records.md.
 * Pure and deterministic: records come out in a fixed kind order, each kind sorted by offset.
 */
import type { Actor, ActorMention, Doc, Evidence, PlaceMention } from './00-model/doc.js';
import type {
  AgreementRecord,
  DocumentRecord,
  EntityRecord,
  EventRecord,
  MeetingRecord,
  QuoteRecord,
  RecordOf,
  TurnRecord,
} from './00-model/records.js';

const byStart = <T extends { start: number; end: number }>(a: T, b: T) => a.start - b.start || a.end - b.end;
const byEvidence = <T extends { evidence: Evidence }>(a: T, b: T) => byStart(a.evidence, b.evidence);

export function documentRecord(doc: Doc): DocumentRecord {
  const m = doc.meta;
  const r: DocumentRecord = {
    kind: 'document',
    doc: doc.id,
    url: m.url,
    title: m.title,
    published: m.published,
    place: m.place,
    source: m.source,
    speakers: m.speakers,
    language: m.language,
    chars: doc.text.length,
    dates: (doc.layers.dates ?? []).map((d) => ({
      start: d.start,
      end: d.end,
      text: doc.text.slice(d.start, d.end),
      value: d.value,
      valueEnd: d.valueEnd,
      type: d.type,
    })),
  };
  if (m.file != null) r.file = m.file;
  if (m.inputId != null) r.id = m.inputId;
  return r;
}

function turnRecords(doc: Doc): TurnRecord[] {
  return (doc.layers.turns ?? []).map((t) => ({
    kind: 'turn',
    doc: doc.id,
    speaker:
      t.speaker ??
      (t.speakerName ? { name: t.speakerName, role: null, country: null, org: null, sector: null, code: null } : null),
    role: t.role,
    start: t.start,
    end: t.end,
    label: t.label,
  }));
}

function entityType(m: ActorMention): EntityRecord['type'] {
  switch (m.kind) {
    case 'person':
    case 'role':
    case 'pronoun':
      return m.actor.name ? 'person' : m.actor.org ? 'org' : 'country';
    case 'org':
    case 'nonstate':
      return 'org';
    default:
      return m.actor.org && !m.actor.country ? 'org' : 'country';
  }
}

/** The entity of an actor mention (its first): one per resolved identity. */
function actorEntity(docId: string, m: ActorMention, type: EntityRecord['type']): EntityRecord {
  const a: Actor = m.actor;
  return {
    kind: 'entity',
    doc: docId,
    type,
    name: a.name ?? a.org ?? a.country,
    country: a.country,
    org: a.org,
    role: a.role,
    lat: null,
    lon: null,
    code: a.code,
    mentions: [[m.start, m.end]],
  };
}

/** The entity of a place mention (its first). */
function placeEntity(docId: string, p: PlaceMention): EntityRecord {
  return {
    kind: 'entity',
    doc: docId,
    type: 'place',
    name: p.place.name,
    country: p.place.country,
    org: null,
    role: null,
    lat: p.place.lat,
    lon: p.place.lon,
    code: null,
    mentions: [[p.start, p.end]],
  };
}

/** What an actor mention's entity of a type is known by: one entity per resolved identity, however differently it was mentioned ("BRICS", "the BRICS side"). */
function actorIdentity(m: ActorMention, type: EntityRecord['type']): string {
  const a: Actor = m.actor;
  return type === 'person' ? (a.name ?? m.key) : type === 'org' ? (a.org ?? a.name ?? m.key) : (a.country ?? m.key);
}

function byMentionSpan(x: [number, number], y: [number, number]): number {
  return x[0] - y[0] || x[1] - y[1];
}

function byFirstMention(x: EntityRecord, y: EntityRecord): number {
  return x.mentions[0][0] - y.mentions[0][0] || (x.name ?? '').localeCompare(y.name ?? '');
}

/** Sorts `list` (stably, like Array.prototype.sort) unless it is in order already, as it mostly is. */
function sortIfNeeded<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let k = 1; k < list.length; k++) if (compare(list[k - 1], list[k]) > 0) return list.sort(compare);
  return list;
}

function entityRecords(doc: Doc): EntityRecord[] {
  // the entities in order of creation (the sort by first mention is stable), and by type and identity
  const list: EntityRecord[] = [];
  const byIdentity: Record<EntityRecord['type'], Map<string, EntityRecord>> = {
    person: new Map(),
    country: new Map(),
    org: new Map(),
    place: new Map(),
  };
  for (const m of doc.layers.actors ?? []) {
    const type = entityType(m);
    const seen = byIdentity[type];
    const identity = actorIdentity(m, type);
    let e = seen.get(identity);
    if (e) e.mentions.push([m.start, m.end]);
    else {
      seen.set(identity, (e = actorEntity(doc.id, m, type)));
      list.push(e);
    }
  }
  for (const p of doc.layers.places ?? ([] as PlaceMention[])) {
    let e = byIdentity.place.get(p.key);
    if (e) e.mentions.push([p.start, p.end]);
    else {
      byIdentity.place.set(p.key, (e = placeEntity(doc.id, p)));
      list.push(e);
    }
  }
  for (const e of list) sortIfNeeded(e.mentions, byMentionSpan);
  return sortIfNeeded(list, byFirstMention);
}

function meetingRecords(doc: Doc): MeetingRecord[] {
  return [...(doc.layers.meetings ?? [])].sort(byEvidence).map((m) => ({
    kind: 'meeting',
    doc: doc.id,
    status: m.status,
    date: m.date,
    date_end: m.dateEnd,
    place: m.place,
    parties: m.parties,
    format: m.format,
    topics: m.topics,
    evidence: m.evidence,
    rule: m.rule,
  }));
}

function agreementRecords(doc: Doc): AgreementRecord[] {
  return [...(doc.layers.agreements ?? [])].sort(byEvidence).map((a) => ({
    kind: 'agreement',
    doc: doc.id,
    status: a.status,
    date: a.date,
    effective: a.effective,
    deadline: a.deadline,
    parties: a.parties,
    topics: a.topics,
    evidence: a.evidence,
    rule: a.rule,
  }));
}

function quoteRecords(doc: Doc): QuoteRecord[] {
  return [...(doc.layers.quotes ?? [])].sort(byStart).map((q) => ({
    kind: 'quote',
    doc: doc.id,
    speaker: q.speaker,
    text: q.text,
    start: q.start,
    end: q.end,
    direct: q.direct,
    rule: q.rule,
  }));
}

function eventRecords(doc: Doc): EventRecord[] {
  return [...(doc.layers.events ?? [])]
    .sort((a, b) => byEvidence(a, b) || a.trigger.start - b.trigger.start || a.cameo.localeCompare(b.cameo))
    .map((e) => ({
      kind: 'event',
      doc: doc.id,
      cameo: e.cameo,
      root: e.root,
      quad_class: e.quadClass,
      goldstein: e.goldstein,
      plover: e.plover,
      source: e.source,
      target: e.target,
      date: e.date,
      place: e.place,
      negated: e.negated,
      hypothetical: e.hypothetical,
      topics: e.topics,
      evidence: e.evidence,
      rule: e.rule,
    }));
}

/** All records of one document, in the contract's order. */
export function toRecords(doc: Doc): RecordOf[] {
  // concat, not spreads: the lists differ in element kind (an empty one holds small integers as far as V8
  // knows), and each new kind deoptimised the spread
  const records: RecordOf[] = [documentRecord(doc)];
  return records.concat(
    turnRecords(doc),
    entityRecords(doc),
    meetingRecords(doc),
    agreementRecords(doc),
    quoteRecords(doc),
    eventRecords(doc),
  );
}
