/** Hand-built documents and records for store and export tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor, Place, Span } from '../../src/00-model/doc.js';
import type {
  AgreementRecord,
  DocumentRecord,
  EntityRecord,
  EventRecord,
  MeetingRecord,
  QuoteRecord,
  RecordOf,
  TurnRecord,
} from '../../src/00-model/records.js';
import type { PutInput } from '../../src/05-store/store.js';

export function tempDb(): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-store-'));
  return { file: path.join(dir, 'test.db'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function actor(p: Partial<Actor>): Actor {
  return { name: null, role: null, country: null, org: null, sector: null, code: null, ...p };
}

export const LAVROV = actor({
  name: 'Sergey Lavrov',
  role: 'Foreign Minister',
  country: 'RUS',
  sector: 'GOV',
  code: 'RUSGOV',
});
export const TILLERSON = actor({
  name: 'Rex Tillerson',
  role: 'Secretary of State',
  country: 'USA',
  sector: 'GOV',
  code: 'USAGOV',
});
export const WANG = actor({ name: 'Wang Yi', role: 'Foreign Minister', country: 'CHN', sector: 'GOV', code: 'CHNGOV' });
export const UN = actor({ org: 'UN', code: 'IGOUNO' });
export const MANILA: Place = { name: 'Manila', country: 'PHL', lat: 14.6, lon: 120.98 };
export const MOSCOW: Place = { name: 'Moscow', country: 'RUS', lat: 55.75, lon: 37.62 };

/** Offsets of the first occurrence of needle in text. */
export function at(text: string, needle: string): Span & { text: string } {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" not in text`);
  return { start, end: start + needle.length, text: needle };
}

export function sentencesOf(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^.!?]+[.!?]?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const lead = m[0].length - m[0].trimStart().length;
    const s = m.index + lead;
    const e = m.index + m[0].trimEnd().length;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

export function documentRecord(doc: string, p: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    kind: 'document',
    doc,
    file: `${doc}.txt`,
    url: null,
    title: `Title of ${doc}`,
    published: '2017-08-06',
    place: MANILA,
    source: 'Russian MFA',
    speakers: ['Sergey Lavrov'],
    language: 'en',
    chars: 0,
    ...p,
  };
}

export function event(doc: string, text: string, needle: string, p: Partial<EventRecord> = {}): EventRecord {
  return {
    kind: 'event',
    doc,
    cameo: '040',
    root: '04',
    quad_class: 1,
    goldstein: 1,
    plover: 'CONSULT',
    source: LAVROV,
    target: TILLERSON,
    date: '2017-08-06',
    place: MANILA,
    negated: false,
    hypothetical: false,
    topics: [],
    evidence: at(text, needle),
    rule: 'test',
    ...p,
  };
}

export function meeting(doc: string, text: string, needle: string, p: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    kind: 'meeting',
    doc,
    status: 'held',
    date: '2017-08-06',
    date_end: null,
    place: MANILA,
    parties: [LAVROV, TILLERSON],
    format: 'bilateral',
    topics: ['syria'],
    evidence: at(text, needle),
    rule: 'test',
    ...p,
  };
}

export function agreement(
  doc: string,
  text: string,
  needle: string,
  p: Partial<AgreementRecord> = {},
): AgreementRecord {
  return {
    kind: 'agreement',
    doc,
    status: 'reached',
    date: '2017-07-07',
    effective: '2017-07-09',
    deadline: null,
    parties: [actor({ country: 'RUS' }), actor({ country: 'USA' }), actor({ country: 'JOR' })],
    topics: ['syria', 'ceasefire'],
    evidence: at(text, needle),
    rule: 'test',
    ...p,
  };
}

export function quote(doc: string, text: string, needle: string, p: Partial<QuoteRecord> = {}): QuoteRecord {
  const s = at(text, needle);
  return {
    kind: 'quote',
    doc,
    speaker: LAVROV,
    text: needle,
    start: s.start,
    end: s.end,
    direct: true,
    rule: 'test',
    ...p,
  };
}

export function turn(doc: string, start: number, end: number, p: Partial<TurnRecord> = {}): TurnRecord {
  return { kind: 'turn', doc, speaker: LAVROV, role: 'statement', start, end, label: 'Sergey Lavrov:', ...p };
}

