// `mvpm import <openapi document>` end to end, in a temporary project: the first import, importing a newer version
// of the document over it (added, changed, edited and kept, removed), --force, a moved request, --check's exit codes,
// and a bad document (exit 2, nothing written). The documents are small and written by the test; file names are
// found by the operation each request records, not assumed.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'yaml';
import { readTree, runCli, tempProject } from '../support/helpers.js';

const projects: (() => void)[] = [];
after(() => {
  for (const cleanup of projects) cleanup();
});

const V1 = `openapi: 3.0.3
info: { title: Pets, version: "1" }
servers: [{ url: "https://pets.example.com/v1" }]
paths:
  /pets:
    get:
      operationId: listPets
      summary: List pets
      tags: [pets]
      responses:
        "200": { description: ok }
  /pets/{petId}:
    get:
      operationId: getPet
      summary: Get a pet
      tags: [pets]
      parameters:
        - { name: petId, in: path, required: true, schema: { type: string } }
      responses:
        "200": { description: ok }
`;

/** V1 with a description, listPets answering 202, getPet gone, createPet new. */
const V2 = `openapi: 3.0.3
info: { title: Pets, version: "2", description: The second version }
servers: [{ url: "https://pets.example.com/v1" }]
paths:
  /pets:
    get:
      operationId: listPets
      summary: List pets
      tags: [pets]
      responses:
        "202": { description: accepted }
    post:
      operationId: createPet
      summary: Create a pet
      tags: [pets]
      responses:
        "201": { description: created }
`;

function project(doc = V1): string {
  const { dir, cleanup } = tempProject({ 'openapi/pets.yaml': doc });
  projects.push(cleanup);
  return dir;
}

const importDoc = (dir: string, ...extra: string[]) => runCli(['import', 'openapi/pets.yaml', ...extra], dir);

/** The request spec under specs/ that records `operation`: its path relative to the project, and its value. */
function requestFor(dir: string, operation: string): { file: string; value: Record<string, unknown> } | undefined {
  for (const [file, text] of Object.entries(readTree(path.join(dir, 'specs')))) {
    if (!file.endsWith('.request.yaml')) continue;
    const value = parse(text) as Record<string, unknown>;
    if ((value['openapi'] as { operation?: unknown } | undefined)?.operation === operation)
      return { file: `specs/${file}`, value };
  }
  return undefined;
}

/** Edits a request by hand: a description added, the recorded hash left as it was. */
function editByHand(dir: string, file: string): string {
  const text = `${readFileSync(path.join(dir, file), 'utf8')}description: curated by hand\n`;
  writeFileSync(path.join(dir, file), text);
  return text;
}

