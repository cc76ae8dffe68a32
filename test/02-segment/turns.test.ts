import { describe, expect, it } from 'vitest';
import { segment, segmentStage } from '../../src/02-segment/index.js';
import { fixCase, titleSpeaker } from '../../src/02-segment/names.js';
import { loadSegmentLexicon } from '../../src/02-segment/lexicon.js';
import type { Doc } from '../../src/00-model/doc.js';
import type { KB } from '../../src/knowledge/index.js';
import { testDoc } from '../fixtures/doc.js';

const lex = loadSegmentLexicon();
const brief = (text: string, title: string | null = null) => {
  const s = segment(text, title);
  return s.turns.map((t) => ({
    role: t.role,
    speaker: t.speakerName,
    label: t.label,
    body: text.slice(t.bodyStart, t.end),
  }));
};

describe('speaker labels', () => {
  it('reads the ministry style with parentheticals', () => {
    const text = [
      'Question (addressed to both ministers): How do you assess the talks?',
      'Nadia Orlova (answers after Li Wen): I would add only one thing.',
      'We agreed to meet again.',
      'Question: And the sanctions?',
      'Nadia Orlova: They are counterproductive.',
    ].join('\n\n');
    const t = brief(text);
    expect(t).toEqual([
      {
        role: 'question',
        speaker: null,
        label: 'Question (addressed to both ministers)',
        body: 'How do you assess the talks?',
      },
      {
        role: 'answer',
        speaker: 'Nadia Orlova',
        label: 'Nadia Orlova (answers after Li Wen)',
        body: 'I would add only one thing.\n\nWe agreed to meet again.',
      },
      { role: 'question', speaker: null, label: 'Question', body: 'And the sanctions?' },
      { role: 'answer', speaker: 'Nadia Orlova', label: 'Nadia Orlova', body: 'They are counterproductive.' },
    ]);
  });

  it('reads Q:/A: and gives the answers to the title speaker', () => {
    const text =
      'Q: Will the minister travel to Seoul?\nA: I have no information to offer on that.\nQ: What about the summit?\nA: Preparations are under way.';
    const s = segment(text, "Foreign Ministry Spokesperson Chen Mei's Regular Press Conference on May 3, 2019");
    expect(s.titleSpeaker).toBe('Chen Mei');
    expect(s.turns.map((t) => [t.role, t.speakerName])).toEqual([
      ['question', null],
      ['answer', 'Chen Mei'],
      ['question', null],
      ['answer', 'Chen Mei'],
    ]);
    expect(s.speakers).toEqual(['Chen Mei']);
  });

  it('reads all-caps briefing labels, moderators and operators', () => {
    const text = [
      'MR HALLORAN: Good afternoon. I have one announcement at the top.',
      'OPERATOR: The line is open.',
      'QUESTION: Thanks. Can you say more about the ceasefire?',
      'MR HALLORAN: We welcome it.',
    ].join('\n\n');
    const s = segment(text, 'Department Press Briefing – March 2, 2022');
    expect(s.turns.map((t) => [t.role, t.speakerName, t.label])).toEqual([
      ['statement', 'Mr Halloran', 'MR HALLORAN'],
      ['statement', null, 'OPERATOR'],
      ['question', null, 'QUESTION'],
      ['answer', 'Mr Halloran', 'MR HALLORAN'],
    ]);
    expect(s.speakers).toEqual(['Halloran']);
  });

  it('reads office-and-name labels and expands names from the title', () => {
    const text = [
      'SECRETARY MARLOWE: Good morning, everyone. It is a pleasure to host my colleague.',
      'FOREIGN MINISTER VARGA: Thank you for the warm welcome.',
      'MODERATOR: We have time for one question.',
      'QUESTION: Will you discuss energy?',
      'SECRETARY MARLOWE: We will.',
      'FOREIGN MINISTER VARGA: Yes, certainly.',
    ].join('\n\n');
    const s = segment(text, 'Secretary Ellen Marlowe and Hungarian Foreign Minister Peter Varga Before Their Meeting');
    expect(s.titleSpeaker).toBe('Ellen Marlowe');
    expect(s.speakers).toEqual(['Ellen Marlowe', 'Peter Varga']);
    expect(s.turns.map((t) => t.role)).toEqual(['statement', 'statement', 'statement', 'question', 'answer', 'answer']);
    expect(s.turns[1].speakerName).toBe('Foreign Minister Varga');
  });

  it('reads role labels with a complement and office-and-name labels in mixed case', () => {
    const text = [
      'Question from the audience: What are the next steps?',
      'Foreign Minister Li Wen: We will continue consultations.',
      'Question 2: And the timetable?',
      'Foreign Minister Li Wen: Next month.',
    ].join('\n\n');
    const s = segment(text, null);
    expect(s.turns.map((t) => [t.role, t.speakerName])).toEqual([
      ['question', null],
      ['answer', 'Foreign Minister Li Wen'],
      ['question', null],
      ['answer', 'Foreign Minister Li Wen'],
    ]);
    expect(s.speakers).toEqual(['Li Wen']);
  });

  it('treats named interviewers who only ask as journalists', () => {
    const text = [
      'ANNA KOVAL: Minister, what did you discuss with the Prime Minister?',
      'DAVID REID: We discussed trade. We also discussed the fisheries agreement.',
      'ANNA KOVAL: Will the High Commissioner return?',
      'DAVID REID: That is a matter for both governments.',
    ].join('\n\n');
    const s = segment(text, 'Foreign Minister David Reid');
    expect(s.turns.map((t) => [t.role, t.speakerName])).toEqual([
      ['question', null],
      ['answer', 'David Reid'],
      ['question', null],
      ['answer', 'David Reid'],
    ]);
  });

  it('reads a label alone on its line', () => {
    const text = 'QUESTION:\n\nWhen will the talks resume?\n\nMS LANE:\n\nNext week.';
    const s = segment(text, null);
    expect(s.turns.map((t) => [t.role, t.label, text.slice(t.bodyStart, t.end)])).toEqual([
      ['question', 'QUESTION', 'When will the talks resume?'],
      ['answer', 'MS LANE', 'Next week.'],
    ]);
    expect(s.sentences.map((x) => [text.slice(x.start, x.end), x.turn])).toEqual([
      ['When will the talks resume?', 0],
      ['Next week.', 1],
    ]);
  });

  it('copes with empty and blank texts', () => {
    for (const t of ['', '   \n\n  ']) {
      const s = segment(t, null);
      expect([s.paragraphs, s.sentences, s.tokens, s.turns]).toEqual([[], [], [], []]);
    }
  });

  it('rejects things that look like labels but are not speech', () => {
    const text = [
      'Note: this is an unofficial translation.',
      'Subjects: trade, security, the region',
      'Media inquiries: 02 5555 0000',
      'The reason is simple: we need each other.',
      'Minister’s Office: 02 5555 0101',
    ].join('\n\n');
    expect(segment(text, null).turns).toEqual([]);
  });

  it('gives plain news no turns', () => {
    const text =
      'LIMA, May 2 (Reuters) - Peru and Chile agreed on Tuesday to expand trade.\n\n"This is a historic day," the minister said.\n\nTalks will continue in June.';
    const s = segment(text, 'Peru, Chile agree to expand trade');
    expect(s.turns).toEqual([]);
    expect(s.sentences.every((x) => x.turn === null)).toBe(true);
  });
});

