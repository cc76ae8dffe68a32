/**
 * The map view's data, computed on the server so the browser needs no map library or tile
 * server: world country shapes (Natural Earth via world-atlas) projected to SVG paths once, and
 * the places of meetings and events projected with the same projection.
 */
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import countries from 'i18n-iso-countries';
import type { RecordFilter, Store } from '../05-store/store.js';

const require = createRequire(import.meta.url);
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 480;

let world: { projection: GeoProjection; shapes: { id: string | null; name: string; d: string }[] } | null = null;

function loadWorld() {
  if (world) return world;
  const topo = require('world-atlas/countries-110m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const fc = feature(topo, topo.objects.countries);
  const projection = geoEqualEarth().fitSize([MAP_WIDTH, MAP_HEIGHT], fc);
  const path = geoPath(projection);
  const shapes = fc.features.map((f) => ({
    id: f.id != null ? (countries.numericToAlpha3(String(f.id).padStart(3, '0')) ?? null) : null,
    name: f.properties?.name ?? '',
    d: path(f) ?? '',
  }));
  world = { projection, shapes };
  return world;
}

export interface MapPoint {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  x: number;
  y: number;
  meetings: number;
  events: number;
  goldsteinMean: number | null;
}

export function worldMap(store: Store, filter: RecordFilter) {
  const { projection, shapes } = loadWorld();
  const points: MapPoint[] = [];
  for (const p of store.placeCounts(filter)) {
    if (p.lat == null || p.lon == null) continue;
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    points.push({ ...p, lat: p.lat, lon: p.lon, x: +xy[0].toFixed(1), y: +xy[1].toFixed(1) });
  }
  return { width: MAP_WIDTH, height: MAP_HEIGHT, shapes, points };
}
