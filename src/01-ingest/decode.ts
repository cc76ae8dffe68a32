/**
 * Byte → text decoding for ingest. Readout accepts UTF-8 (with or without BOM) and
 * UTF-16 with a BOM; everything else is rejected with a clear reason instead of being
 * decoded into mojibake.
 */

export class DecodeError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function hex(b: number): string {
  return '0x' + b.toString(16).toUpperCase().padStart(2, '0');
}

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP archive or Office document'],
  [[0x1f, 0x8b], 'gzip archive'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'legacy Office document'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF document'],
];

/** A known binary format by its leading bytes, e.g. "PDF document", or null. */
export function sniffBinary(b: Uint8Array): string | null {
  for (const [sig, what] of MAGIC) if (sig.every((x, i) => b[i] === x)) return what;
  // many control characters (other than tab, newline, carriage return, form feed) in the first 4 KB
  const n = Math.min(b.length, 4096);
  let ctl = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) ctl++;
  }
  return n > 0 && ctl / n > 0.1 ? 'control characters' : null;
}

/**
 * Decodes bytes to a string. Throws DecodeError with a one-line reason for binary data
 * (NUL bytes) and for text that is not valid UTF-8 (e.g. Windows-1251, Latin-1).
 */
export function decodeBytes(bytes: Uint8Array): string {
  // UTF-16 with a byte-order mark is unambiguous: decode it rather than calling it binary.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    try {
      return new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(2));
    } catch {
      throw new DecodeError('not valid UTF-16 text despite its byte-order mark');
    }
  }
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = start ? bytes.subarray(start) : bytes;
  const kind = sniffBinary(body);
  if (kind && kind !== 'RTF document') throw new DecodeError(`binary file (${kind}), not text`);
  if (kind) throw new DecodeError(`${kind}, not plain text; save it as .txt or .html first`);
  const nul = body.indexOf(0);
  if (nul >= 0) throw new DecodeError(`binary file (NUL byte at offset ${nul + start}), not text`);
  try {
    return utf8.decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    const where = at >= 0 ? ` (byte ${hex(body[at]!)} at offset ${at + start})` : '';
    throw new DecodeError(
      `not valid UTF-8 text${where}; convert it to UTF-8 first (e.g. iconv -f windows-1251 -t utf-8)`,
    );
  }
}

/** Decodes a body whose charset was declared by an HTTP header or <meta>; UTF-8 when absent. */
export function decodeWithCharset(bytes: Uint8Array, charset: string | null): string {
  const cs = (charset ?? '')
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (!cs || cs === 'utf-8' || cs === 'utf8' || cs === 'us-ascii' || cs === 'ascii') return decodeBytes(bytes);
  let dec: TextDecoder;
  try {
    dec = new TextDecoder(cs, { fatal: true });
  } catch {
    throw new DecodeError(`unsupported charset "${cs}"`);
  }
  if (bytes.indexOf(0) >= 0 && !cs.startsWith('utf-16')) throw new DecodeError('binary content (NUL bytes), not text');
  try {
    return dec.decode(bytes);
  } catch {
    throw new DecodeError(`not valid ${cs} text`);
  }
}
