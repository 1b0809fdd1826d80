// The stand-in mocking an OpenAPI document's operations: access as each operation's security asks, requests
// checked (400 naming what is wrong, never the values), deterministic answers valid against the response schema,
// the hand-written routes keeping theirs, and the schema-break fault.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createDocumentValidator } from '../../src/openapi/validate.ts';
import {
  DEMO_SUBSCRIPTION_KEY,
  MISSING_SUBSCRIPTION_KEY_BODY,
  StandinError,
  startStandin,
  type StandinServer,
} from '../../src/standin/index.ts';
import { THING_SCHEMA, thingsDocument } from '../support/openapi-fixtures.ts';
import { signedInTokens } from '../support/standin-helpers.ts';

let standin: StandinServer;
let headers: Record<string, string>;
const document = thingsDocument();
const validator = createDocumentValidator(document.schemas);

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(`${standin.url}${path}`, init);
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe('stand-in: mocked OpenAPI operations', () => {
  before(async () => {
    standin = await startStandin({ port: 0, openApi: [document] });
    const { access_token } = await signedInTokens(standin);
    headers = { 'Ocp-Apim-Subscription-Key': DEMO_SUBSCRIPTION_KEY, Authorization: `Bearer ${access_token}` };
  });
  beforeEach(() => standin.faults.clear());
  after(() => standin.close());

  test('lists what it mocks, and leaves /categories to the hand-written route', async () => {
    assert.deepEqual(
      standin.openApi.operations.map((o) => o.key),
      ['getThing', 'searchThings', 'createThing', 'GET /public/ping', 'listCategories'],
    );
    const categories = JSON.parse((await call('/categories', { headers })).text) as { payload: unknown[] };
    assert.ok(categories.payload.length > 0, 'the demo categories, not a sample');
  });

  test('subscription key first, then the bearer token; an operation with security [{}] needs neither', async () => {
    const noKey = await call('/things/1');
    assert.equal(noKey.status, 401);
    assert.deepEqual(JSON.parse(noKey.text), MISSING_SUBSCRIPTION_KEY_BODY);
    const noToken = await call('/things/1', { headers: { 'Ocp-Apim-Subscription-Key': DEMO_SUBSCRIPTION_KEY } });
    assert.equal(noToken.status, 401);
    assert.equal(JSON.parse(noToken.text).error, 'invalid_token');
    const ping = await call('/public/ping');
    assert.deepEqual([ping.status, JSON.parse(ping.text)], [200, { ok: true }]);
  });

  test('the same request twice: the same bytes, valid against the response schema', async () => {
    const first = await call('/things/42', { headers });
    const second = await call('/things/42', { headers });
    assert.equal(first.status, 200);
    assert.equal(first.type, 'application/json; charset=utf-8');
    assert.equal(first.text, second.text);
    assert.deepEqual(validator.validate(THING_SCHEMA, JSON.parse(first.text)), []);
  });

  test('a literal path wins over a template: /things/search is searchThings, and its q is required', async () => {
    const missing = await call('/things/search', { headers });
    assert.equal(missing.status, 400);
    assert.deepEqual(JSON.parse(missing.text).errors, [
      { in: 'query', name: 'q', message: 'missing required query parameter' },
    ]);
    const found = await call('/things/search?q=x', { headers });
    assert.equal(found.status, 200);
    assert.ok(Array.isArray(JSON.parse(found.text)));
  });

  test('a wrong path parameter: 400 naming it, what was expected and what kind of value came', async () => {
    const wrong = await call('/things/abc', { headers });
    assert.equal(wrong.status, 400);
    assert.deepEqual(JSON.parse(wrong.text), {
      statusCode: 400,
      message: 'The request does not match operation getThing (GET /things/{thingId}).',
      errors: [{ in: 'path', name: 'thingId', message: 'expected integer, got a string of 3 characters' }],
    });
  });

  test('a missing header and a wrong body: every problem named, no value echoed', async () => {
    const reply = await call('/things', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ size: 'big', secret: 'hunter2-secret-value', extra: 1 }),
    });
    assert.equal(reply.status, 400);
    assert.deepEqual(JSON.parse(reply.text).errors, [
      { in: 'header', name: 'X-Request-Id', message: 'missing required header parameter' },
      { in: 'body', pointer: '', message: 'missing required property "name"' },
      { in: 'body', pointer: '/extra', message: 'property "extra" is not allowed' },
      { in: 'body', pointer: '/size', message: 'expected integer, got a string of 3 characters' },
      { in: 'body', pointer: '/secret', message: 'expected integer, got a string of 20 characters' },
    ]);
    assert.ok(!reply.text.includes('hunter2'));
    const notJson = await call('/things', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'text/plain', 'X-Request-Id': '00000000-0000-4000-8000-000000000001' },
      body: 'name=x',
    });
    assert.deepEqual(JSON.parse(notJson.text).errors, [
      { in: 'body', message: 'expected Content-Type application/json, got "text/plain"' },
    ]);
  });

  test('a valid request gets the documented example with the documented status', async () => {
    const reply = await call('/things?dryRun=true', {
      method: 'POST',
      headers: {
        ...headers,
        'Content-Type': 'application/json',
        'X-Request-Id': '00000000-0000-4000-8000-000000000001',
      },
      body: JSON.stringify({ name: 'n' }),
    });
    assert.deepEqual(
      [reply.status, JSON.parse(reply.text)],
      [201, { id: 7, name: 'documented', createdAt: '2020-02-02T02:02:02Z' }],
    );
  });

  test('schema-break: that operation answers a body its schema refuses; others are untouched', async () => {
    standin.faults.inject({ target: 'api', schemaBreak: 'getThing', times: 2 });
    const other = await call('/public/ping');
    assert.deepEqual(JSON.parse(other.text), { ok: true });
    const broken = await call('/things/1', { headers });
    assert.equal(broken.status, 200);
    assert.notDeepEqual(validator.validate(THING_SCHEMA, JSON.parse(broken.text)), []);
    assert.equal(standin.counters.faultsFired, 1);
  });

  test('a schema-break fault naming no mocked operation is refused, listing what is mocked', () => {
    assert.throws(
      () => standin.faults.inject({ target: 'api', schemaBreak: 'getThings' }),
      (error: unknown) =>
        error instanceof StandinError &&
        error.message.includes('no mocked operation is "getThings" (mocked: getThing, searchThings'),
    );
  });

  test('a path matched by neither the routes nor the mock is 404, as before', async () => {
    assert.equal((await call('/things/1/parts', { headers })).status, 404);
    assert.equal((await call('/users/someone-else', { headers })).status, 404);
  });
});
