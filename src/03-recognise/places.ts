/**
 * Place recogniser: capitalised name sequences looked up in the place KB.
 *
 * - Curated places (regions, seas, other spellings) and capitals are recognised anywhere, except
 *   where the actors layer reads the words as an actor ("Moscow and Washington agreed") and no
 *   locative word precedes them ("in Moscow" stays a place).
 * - Other GeoNames towns and country names count only after a locative cue ("in", "to", "near",
 *   "visited"…) or in a dateline at the start of a line ("SOCHI, May 3").
 * - Ambiguous names are resolved with the document's countries (dateline, actors, places already
 *   resolved); a name that stays ambiguous or unknown is skipped, never an error.
 * - doc.meta.place (the dateline) gets its coordinates and canonical name.
 */
import type { ActorMention, Doc, DocMeta, Place, PlaceMention, Span } from '../00-model/doc.js';
import type { Stage } from '../pipeline.js';
import type { KB } from '../knowledge/index.js';
import { placeKey, type PlaceEntry } from '../knowledge/places.js';
import { isJsSpace } from '../00-model/chars.js';

// a capitalised word, with Arabic article prefixes ("ez-Zor", "al-Bab") and "St."
const WORD = "(?:(?:al|el|ez|ad|as|ar|ash|at|an|az)-)?(?:St\\.|[A-Z][\\p{L}\\p{M}'’\\-]*)";
const CONNECT = '(?:de|da|do|del|dos|das|of|la|le|el|al|ez|upon|on|am|an|der|sur)';
// administrative nouns that may follow a name ("Idlib province") — grammatical closed class
const ADMIN = '(?:province|governorate|region|oblast|district|prefecture|county|krai)';
const SEQ = new RegExp(`${WORD}(?:[ \\u00a0](?:${CONNECT} )?${WORD})*(?: ${ADMIN})?`, 'gu');
const LOCATIVE =
  /(?:\b(?:in|at|to|from|near|outside|around|across|into|via|toward|towards|throughout|within|visit|visits|visited|visiting|reached|leave|left|arrive|arrived|hosted in|held in|city of|town of|province of|region of)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?)$/i;
const MONTH_OR_DAY =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mr|Mrs|Ms|Dr|The|This|That|These|Those|We|I|He|She|It|They|Our|His|Her|Their)$/;

/** first actor mention overlapping [start, end); `actors` sorted by start, `cursor` only moves forward */
function overlapsActor(actors: ActorSpan[], start: number, end: number, cursor: { i: number }): ActorSpan | null {
  while (cursor.i < actors.length && actors[cursor.i].end <= start - 200) cursor.i++;
  for (let k = cursor.i; k < actors.length; k++) {
    const a = actors[k];
    if (a.start >= end) break;
    if (a.end > start) return a;
  }
  return null;
}

interface Cand extends Span {
  name: string;
  /** readings from the KB (already ranked) */
  entries: PlaceEntry[] | null;
  /** a country name in a locative context */
  country: string | null;
  rule: string;
}

/** an actor mention as the place finder reads it */
interface ActorSpan {
  start: number;
  end: number;
  kind: string;
  rule?: string;
  actor?: { country?: string | null };
}

export interface FindOptions {
  actors?: ActorSpan[];
}

/** longest known name in words; sub-spans longer than this are never looked up */
const MAX_WORDS = 5;

// ---------------------------------------------------------------- cheap exact pre-checks
//
// Most capitalised runs are people, titles and sentence starts. Rather than normalising and
// looking up every sub-span, findCandidates first asks questions that can only say "maybe":
// could the span's key start with the first word of a known key, could LOCATIVE match before
// it. Hashes are of lower-cased characters; a collision only costs the exact check.

const hashStep = (h: number, c: number) => (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c | 32 : c)) | 0;
function hashOf(s: string, from = 0, to = s.length): number {
  let h = 0;
  for (let k = from; k < to; k++) h = hashStep(h, s.charCodeAt(k));
  return h;
}

