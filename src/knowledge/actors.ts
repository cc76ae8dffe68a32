/**
 * Actor knowledge: international organisations and forums, non-state actors, and people
 * who hold office (with term dates). Sources are documented in data/README.md.
 * STUB: owned by the knowledge-base work (issue 3); extend freely, keep the exported names.
 */
import type { GeoKB } from './geo.js';

export interface ActorKB {
  placeholder?: true;
}

export function loadActorKB(_dataDir: string, _geo: GeoKB): ActorKB {
  return {};
}
