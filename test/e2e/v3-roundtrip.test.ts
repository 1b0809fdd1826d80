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
