// compileUrl splits a request URL the way the postman-collection SDK (the project's reference for the format) does:
// the build used to go through the SDK and must give the same `url` objects without it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import sdk from 'postman-collection';
import { compileUrl } from '../../src/compile/compile-url.ts';
import { soakCount } from '../support/helpers.ts';

/** What the build wrote through the SDK: parse, toJSON, and raw printed back by a second Url. */
function sdkUrl(text: string): Record<string, unknown> {
  const json = new sdk.Url(text).toJSON() as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { raw: new sdk.Url(json as sdk.UrlDefinition).toString() };
  for (const key of ['protocol', 'host', 'port', 'path'] as const) if (json[key] !== undefined) out[key] = json[key];
  const query = (json['query'] ?? []) as { key: unknown; value: unknown }[];
  if (query.length > 0) out['query'] = query.map((q) => ({ key: q.key, value: q.value }));
  return out;
}

const CASES = [
  '{{base}}/a',
  '{{base}}/a/b/?x=1&y&&z=#frag',
  'https://user:pa:ss@api.example.com:8443/v1/{{id}}.json?q={{a&b}}#x#y',
  'http://[::1]:3000/x',
  'file:////etc/hosts',
  'FILE://///x',
  'HTTP:///host/a\\b?c=\\d',
  '  {{a.b}}.{{c:d}}:{{port}}/{{p/q}}',
  '{{authBaseUrl}}{{consent_page}}/confirm',
  '@host',
  'host:',
  '://x',
  '?',
  'a?=1&{{k=v}}=2',
  '{{}}/{{x}',
];

describe('compileUrl', () => {
  for (const text of CASES) {
    test(JSON.stringify(text), () => assert.deepEqual(compileUrl(text), sdkUrl(text)));
  }

  test('agrees with the SDK on generated URLs', () => {
    const piece = fc.constantFrom(
      ...['a', 'B', '1', '.', '/', '\\', ':', '@', '?', '&', '=', '#', ' ', '[', ']', '%', 'é'],
      ...['{{v}}', '{{a.b:c/d?e&f=g#h@i}}', '{{', '}}', '{', '}', 'http://', 'file://', '://'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(compileUrl(text), sdkUrl(text), JSON.stringify(text));
      }),
      { numRuns: soakCount(20_000, 2_000) },
    );
  });
});
