import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord, MeetingRecord, RecordOf } from '../../src/00-model/records.js';
import { openStore } from '../../src/05-store/sqlite.js';
import { MAX_LIMIT, QueryError, type Store } from '../../src/05-store/store.js';
import { docA, docB, tempDb } from './fixtures.js';

let db: { file: string; cleanup: () => void };
let store: Store;
beforeAll(() => {
  db = tempDb();
  store = openStore(db.file);
  store.putDocument(docA());
  store.putDocument(docB());
});
afterAll(() => {
  store.close();
  db.cleanup();
});

const evidence = (rows: RecordOf[]) => rows.map((r) => (r as EventRecord).evidence.text);

describe('query: filters', () => {
  it('returns records as stored, in ingest order, with totals', () => {
    const all = store.query('event');
    expect(all.total).toBe(5);
    expect(all.rows[0]).toEqual(docA().records.find((r) => r.kind === 'event'));
    expect(all.rows.map((r) => r.doc)).toEqual(['docA', 'docA', 'docB', 'docB', 'docB']);
    expect(store.query('document').rows.map((r) => r.doc)).toEqual(['docA', 'docB']);
  });

  it('doc', () => {
    expect(store.query('event', { doc: 'docB' }).total).toBe(3);
    expect(store.query('quote', { doc: 'docB' }).total).toBe(0);
    expect(store.query('document', { doc: 'docB' }).rows[0]!.doc).toBe('docB');
  });

  it('actor: full name, last name (any case), country code, org, CAMEO code, country name', () => {
    expect(store.query('event', { actor: 'Rex Tillerson' }).total).toBe(2);
    expect(store.query('event', { actor: 'tillerson' }).total).toBe(2);
    expect(store.query('event', { actor: 'Lavrov' }).total).toBe(3);
    expect(store.query('event', { actor: 'usa' }).total).toBe(2);
    expect(store.query('event', { actor: 'UN' }).total).toBe(1);
    expect(store.query('event', { actor: 'CHNGOV' }).total).toBe(1);
    expect(store.query('event', { actor: 'China' }).total).toBe(3);
    expect(store.query('meeting', { actor: 'Wang Yi' }).total).toBe(1);
    expect(store.query('quote', { actor: 'Lavrov' }).total).toBe(1);
    expect(store.query('turn', { actor: 'RUS' }).total).toBe(1);
    expect(store.query('entity', { actor: 'PHL' }).total).toBe(1);
    expect(store.query('agreement', { actor: 'JOR' }).total).toBe(1);
    expect(store.query('event', { actor: 'Nobody' }).total).toBe(0);
  });

  it('country', () => {
    expect(store.query('event', { country: 'CHN' }).total).toBe(3);
    expect(store.query('meeting', { country: 'usa' }).total).toBe(1);
    expect(store.query('agreement', { country: 'CHN' }).total).toBe(0);
  });

  it('dyad in either direction', () => {
    expect(evidence(store.query('event', { dyad: 'RUS-USA' }).rows)).toHaveLength(2);
    expect(store.query('event', { dyad: 'USA-RUS' }).total).toBe(2);
    expect(store.query('event', { dyad: 'CHN-RUS' }).total).toBe(2);
    expect(store.query('event', { dyad: 'RUS-CHN' }).total).toBe(2);
    expect(store.query('event', { dyad: 'UN-CHN' }).total).toBe(1);
    expect(store.query('meeting', { dyad: 'RUS-CHN' }).total).toBe(2);
    expect(store.query('agreement', { dyad: 'JOR-USA' }).total).toBe(1);
    expect(() => store.query('event', { dyad: 'RUS' })).toThrow(/dyad must be two sides/);
  });

  it('CAMEO code prefix and root, PLOVER type', () => {
    expect(store.query('event', { cameo: '04' }).total).toBe(3);
    expect(store.query('event', { cameo: '043' }).total).toBe(1);
    expect(store.query('event', { cameo: '0431' }).total).toBe(1);
    expect(store.query('event', { cameo: '040' }).total).toBe(1);
    expect(store.query('event', { root: '11' }).total).toBe(1);
    expect(store.query('event', { root: '3' }).total).toBe(1);
    expect(store.query('event', { plover: 'consult' }).total).toBe(3);
    expect(store.query('event', { plover: 'ACCUSE' }).total).toBe(1);
    expect(() => store.query('event', { cameo: "04' OR 1=1" })).toThrow(QueryError);
    expect(() => store.query('event', { root: '25' })).toThrow(/root must be/);
  });

  it('topic', () => {
    expect(store.query('event', { topic: 'syria' }).total).toBe(2);
    expect(store.query('event', { topic: 'Sanctions' }).total).toBe(1);
    expect(store.query('meeting', { topic: 'syria' }).total).toBe(1);
    expect(store.query('agreement', { topic: 'ceasefire' }).total).toBe(1);
  });

  it('status', () => {
    expect(store.query('meeting', { status: 'held' }).total).toBe(2);
    const planned = store.query('meeting', { status: 'planned' });
    expect((planned.rows[0] as MeetingRecord).date).toBe('2017-10');
    expect(store.query('agreement', { status: 'signed' }).total).toBe(0);
  });

  it('date range: inclusive, partial dates as periods', () => {
    expect(store.query('event', { from: '2017-09' }).total).toBe(3);
    expect(store.query('event', { to: '2017-08' }).total).toBe(2);
    // "2017-08" (month precision) overlaps 2017-08-20..
    expect(store.query('event', { from: '2017-08-20', to: '2017-08-31' }).total).toBe(1);
    expect(store.query('event', { from: '2017-08-06', to: '2017-08-06' }).total).toBe(2);
    expect(store.query('event', { from: '2017', to: '2017' }).total).toBe(5);
    expect(store.query('event', { from: '2018' }).total).toBe(0);
    expect(store.query('meeting', { from: '2017-10-15' }).total).toBe(1);
    // quotes, turns and entities are dated by their document
    expect(store.query('quote', { from: '2017-09' }).total).toBe(0);
    expect(store.query('entity', { to: '2017-08-31' }).total).toBe(2);
    expect(store.query('document', { from: '2017-09-01' }).total).toBe(1);
    expect(() => store.query('event', { from: 'last week' })).toThrow(/from must be an ISO date/);
  });

  it('place name or country', () => {
    expect(store.query('event', { place: 'manila' }).total).toBe(2);
    expect(store.query('event', { place: 'RUS' }).total).toBe(1);
    expect(store.query('meeting', { place: 'Moscow' }).total).toBe(1);
    expect(store.query('document', { place: 'PHL' }).total).toBe(1);
  });

  it('q: words of the sentences holding the evidence, with the syntax of search', () => {
    expect(store.query('event', { q: 'de-escalation' }).total).toBe(1); // a phrase
    expect(store.query('event', { q: 'discussing' }).total).toBe(1); // stemmed, as search is
    expect(store.query('event', { q: 'escal*' }).total).toBe(1); // prefix
    expect(store.query('event', { q: 'zone OR Tillerson' }).total).toBe(2);
    expect(store.query('event', { q: 'Syria -zone' }).total).toBe(0);
    expect(store.query('event', { q: 'SCALATION' }).total).toBe(0); // words, not substrings
    expect(store.query('quote', { q: 'SATISFIED' }).total).toBe(1);
    expect(store.query('agreement', { q: 'Jordan' }).total).toBe(1);
    expect(store.query('meeting', { q: 'talks', doc: 'docB' }).total).toBe(1);
    // the total is of all matches, whatever page is asked for (one page, or one past the end)
    const two = store.query('event', { q: 'zone OR Tillerson' }, { limit: 1 });
    expect([two.total, two.rows.length]).toEqual([2, 1]);
    const past = store.query('event', { q: 'zone OR Tillerson' }, { limit: 1, offset: 5 });
    expect([past.total, past.rows.length]).toEqual([2, 0]);
    expect(store.query('meeting', { q: 'talks', doc: 'docA' }).total).toBe(0);
    expect(store.query('event', { q: '"quoted"' }).total).toBe(0);
    expect(() => store.query('event', { q: '%' })).toThrow(/no words/);
    expect(() => store.query('event', { q: '"unbalanced' })).toThrow(QueryError);
  });

  it('q: substring of an entity name, a speaker label or a title, LIKE characters taken literally', () => {
    expect(store.query('entity', { q: 'TILLERS' }).total).toBe(1);
    expect(store.query('entity', { q: '%' }).total).toBe(0);
    expect(store.query('document', { q: 'moscow' }).total).toBe(1);
  });

  it('combines filters with AND', () => {
    expect(store.query('event', { actor: 'Lavrov', doc: 'docB', cameo: '04' }).total).toBe(1);
    expect(store.query('event', { dyad: 'RUS-USA', topic: 'syria', from: '2017-08-10' }).total).toBe(1);
  });

  it('rejects unknown filters and filters that do not apply', () => {
    expect(() => store.query('meeting', { cameo: '04' })).toThrow(/filter "cameo" does not apply to meeting records/);
    expect(() => store.query('event', { bogus: 'x' } as never)).toThrow(/unknown filter "bogus"/);
    expect(() => store.query('bogus' as never)).toThrow(/unknown record kind/);
    expect(() => store.query('event', { actor: 5 } as never)).toThrow(/must be a string/);
  });
});

