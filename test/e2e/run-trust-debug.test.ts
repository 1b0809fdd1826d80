// Debug output: with a real target, NODE_DEBUG (any non-empty value: Node matches it case-insensitively and with
// wildcards), an inspector, diagnostic reports or heap snapshots would copy the credentials out of the process.
// `mvpm run --target mediavalet` and `mvpm login` refuse to start then, unless --allow-debug-output; the refusal
// names the variable or flag, never its value.
import assert from 'node:assert/strict';
import { cpSync, existsSync } from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { runMain } from '../../src/cli/main.ts';
import { debugOutputs } from '../../src/run/debug-output.ts';
import { RunError } from '../../src/run/errors.ts';
import { runSuite } from '../../src/run/run-suite.ts';
import { PROJECT_ROOT, runCli, tempProject } from '../support/helpers.ts';
import { RUNNER_OPTION, withRunner } from '../support/runner.ts';

const MARKER = 'value-never-shown-7d1';
const CREDENTIALS = {
  MV_CLIENT_ID: 'client-id-4a2b',
  MV_CLIENT_SECRET: 'client-secret-9c3e5f',
  MV_SUBSCRIPTION_KEY: 'subscription-key-1b8d',
  MV_REFRESH_TOKEN: 'refresh-token-6e0a4c',
};
// Where a run would go if a guard let it: a closed port on this machine, never the real MediaValet.
const NOWHERE = { MV_AUTH_BASE_URL: 'http://127.0.0.1:9', MV_API_BASE_URL: 'http://127.0.0.1:9' };

