// convertOpenApi (src/import/openapi/convert.ts): the OpenAPI model in, spec files out, checked one construct at a
// time on hand-built documents (test/support/openapi-model.ts), and the generated tree loaded by `mvpm build`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { MvpmError } from '../../src/errors/mvpm-error.ts';
import { MAX_IMPORT_ITEMS } from '../../src/import/names.ts';
import { OpenApiError } from '../../src/openapi/openapi-error.ts';
import { sampleSchema } from '../../src/openapi/sample.ts';
import { convertOpenApi, type GeneratedImport } from '../../src/import/openapi/convert.ts';
import { importHash, isAsGenerated } from '../../src/import/openapi/import-hash.ts';
import type { JsonSchema } from '../../src/openapi/types.ts';
import { nameProblem } from '../../src/paths/path-guard.ts';
import {
  AUTH_ROUTES,
  DISCOVERY_PATH,
  INTERACTION_PATH_PREFIX,
  STANDIN_OWN_ROUTES,
  standinOwnRouteOf,
} from '../../src/standin/index.ts';
import { runCli, tempProject } from '../support/helpers.ts';
import { media, type OperationInput, openApiDocument, server } from '../support/openapi-model.ts';

type Doc = Parameters<typeof openApiDocument>[0];

function convert(fields: Doc, options: { baseUrlVariable?: string } = {}): GeneratedImport {
  return convertOpenApi(openApiDocument(fields), { outLabel: 'specs', ...options });
}

/** The parsed YAML (or JSON) of a generated file. */
function fileOf(result: GeneratedImport, path: string): Record<string, unknown> {
  const text = result.files.get(path);
  assert.ok(text !== undefined, `no file ${path}; files: ${[...result.files.keys()].join(', ')}`);
  return parse(text) as Record<string, unknown>;
}

function requestOf(result: GeneratedImport, operation: string): Record<string, unknown> {
  const request = result.requests.find((r) => r.operation === operation);
  assert.ok(request, `no request for ${operation}`);
  return fileOf(result, request.file);
}

const ok = (content: OperationInput['responses'] = [{ status: '200' }]) => content;

describe('convertOpenApi: folders and names', () => {
  test('a folder per first tag, untagged by first path segment, requests ordered as in the document', () => {
    const result = convert({
      operations: [
        { method: 'GET', path: '/users/current', summary: 'Current user', tags: ['Users', 'Other'] },
        { method: 'GET', path: '/assets/{id}', operationId: 'getAsset' },
        { method: 'GET', path: '/users', operationId: 'listUsers', tags: ['Users'] },
        { method: 'DELETE', path: '/assets/{id}' },
      ],
    });
    assert.equal(result.collectionDir, 'test-api');
    assert.deepEqual(
      result.requests.map((r) => r.file),
      [
        'test-api/Users/Current user.request.yaml',
        'test-api/assets/getAsset.request.yaml',
        'test-api/Users/listUsers.request.yaml',
        'test-api/assets/DELETE _assets_{id}.request.yaml',
      ],
    );
    assert.equal(requestOf(result, 'listUsers')['order'], 2);
    assert.equal(requestOf(result, 'DELETE /assets/{id}')['order'], 2);
    assert.deepEqual(fileOf(result, 'test-api/Users/.resources/definition.yaml'), { $kind: 'mvpm-folder', order: 1 });
    assert.deepEqual(fileOf(result, 'test-api/assets/.resources/definition.yaml'), { $kind: 'mvpm-folder', order: 2 });
  });

  test('hostile names go through the path guard, duplicates get a number, and each rename is a warning', () => {
    const result = convert({
      operations: [
        { method: 'GET', path: '/a', summary: '../../etc/passwd', tags: ['..'] },
        { method: 'GET', path: '/b', summary: 'Same', tags: ['t/u'] },
        { method: 'GET', path: '/c', summary: 'same', tags: ['t/u'] },
        { method: 'GET', path: '/d', summary: 'line\u2028break \u202Eevil', tags: ['🎉'] },
        { method: 'GET', path: '/e', summary: 'CON', tags: ['x.request.yaml'] },
      ],
    });
    assert.deepEqual(
      result.requests.map((r) => r.file),
      [
        'test-api/default/_.._etc_passwd.request.yaml',
        'test-api/t_u/Same.request.yaml',
        'test-api/t_u/same (2).request.yaml',
        'test-api/🎉/line_break _evil.request.yaml',
        'test-api/x.request.yaml_/_CON.request.yaml',
      ],
    );
    for (const file of result.files.keys())
      for (const part of file.split('/')) assert.equal(nameProblem(part), undefined, `${file}: ${part}`);
    const renamed = result.warnings.filter((w) => w.code === 'W_IMPORT_RENAMED');
    assert.equal(renamed.length, 7, renamed.map((w) => w.message).join('\n'));
    for (const w of renamed) assert.doesNotMatch(`${w.where} ${w.message}`, /[\u2028\u202E]/);
  });
});

