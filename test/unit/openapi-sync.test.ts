// The re-import decisions (src/import/openapi/sync.ts) on hand-built generated imports and existing requests: each
// outcome, where a rewritten request goes, what --force changes, the method-and-path fallback, and the other
// generated files' rule (replaced only when mvpm's record says mvpm wrote what is there).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GeneratedImport, GeneratedRequest } from '../../src/import/openapi/convert.js';
import { importHash } from '../../src/import/openapi/import-hash.js';
import {
  existingMethodAndPath,
  type ExistingRequest,
  planSync,
  type SyncInput,
} from '../../src/import/openapi/sync.js';
import { sha256 } from '../../src/paths/path-guard.js';

type Method = GeneratedRequest['method'];

/** A request value as the generator would record it, with its hash. */
function requestValue(operation: string, method: Method, url: string, status = 200): Record<string, unknown> {
  const value = { $kind: 'mvpm-request', method, url, expect: { status }, openapi: { operation } };
  return { ...value, openapi: { operation, hash: importHash(value) } };
}

function generatedRequest(
  operation: string,
  method: Method,
  path: string,
  file: string,
  status = 200,
): GeneratedRequest {
  const value = requestValue(operation, method, `{{baseUrl}}${path.replace(/\{(\w+)\}/g, '{{$1}}')}`, status);
  return { operation, method, path, file, hash: importHash(value), value };
}

function generated(requests: GeneratedRequest[], other: Record<string, string> = {}): GeneratedImport {
  const files = new Map<string, string>(Object.entries(other));
  for (const r of requests) files.set(r.file, JSON.stringify(r.value));
  return { collectionDir: 'pets', files, requests, warnings: [] };
}

/** An edit by hand: the value changes, the recorded hash does not. */
function edited(value: unknown): Record<string, unknown> {
  return { ...(value as Record<string, unknown>), description: 'curated by hand' };
}

function plan(overrides: Partial<SyncInput> & Pick<SyncInput, 'generated'>) {
  return planSync({
    existing: [],
    present: new Map(),
    owned: new Map(),
    occupied: () => false,
    ...overrides,
  });
}

const LIST_V1 = generatedRequest('listPets', 'GET', '/pets', 'pets/pets/List pets.request.yaml');
const LIST_V2 = generatedRequest('listPets', 'GET', '/pets', 'pets/pets/List pets.request.yaml', 206);
const GET_V1 = generatedRequest('getPet', 'GET', '/pets/{petId}', 'pets/pets/Get pet.request.yaml');

const kinds = (p: ReturnType<typeof plan>) => p.requests.map((r) => [r.kind, r.operation, r.file]);
const written = (p: ReturnType<typeof plan>) => p.writes.map((w) => w.path);

test('a new operation is added at its generated path; nothing is replaced', () => {
  const p = plan({ generated: generated([LIST_V1]) });
  assert.deepEqual(kinds(p), [['added', 'listPets', LIST_V1.file]]);
  assert.deepEqual(written(p), [LIST_V1.file]);
  assert.deepEqual([...p.replaces], []);
});

test('a request as generated is left alone when the document generates the same, rewritten when not', () => {
  const existing: ExistingRequest[] = [{ file: LIST_V1.file, value: structuredClone(LIST_V1.value) }];
  const same = plan({ generated: generated([LIST_V1]), existing });
  assert.deepEqual(kinds(same), [['unchanged', 'listPets', LIST_V1.file]]);
  assert.deepEqual(written(same), []);
  const newer = plan({ generated: generated([LIST_V2]), existing });
  assert.deepEqual(kinds(newer), [['changed', 'listPets', LIST_V1.file]]);
  assert.deepEqual(newer.writes, [{ path: LIST_V1.file, content: JSON.stringify(LIST_V2.value) }]);
  assert.deepEqual([...newer.replaces], [LIST_V1.file]);
});

