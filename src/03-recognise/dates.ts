/** STUB stage: returns empty layers until implemented. */
import type { Stage } from '../pipeline.js';

export const dateStage: Stage = {
  name: 'dates',
  requires: ['sentences', 'actors'],
  produces: ['dates'],
  run() {
    return { layers: { dates: [] } };
  },
};
