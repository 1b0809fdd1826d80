// mvpm login against the stand-in playing MediaValet: a person's browser is played by the stand-in's own sign-in
// pages; the address it ends on is pasted back on stdin.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { runMain } from '../../src/cli/main.ts';
import { readState } from '../../src/run/state-file.ts';
import { DEMO_CLIENT, DEMO_SUBSCRIPTION_KEY, signIn, type StandinServer } from '../../src/standin/index.ts';
import { PROJECT_ROOT, runCli } from '../support/helpers.ts';
import { CHAIN_FOLDER_ARGS, useStandin } from '../support/standin-helpers.ts';

let server: StandinServer;
let work: { dir: string; cleanup: () => void };

async function login(
  env: Record<string, string>,
  answer: (authorizeUrl: URL) => Promise<string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdin = new PassThrough();
  let stdout = '';
  let stderr = '';
  let answered = false;
  const done = runMain(['login', '--state-file', path.join(work.dir, 'state.json')], {
    stdout: {
      write: (text: string) => {
        stdout += text;
        const url = /(http:\/\/\S+\/connect\/authorize\?\S+)/.exec(stdout)?.[1];
        if (url && !answered && stdout.includes('> ')) {
          answered = true;
          void answer(new URL(url)).then((line) => stdin.write(`${line}\n`));
        }
        return true;
      },
    },
    stderr: { write: (text: string) => (stderr += text) },
    env: { NO_COLOR: '1', ...env },
    cwd: PROJECT_ROOT,
    stdin,
  });
  return { code: await done, stdout, stderr };
}

const credentials = () => ({
  MV_CLIENT_ID: DEMO_CLIENT.clientId,
  MV_CLIENT_SECRET: DEMO_CLIENT.clientSecret,
  MV_AUTH_BASE_URL: server.url,
  MV_API_BASE_URL: server.url,
  MV_SUBSCRIPTION_KEY: DEMO_SUBSCRIPTION_KEY,
});

describe('mvpm login and mvpm token', () => {
  useStandin((s, w) => ([server, work] = [s, w]));

  test(
    'prints the authorize URL, takes the redirected address back, ' +
      'and saves a refresh token that mvpm run then uses',
    async () => {
      const result = await login(credentials(), async (url) => {
        assert.equal(url.searchParams.get('redirect_uri'), 'https://oauth.pstmn.io/v1/callback');
        assert.equal(url.searchParams.get('scope'), 'openid api offline_access');
        const signedIn = await signIn(server.url, { state: url.searchParams.get('state')! });
        return signedIn.redirectedTo;
      });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Signed in\. The refresh token is saved in /);
      const stateFile = path.join(work.dir, 'state.json');
      assert.equal(statSync(stateFile).mode & 0o777, 0o600);
      const state = readState(stateFile)!;
      assert.ok(state.refreshToken);
      assert.ok(!result.stdout.includes(state.refreshToken), 'the token is not printed');

      const run = await runCli(
        ['run', '--target', 'mediavalet', '--state-file', stateFile, ...CHAIN_FOLDER_ARGS],
        PROJECT_ROOT,
        credentials(),
      );
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /refresh token from: state file/);

      const out = path.join(work.dir, 'token.txt');
      const token = await runCli(['token', '--out', out, '--state-file', stateFile], PROJECT_ROOT, credentials());
      assert.equal(token.code, 0);
      assert.equal(readFileSync(out, 'utf8'), readState(stateFile)!.refreshToken);
      assert.equal(statSync(out).mode & 0o777, 0o600);
      assert.ok(!token.stdout.includes(readState(stateFile)!.refreshToken!));
    },
  );

  test('an address from another sign-in (state mismatch) is refused', async () => {
    const result = await login(
      credentials(),
      async () => (await signIn(server.url, { state: 'someone-else' })).redirectedTo,
    );
    assert.equal(result.code, 2);
    assert.match(result.stderr, /error\[E_LOGIN\]: that address belongs to another sign-in/);
  });

  test('a code older than 60 seconds is refused with what to do', async () => {
    const result = await login(credentials(), async (url) => {
      const signedIn = await signIn(server.url, { state: url.searchParams.get('state')! });
      server.advanceTime(61);
      return signedIn.redirectedTo;
    });
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /the server refused the code \(invalid_grant\): the code is single use and lives 60 seconds/,
    );
  });

  test('without credentials it says which variables to set', async () => {
    const result = await runCli(['login'], PROJECT_ROOT, {});
    assert.equal(result.code, 2);
    assert.match(result.stderr, /set MV_CLIENT_ID, MV_CLIENT_SECRET in the environment/);
  });
});
