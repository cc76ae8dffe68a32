/**
 * Actor knowledge: international organisations and forums (data/actors/orgs.tsv), non-state
 * actors (data/actors/nonstate.tsv), office titles and actor-group nouns (data/actors/roles.tsv),
 * and people who hold office with term dates (data/actors/people.tsv, maintained separately).
 * Sources are documented in the files' headers and data/README.md.
 *
 * At load time everything that can be named in text is compiled into one phrase lexicon
 * (`lexicon`: normalised word sequence → readings) so the recogniser scans tokens once.
 *
 * Lookup API for other stages:
 *  - findPerson(kb, "Sergei Lavrov" | "Lavrov", date?)  → {person, term}
 *  - officeHolder(kb, "Secretary of State", "USA", "2017-07-07") → {person, term}
 *  - termAt(person, date, role?, country?) → the term of office in force
 *  - personActor(person, term) → Actor
 *  - orgByCode(kb, "UN"), roleOf(kb, "top diplomat")
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../00-model/doc.js';
import { normKey, readTsv, type CountryAlias, type GeoKB } from './geo.js';

export interface OrgInfo {
  org: string;
  name: string;
  names: string[];
  cameo: string | null;
  parent: string | null;
  members: string[];
}

export interface NonStateInfo {
  name: string;
  aliases: string[];
  country: string | null;
  sector: string | null;
  cameo: string | null;
}

export type RoleKind = 'person' | 'body' | 'group' | 'counterpart' | 'counterparts' | 'persons';

export interface RoleInfo {
  alias: string;
  role: string;
  sector: string | null;
  kind: RoleKind;
  /** default country the title implies (Secretary of State → USA) */
  country: string | null;
  family: string | null;
}

export interface Term {
  role: string;
  /** role normalised through roles.tsv */
  roleNorm: string;
  family: string | null;
  country: string | null;
  org: string | null;
  sector: string | null;
  start: string | null;
  end: string | null;
  note: string | null;
}

export interface Person {
  name: string;
  aliases: string[];
  surname: string;
  terms: Term[];
}

export interface PersonHit {
  person: Person;
  term: Term | null;
}

export type LexEntry =
  | { type: 'country'; alias: CountryAlias }
  | { type: 'org'; org: OrgInfo }
  | { type: 'nonstate'; info: NonStateInfo }
  | { type: 'person'; person: Person }
  | { type: 'role'; role: RoleInfo };

export interface LexReading {
  entry: LexEntry;
  /** the alias words as written in the data */
  surface: string[];
  /** all-capital acronym: matches only when the text has exactly these capitals */
  exact: boolean;
  /** name-like alias beginning with a capital: the text must begin with a capital too */
  cap: boolean;
}

export interface ActorKB {
  orgs: Map<string, OrgInfo>;
  nonstate: NonStateInfo[];
  /** normalised alias → role */
  roles: Map<string, RoleInfo>;
  people: Person[];
  /** normalised full name or alias → people */
  personByName: Map<string, Person[]>;
  /** normalised surname → people */
  personBySurname: Map<string, Person[]>;
  /** normalised phrase (word keys joined by one space) → readings */
  lexicon: Map<string, LexReading[]>;
  /** normalised first word → greatest phrase length (in words) starting with it */
  maxWords: Map<string, number>;
  /** every leading run of two or more words of a lexicon phrase (so a scan stops extending early) */
  prefixes: Set<string>;
  geo: GeoKB;
}

// ---------------------------------------------------------------- tokens

/** The recogniser's yes/no facts about a word, as bits of `Word.flags` (read through its accessors). */
export const WORD_BRK = 1;
export const WORD_LBRK = 2;
export const WORD_HYPH = 4;
export const WORD_COMMA = 8;
export const WORD_SENT_START = 16;
export const WORD_CAP = 32;

