#!/usr/bin/env node
// Generates a synthetic but realistic OpenAPI 3.0 document for the import benchmark (bench/openapi.mjs, see
// bench/README.md): N operations (default 500) over 25 tags, shaped like a REST API of the MediaValet kind.
//
// Each tag is one resource with its own component schemas (`Asset`, `AssetInput`, `AssetResponse`,
// `AssetListResponse`), MediaValet's envelope (`apiVersion`, `meta`, `recordCount`, `payload`), and operations in a
// fixed order: list (required `count` query parameter), create, get, update, delete, search, then per sub-resource
// (renditions, comments, history, …) list, add, get and remove. Path parameters are declared on their path item;
// every operation requires the `X-Api-Version` header (a shared parameter). Request bodies alternate: an example on
// even operations, the schema alone on odd ones. Responses `$ref` shared schemas, some nested (`Asset.owner` is a
// `User`, `meta` a `Meta` holding `Link`s), one recursive (`Category.children`), and the shared `Error` response.
// Security: an OAuth 2.0 authorization-code scheme and an API-key header, both required.
//
// Every choice is a function of the operation's index, so a given N always produces the same bytes, and the
// document for N is the first N operations of the one for any larger N.
//
// Usage: node bench/openapi-doc.mjs [--operations 500] [--json] <out-file>
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';

export const TAG_COUNT = 25;

/** One resource per tag: [tag, path segment, schema name]. */
const RESOURCES = [
  ['Assets', 'assets', 'Asset'],
  ['Categories', 'categories', 'Category'],
  ['Keywords', 'keywords', 'Keyword'],
  ['Keyword Groups', 'keywordgroups', 'KeywordGroup'],
  ['Attributes', 'attributes', 'Attribute'],
  ['Uploads', 'uploads', 'Upload'],
  ['Direct Links', 'directlinks', 'DirectLink'],
  ['Users', 'users', 'User'],
  ['Groups', 'groups', 'Group'],
  ['Lightboxes', 'lightboxes', 'Lightbox'],
  ['Collections', 'collections', 'AssetCollection'],
  ['Workflows', 'workflows', 'Workflow'],
  ['Approvals', 'approvals', 'Approval'],
  ['Projects', 'projects', 'Project'],
  ['Brands', 'brands', 'Brand'],
  ['Templates', 'templates', 'Template'],
  ['Shares', 'shares', 'Share'],
  ['Webhooks', 'webhooks', 'Webhook'],
  ['Notifications', 'notifications', 'Notification'],
  ['Reports', 'reports', 'Report'],
  ['Audit Logs', 'auditlogs', 'AuditLog'],
  ['Libraries', 'libraries', 'Library'],
  ['Licenses', 'licenses', 'License'],
  ['Integrations', 'integrations', 'Integration'],
  ['Saved Searches', 'savedsearches', 'SavedSearch'],
];

/** Sub-resources, each with one schema shared by every resource that has it: [path segment, schema name]. */
const SUBRESOURCES = [
  ['renditions', 'Rendition'],
  ['comments', 'Comment'],
  ['history', 'HistoryEntry'],
  ['attributes', 'AttributeValue'],
  ['keywords', 'KeywordRef'],
  ['permissions', 'Permission'],
  ['versions', 'Version'],
  ['related', 'RelatedItem'],
  ['notes', 'Note'],
  ['members', 'Member'],
];

const BASE_OPERATIONS = ['list', 'create', 'get', 'update', 'delete', 'search'];
const SUB_OPERATIONS = ['list', 'add', 'get', 'remove'];