/** slots of the first-word table (a power of two) */
const FIRST_SLOTS = 1 << 14;
const firstWordTables = new WeakMap<object, Uint8Array | null>();
/** hashes of the first words of the known keys, or null when the KB cannot list its keys */
function firstWordTable(pk: KB['places']): Uint8Array | null {
  let t = firstWordTables.get(pk);
  if (t !== undefined) return t;
  t = null;
  if (pk.knownKeys) {
    t = new Uint8Array(FIRST_SLOTS);
    for (const k of pk.knownKeys()) {
      const sp = k.indexOf(' ');
      t[hashOf(k, 0, sp < 0 ? k.length : sp) & (FIRST_SLOTS - 1)] = 1;
    }
  }
  firstWordTables.set(pk, t);
  return t;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** the last word LOCATIVE can end with (before its trailing whitespace), hashed */
const LOCATIVE_LAST = new Set(
  'in at to from near outside around across into via toward towards throughout within visit visits visited visiting reached leave left arrive arrived of the'
    .split(' ')
    .map((w) => hashOf(w)),
);
/**
 * false when LOCATIVE cannot match the 40 characters before `start`: its match ends with
 * whitespace after one of the LOCATIVE_LAST words, so the ASCII letters before the trailing
 * whitespace must spell one
 */
function mayBeLocative(text: string, start: number): boolean {
  const lo = Math.max(0, start - 40);
  let k = start - 1;
  if (k < lo || !isJsSpace(text.charCodeAt(k))) return false;
  while (k >= lo && isJsSpace(text.charCodeAt(k))) k--;
  const e = k + 1;
  while (k >= lo && e - k <= 11 && isAsciiLetter(text.charCodeAt(k))) k--;
  const len = e - k - 1;
  return len >= 2 && len <= 10 && LOCATIVE_LAST.has(hashOf(text, k + 1, e));
}

/** /\n[ \t]*$/ on the 40 characters before `start`, or `start` is 0 */
function atLineStart(text: string, start: number): boolean {
  if (start === 0) return true;
  const lo = Math.max(0, start - 40);
  let k = start - 1;
  while (k >= lo && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  return k >= lo && text.charCodeAt(k) === 10;
}

const MONTH_OR_DAY_WORDS = new Set(MONTH_OR_DAY.source.slice(4, -2).split('|'));
const MONTH_OR_DAY_HASHES = new Set([...MONTH_OR_DAY_WORDS].map((w) => hashOf(w)));

/** the words of the current capitalised run and what the pre-checks need of each (reused) */
const W = {
  start: [] as number[],
  end: [] as number[],
  /** characters a trailing possessive takes ("'s", "’") */
  poss: [] as number[],
  /** the word (as a whole, or without its possessive) is ASCII: its key token is its lower case */
  ascii: [] as boolean[],
  asciiPoss: [] as boolean[],
  hash: [] as number[],
  hashPoss: [] as number[],
  /** the word is "the" in any case */
  the: [] as boolean[],
  /** the word without its possessive is a month, weekday, title or pronoun (MONTH_OR_DAY) */
  monthOrDay: [] as boolean[],
};

/** splits the run text[from, to) at its separators (space, no-break space) into W */
function readWords(text: string, from: number, to: number): number {
  let n = 0;
  let k = from;
  while (k < to) {
    let c = text.charCodeAt(k);
    if (c === 32 || c === 0xa0) {
      k++;
      continue;
    }
    const ws = k;
    let h = 0;
    let lastAscii = -1; // index of the last non-ASCII character
    while (k < to && (c = text.charCodeAt(k)) !== 32 && c !== 0xa0) {
      if (c >= 128) lastAscii = k;
      h = hashStep(h, c);
      k++;
    }
    const c1 = text.charCodeAt(k - 1);
    const poss =
      c1 === 39 || c1 === 0x2019
        ? 1
        : c1 === 115 && k - 2 >= ws && (text.charCodeAt(k - 2) === 39 || text.charCodeAt(k - 2) === 0x2019)
          ? 2
          : 0;
    W.start[n] = ws;
    W.end[n] = k;
    W.poss[n] = poss;
    W.hash[n] = h;
    W.ascii[n] = lastAscii < 0;
    W.asciiPoss[n] = lastAscii < k - poss;
    W.hashPoss[n] = poss ? hashOf(text, ws, k - poss) : h;
    W.the[n] =
      k - ws === 3 &&
      (text.charCodeAt(ws) | 32) === 116 &&
      (text.charCodeAt(ws + 1) | 32) === 104 &&
      (text.charCodeAt(ws + 2) | 32) === 101;
    W.monthOrDay[n] =
      k - poss - ws <= 9 && MONTH_OR_DAY_HASHES.has(W.hashPoss[n]) && MONTH_OR_DAY_WORDS.has(text.slice(ws, k - poss));
    n++;
  }
  return n;
}

const UPPER_AT = /\p{Lu}/uy;

/**
 * SEQ, tried only where it can start: an ASCII capital (or the S of "St.") or an article prefix
 * ("al-", "ash-"); the engine would otherwise try its Unicode pattern at every position
 */
const SEQ_AT = new RegExp(SEQ.source, 'uy');
function nextSeqStart(text: string, from: number): number {
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) return k;
    if ((c === 97 || c === 101) && (text.charCodeAt(k + 2) === 45 || text.charCodeAt(k + 3) === 45)) return k;
  }
  return -1;
}

