// `npm run test:postman` starts here: the pinned Postman CLI is installed and is the version the lock file pins.
// Without it this file fails (it never skips), naming `npm ci --prefix tools/postman-cli`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../support/helpers.ts';
import { postmanCli, runPostman } from '../support/postman-cli.ts';

test('the Postman CLI is installed, at the version tools/postman-cli/package-lock.json pins', async () => {
  postmanCli();
  const lock = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'tools/postman-cli/package-lock.json'), 'utf8'));
  const pinned = lock.packages['node_modules/@postman/pm-bin-linux-x64'].version as string;
  const { code, stdout } = await runPostman(['--version']);
  assert.equal(code, 0);
  assert.match(stdout.trim(), /^\d+\.\d+\.\d+$/);
  // MVPM_POSTMAN_CLI may name another version on purpose; the pinned install must be the pinned version.
  if (!process.env['MVPM_POSTMAN_CLI']) assert.equal(stdout.trim(), pinned);
});
