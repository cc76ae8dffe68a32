import { describe, expect, it } from 'vitest';
import { segment } from '../../src/02-segment/index.js';

const sents = (text: string, title: string | null = null) => {
  const s = segment(text, title);
  for (const x of s.sentences) {
    const t = text.slice(x.start, x.end);
    // offsets are exact and trimmed
    expect(t).toBe(t.trim());
  }
  return s.sentences.map((x) => text.slice(x.start, x.end));
};

describe('sentence boundaries', () => {
  it('keeps titles, abbreviations and initials inside the sentence', () => {
    expect(sents('Mr Volker arrived in Kyiv on Monday. He met officials.')).toEqual([
      'Mr Volker arrived in Kyiv on Monday.',
      'He met officials.',
    ]);
    expect(
      sents('The U.S. Secretary of State flew to St. Petersburg. Talks began at 5 p.m. Moscow time. They ended late.'),
    ).toEqual([
      'The U.S. Secretary of State flew to St. Petersburg.',
      'Talks began at 5 p.m. Moscow time.',
      'They ended late.',
    ]);
    expect(sents('The U.N. Security Council will meet again. Mr. Smith agreed.')).toEqual([
      'The U.N. Security Council will meet again.',
      'Mr. Smith agreed.',
    ]);
    expect(sents('The envoy J. R. Harlow signed it. Dr. Okafor did not.')).toEqual([
      'The envoy J. R. Harlow signed it.',
      'Dr. Okafor did not.',
    ]);
    expect(sents('The ministers cited Resolution No. 5 and Art. 51 of the Charter. Nobody objected.')).toEqual([
      'The ministers cited Resolution No. 5 and Art. 51 of the Charter.',
      'Nobody objected.',
    ]);
    expect(sents('The talks were held on Jan. 12 in Geneva. Both sides attended.')).toEqual([
      'The talks were held on Jan. 12 in Geneva.',
      'Both sides attended.',
    ]);
  });

  it('still ends a sentence after a dotted abbreviation when a new sentence clearly starts', () => {
    expect(sents('The delegation returned to the U.S. The visit was brief.')).toEqual([
      'The delegation returned to the U.S.',
      'The visit was brief.',
    ]);
    expect(sents('The call ended at 6 p.m. We will talk again tomorrow.')).toEqual([
      'The call ended at 6 p.m.',
      'We will talk again tomorrow.',
    ]);
  });

  it('keeps a bracket after a time inside the sentence', () => {
    expect(sents('The truce starts at 10 a.m. (Moscow time) on Sunday. Both sides agreed.')).toEqual([
      'The truce starts at 10 a.m. (Moscow time) on Sunday.',
      'Both sides agreed.',
    ]);
  });

  it('puts closing quotes with the sentence they close', () => {
    expect(sents('He said: "We agreed on the text." Then he left the room.')).toEqual([
      'He said: "We agreed on the text."',
      'Then he left the room.',
    ]);
    expect(sents('“This is a good start,” the minister said. “We will continue.” The talks resume Friday.')).toEqual([
      '“This is a good start,” the minister said.',
      '“We will continue.”',
      'The talks resume Friday.',
    ]);
    expect(sents('"Is this the end?" she asked. Nobody answered!')).toEqual([
      '"Is this the end?" she asked.',
      'Nobody answered!',
    ]);
  });

  it('never crosses paragraphs', () => {
    expect(sents('A heading without a stop\nThe first sentence of the body follows here.')).toEqual([
      'A heading without a stop',
      'The first sentence of the body follows here.',
    ]);
  });

  it('splits datelines off first', () => {
    expect(sents('BERLIN, March 3. /TASS/. The ministers met for two hours, the spokesman said.')).toEqual([
      'BERLIN, March 3. /TASS/.',
      'The ministers met for two hours, the spokesman said.',
    ]);
    expect(sents('NAIROBI, Aug 5 (Reuters) - Kenya and Ethiopia signed a border accord on Friday.')).toEqual([
      'NAIROBI, Aug 5 (Reuters) -',
      'Kenya and Ethiopia signed a border accord on Friday.',
    ]);
    expect(sents('NEW YORK, September 21, 2019 — The Secretary-General opened the debate.')).toEqual([
      'NEW YORK, September 21, 2019 —',
      'The Secretary-General opened the debate.',
    ]);
    expect(sents('ST. PETERSBURG, June 2. /TASS/. Talks continued.')).toEqual([
      'ST. PETERSBURG, June 2. /TASS/.',
      'Talks continued.',
    ]);
    expect(sents('NOVO-OGARYOVO /Moscow Region/, May 9. /TASS/. The leaders spoke.')).toEqual([
      'NOVO-OGARYOVO /Moscow Region/, May 9. /TASS/.',
      'The leaders spoke.',
    ]);
  });

  it('splits off a dateline whose date has a weekday', () => {
    expect(sents('GENEVA, Friday, January 21, 2022 (AP) — The two ministers met for ninety minutes.')).toEqual([
      'GENEVA, Friday, January 21, 2022 (AP) —',
      'The two ministers met for ninety minutes.',
    ]);
    expect(sents('MOSCOW, Wed, March 2. /TASS/. Talks continued.')).toEqual([
      'MOSCOW, Wed, March 2. /TASS/.',
      'Talks continued.',
    ]);
  });

  it('reads datelines without a date or with a title-case place', () => {
    expect(sents('WASHINGTON (Reuters) - The talks ended.')).toEqual(['WASHINGTON (Reuters) -', 'The talks ended.']);
    expect(sents('KYIV, Ukraine (AP) — The talks ended.')).toEqual(['KYIV, Ukraine (AP) —', 'The talks ended.']);
    expect(sents('BEIJING, March 11 (Xinhua) -- China said it would attend.')).toEqual([
      'BEIJING, March 11 (Xinhua) --',
      'China said it would attend.',
    ]);
    expect(sents('Vientiane, July 26, 2016 — The ministers met.')).toEqual([
      'Vientiane, July 26, 2016 —',
      'The ministers met.',
    ]);
  });

  it('does not take ordinary capitalised openings for datelines', () => {
    expect(sents('NATO, the EU and the OSCE issued statements. They were short.')).toEqual([
      'NATO, the EU and the OSCE issued statements.',
      'They were short.',
    ]);
    expect(sents('Moscow, like Beijing, objected. Washington did not.')).toEqual([
      'Moscow, like Beijing, objected.',
      'Washington did not.',
    ]);
  });

  it('gives every sentence its POS-tagged tokens with exact offsets', () => {
    const text = 'The ministers met in Vienna. They signed a memorandum.';
    const s = segment(text, null);
    expect(s.sentences).toHaveLength(2);
    const words = s.tokens.map((t) => text.slice(t.start, t.end));
    expect(words).toEqual(['The', 'ministers', 'met', 'in', 'Vienna', '.', 'They', 'signed', 'a', 'memorandum', '.']);
    expect(s.tokens.find((t) => text.slice(t.start, t.end) === 'met')?.pos).toBe('VERB');
    expect(s.tokens.find((t) => text.slice(t.start, t.end) === 'Vienna')?.pos).toBe('PROPN');
    expect(s.tokens.filter((t) => t.sentence === 1)).toHaveLength(5);
  });

  it('does not split inside references such as A/70/PV.13', () => {
    expect(sents('He spoke of it last year (see A/70/PV.13). Others agreed.')).toEqual([
      'He spoke of it last year (see A/70/PV.13).',
      'Others agreed.',
    ]);
  });

  it('rejoins hard-wrapped text, also before a capitalised word, once the wrapping is evident', () => {
    const text = [
      'We had a long discussion yesterday about the steps that both governments will take to',
      'normalise relations. The High Commissioner will return as soon as the two sides have',
      'agreed on the arrangements. Both ministers also discussed the regional situation and',
      'the coming elections, which should be open to observers from the region and from the',
      'United Nations. They will meet again in March.',
      '',
      'A new paragraph.',
    ].join('\n\n');
    const s = segment(text, null);
    expect(s.paragraphs).toHaveLength(2);
    expect(s.sentences.map((x) => text.slice(x.start, x.end).replace(/\s+/g, ' '))).toEqual([
      'We had a long discussion yesterday about the steps that both governments will take to normalise relations.',
      'The High Commissioner will return as soon as the two sides have agreed on the arrangements.',
      'Both ministers also discussed the regional situation and the coming elections, which should be open to observers from the region and from the United Nations.',
      'They will meet again in March.',
      'A new paragraph.',
    ]);
  });

  it('splits sentences glued together without a space', () => {
    expect(sents('The ministers agreed.The talks ended in 2017.Then came a pause.')).toEqual([
      'The ministers agreed.',
      'The talks ended in 2017.',
      'Then came a pause.',
    ]);
    expect(sents('He said:"We agree."Then he left.')).toEqual(['He said:"We agree."', 'Then he left.']);
  });

  it('joins a line that ends in a function word to the next', () => {
    expect(sents('Recent developments in\nSyria give grounds for hope.')).toEqual([
      'Recent developments in\nSyria give grounds for hope.',
    ]);
  });

  it('joins lines broken inside a sentence', () => {
    const text =
      'We discussed the situation in the region and the\nsteps both sides will take next year.\n\nA new paragraph.';
    expect(sents(text)).toEqual([
      'We discussed the situation in the region and the\nsteps both sides will take next year.',
      'A new paragraph.',
    ]);
  });
});
