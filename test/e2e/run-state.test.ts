// The token state kept between runs against servers whose tokens outlive a run. A stand-in plays MediaValet
// (pointed at with MV_AUTH_BASE_URL / MV_API_BASE_URL), so the real rules apply: refresh tokens rotate on every
// use and a reused one revokes the whole sign-in.
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { RunError } from '../../src/run/errors.ts';
import { runSuite, type RunEvent } from '../../src/run/run-suite.ts';
import { isSpent, readState } from '../../src/run/state-file.ts';
import { DEMO_CLIENT, DEMO_SUBSCRIPTION_KEY, type StandinServer } from '../../src/standin/index.ts';
import { runCli, PROJECT_ROOT } from '../support/helpers.ts';
import { CHAIN_FOLDERS, signedInRefreshToken, useStandin } from '../support/standin-helpers.ts';
import { RUNNER_OPTION, withRunner } from '../support/runner.ts';

let server: StandinServer;
let work: { dir: string; cleanup: () => void };

const freshRefreshToken = (): Promise<string> => signedInRefreshToken(server);

function mediavaletEnv(refreshToken: string | undefined, stateHome: string): Record<string, string | undefined> {
  return {
    MV_CLIENT_ID: DEMO_CLIENT.clientId,
    MV_CLIENT_SECRET: DEMO_CLIENT.clientSecret,
    MV_SUBSCRIPTION_KEY: DEMO_SUBSCRIPTION_KEY,
    MV_REFRESH_TOKEN: refreshToken,
    MV_AUTH_BASE_URL: server.url,
    MV_API_BASE_URL: server.url,
    XDG_STATE_HOME: stateHome,
    HOME: stateHome,
  };
}

