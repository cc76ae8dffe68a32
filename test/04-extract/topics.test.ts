import { describe, expect, it } from 'vitest';
import { findTopics } from '../../src/04-extract/topics.js';
import { kb } from './meetings.fixture.js';

const topics = (t: string) => [...new Set(findTopics(t, kb).map((m) => m.topic))].sort();

describe('topics', () => {
  it('marks lexicon terms with their topic and span', () => {
    const text =
      'The ministers discussed the de-escalation zones in Idlib and the denuclearisation of the Korean Peninsula.';
    const ms = findTopics(text, kb);
    expect(ms.map((m) => m.topic)).toEqual(['syria', 'syria', 'korean-peninsula']);
    for (const m of ms) expect(text.slice(m.start, m.end).length).toBeGreaterThan(2);
    expect(text.slice(ms[2].start, ms[2].end)).toMatch(/Korean Peninsula/);
  });

  it('takes vaccines for COVID-19 only where the text names it', () => {
    expect(topics('They agreed to fund research on vaccines for rheumatic fever.')).toEqual([]);
    expect(topics('They agreed to share COVID-19 vaccines.')).toEqual(['covid-19']);
  });

  it('matches word endings, apostrophe variants and short acronyms only in capitals', () => {
    expect(topics('New sanctions against Iran’s nuclear programme were lifted.')).toEqual([
      'iran-nuclear',
      'sanctions',
    ]);
    expect(topics('The DPRK launched a missile.')).toEqual(['korean-peninsula']);
    expect(topics('We saw the dprk in the report.')).toEqual([]);
    expect(topics('Counter-terrorism cooperation and cybersecurity were on the agenda, as was the pandemic.')).toEqual([
      'covid-19',
      'cyber-security',
      'terrorism',
    ]);
  });

  it('does not fire inside other words', () => {
    expect(topics('The Syriac manuscripts and boiled soil were displayed.')).toEqual([]);
  });
});
