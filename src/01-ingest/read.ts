/**
 * Input resolution: paths, directories, JSON Lines, URLs and stdin → decoded SourceTexts.
 * Every failure is one InputError naming the input; the other inputs go on.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DecodeError, decodeBytes, decodeWithCharset } from './decode.js';
import type { ContentKind, InputResult, ReadOptions, SourceText } from './types.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15000;

/** Extensions read from directories, and how each is interpreted. */
export const EXTENSIONS: Readonly<Record<string, ContentKind | 'jsonl'>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

function fail(input: string, message: string): InputResult {
  return { ok: false, error: { input, message } };
}

function mb(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function sha(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Guesses HTML for inputs without a telling extension (stdin, URLs served as text/plain are not sniffed). */
export function looksLikeHtml(s: string): boolean {
  const head = s.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|meta|title)\b/.test(head);
}

function isBlank(s: string): boolean {
  return !/\S/.test(s);
}

/** Code-point order, independent of locale: the same on every machine. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const REPO_DOCS = /^(readme|license|licence|changelog|contributing|copying|notice)(\.[a-z]+)?$/i;

async function walk(dir: string, out: string[], seen = new Set<string>()): Promise<void> {
  // symbolic links are followed; a folder reached twice (a link cycle) is read once
  const real = await fs.realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => byCodePoint(a.name, b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue; // hidden files and folders (.git, .DS_Store)
    const p = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const st = await fs.stat(p).catch(() => null);
      isDir = !!st?.isDirectory();
      isFile = !!st?.isFile();
    }
    if (isFile && REPO_DOCS.test(e.name)) continue; // a folder's README/LICENSE describes it, it is not a document
    if (isDir) await walk(p, out, seen);
    else if (isFile && EXTENSIONS[path.extname(e.name).toLowerCase()]) out.push(p);
  }
}

function kindOf(file: string, text: string): ContentKind | 'jsonl' {
  const k = EXTENSIONS[path.extname(file).toLowerCase()];
  if (k) return k;
  return looksLikeHtml(text) ? 'html' : 'text';
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() ? v : null;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** One JSON Lines row → a SourceText or an InputError naming file:line; null for a blank line. */
export function jsonlRow(name: string, absPath: string | null, line: string, lineNo: number): InputResult | null {
  if (isBlank(line)) return null;
  const where = `${name}:${lineNo}`;
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    return fail(where, `invalid JSON: ${(e as Error).message}`);
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj))
    return fail(where, 'each line must be a JSON object with a "text" field');
  const o = obj as Record<string, unknown>;
  if (typeof o.text !== 'string')
    return fail(where, o.text === undefined ? 'missing "text" field' : '"text" must be a string');
  if (isBlank(o.text)) return fail(where, 'empty "text"');
  const id = str(o.id);
  const url = str(o.url);
  const raw = o.text.replace(/^\uFEFF/, '');
  const declared = str(o.format) ?? str(o.kind);
  const kind: ContentKind =
    declared === 'html' || (declared === null && looksLikeHtml(raw))
      ? 'html'
      : declared === 'markdown' || declared === 'md'
        ? 'markdown'
        : 'text';
  return {
    ok: true,
    source: {
      name: where,
      sourceKey: id ? `jsonl-id:${id}` : `jsonl:${absPath ?? name}:${lineNo}`,
      file: absPath ? name : null,
      url,
      inputId: id,
      kind,
      raw,
      given: { title: str(o.title), published: str(o.published) ?? str(o.date), source: str(o.source), url },
    },
  };
}

/** Splits decoded JSON Lines text into one result per non-blank line. */
export function* parseJsonl(name: string, absPath: string | null, text: string): Generator<InputResult> {
  const lines = text.split(/\r?\n/);
  let any = false;
  for (let i = 0; i < lines.length; i++) {
    const r = jsonlRow(name, absPath, lines[i]!, i + 1);
    if (!r) continue;
    any = true;
    yield r;
  }
  if (!any) yield fail(name, 'empty file (no JSON lines)');
}