describe('opening statements and sentences in turns', () => {
  const text = [
    'Ladies and gentlemen,',
    'We have had very useful talks. We signed a plan of consultations.',
    'Question: Did you discuss the Korean Peninsula?',
    'Nadia Orlova: Yes. We agreed on a joint approach.',
  ].join('\n\n');

  it('gives the unlabelled opening statement to the title speaker', () => {
    const s = segment(
      text,
      'Foreign Minister Nadia Orlova’s statement and answers to media questions, Minsk, May 5, 2018',
    );
    expect(s.titleSpeaker).toBe('Nadia Orlova');
    expect(s.turns.map((t) => [t.role, t.speakerName, t.label])).toEqual([
      ['statement', 'Nadia Orlova', null],
      ['question', null, 'Question'],
      ['answer', 'Nadia Orlova', 'Nadia Orlova'],
    ]);
    expect(s.turns[0].start).toBe(0);
  });

  it('else gives it to the only named answerer', () => {
    const s = segment(text, 'Press conference following the talks');
    expect(s.titleSpeaker).toBeNull();
    expect(s.turns[0].speakerName).toBe('Nadia Orlova');
    expect(s.speakers).toEqual(['Nadia Orlova']);
  });

  it('starts sentences after the label and keeps them inside their turn', () => {
    const s = segment(text, null);
    const got = s.sentences.map((x) => [text.slice(x.start, x.end), x.turn]);
    expect(got).toEqual([
      ['Ladies and gentlemen,', 0],
      ['We have had very useful talks.', 0],
      ['We signed a plan of consultations.', 0],
      ['Did you discuss the Korean Peninsula?', 1],
      ['Yes.', 2],
      ['We agreed on a joint approach.', 2],
    ]);
    // no token of a label is in the token layer
    expect(s.tokens.some((t) => text.slice(t.start, t.end) === 'Question')).toBe(false);
  });

  it('skips header lines before the opening statement', () => {
    const t2 =
      'Office of the Spokesperson\n\nWashington, D.C.\n\nMS LANE: Good afternoon.\n\nQUESTION: Any news on the talks?\n\nMS LANE: None today.';
    const s = segment(t2, 'Department Press Briefing');
    expect(s.turns[0].label).toBe('MS LANE');
    expect(s.turns).toHaveLength(3);
  });
});