/** a next word that does not make a place name part of a longer name ("Moscow in …") */
const LINK_WORD = /^(?:in|at|to|from)$/i;
const INITIALISM = /^[A-Z]{1,3}$/;
const THE_BEFORE = /\bthe\s+$/i;
const DATELINE_AFTER = /^[ \t]*(?:,|\(|—|–|-\s)/;

/** what findCandidates asks of the text before one start position: computed lazily, at most once */
class StartContext {
  private start = 0;
  private before: string | null = null;
  private loc: boolean | null = null;
  private dl: boolean | null = null;
  constructor(private readonly text: string) {}

  /** moves to a new start position, forgetting what was computed for the last */
  at(start: number): void {
    this.start = start;
    this.before = this.loc = this.dl = null;
  }
  /** the 40 characters before the start */
  textBefore(): string {
    return (this.before ??= this.text.slice(Math.max(0, this.start - 40), this.start));
  }
  /** a locative cue ("in", "visited", "city of"…) right before the start */
  locative(): boolean {
    return (this.loc ??= mayBeLocative(this.text, this.start) && LOCATIVE.test(this.textBefore()));
  }
  /** a dateline: the start opens a line and a comma, bracket or dash follows the span
   * (decided with the `end` of the first span that asks, once per start position) */
  dateline(end: number): boolean {
    return (this.dl ??= atLineStart(this.text, this.start) && DATELINE_AFTER.test(this.text.slice(end, end + 3)));
  }
}

/** Finds place candidates in the text (no context resolution yet). */
function findCandidates(text: string, kb: KB, opts: FindOptions): Cand[] {
  const pk = kb.places;
  const firsts = firstWordTable(pk);
  const given = opts.actors ?? [];
  // (the actors layer is usually in order already: no copy then)
  let sorted = true;
  for (let k = 1; k < given.length && sorted; k++) sorted = given[k - 1].start <= given[k].start;
  const actors = sorted ? given : [...given].sort((a, b) => a.start - b.start);
  const cursor = { i: 0 };
  const ctx = new StartContext(text);
  const out: Cand[] = [];
  /** whether the key of the span of words [i, j) may be a known key (see firstWordTable) */
  const mayBeKnown = (i: number, j: number): boolean => {
    if (!firsts) return true;
    // placeKey drops a leading "the "; a one-word span loses its possessive
    const f = W.the[i] && j > i + 1 ? i + 1 : i;
    const last = j === f + 1;
    if (!(last ? W.asciiPoss[f] : W.ascii[f])) return true;
    return firsts[(last ? W.hashPoss[f] : W.hash[f]) & (FIRST_SLOTS - 1)] === 1;
  };
  // the capitalised runs: SEQ's matches, as a global scan finds them
  for (let at = nextSeqStart(text, 0); at >= 0;) {
    SEQ_AT.lastIndex = at;
    if (!SEQ_AT.test(text)) {
      at = nextSeqStart(text, at + 1);
      continue;
    }
    const runEnd = SEQ_AT.lastIndex;
    const nw = readWords(text, at, runEnd);
    at = nextSeqStart(text, runEnd);
    let i = 0;
    while (i < nw) {
      let matched = false;
      const start = W.start[i];
      ctx.at(start);
      for (let j = Math.min(nw, i + MAX_WORDS); j > i; j--) {
        // the span without a trailing possessive / punctuation
        const end = W.end[j - 1] - W.poss[j - 1];
        if (end <= start || (j === i + 1 && W.monthOrDay[i])) continue;
        let name: string | null = null;
        let key: string | null = null;
        let known: PlaceEntry[] | undefined;
        if (mayBeKnown(i, j)) known = pk.known((key = placeKey((name = text.slice(start, end)))));
        if (!known && i !== 0) continue;
        const whole = i === 0 && j === nw;
        const actor = overlapsActor(actors, start, end, cursor);
        if (actor) {
          // an actor reading ("Moscow insists", "Lavrov") wins unless a locative word precedes;
          // a person or an organisation is never a place
          if (actor.kind !== 'country' || !(ctx.locative() || ctx.dateline(end))) continue;
        }
        name ??= text.slice(start, end);
        if (known) {
          // a place name inside a longer name is a modifier ("the Paris Agreement", "Moscow State
          // University", "the Washington Post"), not a mention of the place
          // (an initialism after it, as in "Washington D.C.", is a designator, not a longer name)
          if (j < nw) {
            UPPER_AT.lastIndex = W.start[j];
            if (
              UPPER_AT.test(text) &&
              !LINK_WORD.test(text.slice(W.start[j], W.end[j])) &&
              !(W.end[j] - W.start[j] === 1 && text[W.end[j]] === '.')
            ) {
              i = nw;
              matched = true;
              break;
            }
          }
          out.push({
            start,
            end,
            name,
            entries: pk.lookup(name),
            country: null,
            rule: ctx.locative() ? 'place:known+locative' : ctx.dateline(end) ? 'place:dateline' : 'place:known',
          });
          i = j;
          matched = true;
          break;
        }
        // whole sequence only: a country or a GeoNames town after a locative cue
        if (!(ctx.locative() || ctx.dateline(end))) continue;
        key ??= placeKey(name);
        // a country under its formal name ("to the Republic of Indonesia"): the actor stage read it
        const formal =
          actor?.rule === 'country-formal-name' && actor.start === start && actor.end === end
            ? actor.actor?.country
            : null;
        const cname = formal ? { code: formal } : kb.geo.aliases?.get(key)?.find((a) => a.kind === 'name');
        if (cname) {
          // a country right after the cue, even inside a longer capitalised run
          out.push({ start, end, name, entries: null, country: cname.code, rule: 'place:country' });
          i = j;
          matched = true;
          break;
        }
        if (!whole || pk.stop.has(key) || INITIALISM.test(name)) continue;
        // "the Hendra virus", "the Centenary": towns are not preceded by an article
        if (THE_BEFORE.test(ctx.textBefore())) continue;
        const entries = pk.lookup(name);
        if (entries.length) {
          out.push({
            start,
            end,
            name,
            entries,
            country: null,
            rule: ctx.dateline(end) ? 'place:dateline' : 'place:town',
          });
          i = j;
          matched = true;
          break;
        }
      }
      if (!matched) i++;
    }
  }
  return out;
}

/** all readings in one country (there is at least one) */
function oneCountry(list: PlaceEntry[]): boolean {
  if (!list.length) return false;
  for (let k = 1; k < list.length; k++) if (list[k].country !== list[0].country) return false;
  return true;
}

function normCountry(s: string): string {
  return placeKey(s);
}

function toPlace(e: PlaceEntry): Place {
  return { name: e.name, country: e.country, lat: e.lat, lon: e.lon };
}

function rank(list: PlaceEntry[], ctx: string[]): PlaceEntry | null {
  const strong = list.filter((e) => e.curated || e.capital);
  if (strong.length) {
    for (const c of ctx) {
      const hit = strong.find((e) => e.country === c);
      if (hit) return hit;
    }
    return strong[0];
  }
  for (const c of ctx) {
    const hit = list.find((e) => e.country === c);
    if (hit) return hit;
  }
  return new Set(list.map((e) => e.country)).size === 1 ? list[0] : null;
}

/** "Queenstown, NZ", "Geneva, Switzerland": the country written after the name */
function qualifier(text: string, end: number, kb: KB): string | null {
  const m = /^,\s*([A-Z][\p{L}.]*(?: [A-Z][\p{L}.]*){0,3})(?=\s*(?:[\n,;.)]|$))/u.exec(text.slice(end, end + 40));
  if (!m) return null;
  const a = kb.geo.aliases?.get(placeKey(m[1]))?.find((x) => x.kind === 'name');
  return a?.code ?? null;
}

