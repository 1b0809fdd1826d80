import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runMain } from '../../src/cli/main.ts';
import { minimalProject, PROJECT_ROOT, tempProject } from '../support/helpers.ts';

/** Runs the CLI in-process with streams that claim (or deny) being a terminal, and exactly the given environment. */
async function run(
  argv: string[],
  cwd: string,
  tty: boolean,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runMain(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: tty },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty },
    env,
    cwd,
  });
  return { code, stdout, stderr };
}

const HELPS: readonly (readonly string[])[] = [
  ['--help'],
  ['build', '--help'],
  ['run', '--help'],
  ['serve', '--help'],
  ['login', '--help'],
  ['token', '--help'],
];
const BROKEN_SPEC = {
  'specs/demo/Ping.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\nexpcet: {}\n',
};
const ANSI = '\x1b[';

describe('CLI polish', () => {
  for (const argv of HELPS) {
    test(`mvpm ${argv.join(' ')} exits 0 and documents examples and exit codes`, async () => {
      const result = await run([...argv], PROJECT_ROOT, false, {});
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '');
      assert.match(result.stdout, /^Usage: mvpm /);
      assert.match(result.stdout, /\nExamples:\n {2}\S/);
      assert.match(result.stdout, /\nExit codes: 0 /);
    });
  }

  test("mvpm help <command> prints that command's help", async () => {
    const result = await run(['help', 'token'], PROJECT_ROOT, false, {});
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: mvpm token --out <file>/);
  });

  test('--version and -v print the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-v']) {
      const result = await run([flag], PROJECT_ROOT, false, {});
      assert.equal(result.code, 0);
      assert.equal(result.stdout, `${version}\n`);
    }
  });

  const plainCases: readonly { name: string; tty: boolean; env: Record<string, string> }[] = [
    { name: 'a terminal with NO_COLOR=1', tty: true, env: { NO_COLOR: '1' } },
    { name: 'a terminal with TERM=dumb', tty: true, env: { TERM: 'dumb' } },
    { name: 'a pipe (not a terminal)', tty: false, env: {} },
  ];
  for (const { name, tty, env } of plainCases) {
    test(`no ANSI escape codes on ${name}`, async () => {
      const project = tempProject(minimalProject());
      const broken = tempProject(minimalProject(BROKEN_SPEC));
      try {
        for (const argv of HELPS) {
          const result = await run([...argv], PROJECT_ROOT, tty, env);
          assert.ok(!`${result.stdout}${result.stderr}`.includes(ANSI), `mvpm ${argv.join(' ')}`);
        }
        const runs = [
          { argv: ['build'], cwd: project.dir, code: 0 },
          { argv: ['build', '--check'], cwd: project.dir, code: 0 },
          { argv: ['build'], cwd: broken.dir, code: 2 },
          { argv: ['nonsense'], cwd: project.dir, code: 2 },
        ];
        for (const { argv, cwd, code } of runs) {
          const result = await run(argv, cwd, tty, env);
          assert.equal(result.code, code, `mvpm ${argv.join(' ')}: ${result.stderr}`);
          assert.ok(
            !`${result.stdout}${result.stderr}`.includes(ANSI),
            `mvpm ${argv.join(' ')} printed colour:\n${result.stdout}${result.stderr}`,
          );
        }
      } finally {
        project.cleanup();
        broken.cleanup();
      }
    });
  }

  test('a terminal without NO_COLOR gets colour (so the tests above can fail)', async () => {
    const project = tempProject(minimalProject());
    const broken = tempProject(minimalProject(BROKEN_SPEC));
    try {
      const failed = await run(['build'], broken.dir, true, {});
      assert.equal(failed.code, 2);
      assert.ok(failed.stderr.includes(`${ANSI}31m`), `expected red in:\n${JSON.stringify(failed.stderr)}`);
      const built = await run(['build'], project.dir, true, {});
      assert.equal(built.code, 0);
      assert.ok(built.stdout.includes(`${ANSI}32mbuilt`), `expected green in:\n${JSON.stringify(built.stdout)}`);
      const usage = await run(['nonsense'], project.dir, true, {});
      assert.ok(usage.stderr.includes(ANSI));
    } finally {
      project.cleanup();
      broken.cleanup();
    }
  });
});
