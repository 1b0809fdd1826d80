// The OpenAPI import benchmark's document generator (bench/openapi-doc.mjs): what it makes is valid OpenAPI by the
// official schemas (@readme/openapi-parser, as mvpm's own loader uses) and has exactly the operations asked for,
// with the shapes the benchmark promises (tags, required parameters, bodies with and without examples, security).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validate } from '@readme/openapi-parser';

/** bench/openapi-doc.mjs, untyped JavaScript: imported by URL, typed here. */
const GENERATOR = new URL('../../bench/openapi-doc.mjs', import.meta.url).href;
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation | unknown>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, Record<string, unknown>> };
};
type Operation = {
  tags: string[];
  operationId: string;
  parameters?: ({ name: string; in: string; required?: boolean } | { $ref: string })[];
  requestBody?: { content: Record<string, { example?: unknown; schema: unknown }> };
};
const { generateOpenApi } = (await import(GENERATOR)) as { generateOpenApi: (operations?: number) => Doc };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function operations(doc: Doc): Operation[] {
  return Object.values(doc.paths).flatMap((item) =>
    METHODS.filter((method) => method in item).map((method) => item[method] as Operation),
  );
}

describe('bench/openapi-doc.mjs', () => {
  for (const count of [500, 37]) {
    test(`${count} operations: valid OpenAPI 3.0 with exactly ${count} operations`, async () => {
      const doc = generateOpenApi(count);
      assert.match(doc.openapi, /^3\.0\./);
      // validate() dereferences what it is given: a copy keeps `doc` as generated.
      const result = await validate(structuredClone(doc) as unknown as Parameters<typeof validate>[0]);
      assert.equal(result.valid, true, JSON.stringify(result));
      assert.equal(operations(doc).length, count);
    });
  }

  test('shaped like a real API: 25 tags, required parameters, bodies with and without examples, security', () => {
    const doc = generateOpenApi();
    const all = operations(doc);
    assert.equal(all.length, 500);
    assert.equal(new Set(all.map((op) => op.tags[0])).size, 25);
    const pathParameters = Object.entries(doc.paths).filter(([p]) => p.includes('{'));
    assert.ok(pathParameters.length > 100, 'path parameters');
    const requiredQuery = all.filter((op) =>
      op.parameters?.some((p) => 'in' in p && p.in === 'query' && p.required === true),
    );
    assert.ok(requiredQuery.length > 50, 'required query parameters');
    assert.ok(
      all.every((op) => op.parameters?.some((p) => '$ref' in p && p.$ref === '#/components/parameters/ApiVersion')),
      'the required header on every operation',
    );
    const bodies = all.flatMap((op) => (op.requestBody ? [op.requestBody.content['application/json']!] : []));
    const withExample = bodies.filter((media) => media.example !== undefined).length;
    assert.ok(bodies.length > 100, 'JSON request bodies');
    assert.ok(Math.abs(withExample - bodies.length / 2) <= bodies.length / 10, `${withExample} of ${bodies.length}`);
    const category = JSON.stringify(doc.components.schemas.Category);
    assert.ok(category.includes('"#/components/schemas/Category"'), 'Category refers to itself');
    const { oauth2, subscriptionKey } = doc.components.securitySchemes;
    assert.ok(oauth2 && (oauth2.flows as Record<string, unknown>).authorizationCode, 'OAuth 2.0 authorization code');
    assert.deepEqual(subscriptionKey, { type: 'apiKey', in: 'header', name: 'Ocp-Apim-Subscription-Key' });
  });

  test('deterministic: the same N gives the same document', () => {
    assert.deepEqual(generateOpenApi(120), generateOpenApi(120));
  });
});
