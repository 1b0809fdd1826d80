// The stand-in's sign-in collection (v2.1) passes under the Postman CLI: its cookies reach every step of the flow.
// (The v3 migration of it: standin-sign-in-v3.test.ts; this test covers the v2.1 collection that
// `mvpm run --runner postman` runs.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import path from 'node:path';
import { startStandin } from '../../src/standin/index.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';
import { runPostman } from '../support/postman-cli.ts';

test('the stand-in sign-in collection passes under the Postman CLI, every assertion of every step', async (t) => {
  const standin = await startStandin({ port: 0 });
  t.after(() => standin.close());
  const base = standin.url.replace(/\/$/, '');
  const result = await runPostman([
    'collection',
    'run',
    path.join(PROJECT_ROOT, 'collections/standin-sign-in.postman_collection.json'),
    '-e',
    path.join(PROJECT_ROOT, 'environments/local-standin.postman_environment.json'),
    ...['authBaseUrl', 'apiBaseUrl'].flatMap((key) => ['--env-var', `${key}=${base}`]),
    '--no-report-events',
  ]);
  assert.equal(result.code, 0, result.stdout);
  const row = /\|\s*assertions\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|/.exec(result.stdout);
  assert.ok(row, result.stdout);
  assert.ok(Number(row[1]) >= 17, result.stdout);
  assert.equal(Number(row[2]), 0, result.stdout);
  assert.match(result.stdout, /capture code from header Location/);
});
