// mvpm run against the stand-in's mock of a small OpenAPI document the specs name (openapi.source): the checks
// (status, content type, the response schema) and the mock come from the same document, so the run passes; with a
// schema-break fault on one operation the same run fails on that request's schema check, and on nothing else.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadStandinDocuments } from '../../src/run/standin-documents.ts';
import { startStandin } from '../../src/standin/index.ts';
import { runCli, tempProject } from '../support/helpers.ts';
import { RUNNER_OPTION } from '../support/runner.ts';

const DOCUMENT = `openapi: 3.0.3
info: { title: Things, version: '1.0' }
servers: [{ url: 'http://127.0.0.1:4010' }]
security: [{ key: [] }]
paths:
  /things/{thingId}:
    get:
      operationId: getThing
      parameters: [{ name: thingId, in: path, required: true, schema: { type: integer, minimum: 1 } }]
      responses:
        '200':
          description: One thing
          content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } }
  /things:
    post:
      operationId: createThing
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [name], properties: { name: { type: string, minLength: 1 } } }
      responses:
        '201':
          description: Created
          content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: Ocp-Apim-Subscription-Key }
  schemas:
    Thing:
      type: object
      required: [id, name, createdAt]
      properties:
        id: { type: integer, minimum: 1 }
        name: { type: string }
        createdAt: { type: string, format: date-time }
`;

const THING_SCHEMA = JSON.stringify({
  type: 'object',
  required: ['id', 'name', 'createdAt'],
  properties: { id: { type: 'integer', minimum: 1 }, name: { type: 'string' }, createdAt: { type: 'string' } },
});

const request = (method: string, path: string, status: number, extra = ''): string =>
  `$kind: mvpm-request
method: ${method}
url: "{{baseUrl}}${path}"
headers:
  Ocp-Apim-Subscription-Key: "{{SubscriptionKey}}"
${extra}expect:
  status: ${status}
  contentType: application/json
  schema: { file: ../schemas/thing.schema.json }
`;

const PROJECT = {
  'openapi/things.yaml': DOCUMENT,
  'specs/things/.resources/definition.yaml':
    '$kind: mvpm-collection\nname: Things\nopenapi: { source: ../../../openapi/things.yaml }\n',
  'specs/things/Get thing.request.yaml': request('GET', '/things/1', 200),
  'specs/things/Create thing.request.yaml': request(
    'POST',
    '/things',
    201,
    'body:\n  type: json\n  content: { name: box }\n',
  ),
  'specs/schemas/thing.schema.json': THING_SCHEMA,
  'specs/environments/local.environment.yaml': `$kind: mvpm-environment
name: Local
target: standin
standin: true
servers: [baseUrl]
variables:
  baseUrl: { value: "http://127.0.0.1:4010" }
  SubscriptionKey: { value: mvpm-demo-subscription-key, sendTo: [baseUrl] }
`,
};

describe('mvpm run against a mocked OpenAPI document', () => {
  let project: { dir: string; cleanup: () => void };
  const runner = RUNNER_OPTION.runner === 'postman' ? ['--runner', 'postman'] : [];
  before(async () => {
    project = tempProject(PROJECT);
    const build = await runCli(['build'], project.dir);
    assert.equal(build.code, 0, build.stderr);
  });
  after(() => project.cleanup());

  test('the embedded stand-in mocks the document: every check passes', async () => {
    const run = await runCli(['run', '--reporters', 'cli', ...runner], project.dir);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /6 passed, 0 failed|6 passed\b/);
  });

  test('a schema-break fault on getThing fails exactly that request, on its schema check', async () => {
    const openApi = await loadStandinDocuments(project.dir);
    const server = await startStandin({
      port: 0,
      openApi,
      faults: [{ target: 'api', schemaBreak: 'getThing', times: Infinity }],
    });
    try {
      const run = await runCli(['run', '--base-url', server.url, '--reporters', 'cli', ...runner], project.dir);
      assert.equal(run.code, 1, `${run.stdout}\n${run.stderr}`);
      const failures = run.stdout.slice(run.stdout.indexOf('Failures')).match(/^\s+\d+\. .*$/gm) ?? [];
      assert.deepEqual(
        failures.map((line) => line.trim()),
        ['1. Get thing: body matches thing.schema.json'],
      );
      assert.match(run.stdout, /5 passed, 1 failed/);
      assert.equal(server.counters.faultsFired, 1);
    } finally {
      await server.close();
    }
  });
});
