import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../../src/01-ingest/index.js';
import type { InputResult, ReadOptions } from '../../src/01-ingest/types.js';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ingest');

async function all(inputs: string[], opts?: ReadOptions): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const r of readInputs(inputs, opts)) out.push(r);
  return out;
}

function errors(rs: InputResult[]): { input: string; message: string }[] {
  return rs.flatMap((r) => (r.ok ? [] : [r.error]));
}

function oks(rs: InputResult[]) {
  return rs.flatMap((r) => (r.ok ? [r.source] : []));
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'readout-ingest-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, data: string | Uint8Array): string {
  const p = path.join(tmp, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, data);
  return p;
}

describe('file inputs', () => {
  it('reads .txt, .md and .html with the right kind and keys', async () => {
    const md = write(
      'note.md',
      '---\ntitle: A note\ndate: 2020-05-01\n---\n# Heading\n\nSome **bold** text and a [link](https://x.org).\n',
    );
    const rs = await all([path.join(FIX, 'news-dateline.txt'), md, path.join(FIX, 'page.html')]);
    expect(errors(rs)).toEqual([]);
    const [txt, mdSrc, html] = oks(rs);
    expect(txt!.kind).toBe('text');
    expect(txt!.file).toBe(path.join(FIX, 'news-dateline.txt'));
    expect(txt!.sourceKey).toBe(path.resolve(FIX, 'news-dateline.txt'));
    expect(txt!.raw).toContain('HELSINKI, February 9. /TASS/.');
    expect(mdSrc!.kind).toBe('markdown');
    expect(html!.kind).toBe('html');
  });

  it('strips a UTF-8 byte-order mark and decodes UTF-16 with a BOM', async () => {
    const bom = write(
      'bom.txt',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Talks in Geneva ended.\n')]),
    );
    const u16 = write(
      'u16.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Talks in Oslo ended.\n', 'utf16le')]),
    );
    const [a, b] = oks(await all([bom, u16]));
    expect(a!.raw).toBe('Talks in Geneva ended.\n');
    expect(b!.raw).toBe('Talks in Oslo ended.\n');
  });

  it('reports Windows-1251 text as not valid UTF-8, with the offending byte, and goes on', async () => {
    // "Лавров" in Windows-1251
    const cp1251 = write('cp1251.txt', Buffer.from([0x4d, 0x72, 0x20, 0xcb, 0xe0, 0xe2, 0xf0, 0xee, 0xe2, 0x0a]));
    const ok = write('fine.txt', 'A valid text.\n');
    const rs = await all([cp1251, ok]);
    const errs = errors(rs);
    expect(errs).toHaveLength(1);
    expect(errs[0]!.input).toBe(cp1251);
    expect(errs[0]!.message).toMatch(/^not valid UTF-8 text \(byte 0xCB at offset 3\)/);
    expect(oks(rs).map((s) => s.raw)).toEqual(['A valid text.\n']);
  });

  it('reports a binary file (NUL bytes)', async () => {
    const bin = write(
      'image.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    );
    const errs = errors(await all([bin]));
    expect(errs).toHaveLength(1);
    expect(errs[0]!.message).toMatch(/^binary file/);
  });

  it('names known binary formats', async () => {
    const pdf = write(
      'report.txt',
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a])]),
    );
    const docx = write('notes.md', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    const errs = errors(await all([pdf, docx]));
    expect(errs.map((e) => e.message)).toEqual([
      'binary file (PDF document), not text',
      'binary file (ZIP archive or Office document), not text',
    ]);
  });

  it('reports a missing path, an empty file and a whitespace-only file, each once', async () => {
    const empty = write('empty.txt', '');
    const blank = write('blank.txt', ' \n\t\n');
    const missing = path.join(tmp, 'no-such-file.txt');
    const rs = await all([missing, empty, blank, path.join(FIX, 'stamp-spaced.txt')]);
    expect(errors(rs)).toEqual([
      { input: missing, message: 'no such file or directory' },
      { input: empty, message: 'empty file' },
      { input: blank, message: 'empty file (only whitespace)' },
    ]);
    expect(oks(rs)).toHaveLength(1);
  });

  it('reports a file over the size cap without reading it', async () => {
    const big = write('big.txt', 'x'.repeat(5000));
    const errs = errors(await all([big], { maxBytes: 1000 }));
    expect(errs).toHaveLength(1);
    expect(errs[0]!.message).toBe('file is too large (5 KB; the limit is 1 KB)');
  });

  it('reads a file with an unknown extension named explicitly, sniffing HTML', async () => {
    const p = write(
      'page.asp',
      '<!doctype html><html><head><title>T</title></head><body><p>Body text.</p></body></html>',
    );
    const [s] = oks(await all([p]));
    expect(s!.kind).toBe('html');
  });
});

