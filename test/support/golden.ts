// The one golden-file convention: test/golden/<suite>/<case>/ holds the input beside what is expected of it, and the
// suite's test compares exactly. `npm run golden:update` (UPDATE_GOLDEN=1) makes every suite write what it got
// instead; review the diff. Suites: build/ (specs in, generated files or exact errors out), hostile-specs/ (exact
// stderr and exit code of a build), import-hostile/ (exact output of an import).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, readTree, runCli } from './helpers.ts';

/** Set by `npm run golden:update`: suites write their expected files instead of comparing. */
export const UPDATE_GOLDEN = process.env['UPDATE_GOLDEN'] === '1';

export const FIXTURES_DIR = path.join(PROJECT_ROOT, 'test', 'golden', 'build');

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
        '--postman',
        path.join(out, 'postman'),
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

/** Replaces a build case's expected/ directory with what the compiler makes of it now (UPDATE_GOLDEN only). */
export function writeExpected(name: string, produced: Record<string, string>): void {
  const expectedDir = path.join(FIXTURES_DIR, name, 'expected');
  rmSync(expectedDir, { recursive: true, force: true });
  for (const [relative, content] of Object.entries(produced)) {
    const file = path.join(expectedDir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
