// Failures that explain themselves: each user error gives a plain reason and what to do, no stack trace. The runs
// are of the token chain's folders (the sign-in's refresh and API requests), where each of these shows first.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DEMO_CLIENT, DEMO_SUBSCRIPTION_KEY, type StandinServer } from '../../src/standin/index.ts';
import { closedPort, PROJECT_ROOT, runCli } from '../support/helpers.ts';
import { CHAIN_FOLDER_ARGS, signedInRefreshToken, useStandin } from '../support/standin-helpers.ts';

let server: StandinServer;
let work: { dir: string; cleanup: () => void };

const refreshToken = (): Promise<string> => signedInRefreshToken(server);

function env(name: string, overrides: Record<string, string>): Record<string, string> {
  const home = path.join(work.dir, name);
  return {
    MV_CLIENT_ID: DEMO_CLIENT.clientId,
    MV_CLIENT_SECRET: DEMO_CLIENT.clientSecret,
    MV_SUBSCRIPTION_KEY: DEMO_SUBSCRIPTION_KEY,
    MV_AUTH_BASE_URL: server.url,
    MV_API_BASE_URL: server.url,
    XDG_STATE_HOME: home,
    HOME: home,
    ...overrides,
  };
}

describe('failures explain themselves', () => {
  useStandin((s, w) => ([server, work] = [s, w]));

  const cases: {
    name: string;
    setup: () => Promise<Record<string, string>>;
    explains: RegExp;
    after?: (e: Record<string, string>) => Promise<void>;
  }[] = [
    {
      name: 'a refresh token that was already used (invalid_grant), and the next run asks for mvpm login',
      setup: async () => env('grant', { MV_REFRESH_TOKEN: 'not-a-refresh-token-at-all' }),
      explains: new RegExp(
        /invalid_grant: the refresh token was already used, has expired or was revoked\. .*mvpm /.source +
          /login.*Against a stand-in started with `mvpm serve`: it keeps its tokens only while it /.source +
          /runs, so after a restart every saved token is refused/.source,
      ),
      after: async (e) => {
        const next = await runCli(['run', '--target', 'mediavalet', ...CHAIN_FOLDER_ARGS], PROJECT_ROOT, {
          ...e,
          MV_REFRESH_TOKEN: '',
        });
        assert.equal(next.code, 2);
        assert.match(
          next.stderr,
          new RegExp(
            /error\[E_NO_REFRESH_TOKEN\]: the server refused the last refresh token /.source +
              /\(invalid_grant, .*Sign in again with `mvpm login`/.source,
          ),
        );
      },
    },
    {
      name: 'a wrong client secret (invalid_client)',
      setup: async () =>
        env('client', { MV_REFRESH_TOKEN: await refreshToken(), MV_CLIENT_SECRET: 'wrong-secret-value' }),
      explains: /invalid_client: .*Check ClientId and ClientSecret \(MV_CLIENT_ID and MV_CLIENT_SECRET\)/,
    },
    {
      name: 'a wrong subscription key (API Management 401)',
      setup: async () =>
        env('key', { MV_REFRESH_TOKEN: await refreshToken(), MV_SUBSCRIPTION_KEY: 'wrong-subscription-key' }),
      explains: new RegExp(
        /API Management refused the call \(HTTP 401: Access denied due to invalid subscription /.source +
          /key\)\. Check the subscription key/.source,
      ),
    },
    {
      name: 'nothing listening at the auth server (connection refused names host and port)',
      setup: async () => {
        const port = await closedPort();
        return env('down', {
          MV_REFRESH_TOKEN: 'some-refresh-token-value',
          MV_AUTH_BASE_URL: `http://127.0.0.1:${port}`,
          MV_API_BASE_URL: `http://127.0.0.1:${port}`,
          PORT_USED: String(port),
        });
      },
      explains: /could not get an answer from 127\.0\.0\.1:(\d+): nothing is listening there/,
    },
  ];

  for (const c of cases) {
    test(c.name, async () => {
      const e = await c.setup();
      const result = await runCli(['run', '--target', 'mediavalet', ...CHAIN_FOLDER_ARGS], PROJECT_ROOT, e);
      assert.equal(result.code, 1, result.stdout + result.stderr);
      const output = result.stdout + result.stderr;
      assert.match(output, c.explains);
      if (e['PORT_USED']) assert.match(output, new RegExp(`127\\.0\\.0\\.1:${e['PORT_USED']}: nothing is listening`));
      assert.doesNotMatch(output, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');
      for (const secret of [e['MV_CLIENT_SECRET']!, e['MV_SUBSCRIPTION_KEY']!, e['MV_REFRESH_TOKEN']!])
        assert.ok(!output.includes(secret), `printed a secret: ${secret.slice(0, 6)}…`);
      await c.after?.(e);
    });
  }
});