describe('JSON Lines', () => {
  it('yields one document per line and one error per bad line, naming file:line', async () => {
    const file = path.join(FIX, 'docs.jsonl');
    const rs = await all([file]);
    const errs = errors(rs);
    expect(errs.map((e) => e.input)).toEqual([`${file}:2`, `${file}:3`]);
    expect(errs[0]!.message).toMatch(/^invalid JSON/);
    expect(errs[1]!.message).toBe('missing "text" field');
    const docs = oks(rs);
    expect(docs.map((d) => d.name)).toEqual([`${file}:1`, `${file}:5`]);
    expect(docs[0]!.inputId).toBe('a1');
    expect(docs[0]!.sourceKey).toBe('jsonl-id:a1');
    expect(docs[0]!.given).toMatchObject({
      title: 'Ministers meet in Vienna',
      published: '2020-01-15',
      source: 'Example Agency',
    });
    expect(docs[0]!.url).toBe('https://example.org/a1');
    expect(docs[1]!.inputId).toBe('4');
  });

  it('streams large files: the size cap applies per line, CRLF and bad bytes are handled per line', async () => {
    const row = (id: string) => JSON.stringify({ id, text: `Ministers met in Vienna and agreed on item ${id}.` });
    const lines = [row('r1'), row('r2'), JSON.stringify({ id: 'big', text: 'z'.repeat(3000) }), row('r4')];
    const p = write(
      'big.jsonl',
      Buffer.concat([
        Buffer.from(lines.slice(0, 2).join('\r\n') + '\r\n'),
        Buffer.from(lines[2] + '\n'),
        Buffer.from('{"id":"bad","text":"'),
        Buffer.from([0xcb, 0xe0]),
        Buffer.from('"}\n' + lines[3] + '\n'),
      ]),
    );
    const rs = await all([p], { maxBytes: 1000 });
    expect(oks(rs).map((s) => s.inputId)).toEqual(['r1', 'r2', 'r4']);
    expect(errors(rs)).toEqual([
      { input: `${p}:3`, message: 'line is too large (over the 1 KB limit)' },
      { input: `${p}:4`, message: expect.stringMatching(/^not valid UTF-8 text/) },
    ]);
    expect(oks(rs)[2]!.name).toBe(`${p}:5`);
  });

  it('a binary .jsonl file is one error for the file', async () => {
    const p = write('bin.jsonl', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x0a, 0x41, 0x0a]));
    const errs = errors(await all([p]));
    expect(errs).toEqual([{ input: p, message: 'binary file (gzip archive), not text' }]);
  });

  it('an empty JSON Lines file is one error', async () => {
    const p = write('empty.jsonl', '\n\n');
    expect(errors(await all([p]))[0]!.message).toMatch(/empty/);
  });
});

describe('directories', () => {
  it('walks recursively in a stable code-point order, skipping other extensions, hidden files and READMEs', async () => {
    const root = path.join(tmp, 'tree');
    // written in scrambled order on purpose
    write('tree/b/z.txt', 'z text');
    write('tree/a.md', 'a text');
    write('tree/B.html', '<p>B text</p>');
    write('tree/b/a.htm', '<p>a text</p>');
    write('tree/image.png', 'not read');
    write('tree/.hidden.txt', 'not read');
    write('tree/README.md', 'about this folder');
    write('tree/c/data.ndjson', '{"id":"n1","text":"one"}\n{"id":"n2","text":"two"}\n');
    const names = (r: InputResult[]) => oks(r).map((s) => path.relative(root, s.name));
    const first = names(await all([root]));
    expect(first).toEqual(['B.html', 'a.md', 'b/a.htm', 'b/z.txt', 'c/data.ndjson:1', 'c/data.ndjson:2']);
    expect(names(await all([root]))).toEqual(first);
  });

  it('reads many files ahead yet yields them, their errors and JSON Lines rows in order', async () => {
    const root = path.join(tmp, 'many');
    const expected: string[] = [];
    for (let i = 0; i < 60; i++) {
      const n = String(i).padStart(2, '0');
      if (i === 7 || i === 41) {
        write(`many/${n}.txt`, '   \n'); // blank: an error in its place
        expected.push(`${n}.txt!`);
      } else if (i === 30) {
        write(`many/${n}.txt`, 'A long text. '.repeat(100_000)); // over 1 MB: read at its turn
        expected.push(`${n}.txt`);
      } else if (i === 23) {
        write(`many/${n}.jsonl`, '{"id":"r1","text":"one"}\n{"id":"r2","text":"two"}\n');
        expected.push(`${n}.jsonl:1`, `${n}.jsonl:2`);
      } else {
        write(`many/${n}.txt`, `text number ${i}`);
        expected.push(`${n}.txt`);
      }
    }
    const got = (await all([root])).map((r) =>
      r.ok ? path.relative(root, r.source.name) : `${path.relative(root, r.error.input)}!`,
    );
    expect(got).toEqual(expected);
    expect(oks(await all([root])).map((s) => s.raw)[0]).toBe('text number 0');
  });

  it('follows symbolic links and reads a folder in a link cycle once', async () => {
    const root = path.join(tmp, 'links');
    write('links/real/a.txt', 'a text');
    write('elsewhere/b.txt', 'b text');
    symlinkSync(path.join(tmp, 'elsewhere/b.txt'), path.join(root, 'b-link.txt'));
    symlinkSync(root, path.join(root, 'real/loop'));
    const names = oks(await all([root])).map((s) => path.relative(root, s.name));
    expect(names).toEqual(['b-link.txt', 'real/a.txt']);
  });

  it('a directory without readable files is one error', async () => {
    write('nothing/x.png', 'png');
    const errs = errors(await all([path.join(tmp, 'nothing')]));
    expect(errs).toHaveLength(1);
    expect(errs[0]!.message).toMatch(/no readable files/);
  });
});

