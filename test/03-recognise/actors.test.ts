import { describe, expect, it } from 'vitest';
import type { ActorMention, Doc } from '../../src/00-model/doc.js';
import { loadKB } from '../../src/knowledge/index.js';
import { runStages } from '../../src/pipeline.js';
import { segmentStage } from '../../src/02-segment/index.js';
import { actorStage, counterpartAt, mentionsIn } from '../../src/03-recognise/actors.js';
import { testDoc } from '../fixtures/doc.js';

const kb = loadKB();

function run(text: string, published: string | null = '2017-07-07', title: string | null = null): Doc {
  const doc: Doc = testDoc(text, { id: 't', title, published });
  return runStages(doc, kb, [segmentStage, actorStage]);
}

const at = (d: Doc, s: string, nth = 0): ActorMention | undefined => {
  let from = 0;
  let idx = -1;
  for (let k = 0; k <= nth; k++) {
    idx = d.text.indexOf(s, from);
    from = idx + 1;
  }
  return d.layers.actors!.find((m) => m.start <= idx && m.end > idx);
};

describe('titled names', () => {
  it('a capitalised "He" inside a name after a title is the name’s ("Vice Premier Liu He’s visit")', () => {
    const d = run("Vice Premier Liu He's visit to Washington was a success. He said so.", '2019-02-20');
    const m = at(d, 'Vice')!;
    expect(d.text.slice(m.start, m.end)).toBe('Vice Premier Liu He');
    expect(m.actor).toMatchObject({ name: 'Liu He', role: 'Vice Premier', country: 'CHN' });
  });

  it('country adjective + title + KB name', () => {
    const d = run('Turkish Foreign Minister Mevlut Cavusoglu arrived in Ankara on Sunday.');
    const m = at(d, 'Mevlut')!;
    expect(d.text.slice(m.start, m.end)).toBe('Turkish Foreign Minister Mevlut Cavusoglu');
    expect(m.kind).toBe('person');
    // the KB's canonical spelling, whatever the text's transliteration
    expect(
      m.actor
        .name!.normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace('ı', 'i'),
    ).toBe('Mevlut Cavusoglu');
    expect(m.actor).toMatchObject({ role: 'Foreign Minister', country: 'TUR', sector: 'GOV', code: 'TURGOV' });
    expect(m.key).toBe(`person:${m.actor.name}`);
  });
  it('US Secretary of State + name', () => {
    const d = run('Talks were held with US Secretary of State Rex Tillerson in the morning.');
    expect(at(d, 'Rex')!.actor).toMatchObject({
      name: 'Rex Tillerson',
      role: 'Secretary of State',
      country: 'USA',
      code: 'USAGOV',
    });
  });
  it('title with a complement: Special Presidential Envoy for Climate', () => {
    const d = run('Special Presidential Envoy for Climate John Kerry will travel to Beijing next week.', '2021-04-10');
    const m = at(d, 'Kerry')!;
    expect(m.actor).toMatchObject({
      name: 'John Kerry',
      role: 'Special Presidential Envoy for Climate',
      country: 'USA',
    });
  });
  it('a foreign minister in office is named by surname alone; out of office he is not', () => {
    const d = run('Lavrov met Tillerson in Manila.', '2017-08-07');
    expect(at(d, 'Lavrov')!.actor).toMatchObject({ name: 'Sergey Lavrov', country: 'RUS' });
    expect(at(d, 'Tillerson')!.actor).toMatchObject({ name: 'Rex Tillerson', country: 'USA' });
    expect(at(run('Tillerson met the press in Manila.', '2019-08-07'), 'Tillerson')).toBeUndefined();
  });
  it('a post accredited "to" a place: "Russian Ambassador to Havana Viktor Koronelli"', () => {
    const d = run('Russian Ambassador to Havana Viktor Koronelli said the invitation reflects Cuba’s prestige.');
    expect(at(d, 'Viktor')!.actor).toMatchObject({ name: 'Viktor Koronelli', country: 'RUS', code: 'RUSGOV' });
    // "to" after other titles is no complement: a headline's verb is not part of the title
    const h = run('The Foreign Minister to Visit China');
    expect(h.layers.actors!.some((m) => m.actor.role?.includes('Visit'))).toBe(false);
  });
  it('Title of Country + name: "President of the Russian Federation Vladimir Putin"', () => {
    const d = run(
      'The talks between President of the Russian Federation Vladimir Putin and Chinese President Xi Jinping lasted three hours.',
    );
    expect(at(d, 'Vladimir')!.actor).toMatchObject({ name: 'Vladimir Putin', role: 'President', country: 'RUS' });
    expect(at(d, 'Xi')!.actor).toMatchObject({ name: 'Xi Jinping', country: 'CHN', code: 'CHNGOV' });
  });
  it('unknown person takes country, role and sector from the title (with comma apposition)', () => {
    const d = run('The Estonian Defence Minister, Jaan Tammekivi, visited the base on Monday.');
    const m = at(d, 'Jaan')!;
    expect(m.actor).toMatchObject({
      name: 'Jaan Tammekivi',
      role: 'Defence Minister',
      country: 'EST',
      sector: 'MIL',
      code: 'ESTMIL',
    });
    const d2 = run('He met the US Special Representative for Bosnia Negotiations, Arthur Pendleford, in Sarajevo.');
    expect(at(d2, 'Arthur')!.actor).toMatchObject({
      name: 'Arthur Pendleford',
      country: 'USA',
      role: 'Special Representative for Bosnia Negotiations',
    });
  });
});

