/** The subcommands. Each is a thin shell over src/app.ts and the store's query layer. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { Writable } from 'node:stream';
import { Readout, type Processed } from '../app.js';
import type { RecordOf } from '../00-model/records.js';
import { RECORD_KINDS, type RecordKind } from '../00-model/records.js';
import { renderReadout } from '../07-export/readout-md.js';
import { renderEntities } from './entities.js';
import { openStore } from '../05-store/sqlite.js';
import type { Store } from '../05-store/store.js';
import { startServer } from '../06-serve/server.js';
import { randomBytes } from 'node:crypto';
import { EXPORT_FORMATS, importJsonl, runExport, type ExportFormat } from '../07-export/index.js';
import type { RecordFilter } from '../05-store/store.js';
import { StoreWriter, type WriterStats } from '../05-store/writer.js';

/**
 * How many processed documents `ingest` commits at once. One commit per document spent most of
 * an ingest's time in SQLite's commits (each writes out the index pages it touched, the full-text
 * index's among them); a group keeps that small, and a crash loses at most one group of work,
 * never what was committed before.
 */
const STORE_GROUP = 64;

export const DEFAULT_DB = 'readout.db';
const dbOption = (c: Command) =>
  c.option(
    '--db <file>',
    `SQLite store (default: $READOUT_DB or ./${DEFAULT_DB})`,
    process.env.READOUT_DB ?? DEFAULT_DB,
  );

function fail(msg: string): never {
  console.error(`readout: ${msg}`);
  process.exit(2);
}

function parseKinds(s: string | undefined): Set<RecordKind> | null {
  if (!s) return null;
  const kinds = s.split(',').map((k) => k.trim()) as RecordKind[];
  for (const k of kinds)
    if (!RECORD_KINDS.includes(k)) fail(`--only: unknown record kind "${k}" (kinds: ${RECORD_KINDS.join(', ')})`);
  return new Set(kinds);
}

function openExistingStore(db: string): Store {
  if (!fs.existsSync(db)) fail(`${db}: no such store. Create one with: readout ingest <inputs…> --db ${db}`);
  return openStore(db);
}

/** A progress bar on a terminal, nothing when piped or quiet. */
function progress(quiet: boolean) {
  if (quiet || !process.stderr.isTTY) return { tick: (_n: string) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: '{bar} {value} docs | {name}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0, { name: '' });
  let n = 0;
  return {
    tick: (name: string) => {
      n++;
      bar.setTotal(n);
      bar.update(n, { name: path.basename(name).slice(0, 40) });
    },
    stop: () => bar.stop(),
  };
}

/** A stored document id from a full id or a unique prefix; exits with a clear message otherwise. */
function resolveDocId(store: Store, ref: string, db: string): string {
  if (store.getDocument(ref)) return ref;
  const hits: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = store.listDocuments({ limit: 1000, offset });
    for (const d of page.rows) if (d.id.startsWith(ref)) hits.push(d.id);
    if (page.rows.length < 1000) break;
  }
  if (!hits.length) fail(`no stored document with id "${ref}" in ${db} (readout summary lists them)`);
  if (hits.length > 1) fail(`"${ref}" matches ${hits.length} documents; give more of the id`);
  return hits[0];
}

const FILTER_OPTIONS: [keyof RecordFilter, string][] = [
  ['actor', 'actor name, ISO country or organisation (source, target, parties, speaker)'],
  ['country', 'ISO alpha-3 country'],
  ['dyad', 'country pair, either direction, e.g. RUS-USA'],
  ['cameo', 'CAMEO code, e.g. 042'],
  ['root', 'CAMEO root, e.g. 04'],
  ['plover', 'PLOVER type, e.g. CONSULT'],
  ['topic', 'topic, e.g. syria'],
  ['status', 'meeting or agreement status'],
  ['from', 'earliest date (YYYY[-MM[-DD]])'],
  ['to', 'latest date'],
  ['place', 'place name'],
  ['doc', 'document id'],
];

