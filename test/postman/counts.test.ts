// The committed v2.1 MediaValet collection under Newman and under the Postman CLI, against one stand-in: the same
// assertion totals, the same pass/fail and the same test names. Each runner gets its own sign-in (a code is spent
// once); the sign-in itself runs under Newman, whose exported environment both runs start from.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { startStandin } from '../../src/standin/index.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';
import { newman, runPostman, signedInEnvironment } from '../support/postman-cli.ts';
import { projectDocuments } from '../support/standin-helpers.ts';

const COLLECTION = path.join(PROJECT_ROOT, 'collections/mediavalet.postman_collection.json');

const work = mkdtempSync(path.join(os.tmpdir(), 'mvpm-counts-'));
after(() => rmSync(work, { recursive: true, force: true }));

interface Assertion {
  readonly name: string;
  readonly passed: boolean;
}

/** Every assertion of a Newman-structured JSON report, in run order. */
function assertions(reportFile: string): Assertion[] {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  return report.run.executions.flatMap((execution: { assertions?: { assertion: string; error?: unknown }[] }) =>
    (execution.assertions ?? []).map((a) => ({ name: a.assertion, passed: a.error === undefined })),
  );
}

test('Newman and the Postman CLI count, name and judge the same assertions', async (t) => {
  const standin = await startStandin({ port: 0, openApi: await projectDocuments() });
  t.after(() => standin.close());
  const base = standin.url.replace(/\/$/, '');

  const newmanReport = path.join(work, 'newman.json');
  await newman([
    COLLECTION,
    '-e',
    await signedInEnvironment(base, path.join(work, 'newman.signed-in.json')),
    '-r',
    'json',
    '--reporter-json-export',
    newmanReport,
  ]);

  const postmanReport = path.join(work, 'postman.json');
  const postmanEnv = await signedInEnvironment(base, path.join(work, 'postman.signed-in.json'));
  const result = await runPostman([
    'collection',
    'run',
    COLLECTION,
    '-e',
    postmanEnv,
    '-r',
    'json',
    '--reporter-json-structure',
    'newman',
    '--reporter-json-export',
    postmanReport,
    '--no-report-events',
  ]);
  assert.equal(result.code, 0, result.stdout);

  const underNewman = assertions(newmanReport);
  const underPostman = assertions(postmanReport);
  const count = (list: Assertion[]) => `${list.length} (${list.filter((a) => !a.passed).length} failed)`;
  t.diagnostic(`assertions: Newman ${count(underNewman)}, Postman CLI ${count(underPostman)}`);
  process.stdout.write(`\n  v2.1 assertions: Newman ${count(underNewman)} | Postman CLI ${count(underPostman)}\n`);
  assert.ok(underNewman.length > 0);
  assert.deepEqual(underPostman, underNewman);
});
