// Reports: masking rewrites only the report files of the current run. Other files in the reports directory (a
// `.env` holding the very secret that is masked, a binary file, a subdirectory) are neither read nor rewritten,
// and a link or directory at a report path is refused before anything runs.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { RunError } from '../../src/run/errors.ts';
import { Masker, MASK } from '../../src/run/masking.ts';
import { maskReports } from '../../src/run/reports.ts';
import { runSuite } from '../../src/run/run-suite.ts';
import { DEMO_CLIENT, type StandinServer } from '../../src/standin/index.ts';
import { PROJECT_ROOT, runCli } from '../support/helpers.ts';
import { mediavaletEnv, signedInRefreshToken, useStandin } from '../support/standin-helpers.ts';
import { RUNNER_OPTION, withRunner } from '../support/runner.ts';

let server: StandinServer;
let work: { dir: string; cleanup: () => void };
const SECRET = DEMO_CLIENT.clientSecret;

/** A reports directory that already holds files that are not reports of this run. */
function reportsDirWithStrangers(name: string): { dir: string; strangers: Record<string, Buffer> } {
  const dir = path.join(work.dir, name);
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  const strangers: Record<string, Buffer> = {
    '.env': Buffer.from(`MV_CLIENT_SECRET=${SECRET}\n`),
    // Not UTF-8 (0xff 0xfe), with the secret inside: decoding and re-encoding it would corrupt it.
    'blob.bin': Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x80]), Buffer.from(SECRET), Buffer.from([0xc3, 0x28])]),
    'sub/old.junit.xml': Buffer.from(`<testsuite name="${SECRET}"/>`),
    'standin-sign-in.junit.xml': Buffer.from(`from an earlier run: ${SECRET}`),
  };
  for (const [file, bytes] of Object.entries(strangers)) writeFileSync(path.join(dir, file), bytes);
  return { dir, strangers };
}

describe('reports: only this run’s report files are masked', () => {
  useStandin((s, w) => ([server, work] = [s, w]));

  test(
    'a run against MediaValet masks its own reports and leaves .env, ' +
      'a binary file, a subdirectory and an older report byte for byte',
    async () => {
      const { dir, strangers } = reportsDirWithStrangers('rd');
      const result = await runSuite({
        ...RUNNER_OPTION,
        target: 'mediavalet',
        env: mediavaletEnv(server, { MV_REFRESH_TOKEN: await signedInRefreshToken(server) }),
        stateFile: path.join(work.dir, 'state.json'),
        cwd: PROJECT_ROOT,
        reporters: ['junit'],
        reportsDir: dir,
      });
      assert.equal(result.ok, true, JSON.stringify(result));
      for (const [file, bytes] of Object.entries(strangers))
        assert.deepEqual(readFileSync(path.join(dir, file)), bytes, `${file} was rewritten`);
      assert.deepEqual(readdirSync(dir).sort(), [
        '.env',
        'blob.bin',
        'mediavalet.junit.xml',
        'standin-sign-in.junit.xml',
        'sub',
      ]);
      assert.ok(!readFileSync(path.join(dir, 'mediavalet.junit.xml'), 'utf8').includes(SECRET));
    },
  );

  test('maskReports rewrites exactly the names it is given', () => {
    const dir = path.join(work.dir, 'unit');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'mine.junit.xml'), `secret ${SECRET} here`);
    writeFileSync(path.join(dir, 'other.txt'), `secret ${SECRET} here`);
    const masker = new Masker();
    masker.addSecret(SECRET);
    maskReports(dir, ['mine.junit.xml', 'not-written.html'], masker);
    assert.equal(readFileSync(path.join(dir, 'mine.junit.xml'), 'utf8'), `secret ${MASK} here`);
    assert.equal(readFileSync(path.join(dir, 'other.txt'), 'utf8'), `secret ${SECRET} here`);
    assert.equal(existsSync(path.join(dir, 'not-written.html')), false);
  });

  test('a report replaced by a link during the run is not followed when masking', () => {
    const dir = path.join(work.dir, 'swapped');
    mkdirSync(dir);
    const victim = path.join(work.dir, 'victim-swapped.txt');
    writeFileSync(victim, `keep ${SECRET}`);
    symlinkSync(victim, path.join(dir, 'mediavalet.junit.xml'));
    const masker = new Masker();
    masker.addSecret(SECRET);
    assert.throws(
      () => maskReports(dir, ['mediavalet.junit.xml'], masker),
      (error: unknown) => error instanceof RunError && error.code === 'E_REPORT_PATH',
    );
    assert.equal(readFileSync(victim, 'utf8'), `keep ${SECRET}`);
  });

  test('a link at a report path is refused before the run: nothing is started, sent or written', async () => {
    const dir = path.join(work.dir, 'linked');
    mkdirSync(dir);
    const victim = path.join(work.dir, 'victim.txt');
    writeFileSync(victim, 'not a report');
    symlinkSync(victim, path.join(dir, 'mediavalet.junit.xml'));
    const before = server.counters.tokenRequests + server.counters.apiRequests;
    await assert.rejects(
      runSuite({
        ...RUNNER_OPTION,
        target: 'standin',
        baseUrl: server.url,
        env: { XDG_STATE_HOME: work.dir, HOME: work.dir },
        cwd: PROJECT_ROOT,
        reporters: ['junit'],
        reportsDir: dir,
      }),
      (error: unknown) =>
        error instanceof RunError &&
        error.code === 'E_REPORT_PATH' &&
        /mediavalet\.junit\.xml.*symbolic link/.test(error.message),
    );
    assert.equal(server.counters.tokenRequests + server.counters.apiRequests, before);
    assert.equal(readFileSync(victim, 'utf8'), 'not a report');
    assert.deepEqual(readdirSync(dir), ['mediavalet.junit.xml']);
  });

  test('mvpm run with a directory at a report path exits 2 with E_REPORT_PATH and no stack trace', async () => {
    const dir = path.join(work.dir, 'dir-at-report');
    mkdirSync(path.join(dir, 'standin-sign-in.html'), { recursive: true });
    const result = await runCli(
      withRunner(['run', '--reporters', 'cli,htmlextra', '--reports-dir', dir]),
      PROJECT_ROOT,
      {
        XDG_STATE_HOME: work.dir,
      },
    );
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(
      result.stderr,
      /^mvpm run: error\[E_REPORT_PATH\]: cannot use the report file standin-sign-in\.html .*a directory/m,
    );
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.doesNotMatch(result.stdout, /stand-in MediaValet started/);
  });
});
