import { describe, expect, it } from 'vitest';
import { brief, runEvents } from './events-fixture.js';
import { loadKB } from '../../src/knowledge/index.js';
import { runStages } from '../../src/pipeline.js';
import { DEFAULT_STAGES } from '../../src/stages.js';
import { testDoc } from '../fixtures/doc.js';

const people = { Lavrov: 'RUS', 'Sergey Lavrov': 'RUS', Tillerson: 'USA', 'Wang Yi': 'CHN', Cavusoglu: 'TUR' };
const codes = (text: string) => runEvents(text, { people }).events.map(brief);
const first = (text: string) => runEvents(text, { people }).events[0]!;
/** The events of the whole pipeline (the actor layer as it runs, not the test tagger). */
const pipelineEvents = (text: string, published: string) =>
  runStages(testDoc(text, { published }), loadKB(), DEFAULT_STAGES).layers.events ?? [];

describe('event patterns: consultations', () => {
  it('verb with object and with "with"', () => {
    expect(codes('Lavrov met Tillerson in Manila on Sunday.')).toEqual(['RUS>USA:040']);
    expect(codes('Lavrov held talks with Wang Yi.')).toEqual(['RUS>CHN:040']);
    expect(codes('Lavrov spoke by telephone with Cavusoglu.')).toEqual(['RUS>TUR:041']);
  });
  it('visits and hosting take the destination as target, with the linked act of the other side', () => {
    expect(codes('Tillerson visited Moscow last week.')).toEqual(['USA>RUS:042', 'RUS>USA:043']);
    expect(codes('China hosted the Russian delegation.')).toEqual(['CHN>RUS:043', 'RUS>CHN:042']);
    // a stated intent is one side's: no linked act
    expect(codes('Peru will visit Chile in May.')).toEqual(['PER>CHL:036']);
  });
  it('an actor a mutual act is "on" or "about" is its topic, not the other side', () => {
    expect(codes('Russia had talks on Libya.')).toEqual(['RUS>-:040']);
    expect(codes('Russia held consultations with Iran about Syria.')).toEqual(['RUS>IRN:040']);
  });
  it('nominalisations: talks between X and Y, a telephone conversation between', () => {
    expect(codes('Talks between Russia and Japan ended on Friday.')).toEqual(['RUS>JPN:040', 'JPN>RUS:040']);
    expect(codes('A telephone conversation between Russia and Turkey took place.')).toEqual([
      'RUS>TUR:041',
      'TUR>RUS:041',
    ]);
  });
  it('a nominal without its agent is not an event', () => {
    expect(codes('The minister spoke during a visit to Ghana.')).toEqual([]);
  });
});

