import { describe, expect, it } from 'vitest';
import { loadKB } from '../../src/knowledge/index.js';
import { cameoInfo, intentCode, ploverOf, refusalCode, regularForms } from '../../src/knowledge/cameo.js';

const kb = loadKB();
const c = kb.cameo;

describe('CAMEO code table', () => {
  it('holds every root and the full code list with quad class and Goldstein', () => {
    for (let r = 1; r <= 20; r++) expect(c.codes.has(String(r).padStart(2, '0'))).toBe(true);
    expect(c.codes.size).toBeGreaterThan(290);
    expect(c.codes.get('042')).toMatchObject({ root: '04', quad: 1, goldstein: 1.9 });
    expect(c.codes.get('057')).toMatchObject({ root: '05', quad: 1, goldstein: 8 });
    expect(c.codes.get('0874')).toMatchObject({ root: '08', quad: 2, goldstein: 10 });
    expect(c.codes.get('112')).toMatchObject({ root: '11', quad: 3 });
    expect(c.codes.get('163')).toMatchObject({ root: '16', quad: 4, goldstein: -8 });
    expect(c.codes.get('204')!.goldstein).toBe(-10);
  });
  it('quad classes follow the root ranges', () => {
    for (const e of c.codes.values()) {
      const r = Number(e.root);
      expect(e.quad).toBe(r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4);
    }
  });
  it('falls back to the parent code for unknown sub-codes', () => {
    expect(cameoInfo(c, '0429')).toMatchObject({ code: '0429', root: '04' });
    expect(cameoInfo(c, '99')).toBeNull();
  });
});

describe('PLOVER mapping', () => {
  it('maps CAMEO codes to PLOVER event types and drops 01/02', () => {
    expect(ploverOf(c, '041')).toMatchObject({ event: 'CONSULT', mode: 'phone' });
    expect(ploverOf(c, '057')!.event).toBe('SUPPORT');
    expect(ploverOf(c, '163')!.event).toBe('COERCE');
    expect(ploverOf(c, '195')!.event).toBe('ASSAULT');
    expect(ploverOf(c, '010')).toBeNull();
    expect(ploverOf(c, '020')).toBeNull();
  });
});

describe('intent and refusal tables', () => {
  it('codes stated intent as 03x / 13x', () => {
    expect(intentCode(c, '040')).toBe('036');
    expect(intentCode(c, '0841')).toBe('0353');
    expect(intentCode(c, '072')).toBe('0332');
    expect(intentCode(c, '190')).toBe('1384');
    expect(intentCode(c, '112')).toBe('112');
  });
  it('codes stated refusal as 12x', () => {
    expect(refusalCode(c, '040')).toBe('125');
    expect(refusalCode(c, '0841')).toBe('1243');
    expect(refusalCode(c, '190')).toBeNull();
  });
});

describe('patterns', () => {
  it('compiles every pattern to a known code and indexes heads by inflected form', () => {
    expect(c.patterns.length).toBeGreaterThan(150);
    for (const p of c.patterns) if (p.cameo !== '-') expect(cameoInfo(c, p.cameo)).not.toBeNull();
    expect(c.byHead.get('met')!.some((p) => p.id === 'meet')).toBe(true);
    expect(c.byHead.get('held')!.some((p) => p.id === 'hold-talks')).toBe(true);
    expect(c.byHead.get('imposes')!.some((p) => p.cameo === '163')).toBe(true);
  });
  it('inflects regular words', () => {
    expect(regularForms('ban')).toEqual(expect.arrayContaining(['bans', 'banned', 'banning']));
    expect(regularForms('deny')).toEqual(expect.arrayContaining(['denies', 'denied', 'denying']));
    expect(regularForms('seize')).toEqual(expect.arrayContaining(['seizes', 'seized', 'seizing']));
    expect(regularForms('visit')).toEqual(expect.arrayContaining(['visits', 'visited', 'visiting']));
  });
  it('keeps closed-class markers exact (no "noted" for "not")', () => {
    const neg = c.markers.find((m) => m.text === 'not')!;
    expect(neg.seq[0]!.has('noted')).toBe(false);
    expect(c.reportForms.has('said')).toBe(true);
  });
});

describe('sentence triggers', () => {
  it('every event pattern has an anchor word among its required words, and light verbs are no anchor', () => {
    for (const p of c.patterns) {
      if (p.cameo === '-') continue;
      const required = p.elems.filter((e) => e.type === 'word' && !e.optional) as { forms: Set<string> }[];
      expect(
        required.some((e) => [...e.forms].some((f) => c.triggers.has(f))),
        p.id,
      ).toBe(true);
    }
    for (const w of ['is', 'be', 'to', 'take']) expect(c.triggers.has(w)).toBe(false);
    expect(c.triggers.has('arms')).toBe(true);
    for (const f of c.triggers) expect(c.lex.get(f)?.trigger, f).toBe(true);
  });
});