/**
 * A word of text. Words carry the recogniser's per-word fields from birth (one object shape, no
 * later transitions): its six yes/no facts packed into one number, `flags` (a document has a
 * word object for every word, so each field counts), and the part of speech. Both are set by the
 * recogniser's word preparation; until then they are 0 and null.
 */
export class Word {
  readonly start: number;
  readonly text: string;
  readonly key: string;
  /** WORD_* bits */
  flags: number;
  pos: string | null;
  constructor(start: number, text: string, key: string) {
    this.start = start;
    this.text = text;
    this.key = key;
    this.flags = 0;
    this.pos = null;
  }
  /** the offset after the word (its text is the text's characters from `start`: no field needed) */
  get end(): number {
    return this.start + this.text.length;
  }
  /** punctuation or a line break between this word and the previous one */
  get brk(): boolean {
    return (this.flags & WORD_BRK) !== 0;
  }
  /** like brk, but a possessive 's or a hyphen does not break a phrase ("People's Republic", "Secretary-General") */
  get lbrk(): boolean {
    return (this.flags & WORD_LBRK) !== 0;
  }
  /** the gap before is a single hyphen ("Jean-Claude", "Russian-Chinese") */
  get hyph(): boolean {
    return (this.flags & WORD_HYPH) !== 0;
  }
  /** the gap before is exactly a comma (and spaces) */
  get comma(): boolean {
    return (this.flags & WORD_COMMA) !== 0;
  }
  /** begins a sentence, or follows . ! ? : ; a quotation mark or a line break */
  get sentStart(): boolean {
    return (this.flags & WORD_SENT_START) !== 0;
  }
  /** begins with a capital letter */
  get cap(): boolean {
    return (this.flags & WORD_CAP) !== 0;
  }
}

const UNI_ALNUM = /[\p{L}\p{N}\p{M}]/u;
function isAlnum(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return UNI_ALNUM.test(String.fromCharCode(c));
}
const isUpperAscii = (c: number) => c >= 65 && c <= 90;
// apostrophes that join two parts of one word (Da'esh, O’Brien); hyphens split words
// ("Russian-Chinese", "Jean-Claude"), and the recogniser lets phrases run across them
const isJoiner = (c: number) => c === 39 || c === 0x2019;

/**
 * The words found so far by `words`, which copies them out at their exact number at the end
 * (pushing to a fresh array would grow and copy it many times over a document). One buffer for
 * all calls, as `words` never runs inside itself; emptied after each call so that it keeps no
 * words alive, and dropped after a very long text.
 */
let wordBuf: (Word | undefined)[] = [];
const WORD_BUF_KEPT = 100_000;

/**
 * Splits text into words (hand-written scanner, no per-word regex): abbreviations with dots
 * (U.S., D.C.), words with inner apostrophes (Da'esh); hyphens separate words (al-Nusra → al, Nusra);
 * a possessive 's is left out.
 */
