/**
 * Topic stage: marks every lexicon term of the topic taxonomy (data/topics/topics.tsv) as a
 * TopicMention. Other stages assign topics to sentences, meetings and agreements from these spans.
 */
import type { Doc, Span, TopicMention } from '../00-model/doc.js';
import type { Stage } from '../pipeline.js';
import type { KB } from '../knowledge/index.js';
import { topicOfTerm } from '../knowledge/topics.js';

export function findTopics(text: string, kb: KB): TopicMention[] {
  const out: TopicMention[] = [];
  const tk = kb.topics;
  if (!tk?.matchers) return out;
  for (const re of tk.matchers) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const hit = topicOfTerm(tk, m[0]);
      if (hit) out.push({ start: m.index, end: m.index + m[0].length, topic: hit.topic, term: hit.term });
    }
  }
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
