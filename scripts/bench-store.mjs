#!/usr/bin/env node
/**
 * Store benchmark: builds a synthetic store of N events (default 100,000) and reports the p95
 * latency of the main queries the HTTP API runs. Run after `npm run build`:
 *   node scripts/bench-store.mjs [--events 100000] [--db /tmp/readout-bench.db] [--keep] [--runs 40]
 * An existing --db with the wanted size is reused (--keep keeps it for the next run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore } from '../dist/05-store/sqlite.js';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const N_EVENTS = Number(opt('events', '100000'));
const RUNS = Number(opt('runs', '40'));
const KEEP = args.includes('--keep');
const DB = opt('db', path.join(os.tmpdir(), `readout-bench-${N_EVENTS}.db`));
const EVENTS_PER_DOC = 20;

// deterministic pseudo-random numbers
let seed = 42;
const rnd = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];

const COUNTRIES = [
  'RUS',
  'USA',
  'CHN',
  'TUR',
  'IRN',
  'SYR',
  'UKR',
  'DEU',
  'FRA',
  'GBR',
  'JPN',
  'IND',
  'PHL',
  'JOR',
  'ISR',
  'EGY',
  'SAU',
  'KOR',
  'PRK',
  'BRA',
  'ZAF',
  'IDN',
  'VNM',
  'KAZ',
  'BLR',
  'POL',
  'ITA',
  'ESP',
  'CAN',
  'MEX',
];
const ORGS = ['UN', 'EU', 'NATO', 'ASEAN', 'OSCE', 'BRICS', 'SCO', 'G20'];
const FIRST = [
  'Sergey',
  'Rex',
  'Wang',
  'Mevlut',
  'Javad',
  'Walid',
  'Pavlo',
  'Sigmar',
  'Jean-Yves',
  'Boris',
  'Taro',
  'Sushma',
];
const LAST = [
  'Lavrov',
  'Tillerson',
  'Yi',
  'Cavusoglu',
  'Zarif',
  'Muallem',
  'Klimkin',
  'Gabriel',
  'Le Drian',
  'Johnson',
  'Kono',
  'Swaraj',
];
const PEOPLE = Array.from({ length: FIRST.length * LAST.length }, (_, i) => ({
  name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length)]}`,
  country: COUNTRIES[i % COUNTRIES.length],
}));
const CAMEO = [
  ['010', '01', 0, 1],
  ['020', '02', 3, 1],
  ['036', '03', 4, 1],
  ['040', '04', 1, 1],
  ['042', '04', 1.9, 1],
  ['043', '04', 2.8, 1],
  ['0431', '04', 2.8, 1],
  ['046', '04', 7, 1],
  ['051', '05', 3.4, 2],
  ['057', '05', 8, 2],
  ['061', '06', 6.4, 2],
  ['111', '11', -2, 3],
  ['112', '11', -2, 3],
  ['130', '13', -4.4, 3],
  ['163', '16', -8, 4],
  ['190', '19', -10, 4],
];
const PLOVER = {
  '01': 'AGREE',
  '02': 'REQUEST',
  '03': 'SUPPORT',
  '04': 'CONSULT',
  '05': 'COOPERATE',
  '06': 'AID',
  11: 'ACCUSE',
  13: 'THREATEN',
  16: 'REDUCE',
  19: 'FIGHT',
};
const TOPICS = [
  'syria',
  'ukraine',
  'sanctions',
  'nuclear',
  'trade',
  'terrorism',
  'korea',
  'energy',
  'climate',
  'migration',
];
const PLACES = [
  ['Moscow', 'RUS', 55.75, 37.62],
  ['Manila', 'PHL', 14.6, 120.98],
  ['Geneva', 'CHE', 46.2, 6.15],
  ['Astana', 'KAZ', 51.17, 71.43],
  ['New York', 'USA', 40.71, -74.0],
  ['Beijing', 'CHN', 39.9, 116.4],
];
// domain words (each in about 1 sentence of 5) among 3,000 filler words drawn with a Zipf-like skew
const SYL = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'sa',
  'to',
  'vi',
  'de',
  'po',
  'an',
  'el',
  'or',
  'un',
  'is',
  'ta',
  'ge',
  'bo',
];
const FILLER = Array.from(
  { length: 3000 },
  (_, i) => SYL[i % 18] + SYL[Math.floor(i / 18) % 18] + (i >= 324 ? SYL[Math.floor(i / 324) % 18] : ''),
);
const word = () => (rnd() < 0.25 ? pick(WORDS) : FILLER[Math.floor(FILLER.length * rnd() ** 3)]);
const WORDS = [
  'ministers',
  'discussed',
  'cooperation',
  'settlement',
  'bilateral',
  'relations',
  'security',
  'agenda',
  'talks',
  'regional',
  'situation',
  'sides',
  'agreed',
  'continue',
  'dialogue',
  'consultations',
  'ceasefire',
  'humanitarian',
  'aid',
  'border',
];

function actor() {
  const r = rnd();
  if (r < 0.4) {
    const p = pick(PEOPLE);
    return {
      name: p.name,
      role: 'Foreign Minister',
      country: p.country,
      org: null,
      sector: 'GOV',
      code: p.country + 'GOV',
    };
  }
  if (r < 0.9) {
    const c = pick(COUNTRIES);
    return { name: null, role: null, country: c, org: null, sector: null, code: c };
  }
  const o = pick(ORGS);
  return { name: null, role: null, country: null, org: o, sector: null, code: 'IGO' + o };
}
function date() {
  const y = 2010 + Math.floor(rnd() * 15),
    m = 1 + Math.floor(rnd() * 12),
    d = 1 + Math.floor(rnd() * 28);
  const r = rnd();
  const mm = String(m).padStart(2, '0'),
    dd = String(d).padStart(2, '0');
  return r < 0.8 ? `${y}-${mm}-${dd}` : r < 0.95 ? `${y}-${mm}` : `${y}`;
}
function place() {
  const p = pick(PLACES);
  return rnd() < 0.5 ? { name: p[0], country: p[1], lat: p[2], lon: p[3] } : null;
}

function makeDoc(i) {
  const id = `bench${String(i).padStart(6, '0')}`;
  const sentences = [];
  let text = '';
  const records = [];
  const published = date();
  for (let s = 0; s < EVENTS_PER_DOC + 5; s++) {
    let sent = Array.from({ length: 12 + Math.floor(rnd() * 12) }, word).join(' ');
    if (rnd() < 0.02) sent += ' in the de-escalation zone';
    sent = sent[0].toUpperCase() + sent.slice(1) + '.';
    const start = text.length;
    text += sent + ' ';
    sentences.push({ start, end: start + sent.length });
  }
  records.push({
    kind: 'document',
    doc: id,
    file: `${id}.txt`,
    url: `https://example.org/${id}`,
    title: `Synthetic report ${i}`,
    published,
    place: place(),
    source: 'Bench',
    speakers: [],
    language: 'en',
    chars: text.length,
  });
  for (let e = 0; e < EVENTS_PER_DOC; e++) {
    const s = sentences[e];
    const [cameo, root, goldstein, quad] = pick(CAMEO);
    records.push({
      kind: 'event',
      doc: id,
      cameo,
      root,
      quad_class: quad,
      goldstein,
      plover: PLOVER[root] ?? null,
      source: actor(),
      target: actor(),
      date: rnd() < 0.9 ? date() : null,
      place: place(),
      negated: rnd() < 0.03,
      hypothetical: rnd() < 0.05,
      topics: rnd() < 0.6 ? [pick(TOPICS)] : [],
      evidence: { start: s.start, end: s.end, text: text.slice(s.start, s.end) },
      rule: 'bench',
    });
  }
  for (let m = 0; m < 2; m++) {
    const s = sentences[EVENTS_PER_DOC + m];
    records.push({
      kind: 'meeting',
      doc: id,
      status: rnd() < 0.8 ? 'held' : 'planned',
      date: date(),
      date_end: null,
      place: place(),
      parties: [actor(), actor()],
      format: 'bilateral',
      topics: [pick(TOPICS)],
      evidence: { start: s.start, end: s.end, text: text.slice(s.start, s.end) },
      rule: 'bench',
    });
  }
  const q = sentences[EVENTS_PER_DOC + 2];
  records.push({
    kind: 'quote',
    doc: id,
    speaker: actor(),
    text: text.slice(q.start, q.end),
    start: q.start,
    end: q.end,
    direct: true,
    rule: 'bench',
  });
  const a = sentences[EVENTS_PER_DOC + 3];
  records.push({
    kind: 'agreement',
    doc: id,
    status: 'reached',
    date: date(),
    effective: null,
    deadline: null,
    parties: [actor(), actor()],
    topics: [pick(TOPICS)],
    evidence: { start: a.start, end: a.end, text: text.slice(a.start, a.end) },
    rule: 'bench',
  });
  return { sourceKey: `/bench/${id}.txt`, text, records, sentences };
}

function p95(fn) {
  fn(0); // warm the statement cache
  const times = [];
  for (let i = 1; i <= RUNS; i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    p50: times[Math.floor(times.length * 0.5)],
    p95: times[Math.ceil(times.length * 0.95) - 1],
    max: times[times.length - 1],
  };
}

// ------------------------------------------------------------------ build
let store = fs.existsSync(DB) ? openStore(DB) : null;
if (!store || store.counts().event < N_EVENTS) {
  store?.close();
  for (const f of [DB, DB + '-wal', DB + '-shm']) fs.rmSync(f, { force: true });
  store = openStore(DB);
  const nDocs = Math.ceil(N_EVENTS / EVENTS_PER_DOC);
  const t0 = performance.now();
  for (let i = 0; i < nDocs; i++) store.putDocument(makeDoc(i));
  const s = (performance.now() - t0) / 1000;
  console.log(
    `built ${DB}: ${nDocs} documents, ${nDocs * EVENTS_PER_DOC} events in ${s.toFixed(1)} s (${(nDocs / s).toFixed(0)} docs/s); ${(fs.statSync(DB).size / 1e6).toFixed(0)} MB`,
  );
}
console.log('counts', JSON.stringify(store.counts()));

// ------------------------------------------------------------------ queries
const person = (i) => PEOPLE[(i * 13) % PEOPLE.length].name;
const country = (i) => COUNTRIES[i % COUNTRIES.length];
const dyad = (i) => `${COUNTRIES[i % COUNTRIES.length]}-${COUNTRIES[(i * 7 + 3) % COUNTRIES.length]}`;
const year = (i) => String(2010 + (i % 15));
const Q = {
  'events, first page': (i) => store.query('event', {}, { limit: 50, offset: (i % 5) * 50 }),
  'events, deep page (offset 50,000)': () => store.query('event', {}, { limit: 50, offset: 50000 }),
  'events sorted by date desc': () => store.query('event', {}, { sort: 'date', order: 'desc', limit: 50 }),
  'events sorted by goldstein': () => store.query('event', {}, { sort: 'goldstein', limit: 50 }),
  'events by dyad': (i) => store.query('event', { dyad: dyad(i) }),
  'events by dyad, sorted by date': (i) => store.query('event', { dyad: dyad(i) }, { sort: 'date' }),
  'events by actor name': (i) => store.query('event', { actor: person(i) }),
  'events by org': (i) => store.query('event', { actor: ORGS[i % ORGS.length] }),
  'events by actor last name': (i) => store.query('event', { actor: LAST[i % LAST.length] }),
  'events by country': (i) => store.query('event', { country: country(i) }),
  'events by country, sorted by date desc': (i) =>
    store.query('event', { country: country(i) }, { sort: 'date', order: 'desc' }),
  'events by cameo prefix': (i) => store.query('event', { cameo: pick(CAMEO)[0].slice(0, 3) }),
  'events by root + year': (i) => store.query('event', { root: pick(CAMEO)[1], from: year(i), to: year(i) }),
  'events by plover': () => store.query('event', { plover: PLOVER[pick(CAMEO)[1]] }),
  'events by topic': (i) => store.query('event', { topic: TOPICS[i % TOPICS.length] }),
  'events by date range (1 month)': (i) => store.query('event', { from: `${year(i)}-03`, to: `${year(i)}-03` }),
  'events by place': (i) => store.query('event', { place: pick(PLACES)[0] }),
  'events by doc': (i) => store.query('event', { doc: `bench${String(i * 37).padStart(6, '0')}` }),
  'events: country + topic + year, by date': (i) =>
    store.query('event', { country: country(i), topic: TOPICS[i % 10], from: year(i), to: year(i) }, { sort: 'date' }),
  'events: q words (through the sentence index)': () => store.query('event', { q: 'de-escalation' }),
  'events: q common word + actor': () => store.query('event', { q: 'ceasefire', actor: 'RUS' }),
  'meetings by country': (i) => store.query('meeting', { country: country(i) }),
  'meetings by dyad + status': (i) => store.query('meeting', { dyad: dyad(i), status: 'held' }),
  'quotes by speaker': (i) => store.query('quote', { actor: person(i) }),
  'agreements by topic': (i) => store.query('agreement', { topic: TOPICS[i % 10] }),
  'search "de-escalation zone"': () => store.search('de-escalation zone'),
  'search common word (1 sentence in 5)': () => store.search('ceasefire'),
  'search very common filler word': () => store.search(FILLER[0]),
  'search, one year': (i) => store.search('ceasefire', {}, { from: year(i), to: year(i) }),
  'search phrase OR word': () => store.search('"humanitarian aid" OR border', { limit: 20 }),
  'aggregate: events per month for a dyad': (i) => store.eventsByMonth({ dyad: dyad(i) }),
  'aggregate: events per month for a country': (i) => store.eventsByMonth({ country: country(i) }),
  'aggregate: events per month, all dyads, one year': (i) => store.eventsByMonth({ from: year(i), to: year(i) }),
  'aggregate: meetings per pair': () => store.meetingsByPair(),
  'aggregate: top actors (events, by country)': () => store.topActors({ kind: 'event', by: 'country' }),
  'aggregate: top actors (all kinds, by name)': () => store.topActors({ by: 'name' }),
  'aggregate: top actors for a year': (i) => store.topActors({ by: 'name', filter: { from: year(i), to: year(i) } }),
  'aggregate: topic counts': () => store.topicCounts(),
  'aggregate: topic counts for a country': (i) => store.topicCounts({ filter: { country: country(i) } }),
  counts: () => store.counts(),
  'document list': (i) => store.listDocuments({ limit: 50, offset: i * 50 }),
  'document by id': (i) => store.getDocument(`bench${String(i * 37).padStart(6, '0')}`),
};
const rows = [];
for (const [name, fn] of Object.entries(Q)) {
  const r = p95(fn);
  rows.push({
    query: name,
    'p50 ms': r.p50.toFixed(1),
    'p95 ms': r.p95.toFixed(1),
    'max ms': r.max.toFixed(1),
    'under 100 ms': r.p95 < 100 ? 'yes' : 'NO',
  });
}
console.table(rows);
store.close();
if (!KEEP && !args.includes('--db')) for (const f of [DB, DB + '-wal', DB + '-shm']) fs.rmSync(f, { force: true });
const slow = rows.filter((r) => r['under 100 ms'] === 'NO');
console.log(slow.length ? `${slow.length} queries over 100 ms p95` : `all ${rows.length} queries under 100 ms p95`);
