// Golden fixtures: test/fixtures/<case>/specs in, test/fixtures/<case>/expected out (the generated files, or the
// exact error text, and the exit code). Regenerated only by `npm run fixtures:update` (test/update-fixtures.ts).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, readTree, runCli } from './helpers.ts';

export const FIXTURES_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures');

export function fixtureCases(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** What `mvpm build` makes of a fixture's specs, as the files its expected/ directory should hold. */
export async function runFixture(name: string): Promise<Record<string, string>> {
  const caseDir = path.join(FIXTURES_DIR, name);
  const out = mkdtempSync(path.join(os.tmpdir(), 'mvpm-golden-'));
  try {
    const result = await runCli(
      [
        'build',
        '--quiet',
        '--collections',
        path.join(out, 'collections'),
        '--environments',
        path.join(out, 'environments'),
        '--docs',
        path.join(out, 'docs'),
      ],
      caseDir,
    );
    const produced: Record<string, string> = { ...readTree(out), 'exit-code.txt': `${result.code}\n` };
    if (result.stderr !== '') produced['stderr.txt'] = result.stderr;
    return produced;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function expectedOf(name: string): Record<string, string> {
  return readTree(path.join(FIXTURES_DIR, name, 'expected'));
}
