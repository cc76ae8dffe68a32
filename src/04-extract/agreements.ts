/** STUB stage: returns empty layers until implemented. */
import type { Stage } from '../pipeline.js';

export const agreementStage: Stage = {
  name: 'agreements',
  requires: ['sentences', 'actors', 'dates', 'topics'],
  produces: ['agreements'],
  run() {
    return { layers: { agreements: [] } };
  },
};