describe('later mentions', () => {
  it('bare surname, Mr + surname and President + surname resolve to the first mention', () => {
    const d = run(
      'US Special Representative for Ukraine Negotiations Kurt Volker arrived on Monday. Mr Volker met officials. Later Volker said the talks went well. President Putin did not comment.',
    );
    const first = at(d, 'Kurt')!;
    expect(at(d, 'Mr Volker')!.key).toBe(first.key);
    expect(at(d, 'Volker said')!.actor.name).toBe('Kurt Volker');
    expect(at(d, 'Putin')!.actor).toMatchObject({ name: 'Vladimir Putin', country: 'RUS' });
  });
});

describe('surnames without a first mention', () => {
  it('family name first: President Xi, Foreign Minister Wang (resolved with the title and the date)', () => {
    const d = run('President Xi and Foreign Minister Wang received the delegation in China.', '2017-05-14');
    expect(at(d, 'Xi')!.actor).toMatchObject({ name: 'Xi Jinping', country: 'CHN' });
    expect(at(d, 'Wang')!.actor).toMatchObject({ name: 'Wang Yi', country: 'CHN' });
  });
  it('a bare KB surname (not a head of state or foreign minister) needs its country in the text; "the West" is never a person', () => {
    const d = run('Russia said Putin would attend. The West disagreed.', '2017-05-14');
    expect(at(d, 'Putin')!.actor.name).toBe('Vladimir Putin');
    expect(at(d, 'West')).toBeUndefined();
    const d2 = run('The markets fell. Mattis was not mentioned by anyone here.', '2017-05-14');
    expect(at(d2, 'Mattis')).toBeUndefined();
  });
});

describe('heads of state by surname alone', () => {
  it('Obama and Putin without a first mention or their countries in the text', () => {
    const d = run('Obama and Putin said they would meet again.', '2015-06-01');
    expect(at(d, 'Obama')!.actor).toMatchObject({ country: 'USA' });
    expect(at(d, 'Putin')!.actor).toMatchObject({ name: 'Vladimir Putin', country: 'RUS' });
  });
});