export function registerCommands(program: Command): void {
  const quiet = () => Boolean(program.opts().quiet);

  program
    .command('extract')
    .description(
      'Process inputs and write records to stdout (no store). Inputs: files (.txt .md .html .htm .jsonl .ndjson), directories, http(s) URLs, - for stdin.',
    )
    .argument('<inputs...>', 'files, directories, URLs or -')
    .option(
      '--format <format>',
      'jsonl (one record per line, docs/records.md) or markdown (a readable readout per document)',
      'jsonl',
    )
    .option('--only <kinds>', `comma-separated record kinds to write (${RECORD_KINDS.join(', ')})`)
    .addHelpText(
      'after',
      `
Examples:
  $ readout extract sample/ --format jsonl > records.jsonl
  $ readout extract statement.html --only meeting,agreement
  $ cat text.txt | readout extract - --format markdown`,
    )
    .action(async (inputs: string[], o: { format: string; only?: string }) => {
      if (o.format !== 'jsonl' && o.format !== 'markdown')
        fail(`--format must be jsonl or markdown, not "${o.format}"`);
      const only = parseKinds(o.only);
      const app = new Readout();
      let failed = 0;
      for await (const r of app.run(inputs)) {
        if (!r.ok) {
          failed++;
          console.error(`readout: ${r.error.input}: ${r.error.message}`);
          continue;
        }
        const recs = only ? r.item.records.filter((x) => only.has(x.kind)) : r.item.records;
        if (o.format === 'jsonl') {
          let buf = '';
          for (const rec of recs) buf += JSON.stringify(rec) + '\n';
          if (!process.stdout.write(buf)) await new Promise((res) => process.stdout.once('drain', res));
        } else {
          process.stdout.write(renderReadout(r.item.records) + '\n');
        }
      }
      if (failed) process.exitCode = 1;
    });

  dbOption(
    program
      .command('ingest')
      .description(
        'Process inputs and store documents and records (documents are committed in groups; one that fails is rolled back alone; unchanged documents are skipped, changed ones replaced; into an empty store the indexes are built once at the end; Ctrl-C stops after the current document, keeping what was stored).',
      )
      .argument('<inputs...>', 'files, directories, URLs or -'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ readout ingest sample/                       # into ./readout.db
  $ readout ingest transcripts/ news.jsonl --db corpus.db
  $ readout ingest https://example.org/statement.html`,
    )
    .action(async (inputs: string[], o: { db: string }) => {
      const app = new Readout();
      const bar = progress(quiet());
      const counts = { inserted: 0, replaced: 0, unchanged: 0, duplicate: 0, failed: 0 };
      const t0 = Date.now();
      let chars = 0;
      // Ctrl-C stops after the current document: what is processed is stored, the indexes built
      let interrupted = false;
      const onSignal = () => {
        interrupted = true;
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      // SQLite's work runs on a second thread beside the pipeline; documents are committed there in
      // groups (see STORE_GROUP), and into an empty store the indexes are built once at the end
      const writer = await StoreWriter.open(o.db, {
        group: STORE_GROUP,
        onResult: (r) => {
          if (r.error !== undefined) {
            counts.failed++;
            bar.stop();
            console.error(`readout: ${r.name}: not stored: ${r.error}`);
          } else {
            counts[r.status!]++;
            chars += r.chars;
          }
          bar.tick(r.name);
        },
        onIndexing: () => {
          bar.stop();
          if (!quiet()) console.error('readout: building the indexes…');
        },
      });
      let stats: WriterStats;
      try {
        for await (const r of app.run(inputs)) {
          if (!r.ok) {
            counts.failed++;
            bar.stop();
            console.error(`readout: ${r.error.input}: ${r.error.message}`);
            continue;
          }
          await writer.put({ name: r.item.source.name, ...app.putInput(r.item) });
          if (interrupted) break;
        }
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        try {
          stats = await writer.finish();
        } finally {
          bar.stop();
        }
      }
      const s = ((Date.now() - t0) / 1000).toFixed(1);
      console.error(
        `readout: ${counts.inserted} new, ${counts.replaced} replaced, ${counts.unchanged} unchanged, ` +
          `${counts.duplicate} duplicates of stored documents, ${counts.failed} failed` +
          ` (${(chars / 1e6).toFixed(2)} M chars in ${s} s; the store's thread busy ` +
          `${((stats.storeMs + stats.indexMs) / 1000).toFixed(1)} s) → ${o.db}`,
      );
      if (interrupted) {
        console.error('readout: interrupted; run the same command again to go on (stored documents are skipped)');
        process.exitCode = 130;
      } else if (counts.failed) process.exitCode = 1;
    });

  dbOption(
    program
      .command('search')
      .description('Full-text search over the stored sentences.')
      .argument('<query>', 'words or a "quoted phrase"')
      .option('--limit <n>', 'maximum hits', '20'),
  )
    .addHelpText(
      'after',
      `\nExamples:\n  $ readout search "de-escalation zone"\n  $ readout search sanctions --limit 50`,
    )
    .action((q: string, o: { db: string; limit: string }) => {
      const store = openExistingStore(o.db);
      try {
        const res = store.search(q, { limit: Number(o.limit) || 20 });
        if (!res.rows.length) console.log(`no sentence matches "${q}"`);
        for (const h of res.rows) {
          console.log(`${h.doc}  ${h.published ?? '????-??-??'}  ${h.title ?? ''}`.trimEnd());
          console.log(`    ${h.snippet}`);
        }
        if (res.total > res.rows.length) console.log(`(${res.rows.length} of ${res.total} hits; --limit for more)`);
      } finally {
        store.close();
      }
    });

  dbOption(
    program
      .command('summary')
      .description('What the store holds: documents, records by kind, the latest meetings and agreements.'),
  )
    .addHelpText('after', `\nExample:\n  $ readout summary --db corpus.db`)
    .action((o: { db: string }) => {
      const store = openExistingStore(o.db);
      try {
        const c = store.counts();
        console.log(`Readout store ${o.db}`);
        console.log(RECORD_KINDS.map((k) => `${k === 'entity' ? 'entities' : k + 's'}: ${c[k] ?? 0}`).join('  '));
        const docs = store.query('document', {}, { limit: 50, sort: 'published', order: 'desc' });
        console.log(`\nDocuments (${docs.total}):`);
        for (const d of docs.rows as Extract<RecordOf, { kind: 'document' }>[]) {
          console.log(
            `  ${d.doc}  ${d.published ?? 'date unknown'}  ${d.place?.name ?? ''}  ${d.title ?? d.file ?? d.id ?? ''}`,
          );
        }
        const meet = store.query('meeting', {}, { limit: 15, sort: 'date', order: 'desc' });
        console.log(`\nMeetings (${meet.total}):`);
        for (const m of meet.rows as Extract<RecordOf, { kind: 'meeting' }>[]) {
          console.log(
            `  ${m.date ?? '?'}  ${m.status.padEnd(7)} ${m.parties.map((p) => p.org ?? p.country ?? p.name).join('–')}` +
              `${m.place ? ' in ' + m.place.name : ''}${m.format ? ' (' + m.format + ')' : ''}`,
          );
        }
        const agr = store.query('agreement', {}, { limit: 15, sort: 'date', order: 'desc' });
        console.log(`\nAgreements (${agr.total}):`);
        for (const a of agr.rows as Extract<RecordOf, { kind: 'agreement' }>[]) {
          console.log(
            `  ${a.date ?? '?'}  ${a.status.padEnd(10)} ${a.parties.map((p) => p.org ?? p.country ?? p.name).join(', ')}: ` +
              a.evidence.text.replace(/\s+/g, ' ').slice(0, 110),
          );
        }
        console.log(`\nNext: readout show <document id>   ·   readout search "<words>"`);
      } finally {
        store.close();
      }
    });

  dbOption(
    program
      .command('show')
      .description(
        "An analyst's readout of one document: meetings, agreements, events by type, quotes, each with its evidence. <doc> is a stored document id (or a unique prefix), or a file/URL to process on the fly.",
      )
      .argument('<doc>', 'document id, id prefix, or an input path/URL'),
  )
    .addHelpText(
      'after',
      `\nExamples:\n  $ readout show 3f2a9c1e\n  $ readout show sample/mfa-lavrov-cavusoglu-transcript.txt`,
    )
    .action(async (ref: string, o: { db: string }) => {
      if (fs.existsSync(ref) || /^https?:\/\//.test(ref) || ref === '-') {
        const app = new Readout();
        let failed = false;
        for await (const r of app.run([ref])) {
          if (!r.ok) {
            failed = true;
            console.error(`readout: ${r.error.input}: ${r.error.message}`);
          } else process.stdout.write(renderReadout(r.item.records) + '\n');
        }
        if (failed) process.exitCode = 1;
        return;
      }
      // a path that is not there is a missing file, not a document id
      if (/[/\\]|\.(?:txt|md|html?|jsonl|ndjson)$/i.test(ref)) fail(`${ref}: no such file or directory`);
      const store = openExistingStore(o.db);
      try {
        const id = resolveDocId(store, ref, o.db);
        const recs: RecordOf[] = [];
        for (const k of RECORD_KINDS) recs.push(...store.query(k, { doc: id }, { limit: 100000 }).rows);
        process.stdout.write(renderReadout(recs));
      } finally {
        store.close();
      }
    });

  program
    .command('entities')
    .description('The actors, places and dates of documents, each with its resolution and evidence.')
    .argument('<inputs...>', 'files, directories, URLs or -')
    .addHelpText('after', `\nExample:\n  $ readout entities sample/tass-lavrov-shoukry-cairo.txt`)
    .action(async (inputs: string[]) => {
      const app = new Readout();
      let failed = false;
      for await (const r of app.run(inputs)) {
        if (!r.ok) {
          failed = true;
          console.error(`readout: ${r.error.input}: ${r.error.message}`);
        } else process.stdout.write(renderEntities(r.item.doc) + '\n');
      }
      if (failed) process.exitCode = 1;
    });
  const exp = dbOption(
    program
      .command('export')
      .description(
        'Export stored records: JSON Lines (re-importable), CSV per record kind, event tables in the layouts users load ' +
          '(gdelt: GDELT-like TSV, icews: ICEWS-like TSV, plover: PLOVER JSON Lines), or markdown (a readout per document).',
      )
      .requiredOption('--format <format>', `${[...EXPORT_FORMATS, 'markdown'].join(', ')}`)
      .option('--kind <kind>', `record kind (${RECORD_KINDS.join(', ')}); required for csv`)
      .option('--out <file>', 'write to a file instead of stdout')
      .option('--include-negated', 'event tables: keep negated events')
      .option('--include-hypothetical', 'event tables: keep hypothetical events (questions, conditionals)'),
  );
  for (const [k, d] of FILTER_OPTIONS) exp.option(`--${k} <value>`, d);
  exp
    .addHelpText(
      'after',
      `
Examples:
  $ readout export --format jsonl --out all.jsonl          # everything, re-importable (readout import)
  $ readout export --format csv --kind meeting --out meetings.csv
  $ readout export --format gdelt --dyad RUS-USA --from 2017 > events.tsv
  $ readout export --format markdown --doc 3f2a9c1e > readout.md`,
    )
    .action(async (o: Record<string, string | boolean | undefined> & { db: string; format: string }) => {
      const store = openExistingStore(o.db);
      const filter: RecordFilter = {};
      for (const [k] of FILTER_OPTIONS)
        if (typeof o[k] === 'string') (filter as Record<string, string>)[k] = o[k] as string;
      const kind = o.kind as RecordKind | undefined;
      if (kind && !RECORD_KINDS.includes(kind))
        fail(`--kind: unknown record kind "${kind}" (kinds: ${RECORD_KINDS.join(', ')})`);
      const out: Writable = typeof o.out === 'string' ? fs.createWriteStream(o.out) : process.stdout;
      try {
        let n = 0;
        if (o.format === 'markdown') {
          const ids = filter.doc ? [resolveDocId(store, filter.doc, o.db)] : [];
          if (!filter.doc) for (const d of store.iterate('document', {})) ids.push(d.doc);
          for (const id of ids) {
            const recs: RecordOf[] = [];
            for (const k of RECORD_KINDS) recs.push(...store.iterate(k, { doc: id }));
            if (!out.write(renderReadout(recs) + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
            n++;
          }
        } else {
          if (!(EXPORT_FORMATS as readonly string[]).includes(o.format))
            fail(`--format must be one of ${[...EXPORT_FORMATS, 'markdown'].join(', ')}, not "${o.format}"`);
          n = await runExport(
            store,
            {
              format: o.format as ExportFormat,
              kind,
              filter,
              includeNegated: Boolean(o.includeNegated),
              includeHypothetical: Boolean(o.includeHypothetical),
            },
            out,
          );
        }
        if (out !== process.stdout) await new Promise<void>((r) => (out as fs.WriteStream).end(() => r()));
        console.error(
          `readout: exported ${n} ${o.format === 'markdown' ? 'documents' : 'lines'}${typeof o.out === 'string' ? ` to ${o.out}` : ''}`,
        );
      } catch (e) {
        fail((e as Error).message);
      } finally {
        store.close();
      }
    });

  dbOption(
    program
      .command('import')
      .description(
        'Import JSON Lines written by `readout export --format jsonl` (documents with their records), one transaction per document; into an empty store the indexes are built once at the end.',
      )
      .argument('<file>', 'a .jsonl export, or - for stdin'),
  )
    .addHelpText(
      'after',
      `\nExample:\n  $ readout export --format jsonl --db a.db --out a.jsonl && readout import a.jsonl --db b.db`,
    )
    .action(async (file: string, o: { db: string }) => {
      if (file !== '-' && !fs.existsSync(file)) fail(`${file}: no such file`);
      const store = openStore(o.db);
      // into an empty store, the indexes are built once at the end (Store.deferIndexes)
      const buildIndexes = store.deferIndexes();
      let error: Error | null = null;
      try {
        const r = await importJsonl(store, file === '-' ? process.stdin : fs.createReadStream(file));
        console.error(
          `readout: imported ${r.documents} documents, ${r.records} records (${Object.entries(r.statuses)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}) → ${o.db}`,
        );
      } catch (e) {
        error = e as Error;
      } finally {
        buildIndexes?.();
        store.close();
      }
      // what was imported before the error stays (one transaction per document)
      if (error) fail(`${file}: ${error.message}`);
    });

  dbOption(
    program
      .command('serve')
      .description(
        'Serve the HTTP API (JSON, OpenAPI at /api/openapi.json) and the web UI for exploring a store. Read-only unless --allow-ingest.',
      )
      .option('--host <host>', 'address to bind (keep the loopback default unless you mean to share it)', '127.0.0.1')
      .option('--port <port>', 'port (0 picks a free one)', '8080')
      .option('--allow-ingest', 'enable POST /api/ingest, protected by a bearer token')
      .option(
        '--token <token>',
        'the token for --allow-ingest (default: $READOUT_TOKEN, or a random one printed at start)',
      ),
  )
    .addHelpText(
      'after',
      `\nExamples:\n  $ readout serve                       # http://127.0.0.1:8080/\n  $ readout serve --db corpus.db --port 9000\n  $ readout serve --allow-ingest --token s3cret`,
    )
    .action(async (o: { db: string; host: string; port: string; allowIngest?: boolean; token?: string }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        fail(`--port must be a number from 0 to 65535, not "${o.port}"`);
      if (!o.allowIngest && !fs.existsSync(o.db))
        fail(`${o.db}: no such store. Create one with: readout ingest <inputs…> --db ${o.db}`);
      const store = openStore(o.db);
      let token: string | undefined;
      if (o.allowIngest) token = o.token ?? process.env.READOUT_TOKEN ?? randomBytes(18).toString('base64url');
      const { url } = await startServer({
        store,
        host: o.host,
        port,
        app: o.allowIngest ? new Readout() : undefined,
        token,
      });
      console.error(`readout: serving ${o.db} at ${url} (API: ${url}api, OpenAPI: ${url}api/openapi.json)`);
      if (token)
        console.error(
          `readout: POST ${url}api/ingest enabled; Authorization: Bearer ${o.token || process.env.READOUT_TOKEN ? '<your token>' : token}`,
        );
      const stop = () => {
        store.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}

export type { Processed };
