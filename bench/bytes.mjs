// Collection bytes against the floor's output (see README.md, "Collection bytes"). Deterministic: the tree for a
// size is always the same, so one build per size is enough. Reports only: exits non-zero only when a build fails.
//
//   node bench/bytes.mjs                  # sizes 1000 and 10000
//   node bench/bytes.mjs --sizes 100,1000
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSpecs } from './generate-specs.mjs';

const TARGET = 4;
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' } } });
const sizes = values.sizes.split(',').map(Number);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mvpm-bytes-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

const run = (args) => {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    process.exit(1);
  }
};
const sizeOf = (dir) => readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);

console.log('requests  collection bytes  floor bytes  ratio  target  bytes per request');
for (const n of sizes) {
  const dir = path.join(tmp, String(n));
  generateSpecs(path.join(dir, 'specs'), n);
  const out = (name) => path.join(dir, 'out', name);
  const build = ['--specs', path.join(dir, 'specs'), '--collections', out('collections')];
  run(['bin/mvpm.js', 'build', ...build, '--environments', out('environments'), '--docs', out('docs')]);
  run(['bench/floor.mjs', path.join(dir, 'specs'), out('floor.json')]);
  const collection = sizeOf(out('collections'));
  const floor = statSync(out('floor.json')).size;
  const row = [n, collection, floor, (collection / floor).toFixed(2), `≤ ${TARGET}`, Math.round(collection / n)];
  console.log(row.map((v, i) => String(v).padStart([8, 18, 13, 7, 8, 19][i])).join(''));
}