describe('descriptors and appositions', () => {
  it("Rwanda's information minister is a Rwandan minister", () => {
    const d = run('Rwanda’s information minister said the report was accurate.', '2008-08-06');
    const m = at(d, 'information')!;
    expect(m.actor).toMatchObject({ role: 'Information Minister', country: 'RWA', sector: 'GOV' });
  });
  it('the US commander in Iraq, General Xavier Quillbrook → the person is American', () => {
    const d = run('The US commander in Iraq, General Xavier Quillbrook, held talks in Beirut.', '2008-08-06');
    expect(at(d, 'Xavier')!.actor).toMatchObject({
      name: 'Xavier Quillbrook',
      country: 'USA',
      sector: 'MIL',
      code: 'USAMIL',
    });
    expect(at(d, 'commander')!.actor.name).toBe('Xavier Quillbrook');
  });
  it('U.S. Central Command is American, China Daily is not China', () => {
    const d = run('The U.S. Central Command said so, and China Daily reported it.', '2014-08-06');
    expect(at(d, 'U.S.')!.actor.country).toBe('USA');
    expect(at(d, 'China')).toBeUndefined();
  });
});

describe('seats as modifiers', () => {
  it('Kremlin spokesman + unknown name is Russian; White House officials are American', () => {
    const d = run('Kremlin spokesman Ivan Petrovsky said White House officials had called.', '2019-01-01');
    expect(at(d, 'Ivan')!.actor).toMatchObject({ name: 'Ivan Petrovsky', country: 'RUS', role: 'Spokesperson' });
    expect(at(d, 'White House')!.actor).toMatchObject({ country: 'USA', sector: 'GOV' });
  });
});

describe('people out of office at the document date', () => {
  it('President-elect Donald Trump in December 2024 keeps his country', () => {
    const d = run('President-elect Donald Trump spoke by phone with the Chinese leader.', '2024-12-10');
    expect(at(d, 'Trump')!.actor).toMatchObject({
      name: 'Donald Trump',
      role: 'President-elect',
      country: 'USA',
      code: 'USAGOV',
    });
  });
});

describe('surname pitfalls', () => {
  it('an acronym is not a surname; a sentence-initial "Opponents of Rwanda" keeps Rwanda', () => {
    const d = run('A BAK missile was fired. Opponents of Rwanda’s Senate protested.', '2010-01-01');
    expect(at(d, 'BAK')).toBeUndefined();
    expect(at(d, 'Rwanda')!.actor.country).toBe('RWA');
  });
});

describe('a bare title refers to the one person of that title the document has named', () => {
  it('"the Secretary" after "Secretary Blinken", and "the Prime Minister" after the named one', () => {
    const d = run(
      'Secretary Blinken spoke with Prime Minister Albanese. The Secretary thanked the Prime Minister for his support.',
      '2022-10-04',
    );
    expect(at(d, 'Secretary thanked')!.actor.name).toBe('Antony Blinken');
    expect(at(d, 'Prime Minister for')!.actor.name).toBe('Anthony Albanese');
  });
  it('"the Secretary of State" named in full answers to "the Secretary"', () => {
    const d = run('Secretary of State Antony Blinken arrived in Tokyo. The Secretary met students.', '2022-10-04');
    expect(at(d, 'Secretary met')!.actor.name).toBe('Antony Blinken');
  });
  it('a national title ("External Affairs Minister") is a title of its own and refers back the same way', () => {
    const d = run(
      'Secretary Blinken spoke with Indian External Affairs Minister Subrahmanyam Jaishankar. The Secretary looks forward to meeting the External Affairs Minister soon.',
      '2022-01-12',
    );
    expect(at(d, 'External Affairs Minister soon')!.actor.name).toBe('S. Jaishankar');
  });
  it('stays unresolved when two people of that title were named, or none', () => {
    const two = run(
      'Foreign Minister Hayashi and Foreign Minister Park Jin spoke by phone. The Foreign Minister said talks were useful.',
      '2022-10-04',
    );
    expect(at(two, 'Foreign Minister said')?.actor.name ?? null).toBeNull();
    const none = run('The Secretary said talks were useful.', '2022-10-04');
    expect(at(none, 'Secretary')?.actor.name ?? null).toBeNull();
  });
});

