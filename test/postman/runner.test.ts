// `mvpm run --runner postman` under the real Postman CLI (npm run test:postman): the same assertions as Newman,
// a failing check exits 1, reports are masked, the CLI's HOME is empty and removed, its JSON report (the final
// environment, live tokens) does not survive, it gets no Postman API key, and it connects nowhere but 127.0.0.1.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { locatePostmanCli } from '../../src/run/postman-run.ts';
import { startStandin, type StandinServer } from '../../src/standin/index.ts';
import { PROJECT_ROOT, runCli, tempProject } from '../support/helpers.ts';

const CLI = locatePostmanCli(process.env);
const STRACE = (() => {
  try {
    return execFileSync('which', ['strace'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('strace is needed to show what the Postman CLI connects to: install it (.ci/run does)');
  }
})();
const API_KEY = 'PMAK-of-the-test-must-never-reach-the-cli';

/**
 * A wrapper around the CLI (MVPM_POSTMAN_CLI_WRAPPER, tests only): records its HOME, folder and environment as it
 * starts, runs it under strace, and copies the raw JSON report out before the runner deletes it.
 */
function recordingWrapper(log: string): string {
  const file = path.join(log, 'wrapper');
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      `log=${JSON.stringify(log)}`,
      'n=$$',
      'echo "$HOME $PWD $(ls -A "$HOME" | wc -l)" > "$log/start.$n"',
      'env > "$log/env.$n"',
      'cp environment.json "$log/environment.$n.json"',
      `${STRACE} -f -e trace=connect,sendto,sendmmsg,sendmsg -o "$log/strace.$n" "$@"`,
      'rc=$?',
      'cp report.json "$log/raw.$n.json"',
      'exit $rc',
    ].join('\n'),
  );
  chmodSync(file, 0o755);
  return file;
}

const lastLine = (stdout: string): string => stdout.trimEnd().split('\n').at(-1)!;
const filesOf = (dir: string, prefix: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.startsWith(prefix))
    .map((f) => path.join(dir, f));

