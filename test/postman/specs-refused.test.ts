// Postman must not open specs/ as a collection and silently drop its checks (issue 11, item 1): with mvpm's own
// `$kind`s the Postman CLI runs no request from specs/mediavalet and its lint reports every request file. The same
// tree with the old kinds (Postman's `http-request`) runs, which is what the kinds guard against.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { closedPort, PROJECT_ROOT } from '../support/helpers.ts';
import { type PostmanResult, runPostman } from '../support/postman-cli.ts';

const SPECS = path.join(PROJECT_ROOT, 'specs', 'mediavalet');

/** Every `*.request.yaml` under `dir`, relative to it, with `/` separators. */
function requestFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.request.yaml'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** The "requests | executed | failed" row of the CLI reporter's summary table. */
function requestsExecuted(result: PostmanResult): number {
  const row = /\|\s*requests\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|/.exec(result.stdout);
  assert.ok(row, `no summary table in the Postman CLI's output:\n${result.stdout}\n${result.stderr}`);
  return Number(row[1]);
}

async function run(dir: string): Promise<PostmanResult> {
  // Nothing listens there: a request that is sent errors, and none reaches anything.
  const base = `http://127.0.0.1:${await closedPort()}`;
  const vars = ['authBaseUrl', 'apiBaseUrl'].flatMap((name) => ['--env-var', `${name}=${base}`]);
  return runPostman(['collection', 'run', dir, ...vars, '--no-report-events']);
}

/** Files the lint reports with FMT014 "Unknown request kind". */
function unknownKindFiles(result: PostmanResult): string[] {
  const output = `${result.stdout}\n${result.stderr}`;
  return [...output.matchAll(/^(\S.*\.request\.yaml):\n\s+error \[FMT014\]/gm)].map((match) => match[1]!).sort();
}

const oldKinds = mkdtempSync(path.join(os.tmpdir(), 'mvpm-old-kinds-'));
after(() => rmSync(oldKinds, { recursive: true, force: true }));

/** A copy of specs/mediavalet with the kinds mvpm used before it named its own. */
function withOldKinds(): string {
  const dir = path.join(oldKinds, 'mediavalet');
  cpSync(SPECS, dir, { recursive: true });
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.yaml')) continue;
    const full = path.join(dir, file);
    const text = readFileSync(full, 'utf8').replace(/^\$kind: mvpm-(request|folder|collection)$/m, (_, kind) =>
      kind === 'request' ? '$kind: http-request' : `$kind: ${kind}`,
    );
    writeFileSync(full, text);
  }
  return dir;
}

test('the Postman CLI runs no request from specs/mediavalet', async () => {
  const result = await run(SPECS);
  assert.equal(requestsExecuted(result), 0, result.stdout);
});

test("the Postman CLI's lint reports every request file of specs/mediavalet as an unknown kind", async () => {
  const files = requestFiles(SPECS);
  assert.ok(files.length >= 7, `expected the committed requests, found ${files.join(', ')}`);
  const result = await runPostman(['collection', 'lint', SPECS]);
  assert.notEqual(result.code, 0);
  assert.deepEqual(unknownKindFiles(result), files);
});

test('with the old kinds, the same tree runs requests and lints clean of FMT014 (what the kinds prevent)', async () => {
  const dir = withOldKinds();
  const result = await run(dir);
  // Requests run (the stand-in checks skip themselves away from this machine's stand-in, so not every one).
  assert.ok(requestsExecuted(result) > 0, result.stdout);
  assert.deepEqual(unknownKindFiles(await runPostman(['collection', 'lint', dir])), []);
});
