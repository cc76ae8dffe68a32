/**
 * The HTTP API: JSON over HTTP (Hono), a thin shell over the store's query layer (the same one the
 * CLI uses). Read-only unless created with `ingest: { token }`. Parameterised queries only (the store
 * does that), request and result size limits, JSON errors with status codes.
 */
import { Hono, type Context } from 'hono';
import type { RecordKind } from '../00-model/records.js';
import { RECORD_FILTER_KEYS, type Page, type RecordFilter, type Store } from '../05-store/store.js';
import { openapi } from './openapi.js';
import { worldMap } from './map.js';

export interface ApiOptions {
  store: Store;
  /** enables POST /api/ingest with this bearer token */
  ingest?: { token: string; handler: (docs: IngestDoc[]) => Promise<IngestResult[]> };
  /** maximum request body (bytes) */
  maxBody?: number;
  /** static UI files: path → [content-type, body] */
  ui?: (path: string) => { type: string; body: string | Uint8Array } | null;
}

export interface IngestDoc {
  id?: string;
  text: string;
  title?: string;
  published?: string;
  url?: string;
  source?: string;
}
export interface IngestResult {
  id: string | null;
  status: string;
  doc?: string;
  error?: string;
}

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 50;

const FILTER_KEYS = RECORD_FILTER_KEYS;
const PAGE_KEYS = ['limit', 'offset', 'sort', 'order'];

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415 | 500,
    message: string,
  ) {
    super(message);
  }
}