describe('token state between runs', () => {
  useStandin((s, w) => ([server, work] = [s, w]));

  test(
    'a run saves the rotated token (0600, no secret), ' +
      'and the next run uses it instead of the spent MV_REFRESH_TOKEN',
    async () => {
      const stateHome = path.join(work.dir, 'state-1');
      const first = await freshRefreshToken();
      const events: RunEvent[] = [];
      const run1 = await runSuite({
        target: 'mediavalet',
        env: mediavaletEnv(first, stateHome),
        cwd: PROJECT_ROOT,
        reporters: [],
        folders: CHAIN_FOLDERS,
        ...RUNNER_OPTION,
        onEvent: (e) => events.push(e),
      });
      assert.equal(run1.ok, true, JSON.stringify(run1));
      assert.ok(run1.stateFile?.startsWith(path.join(stateHome, 'mvpm')), run1.stateFile);
      assert.equal(statSync(run1.stateFile!).mode & 0o777, 0o600);
      const text = readFileSync(run1.stateFile!, 'utf8');
      assert.ok(!text.includes(DEMO_CLIENT.clientSecret), 'the state file never holds the client secret');
      const state1 = readState(run1.stateFile!)!;
      assert.notEqual(state1.refreshToken, first);
      assert.ok(isSpent(state1, first));
      assert.deepEqual(
        events.filter((e) => e.type === 'token-source'),
        [{ type: 'token-source', source: 'MV_REFRESH_TOKEN' }],
      );

      events.length = 0;
      const run2 = await runSuite({
        target: 'mediavalet',
        env: mediavaletEnv(first, stateHome),
        cwd: PROJECT_ROOT,
        reporters: [],
        folders: CHAIN_FOLDERS,
        ...RUNNER_OPTION,
        onEvent: (e) => events.push(e),
      });
      assert.equal(run2.ok, true, JSON.stringify(run2));
      assert.deepEqual(
        events.filter((e) => e.type === 'token-source'),
        [{ type: 'token-source', source: 'state file' }],
      );
      const state2 = readState(run2.stateFile!)!;
      assert.notEqual(state2.refreshToken, state1.refreshToken);
      assert.ok(isSpent(state2, state1.refreshToken!));
    },
  );

  test('the rotated token is saved even when assertions fail', async () => {
    const stateHome = path.join(work.dir, 'state-2');
    const first = await freshRefreshToken();
    const env = { ...mediavaletEnv(first, stateHome), MV_API_BASE_URL: `${server.url}/not-the-api` };
    const result = await runSuite({
      target: 'mediavalet',
      env,
      cwd: PROJECT_ROOT,
      reporters: [],
      folders: CHAIN_FOLDERS,
      ...RUNNER_OPTION,
    });
    assert.equal(result.ok, false);
    assert.ok(result.failed > 0);
    const state = readState(result.stateFile!)!;
    assert.notEqual(state.refreshToken, first);
    assert.ok(isSpent(state, first));
    // And that saved token still works: the chain was not lost.
    const next = await runSuite({
      target: 'mediavalet',
      env: mediavaletEnv(first, stateHome),
      cwd: PROJECT_ROOT,
      reporters: [],
      folders: CHAIN_FOLDERS,
      ...RUNNER_OPTION,
    });
    assert.equal(next.ok, true);
  });

  test('a spent token with nothing newer is refused before anything is sent', async () => {
    const stateHome = path.join(work.dir, 'state-3');
    const first = await freshRefreshToken();
    const run = await runSuite({
      target: 'mediavalet',
      env: mediavaletEnv(first, stateHome),
      cwd: PROJECT_ROOT,
      reporters: [],
      folders: CHAIN_FOLDERS,
      ...RUNNER_OPTION,
    });
    const state = readState(run.stateFile!)!;
    writeFileSync(run.stateFile!, JSON.stringify({ ...state, refreshToken: undefined }));
    await assert.rejects(
      runSuite({
        target: 'mediavalet',
        env: mediavaletEnv(first, stateHome),
        cwd: PROJECT_ROOT,
        reporters: [],
        folders: CHAIN_FOLDERS,
        ...RUNNER_OPTION,
      }),
      (error: unknown) =>
        error instanceof RunError && error.code === 'E_SPENT_REFRESH_TOKEN' && !error.message.includes(first),
    );
  });

  test('missing credentials exit 2 naming the variables, never their values', async () => {
    const stateHome = path.join(work.dir, 'state-4');
    const { MV_CLIENT_SECRET: _omitted, ...rest } = mediavaletEnv('rt-value-not-to-print', stateHome);
    const env = Object.fromEntries(
      Object.entries({ ...rest, MV_SUBSCRIPTION_KEY: '' }).filter((e): e is [string, string] => e[1] !== undefined),
    );
    const result = await runCli(withRunner(['run', '--target', 'mediavalet']), PROJECT_ROOT, env);
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /error\[E_MISSING_CREDENTIALS\]: set MV_CLIENT_SECRET, MV_SUBSCRIPTION_KEY in the environment/,
    );
    assert.ok(!(result.stdout + result.stderr).includes('rt-value-not-to-print'));
    assert.ok(!(result.stdout + result.stderr).includes(DEMO_CLIENT.clientId));
  });

  test(
    'against a running stand-in, the first run signs in ' + 'and later runs continue the chain from the state file',
    async () => {
      const stateHome = path.join(work.dir, 'state-5');
      const env = { XDG_STATE_HOME: stateHome, HOME: stateHome };
      const events: RunEvent[] = [];
      const first = await runSuite({
        target: 'standin',
        baseUrl: server.url,
        env,
        cwd: PROJECT_ROOT,
        reporters: [],
        folders: CHAIN_FOLDERS,
        ...RUNNER_OPTION,
        onEvent: (e) => events.push(e),
      });
      assert.equal(first.ok, true, JSON.stringify(first));
      const second = await runSuite({
        target: 'standin',
        baseUrl: server.url,
        env,
        cwd: PROJECT_ROOT,
        reporters: [],
        folders: CHAIN_FOLDERS,
        ...RUNNER_OPTION,
        onEvent: (e) => events.push(e),
      });
      assert.equal(second.ok, true, JSON.stringify(second));
      assert.deepEqual(
        events.filter((e) => e.type === 'token-source').map((e) => (e as { source: string }).source),
        ['sign-in', 'state file'],
      );
    },
  );
});
