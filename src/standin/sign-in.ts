// signIn(): signs in to a stand-in as a person with a browser would — authorization request, sign-in form,
// consent form, redirect — over HTTP with fetch, not following redirects, keeping cookies. It is how a
// program gets an authorization code without Postman (for example to run the collection with newman);
// there is no other way to one: the server has no shortcut that mints codes or tokens.

import { AUTH_ROUTES } from './mediavalet.js';
import { DEMO_CLIENT, DEMO_USER } from './options.js';
import { StandinError } from './errors.js';

/** Just enough of a cookie jar for the stand-in's cookies: name, value, path; session cookies only. */
export class CookieJar {
  readonly #cookies = new Map<string, { name: string; value: string; path: string }>();

  /** Stores the `Set-Cookie` headers of a response from `url`; an expired or emptied cookie is removed. */
  store(url: string | URL, response: Response): void {
    const defaultPath = new URL(url).pathname.replace(/\/[^/]*$/, '') || '/';
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      let path = defaultPath;
      let expired = value === '';
      for (const attribute of attributes) {
        const [key = '', ...rest] = attribute.split('=');
        const attributeValue = rest.join('=');
        if (key.toLowerCase() === 'path' && attributeValue.startsWith('/')) path = attributeValue;
        if (key.toLowerCase() === 'expires' && Date.parse(attributeValue) <= Date.now()) expired = true;
        if (key.toLowerCase() === 'max-age' && Number(attributeValue) <= 0) expired = true;
      }
      const id = `${name};${path}`;
      if (expired) this.#cookies.delete(id);
      else this.#cookies.set(id, { name, value, path });
    }
  }

  /** The `Cookie` header for a request to `url`: cookies whose path covers the URL's path, longest path first. */
  header(url: string | URL): string {
    const { pathname } = new URL(url);
    return [...this.#cookies.values()]
      .filter(({ path }) => pathname === path || pathname.startsWith(path.endsWith('/') ? path : `${path}/`))
      .sort((a, b) => b.path.length - a.path.length)
      .map(({ name, value }) => `${name}=${value}`)
      .join('; ');
  }
}

export interface SignInOptions {
  /** Default `DEMO_CLIENT.clientId`. */
  readonly clientId?: string;
  /** Default `DEMO_CLIENT.redirectUris[0]` (Postman's callback). */
  readonly redirectUri?: string;
  /** Default `openid api offline_access`. */
  readonly scope?: string;
  /** Default `mediavalet-postman`, the collection's `State`. */
  readonly state?: string;
  /** Default `DEMO_USER.username`. */
  readonly username?: string;
  /** Default `DEMO_USER.password`. */
  readonly password?: string;
  /** More authorization-request parameters, e.g. `code_challenge` and `code_challenge_method`. */
  readonly extraParams?: Readonly<Record<string, string>>;
}

export interface SignInResult {
  /** The authorization code: single use, valid for the server's code lifetime (60 s by default). */
  readonly code: string;
  readonly state: string | null;
  /** The `iss` parameter of the redirect (RFC 9207). */
  readonly iss: string | null;
  /** The whole redirect the client received. */
  readonly redirectedTo: string;
}

const MAX_STEPS = 12;

/** Signs in to the stand-in at `baseUrl` and returns the authorization code from the final redirect. */
export async function signIn(baseUrl: string, options: SignInOptions = {}): Promise<SignInResult> {
  const redirectUri = options.redirectUri ?? DEMO_CLIENT.redirectUris[0] ?? '';
  const authorize = new URL(AUTH_ROUTES.authorization, baseUrl);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId ?? DEMO_CLIENT.clientId,
    state: options.state ?? 'mediavalet-postman',
    scope: options.scope ?? 'openid api offline_access',
    redirect_uri: redirectUri,
    ...options.extraParams,
  }).toString();

  const jar = new CookieJar();
  const send = async (url: URL, form?: Record<string, string>): Promise<Response> => {
    const headers: Record<string, string> = { Cookie: jar.header(url) };
    if (form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers,
      redirect: 'manual',
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    jar.store(url, response);
    return response;
  };
  function fail(message: string): never {
    throw new StandinError('E_STANDIN_SIGN_IN', `sign-in to ${baseUrl} failed: ${message}`);
  }

  let response = await send(authorize);
  let url = authorize;
  let signedIn = false;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (location.startsWith(redirectUri)) {
        const redirect = new URL(location);
        const code = redirect.searchParams.get('code');
        if (!code)
          fail(
            `the server redirected with ${redirect.searchParams.get('error') ?? 'no code'}: ` +
              `${redirect.searchParams.get('error_description') ?? ''}`,
          );
        return {
          code,
          state: redirect.searchParams.get('state'),
          iss: redirect.searchParams.get('iss'),
          redirectedTo: location,
        };
      }
      url = new URL(location, url);
      response = await send(url);
      continue;
    }
    const page = await response.text();
    if (response.status !== 200) fail(`${url.pathname} answered HTTP ${response.status}`);
    const action = /<form method="post" action="([^"]+\/(login|confirm))"/.exec(page);
    if (!action?.[1]) fail(`${url.pathname} shows neither the sign-in nor the consent form`);
    url = new URL(action[1], url);
    if (action[2] === 'login') {
      if (signedIn) fail('the user name or password was refused');
      signedIn = true;
      response = await send(url, {
        username: options.username ?? DEMO_USER.username,
        password: options.password ?? DEMO_USER.password,
      });
    } else {
      response = await send(url, { approve: 'yes' });
    }
  }
  fail(`no redirect to ${redirectUri} after ${MAX_STEPS} steps`);
}
