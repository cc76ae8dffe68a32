/** Helpers of the store: partial ISO dates as periods, FTS5 query sanitising. */
import { QueryError } from './store.js';

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/;

/** First day ("YYYY-MM-DD") of the period a partial ISO date denotes, null if not a date. */
export function dateLo(d: string | null | undefined): string | null {
  if (!d) return null;
  const m = DATE_RE.exec(d);
  if (!m) return null;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/** Last day ("YYYY-MM-DD") of the period a partial ISO date denotes, null if not a date. */
export function dateHi(d: string | null | undefined): string | null {
  if (!d) return null;
  const m = DATE_RE.exec(d);
  if (!m) return null;
  if (m[3]) return `${m[1]}-${m[2]}-${m[3]}`;
  if (m[2]) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}`;
  }
  return `${m[1]}-12-31`;
}

/** "YYYY-MM" when the date has at least month precision. */
export function monthOf(d: string | null | undefined): string | null {
  if (!d) return null;
  const m = DATE_RE.exec(d);
  return m && m[2] ? `${m[1]}-${m[2]}` : null;
}

/** Validates a user-given date bound. */
export function checkDateBound(name: string, v: string): void {
  const m = DATE_RE.exec(v);
  if (!m || (m[2] && (Number(m[2]) < 1 || Number(m[2]) > 12)) || (m[3] && (Number(m[3]) < 1 || Number(m[3]) > 31)))
    throw new QueryError(`${name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got "${v}"`);
}

/**
 * Turns what a user types into a safe FTS5 MATCH expression.
 * Supported: words (implicit AND), "quoted phrases", OR, NOT / -word (exclusion), word* (prefix).
 * Every word is quoted, so punctuation ("de-escalation", "U.N.", "a:b", "(x") never reaches the FTS5
 * parser as syntax; "de-escalation zone" becomes "de-escalation" "zone" (a phrase and a word).
 */
export function toFtsQuery(input: string): string {
  const q = input.trim();
  if (!q) throw new QueryError('empty search query');
  if (q.length > 1000) throw new QueryError('search query too long (over 1000 characters)');
  if ((q.match(/"/g) ?? []).length % 2 === 1) throw new QueryError('unbalanced quotation mark in search query');
  type Tok = { op: 'OR' | 'NOT' } | { term: string; prefix: boolean; neg: boolean };
  const toks: Tok[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q))) {
    if (m[1] !== undefined) {
      if (/[\p{L}\p{N}]/u.test(m[1])) toks.push({ term: m[1], prefix: false, neg: false });
      continue;
    }
    let w = m[2]!;
    if (w === 'OR' || w === 'NOT') {
      toks.push({ op: w });
      continue;
    }
    if (w === 'AND') continue;
    let neg = false;
    if (w.startsWith('-') && w.length > 1) {
      neg = true;
      w = w.slice(1);
    }
    let prefix = false;
    if (w.endsWith('*')) {
      prefix = true;
      w = w.replace(/\*+$/, '');
    }
    if (!/[\p{L}\p{N}]/u.test(w)) continue;
    toks.push({ term: w, prefix, neg });
  }
  const parts: string[] = [];
  let prevTerm = false;
  let pendingOp: 'OR' | 'NOT' | null = null;
  for (const t of toks) {
    if ('op' in t) {
      if (!prevTerm) throw new QueryError(`"${t.op}" needs a word before it`);
      if (pendingOp) throw new QueryError(`"${pendingOp}" followed by "${t.op}"`);
      pendingOp = t.op;
      continue;
    }
    const quoted = `"${t.term.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`;
    if (t.neg) {
      if (!prevTerm) throw new QueryError(`"-${t.term}" needs a word before it (cannot search for exclusions only)`);
      if (pendingOp) throw new QueryError(`"${pendingOp}" followed by an exclusion`);
      parts.push('NOT', quoted);
    } else {
      if (pendingOp) parts.push(pendingOp);
      parts.push(quoted);
    }
    pendingOp = null;
    prevTerm = true;
  }
  if (pendingOp) throw new QueryError(`"${pendingOp}" needs a word after it`);
  if (!parts.length) throw new QueryError('search query has no words');
  return parts.join(' ');
}

/** Escapes % _ \ for LIKE ... ESCAPE '\'. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}
