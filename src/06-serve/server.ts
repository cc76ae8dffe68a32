/** `readout serve`: the HTTP API and the web UI (files in web/, served from memory) on one port. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { Store } from '../05-store/store.js';
import { createApi, type IngestDoc, type IngestResult } from './api.js';
import type { Readout } from '../app.js';
import type { SourceText } from '../01-ingest/types.js';
import { createHash } from 'node:crypto';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export function uiFiles(dir = WEB_DIR) {
  const files = new Map<string, { type: string; body: string }>();
  for (const f of fs.readdirSync(dir)) {
    const ext = path.extname(f);
    if (TYPES[ext]) files.set('/' + f, { type: TYPES[ext], body: fs.readFileSync(path.join(dir, f), 'utf8') });
  }
  return (p: string) => files.get(p) ?? null;
}

/** Ingest handler for POST /api/ingest: documents as JSON objects, processed and stored. */
export function ingestHandler(app: Readout, store: Store) {
  return async (docs: IngestDoc[]): Promise<IngestResult[]> =>
    docs.map((d, i) => {
      const id = d.id ?? null;
      const name = id ? `api:${id}` : `api:#${i}`;
      const source: SourceText = {
        name,
        sourceKey: id ? `api-id:${id}` : `api:${createHash('sha256').update(d.text).digest('hex').slice(0, 16)}`,
        file: null,
        url: d.url ?? null,
        inputId: id,
        kind: 'text',
        raw: d.text,
        given: { title: d.title ?? null, published: d.published ?? null, source: d.source ?? null, url: d.url ?? null },
      };
      try {
        const p = app.process(source);
        const r = app.store(store, p);
        return { id, status: r.status, doc: r.doc };
      } catch (e) {
        return { id, status: 'failed', error: (e as Error).message };
      }
    });
}

export interface ServeOptions {
  store: Store;
  host: string;
  port: number;
  app?: Readout;
  token?: string;
}

export function startServer(o: ServeOptions): Promise<{ server: ServerType; url: string }> {
  const api = createApi({
    store: o.store,
    ui: uiFiles(),
    ingest: o.token && o.app ? { token: o.token, handler: ingestHandler(o.app, o.store) } : undefined,
  });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: api.fetch, hostname: o.host, port: o.port }, (info) => {
      resolve({ server, url: `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${info.port}/` });
    });
    server.on('error', reject);
  });
}