describe('speeches without labels', () => {
  it('make one statement turn by the title speaker', () => {
    const text =
      'Moscow, June 3, 2020\n\nWe are concerned about the situation in the region. Our position has not changed.\n\nI would like to say a few words about the upcoming talks.';
    const s = segment(text, 'Briefing by Foreign Ministry Spokesperson Olga Dmitrieva, Moscow, June 3, 2020');
    expect(s.turns).toHaveLength(1);
    expect(s.turns[0]).toMatchObject({ role: 'statement', speakerName: 'Olga Dmitrieva', label: null });
    expect(text.slice(s.turns[0].start, s.turns[0].start + 6)).toBe('We are');
    expect(s.sentences[0].turn).toBeNull();
    expect(s.sentences[1].turn).toBe(0);
  });

  it('but news reports about a speech do not', () => {
    const text = 'ROME, May 4. /TASS/. The minister said that "we will not give up". He spoke to reporters.';
    expect(segment(text, "Foreign Minister Ivan Petrenko's statement on the talks").turns).toEqual([]);
    const third = 'The minister spoke at length about trade. He said the talks had been useful.';
    expect(segment(third, "Foreign Minister Ivan Petrenko's statement on the talks").turns).toEqual([]);
    expect(segment(third, "Foreign Minister Ivan Petrenko's statement on the talks").speakers).toEqual([
      'Ivan Petrenko',
    ]);
  });
});

describe('title speaker', () => {
  const cases: [string, string | null][] = [
    [
      'Foreign Minister Sergey Lavrov’s remarks and answers to media questions following talks, Moscow, May 1, 2018',
      'Sergey Lavrov',
    ],
    ["Deputy Foreign Minister Ivan Petrenko's opening remarks at the conference", 'Ivan Petrenko'],
    ['Remarks by Secretary of State Ellen J. Marlowe at the Opening Session', 'Ellen J. Marlowe'],
    ['Statement by President Arturo Benitez on the ceasefire', 'Arturo Benitez'],
    ['Remarks to the Press by Secretary of State Ellen Marlowe', 'Ellen Marlowe'],
    ['Interview of Foreign Minister Sergey Lavrov to a Russian newspaper', 'Sergey Lavrov'],
    ['Statement on the situation in the region by the Foreign Ministry', null],
    ['Briefing by Foreign Ministry Spokesperson Olga Dmitrieva, Moscow, June 3, 2020', 'Olga Dmitrieva'],
    ['Minister Kofi Mensah said in an interview with a newspaper that the talks were useful', 'Kofi Mensah'],
    ['Secretary Marlowe’s Call with the Hungarian Foreign Minister', null],
    ['President Benitez’s address to the nation', 'Benitez'],
    ['Joint Statement of the Syria Special Envoy Meeting', null],
    ['Russia’s statement at the Security Council', null],
    ['G7 Foreign Ministers’ Statement on Ukraine', null],
  ];
  for (const [title, want] of cases) {
    it(title, () => expect(titleSpeaker(title, lex)).toBe(want));
  }
});

describe('title speaker from a heading line', () => {
  it('is read from an early heading when the title does not name one', () => {
    const text =
      'Remarks by President Arturo Benitez at the Regional Summit\n\nThank you all for coming. We meet at a difficult time.';
    const s = segment(text, 'Office of the President | News');
    expect(s.titleSpeaker).toBe('Arturo Benitez');
    expect(s.turns).toHaveLength(1);
    expect(s.turns[0].speakerName).toBe('Arturo Benitez');
  });
});

describe('fixCase', () => {
  it('title-cases all-caps labels and leaves mixed case alone', () => {
    expect(fixCase("H.E. MR JOHN O'BRIEN")).toBe("H.E. Mr John O'Brien");
    expect(fixCase('FOREIGN MINISTER RAU')).toBe('Foreign Minister Rau');
    expect(fixCase('Ursula von der Leyen')).toBe('Ursula von der Leyen');
  });
});

describe('segmentStage', () => {
  it('returns layers and meta without touching the doc', () => {
    const text = 'Question: How did the talks go?\n\nSergey Lavrov: Very well.';
    const doc: Doc = testDoc(text, { id: 'x', title: 'Foreign Minister Sergey Lavrov’s answers to media questions' });
    const out = segmentStage.run(doc, {} as KB);
    expect(out.layers?.turns).toHaveLength(2);
    expect(out.layers?.paragraphs).toHaveLength(2);
    expect(out.meta?.titleSpeaker).toBe('Sergey Lavrov');
    expect(out.meta?.speakers).toEqual(['Sergey Lavrov']);
    expect(doc.layers).toEqual({});
  });
});
