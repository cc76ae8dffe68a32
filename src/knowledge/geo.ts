/**
 * Geographic knowledge: countries (ISO 3166-1 alpha-3, names, short names, adjectives,
 * demonyms, capitals) and places (cities with coordinates, regions, aliases).
 * Sources are documented in data/README.md.
 * STUB: owned by the knowledge-base work (issue 3); extend freely, keep the exported names.
 */
export interface CountryInfo {
  code: string; // ISO alpha-3
  name: string; // English short name, e.g. "Russia"
  capital: string | null;
  lat: number | null;
  lon: number | null;
}

export interface GeoKB {
  countries: Map<string, CountryInfo>;
  /** lower-cased alias (name, short name, adjective, demonym) -> alpha-3 */
  countryByAlias: Map<string, string>;
}

export function loadGeoKB(_dataDir: string): GeoKB {
  return { countries: new Map(), countryByAlias: new Map() };
}