/** The OpenAPI 3.0 document with `operations` operations, as a plain object. */
export function generateOpenApi(operations = 500) {
  const paths = {};
  const schemas = sharedSchemas();
  const usedSubs = new Set();
  for (let t = 0; t < TAG_COUNT; t += 1) {
    const count = Math.floor(operations / TAG_COUNT) + (t < operations % TAG_COUNT ? 1 : 0);
    if (count === 0) continue;
    const [tag, , name] = RESOURCES[t];
    Object.assign(schemas, resourceSchemas(t, name));
    for (let k = 0; k < count; k += 1) {
      const index = t + k * TAG_COUNT;
      const op = k < BASE_OPERATIONS.length ? baseOperation(t, k, index) : subOperation(t, k, index, usedSubs);
      if (!paths[op.path]) paths[op.path] = op.pathParameters.length > 0 ? { parameters: op.pathParameters } : {};
      paths[op.path][op.method] = { tags: [tag], ...op.operation };
    }
  }
  for (const s of usedSubs) Object.assign(schemas, subSchemas(s));
  return {
    openapi: '3.0.3',
    info: {
      title: 'Bench Media API',
      version: '1.4.0',
      description: `A generated API of ${operations} operations for the mvpm import benchmark.`,
    },
    servers: [{ url: 'https://api.bench.example.com/v1', description: 'Production' }],
    tags: RESOURCES.slice(0, Math.min(TAG_COUNT, operations)).map(([tag]) => ({
      name: tag,
      description: `Operations on ${tag.toLowerCase()}.`,
    })),
    security: [{ oauth2: ['api'], subscriptionKey: [] }],
    paths,
    components: {
      schemas,
      parameters: {
        ApiVersion: {
          name: 'X-Api-Version',
          in: 'header',
          required: true,
          description: 'The API version the client was written against.',
          schema: { type: 'string', enum: ['1.0', '1.4'] },
          example: '1.4',
        },
      },
      responses: {
        Error: {
          description: 'The request failed.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          description: 'Sign in with the identity provider.',
          flows: {
            authorizationCode: {
              authorizationUrl: 'https://login.bench.example.com/connect/authorize',
              tokenUrl: 'https://login.bench.example.com/connect/token',
              refreshUrl: 'https://login.bench.example.com/connect/token',
              scopes: { api: 'Call the API', offline_access: 'Refresh tokens' },
            },
          },
        },
        subscriptionKey: { type: 'apiKey', in: 'header', name: 'Ocp-Apim-Subscription-Key' },
      },
    },
  };
}

function baseOperation(t, k, index) {
  const [tag, segment, name] = RESOURCES[t];
  const idParam = `${lowerFirst(name)}Id`;
  const kind = BASE_OPERATIONS[k];
  const item = `/${segment}/{${idParam}}`;
  const pathParameters = kind === 'get' || kind === 'update' || kind === 'delete' ? [pathParameter(idParam, t)] : [];
  const common = { parameters: [versionHeader()], responses: errorResponses() };
  const single = ok(`${name}Response`);
  const noun = tag.toLowerCase();
  switch (kind) {
    case 'list':
      return op('get', `/${segment}`, pathParameters, {
        operationId: `list${name}s`,
        summary: `List ${noun}`,
        parameters: [versionHeader(), countQuery(), offsetQuery(), sortQuery()],
        responses: { 200: ok(`${name}ListResponse`), ...common.responses },
      });
    case 'create':
      return op('post', `/${segment}`, pathParameters, {
        operationId: `create${name}`,
        summary: `Create a ${lowerFirst(name)}`,
        ...common,
        requestBody: body(`${name}Input`, index, inputExample(t)),
        responses: { 201: single, ...common.responses },
      });
    case 'get':
      return op('get', item, pathParameters, {
        operationId: `get${name}`,
        summary: `Get a ${lowerFirst(name)}`,
        ...common,
        responses: { 200: single, ...common.responses },
      });
    case 'update':
      return op('put', item, pathParameters, {
        operationId: `update${name}`,
        summary: `Update a ${lowerFirst(name)}`,
        ...common,
        requestBody: body(`${name}Input`, index, inputExample(t)),
        responses: { 200: single, ...common.responses },
      });
    case 'delete':
      return op('delete', item, pathParameters, {
        operationId: `delete${name}`,
        summary: `Delete a ${lowerFirst(name)}`,
        ...common,
        responses: { 204: { description: 'Deleted.' }, ...common.responses },
      });
    default:
      return op('post', `/${segment}/search`, pathParameters, {
        operationId: `search${name}s`,
        summary: `Search ${noun}`,
        ...common,
        requestBody: body('SearchQuery', index, { search: 'sunset', count: 25, offset: 0, sort: 'name' }),
        responses: { 200: ok(`${name}ListResponse`), ...common.responses },
      });
  }
}

