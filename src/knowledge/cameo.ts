/**
 * CAMEO event codes (name, root, quad class, Goldstein) and the CAMEO→PLOVER mapping.
 * STUB: owned by the events work (issue 4); extend freely, keep the exported names.
 */
export interface CameoKB {
  placeholder?: true;
}

export function loadCameoKB(_dataDir: string): CameoKB {
  return {};
}