describe('convertOpenApi: the request', () => {
  test('path parameters become cleaned, unique variables with example values in both environments', () => {
    const result = convert({
      operations: [
        {
          method: 'GET',
          path: '/assets/{asset-id}/renditions/{baseUrl}',
          parameters: [
            { name: 'asset-id', in: 'path', example: 'a1' },
            { name: 'baseUrl', in: 'path', schema: { type: 'integer', minimum: 7 } },
          ],
        },
        { method: 'GET', path: '/assets/{asset-id}', parameters: [{ name: 'asset-id', in: 'path', example: 'a2' }] },
      ],
    });
    assert.equal(
      requestOf(result, 'GET /assets/{asset-id}/renditions/{baseUrl}')['url'],
      '{{baseUrl}}/assets/{{asset_id}}/renditions/{{baseUrl_2}}',
    );
    assert.equal(requestOf(result, 'GET /assets/{asset-id}')['url'], '{{baseUrl}}/assets/{{asset_id}}');
    for (const file of ['environments/test-api.environment.yaml', 'environments/test-api-standin.environment.yaml']) {
      const variables = fileOf(result, file)['variables'] as Record<string, { value?: unknown }>;
      assert.equal(variables['asset_id']?.value, 'a1', file);
      assert.equal(variables['baseUrl_2']?.value, 7, file);
    }
  });

  test('required query parameters and headers only, with examples or samples; Accept from the response', () => {
    const result = convert({
      operations: [
        {
          method: 'GET',
          path: '/search',
          parameters: [
            { name: 'q', in: 'query', required: true, example: 'cats' },
            { name: 'page', in: 'query', required: false, example: 2 },
            { name: 'ids', in: 'query', required: true, example: [1, 2] },
            { name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string', enum: ['acme'] } },
            { name: 'X-Optional', in: 'header', required: false, example: 'no' },
            { name: 'Authorization', in: 'header', required: true, example: 'Bearer literal' },
            { name: 'bad header', in: 'header', required: true, example: 'x' },
          ],
          responses: ok([{ status: '200', content: [{ type: 'application/json; charset=utf-8' }] }]),
        },
      ],
    });
    const request = requestOf(result, 'GET /search');
    assert.deepEqual(request['query'], { q: 'cats', ids: '1,2' });
    assert.deepEqual(request['headers'], { 'X-Tenant': 'acme', Accept: 'application/json' });
    assert.ok(result.warnings.some((w) => w.code === 'W_IMPORT_DROPPED' && w.message.includes('"bad header"')));
  });

  test('bodies: the example first, else a sample; JSON, urlencoded, multipart with a file, raw XML', () => {
    const body = (content: ReturnType<typeof media>) => ({ required: true, pointer: '', content: [content] });
    const result = convert({
      operations: [
        { method: 'POST', path: '/ex', requestBody: body(media('application/json', { example: { a: [1] } })) },
        {
          method: 'POST',
          path: '/sample',
          requestBody: body(
            media('application/merge-patch+json', { schema: { type: 'object', properties: { n: {} } } }),
          ),
        },
        {
          method: 'POST',
          path: '/form',
          requestBody: body(
            media('application/x-www-form-urlencoded', { example: { grant: 'x', nested: { a: 1 }, 'k\u2028': 1 } }),
          ),
        },
        {
          method: 'POST',
          path: '/upload',
          requestBody: body(
            media('multipart/form-data', {
              schema: {
                type: 'object',
                properties: { file: { type: 'string', format: 'binary' }, title: { type: 'string', examples: ['t'] } },
              },
            }),
          ),
        },
        { method: 'PUT', path: '/xml', requestBody: body(media('application/xml', { example: '<a/>' })) },
      ],
    });
    assert.deepEqual(requestOf(result, 'POST /ex')['body'], { type: 'json', content: { a: [1] } });
    assert.deepEqual(requestOf(result, 'POST /sample')['body'], {
      type: 'json',
      content: { n: sampleSchema({}, new Map()) },
    });
    assert.equal(
      (requestOf(result, 'POST /sample')['headers'] as object as Record<string, string>)['Content-Type'],
      'application/merge-patch+json',
    );
    assert.deepEqual(requestOf(result, 'POST /form')['body'], {
      type: 'urlencoded',
      content: { grant: 'x', nested: '{"a":1}' },
    });
    assert.deepEqual(requestOf(result, 'POST /upload')['body'], {
      type: 'formdata',
      content: { file: { src: 'test-api/sample-upload.txt' }, title: 't' },
    });
    assert.ok(result.files.has('files/test-api/sample-upload.txt'));
    assert.deepEqual(requestOf(result, 'PUT /xml')['body'], { type: 'raw', content: '<a/>', language: 'xml' });
    assert.equal(
      (requestOf(result, 'PUT /xml')['headers'] as Record<string, string>)['Content-Type'],
      'application/xml',
    );
  });

  test('the success status: 200 preferred, else the first 2xx, 2XX as 200; none without a success', () => {
    const statuses = (responses: OperationInput['responses']) =>
      (
        requestOf(convert({ operations: [{ method: 'GET', path: '/x', responses }] }), 'GET /x')['expect'] as
          | { status?: number }
          | undefined
      )?.status;
    assert.equal(statuses([{ status: '201' }, { status: '200' }]), 200);
    assert.equal(statuses([{ status: '404' }, { status: '204' }, { status: '201' }]), 204);
    assert.equal(statuses([{ status: 'default' }, { status: '2XX' }]), 200);
    assert.equal(statuses([{ status: 'default' }, { status: '404' }]), undefined);
  });

  test('openapi records the operation, the hash of the value, and inferred operations', () => {
    const result = convert({
      operations: [
        { method: 'GET', path: '/a', operationId: 'a' },
        { method: 'GET', path: '/b', extensions: { 'x-mvpm-inferred': true } },
      ],
    });
    for (const request of result.requests) {
      assert.deepEqual(parse(result.files.get(request.file)!), request.value);
      assert.equal(request.hash, importHash(request.value));
      assert.ok(isAsGenerated(request.value));
    }
    assert.deepEqual(requestOf(result, 'a')['openapi'], { operation: 'a', hash: result.requests[0]!.hash });
    assert.equal((requestOf(result, 'GET /b')['openapi'] as { inferred?: boolean }).inferred, true);
  });
});

describe('convertOpenApi: response schemas', () => {
  const asset = { type: 'object', properties: { id: { type: 'string' }, parent: { $ref: '#/definitions/Asset' } } };
  const json = (schema: JsonSchema) => [{ status: '200', content: [{ type: 'application/json', schema }] }];

  test('a shared schema is one file, used by every request; an inline one refers to it by file', () => {
    const result = convert({
      schemas: { Asset: asset, 'My Thing/x': { type: 'string' }, Unused: { type: 'number' } },
      operations: [
        { method: 'GET', path: '/a', responses: json({ $ref: '#/definitions/Asset' }) },
        { method: 'GET', path: '/b', responses: json({ $ref: '#/definitions/Asset' }) },
        {
          method: 'GET',
          path: '/c',
          summary: 'List them',
          responses: json({ type: 'array', items: { $ref: '#/definitions/My%20Thing~1x' } }),
        },
      ],
    });
    const schemaOf = (op: string) => (requestOf(result, op)['expect'] as { schema: { file: string } }).schema.file;
    assert.equal(schemaOf('GET /a'), '../../schemas/test-api/Asset.schema.json');
    assert.equal(schemaOf('GET /b'), '../../schemas/test-api/Asset.schema.json');
    assert.equal(schemaOf('GET /c'), '../../schemas/test-api/list-them.response.schema.json');
    assert.deepEqual(
      [...result.files.keys()].filter((f) => f.startsWith('schemas/')),
      [
        'schemas/test-api/Asset.schema.json',
        'schemas/test-api/My_Thing_x.schema.json',
        'schemas/test-api/list-them.response.schema.json',
      ],
    );
    assert.deepEqual(fileOf(result, 'schemas/test-api/Asset.schema.json'), {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: { id: { type: 'string' }, parent: { $ref: 'Asset.schema.json' } },
    });
    assert.deepEqual(fileOf(result, 'schemas/test-api/list-them.response.schema.json')['items'], {
      $ref: 'My_Thing_x.schema.json',
    });
  });

  test('keys the spec loader refuses are left out of schema files, with a warning', () => {
    const result = convert({
      operations: [
        {
          method: 'GET',
          path: '/a',
          responses: json({ type: 'object', required: ['ok', 'b\u202Ead'], properties: { ok: {}, 'b\u202Ead': {} } }),
        },
      ],
    });
    const schema = fileOf(result, 'schemas/test-api/get-a.response.schema.json');
    assert.deepEqual(schema['properties'], { ok: {} });
    assert.deepEqual(schema['required'], ['ok']);
    assert.ok(result.warnings.some((w) => w.code === 'W_IMPORT_DROPPED' && w.where.endsWith('.response.schema.json')));
  });
});

describe('convertOpenApi: security and environments', () => {
  const scopes = new Map([
    ['openid', ''],
    ['api', ''],
  ]);
  const oauth = {
    type: 'oauth2' as const,
    flows: {
      authorizationCode: {
        authorizationUrl: 'https://login.example.com/oauth/authorize',
        tokenUrl: 'https://login.example.com/oauth/token',
        scopes,
      },
    },
  };
  const both = {
    title: 'Acme API',
    securitySchemes: {
      oauth,
      Key: { type: 'apiKey' as const, in: 'header' as const, name: 'X-Key' },
      QueryKey: { type: 'apiKey' as const, in: 'query' as const, name: 'key' },
      basic: { type: 'http' as const, scheme: 'basic' },
    },
    security: [
      new Map([
        ['oauth', ['api']],
        ['Key', []],
      ]),
    ],
    operations: [
      { method: 'GET', path: '/a', operationId: 'a' },
      { method: 'GET', path: '/b', operationId: 'b', security: [new Map([['QueryKey', []]])] },
      { method: 'GET', path: '/c', operationId: 'c', security: [new Map()] },
      { method: 'GET', path: '/d', operationId: 'd', security: [new Map([['basic', []]])] },
    ] satisfies OperationInput[],
  };

  test('OAuth 2.0 authorization code: the guide-style auth block and autoRefresh, tokens only via {{tokenUrl}}', () => {
    const result = convert(both);
    const definition = fileOf(result, 'acme-api/.resources/definition.yaml');
    assert.deepEqual(definition['autoRefresh'], {
      tokenUrl: '{{tokenUrl}}',
      clientId: '{{ClientId}}',
      clientSecret: '{{ClientSecret}}',
      leewaySeconds: 60,
    });
    const credentials = (definition['auth'] as { credentials: Record<string, unknown> }).credentials;
    assert.equal(credentials['authUrl'], '{{authorizeUrl}}');
    assert.equal(credentials['accessTokenUrl'], '{{tokenUrl}}');
    assert.equal(credentials['refreshTokenUrl'], '{{tokenUrl}}');
    assert.equal(
      definition['openapi'] && (definition['openapi'] as { source: string }).source,
      '../../openapi/api.yaml',
    );
    for (const [file, text] of result.files)
      if (!file.startsWith('environments/')) assert.doesNotMatch(text, /oauth\/token/, file);
    const real = fileOf(result, 'environments/acme-api.environment.yaml');
    const variables = real['variables'] as Record<string, { value?: string; secret?: boolean; sendTo?: string[] }>;
    assert.equal(variables['authBaseUrl']?.value, 'https://login.example.com');
    assert.equal(variables['tokenUrl']?.value, '{{authBaseUrl}}/oauth/token');
    assert.equal(variables['authorizeUrl']?.value, '{{authBaseUrl}}/oauth/authorize');
    assert.equal(variables['Scope']?.value, 'openid api');
    const standin = fileOf(result, 'environments/acme-api-standin.environment.yaml');
    const standinVariables = standin['variables'] as Record<string, { value?: string }>;
    assert.equal(standinVariables['tokenUrl']?.value, `{{authBaseUrl}}${AUTH_ROUTES.token}`);
    assert.equal(standinVariables['authorizeUrl']?.value, `{{authBaseUrl}}${AUTH_ROUTES.authorization}`);
  });

  test("MediaValet's own endpoints read exactly as specs/mediavalet does", () => {
    const mediavalet = {
      ...oauth,
      flows: {
        authorizationCode: {
          authorizationUrl: 'https://login.mediavalet.com/connect/authorize',
          tokenUrl: 'https://login.mediavalet.com/connect/token',
          scopes,
        },
      },
    };
    const result = convert({ ...both, securitySchemes: { ...both.securitySchemes, oauth: mediavalet } });
    const definition = fileOf(result, 'acme-api/.resources/definition.yaml');
    const credentials = (definition['auth'] as { credentials: Record<string, unknown> }).credentials;
    assert.equal(credentials['authUrl'], '{{authBaseUrl}}/connect/authorize');
    const variables = fileOf(result, 'environments/acme-api.environment.yaml')['variables'] as Record<string, unknown>;
    assert.equal('authorizeUrl' in variables, false);
  });

  test('API keys become {{variables}} in the header or query; no OAuth token where it is not asked for', () => {
    const result = convert(both);
    assert.deepEqual(requestOf(result, 'a')['headers'], { 'X-Key': '{{Key}}' });
    assert.equal(requestOf(result, 'a')['auth'], undefined);
    assert.deepEqual(requestOf(result, 'b')['query'], { key: '{{QueryKey}}' });
    assert.deepEqual(requestOf(result, 'b')['auth'], { type: 'noauth' });
    assert.deepEqual(requestOf(result, 'c')['auth'], { type: 'noauth' });
    assert.equal(requestOf(result, 'c')['headers'], undefined);
    const warning = result.warnings.find((w) => w.code === 'W_OPENAPI_SECURITY');
    assert.match(`${warning?.where}: ${warning?.message}`, /"basic".*HTTP "basic" authentication.*by hand/);
  });

  test('the real environment maps secrets to MV_ variables; the stand-in one has the same keys and demo values', () => {
    const result = convert(both);
    const real = fileOf(result, 'environments/acme-api.environment.yaml');
    const standin = fileOf(result, 'environments/acme-api-standin.environment.yaml');
    assert.equal(real['target'], 'acme-api');
    assert.deepEqual(real['servers'], ['authBaseUrl', 'baseUrl']);
    assert.deepEqual(real['secrets'], {
      ClientId: 'MV_CLIENT_ID',
      ClientSecret: 'MV_CLIENT_SECRET',
      Key: 'MV_KEY',
      QueryKey: 'MV_QUERY_KEY',
      refresh_token: 'MV_REFRESH_TOKEN',
    });
    assert.deepEqual(real['overrides'], {
      authBaseUrl: 'MV_AUTH_BASE_URL',
      baseUrl: 'MV_BASE_URL',
      redirect_URI: 'MV_REDIRECT_URI',
    });
    const realVariables = real['variables'] as Record<string, Record<string, unknown>>;
    for (const secret of ['ClientSecret', 'Key', 'QueryKey', 'access_token', 'refresh_token'])
      assert.equal(realVariables[secret]?.['value'], undefined, secret);
    assert.deepEqual(realVariables['Key'], {
      description: 'Your API key, sent as the header `X-Key`.',
      secret: true,
      sendTo: ['baseUrl'],
    });
    assert.equal(standin['target'], 'standin');
    assert.equal(standin['standin'], true);
    const standinVariables = standin['variables'] as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(standinVariables), Object.keys(realVariables));
    assert.equal(standinVariables['baseUrl']?.['value'], 'http://127.0.0.1:4010');
    assert.equal(standinVariables['ClientSecret']?.['value'], 'mvpm-demo-secret');
  });

  test('no server: an empty base URL to set, and a warning; server variables at their defaults', () => {
    const none = convert({ servers: [], operations: [{ method: 'GET', path: '/a' }] });
    const variables = fileOf(none, 'environments/test-api.environment.yaml')['variables'] as Record<string, object>;
    assert.deepEqual(variables['baseUrl'], { description: "The API's base URL.", value: '' });
    assert.ok(none.warnings.some((w) => w.where === 'servers'));
    const templated = convert({
      servers: [server('https://eu.example.com/v2/', { template: 'https://{region}.example.com/{version}/' })],
      operations: [{ method: 'GET', path: '/a' }],
    });
    const value = (
      fileOf(templated, 'environments/test-api.environment.yaml')['variables'] as Record<string, { value: string }>
    )['baseUrl']?.value;
    assert.equal(value, 'https://eu.example.com/v2');
  });
});

