// `mvpm import <openapi document>` into a project that has its own environments for the targets the import
// generates (the real API's and `standin`): those environments are never rewritten and no second one is written; a
// W_OPENAPI_ENVIRONMENT warning lists, one YAML line per variable, what each lacks (in check mode too), and once
// those lines are pasted in, the project builds.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { parse, parseDocument } from 'yaml';
import { readTree, runCli, tempProject } from '../support/helpers.js';

const projects: (() => void)[] = [];
after(() => {
  for (const cleanup of projects) cleanup();
});

const DOCUMENT = `openapi: 3.0.3
info: { title: Pets, version: "1" }
servers: [{ url: "https://pets.example.com/v1" }]
security: [{ PetKey: [] }]
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      summary: Get a pet
      tags: [pets]
      parameters:
        - { name: petId, in: path, required: true, schema: { type: string }, example: "pet-7" }
      responses:
        "200": { description: ok }
  /owners/{ownerId}:
    get:
      operationId: getOwner
      summary: Get an owner
      tags: [owners]
      parameters:
        - { name: ownerId, in: path, required: true, schema: { type: integer }, example: 42 }
      responses:
        "200": { description: ok }
components:
  securitySchemes:
    PetKey: { type: apiKey, in: header, name: X-Pet-Key }
`;

/** The project's own environments: target `pets` (the document's title) and `standin`, written by hand. */
const REAL = `$kind: mvpm-environment
name: Pets production
target: pets
servers: [baseUrl]
variables:
  baseUrl:
    description: Production.
    value: https://pets.example.com/v1
`;
const STANDIN = `$kind: mvpm-environment
name: Pets on this machine
target: standin
standin: true
servers: [baseUrl]
variables:
  baseUrl:
    description: The stand-in.
    value: http://127.0.0.1:4010
`;
const REAL_FILE = 'specs/environments/production.environment.yaml';
const STANDIN_FILE = 'specs/environments/local.environment.yaml';

function project(): string {
  const { dir, cleanup } = tempProject({ 'openapi/pets.yaml': DOCUMENT, [REAL_FILE]: REAL, [STANDIN_FILE]: STANDIN });
  projects.push(cleanup);
  return dir;
}

const importDoc = (dir: string, ...extra: string[]) => runCli(['import', 'openapi/pets.yaml', ...extra], dir);

/** Each W_OPENAPI_ENVIRONMENT warning in `stderr`: the environment it names and the YAML lines it lists. */
function environmentWarnings(stderr: string): Map<string, string[]> {
  const warnings = new Map<string, string[]>();
  let lines: string[] | undefined;
  for (const line of stderr.split('\n')) {
    const head = /^warning\[W_OPENAPI_ENVIRONMENT\]: (\S+): /.exec(line);
    if (head) {
      lines = [];
      warnings.set(head[1]!, lines);
    } else if (line.startsWith('  ') && lines) lines.push(line.slice(2));
    else lines = undefined;
  }
  return warnings;
}

test('existing environments for the generated targets are kept; a warning lists the variables they lack', async () => {
  const dir = project();
  for (const extra of [['--check'], [], ['--force']]) {
    const result = await importDoc(dir, ...extra);
    assert.equal(result.code, extra[0] === '--check' ? 1 : 0, result.stderr);
    const warnings = environmentWarnings(result.stderr);
    assert.deepEqual([...warnings.keys()].sort(), [STANDIN_FILE, REAL_FILE].sort(), result.stderr);
    for (const [file, lines] of warnings) {
      // One line per variable the requests use and the environment lacks, in the generated order.
      assert.deepEqual(
        lines.map((line) => line.split(':')[0]),
        ['PetKey', 'petId', 'ownerId'],
        `${file}: ${lines.join('\n')}`,
      );
      assert.match(lines[1]!, /^petId: \{ description: ".*", value: "pet-7" \}$/);
      assert.match(lines[2]!, /^ownerId: \{ description: ".*", value: 42 \}$/);
    }
    assert.match(warnings.get(REAL_FILE)![0]!, /secret: true.*# and under `secrets:`, PetKey: MV_PET_KEY$/);
    assert.match(result.stderr, /has the target "pets", so the import does not write specs\/environments\/pets\./);
    assert.match(result.stderr, /has the target "standin", so the import does not write specs\/environments\/pets-/);
    // Neither rewritten (not even with --force) nor a second environment beside it.
    assert.equal(readFileSync(path.join(dir, REAL_FILE), 'utf8'), REAL);
    assert.equal(readFileSync(path.join(dir, STANDIN_FILE), 'utf8'), STANDIN);
    const environments = Object.keys(readTree(path.join(dir, 'specs/environments'))).sort();
    assert.deepEqual(environments, ['local.environment.yaml', 'production.environment.yaml']);
  }
});

test('with the listed lines pasted into each environment, the project builds', async () => {
  const dir = project();
  const result = await importDoc(dir);
  assert.equal(result.code, 0, result.stderr);
  assert.notEqual((await runCli(['build'], dir)).code, 0, 'the project built before the variables were added');
  for (const [file, lines] of environmentWarnings(result.stderr)) {
    const doc = parseDocument(readFileSync(path.join(dir, file), 'utf8'));
    for (const line of lines) {
      const [name, variable] = Object.entries(parse(line) as Record<string, unknown>)[0]!;
      doc.setIn(['variables', name], variable);
      const secret = /# and under `secrets:`, (\w+): (MV_\w+)$/.exec(line);
      if (secret) doc.setIn(['secrets', secret[1]!], secret[2]!);
    }
    writeFileSync(path.join(dir, file), doc.toString());
  }
  const build = await runCli(['build'], dir);
  assert.equal(build.code, 0, build.stderr);
  const again = await importDoc(dir, '--check');
  assert.equal(again.code, 0, again.stdout);
  assert.doesNotMatch(again.stderr, /W_OPENAPI_ENVIRONMENT/, 'a warning with nothing to add');
  assert.deepEqual(Object.keys(readTree(path.join(dir, 'specs/environments'))).sort(), [
    'local.environment.yaml',
    'production.environment.yaml',
  ]);
});
