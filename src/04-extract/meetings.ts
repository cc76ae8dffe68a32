/** STUB stage: returns empty layers until implemented. */
import type { Stage } from '../pipeline.js';

export const meetingStage: Stage = {
  name: 'meetings',
  requires: ['sentences', 'actors', 'dates', 'places', 'topics'],
  produces: ['meetings'],
  run() {
    return { layers: { meetings: [] } };
  },
};
