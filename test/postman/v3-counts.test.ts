// The committed v3 MediaValet collection (postman/collections/mediavalet) under the Postman CLI's v3 runner, against
// the v2.1 collection under Newman, on one stand-in: the same assertions, in the same order, judged the same, and no
// test name holding `{{…}}` (the v3 runner resolves variables inside names, which once printed live tokens). The
// CLI writes no JSON report for v3 collections, so its assertions are read from its text output: `Pass  <name>` for
// a pass, `<n>. <name>` for a failure.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { startStandin } from '../../src/standin/index.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';
import { newman, runPostman, signedInEnvironment } from '../support/postman-cli.ts';
import { projectDocuments } from '../support/standin-helpers.ts';

const V21 = path.join(PROJECT_ROOT, 'collections/mediavalet.postman_collection.json');
const V3 = path.join(PROJECT_ROOT, 'postman/collections/mediavalet');

const work = mkdtempSync(path.join(os.tmpdir(), 'mvpm-v3-counts-'));
after(() => rmSync(work, { recursive: true, force: true }));

interface Assertion {
  readonly name: string;
  readonly passed: boolean;
}

/** The assertions the CLI printed (`--disable-unicode`, no colour), in run order. */
function printedAssertions(text: string): Assertion[] {
  const out: Assertion[] = [];
  for (const line of text.split('\n')) {
    const pass = /^ {2}Pass {2}(.+)$/.exec(line);
    const fail = /^ {0,2}\d+\. (.+)$/.exec(line);
    if (pass) out.push({ name: pass[1]!, passed: true });
    else if (fail) out.push({ name: fail[1]!, passed: false });
  }
  return out;
}

test('the v3 output under the Postman CLI runs the same assertions as the v2.1 file under Newman', async (t) => {
  const standin = await startStandin({ port: 0, openApi: await projectDocuments() });
  t.after(() => standin.close());
  const base = standin.url.replace(/\/$/, '');

  const report = path.join(work, 'newman.json');
  await newman([
    V21,
    '-e',
    await signedInEnvironment(base, path.join(work, 'newman.signed-in.json')),
    '-r',
    'json',
    '--reporter-json-export',
    report,
  ]);
  const executions = JSON.parse(readFileSync(report, 'utf8')).run.executions as {
    assertions?: { assertion: string; error?: unknown }[];
  }[];
  const underNewman = executions.flatMap((e) =>
    (e.assertions ?? []).map((a) => ({ name: a.assertion, passed: a.error === undefined })),
  );

  const environment = await signedInEnvironment(base, path.join(work, 'postman.signed-in.json'));
  const result = await runPostman([
    'collection',
    'run',
    V3,
    '-e',
    environment,
    '--disable-unicode',
    '--no-report-events',
  ]);
  const underPostman = printedAssertions(result.stdout);
  const total = /\|\s+assertions\s+\|\s+(\d+)\s+\|\s+(\d+)\s+\|/.exec(result.stdout);

  const count = (list: Assertion[]) => `${list.length} (${list.filter((a) => !a.passed).length} failed)`;
  process.stdout.write(
    `\n  assertions: v2.1 under Newman ${count(underNewman)} | v3 under Postman CLI ${count(underPostman)}\n`,
  );
  assert.equal(result.code, 0, result.stdout);
  assert.ok(underNewman.length > 0);
  assert.equal(Number(total?.[1]), underPostman.length, 'every assertion the CLI counted was read from its output');
  assert.deepEqual(underPostman, underNewman);
  assert.deepEqual(
    underPostman.filter((a) => a.name.includes('{{')),
    [],
    'no test name holds a {{variable}} the runner would resolve',
  );
});