test('an edited request whose operation changed is kept, and overwritten where it is with force', () => {
  const moved = 'pets/Curated/Pets.request.yaml';
  const existing: ExistingRequest[] = [{ file: moved, value: edited(LIST_V1.value) }];
  const kept = plan({ generated: generated([LIST_V2]), existing });
  assert.deepEqual(kinds(kept), [['edited-kept', 'listPets', moved]]);
  assert.deepEqual(written(kept), []);
  const forced = plan({ generated: generated([LIST_V2]), existing, force: true });
  assert.deepEqual(kinds(forced), [['forced', 'listPets', moved]]);
  assert.deepEqual(forced.writes, [{ path: moved, content: JSON.stringify(LIST_V2.value) }]);
  assert.deepEqual([...forced.replaces], [moved]);
});

test('an edited request whose operation did not change is kept, with or without force', () => {
  const existing: ExistingRequest[] = [{ file: LIST_V1.file, value: edited(LIST_V1.value) }];
  for (const force of [false, true]) {
    const p = plan({ generated: generated([LIST_V1]), existing, force });
    assert.deepEqual(kinds(p), [['edited', 'listPets', LIST_V1.file]]);
    assert.deepEqual(written(p), []);
  }
});

test('a request that records no hash counts as edited', () => {
  const { hash: _hash, ...openapi } = (LIST_V1.value as { openapi: Record<string, unknown> }).openapi;
  const existing: ExistingRequest[] = [{ file: LIST_V1.file, value: { ...(LIST_V1.value as object), openapi } }];
  assert.deepEqual(kinds(plan({ generated: generated([LIST_V1]), existing })), [
    ['edited-kept', 'listPets', LIST_V1.file],
  ]);
});

test('a moved request as generated is rewritten where it was moved to, not at its generated path', () => {
  const moved = 'pets/Elsewhere/Pets.request.yaml';
  const existing: ExistingRequest[] = [{ file: moved, value: structuredClone(LIST_V1.value) }];
  const unchanged = plan({ generated: generated([LIST_V1]), existing });
  assert.deepEqual(kinds(unchanged), [['unchanged', 'listPets', moved]]);
  assert.deepEqual(written(unchanged), []);
  const changed = plan({ generated: generated([LIST_V2]), existing });
  assert.deepEqual(kinds(changed), [['changed', 'listPets', moved]]);
  assert.deepEqual(written(changed), [moved]);
});

test('a request whose operation left the document is reported removed and never written', () => {
  const existing: ExistingRequest[] = [
    { file: GET_V1.file, value: structuredClone(GET_V1.value) },
    { file: LIST_V1.file, value: structuredClone(LIST_V1.value) },
  ];
  const p = plan({ generated: generated([LIST_V1]), existing, force: true });
  assert.deepEqual(kinds(p), [
    ['unchanged', 'listPets', LIST_V1.file],
    ['removed', 'getPet', GET_V1.file],
  ]);
  assert.deepEqual(written(p), []);
});

test('an operation that gained an operationId is matched by method and path', () => {
  const before = requestValue('GET /pets/{petId}', 'GET', '{{baseUrl}}/pets/{{petId}}');
  const existing: ExistingRequest[] = [{ file: 'pets/pets/Old.request.yaml', value: before }];
  const p = plan({ generated: generated([GET_V1]), existing });
  assert.equal(p.requests.length, 1);
  assert.equal(p.requests[0]!.kind, 'changed');
  assert.equal(p.requests[0]!.file, 'pets/pets/Old.request.yaml');
  assert.equal(p.requests[0]!.byMethodAndPath, true);
});

test('a renamed operationId is matched by the request’s method and URL, parameter names aside', () => {
  const before = requestValue('fetchPet', 'GET', '{{apiBaseUrl}}/pets/{{id}}?verbose=true');
  const existing: ExistingRequest[] = [{ file: 'pets/pets/Fetch.request.yaml', value: edited(before) }];
  const p = plan({ generated: generated([GET_V1]), existing });
  assert.deepEqual(kinds(p), [['edited-kept', 'getPet', 'pets/pets/Fetch.request.yaml']]);
  assert.equal(p.requests[0]!.byMethodAndPath, true);
  // Another method on the same path is another operation.
  const post = requestValue('fetchPet', 'POST', '{{apiBaseUrl}}/pets/{{id}}');
  const other = plan({
    generated: generated([GET_V1]),
    existing: [{ file: 'pets/pets/Post.request.yaml', value: post }],
  });
  assert.deepEqual(kinds(other), [
    ['added', 'getPet', GET_V1.file],
    ['removed', 'fetchPet', 'pets/pets/Post.request.yaml'],
  ]);
});

