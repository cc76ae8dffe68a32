import { describe, expect, it } from 'vitest';
import { extractMeetings } from '../../src/04-extract/meetings.js';
import { keysOf } from '../../src/04-extract/meet-util.js';
import { kb, LAVROV, makeDoc } from './meetings.fixture.js';
import { extractQuotes } from '../../src/04-extract/quotes.js';
import type { Doc } from '../../src/00-model/doc.js';
import { tokenizeText } from '../../src/02-segment/tokens.js';

const withQuotes = (doc: Doc): Doc => ({ ...doc, layers: { ...doc.layers, quotes: extractQuotes(doc, kb) } });

const keys = (m: { parties: Parameters<typeof keysOf>[0] }) => keysOf(m.parties).sort().join('+');

describe('meetings', () => {
  it('merges several mentions of one meeting into one record', () => {
    const doc = makeDoc({
      text:
        'Foreign Minister Sergey Lavrov’s remarks following talks with Indian External Affairs Minister Subrahmanyam Jaishankar, New Delhi, April 3, 2019\n\n' +
        'Sergey Lavrov: The talks with Subrahmanyam Jaishankar were useful and frank.\n\n' +
        'Mr Jaishankar and I discussed energy projects and the fight against terrorism.\n',
      published: '2019-04-03',
      place: 'New Delhi',
      speaker: 'Sergey Lavrov',
      actors: [
        LAVROV,
        ['Subrahmanyam Jaishankar', 'person', { name: 'Subrahmanyam Jaishankar', country: 'IND' }],
        ['Jaishankar', 'person', { name: 'Subrahmanyam Jaishankar', country: 'IND' }],
        ['Indian', 'country', { country: 'IND' }],
      ],
      dates: [['April 3, 2019', '2019-04-03', false]],
      places: [['New Delhi', 'IND']],
      turns: [{ label: 'Sergey Lavrov', speakerName: 'Sergey Lavrov', role: 'statement', country: 'RUS' }],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms).toHaveLength(1);
    expect(keys(ms[0])).toBe('IND+RUS');
    expect(ms[0].date).toBe('2019-04-03');
    expect(ms[0].status).toBe('held');
    expect(ms[0].topics).toEqual(expect.arrayContaining(['energy', 'terrorism']));
  });

  it('splits "meetings were held with A, B and C" into bilateral meetings with the narrator', () => {
    const doc = makeDoc({
      text: 'Sergey Lavrov: Meetings were held with German Foreign Minister Heiko Maas, Japanese Foreign Minister Taro Kono, and Turkish Foreign Minister Mevlut Cavusoglu.\n',
      published: '2019-06-10',
      place: 'Osaka',
      actors: [
        LAVROV,
        ['German Foreign Minister Heiko Maas', 'person', { name: 'Heiko Maas', country: 'DEU' }],
        ['Japanese Foreign Minister Taro Kono', 'person', { name: 'Taro Kono', country: 'JPN' }],
        ['Turkish Foreign Minister Mevlut Cavusoglu', 'person', { name: 'Mevlut Cavusoglu', country: 'TUR' }],
      ],
      turns: [{ label: 'Sergey Lavrov', speakerName: 'Sergey Lavrov', role: 'statement', country: 'RUS' }],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map(keys).sort()).toEqual(['DEU+RUS', 'JPN+RUS', 'RUS+TUR']);
    for (const m of ms) {
      expect(m.format).toBe('bilateral');
      expect(m.date).toBe('2019-06-10'); // held "today": the document's date and place
      expect(m.place?.name).toBe('Osaka');
    }
  });

  it('tells past meetings from planned ones, with and without dates', () => {
    const doc = makeDoc({
      text:
        'President Vladimir Putin and Prime Minister Shinzo Abe met in Vladivostok on September 5, 2018, when they signed several documents.\n\n' +
        'Prime Minister Shinzo Abe will visit Russia in May.\n\n' +
        'The President of Finland will visit us soon, Sergey Lavrov said.\n',
      published: '2019-04-03',
      speaker: 'Sergey Lavrov',
      actors: [
        LAVROV,
        ['President Vladimir Putin', 'person', { name: 'Vladimir Putin', country: 'RUS' }],
        ['Prime Minister Shinzo Abe', 'person', { name: 'Shinzo Abe', country: 'JPN' }],
        ['Russia', 'country', { country: 'RUS' }],
        ['The President of Finland', 'role', { role: 'President', country: 'FIN' }],
      ],
      dates: [
        ['September 5, 2018', '2018-09-05', false],
        ['in May', '2019-05', true],
      ],
      places: [['Vladivostok', 'RUS']],
    });
    const ms = extractMeetings(doc, kb);
    const past = ms.find((m) => m.date === '2018-09-05');
    expect(past && keys(past)).toBe('JPN+RUS');
    expect(past?.status).toBe('held');
    expect(past?.place?.name).toBe('Vladivostok');
    const may = ms.find((m) => m.date === '2019-05');
    expect(may?.status).toBe('planned');
    expect(may && keys(may)).toBe('JPN+RUS');
    const soon = ms.find((m) => keys(m) === 'FIN+RUS');
    expect(soon?.status).toBe('planned');
    expect(soon?.date).toBeNull();
    expect(ms).toHaveLength(3);
  });

  it('does not take a question for a meeting', () => {
    const doc = makeDoc({
      text: 'Question: Will you meet with Secretary of State Mike Pompeo in Helsinki next week?\n\nSergey Lavrov: We have nothing to announce.\n',
      published: '2019-04-03',
      actors: [LAVROV, ['Secretary of State Mike Pompeo', 'person', { name: 'Mike Pompeo', country: 'USA' }]],
      turns: [
        { label: 'Question', speakerName: null, role: 'question' },
        { label: 'Sergey Lavrov', speakerName: 'Sergey Lavrov', role: 'answer', country: 'RUS' },
      ],
    });
    expect(extractMeetings(doc, kb)).toEqual([]);
  });

  it('gives a forum summit the forum as its party, and a summit used as venue no record of its own', () => {
    const doc = makeDoc({
      text:
        'The leaders will talk on the sidelines of the SCO summit, which will be held in the Kyrgyz capital, Bishkek, in June.\n\n' +
        'President Vladimir Putin had a meeting with President Xi Jinping on the sidelines of the BRICS summit in Brasilia on November 13, 2019.\n',
      published: '2019-04-03',
      actors: [
        ['SCO', 'org', { org: 'SCO' }],
        ['BRICS', 'org', { org: 'BRICS' }],
        ['Kyrgyz', 'country', { country: 'KGZ' }],
        ['President Vladimir Putin', 'person', { name: 'Vladimir Putin', country: 'RUS' }],
        ['President Xi Jinping', 'person', { name: 'Xi Jinping', country: 'CHN' }],
      ],
      dates: [
        ['in June', '2019-06', true],
        ['November 13, 2019', '2019-11-13', true],
      ],
      places: [
        ['Bishkek', 'KGZ'],
        ['Brasilia', 'BRA'],
      ],
    });
    const ms = extractMeetings(doc, kb);
    const sco = ms.find((m) => keys(m) === 'SCO');
    expect(sco?.status).toBe('planned');
    expect(sco?.date).toBe('2019-06');
    const bil = ms.filter((m) => keys(m) === 'CHN+RUS');
    expect(bil).toHaveLength(1);
    expect(ms.some((m) => keys(m) === 'BRICS')).toBe(false);
  });

  it('reads the meeting the title names when the title is not part of the text', () => {
    const base = makeDoc({
      text: 'Sergey Lavrov: We had substantive talks. Mr Gabriel and I also discussed Syria.\n',
      published: '2017-03-09',
      place: 'Berlin',
      actors: [
        LAVROV,
        ['Mr Gabriel', 'person', { name: 'Sigmar Gabriel', country: 'DEU' }],
        ['German', 'country', { country: 'DEU' }],
      ],
      turns: [{ label: 'Sergey Lavrov', speakerName: 'Sergey Lavrov', role: 'statement', country: 'RUS' }],
    });
    const doc: Doc = {
      ...base,
      meta: {
        ...base.meta,
        title:
          'Sergey Lavrov’s remarks following talks with German Foreign Minister Sigmar Gabriel, Berlin, March 9, 2017',
        titleSpeaker: 'Sergey Lavrov',
      },
    };
    const ms = extractMeetings(doc, kb);
    expect(ms).toHaveLength(1);
    expect(keys(ms[0])).toBe('DEU+RUS');
    expect(ms[0].date).toBe('2017-03-09');
    expect(ms[0].rule).toMatch(/^meeting:title:/);
    // the evidence is text of the document
    expect(doc.text.slice(ms[0].evidence.start, ms[0].evidence.end)).toBe(ms[0].evidence.text);
    expect(ms[0].evidence.text.length).toBeGreaterThan(0);
  });

  it('finds a surname after an office word in the title ("Call with … Minister Wang"), and joins the title\'s meeting to the text\'s', () => {
    const withTitle = (d: Doc, title: string): Doc => ({ ...d, meta: { ...d.meta, title } });
    const call = withTitle(
      makeDoc({
        text: 'Secretary of State Antony J. Blinken spoke today with Foreign Minister Wang Yi about the war.\n',
        published: '2022-03-05',
        actors: [
          ['Secretary of State Antony J. Blinken', 'person', { name: 'Antony Blinken', country: 'USA' }],
          ['Foreign Minister Wang Yi', 'person', { name: 'Wang Yi', country: 'CHN' }],
        ],
      }),
      'Secretary Blinken’s Call with Chinese Foreign Minister Wang',
    );
    const ms = extractMeetings(call, kb);
    expect(ms.map((m) => [keys(m), m.format])).toEqual([['CHN+USA', 'phone']]);
    const visit = withTitle(
      makeDoc({
        text: 'Deputy Secretary of State Wendy Sherman traveled to China on July 25-26 for meetings with Foreign Minister Wang Yi.\n',
        published: '2021-07-26',
        actors: [
          ['Deputy Secretary of State Wendy Sherman', 'person', { name: 'Wendy Sherman', country: 'USA' }],
          ['China', 'country', { country: 'CHN' }],
          ['Foreign Minister Wang Yi', 'person', { name: 'Wang Yi', country: 'CHN' }],
        ],
        dates: [['on July 25-26', '2021-07-25', false, '2021-07-26']],
      }),
      'Deputy Secretary Sherman’s Visit to China',
    );
    const vs = extractMeetings(visit, kb);
    expect(vs.map((m) => [keys(m), m.date, m.dateEnd])).toEqual([['CHN+USA', '2021-07-25', '2021-07-26']]);
  });
  it('gives one named forum event one record, dated by the mention that says most', () => {
    const doc = makeDoc({
      text:
        'The BRICS Media Summit organised in September 2024 brought together journalists from many countries.\n\n' +
        'The BRICS Media Summit was held from September 13 to 17 in Moscow.\n\n' +
        'The BRICS Media Summit was held for the first time as a new format of the forum.\n',
      published: '2024-12-26',
      place: 'Moscow',
      actors: [['BRICS', 'org', { org: 'BRICS' }]],
      dates: [
        ['September 2024', '2024-09', false],
        ['September 13 to 17', '2024-09-13', false, '2024-09-17'],
      ],
      places: [['Moscow', 'RUS']],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms).toHaveLength(1);
    expect(keys(ms[0])).toBe('BRICS');
    expect([ms[0].date, ms[0].dateEnd]).toEqual(['2024-09-13', '2024-09-17']);
    expect(ms[0].evidence.text).toMatch(/^The BRICS Media Summit was held from September 13/);
  });

  it('takes the subject of "A and B condemned X and discussed…" from before the first verb', () => {
    const base = makeDoc({
      text: 'The Secretary and the Foreign Ministers condemned North Korea’s missile launches and discussed how to expand cooperation.\n',
      published: '2022-07-08',
      actors: [
        ['Secretary', 'person', { name: 'Antony Blinken', country: 'USA' }],
        ['North Korea', 'country', { country: 'PRK' }],
      ],
    });
    // the verbs are found by their part of speech: the real tagger's tokens
    const doc: Doc = { ...base, layers: { ...base.layers, tokens: tokenizeText(base.text).tokens } };
    expect(extractMeetings(doc, kb).filter((m) => keysOf(m.parties).includes('PRK'))).toEqual([]);
    // with a single predicate the actor before it stays its subject
    const one = makeDoc({
      text: 'The Secretary and North Korea’s envoy discussed how to expand cooperation.\n',
      published: '2022-07-08',
      actors: [
        ['Secretary', 'person', { name: 'Antony Blinken', country: 'USA' }],
        ['North Korea', 'country', { country: 'PRK' }],
      ],
    });
    const ms = extractMeetings({ ...one, layers: { ...one.layers, tokens: tokenizeText(one.text).tokens } }, kb);
    expect(ms.map(keys)).toEqual(['PRK+USA']);
  });

  it('gives a clause that opens with its verb ("but also met") the subject of the clause before', () => {
    const base = makeDoc({
      text: 'In the last three days, our officials have met with officials in Egypt but also met with officials in Jordan.\n',
      published: '2010-07-15',
      actors: [
        ['our officials', 'pronoun', { country: 'AUS' }],
        ['Egypt', 'country', { country: 'EGY' }],
        ['Jordan', 'country', { country: 'JOR' }],
      ],
    });
    const doc: Doc = { ...base, layers: { ...base.layers, tokens: tokenizeText(base.text).tokens } };
    expect(extractMeetings(doc, kb).map(keys).sort()).toEqual(['AUS+EGY', 'AUS+JOR']);
  });

  it('keeps meetings recommended with "should be held" out, in the title as in the text', () => {
    const base = makeDoc({
      text: 'Lavrov said so in an interview.\n\nSummits like the BRICS summit should be held regularly, he said.\n',
      published: '2024-12-26',
      actors: [['BRICS', 'org', { org: 'BRICS' }]],
    });
    const doc: Doc = {
      ...base,
      meta: { ...base.meta, title: 'Events like the BRICS Summit should be held regularly, says Russian top diplomat' },
    };
    expect(extractMeetings(doc, kb)).toEqual([]);
  });

  it('reads "their meeting" as the meeting of the sides named before it (a title "A and B Before Their Meeting")', () => {
    const base = makeDoc({
      text: 'SECRETARY BLINKEN: Good morning. It is a pleasure to be here with Foreign Minister Rau.\n',
      published: '2022-02-04',
      actors: [
        ['SECRETARY BLINKEN', 'person', { name: 'Antony Blinken', country: 'USA' }],
        ['Foreign Minister Rau', 'person', { name: 'Zbigniew Rau', country: 'POL' }],
      ],
    });
    const doc: Doc = {
      ...base,
      meta: {
        ...base.meta,
        title: 'Secretary Antony Blinken and Polish Foreign Minister Zbigniew Rau Before Their Meeting',
      },
    };
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => [keys(m), m.date])).toEqual([['POL+USA', '2022-02-04']]);
  });

  it("takes meetings in a quoted statement as the quoted speaker's, and keeps idioms out", () => {
    const doc = withQuotes(
      makeDoc({
        text:
          'MOSCOW, May 5. "We held talks with Foreign Minister Sameh Shoukry in a constructive atmosphere," Sergey Lavrov said.\n\n' +
          'Russia is ready to meet its partners halfway, he added. We must meet the needs of the region.\n',
        published: '2019-05-05',
        place: 'Moscow',
        actors: [
          LAVROV,
          ['Foreign Minister Sameh Shoukry', 'person', { name: 'Sameh Shoukry', country: 'EGY' }],
          ['Russia', 'country', { country: 'RUS' }],
        ],
      }),
    );
    const ms = extractMeetings(doc, kb);
    expect(ms.map(keys)).toEqual(['EGY+RUS']);
    expect(ms[0].date).toBe('2019-05-05');
  });

  it('resolves "he met" to the person named before, not to every actor in the sentence', () => {
    const doc = makeDoc({
      text: 'Beijing noted that Foreign Minister Sergey Lavrov had just visited Pyongyang, during which he met with Chairman Kim Jong Un.\n',
      published: '2018-06-01',
      actors: [
        LAVROV,
        ['Beijing', 'country', { country: 'CHN' }],
        ['Pyongyang', 'country', { country: 'PRK' }],
        ['Chairman Kim Jong Un', 'person', { name: 'Kim Jong Un', country: 'PRK' }],
      ],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map(keys)).toEqual(['PRK+RUS']);
  });

  it('takes the people named right after "met" as its other parties, and not what follows "met" otherwise', () => {
    const doc = makeDoc({
      text:
        'Secretary Blinken met Armenian Foreign Minister Ararat Mirzoyan in New York on September 19. ' +
        'Secretary Blinken met reporters after the talks with Foreign Minister Park Jin.\n',
      published: '2022-10-04',
      actors: [
        ['Secretary Blinken', 'person', { name: 'Antony Blinken', country: 'USA' }],
        ['Armenian Foreign Minister Ararat Mirzoyan', 'person', { name: 'Ararat Mirzoyan', country: 'ARM' }],
        ['Foreign Minister Park Jin', 'person', { name: 'Park Jin', country: 'KOR' }],
      ],
      dates: [['on September 19', '2022-09-19', false]],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map(keys)).toContain('ARM+USA');
    const arm = ms.find((m) => keys(m) === 'ARM+USA')!;
    expect(arm.status).toBe('held');
    expect(arm.date).toBe('2022-09-19');
    // "met reporters": no actor is the object of "met"; the talks with Park Jin are another trigger
    expect(ms.filter((m) => m.evidence.text.includes('reporters') && m.rule.includes('verb'))).toEqual([]);
  });

  it('resolves "he will meet" in a later sentence to the person the paragraph named before', () => {
    const doc = makeDoc({
      text:
        'MR PRICE: Secretary Blinken spoke with Foreign Minister Park Jin. Second, the Secretary will travel to Ottawa on October 11. ' +
        'In Ottawa he will meet Canadian Foreign Minister Melanie Joly.\n',
      published: '2022-10-04',
      actors: [
        ['Secretary Blinken', 'person', { name: 'Antony Blinken', country: 'USA' }],
        ['the Secretary', 'role', { name: 'Antony Blinken', role: 'Secretary', country: 'USA' }],
        ['Foreign Minister Park Jin', 'person', { name: 'Park Jin', country: 'KOR' }],
        ['Canadian Foreign Minister Melanie Joly', 'person', { name: 'Melanie Joly', country: 'CAN' }],
      ],
      places: [['Ottawa', 'CAN']],
      turns: [{ label: 'MR PRICE', speakerName: 'Ned Price', role: 'statement', country: 'USA' }],
    });
    const ms = extractMeetings(doc, kb);
    const joly = ms.filter((m) => m.parties.some((p) => p.name === 'Melanie Joly'));
    expect(joly).toHaveLength(1);
    expect(joly[0].parties.map((p) => p.name).sort()).toEqual(['Antony Blinken', 'Melanie Joly']);
    expect(joly[0].status).toBe('planned');
  });

  it('keeps a phone call and a meeting in person of the same sides on one day apart', () => {
    const doc = makeDoc({
      text:
        'While in Moscow, Envoy Kerry met with Foreign Minister Lavrov. ' +
        'Envoy Kerry also had a phone call with President Putin.\n',
      published: '2021-07-16',
      actors: [
        ['Envoy Kerry', 'person', { name: 'John Kerry', country: 'USA' }],
        ['Foreign Minister Lavrov', 'person', { name: 'Sergey Lavrov', country: 'RUS' }],
        ['President Putin', 'person', { name: 'Vladimir Putin', country: 'RUS' }],
      ],
      places: [['Moscow', 'RUS']],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => `${keys(m)} ${m.format}`).sort()).toEqual(['RUS+USA bilateral', 'RUS+USA phone']);
  });

  it('takes no visit from "…, and the first of them arrived in X": the subject of "arrived" is no actor', () => {
    const doc = makeDoc({
      text:
        'Canada and the United States agreed to deliver armored vehicles to Haiti, and the first of them arrived in Port-au-Prince on Saturday. ' +
        'Canada and the United States sent envoys, and they arrived in Port-au-Prince on Sunday.\n',
      published: '2022-10-04',
      actors: [
        ['Canada', 'country', { country: 'CAN' }],
        ['the United States', 'country', { country: 'USA' }],
        ['Haiti', 'country', { country: 'HTI' }],
      ],
      dates: [
        ['on Saturday', '2022-10-01', false],
        ['on Sunday', '2022-10-02', false],
      ],
      places: [['Port-au-Prince', 'HTI']],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => m.date)).not.toContain('2022-10-01');
    expect(ms.map((m) => `${m.date} ${keys(m)}`)).toContain('2022-10-02 CAN+HTI+USA');
  });

  it('takes no party from a prepositional object before "hold a meeting", and "the three ministers" as the sides of the call', () => {
    const doc = makeDoc({
      text:
        'Secretary Blinken spoke by telephone with Foreign Minister Hayashi and Foreign Minister Park Jin. ' +
        'The three ministers agreed to coordinate closely at the United Nations Security Council and to hold a trilateral meeting of their deputies in Tokyo later this month.\n',
      published: '2022-10-04',
      actors: [
        ['Secretary Blinken', 'person', { name: 'Antony Blinken', country: 'USA' }],
        ['Foreign Minister Hayashi', 'person', { name: 'Yoshimasa Hayashi', country: 'JPN' }],
        ['Foreign Minister Park Jin', 'person', { name: 'Park Jin', country: 'KOR' }],
        ['the United Nations Security Council', 'org', { org: 'IGOUNO' }],
      ],
      dates: [['later this month', '2022-10', true]],
      places: [['Tokyo', 'JPN']],
    });
    const ms = extractMeetings(doc, kb);
    const planned = ms.filter((m) => m.status === 'planned');
    expect(planned.map(keys)).toEqual(['JPN+KOR+USA']);
    expect(planned[0].date).toBe('2022-10');
  });

  it('reads "spoke with X" and "a call with X" as meetings, and not a call ruled out or "speak and act with caution"', () => {
    const doc = makeDoc({
      text:
        'Secretary Blinken spoke today with Foreign Minister Jaishankar. ' +
        'On Friday, President Biden had a call with President Xi. ' +
        'There are no plans for the Secretary to speak with Foreign Minister Lavrov. ' +
        'We urge China to speak and act with caution on Taiwan.\n',
      published: '2022-01-12',
      actors: [
        ['Secretary Blinken', 'person', { name: 'Antony Blinken', country: 'USA' }],
        ['the Secretary', 'role', { name: 'Antony Blinken', role: 'Secretary', country: 'USA' }],
        ['Foreign Minister Jaishankar', 'person', { name: 'S. Jaishankar', country: 'IND' }],
        ['President Biden', 'person', { name: 'Joe Biden', country: 'USA' }],
        ['President Xi', 'person', { name: 'Xi Jinping', country: 'CHN' }],
        ['Foreign Minister Lavrov', 'person', { name: 'Sergey Lavrov', country: 'RUS' }],
        ['China', 'country', { country: 'CHN' }],
        ['Taiwan', 'country', { country: 'TWN' }],
      ],
      dates: [['On Friday', '2022-01-07', false]],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => `${m.status} ${keys(m)} ${m.format}`).sort()).toEqual([
      'held CHN+USA phone',
      'held IND+USA bilateral',
    ]);
  });

  it('reads the gerund "meeting X" as the verb, and one call reported as "spoke with" and as "the call" once', () => {
    const doc = makeDoc({
      text:
        'Secretary Blinken spoke today with Foreign Minister Lavrov. ' +
        'In today’s call with Foreign Minister Lavrov, Secretary Blinken urged de-escalation. ' +
        'Secretary Blinken noted that he looks forward to meeting Foreign Minister Jaishankar in person.\n',
      published: '2022-02-15',
      actors: [
        ['Secretary Blinken', 'person', { name: 'Antony Blinken', country: 'USA' }],
        ['Foreign Minister Lavrov', 'person', { name: 'Sergey Lavrov', country: 'RUS' }],
        ['Foreign Minister Jaishankar', 'person', { name: 'S. Jaishankar', country: 'IND' }],
      ],
      dates: [['today', '2022-02-15', false]],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => `${m.status} ${keys(m)} ${m.format}`)).toEqual([
      'held RUS+USA phone',
      'planned IND+USA bilateral',
    ]);
  });

  it('reads "X received Y" as a meeting only when a guest follows the verb', () => {
    const doc = makeDoc({
      text:
        'President Vladimir Putin received Foreign Minister Sameh Shoukry in the Kremlin on Tuesday. ' +
        'President Vladimir Putin received a letter from the President of Egypt.\n',
      published: '2019-05-08',
      actors: [
        ['President Vladimir Putin', 'person', { name: 'Vladimir Putin', country: 'RUS' }],
        ['Foreign Minister Sameh Shoukry', 'person', { name: 'Sameh Shoukry', country: 'EGY' }],
        ['the President of Egypt', 'role', { role: 'President', country: 'EGY' }],
      ],
      dates: [['on Tuesday', '2019-05-07', false]],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms).toHaveLength(1);
    expect(keys(ms[0])).toBe('EGY+RUS');
    expect(ms[0].date).toBe('2019-05-07');
    expect(ms[0].status).toBe('held');
  });
  it('reads "there was a session of X" as a held meeting, and "there was no meeting" as none', () => {
    const doc = makeDoc({
      text: 'There was also a session of the ASEAN Regional Forum. There was no meeting with Kerry.\n',
      published: '2016-07-26',
      actors: [
        ['ASEAN Regional Forum', 'org', { org: 'ARF' }],
        ['Kerry', 'person', { name: 'John Kerry', country: 'USA' }],
      ],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => [m.status, keys(m)])).toEqual([['held', 'ARF']]);
  });
  it('reads "a forum meeting has also been held" as held (an adverb after the auxiliary)', () => {
    const doc = makeDoc({
      text: 'An SCO Foreign Ministers Meeting has also been held here.\n',
      published: '2016-07-26',
      actors: [['SCO', 'org', { org: 'SCO' }]],
    });
    expect(extractMeetings(doc, kb).map((m) => [m.status, keys(m)])).toEqual([['held', 'SCO']]);
  });
  it('takes the visitor of "when visiting X, Premier Y said…" from after the comma', () => {
    const doc = makeDoc({
      text: 'Last month, when visiting the ASEAN Secretariat, Premier Li Keqiang said that China is a partner.\n',
      published: '2018-06-01',
      actors: [
        ['ASEAN', 'org', { org: 'ASEAN' }],
        ['Premier Li Keqiang', 'person', { name: 'Li Keqiang', country: 'CHN' }],
        ['China', 'country', { country: 'CHN' }],
      ],
      dates: [['Last month', '2018-05', false]],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => [m.status, m.format, keys(m)])).toEqual([['held', 'visit', 'ASEAN+CHN']]);
  });
  it('takes the forum of a fronted "on the sidelines of X," as the venue, not a party', () => {
    const doc = makeDoc({
      text: 'On the sidelines of the UN General Assembly in September, Jaishankar met with Foreign Minister Wang Yi.\n',
      published: '2023-10-05',
      actors: [
        ['UN General Assembly', 'org', { org: 'UNGA' }],
        ['Jaishankar', 'person', { name: 'S. Jaishankar', country: 'IND' }],
        ['Foreign Minister Wang Yi', 'person', { name: 'Wang Yi', country: 'CHN' }],
      ],
      dates: [['in September', '2023-09', false]],
    });
    expect(extractMeetings(doc, kb).map((m) => [m.status, m.format, keys(m)])).toEqual([
      ['held', 'bilateral', 'CHN+IND'],
    ]);
  });
  it('takes the visitor of "he looks forward to visiting X" from the person named before', () => {
    const doc = makeDoc({
      text: 'Secretary Rubio noted that he looks forward to visiting Riyadh in April.\n',
      published: '2025-03-11',
      actors: [
        ['Secretary Rubio', 'person', { name: 'Marco Rubio', country: 'USA' }],
        ['Riyadh', 'country', { country: 'SAU' }],
      ],
      dates: [['in April', '2025-04', true]],
    });
    expect(extractMeetings(doc, kb).map((m) => [m.status, m.format, keys(m)])).toEqual([
      ['planned', 'visit', 'SAU+USA'],
    ]);
  });
  it('takes no meeting from one denied ("denied that X had met Y") or merely possible ("could take place")', () => {
    const doc = makeDoc({
      text:
        'Peskov denied that Putin had met with President Zelensky.\n\n' +
        'If the sides agree, a meeting between Putin and Zelensky could take place in Istanbul.\n\n' +
        'A meeting between Putin and Zelensky took place in Istanbul.\n',
      published: '2022-03-03',
      actors: [
        ['Putin', 'person', { name: 'Vladimir Putin', country: 'RUS' }],
        ['President Zelensky', 'person', { name: 'Volodymyr Zelenskyy', country: 'UKR' }],
        ['Zelensky', 'person', { name: 'Volodymyr Zelenskyy', country: 'UKR' }],
      ],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => [m.status, keys(m), m.evidence.text.slice(0, 12)])).toEqual([
      ['held', 'RUS+UKR', 'A meeting be'],
    ]);
  });
  it('reads "a joint news conference with X" as a meeting with X', () => {
    const doc = makeDoc({
      text: 'At a joint news conference with Foreign Minister Wang Yi, Sergey Lavrov praised the relations.\n',
      published: '2019-05-08',
      actors: [LAVROV, ['Foreign Minister Wang Yi', 'person', { name: 'Wang Yi', country: 'CHN' }]],
      turns: [{ label: null, speakerName: 'Sergey Lavrov', role: 'statement', country: 'RUS' }],
    });
    expect(extractMeetings(doc, kb).map((m) => [m.status, keys(m)])).toEqual([['held', 'CHN+RUS']]);
  });
  it('reads "X received a phone call from Y" as a call, and places a call nowhere (not at the dateline)', () => {
    const doc = makeDoc({
      text: 'MOSCOW, January 10. Foreign Minister Cavusoglu received a phone call from Foreign Minister Amir-Abdollahian.\n',
      published: '2022-01-10',
      place: 'Moscow',
      actors: [
        ['Foreign Minister Cavusoglu', 'person', { name: 'Mevlut Cavusoglu', country: 'TUR' }],
        ['Foreign Minister Amir-Abdollahian', 'person', { name: 'Hossein Amir-Abdollahian', country: 'IRN' }],
      ],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => [m.status, m.format, keys(m), m.date, m.place])).toEqual([
      ['held', 'phone', 'IRN+TUR', '2022-01-10', null],
    ]);
  });
  it('reads a headline in the present tense as held ("Wang Yi Holds Talks with X"), one meeting with the text\'s of the day before', () => {
    const base = makeDoc({
      text: 'On March 14, Foreign Minister Wang Yi held talks with Foreign Minister Mauro Vieira in Beijing.\n',
      published: '2024-03-15',
      actors: [
        ['Foreign Minister Wang Yi', 'person', { name: 'Wang Yi', country: 'CHN' }],
        ['Foreign Minister Mauro Vieira', 'person', { name: 'Mauro Vieira', country: 'BRA' }],
      ],
      dates: [['On March 14', '2024-03-14', false]],
    });
    const doc: Doc = {
      ...base,
      meta: { ...base.meta, title: 'Wang Yi Holds Talks with Brazilian Foreign Minister Mauro Vieira' },
    };
    expect(extractMeetings(doc, kb).map((m) => [m.status, keys(m), m.date])).toEqual([
      ['held', 'BRA+CHN', '2024-03-14'],
    ]);
  });
  it('reads a long title complement with an acronym in brackets ("with People\'s Republic of China (PRC) State Councilor and Foreign Minister Wang")', () => {
    const base = makeDoc({
      text: 'Secretary of State Antony J. Blinken spoke today with PRC State Councilor and Foreign Minister Wang Yi about the war.\n',
      published: '2022-03-05',
      actors: [
        ['Secretary of State Antony J. Blinken', 'person', { name: 'Antony Blinken', country: 'USA' }],
        ['PRC State Councilor and Foreign Minister Wang Yi', 'person', { name: 'Wang Yi', country: 'CHN' }],
      ],
    });
    const doc: Doc = {
      ...base,
      meta: {
        ...base.meta,
        title:
          'Secretary Blinken’s Call with People’s Republic of China (PRC) State Councilor and Foreign Minister Wang',
      },
    };
    expect(extractMeetings(doc, kb).map((m) => [keys(m), m.format])).toEqual([['CHN+USA', 'phone']]);
  });
  it('reads "invited X to visit Y" as a planned visit, and "at the invitation of X, Y visited" as held', () => {
    const doc = makeDoc({
      text:
        'At the invitation of President Vladimir Putin, President Recep Erdogan visited Russia on Tuesday.\n\n' +
        'President Recep Erdogan invited President Vladimir Putin to visit Turkey at a convenient time.\n',
      published: '2019-05-08',
      actors: [
        ['President Vladimir Putin', 'person', { name: 'Vladimir Putin', country: 'RUS' }],
        ['President Recep Erdogan', 'person', { name: 'Recep Erdogan', country: 'TUR' }],
        ['Russia', 'country', { country: 'RUS' }],
        ['Turkey', 'country', { country: 'TUR' }],
      ],
      dates: [['on Tuesday', '2019-05-07', false]],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => [m.status, m.date])).toEqual([
      ['held', '2019-05-07'],
      ['planned', null],
    ]);
  });
});

describe('meetings: generalisation rules', () => {
  it('does not take talks in general, or a forum named in passing, for a meeting', () => {
    const doc = makeDoc({
      text:
        'Norway supports the resumption of direct talks between Chile and Peru.\n\n' +
        'Our position on Brazil-Argentina trade negotiations is well known.\n\n' +
        'The ministers stressed the role of the BRICS summit in regional cooperation.\n\n' +
        'These issues could also be raised by experts at the annual OSCE meeting.\n',
      published: '2021-03-02',
      place: 'Oslo',
      actors: [
        ['Norway', 'country', { country: 'NOR' }],
        ['Chile', 'country', { country: 'CHL' }],
        ['Peru', 'country', { country: 'PER' }],
        ['Brazil', 'country', { country: 'BRA' }],
        ['Argentina', 'country', { country: 'ARG' }],
        ['BRICS', 'org', { org: 'BRICS' }],
        ['OSCE', 'org', { org: 'OSCE' }],
      ],
      places: [['Oslo', 'NOR']],
    });
    expect(extractMeetings(doc, kb)).toEqual([]);
  });

  it('keeps a forum meeting that is held, hosted or specified', () => {
    const doc = makeDoc({
      text:
        'Oslo hosted a long meeting of the Chilean and Peruvian ministers.\n\n' +
        'The latest meeting of the OSCE Troika gives us hope.\n',
      published: '2021-03-02',
      place: 'Oslo',
      actors: [
        ['Chilean', 'country', { country: 'CHL' }],
        ['Peruvian', 'country', { country: 'PER' }],
        ['OSCE', 'org', { org: 'OSCE' }],
      ],
      places: [['Oslo', 'NOR']],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map(keys).sort()).toEqual(['CHL+PER', 'OSCE']);
  });

  it('places a visit at its destination and does not date a foreign visit today', () => {
    const doc = makeDoc({
      text: 'Prime Minister Jan Novak of the Czech Republic paid a visit to Chile, where he met President Ana Rojas.\n\nMinister Novak has been visiting Peru twice this year.\n',
      published: '2021-03-02',
      place: 'Prague',
      actors: [
        ['Prime Minister Jan Novak', 'person', { name: 'Jan Novak', country: 'CZE' }],
        ['Minister Novak', 'person', { name: 'Jan Novak', country: 'CZE' }],
        ['Czech Republic', 'country', { country: 'CZE' }],
        ['Chile', 'country', { country: 'CHL' }],
        ['Peru', 'country', { country: 'PER' }],
        ['President Ana Rojas', 'person', { name: 'Ana Rojas', country: 'CHL' }],
      ],
      places: [
        ['Czech Republic', 'CZE'],
        ['Chile', 'CHL'],
        ['Peru', 'PER'],
        ['Prague', 'CZE'],
      ],
    });
    const ms = extractMeetings(doc, kb);
    const chile = ms.find((m) => m.format === 'visit' && keys(m) === 'CHL+CZE');
    expect(chile?.place?.name).toBe('Chile');
    expect(chile?.date).toBeNull();
    const peru = ms.find((m) => keys(m) === 'CZE+PER');
    expect(peru?.place?.name).toBe('Peru');
    expect(peru?.date).toBeNull();
  });

  it('reads "traveled to X" and "will travel to X" as visits, and travel as a noun as none', () => {
    const doc = makeDoc({
      text:
        'Deputy Secretary Wendy Sherman traveled to Chile for meetings with officials on July 25.\n\n' +
        'Minister Jan Novak will travel to Peru on October 11.\n\n' +
        'Chile announced a ban on travel to Peru.\n',
      published: '2021-07-26',
      actors: [
        ['Deputy Secretary Wendy Sherman', 'person', { name: 'Wendy Sherman', country: 'USA' }],
        ['Minister Jan Novak', 'person', { name: 'Jan Novak', country: 'CZE' }],
        ['Chile', 'country', { country: 'CHL' }],
        ['Peru', 'country', { country: 'PER' }],
      ],
      dates: [
        ['July 25', '2021-07-25', false],
        ['October 11', '2021-10-11', true],
      ],
      places: [
        ['Chile', 'CHL'],
        ['Peru', 'PER'],
      ],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => [keys(m), m.status, m.format, m.date])).toEqual([
      ['CHL+USA', 'held', 'visit', '2021-07-25'],
      ['CZE+PER', 'planned', 'visit', '2021-10-11'],
    ]);
  });

  it('gives a forum its attendees as parties: who attends, and the leaders they attend with', () => {
    const doc = makeDoc({
      text:
        'Chinese President Xi Jinping attended the second China-Central Asia Summit in Astana on June 17 together with the leaders of Kazakhstan, Kyrgyzstan and Uzbekistan.\n\n' +
        'Sergey Lavrov and Wang Yi will take part in the 10th BRICS summit in Johannesburg in July.\n\n' +
        'Vladimir Putin met Narendra Modi at the G20 summit in Osaka on June 28.\n',
      published: '2025-06-18',
      actors: [
        ['Chinese President Xi Jinping', 'person', { name: 'Xi Jinping', country: 'CHN' }],
        ['China', 'country', { country: 'CHN' }],
        ['Kazakhstan', 'country', { country: 'KAZ' }],
        ['Kyrgyzstan', 'country', { country: 'KGZ' }],
        ['Uzbekistan', 'country', { country: 'UZB' }],
        ['Sergey Lavrov', 'person', { name: 'Sergey Lavrov', country: 'RUS' }],
        ['Wang Yi', 'person', { name: 'Wang Yi', country: 'CHN' }],
        ['BRICS', 'org', { org: 'BRICS' }],
        ['G20', 'org', { org: 'G20' }],
        ['Vladimir Putin', 'person', { name: 'Vladimir Putin', country: 'RUS' }],
        ['Narendra Modi', 'person', { name: 'Narendra Modi', country: 'IND' }],
      ],
      dates: [
        ['June 17', '2025-06-17', false],
        ['in July', '2025-07', true],
        ['June 28', '2019-06-28', false],
      ],
      places: [
        ['Astana', 'KAZ'],
        ['Johannesburg', 'ZAF'],
        ['Osaka', 'JPN'],
      ],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => [keys(m), m.status, m.format])).toEqual([
      ['CHN+KAZ+KGZ+UZB', 'held', 'summit'],
      ['BRICS+CHN+RUS', 'planned', 'summit'],
      // a summit where two met is their venue, not one they attend
      ['IND+RUS', 'held', 'bilateral'],
    ]);
  });

  it('reads "we" in a joint statement as the sides of the meeting it reported; "meet annually" is no meeting', () => {
    const doc = makeDoc({
      text:
        'We, the Foreign Ministers of Australia, India and Japan, met in Melbourne on February 11, 2022.\n\n' +
        'We will meet again in Tokyo in 2023. We will continue to meet annually.\n',
      actors: [
        ['Australia', 'country', { country: 'AUS' }],
        ['India', 'country', { country: 'IND' }],
        ['Japan', 'country', { country: 'JPN' }],
      ],
      dates: [
        ['February 11, 2022', '2022-02-11', false],
        ['in 2023', '2023', true],
      ],
      places: [
        ['Melbourne', 'AUS'],
        ['Tokyo', 'JPN'],
      ],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => [keys(m), m.status, m.date, m.place?.name])).toEqual([
      ['AUS+IND+JPN', 'held', '2022-02-11', 'Melbourne'],
      ['AUS+IND+JPN', 'planned', '2023', 'Tokyo'],
    ]);
    const habit = makeDoc({
      text:
        'We, the Foreign Ministers of Australia, India and Japan, met in Melbourne on February 11, 2022.\n\n' +
        'We will continue to meet annually.\n',
      actors: [
        ['Australia', 'country', { country: 'AUS' }],
        ['India', 'country', { country: 'IND' }],
        ['Japan', 'country', { country: 'JPN' }],
      ],
      dates: [['February 11, 2022', '2022-02-11', false]],
      places: [['Melbourne', 'AUS']],
    });
    expect(extractMeetings(habit, kb).map((m) => m.status)).toEqual(['held']);
  });

  it('reads "the sides agreed to hold…" and "the next round of consultations" as the sides of the meeting before', () => {
    const actors: [string, 'person', { name: string; country: string }][] = [
      ['Sergey Lavrov', 'person', { name: 'Sergey Lavrov', country: 'RUS' }],
      ['Mevlut Cavusoglu', 'person', { name: 'Mevlut Cavusoglu', country: 'TUR' }],
    ];
    const held = 'Sergey Lavrov held talks with Mevlut Cavusoglu in Ankara on June 10.\n\n';
    const dates: [string, string, boolean][] = [
      ['on June 10', '2021-06-10', false],
      ['in 2022', '2022', true],
    ];
    const places: [string, string][] = [
      ['Ankara', 'TUR'],
      ['Moscow', 'RUS'],
    ];
    for (const next of [
      'The sides agreed to hold the next round of consultations in Moscow in 2022.',
      'The next round of consultations will be held in Moscow in 2022.',
    ]) {
      const ms = extractMeetings(makeDoc({ text: held + next + '\n', actors, dates, places }), kb);
      expect(
        ms.map((m) => [keys(m), m.status, m.date, m.place?.name]),
        next,
      ).toEqual([
        ['RUS+TUR', 'held', '2021-06-10', 'Ankara'],
        ['RUS+TUR', 'planned', '2022', 'Moscow'],
      ]);
    }
    // the parties to a conflict are not the sides of the talks reported
    const other = 'The parties to the conflict agreed to hold consultations in Moscow in 2022.';
    expect(extractMeetings(makeDoc({ text: held + other + '\n', actors, dates, places }), kb)).toHaveLength(1);
  });

  it('a meeting postponed is still planned; one cancelled is no meeting; a cancellation in another clause is not its own', () => {
    const actors: [string, 'person', { name: string; country: string }][] = [
      ['Sergey Lavrov', 'person', { name: 'Sergey Lavrov', country: 'RUS' }],
      ['Antony Blinken', 'person', { name: 'Antony Blinken', country: 'USA' }],
    ];
    const read = (text: string) =>
      extractMeetings(makeDoc({ text, actors, published: '2021-06-10', places: [['Geneva', 'CHE']] }), kb).map((m) => [
        keys(m),
        m.status,
      ]);
    expect(read('The meeting between Sergey Lavrov and Antony Blinken in Geneva has been postponed.\n')).toEqual([
      ['RUS+USA', 'planned'],
    ]);
    expect(read('The meeting between Sergey Lavrov and Antony Blinken in Geneva was cancelled.\n')).toEqual([]);
    expect(read('Sergey Lavrov called off his meeting with Antony Blinken in Geneva.\n')).toEqual([]);
    expect(read('Sergey Lavrov met Antony Blinken in Geneva after the earlier meeting was cancelled.\n')).toEqual([
      ['RUS+USA', 'held'],
    ]);
    // an adjective is no act: "the delayed talks … were held"
    expect(read('The delayed talks between Sergey Lavrov and Antony Blinken were held in Geneva.\n')).toEqual([
      ['RUS+USA', 'held'],
    ]);
  });

  it('a verb of speaking with "by telephone" after it is a call', () => {
    const doc = makeDoc({
      text: 'Sergey Lavrov: I spoke with Wang Yi yesterday by telephone. I spoke with Wang Yi in Beijing in May.\n',
      published: '2021-06-10',
      actors: [LAVROV, ['Wang Yi', 'person', { name: 'Wang Yi', country: 'CHN' }]],
      dates: [
        ['yesterday', '2021-06-09', false],
        ['in May', '2021-05', false],
      ],
      places: [['Beijing', 'CHN']],
      turns: [{ label: 'Sergey Lavrov', speakerName: 'Sergey Lavrov', role: 'statement', country: 'RUS' }],
    });
    expect(extractMeetings(doc, kb).map((m) => [keys(m), m.format, m.date])).toEqual([
      ['CHN+RUS', 'phone', '2021-06-09'],
      ['CHN+RUS', 'bilateral', '2021-05'],
    ]);
  });

  it('splits "X held separate meetings with A and B" into bilateral meetings of X', () => {
    const doc = makeDoc({
      text: 'Sergey Lavrov held separate meetings with his counterparts from Brazil and South Africa.\n',
      published: '2020-09-10',
      actors: [LAVROV, ['Brazil', 'country', { country: 'BRA' }], ['South Africa', 'country', { country: 'ZAF' }]],
    });
    expect(extractMeetings(doc, kb).map((m) => [keys(m), m.format])).toEqual([
      ['BRA+RUS', 'bilateral'],
      ['RUS+ZAF', 'bilateral'],
    ]);
  });

  it('gives "a summit between X and Y" its two sides as parties', () => {
    const doc = makeDoc({
      text: 'We are still having a historic summit between the United States and ASEAN in Washington.\n',
      published: '2022-05-13',
      actors: [
        ['United States', 'country', { country: 'USA' }],
        ['ASEAN', 'org', { org: 'ASEAN' }],
      ],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => [keys(m), m.format])).toEqual([['ASEAN+USA', 'summit']]);
  });

  it('dates a visit across an acronym in brackets ("the Commission (BNC) … from 19 – 20 October")', () => {
    const doc = makeDoc({
      text: 'Deputy President Cyril Ramaphosa visited Sweden for the session of the Bi-national Commission (BNC) from 19 – 20 October 2015.\n',
      published: '2015-10-21',
      actors: [
        ['Deputy President Cyril Ramaphosa', 'person', { name: 'Cyril Ramaphosa', country: 'ZAF' }],
        ['Sweden', 'country', { country: 'SWE' }],
      ],
      dates: [['19 – 20 October 2015', '2015-10-19', false, '2015-10-20']],
      places: [['Sweden', 'SWE']],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map((m) => [keys(m), m.date, m.dateEnd])).toEqual([['SWE+ZAF', '2015-10-19', '2015-10-20']]);
  });

  it('dates a forum across a parenthetical relative clause, and a proposal to convene is planned', () => {
    const doc = makeDoc({
      text:
        'The 9th OSCE summit, which was a milestone for the region, was held in Vienna on March 3-4.\n\n' +
        'Chile supports the proposal to convene a meeting of the OSCE foreign ministers.\n',
      published: '2021-05-02',
      actors: [
        ['OSCE', 'org', { org: 'OSCE' }],
        ['Chile', 'country', { country: 'CHL' }],
      ],
      dates: [['March 3-4', '2021-03-03', false, '2021-03-04']],
      places: [['Vienna', 'AUT']],
    });
    const ms = extractMeetings(doc, kb);
    const summit = ms.find((m) => m.format === 'summit');
    expect(summit?.date).toBe('2021-03-03');
    expect(summit?.place?.name).toBe('Vienna');
    expect(ms.filter((m) => m.format !== 'summit').every((m) => m.status === 'planned')).toBe(true);
  });

  it('reads "X and I agreed that we will meet" as a planned meeting of both', () => {
    const doc = makeDoc({
      text: 'Ana Rojas: Minister Novak and I have agreed that we will meet again in Lima next month.\n',
      published: '2021-03-02',
      actors: [
        ['Ana Rojas', 'person', { name: 'Ana Rojas', country: 'CHL' }],
        ['Minister Novak', 'person', { name: 'Jan Novak', country: 'CZE' }],
      ],
      dates: [['next month', '2021-04', true]],
      places: [['Lima', 'PER']],
      turns: [{ label: 'Ana Rojas', speakerName: 'Ana Rojas', role: 'statement', country: 'CHL' }],
    });
    const ms = extractMeetings(doc, kb);
    const m = ms.find((x) => keys(x) === 'CHL+CZE');
    expect(m?.status).toBe('planned');
    expect(m?.date).toBe('2021-04');
  });
  it('thanks for the opportunity to meet today as a held meeting, and takes no venue from "commitment to X"', () => {
    const doc = makeDoc({
      text:
        'Ana Rojas: I thank Minister Novak for this opportunity to meet here in Santiago today.\n\n' +
        'Minister Novak and I discussed our shared commitment to Peru’s recovery.\n',
      published: '2021-03-02',
      place: 'Santiago',
      actors: [
        ['Ana Rojas', 'person', { name: 'Ana Rojas', country: 'CHL' }],
        ['Minister Novak', 'person', { name: 'Jan Novak', country: 'CZE' }],
      ],
      places: [
        ['Santiago', 'CHL'],
        ['Peru', 'PER'],
      ],
      turns: [{ label: 'Ana Rojas', speakerName: 'Ana Rojas', role: 'statement', country: 'CHL' }],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms).toHaveLength(1);
    expect(ms[0].status).toBe('held');
    expect(ms[0].date).toBe('2021-03-02');
    expect(ms[0].place?.name).toBe('Santiago');
  });
});

describe('meetings: places, topics and possibilities', () => {
  it('keeps a past meeting placed elsewhere apart from today’s meeting of the same sides', () => {
    const doc = makeDoc({
      text:
        'Ana Rojas: I had a meeting with Minister Novak today.\n\n' +
        'We recalled the understandings reached at the meeting between President Lopez and President Dvorak in Vienna.\n',
      published: '2021-03-02',
      place: 'Santiago',
      actors: [
        ['Ana Rojas', 'person', { name: 'Ana Rojas', country: 'CHL' }],
        ['Minister Novak', 'person', { name: 'Jan Novak', country: 'CZE' }],
        ['President Lopez', 'person', { name: 'Juan Lopez', country: 'CHL' }],
        ['President Dvorak', 'person', { name: 'Petr Dvorak', country: 'CZE' }],
      ],
      places: [
        ['Santiago', 'CHL'],
        ['Vienna', 'AUT'],
      ],
      turns: [{ label: 'Ana Rojas', speakerName: 'Ana Rojas', role: 'statement', country: 'CHL' }],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms).toHaveLength(2);
    const vienna = ms.find((m) => m.place?.name === 'Vienna');
    expect(vienna?.status).toBe('held');
    expect(vienna?.date).toBeNull();
  });

  it('takes an undated mention for the meeting of the same sides the text dated days before, not months before', () => {
    const fixture = (first: string, firstDate: string) =>
      makeDoc({
        text:
          `President Maria Lind ${first} met with visiting Norwegian Foreign Minister Tomas Berg.\n\n` +
          'During the meeting, the President also reviewed with the Norwegian Minister bilateral cooperation.\n',
        published: '2023-03-10',
        actors: [
          ['President Maria Lind', 'person', { name: 'Maria Lind', country: 'SWE', sector: 'GOV' }],
          ['the President', 'person', { name: 'Maria Lind', country: 'SWE', sector: 'GOV' }],
          ['Norwegian Foreign Minister Tomas Berg', 'person', { name: 'Tomas Berg', country: 'NOR', sector: 'GOV' }],
          ['the Norwegian Minister', 'person', { name: 'Tomas Berg', country: 'NOR', sector: 'GOV' }],
        ],
        dates: [[first, firstDate, false]],
      });
    const week = extractMeetings(fixture('on Tuesday', '2023-03-07'), kb);
    expect(week).toHaveLength(1);
    expect(week[0].date).toBe('2023-03-07');
    const months = extractMeetings(fixture('on 2 October 2022', '2022-10-02'), kb);
    expect(months.map((m) => m.date).sort()).toEqual(['2022-10-02', '2023-03-10']);
  });

  it('takes the talks "after" which the clause’s subjects acted for theirs, across "six hours of"', () => {
    const doc = (text: string) =>
      makeDoc({
        text,
        published: '2020-03-05',
        actors: [
          ['President Anna Berg', 'person', { name: 'Anna Berg', country: 'SWE' }],
          ['President Juhani Virtanen', 'person', { name: 'Juhani Virtanen', country: 'FIN' }],
        ],
      });
    const after = extractMeetings(
      doc('President Anna Berg and President Juhani Virtanen agreed on a plan after six hours of talks in Helsinki.\n'),
      kb,
    );
    expect(after.map(keys)).toEqual(['FIN+SWE']);
    const held = extractMeetings(
      doc('President Anna Berg and President Juhani Virtanen held six hours of talks.\n'),
      kb,
    );
    expect(held.map(keys)).toEqual(['FIN+SWE']);
    // one side speaking after talks names no other side
    expect(extractMeetings(doc('President Anna Berg said after the talks that the plan holds.\n'), kb)).toEqual([]);
  });

  it('takes no party from a country adjective naming a topic, and no meeting from a possibility', () => {
    const doc = makeDoc({
      text:
        'The Czech envoy on the Peruvian settlement will arrive shortly in Chile.\n\n' +
        'In future we will be able to talk about holding negotiations between Chile and Peru.\n',
      published: '2021-03-02',
      place: 'Santiago',
      actors: [
        ['Czech', 'country', { country: 'CZE' }],
        ['Peruvian', 'country', { country: 'PER' }],
        ['Chile', 'country', { country: 'CHL' }],
        ['Peru', 'country', { country: 'PER' }],
      ],
      places: [
        ['Santiago', 'CHL'],
        ['Chile', 'CHL'],
      ],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms.map(keys)).toEqual(['CHL+CZE']);
    expect(ms[0].status).toBe('planned');
  });
});

describe('meetings: receiving', () => {
  it('does not take receiving refugees for receiving a guest', () => {
    const doc = makeDoc({
      text: 'Chile will help Peru in its efforts to receive Bolivian refugees.\n',
      published: '2021-03-02',
      actors: [
        ['Chile', 'country', { country: 'CHL' }],
        ['Peru', 'country', { country: 'PER' }],
        ['Bolivian', 'group', { country: 'BOL' }],
      ],
    });
    expect(extractMeetings(doc, kb)).toEqual([]);
  });
});

describe('meetings: dates of other verbs', () => {
  it('does not date a visit by the day it was announced', () => {
    const doc = makeDoc({
      text: 'Ana Rojas: Yesterday I announced President Dvorak’s visit to Chile.\n',
      published: '2021-03-02',
      place: 'Santiago',
      actors: [
        ['Ana Rojas', 'person', { name: 'Ana Rojas', country: 'CHL' }],
        ['President Dvorak', 'person', { name: 'Petr Dvorak', country: 'CZE' }],
        ['Chile', 'country', { country: 'CHL' }],
      ],
      dates: [['Yesterday', '2021-03-01', false]],
      places: [['Chile', 'CHL']],
      turns: [{ label: 'Ana Rojas', speakerName: 'Ana Rojas', role: 'statement', country: 'CHL' }],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms).toHaveLength(1);
    expect(ms[0].date).not.toBe('2021-03-01');
  });
});

describe('meetings: visit destinations', () => {
  it('finds the destination of "a visit to the Republic of X"', () => {
    const doc = makeDoc({
      text: 'President Dvorak paid a working visit to the Republic of Chile on 3-4 May 2021.\n',
      published: '2021-05-05',
      place: 'Prague',
      actors: [
        ['President Dvorak', 'person', { name: 'Petr Dvorak', country: 'CZE' }],
        ['Chile', 'country', { country: 'CHL' }],
      ],
      dates: [['3-4 May 2021', '2021-05-03', false, '2021-05-04']],
      places: [
        ['Prague', 'CZE'],
        ['Chile', 'CHL'],
      ],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms).toHaveLength(1);
    expect(keys(ms[0])).toBe('CHL+CZE');
    expect(ms[0].place?.name).toBe('Chile');
    expect(ms[0].date).toBe('2021-05-03');
  });
});

describe('meetings: purpose of a trip', () => {
  it('reads "I came here to meet with X" as held', () => {
    const doc = makeDoc({
      text: 'Ana Rojas: I came here also to meet with Minister Novak.\n',
      published: '2021-03-02',
      place: 'Prague',
      actors: [
        ['Ana Rojas', 'person', { name: 'Ana Rojas', country: 'CHL' }],
        ['Minister Novak', 'person', { name: 'Jan Novak', country: 'CZE' }],
      ],
      turns: [{ label: 'Ana Rojas', speakerName: 'Ana Rojas', role: 'statement', country: 'CHL' }],
    });
    const ms = extractMeetings(doc, kb);
    expect(ms).toHaveLength(1);
    expect(ms[0].status).toBe('held');
    expect(ms[0].date).toBe('2021-03-02');
  });
});
