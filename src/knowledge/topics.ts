/**
 * Topic taxonomy and lexicons.
 * STUB: owned by the extraction work (issue 4); extend freely, keep the exported names.
 */
export interface TopicKB {
  placeholder?: true;
}

export function loadTopicKB(_dataDir: string): TopicKB {
  return {};
}
