/**
 * Test fixture for the event stage: runs the real segmentation, date, place and topic stages
 * and tags actors with a small deterministic tagger over the geo KB's country names,
 * adjectives and capitals (plus people given by the test), so event tests do not depend on the
 * state of the actor recogniser.
 */
import type { ActorMention, Doc, EventAnn } from '../../src/00-model/doc.js';
import { emptyActor } from '../../src/00-model/doc.js';
import { loadKB, type KB } from '../../src/knowledge/index.js';
import { applyStage, runStages } from '../../src/pipeline.js';
import { segmentStage } from '../../src/02-segment/index.js';
import { dateStage } from '../../src/03-recognise/dates.js';
import { placeStage } from '../../src/03-recognise/places.js';
import { topicStage } from '../../src/04-extract/topics.js';
import { quoteStage } from '../../src/04-extract/quotes.js';
import { eventStage } from '../../src/04-extract/events.js';
import { testDoc } from '../fixtures/doc.js';

export function makeDoc(text: string, published = '2017-07-10'): Doc {
  return testDoc(text, { published });
}

/** Longest-match country tagger over tokens; `people` maps a name to its country. */
export function tagActors(doc: Doc, kb: KB, people: Record<string, string> = {}): ActorMention[] {
  const toks = doc.layers.tokens ?? [];
  const out: ActorMention[] = [];
  const peopleLc = new Map(Object.entries(people).map(([k, c]) => [k.toLowerCase(), c]));
  for (let i = 0; i < toks.length; i++) {
    let best: { j: number; m: ActorMention } | null = null;
    for (let j = Math.min(toks.length - 1, i + 3); j >= i; j--) {
      const s = toks[i]!.start;
      const e = toks[j]!.end;
      const phrase = doc.text.slice(s, e);
      const lc = phrase.toLowerCase();
      const person = peopleLc.get(lc);
      if (person) {
        best = {
          j,
          m: {
            start: s,
            end: e,
            kind: 'person',
            actor: emptyActor({ name: phrase, country: person, code: person }),
            key: `person:${phrase}`,
            rule: 'test',
          },
        };
        break;
      }
      if (!/^[A-Z]/.test(phrase)) continue;
      const al = kb.geo.aliases.get(lc.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
      if (al && al.length) {
        const c = al[0]!.code;
        best = {
          j,
          m: {
            start: s,
            end: e,
            kind: 'country',
            actor: emptyActor({ country: c, code: c }),
            key: `country:${c}`,
            rule: 'test',
          },
        };
        break;
      }
    }
    if (best) {
      out.push(best.m);
      i = best.j;
    }
  }
  return out;
}

export function runEvents(
  text: string,
  opts: { people?: Record<string, string>; published?: string } = {},
): { doc: Doc; events: EventAnn[] } {
  const kb = loadKB();
  let doc = runStages(makeDoc(text, opts.published), kb, [segmentStage]);
  doc = { ...doc, layers: { ...doc.layers, actors: tagActors(doc, kb, opts.people) } };
  doc = runStages(doc, kb, [dateStage, placeStage, topicStage, quoteStage]);
  doc = applyStage(doc, kb, eventStage);
  return { doc, events: doc.layers.events ?? [] };
}

/** Compact view: "RUS>TUR:040" plus flags. */
export function brief(e: EventAnn): string {
  const a = (x: EventAnn['source']) => (x ? (x.org ?? x.country ?? x.name ?? '?') : '-');
  return `${a(e.source)}>${a(e.target)}:${e.cameo}${e.negated ? ' neg' : ''}${e.hypothetical ? ' hyp' : ''}`;
}