const TITLE_PLACE =
  /(?:,|\b(?:in|at))\s+([A-Z][\p{L}.'’-]*(?:[ -][A-Z][\p{L}.'’-]*){0,2})(?:,\s*([A-Z][\p{L}.]*(?: [A-Z][\p{L}.]*){0,3}))?[\s.]*$/u;

/**
 * The place a title ends with, when there is no dateline: "Joint Press Conference by …, Jakarta",
 * "Envoy John Kerry Meetings in Moscow, Russia". Only a well-known place (a capital or a curated
 * city) or one whose country the title writes after it; never a country ("Visit to China").
 */
function titlePlace(title: string, kb: KB): Place | null {
  const m = TITLE_PLACE.exec(title.trim());
  if (!m) return null;
  const name = m[1]!;
  if (kb.geo.aliases?.get(placeKey(name))?.some((a) => a.kind === 'name')) return null;
  const list = kb.places.lookup(name);
  if (!list.length) return null;
  const q = m[2] ? kb.geo.aliases?.get(placeKey(m[2]))?.find((x) => x.kind === 'name')?.code : null;
  if (m[2] && !q) return null;
  const within = q ? list.filter((e) => e.country === q) : list.filter((e) => e.curated || e.capital);
  const e = rank(within, []);
  return e ? toPlace(e) : null;
}

