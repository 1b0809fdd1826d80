// Every cookie the stand-in sets carries `Max-Age` beside its `Expires`, so the Postman CLI's v3 runner keeps it.
//
// oidc-provider's cookies (set through the `cookies` package) say only `expires=…`. The Postman CLI 1.62.0, running
// a v3 collection whose requests have an after-response script (ours all do: the checks run there), forgets every
// cookie without `Max-Age` that matches a request's URL once that request is done, and then sends no cookies at all
// with the next request. The interaction cookie would reach the sign-in page and not the form posted from it
// (docs/postman-cli.md, "Known defects of the Postman CLI's v3 runner"). With `Max-Age` set to the same lifetime,
// browsers, Newman and both of the CLI's runners keep the cookie exactly as long as before.

import type { ServerResponse } from 'node:http';

const EXPIRES = /;\s*expires\s*=\s*([^;]*)/i;
const MAX_AGE = /;\s*max-age\s*=/i;

/**
 * `header` (one `Set-Cookie` value) with `max-age` added: the seconds from `now` until its `expires` (0 for a cookie
 * being cleared). A header without `expires` (a browser-session cookie) or that has `max-age` already is unchanged.
 */
export function withMaxAge(header: string, now: number): string {
  const expires = EXPIRES.exec(header);
  if (!expires || MAX_AGE.test(header)) return header;
  const at = Date.parse(expires[1] ?? '');
  if (Number.isNaN(at)) return header;
  return `${header}; max-age=${Math.max(0, Math.ceil((at - now) / 1000))}`;
}

/**
 * Makes the `Set-Cookie` headers of `res` carry `max-age` (see withMaxAge), rewritten as the headers are sent: not
 * earlier, because oidc-provider appends the session cookie's `expires` to the header list after setting it
 * (lib/shared/session.js). Node sends headers through `writeHead`, also when a handler only calls `end`.
 */
export function addMaxAgeToCookies(res: ServerResponse, now: () => number = Date.now): void {
  const writeHead = res.writeHead;
  res.writeHead = function writeHeadWithMaxAge(this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    const cookies = this.getHeader('set-cookie');
    if (cookies !== undefined) {
      const at = now();
      const headers = Array.isArray(cookies) ? cookies : [String(cookies)];
      this.setHeader(
        'Set-Cookie',
        headers.map((header) => withMaxAge(header, at)),
      );
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
}
