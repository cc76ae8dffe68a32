/** STUB stage: returns empty layers until implemented. */
import type { Stage } from '../pipeline.js';

export const quoteStage: Stage = {
  name: 'quotes',
  requires: ['sentences', 'actors'],
  produces: ['quotes'],
  run() {
    return { layers: { quotes: [] } };
  },
};
