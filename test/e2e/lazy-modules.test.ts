import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { minimalProject, PROJECT_ROOT, TEST_STATE_HOME, tempProject } from '../support/helpers.ts';

// `yaml` (72 CommonJS files) and `@babel/code-frame` (with js-tokens, picocolors' twin and
// @babel/helper-validator-identifier) are loaded on first use (src/spec/yaml-lib.ts, code-frame-lib.ts): a clean
// build or import needs neither, and a static import of either anywhere on their way would cost every run some 35 ms.
const LAZY = ['yaml', '@babel/code-frame', 'js-tokens', '@babel/helper-validator-identifier'];

/** Runs the built CLI (npm test builds dist/ first) in `cwd`: its exit code and the packages it loaded. */
function mvpm(args: string[], cwd: string): { status: number | null; stderr: string; packages: Set<string> } {
  const record = path.join(cwd, 'loaded-packages.json');
  const preload = path.join(PROJECT_ROOT, 'test/support/log-loaded-packages.mjs');
  const run = spawnSync(process.execPath, ['--import', preload, path.join(PROJECT_ROOT, 'bin/mvpm.js'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: '1', XDG_STATE_HOME: TEST_STATE_HOME, MVPM_TEST_LOADED_PACKAGES: record },
  });
  const packages = new Set(JSON.parse(readFileSync(record, 'utf8')) as string[]);
  return { status: run.status, stderr: run.stderr, packages };
}

const TINY_OPENAPI = `openapi: 3.0.3
info: { title: Tiny, version: "1" }
servers: [{ url: "https://api.example.com" }]
paths:
  /ping:
    get:
      operationId: ping
      responses: { "200": { description: ok } }
`;

describe('modules loaded on first use', () => {
  test('a clean build and a clean OpenAPI import load neither yaml nor @babel/code-frame', () => {
    const project = tempProject({ ...minimalProject(), 'tiny.yaml': TINY_OPENAPI });
    try {
      const build = mvpm(['build'], project.dir);
      assert.equal(build.status, 0, build.stderr);
      // The record is real: the build loaded the packages it does need.
      assert.ok(build.packages.has('ajv'), [...build.packages].join(', '));
      assert.deepEqual(
        LAZY.filter((name) => build.packages.has(name)),
        [],
      );
      const imported = mvpm(['import', 'tiny.yaml', '--out', 'imported'], project.dir);
      assert.equal(imported.status, 0, imported.stderr);
      assert.deepEqual(
        LAZY.filter((name) => imported.packages.has(name)),
        [],
      );
    } finally {
      project.cleanup();
    }
  });

  test('a file only yaml can judge, reported with a code frame, loads both', () => {
    const project = tempProject(minimalProject({ 'specs/demo/Ping.request.yaml': 'method: GET\n  url: [\n' }));
    try {
      const build = mvpm(['build'], project.dir);
      assert.equal(build.status, 2, build.stderr);
      assert.match(build.stderr, /--> specs\/demo\/Ping\.request\.yaml:\d+:\d+/);
      assert.deepEqual(
        LAZY.filter((name) => build.packages.has(name)),
        LAZY,
      );
    } finally {
      project.cleanup();
    }
  });
});