describe('event patterns: cooperation and conflict', () => {
  it('signing, praise, aid', () => {
    expect(codes('Russia and China signed a treaty on Monday.')).toEqual(['RUS>CHN:057', 'CHN>RUS:057']);
    expect(codes('Russia signed an agreement with China.')).toEqual(['RUS>CHN:057']);
    expect(codes('Germany praised France for its leadership.')).toEqual(['DEU>FRA:051']);
    expect(codes('Japan sent humanitarian aid to Nepal.')).toEqual(['JPN>NPL:073']);
  });
  it('demands, accusations, condemnation, rejection', () => {
    expect(codes('Britain demanded that Iran release the sailors.')[0]).toBe('GBR>IRN:100');
    expect(codes('Ukraine accused Russia of shelling the town.')[0]).toBe('UKR>RUS:112');
    expect(codes('Canada condemned Syria over the attack.')).toEqual(['CAN>SYR:111']);
    expect(codes('Iran rejected the proposal from France.')[0]).toMatch(/^IRN>FRA:12/);
  });
  it('a killing is made specific by its means or by the office of its victim', () => {
    expect(codes('Three Syrian soldiers were killed in a Turkish air strike near the border.')).toEqual([
      'TUR>SYR:195',
    ]);
    expect(codes('A roadside bomb killed two Kenyan soldiers on Monday.')).toEqual(['->KEN:1833']);
    expect(codes('Gunmen from Chad killed the governor of a Sudanese province.')).toContain('TCD>SDN:186');
    expect(codes('Israeli troops killed four Palestinian gunmen in an attack on a checkpoint.')).toEqual([
      'ISR>PSE:190',
    ]);
  });
  it('releasing property is not releasing people; seeking refuge asks for humanitarian protection', () => {
    expect(codes('Chile released the seized tanker on Monday.')).toEqual(['CHL>-:0842']);
    expect(codes('Iran released two French sailors.')).toEqual(['IRN>FRA:0841']);
    expect(codes('Thousands of Afghan families sought refuge in Pakistan.')).toEqual(['AFG>PAK:1033']);
  });
  it('a pattern whose head is a light verb or a common verb is found by its other words', () => {
    expect(codes('Chile supplied arms to Peru.')).toEqual(['CHL>PER:072']);
  });
  it('sanctions, expulsions, seizures, strikes', () => {
    expect(codes('The United States imposed new sanctions on Venezuela.')).toEqual(['USA>VEN:163']);
    expect(codes('Poland expelled three Russian diplomats.')).toEqual(['POL>RUS:161']);
    expect(codes('Turkey launched air strikes on Iraq.')).toEqual(['TUR>IRQ:195']);
    expect(codes('Iran seized a British tanker.')).toEqual(['IRN>GBR:171']);
  });
  it('a state imposes sanctions on others, not on itself', () => {
    const run = (text: string) => runEvents(text, { people: { Trudeau: 'CAN' } }).events.map(brief);
    expect(run('Trudeau announced bans on travel to Canada against senior officers.')).toEqual(['CAN>-:163']);
    expect(run('Trudeau imposed new sanctions on Russia.')).toEqual(['CAN>RUS:163']);
  });
  it('blocking patterns: some phrases with event verbs are not events', () => {
    expect(codes('Russia released a statement on Syria.')).toEqual([]);
    expect(codes('The plan will meet the needs of Ukraine.')).toEqual([]);
    expect(codes('Russia released two Ukrainian sailors.')).toEqual(['RUS>UKR:0841']);
  });
  it('a possessor inside the phrase is the holder, not the target', () => {
    expect(codes("The minister reaffirmed Australia's support for Indonesia.")).toEqual(['AUS>IDN:051']);
  });
  it('inverse roles: received weapons from X', () => {
    expect(codes('Ukraine received weapons from Poland.')).toEqual(['POL>UKR:072']);
  });
});

