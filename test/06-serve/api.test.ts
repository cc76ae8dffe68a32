import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/05-store/sqlite.js';
import type { Store } from '../../src/05-store/store.js';
import { createApi } from '../../src/06-serve/api.js';
import { uiFiles } from '../../src/06-serve/server.js';
import { docA, docB } from '../fixtures/records.js';

let dir: string;
let store: Store;
let app: ReturnType<typeof createApi>;
const ingested: unknown[][] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-api-'));
  store = openStore(path.join(dir, 'api.db'));
  store.putDocument(docA());
  store.putDocument(docB());
  app = createApi({
    store,
    ui: uiFiles(),
    maxBody: 10_000,
    ingest: {
      token: 'sekret',
      handler: async (docs) => {
        ingested.push(docs);
        return docs.map((d) => ({ id: d.id ?? null, status: 'inserted', doc: 'x' }));
      },
    },
  });
});
afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = async (url: string) => {
  const res = await app.request(url);
  return { status: res.status, body: (await res.json()) as any };
};

describe('API: documents and search', () => {
  it('lists endpoints at /api and serves an OpenAPI description covering them', async () => {
    const idx = await get('/api');
    expect(idx.status).toBe(200);
    const spec = await get('/api/openapi.json');
    expect(spec.body.openapi).toBe('3.1.0');
    for (const p of idx.body.endpoints) expect(spec.body.paths).toHaveProperty(p.replace('?q=', ''));
  });

  it('lists documents with per-kind counts, newest first', async () => {
    const r = await get('/api/documents?sort=published&order=desc');
    expect(r.body.total).toBe(2);
    expect(r.body.rows.map((d: any) => d.id)).toEqual(['doc-a', 'doc-b']);
    expect(r.body.rows[0].counts.meeting).toBe(1);
  });

  it('returns one document with text and sentence spans, and its records by kind', async () => {
    const d = await get('/api/documents/doc-a');
    expect(d.body.text).toContain('Lavrov met Tillerson');
    expect(d.body.sentences).toHaveLength(5);
    const r = await get('/api/documents/doc-a/records');
    expect(r.body.meetings).toHaveLength(1);
    expect(r.body.events).toHaveLength(2);
    expect(r.body.quotes[0].text).toContain('We agreed');
  });

  it('404s an unknown document with a JSON error', async () => {
    const r = await get('/api/documents/nope');
    expect(r.status).toBe(404);
    expect(r.body.error.message).toMatch(/no document nope/);
  });

  it('searches sentences by phrase and requires q', async () => {
    const r = await get('/api/search?q=' + encodeURIComponent('working group'));
    expect(r.body.total).toBe(1);
    expect(r.body.rows[0].doc).toBe('doc-a');
    expect((await get('/api/search')).status).toBe(400);
  });
});