describe('query: sorting and pagination', () => {
  it('sorts by date, goldstein, with nulls last and a stable tie-break', () => {
    const byG = store.query('event', {}, { sort: 'goldstein', order: 'desc' }).rows as EventRecord[];
    expect(byG.map((r) => r.goldstein)).toEqual([4, 2.8, 1.9, 1, -2]);
    const byDate = store.query('event', {}, { sort: 'date' }).rows as EventRecord[];
    expect(byDate.map((r) => r.date)).toEqual(['2017-08', '2017-08-06', '2017-09-01', '2017-09-01', '2017-10']);
    const desc = store.query('meeting', {}, { sort: 'date', order: 'desc' }).rows as MeetingRecord[];
    expect(desc.map((r) => r.date)).toEqual(['2017-10', '2017-09-01', '2017-08-06']);
    expect(() => store.query('event', {}, { sort: 'json; DROP TABLE events' })).toThrow(/cannot sort/);
    expect(() => store.query('event', {}, { order: 'up' as never })).toThrow(/order must be/);
  });

  it('pages through results without overlap, caps the limit', () => {
    const p1 = store.query('event', {}, { limit: 2 });
    const p2 = store.query('event', {}, { limit: 2, offset: 2 });
    const p3 = store.query('event', {}, { limit: 2, offset: 4 });
    expect([p1.total, p2.total, p3.total]).toEqual([5, 5, 5]);
    expect([...p1.rows, ...p2.rows, ...p3.rows]).toEqual(store.query('event').rows);
    expect(p3.rows).toHaveLength(1);
    expect(store.query('event', {}, { limit: MAX_LIMIT * 10 }).rows).toHaveLength(5);
    // many records: the cap applies, except for one document's records
    const many = docA({ id: 'docMany', sourceKey: '/many' });
    const ev = many.records.find((r) => r.kind === 'event')!;
    for (let i = 0; i < MAX_LIMIT + 5; i++) many.records.push({ ...ev, doc: 'docMany' });
    many.records = many.records.map((r) => ({ ...r, doc: 'docMany' }));
    store.putDocument(many);
    expect(store.query('event', {}, { limit: MAX_LIMIT * 10 }).rows).toHaveLength(MAX_LIMIT);
    expect(store.query('event', { doc: 'docMany' }, { limit: MAX_LIMIT * 10 }).rows).toHaveLength(MAX_LIMIT + 7);
    expect(store.deleteDocument('docMany')).toBe(true);
    expect(() => store.query('event', {}, { limit: 0 })).toThrow(/limit/);
    expect(() => store.query('event', {}, { offset: -1 })).toThrow(/offset/);
  });

  it('iterate() yields every match in query order', () => {
    expect([...store.iterate('event', { country: 'RUS' })]).toEqual(store.query('event', { country: 'RUS' }).rows);
  });
});