describe('role-only mentions resolved by the document date', () => {
  it('the US Secretary of State is Tillerson in 2017 and Kerry in 2015', () => {
    expect(
      at(run('The Russian minister spoke to the US Secretary of State by phone.', '2017-07-07'), 'Secretary')!.actor
        .name,
    ).toBe('Rex Tillerson');
    expect(
      at(run('The Russian minister spoke to the US Secretary of State by phone.', '2015-05-01'), 'Secretary')!.actor
        .name,
    ).toBe('John Kerry');
  });
  it('the Russian top diplomat is Lavrov', () => {
    const m = at(
      run('The Russian top diplomat stressed that the agreement must be respected.', '2019-03-01'),
      'top diplomat',
    )!;
    expect(m.kind).toBe('role');
    expect(m.actor).toMatchObject({ name: 'Sergey Lavrov', country: 'RUS' });
  });
  it('an unknown date leaves a closed term unresolved but keeps the country', () => {
    const m = at(run('The US Secretary of State called for restraint.', null), 'Secretary')!;
    expect(m.actor.country).toBe('USA');
    expect(m.actor.name).toBeNull();
  });
  it('only a country name (not an adjective) follows "of" in a title', () => {
    const d = run('He met the General Secretary of the Lao People’s Revolutionary Party.', '2017-01-01');
    expect(d.layers.actors!.some((m) => m.kind === 'role' && m.actor.country === 'LAO')).toBe(false);
  });
});

describe('groups, countries, metonyms', () => {
  it('the Chinese side, the Russian Defence Ministry (MIL), our American colleagues', () => {
    const d = run(
      'The Chinese side welcomed the proposal. The Russian Defence Ministry denied the report. We are in contact with our American colleagues.',
    );
    expect(at(d, 'Chinese side')!.actor).toMatchObject({ country: 'CHN', sector: 'GOV', code: 'CHNGOV' });
    expect(at(d, 'Defence')!.actor).toMatchObject({ country: 'RUS', sector: 'MIL', code: 'RUSMIL' });
    expect(at(d, 'American colleagues')!.actor).toMatchObject({ country: 'USA', sector: 'GOV' });
  });
  it('coordinated adjectives share the head noun: Russian, US and Jordanian experts', () => {
    const d = run('Russian, US and Jordanian experts finished their work.');
    expect(at(d, 'Russian')!.actor.country).toBe('RUS');
    expect(at(d, 'US')!.actor).toMatchObject({ country: 'USA', sector: 'GOV' });
    expect(at(d, 'Jordanian')!.actor.country).toBe('JOR');
  });
  it('capitals stand for governments when they act or are coordinated, not after "in"', () => {
    const d = run('Moscow and Washington agreed to keep talking. The ministers met in Moscow.');
    expect(at(d, 'Moscow')!.actor).toMatchObject({ country: 'RUS', sector: 'GOV' });
    expect(at(d, 'Washington')!.actor.country).toBe('USA');
    expect(at(d, 'Moscow', 1)).toBeUndefined();
  });
  it('seats of government: the Kremlin, the Pentagon', () => {
    const d = run('The Kremlin said the Pentagon had not replied.');
    expect(at(d, 'Kremlin')!.actor).toMatchObject({ country: 'RUS', code: 'RUSGOV' });
    expect(at(d, 'Pentagon')!.actor).toMatchObject({ country: 'USA', sector: 'MIL' });
  });
  it('country aliases: DPRK, North Korea, Syria, the U.S., Britain', () => {
    const d = run('The DPRK and North Korea are one country; Syria, the U.S. and Britain disagree.');
    expect(at(d, 'DPRK')!.actor.country).toBe('PRK');
    expect(at(d, 'North Korea')!.actor.country).toBe('PRK');
    expect(at(d, 'Syria')!.actor.country).toBe('SYR');
    expect(at(d, 'U.S.')!.actor.country).toBe('USA');
    expect(at(d, 'Britain')!.actor.country).toBe('GBR');
  });
  it('acronyms match only in capitals: WHO vs who, US vs us', () => {
    const d = run('Officials who spoke to us said the WHO and the UN Security Council were informed.');
    expect(at(d, 'who')).toBeUndefined();
    expect(at(d, 'us')).toBeUndefined();
    expect(at(d, 'WHO')!.actor).toMatchObject({ org: 'WHO' });
    expect(at(d, 'UN Security')!.actor).toMatchObject({ org: 'UNSC', code: 'IGOUNO' });
  });
  it('organisations and non-state actors', () => {
    const d = run(
      'The SCO and BRICS condemned Daesh and Jabhat al-Nusra, while the Taliban and Hezbollah were silent.',
    );
    expect(at(d, 'SCO')!.actor.org).toBe('SCO');
    expect(at(d, 'Daesh')!.actor).toMatchObject({ name: 'Islamic State', sector: 'IMG' });
    expect(at(d, 'Nusra')!.actor).toMatchObject({ country: 'SYR', sector: 'REB', code: 'SYRREB' });
    expect(at(d, 'Taliban')!.kind).toBe('nonstate');
    expect(at(d, 'Hezbollah')!.actor.country).toBe('LBN');
  });
});