function subOperation(t, k, index, usedSubs) {
  const [, segment, name] = RESOURCES[t];
  const position = k - BASE_OPERATIONS.length;
  const s = Math.floor(position / SUB_OPERATIONS.length);
  const kind = SUB_OPERATIONS[position % SUB_OPERATIONS.length];
  // Past the tenth sub-resource the names repeat with a number (renditions2, …), so any N has unique paths.
  const [subSegment, baseSubName] = SUBRESOURCES[s % SUBRESOURCES.length];
  const round = Math.floor(s / SUBRESOURCES.length);
  const subPath = round === 0 ? subSegment : `${subSegment}${round + 1}`;
  const subName = round === 0 ? baseSubName : `${baseSubName}${round + 1}`;
  usedSubs.add(s);
  const idParam = `${lowerFirst(name)}Id`;
  const subIdParam = `${lowerFirst(subName)}Id`;
  const list = `/${segment}/{${idParam}}/${subPath}`;
  const one = `${list}/{${subIdParam}}`;
  const label = `${subPath} of a ${lowerFirst(name)}`;
  const common = { parameters: [versionHeader()], responses: errorResponses() };
  const parent = [pathParameter(idParam, t)];
  const both = [...parent, pathParameter(subIdParam, t + s + 1)];
  const operationId = `${kind}${name}${upperFirst(subPath)}`;
  switch (kind) {
    case 'list':
      return op('get', list, parent, {
        operationId,
        summary: `List the ${label}`,
        parameters: [versionHeader(), countQuery(), offsetQuery()],
        responses: { 200: ok(`${subName}List`), ...common.responses },
      });
    case 'add':
      return op('post', list, parent, {
        operationId,
        summary: `Add to the ${label}`,
        ...common,
        requestBody: body(subName, index, subExample(s)),
        responses: { 201: ok(subName), ...common.responses },
      });
    case 'get':
      return op('get', one, both, {
        operationId,
        summary: `Get one of the ${label}`,
        ...common,
        responses: { 200: ok(subName), ...common.responses },
      });
    default:
      return op('delete', one, both, {
        operationId,
        summary: `Remove one of the ${label}`,
        ...common,
        responses: { 204: { description: 'Removed.' }, ...common.responses },
      });
  }
}

function op(method, path, pathParameters, operation) {
  return { method, path, pathParameters, operation };
}

function pathParameter(name, seed) {
  return {
    name,
    in: 'path',
    required: true,
    description: `The ${name.slice(0, -2)}'s id.`,
    schema: { type: 'string', format: 'uuid' },
    example: uuid(seed),
  };
}

function versionHeader() {
  return { $ref: '#/components/parameters/ApiVersion' };
}

function countQuery() {
  return {
    name: 'count',
    in: 'query',
    required: true,
    description: 'How many records to return.',
    schema: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
    example: 50,
  };
}

function offsetQuery() {
  return { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } };
}

function sortQuery() {
  return { name: 'sort', in: 'query', schema: { type: 'string', enum: ['name', '-name', 'created', '-created'] } };
}

/** A JSON request body: an example on even operations, the schema alone on odd ones. */
function body(schemaName, index, example) {
  const media = { schema: { $ref: `#/components/schemas/${schemaName}` } };
  if (index % 2 === 0) media.example = example;
  return { required: true, content: { 'application/json': media } };
}

