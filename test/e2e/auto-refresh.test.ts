// The generated auto-refresh pre-request script, run by Newman against the stand-in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import newman, { type NewmanRunSummary } from 'newman';
import { startStandin, type StandinServer } from '../../src/standin/index.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';
import { signedInTokens, projectDocuments } from '../support/standin-helpers.ts';

let server: StandinServer;
const collection = JSON.parse(
  readFileSync(path.join(PROJECT_ROOT, 'collections/mediavalet.postman_collection.json'), 'utf8'),
) as object;
const environment = JSON.parse(
  readFileSync(path.join(PROJECT_ROOT, 'environments/local-standin.postman_environment.json'), 'utf8'),
) as object;

const tokens = () => signedInTokens(server);

function runApi(vars: Record<string, string>): Promise<{ summary: NewmanRunSummary; sent: string[] }> {
  const sent: string[] = [];
  return new Promise((resolve, reject) => {
    const emitter = newman.run(
      {
        collection,
        environment,
        folder: 'API',
        reporters: [],
        envVar: Object.entries({ authBaseUrl: server.url, apiBaseUrl: server.url, ...vars }).map(([key, value]) => ({
          key,
          value,
        })),
      },
      (error, summary) => (error ? reject(error) : resolve({ summary, sent })),
    );
    emitter.on('request', (_error, args: { request: { url: { getPath(): string } } }) =>
      sent.push(args.request.url.getPath()),
    );
  });
}

const envValue = (summary: NewmanRunSummary, key: string): unknown =>
  (summary.environment.toJSON() as { values: { key: string; value: unknown }[] }).values.find((v) => v.key === key)
    ?.value;

describe('auto-refresh before API requests', () => {
  before(async () => {
    server = await startStandin({ port: 0, openApi: await projectDocuments() });
  });
  after(() => server.close());

  test(
    'an expired access token is refreshed first, ' + 'the rotated refresh token stored, and the API calls pass',
    async () => {
      const initial = await tokens();
      const { summary, sent } = await runApi({
        access_token: initial.access_token,
        refresh_token: initial.refresh_token,
        access_token_expires_at: String(Date.now() - 1000),
      });
      assert.equal(summary.run.failures.length, 0, JSON.stringify(summary.run.failures.map((f) => f.error.message)));
      assert.deepEqual(sent.slice(0, 2), ['/connect/token', '/users/current'], 'one refresh, then the request');
      assert.equal(
        sent.filter((p) => p === '/connect/token').length,
        1,
        'refreshed once: the new expiry holds for the later requests',
      );
      assert.notEqual(envValue(summary, 'refresh_token'), initial.refresh_token);
      assert.equal(envValue(summary, 'previous_refresh_token'), initial.refresh_token);
      assert.ok(Number(envValue(summary, 'access_token_expires_at')) > Date.now() + 3000_000);
    },
  );

  test('a fresh access token is used as it is', async () => {
    const initial = await tokens();
    const { summary, sent } = await runApi({
      access_token: initial.access_token,
      refresh_token: initial.refresh_token,
      access_token_expires_at: String(Date.now() + 3600_000),
    });
    assert.equal(summary.run.failures.length, 0);
    assert.equal(sent.filter((p) => p === '/connect/token').length, 0);
  });

  test(
    "a refused refresh fails loudly with the server's error, once: " + 'the request and the ones after it are not sent',
    async () => {
      const { summary, sent } = await runApi({ access_token: '', refresh_token: 'not-a-valid-refresh-token' });
      assert.deepEqual(
        sent.filter((p) => p !== '/connect/token'),
        [],
        'no API request went out',
      );
      assert.equal(
        sent.filter((p) => p === '/connect/token').length,
        1,
        'the refused refresh token is not sent again before each later request',
      );
      const messages = summary.run.failures.map((f) => f.error.message);
      assert.equal(messages.length, 1, messages.join('\n'));
      assert.match(
        messages[0]!,
        new RegExp(
          /refreshing it failed: the token endpoint answered HTTP 400 invalid_grant .*already /.source +
            /used, has expired or was revoked: sign in again.*The request was not sent\./.source,
        ),
      );
      assert.ok(!messages.join('\n').includes('not-a-valid-refresh-token'));
    },
  );
});
