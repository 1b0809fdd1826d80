// Support staff edit the v3 files in Postman and bring the edit back with `mvpm import`: so mvpm's own v3 output,
// imported over the specs it came from, must build to exactly the same outputs (v2.1 collections, environments, v3
// files, docs), for this repository's specs and for projects with awkward names, bodies, queries, auth and form data.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { PROJECT_ROOT, readTree, runCli, tempProject } from '../support/helpers.ts';

const OUTPUTS = ['collections', 'environments', 'postman', 'docs/generated'];

const temporary: (() => void)[] = [];
after(() => {
  for (const cleanup of temporary) cleanup();
});

/** A project holding a copy of `specs` (a directory), with a state directory of its own. */
function projectFrom(specs: string): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mvpm-v3-roundtrip-'));
  const state = mkdtempSync(path.join(os.tmpdir(), 'mvpm-v3-roundtrip-state-'));
  temporary.push(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(state, { recursive: true, force: true });
  });
  cpSync(specs, path.join(dir, 'specs'), { recursive: true });
  return { dir, env: { XDG_STATE_HOME: state } };
}

function outputs(dir: string): Record<string, string> {
  return Object.fromEntries(
    OUTPUTS.flatMap((o) => Object.entries(readTree(path.join(dir, o))).map(([p, content]) => [`${o}/${p}`, content])),
  );
}

/** What a terminal shows of a path: quoted when it holds a space. */
function listed(dir: string, under: string): string[] {
  return readdirSync(path.join(dir, under))
    .sort()
    .map((name) => `${under}/${name}`);
}

/**
 * build → `mvpm import` of every postman/collections/<name> (the first of them once with each v3 environment) over
 * the specs, as a user types it → build: returns the outputs of both builds and the second build's report.
 */
async function roundTrip(dir: string, env: Record<string, string>) {
  const first = await runCli(['build', '--quiet'], dir, env);
  assert.equal(first.code, 0, first.stderr);
  const before = outputs(dir);
  const collections = listed(dir, 'postman/collections');
  const environments = listed(dir, 'postman/environments');
  assert.ok(collections.length > 0 && environments.length > 0);
  const imports = [
    ...environments.map((e) => [collections[0]!, '--environment', e]),
    ...collections.slice(1).map((c) => [c]),
  ];
  for (const args of imports) {
    const result = await runCli(['import', ...args, '--out', 'specs', '--force'], dir, env);
    assert.equal(result.code, 0, `mvpm import ${args.join(' ')}: ${result.stderr}`);
    assert.doesNotMatch(result.stderr, /dropped/, `mvpm import ${args.join(' ')} dropped something`);
  }
  const second = await runCli(['build'], dir, env);
  assert.equal(second.code, 0, second.stderr);
  return { before, after: outputs(dir), report: second.stdout };
}

function assertSameOutputs(before: Record<string, string>, after: Record<string, string>): void {
  assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort());
  for (const [file, content] of Object.entries(before)) assert.equal(after[file], content, `${file} changed`);
}

/** Names, bodies, queries, auth and form data that are easy to get wrong on the way back. */
const AWKWARD: Record<string, string> = {
  'specs/odd names/.resources/definition.yaml': [
    '$kind: mvpm-collection',
    'name: "Odd: names & «quotes» / slashes"',
    'description: "Line one.\\n\\nLine *two*, with `code` and {{baseUrl}}."',
    'variables:',
    '  page: { value: "2", description: A page number }',
    'auth:',
    '  type: bearer',
    '  credentials:',
    '    token: "{{access_token}}"',
    '',
  ].join('\n'),
  'specs/odd names/Ünïcode & spaces.request.yaml': [
    '$kind: mvpm-request',
    'method: POST',
    'url: "{{baseUrl}}/search/a%20b"',
    'query:',
    '  q: "x=1&y=2 #not a fragment"',
    '  page: "{{page}}"',
    '  empty: ""',
    'headers:',
    '  X-Trace: "{{$guid}}"',
    '  Accept: application/json; charset=utf-8',
    'body:',
    '  type: json',
    '  content: { "a": [1, "two", { "b": null }], "c": "line\\nbreak" }',
    'expect:',
    '  status: [200, 201]',
    '  body:',
    '    $.items: { type: array }',
    'capture:',
    '  last_id: { json: "$.items[0].id" }',
    '',
  ].join('\n'),
  'specs/odd names/Folder. with dot/.resources/definition.yaml':
    '$kind: mvpm-folder\ndescription: A folder whose name ends with a dot\n',
  'specs/odd names/Folder. with dot/Form.request.yaml': [
    '$kind: mvpm-request',
    'method: POST',
    'url: "{{baseUrl}}/form"',
    'auth:',
    '  type: basic',
    '  credentials:',
    '    username: "{{user}}"',
    '    password: "{{password}}"',
    'body:',
    '  type: urlencoded',
    '  content:',
    '    grant type: "a b"',
    '    "x&y": "1=2"',
    'settings:',
    '  followRedirects: false',
    '',
  ].join('\n'),
  'specs/odd names/Folder. with dot/No auth.request.yaml': [
    '$kind: mvpm-request',
    'method: DELETE',
    'url: "{{baseUrl}}/item/{{page}}?keep=1"',
    'auth: { type: noauth }',
    'body: { type: raw, language: text, content: "plain\\ntext" }',
    '',
  ].join('\n'),
  'specs/environments/odd env.environment.yaml': [
    '$kind: mvpm-environment',
    'name: Odd «env»',
    'description: Only in the spec.',
    'variables:',
    '  baseUrl: { value: "http://127.0.0.1:9", description: Where it goes }',
    '  access_token: { secret: true, sendTo: [baseUrl] }',
    '  user: { value: demo }',
    '  password: { secret: true, sendTo: [baseUrl] }',
    '',
  ].join('\n'),
};

