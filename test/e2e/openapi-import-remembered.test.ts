// What `mvpm import <openapi document>` remembers between runs, end to end in a temporary project: the base URL
// variable recorded in the collection definition (used by a re-import and --check without the option; a different
// option wins, is recorded, or stops the import when the definition is hand-edited), and a fresh clone's report,
// where mvpm's per-user record of written files is empty and hand-curated definitions are one summary clause.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { readTree, PROJECT_ROOT, runCli, tempProject } from '../support/helpers.js';

const cleanups: (() => void)[] = [];
after(() => {
  for (const cleanup of cleanups) cleanup();
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
`;

/** V1 with listPets answering 202, and createPet new. */
const V2 = V1.replace('"200": { description: ok }', '"202": { description: accepted }').concat(`    post:
      operationId: createPet
      summary: Create a pet
      tags: [pets]
      responses:
        "201": { description: created }
`);

function project(): string {
  const { dir, cleanup } = tempProject({ 'openapi/pets.yaml': V1 });
  cleanups.push(cleanup);
  return dir;
}

/** An empty per-user state directory: what a fresh clone (or another machine) has. */
function freshState(): Record<string, string> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'mvpm-fresh-state-'));
  cleanups.push(() => rmSync(home, { recursive: true, force: true }));
  return { XDG_STATE_HOME: home };
}

const importDoc = (dir: string, extra: string[] = [], env: Record<string, string> = {}) =>
  runCli(['import', 'openapi/pets.yaml', ...extra], dir, env);

const DEFINITION = 'specs/pets/.resources/definition.yaml';

const readYaml = (dir: string, file: string) =>
  parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;

/** The collection definition's `openapi.baseUrlVariable`. */
const recordedVariable = (dir: string): unknown =>
  (readYaml(dir, DEFINITION)['openapi'] as Record<string, unknown>)['baseUrlVariable'];

/** The URL of every request under specs/, by the operation it records. */
function urls(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, text] of Object.entries(readTree(path.join(dir, 'specs'))))
    if (file.endsWith('.request.yaml')) {
      const value = parse(text) as { url: string; openapi: { operation: string } };
      out[value.openapi.operation] = value.url;
    }
  return out;
}

/** Rewrites a YAML file by hand: `change` edits its parsed value. */
function editYaml(dir: string, file: string, change: (value: Record<string, unknown>) => void): void {
  const value = readYaml(dir, file);
  change(value);
  writeFileSync(path.join(dir, file), stringify(value));
}

test('the base URL variable is recorded; a re-import and --check without the option keep it', async () => {
  const plain = project();
  assert.equal((await importDoc(plain)).code, 0);
  assert.deepEqual(
    readYaml(plain, DEFINITION)['openapi'],
    { source: '../../../openapi/pets.yaml' },
    'default recorded',
  );

  const dir = project();
  const first = await importDoc(dir, ['--base-url-variable', 'petsUrl']);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(recordedVariable(dir), 'petsUrl');
  assert.deepEqual(urls(dir), { listPets: '{{petsUrl}}/pets' });

  const check = await importDoc(dir, ['--check']);
  assert.equal(check.code, 0, check.stdout + check.stderr);
  assert.doesNotMatch(check.stdout, /^note/m);

  writeFileSync(path.join(dir, 'openapi/pets.yaml'), V2);
  const again = await importDoc(dir);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /1 added, 1 changed, 0 edited and kept/);
  assert.deepEqual(urls(dir), { listPets: '{{petsUrl}}/pets', createPet: '{{petsUrl}}/pets' });
  assert.equal(recordedVariable(dir), 'petsUrl');
  const after = await importDoc(dir, ['--check']);
  assert.equal(after.code, 0);
  assert.doesNotMatch(after.stdout, /out of date/);
});

test('an option that differs from the record wins: --check says so, an import records it or stops', async () => {
  const dir = project();
  assert.equal((await importDoc(dir, ['--base-url-variable', 'petsUrl'])).code, 0);
  const before = readTree(dir);
  const check = await importDoc(dir, ['--check', '--base-url-variable', 'other']);
  assert.equal(check.code, 0, check.stderr);
  assert.match(
    check.stdout,
    /^note {2}specs\/pets\/\.resources\/definition\.yaml: records `baseUrlVariable: petsUrl`;/m,
  );
  assert.match(check.stdout, /; compared with --base-url-variable other instead \(leave the option out/);
  assert.match(check.stdout, /^note {2}specs\/.*: out of date .* {2}GET \/pets \(listPets\)$/m);
  assert.deepEqual(readTree(dir), before, '--check wrote something');

  // The definition is as mvpm wrote it: rewritten with the new record, the requests as generated follow.
  const switched = await importDoc(dir, ['--base-url-variable', 'other']);
  assert.equal(switched.code, 0, switched.stderr);
  assert.match(switched.stdout, /^changed {2}specs\/pets\/\.resources\/definition\.yaml$/m);
  assert.equal(recordedVariable(dir), 'other');
  assert.deepEqual(urls(dir), { listPets: '{{other}}/pets' });

  // Edited by hand, the definition is not rewritten, so its record could not follow: nothing is written.
  editYaml(dir, DEFINITION, (value) => {
    value['description'] = 'Curated by hand.';
  });
  const edited = readTree(dir);
  const refused = await importDoc(dir, ['--base-url-variable', 'third']);
  assert.equal(refused.code, 2, refused.stdout);
  assert.match(
    refused.stderr,
    /error\[E_OPENAPI_RECORDED_OPTION\]: specs\/pets\/\.resources\/definition\.yaml records/,
  );
  assert.match(refused.stderr, /hint: set `baseUrlVariable: third` under `openapi:`/);
  const line = readFileSync(path.join(dir, DEFINITION), 'utf8').split('\n').indexOf('  baseUrlVariable: other') + 1;
  assert.match(refused.stderr, new RegExp(`--> specs/pets/\\.resources/definition\\.yaml:${line}:\\d+$`, 'm'));
  assert.match(refused.stderr, /nothing was written/);
  assert.deepEqual(readTree(dir), edited);
});

test('a fresh clone: definitions curated by hand are one summary clause; other differences are listed', async () => {
  const dir = project();
  assert.equal((await importDoc(dir)).code, 0);
  editYaml(dir, DEFINITION, (value) => {
    value['name'] = 'Pets, curated';
    value['description'] = 'Written by hand.';
    value['runtimeVariables'] = { code: 'Typed in by hand.' };
  });
  editYaml(dir, 'specs/pets/pets/.resources/definition.yaml', (value) => {
    value['order'] = 4;
    value['description'] = 'Written by hand.';
  });
  const environment = 'specs/environments/pets.environment.yaml';
  editYaml(dir, environment, (value) => {
    value['description'] = 'Edited by hand.';
  });
  const before = readTree(dir);
  const env = freshState();
  for (const round of [1, 2]) {
    const result = await importDoc(dir, [], env);
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /definition\.yaml/, `round ${round}: a curated definition has a line`);
    assert.match(result.stdout, /; 2 definitions curated by hand left as they are; 0 files written\.$/m);
    assert.match(
      result.stdout,
      /^edited, kept \(use --force to overwrite\) {2}specs\/environments\/pets\.environment\.yaml$/m,
    );
    assert.deepEqual(readTree(dir), before);
  }
  const forced = await importDoc(dir, ['--force'], env);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /^changed {2}specs\/pets\/\.resources\/definition\.yaml \(not as mvpm wrote it/m);
  assert.equal(readYaml(dir, DEFINITION)['runtimeVariables'], undefined);
});

test("the MediaValet specs: --check and a fresh clone's re-import need no option and report nothing", async () => {
  const { dir, cleanup } = tempProject({});
  cleanups.push(cleanup);
  cpSync(path.join(PROJECT_ROOT, 'specs'), path.join(dir, 'specs'), { recursive: true });
  const argv = ['import', 'specs/openapi/mediavalet.openapi.yaml', '--out', 'specs'];
  const check = await runCli([...argv, '--check'], dir);
  assert.equal(check.code, 0, check.stdout + check.stderr);
  assert.doesNotMatch(check.stdout, /out of date|not covered/);
  const before = readTree(dir);
  const again = await runCli(argv, dir, freshState());
  assert.equal(again.code, 0, again.stderr);
  assert.doesNotMatch(again.stdout, /^(added|changed|edited)/m);
  assert.match(
    again.stdout,
    / 0 added, 0 changed, 0 edited and kept, 0 removed, \d+ unchanged .*; 0 files written\.$/m,
  );
  assert.deepEqual(readTree(dir), before);
});
