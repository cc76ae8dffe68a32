/**
 * `readout`: the command-line shell over the application layer (src/app.ts).
 * Every subcommand has --help with an example.
 */
import { Command, Option } from 'commander';
import { registerCommands } from './commands.js';
import { tuneEngine } from '../engine.js';

tuneEngine();

const program = new Command();
program
  .name('readout')
  .description(
    'Readout reads diplomatic texts (transcripts, press statements, news) and builds a structured,\n' +
      'source-linked record: who met whom, where and when; what was agreed, demanded or denied;\n' +
      'who said what; CAMEO/PLOVER-coded events. Every fact points to the words behind it.',
  )
  .version('0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .addHelpText(
    'after',
    `
Examples:
  $ readout ingest sample/                 # read the bundled sample into ./readout.db
  $ readout summary                        # what the store holds
  $ readout show <doc-id>                  # an analyst's readout of one document
  $ readout search "de-escalation zone"    # full-text search over sentences
  $ readout extract texts/ --format jsonl  # records to stdout, no store
`,
  );
program.addOption(new Option('-q, --quiet', 'no progress output').default(false));
registerCommands(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  console.error(`readout: ${(e as Error).message}`);
  process.exit(2);
});