export function words(text: string, offset = 0): Word[] {
  const buf = wordBuf;
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isAlnum(c)) {
      i++;
      continue;
    }
    const start = i;
    // abbreviation: X.Y. (two or more capital letters each followed by a dot)
    if (
      isUpperAscii(c) &&
      text.charCodeAt(i + 1) === 46 &&
      isUpperAscii(text.charCodeAt(i + 2)) &&
      text.charCodeAt(i + 3) === 46
    ) {
      let e = i;
      while (isUpperAscii(text.charCodeAt(e)) && text.charCodeAt(e + 1) === 46) e += 2;
      if (!(e < n && isAlnum(text.charCodeAt(e)))) {
        const t = text.slice(start, e);
        buf[count++] = new Word(start + offset, t, t.toLowerCase());
        i = e;
        continue;
      }
      // "U.S.based": a plain word
    }
    // plain lower-case ASCII words need no normalisation (most words)
    let plain = !(c >= 65 && c <= 90);
    // ASCII words need only lower-casing (normKey's other steps touch non-ASCII characters only)
    let ascii = c < 128;
    let e = i + 1;
    for (;;) {
      while (e < n) {
        const d = text.charCodeAt(e);
        if (d >= 97 && d <= 122) e++;
        else if (isAlnum(d)) {
          if (d < 48 || d > 57) plain = false;
          if (d >= 128) ascii = false;
          e++;
        } else break;
      }
      if (e + 1 < n && isJoiner(text.charCodeAt(e)) && isAlnum(text.charCodeAt(e + 1))) {
        plain = false;
        if (text.charCodeAt(e) >= 128 || text.charCodeAt(e + 1) >= 128) ascii = false;
        e += 2;
        continue;
      }
      break;
    }
    if (c >= 128) plain = false;
    let end = e;
    // possessive 's
    if (end - start > 3 && (text.charCodeAt(end - 1) === 115 || text.charCodeAt(end - 1) === 83)) {
      const ap = text.charCodeAt(end - 2);
      if (ap === 39 || ap === 0x2019) end -= 2;
    }
    const t = text.slice(start, end);
    buf[count++] = new Word(start + offset, t, plain ? t : ascii ? t.toLowerCase() : normKey(t));
    i = e;
  }
  const out = buf.slice(0, count) as Word[];
  if (count > WORD_BUF_KEPT) wordBuf = [];
  else buf.fill(undefined, 0, count);
  return out;
}

// ---------------------------------------------------------------- dates

/** [lo, hi] ISO day bounds of a date of any precision. */
const boundsCache = new Map<string, [string, string] | null>();
export function dateBounds(d: string | null | undefined): [string, string] | null {
  if (!d) return null;
  let b = boundsCache.get(d);
  if (b === undefined) {
    if (boundsCache.size > 50000) boundsCache.clear();
    b = computeBounds(d);
    boundsCache.set(d, b);
  }
  return b ? [b[0], b[1]] : null;
}
function computeBounds(d: string): [string, string] | null {
  const s = d.slice(0, 10);
  if (/^\d{4}$/.test(s)) return [`${s}-01-01`, `${s}-12-31`];
  if (/^\d{4}-\d{2}$/.test(s)) return [`${s}-01`, `${s}-31`];
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return [s, s];
  return null;
}

/** True when the term overlaps the date (unknown date: only open, current terms). */
export function termCovers(t: Term, date: string | null | undefined): boolean {
  const b = date ? boundsOf(date) : null;
  if (!b) return !t.end;
  const ts = (t.start ? boundsOf(t.start)?.[0] : null) ?? '0000';
  const te = (t.end ? boundsOf(t.end)?.[1] : null) ?? '9999';
  return ts <= b[1] && te >= b[0];
}
/** dateBounds without the defensive copy (callers here only read it) */
function boundsOf(d: string): readonly [string, string] | null {
  let b = boundsCache.get(d);
  if (b === undefined) {
    if (boundsCache.size > 50000) boundsCache.clear();
    b = computeBounds(d);
    boundsCache.set(d, b);
  }
  return b;
}

// ---------------------------------------------------------------- load

function split(s: string | undefined): string[] {
  return s
    ? s
        .split('|')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
}

function isAcronym(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return (
    letters.length > 0 &&
    letters.length <= 6 &&
    letters === letters.toUpperCase() &&
    /\p{Lu}/u.test(letters) &&
    !/\s/.test(s.trim())
  );
}

