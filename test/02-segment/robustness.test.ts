import { describe, expect, it } from 'vitest';
import { segment } from '../../src/02-segment/index.js';

// Deterministic random texts made of the pieces that trip sentence splitters.
const PIECES = [
  'Lavrov',
  'met',
  'Mr.',
  'U.S.',
  'the',
  '.',
  '. ',
  '"',
  '“',
  '”',
  ':',
  'Question:',
  '\n',
  '\n\n',
  ' ',
  'St.',
  'p.m.',
  '5',
  '2017.',
  'A',
  '?',
  '!',
  '…',
  '(',
  ')',
  'MOSCOW, April 12. /TASS/.',
  '—',
  'agreed.The',
  '..',
];

describe('segmentation robustness', () => {
  it('never throws and always yields valid, ordered, non-overlapping spans', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 3000; n++) {
      let t = '';
      const len = 1 + Math.floor(rnd() * 12);
      for (let k = 0; k < len; k++) t += PIECES[Math.floor(rnd() * PIECES.length)] + (rnd() < 0.5 ? ' ' : '');
      const r = segment(t, null);
      let last = 0;
      for (const s of r.sentences) {
        expect(s.start, t).toBeGreaterThanOrEqual(last);
        expect(s.end, t).toBeGreaterThan(s.start);
        expect(s.end, t).toBeLessThanOrEqual(t.length);
        expect(t.slice(s.start, s.end).trim().length, t).toBe(s.end - s.start);
        last = s.end;
      }
    }
  });
});

describe('tokenize offsets', () => {
  it('finds every token after runs of spaces, no-break spaces and line breaks', async () => {
    const { tokenize } = await import('../../src/02-segment/tokens.js');
    const text = 'The  talks\u00a0ended.\n\n   Mr\u2009Lavrov   said:\tyes.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.value);
    expect(tokenize(text).map((t) => t.value)).toContain('Lavrov');
  });
});
