// Generates a synthetic but realistic spec tree for the compile benchmark (see bench/README.md).
//
// Layout, as mvpm expects it (src/spec/load-specs.ts):
//   <specsDir>/bench/.resources/definition.yaml           the collection, with an OAuth 2.0 auth block
//   <specsDir>/bench/<Folder>/.resources/definition.yaml  one folder per ~50 requests
//   <specsDir>/bench/<Folder>/<Name>.request.yaml         the requests
//   <specsDir>/schemas/api-response.schema.json           one JSON Schema shared by every `schema: { file }`
//   <specsDir>/environments/*.environment.yaml            two environments with the same keys
//
// The YAML is written as text, in the style of the hand-written specs under specs/ (flow maps for checks,
// quoted {{variables}}), rather than with yaml.stringify, so the parser sees what it sees in real use.
// Every choice is a function of the request index alone, so the tree for N=100 is the first 100 requests of
// the tree for N=1000, and a given N always produces the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const REQUESTS_PER_FOLDER = 50;
export const COLLECTION_SLUG = 'bench';

/** API resources; each folder covers one, its requests use `{{<singular>Id}}`. */
const RESOURCES = [
  { plural: 'assets', singular: 'asset', title: 'Assets' },
  { plural: 'categories', singular: 'category', title: 'Categories' },
  { plural: 'keywords', singular: 'keyword', title: 'Keywords' },
  { plural: 'attributes', singular: 'attribute', title: 'Attributes' },
  { plural: 'lightboxes', singular: 'lightbox', title: 'Lightboxes' },
  { plural: 'uploads', singular: 'upload', title: 'Uploads' },
  { plural: 'users', singular: 'user', title: 'Users' },
  { plural: 'comments', singular: 'comment', title: 'Comments' },
];

/** Variables every environment defines: [name, description, value in "Production", value in "Local" or SECRET]. */
const SECRET = Symbol('secret');
/** Where each secret may be sent (the spec's `sendTo`), as in specs/environments/. */
const SEND_TO = {
  ClientSecret: 'authBaseUrl',
  SubscriptionKey: 'apiBaseUrl',
  access_token: 'apiBaseUrl',
  refresh_token: 'authBaseUrl',
  previous_refresh_token: 'authBaseUrl',
};
const BASE_VARIABLES = [
  [
    'authBaseUrl',
    'The sign-in server. All authentication requests go here.',
    'https://login.example.com',
    'http://127.0.0.1:4010',
  ],
  ['apiBaseUrl', 'The API.', 'https://api.example.com', 'http://127.0.0.1:4010'],
  ['ClientId', 'Your client id.', '', 'bench-demo-client'],
  ['ClientSecret', 'Your client secret. Keep it out of shared workspaces.', SECRET, SECRET],
  [
    'Scope',
    'Scopes to ask for; offline_access is what returns a refresh token.',
    'openid api offline_access',
    'openid api offline_access',
  ],
  ['State', 'An opaque value sent with the sign-in request and returned with the code.', 'mvpm-bench', 'mvpm-bench'],
  [
    'redirect_URI',
    'Where the browser goes after sign-in.',
    'https://oauth.pstmn.io/v1/callback',
    'https://oauth.pstmn.io/v1/callback',
  ],
  ['SubscriptionKey', 'Your API subscription key (Ocp-Apim-Subscription-Key).', SECRET, SECRET],
  ['access_token', 'The current access token. Set by the tests of the token requests.', SECRET, SECRET],
  ['refresh_token', 'The current refresh token. Each refresh replaces it with a new one.', SECRET, SECRET],
  ['access_token_expires_at', 'When the access token expires, in milliseconds since 1970. Set by the tests.', '', ''],
  ['previous_refresh_token', 'The refresh token the last refresh spent.', SECRET, SECRET],
];

/**
 * Writes the tree for `count` requests under `specsDir` (which must not exist yet, or be empty).
 * Returns what was written, for the report.
 */