export function loadActorKB(dataDir: string, geo: GeoKB): ActorKB {
  const lexicon = new Map<string, LexReading[]>();
  const maxWords = new Map<string, number>();
  const prefixes = new Set<string>();
  const addLex = (alias: string, entry: LexEntry, caseInsensitive = false) => {
    const a = alias.replace(/^the\s+/i, '').trim();
    const ws = words(a);
    if (!ws.length) return;
    const key = ws.map((w) => w.key).join(' ');
    const list = lexicon.get(key) ?? [];
    const surface = ws.map((w) => w.text);
    list.push({ entry, surface, exact: !caseInsensitive && isAcronym(a), cap: !caseInsensitive && /^\p{Lu}/u.test(a) });
    lexicon.set(key, list);
    const f = ws[0].key;
    if ((maxWords.get(f) ?? 0) < ws.length) maxWords.set(f, ws.length);
    let pre = f;
    for (let k = 1; k < ws.length; k++) prefixes.add((pre = pre + ' ' + ws[k].key));
  };

  // countries
  for (const list of geo.aliases.values()) for (const a of list) addLex(a.text, { type: 'country', alias: a });

  // roles
  const roles = new Map<string, RoleInfo>();
  for (const r of readTsv(path.join(dataDir, 'actors', 'roles.tsv'))) {
    if (!r.alias || !r.role) continue;
    const info: RoleInfo = {
      alias: r.alias,
      role: r.role,
      sector: r.sector || null,
      kind: (r.kind || 'person') as RoleKind,
      country: r.country || null,
      family: r.family || null,
    };
    roles.set(normKey(r.alias), info);
    addLex(r.alias, { type: 'role', role: info }, true);
  }

  // organisations
  const orgs = new Map<string, OrgInfo>();
  for (const r of readTsv(path.join(dataDir, 'actors', 'orgs.tsv'))) {
    if (!r.org) continue;
    const names = split(r.names);
    const info: OrgInfo = {
      org: r.org,
      name: names[0] ?? r.org,
      names,
      cameo: r.cameo || null,
      parent: r.parent || null,
      members: split(r.members),
    };
    orgs.set(r.org, info);
    for (const n of names) addLex(n, { type: 'org', org: info });
  }

  // non-state actors
  const nonstate: NonStateInfo[] = [];
  for (const r of readTsv(path.join(dataDir, 'actors', 'nonstate.tsv'))) {
    if (!r.name) continue;
    const info: NonStateInfo = {
      name: r.name,
      aliases: split(r.aliases),
      country: r.country || null,
      sector: r.sector || null,
      cameo: r.cameo || null,
    };
    nonstate.push(info);
    for (const n of new Set([r.name, ...info.aliases])) addLex(n, { type: 'nonstate', info });
  }

  // people (file maintained separately; tolerate absence)
  const byName = new Map<string, Person>();
  const peopleFile = path.join(dataDir, 'actors', 'people.tsv');
  const rows = fs.existsSync(peopleFile) ? readTsv(peopleFile) : [];
  for (const r of rows) {
    if (!r.name) continue;
    let p = byName.get(r.name);
    if (!p) {
      const ws = words(r.name);
      p = { name: r.name, aliases: [], surname: ws.length ? ws[ws.length - 1].text : r.name, terms: [] };
      byName.set(r.name, p);
    }
    for (const a of split(r.aliases)) if (!p.aliases.includes(a)) p.aliases.push(a);
    const c = r.country || null;
    const isCountry = !!c && geo.countries.has(c);
    const roleInfo = r.role ? roles.get(normKey(r.role)) : undefined;
    p.terms.push({
      role: r.role || '',
      roleNorm: roleInfo?.role ?? r.role ?? '',
      family: roleInfo?.family ?? null,
      country: isCountry ? c : null,
      org: c && !isCountry ? c : null,
      sector: r.sector || roleInfo?.sector || null,
      start: r.start || null,
      end: r.end || null,
      note: r.note || null,
    });
  }
  const people = [...byName.values()];
  const personByName = new Map<string, Person[]>();
  const personBySurname = new Map<string, Person[]>();
  const push = (m: Map<string, Person[]>, k: string, p: Person) => {
    const l = m.get(k) ?? [];
    if (!l.includes(p)) l.push(p);
    m.set(k, l);
  };
  const familyFirst = new Set(readTsv(path.join(dataDir, 'actors', 'name-order.tsv')).map((r) => r.country));
  for (const p of people) {
    const ff = p.terms.some((t) => t.country && familyFirst.has(t.country));
    for (const n of [p.name, ...p.aliases]) {
      const ws = words(n);
      const canonical = n === p.name;
      push(personByName, ws.map((w) => w.key).join(' '), p);
      addLex(n, { type: 'person', person: p });
      // surnames from plain names only ("King Abdullah of Saudi Arabia" has none); a hyphenated
      // last part is one surname ("Lee Myung-bak" has no surname "bak")
      const chunks = n.trim().split(/\s+/);
      if (chunks.length < 2 || ws.some((w) => w.key === 'of' || w.key === 'the')) continue;
      push(personBySurname, nameKey(chunks[chunks.length - 1]), p);
      if (ff && canonical) push(personBySurname, nameKey(chunks[0]), p);
    }
  }
  return { orgs, nonstate, roles, people, personByName, personBySurname, lexicon, maxWords, prefixes, geo };
}