describe('first person and counterparts in a transcript', () => {
  const text = [
    'Foreign Minister Sergey Lavrov’s remarks following talks with Foreign Minister of China Wang Yi, Moscow, March 11, 2016',
    '',
    'Sergey Lavrov: My Chinese colleague and I discussed the situation. We agreed to coordinate our positions. Our partners share this view.',
    '',
    'Question: Will you meet again soon?',
    '',
    'Sergey Lavrov: I hope so. Our diplomats are preparing the visit.',
  ].join('\n');
  const d = run(text, '2016-03-11');
  it('turn speakers are resolved from the KB; questions keep a null speaker', () => {
    const turns = d.layers.turns!;
    const lav = turns.find((t) => t.speakerName === 'Sergey Lavrov')!;
    expect(lav.speaker).toMatchObject({
      name: 'Sergey Lavrov',
      role: 'Foreign Minister',
      country: 'RUS',
      code: 'RUSGOV',
    });
    const q = turns.find((t) => t.role === 'question');
    if (q) expect(q.speaker).toBeNull();
  });
  it('I → the speaker, we/our → the speaker’s country', () => {
    expect(at(d, 'I discussed')!.actor.name).toBe('Sergey Lavrov');
    expect(at(d, 'We agreed')!.actor).toMatchObject({ country: 'RUS', sector: 'GOV', name: null });
    expect(at(d, 'I hope')!.actor.name).toBe('Sergey Lavrov');
  });
  it('my Chinese colleague → the Chinese participant named in the title; our partners → his country', () => {
    expect(at(d, 'My Chinese colleague')!.actor).toMatchObject({ name: 'Wang Yi', country: 'CHN' });
    expect(at(d, 'Our partners')!.actor).toMatchObject({ country: 'CHN' });
  });
  it('counterpartAt gives the other party of the talks for an inclusive "we"', () => {
    expect(counterpartAt(d, d.text.indexOf('We agreed'))).toMatchObject({ name: 'Wang Yi', country: 'CHN' });
    expect(counterpartAt(d, d.text.indexOf('Will you'))).toBeNull();
  });
  it('our country → the speaker’s country', () => {
    const d2 = run('Question: Why?\n\nSergey Lavrov: Our country is ready.\n\nQuestion: And?', '2016-03-11');
    expect(at(d2, 'Our country')!.actor).toMatchObject({ country: 'RUS', sector: 'GOV' });
  });
  it('a formal state name is the country: "the Republic of Indonesia", "the Kingdom of the Netherlands"', () => {
    const d2 = run('Australia paid a visit to the Republic of Indonesia. The Kingdom of the Netherlands objected.');
    expect(at(d2, 'Republic of Indonesia')!.actor).toMatchObject({ country: 'IDN' });
    expect(at(d2, 'Kingdom of the Netherlands')!.actor).toMatchObject({ country: 'NLD' });
    // a formal name the KB lists keeps its own reading; "Bank of Russia" is no state form
    expect(at(run('The Republic of Korea objected.'), 'Republic of Korea')!.actor).toMatchObject({ country: 'KOR' });
    expect(run('The Bank of Russia objected.').layers.actors!.some((m) => m.actor.country === 'RUS')).toBe(false);
  });
  it('a statement\'s "we" is its one author: "We, the G7 Foreign Ministers…", or the issuer the title names', () => {
    const g7 = run(
      'We, the G7 Foreign Ministers of Canada, France and Japan, reiterate our support.\n\nWe condemn the attacks.',
    );
    expect(at(g7, 'We condemn')?.actor).toMatchObject({ org: 'G7' });
    const eu = run('We call on all parties to respect the ceasefire.', '2017-07-07', 'EU Statement on Syria');
    expect(at(eu, 'We call')?.actor).toMatchObject({ org: 'EU' });
    // several states are several authors: "we" stays unresolved
    const quad = run(
      'We, the Foreign Ministers of Australia, India and Japan, met in Melbourne.\n\nWe welcome the plan.',
    );
    expect(at(quad, 'We welcome')).toBeUndefined();
  });
  it("the one unknown spokesperson of a government outlet's briefing speaks for that government", () => {
    const text = 'MS PORTER: Good afternoon.\n\nQUESTION: Any news?\n\nMS PORTER: We condemn the attack.\n';
    const brief = (source: string | null) =>
      runStages(testDoc(text, { id: 't', title: null, published: '2022-02-09', source }), kb, [
        segmentStage,
        actorStage,
      ]);
    expect(brief('US Department of State').layers.turns![0]!.speaker).toMatchObject({
      name: 'Ms Porter',
      country: 'USA',
    });
    // a news agency's transcript says nothing of its speakers' country
    expect(brief('TASS').layers.turns![0]!.speaker?.country ?? null).toBeNull();
  });
  it('"my colleague" at a joint news conference is the other principal speaker, whoever else is named', () => {
    const d2 = run(
      'Sergey Lavrov: I have just held talks with my colleague.\n\n' +
        'Subrahmanyam Jaishankar: Thank you.\n\n' +
        'Question: Will you meet Secretary Blinken at the G20?\n\n' +
        'Sergey Lavrov: No.',
      '2022-11-08',
    );
    expect(at(d2, 'my colleague')!.actor).toMatchObject({ country: 'IND' });
  });
  it('a speaker the KB does not know takes the country of the title\'s appositive; "my country" is the speaker\'s', () => {
    const d2 = run(
      'Mr. President,\n\nMy country strongly condemns the attack.',
      '2023-09-23',
      'Statement by H.E. Mr. Inia Seruiratu, Minister for Foreign Affairs of Fiji, at the General Debate',
    );
    expect(d2.layers.turns![0]!.speaker).toMatchObject({ name: 'Inia Seruiratu', country: 'FJI' });
    expect(at(d2, 'My country')!.actor).toMatchObject({ country: 'FJI' });
  });
  it('its troops → the country named before "its" in the sentence', () => {
    const d2 = run('Turkey said its troops had crossed the border. Its aircraft stayed home.');
    expect(at(d2, 'its troops')!.actor).toMatchObject({ country: 'TUR', sector: 'MIL' });
    // no antecedent in the sentence: unresolved
    expect(at(d2, 'Its aircraft')).toBeUndefined();
  });
  it('our diplomats → the speaker’s country', () => {
    expect(at(d, 'Our diplomats')!.actor).toMatchObject({ country: 'RUS', sector: 'GOV' });
  });
  it('the journalist’s "you" and the question are not the speaker', () => {
    const q = d.text.indexOf('Will you');
    expect(d.layers.actors!.some((m) => m.start >= q && m.start < q + 30 && m.kind === 'pronoun')).toBe(false);
  });
});