describe('build → import of mvpm’s own v3 output → build', () => {
  test('this repository’s specs: every output byte-identical, and the specs kept', async () => {
    const { dir, env } = projectFrom(path.join(PROJECT_ROOT, 'specs'));
    const specsBefore = readTree(path.join(dir, 'specs'));
    const { before, after, report } = await roundTrip(dir, env);
    assertSameOutputs(before, after);
    assert.match(report, /built: 0 written/);
    // What only the specs say (targets, roles, an environment's description, target, secrets and overrides,
    // descriptions, public demo values, the stand-in checks' raw script) is still there.
    const specsAfter = readTree(path.join(dir, 'specs'));
    for (const file of [
      'environments/guide-variables.environment.yaml',
      'environments/local-standin.environment.yaml',
      'mediavalet/Stand-in checks/.resources/definition.yaml',
      'standin-sign-in/.resources/definition.yaml',
      'schemas/users-current.schema.json',
    ]) {
      assert.equal(specsAfter[file], specsBefore[file], `specs/${file} changed`);
    }
  });

  for (const name of ['all-constructs', 'two-targets']) {
    test(`golden build project ${name}: every output byte-identical`, async () => {
      const { dir, env } = projectFrom(path.join(PROJECT_ROOT, 'test/golden/build', name, 'specs'));
      const { before, after } = await roundTrip(dir, env);
      assertSameOutputs(before, after);
    });
  }

  test('awkward names, bodies, queries, auth and form data: every output byte-identical', async () => {
    const project = tempProject(AWKWARD);
    temporary.push(project.cleanup);
    const { dir, env } = projectFrom(path.join(project.dir, 'specs'));
    const { before, after } = await roundTrip(dir, env);
    assertSameOutputs(before, after);
  });
});

const REQUEST = 'mediavalet/API/Get current user.request.yaml';
const FOLDER = 'mediavalet/Stand-in checks/.resources/definition.yaml';

