// Readout web UI: plain ES modules, no framework, no network beyond this server.
// Document text and every record field are untrusted: they only ever reach the page through
// textContent / attribute setters (the h() helper), never through innerHTML.

const view = document.getElementById('view');

/** Creates an element: h('a', {href: '#/x', class: 'y'}, 'text', child…). Strings become text nodes. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElementNS(
    ['svg', 'path', 'circle', 'rect', 'line', 'text', 'g', 'title'].includes(tag) ? 'http://www.w3.org/2000/svg' : 'http://www.w3.org/1999/xhtml',
    tag,
  );
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

async function api(path) {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body;
}

function show(...nodes) {
  view.replaceChildren(...nodes);
}
function fail(e) {
  show(h('div', { class: 'error', role: 'alert' }, `Could not load: ${e.message}`));
}
const party = (a) => (a ? a.org ?? a.country ?? a.name ?? '?' : '?');
const who = (a) => (a ? [a.name, a.name ? a.country ?? a.org : a.org ?? a.country].filter(Boolean).join(', ') || '?' : '?');
const qs = (o) => new URLSearchParams(Object.entries(o).filter(([, v]) => v != null && v !== '')).toString();
const docLink = (id, label) => h('a', { href: `#/doc/${encodeURIComponent(id)}` }, label ?? id.slice(0, 8));
const evidenceLink = (rec) => h('a', { href: `#/doc/${encodeURIComponent(rec.doc)}?at=${rec.evidence?.start ?? rec.start ?? 0}` }, 'source');
const today = new Date().toISOString().slice(0, 10);

// ---------- documents ----------
async function documentsView() {
  const [docs, stats] = await Promise.all([api('/api/documents?limit=200&sort=published&order=desc'), api('/api/stats')]);
  const c = stats.counts;
  show(
    h('h1', {}, 'Documents'),
    h('p', { class: 'muted', 'data-testid': 'stats' }, `${c.document ?? 0} documents · ${c.meeting ?? 0} meetings · ${c.agreement ?? 0} agreements · ${c.event ?? 0} events · ${c.quote ?? 0} quotes`),
    docs.rows.length
      ? h('table', { 'data-testid': 'documents' },
          h('tr', {}, h('th', {}, 'Published'), h('th', {}, 'Title'), h('th', {}, 'Source'), h('th', {}, 'Meetings'), h('th', {}, 'Agreements'), h('th', {}, 'Events')),
          docs.rows.map((d) =>
            h('tr', {},
              h('td', {}, d.published ?? '—'),
              h('td', {}, docLink(d.id, d.title ?? d.id)),
              h('td', {}, d.source ?? ''),
              h('td', {}, d.counts?.meeting ?? 0),
              h('td', {}, d.counts?.agreement ?? 0),
              h('td', {}, d.counts?.event ?? 0))))
      : h('div', { class: 'empty' }, 'The store is empty. Ingest documents with: readout ingest <files>'),
  );
}

// ---------- reader ----------
const LAYERS = [
  ['turns', 'Turns', '#8a5a00'],
  ['actors', 'Actors', '#6f9ee6'],
  ['places', 'Places', '#58a26d'],
  ['dates', 'Dates', '#e0962f'],
  ['events', 'Events', '#b14bd1'],
  ['quotes', 'Quotes', '#d7b5ea'],
];

async function readerView(id, at) {
  const [doc, recs] = await Promise.all([api(`/api/documents/${encodeURIComponent(id)}`), api(`/api/documents/${encodeURIComponent(id)}/records`)]);
  const text = doc.text;
  // stand-off spans → classes
  const spans = [];
  const add = (start, end, cls, rec) => {
    if (end > start) spans.push({ start, end, cls, rec });
  };
  for (const e of recs.entities) for (const [s, t] of e.mentions) add(s, t, e.type === 'place' ? 'l-place' : 'l-actor', { kind: 'entity', ...e });
  for (const d of doc.record.dates ?? []) add(d.start, d.end, 'l-date', { kind: 'date', ...d });
  for (const e of recs.events) add(e.evidence.start, e.evidence.end, 'l-event', e);
  for (const q of recs.quotes) add(q.start, q.end, 'l-quote', q);
  for (const t of recs.turns) add(t.start, t.end, t.role === 'question' ? 'l-turn-q' : 'l-turn', t);
  for (const m of recs.meetings) add(m.evidence.start, m.evidence.end, 'l-meeting', m);
  for (const a of recs.agreements) add(a.evidence.start, a.evidence.end, 'l-agreement', a);
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const body = h('div', { class: 'doctext show-turns show-actors show-places show-dates show-events show-quotes', 'data-testid': 'doctext' });
  const panel = h('aside', { class: 'panel', 'data-testid': 'panel' }, h('p', { class: 'muted' }, 'Click highlighted text to see the records behind it.'));
  let selected = null;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const classes = [...new Set(covering.map((s) => s.cls))];
    const seg = h('span', { class: ['seg', ...classes].join(' '), 'data-start': a }, text.slice(a, b));
    if (covering.length) {
      seg.addEventListener('click', () => {
        selected?.classList.remove('selected');
        seg.classList.add('selected');
        selected = seg;
        panel.replaceChildren(...covering.map((s) => recordCard(s.rec)));
      });
    }
    body.append(seg);
  }
  const toggles = h('div', { class: 'toggles', 'data-testid': 'toggles' },
    LAYERS.map(([key, label, color]) =>
      h('label', {},
        h('input', { type: 'checkbox', checked: true, 'data-layer': key, onchange: (ev) => body.classList.toggle(`show-${key}`, ev.target.checked) }),
        h('span', { class: 'swatch', style: `background:${color}` }), label)));
  const r = doc.record;
  show(
    h('h1', {}, r.title ?? r.file ?? id),
    h('p', { class: 'muted' },
      [r.published ? `Published ${r.published}` : 'Date unknown', r.place ? `issued in ${r.place.name}` : null, r.source, r.speakers?.length ? `speakers: ${r.speakers.join(', ')}` : null]
        .filter(Boolean).join(' · ')),
    toggles,
    h('div', { class: 'reader' }, body, panel),
  );
  if (at != null) {
    const target = [...body.children].find((s) => Number(s.dataset.start) >= Number(at));
    target?.scrollIntoView({ block: 'center' });
    target?.click();
  }
}

function recordCard(r) {
  const line = (k, v) => (v == null || v === '' ? null : h('div', {}, h('span', { class: 'kv' }, `${k}: `), String(v)));
  switch (r.kind) {
    case 'entity':
      return h('div', { class: 'record' }, h('strong', {}, r.name ?? '?'), ` (${r.type})`, line('country', r.country), line('organisation', r.org), line('role', r.role), line('CAMEO actor', r.code), r.lat != null ? line('coordinates', `${r.lat}, ${r.lon}`) : null, line('mentions', r.mentions.length));
    case 'date':
      return h('div', { class: 'record' }, h('strong', {}, 'Date'), line('text', r.text), line('resolved', r.value ?? 'unresolved'), line('until', r.valueEnd), line('type', r.type));
    case 'event':
      return h('div', { class: 'record' }, h('strong', {}, `Event CAMEO ${r.cameo}`), ` ${r.plover ?? ''}`, line('source', who(r.source)), line('target', who(r.target)), line('Goldstein', r.goldstein), line('date', r.date), line('place', r.place?.name), r.negated ? line('negated', 'yes') : null, r.hypothetical ? line('hypothetical', 'yes') : null, line('rule', r.rule));
    case 'quote':
      return h('div', { class: 'record' }, h('strong', {}, 'Quote'), line('speaker', who(r.speaker)), line('direct', r.direct ? 'yes' : 'no'));
    case 'turn':
      return h('div', { class: 'record' }, h('strong', {}, `Turn (${r.role})`), line('speaker', r.speaker ? who(r.speaker) : 'journalist'));
    case 'meeting':
      return h('div', { class: 'record' }, h('strong', {}, `Meeting (${r.status})`), line('parties', r.parties.map(party).join(' – ')), line('date', r.date), line('place', r.place?.name), line('format', r.format), line('topics', r.topics.join(', ')));
    case 'agreement':
      return h('div', { class: 'record' }, h('strong', {}, `Agreement (${r.status})`), line('parties', r.parties.map(party).join(', ')), line('agreed', r.date), line('effective', r.effective), line('deadline', r.deadline), line('topics', r.topics.join(', ')));
    default:
      return h('div', { class: 'record' }, JSON.stringify(r));
  }
}

// ---------- lists ----------
function filterForm(fields, values, onsubmit) {
  const form = h('form', { class: 'filters' },
    fields.map(([name, label, ph]) => h('label', {}, label, h('input', { name, value: values[name] ?? '', placeholder: ph ?? '' }))),
    h('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onsubmit(Object.fromEntries(new FormData(form)));
  });
  return form;
}

async function meetingsView(params) {
  const res = await api(`/api/meetings?${qs({ ...params, limit: 500, sort: 'date', order: 'desc' })}`);
  show(
    h('h1', {}, 'Meetings'),
    filterForm([['actor', 'Actor or country', 'RUS'], ['dyad', 'Country pair', 'RUS-USA'], ['status', 'Status', 'held'], ['from', 'From', '2017'], ['to', 'To', '2018']], params, (p) => go('meetings', p)),
    res.rows.length
      ? h('table', { 'data-testid': 'meetings' },
          h('tr', {}, h('th', {}, 'Date'), h('th', {}, 'Status'), h('th', {}, 'Parties'), h('th', {}, 'Place'), h('th', {}, 'Format'), h('th', {}, 'Evidence')),
          res.rows.map((m) => h('tr', {},
            h('td', {}, m.date ? (m.date_end && m.date_end !== m.date ? `${m.date} – ${m.date_end}` : m.date) : '—'),
            h('td', {}, h('span', { class: `badge ${m.status}` }, m.status)),
            h('td', {}, m.parties.map(party).join(' – ')),
            h('td', {}, m.place?.name ?? ''),
            h('td', {}, m.format ?? ''),
            h('td', { class: 'evidence' }, m.evidence.text, ' ', evidenceLink(m)))))
      : h('div', { class: 'empty' }, 'No meetings match.'),
    h('p', { class: 'muted' }, `${res.total} meetings`),
  );
}

async function agreementsView(params) {
  const res = await api(`/api/agreements?${qs({ ...params, limit: 500, sort: 'date', order: 'desc' })}`);
  const due = (a) => a.effective ?? a.deadline;
  const upcoming = res.rows.filter((a) => due(a) && due(a) >= today);
  const table = (rows, testid) =>
    h('table', { 'data-testid': testid },
      h('tr', {}, h('th', {}, 'Agreed'), h('th', {}, 'Status'), h('th', {}, 'Parties'), h('th', {}, 'Effective'), h('th', {}, 'Deadline'), h('th', {}, 'Evidence')),
      rows.map((a) => h('tr', {},
        h('td', {}, a.date ?? '—'),
        h('td', {}, h('span', { class: `badge ${a.status}` }, a.status)),
        h('td', {}, a.parties.map(party).join(', ')),
        h('td', {}, a.effective ?? ''),
        h('td', {}, a.deadline ?? ''),
        h('td', { class: 'evidence' }, a.evidence.text, ' ', evidenceLink(a)))));
  show(
    h('h1', {}, 'Agreements and commitments'),
    filterForm([['actor', 'Actor or country', 'USA'], ['status', 'Status', 'signed'], ['topic', 'Topic', 'Syria'], ['from', 'From'], ['to', 'To']], params, (p) => go('agreements', p)),
    h('h2', {}, `Upcoming effective dates and deadlines (${upcoming.length})`),
    upcoming.length ? table(upcoming, 'upcoming') : h('div', { class: 'empty' }, 'None after today.'),
    h('h2', {}, `All (${res.total})`),
    res.rows.length ? table(res.rows, 'agreements') : h('div', { class: 'empty' }, 'No agreements match.'),
  );
}

async function quotesView(params) {
  const res = await api(`/api/quotes?${qs({ ...params, limit: 500 })}`);
  const by = new Map();
  for (const q of res.rows) {
    const k = who(q.speaker);
    if (!by.has(k)) by.set(k, []);
    by.get(k).push(q);
  }
  show(
    h('h1', {}, 'Quotes by speaker'),
    filterForm([['actor', 'Speaker or country'], ['q', 'Words']], params, (p) => go('quotes', p)),
    res.rows.length
      ? h('div', { 'data-testid': 'quotes' }, [...by].map(([k, qs2]) => [
          h('h2', {}, `${k} (${qs2.length})`),
          qs2.map((q) => h('div', { class: 'hit' }, `“${q.text}” `, h('a', { href: `#/doc/${encodeURIComponent(q.doc)}?at=${q.start}` }, 'source'))),
        ]))
      : h('div', { class: 'empty' }, 'No quotes match.'),
  );
}

async function searchView(params) {
  if (!params.q) return show(h('h1', {}, 'Search'), h('div', { class: 'empty' }, 'Type words in the search box.'));
  const res = await api(`/api/search?${qs({ q: params.q, limit: 100 })}`);
  show(
    h('h1', {}, `Search: ${params.q}`),
    h('p', { class: 'muted' }, `${res.total} sentences`),
    h('div', { 'data-testid': 'hits' },
      res.rows.map((hit) => h('div', { class: 'hit' },
        h('div', { class: 'kv' }, hit.published ?? '', ' · ', docLink(hit.doc, hit.title ?? hit.doc)),
        markSnippet(hit.snippet), ' ', h('a', { href: `#/doc/${encodeURIComponent(hit.doc)}?at=${hit.start}` }, 'read')))),
  );
}
/** Snippets mark matches with [ ]: turned into <mark> elements without parsing HTML. */
function markSnippet(s) {
  const out = h('span');
  const re = /\[([^\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(s))) {
    out.append(s.slice(last, m.index), h('mark', {}, m[1]));
    last = m.index + m[0].length;
  }
  out.append(s.slice(last));
  return out;
}

// ---------- timeline ----------
const gColor = (g) => (g == null ? '#98a2b3' : g >= 0 ? `rgba(46,139,87,${0.35 + Math.min(1, g / 10) * 0.65})` : `rgba(192,57,43,${0.35 + Math.min(1, -g / 10) * 0.65})`);

async function timelineView(params) {
  const f = { dyad: params.dyad, actor: params.actor, topic: params.topic, from: params.from, to: params.to };
  const [months, meetings] = await Promise.all([api(`/api/aggregates/events-by-month?${qs(f)}`), api(`/api/meetings?${qs({ ...f, limit: 1000 })}`)]);
  const byMonth = new Map();
  for (const r of months.rows) {
    const m = byMonth.get(r.month) ?? { events: 0, gsum: 0 };
    m.events += r.events;
    m.gsum += r.goldsteinMean * r.events;
    byMonth.set(r.month, m);
  }
  for (const m of meetings.rows) if (m.date) {
    const k = m.date.slice(0, 7);
    if (!byMonth.has(k)) byMonth.set(k, { events: 0, gsum: 0 });
  }
  // a continuous month axis from the first to the last dated month (gaps are empty months)
  const known = [...byMonth.keys()].filter((k) => /^\d{4}-\d{2}$/.test(k)).sort();
  const keys = [];
  if (known.length) {
    let [y, m] = known[0].split('-').map(Number);
    const [y1, m1] = known[known.length - 1].split('-').map(Number);
    while (y < y1 || (y === y1 && m <= m1)) {
      const k = `${y}-${String(m).padStart(2, '0')}`;
      keys.push(k);
      if (!byMonth.has(k)) byMonth.set(k, { events: 0, gsum: 0 });
      if (++m > 12) { m = 1; y++; }
      if (keys.length > 600) break;
    }
  }
  const W = 1000, H = 280, pad = 40;
  const max = Math.max(1, ...keys.map((k) => byMonth.get(k).events));
  const bw = keys.length ? Math.min(48, (W - 2 * pad) / keys.length) : 0;
  const svg = h('svg', { class: 'chart', width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'data-testid': 'timeline', role: 'img', 'aria-label': 'events per month' },
    h('line', { x1: pad, y1: H - pad, x2: W - pad, y2: H - pad, stroke: '#98a2b3' }),
    keys.map((k, i) => {
      const m = byMonth.get(k);
      if (!m.events && !meetings.rows.some((r) => r.date?.startsWith(k))) return null;
      const g = m.events ? m.gsum / m.events : null;
      const bh = ((H - 2 * pad - 30) * m.events) / max;
      const x = pad + i * bw;
      const meet = meetings.rows.filter((r) => r.date?.startsWith(k)).length;
      return h('g', {},
        h('rect', { x: x + 2, y: H - pad - bh, width: Math.max(2, bw - 4), height: bh, fill: gColor(g), 'data-month': k },
          h('title', {}, `${k}: ${m.events} events, mean Goldstein ${g == null ? '—' : g.toFixed(1)}, ${meet} meetings`)),
        meet ? h('circle', { cx: x + bw / 2, cy: pad, r: Math.min(12, 3 + meet * 2), fill: '#1f5fbf', class: 'meeting-dot' }, h('title', {}, `${meet} meetings in ${k}`)) : null,
        keys.length <= 36 || i % Math.ceil(keys.length / 36) === 0 ? h('text', { x: x + bw / 2, y: H - pad + 14, 'text-anchor': 'middle', 'font-size': 10, fill: '#667085' }, k) : null);
    }));
  show(
    h('h1', {}, 'Timeline'),
    filterForm([['dyad', 'Country pair', 'RUS-USA'], ['actor', 'or actor / country', 'CHN'], ['topic', 'Topic'], ['from', 'From'], ['to', 'To']], params, (p) => go('timeline', p)),
    h('p', { class: 'legend' }, 'Bars: events per month, coloured by mean Goldstein score (green cooperation, red conflict). Blue dots: meetings.'),
    keys.length ? svg : h('div', { class: 'empty' }, 'No dated events or meetings match.'),
  );
}

// ---------- network ----------
async function networkView(params) {
  const f = { topic: params.topic, from: params.from, to: params.to };
  const pairs = (await api(`/api/aggregates/meetings-by-pair?${qs(f)}`)).rows;
  const months = (await api(`/api/aggregates/events-by-month?${qs(f)}`)).rows;
  const edges = new Map();
  const key = (a, b) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  for (const p of pairs) edges.set(key(p.a, p.b), { a: p.a, b: p.b, meetings: p.meetings, events: 0, gsum: 0 });
  for (const r of months) {
    if (!r.a || !r.b || r.a === r.b) continue;
    const e = edges.get(key(r.a, r.b)) ?? { a: r.a, b: r.b, meetings: 0, events: 0, gsum: 0 };
    e.events += r.events;
    e.gsum += r.goldsteinMean * r.events;
    edges.set(key(r.a, r.b), e);
  }
  const weight = new Map();
  for (const e of edges.values()) for (const n of [e.a, e.b]) weight.set(n, (weight.get(n) ?? 0) + e.meetings + e.events);
  const nodes = [...weight].sort((x, y) => y[1] - x[1]).slice(0, 40).map(([n]) => n).sort();
  const W = 760, H = 760, R = 300, cx = W / 2, cy = H / 2;
  const pos = new Map(nodes.map((n, i) => [n, [cx + R * Math.cos((2 * Math.PI * i) / nodes.length - Math.PI / 2), cy + R * Math.sin((2 * Math.PI * i) / nodes.length - Math.PI / 2)]]));
  const shown = [...edges.values()].filter((e) => pos.has(e.a) && pos.has(e.b));
  const maxW = Math.max(1, ...shown.map((e) => e.meetings + e.events));
  const svg = h('svg', { class: 'chart', width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'data-testid': 'network', role: 'img', 'aria-label': 'network of meetings and events' },
    shown.map((e) => {
      const [x1, y1] = pos.get(e.a), [x2, y2] = pos.get(e.b);
      return h('line', { x1, y1, x2, y2, stroke: e.meetings ? '#1f5fbf' : gColor(e.events ? e.gsum / e.events : null), 'stroke-width': 1 + (6 * (e.meetings + e.events)) / maxW, 'stroke-opacity': 0.7 },
        h('title', {}, `${e.a} – ${e.b}: ${e.meetings} meetings, ${e.events} events`));
    }),
    nodes.map((n) => {
      const [x, y] = pos.get(n);
      return h('g', { class: 'node' },
        h('circle', { cx: x, cy: y, r: 5 + Math.sqrt(weight.get(n)), fill: '#fff', stroke: '#1d2330' }),
        h('text', { x, y: y - 10 - Math.sqrt(weight.get(n)), 'text-anchor': 'middle', 'font-size': 12 }, n));
    }));
  show(
    h('h1', {}, 'Network'),
    filterForm([['topic', 'Topic', 'Syria'], ['from', 'From'], ['to', 'To']], params, (p) => go('network', p)),
    h('p', { class: 'legend' }, 'Countries and organisations; blue edges: meetings; green/red edges: events by mean Goldstein. Width: number of records.'),
    nodes.length ? svg : h('div', { class: 'empty' }, 'No meetings or events between actors match.'),
  );
}

// ---------- map ----------
async function mapView(params) {
  const f = { actor: params.actor, topic: params.topic, from: params.from, to: params.to };
  const m = await api(`/api/map?${qs(f)}`);
  const max = Math.max(1, ...m.points.map((p) => p.meetings + p.events));
  const svg = h('svg', { class: 'chart', width: m.width, height: m.height, viewBox: `0 0 ${m.width} ${m.height}`, 'data-testid': 'map', role: 'img', 'aria-label': 'map of meetings and events' },
    m.shapes.map((s) => h('path', { d: s.d, fill: '#eef1f5', stroke: '#c5ccd6', 'stroke-width': 0.5 }, h('title', {}, s.name))),
    m.points.map((p) => h('circle', { cx: p.x, cy: p.y, r: 3 + 12 * Math.sqrt((p.meetings + p.events) / max), fill: p.meetings ? '#1f5fbf' : gColor(p.goldsteinMean), 'fill-opacity': 0.75, stroke: '#fff', class: 'place' },
      h('title', {}, `${p.name}: ${p.meetings} meetings, ${p.events} events`))));
  show(
    h('h1', {}, 'Map'),
    filterForm([['actor', 'Actor or country'], ['topic', 'Topic'], ['from', 'From'], ['to', 'To']], params, (p) => go('map', p)),
    h('p', { class: 'legend' }, 'Where meetings (blue) and events (by Goldstein) took place.'),
    svg,
    h('table', { 'data-testid': 'places' }, h('tr', {}, h('th', {}, 'Place'), h('th', {}, 'Meetings'), h('th', {}, 'Events')),
      m.points.slice(0, 30).map((p) => h('tr', {}, h('td', {}, p.name), h('td', {}, p.meetings), h('td', {}, p.events)))),
  );
}

// ---------- router ----------
function go(name, params = {}) {
  location.hash = `#/${name}${Object.keys(params).length ? '?' + qs(params) : ''}`;
}
async function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const params = Object.fromEntries(new URLSearchParams(query ?? ''));
  const [name, arg] = path.split('/');
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.view === (name || 'documents')));
  try {
    if (name === 'doc') await readerView(decodeURIComponent(arg), params.at);
    else if (name === 'meetings') await meetingsView(params);
    else if (name === 'agreements') await agreementsView(params);
    else if (name === 'quotes') await quotesView(params);
    else if (name === 'timeline') await timelineView(params);
    else if (name === 'network') await networkView(params);
    else if (name === 'map') await mapView(params);
    else if (name === 'search') await searchView(params);
    else await documentsView();
    view.dataset.ready = name || 'documents';
  } catch (e) {
    fail(e);
  }
}
document.getElementById('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  go('search', { q: document.getElementById('search-input').value });
});
window.addEventListener('hashchange', route);
route();
