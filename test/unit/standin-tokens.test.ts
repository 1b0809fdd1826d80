// The stand-in's token endpoint and token lifecycle: single-use codes, code lifetime, redirect_uri binding,
// client authentication, refresh-token rotation and reuse detection, revocation, access-token expiry.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_CLIENT, DEMO_SUBSCRIPTION_KEY, signIn, type StandinServer } from '../../src/standin/index.ts';
import {
  DEMO_CLIENT_FORM,
  POSTMAN_CALLBACK,
  postForm,
  refreshWith,
  standinFor,
  type Reply,
} from '../support/standin-helpers.ts';

const CLIENT = DEMO_CLIENT_FORM;

function exchangeCode(standin: StandinServer, code: string, overrides: Record<string, string> = {}): Promise<Reply> {
  return postForm(standin.endpoints.token, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: POSTMAN_CALLBACK,
    ...CLIENT,
    ...overrides,
  });
}

const refresh = (standin: StandinServer, refreshToken: string): Promise<Reply> => refreshWith(standin, refreshToken);

/** Signs in and exchanges the code: the access and refresh tokens of a fresh sign-in. */
async function tokensFor(standin: StandinServer): Promise<{ access: string; refresh: string }> {
  const { code } = await signIn(standin.url);
  const reply = await exchangeCode(standin, code);
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return { access: String(reply.body.access_token), refresh: String(reply.body.refresh_token) };
}

/** The API's status for an access token: 200 while it works, 401 once it does not. */
async function apiStatus(standin: StandinServer, accessToken: string): Promise<number> {
  const response = await fetch(`${standin.url}/users/current`, {
    headers: { Authorization: `Bearer ${accessToken}`, 'Ocp-Apim-Subscription-Key': DEMO_SUBSCRIPTION_KEY },
  });
  await response.body?.cancel();
  return response.status;
}

function assertRefused(reply: Reply, error: string, status = 400): void {
  assert.equal(reply.status, status, JSON.stringify(reply.body));
  assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
  assert.equal(reply.body.error, error);
  assert.equal(typeof reply.body.error_description, 'string');
  assert.equal(reply.body.access_token, undefined);
}

describe('stand-in authorization codes', () => {
  test('a code works once; using it again is refused and revokes what it issued', async (t) => {
    const standin = await standinFor(t);
    const { code } = await signIn(standin.url);
    const first = await exchangeCode(standin, code);
    assert.equal(first.status, 200);
    assertRefused(await exchangeCode(standin, code), 'invalid_grant');
    assert.equal(await apiStatus(standin, String(first.body.access_token)), 401);
    assertRefused(await refresh(standin, String(first.body.refresh_token)), 'invalid_grant');
  });

  test('a code older than 60 seconds is refused', async (t) => {
    const standin = await standinFor(t);
    const stale = await signIn(standin.url);
    standin.advanceTime(61);
    assertRefused(await exchangeCode(standin, stale.code), 'invalid_grant');

    const fresh = await signIn(standin.url);
    standin.advanceTime(58);
    assert.equal((await exchangeCode(standin, fresh.code)).status, 200);
  });

  test('the redirect_uri must be the one the code was issued for', async (t) => {
    const standin = await standinFor(t);
    const { code } = await signIn(standin.url, { redirectUri: 'http://localhost:3000/callback' });
    assertRefused(await exchangeCode(standin, code), 'invalid_grant');
    assertRefused(
      await exchangeCode(standin, code, { redirect_uri: 'https://attacker.example/callback' }),
      'invalid_grant',
    );
  });

  test('a wrong client secret is refused with invalid_client, HTTP 401', async (t) => {
    const standin = await standinFor(t);
    const { code } = await signIn(standin.url);
    assertRefused(await exchangeCode(standin, code, { client_secret: 'not-the-secret' }), 'invalid_client', 401);
    // Client authentication fails before the code is looked at: the code is still good.
    assert.equal((await exchangeCode(standin, code)).status, 200);
  });
});

