/** STUB stage: returns empty layers until implemented. */
import type { Stage } from '../pipeline.js';

export const topicStage: Stage = {
  name: 'topics',
  requires: ['sentences'],
  produces: ['topics'],
  run() {
    return { layers: { topics: [] } };
  },
};
