/** STUB stage: returns empty layers until implemented. */
import type { Stage } from '../pipeline.js';

export const eventStage: Stage = {
  name: 'events',
  requires: ['sentences', 'actors', 'dates', 'places', 'topics'],
  produces: ['events'],
  run() {
    return { layers: { events: [] } };
  },
};
