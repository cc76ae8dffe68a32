/**
 * Topic stage: marks every lexicon term of the topic taxonomy (data/topics/topics.tsv) as a
 * TopicMention. Other stages assign topics to sentences, meetings and agreements from these spans.
 */
import type { Doc, Span, TopicMention } from '../00-model/doc.js';
import type { Stage } from '../pipeline.js';
import type { KB } from '../knowledge/index.js';
import { forEachTermMatch, topicOfTerm } from '../knowledge/topics.js';

export function findTopics(text: string, kb: KB): TopicMention[] {
  const out: TopicMention[] = [];
  const tk = kb.topics;
  if (!tk?.matchers) return out;
  const push = (m: RegExpExecArray) => {
    const hit = topicOfTerm(tk, m[0]);
    if (hit) out.push({ start: m.index, end: m.index + m[0].length, topic: hit.topic, term: hit.term });
  };
  for (const re of tk.matchers) forEachTermMatch(re, text, push);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // drop spans nested in a longer span of the same topic
  const kept: TopicMention[] = [];
  for (const t of out) {
    const prev = kept[kept.length - 1];
    if (prev && t.start < prev.end && t.topic === prev.topic) continue;
    kept.push(t);
  }
  return kept;
}

/** A fast topicsIn over one document: binary search in the sorted topic layer. */
export function topicIndex(doc: Doc): (span: Span) => string[] {
  const ts = [...(doc.layers.topics ?? [])].sort((a, b) => a.start - b.start);
  return (span: Span) => {
    let lo = 0;
    let hi = ts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ts[mid].start < span.start) lo = mid + 1;
      else hi = mid;
    }
    const seen: string[] = [];
    for (let i = lo; i < ts.length && ts[i].start < span.end; i++) {
      if (ts[i].end <= span.end && !seen.includes(ts[i].topic)) seen.push(ts[i].topic);
    }
    return seen;
  };
}

/** Distinct topic ids of mentions inside a span, in order of first mention. */
export function topicsIn(doc: Doc, span: Span): string[] {
  const seen: string[] = [];
  for (const t of doc.layers.topics ?? []) {
    if (t.start >= span.start && t.end <= span.end && !seen.includes(t.topic)) seen.push(t.topic);
  }
  return seen;
}

export const topicStage: Stage = {
  name: 'topics',
  requires: ['sentences'],
  produces: ['topics'],
  run(doc, kb) {
    return { layers: { topics: findTopics(doc.text, kb) } };
  },
};
