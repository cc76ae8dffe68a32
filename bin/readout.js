#!/usr/bin/env node
// Entry point of the `readout` command: runs the compiled CLI (built by `npm install` via `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('readout: the compiled CLI is missing (dist/). Run `npm install` or `npm run build` in the package folder.');
  process.exit(2);
}
await import(main);