test('the operation a request records wins over method and path', () => {
  // listPets moved to another path; a leftover request at GET /pets records another operation.
  const moved = generatedRequest('listPets', 'GET', '/animals', 'pets/pets/List pets.request.yaml');
  const existing: ExistingRequest[] = [
    { file: 'pets/a/Old list.request.yaml', value: requestValue('oldList', 'GET', '{{baseUrl}}/animals') },
    { file: 'pets/b/List.request.yaml', value: structuredClone(LIST_V1.value) },
  ];
  const p = plan({ generated: generated([moved]), existing });
  assert.deepEqual(kinds(p), [
    ['changed', 'listPets', 'pets/b/List.request.yaml'],
    ['removed', 'oldList', 'pets/a/Old list.request.yaml'],
  ]);
});

test('two requests recording one operation: the first by path is synced, the other is a duplicate', () => {
  const existing: ExistingRequest[] = [
    { file: 'pets/z/Copy.request.yaml', value: structuredClone(LIST_V1.value) },
    { file: 'pets/a/List.request.yaml', value: structuredClone(LIST_V1.value) },
  ];
  const p = plan({ generated: generated([LIST_V2]), existing });
  assert.deepEqual(kinds(p), [
    ['changed', 'listPets', 'pets/a/List.request.yaml'],
    ['duplicate', 'listPets', 'pets/z/Copy.request.yaml'],
  ]);
  assert.deepEqual(written(p), ['pets/a/List.request.yaml']);
});

test('a new request whose path is taken by a file that covers nothing gets a free name beside it', () => {
  const taken = new Set([LIST_V1.file, 'pets/pets/List pets 2.request.yaml']);
  const p = plan({ generated: generated([LIST_V1]), occupied: (f) => taken.has(f) });
  assert.deepEqual(kinds(p), [['added', 'listPets', 'pets/pets/List pets 3.request.yaml']]);
  assert.deepEqual(written(p), ['pets/pets/List pets 3.request.yaml']);
  assert.equal(p.warnings[0]?.code, 'W_IMPORT_RENAMED');
  assert.deepEqual([...p.replaces], []);
});

test('other generated files: written when absent, replaced only when mvpm wrote what is there, or with force', () => {
  const files = {
    'pets/.resources/definition.yaml': 'new definition',
    'environments/pets.environment.yaml': 'new environment',
    'schemas/pets/Pet.schema.json': 'new schema',
    'schemas/pets/Error.schema.json': 'same schema',
  };
  const present = new Map([
    ['environments/pets.environment.yaml', sha256('environment as mvpm wrote it')],
    ['schemas/pets/Pet.schema.json', sha256('schema edited by hand')],
    ['schemas/pets/Error.schema.json', sha256('same schema')],
  ]);
  const owned = new Map([
    ['environments/pets.environment.yaml', sha256('environment as mvpm wrote it')],
    ['schemas/pets/Pet.schema.json', sha256('schema as mvpm wrote it')],
  ]);
  const p = plan({ generated: generated([], files), present, owned });
  assert.deepEqual(
    p.files.map((f) => [f.kind, f.file]),
    [
      ['added', 'pets/.resources/definition.yaml'],
      ['changed', 'environments/pets.environment.yaml'],
      ['kept', 'schemas/pets/Pet.schema.json'],
      ['unchanged', 'schemas/pets/Error.schema.json'],
    ],
  );
  assert.deepEqual(written(p), ['pets/.resources/definition.yaml', 'environments/pets.environment.yaml']);
  assert.deepEqual([...p.replaces], ['environments/pets.environment.yaml']);
  const forced = plan({ generated: generated([], files), present, owned, force: true });
  assert.equal(forced.files[2]!.kind, 'forced');
  assert.deepEqual([...forced.replaces], ['environments/pets.environment.yaml', 'schemas/pets/Pet.schema.json']);
});

