/**
 * JavaScript engine settings for processes that run the pipeline (the `readout` command and the
 * benchmark), applied once at start, before the pipeline's functions are hot.
 *
 * The pipeline is many mid-sized functions (one per rule or phase). V8's optimising compiler,
 * which runs on a background thread, by default inlines callees into each optimised function up
 * to 920 bytes of bytecode in all; over a 10 MB run its thread then takes about 30% of the
 * process's CPU time. A budget of 200 bytes cut the process's CPU time by about 6% (1–9% over
 * paired runs of `npm run bench`, two processes at a time) at the same throughput; see the
 * README, "Evaluation and benchmarks".
 */
import v8 from 'node:v8';

/** The V8 flags set by `tuneEngine` (all of them affect only how code is optimised, not what it does). */
export const ENGINE_FLAGS = ['--max-inlined-bytecode-size-cumulative=200'] as const;

let tuned = false;

/** Applies ENGINE_FLAGS to this process (once). */
export function tuneEngine(): void {
  if (tuned) return;
  tuned = true;
  for (const f of ENGINE_FLAGS) v8.setFlagsFromString(f);
}