describe('stand-in refresh tokens', () => {
  test('every refresh rotates; replaying a spent refresh token is refused and revokes the whole sign-in', async (t) => {
    const standin = await standinFor(t);
    const initial = await tokensFor(standin);

    const first = await refresh(standin, initial.refresh);
    assert.equal(first.status, 200);
    assert.equal(first.body.token_type, 'Bearer');
    assert.equal(first.body.expires_in, 3600);
    assert.equal(typeof first.body.id_token, 'string');
    const firstRefresh = String(first.body.refresh_token);
    assert.notEqual(firstRefresh, initial.refresh);
    assertRefused(await refresh(standin, initial.refresh), 'invalid_grant');

    // That replay killed the family, so start a new sign-in to see a chain being killed from its middle.
    const fresh = await tokensFor(standin);
    const second = await refresh(standin, fresh.refresh);
    const third = await refresh(standin, String(second.body.refresh_token));
    assert.equal(third.status, 200);
    const newestRefresh = String(third.body.refresh_token);
    const newestAccess = String(third.body.access_token);
    assert.equal(await apiStatus(standin, newestAccess), 200);

    // Replaying the refresh token that `second` spent: refused, and every token of that sign-in dies.
    assertRefused(await refresh(standin, fresh.refresh), 'invalid_grant');
    assertRefused(await refresh(standin, newestRefresh), 'invalid_grant');
    assert.equal(await apiStatus(standin, newestAccess), 401);
    assert.equal(await apiStatus(standin, String(second.body.access_token)), 401);
    assert.equal(await apiStatus(standin, fresh.access), 401);
  });
});

describe('stand-in access tokens', () => {
  test('an access token stops working the second it expires', async (t) => {
    const standin = await standinFor(t);
    const { access } = await tokensFor(standin);
    standin.advanceTime(3598);
    assert.equal(await apiStatus(standin, access), 200);
    standin.advanceTime(2);
    const response = await fetch(`${standin.url}/users/current`, {
      headers: { Authorization: `Bearer ${access}`, 'Ocp-Apim-Subscription-Key': DEMO_SUBSCRIPTION_KEY },
    });
    assert.equal(response.status, 401);
    assert.match(
      response.headers.get('www-authenticate') ?? '',
      /^Bearer realm="[^"]+", error="invalid_token", error_description="access token expired"$/,
    );
    assert.deepEqual(await response.json(), { error: 'invalid_token', error_description: 'access token expired' });
  });

  test('accessTokenTtl sets expires_in and the lifetime', async (t) => {
    const standin = await standinFor(t, { accessTokenTtl: 120 });
    const { code } = await signIn(standin.url);
    const reply = await exchangeCode(standin, code);
    assert.equal(reply.body.expires_in, 120);
    standin.advanceTime(120);
    assert.equal(await apiStatus(standin, String(reply.body.access_token)), 401);
    const refreshed = await refresh(standin, String(reply.body.refresh_token));
    assert.equal(refreshed.body.expires_in, 120);
    assert.equal(await apiStatus(standin, String(refreshed.body.access_token)), 200);
  });

  test('a revoked access token (RFC 7009) stops working, and introspection agrees', async (t) => {
    const standin = await standinFor(t);
    const { access } = await tokensFor(standin);
    const introspect = (): Promise<Reply> => postForm(standin.endpoints.introspection, { token: access, ...CLIENT });
    const live = await introspect();
    assert.equal(live.body.active, true);
    assert.equal(live.body.scope, 'openid api offline_access');
    assert.equal(live.body.client_id, DEMO_CLIENT.clientId);

    const revocation = await postForm(standin.endpoints.revocation, {
      token: access,
      token_type_hint: 'access_token',
      ...CLIENT,
    });
    assert.equal(revocation.status, 200);
    assert.equal(await apiStatus(standin, access), 401);
    assert.deepEqual((await introspect()).body, { active: false });
  });
});
