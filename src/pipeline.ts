/**
 * The pipeline: an ordered list of stages over one Doc, in the spirit of spaCy's
 * Language: every component has the same signature, (doc, kb) => StageOutput, and
 * returns the layers it produces; the pipeline merges them into a new Doc.
 */
import type { Doc, Layers, StageOutput } from './00-model/doc.js';
import type { KB } from './knowledge/index.js';

export interface Stage {
  name: string;
  /** layers this stage reads */
  requires: (keyof Layers)[];
  /** layers this stage writes */
  produces: (keyof Layers)[];
  run(doc: Doc, kb: KB): StageOutput;
}

export function applyStage(doc: Doc, kb: KB, stage: Stage): Doc {
  for (const l of stage.requires) {
    if (!doc.layers[l]) throw new Error(`stage "${stage.name}" needs layer "${l}", which no earlier stage produced`);
  }
  const out = stage.run(doc, kb);
  return {
    id: doc.id,
    text: doc.text,
    meta: out.meta ? { ...doc.meta, ...out.meta } : doc.meta,
    layers: out.layers ? { ...doc.layers, ...out.layers } : doc.layers,
  };
}

export function runStages(doc: Doc, kb: KB, stages: Stage[]): Doc {
  let d = doc;
  for (const s of stages) d = applyStage(d, kb, s);
  return d;
}
