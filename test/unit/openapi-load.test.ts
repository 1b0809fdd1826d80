// loadOpenApi's normalisation: one small API written as Swagger 2.0, OpenAPI 3.0 and OpenAPI 3.1 gives the same
// operations, parameters, bodies, responses, servers, security and schemas; and the pointer → location map points
// at the right line and column of the right file, for YAML and for JSON.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadOpenApi } from '../../src/openapi/load.ts';
import type { OpenApiDocument } from '../../src/openapi/types.ts';
import { tempProject } from '../support/helpers.ts';

const SWAGGER_20 = `swagger: '2.0'
info: {title: Assets, version: '2'}
host: api.example.com
basePath: /v1
schemes: [https]
produces: [application/json]
securityDefinitions:
  key: {type: apiKey, in: header, name: Ocp-Apim-Subscription-Key}
security: [{key: []}]
paths:
  /assets/{assetId}:
    parameters:
      - {name: assetId, in: path, required: true, type: string, x-example: a1}
    get:
      operationId: getAsset
      tags: [Assets]
      parameters:
        - {name: include, in: query, type: string, enum: [meta, all]}
      responses:
        '200':
          description: ok
          schema: {$ref: '#/definitions/Asset'}
    put:
      operationId: putAsset
      consumes: [application/json]
      parameters:
        - {name: body, in: body, required: true, schema: {$ref: '#/definitions/Asset'}}
      responses:
        '204': {description: done}
definitions:
  Asset:
    type: object
    required: [id]
    properties:
      id: {type: string}
      title: {type: string, x-nullable: true}
      parent: {$ref: '#/definitions/Asset'}
`;

const OPENAPI_30 = `openapi: 3.0.3
info: {title: Assets, version: '2'}
servers: [{url: 'https://api.example.com/v1'}]
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: Ocp-Apim-Subscription-Key}
  parameters:
    AssetId: {name: assetId, in: path, required: true, schema: {type: string}, example: a1}
  schemas:
    Asset:
      type: object
      required: [id]
      properties:
        id: {type: string}
        title: {type: string, nullable: true}
        parent: {$ref: '#/components/schemas/Asset'}
security: [{key: []}]
paths:
  /assets/{assetId}:
    parameters: [{$ref: '#/components/parameters/AssetId'}]
    get:
      operationId: getAsset
      tags: [Assets]
      parameters:
        - {name: include, in: query, schema: {type: string, enum: [meta, all]}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Asset'}
    put:
      operationId: putAsset
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Asset'}
      responses:
        '204': {description: done}
`;

const OPENAPI_31 = OPENAPI_30.replace('openapi: 3.0.3', 'openapi: 3.1.0').replace(
  'title: {type: string, nullable: true}',
  "title: {type: [string, 'null']}",
);

/** What the three versions must agree on, without pointers (which differ by design). */
function shape(doc: OpenApiDocument): unknown {
  const plain = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value, (key, v) => (key === 'pointer' ? undefined : v instanceof Map ? Object.fromEntries(v) : v)),
    );
  return plain({
    title: doc.title,
    apiVersion: doc.apiVersion,
    servers: doc.servers.map((s) => s.url),
    securitySchemes: doc.securitySchemes,
    security: doc.security,
    operations: doc.operations,
    schemas: doc.schemas,
  });
}

async function load(files: Record<string, string>, file: string): Promise<OpenApiDocument> {
  const project = tempProject(files);
  try {
    return await loadOpenApi(file, { root: project.dir });
  } finally {
    project.cleanup();
  }
}

