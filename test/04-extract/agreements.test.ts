import { describe, expect, it } from 'vitest';
import { extractAgreements } from '../../src/04-extract/agreements.js';
import { extractMeetings } from '../../src/04-extract/meetings.js';
import { extractQuotes } from '../../src/04-extract/quotes.js';
import { tokenizeText } from '../../src/02-segment/tokens.js';
import { keysOf } from '../../src/04-extract/meet-util.js';
import type { Doc } from '../../src/00-model/doc.js';
import { kb, LAVROV, makeDoc } from './meetings.fixture.js';

const keys = (m: { parties: Parameters<typeof keysOf>[0] }) => keysOf(m.parties).sort().join('+');
const withMeetings = (doc: Doc): Doc => ({ ...doc, layers: { ...doc.layers, meetings: extractMeetings(doc, kb) } });

describe('agreements', () => {
  it('reads parties, effective date and elaborations of an agreement', () => {
    const doc = makeDoc({
      text:
        'Sergey Lavrov: Today Russian, Turkish and Iranian negotiators agreed on a memorandum on a ceasefire in the north of Syria. ' +
        'The truce will come into effect on March 6 at 00:01 local time. ' +
        'Russia and Turkey have undertaken commitments to monitor the truce.\n\n' +
        'It was agreed to set up a hotline between Russian and Turkish military officers. ' +
        'We did not agree on the future of the border crossings.\n',
      published: '2020-03-05',
      actors: [
        LAVROV,
        ['Russian', 'country', { country: 'RUS' }],
        ['Turkish', 'country', { country: 'TUR' }],
        ['Iranian', 'country', { country: 'IRN' }],
        ['Russia', 'country', { country: 'RUS' }],
        ['Turkey', 'country', { country: 'TUR' }],
      ],
      dates: [
        ['Today', '2020-03-05', false],
        ['March 6 at 00:01 local time', '2020-03-06T00:01+03:00', true],
      ],
      turns: [{ label: 'Sergey Lavrov', speakerName: 'Sergey Lavrov', role: 'statement', country: 'RUS' }],
    });
    const as = extractAgreements(doc, kb);
    expect(as).toHaveLength(2);
    const [memo, hotline] = as;
    expect(keys(memo)).toBe('IRN+RUS+TUR');
    expect(memo.date).toBe('2020-03-05');
    expect(memo.effective).toBe('2020-03-06T00:01+03:00');
    expect(memo.evidence.text).toContain('undertaken commitments'); // the commitment elaborates the memorandum
    expect(memo.topics).toContain('syria');
    expect(keys(hotline)).toBe('RUS+TUR');
    expect(hotline.date).toBe('2020-03-05'); // agreed today: the document date
  });

  it('finds deadlines and keeps opinions and negations out', () => {
    const doc = makeDoc({
      text:
        'The ministers of Germany and France agreed that the new sanctions must be applied by June 2021. ' +
        'The ministers of Germany and France agreed that the situation is difficult. ' +
        'Germany and Poland did not sign the protocol. ' +
        'It will be hard to agree on anything with Poland.\n',
      published: '2020-11-20',
      actors: [
        ['Germany', 'country', { country: 'DEU' }],
        ['France', 'country', { country: 'FRA' }],
        ['Poland', 'country', { country: 'POL' }],
      ],
      dates: [['June 2021', '2021-06', true]],
    });
    const as = extractAgreements(doc, kb);
    expect(as).toHaveLength(1);
    expect(keys(as[0])).toBe('DEU+FRA');
    expect(as[0].deadline).toBe('2021-06');
    // "Germany and Poland did not sign" is negated; "The country adopted a law" would be a domestic act
    expect(as[0].topics).toContain('sanctions');
  });
  it('"the ceasefire agreed by A and B will take effect on…" is an agreement of A and B with its effective date', () => {
    const doc = makeDoc({
      text:
        'Iran and Germany agreed that inspectors would return to the site. ' +
        'The ceasefire agreed by Armenia and Azerbaijan will take effect at noon on March 5.\n',
      published: '2022-03-03',
      actors: [
        ['Iran', 'country', { country: 'IRN' }],
        ['Germany', 'country', { country: 'DEU' }],
        ['Armenia', 'country', { country: 'ARM' }],
        ['Azerbaijan', 'country', { country: 'AZE' }],
      ],
      dates: [['at noon on March 5', '2022-03-05T12:00', true]],
    });
    const as = extractAgreements(doc, kb);
    expect(as.map((a) => [keys(a), a.effective])).toEqual([
      ['DEU+IRN', null],
      ['ARM+AZE', '2022-03-05T12:00'],
    ]);
  });
  it('"the two sides exchanged views on X and agreed to…" has the sides of the talks, not X', () => {
    const base = withMeetings(
      makeDoc({
        text:
          'Foreign Minister Wang Yi held talks with Foreign Minister Mauro Vieira in Beijing. ' +
          'The two sides exchanged views on the Ukraine crisis and agreed to strengthen coordination within BRICS.\n',
        published: '2024-03-14',
        actors: [
          ['Foreign Minister Wang Yi', 'person', { name: 'Wang Yi', country: 'CHN' }],
          ['Foreign Minister Mauro Vieira', 'person', { name: 'Mauro Vieira', country: 'BRA' }],
          ['Ukraine', 'country', { country: 'UKR' }],
          ['BRICS', 'org', { org: 'BRICS' }],
        ],
      }),
    );
    // the verbs are found by their part of speech: the real tagger's tokens
    const doc: Doc = { ...base, layers: { ...base.layers, tokens: tokenizeText(base.text).tokens } };
    expect(extractAgreements(doc, kb).map(keys)).toEqual(['BRA+CHN']);
  });
  it('a commitment made ("They committed to…", "We commit to…") is one; a standing position ("X is committed to…") is not', () => {
    const doc = makeDoc({
      text:
        'Germany and France committed to finalising their joint response by mid-2013. ' +
        'China is committed to peaceful development. ' +
        'Poland remains firmly committed to the alliance.\n',
      published: '2013-02-09',
      actors: [
        ['Germany', 'country', { country: 'DEU' }],
        ['France', 'country', { country: 'FRA' }],
        ['China', 'country', { country: 'CHN' }],
        ['Poland', 'country', { country: 'POL' }],
      ],
    });
    expect(extractAgreements(doc, kb).map((a) => [keys(a), a.status])).toEqual([['DEU+FRA', 'reached']]);
  });
  it('takes "by <date>" in what was agreed as its deadline ("agreed that inspectors would return by …")', () => {
    const doc = makeDoc({
      text: 'Iran and Germany agreed that inspectors would return to the site by April 15, 2022.\n',
      published: '2022-03-03',
      actors: [
        ['Iran', 'country', { country: 'IRN' }],
        ['Germany', 'country', { country: 'DEU' }],
      ],
      dates: [['April 15, 2022', '2022-04-15', true]],
    });
    expect(extractAgreements(doc, kb).map((a) => [keys(a), a.deadline])).toEqual([['DEU+IRN', '2022-04-15']]);
  });

  it('"we agreed" after talks stands for both sides; signing and adopting count, referenced texts need a date', () => {
    const doc = withMeetings(
      makeDoc({
        text:
          'Foreign Minister Sergey Lavrov’s remarks following talks with Foreign Minister of Vietnam Pham Binh Minh, Moscow, May 2, 2019\n\n' +
          'We agreed to step up our coordination at the UN and in APEC. ' +
          'We have just signed a plan of consultations between our ministries for the next two years. ' +
          'The Security Council resolution adopted on April 12 is important. ' +
          'This is in line with the agreements approved by the Security Council.\n',
        published: '2019-05-02',
        speaker: 'Sergey Lavrov',
        actors: [
          LAVROV,
          ['Foreign Minister of Vietnam Pham Binh Minh', 'person', { name: 'Pham Binh Minh', country: 'VNM' }],
          ['We', 'pronoun', { name: 'Sergey Lavrov', country: 'RUS' }],
          ['UN', 'org', { org: 'UN' }],
          ['APEC', 'org', { org: 'APEC' }],
          ['Security Council', 'org', { org: 'UN' }],
        ],
        dates: [
          ['May 2, 2019', '2019-05-02', false],
          ['April 12', '2019-04-12', false],
        ],
        places: [['Moscow', 'RUS']],
      }),
    );
    const as = extractAgreements(doc, kb);
    expect(as.map(keys)).toEqual(['RUS+VNM', 'RUS+VNM', 'UN']);
    expect(as[0].status).toBe('reached');
    expect(as[1].status).toBe('signed');
    expect(as[1].date).toBe('2019-05-02');
    expect(as[2].date).toBe('2019-04-12');
  });

  it('a quoted "we agreed" is the speaker\'s side, never the sides of a meeting reported before that the speaker was not at', () => {
    const doc = withMeetings(
      makeDoc({
        text:
          'In September, Jaishankar met with Foreign Minister Wang Yi. ' +
          '"We have agreed to intensify our cooperation," Lavrov said after the talks.\n',
        published: '2023-10-05',
        actors: [
          ['Jaishankar', 'person', { name: 'S. Jaishankar', country: 'IND' }],
          ['Foreign Minister Wang Yi', 'person', { name: 'Wang Yi', country: 'CHN' }],
          ['We', 'pronoun', { name: 'Sergey Lavrov', country: 'RUS' }],
          ['Lavrov', 'person', { name: 'Sergey Lavrov', country: 'RUS' }],
        ],
        dates: [['In September', '2023-09', false]],
      }),
    );
    const withQuotes = { ...doc, layers: { ...doc.layers, quotes: extractQuotes(doc, kb) } };
    expect(extractAgreements(withQuotes, kb).map(keys)).toEqual(['RUS']);
  });
  it('a date fronted before the first comma dates a "where" clause: "Last month, X hosted the summit, where … signed"', () => {
    const doc = withMeetings(
      makeDoc({
        text: 'Last month, China hosted the summit in Xian, where Kazakhstan and China signed the Xian Declaration.\n',
        published: '2023-09-23',
        actors: [
          ['China', 'country', { country: 'CHN' }],
          ['Kazakhstan', 'country', { country: 'KAZ' }],
        ],
        dates: [['Last month', '2023-08', false]],
      }),
    );
    expect(extractAgreements(doc, kb).map((a) => [keys(a), a.status, a.date])).toEqual([
      ['CHN+KAZ', 'signed', '2023-08'],
    ]);
  });
  it('"we agreed that A and B would…" has the sides the clause names, the speaker\'s among them', () => {
    const doc = withMeetings(
      makeDoc({
        text:
          'Stephen Smith: We had previously agreed that as co-chairs, Australia and Indonesia would convene a ministerial meeting this year. ' +
          'We agreed that our officials would meet again.\n',
        published: '2010-07-15',
        actors: [
          ['Stephen Smith', 'person', { name: 'Stephen Smith', country: 'AUS' }],
          ['We', 'pronoun', { name: 'Stephen Smith', country: 'AUS' }],
          ['Australia', 'country', { country: 'AUS' }],
          ['Indonesia', 'country', { country: 'IDN' }],
        ],
        turns: [{ label: 'Stephen Smith', speakerName: 'Stephen Smith', role: 'statement', country: 'AUS' }],
      }),
    );
    const as = extractAgreements(doc, kb);
    expect(as.map(keys)).toEqual(['AUS+IDN', 'AUS']);
  });
  it('"the two countries signed" after an agreement of two countries, with no meeting reported: those countries', () => {
    const doc = withMeetings(
      makeDoc({
        text:
          'Russia and Turkey agreed on a ceasefire in Idlib. ' +
          'The two countries signed a memorandum on trade, which enters into force on January 1, 2021.\n',
        published: '2020-03-05',
        actors: [
          ['Russia', 'country', { country: 'RUS' }],
          ['Turkey', 'country', { country: 'TUR' }],
        ],
        dates: [['January 1, 2021', '2021-01-01', true]],
      }),
    );
    const as = extractAgreements(doc, kb);
    expect(as.map((a) => [keys(a), a.status, a.effective])).toEqual([
      ['RUS+TUR', 'reached', null],
      ['RUS+TUR', 'signed', '2021-01-01'],
    ]);
  });

  it('"we agreed" quoted from another speaker in a transcript is that speaker\'s side and the transcript speaker\'s', () => {
    const base = makeDoc({
      text: 'Sergey Lavrov: I met US Secretary of State Rex Tillerson today. "We agreed to establish a working group," Rex Tillerson said.\n',
      published: '2017-08-07',
      speaker: 'Sergey Lavrov',
      actors: [LAVROV, ['Rex Tillerson', 'person', { name: 'Rex Tillerson', country: 'USA' }]],
      turns: [{ label: 'Sergey Lavrov', speakerName: 'Sergey Lavrov', role: 'statement', country: 'RUS' }],
    });
    const doc: Doc = { ...base, layers: { ...base.layers, quotes: extractQuotes(base, kb) } };
    const as = extractAgreements(withMeetings(doc), kb);
    expect(as.map((a) => keys(a))).toEqual(['RUS+USA']);
  });

  it('"X must be applied by <date>" right after an agreement is its deadline; far from one it is none', () => {
    const doc = (text: string) =>
      makeDoc({
        text,
        published: '2017-07-14',
        actors: [
          ['Iran', 'country', { country: 'IRN' }],
          ['United States', 'country', { country: 'USA' }],
        ],
        dates: [['February 2018', '2018-02', true]],
      });
    const near = extractAgreements(
      doc('Iran and the United States agreed on new limits. Restrictions must be applied by February 2018.\n'),
      kb,
    );
    expect(near.map((a) => [keys(a), a.deadline])).toEqual([['IRN+USA', '2018-02']]);
    const far = extractAgreements(
      doc(
        'Iran and the United States agreed on new limits.\n\nTalks went on.\n\nThe weather was fine.\n\nTaxes must be paid by February 2018.\n',
      ),
      kb,
    );
    expect(far.map((a) => [keys(a), a.deadline])).toEqual([['IRN+USA', null]]);
  });

  it('a body set up is a commitment; conditions "created" are none', () => {
    const doc = makeDoc({
      text:
        'A hotline between Russia and Turkey will be set up next month.\n\n' +
        'The conditions for the development of China-Australia relations will be created.\n',
      published: '2019-05-02',
      actors: [
        ['Russia', 'country', { country: 'RUS' }],
        ['Turkey', 'country', { country: 'TUR' }],
        ['China', 'country', { country: 'CHN' }],
        ['Australia', 'country', { country: 'AUS' }],
      ],
    });
    const as = extractAgreements(doc, kb);
    expect(as.map((a) => [keys(a), a.status])).toEqual([['RUS+TUR', 'planned']]);
  });

  it('"the sides agreed" stands for the parties of the meeting just reported', () => {
    const doc = withMeetings(
      makeDoc({
        text:
          'On Monday, President Emmanuel Macron held talks with Chancellor Olaf Scholz in Paris. ' +
          'The two leaders agreed to set up a joint commission on energy.\n',
        published: '2022-10-26',
        actors: [
          ['President Emmanuel Macron', 'person', { name: 'Emmanuel Macron', country: 'FRA' }],
          ['Chancellor Olaf Scholz', 'person', { name: 'Olaf Scholz', country: 'DEU' }],
        ],
        dates: [['On Monday', '2022-10-24', false]],
        places: [['Paris', 'FRA']],
      }),
    );
    const as = extractAgreements(doc, kb);
    expect(as).toHaveLength(1);
    expect(keys(as[0])).toBe('DEU+FRA');
    expect(as[0].date).toBe('2022-10-24'); // the day of the talks, not of the report
    expect(as[0].topics).toContain('energy');
  });

  it('"the sides agreed to hold a meeting" is dated by the talks they held, not by the meeting they agreed to hold', () => {
    const doc = withMeetings(
      makeDoc({
        text:
          'On Monday, President Emmanuel Macron held talks with Chancellor Olaf Scholz in Paris. ' +
          'The two leaders agreed to hold a meeting of their ministers in Berlin next month.\n',
        published: '2022-10-26',
        actors: [
          ['President Emmanuel Macron', 'person', { name: 'Emmanuel Macron', country: 'FRA' }],
          ['Chancellor Olaf Scholz', 'person', { name: 'Olaf Scholz', country: 'DEU' }],
        ],
        dates: [
          ['On Monday', '2022-10-24', false],
          ['next month', '2022-11', true],
        ],
        places: [
          ['Paris', 'FRA'],
          ['Berlin', 'DEU'],
        ],
      }),
    );
    expect(doc.layers.meetings!.map((m) => `${m.status} ${keys(m)} ${m.date}`)).toEqual([
      'held DEU+FRA 2022-10-24',
      'planned DEU+FRA 2022-11',
    ]);
    const as = extractAgreements(doc, kb);
    expect(as.map((a) => `${keys(a)} ${a.date}`)).toEqual(['DEU+FRA 2022-10-24']);
  });

  it('reads "welcomed the signing of a memorandum, which will take effect on X" as a signed agreement of its own', () => {
    const doc = withMeetings(
      makeDoc({
        text:
          'Secretary Blinken spoke with Minister Jaishankar on Wednesday. ' +
          'The two ministers agreed to convene the next meeting in Melbourne on February 11. ' +
          'They welcomed the signing of a memorandum of understanding on clean energy cooperation, which will take effect on March 1.\n',
        published: '2022-01-12',
        actors: [
          ['Secretary Blinken', 'person', { name: 'Antony Blinken', country: 'USA' }],
          ['Minister Jaishankar', 'person', { name: 'S. Jaishankar', country: 'IND' }],
        ],
        dates: [
          ['on Wednesday', '2022-01-12', false],
          ['on February 11', '2022-02-11', true],
          ['on March 1', '2022-03-01', true],
        ],
      }),
    );
    const as = extractAgreements(doc, kb);
    expect(as.map((a) => `${a.status} ${keys(a)} ${a.effective}`)).toEqual([
      'reached IND+USA null',
      'signed IND+USA 2022-03-01',
    ]);
  });

  it('an agentless "was also adopted" right after an agreement shares its parties; agreements "that were reached" count', () => {
    const doc = makeDoc({
      text:
        'The ministers of Kazakhstan and Uzbekistan adopted a statement on water management on May 4. ' +
        'A protocol on border crossings was also adopted. ' +
        'A resolution on fisheries was adopted.\n\n' +
        'The talks continued the agreements that were reached during the visit of the President of Kazakhstan to Uzbekistan on March 3.\n',
      published: '2021-05-04',
      actors: [
        ['Kazakhstan', 'country', { country: 'KAZ' }],
        ['Uzbekistan', 'country', { country: 'UZB' }],
        ['the President of Kazakhstan', 'role', { role: 'President', country: 'KAZ' }],
      ],
      dates: [
        ['on May 4', '2021-05-04', false],
        ['on March 3', '2021-03-03', false],
      ],
    });
    const as = extractAgreements(doc, kb);
    expect(as.map((a) => [keys(a), a.date])).toEqual([
      ['KAZ+UZB', '2021-05-04'],
      ['KAZ+UZB', '2021-05-04'],
      ['KAZ+UZB', '2021-03-03'],
    ]);
    expect(as[1].evidence.text).toMatch(/^A protocol/);
  });

  it('"we" in a joint statement is all who made it: the sides of the meeting it reports', () => {
    const text =
      'We, the Foreign Ministers of Australia, India, Japan and the United States, met in Melbourne on February 11, 2022. ' +
      'We agreed to expand cooperation on maritime security.\n';
    const actors: [string, 'country', { country: string }][] = [
      ['Australia', 'country', { country: 'AUS' }],
      ['India', 'country', { country: 'IND' }],
      ['Japan', 'country', { country: 'JPN' }],
      ['the United States', 'country', { country: 'USA' }],
    ];
    const dates: [string, string, boolean][] = [['February 11, 2022', '2022-02-11', false]];
    const joint = withMeetings(makeDoc({ text, actors, dates, places: [['Melbourne', 'AUS']] }));
    expect(extractAgreements(joint, kb).map((a) => [keys(a), a.date])).toEqual([['AUS+IND+JPN+USA', '2022-02-11']]);
    // a speech whose speaker is not known is no joint statement: its "we" stays unknown
    const speech = withMeetings(
      makeDoc({ text: text.replace('We, the Foreign Ministers of', 'The Foreign Ministers of'), actors, dates }),
    );
    expect(extractAgreements(speech, kb)).toEqual([]);
  });

  it('keeps apart what the same sides signed, initialled and committed to on one day', () => {
    const doc = withMeetings(
      makeDoc({
        text:
          'Xi Jinping held talks with Vladimir Putin in Beijing on May 16. ' +
          'The two leaders signed a joint statement and witnessed the signing of 15 cooperation agreements. ' +
          'The parties also initialled the text of an agreement on visa-free travel. ' +
          'Russia and China committed to increasing bilateral trade to 300 billion dollars by 2030.\n',
        published: '2024-05-16',
        actors: [
          ['Xi Jinping', 'person', { name: 'Xi Jinping', country: 'CHN' }],
          ['Vladimir Putin', 'person', { name: 'Vladimir Putin', country: 'RUS' }],
          ['Russia', 'country', { country: 'RUS' }],
          ['China', 'country', { country: 'CHN' }],
        ],
        dates: [
          ['on May 16', '2024-05-16', false],
          ['2030', '2030', true],
        ],
      }),
    );
    expect(extractAgreements(doc, kb).map((a) => [keys(a), a.status, a.deadline])).toEqual([
      ['CHN+RUS', 'signed', null],
      ['CHN+RUS', 'reached', null],
      ['CHN+RUS', 'reached', '2030'],
    ]);
  });

  it('does not take one country adopting or signing something for an agreement', () => {
    const doc = makeDoc({
      text: 'Last week Hungary adopted a new law on foreign agents. The President of Serbia signed a decree on the army.\n',
      published: '2023-04-01',
      actors: [
        ['Hungary', 'country', { country: 'HUN' }],
        ['The President of Serbia', 'role', { role: 'President', country: 'SRB' }],
      ],
    });
    expect(extractAgreements(doc, kb)).toEqual([]);
  });
});

