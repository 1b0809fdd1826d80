import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT, runCli, tempProject } from '../support/helpers.ts';

test(
  'mvpm import writes specs that build to the same collection, ' + 'refuses to overwrite, and explains bad input',
  async () => {
    const work = tempProject({});
    try {
      const collection = path.join(PROJECT_ROOT, 'collections/mediavalet.postman_collection.json');
      const environment = path.join(PROJECT_ROOT, 'environments/guide-variables.postman_environment.json');
      // The committed collection has hand-written scripts (Stand-in checks): kept only because --allow-scripts says so.
      const first = await runCli(
        ['import', collection, '--environment', environment, '--out', path.join(work.dir, 'specs'), '--allow-scripts'],
        work.dir,
      );
      assert.equal(first.code, 0, first.stderr);
      assert.ok(existsSync(path.join(work.dir, 'specs/mediavalet/Refresh chain/Refresh access token.request.yaml')));
      const again = await runCli(['import', collection, '--out', path.join(work.dir, 'specs')], work.dir);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /--force/);
      assert.equal(
        (
          await runCli(
            ['import', collection, '--out', path.join(work.dir, 'specs'), '--force', '--allow-scripts'],
            work.dir,
          )
        ).code,
        0,
      );

      const broken = path.join(work.dir, 'broken.json');
      writeFileSync(broken, '{"info": {"name": "x"}');
      const bad = await runCli(['import', broken], work.dir);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /broken\.json/);
      const notCollection = path.join(work.dir, 'list.json');
      writeFileSync(notCollection, '[]');
      const wrong = await runCli(['import', notCollection], work.dir);
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, /not a Postman collection/);

      const build = await runCli(
        ['build', '--collections', 'out/c', '--environments', 'out/e', '--docs', 'out/d'],
        work.dir,
      );
      assert.equal(build.code, 0, build.stderr);
      assert.equal(
        readFileSync(path.join(work.dir, 'out/c/mediavalet.postman_collection.json'), 'utf8'),
        readFileSync(collection, 'utf8'),
      );
    } finally {
      work.cleanup();
    }
  },
);
