import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { buildProject } from '../../src/emit/build-project.ts';
import { minimalProject, PROJECT_ROOT, readTree, runCli, tempProject } from '../support/helpers.ts';

async function committedDocs(): Promise<Record<string, string>> {
  const build = await buildProject({ cwd: PROJECT_ROOT, parseWorkers: 0 });
  assert.deepEqual(build.errors, []);
  return Object.fromEntries(build.docs.map((d) => [d.path, d.content]));
}

describe('generated docs for the committed specs', () => {
  test(
    'one page per top-level folder, an index and the ' + 'onboarding guide, identical to the committed pages',
    async () => {
      const docs = await committedDocs();
      // A page per top-level folder of specs/mediavalet (its API folders come from the OpenAPI import).
      const folders = readdirSync(path.join(PROJECT_ROOT, 'specs/mediavalet'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name !== '.resources')
        .map((entry) => `docs/generated/mediavalet/${entry.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.md`);
      assert.ok(folders.length >= 4, folders.join(', '));
      assert.deepEqual(
        Object.keys(docs).sort(),
        [
          'docs/generated/README.md',
          'docs/generated/mediavalet.md',
          ...folders,
          'docs/generated/onboarding-guide.md',
          'docs/generated/standin-sign-in.md',
        ].sort(),
      );
      const committed = readTree(path.join(PROJECT_ROOT, 'docs/generated'));
      assert.deepEqual(
        Object.fromEntries(Object.entries(docs).map(([p, c]) => [p.slice('docs/generated/'.length), c])),
        committed,
      );
    },
  );

  test('request pages state purpose, method, URL, fields, expectations and captures in plain words', async () => {
    const docs = await committedDocs();
    const refresh = docs['docs/generated/mediavalet/refresh-chain.md'] ?? '';
    for (const fact of [
      '## Refresh access token',
      '## Refresh again with the rotated token',
      '`POST` `{{tokenUrl}}`',
      '| `client_secret` | `{{ClientSecret}}` |',
      '| `grant_type` | `refresh_token` |',
      '- status is 200',
      '- `$.token_type` equals "Bearer"',
      '- `$.refresh_token` does not equal "{{refresh_token}}"',
      '- `refresh_token` ← `$.refresh_token`',
    ])
      assert.ok(refresh.includes(fact), `refresh-chain.md lacks ${fact}`);
    const api = docs['docs/generated/mediavalet/api.md'] ?? '';
    for (const fact of [
      '## Get current user',
      '`GET` `{{apiBaseUrl}}/users/current`',
      '## List categories',
      '## Search assets',
      '- body matches users-current.schema.json',
    ])
      assert.ok(api.includes(fact), `api.md lacks ${fact}`);
    assert.match(docs['docs/generated/mediavalet/sign-in.md'] ?? '', /## Exchange authorization code for tokens/);
  });

  test('the onboarding guide names our files, the Guide Variables keys and the stand-in pitfalls', async () => {
    const guide = (await committedDocs())['docs/generated/onboarding-guide.md'] ?? '';
    for (const fact of [
      '](../../collections/mediavalet.postman_collection.json)',
      '](../../environments/guide-variables.postman_environment.json)',
      '](../../environments/local-standin.postman_environment.json)',
      '**MediaValet - Guide Variables**',
      '**MediaValet - Local Stand-in**',
      '`ClientId`',
      '`ClientSecret`',
      '`Scope`',
      '`State`',
      '`redirect_URI`',
      '`SubscriptionKey`',
      '**Get New Access Token**',
      '**Refresh chain / Refresh access token**',
      '`npx mvpm serve`',
      '`demo` / `demo`',
      'https://oauth.pstmn.io/v1/callback',
      '## Trying it against the local stand-in',
    ])
      assert.ok(guide.includes(fact), `onboarding-guide.md lacks ${fact}`);
  });
});

describe('generated docs: secrets and drift', () => {
  test('literal values of secret-named fields are masked; {{variables}} are shown', async () => {
    const project = tempProject(
      minimalProject({
        'specs/demo/Login.request.yaml': [
          '$kind: mvpm-request',
          'method: POST',
          'url: "{{baseUrl}}/login"',
          'headers:',
          '  Authorization: Basic dXNlcjpodW50ZXIy',
          'body:',
          '  type: urlencoded',
          '  content:',
          '    username: alice',
          '    password: hunter2',
          '    client_secret: "{{ClientSecret}}"',
          'expect:',
          '  status: [200, 201]',
          '',
        ].join('\n'),
        'specs/environments/one.environment.yaml':
          '$kind: mvpm-environment\nname: One\nvariables:\n  baseUrl: { value: "http://127.0.0.1:1" }\n' +
          '  ClientSecret: { secret: true, sendTo: [baseUrl] }\n',
        'specs/environments/two.environment.yaml':
          '$kind: mvpm-environment\nname: Two\nvariables:\n  baseUrl: { value: "http://127.0.0.1:2" }\n' +
          '  ClientSecret: { secret: true, sendTo: [baseUrl] }\n',
      }),
    );
    try {
      const build = await runCli(['docs'], project.dir);
      assert.equal(build.code, 0, build.stderr);
      const page = readFileSync(path.join(project.dir, 'docs/generated/demo.md'), 'utf8');
      assert.ok(!page.includes('hunter2') && !page.includes('dXNlcjpodW50ZXIy'), page);
      assert.ok(page.includes('| `password` | `•••••` |'));
      assert.ok(page.includes('| `Authorization` | `•••••` |'));
      assert.ok(page.includes('| `client_secret` | `{{ClientSecret}}` |'));
      assert.ok(page.includes('| `username` | `alice` |'));
      assert.ok(page.includes('- status is 200 or 201'));
      // `mvpm docs` writes only the docs.
      assert.deepEqual(Object.keys(readTree(path.join(project.dir, 'collections'))), []);
    } finally {
      project.cleanup();
    }
  });

  test('build --check fails on a hand-edited or orphaned page; build repairs both', async () => {
    const project = tempProject(
      minimalProject({
        'specs/old/.resources/definition.yaml': '$kind: mvpm-collection\nname: Old\n',
        'specs/old/Ping.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\n',
      }),
    );
    try {
      assert.equal((await runCli(['build'], project.dir)).code, 0);
      assert.deepEqual(Object.keys(readTree(path.join(project.dir, 'docs/generated'))), [
        'README.md',
        'demo.md',
        'old.md',
      ]);
      // The collection whose page mvpm wrote goes away: old.md becomes an orphan that build may remove.
      rmSync(path.join(project.dir, 'specs/old'), { recursive: true });
      rmSync(path.join(project.dir, 'collections/old.postman_collection.json'));
      const page = path.join(project.dir, 'docs/generated/demo.md');
      writeFileSync(page, readFileSync(page, 'utf8').replace('status is 200', 'status is 204'));
      const before = readTree(project.dir);
      const check = await runCli(['build', '--check'], project.dir);
      assert.equal(check.code, 1);
      assert.match(check.stderr, /^stale: docs\/generated\/demo.md \(differs from a fresh build\)$/m);
      assert.match(check.stderr, /^stale: docs\/generated\/old.md \(no spec produces it any more\)$/m);
      assert.deepEqual(readTree(project.dir), before, '--check must not touch any file');
      const docsCheck = await runCli(['docs', '--check'], project.dir);
      assert.equal(docsCheck.code, 1);
      assert.match(docsCheck.stderr, /stale: docs\/generated\/demo.md/);
      const rebuild = await runCli(['build'], project.dir);
      assert.match(rebuild.stdout, /removed docs\/generated\/old.md/);
      assert.equal((await runCli(['build', '--check'], project.dir)).code, 0);
      assert.equal((await runCli(['docs', '--check'], project.dir)).code, 0);
    } finally {
      project.cleanup();
    }
  });
});
