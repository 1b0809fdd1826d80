// Unfinished sign-ins: each authorization request leaves one pending (oidc-provider's Interaction) until it is
// finished, expires (interactionTtl) or is evicted as the oldest beyond maxInteractions. New ones are never refused.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEMO_CLIENT,
  signIn,
  startStandin,
  type StandinLogEntry,
  type StandinServer,
} from '../../src/standin/index.ts';
import { CookieJar } from '../../src/standin/sign-in.ts';
import { signedInTokens, standinFor } from '../support/standin-helpers.ts';

const AUTHORIZE_QUERY = new URLSearchParams({
  response_type: 'code',
  client_id: DEMO_CLIENT.clientId,
  redirect_uri: DEMO_CLIENT.redirectUris[0]!,
  scope: 'openid api offline_access',
  state: 'pending',
});

/** A sign-in started by its own browser (cookie jar) and left at the sign-in page. */
interface PendingSignIn {
  readonly page: URL;
  readonly jar: CookieJar;
}

/** Sends an authorization request, as a browser that then walks away from the sign-in page it is sent to. */
async function startSignIn(server: StandinServer): Promise<PendingSignIn> {
  const jar = new CookieJar();
  const authorize = new URL(`/connect/authorize?${AUTHORIZE_QUERY}`, server.url);
  const response = await fetch(authorize, { redirect: 'manual' });
  await response.body?.cancel();
  assert.equal(response.status, 303);
  jar.store(authorize, response);
  return { page: new URL(response.headers.get('location') ?? '', server.url), jar };
}

async function open(
  url: URL,
  jar: CookieJar,
  form?: Record<string, string>,
): Promise<{ status: number; text: string; location: string | null }> {
  const response = await fetch(url, {
    method: form ? 'POST' : 'GET',
    headers: { Cookie: jar.header(url), ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    redirect: 'manual',
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  return { status: response.status, text: await response.text(), location: response.headers.get('location') };
}

async function assertExpired(pending: PendingSignIn, label: string): Promise<void> {
  const page = await open(pending.page, pending.jar);
  assert.equal(page.status, 400, `${label}: expected the expired page, got ${page.status}`);
  assert.match(page.text, /Sign-in expired/, label);
}

async function assertSignInPage(pending: PendingSignIn, label: string): Promise<void> {
  const page = await open(pending.page, pending.jar);
  assert.equal(page.status, 200, `${label}: ${page.text}`);
  assert.match(page.text, /<input id="password" name="password"/, label);
}

describe('stand-in pending sign-ins', () => {
  test(
    'beyond maxInteractions the oldest are forgotten, ' + 'the newest still work, and new sign-ins are never refused',
    async (t) => {
      const cap = 5;
      const extra = 3;
      const log: StandinLogEntry[] = [];
      const server = await standinFor(t, { maxInteractions: cap, logger: (entry) => log.push(entry) });
      const pending: PendingSignIn[] = [];
      for (let i = 0; i < cap + extra; i += 1) pending.push(await startSignIn(server));

      assert.equal(server.storedArtifacts().Interaction, cap);
      for (let i = 0; i < extra; i += 1) await assertExpired(pending[i]!, `sign-in ${i + 1} of ${cap + extra}`);
      await assertSignInPage(pending[extra]!, 'the oldest sign-in kept');
      const newest = pending.at(-1)!;
      await assertSignInPage(newest, 'the newest sign-in');
      const login = await open(new URL(`${newest.page.pathname}/login`, server.url), newest.jar, {
        username: 'demo',
        password: 'demo',
      });
      assert.equal(login.status, 303, `the newest sign-in accepts the password: ${login.text}`);
      assert.match(login.location ?? '', /^http:\/\/127\.0\.0\.1:\d+\/connect\/authorize\/[\w-]+$/);

      // A whole new sign-in, with the store full of abandoned ones, ends with tokens.
      const tokens = await signedInTokens(server);
      assert.equal(typeof tokens.refresh_token, 'string');
      assert.ok((server.storedArtifacts().Interaction ?? 0) <= cap);
      assert.equal(
        log.filter((entry) => entry.level === 'warn').length,
        1,
        'the cap is reported once, not at every eviction',
      );
      assert.match(
        log.find((entry) => entry.level === 'warn')?.message ?? '',
        /more than 5 unfinished sign-ins: forgetting the oldest/,
      );
    },
  );

  test('a sign-in not finished within interactionTtl expires', async (t) => {
    const server = await standinFor(t, { interactionTtl: 120 });
    const early = await startSignIn(server);
    const late = await startSignIn(server);
    server.advanceTime(119);
    await assertSignInPage(late, 'a sign-in 119 s old');
    // Past 120 s and oidc-provider's clock tolerance (clockTolerance, 15 s by default).
    server.advanceTime(31);
    await assertExpired(early, 'a sign-in 150 s old');
  });

  test('beyond maxSessions the browser sessions used longest ago are forgotten', async (t) => {
    const server = await standinFor(t, { maxSessions: 2 });
    // signIn() uses a new cookie jar each time, so each sign-in is a new browser session.
    for (let i = 0; i < 4; i += 1) await signIn(server.url);
    assert.equal(server.storedArtifacts().Session, 2);
  });

  test('the limits must be positive whole numbers', async () => {
    await assert.rejects(startStandin({ port: 0, maxInteractions: 0, maxSessions: 1.5, interactionTtl: -1 }), {
      code: 'E_STANDIN_OPTIONS',
      message:
        'invalid stand-in options: interactionTtl must be a positive whole number of seconds, got -1; ' +
        'maxInteractions must be a positive whole number, got 0; maxSessions must be a positive whole number, got 1.5',
    });
  });
});