describe('structure: source and target', () => {
  it('compound subjects give an event per member, mutual acts one per ordered pair', () => {
    expect(codes('Russia, Turkey and Iran met in Astana.')).toEqual([
      'RUS>TUR:040',
      'RUS>IRN:040',
      'TUR>RUS:040',
      'TUR>IRN:040',
      'IRN>RUS:040',
      'IRN>TUR:040',
    ]);
    expect(codes('France and Germany condemned Syria.')).toEqual(['FRA>SYR:111', 'DEU>SYR:111']);
  });
  it('coordinated subjects of a mutual act with a "with" partner after the object act on the partner', () => {
    expect(codes('Chile and Peru signed a deal with Bolivia.')).toEqual(['CHL>BOL:057', 'PER>BOL:057']);
    expect(codes('Chile and Peru signed a deal on Monday.')).toEqual(['CHL>PER:057', 'PER>CHL:057']);
  });
  it('historical states are coded as their successor states', () => {
    expect(codes('The Soviet Union threatened Yugoslavia.')).toEqual(['RUS>SRB:130']);
    expect(codes('Zaire criticized Czechoslovakia.')).toEqual(['COD>CZE:111']);
  });
  it('a mutual act among a long list of parties is one event per party, not every pair', () => {
    const many = codes('Russia, Turkey, Iran, Iraq, Jordan and Egypt met in Astana.');
    expect(many).toEqual(['RUS>-:040', 'TUR>-:040', 'IRN>-:040', 'IRQ>-:040', 'JOR>-:040', 'EGY>-:040']);
    expect(codes('Russia, Turkey and Iran met in Astana.')).toHaveLength(6);
  });
  it('a mutual act among coordinated subjects stays among them', () => {
    expect(codes('Russia and Egypt agreed to resume flights between Moscow and Cairo.')).toEqual([
      'RUS>EGY:030',
      'EGY>RUS:030',
    ]);
  });
  it('"according to X" does not make X the subject', () => {
    expect(
      codes('According to Lavrov, the two ministers signed a memorandum.').every((e) => !e.startsWith('RUS>')),
    ).toBe(true);
  });
  it('"he" in a later sentence of the paragraph is the last person named', () => {
    expect(codes('Lavrov arrived in Cairo on Sunday. On Tuesday, he met Tillerson.')).toContain('RUS>USA:040');
  });
  it('"he" has no antecedent in an earlier paragraph', () => {
    const { events } = runEvents(
      'Lavrov arrived in Cairo on Sunday.\n\nThe talks were long. On Tuesday, he met Tillerson.',
      { people: { Lavrov: 'RUS', Tillerson: 'USA' } },
    );
    expect(events.map(brief)).not.toContain('RUS>USA:040');
  });
  it('a participle before its noun ("seven detained Americans") is no event, and the noun phrase stays a subject', () => {
    const { events } = runEvents('Seven wrongfully detained Americans were released by Venezuela on Saturday.', {
      people: { Americans: 'USA', Venezuela: 'VEN' },
    });
    expect(events.map(brief)).toEqual(['VEN>USA:0841']);
  });
  it('the agent of an act named as object ("allegations by Rwanda") is the target of the attitude', () => {
    expect(codes('France condemned the allegations by Rwanda.')).toContain('FRA>RWA:111');
    expect(codes('Japan welcomed the decision by China.')).toContain('JPN>CHN:051');
  });
  it('an infinitive after a possessed noun ("Russia\'s claims to annex") is the possessor\'s act', () => {
    const es = codes("The United States will never recognize Russia's claims to annex any part of Ukraine.");
    expect(es).toContain('RUS>UKR:192 hyp');
    expect(es.some((e) => e.startsWith('USA>UKR'))).toBe(false);
  });
  it('a relative clause after a place ("a resolution at the United Nations that condemns…") is not the place\'s act', () => {
    const un = runEvents('We will support a resolution at the United Nations that condemns Russia.', {
      people: { 'United Nations': 'IGOUNO' },
    });
    expect(un.events.map(brief).some((e) => e.startsWith('IGOUNO>'))).toBe(false);
    expect(codes('Russia, which condemned Ukraine, met China.')).toContain('RUS>UKR:111');
  });
  it('"will not hesitate to" states an intent, not a negation', () => {
    expect(codes('Germany will not hesitate to impose sanctions on Russia.')).toEqual(['DEU>RUS:1312']);
    expect(codes('Germany will not impose sanctions on Russia.')).toEqual(['DEU>RUS:1312 neg']);
  });
  it('", and we …" opens a new clause: its pronoun is no object of the verb before', () => {
    const { events } = runEvents('Japan condemned the launch, and we will support a resolution.', {
      people: { we: 'USA' },
    });
    expect(events.map(brief).some((e) => e.startsWith('JPN>USA'))).toBe(false);
  });
  it('", and the first of them arrived": the subject of the new clause is that noun phrase, not the actors before', () => {
    const es = codes(
      'Canada and Germany agreed to deliver trucks to Haiti, and the first of them arrived in Haiti on Sunday.',
    );
    expect(es.some((e) => /^(CAN|DEU)>HTI:042/.test(e))).toBe(false);
  });
  it('"discussed X with Y": X is the topic, Y the target', () => {
    expect(codes('Germany discussed Syria with France.')).toEqual(['DEU>FRA:040']);
    expect(codes('Germany discussed Syria with the visitors.').some((e) => e.includes('>SYR'))).toBe(false);
  });
  it('compound objects give one event per member', () => {
    expect(codes('Norway criticized Hungary and Poland.')).toEqual(['NOR>HUN:111', 'NOR>POL:111']);
  });
  it('passives flip source and target', () => {
    expect(codes('Israel was attacked by Syria.')).toEqual(['SYR>ISR:190']);
    expect(codes('The embassy of Canada was criticized by China.')).toEqual(['CHN>CAN:111']);
  });
  it('the subject is not a prepositional or object mention, and not proximity', () => {
    expect(codes('Germany, after talks in Paris, criticized Hungary.')).toContain('DEU>HUN:111');
    expect(codes('Russia, which supports Syria, condemned Israel.')).toContain('RUS>ISR:111');
  });
  it('a relative clause takes the phrase before its pronoun as subject', () => {
    expect(codes('We discussed the plan of Japan that was endorsed by China.')).toContain('CHN>JPN:051');
  });
  it('reported speech: the clause after "said" has its own subject; pronouns go to the reporter', () => {
    expect(codes('France said Russia attacked Ukraine.')).toEqual(['RUS>UKR:190', 'FRA>RUS:112']);
    expect(codes('Japan said it would not provide aid to Iraq.')).toEqual(['JPN>IRQ:121']);
  });
  it('"we" inside a direct quotation is the quoted speaker', () => {
    expect(codes('"We call on Ukraine to negotiate," Lavrov said.')).toContain('RUS>UKR:020');
  });
  it('a passive act done "in" an actor\'s attack has that actor as agent', () => {
    expect(codes('Six villagers were killed in Turkish artillery shelling near the border.')).toContain('TUR>-:194');
    expect(codes('Six villagers were killed in Turkish territory.').some((c) => c.startsWith('TUR>'))).toBe(false);
  });
  it('a participle phrase before the main verb is a reduced relative, not the predicate', () => {
    // the report was released, but by no one named: no release event with Kenya as the target
    expect(
      codes('A long report published on Monday in the Ugandan capital alleged that Kenya knew of the plot.'),
    ).toEqual(['UGA>KEN:112']);
    expect(codes('The students detained for marching against Iran were freed on Sunday by Iraq.')).toEqual([
      'IRQ>-:0841',
    ]);
    // a named actor before a past tense is a main clause
    expect(codes('Peru expelled on Friday two diplomats of Chile as talks failed.')).toEqual(['PER>CHL:161']);
  });
  it('a claim that another party did a hostile act is an accusation of it', () => {
    expect(codes('Ukraine claimed that Russia had shelled the town.')).toContain('UKR>RUS:112');
    // a claim about oneself, or about something that is not a hostile act, accuses no one
    expect(codes('Russia claimed that it had shelled the town.').filter((c) => c.endsWith(':112'))).toEqual([]);
    expect(codes('Kenya claimed that Somalia had signed the accord.').filter((c) => c.endsWith(':112'))).toEqual([]);
  });
  it('saying that another party used force accuses it; saying it of oneself, or of other acts, does not', () => {
    expect(codes('Russia said Ukrainian forces shelled the town on Friday.')).toContain('RUS>UKR:112');
    expect(codes('Turkey said its troops had shelled the town.').filter((c) => c.endsWith(':112'))).toEqual([]);
    expect(codes('Kenya said Somalia had signed the accord.').filter((c) => c.endsWith(':112'))).toEqual([]);
    // a stated future act is a threat, not an accusation
    expect(codes('Israel said Iran would attack the ships.').filter((c) => c.endsWith(':112'))).toEqual([]);
  });
  it('hosting or receiving is a visit only with a guest; support received is endorsement, aid only when material', () => {
    expect(codes('Egypt will host the Iranian president next week.')).toEqual(['EGY>IRN:036']);
    expect(codes('Thailand volunteered to host it.')).toEqual([]);
    expect(codes('So far the idea has been coldly received by Japan.')).toEqual([]);
    expect(codes('The plan received strong support from China.')).toEqual(['CHN>-:051']);
    expect(codes('Syria received financial support from Iran.')).toEqual(['IRN>SYR:070']);
  });
  it('an agentless attack "from" a place was done by its side; said by the target, it is an accusation', () => {
    expect(codes('Rockets were fired at Israel from Syria on Tuesday.')).toEqual(['SYR>ISR:190']);
    expect(codes('Israel said a mortar bomb was fired at it from Syria.')).toContain('ISR>SYR:112');
    // an agent named by "by" stays the source
    expect(codes('Israel was attacked by Iran from Syria.')[0]).toBe('IRN>ISR:190');
  });
  it('the act after "urged X to", "called on X to" is X\'s (a request, so hypothetical); "called X to" is a call', () => {
    expect(codes('China urged Japan to release the fishermen.')).toContain('JPN>-:0841 hyp');
    expect(codes('The EU called on Russia to withdraw its troops from Ukraine.')).toContain('RUS>UKR:0874 hyp');
    // "called Lavrov to offer condolences": Tillerson phoned, and it is Tillerson's condolence
    expect(codes('Tillerson called Lavrov to offer his condolences.')).toEqual(['USA>RUS:041', 'USA>-:018 hyp']);
  });
  it('"it" after "denied that" / "admitted that" is the one who denies or admits', () => {
    expect(codes('Lavrov denied that he had sent weapons to Turkey.')).toContain('RUS>TUR:072 neg');
  });
  it('what one side demands or proposes the other do has not happened: "demanded that Russia withdraw…"', () => {
    expect(codes('Tillerson demanded that Russia withdraw its forces.')).toContain('RUS>-:0874 hyp');
    // a report of what happened stays a fact
    expect(codes('Lavrov said that Russia withdrew its forces.')).toContain('RUS>-:0874');
  });
  it('fighting terrorism, crime or a pandemic is no clash between the parties who do it', () => {
    expect(codes('Russia and Egypt are fighting against international terrorism.')).toEqual([]);
    expect(codes('The two countries will jointly combat drug trafficking.')).toEqual([]);
    expect(codes('India and Pakistan fought a war in 1999.')).toEqual(['IND>PAK:190', 'PAK>IND:190']);
  });
  it('sending a delegation or envoy is a visit; a stated one is intent', () => {
    expect(codes('Chile sent a delegation to Peru on Monday.')).toContain('CHL>PER:042');
    expect(codes('Chile said it will send a team to Peru next week.')).toEqual(['CHL>PER:036']);
  });
  it("a reported obligation is the reporter's demand", () => {
    expect(codes('Britain said Iran must free the crew.')).toContain('GBR>IRN:100');
  });
});