export function entity(doc: string, text: string, needle: string, p: Partial<EntityRecord> = {}): EntityRecord {
  const s = at(text, needle);
  return {
    kind: 'entity',
    doc,
    type: 'person',
    name: needle,
    country: null,
    org: null,
    role: null,
    lat: null,
    lon: null,
    code: null,
    mentions: [[s.start, s.end]],
    ...p,
  };
}

export const TEXT_A =
  'Sergey Lavrov: We met Rex Tillerson in Manila today. We discussed the de-escalation zone in southern Syria. ' +
  'The ceasefire agreed with the United States and Jordan took effect on July 9. "We are satisfied," Lavrov said.';

export const TEXT_B =
  'MOSCOW, September 1. Wang Yi held talks with Sergey Lavrov in Moscow. The ministers criticised unilateral sanctions. ' +
  'China and Russia will meet again in October.';

/** Document A: a transcript-like text with one record of every kind. */
export function docA(p: { id?: string; sourceKey?: string; extra?: RecordOf[] } = {}): PutInput {
  const id = p.id ?? 'docA';
  const t = TEXT_A;
  const records: RecordOf[] = [
    documentRecord(id, { chars: t.length }),
    turn(id, 0, t.length),
    entity(id, t, 'Rex Tillerson', { country: 'USA', role: 'Secretary of State' }),
    entity(id, t, 'Manila', { type: 'place', name: 'Manila', country: 'PHL', lat: 14.6, lon: 120.98 }),
    meeting(id, t, 'We met Rex Tillerson in Manila today.'),
    agreement(id, t, 'The ceasefire agreed with the United States and Jordan took effect on July 9.'),
    quote(id, t, 'We are satisfied,'),
    event(id, t, 'We met Rex Tillerson in Manila today.', { topics: ['syria'] }),
    event(id, t, 'We discussed the de-escalation zone in southern Syria.', {
      cameo: '0431',
      root: '04',
      goldstein: 2.8,
      date: '2017-08',
      topics: ['syria'],
    }),
    ...(p.extra ?? []),
  ];
  return { sourceKey: p.sourceKey ?? '/corpus/a.txt', text: t, records, sentences: sentencesOf(t) };
}

/** Document B: a news report dated September 2017. */
export function docB(p: { id?: string; sourceKey?: string } = {}): PutInput {
  const id = p.id ?? 'docB';
  const t = TEXT_B;
  const records: RecordOf[] = [
    documentRecord(id, {
      chars: t.length,
      published: '2017-09-01',
      place: MOSCOW,
      title: 'Wang Yi in Moscow',
      source: 'TASS',
    }),
    meeting(id, t, 'Wang Yi held talks with Sergey Lavrov in Moscow.', {
      date: '2017-09-01',
      place: MOSCOW,
      parties: [WANG, LAVROV],
      topics: ['sanctions'],
    }),
    meeting(id, t, 'China and Russia will meet again in October.', {
      status: 'planned',
      date: '2017-10',
      place: null,
      parties: [actor({ country: 'CHN' }), actor({ country: 'RUS' })],
      topics: [],
      format: null,
    }),
    event(id, t, 'Wang Yi held talks with Sergey Lavrov in Moscow.', {
      source: WANG,
      target: LAVROV,
      date: '2017-09-01',
      place: MOSCOW,
      cameo: '042',
      goldstein: 1.9,
    }),
    event(id, t, 'The ministers criticised unilateral sanctions.', {
      source: actor({ country: 'CHN' }),
      target: UN,
      cameo: '111',
      root: '11',
      quad_class: 3,
      goldstein: -2,
      plover: 'ACCUSE',
      date: '2017-09-01',
      place: null,
      topics: ['sanctions'],
    }),
    event(id, t, 'China and Russia will meet again in October.', {
      source: actor({ country: 'CHN' }),
      target: actor({ country: 'RUS' }),
      cameo: '036',
      root: '03',
      goldstein: 4,
      plover: null,
      date: '2017-10',
      hypothetical: true,
      place: null,
    }),
  ];
  return { sourceKey: p.sourceKey ?? '/corpus/b.txt', text: t, records, sentences: sentencesOf(t) };
}
