import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { minimalProject, PROJECT_ROOT, readTree, runCli, tempProject } from '../support/helpers.ts';

describe('mvpm build', () => {
  test('writes a collection and the environments, then --check passes', async () => {
    const project = tempProject(minimalProject());
    try {
      const build = await runCli(['build'], project.dir);
      assert.equal(build.code, 0, build.stderr);
      assert.deepEqual(Object.keys(readTree(path.join(project.dir, 'collections'))), ['demo.postman_collection.json']);
      assert.deepEqual(Object.keys(readTree(path.join(project.dir, 'environments'))), [
        'one.postman_environment.json',
        'two.postman_environment.json',
      ]);
      const check = await runCli(['build', '--check'], project.dir);
      assert.equal(check.code, 0, check.stderr);
      assert.match(check.stdout, /up to date: 7 generated files and [0-9]+ generated pages match the specs/);
    } finally {
      project.cleanup();
    }
  });

  test('--check exits 1 naming a hand-edited, a missing and an orphaned file, and writes nothing', async () => {
    const project = tempProject(
      minimalProject({
        'specs/environments/old.environment.yaml':
          '$kind: mvpm-environment\nname: Old\nvariables:\n  baseUrl: { value: "http://127.0.0.1:3" }\n',
      }),
    );
    try {
      assert.equal((await runCli(['build'], project.dir)).code, 0);
      // mvpm wrote old.postman_environment.json; its spec goes away, which makes the file an orphan mvpm may remove.
      rmSync(path.join(project.dir, 'specs/environments/old.environment.yaml'));
      const collection = path.join(project.dir, 'collections/demo.postman_collection.json');
      writeFileSync(collection, readFileSync(collection, 'utf8').replace('"Demo"', '"Demo (edited by hand)"'));
      rmSync(path.join(project.dir, 'environments/two.postman_environment.json'));
      const before = readTree(project.dir);
      const check = await runCli(['build', '--check'], project.dir);
      assert.equal(check.code, 1);
      assert.equal(
        check.stderr,
        [
          'stale: collections/demo.postman_collection.json (differs from a fresh build)',
          'stale: environments/two.postman_environment.json (not generated yet)',
          'stale: docs/generated/README.md (differs from a fresh build)',
          'stale: environments/old.postman_environment.json (no spec produces it any more)',
          'stale: postman/environments/old.environment.yaml (no spec produces it any more)',
          'mvpm build --check: 5 generated files are out of date; run `mvpm build` and commit the result.',
          '',
        ].join('\n'),
      );
      assert.deepEqual(readTree(project.dir), before, '--check must not touch any file');
      const rebuild = await runCli(['build'], project.dir);
      assert.equal(rebuild.code, 0);
      assert.match(rebuild.stdout, /removed environments\/old.postman_environment.json/);
      assert.equal((await runCli(['build', '--check'], project.dir)).code, 0);
    } finally {
      project.cleanup();
    }
  });

  test('invalid specs exit 2 and leave existing outputs untouched', async () => {
    const project = tempProject(minimalProject());
    try {
      assert.equal((await runCli(['build'], project.dir)).code, 0);
      const before = readTree(path.join(project.dir, 'collections'));
      writeFileSync(
        path.join(project.dir, 'specs/demo/Ping.request.yaml'),
        '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/changed"\nexpcet: {}\n',
      );
      const build = await runCli(['build'], project.dir);
      assert.equal(build.code, 2);
      assert.match(build.stderr, /error\[E_UNKNOWN_KEY\]: unknown key `expcet`/);
      assert.match(build.stderr, /--> specs\/demo\/Ping.request.yaml:4:1/);
      assert.match(build.stderr, /mvpm build: 1 error; nothing was written\./);
      assert.deepEqual(readTree(path.join(project.dir, 'collections')), before);
    } finally {
      project.cleanup();
    }
  });

  test('leaves no temporary files behind', async () => {
    const project = tempProject(minimalProject());
    try {
      assert.equal((await runCli(['build'], project.dir)).code, 0);
      assert.deepEqual(readdirSync(path.join(project.dir, 'collections')), ['demo.postman_collection.json']);
    } finally {
      project.cleanup();
    }
  });

  test('two builds, from different directories, are byte-identical', async () => {
    const a = tempProject({});
    const b = tempProject({});
    try {
      for (const dir of [a.dir, b.dir])
        cpSync(path.join(PROJECT_ROOT, 'specs'), path.join(dir, 'specs'), { recursive: true });
      assert.equal((await runCli(['build'], a.dir)).code, 0);
      assert.equal(
        (
          await runCli(
            ['build', '--specs', path.join(b.dir, 'specs'), '--collections', 'out/c', '--environments', 'out/e'],
            path.join(b.dir),
          )
        ).code,
        0,
      );
      const first = { ...readTree(path.join(a.dir, 'collections')), ...readTree(path.join(a.dir, 'environments')) };
      const second = { ...readTree(path.join(b.dir, 'out/c')), ...readTree(path.join(b.dir, 'out/e')) };
      assert.deepEqual(second, first);
      // And identical to the committed files: the committed outputs are what the specs produce.
      assert.deepEqual(first, {
        ...readTree(path.join(PROJECT_ROOT, 'collections')),
        ...readTree(path.join(PROJECT_ROOT, 'environments')),
      });
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });
});

describe('mvpm CLI', () => {
  test('unknown command exits 2 with a stable code', async () => {
    const result = await runCli(['bulid'], PROJECT_ROOT);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^mvpm: error\[E_UNKNOWN_COMMAND\]: unknown command 'bulid'/);
  });

  test('unknown option exits 2', async () => {
    const result = await runCli(['build', '--chek'], PROJECT_ROOT);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /error\[E_USAGE\]: Unknown option '--chek'/);
  });

  test('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await runCli(['--version'], PROJECT_ROOT);
    assert.deepEqual([result.code, result.stdout], [0, `${pkg.version}\n`]);
  });
});
