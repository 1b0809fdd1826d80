// End to end: the whole suite against the stand-in through mvpm run, with its reports; and the proof that the chain
// is real (without the rotated-token capture the suite fails). The committed files under the plain newman CLI are
// run by newcomer-newman.test.ts.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { buildProject } from '../../src/emit/build-project.ts';
import { writeOutputs } from '../../src/emit/write-outputs.ts';
import { runSuite } from '../../src/run/run-suite.ts';
import { PROJECT_ROOT, runCli, tempProject } from '../support/helpers.ts';
import { CHAIN_FOLDERS } from '../support/standin-helpers.ts';

describe('the suite against the stand-in', () => {
  // One run of the whole collection carries the summary line and the reports: each run of all 62 operations costs
  // seconds of Newman's sandbox. The same files under plain Newman are run by newcomer-newman.test.ts (the README's
  // recipe), which also counts their assertions.
  test('mvpm run passes every assertion and ends with the summary line; its reports hold no token', async () => {
    const work = tempProject({});
    try {
      const result = await runCli(
        ['run', '--reporters', 'junit,htmlextra', '--reports-dir', path.join(work.dir, 'reports')],
        PROJECT_ROOT,
      );
      assert.equal(result.code, 0, result.stdout + result.stderr);
      const lines = result.stdout.trimEnd().split('\n');
      assert.match(lines.at(-1)!, /^[1-9]\d* passed, 0 failed$/);
      const files = readdirSync(path.join(work.dir, 'reports')).sort();
      assert.deepEqual(files, [
        'mediavalet.html',
        'mediavalet.junit.xml',
        'standin-sign-in.html',
        'standin-sign-in.junit.xml',
      ]);
      for (const file of files) {
        const text = readFileSync(path.join(work.dir, 'reports', file), 'utf8');
        // The stand-in's codes and tokens are random 43-character base64url strings: mixed case with digits
        // (report element ids are "folder-<uuid>", junit class names are words).
        const tokenLike = (text.match(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g) ?? []).filter(
          (m) => !m.startsWith('folder-') && /\d/.test(m) && /[a-z]/.test(m) && /[A-Z]/.test(m),
        );
        assert.deepEqual(tokenLike, [], file);
        assert.doesNotMatch(text, /mvpm-demo-secret/, file);
      }
    } finally {
      work.cleanup();
    }
  });

  test('without the rotated refresh-token capture the chain breaks and the suite fails', async () => {
    const work = tempProject({});
    try {
      cpSync(path.join(PROJECT_ROOT, 'specs'), path.join(work.dir, 'specs'), { recursive: true });
      const spec = path.join(work.dir, 'specs/mediavalet/Refresh chain/Refresh access token.request.yaml');
      const text = readFileSync(spec, 'utf8');
      assert.ok(text.includes('  refresh_token: { json: $.refresh_token }\n'));
      writeFileSync(spec, text.replace('  refresh_token: { json: $.refresh_token }\n', ''));
      const build = await buildProject({ cwd: work.dir });
      assert.deepEqual(build.errors, []);
      writeOutputs(build);
      // The chain's folders: the refresh chain and the API requests after it need the rotated token.
      const result = await runSuite({ cwd: work.dir, reporters: [], folders: CHAIN_FOLDERS });
      assert.equal(result.ok, false);
      assert.ok(result.failed > 0);
    } finally {
      work.cleanup();
    }
  });
});