describe('agreements: date, conditions, "we"', () => {
  it('reads "the accord reached in X between A and B" as a referenced agreement with its deadline', () => {
    const doc = makeDoc({
      text: 'Under the accord reached in Doha between Brazil and Chile, the troops must leave the zone by May 1, 2021.\n',
      published: '2020-03-01',
      actors: [
        ['Brazil', 'country', { country: 'BRA' }],
        ['Chile', 'country', { country: 'CHL' }],
      ],
      dates: [['May 1, 2021', '2021-05-01', true]],
    });
    const ags = extractAgreements(doc, kb);
    expect(ags.map((a) => [a.status, keys(a), a.deadline])).toEqual([['referenced', 'BRA+CHL', '2021-05-01']]);
  });

  it('reads a plan two sides proposed as a proposed agreement, and one side’s plan as none', () => {
    const doc = (text: string) =>
      makeDoc({
        text,
        published: '2020-03-01',
        actors: [
          ['Brazil', 'country', { country: 'BRA' }],
          ['Chile', 'country', { country: 'CHL' }],
        ],
      });
    const two = extractAgreements(doc('Brazil and Chile proposed a three-stage plan for the border.\n'), kb);
    expect(two.map((a) => [a.status, keys(a)])).toEqual([['proposed', 'BRA+CHL']]);
    expect(extractAgreements(doc('Brazil proposed a three-stage plan for the border.\n'), kb)).toEqual([]);
  });

  it('dates an agreement when it was agreed, not by the period or event it is about', () => {
    const doc = makeDoc({
      text:
        'Chile and Peru signed a plan of consultations for 2022-2023.\n\n' +
        'The two ministers agreed that their deputies would meet next month.\n',
      published: '2021-11-10',
      actors: [
        ['Chile', 'country', { country: 'CHL' }],
        ['Peru', 'country', { country: 'PER' }],
      ],
      dates: [
        ['2022-2023', '2022', true, '2023'],
        ['next month', '2021-12', true],
      ],
    });
    const as = extractAgreements(doc, kb);
    expect(as[0].status).toBe('signed');
    expect(as[0].date).toBe('2021-11-10');
    expect(as.every((a) => a.date !== '2021-12')).toBe(true);
  });

  it('reads an agreement under a condition as planned, without a date', () => {
    const doc = makeDoc({
      text: 'Ana Rojas: We expect rapid ratification by Peru once the treaty has been signed by Chile and Peru.\n',
      published: '2021-11-10',
      actors: [
        ['Ana Rojas', 'person', { name: 'Ana Rojas', country: 'CHL' }],
        ['Chile', 'country', { country: 'CHL' }],
        ['Peru', 'country', { country: 'PER' }],
      ],
      turns: [{ label: 'Ana Rojas', speakerName: 'Ana Rojas', role: 'statement', country: 'CHL' }],
    });
    const as = extractAgreements(doc, kb);
    expect(as).toHaveLength(1);
    expect(as[0].status).toBe('planned');
    expect(as[0].date).toBeNull();
  });
});

describe('agreements: "agreed that" is dated today', () => {
  it('dates "X and I have agreed that we will meet next week" today, not next week', () => {
    const doc = makeDoc({
      text: 'Ana Rojas: Minister Novak and I have agreed that we will meet again in Lima next week.\n',
      published: '2021-03-02',
      actors: [
        ['Ana Rojas', 'person', { name: 'Ana Rojas', country: 'CHL' }],
        ['Minister Novak', 'person', { name: 'Jan Novak', country: 'CZE' }],
      ],
      dates: [['next week', '2021-03-08', true]],
      places: [['Lima', 'PER']],
      turns: [{ label: 'Ana Rojas', speakerName: 'Ana Rojas', role: 'statement', country: 'CHL' }],
    });
    const as = extractAgreements(doc, kb);
    expect(as).toHaveLength(1);
    expect(as[0].date).toBe('2021-03-02');
  });
});
