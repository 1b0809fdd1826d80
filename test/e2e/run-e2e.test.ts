// End to end: the whole suite against the stand-in, through mvpm run and through the plain newman CLI on the
// committed files; and the proof that the chain is real (without the rotated-token capture the suite fails).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { CHECKS_OPEN, parseChecks } from '../../src/compile/scripts/checks.ts';
import { buildProject } from '../../src/emit/build-project.ts';
import { writeOutputs } from '../../src/emit/write-outputs.ts';
import { runSuite } from '../../src/run/run-suite.ts';
import { startStandin } from '../../src/standin/index.ts';
import { PROJECT_ROOT, runCli, tempProject } from '../support/helpers.ts';
import { projectDocuments } from '../support/standin-helpers.ts';

const exec = promisify(execFile);

interface Item {
  item?: Item[];
  event?: { listen: string; script: { exec: string[] } }[];
}

/** How many checks and captures the requests of a committed collection list for the collection's test script. */
function listedChecks(file: string): number {
  const collection = JSON.parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) as Item;
  const count = (item: Item): number => {
    const exec = item.event?.find((e) => e.listen === 'prerequest')?.script.exec ?? [];
    const start = exec.indexOf(CHECKS_OPEN);
    const own = start === -1 ? 0 : (parseChecks(exec.slice(start))?.entries.length ?? 0);
    return own + (item.item ?? []).reduce((sum, child) => sum + count(child), 0);
  };
  return count(collection);
}

describe('the suite against the stand-in', () => {
  test('mvpm run passes every assertion and ends with the summary line', async () => {
    const result = await runCli(
      ['run', '--reporters', 'junit', '--reports-dir', path.join(tempProject({}).dir, 'reports')],
      PROJECT_ROOT,
    );
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines.at(-1)!, /^[1-9]\d* passed, 0 failed$/);
  });

  test('plain newman on the committed files passes too', async () => {
    const server = await startStandin({ port: 0, openApi: await projectDocuments() });
    const work = tempProject({});
    try {
      const newman = path.join(PROJECT_ROOT, 'node_modules/.bin/newman');
      const vars = [
        '--env-var',
        `authBaseUrl=${server.url}`,
        '--env-var',
        `apiBaseUrl=${server.url}`,
        '--reporters',
        'cli',
        '--color',
        'off',
      ];
      const exported = path.join(work.dir, 'signed-in.json');
      await exec(
        newman,
        [
          'run',
          'collections/standin-sign-in.postman_collection.json',
          '-e',
          'environments/local-standin.postman_environment.json',
          ...vars,
          '--export-environment',
          exported,
        ],
        { cwd: PROJECT_ROOT },
      );
      const { stdout } = await exec(
        newman,
        ['run', 'collections/mediavalet.postman_collection.json', '-e', exported, ...vars],
        { cwd: PROJECT_ROOT },
      );
      const ran = /│\s+assertions\s+│\s+(\d+)\s+│\s+0\s+│/.exec(stdout);
      assert.ok(ran, stdout);
      // Every check and capture the requests list ran as one test (none skipped, none run twice).
      assert.equal(Number(ran[1]), listedChecks('collections/mediavalet.postman_collection.json'));
    } finally {
      await server.close();
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
      const result = await runSuite({ cwd: work.dir, reporters: [] });
      assert.equal(result.ok, false);
      assert.ok(result.failed > 0);
    } finally {
      work.cleanup();
    }
  });

  test('junit and HTML reports are written and hold no token', async () => {
    const work = tempProject({});
    try {
      const result = await runSuite({
        cwd: PROJECT_ROOT,
        reporters: ['junit', 'htmlextra'],
        reportsDir: path.join(work.dir, 'reports'),
      });
      assert.equal(result.ok, true);
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
});
