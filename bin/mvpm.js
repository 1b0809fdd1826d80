#!/usr/bin/env node
// The mvpm executable: runs the compiled CLI in dist/ (built by `npm ci` through the prepare script), so start-up
// does not pay for transpiling TypeScript: the bundle of it (scripts/bundle.mjs) when that is newer than tsc's
// output, else tsc's output itself.
import { statSync } from 'node:fs';

function entry() {
  try {
    const bundled = statSync(new URL('../dist/bundle/main.js', import.meta.url)).mtimeMs;
    if (bundled >= statSync(new URL('../dist/cli/main.js', import.meta.url)).mtimeMs) return '../dist/bundle/main.js';
  } catch {
    // No bundle (or no dist/ at all: the import below says so).
  }
  return '../dist/cli/main.js';
}

let cli;
try {
  cli = await import(entry());
} catch (error) {
  // Before `npm ci` (a fresh clone, or `npx mvpm` there) dist/ or the dependencies are missing: say what to do.
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    const what = String(error.message).includes('dist/cli/main.js')
      ? 'the compiled CLI (dist/) is missing'
      : `a dependency is missing (${String(error.message).split('\n')[0]})`;
    process.stderr.write(
      `mvpm: ${what}: run npm ci first (it installs the dependencies and builds dist/; after changing src/, npm run ` +
        `build).\n`,
    );
    process.exit(2);
  }
  throw error;
}
const code = await cli.runMain(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
// Exit now: after an interrupted run Newman is still going, and nothing it does from here may happen.
process.exit(code);