describe('search', () => {
  it('finds sentences with document title and date, snippet marked', () => {
    const r = store.search('de-escalation zone');
    expect(r.total).toBe(1);
    const hit = r.rows[0]!;
    expect(hit).toMatchObject({ doc: 'docA', title: 'Title of docA', published: '2017-08-06', index: 1 });
    expect(hit.text).toBe('We discussed the de-escalation zone in southern Syria.');
    expect(docA().text.slice(hit.start, hit.end)).toBe(hit.text);
    expect(hit.snippet).toBe('We discussed the [de-escalation] [zone] in southern Syria.');
  });

  it('stems, ignores case and diacritics, supports phrases, OR, exclusion and prefixes', () => {
    expect(store.search('MEETING').rows.map((h) => h.text)).toEqual(['China and Russia will meet again in October.']);
    expect(store.search('"southern syria"').total).toBe(1);
    expect(store.search('"syria southern"').total).toBe(0);
    expect(store.search('Tillerson OR Wang').total).toBe(2);
    expect(store.search('Lavrov -Wang').total).toBe(2);
    expect(store.search('Lavrov NOT Wang').rows.every((h) => h.doc === 'docA')).toBe(true);
    expect(store.search('sanct*').total).toBe(1);
    expect(store.search('Tillérson').total).toBe(1);
  });

  it('treats punctuation as text, never as FTS syntax', () => {
    for (const q of ['U.S.', 'zone:', '(Syria', 'Syria)', 'a AND', '^Lavrov', 'Lavrov+', 'NEAR(a b)', "O'Brien", '{x}'])
      expect(() => store.search(q)).not.toThrow();
    expect(store.search('(Syria').total).toBe(1);
  });

  it('gives a clear QueryError for bad syntax', () => {
    expect(() => store.search('"de-escalation zone')).toThrow(/unbalanced quotation mark/);
    expect(() => store.search('OR Syria')).toThrow(/"OR" needs a word before it/);
    expect(() => store.search('Syria OR')).toThrow(/needs a word after it/);
    expect(() => store.search('-Syria')).toThrow(/exclusions only/);
    expect(() => store.search('   ')).toThrow(/empty search query/);
    expect(() => store.search('?!')).toThrow(QueryError);
  });

  it('filters by document and date, pages', () => {
    expect(store.search('Lavrov', {}, { doc: 'docB' }).total).toBe(1);
    expect(store.search('Lavrov', {}, { from: '2017-09' }).rows.map((h) => h.doc)).toEqual(['docB']);
    const all = store.search('Lavrov');
    expect(all.total).toBe(3);
    expect(store.search('Lavrov', { limit: 1, offset: 1 }).rows).toEqual([all.rows[1]]);
  });
});