describe('modality', () => {
  it('negation', () => {
    const e = first('The United States did not sign the agreement.');
    expect(e.cameo).toBe('057');
    expect(e.negated).toBe(true);
    expect(first('There is no evidence that Russia attacked Ukraine.').negated).toBe(true);
    expect(first('Russia attacked Ukraine.').negated).toBe(false);
    expect(first('Russia not only condemned Israel but also expelled its ambassador.').negated).toBe(false);
    expect(
      codes('Russia left the talks without signing the treaty with Japan.').some((c) => c === 'RUS>JPN:057 neg'),
    ).toBe(true);
  });
  it('a negative subject negates the act', () => {
    expect(first('Nobody attacked Ukraine.').negated).toBe(true);
  });
  it('"going to" is future, not travel', () => {
    expect(codes('Russia is going to release the Ukrainian sailors.')).toEqual(['RUS>UKR:0353']);
  });
  it('future intent is 03x / 13x, not the act', () => {
    expect(codes('Russia will meet Turkey next week.')).toEqual(['RUS>TUR:036']);
    expect(codes('China plans to visit Nepal.')).toEqual(['CHN>NPL:036']);
    expect(codes('Israel threatened to attack Lebanon.')[0]).toMatch(/^ISR>LBN:138/);
    expect(codes('Russia is expected to sign the agreement with Japan.')).toEqual(['RUS>JPN:030']);
    expect(codes('Egypt said it would free the Sudanese prisoners.')[0]).toBe('EGY>SDN:0353');
  });
  it('"would like to" performs the act; "are ready to" governs the act it introduces', () => {
    const thank = first('Russia would like to thank Turkey for its hospitality.');
    expect(thank.cameo).toBe('051');
    expect(thank.hypothetical).toBe(false);
    expect(codes('Russia and Turkey are ready to support Libya.')).toEqual(['RUS>LBY:032', 'TUR>LBY:032']);
  });
  it('stated refusal is a rejection', () => {
    expect(codes('Iran refused to meet France.')).toEqual(['IRN>FRA:125']);
  });
  it('questions and conditionals are hypothetical', () => {
    expect(first('Did Russia attack Ukraine?').hypothetical).toBe(true);
    const cond = runEvents('If China attacks Japan, the United States will respond.', { people }).events;
    expect(cond.length).toBeGreaterThan(0);
    expect(cond.every((e) => e.hypothetical)).toBe(true);
    expect(first('Russia could sign the treaty.').hypothetical).toBe(true);
  });
  it('a hope or wish is not an act done; "hopes to" is still intent', () => {
    const hoped = runEvents('Kenya said it hoped Somalia would expel the militants.', { people }).events;
    expect(hoped.length).toBeGreaterThan(0);
    expect(hoped.every((e) => e.hypothetical)).toBe(true);
    const wish = runEvents('Chile expressed the wish that Peru would sign the accord.', { people }).events;
    expect(wish.length).toBeGreaterThan(0);
    expect(wish.every((e) => e.hypothetical)).toBe(true);
    expect(codes('Kenya hopes to sign a deal with Somalia.')).toEqual(['KEN>SOM:030']);
  });
  it('an -ing noun in a compound is not a verb; a participle with an object is', () => {
    expect(codes('France warned Mali after the hotel shooting last week.')).toEqual(['FRA>MLI:130']);
    expect(
      codes('Chad issued a statement demanding that Sudan free the hostages.').some((c) => c.startsWith('TCD>SDN:10')),
    ).toBe(true);
  });
  it('an act asked for is not an act done', () => {
    const ev = runEvents('The United States urged Iran to release the prisoners.', { people }).events.map(brief);
    expect(ev).toContain('USA>IRN:020');
    expect(ev.filter((x) => x.includes(':084')).every((x) => x.endsWith('hyp'))).toBe(true);
  });
  it('a question turn makes its events hypothetical', () => {
    const text =
      'Question: Will Russia sign the treaty with Japan\nSergey Lavrov: Russia signed the treaty with Japan.';
    const { events } = runEvents(text, { people });
    const asked = events.filter((e) => e.evidence.text.startsWith('Will Russia'));
    const answered = events.filter((e) => e.evidence.text.startsWith('Russia signed'));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((e) => e.hypothetical)).toBe(true);
    expect(answered.map((e) => [e.cameo, e.hypothetical])).toEqual([['057', false]]);
  });
});

