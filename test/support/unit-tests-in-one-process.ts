// Every test/unit/*.test.ts in this one process, each file a suite of its own (named by its path, its top-level
// hooks scoped to it), in name order. `npm test` runs the unit tests this way: they are in-process by design, and a
// process per file cost about a second of start-up each (Node, the tsx loader, the modules of src/ loaded and
// transformed again), over fifty seconds of CPU on a 2-core machine for tests that take a fraction of that.
// A single file still runs alone as before: `node --import tsx --test test/unit/x.test.ts`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from './helpers.ts';

const UNIT_DIR = path.join(PROJECT_ROOT, 'test', 'unit');

for (const name of readdirSync(UNIT_DIR)
  .filter((n) => n.endsWith('.test.ts'))
  .sort()) {
  describe(`test/unit/${name}`, async () => {
    await import(pathToFileURL(path.join(UNIT_DIR, name)).href);
  });
}