describe('stdin', () => {
  it('reads "-" from the given stream and keys it by content', async () => {
    const stdin = Readable.from([Buffer.from('MOSCOW, May 5. /TASS/. Talks were held.\n')]);
    const [s] = oks(await all(['-'], { stdin }));
    expect(s!.name).toBe('-');
    expect(s!.kind).toBe('text');
    expect(s!.sourceKey).toMatch(/^stdin:[0-9a-f]{16}$/);
  });

  it('reads JSON Lines from stdin', async () => {
    const stdin = Readable.from([Buffer.from('{"id":"s1","text":"One."}\n{"id":"s2","text":"Two."}\n')]);
    expect(oks(await all(['-'], { stdin })).map((s) => s.inputId)).toEqual(['s1', 's2']);
  });

  it('reports empty stdin', async () => {
    const stdin = Readable.from([] as Buffer[]);
    expect(errors(await all(['-'], { stdin }))[0]!.message).toMatch(/empty/);
  });
});

describe('URLs', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const u = req.url ?? '/';
      if (u === '/page') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          '<!doctype html><html><head><title>Talks</title></head><body><article><p>Ministers met in Oslo.</p></article></body></html>',
        );
      } else if (u === '/plain') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ROME, March 3. /TASS/. Ministers met.');
      } else if (u === '/cp1251') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=windows-1251' });
        res.end(Buffer.from([0xcb, 0xe0, 0xe2, 0xf0, 0xee, 0xe2]));
      } else if (u === '/meta1251') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          Buffer.concat([
            Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>'),
            Buffer.from([0xcb, 0xe0, 0xe2, 0xf0, 0xee, 0xe2]),
            Buffer.from('</p></body></html>'),
          ]),
        );
      } else if (u === '/pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end('%PDF-1.4');
      } else if (u === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('y'.repeat(4000));
      } else if (u === '/slow') {
        // never answers: the client must time out
      } else {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>Not found</h1>');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('fetches text/html and text/plain', async () => {
    const rs = await all([`${base}/page`, `${base}/plain`]);
    expect(errors(rs)).toEqual([]);
    const [html, plain] = oks(rs);
    expect(html!.kind).toBe('html');
    expect(html!.url).toBe(`${base}/page`);
    expect(html!.sourceKey).toBe(`${base}/page`);
    expect(plain!.kind).toBe('text');
    expect(plain!.raw).toContain('ROME, March 3.');
  });

  it('decodes a declared charset (HTTP header or <meta charset>)', async () => {
    const [s, m] = oks(await all([`${base}/cp1251`, `${base}/meta1251`]));
    expect(s!.raw).toBe('Лавров');
    expect(m!.raw).toContain('<p>Лавров</p>');
  });

  it('reports 404, wrong content type, size cap and timeout, one line each, and goes on', async () => {
    const rs = await all([`${base}/missing`, `${base}/pdf`, `${base}/big`, `${base}/slow`, `${base}/plain`], {
      timeoutMs: 400,
      maxBytes: 1000,
    });
    const errs = errors(rs);
    expect(errs.map((e) => e.input)).toEqual([`${base}/missing`, `${base}/pdf`, `${base}/big`, `${base}/slow`]);
    expect(errs[0]!.message).toBe('HTTP 404 Not Found');
    expect(errs[1]!.message).toMatch(/unsupported content type "application\/pdf"/);
    expect(errs[2]!.message).toMatch(/too large/);
    expect(errs[3]!.message).toMatch(/timed out/);
    expect(oks(rs)).toHaveLength(1);
    for (const e of errs) expect(e.message).not.toContain('\n');
  });

  it('reports an unreachable host and an unsupported scheme', async () => {
    const rs = await all(['http://127.0.0.1:1/x', 'ftp://example.org/file.txt'], { timeoutMs: 2000 });
    const errs = errors(rs);
    expect(errs).toHaveLength(2);
    expect(errs[0]!.message).toMatch(/^cannot fetch/);
    expect(errs[1]!.message).toMatch(/unsupported URL scheme/);
  });
});
