import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
// From the sources: worker threads inherit tsx through execArgv and load src/spec/_parse-worker.ts.
import { buildProject } from '../../src/emit/build-project.ts';
import { parseTexts, readSpecText } from '../../src/spec/parse-files.ts';
import { parseValue } from '../../src/spec/parse-value.ts';
import { PROJECT_ROOT, tempProject } from '../support/helpers.ts';

test('worker threads parse from the TypeScript sources, giving what parsing in-process gives', async () => {
  const texts = [
    'a: 1\n',
    'x: *nope\n',
    'list: [1, 2]\n',
    readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'),
  ];
  const outcomes: boolean[] = [];
  const values = await parseTexts(texts, 3, { onWorker: (parsed) => outcomes.push(parsed) });
  assert.deepEqual(outcomes, [true, true, true]);
  assert.deepEqual(values, texts.map(parseValue));
});

test('parsing in worker threads gives the same files as parsing in-process', async () => {
  const inProcess = await buildProject({ cwd: PROJECT_ROOT, parseWorkers: 0 });
  const inWorkers = await buildProject({ cwd: PROJECT_ROOT, parseWorkers: 2 });
  assert.deepEqual(inWorkers.errors, []);
  assert.ok(inWorkers.files.length > 0);
  assert.deepEqual(inWorkers.files, inProcess.files);
});

test('a syntax error found by a worker is located like one found in-process', async () => {
  const project = tempProject({});
  try {
    cpSync(path.join(PROJECT_ROOT, 'specs'), path.join(project.dir, 'specs'), { recursive: true });
    writeFileSync(
      path.join(project.dir, 'specs/mediavalet/API/Get current user.request.yaml'),
      '$kind: mvpm-request\nmethod: GET\nurl: {{apiBaseUrl}}/x\n',
    );
    const [inProcess, inWorkers] = [
      await buildProject({ cwd: project.dir, parseWorkers: 0 }),
      await buildProject({ cwd: project.dir, parseWorkers: 3 }),
    ];
    assert.equal(inWorkers.errors.length, 1);
    assert.deepEqual(inWorkers.errors, inProcess.errors);
    assert.equal(
      `${inWorkers.errors[0]!.code} ${inWorkers.errors[0]!.line}:${inWorkers.errors[0]!.column}`,
      'E_YAML_SYNTAX 3:20',
    );
  } finally {
    project.cleanup();
  }
});

test('files read one after another into the reused buffer each give their own text', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mvpm-read-'));
  try {
    // Larger than the buffer's first size (so it grows), then smaller ones, which must not show the larger's tail.
    const texts = [`a: ${'x'.repeat(200 * 1024)}\n`, 'b: 1\n', `c: ${'é'.repeat(70 * 1024)}\n`, '', 'd: [1, 2]\n'];
    for (const [i, text] of texts.entries()) writeFileSync(path.join(dir, `${i}.yaml`), text);
    for (const [i, text] of texts.entries())
      assert.deepEqual(readSpecText(path.join(dir, `${i}.yaml`)), { ok: true, text }, `file ${i}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