export function generateSpecs(specsDir, count) {
  let files = 0;
  let bytes = 0;
  const write = (file, text) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    files += 1;
    bytes += Buffer.byteLength(text);
  };

  const collectionDir = path.join(specsDir, COLLECTION_SLUG);
  write(path.join(collectionDir, '.resources', 'definition.yaml'), collectionDefinition());
  write(path.join(specsDir, 'schemas', 'api-response.schema.json'), SCHEMA);

  const folderCount = Math.ceil(count / REQUESTS_PER_FOLDER);
  const folderNames = [];
  for (let f = 0; f < folderCount; f += 1) {
    const resource = RESOURCES[f % RESOURCES.length];
    const folderName = `${resource.title} ${pad(f + 1, 3)}`;
    folderNames.push(folderName);
    const folderDir = path.join(collectionDir, folderName);
    write(path.join(folderDir, '.resources', 'definition.yaml'), folderDefinition(f, resource));
    const first = f * REQUESTS_PER_FOLDER;
    const last = Math.min(count, first + REQUESTS_PER_FOLDER);
    for (let i = first; i < last; i += 1) {
      const request = requestSpec(i, i - first, resource);
      write(path.join(folderDir, `${request.name}.request.yaml`), request.text);
    }
  }

  const idVariables = RESOURCES.map((r) => [
    `${r.singular}Id`,
    `The ${r.singular} the ${r.plural} requests work on. Captured by the tests.`,
    '',
    '',
  ]);
  const variables = [...BASE_VARIABLES, ...idVariables];
  write(
    path.join(specsDir, 'environments', 'production.environment.yaml'),
    environment('Bench - Production', variables, 2),
  );
  write(path.join(specsDir, 'environments', 'local.environment.yaml'), environment('Bench - Local', variables, 3));

  return { files, bytes, folders: folderCount, requests: count };
}

function collectionDefinition() {
  return `$kind: mvpm-collection
name: Bench API
description: |
  A generated collection for the compile benchmark (bench/compile.mjs). It has the shape of the real one:
  an OAuth 2.0 authorization-code setup on the collection, folders of API calls that send the
  subscription key, and token requests that rotate the refresh token.

  Generated by bench/generate-specs.mjs: do not edit.
auth:
  type: oauth2
  credentials:
    grant_type: authorization_code
    authUrl: "{{authBaseUrl}}/connect/authorize"
    accessTokenUrl: "{{authBaseUrl}}/connect/token"
    refreshTokenUrl: "{{authBaseUrl}}/connect/token"
    clientId: "{{ClientId}}"
    clientSecret: "{{ClientSecret}}"
    scope: "{{Scope}}"
    state: "{{State}}"
    redirect_uri: "{{redirect_URI}}"
    useBrowser: false
    client_authentication: body
    addTokenTo: header
    tokenName: Bench
    headerPrefix: Bearer
    accessToken: "{{access_token}}"
`;
}

function folderDefinition(f, resource) {
  let text = `$kind: mvpm-folder
order: ${f + 1}
description: |
  Calls the ${resource.plural} API with the current access token and your subscription key
  (\`Ocp-Apim-Subscription-Key\`). A 401 means the access token expired: run a token request first.
`;
  // A few folders carry their own auth or a pre-request script, as real folders sometimes do.
  if (f % 10 === 3) text += `auth:\n  type: bearer\n  credentials:\n    token: "{{access_token}}"\n`;
  if (f % 10 === 7) {
    text += `scripts:
  - type: beforeRequest
    code: |
      // Skip the folder when no token is set, instead of failing every request with a 401.
      if (!pm.environment.get("access_token")) {
          console.log("Skipped \\"" + pm.info.requestName + "\\": no access_token.");
          pm.execution.skipRequest();
      }
`;
  }
  return text;
}

/**
 * One request. The mix, by index: GET one (30%), list (20%), search (15%), update (10%), delete (5%),
 * token refresh (20%, urlencoded body, captures). Roughly a third reference the shared schema file and a
 * quarter of the API calls capture an id.
 */
