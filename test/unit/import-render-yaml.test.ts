// The import's renderYaml writes the common spec files without the yaml package's node tree: whatever it writes
// directly must be byte for byte what the yaml package writes (the goldens, the import hashes and every re-import
// compare files as text), and the common files must be written directly (else nothing was gained).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { renderDirect, renderWithYaml } from '../../src/import/render-yaml.ts';
import { soakCount } from '../support/helpers.ts';

/** The spec shapes an import writes: a request with a body, checks, captures, a schema and a multi-line script. */
const REQUEST = {
  $kind: 'mvpm-request',
  name: 'List the attributes of a saved search',
  description: 'Returns every attribute.\nPaged: see `offset` and `count`.\n',
  method: 'GET',
  url: '{{apiBaseUrl}}/savedSearches/{{savedSearchId}}/attributes',
  query: [
    { key: 'count', value: 25 },
    { key: 'filter', value: "it's {{filter}}" },
    { key: 'deleted', value: false },
  ],
  headers: { Accept: 'application/json', 'X-Empty': '', 'X-Null': null },
  body: { json: { name: 'Example', tags: ['a', 'b'], nested: { list: [], map: {}, id: 'x-1' } } },
  expect: {
    status: 200,
    contentType: 'application/json',
    body: [
      { path: '$.payload[*].id', exists: true },
      { path: '$.count', equals: 1.5 },
    ],
    schema: { file: '../schemas/saved-search.schema.json' },
  },
  capture: { savedSearchId: '$.payload.id' },
  script: 'pm.test("ok", () => {\n  pm.response.to.have.status(200);\n});',
  skipped: undefined,
};

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'aZ09 -.:#{}[],"\'\\\n\t\ré?|>!&*%@`~+_/$\u2028\u00A0'.split('')) }),
  fc.string({ unit: 'grapheme-ascii' }),
  fc.constantFrom(
    '',
    ' ',
    'true',
    'True',
    'tRue',
    'no',
    'null',
    'NULL',
    '~',
    '0',
    '012',
    '0x1F',
    '0o17',
    '1e3',
    '.5',
    '-.inf',
    '.NaN',
    '-',
    '?',
    '- x',
    'a: b',
    'a:b',
    'a #b',
    'a#b',
    'x:',
    '---',
    '--- x',
    '...',
    '{{baseUrl}}/x',
    '{{a}}"b',
    'line\n',
    'line\n\n',
    'a\n b',
    ' a\nb',
    'a \nb',
    'a\n\nb\n',
    '\n',
    'é\nü',
    'x'.repeat(1200),
  ),
);

const value = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('list'), tie('map')),
  leaf: fc.oneof(
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(-0),
  ),
  list: fc.array(tie('tree'), { maxLength: 4 }),
  map: fc.dictionary(text, tie('tree'), { maxKeys: 4 }),
}));

describe('the import renderYaml', () => {
  test('a request spec of the usual kinds is written directly, exactly as the yaml package writes it', () => {
    const direct = renderDirect(REQUEST);
    assert.notEqual(direct, undefined);
    assert.equal(direct, renderWithYaml(REQUEST));
  });

  test('what it writes directly is what the yaml package writes, for any maps, lists, strings and numbers', () => {
    let direct = 0;
    fc.assert(
      fc.property(fc.dictionary(text, value.tree, { maxKeys: 6 }), (map) => {
        const written = renderDirect(map);
        if (written === undefined) return;
        direct += 1;
        assert.equal(written, renderWithYaml(map));
      }),
      { numRuns: soakCount(20_000, 1_500), seed: 20261202 },
    );
    // Most random maps hold some string the direct writer leaves to the yaml package; enough must not.
    assert.ok(direct > soakCount(2_000, 150), `only ${direct} written directly`);
  });

  test('an object met twice, a list in a list and an unusual number are left to the yaml package', () => {
    const shared = { a: 1 };
    for (const map of [{ x: shared, y: shared }, { x: [[1]] }, { x: [{}] }, { x: -0 }, { x: Number.NaN }]) {
      assert.equal(renderDirect(map), undefined, JSON.stringify(map));
    }
    assert.match(renderWithYaml({ x: shared, y: shared }), /&a1/);
  });
});
