/**
 * Word tokens with Universal POS tags from wink-nlp (English lite web model), with exact
 * JavaScript string offsets into the text. The model is loaded once per process, lazily.
 * Only the `pos` pipe runs: its tags are identical to those of the default pipe on our
 * material, at about twice the speed.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Token } from '../00-model/doc.js';

export interface RawToken {
  start: number;
  end: number;
  value: string;
  pos: string;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function getNlp(): Nlp {
  if (!nlp) nlp = winkNLP(model, ['pos']);
  return nlp;
}

/** the characters wink-nlp's tokenizer splits on as spaces (not line breaks or tabs) */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 0xa0 ||
    (c >= 0x2002 && c <= 0x2005) ||
    c === 0x2009 ||
    c === 0x200a ||
    c === 0x202f ||
    c === 0x205f
  );
}

/** `text.startsWith(v, at)` by char codes (the builtin is slow on two-byte text with one-byte tokens) */
function matchesAt(text: string, v: string, at: number): boolean {
  const n = v.length;
  if (at + n > text.length) return false;
  for (let j = 0; j < n; j++) if (text.charCodeAt(at + j) !== v.charCodeAt(j)) return false;
  return true;
}

/**
 * Tokenises `text`: the tokens in text order, born in the shape of the Doc's token layer
 * (`sentence` is set by the segmenter), and their surface strings in a parallel array.
 */
export function tokenizeText(text: string): { tokens: Token[]; values: string[] } {
  if (!text) return { tokens: [], values: [] };
  const n = getNlp();
  const its = n.its;
  const toks = n.readDoc(text).tokens();
  const values = toks.out(its.value) as string[];
  const pos = toks.out(its.pos) as string[];
  // sized once (wink's tokens nearly always all map to the text) and cut to the tokens found
  const out: Token[] = new Array(values.length);
  let found = 0;
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // skip the spaces wink counts as a token's preceding spaces (line breaks are tokens of their own)
    let c = text.charCodeAt(at);
    while (isSpace(c)) c = text.charCodeAt(++at);
    // the first char decides almost every mismatch: compare it before the rest
    if (c !== v.charCodeAt(0) || !matchesAt(text, v, at)) {
      // Defensive: should wink ever normalise a token, find it again from here.
      const again = text.indexOf(v, at);
      if (again < 0) continue;
      at = again;
    }
    values[found] = v;
    out[found++] = { start: at, end: at + v.length, pos: pos[i], sentence: -1 };
    at += v.length;
  }
  if (found !== values.length) out.length = values.length = found;
  return { tokens: out, values };
}

/** Tokenises `text` and returns tokens in text order with offsets, surface strings and POS tags. */
export function tokenize(text: string): RawToken[] {
  const { tokens, values } = tokenizeText(text);
  return tokens.map((t, i) => ({ start: t.start, end: t.end, value: values[i], pos: t.pos }));
}