const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Reads filters and paging from the query string; unknown parameters are an error, not ignored. */
export function parseQuery(
  c: Context,
  allowed: string[] = [...FILTER_KEYS, ...PAGE_KEYS],
): { filter: RecordFilter; page: Page } {
  const params = c.req.queries();
  const filter: RecordFilter = {};
  const page: Page = { limit: DEFAULT_LIMIT, offset: 0 };
  for (const [k, vs] of Object.entries(params)) {
    if (!allowed.includes(k)) throw new HttpError(400, `unknown parameter "${k}" (allowed: ${allowed.join(', ')})`);
    const v = vs[vs.length - 1];
    if (k === 'limit' || k === 'offset') {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new HttpError(400, `${k} must be a non-negative integer`);
      if (k === 'limit' && n > MAX_LIMIT) throw new HttpError(400, `limit must be at most ${MAX_LIMIT}`);
      page[k] = n;
    } else if (k === 'order') {
      if (v !== 'asc' && v !== 'desc') throw new HttpError(400, 'order must be asc or desc');
      page.order = v;
    } else if (k === 'sort') page.sort = v;
    else {
      if ((k === 'from' || k === 'to') && !ISO.test(v))
        throw new HttpError(400, `${k} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
      if (k === 'dyad' && !/^[A-Za-z0-9]+-[A-Za-z0-9]+$/.test(v))
        throw new HttpError(400, 'dyad must look like RUS-USA');
      if (v.length > 200) throw new HttpError(400, `${k} is too long`);
      (filter as Record<string, string>)[k] = v;
    }
  }
  return { filter, page };
}

const KIND_PATHS: Record<string, RecordKind> = {
  turns: 'turn',
  entities: 'entity',
  events: 'event',
  meetings: 'meeting',
  agreements: 'agreement',
  quotes: 'quote',
};

export function createApi(opts: ApiOptions): Hono {
  const { store } = opts;
  const maxBody = opts.maxBody ?? 5_000_000;
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json({ error: { status: err.status, message: err.message } }, err.status);
    const name = (err as Error).name;
    if (name === 'QueryError') return c.json({ error: { status: 400, message: err.message } }, 400);
    console.error(`readout serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return c.json({ error: { status: 500, message: 'internal error' } }, 500);
  });
  app.notFound((c) =>
    c.req.path.startsWith('/api')
      ? c.json({ error: { status: 404, message: `no such endpoint: ${c.req.method} ${c.req.path} (see /api)` } }, 404)
      : c.text('Not found', 404),
  );
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
  });

  app.get('/api', (c) =>
    c.json({
      name: 'Readout API',
      openapi: '/api/openapi.json',
      endpoints: [
        '/api/stats',
        '/api/documents',
        '/api/documents/{id}',
        '/api/documents/{id}/records',
        '/api/search?q=',
        ...Object.keys(KIND_PATHS).map((k) => `/api/${k}`),
        '/api/aggregates/events-by-month',
        '/api/aggregates/meetings-by-pair',
        '/api/aggregates/top-actors',
        '/api/topics',
        '/api/map',
      ],
      ingest: opts.ingest ? 'POST /api/ingest (Authorization: Bearer <token>)' : 'disabled (read-only)',
    }),
  );
  app.get('/api/openapi.json', (c) => c.json(openapi(Boolean(opts.ingest))));
  app.get('/api/stats', (c) => c.json({ counts: store.counts() }));

  app.get('/api/documents', (c) => {
    const { filter, page } = parseQuery(c, ['q', 'from', 'to', ...PAGE_KEYS]);
    return c.json(store.listDocuments(page, filter));
  });
  app.get('/api/documents/:id', (c) => {
    const d = store.getDocument(c.req.param('id'));
    if (!d) throw new HttpError(404, `no document ${c.req.param('id')}`);
    return c.json({
      id: d.id,
      record: d.record,
      text: d.text,
      sentences: d.sentences,
      sourceKeys: d.sourceKeys,
      ingestedAt: d.ingestedAt,
    });
  });
  app.get('/api/documents/:id/records', (c) => {
    const id = c.req.param('id');
    if (!store.getDocument(id)) throw new HttpError(404, `no document ${id}`);
    const out: Record<string, unknown[]> = {};
    for (const [p, kind] of Object.entries(KIND_PATHS)) out[p] = store.query(kind, { doc: id }, { limit: 100000 }).rows;
    return c.json(out);
  });
  app.get('/api/search', (c) => {
    const { filter, page } = parseQuery(c, ['q', 'doc', 'from', 'to', 'limit', 'offset']);
    if (!filter.q) throw new HttpError(400, 'q is required: the words to search for');
    const { q, ...rest } = filter;
    return c.json(store.search(q, page, rest));
  });
  for (const [p, kind] of Object.entries(KIND_PATHS)) {
    app.get(`/api/${p}`, (c) => {
      const { filter, page } = parseQuery(c);
      return c.json(store.query(kind, filter, page));
    });
  }
  app.get('/api/aggregates/events-by-month', (c) => {
    const { filter } = parseQuery(c, [...FILTER_KEYS]);
    return c.json({ rows: store.eventsByMonth(filter) });
  });
  app.get('/api/aggregates/meetings-by-pair', (c) => {
    const { filter } = parseQuery(c, [...FILTER_KEYS]);
    return c.json({ rows: store.meetingsByPair(filter) });
  });
  app.get('/api/aggregates/top-actors', (c) => {
    const { filter, page } = parseQuery(c, [...FILTER_KEYS, 'limit', 'kind', 'by']);
    const kind = (c.req.query('kind') ?? 'event') as RecordKind;
    const by = (c.req.query('by') ?? 'name') as 'name' | 'country';
    delete (filter as Record<string, unknown>).kind;
    delete (filter as Record<string, unknown>).by;
    return c.json({ rows: store.topActors({ kind, by, limit: page.limit, filter }) });
  });
  app.get('/api/topics', (c) => {
    const { filter } = parseQuery(c, [...FILTER_KEYS]);
    const rows = store.topicCounts({ filter, limit: 1000 }).map((r) => ({
      topic: r.topic,
      events: r.byKind.event ?? 0,
      meetings: r.byKind.meeting ?? 0,
      agreements: r.byKind.agreement ?? 0,
    }));
    return c.json({ rows });
  });
  app.get('/api/map', (c) => {
    const { filter } = parseQuery(c, [...FILTER_KEYS]);
    return c.json(worldMap(store, filter));
  });

  app.post('/api/ingest', async (c) => {
    if (!opts.ingest) throw new HttpError(403, 'this server is read-only (start it with --allow-ingest and a token)');
    const auth = c.req.header('authorization') ?? '';
    if (auth !== `Bearer ${opts.ingest.token}`) throw new HttpError(401, 'missing or wrong bearer token');
    const len = Number(c.req.header('content-length') ?? 0);
    if (len > maxBody) throw new HttpError(413, `request body over ${maxBody} bytes`);
    const type = c.req.header('content-type') ?? '';
    const body = await c.req.text();
    if (body.length > maxBody) throw new HttpError(413, `request body over ${maxBody} bytes`);
    let docs: IngestDoc[];
    if (type.startsWith('application/json')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        throw new HttpError(400, 'body is not valid JSON');
      }
      const list = Array.isArray(parsed) ? parsed : ((parsed as { documents?: unknown }).documents ?? [parsed]);
      if (!Array.isArray(list))
        throw new HttpError(400, 'expected a document, an array of documents, or {documents: [...]}');
      docs = list as IngestDoc[];
    } else if (type.startsWith('text/plain')) {
      docs = [{ text: body }];
    } else
      throw new HttpError(415, 'send application/json ({text, title?, published?, url?, source?, id?}) or text/plain');
    for (const [i, d] of docs.entries()) {
      if (!d || typeof d.text !== 'string' || !d.text.trim())
        throw new HttpError(400, `document ${i}: "text" must be a non-empty string`);
    }
    return c.json({ results: await opts.ingest.handler(docs) });
  });

  app.get('/*', (c) => {
    if (c.req.path.startsWith('/api'))
      throw new HttpError(404, `no such endpoint: ${c.req.method} ${c.req.path} (see /api)`);
    const p = c.req.path === '/' ? '/index.html' : c.req.path;
    const f = opts.ui?.(p);
    if (!f) return c.text('Not found', 404);
    c.header('Content-Type', f.type);
    return c.body(f.body as string);
  });
  return app;
}
