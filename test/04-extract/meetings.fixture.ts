/** Hand-built documents for the extraction tests: text plus actor/date/place/turn layers. */
import type { Actor, ActorMention, DateMention, Doc, MentionKind, PlaceMention, Turn } from '../../src/00-model/doc.js';
import { emptyActor } from '../../src/00-model/doc.js';
import { findTopics } from '../../src/04-extract/topics.js';
import { sentencesOf } from '../../src/04-extract/meet-util.js';
import { loadKB } from '../../src/knowledge/index.js';
import { testDoc } from '../fixtures/doc.js';

export const kb = loadKB();

export interface Fixture {
  text: string;
  published?: string;
  place?: string;
  speaker?: string;
  /** surface -> actor; every occurrence is a mention */
  actors?: [string, MentionKind, Partial<Actor>][];
  /** surface -> [value, future, valueEnd?] */
  dates?: [string, string, boolean | null, string?][];
  places?: [string, string][];
  turns?: { label: string | null; speakerName: string | null; role: Turn['role']; country?: string }[];
}

function occurrences(text: string, surface: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<![\\p{L}])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m.index);
  return out;
}

export function makeDoc(f: Fixture): Doc {
  const text = f.text;
  const actors: ActorMention[] = [];
  for (const [surface, kind, a] of f.actors ?? []) {
    for (const at of occurrences(text, surface)) {
      actors.push({
        start: at,
        end: at + surface.length,
        kind,
        actor: emptyActor(a),
        key: `${kind}:${a.name ?? a.country ?? a.org}`,
        rule: 'test',
      });
    }
  }
  const dates: DateMention[] = [];
  for (const [surface, value, future, valueEnd] of f.dates ?? []) {
    for (const at of occurrences(text, surface)) {
      dates.push({
        start: at,
        end: at + surface.length,
        value,
        valueEnd: valueEnd ?? null,
        precision: 'day',
        type: 'absolute',
        future,
        rule: 'test',
      });
    }
  }
  const places: PlaceMention[] = [];
  for (const [surface, country] of f.places ?? []) {
    for (const at of occurrences(text, surface)) {
      places.push({
        start: at,
        end: at + surface.length,
        place: { name: surface, country, lat: null, lon: null },
        key: surface,
        rule: 'test',
      });
    }
  }
  // turns: paragraphs starting with "Label:" open a new turn
  const turns: Turn[] = [];
  if (f.turns) {
    let ti = 0;
    const re = /^([^\n:]{2,60}):\s/gm;
    let m: RegExpExecArray | null;
    const starts: { at: number; bodyStart: number }[] = [];
    while ((m = re.exec(text))) starts.push({ at: m.index, bodyStart: m.index + m[0].length });
    starts.forEach((s, i) => {
      const t = f.turns![ti++];
      if (!t) return;
      const end = i + 1 < starts.length ? starts[i + 1].at : text.length;
      turns.push({
        index: i,
        start: s.at,
        end,
        label: t.label,
        bodyStart: s.bodyStart,
        speakerName: t.speakerName,
        speaker: t.speakerName ? emptyActor({ name: t.speakerName, country: t.country ?? null }) : null,
        role: t.role,
      });
    });
    for (const t of turns) {
      if (t.speaker && t.role !== 'question') {
        for (const w of ['I', 'we', 'We']) {
          for (const at of occurrences(text.slice(t.bodyStart, t.end), w)) {
            actors.push({
              start: t.bodyStart + at,
              end: t.bodyStart + at + w.length,
              kind: 'pronoun',
              actor: t.speaker,
              key: 'pronoun',
              rule: 'test',
            });
          }
        }
      }
    }
  }
  actors.sort((a, b) => a.start - b.start);
  const base: Doc = testDoc(text, {
    published: f.published ?? null,
    place: f.place ? { name: f.place, country: null, lat: null, lon: null } : null,
    speakers: f.speaker ? [f.speaker] : [],
    titleSpeaker: f.speaker ?? null,
  });
  const withTurns: Doc = { ...base, layers: { turns } };
  const sentences = sentencesOf(withTurns)
    .map((s) => ({ ...s, turn: turns.findIndex((t) => s.start >= t.start && s.end <= t.end) }))
    .map((s) => ({ ...s, turn: s.turn < 0 ? null : s.turn }));
  return { ...base, layers: { sentences, turns, actors, dates, places, topics: findTopics(text, kb) } };
}

export const LAVROV: [string, MentionKind, Partial<Actor>] = [
  'Sergey Lavrov',
  'person',
  { name: 'Sergey Lavrov', country: 'RUS', role: 'Foreign Minister' },
];