describe('mentionsIn', () => {
  it('returns the mentions inside a span in text order', () => {
    const d = run('Russia and Turkey signed a memorandum. Iran did not.');
    const end = d.text.indexOf('.') + 1;
    const ms = mentionsIn(d, { start: 0, end });
    expect(ms.map((m) => m.actor.country)).toEqual(['RUS', 'TUR']);
    expect(mentionsIn(d, { start: end, end: d.text.length }).map((m) => m.actor.country)).toEqual(['IRN']);
  });
});

describe('possessives and abbreviations', () => {
  it("Russia's Foreign Minister + name; People's Republic of China is China, not Taiwan; Mr. with a dot", () => {
    const d = run(
      "Russia's Foreign Minister Sergey Lavrov met officials of the People's Republic of China. Mr. Lavrov was pleased.",
      '2019-05-05',
    );
    expect(at(d, 'Russia')!.actor).toMatchObject({ name: 'Sergey Lavrov', country: 'RUS' });
    expect(at(d, 'People')!.actor.country).toBe('CHN');
    expect(at(d, 'Mr.')!.actor.name).toBe('Sergey Lavrov');
  });
  it('"States" alone is not the United States; "partners" without our/my is not resolved', () => {
    const d = run('Member States and their partners met. The United States abstained.');
    expect(at(d, 'States')).toBeUndefined();
    expect(at(d, 'partners')).toBeUndefined();
    expect(at(d, 'United States')!.actor.country).toBe('USA');
  });
});