/** the country of the region written after a name in slashes: "IGORA /Leningrad Region/, December 26" */
function regionCountry(text: string, name: string, kb: KB): string | null {
  const i = text.toLowerCase().indexOf(name.toLowerCase());
  if (i < 0 || i > 2000) return null;
  const m = /^\s*\/([^/\n]{2,40})\//.exec(text.slice(i + name.length, i + name.length + 50));
  if (!m) return null;
  const list = kb.places.lookup(m[1]!.trim());
  const countries = new Set(list.map((e) => e.country));
  return countries.size === 1 ? [...countries][0]! : null;
}

/** the qualifier after the first of the first few occurrences of a name in the text that has one */
function textQualifier(text: string, name: string, kb: KB): string | null {
  let at = 0;
  for (let k = 0; k < 5; k++) {
    const i = text.indexOf(name, at);
    if (i < 0) return null;
    at = i + name.length;
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    if (/[\p{L}\p{N}]/u.test(String.fromCharCode(before))) continue;
    const q = qualifier(text, at, kb);
    if (q) return q;
  }
  return null;
}

/** Recognises and resolves places; returns mentions and the resolved dateline place. */
export function recognisePlaces(
  doc: Pick<Doc, 'text' | 'meta' | 'layers'>,
  kb: KB,
): { places: PlaceMention[]; place: Place | null } {
  const actors = doc.layers.actors ?? [];
  const cands = findCandidates(doc.text, kb, { actors });
  // context: dateline country, countries of actors (by frequency), countries of unambiguous places
  const freq = contextCountries(actors, cands);
  const metaPlace = doc.meta.place;
  let place: Place | null = metaPlace;
  if (metaPlace?.name) {
    place = datelinePlace(doc.text, metaPlace, kb, freq);
    if (place.country) bump(freq, place.country, 5);
  }
  if (!metaPlace?.name && doc.meta.title) {
    const t = titlePlace(doc.meta.title, kb);
    if (t) {
      place = t;
      if (t.country) bump(freq, t.country, 5);
    }
  }
  const ctx = byFrequency(freq);
  const places: PlaceMention[] = [];
  for (const c of cands) {
    const p = candidatePlace(doc.text, c, kb, ctx);
    if (!p) continue;
    places.push({ start: c.start, end: c.end, place: p, key: `place:${p.name}|${p.country ?? ''}`, rule: c.rule });
  }
  if (!place) place = leadPlace(doc, places);
  return { places, place };
}

/** Countries of the actors (weight 1) and of the unambiguous place candidates (weight 2), with their weights. */
function contextCountries(actors: readonly ActorMention[], cands: Cand[]): Map<string, number> {
  const freq = new Map<string, number>();
  for (const a of actors) bump(freq, a.actor.country, 1);
  for (const c of cands) {
    if (c.country) bump(freq, c.country, 2);
    else if (c.entries && oneCountry(c.entries)) bump(freq, c.entries[0].country, 2);
  }
  return freq;
}

function bump(freq: Map<string, number>, c: string | null | undefined, w: number): void {
  if (c) freq.set(c, (freq.get(c) ?? 0) + w);
}

