/** Types shared by the ingest stage (raw input → Doc). */

export type ContentKind = 'text' | 'markdown' | 'html';

/** One decoded input document, before cleaning. */
export interface SourceText {
  /** how the user named it (path as given, URL, "-" for stdin, "file.jsonl:12" for a JSON Lines row) */
  name: string;
  /** stable key identifying the source for replace-on-change (absolute path, URL, "jsonl-id:<id>", "stdin:<hash>") */
  sourceKey: string;
  file: string | null;
  url: string | null;
  inputId: string | null;
  kind: ContentKind;
  /** decoded text (valid Unicode; BOM removed) */
  raw: string;
  /** metadata given with the input (JSON Lines fields, HTML <title>/<meta>) */
  given: { title?: string | null; published?: string | null; source?: string | null; url?: string | null };
}

export interface InputError {
  /** the input as the user named it */
  input: string;
  /** one line: why it failed */
  message: string;
}

export type InputResult = { ok: true; source: SourceText } | { ok: false; error: InputError };

export interface ReadOptions {
  /** maximum bytes per file / URL body (default 20 MB) */
  maxBytes?: number;
  /** URL fetch timeout in ms (default 15000) */
  timeoutMs?: number;
  /** stdin stream, for "-" (default process.stdin) */
  stdin?: NodeJS.ReadableStream;
}
