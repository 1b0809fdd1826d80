// The stand-in's authorization endpoint and sign-in pages, driven the way Postman's browser drives them.

import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { describe, test, type TestContext } from 'node:test';
import { DEMO_CLIENT, DEMO_USER, signIn, startStandin, type StandinServer } from '../../src/standin/index.ts';
import { CookieJar } from '../../src/standin/sign-in.ts';

const POSTMAN_CALLBACK = 'https://oauth.pstmn.io/v1/callback';

async function standinFor(t: TestContext): Promise<StandinServer> {
  const standin = await startStandin({ port: 0 });
  t.after(() => standin.close());
  return standin;
}

async function postForm(
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

function jwtPart(jwt: string, index: number): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[index] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('stand-in discovery', () => {
  test("serves the discovery document at MediaValet's paths, with the server as issuer", async (t) => {
    const standin = await standinFor(t);
    const response = await fetch(`${standin.url}/.well-known/openid-configuration`);
    assert.equal(response.status, 200);
    const discovery = (await response.json()) as Record<string, unknown>;
    assert.equal(discovery.issuer, standin.url);
    assert.equal(discovery.authorization_endpoint, `${standin.url}/connect/authorize`);
    assert.equal(discovery.token_endpoint, `${standin.url}/connect/token`);
    assert.equal(discovery.userinfo_endpoint, `${standin.url}/connect/userinfo`);
    assert.equal(discovery.revocation_endpoint, `${standin.url}/connect/revocation`);
    assert.equal(discovery.introspection_endpoint, `${standin.url}/connect/introspect`);
    assert.equal(discovery.end_session_endpoint, `${standin.url}/connect/endsession`);
    assert.equal(discovery.jwks_uri, `${standin.url}/.well-known/openid-configuration/jwks`);
    assert.deepEqual(discovery.scopes_supported, ['openid', 'api', 'offline_access']);
    assert.deepEqual(discovery.response_types_supported, ['code']);
    assert.deepEqual(discovery.grant_types_supported, ['authorization_code', 'refresh_token']);
    assert.deepEqual(discovery.token_endpoint_auth_methods_supported, ['client_secret_basic', 'client_secret_post']);
    const jwks = (await (await fetch(String(discovery.jwks_uri))).json()) as { keys: Array<Record<string, unknown>> };
    assert.equal(jwks.keys.length, 1);
    assert.equal(jwks.keys[0]?.alg, 'RS256');
    assert.equal(jwks.keys[0]?.d, undefined, 'the JWKS must not publish the private key');
  });
});

describe('stand-in sign-in', () => {
  test('an HTTP client that keeps cookies and follows no redirects signs in and gets tokens', async (t) => {
    const standin = await standinFor(t);
    const jar = new CookieJar();
    const send = async (url: URL, form?: Record<string, string>): Promise<Response> => {
      const response = await fetch(url, {
        method: form ? 'POST' : 'GET',
        headers: { Cookie: jar.header(url), ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
        redirect: 'manual',
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      });
      jar.store(url, response);
      return response;
    };
    const redirectFrom = async (response: Response): Promise<URL> => {
      assert.equal(
        response.status,
        303,
        `expected a 303 redirect, got ${response.status}: ${await response.clone().text()}`,
      );
      return new URL(response.headers.get('location') ?? '', standin.url);
    };
    const formAction = (page: string, name: string): URL => {
      const match = new RegExp(`<form method="post" action="(/interaction/[\\w-]+/${name})"`).exec(page);
      assert.ok(match?.[1], `the page has no ${name} form`);
      return new URL(match[1], standin.url);
    };

    // The authorization request exactly as Postman builds it from the collection's OAuth 2.0 settings.
    const authorize = new URL(
      '/connect/authorize?response_type=code&client_id=mvpm-demo-client&state=mediavalet-postman' +
        '&scope=openid%20api%20offline_access&redirect_uri=https%3A%2F%2Foauth.pstmn.io%2Fv1%2Fcallback',
      standin.url,
    );
    const loginUrl = await redirectFrom(await send(authorize));
    assert.match(loginUrl.pathname, /^\/interaction\/[\w-]+$/);

    const loginPageResponse = await send(loginUrl);
    assert.equal(loginPageResponse.status, 200);
    assert.match(loginPageResponse.headers.get('content-type') ?? '', /^text\/html/);
    const loginPage = await loginPageResponse.text();
    assert.match(loginPage, /<input id="username" name="username"/);
    assert.match(loginPage, /<input id="password" name="password" type="password"/);
    assert.match(loginPage, /local stand-in.*user name <code>demo<\/code>, password <code>demo<\/code>/s);

    const resumeAfterLogin = await redirectFrom(
      await send(formAction(loginPage, 'login'), { username: 'demo', password: 'demo' }),
    );
    assert.match(resumeAfterLogin.pathname, /^\/connect\/authorize\/[\w-]+$/);
    const consentUrl = await redirectFrom(await send(resumeAfterLogin));
    assert.match(consentUrl.pathname, /^\/interaction\/[\w-]+$/);

    const consentPage = await (await send(consentUrl)).text();
    assert.match(consentPage, /MediaValet Postman \(local demo\)/);
    assert.match(consentPage, /<code>offline_access<\/code>/);
    assert.match(consentPage, />Proceed</);

    const resumeAfterConsent = await redirectFrom(await send(formAction(consentPage, 'confirm'), { approve: 'yes' }));
    const callback = await redirectFrom(await send(resumeAfterConsent));
    assert.equal(`${callback.origin}${callback.pathname}`, POSTMAN_CALLBACK);
    assert.equal(callback.searchParams.get('state'), 'mediavalet-postman');
    assert.equal(callback.searchParams.get('iss'), standin.url);
    const code = callback.searchParams.get('code');
    assert.ok(code);

    // The code exchange, with the client secret in the body (client_secret_post), as the collection sends it.
    const exchange = await postForm(standin.endpoints.token, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: POSTMAN_CALLBACK,
      client_id: 'mvpm-demo-client',
      client_secret: 'mvpm-demo-secret',
    });
    assert.equal(exchange.status, 200);
    assert.match(exchange.headers.get('content-type') ?? '', /^application\/json/);
    const tokens = (await exchange.json()) as Record<string, unknown>;
    assert.equal(tokens.token_type, 'Bearer');
    assert.equal(tokens.expires_in, 3600);
    assert.equal(tokens.scope, 'openid api offline_access');
    assert.equal(typeof tokens.access_token, 'string');
    assert.equal(typeof tokens.refresh_token, 'string');
    assert.equal(typeof tokens.id_token, 'string');

    // The ID token is signed with the key the JWKS publishes and names the demo user.
    const idToken = String(tokens.id_token);
    const header = jwtPart(idToken, 0);
    const claims = jwtPart(idToken, 1);
    assert.equal(header.alg, 'RS256');
    assert.equal(claims.iss, standin.url);
    assert.equal(claims.aud, DEMO_CLIENT.clientId);
    assert.equal(claims.sub, DEMO_USER.sub);
    const { keys } = (await (await fetch(standin.endpoints.jwks)).json()) as { keys: Array<Record<string, unknown>> };
    const jwk = keys.find((key) => key.kid === header.kid);
    assert.ok(jwk);
    const [signedHeader, signedPayload, signature] = idToken.split('.');
    const signed = verify(
      'RSA-SHA256',
      Buffer.from(`${signedHeader}.${signedPayload}`),
      createPublicKey({ key: jwk, format: 'jwk' }),
      Buffer.from(signature ?? '', 'base64url'),
    );
    assert.ok(signed, 'the ID token signature does not verify');
  });

  test('a wrong password shows the sign-in page again with an error, and issues no code', async (t) => {
    const standin = await standinFor(t);
    await assert.rejects(signIn(standin.url, { password: 'not-demo' }), {
      code: 'E_STANDIN_SIGN_IN',
      message: /user name or password was refused/,
    });

    const jar = new CookieJar();
    const authorize = new URL(
      `/connect/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: DEMO_CLIENT.clientId,
        scope: 'openid api',
        redirect_uri: POSTMAN_CALLBACK,
      })}`,
      standin.url,
    );
    const first = await fetch(authorize, { redirect: 'manual' });
    jar.store(authorize, first);
    const loginUrl = new URL(first.headers.get('location') ?? '', standin.url);
    const submit = new URL(`${loginUrl.pathname}/login`, standin.url);
    const response = await fetch(submit, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: jar.header(submit), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'demo', password: 'wrong' }).toString(),
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('location'), null);
    const page = await response.text();
    assert.match(page, /The user name or password is incorrect\./);
    assert.match(page, /<input id="username" name="username" type="text" required autofocus value="demo">/);
  });

  test('Cancel on the consent page sends the client error=access_denied', async (t) => {
    const standin = await standinFor(t);
    const jar = new CookieJar();
    const step = async (url: URL, form?: Record<string, string>): Promise<URL> => {
      const response = await fetch(url, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: { Cookie: jar.header(url), 'Content-Type': 'application/x-www-form-urlencoded' },
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      });
      jar.store(url, response);
      return new URL(response.headers.get('location') ?? '', standin.url);
    };
    const authorize = new URL(
      `/connect/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: DEMO_CLIENT.clientId,
        scope: 'openid api',
        redirect_uri: POSTMAN_CALLBACK,
        state: 's1',
      })}`,
      standin.url,
    );
    const login = await step(authorize);
    const consent = await step(
      await step(new URL(`${login.pathname}/login`, standin.url), { username: 'demo', password: 'demo' }),
    );
    const callback = await step(await step(new URL(`${consent.pathname}/abort`, standin.url), {}));
    assert.equal(`${callback.origin}${callback.pathname}`, POSTMAN_CALLBACK);
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    assert.equal(callback.searchParams.get('state'), 's1');
    assert.equal(callback.searchParams.get('code'), null);
  });

  test('an unregistered redirect_uri is refused at the authorization endpoint, without a redirect', async (t) => {
    const standin = await standinFor(t);
    const authorize = `${standin.endpoints.authorization}?${new URLSearchParams({
      response_type: 'code',
      client_id: DEMO_CLIENT.clientId,
      scope: 'openid api',
      redirect_uri: 'https://attacker.example/callback',
    })}`;
    const response = await fetch(authorize, { redirect: 'manual' });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('location'), null);
    // oidc-provider cannot send the error to an unverified redirect_uri, so it shows it (renderError).
    assert.match(await response.text(), /<h1>Sign-in error<\/h1>\n<p class="error">invalid_redirect_uri: /);
  });

  test('without offline_access there is no refresh token', async (t) => {
    const standin = await standinFor(t);
    const { code } = await signIn(standin.url, { scope: 'openid api' });
    const response = await postForm(standin.endpoints.token, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: POSTMAN_CALLBACK,
      client_id: DEMO_CLIENT.clientId,
      client_secret: DEMO_CLIENT.clientSecret,
    });
    const tokens = (await response.json()) as Record<string, unknown>;
    assert.equal(response.status, 200);
    assert.equal(tokens.scope, 'openid api');
    assert.equal(typeof tokens.access_token, 'string');
    assert.equal(tokens.refresh_token, undefined);
  });

  test('PKCE is optional, and held to when the client sends a code_challenge', async (t) => {
    const standin = await standinFor(t);
    const verifier = 'a'.repeat(43);
    const challenge = (await import('node:crypto')).createHash('sha256').update(verifier).digest('base64url');
    const extraParams = { code_challenge: challenge, code_challenge_method: 'S256' };
    const exchange = (code: string, codeVerifier: string): Promise<Response> =>
      postForm(standin.endpoints.token, {
        grant_type: 'authorization_code',
        code,
        code_verifier: codeVerifier,
        redirect_uri: POSTMAN_CALLBACK,
        client_id: DEMO_CLIENT.clientId,
        client_secret: DEMO_CLIENT.clientSecret,
      });

    const wrong = await exchange((await signIn(standin.url, { extraParams })).code, 'b'.repeat(43));
    assert.equal(wrong.status, 400);
    assert.equal(((await wrong.json()) as Record<string, unknown>).error, 'invalid_grant');
    const right = await exchange((await signIn(standin.url, { extraParams })).code, verifier);
    assert.equal(right.status, 200);
  });

  test('client_secret_basic works for the token exchange too', async (t) => {
    const standin = await standinFor(t);
    const { code } = await signIn(standin.url);
    const basic = Buffer.from(
      `${encodeURIComponent(DEMO_CLIENT.clientId)}:${encodeURIComponent(DEMO_CLIENT.clientSecret)}`,
    ).toString('base64');
    const response = await postForm(
      standin.endpoints.token,
      { grant_type: 'authorization_code', code, redirect_uri: POSTMAN_CALLBACK },
      { Authorization: `Basic ${basic}` },
    );
    assert.equal(response.status, 200);
    const tokens = (await response.json()) as Record<string, unknown>;
    assert.equal(tokens.token_type, 'Bearer');
    assert.equal(typeof tokens.refresh_token, 'string');
  });
});
