// The stand-in's sign-in works with the cookie handling of the Postman CLI's v3 runner (CLI 1.62.0), modelled here
// so that `npm test` guards it without the CLI. What the runner does, measured with a local server
// (docs/postman-cli.md, "Known defects of the Postman CLI's v3 runner"): once a request with an after-response
// script is done (every request of ours has one, the collection's checks), it forgets each cookie without Max-Age
// whose path matches that request's URL, and if it forgot any, it sends the next request with no cookies at all.
// test/postman/standin-sign-in-v3.test.ts runs the real CLI.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_CLIENT, DEMO_USER } from '../../src/standin/index.ts';
import { POSTMAN_CALLBACK, standinFor } from '../support/standin-helpers.ts';

interface StoredCookie {
  readonly name: string;
  readonly value: string;
  readonly path: string;
  readonly hasMaxAge: boolean;
}

/** A cookie jar that behaves like the Postman CLI 1.62.0's v3 runner with an after-response script. */
class V3RunnerJar {
  readonly #cookies = new Map<string, StoredCookie>();
  #blind = false;

  static #matches(path: string, pathname: string): boolean {
    return pathname === path || pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
  }

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const attribute = (key: string): string | undefined =>
        attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attribute('path') ?? '/';
      const maxAge = attribute('max-age');
      const expires = attribute('expires');
      const gone =
        value === '' ||
        (maxAge !== undefined && Number(maxAge) <= 0) ||
        (expires !== undefined && Date.parse(expires) <= Date.now());
      if (gone) this.#cookies.delete(`${name};${path}`);
      else this.#cookies.set(`${name};${path}`, { name, value, path, hasMaxAge: maxAge !== undefined });
    }
  }

  header(pathname: string): string {
    if (this.#blind) {
      this.#blind = false;
      return '';
    }
    return [...this.#cookies.values()]
      .filter((cookie) => V3RunnerJar.#matches(cookie.path, pathname))
      .map(({ name, value }) => `${name}=${value}`)
      .join('; ');
  }

  /** What the runner does once the request to `pathname` and its after-response script are done. */
  requestDone(pathname: string): void {
    let forgot = false;
    for (const [key, cookie] of this.#cookies) {
      if (cookie.hasMaxAge || !V3RunnerJar.#matches(cookie.path, pathname)) continue;
      this.#cookies.delete(key);
      forgot = true;
    }
    if (forgot) this.#blind = true;
  }
}

test("the sign-in collection's steps pass with the Postman CLI v3 runner's cookie handling", async (t) => {
  const standin = await standinFor(t);
  const jar = new V3RunnerJar();
  const setCookies: string[] = [];
  /** One request of specs/standin-sign-in, redirects not followed; returns its status and Location path. */
  const step = async (method: string, path: string, form?: Record<string, string>) => {
    const response = await fetch(`${standin.url}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        Cookie: jar.header(new URL(path, standin.url).pathname),
        ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    await response.arrayBuffer();
    setCookies.push(...response.headers.getSetCookie());
    jar.store(response);
    jar.requestDone(new URL(path, standin.url).pathname);
    const location = response.headers.get('location') ?? '';
    // The collection's captures keep the path of a Location on the stand-in.
    const onStandin = location.startsWith(standin.url);
    return { status: response.status, location: onStandin ? location.slice(standin.url.length) : location };
  };

  const authorize = new URLSearchParams({
    response_type: 'code',
    client_id: DEMO_CLIENT.clientId,
    state: 'mediavalet-postman',
    scope: 'openid api offline_access',
    redirect_uri: POSTMAN_CALLBACK,
  });
  const start = await step('GET', `/connect/authorize?${authorize}`);
  assert.equal(start.status, 303);
  const signinPage = /^\/interaction\/[^/?#]+/.exec(start.location)?.[0] ?? assert.fail(start.location);
  assert.equal((await step('GET', signinPage)).status, 200);
  const signedIn = await step('POST', `${signinPage}/login`, {
    username: DEMO_USER.username,
    password: DEMO_USER.password,
  });
  assert.equal(signedIn.status, 303, 'the sign-in form reached the stand-in without its interaction cookie');
  const consent = await step('GET', signedIn.location);
  assert.equal(consent.status, 303);
  const consentPage = /^\/interaction\/[^/?#]+/.exec(consent.location)?.[0] ?? assert.fail(consent.location);
  const approved = await step('POST', `${consentPage}/confirm`, { approve: 'yes' });
  assert.equal(approved.status, 303, 'the consent form reached the stand-in without its interaction cookie');
  const done = await step('GET', approved.location);
  assert.equal(done.status, 303);
  assert.match(done.location, /^https:\/\/oauth\.pstmn\.io\/v1\/callback\?code=[^&]+/);

  // Max-Age says what Expires says: a cookie lives exactly as long as before, in a browser too.
  assert.ok(setCookies.length >= 8, `${setCookies.length} cookies set`);
  for (const header of setCookies) {
    const expires = /;\s*expires=([^;]+)/i.exec(header)?.[1];
    const maxAge = /;\s*max-age=(\d+)/i.exec(header)?.[1];
    assert.ok(expires && maxAge, `${header.split('=')[0]}: expires and max-age`);
    const lifetime = Math.max(0, (Date.parse(expires) - Date.now()) / 1000);
    assert.ok(
      Math.abs(Number(maxAge) - lifetime) <= 5,
      `${header.split('=')[0]}: max-age ${maxAge}, expires in ${lifetime}`,
    );
  }
});
