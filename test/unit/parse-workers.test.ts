import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
// Worker threads load the compiled worker, so this test runs the built package (npm test builds it first).
import { buildProject } from '../../dist/emit/build-project.js';
import { PROJECT_ROOT, tempProject } from '../support/helpers.ts';

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
      '$kind: http-request\nmethod: GET\nurl: {{apiBaseUrl}}/x\n',
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