/** The countries by weight, heaviest first. */
function byFrequency(freq: Map<string, number>): string[] {
  return [...freq.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

/** The dateline's place as the gazetteer knows it (namesakes decided by the document's countries), else as written. */
function datelinePlace(text: string, metaPlace: Place, kb: KB, freq: Map<string, number>): Place {
  const list = kb.places.lookup(metaPlace.name);
  const ctx0 = [...(metaPlace.country ? [metaPlace.country] : []), ...byFrequency(freq)];
  // the country the text writes after the name ("Queenstown, NZ") decides between namesakes
  const q = metaPlace.country ? null : textQualifier(text, metaPlace.name, kb);
  const within = q ? list.filter((x) => x.country === q) : [];
  const e = list.length
    ? rank(
        metaPlace.country
          ? list.filter((x) => x.country === metaPlace.country).concat(list)
          : within.length
            ? within
            : list,
        ctx0,
      )
    : null;
  if (e) return toPlace(e);
  if (!metaPlace.country) {
    // a town the gazetteer lacks: a dateline's region gives the country ("IGORA /Leningrad Region/")
    const c = regionCountry(text, metaPlace.name, kb);
    if (c) return { ...metaPlace, country: c };
  }
  return metaPlace;
}

/** The place a candidate names: a country (in a locative context), else its best reading in the document's context. */
function candidatePlace(text: string, c: Cand, kb: KB, ctx: string[]): Place | null {
  if (c.country) {
    const info = kb.geo.countries.get(c.country);
    return info ? { name: info.name, country: info.code, lat: info.lat, lon: info.lon } : null;
  }
  if (!c.entries) return null;
  // the country written after the name ("Geneva, Switzerland") decides first
  const q = qualifier(text, c.end, kb);
  const within = q ? c.entries.filter((e) => e.country === q) : [];
  const e = rank(within.length ? within : c.entries, ctx);
  return e ? toPlace(e) : null;
}

const LEAD_MEETING =
  /\b(?:met|meets|meeting|meetings|talks|discussions?|consultations|visit(?:s|ed)?|travell?ed|arrived|held|hosted|gathered|convened)\b/i;
const LEAD_SENTENCES = 3;
/** an announcement of a meeting to come names no place of the document */
const LEAD_FUTURE = /\b(?:will|shall|is to|are to|to be held|scheduled|upcoming|forthcoming|next)\b/i;
/** "their meeting in Rome in October 2021", "held in Washington in September": an earlier occasion */
const LEAD_OTHER_TIME =
  /^,?\s+(?:in|during|last)\s+(?:early\s+|late\s+|mid-)?(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d{2})\b/;

/**
 * With neither dateline nor title place, the lead of a readout says where the meeting was:
 * "The Secretary met today with … in Bali, Indonesia." — the first town or city after "in"
 * in one of the first prose sentences that reports a meeting (a country is too vague).
 */
function leadPlace(doc: Pick<Doc, 'text' | 'layers'>, places: PlaceMention[]): Place | null {
  const text = doc.text;
  let prose = 0;
  for (const s of doc.layers.sentences ?? []) {
    if (prose >= LEAD_SENTENCES) break;
    const sentence = text.slice(s.start, s.end);
    if (sentence.split(/\s+/).length < 8) continue;
    prose++;
    if (!LEAD_MEETING.test(sentence) || LEAD_FUTURE.test(sentence)) continue;
    for (const p of places) {
      if (p.start < s.start || p.end > s.end || p.rule === 'place:country' || !p.place.country) continue;
      if (!/\bin\s+$/.test(text.slice(Math.max(s.start, p.start - 4), p.start))) continue;
      // skip a written country after the town ("in Bali, Indonesia in …")
      const after = text
        .slice(p.end, Math.min(s.end, p.end + 60))
        .replace(/^,\s*[A-Z][\p{L}.]*(?:\s+[A-Z][\p{L}.]*)*/u, '');
      if (LEAD_OTHER_TIME.test(after)) continue;
      return p.place;
    }
  }
  return null;
}

export const placeStage: Stage = {
  name: 'places',
  requires: ['sentences', 'tokens', 'actors'],
  produces: ['places'],
  run(doc: Doc, kb: KB) {
    const { places, place } = recognisePlaces(doc, kb);
    const meta: Partial<DocMeta> = {};
    if (place && place !== doc.meta.place) meta.place = place;
    return Object.keys(meta).length ? { layers: { places }, meta } : { layers: { places } };
  },
};
