// The one query codec (src/compile/query.ts) that compile writes url.raw with and import reads it back with:
// decode(encode(x)) = x for any query list, and the importer's split of a compiled URL gives the spec's query back.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { rawUrl } from '../../src/compile/compile-request.ts';
import { decodeQuery, encodeQuery, encodeQueryText, type QueryPair } from '../../src/compile/query.ts';
import type { RequestSpec } from '../../src/spec/model.ts';
import { soakCount } from '../support/helpers.ts';

const RUNS = soakCount(20_000, 1_000);

/** Text made of the characters that matter to a query, `{{variables}}` and any Unicode. */
const queryText = fc
  .array(
    fc.oneof(
      fc.constantFrom('&', '=', '%', '+', ' ', '#', '?', '%41', '%zz', '"', '<', '>', '\t', '{', '}', 'é', '😀'),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
      fc
        .string({
          unit: fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom('&', '=', '#', ' ', '%')),
          minLength: 1,
          maxLength: 6,
        })
        .filter((name) => !/[{}]/.test(name))
        .map((name) => `{{${name}}}`),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

const pairs = fc.array(
  fc.tuple(queryText, fc.oneof(fc.constant(''), queryText)).map(([key, value]) => ({ key, value })),
  { maxLength: 5 },
);

describe('the query codec', () => {
  test('decode(encode(pairs)) = pairs', () => {
    fc.assert(
      fc.property(pairs, (list) => {
        assert.deepEqual(decodeQuery(encodeQuery(list)), list);
      }),
      { numRuns: RUNS },
    );
  });

  test('a compiled url.raw splits back into the same url and query', () => {
    fc.assert(
      fc.property(pairs, (list) => {
        fc.pre(list.length > 0);
        const request = { url: '{{base}}/a', query: list } as unknown as RequestSpec;
        const raw = rawUrl(request);
        assert.ok(raw.startsWith('{{base}}/a?'));
        assert.deepEqual(decodeQuery(raw.slice('{{base}}/a?'.length)), list);
      }),
      { numRuns: RUNS },
    );
  });

  const EXAMPLES: [search: string, decoded: QueryPair[] | undefined][] = [
    ['', []],
    [
      'a=1&b=',
      [
        { key: 'a', value: '1' },
        { key: 'b', value: '' },
      ],
    ],
    ['=v', [{ key: '', value: 'v' }]],
    ['q=a%20b%26c%3Dd', [{ key: 'q', value: 'a b&c=d' }]],
    ['p=100%25%2B{{v}}%23', [{ key: 'p', value: '100%+{{v}}#' }]],
    [
      't={{a&b=c}}&u=1',
      [
        { key: 't', value: '{{a&b=c}}' },
        { key: 'u', value: '1' },
      ],
    ],
    ['{{k=1}}=2', [{ key: '{{k=1}}', value: '2' }]],
    ['flag', undefined],
    ['a=1&flag', undefined],
    ['a=%zz', undefined],
    ['a=%41', undefined],
    ['a=b c', undefined],
    ['a=b=c', undefined],
  ];
  for (const [search, decoded] of EXAMPLES) {
    test(`decodeQuery(${JSON.stringify(search)})`, () => {
      assert.deepEqual(decodeQuery(search), decoded);
      if (decoded !== undefined) assert.equal(encodeQuery(decoded), search);
    });
  }

  test('a lone surrogate (no UTF-8 form) is written as U+FFFD, never thrown as a URIError', () => {
    assert.equal(encodeQueryText('a\uD800b\uDFFF'), 'a%EF%BF%BDb%EF%BF%BD');
    assert.equal(encodeQueryText('\u{1F600}'), '%F0%9F%98%80');
  });

  test('literal text is percent-encoded where it would change the query; variables are left as written', () => {
    assert.equal(encodeQueryText('a b&c=d+e%#"<>é{{x y}}'), 'a%20b%26c%3Dd%2Be%25%23%22%3C%3E%C3%A9{{x y}}');
  });
});
