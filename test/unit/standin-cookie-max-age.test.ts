// withMaxAge(): the Max-Age the stand-in adds to its cookies for the Postman CLI's v3 runner (cookie-max-age.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withMaxAge } from '../../src/standin/cookie-max-age.ts';

const NOW = Date.parse('2026-12-01T18:00:00Z');

test('withMaxAge adds the seconds until Expires, and leaves other cookies as they are', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    [
      '_interaction=u1; path=/interaction/u1; expires=Tue, 01 Dec 2026 19:00:00 GMT; samesite=lax; httponly',
      '_interaction=u1; path=/interaction/u1; expires=Tue, 01 Dec 2026 19:00:00 GMT; samesite=lax; httponly; ' +
        'max-age=3600',
    ],
    // oidc-provider appends the session cookie's expires last.
    [
      '_session=s; path=/; httponly; expires=Tue, 01 Dec 2026 18:00:01 GMT',
      '_session=s; path=/; httponly; expires=Tue, 01 Dec 2026 18:00:01 GMT; max-age=1',
    ],
    // A cookie being cleared.
    [
      '_interaction=; path=/i; expires=Thu, 01 Jan 1970 00:00:00 GMT',
      '_interaction=; path=/i; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0',
    ],
    // A browser-session cookie stays one; a Max-Age already given is kept; an unreadable date is left alone.
    ['a=1; path=/', 'a=1; path=/'],
    ['a=1; Max-Age=5; expires=Tue, 01 Dec 2026 19:00:00 GMT', 'a=1; Max-Age=5; expires=Tue, 01 Dec 2026 19:00:00 GMT'],
    ['a=1; expires=soon', 'a=1; expires=soon'],
  ];
  for (const [header, expected] of cases) assert.equal(withMaxAge(header, NOW), expected, header);
});
