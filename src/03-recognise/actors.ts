/** STUB stage: returns empty layers until implemented. */
import type { Stage } from '../pipeline.js';

export const actorStage: Stage = {
  name: 'actors',
  requires: ['sentences', 'turns'],
  produces: ['actors', 'turns'],
  run() {
    return { layers: { actors: [] } };
  },
};
