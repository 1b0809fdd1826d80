// Regenerates test/fixtures/<case>/expected from the current compiler. Run deliberately (`npm run fixtures:update`)
// and review the diff: the golden test compares against these files.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, fixtureCases, runFixture } from './golden.ts';

for (const name of fixtureCases()) {
  const expectedDir = path.join(FIXTURES_DIR, name, 'expected');
  rmSync(expectedDir, { recursive: true, force: true });
  for (const [relative, content] of Object.entries(await runFixture(name))) {
    const file = path.join(expectedDir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  process.stdout.write(`updated ${path.relative(process.cwd(), expectedDir)}\n`);
}