function ok(schemaName) {
  return {
    description: 'OK',
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaName}` } } },
  };
}

function errorResponses() {
  return {
    400: { $ref: '#/components/responses/Error' },
    401: { $ref: '#/components/responses/Error' },
    404: { $ref: '#/components/responses/Error' },
  };
}

function inputExample(t) {
  return { name: `${RESOURCES[t][2]} ${t + 1}`, description: 'Created by the bench', status: 'active', rank: t };
}

function subExample(s) {
  return { label: `${SUBRESOURCES[s % SUBRESOURCES.length][1]} ${s + 1}`, value: 'sample', position: s };
}

/** Schemas every resource refers to: the envelope's parts, `User` (nested in every resource), the error. */
function sharedSchemas() {
  const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
  return {
    Link: {
      type: 'object',
      required: ['rel', 'href'],
      properties: { rel: { type: 'string', example: 'self' }, href: { type: 'string', format: 'uri' } },
    },
    Meta: {
      type: 'object',
      properties: {
        requestId: { type: 'string', format: 'uuid' },
        elapsedMs: { type: 'integer', minimum: 0 },
        links: { type: 'array', items: ref('Link') },
      },
    },
    AuditInfo: {
      type: 'object',
      required: ['createdAt'],
      properties: {
        createdAt: { type: 'string', format: 'date-time' },
        modifiedAt: { type: 'string', format: 'date-time' },
        createdBy: ref('User'),
      },
    },
    SearchQuery: {
      type: 'object',
      required: ['search'],
      properties: {
        search: { type: 'string', minLength: 1, maxLength: 200 },
        count: { type: 'integer', minimum: 1, maximum: 1000 },
        offset: { type: 'integer', minimum: 0 },
        sort: { type: 'string', enum: ['name', '-name', 'created', '-created'] },
        filters: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    Error: {
      type: 'object',
      required: ['apiVersion', 'errors'],
      properties: {
        apiVersion: { type: 'string' },
        errors: {
          type: 'array',
          items: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string', pattern: '^[A-Z][A-Z_]{2,40}$' }, message: { type: 'string' } },
          },
        },
      },
    },
  };
}

/** A resource's schema, its input, and the envelopes around one and a list. `Category` is the recursive one. */
function resourceSchemas(t, name) {
  const ref = (schema) => ({ $ref: `#/components/schemas/${schema}` });
  const properties = {
    id: { type: 'string', format: 'uuid', example: uuid(t) },
    name: { type: 'string', minLength: 1, maxLength: 120 },
    description: { type: 'string', nullable: true },
    status: { type: 'string', enum: ['active', 'archived', 'deleted'] },
    rank: { type: 'integer', minimum: 0 },
    code: { type: 'string', pattern: '^[A-Z]{2,4}-[0-9]{1,6}$', example: 'AB-12' },
    audit: ref('AuditInfo'),
  };
  // Users would otherwise own themselves; every other resource has one, so `User` is nested everywhere.
  if (name !== 'User') properties.owner = ref('User');
  if (name === 'User') Object.assign(properties, { email: { type: 'string', format: 'email' } });
  if (name === 'Category') properties.children = { type: 'array', items: ref('Category') };
  return {
    [name]: { type: 'object', required: ['id', 'name', 'status'], properties },
    [`${name}Input`]: {
      type: 'object',
      required: ['name'],
      properties: {
        name: properties.name,
        description: properties.description,
        status: properties.status,
        rank: properties.rank,
      },
    },
    [`${name}Response`]: envelope(ref(name)),
    [`${name}ListResponse`]: envelope({ type: 'array', items: ref(name) }),
  };
}

function subSchemas(s) {
  const [, baseName] = SUBRESOURCES[s % SUBRESOURCES.length];
  const round = Math.floor(s / SUBRESOURCES.length);
  const name = round === 0 ? baseName : `${baseName}${round + 1}`;
  return {
    [name]: {
      type: 'object',
      required: ['label'],
      properties: {
        id: { type: 'string', format: 'uuid', readOnly: true },
        label: { type: 'string', minLength: 1, maxLength: 80 },
        value: { type: 'string' },
        position: { type: 'integer', minimum: 0 },
        links: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
      },
    },
    [`${name}List`]: envelope({ type: 'array', items: { $ref: `#/components/schemas/${name}` } }),
  };
}

/** MediaValet's response envelope around a payload. */
function envelope(payload) {
  return {
    type: 'object',
    required: ['apiVersion', 'payload'],
    properties: {
      apiVersion: { type: 'string', example: '1.4' },
      meta: { $ref: '#/components/schemas/Meta' },
      recordCount: { type: 'integer', minimum: 0 },
      payload,
    },
  };
}

/** A fixed, valid-looking UUID per seed. */
function uuid(seed) {
  const hex = (seed * 2654435761 + 0x9e3779b9).toString(16).padStart(12, '0').slice(-12);
  return `3f6b2a10-4c1d-4e8a-9b7c-${hex}`;
}

function lowerFirst(text) {
  return text[0].toLowerCase() + text.slice(1);
}

function upperFirst(text) {
  return text[0].toUpperCase() + text.slice(1);
}

/** Writes the document as YAML, or as JSON with `format: 'json'`. Returns the bytes written. */
export function writeOpenApi(file, operations = 500, format = 'yaml') {
  const doc = generateOpenApi(operations);
  const text =
    format === 'json'
      ? `${JSON.stringify(doc, null, 2)}\n`
      : stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

function main() {
  const { values, positionals } = parseArgs({
    options: { operations: { type: 'string', default: '500' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const operations = Number(values.operations);
  if (positionals.length !== 1 || !Number.isInteger(operations) || operations < 1) {
    process.stderr.write('Usage: node bench/openapi-doc.mjs [--operations 500] [--json] <out-file>\n');
    return 2;
  }
  const bytes = writeOpenApi(positionals[0], operations, values.json ? 'json' : 'yaml');
  process.stderr.write(`${positionals[0]}: ${operations} operations, ${bytes} bytes\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