// ---------------------------------------------------------------- lookups

/** A name's word keys joined by one space (memoised: the same names and surnames are asked for again and again). */
const nameKeys = new Map<string, string>();
function nameKey(s: string): string {
  let k = nameKeys.get(s);
  if (k === undefined) {
    if (nameKeys.size > 20000) nameKeys.clear();
    k = words(s)
      .map((w) => w.key)
      .join(' ');
    nameKeys.set(s, k);
  }
  return k;
}

/** The term of a person in force at a date, preferring one matching role/country when given. */
export function termAt(
  p: Person,
  date: string | null | undefined,
  role?: string | null,
  country?: string | null,
): Term | null {
  const live = p.terms.filter((t) => termCovers(t, date));
  const pool = live.length ? live : dateBounds(date) ? [] : p.terms.slice(-1);
  if (!pool.length) return null;
  if (pool.length === 1) return pool[0];
  const fam = role ? familyOf(role) : null;
  const rk = role ? normKey(role) : null;
  const score = (t: Term) =>
    (rk !== null && normKey(t.roleNorm) === rk ? 4 : 0) +
    (fam && t.family === fam ? 2 : 0) +
    (country && (t.country === country || t.org === country) ? 1 : 0);
  // the first term of the highest score (each term scored once)
  let best = pool[0];
  let bestScore = score(best);
  for (let k = 1; k < pool.length; k++) {
    const s = score(pool[k]);
    if (s > bestScore) {
      best = pool[k];
      bestScore = s;
    }
  }
  return best;
}

let roleFamilies: Map<string, string> | null = null;
function familyOf(role: string): string | null {
  return roleFamilies?.get(normKey(role)) ?? null;
}

function indexFamilies(kb: ActorKB) {
  if (roleFamilies) return;
  roleFamilies = new Map();
  for (const r of kb.roles.values()) if (r.family) roleFamilies.set(normKey(r.role), r.family);
}

/**
 * A person by full name, alias or surname. With a date, people holding office then are
 * preferred; a surname must be unambiguous (among office holders at the date, if given).
 */
export function findPerson(kb: ActorKB, name: string, date?: string | null): PersonHit | null {
  indexFamilies(kb);
  const k = nameKey(name);
  if (!k) return null;
  let cands = kb.personByName.get(k);
  if (!cands) cands = kb.personBySurname.get(k);
  if (!cands || !cands.length) return null;
  if (cands.length > 1) {
    const live = cands.filter((p) => p.terms.some((t) => termCovers(t, date)));
    if (live.length !== 1) return null;
    cands = live;
  }
  const person = cands[0];
  return { person, term: termAt(person, date) };
}

/** A person by surname who held a given office (or one of its family) in a country at a date. */
export function findBySurnameAndRole(
  kb: ActorKB,
  surname: string,
  role: string | null,
  country: string | null,
  date: string | null | undefined,
): PersonHit | null {
  indexFamilies(kb);
  const cands = kb.personBySurname.get(normKey(surname)) ?? [];
  const rk = role ? normKey(kb.roles.get(normKey(role))?.role ?? role) : null;
  const fam = rk ? familyOf(rk) : null;
  const hits: PersonHit[] = [];
  for (const p of cands)
    for (const t of p.terms) {
      if (country && t.country !== country && t.org !== country) continue;
      if (rk && normKey(t.roleNorm) !== rk && !(fam && t.family === fam)) continue;
      if (dateBounds(date) ? !termCovers(t, date) : false) continue;
      hits.push({ person: p, term: t });
    }
  const uniq = new Set(hits.map((h) => h.person));
  return uniq.size === 1 ? hits[hits.length - 1] : null;
}

