// A small OpenAPI model built by hand (what loadOpenApi makes of a document), for the stand-in's mock tests: a
// subscription key and OAuth 2.0, typed path parameters, a required header and a JSON body, an operation without
// security, a literal path beside a templated one, and an operation the hand-written routes already answer.
import type { JsonSchema, OpenApiDocument, Operation, Parameter, Response } from '../../src/openapi/types.ts';

const param = (p: Partial<Parameter> & Pick<Parameter, 'name' | 'in'>): Parameter => ({
  required: p.in === 'path',
  deprecated: false,
  hasExample: false,
  pointer: `/x/${p.name}`,
  ...p,
});

const json = (status: string, schema?: JsonSchema, example?: unknown): Response => ({
  status,
  content: [
    {
      type: 'application/json',
      ...(schema === undefined ? {} : { schema }),
      ...(example === undefined ? { hasExample: false } : { example, hasExample: true }),
      pointer: `/responses/${status}`,
    },
  ],
  headers: new Map(),
  pointer: `/responses/${status}`,
});

const op = (o: Partial<Operation> & Pick<Operation, 'key' | 'method' | 'path'>): Operation => ({
  tags: [],
  deprecated: false,
  parameters: [],
  responses: [],
  extensions: new Map(),
  pointer: `/paths/${o.path.replaceAll('~', '~0').replaceAll('/', '~1')}/${o.method.toLowerCase()}`,
  ...o,
});

export const THING_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['id', 'name', 'createdAt'],
  properties: {
    id: { type: 'integer', minimum: 1 },
    name: { type: 'string', minLength: 1 },
    createdAt: { type: 'string', format: 'date-time' },
    tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } },
  },
};

/** `file`: the document's path relative to the project, as loadOpenApi reports it. */
export function thingsDocument(file = 'specs/openapi/things.yaml'): OpenApiDocument {
  const operations: Operation[] = [
    op({
      key: 'getThing',
      operationId: 'getThing',
      method: 'GET',
      path: '/things/{thingId}',
      parameters: [param({ name: 'thingId', in: 'path', schema: { type: 'integer', minimum: 1 } })],
      responses: [json('200', { $ref: '#/definitions/Thing' }), json('404')],
    }),
    op({
      key: 'searchThings',
      operationId: 'searchThings',
      method: 'GET',
      path: '/things/search',
      parameters: [param({ name: 'q', in: 'query', required: true, schema: { type: 'string' } })],
      responses: [json('200', { type: 'array', items: { $ref: '#/definitions/Thing' } })],
    }),
    op({
      key: 'createThing',
      operationId: 'createThing',
      method: 'POST',
      path: '/things',
      parameters: [
        param({ name: 'X-Request-Id', in: 'header', required: true, schema: { type: 'string', format: 'uuid' } }),
        param({ name: 'dryRun', in: 'query', schema: { type: 'boolean' } }),
      ],
      requestBody: {
        required: true,
        content: [
          {
            type: 'application/json',
            schema: {
              type: 'object',
              required: ['name'],
              additionalProperties: false,
              properties: { name: { type: 'string' }, size: { type: 'integer' }, secret: { type: 'integer' } },
            },
            hasExample: false,
            pointer: '/requestBody',
          },
        ],
        pointer: '/requestBody',
      },
      responses: [
        json('201', { $ref: '#/definitions/Thing' }, { id: 7, name: 'documented', createdAt: '2020-02-02T02:02:02Z' }),
      ],
    }),
    op({
      key: 'GET /public/ping',
      method: 'GET',
      path: '/public/ping',
      security: [new Map()],
      responses: [json('200', { type: 'object', required: ['ok'], properties: { ok: { const: true } } })],
    }),
    op({ key: 'listCategories', operationId: 'listCategories', method: 'GET', path: '/categories', responses: [] }),
  ];
  return {
    file,
    version: '3.0',
    title: 'Things',
    apiVersion: '1.0',
    servers: [],
    securitySchemes: new Map([
      ['key', { type: 'apiKey', name: 'Ocp-Apim-Subscription-Key', in: 'header' }],
      [
        'oauth',
        {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: 'https://login.example/connect/authorize',
              tokenUrl: 'https://login.example/connect/token',
              scopes: new Map([['api', 'the API']]),
            },
          },
        },
      ],
    ]),
    security: [
      new Map([
        ['key', []],
        ['oauth', ['api']],
      ]),
    ],
    operations,
    schemas: new Map([['Thing', THING_SCHEMA]]),
    locate: () => undefined,
    warnings: [],
  };
}
