import { describe, expect, it } from 'vitest';
import type { Doc } from '../src/00-model/doc.js';
import { applyStage, runBatch, runStages, type Stage } from '../src/pipeline.js';
import type { KB } from '../src/knowledge/index.js';
import { toRecords } from '../src/records.js';
import { testDoc } from './fixtures/doc.js';

const kb = {} as KB;
const doc = (): Doc =>
  testDoc('Lavrov met Tillerson. They agreed.', { id: 'abc', file: 'x.txt', title: 'T', published: '2017-07-07' });

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

describe('runBatch', () => {
  const withText = (text: string, id: string): Doc => ({ ...doc(), id, text });
  it('runs stage by stage over the batch and gives each document what runStages gives it', () => {
    const calls: string[] = [];
    const tag = (name: string): Stage => ({
      name,
      requires: [],
      produces: [],
      run: (d) => {
        calls.push(`${name}:${d.id}`);
        return { meta: { title: `${d.meta.title}+${name}` } };
      },
    });
    const stages = [sentences, tag('a'), tag('b')];
    const docs = [withText('One. Two.', 'd1'), withText('Three. Four.', 'd2')];
    const out = runBatch(docs, kb, stages);
    expect(calls).toEqual(['a:d1', 'a:d2', 'b:d1', 'b:d2']);
    calls.length = 0;
    expect(out.map((r) => (r.ok ? r.doc : null))).toEqual(docs.map((d) => runStages(d, kb, stages)));
  });

  it('stops only the document a stage fails on, and names the stage', () => {
    const picky: Stage = {
      name: 'picky',
      requires: ['sentences'],
      produces: [],
      run: (d) => {
        if (d.text.includes('bad')) throw new Error('cannot read this');
        return {};
      },
    };
    const after: Stage = { name: 'after', requires: [], produces: [], run: () => ({ meta: { source: 'seen' } }) };
    const out = runBatch([withText('good one.', 'g1'), withText('a bad one.', 'b'), withText('good two.', 'g2')], kb, [
      sentences,
      picky,
      after,
    ]);
    expect(out.map((r) => r.ok)).toEqual([true, false, true]);
    expect(out[1]).toMatchObject({ ok: false, stage: 'picky' });
    expect(String((out[1] as { error: unknown }).error)).toMatch(/cannot read this/);
    for (const r of [out[0], out[2]]) expect(r!.ok && r!.doc.meta.source).toBe('seen');
  });

  it('reports each stage time for the batch', () => {
    const seen: string[] = [];
    runBatch([doc(), doc()], kb, [sentences], (name, ms) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      seen.push(name);
    });
    expect(seen).toEqual(['sentences']);
  });
});

describe('records', () => {
  it('emits the document record first with file, and turns with speakers', () => {
    const d = {
      ...doc(),
      layers: {
        turns: [
          {
            start: 0,
            end: 21,
            index: 0,
            label: 'Question',
            bodyStart: 10,
            speakerName: null,
            speaker: null,
            role: 'question' as const,
          },
          {
            start: 22,
            end: 34,
            index: 1,
            label: 'Sergey Lavrov',
            bodyStart: 37,
            speakerName: 'Sergey Lavrov',
            speaker: null,
            role: 'answer' as const,
          },
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
    const actor = {
      name: 'Rex Tillerson',
      role: 'Secretary of State',
      country: 'USA',
      org: null,
      sector: 'GOV',
      code: 'USAGOV',
    };
    const d = {
      ...doc(),
      layers: {
        actors: [
          { start: 11, end: 20, kind: 'person' as const, actor, key: 'person:Rex Tillerson', rule: 'surname' },
          {
            start: 0,
            end: 6,
            kind: 'person' as const,
            actor: { ...actor, name: 'Sergey Lavrov', country: 'RUS', code: 'RUSGOV' },
            key: 'person:Sergey Lavrov',
            rule: 'kb',
          },
          { start: 22, end: 26, kind: 'pronoun' as const, actor, key: 'person:Rex Tillerson', rule: 'pronoun' },
        ],
      },
    };
    const ents = toRecords(d).filter((r) => r.kind === 'entity') as any[];
    expect(ents.map((e) => e.name)).toEqual(['Sergey Lavrov', 'Rex Tillerson']);
    expect(ents[1].mentions).toEqual([
      [11, 20],
      [22, 26],
    ]);
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
    expect(ents[0]).toMatchObject({
      type: 'org',
      org: 'BRICS',
      mentions: [
        [0, 6],
        [11, 20],
      ],
    });
  });
});
