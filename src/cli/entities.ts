/** Human-readable listing of a document's recognised actors, places and dates. */
import type { Doc } from '../00-model/doc.js';

const clip = (s: string, n = 70) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
};

export function renderEntities(doc: Doc): string {
  const m = doc.meta;
  const out: string[] = [];
  out.push(`# ${m.title ?? m.file ?? m.inputId ?? doc.id}`);
  out.push(
    `document ${doc.id} · published ${m.published ?? 'unknown'} · place ${m.place ? `${m.place.name} (${m.place.country ?? '?'}; ${m.place.lat ?? '?'}, ${m.place.lon ?? '?'})` : 'unknown'} · speakers ${m.speakers.join(', ') || 'none'}`,
  );
  const context = (start: number, end: number) =>
    clip(
      doc.text.slice(Math.max(0, start - 30), start) +
        '[' +
        doc.text.slice(start, end) +
        ']' +
        doc.text.slice(end, end + 30),
      90,
    );

  const actors = doc.layers.actors ?? [];
  const groups = new Map<string, typeof actors>();
  for (const a of actors) {
    if (!groups.has(a.key)) groups.set(a.key, []);
    groups.get(a.key)!.push(a);
  }
  out.push('', `## Actors (${groups.size} entities, ${actors.length} mentions)`);
  for (const [key, ms] of groups) {
    const a = ms[0].actor;
    const desc = [a.role, a.country, a.org, a.code].filter(Boolean).join(' · ');
    out.push(
      `- ${a.name ?? a.org ?? a.country ?? key}${desc ? ` — ${desc}` : ''} (${ms.length}×; ${[...new Set(ms.map((x) => x.rule))].join(', ')})`,
    );
    for (const x of ms.slice(0, 3)) out.push(`    ${x.kind}: …${context(x.start, x.end)}…`);
  }
  const places = doc.layers.places ?? [];
  out.push('', `## Places (${places.length} mentions)`);
  for (const p of places) {
    out.push(
      `- ${p.place.name} (${p.place.country ?? '?'}; ${p.place.lat ?? '?'}, ${p.place.lon ?? '?'}) [${p.rule}]: …${context(p.start, p.end)}…`,
    );
  }
  const dates = doc.layers.dates ?? [];
  out.push('', `## Dates (${dates.length} mentions)`);
  for (const d of dates) {
    const v = d.value ? (d.valueEnd && d.valueEnd !== d.value ? `${d.value}/${d.valueEnd}` : d.value) : 'unresolved';
    out.push(
      `- ${doc.text.slice(d.start, d.end)} → ${v} (${d.type}, ${d.precision}${d.future ? ', future' : ''}) [${d.rule}]`,
    );
  }
  return out.join('\n');
}