describe('convertOpenApi: paths the stand-in serves itself', () => {
  test('every route the stand-in configures falls under a declared root', () => {
    for (const path of [...Object.values(AUTH_ROUTES), DISCOVERY_PATH, `${INTERACTION_PATH_PREFIX}abc/login`])
      assert.ok(standinOwnRouteOf(path), path);
    assert.deepEqual(
      STANDIN_OWN_ROUTES.map((r) => r.root),
      ['/connect', '/.well-known', '/interaction'],
    );
    for (const path of ['/connectors', '/users/connect/token', '/{tenant}/token', '/', '/well-known'])
      assert.equal(standinOwnRouteOf(path), undefined, path);
  });

  test('E_OPENAPI_STANDIN_ROUTE names every such operation, at its place in the document', () => {
    const attempt = () =>
      convert({
        operations: [
          { method: 'GET', path: '/ok' },
          { method: 'POST', path: '/connect/token' },
          { method: 'GET', path: '/.Well-Known/openid-configuration' },
          { method: 'GET', path: '/interaction/{uid}' },
        ],
      });
    assert.throws(attempt, (error: unknown) => {
      assert.ok(error instanceof OpenApiError);
      assert.equal(error.message, 'the OpenAPI document has 3 problems');
      assert.equal(error.code, 'E_OPENAPI_STANDIN_ROUTE', error.message);
      assert.equal(error.exitCode, 2);
      assert.deepEqual(error.location, { file: 'specs/openapi/api.yaml', pointer: '/paths/~1connect~1token/post' });
      assert.deepEqual(
        error.problems.map((p) => [p.message.split(' is under ')[0], p.line, p.column, p.pointer]),
        [
          ['POST /connect/token', 7, 5, '/paths/~1connect~1token/post'],
          ['GET /.Well-Known/openid-configuration', 7, 5, '/paths/~1.Well-Known~1openid-configuration/get'],
          ['GET /interaction/{uid}', 7, 5, '/paths/~1interaction~1{uid}/get'],
        ],
      );
      return true;
    });
  });
});