describe('counts, documents, aggregates', () => {
  it('counts per kind', () => {
    expect(store.counts()).toEqual({ document: 2, turn: 1, entity: 2, meeting: 3, agreement: 1, quote: 1, event: 5 });
  });

  it('lists documents with per-kind counts', () => {
    const r = store.listDocuments();
    expect(r.total).toBe(2);
    expect(r.rows[1]).toMatchObject({
      id: 'docB',
      sourceKeys: ['/corpus/b.txt'],
      title: 'Wang Yi in Moscow',
      published: '2017-09-01',
      source: 'TASS',
      counts: { turn: 0, entity: 0, meeting: 2, agreement: 0, quote: 0, event: 3 },
    });
    expect(store.listDocuments({ sort: 'date', order: 'desc' }).rows.map((d) => d.id)).toEqual(['docB', 'docA']);
    expect(store.listDocuments({}, { q: 'wang' }).rows.map((d) => d.id)).toEqual(['docB']);
  });

  it('events per month per dyad with mean Goldstein, leaving out negated/hypothetical and undated-month events', () => {
    const rows = store.eventsByMonth();
    expect(rows).toEqual([
      { month: '2017-08', a: 'RUS', b: 'USA', events: 2, goldsteinMean: 1.9, quad: [2, 0, 0, 0] },
      { month: '2017-09', a: 'CHN', b: 'RUS', events: 1, goldsteinMean: 1.9, quad: [1, 0, 0, 0] },
      { month: '2017-09', a: 'CHN', b: 'UN', events: 1, goldsteinMean: -2, quad: [0, 0, 1, 0] },
    ]);
    expect(store.eventsByMonth({ dyad: 'USA-RUS' }).map((r) => r.month)).toEqual(['2017-08']);
    const directed = store.eventsByMonth({ doc: 'docB' }, { directed: true });
    expect(directed.map((r) => `${r.a}>${r.b}`)).toEqual(['CHN>RUS', 'CHN>UN']);
  });

  it('meetings per country pair', () => {
    expect(store.meetingsByPair()).toEqual([
      { a: 'CHN', b: 'RUS', meetings: 2, first: '2017-09-01', last: '2017-10-01' },
      { a: 'RUS', b: 'USA', meetings: 1, first: '2017-08-06', last: '2017-08-06' },
    ]);
    expect(store.meetingsByPair({ status: 'held' })[0]!.meetings).toBe(1);
  });

  it('topic counts, per kind, filtered', () => {
    expect(store.topicCounts()).toEqual([
      { topic: 'syria', records: 4, byKind: { event: 2, meeting: 1, agreement: 1 } },
      { topic: 'sanctions', records: 2, byKind: { event: 1, meeting: 1 } },
      { topic: 'ceasefire', records: 1, byKind: { agreement: 1 } },
    ]);
    expect(store.topicCounts({ kind: 'event', filter: { doc: 'docB' } })).toEqual([
      { topic: 'sanctions', records: 1, byKind: { event: 1 } },
    ]);
    expect(store.topicCounts({ filter: { cameo: '04' } }).map((t) => t.topic)).toEqual(['syria']);
    expect(() => store.topicCounts({ kind: 'quote' })).toThrow(/no topics/);
  });

  it('top actors by name and by country', () => {
    const byName = store.topActors();
    expect(byName[0]).toEqual({ actor: 'Sergey Lavrov', country: 'RUS', org: null, records: 6 });
    const byCountry = store.topActors({ by: 'country' });
    expect(byCountry[0]).toMatchObject({ actor: 'RUS', records: 9 });
    expect(store.topActors({ kind: 'event', by: 'country', filter: { doc: 'docB' } }).map((r) => r.actor)).toEqual([
      'CHN',
      'RUS',
      'UN',
    ]);
    // a filter only events take narrows to events
    expect(store.topActors({ filter: { cameo: '11' }, by: 'country' }).map((r) => r.actor)).toEqual(['CHN', 'UN']);
    expect(store.topActors({ limit: 1 })).toHaveLength(1);
  });
});