describe('record fields', () => {
  it('fills date, Goldstein, PLOVER, evidence, trigger and rule', () => {
    const { doc, events } = runEvents('On 5 March 2017 Russia condemned Israel.', { people, published: '2017-03-07' });
    const e = events[0]!;
    expect(e).toMatchObject({
      cameo: '111',
      root: '11',
      quadClass: 3,
      goldstein: -2,
      plover: 'ACCUSE',
      rule: 'ev:criticize',
    });
    expect(e.date).toBe('2017-03-05');
    expect(doc.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
    expect(doc.text.slice(e.trigger.start, e.trigger.end)).toBe('condemned');
  });
  it('carries the topics and place of its sentence', () => {
    const e = first('In Geneva, Russia condemned the new sanctions against Iran over its nuclear programme.');
    expect(e.topics).toEqual(expect.arrayContaining(['sanctions']));
    expect(e.place?.name).toBe('Geneva');
  });
  it('falls back to the document date', () => {
    expect(first('Russia condemned Israel.').date).toBe('2017-07-10');
  });
  it('falls back to the day of a document published with a time, not to the minute', () => {
    const { events } = runEvents('Russia condemned Israel.', { published: '2017-08-06T15:56+03:00' });
    expect(events[0]!.date).toBe('2017-08-06');
  });
});

describe('transcripts', () => {
  it('"we had talks" in a transcript of bilateral talks is with the other side', () => {
    const kb = loadKB();
    const text =
      'Sergey Lavrov: I held talks with Turkish Foreign Minister Mevlut Cavusoglu today. We signed a plan of consultations. ' +
      'We also had talks on the situation in the region.\n\nQuestion: What about Syria?\n\nSergey Lavrov: We discussed it.\n';
    const doc = runStages(testDoc(text, { published: '2019-12-05' }), kb, DEFAULT_STAGES);
    const evs = (doc.layers.events ?? []).filter((e) => e.source?.country === 'RUS' && !e.source.name);
    expect(evs.map((e) => [e.cameo, e.target?.name])).toEqual([
      ['057', 'Mevlüt Çavuşoğlu'],
      ['040', 'Mevlüt Çavuşoğlu'],
      // "We discussed it": the two sides, a consultation
      ['040', 'Mevlüt Çavuşoğlu'],
    ]);
  });
});

describe('the "we" of a joint statement', () => {
  it('is each of the authors it lists, as a coordinated subject is', () => {
    const text =
      'We, the Foreign Ministers of Australia, India and Japan, met in Melbourne on February 11.\n\n' +
      'We condemn North Korea’s missile launches. We call on Russia to withdraw its troops.\n';
    expect(codes(text).filter((c) => !c.endsWith(':040'))).toEqual([
      'AUS>PRK:111',
      'IND>PRK:111',
      'JPN>PRK:111',
      'AUS>RUS:020',
      'IND>RUS:020',
      'JPN>RUS:020',
      'RUS>-:0874 hyp', // the act they call for
    ]);
    // a text that does not list its authors leaves "we" unknown
    expect(codes('We condemn North Korea’s missile launches.')).toEqual(['->PRK:111']);
  });
});

describe('a nominal act the clause says was cancelled or postponed', () => {
  it('did not happen, or has not happened yet', () => {
    expect(codes('The visit of Sergey Lavrov to China was cancelled.')).toEqual(['RUS>CHN:042 neg', 'CHN>RUS:043 neg']);
    expect(codes('The visit of Sergey Lavrov to China has been postponed.')).toEqual([
      'RUS>CHN:042 hyp',
      'CHN>RUS:043 hyp',
    ]);
    expect(codes('The visit of Sergey Lavrov to China was a success.')).toEqual(['RUS>CHN:042', 'CHN>RUS:043']);
  });
});

describe('aid given as a sum of money', () => {
  it('is the kind of aid the money is for', () => {
    expect(codes('The United States provided 500 million dollars in military aid to Ukraine.')).toEqual([
      'USA>UKR:072',
    ]);
    expect(codes('Japan provided 10 million dollars in humanitarian aid to Turkey.')).toEqual(['JPN>TUR:073']);
    expect(codes('Germany provided 50 million euros to Moldova.')).toEqual(['DEU>MDA:071']);
  });
});

describe('an exchange of prisoners', () => {
  it('is each side releasing persons to the other', () => {
    expect(codes('Ukraine and Russia exchanged prisoners of war on Sunday.')).toEqual(['UKR>RUS:0841', 'RUS>UKR:0841']);
  });
});

describe('an -ing form used as an adjective', () => {
  it('is no act of the clause’s subject: the guest of "met with visiting X" visits nobody here', () => {
    expect(codes('Sergey Lavrov met with visiting Chinese Foreign Minister Wang Yi.')).toEqual(['RUS>CHN:040']);
    expect(codes('Sergey Lavrov held talks with visiting Wang Yi.')).toEqual(['RUS>CHN:040']);
    // a place after it is its object
    expect(codes('The group was charged with visiting Syria.')).toEqual(['->SYR:042 hyp']);
  });
});

describe('receiving people who are not envoys', () => {
  it('is granting refugees asylum, not hosting a visit, and no event for tourists', () => {
    expect(codes('Turkey has received three million Syrian refugees.')).toEqual(['TUR>SYR:075']);
    expect(codes('Spain received ten million tourists.')).toEqual([]);
  });
});

describe('a visit named by its guest’s possessive', () => {
  it('goes to the country of the city it names, even where the tagger read "He\'s" as "he is"', () => {
    expect(codes("Lavrov's visit to Washington was a success.")).toEqual(['RUS>USA:042', 'USA>RUS:043']);
    const liu = runEvents("Vice Premier Liu He's visit to Washington was a success.", { people: { 'Liu He': 'CHN' } });
    expect(liu.events.map(brief)).toEqual(['CHN>USA:042', 'USA>CHN:043']);
  });
});

describe('a mutual act with no partner named after it', () => {
  it('is a consultation between coordinated subjects, and no event for one side or a passive topic', () => {
    expect(codes('Russia and China discussed the situation in Syria.')).toEqual(['RUS>CHN:040', 'CHN>RUS:040']);
    expect(codes('Russia discussed the situation in Syria.')).toEqual([]);
    expect(codes('The Ukrainian crisis was discussed.')).toEqual([]);
    expect(codes('Russia and China exchanged views on Syria.')).toEqual(['RUS>CHN:040', 'CHN>RUS:040']);
    expect(codes('Russia exchanged views on Syria.')).toEqual([]);
  });
});

describe('the guest of a host', () => {
  it('is the object, not someone a clause inside the object names', () => {
    expect(codes('Syria hosted an energy exhibition attended by companies from Russia and China.')).toEqual([]);
    // the recogniser reads a titled name as one person
    const guest = { 'Sergey Lavrov': 'RUS', 'Foreign Minister Wang Yi': 'CHN' };
    const run = (text: string) => runEvents(text, { people: guest }).events.map(brief);
    expect(run('Sergey Lavrov received visiting Foreign Minister Wang Yi.')).toEqual(['RUS>CHN:043', 'CHN>RUS:042']);
  });
});

describe('an infinitive of purpose after a mutual act', () => {
  it('holds what the act was about, not its other side', () => {
    expect(codes('Russia met to discuss Iran.')).toEqual(['RUS>-:040']);
    // after another predicate the infinitive is its complement, and its object the target
    expect(codes('Australia expressed readiness to support Jordan.')).toContain('AUS>JOR:030');
  });
});

describe('a state on both ends of its own act', () => {
  const full = (text: string) => pipelineEvents(text, '2020-10-15').map(brief);
  it('has no target: its government is not its other side', () => {
    expect(full('President Putin criticized Russia’s bureaucracy.')).toEqual(['RUS>-:111']);
  });
  it('keeps its people named by a demonym as the other side', () => {
    expect(full('Liberian riot police used tear gas to disperse demonstrators in Liberia.')).toContain('LBR>LBR:145');
  });
});

describe('an idiom with a meeting verb', () => {
  it('"meet someone halfway" is no meeting', () => {
    expect(codes('The United States should meet China halfway.').filter((c) => c.includes(':04'))).toEqual([]);
  });
});

describe('fighting named by its weapons or as an operation', () => {
  it('is an exchange of fire between both sides, or a military operation where it is launched', () => {
    expect(codes('India and Pakistan exchanged fire along the border.')).toEqual(['IND>PAK:190', 'PAK>IND:190']);
    expect(codes('Russia launched a military operation in Ukraine.')).toEqual(['RUS>UKR:190']);
    expect(codes('Turkey threatened to launch a military operation in Syria.')).toEqual(['TUR>SYR:1384']);
    expect(codes('The United Nations launched a peacekeeping operation in Mali.')).toEqual([]);
  });
});

describe('a host of talks on a country', () => {
  it('does not host the country the talks are about', () => {
    expect(codes('Kenya will host peace talks on Sudan in August.')).toEqual([]);
    expect(codes('Kenya hosted the Sudanese delegation.')).toEqual(['KEN>SDN:043', 'SDN>KEN:042']);
  });
});

describe('"the two sides" as a subject', () => {
  const full = (text: string) => pipelineEvents(text, '2019-04-03').map(brief);
  it('are the sides of the latest consultation before it', () => {
    expect(
      full('Sergey Lavrov held talks with Wang Yi in Moscow. The two sides have also agreed to expand cooperation.'),
    ).toEqual(['RUS>CHN:040', 'RUS>CHN:032', 'CHN>RUS:032']);
    expect(full('The two sides agreed to expand cooperation.')).toEqual([]);
  });
});

describe('the date of an act', () => {
  const full = (text: string) => pipelineEvents(text, '2019-04-03');
  it('is not a date in the future of the document for an act that happened', () => {
    const evs = full('Russia and China signed an agreement which will enter into force on May 10.');
    expect(evs.map((e) => [brief(e), e.date])).toEqual([
      ['RUS>CHN:057', '2019-04-03'],
      ['CHN>RUS:057', '2019-04-03'],
    ]);
    expect(full('Russia will sign the agreement with China on May 10.').map((e) => e.date)).toContain('2019-05-10');
  });
  it('is not the period or deadline a document it names is for', () => {
    const evs = full('Russia and China signed a plan of consultations for 2019-2020.');
    expect(evs.map((e) => e.date)).toEqual(['2019-04-03', '2019-04-03']);
  });
  it('of an upcoming visit is a plan', () => {
    expect(full('They discussed the upcoming visit of Sergey Lavrov to China.').map(brief)).toEqual([
      'RUS>CHN:042 hyp',
      'CHN>RUS:043 hyp',
    ]);
  });
});

describe('talks by telephone or in person named by "spoke with"', () => {
  it('are a consultation with the person after "with", not "with caution"', () => {
    expect(codes('Sergey Lavrov spoke today with Wang Yi.')).toEqual(['RUS>CHN:040']);
    expect(codes('China should speak and act with caution.')).toEqual([]);
  });
  it('in the next round of a series are not yet held', () => {
    expect(codes('Turkey will host the next round of talks between Armenia and Azerbaijan.')).toEqual([
      'ARM>AZE:040 hyp',
      'AZE>ARM:040 hyp',
    ]);
  });
});

describe('readiness for talks with a partner', () => {
  it('is an intent to negotiate with it', () => {
    expect(codes('Russia is open to dialogue with the United States.')).toEqual(['RUS>USA:036']);
    expect(codes('Egypt is ready for talks with Ethiopia.')).toEqual(['EGY>ETH:036']);
  });
});

describe('an act named as a noun after "any"', () => {
  it('is none in particular: hypothetical, and no accusation of whoever would commit it', () => {
    expect(codes('Turkey said it will respond to any attack by Syria.')).toEqual(['SYR>-:190 hyp']);
  });
});