function requestSpec(i, position, resource) {
  const r = hash(i);
  const bucket = r % 20;
  const id = `{{${resource.singular}Id}}`;
  const number = pad(i + 1, 5);
  const schema = r % 3 === 0 ? 'schema: { file: ../../schemas/api-response.schema.json }\n' : '';
  const apiHeaders = `headers:
  Ocp-Apim-Subscription-Key: "{{SubscriptionKey}}"
  Accept: application/json
`;
  const captureId = (r >>> 5) % 4 === 0 ? `capture:\n  ${resource.singular}Id: { json: $.payload.id }\n` : '';
  const head = (description, method, url) => `$kind: mvpm-request
order: ${position + 1}
description: ${description}
method: ${method}
url: "${url}"
`;

  if (bucket < 6) {
    return {
      name: `Get ${resource.singular} ${number}`,
      text:
        head(
          `Reads one ${resource.singular} by id. The simplest check that a token and the subscription key work.`,
          'GET',
          `{{apiBaseUrl}}/${resource.plural}/${id}`,
        ) +
        `${apiHeaders}expect:
  status: 200
  contentType: application/json
  body:
    $.payload.id: { type: string, equals: "${id}" }
    $.payload.name: { type: string, length: { min: 1, max: 200 } }
    $.payload.createdAt: { matches: '^\\d{4}-\\d{2}-\\d{2}T' }
    $.apiVersion: { oneOf: ["1.0", "1.1"] }
${indent(schema)}${captureId}`,
    };
  }
  if (bucket < 10) {
    return {
      name: `List ${resource.plural} ${number}`,
      text:
        head(`The library's ${resource.plural}, page ${(i % 7) + 1}.`, 'GET', `{{apiBaseUrl}}/${resource.plural}`) +
        `query:
  offset: ${(i % 7) * 50}
  count: 50
  sort: record.createdAt D
${apiHeaders}expect:
  status: 200
  contentType: application/json
  body:
    $.payload: { type: array, length: { max: 50 } }
    $.payload[0].id: { exists: true }
    $.totalCount: { type: integer }
${indent(schema)}${captureId.replace('$.payload.id', '"$.payload[0].id"')}`,
    };
  }
  if (bucket < 13) {
    return {
      name: `Search ${resource.plural} ${number}`,
      text:
        head(
          `|\n  Searches the ${resource.plural}. An empty \`search\` returns every ${resource.singular} the user ` +
            `may see,\n  page by page; the filters narrow it to recent, non-archived ones.`,
          'POST',
          `{{apiBaseUrl}}/${resource.plural}/search`,
        ) +
        `${apiHeaders}body:
  type: json
  content:
    search: "${i % 2 === 0 ? '' : `term-${i}`}"
    count: 10
    offset: ${(i % 5) * 10}
    sort: record.createdAt D
    includeTotalCount: true
    filters:
      archived: false
      createdAfter: "2024-01-01T00:00:00Z"
      tags: [bench, "batch-${i % 13}"]
expect:
  status: 200
  contentType: application/json
  responseTime: 5000
  body:
    $.payload.items: { type: array }
    $.payload.count: { type: number }
    $.payload.items[0].id: { type: string }
    $.errors: { length: 0 }
${indent(schema)}${captureId.replace('$.payload.id', '"$.payload.items[0].id"')}`,
    };
  }
  if (bucket < 15) {
    const method = i % 2 === 0 ? 'PATCH' : 'PUT';
    return {
      name: `Update ${resource.singular} ${number}`,
      text:
        head(
          `Renames a ${resource.singular} and sets its description (${method}).`,
          method,
          `{{apiBaseUrl}}/${resource.plural}/${id}`,
        ) +
        `headers:
  Ocp-Apim-Subscription-Key: "{{SubscriptionKey}}"
  Accept: application/json
  Content-Type: application/json
  If-Match: "*"
body:
  type: json
  content:
    name: Bench ${resource.singular} ${number}
    description: "Updated by request ${number}"
    attributes: { source: bench, revision: ${i % 9} }
expect:
  status: [200, 202]
  contentType: application/json
  headers:
    ETag: { exists: true }
  body:
    $.payload.id: { equals: "${id}" }
    $.payload.name: { equals: Bench ${resource.singular} ${number} }
    $.payload.updatedAt: { type: string }
${indent(schema)}`,
    };
  }
  if (bucket < 16) {
    return {
      name: `Delete ${resource.singular} ${number}`,
      text:
        head(
          `Deletes a ${resource.singular}. The answer echoes what was deleted.`,
          'DELETE',
          `{{apiBaseUrl}}/${resource.plural}/${id}`,
        ) +
        `${apiHeaders}expect:
  status: 200
  contentType: application/json
  body:
    $.payload.id: { equals: "${id}" }
    $.payload.deleted: { equals: true }
    $.errors: { type: array, length: 0 }
`,
    };
  }
  return {
    name: `Refresh access token ${number}`,
    text:
      head(
        `|\n  \`POST /connect/token\` with \`grant_type=refresh_token\`: the current \`refresh_token\`, your ` +
          `\`client_id\` and\n  \`client_secret\`. The answer has a new access token and a **new refresh token**; ` +
          `the tests store both.`,
        'POST',
        '{{authBaseUrl}}/connect/token',
      ) +
      `auth:
  type: noauth
headers:
  Content-Type: application/x-www-form-urlencoded
body:
  type: urlencoded
  content:
    refresh_token: "{{refresh_token}}"
    client_id: "{{ClientId}}"
    client_secret: "{{ClientSecret}}"
    grant_type: refresh_token
expect:
  status: 200
  contentType: application/json
  body:
    $.token_type: { equals: Bearer }
    $.access_token: { type: string }
    $.refresh_token: { type: string, notEquals: "{{refresh_token}}" }
    $.expires_in: { type: number }
capture:
  previous_refresh_token: { variable: refresh_token }
  access_token: { json: $.access_token }
  refresh_token: { json: $.refresh_token }
  access_token_expires_at: { expiresIn: $.expires_in }
`,
  };
}