/** Who held an office (role or a title of the same family) in a country or organisation at a date. */
export function officeHolder(
  kb: ActorKB,
  role: string,
  country: string | null,
  date: string | null | undefined,
): PersonHit | null {
  if (!country) return null;
  // the same office, country and date recur in a document and across documents of one day
  let memo = officeMemo.get(kb);
  if (!memo) officeMemo.set(kb, (memo = new Map()));
  const key = `${role}\u0000${country}\u0000${date ?? ''}`;
  let hit = memo.get(key);
  if (hit === undefined) {
    if (memo.size > 20000) memo.clear();
    hit = officeHolderUncached(kb, role, country, date);
    memo.set(key, hit);
  }
  return hit;
}
const officeMemo = new WeakMap<ActorKB, Map<string, PersonHit | null>>();

function officeHolderUncached(
  kb: ActorKB,
  role: string,
  country: string | null,
  date: string | null | undefined,
): PersonHit | null {
  indexFamilies(kb);
  const rk = normKey(kb.roles.get(normKey(role))?.role ?? role);
  const fam = familyOf(rk);
  const found: PersonHit[] = [];
  const byFamily: PersonHit[] = [];
  if (!country) return null;
  for (const { person: p, term: t } of termsOf(kb, country)) {
    if (!termCovers(t, date)) continue;
    if (normKey(t.roleNorm) === rk) found.push({ person: p, term: t });
    else if (fam && t.family === fam) byFamily.push({ person: p, term: t });
  }
  const hits = found.length ? found : byFamily;
  const uniq = new Set(hits.map((h) => h.person));
  return uniq.size === 1 ? hits[0] : null;
}

const byCountry = new WeakMap<ActorKB, Map<string, { person: Person; term: Term }[]>>();
/** All terms of office in a country or organisation (indexed once per KB). */
export function termsOf(kb: ActorKB, country: string): { person: Person; term: Term }[] {
  let m = byCountry.get(kb);
  if (!m) {
    m = new Map();
    for (const p of kb.people)
      for (const t of p.terms) {
        const c = t.country ?? t.org;
        if (!c) continue;
        const l = m.get(c) ?? [];
        l.push({ person: p, term: t });
        m.set(c, l);
      }
    byCountry.set(kb, m);
  }
  return m.get(country) ?? [];
}

export function orgByCode(kb: ActorKB, code: string): OrgInfo | null {
  return kb.orgs.get(code) ?? null;
}

export function roleOf(kb: ActorKB, title: string): RoleInfo | null {
  return kb.roles.get(normKey(title)) ?? null;
}

/** CAMEO actor code: country (or org code) + sector. */
export function cameoCode(country: string | null, sector: string | null, orgCameo?: string | null): string | null {
  if (orgCameo) return orgCameo;
  if (!country) return null;
  return country + (sector ?? '');
}

export function personActor(kb: ActorKB, p: Person, t: Term | null, over: Partial<Actor> = {}): Actor {
  const org = over.org ?? t?.org ?? null;
  const country = over.country ?? t?.country ?? null;
  const sector = over.sector ?? t?.sector ?? (t ? 'GOV' : null);
  const orgCameo = !country && org ? (kb.orgs.get(org)?.cameo ?? null) : null;
  return {
    name: p.name,
    role: over.role ?? (t ? t.roleNorm || t.role : null),
    country,
    org,
    sector,
    code: cameoCode(country, sector, orgCameo),
  };
}