/**
 * Streams a JSON Lines file line by line: the size cap applies to each line (one document),
 * not to the file, so corpora of any size can be read in constant memory.
 */
async function* readJsonlFile(name: string, file: string, maxBytes: number): AsyncGenerator<InputResult> {
  const abs = path.resolve(file);
  let lineNo = 0;
  let any = false;
  let pending: Buffer[] = [];
  let pendingLen = 0;
  let oversize = false;
  function* flush(): Generator<InputResult, boolean> {
    lineNo++;
    if (oversize) {
      any = true;
      yield fail(`${name}:${lineNo}`, `line is too large (over the ${mb(maxBytes)} limit)`);
      return true;
    }
    const bytes = Buffer.concat(pending, pendingLen);
    let line: string;
    try {
      line = decodeBytes(bytes);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      if (lineNo === 1) {
        // the whole file is not text: one error for the file
        yield fail(name, e.message);
        return false;
      }
      any = true;
      yield fail(`${name}:${lineNo}`, e.message);
      return true;
    }
    const r = jsonlRow(name, abs, line.replace(/\r$/, ''), lineNo);
    if (r) {
      any = true;
      yield r;
    }
    return true;
  }
  let stream;
  try {
    stream = (await fs.open(file)).createReadStream({ highWaterMark: 1 << 20 });
  } catch (e) {
    yield fail(name, errnoMessage(e));
    return;
  }
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(10, from);
        const end = nl < 0 ? chunk.length : nl;
        if (!oversize) {
          if (pendingLen + (end - from) > maxBytes) {
            oversize = true;
            pending = [];
            pendingLen = 0;
          } else if (end > from) {
            pending.push(chunk.subarray(from, end));
            pendingLen += end - from;
          }
        }
        if (nl < 0) break;
        const cont = yield* flush();
        if (!cont) return;
        pending = [];
        pendingLen = 0;
        oversize = false;
        from = nl + 1;
      }
    }
    if (pendingLen > 0 || oversize) yield* flush();
  } catch (e) {
    yield fail(name, errnoMessage(e));
    return;
  } finally {
    stream.destroy();
  }
  if (!any) yield fail(name, 'empty file (no JSON lines)');
}

function decodeOrFail(input: string, bytes: Uint8Array): string | InputResult {
  try {
    return decodeBytes(bytes);
  } catch (e) {
    if (e instanceof DecodeError) return fail(input, e.message);
    throw e;
  }
}

/** Decoded text, or the failure to report: not UTF-8, or nothing but whitespace (`blank` says what). */
function decodeNonBlank(input: string, bytes: Uint8Array, blank: string): string | InputResult {
  const text = decodeOrFail(input, bytes);
  if (typeof text === 'string' && isBlank(text)) return fail(input, blank);
  return text;
}

async function* readFile(name: string, file: string, maxBytes: number): AsyncGenerator<InputResult> {
  let st;
  try {
    st = await fs.stat(file);
  } catch (e) {
    yield fail(name, errnoMessage(e));
    return;
  }
  if (!st.isFile()) {
    yield fail(name, 'not a regular file');
    return;
  }
  if (st.size === 0) {
    yield fail(name, 'empty file');
    return;
  }
  if (EXTENSIONS[path.extname(file).toLowerCase()] === 'jsonl') {
    yield* readJsonlFile(name, file, maxBytes);
    return;
  }
  if (st.size > maxBytes) {
    yield fail(name, `file is too large (${mb(st.size)}; the limit is ${mb(maxBytes)})`);
    return;
  }
  if (st.size === 0) {
    yield fail(name, 'empty file');
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    yield fail(name, errnoMessage(e));
    return;
  }
  const text = decodeNonBlank(name, bytes, 'empty file (only whitespace)');
  if (typeof text !== 'string') {
    yield text;
    return;
  }
  const abs = path.resolve(file);
  const kind = kindOf(file, text);
  if (kind === 'jsonl') {
    yield* parseJsonl(name, abs, text);
    return;
  }
  yield {
    ok: true,
    source: { name, sourceKey: abs, file: name, url: null, inputId: null, kind, raw: text, given: {} },
  };
}

function errnoMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (e as Error).message;
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > maxBytes) return 'too-large';
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

async function* readStdin(stream: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<InputResult> {
  const name = '-';
  let bytes: Uint8Array | 'too-large';
  try {
    bytes = await readStream(stream, maxBytes);
  } catch (e) {
    yield fail(name, `cannot read standard input: ${(e as Error).message}`);
    return;
  }
  if (bytes === 'too-large') {
    yield fail(name, `standard input is too large (over the ${mb(maxBytes)} limit)`);
    return;
  }
  if (bytes.length === 0) {
    yield fail(name, 'empty input on stdin');
    return;
  }
  const text = decodeNonBlank(name, bytes, 'empty input on stdin (only whitespace)');
  if (typeof text !== 'string') {
    yield text;
    return;
  }
  // JSON Lines on stdin: every non-blank line is a JSON object.
  const firstLine = text.trimStart().split('\n', 1)[0]!.trim();
  if (firstLine.startsWith('{') && firstLine.endsWith('}')) {
    yield* parseJsonl(name, null, text);
    return;
  }
  const kind: ContentKind = looksLikeHtml(text) ? 'html' : 'text';
  yield {
    ok: true,
    source: {
      name,
      sourceKey: `stdin:${sha(text).slice(0, 16)}`,
      file: null,
      url: null,
      inputId: null,
      kind,
      raw: text,
      given: {},
    },
  };
}

const ACCEPTED_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown'];

async function* readUrl(url: string, maxBytes: number, timeoutMs: number): AsyncGenerator<InputResult> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetch(url, {
        signal: ctrl.signal,
        redirect: 'follow',
        headers: {
          accept: 'text/html,application/xhtml+xml,text/plain;q=0.9',
          'user-agent': 'readout/0.1 (+https://github.com/)',
        },
      });
    } catch (e) {
      if (ctrl.signal.aborted) yield fail(url, `timed out after ${timeoutMs / 1000} s`);
      else yield fail(url, `cannot fetch: ${causeMessage(e)}`);
      return;
    }
    if (!res.ok) {
      void res.body?.cancel().catch(() => {});
      yield fail(url, `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
      return;
    }
    const ctype = res.headers.get('content-type') ?? '';
    const mime = ctype.split(';')[0]!.trim().toLowerCase();
    if (!ACCEPTED_TYPES.includes(mime)) {
      void res.body?.cancel().catch(() => {});
      yield fail(url, `unsupported content type "${mime || 'none'}" (expected text/html or text/plain)`);
      return;
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      void res.body?.cancel().catch(() => {});
      yield fail(url, `response is too large (${mb(declared)}; the limit is ${mb(maxBytes)})`);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        let r: ReadableStreamReadResult<Uint8Array>;
        try {
          r = await reader.read();
        } catch (e) {
          if (ctrl.signal.aborted) yield fail(url, `timed out after ${timeoutMs / 1000} s`);
          else yield fail(url, `cannot read response: ${causeMessage(e)}`);
          return;
        }
        if (r.done) break;
        size += r.value.length;
        if (size > maxBytes) {
          void reader.cancel().catch(() => {});
          yield fail(url, `response is too large (over the ${mb(maxBytes)} limit)`);
          return;
        }
        chunks.push(r.value);
      }
    }
    const bytes = Buffer.concat(chunks);
    if (bytes.length === 0) {
      yield fail(url, 'empty response');
      return;
    }
    // the HTTP header's charset, else one declared by the page itself (<meta charset=…>)
    const charset =
      /charset\s*=\s*([^;\s]+)/i.exec(ctype)?.[1] ??
      (mime === 'text/plain'
        ? null
        : (/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1] ?? null));
    let text: string;
    try {
      text = decodeWithCharset(bytes, charset);
    } catch (e) {
      if (e instanceof DecodeError) {
        yield fail(url, e.message);
        return;
      }
      throw e;
    }
    if (isBlank(text)) {
      yield fail(url, 'empty response (only whitespace)');
      return;
    }
    const kind: ContentKind = mime === 'text/plain' ? 'text' : mime === 'text/markdown' ? 'markdown' : 'html';
    const finalUrl = res.url || url;
    yield {
      ok: true,
      source: {
        name: url,
        sourceKey: url,
        file: null,
        url: finalUrl,
        inputId: null,
        kind,
        raw: text,
        given: { url: finalUrl },
      },
    };
  } finally {
    clearTimeout(timer);
  }
}

function causeMessage(e: unknown): string {
  const err = e as Error & { cause?: Error & { code?: string } };
  if (err.cause) return err.cause.code ? `${err.cause.code} ${err.cause.message}`.trim() : err.cause.message;
  return err.message;
}

/**
 * Resolves inputs in the order given. Directories are walked recursively in code-point
 * order of their entries, reading files with a known extension (see EXTENSIONS).
 */
/** How many files of a directory are read ahead of the one being processed, and up to what size. */
const READ_AHEAD = 16;
const READ_AHEAD_MAX_BYTES = 1 << 20;

/**
 * The files of a directory in order, each read while earlier ones are processed: read one after
 * another, a few thousand small files left the pipeline idle for a tenth of its time, waiting on
 * the file system. Files over 1 MB and JSON Lines files (which may be large, and are streamed)
 * are read at their turn, so what waits in memory stays small.
 */
async function* readFiles(files: string[], maxBytes: number): AsyncGenerator<InputResult> {
  const isJsonl = (f: string) => EXTENSIONS[path.extname(f).toLowerCase()] === 'jsonl';
  // a file read ahead: its results, or null when it is big (read at its turn)
  const ahead: { file: string; read: Promise<InputResult[] | null> }[] = [];
  let next = 0;
  const collect = async (f: string): Promise<InputResult[] | null> => {
    const st = await fs.stat(f).catch(() => null);
    if (st && st.size > READ_AHEAD_MAX_BYTES) return null;
    const out: InputResult[] = [];
    for await (const r of readFile(f, f, maxBytes)) out.push(r);
    return out;
  };
  for (;;) {
    while (ahead.length < READ_AHEAD && next < files.length && !isJsonl(files[next]!)) {
      const f = files[next++]!;
      ahead.push({ file: f, read: collect(f).catch((e: unknown) => [fail(f, errnoMessage(e))]) });
    }
    const a = ahead.shift();
    if (a) {
      const got = await a.read;
      if (got) yield* got;
      else yield* readFile(a.file, a.file, maxBytes);
      continue;
    }
    if (next >= files.length) return;
    const f = files[next++]!;
    yield* readFile(f, f, maxBytes);
  }
}

export async function* readInputs(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<InputResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  for (const input of inputs) {
    if (input === '-') {
      yield* readStdin(opts.stdin ?? process.stdin, maxBytes);
      continue;
    }
    if (/^https?:\/\//i.test(input)) {
      let ok = true;
      try {
        new URL(input);
      } catch {
        ok = false;
      }
      if (!ok) yield fail(input, 'not a valid URL');
      else yield* readUrl(input, maxBytes, timeoutMs);
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
      yield fail(input, 'unsupported URL scheme (only http and https)');
      continue;
    }
    let st;
    try {
      st = await fs.stat(input);
    } catch (e) {
      yield fail(input, errnoMessage(e));
      continue;
    }
    if (st.isDirectory()) {
      const files: string[] = [];
      try {
        await walk(input, files);
      } catch (e) {
        yield fail(input, errnoMessage(e));
        continue;
      }
      if (files.length === 0) {
        yield fail(input, `directory holds no readable files (${Object.keys(EXTENSIONS).join(', ')})`);
        continue;
      }
      yield* readFiles(files, maxBytes);
      continue;
    }
    yield* readFile(input, input, maxBytes);
  }
}