describe('debug output', () => {
  test('which environments and flags are refused (names only, never values)', () => {
    // This process itself must be clean for the table to mean anything.
    assert.deepEqual(debugOutputs({}), [], 'run the tests without NODE_DEBUG, --inspect or --report-* flags');
    const refused: Record<string, string>[] = [
      { NODE_DEBUG: 'http' },
      { NODE_DEBUG: 'HtTp' },
      { NODE_DEBUG: '*' },
      { NODE_DEBUG: 'n*t' },
      { NODE_DEBUG: MARKER },
      { NODE_DEBUG_NATIVE: MARKER },
      { NODE_OPTIONS: `--inspect=127.0.0.1:0 --title=${MARKER}` },
      { NODE_OPTIONS: '--inspect-brk' },
      { NODE_OPTIONS: '--report-uncaught-exception' },
      { NODE_OPTIONS: '--heapsnapshot-signal=SIGUSR2' },
    ];
    for (const env of refused) {
      const found = debugOutputs(env);
      assert.equal(found.length, 1, JSON.stringify(env));
      assert.ok(!found[0]!.includes(MARKER), found[0]);
      assert.match(
        found[0]!,
        new RegExp(
          Object.keys(env)[0] === 'NODE_OPTIONS'
            ? env['NODE_OPTIONS']!.split(/[ =]/)[0]!
            : `^${Object.keys(env)[0]} is set`,
        ),
      );
    }
    for (const env of [
      { NODE_DEBUG: '' },
      { NODE_OPTIONS: '--require ./preload.js --import tsx --max-old-space-size=200' },
      { NODE_OPTIONS: '--inspect-port=9230' },
    ]) {
      assert.deepEqual(debugOutputs(env), [], JSON.stringify(env));
    }
  });

  test('a running inspector and diagnostic reports of this process are seen, whatever the environment says', () => {
    inspector.open(0, '127.0.0.1');
    try {
      assert.match(debugOutputs({}).join(), /debugger \(inspector\) is listening/);
    } finally {
      inspector.close();
    }
    const before = process.report.reportOnUncaughtException;
    process.report.reportOnUncaughtException = true;
    try {
      assert.match(debugOutputs({}).join(), /diagnostic reports are on/);
    } finally {
      process.report.reportOnUncaughtException = before;
    }
    assert.deepEqual(debugOutputs({}), []);
  });

  test('a run against MediaValet with NODE_DEBUG set is refused before anything is read or sent', async () => {
    const work = tempProject({});
    try {
      const stateFile = path.join(work.dir, 'state.json');
      await assert.rejects(
        runSuite({
          ...RUNNER_OPTION,
          target: 'mediavalet',
          env: { ...CREDENTIALS, ...NOWHERE, NODE_DEBUG: 'http' },
          cwd: PROJECT_ROOT,
          stateFile,
          reporters: [],
        }),
        (error: unknown) => {
          assert.ok(error instanceof RunError && error.code === 'E_DEBUG_OUTPUT', String(error));
          assert.match(error.message, /^will not run against mediavalet: NODE_DEBUG is set: .*--allow-debug-output/);
          for (const value of Object.values(CREDENTIALS)) assert.ok(!error.message.includes(value), value);
          return true;
        },
      );
      assert.equal(existsSync(stateFile), false, 'no state file was created: the run never started');
      // With --allow-debug-output the guard lets the run go on (here to the next check: a missing secret).
      const { MV_CLIENT_SECRET: _omitted, ...noSecret } = CREDENTIALS;
      await assert.rejects(
        runSuite({
          ...RUNNER_OPTION,
          target: 'mediavalet',
          env: { ...noSecret, ...NOWHERE, NODE_DEBUG: 'http' },
          allowDebugOutput: true,
          cwd: PROJECT_ROOT,
          stateFile,
          reporters: [],
        }),
        (error: unknown) => error instanceof RunError && error.code === 'E_MISSING_CREDENTIALS',
      );
      // The stand-in's credentials are public: NODE_DEBUG is allowed there (this run stops at the missing files).
      cpSync(path.join(PROJECT_ROOT, 'specs'), path.join(work.dir, 'specs'), { recursive: true });
      await assert.rejects(
        runSuite({
          ...RUNNER_OPTION,
          target: 'standin',
          env: { NODE_DEBUG: 'http' },
          cwd: work.dir,
          collectionsDir: 'none',
          reporters: [],
        }),
        (error: unknown) => error instanceof RunError && error.code === 'E_NO_GENERATED_FILES',
      );
    } finally {
      work.cleanup();
    }
  });

  test('mvpm run --target mediavalet: exit 2 naming NODE_DEBUG; --allow-debug-output passes the guard', async () => {
    const refused = await runCli(withRunner(['run', '--target', 'mediavalet']), PROJECT_ROOT, {
      ...CREDENTIALS,
      ...NOWHERE,
      NODE_DEBUG: 'net',
    });
    assert.equal(refused.code, 2);
    assert.match(
      refused.stderr,
      /^mvpm run: error\[E_DEBUG_OUTPUT\]: will not run against mediavalet: NODE_DEBUG is set/,
    );
    assert.doesNotMatch(refused.stderr, /\n\s+at /);
    const allowed = await runCli(withRunner(['run', '--target', 'mediavalet', '--allow-debug-output']), PROJECT_ROOT, {
      ...NOWHERE,
      NODE_DEBUG: 'net',
    });
    assert.equal(allowed.code, 2);
    assert.match(allowed.stderr, /error\[E_MISSING_CREDENTIALS\]/);
  });

  test(
    'mvpm login with NODE_DEBUG set is refused before the ' +
      'authorization URL is printed; --allow-debug-output passes',
    async () => {
      const work = tempProject({});
      const stateFile = path.join(work.dir, 'state', 'state.json');
      const login = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
        let stdout = '';
        let stderr = '';
        const stdin = new PassThrough();
        stdin.end();
        const code = await runMain(['login', '--state-file', stateFile, ...args], {
          stdout: { write: (t: string) => (stdout += t) },
          stderr: { write: (t: string) => (stderr += t) },
          env: {
            NO_COLOR: '1',
            MV_CLIENT_ID: CREDENTIALS.MV_CLIENT_ID,
            MV_CLIENT_SECRET: CREDENTIALS.MV_CLIENT_SECRET,
            ...NOWHERE,
            NODE_DEBUG: 'http',
          },
          cwd: PROJECT_ROOT,
          stdin,
        });
        return { code, stdout, stderr };
      };
      try {
        const refused = await login([]);
        assert.equal(refused.code, 2);
        assert.match(refused.stderr, /^mvpm login: error\[E_DEBUG_OUTPUT\]: will not sign in: NODE_DEBUG is set/);
        assert.doesNotMatch(refused.stdout, /connect\/authorize/);
        assert.ok(!(refused.stdout + refused.stderr).includes(CREDENTIALS.MV_CLIENT_SECRET));
        const allowed = await login(['--allow-debug-output']);
        assert.match(allowed.stdout, /connect\/authorize/);
        assert.match(allowed.stderr, /error\[E_LOGIN\]: nothing was pasted/);
        assert.equal(existsSync(path.dirname(stateFile)), false, 'nothing was saved');
      } finally {
        work.cleanup();
      }
    },
  );
});