/** The command in E_V3_EDITED's hint, as shell words (single quotes as a shell reads them). */
function hintedCommand(stderr: string): string[] {
  const command = /= hint: bring the edit into the specs with `(mvpm import [^`]+)`/.exec(stderr)?.[1];
  assert.ok(command, stderr);
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** A built copy of this repository's specs, and a v3 file edited in it as Postman would save the edit. */
async function editedInPostman(file: string, edit: (text: string) => string) {
  const { dir, env } = projectFrom(path.join(PROJECT_ROOT, 'specs'));
  assert.equal((await runCli(['build', '--quiet'], dir, env)).code, 0);
  const built = outputs(dir);
  const v3 = path.join(dir, 'postman/collections', file);
  const edited = edit(readFileSync(v3, 'utf8'));
  assert.notEqual(edited, readFileSync(v3, 'utf8'), 'the edit changed nothing');
  writeFileSync(v3, edited);
  const refused = await runCli(['build'], dir, env);
  return { dir, env, refused, edited, built };
}

describe('the support-staff workflow: a v3 file edited in Postman', () => {
  test('build refuses naming the file and the import; that import, as printed, brings the edit in', async () => {
    const { dir, env, refused, built } = await editedInPostman(REQUEST, (text) =>
      text
        .replace('url: "{{apiBaseUrl}}/users/current"', 'url: "{{apiBaseUrl}}/users/current?fields=all"')
        .replace('value: application/json', 'value: application/vnd.mediavalet+json'),
    );
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /error\[E_V3_EDITED\]: postman\/collections\/mediavalet\/API\/Get current user\./);
    // Nothing written: the build is refused as a whole.
    const before = readTree(dir);
    assert.deepEqual(readTree(dir), before);
    const specsBefore = readTree(path.join(dir, 'specs'));
    const [mvpm, ...args] = hintedCommand(refused.stderr);
    assert.equal(mvpm, 'mvpm');
    assert.deepEqual(args, ['import', 'postman/collections/mediavalet', '--out', 'specs', '--force']);
    const imported = await runCli(args, dir, env);
    assert.equal(imported.code, 0, imported.stderr);
    assert.doesNotMatch(imported.stderr, /dropped/);
    // The edited request's spec holds the edit; what only the specs say is still there.
    const specsAfter = readTree(path.join(dir, 'specs'));
    assert.match(specsAfter[REQUEST]!, /users\/current\?fields=all|fields: all/);
    assert.match(specsAfter[REQUEST]!, /Accept: application\/vnd\.mediavalet\+json/);
    for (const file of [
      'environments/guide-variables.environment.yaml',
      FOLDER,
      'mediavalet/Sign in/.resources/definition.yaml',
    ])
      assert.equal(specsAfter[file], specsBefore[file], `specs/${file} changed`);
    const rebuilt = await runCli(['build', '--quiet'], dir, env);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    const v21 = readFileSync(path.join(dir, 'collections/mediavalet.postman_collection.json'), 'utf8');
    assert.match(v21, /"raw": "\{\{apiBaseUrl\}\}\/users\/current\?fields=all"/);
    assert.match(v21, /"value": "application\/vnd\.mediavalet\+json"/);
    const v3 = readFileSync(path.join(dir, 'postman/collections', REQUEST), 'utf8');
    assert.match(v3, /url: "\{\{apiBaseUrl\}\}\/users\/current"\n/);
    assert.match(v3, /- key: fields\n {4}value: all/);
    assert.match(v3, /value: application\/vnd\.mediavalet\+json/);
    assert.equal((await runCli(['build', '--check'], dir, env)).code, 0);
    // No other output changed: the import changed nothing else the specs mean.
    const now = outputs(dir);
    assert.deepEqual(
      Object.keys(now).filter((f) => now[f] !== built[f]),
      [
        'collections/mediavalet.postman_collection.json',
        `postman/collections/${REQUEST}`,
        'docs/generated/mediavalet/api.md',
      ],
    );
  });

  test('a script added in Postman is not kept without --allow-scripts, and the import says so', async () => {
    const code = "pm.environment.set('leak', pm.response.text());";
    const { dir, env, refused } = await editedInPostman(REQUEST, (text) =>
      text.replace(
        'scripts:\n',
        `scripts:\n  - type: afterResponse\n    code: ${JSON.stringify(code)}\n    language: text/javascript\n`,
      ),
    );
    assert.equal(refused.code, 2, refused.stderr);
    const args = hintedCommand(refused.stderr).slice(1);
    const imported = await runCli(args, dir, env);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(
      imported.stderr,
      new RegExp(
        'warning\\[W_IMPORT_SCRIPT\\]: mediavalet/API/Get current user: afterResponse script \\(1 line\\) dropped; ' +
          'pass --allow-scripts',
      ),
    );
    assert.match(imported.stderr, /1 raw script dropped \(listed above\)/);
    const specs = readTree(path.join(dir, 'specs'));
    assert.ok(!Object.values(specs).some((text) => text.includes('leak')), 'the code reached the specs');
    // The build still will not overwrite the v3 file: the script is only there.
    assert.match(imported.stderr, /`mvpm build` still will not overwrite the edited v3 files/);
    const still = await runCli(['build'], dir, env);
    assert.equal(still.code, 2, still.stderr);
    assert.match(still.stderr, /E_V3_EDITED/);
    // With --allow-scripts (after review) it is kept, and listed.
    const allowed = await runCli([...args, '--allow-scripts'], dir, env);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stderr, /afterResponse script \(1 line\) kept as a raw script \(--allow-scripts\)/);
    assert.match(readFileSync(path.join(dir, 'specs', REQUEST), 'utf8'), /pm\.environment\.set\('leak'/);
    assert.equal((await runCli(['build', '--quiet'], dir, env)).code, 0);
  });

  test('a raw script of the specs edited in Postman is new code: dropped without --allow-scripts', async () => {
    const { dir, env, refused } = await editedInPostman(FOLDER, (text) =>
      text.replace('pm.execution.skipRequest();', 'pm.environment.set("x", "{{refresh_token}}");'),
    );
    assert.equal(refused.code, 2, refused.stderr);
    const imported = await runCli(hintedCommand(refused.stderr).slice(1), dir, env);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stderr, /mediavalet\/Stand-in checks: beforeRequest script \(7 lines\) dropped/);
    assert.doesNotMatch(readFileSync(path.join(dir, 'specs', FOLDER), 'utf8'), /scripts:|pm\.environment\.set/);
  });
});