describe('mvpm run --runner postman under the Postman CLI', () => {
  const work = tempProject({});
  const log = path.join(work.dir, 'log');
  let newman: Awaited<ReturnType<typeof runCli>>;
  let postman: Awaited<ReturnType<typeof runCli>>;
  const reports = path.join(work.dir, 'reports');

  before(async () => {
    execFileSync('mkdir', ['-p', log]);
    newman = await runCli(['run', '--reporters', 'cli', '--reports-dir', path.join(work.dir, 'n')], PROJECT_ROOT);
    postman = await runCli(
      ['run', '--runner', 'postman', '--reporters', 'cli,junit,htmlextra', '--reports-dir', reports],
      PROJECT_ROOT,
      {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        MVPM_POSTMAN_CLI: CLI,
        MVPM_POSTMAN_CLI_WRAPPER: recordingWrapper(log),
        POSTMAN_API_KEY: API_KEY,
        POSTMAN_ENV: 'beta',
      },
    );
  });
  after(() => work.cleanup());

  it('passes with the same assertion count as Newman', () => {
    assert.equal(newman.code, 0, newman.stdout + newman.stderr);
    assert.equal(postman.code, 0, postman.stdout + postman.stderr);
    assert.match(lastLine(newman.stdout), /^[1-9]\d* passed, 0 failed$/);
    assert.equal(lastLine(postman.stdout), lastLine(newman.stdout));
    // Progress comes from the CLI's report: every request and check is shown, as under Newman.
    const shown = (out: string): string[] => out.split('\n').filter((l) => /^(→| {2}✓)/.test(l));
    assert.deepEqual(shown(postman.stdout), shown(newman.stdout));
  });

  it('starts the CLI with an empty HOME of its own, removed afterwards, and no Postman variable of ours', () => {
    const starts = filesOf(log, 'start.');
    assert.equal(starts.length, 2, 'one CLI run per collection: sign-in, then mediavalet');
    for (const start of starts) {
      const [home, folder, entries] = readFileSync(start, 'utf8').trim().split(' ');
      assert.equal(entries, '0', `${home} was empty`);
      assert.equal(path.dirname(home!), folder);
      assert.equal(existsSync(home!), false, `${home} is removed`);
      assert.equal(existsSync(folder!), false, `${folder} (the raw JSON report) is removed`);
    }
    for (const file of filesOf(log, 'env.')) {
      const env = readFileSync(file, 'utf8');
      assert.doesNotMatch(env, new RegExp(API_KEY));
      assert.deepEqual(
        env.split('\n').filter((l) => l.startsWith('POSTMAN_')),
        ['POSTMAN_ANALYTICS_BASE_URL=file:///dev/null'],
      );
    }
  });

  it('masks every token in the reports (the final environment is not in them)', () => {
    const tokens = new Set<string>();
    for (const raw of filesOf(log, 'raw.')) {
      const report = JSON.parse(readFileSync(raw, 'utf8')) as {
        environment: { values: { key: string; value: string }[] };
        run: { executions: { response?: { stream?: { data: number[] } } }[] };
      };
      for (const v of report.environment.values)
        if (['code', 'access_token', 'refresh_token', 'previous_refresh_token'].includes(v.key) && v.value)
          tokens.add(v.value);
      for (const e of report.run.executions) {
        const body = Buffer.from(e.response?.stream?.data ?? []).toString();
        for (const m of body.matchAll(/"(?:access_token|refresh_token|id_token)":"([^"]+)"/g)) tokens.add(m[1]!);
      }
    }
    assert.ok(tokens.size >= 5, `tokens seen: ${tokens.size}`);
    const written = readdirSync(reports);
    assert.deepEqual(written.sort(), [
      'mediavalet.html',
      'mediavalet.junit.xml',
      'standin-sign-in.html',
      'standin-sign-in.junit.xml',
    ]);
    for (const name of written) {
      const text = readFileSync(path.join(reports, name), 'utf8');
      for (const token of tokens) assert.equal(text.includes(token), false, `${name} holds a token`);
    }
    for (const token of tokens) assert.equal(postman.stdout.includes(token), false, 'the output holds a token');
  });

  it('connects to nothing but 127.0.0.1 (the target and the relay), and looks up no name', () => {
    const allowed = new Set<string>();
    for (const file of filesOf(log, 'environment.'))
      for (const m of readFileSync(file, 'utf8').matchAll(/http:\/\/127\.0\.0\.1:(\d+)/g)) allowed.add(m[1]!);
    assert.ok(allowed.size > 0);
    let connects = 0;
    for (const file of filesOf(log, 'strace.')) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        assert.doesNotMatch(line, /htons\(53\)|sendmmsg\(/, `a DNS query: ${line}`);
        const inet = /connect\(\d+, \{sa_family=AF_INET6?, sin6?_port=htons\((\d+)\), (.*?)\}/.exec(line);
        if (!inet) continue;
        connects += 1;
        assert.match(inet[2]!, /inet_addr\("127\.0\.0\.1"\)/, line);
        assert.ok(allowed.has(inet[1]!), `a connection to port ${inet[1]}, not the target's: ${line}`);
      }
    }
    assert.ok(connects > 0, 'strace saw the connections to the stand-in');
  });
});

describe('mvpm run --runner postman: a failing check', () => {
  let server: StandinServer;
  before(async () => {
    server = await startStandin({ port: 0 });
  });
  after(() => server.close());

  it('exits 1 and shows the failure', async () => {
    const work = tempProject({});
    try {
      server.faults.inject({ target: 'api', status: 500, times: Number.POSITIVE_INFINITY });
      const result = await runCli(
        ['run', '--runner', 'postman', '--base-url', server.url, '--state-file', path.join(work.dir, 's.json')],
        PROJECT_ROOT,
        { MVPM_POSTMAN_CLI: CLI },
      );
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stdout, /status is 200\n\s+expected response to have status code 200 but got 500/);
      assert.match(lastLine(result.stdout), /^[1-9]\d* passed, [1-9]\d* failed$/);
    } finally {
      work.cleanup();
    }
  });
});