/** `column` 2 = the "Production" value (secrets have none), 3 = the "Local" value. */
function environment(name, variables, column) {
  let text = `$kind: mvpm-environment
name: ${name}
description: Generated by bench/generate-specs.mjs for the compile benchmark.
variables:
`;
  for (const variable of variables) {
    const [key, description] = variable;
    const value = variable[column];
    text += `  ${key}:\n    description: ${description}\n`;
    text +=
      value === SECRET ? `    secret: true\n    sendTo: [${SEND_TO[key]}]\n` : `    value: ${JSON.stringify(value)}\n`;
  }
  return text;
}

const SCHEMA = `${JSON.stringify(
  {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'API response envelope',
    type: 'object',
    required: ['payload'],
    properties: {
      apiVersion: { type: 'string' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code'],
          properties: { code: { type: 'string' }, message: { type: 'string' } },
        },
      },
      payload: {
        anyOf: [
          { type: 'array', items: { $ref: '#/definitions/record' } },
          { $ref: '#/definitions/record' },
          {
            type: 'object',
            required: ['items'],
            properties: {
              items: { type: 'array', items: { $ref: '#/definitions/record' } },
              count: { type: 'integer' },
            },
          },
        ],
      },
    },
    definitions: {
      record: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          createdAt: { type: 'string', format: 'date-time' },
          updatedAt: { type: 'string', format: 'date-time' },
          attributes: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
        },
      },
    },
  },
  null,
  2,
)}\n`;

/** Indents a `schema:` line so it sits under `expect:`. */
function indent(line) {
  return line ? `  ${line}` : '';
}

function pad(n, width) {
  return String(n).padStart(width, '0');
}

/** A small integer hash (Murmur3 finalizer), so request kinds are mixed but depend only on the index. */
function hash(i) {
  let h = (i + 0x9e3779b9) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