test('the first import writes a request per operation, recording its operation; again, nothing changes', async () => {
  const dir = project();
  const first = await importDoc(dir);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /2 operations of openapi\/pets\.yaml into specs\/\S+: 2 added, 0 changed/);
  for (const operation of ['listPets', 'getPet']) {
    const request = requestFor(dir, operation);
    assert.ok(request, `no request records ${operation}`);
    assert.match(String((request.value['openapi'] as { hash: unknown }).hash), /^sha256:[0-9a-f]{64}$/);
    assert.match(first.stdout, new RegExp(`added {4}${request.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  }
  const before = readTree(dir);
  const again = await importDoc(dir);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /0 added, 0 changed, 0 edited and kept, 0 removed, 2 unchanged; 0 files written/);
  assert.deepEqual(readTree(dir), before);
});

test('a newer document: new operations added, as generated changed, edited kept, removed reported', async () => {
  const dir = project();
  assert.equal((await importDoc(dir)).code, 0);
  const list = requestFor(dir, 'listPets')!;
  const get = requestFor(dir, 'getPet')!;
  const editedText = editByHand(dir, list.file);
  writeFileSync(path.join(dir, 'openapi/pets.yaml'), V2);

  const result = await importDoc(dir);
  assert.equal(result.code, 0, result.stderr);
  const create = requestFor(dir, 'createPet');
  assert.ok(create, 'createPet was not added');
  assert.match(result.stdout, /edited, kept \(use --force to overwrite\) {2}specs\/.*GET \/pets \(listPets\)/);
  assert.match(result.stdout, /removed {2}specs\/.*its operation is no longer in the document; delete the file/);
  assert.match(result.stdout, /1 added, 0 changed, 1 edited and kept, 1 removed, 0 unchanged/);
  assert.equal(readFileSync(path.join(dir, list.file), 'utf8'), editedText, 'the edited request was rewritten');
  assert.ok(requestFor(dir, 'getPet'), 'the removed operation’s request was deleted');
  assert.equal(requestFor(dir, 'getPet')!.file, get.file);

  // --force overwrites the edited request where it is; the removed one stays.
  const forced = await importDoc(dir, '--force');
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /changed {2}specs\/.*\(edited, overwritten: --force\)/);
  const overwritten = requestFor(dir, 'listPets')!;
  assert.equal(overwritten.file, list.file);
  assert.equal(overwritten.value['description'], undefined);
  assert.deepEqual((overwritten.value['expect'] as { status: unknown }).status, 202);
  assert.ok(requestFor(dir, 'getPet'));
});

test('the collection definition: replaced while it is what mvpm wrote, kept once edited by hand', async () => {
  for (const editDefinition of [false, true]) {
    const dir = project();
    assert.equal((await importDoc(dir)).code, 0);
    const collection = requestFor(dir, 'listPets')!.file.split('/').slice(0, 2).join('/');
    const definition = `${collection}/.resources/definition.yaml`;
    const file = path.join(dir, definition);
    if (editDefinition) writeFileSync(file, `${readFileSync(file, 'utf8')}description: curated by hand\n`);
    const before = readFileSync(file, 'utf8');
    writeFileSync(path.join(dir, 'openapi/pets.yaml'), V2);
    const result = await importDoc(dir);
    assert.equal(result.code, 0, result.stderr);
    const now = readFileSync(file, 'utf8');
    if (editDefinition) {
      assert.match(result.stdout, new RegExp(`^edited, kept \\(use --force to overwrite\\) {2}${definition}$`, 'm'));
      assert.equal(now, before);
      const forced = await importDoc(dir, '--force');
      assert.match(forced.stdout, new RegExp(`^changed {2}${definition} \\(not as mvpm wrote it`, 'm'));
      assert.match(readFileSync(file, 'utf8'), /The second version/);
    } else {
      assert.match(result.stdout, new RegExp(`^changed {2}${definition}$`, 'm'));
      assert.match(now, /The second version/);
    }
  }
});

test('a request as generated that was moved is updated where it was moved to', async () => {
  const dir = project();
  assert.equal((await importDoc(dir)).code, 0);
  const list = requestFor(dir, 'listPets')!;
  const collection = list.file.split('/').slice(0, 2).join('/');
  mkdirSync(path.join(dir, collection, 'Curated'));
  const moved = `${collection}/Curated/Pets.request.yaml`;
  renameSync(path.join(dir, list.file), path.join(dir, moved));
  writeFileSync(path.join(dir, 'openapi/pets.yaml'), V2);

  const result = await importDoc(dir);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /changed {2}specs\/\S+\/Curated\/Pets\.request\.yaml {2}GET \/pets \(listPets\)/);
  const now = requestFor(dir, 'listPets')!;
  assert.equal(now.file, moved);
  assert.deepEqual((now.value['expect'] as { status: unknown }).status, 202);
  assert.throws(() => readFileSync(path.join(dir, list.file)), /ENOENT/);
});

test('a renamed collection directory stays where it is: its definition still names the document', async () => {
  const dir = project();
  assert.equal((await importDoc(dir)).code, 0);
  const collection = requestFor(dir, 'listPets')!.file.split('/').slice(0, 2).join('/');
  renameSync(path.join(dir, collection), path.join(dir, 'specs/my-pets'));
  writeFileSync(path.join(dir, 'openapi/pets.yaml'), V2);
  const result = await importDoc(dir);
  assert.equal(result.code, 0, result.stderr);
  assert.match(requestFor(dir, 'createPet')!.file, /^specs\/my-pets\//);
  assert.match(requestFor(dir, 'listPets')!.file, /^specs\/my-pets\//);
  assert.deepEqual(
    // Environments and schema files live beside the collections; no second collection directory appears.
    Object.keys(readTree(path.join(dir, 'specs'))).filter((f) => !/^(my-pets|environments|schemas)\//.test(f)),
    [],
    result.stdout,
  );
});

test('--check exits 1 listing each operation no request covers and where it is; 0 once covered', async () => {
  const dir = project();
  assert.equal((await importDoc(dir)).code, 0);
  editByHand(dir, requestFor(dir, 'getPet')!.file);
  writeFileSync(path.join(dir, 'openapi/pets.yaml'), V2);
  const before = readTree(dir);

  const check = await importDoc(dir, '--check');
  assert.equal(check.code, 1, check.stderr);
  assert.match(check.stdout, /^not covered {2}POST \/pets \(createPet\) {2}openapi\/pets\.yaml:12:5$/m);
  assert.match(check.stdout, /^note {2}specs\/.*: out of date .* {2}GET \/pets \(listPets\)$/m);
  assert.match(check.stdout, /^note {2}specs\/.*: its operation is no longer in the document {2}\(getPet\)$/m);
  assert.match(check.stdout, /1 of 2 operations of openapi\/pets\.yaml is not covered by a request under specs/);
  assert.deepEqual(readTree(dir), before, '--check wrote something');

  assert.equal((await importDoc(dir)).code, 0);
  const covered = await importDoc(dir, '--check');
  assert.equal(covered.code, 0, covered.stdout);
  assert.match(covered.stdout, /all 2 operations of openapi\/pets\.yaml are covered by requests under specs\./);
  assert.doesNotMatch(covered.stdout, /not covered/);
});

test('a bad document: a located error, exit 2, and nothing written over the existing specs', async () => {
  const dir = project();
  assert.equal((await importDoc(dir)).code, 0);
  writeFileSync(
    path.join(dir, 'openapi/pets.yaml'),
    V2.replace('      operationId: createPet\n', '      operationId: 7\n'),
  );
  const before = readTree(dir);
  for (const extra of [[], ['--force'], ['--check']]) {
    const result = await importDoc(dir, ...extra);
    assert.equal(result.code, 2, `${extra.join(' ')}: ${result.stdout}${result.stderr}`);
    assert.match(result.stderr, /error\[E_[A-Z_]+\]/);
    assert.match(result.stderr, /openapi\/pets\.yaml:\d+:\d+/);
    if (extra[0] !== '--check') assert.match(result.stderr, /nothing was written/);
    assert.deepEqual(readTree(dir), before);
  }
});

test('options of the other kind of input are usage errors', async () => {
  const dir = project();
  const cases: [string[], RegExp][] = [
    [['import', 'openapi/pets.yaml', '--check', '--force'], /--check writes nothing/],
    [['import', 'openapi/pets.yaml', '--allow-scripts'], /--allow-scripts is for Postman collections/],
    [['import', 'openapi/pets.yaml', '--base-url-variable', '{{x}}'], /is not a variable name/],
    [['import', 'collection.json', '--check'], /--check is for OpenAPI documents/],
  ];
  writeFileSync(path.join(dir, 'collection.json'), '{"info":{"schema":"v2.1.0"},"item":[]}');
  for (const [argv, message] of cases) {
    const result = await runCli(argv, dir);
    assert.equal(result.code, 2, argv.join(' '));
    assert.match(result.stderr, message);
  }
  assert.deepEqual(Object.keys(readTree(dir)).sort(), ['collection.json', 'openapi/pets.yaml']);
});