describe('hyphens', () => {
  it('Russian-Chinese talks name both countries; hyphenated names and titles stay whole', () => {
    const d = run(
      'The Russian-Chinese talks ended. UN Secretary-General Ban Ki-moon met European Commission President Jean-Claude Juncker.',
      '2014-12-01',
    );
    expect(at(d, 'Russian-')!.actor.country).toBe('RUS');
    expect(at(d, 'Chinese talks')!.actor.country).toBe('CHN');
    const ban = at(d, 'Ban')!;
    expect(d.text.slice(ban.start, ban.end)).toBe('UN Secretary-General Ban Ki-moon');
    expect(ban.actor).toMatchObject({ org: 'UN', code: 'IGOUNO' });
    const j = at(d, 'Jean')!;
    expect(j.actor.name).toBe('Jean-Claude Juncker');
  });
});

describe('country names inside other names', () => {
  it('South China Sea, China Daily and the Bank of Russia are not the countries; Yesterday China said is', () => {
    const d = run(
      'Yesterday China said the South China Sea was calm, China Daily reported. The Bank of Russia cut rates. Russia agreed.',
    );
    const cs = d.layers.actors!.filter((m) => m.kind === 'country').map((m) => d.text.slice(m.start, m.end + 4));
    expect(cs).toEqual(['China sai', 'Russia agr']);
  });
});

describe('no double mentions', () => {
  it('a possessive before a group noun is one mention', () => {
    const d = run(
      'Question: When?\n\nSergey Lavrov: Our diplomats are preparing the visit.\n\nQuestion: Thank you.',
      '2016-03-11',
    );
    expect(d.layers.actors!.some((m) => m.kind === 'group' && m.actor.country === 'RUS')).toBe(true);
    const i = d.text.indexOf('Our');
    expect(d.layers.actors!.filter((m) => m.start === i)).toHaveLength(1);
  });
});