describe('loadOpenApi normalisation', () => {
  test('Swagger 2.0, OpenAPI 3.0 and 3.1 give the same model', async () => {
    const v20 = await load({ 'api.yaml': SWAGGER_20 }, 'api.yaml');
    const v30 = await load({ 'api.yaml': OPENAPI_30 }, 'api.yaml');
    const v31 = await load({ 'api.yaml': OPENAPI_31 }, 'api.yaml');
    assert.deepEqual([v20.version, v30.version, v31.version], ['2.0', '3.0', '3.1']);
    assert.deepEqual(shape(v20), shape(v30));
    assert.deepEqual(shape(v31), shape(v30));
    // And the model is what the document says, not merely the same three times.
    const [get, put] = v30.operations;
    assert.equal(get?.key, 'getAsset');
    assert.deepEqual(
      get?.parameters.map((p) => [p.in, p.name, p.required, p.example]),
      [
        ['path', 'assetId', true, 'a1'],
        ['query', 'include', false, undefined],
      ],
    );
    assert.deepEqual(put?.requestBody?.content[0]?.schema, { $ref: '#/definitions/Asset' });
    assert.deepEqual(v30.schemas.get('Asset'), {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        title: { type: ['string', 'null'] },
        parent: { $ref: '#/definitions/Asset' },
      },
    });
    assert.deepEqual(v30.servers[0]?.url, 'https://api.example.com/v1');
    assert.deepEqual(v30.securitySchemes.get('key'), {
      type: 'apiKey',
      name: 'Ocp-Apim-Subscription-Key',
      in: 'header',
    });
  });

  test('operations keep document order: paths as written, then methods as written', async () => {
    const doc = await load(
      {
        'api.yaml': `openapi: 3.0.3
info: {title: Order, version: '1'}
paths:
  /z:
    post: {responses: {'200': {description: ok}}}
    get: {responses: {'200': {description: ok}}}
  /a:
    delete: {responses: {'200': {description: ok}}}
`,
      },
      'api.yaml',
    );
    assert.deepEqual(
      doc.operations.map((o) => o.key),
      ['POST /z', 'GET /z', 'DELETE /a'],
    );
  });
});

describe('loadOpenApi pointer → location', () => {
  const YAML = `openapi: 3.0.3
info:
  title: Where
  version: '1'
paths:
  /assets/{id}:
    get:
      parameters:
        - $ref: 'parts/params.yaml#/Id'
      responses:
        '200': {description: ok}
`;
  const PARAMS = `# parameters
Id:
  name: id
  in: path
  required: true
  schema: {type: string}
`;

  test('root pointers and file#pointer, at the key that holds the node', async () => {
    const doc = await load({ 'api.yaml': YAML, 'parts/params.yaml': PARAMS }, 'api.yaml');
    assert.deepEqual(doc.locate('/paths/~1assets~1{id}/get'), {
      file: 'api.yaml',
      line: 7,
      column: 5,
      pointer: '/paths/~1assets~1{id}/get',
    });
    assert.deepEqual(doc.locate('/info/version'), { file: 'api.yaml', line: 4, column: 3, pointer: '/info/version' });
    assert.deepEqual(doc.locate('/paths/~1assets~1{id}/get/parameters/0'), {
      file: 'api.yaml',
      line: 9,
      column: 9,
      pointer: '/paths/~1assets~1{id}/get/parameters/0',
    });
    // The parameter's own pointer names the file it is written in, and locates there.
    const parameter = doc.operations[0]?.parameters[0];
    assert.equal(parameter?.pointer, 'parts/params.yaml#/Id');
    assert.deepEqual(doc.locate(parameter!.pointer), { file: 'parts/params.yaml', line: 2, column: 1, pointer: '/Id' });
    assert.deepEqual(doc.locate('parts/params.yaml#/Id/in'), {
      file: 'parts/params.yaml',
      line: 4,
      column: 3,
      pointer: '/Id/in',
    });
    assert.equal(doc.locate('nowhere.yaml#/x'), undefined);
    assert.equal(doc.locate('not a pointer'), undefined);
  });

  test('a JSON document locates too', async () => {
    const json = '{\n  "openapi": "3.0.3",\n  "info": {"title": "J", "version": "1"},\n  "paths": {}\n}\n';
    const doc = await load({ 'api.json': json }, 'api.json');
    assert.deepEqual(doc.locate('/info/version'), { file: 'api.json', line: 3, column: 26, pointer: '/info/version' });
    assert.deepEqual(doc.locate('/paths'), { file: 'api.json', line: 4, column: 3, pointer: '/paths' });
  });
});
