// The stand-in is a library: loading it, starting it, serving a whole session and stopping it print nothing.
// oidc-provider prints notices and warnings to the console for development defaults (its memory adapter, its
// development keys and interactions, default lifetimes, missing cookie keys…); this runs the stand-in in a
// child process, from import to exit, and requires its stdout and stderr to stay empty.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';

const STANDIN = pathToFileURL(path.resolve(import.meta.dirname, '../../src/standin/index.ts')).href;

/** A session touching every endpoint and page, including the error paths. Fails (exit 1) on a wrong status. */
const SESSION =
  `
import { startStandin, signIn, DEMO_CLIENT, DEMO_SUBSCRIPTION_KEY } from ${JSON.stringify(STANDIN)};
const expect = (what, actual, expected) => { if (actual !== expected) { process.exitCode = 1; throw new Error(what + ` +
  `': ' + actual); } };
const standin = await startStandin({ port: 0 });
const client = { client_id: DEMO_CLIENT.clientId, client_secret: DEMO_CLIENT.clientSecret };
const form = (url, fields) => fetch(url, { method: 'POST', body: new URLSearchParams(fields) });
const token = async (fields) => (await form(standin.endpoints.token, { ...client, ...fields })).json();
const callApi = (path, accessToken) => fetch(standin.url + path, { headers: { Authorization: 'Bearer ' + ` +
  `accessToken, 'Ocp-Apim-Subscription-Key': DEMO_SUBSCRIPTION_KEY } });

expect('discovery', (await fetch(standin.endpoints.discovery)).status, 200);
expect('jwks', (await fetch(standin.endpoints.jwks)).status, 200);
await signIn(standin.url, { password: 'wrong' }).catch(() => {});
const { code } = await signIn(standin.url);
const tokens = await token({ grant_type: 'authorization_code', code, redirect_uri: DEMO_CLIENT.redirectUris[0] });
expect('code reuse', (await token({ grant_type: 'authorization_code', code, redirect_uri: ` +
  `DEMO_CLIENT.redirectUris[0] })).error, 'invalid_grant');
const again = await token({ grant_type: 'authorization_code', code: (await signIn(standin.url)).code, redirect_uri: ` +
  `DEMO_CLIENT.redirectUris[0] });
expect('api', (await callApi('/users/current', again.access_token)).status, 200);
expect('search', (await fetch(standin.url + '/assets/search', { method: 'POST', headers: { Authorization: 'Bearer ' ` +
  `+ again.access_token, 'Ocp-Apim-Subscription-Key': DEMO_SUBSCRIPTION_KEY }, body: '{' })).status, 400);
expect('userinfo', (await fetch(standin.endpoints.userinfo, { headers: { Authorization: 'Bearer ' + ` +
  `again.access_token } })).status, 200);
const rotated = await token({ grant_type: 'refresh_token', refresh_token: again.refresh_token });
expect('reuse', (await token({ grant_type: 'refresh_token', refresh_token: again.refresh_token })).error, ` +
  `'invalid_grant');
expect('wrong secret', (await form(standin.endpoints.token, { ...client, client_secret: 'x', grant_type: ` +
  `'refresh_token', refresh_token: rotated.refresh_token })).status, 401);
expect('introspection', (await form(standin.endpoints.introspection, { ...client, token: tokens.access_token ` +
  `})).status, 200);
expect('revocation', (await form(standin.endpoints.revocation, { ...client, token: tokens.access_token })).status, ` +
  `200);
expect('no key', (await fetch(standin.url + '/categories')).status, 401);
expect('bad request page', (await fetch(standin.endpoints.authorization + '?client_id=nobody', { headers: { Accept: ` +
  `'text/html' } })).status, 400);
expect('end session', (await fetch(standin.endpoints.endSession, { headers: { Accept: 'text/html' } })).status, ` +
  `200);
expect('expired interaction', (await fetch(standin.url + '/interaction/unknown')).status, 400);
expect('not found', (await fetch(standin.url + '/nothing-here')).status, 404);
standin.advanceTime(4000);
expect('expired token', (await callApi('/categories', rotated.access_token)).status, 401);
await standin.close();
`;

test('nothing is written to stdout or stderr from import to close', async () => {
  const env = { ...process.env };
  delete env.DEBUG; // oidc-provider logs through `debug`, which prints only when asked to
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', SESSION], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(stdout, '');
  assert.equal(exitCode, 0);
});
