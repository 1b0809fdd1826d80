// The stand-in's sign-in collection, migrated to the v3 format by the Postman CLI itself, passes under the CLI's v3
// runner: the stand-in's cookies carry Max-Age, which that runner needs to keep a cookie past the first request it
// matches (docs/postman-cli.md, "Known defects of the Postman CLI's v3 runner").
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startStandin } from '../../src/standin/index.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';
import { runPostman } from '../support/postman-cli.ts';

test('the v3 migration of the stand-in sign-in collection passes under the Postman CLI', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mvpm-sign-in-v3-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const v3 = path.join(dir, 'standin-sign-in');
  const migrated = await runPostman([
    'collection',
    'migrate',
    path.join(PROJECT_ROOT, 'collections/standin-sign-in.postman_collection.json'),
    '-o',
    v3,
  ]);
  assert.equal(migrated.code, 0, migrated.stdout + migrated.stderr);
  assert.ok(
    readdirSync(v3).some((name) => name.endsWith('.request.yaml')),
    'migrate wrote v3 request files',
  );

  const standin = await startStandin({ port: 0 });
  t.after(() => standin.close());
  const base = standin.url.replace(/\/$/, '');
  const result = await runPostman([
    'collection',
    'run',
    v3,
    '-e',
    path.join(PROJECT_ROOT, 'environments/local-standin.postman_environment.json'),
    ...['authBaseUrl', 'apiBaseUrl'].flatMap((key) => ['--env-var', `${key}=${base}`]),
    '--no-report-events',
  ]);
  const row = /\|\s*assertions\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|/.exec(result.stdout);
  assert.ok(row, result.stdout);
  assert.equal(Number(row[2]), 0, result.stdout);
  assert.ok(Number(row[1]) >= 17, result.stdout);
  assert.match(result.stdout, /capture code from header Location/);
  assert.equal(result.code, 0, result.stdout);
});
