// Postman's own linter accepts every v3 file mvpm writes: `postman collection lint` on each collection directory
// and `postman environment lint` on the environments, for this repository's specs and the build golden cases.
// Needs the Postman CLI (npm run test:postman): MVPM_POSTMAN_CLI, else tools/postman-cli's pinned install.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { FIXTURES_DIR, fixtureCases } from '../support/golden.ts';
import { PROJECT_ROOT, runCli } from '../support/helpers.ts';

const CLI =
  process.env['MVPM_POSTMAN_CLI'] ??
  path.join(PROJECT_ROOT, 'tools/postman-cli/node_modules/@postman/pm-bin-linux-x64/bin/postman');
const HOME = mkdtempSync(path.join(os.tmpdir(), 'mvpm-pm-home-'));
const OUT = mkdtempSync(path.join(os.tmpdir(), 'mvpm-v3-lint-'));
after(() => {
  rmSync(HOME, { recursive: true, force: true });
  rmSync(OUT, { recursive: true, force: true });
});

interface LintReport {
  readonly errorCount: number;
  readonly diagnostics: readonly unknown[];
}

/** Runs a lint command with an empty HOME (no Postman account, nothing sent) and returns its JSON report. */
async function lint(kind: 'collection' | 'environment', target: string): Promise<LintReport> {
  const format = kind === 'collection' ? ['-r', 'json'] : ['-o', 'json'];
  const { stdout } = await promisify(execFile)(CLI, [kind, 'lint', target, ...format], {
    env: { PATH: process.env['PATH'] ?? '', HOME },
    cwd: HOME,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as LintReport;
  return report;
}

/** Builds a project's specs into OUT/<name>/postman and returns that directory. */
async function buildV3(name: string, cwd: string): Promise<string> {
  const out = path.join(OUT, name);
  const dirs = ['collections', 'environments', 'postman', 'docs'];
  const result = await runCli(['build', '--quiet', ...dirs.flatMap((d) => [`--${d}`, path.join(out, d)])], cwd);
  assert.equal(result.code, 0, result.stderr);
  return path.join(out, 'postman');
}

describe('postman collection lint / environment lint accept the v3 output', () => {
  test('the Postman CLI is installed', () => {
    assert.ok(existsSync(CLI), `no Postman CLI at ${CLI}: run npm run test:postman (it installs tools/postman-cli)`);
  });
  const projects: [string, string][] = [
    ['this repository', PROJECT_ROOT],
    ...fixtureCases()
      .filter((name) => existsSync(path.join(FIXTURES_DIR, name, 'expected', 'postman')))
      .map((name): [string, string] => [name, path.join(FIXTURES_DIR, name)]),
  ];
  for (const [label, cwd] of projects) {
    test(label, async () => {
      const postman = await buildV3(label.replaceAll(' ', '-'), cwd);
      const collections = readdirSync(path.join(postman, 'collections'));
      assert.ok(collections.length > 0);
      for (const collection of collections) {
        const report = await lint('collection', path.join(postman, 'collections', collection));
        assert.equal(report.errorCount, 0, `${collection}: ${JSON.stringify(report.diagnostics, null, 2)}`);
      }
      const report = await lint('environment', path.join(postman, 'environments'));
      assert.equal(report.errorCount, 0, JSON.stringify(report.diagnostics, null, 2));
    });
  }
});