describe('API: record filters', () => {
  const total = async (url: string) => (await get(url)).body.total;
  it('filters events by actor, country, dyad, CAMEO code and root, PLOVER type, topic, dates, place, doc', async () => {
    expect(await total('/api/events')).toBe(4);
    expect(await total('/api/events?actor=Tillerson')).toBe(1);
    expect(await total('/api/events?country=RUS')).toBe(4);
    expect(await total('/api/events?dyad=USA-RUS')).toBe(2);
    expect(await total('/api/events?cameo=043')).toBe(1);
    expect(await total('/api/events?root=04')).toBe(2);
    expect(await total('/api/events?plover=REJECT')).toBe(1);
    expect(await total('/api/events?topic=sanctions')).toBe(1);
    expect(await total('/api/events?from=2017-01-01')).toBe(2);
    expect(await total('/api/events?to=2016-12')).toBe(2);
    expect(await total('/api/events?place=Moscow')).toBe(1);
    expect(await total('/api/events?doc=doc-b')).toBe(2);
  });

  it('filters meetings and agreements by status and country, quotes by speaker, turns and entities by doc', async () => {
    expect(await total('/api/meetings?status=held')).toBe(2);
    expect(await total('/api/meetings?status=planned')).toBe(0);
    expect(await total('/api/meetings?country=CHN')).toBe(1);
    expect(await total('/api/agreements?status=reached')).toBe(1);
    expect(await total('/api/quotes?actor=Tillerson')).toBe(1);
    expect(await total('/api/turns?doc=doc-a')).toBe(1);
    expect(await total('/api/entities?doc=doc-a')).toBe(3);
  });

  it('pages and sorts', async () => {
    const p1 = await get('/api/events?limit=1&offset=0&sort=goldstein&order=asc');
    const p2 = await get('/api/events?limit=1&offset=1&sort=goldstein&order=asc');
    expect(p1.body.total).toBe(4);
    expect(p1.body.rows).toHaveLength(1);
    expect(p1.body.rows[0].goldstein).toBe(-4);
    expect(p2.body.rows[0].goldstein).toBe(1);
  });

  it('rejects unknown parameters, oversized limits and malformed dates with 400', async () => {
    for (const url of [
      '/api/events?colour=red',
      '/api/events?limit=5000',
      '/api/events?limit=-1',
      '/api/events?from=July',
      '/api/events?dyad=RUS',
      '/api/events?order=up',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBe(400);
      expect(r.body.error.message.length, url).toBeGreaterThan(5);
    }
  });

  it('treats filter values as data, never as SQL', async () => {
    const r = await get('/api/events?actor=' + encodeURIComponent("x' OR 1=1 --"));
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(0);
  });
});

describe('API: aggregates, topics, map', () => {
  it('counts events per month per dyad with mean Goldstein', async () => {
    const r = await get('/api/aggregates/events-by-month?dyad=RUS-USA');
    const july = r.body.rows.filter((x: any) => x.month === '2017-07');
    expect(july.reduce((n: number, x: any) => n + x.events, 0)).toBe(2);
    expect(july[0].goldsteinMean).toBeCloseTo(4.5);
  });
  it('counts meetings per country pair and ranks actors', async () => {
    const pairs = (await get('/api/aggregates/meetings-by-pair')).body.rows;
    expect(pairs).toHaveLength(2);
    const top = (await get('/api/aggregates/top-actors?by=country')).body.rows;
    expect(top[0].country ?? top[0].actor).toBe('RUS');
  });
  it('counts topics across events, meetings and agreements', async () => {
    const rows = (await get('/api/topics')).body.rows;
    const syria = rows.find((r: any) => r.topic.toLowerCase() === 'syria');
    expect(syria).toMatchObject({ events: 2, meetings: 1, agreements: 1 });
  });
  it('returns projected world shapes and the places of meetings and events', async () => {
    const m = (await get('/api/map')).body;
    expect(m.shapes.length).toBeGreaterThan(150);
    expect(m.shapes.find((s: any) => s.id === 'RUS').d).toMatch(/^M/);
    const hamburg = m.points.find((p: any) => p.name === 'Hamburg');
    expect(hamburg).toMatchObject({ meetings: 1, events: 1 });
    expect(hamburg.x).toBeGreaterThan(0);
    expect(hamburg.x).toBeLessThan(m.width);
    const china = (await get('/api/map?country=CHN')).body.points;
    expect(china.map((p: any) => p.name)).toEqual(['Moscow']);
    expect(china[0]).toMatchObject({ meetings: 1, events: 1, goldsteinMean: 2.8 });
  });
});

describe('API: ingest is guarded', () => {
  const post = (body: string, headers: Record<string, string>) =>
    app.request('/api/ingest', { method: 'POST', body, headers });
  it('is read-only without the ingest option', async () => {
    const ro = createApi({ store });
    const r = await ro.request('/api/ingest', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(403);
  });
  it('requires the bearer token', async () => {
    expect((await post('{"text":"x"}', { 'content-type': 'application/json' })).status).toBe(401);
    expect(
      (await post('{"text":"x"}', { 'content-type': 'application/json', authorization: 'Bearer wrong' })).status,
    ).toBe(401);
  });
  it('limits the body size and the content type, and validates documents', async () => {
    const auth = { authorization: 'Bearer sekret' };
    expect(
      (await post(JSON.stringify({ text: 'x'.repeat(20_000) }), { ...auth, 'content-type': 'application/json' }))
        .status,
    ).toBe(413);
    expect((await post('<doc/>', { ...auth, 'content-type': 'application/xml' })).status).toBe(415);
    expect((await post('{not json', { ...auth, 'content-type': 'application/json' })).status).toBe(400);
    expect((await post('[{"title":"no text"}]', { ...auth, 'content-type': 'application/json' })).status).toBe(400);
  });
  it('hands valid documents to the ingest handler', async () => {
    const r = await post(JSON.stringify({ documents: [{ id: 'n1', text: 'Putin met Xi.' }] }), {
      authorization: 'Bearer sekret',
      'content-type': 'application/json',
    });
    expect(r.status).toBe(200);
    expect(((await r.json()) as any).results[0]).toMatchObject({ id: 'n1', status: 'inserted' });
    expect(ingested.at(-1)).toEqual([{ id: 'n1', text: 'Putin met Xi.' }]);
  });
});

describe('UI files', () => {
  it('serves the single-page UI with no external resources', async () => {
    const r = await app.request('/');
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('<main id="view"');
    expect(html).not.toMatch(/https?:\/\//);
    const js = await (await app.request('/app.js')).text();
    expect(js).not.toMatch(/\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/);
    expect(js).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
  it('answers unknown API paths with JSON 404', async () => {
    expect((await get('/api/nothing')).status).toBe(404);
  });
});
