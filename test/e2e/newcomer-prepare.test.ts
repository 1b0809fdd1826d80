// Before `npm ci`, a fresh clone has neither TypeScript nor dist/. `prepare` (run by npm ci, and by npx when it
// installs the clone into its cache) and bin/mvpm.js must then say "run npm ci first" instead of exit 127 and nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, test } from 'node:test';
import { PROJECT_ROOT } from '../support/helpers.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A clone as git gives it: package.json, bin/ and scripts/, no node_modules, no dist/ (unless asked). */
function freshClone(extra: { dist?: boolean; nodeModules?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mvpm-fresh-'));
  made.push(dir);
  for (const item of ['package.json', 'bin', 'scripts/prepare.mjs'])
    cpSync(path.join(PROJECT_ROOT, item), path.join(dir, item), { recursive: true });
  if (extra.dist) cpSync(path.join(PROJECT_ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  if (extra.nodeModules) symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

function node(
  dir: string,
  args: readonly string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const { npm_command: _, ...inherited } = process.env;
  const result = spawnSync(process.execPath, args, { cwd: dir, env: { ...inherited, ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('prepare without TypeScript says run npm ci first and fails (not 127, not silent)', () => {
  const dir = freshClone();
  const result = node(dir, ['scripts/prepare.mjs']);
  assert.equal(result.status, 1);
  assert.equal(
    result.stderr,
    `mvpm: TypeScript is not installed in ${dir}, so the CLI cannot be compiled: run npm ci first.\n`,
  );
});

test(
  'under npx (npm_command=exec) prepare steps aside, ' + 'and bin/mvpm.js then says run npm ci first where it is seen',
  () => {
    const dir = freshClone();
    const prepare = node(dir, ['scripts/prepare.mjs'], { npm_command: 'exec' });
    assert.equal(prepare.status, 0, 'a failed prepare would leave npx with a broken cache entry for the clone');
    assert.match(prepare.stderr, /run npm ci first/);
    const bin = node(dir, ['bin/mvpm.js', 'serve']);
    assert.equal(bin.status, 2);
    assert.equal(
      bin.stderr,
      'mvpm: the compiled CLI (dist/) is missing: run npm ci first (it installs the dependencies and builds dist/; ' +
        'after changing src/, npm run build).\n',
    );
  },
);

test(
  'dist/ without node_modules: ' + 'bin/mvpm.js names the missing package and says run npm ci first, no stack trace',
  () => {
    const dir = freshClone({ dist: true });
    const bin = node(dir, ['bin/mvpm.js', '--version']);
    assert.equal(bin.status, 2);
    assert.match(
      bin.stderr,
      /^mvpm: a dependency is missing \(Cannot find package '[^']+' imported from .*\): run npm ci first/,
    );
    assert.doesNotMatch(bin.stderr, /\n\s+at /);
  },
);

test('with TypeScript installed, prepare compiles tsconfig.build.json', () => {
  const dir = freshClone({ nodeModules: true });
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(path.join(dir, 'src', 'answer.ts'), 'export const answer: number = 42;\n');
  writeFileSync(
    path.join(dir, 'tsconfig.build.json'),
    JSON.stringify({
      compilerOptions: { outDir: 'dist', rootDir: 'src', module: 'NodeNext', moduleResolution: 'NodeNext', types: [] },
      include: ['src'],
    }),
  );
  const result = node(dir, ['scripts/prepare.mjs']);
  assert.equal(result.status, 0, result.stderr + result.stdout);
  assert.ok(existsSync(path.join(dir, 'dist', 'answer.js')));
});

test('bin/mvpm.js runs the bundle only when it is newer than tsc output, so a bare tsc is never shadowed', () => {
  const dir = freshClone();
  const fake = (which: string): string =>
    `export async function runMain(argv, io) { io.stdout.write('${which}\\n'); return 0; }\n`;
  mkdirSync(path.join(dir, 'dist', 'cli'), { recursive: true });
  mkdirSync(path.join(dir, 'dist', 'bundle'), { recursive: true });
  writeFileSync(path.join(dir, 'dist', 'cli', 'main.js'), fake('tsc output'));
  writeFileSync(path.join(dir, 'dist', 'bundle', 'main.js'), fake('bundle'));
  const at = (file: string, seconds: number): void => utimesSync(path.join(dir, 'dist', file), seconds, seconds);
  at('cli/main.js', 1_000_000);
  at('bundle/main.js', 2_000_000);
  assert.equal(node(dir, ['bin/mvpm.js']).stdout, 'bundle\n');
  at('cli/main.js', 3_000_000);
  assert.equal(node(dir, ['bin/mvpm.js']).stdout, 'tsc output\n');
  rmSync(path.join(dir, 'dist', 'bundle'), { recursive: true });
  assert.equal(node(dir, ['bin/mvpm.js']).stdout, 'tsc output\n');
});
