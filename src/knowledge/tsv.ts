/**
 * The one reader for the knowledge base's TSV files (data/README.md): UTF-8, tab-separated,
 * `#` comment lines and blank lines skipped, the first remaining line is the header.
 */
import fs from 'node:fs';

function dataLines(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

/** Rows as records keyed by the header's column names (cells trimmed). A missing file gives []. */
export function readTsv(file: string): Record<string, string>[] {
  if (!fs.existsSync(file)) return [];
  const [head, ...body] = dataLines(file);
  if (head === undefined) return [];
  const header = head.split('\t').map((c) => c.trim());
  return body.map((line) => {
    const cells = line.split('\t');
    const r: Record<string, string> = {};
    header.forEach((h, i) => (r[h] = (cells[i] ?? '').trim()));
    return r;
  });
}

/** Rows as arrays of raw cells, the header line left out. The file must exist unless `optional`. */
export function readTsvRows(file: string, opts: { optional?: boolean } = {}): string[][] {
  if (opts.optional && !fs.existsSync(file)) return [];
  return dataLines(file)
    .slice(1)
    .map((line) => line.split('\t'));
}