test('an existing request’s method and path: from the operation it records, else its method and URL', () => {
  const cases: [unknown, string | undefined][] = [
    [{ openapi: { operation: 'GET /pets/{id}' }, method: 'POST', url: '{{x}}/other' }, 'GET /pets/{}'],
    [{ openapi: { operation: 'getPet' }, method: 'get', url: '{{baseUrl}}/pets/{{petId}}?a=1' }, 'GET /pets/{}'],
    [{ openapi: { operation: 'x' }, method: 'GET', url: 'https://api.example.com/v1/pets#top' }, 'GET /v1/pets'],
    [{ openapi: { operation: 'x' }, method: 'GET', url: '{{baseUrl}}' }, 'GET /'],
    [{ openapi: { operation: 'x' }, method: 'GET', url: '/relative' }, undefined],
    [{ openapi: { operation: 'x' }, url: '{{baseUrl}}/pets' }, undefined],
    ['not a mapping', undefined],
  ];
  for (const [value, expected] of cases) assert.equal(existingMethodAndPath(value), expected, JSON.stringify(value));
});

test('a definition mvpm did not write that differs only in what people curate is `curated`, not `kept`', () => {
  const collection = 'pets/.resources/definition.yaml';
  const folder = 'pets/pets/.resources/definition.yaml';
  const schema = 'schemas/pets/Pet.schema.json';
  const openapi = { source: '../../openapi/pets.yaml', baseUrlVariable: 'apiBaseUrl' };
  const auth = { type: 'oauth2', credentials: { accessToken: '{{access_token}}' } };
  const files = {
    [collection]: JSON.stringify({ $kind: 'mvpm-collection', name: 'Pets', description: 'generated', openapi, auth }),
    [folder]: JSON.stringify({ $kind: 'mvpm-folder', order: 1 }),
    [schema]: JSON.stringify({ type: 'object' }),
  };
  // As a fresh clone sees them: nothing in mvpm's record, every file other than what the import generates.
  const present = new Map(Object.keys(files).map((file) => [file, sha256(`hand-written ${file}`)]));
  const curatedCollection = {
    $kind: 'mvpm-collection',
    name: 'Pets API',
    description: 'by hand',
    openapi,
    runtimeVariables: {},
    auth,
  };
  const curatedFolder = { $kind: 'mvpm-folder', order: 4, description: 'by hand', targets: ['standin'] };
  const definitions = new Map<string, unknown>([
    [collection, curatedCollection],
    [folder, curatedFolder],
    [schema, { type: 'object' }],
  ]);
  const kindsOf = (p: ReturnType<typeof plan>) => p.files.map((f) => [f.kind, f.file]);
  const quiet = plan({ generated: generated([], files), present, definitions });
  assert.deepEqual(kindsOf(quiet), [
    ['curated', collection],
    ['curated', folder],
    // Only definitions: a schema file is the requests' contract, any difference is worth a line.
    ['kept', schema],
  ]);
  assert.deepEqual(written(quiet), []);

  // A difference in what the import writes and runs on (the recorded option, the auth) is still reported.
  const substance = (changes: Record<string, unknown>) =>
    plan({
      generated: generated([], files),
      present,
      definitions: new Map([[collection, { ...curatedCollection, ...changes }]]),
    }).files[0]!.kind;
  assert.equal(substance({ openapi: { source: openapi.source } }), 'kept');
  assert.equal(substance({ auth: { ...auth, credentials: { accessToken: '{{token}}' } } }), 'kept');
  assert.equal(substance({ $kind: 'mvpm-folder' }), 'kept');
  assert.equal(substance({ name: 'Another name', order: 9, scripts: [] }), 'curated');

  // --force replaces them, as any file mvpm did not write; a file mvpm wrote and nobody changed is simply replaced.
  const forced = plan({ generated: generated([], files), present, definitions, force: true });
  assert.deepEqual(
    forced.files.map((f) => f.kind),
    ['forced', 'forced', 'forced'],
  );
  const owned = new Map([[folder, present.get(folder)!]]);
  assert.equal(plan({ generated: generated([], files), present, definitions, owned }).files[1]!.kind, 'changed');
});
