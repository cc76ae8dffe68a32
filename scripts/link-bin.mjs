#!/usr/bin/env node
// Links this package's own `readout` command into node_modules/.bin (npm links the bins of
// dependencies only), so `npx readout` and tools that look there find it inside a checkout.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binDir = path.join(root, 'node_modules', '.bin');
if (fs.existsSync(path.join(root, 'node_modules'))) {
  fs.mkdirSync(binDir, { recursive: true });
  const link = path.join(binDir, 'readout');
  try {
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.relative(binDir, path.join(root, 'bin', 'readout.js')), link);
  } catch (e) {
    console.warn(`link-bin: could not link ${link}: ${e.message}`);
  }
}
