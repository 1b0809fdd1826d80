// The one place that prints errors: what each shape of error looks like, which exit code the registry gives it, and
// that a bug is one line without its message (it could quote a secret) unless MVPM_DEBUG=1.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { UsageError, type CliIo } from '../../src/cli/io.ts';
import { runMain } from '../../src/cli/main.ts';
import { reportError } from '../../src/cli/report-error.ts';
import { MvpmError } from '../../src/errors/mvpm-error.ts';
import { ImportError } from '../../src/import/import-error.ts';
import { PathGuardError } from '../../src/paths/path-guard.ts';
import { RunError } from '../../src/run/errors.ts';
import { fileDiagnostic } from '../../src/spec/diagnostics.ts';
import { StandinError } from '../../src/standin/errors.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';

function io(env: Record<string, string> = {}): CliIo & { text(): string } {
  let stderr = '';
  return {
    stdout: { write: () => true },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd: PROJECT_ROOT,
    text: () => stderr,
  };
}

function report(error: unknown, command?: string, writes = false, env: Record<string, string> = {}) {
  const out = io(env);
  const code = reportError(error, { command, writes }, out);
  return { code, stderr: out.text() };
}

describe('reportError', () => {
  test('an error without a location: one line naming the command, the hint, the exit code from the registry', () => {
    const table: [MvpmError, number][] = [
      [new RunError('E_NEWMAN', 'newman could not run demo'), 1],
      [new RunError('E_INTERRUPTED', 'stopped'), 130],
      [new RunError('E_STATE_LOCKED', 'locked', { hint: 'wait for the other run' }), 2],
      [new StandinError('E_STANDIN_LISTEN', 'cannot listen on 127.0.0.1:4010: EADDRINUSE'), 2],
      [new StandinError('E_STANDIN_SIGN_IN', 'the sign-in page did not answer'), 1],
    ];
    for (const [error, exit] of table) {
      const { code, stderr } = report(error, 'run');
      assert.equal(code, exit, error.code);
      const hint = error.hint === undefined ? '' : `  = hint: ${error.hint}\n`;
      assert.equal(stderr, `mvpm run: error[${error.code}]: ${error.message}\n${hint}`);
    }
  });

  test('a command that writes says nothing was written, except after a usage error', () => {
    const guard = new PathGuardError('E_PATH_LINK', 'collections is a symbolic link', 'collections', {
      hint: 'replace the link',
    });
    assert.deepEqual(report(guard, 'build', true), {
      code: 2,
      stderr:
        'mvpm build: error[E_PATH_LINK]: collections is a symbolic link\n  = hint: replace the link\n' +
        'mvpm build: nothing was written.\n',
    });
    assert.deepEqual(report(new UsageError('E_USAGE', "Unknown option '--x'"), 'build', true), {
      code: 2,
      stderr: "mvpm build: error[E_USAGE]: Unknown option '--x'\n",
    });
    assert.deepEqual(report(new UsageError('E_UNKNOWN_COMMAND', "unknown command 'x'")), {
      code: 2,
      stderr: "mvpm: error[E_UNKNOWN_COMMAND]: unknown command 'x'\n",
    });
  });

  test('every problem of a pass, like a compiler, then the count', () => {
    const problems = [
      fileDiagnostic('specs/a.yaml', 'E_TYPE', 'expected a mapping', 'write keys', {
        line: 2,
        column: 3,
        text: 'a: 1\nb: [\n',
      }),
      fileDiagnostic('specs/b.yaml', 'E_EMPTY_FILE', 'the file is empty'),
    ];
    const { code, stderr } = report(new MvpmError('E_SPECS', 'the specs have 2 errors', { problems }), 'build', true);
    assert.equal(code, 2);
    assert.equal(
      stderr,
      [
        'error[E_TYPE]: expected a mapping',
        '  --> specs/a.yaml:2:3',
        '    1 | a: 1',
        '  > 2 | b: [',
        '      |   ^',
        '  = hint: write keys',
        '',
        'error[E_EMPTY_FILE]: the file is empty',
        '  --> specs/b.yaml:1:1',
        '',
        'mvpm build: 2 errors; nothing was written.',
        '',
      ].join('\n'),
    );
  });

  test("an import error is located by its subject's file: position, else JSON pointer, and the item", () => {
    const positioned = new ImportError('E_IMPORT_JSON', 'not valid JSON', { position: { line: 3, column: 9 } });
    assert.equal(
      report(positioned.in('export.json'), 'import', true).stderr,
      'error[E_IMPORT_JSON]: not valid JSON\n  --> export.json:3:9\n\nmvpm import: nothing was written.\n',
    );
    const pointed = new ImportError('E_IMPORT_TOO_DEEP', 'folders nest too deep', {
      pointer: '/item/0/item/1',
      itemPath: 'A / B',
      hint: 'flatten the folders',
    }).about({ kind: 'environment', index: 0 });
    assert.deepEqual(pointed.subject, { kind: 'environment', index: 0 });
    assert.equal(
      report(pointed.in('env.json'), 'import', true).stderr,
      'error[E_IMPORT_TOO_DEEP]: folders nest too deep\n  --> env.json#/item/0/item/1\n  = item: A / B\n' +
        '  = hint: flatten the folders\n\nmvpm import: nothing was written.\n',
    );
  });

  test('a file the system refused is E_IO, exit 2, naming the operation, path and code, not a bug', () => {
    const refused = Object.assign(new Error('EACCES: permission denied, open /work/out/a.json'), {
      code: 'EACCES',
      syscall: 'open',
      path: '/work/out/a.json',
    });
    const result = report(refused, 'build', true);
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      'mvpm build: error[E_IO]: the system refused to open /work/out/a.json (EACCES)\n' +
        '  = hint: check the permissions, the free space and what is at that path, then run the command again\n' +
        'mvpm build: nothing was written.\n',
    );
    // Without `syscall` it is not the system's answer about a file: still a bug.
    assert.equal(report(Object.assign(new Error('x'), { code: 'EACCES' }), 'build').code, 70);
  });

  test('a bug is one line without its message, exit 70; MVPM_DEBUG=1 adds the stack', () => {
    const bug = new TypeError('cannot read token s3cr3t-value');
    const quiet = report(bug, 'run');
    assert.equal(quiet.code, 70);
    assert.match(quiet.stderr, /^mvpm run: internal error \(TypeError\): this is a bug in mvpm\. .*MVPM_DEBUG=1/);
    assert.equal(quiet.stderr.split('\n').length, 2, 'one line');
    assert.ok(!quiet.stderr.includes('s3cr3t'), 'the message of an unexpected error is not printed');
    const debug = report(bug, 'run', false, { MVPM_DEBUG: '1' });
    assert.equal(debug.code, 70);
    assert.match(debug.stderr, /\n {4}at .+\n/, 'the stack');
  });

  test('in runMain: a command error names the command and exits with its code', async () => {
    const out = io();
    assert.equal(await runMain(['serve', '--port', '70000'], out), 2);
    const text = out.text();
    assert.ok(
      text.startsWith("mvpm serve: error[E_USAGE]: --port takes a whole number from 0 to 65535, not '70000'\n"),
    );
    assert.ok(text.endsWith("Run 'mvpm serve --help' for its options.\n"), text);
  });

  test('commands throw their errors: none prints an error or picks an error exit code itself', () => {
    const dir = path.join(PROJECT_ROOT, 'src', 'cli', 'commands');
    for (const name of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      assert.ok(!/error\[/.test(text), `${name} prints an error[CODE] line`);
      assert.ok(!/EXIT\.(usage|interrupted|bug)\b/.test(text), `${name} picks an error's exit code`);
      assert.ok(!/\.exitCode\b/.test(text), `${name} reads an error's exit code`);
    }
  });
});