describe('convertOpenApi: the generated specs', () => {
  test('more operations than an import writes is E_IMPORT_TOO_MANY, before anything is generated', () => {
    const operations = Array.from({ length: MAX_IMPORT_ITEMS + 1 }, (_, i) => ({
      method: 'GET' as const,
      path: `/${i}`,
    }));
    assert.throws(
      () => convert({ operations }),
      (error: unknown) =>
        error instanceof MvpmError &&
        error.code === 'E_IMPORT_TOO_MANY' &&
        error.location?.file === 'specs/openapi/api.yaml' &&
        error.location.pointer === '/paths',
    );
  });

  test('load and build with no error, and converting again gives the same files', async () => {
    const doc = {
      title: 'Acme API',
      securitySchemes: {
        oauth: {
          type: 'oauth2' as const,
          flows: {
            authorizationCode: {
              authorizationUrl: 'https://login.example.com/connect/authorize',
              tokenUrl: 'https://login.example.com/connect/token',
              scopes: new Map([['api', '']]),
            },
          },
        },
        Key: { type: 'apiKey' as const, in: 'header' as const, name: 'X-Key' },
      },
      security: [
        new Map([
          ['oauth', []],
          ['Key', []],
        ]),
      ],
      schemas: {
        Asset: { type: 'object', properties: { id: { type: 'string' }, child: { $ref: '#/definitions/Asset' } } },
      },
      operations: [
        {
          method: 'GET',
          path: '/assets/{assetId}',
          summary: 'Get \u2028asset',
          tags: ['Assets'],
          parameters: [{ name: 'assetId', in: 'path', example: 'a1' }],
          responses: [
            { status: '200', content: [{ type: 'application/json', schema: { $ref: '#/definitions/Asset' } }] },
          ],
        },
        {
          method: 'POST',
          path: '/upload',
          security: [new Map([['Key', []]])],
          requestBody: {
            required: true,
            pointer: '',
            content: [
              media('multipart/form-data', { schema: { type: 'object', properties: { f: { format: 'binary' } } } }),
            ],
          },
        },
      ] satisfies OperationInput[],
    } satisfies Doc;
    const result = convert(doc);
    assert.deepEqual(convert(doc).files, result.files);
    const files = Object.fromEntries([...result.files].map(([file, text]) => [`specs/${file}`, text]));
    const project = tempProject({ ...files, 'specs/openapi/api.yaml': 'openapi: 3.0.3\n' });
    try {
      const { code, stdout, stderr } = await runCli(['build'], project.dir);
      assert.equal(code, 0, `${stdout}\n${stderr}`);
    } finally {
      project.cleanup();
    }
  });
});
