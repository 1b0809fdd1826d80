// npm's `prepare` script: compiles src/ into dist/ with the project's own TypeScript. Plain JavaScript with no
// imports beyond Node's, because it must be able to say what is wrong when nothing is installed yet.
//
// Before `npm ci`, TypeScript is missing. A bare `tsc` then died with exit 127 and no word, and `npx mvpm` in a
// fresh clone runs this script too: npx installs the clone into its cache (to link its `mvpm` bin), and npm hides
// the output of a dependency's lifecycle script. So the message also goes straight to the terminal when there is one.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(path.join(root, 'package.json'));

/** Exit code when TypeScript is missing: not 127 (command not found), which says nothing about what to do. */
const MISSING = 1;

function say(message) {
  process.stderr.write(message);
  if (process.stderr.isTTY) return;
  try {
    const tty = openSync('/dev/tty', 'w');
    try {
      writeSync(tty, message);
    } finally {
      closeSync(tty);
    }
  } catch {
    // No terminal (CI, a detached job): standard error is all there is.
  }
}

let tsc;
try {
  tsc = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
} catch {
  say(
    `mvpm: TypeScript is not installed in ${root}, so the CLI cannot be compiled: run npm ci first.\n` +
      '  npm ci installs the dependencies and builds dist/; then npx mvpm … (or node bin/mvpm.js …) works.\n',
  );
  process.exit(MISSING);
}
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (result.error) {
  say(`mvpm: could not run TypeScript (${result.error.message})\n`);
  process.exit(1);
}
process.exit(result.status ?? 1);
