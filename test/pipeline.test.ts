import { describe, expect, it } from 'vitest';
import type { Doc } from '../src/00-model/doc.js';
import { applyStage, runStages, type Stage } from '../src/pipeline.js';
import type { KB } from '../src/knowledge/index.js';
import { toRecords } from '../src/records.js';

const kb = {} as KB;
const doc = (): Doc => ({
  id: 'abc',
  text: 'Lavrov met Tillerson. They agreed.',
  meta: {
    id: 'abc',
    file: 'x.txt',
    inputId: null,
    url: null,
    title: 'T',
    published: '2017-07-07',
    place: null,
    source: null,
    speakers: [],
    language: 'en',
  },
  layers: {},
});

const sentences: Stage = {
  name: 'sentences',
  requires: [],
  produces: ['sentences'],
  run: (d) => ({
    layers: {
      sentences: [
        { start: 0, end: 21, index: 0, paragraph: 0, turn: null },
        { start: 22, end: d.text.length, index: 1, paragraph: 0, turn: null },
      ],
    },
  }),
};

describe('pipeline', () => {
  it('merges stage output into a new doc without mutating the input', () => {
    const d0 = doc();
    const d1 = applyStage(d0, kb, sentences);
    expect(d0.layers.sentences).toBeUndefined();
    expect(d1.layers.sentences).toHaveLength(2);
    expect(d1.text.slice(d1.layers.sentences![0].start, d1.layers.sentences![0].end)).toBe('Lavrov met Tillerson.');
  });

  it('refuses to run a stage whose required layer is missing, naming it', () => {
    const needs: Stage = { name: 'needs', requires: ['actors'], produces: [], run: () => ({}) };
    expect(() => runStages(doc(), kb, [needs])).toThrow(/needs layer "actors"/);
  });

  it('applies meta corrections from stages', () => {
    const s: Stage = { name: 'm', requires: [], produces: [], run: () => ({ meta: { published: '2017-07-08' } }) };
    expect(runStages(doc(), kb, [s]).meta.published).toBe('2017-07-08');
  });
});

describe('records', () => {
  it('emits the document record first with file, and turns with speakers', () => {
    const d = {
      ...doc(),
      layers: {
        turns: [
          { start: 0, end: 21, index: 0, label: 'Question', bodyStart: 10, speakerName: null, speaker: null, role: 'question' as const },
          { start: 22, end: 34, index: 1, label: 'Sergey Lavrov', bodyStart: 37, speakerName: 'Sergey Lavrov', speaker: null, role: 'answer' as const },
        ],
      },
    };
    const recs = toRecords(d);
    expect(recs[0]).toMatchObject({ kind: 'document', doc: 'abc', file: 'x.txt', published: '2017-07-07' });
    expect(recs[0]).not.toHaveProperty('id');
    const turns = recs.filter((r) => r.kind === 'turn');
    expect(turns.map((t) => (t as any).role)).toEqual(['question', 'answer']);
    expect((turns[1] as any).speaker.name).toBe('Sergey Lavrov');
    expect((turns[0] as any).speaker).toBeNull();
  });

  it('groups actor mentions into one entity per key, mentions in text order', () => {
    const actor = { name: 'Rex Tillerson', role: 'Secretary of State', country: 'USA', org: null, sector: 'GOV', code: 'USAGOV' };
    const d = {
      ...doc(),
      layers: {
        actors: [
          { start: 11, end: 20, kind: 'person' as const, actor, key: 'person:Rex Tillerson', rule: 'surname' },
          { start: 0, end: 6, kind: 'person' as const, actor: { ...actor, name: 'Sergey Lavrov', country: 'RUS', code: 'RUSGOV' }, key: 'person:Sergey Lavrov', rule: 'kb' },
          { start: 22, end: 26, kind: 'pronoun' as const, actor, key: 'person:Rex Tillerson', rule: 'pronoun' },
        ],
      },
    };
    const ents = toRecords(d).filter((r) => r.kind === 'entity') as any[];
    expect(ents.map((e) => e.name)).toEqual(['Sergey Lavrov', 'Rex Tillerson']);
    expect(ents[1].mentions).toEqual([[11, 20], [22, 26]]);
    expect(ents[1].type).toBe('person');
  });

  it('merges mentions of one organisation found by different rules into one entity', () => {
    const brics = { name: null, role: null, country: null, org: 'BRICS', sector: null, code: 'IGOBRC' };
    const d = {
      ...doc(),
      layers: {
        actors: [
          { start: 0, end: 6, kind: 'org' as const, actor: brics, key: 'org:BRICS', rule: 'org' },
          { start: 11, end: 20, kind: 'group' as const, actor: brics, key: 'group:BRICS side', rule: 'group' },
        ],
      },
    };
    const ents = toRecords(d).filter((r) => r.kind === 'entity') as any[];
    expect(ents).toHaveLength(1);
    expect(ents[0]).toMatchObject({ type: 'org', org: 'BRICS', mentions: [[0, 6], [11, 20]] });
  });
});
