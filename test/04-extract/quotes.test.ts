import { describe, expect, it } from 'vitest';
import { extractQuotes, findQuoteSpans } from '../../src/04-extract/quotes.js';
import { kb, LAVROV, makeDoc } from './meetings.fixture.js';

const WANG = ['Wang Yi', 'person', { name: 'Wang Yi', country: 'CHN', role: 'Foreign Minister' }] as const;

describe('quotes', () => {
  it('attributes quotes after and before the quotation, and splits around "he said"', () => {
    const doc = makeDoc({
      text:
        'BEIJING, May 3. Russian Foreign Minister Sergey Lavrov held talks with Wang Yi on Friday.\n\n' +
        '“We have a common view of the situation in the region,” Sergey Lavrov said. “Our countries will coordinate their steps at the UN,” he added, “and in other formats.”\n\n' +
        'Wang Yi said: "China is ready to deepen the partnership in every area."\n',
      actors: [LAVROV, [...WANG]],
    });
    const qs = extractQuotes(doc, kb);
    expect(qs.map((q) => [q.speaker?.name, q.text])).toEqual([
      ['Sergey Lavrov', 'We have a common view of the situation in the region'],
      ['Sergey Lavrov', 'Our countries will coordinate their steps at the UN'],
      ['Sergey Lavrov', 'and in other formats.'],
      ['Wang Yi', 'China is ready to deepen the partnership in every area.'],
    ]);
    for (const q of qs) expect(doc.text.slice(q.start, q.end)).toBe(q.text);
  });

  it('takes a speaker the actor layer recognised under a long title, and the quote that follows the attribution', () => {
    const BLINKEN = [
      'US Secretary of State Antony Blinken',
      'person',
      { name: 'Antony Blinken', country: 'USA', role: 'Secretary of State' },
    ] as const;
    const doc = makeDoc({
      text:
        'WASHINGTON, May 3. Talks were held on Friday.\n\n' +
        '“The situation is very difficult,” US Secretary of State Antony Blinken told reporters. “But we will not give up.”\n\n' +
        '“We are ready to help,” said Russian Foreign Minister Sergey Lavrov. Wang Yi disagreed: “There is nothing to help with.”\n',
      actors: [
        [...BLINKEN],
        ['Russian Foreign Minister Sergey Lavrov', 'person', { name: 'Sergey Lavrov', country: 'RUS' }],
        [...WANG],
      ],
    });
    expect(extractQuotes(doc, kb).map((q) => [q.speaker?.name, q.text, q.rule])).toEqual([
      ['Antony Blinken', 'The situation is very difficult', 'quote:after:np-verb'],
      ['Antony Blinken', 'But we will not give up.', 'quote:split'],
      ['Sergey Lavrov', 'We are ready to help', 'quote:after:verb-np'],
    ]);
  });

  it('reads an attribution with a short parenthetical between speaker and verb ("Wang Yi, for his part, noted that “…”")', () => {
    const doc = makeDoc({
      text: 'Wang Yi, for his part, noted that “no contacts are planned at the moment.”\n',
      actors: [[...WANG]],
    });
    expect(extractQuotes(doc, kb).map((q) => [q.speaker?.name, q.text])).toEqual([
      ['Wang Yi', 'no contacts are planned at the moment.'],
    ]);
  });

  it('reads an attribution that opens its sentence ("The minister stressed that “…”") and "As X put it, “…”"', () => {
    const doc = makeDoc({
      text:
        'MOSCOW, May 3. Sergey Lavrov met reporters.\n\n' +
        'The minister stressed that “the sanctions are illegal and counterproductive.”\n\n' +
        'As Lavrov put it, “the West has lost its sense of reality.”\n',
      actors: [LAVROV, ['Lavrov', 'person', { name: 'Sergey Lavrov', country: 'RUS', role: 'Foreign Minister' }]],
    });
    expect(extractQuotes(doc, kb).map((q) => [q.speaker?.name, q.text])).toEqual([
      ['Sergey Lavrov', 'the sanctions are illegal and counterproductive.'],
      ['Sergey Lavrov', 'the West has lost its sense of reality.'],
    ]);
  });

  it('keeps a short first part of a split quote ("The sides," he added, "must…"), but not a scare quote', () => {
    const doc = makeDoc({
      text:
        'MOSCOW, May 3. Sergey Lavrov spoke to reporters.\n\n' +
        '“The sides,” he added, “must withdraw heavy weapons from the zone.”\n\n' +
        'He criticised the “so-called” peace plan.\n',
      actors: [LAVROV],
    });
    expect(extractQuotes(doc, kb).map((q) => [q.speaker?.name, q.text])).toEqual([
      ['Sergey Lavrov', 'The sides'],
      ['Sergey Lavrov', 'must withdraw heavy weapons from the zone.'],
    ]);
  });
  it('gives "X\'s spokesperson said … he said: “…”" to the spokesperson, not to the person addressed before', () => {
    const doc = makeDoc({
      text:
        'Thank you, Ms Porter. With regard to North Korea, the Chinese foreign ministry spokesperson said today, to quote him, he said: ' +
        '“The DPRK has long faced external threats to security.” What is your response?\n',
      actors: [
        ['Ms Porter', 'person', { name: 'Vedant Porter', country: 'USA' }],
        ['Chinese foreign ministry spokesperson', 'country', { country: 'CHN', role: 'Spokesperson' }],
      ],
    });
    const qs = extractQuotes(doc, kb);
    expect(qs.map((q) => [q.speaker?.country, q.speaker?.role])).toEqual([['CHN', 'Spokesperson']]);
  });

  it('completes a bare surname from a full name given after a reporting verb ("said Natalia Eismont")', () => {
    const doc = makeDoc({
      text:
        'The presidents met on Wednesday, said Natalia Eismont, spokeswoman of the Belarusian leader.\n\n' +
        '"The governments are working and doing it very well," Eismont said.\n',
    });
    expect(extractQuotes(doc, kb).map((q) => q.speaker?.name)).toEqual(['Natalia Eismont']);
  });

  it('resolves "he" and "the top diplomat" across paragraphs to the reporting person, not to a person he mentions', () => {
    const doc = makeDoc({
      text:
        'Talks with Wang Yi were useful, Sergey Lavrov said on Monday.\n\n' +
        'Russia will support the initiative, he noted, adding that the details would be agreed later.\n\n' +
        "'The door to dialogue with Wang Yi and his team remains open,' the Russian top diplomat stressed.\n\n" +
        '"We count on reciprocity from our partners," he said.\n',
      actors: [LAVROV, [...WANG]],
    });
    const qs = extractQuotes(doc, kb);
    expect(qs).toHaveLength(2);
    expect(qs.every((q) => q.speaker?.name === 'Sergey Lavrov')).toBe(true);
    expect(qs[0].text).toBe('The door to dialogue with Wang Yi and his team remains open');
  });

  it('takes an unrecognised name before a reporting verb as the speaker, and its bare surname later', () => {
    const doc = makeDoc({
      text:
        'MINSK, June 4. The talks will resume in autumn, Belarus’s Ambassador to Riga Pavel Zorin stated on Tuesday.\n\n' +
        '"The delegations have already agreed on the agenda of the next round," the diplomat said.\n\n' +
        'Zorin added: "We expect the documents to be ready by September."\n',
      actors: [LAVROV],
    });
    const qs = extractQuotes(doc, kb);
    expect(qs.map((q) => q.speaker?.name)).toEqual(['Pavel Zorin', 'Pavel Zorin']);
  });

  it('follows a quotation that runs over two paragraphs', () => {
    const doc = makeDoc({
      text:
        'Sergey Lavrov said: “The consultations on strategic stability will continue next month.\n\n' +
        '“We hope that our partners will come with concrete proposals this time.”\n',
      actors: [LAVROV],
    });
    const qs = extractQuotes(doc, kb);
    expect(qs.map((q) => [q.speaker?.name, q.text])).toEqual([
      ['Sergey Lavrov', 'The consultations on strategic stability will continue next month.'],
      ['Sergey Lavrov', 'We hope that our partners will come with concrete proposals this time.'],
    ]);
  });

  it('handles "according to X" with a partial quotation', () => {
    const doc = makeDoc({
      text: 'According to Sergey Lavrov, the parties in Libya "should stop fighting and agree on elections" as soon as possible.\n',
      actors: [LAVROV],
    });
    const qs = extractQuotes(doc, kb);
    expect(qs).toHaveLength(1);
    expect(qs[0].speaker?.name).toBe('Sergey Lavrov');
    expect(qs[0].text).toBe('should stop fighting and agree on elections');
  });

  it("ignores scare quotes, unattributed names in quotes, and the turn speaker's own words", () => {
    const doc = makeDoc({
      text:
        'Question: What about the so-called “peace plan”?\n\n' +
        'Sergey Lavrov: The group that calls itself the “Council for Free Elections of Tomorrow” does not speak for anyone. ' +
        'As I said yesterday, “we are open to talks with everybody,” Sergey Lavrov said.\n',
      actors: [LAVROV],
      turns: [
        { label: 'Question', speakerName: null, role: 'question' },
        { label: 'Sergey Lavrov', speakerName: 'Sergey Lavrov', role: 'answer', country: 'RUS' },
      ],
    });
    expect(extractQuotes(doc, kb)).toEqual([]);
  });

  it('finds straight single quotes without taking apostrophes for quotation marks', () => {
    const spans = findQuoteSpans("Lavrov's team said 'the talks were held in a business-like manner' yesterday.");
    expect(spans).toHaveLength(1);
  });
});