describe('speaker labels the KB does not know', () => {
  it('"Mr Tammekivi:" is the Estonian Defence Minister the text introduced', () => {
    const d = run(
      'Press conference of Estonian Defence Minister Jaan Tammekivi\n\nMr Tammekivi: We are ready. I thank our hosts.\n\nQuestion: When?\n\nMr Tammekivi: Soon.',
      '2019-01-01',
    );
    const t = d.layers.turns!.find((x) => x.speakerName && x.speakerName.includes('Tammekivi'))!;
    expect(t.speaker).toMatchObject({ name: 'Jaan Tammekivi', country: 'EST' });
    expect(at(d, 'We are')!.actor).toMatchObject({ country: 'EST', sector: 'GOV' });
  });
});

describe('plural offices', () => {
  it('the Russian and US presidents → one office holder per country', () => {
    const d = run('The Russian and US presidents met in Hamburg.', '2017-07-07');
    expect(at(d, 'Russian')!.actor).toMatchObject({ name: 'Vladimir Putin', country: 'RUS' });
    expect(at(d, 'US')!.actor).toMatchObject({ name: 'Donald Trump', country: 'USA' });
  });
  it('the foreign ministers of Russia and China', () => {
    const d = run('The foreign ministers of Russia and China signed the plan.', '2016-03-11');
    const ms = d.layers.actors!.filter((m) => m.kind === 'role');
    expect(ms.map((m) => m.actor.name)).toEqual(['Sergey Lavrov', 'Wang Yi']);
  });
});

describe('layer invariants', () => {
  it('mentions are sorted, never overlap, and slice to non-empty text', () => {
    const vocab = [
      'US',
      'Russian',
      ',',
      'and',
      'President',
      'Putin',
      'of',
      'the',
      'Mr',
      '.',
      'my',
      'Chinese',
      'colleague',
      'for',
      'Syria',
      'Special',
      'Envoy',
      'Wang',
      'Yi',
      "'s",
      '-',
      'we',
      'I',
      'side',
      'ministers',
      'Secretary',
      'State',
      'in',
      'Moscow',
    ];
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < 200; k++) {
      let body = '';
      for (let j = 0; j < 25; j++) body += vocab[Math.floor(rnd() * vocab.length)] + (rnd() < 0.8 ? ' ' : '');
      const d = run(`Question: Why?\n\nSergey Lavrov: ${body}.\n\nQuestion: And?`, rnd() < 0.5 ? '2017-07-07' : null);
      const ms = d.layers.actors!;
      for (let i = 0; i < ms.length; i++) {
        expect(ms[i].end).toBeGreaterThan(ms[i].start);
        if (i && ms[i].start < ms[i - 1].end)
          throw new Error(
            `overlap in ${JSON.stringify(d.text)}: ${JSON.stringify(ms[i - 1])} / ${JSON.stringify(ms[i])}`,
          );
      }
    }
  });
});

describe('compound names', () => {
  it('the last part of a compound of three or more is no surname of a person named before', () => {
    const d = run(
      'Crown Prince Mohammed bin Salman visited China. The Jaish-e-Mohammed group claimed the attack.',
      '2019-02-20',
    );
    expect(at(d, 'Crown')?.actor.name).toBe('Mohammed bin Salman');
    expect(at(d, 'Mohammed', 1)).toBeUndefined();
  });
});

describe('a surname never introduced in the text', () => {
  it('names no one out of office on the document’s day unless they headed a state or government', () => {
    // Thomas West was a US envoy from 2021; "West" in 2017 is a direction
    const d = run('The United States must choose. It is not a choice between East and West.', '2017-09-21');
    expect(at(d, 'West')).toBeUndefined();
  });
});

describe('a capital standing for its government', () => {
  it('acts through adverbs before its verb, and stays a place after "in"', () => {
    expect(at(run('Beijing firmly opposes the arms sale.'), 'Beijing')?.actor.code).toBe('CHNGOV');
    expect(at(run('Moscow has repeatedly denied the claims.'), 'Moscow')?.actor.code).toBe('RUSGOV');
    expect(at(run('Talks in Moscow also covered trade.'), 'Moscow')).toBeUndefined();
  });
});
