/**
 * The knowledge base: everything the pipeline knows about the world, loaded once
 * from the versioned files under data/. Each section has its own loader module;
 * stages receive the whole KB and read the sections they need.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadActorKB, type ActorKB } from './actors.js';
import { loadGeoKB, type GeoKB } from './geo.js';
import { loadPlaceKB, type PlaceKB } from './places.js';
import { loadCameoKB, type CameoKB } from './cameo.js';
import { loadTopicKB, type TopicKB } from './topics.js';

export interface KB {
  /** directory the data was read from */
  dataDir: string;
  actors: ActorKB;
  geo: GeoKB;
  places: PlaceKB;
  cameo: CameoKB;
  topics: TopicKB;
}

export const DEFAULT_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

let cached: KB | null = null;

/** Loads (once per process) the knowledge base from data/. */
export function loadKB(dataDir: string = DEFAULT_DATA_DIR): KB {
  if (cached && cached.dataDir === dataDir) return cached;
  const geo = loadGeoKB(dataDir);
  const actors = loadActorKB(dataDir, geo);
  const kb: KB = {
    dataDir,
    geo,
    places: loadPlaceKB(dataDir, geo),
    actors,
    cameo: loadCameoKB(dataDir),
    topics: loadTopicKB(dataDir),
  };
  cached = kb;
  return kb;
}
