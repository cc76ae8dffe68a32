/** STUB stage: returns empty layers until implemented. */
import type { Stage } from '../pipeline.js';

export const placeStage: Stage = {
  name: 'places',
  requires: ['sentences'],
  produces: ['places'],
  run() {
    return { layers: { places: [] } };
  },
};
