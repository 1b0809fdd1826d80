// npm's `prepare` script: compiles src/ into dist/ with the project's own TypeScript, then bundles the CLI.
// Plain JavaScript importing only Node's modules, because it must be able to say what is wrong when nothing is
// installed yet.
//
// Before `npm ci`, TypeScript is missing; a bare `tsc` died with exit 127 and no word. `npx mvpm` in a fresh clone
// runs this script too: npx installs the clone into its cache to link the `mvpm` bin, and hides the output of the
// scripts it runs there. If the script failed, npx would stop silently, and its cache entry for the clone would
// stay broken: even after `npm ci`, `npx mvpm` would say only "npm error enoent". So under npx the script steps
// aside, and bin/mvpm.js, whose output is seen, says "run npm ci first" instead. Anywhere else it fails loudly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(path.join(root, 'package.json'));

let tsc;
try {
  tsc = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
} catch {
  process.stderr.write(
    `mvpm: TypeScript is not installed in ${root}, so the CLI cannot be compiled: run npm ci first.\n`,
  );
  process.exit(process.env['npm_command'] === 'exec' ? 0 : 1);
}
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
  cwd: root,
  stdio: 'inherit',
});
if (result.error) process.stderr.write(`mvpm: could not run TypeScript: ${result.error.message}\n`);
if (result.status !== 0) process.exit(result.status ?? 1);
// Then mvpm's own code as one bundle for a faster start-up (scripts/bundle.mjs; skipped where it is absent).
const bundler = path.join(root, 'scripts', 'bundle.mjs');
process.exit(existsSync(bundler) ? await (await import(pathToFileURL(bundler).href)).bundle() : 0);
