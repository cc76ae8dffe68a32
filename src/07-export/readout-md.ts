/**
 * A per-document readout in Markdown: what `readout show` prints and what `readout export
 * --format markdown` writes. Works from records alone, so it serves both fresh extraction
 * and the store.
 */
import type { Actor, Place } from '../00-model/doc.js';
import type {
  AgreementRecord,
  DocumentRecord,
  EntityRecord,
  EventRecord,
  MeetingRecord,
  QuoteRecord,
  RecordOf,
  TurnRecord,
} from '../00-model/records.js';

export function actorLabel(a: Actor | null | undefined): string {
  if (!a) return '?';
  const who = a.name ?? a.org ?? a.country ?? '?';
  const extra = [a.role, a.name ? (a.country ?? a.org) : null].filter(Boolean).join(', ');
  return extra ? `${who} (${extra})` : who;
}

const partyCode = (a: Actor) => a.org ?? a.country ?? a.name ?? '?';
const placeLabel = (p: Place | null) => (p ? `${p.name}${p.country ? ', ' + p.country : ''}` : null);
const quote = (s: string) => '> ' + s.replace(/\s+/g, ' ').trim();

export function renderReadout(records: RecordOf[]): string {
  const of = <K extends RecordOf['kind']>(k: K) =>
    records.filter((r) => r.kind === k) as Extract<RecordOf, { kind: K }>[];
  const d = of('document')[0] as DocumentRecord | undefined;
  const out: string[] = [];
  if (d) {
    out.push(`# ${d.title ?? d.file ?? d.id ?? d.doc}`);
    const facts = [
      `document \`${d.doc}\``,
      d.published ? `published ${d.published}` : 'date unknown',
      placeLabel(d.place) ? `issued in ${placeLabel(d.place)}` : null,
      d.source ? `source ${d.source}` : null,
      d.speakers.length ? `speakers: ${d.speakers.join(', ')}` : null,
    ].filter(Boolean);
    out.push('', facts.join(' · '));
  }
  const turns = of('turn') as TurnRecord[];
  if (turns.length) {
    const by = new Map<string, number>();
    for (const t of turns) {
      const k = t.role === 'question' ? 'questions' : (t.speaker?.name ?? 'unknown speaker');
      by.set(k, (by.get(k) ?? 0) + 1);
    }
    out.push('', `Transcript: ${turns.length} turns (${[...by].map(([k, n]) => `${k} ${n}`).join(', ')})`);
  }
  const meetings = of('meeting') as MeetingRecord[];
  out.push('', `## Meetings (${meetings.length})`);
  for (const m of meetings) {
    const when = m.date
      ? m.date_end && m.date_end !== m.date
        ? `${m.date} to ${m.date_end}`
        : m.date
      : 'date unknown';
    out.push(
      '',
      `- **${m.status}** ${m.format ?? 'meeting'}: ${m.parties.map(partyCode).join(' – ') || '?'}, ${when}` +
        (placeLabel(m.place) ? `, ${placeLabel(m.place)}` : '') +
        (m.topics.length ? ` · topics: ${m.topics.join(', ')}` : ''),
      `  ${quote(m.evidence.text)}`,
    );
  }
  const agreements = of('agreement') as AgreementRecord[];
  out.push('', `## Agreements and commitments (${agreements.length})`);
  for (const a of agreements) {
    const dates = [
      a.date ? `agreed ${a.date}` : null,
      a.effective ? `effective ${a.effective}` : null,
      a.deadline ? `deadline ${a.deadline}` : null,
    ].filter(Boolean);
    out.push(
      '',
      `- **${a.status}**: ${a.parties.map(partyCode).join(', ') || '?'}${dates.length ? ' · ' + dates.join(' · ') : ''}` +
        (a.topics.length ? ` · topics: ${a.topics.join(', ')}` : ''),
      `  ${quote(a.evidence.text)}`,
    );
  }
  const events = (of('event') as EventRecord[]).filter((e) => !e.root.startsWith('01'));
  out.push('', `## Events (${events.length}, public statements left out)`);
  const byRoot = new Map<string, EventRecord[]>();
  for (const e of events) {
    const k = `${e.plover ?? 'CAMEO ' + e.root}`;
    if (!byRoot.has(k)) byRoot.set(k, []);
    byRoot.get(k)!.push(e);
  }
  for (const [k, list] of [...byRoot].sort((a, b) => b[1].length - a[1].length)) {
    out.push('', `### ${k} (${list.length})`);
    for (const e of list) {
      const flags = [e.negated ? 'negated' : null, e.hypothetical ? 'hypothetical' : null].filter(Boolean);
      out.push(
        `- ${actorLabel(e.source)} → ${actorLabel(e.target)}: CAMEO ${e.cameo} (Goldstein ${e.goldstein})` +
          (e.date ? `, ${e.date}` : '') +
          (flags.length ? ` [${flags.join(', ')}]` : '') +
          ` — rule \`${e.rule}\``,
        `  ${quote(e.evidence.text)}`,
      );
    }
  }
  const quotes = of('quote') as QuoteRecord[];
  out.push('', `## Quotes (${quotes.length})`);
  for (const q of quotes) out.push('', `- ${actorLabel(q.speaker)}: “${q.text.replace(/\s+/g, ' ').trim()}”`);
  const entities = of('entity') as EntityRecord[];
  if (entities.length) {
    out.push('', `## Who and where (${entities.length})`);
    const line = (t: EntityRecord['type']) =>
      entities
        .filter((e) => e.type === t)
        .sort((a, b) => b.mentions.length - a.mentions.length)
        .map(
          (e) => `${e.name ?? '?'}${e.country && e.type !== 'country' ? ` (${e.country})` : ''} ×${e.mentions.length}`,
        )
        .join(', ');
    for (const t of ['person', 'country', 'org', 'place'] as const) {
      const l = line(t);
      if (l) out.push(`- ${t}: ${l}`);
    }
  }
  return out.join('\n') + '\n';
}
