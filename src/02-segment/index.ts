/** STUB stage: returns empty layers until implemented. */
import type { Stage } from '../pipeline.js';

export const segmentStage: Stage = {
  name: 'segment',
  requires: [],
  produces: ['paragraphs', 'sentences', 'tokens', 'turns'],
  run() {
    return { layers: { paragraphs: [], sentences: [], tokens: [], turns: [] } };
  },
};
