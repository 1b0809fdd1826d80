// `mvpm run --runner postman` when the Postman CLI is missing, crashes or is interrupted: shown with stand-in
// programs in its place (no real CLI needed, so these run in npm test), against the embedded stand-in.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runMain } from '../../src/cli/main.ts';
import { PROJECT_ROOT, TEST_STATE_HOME, tempProject } from '../support/helpers.ts';

/** A program standing in for the Postman CLI: `body` is shell; it records its folder and pid in `log` first. */
function fakeCli(dir: string, body: string): string {
  const file = path.join(dir, 'postman');
  writeFileSync(file, `#!/bin/sh\necho "$PWD $$" >> ${JSON.stringify(path.join(dir, 'log'))}\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

async function run(
  argv: string[],
  env: Record<string, string>,
  signal?: AbortSignal,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runMain(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { NO_COLOR: '1', XDG_STATE_HOME: TEST_STATE_HOME, PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env },
    cwd: PROJECT_ROOT,
    ...(signal ? { signal } : {}),
  });
  return { code, stdout, stderr };
}

/** Whether a process exists and is not a zombie (an orphan killed with its group may wait a moment to be reaped). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('mvpm run --runner postman: a missing, crashing or interrupted CLI', () => {
  it('refuses before anything starts when the CLI is missing, naming the install command (exit 2)', async () => {
    const work = tempProject({});
    try {
      const result = await run(['run', '--runner', 'postman'], {
        MVPM_POSTMAN_CLI: path.join(work.dir, 'no-such-postman'),
      });
      assert.equal(result.code, 2, result.stdout + result.stderr);
      assert.match(result.stderr, /E_NO_POSTMAN_CLI/);
      assert.match(result.stderr, /not an executable file/);
      assert.doesNotMatch(result.stdout, /stand-in MediaValet started/);
    } finally {
      work.cleanup();
    }
  });

  it('reports a crash as E_POSTMAN_CLI (exit 1), masked, and removes its private folder', async () => {
    const work = tempProject({});
    try {
      // It prints the environment it was given (credentials, the refresh token) as it dies.
      const cli = fakeCli(
        work.dir,
        'echo boom >&2\ntr "{" "\\n" < environment.json | grep -e ClientSecret -e refresh_token >&2\nexit 3',
      );
      const secrets = { MV_CLIENT_SECRET: 'client-secret-of-the-test', MV_REFRESH_TOKEN: 'refresh-token-of-the-test' };
      const result = await run(
        ['run', '--runner', 'postman', '--target', 'mediavalet', '--state-file', path.join(work.dir, 'state.json')],
        {
          MVPM_POSTMAN_CLI: cli,
          MV_CLIENT_ID: 'client-of-the-test',
          MV_SUBSCRIPTION_KEY: 'subscription-key-of-the-test',
          MV_AUTH_BASE_URL: 'http://127.0.0.1:9',
          MV_API_BASE_URL: 'http://127.0.0.1:9',
          ...secrets,
        },
      );
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stderr, /E_POSTMAN_CLI\b.*exited with 3 without writing its report/s);
      assert.match(result.stderr, /it said: .*"key":"ClientSecret","value":"•+"/s);
      for (const secret of Object.values(secrets)) assert.doesNotMatch(result.stderr, new RegExp(secret));
      const [folder] = readFileSync(path.join(work.dir, 'log'), 'utf8').trim().split(' ');
      assert.match(folder!, /mvpm-postman-/);
      assert.equal(existsSync(folder!), false, 'the private folder (collection, environment) is removed');
    } finally {
      work.cleanup();
    }
  });

  it('on interruption kills the CLI’s process group and removes its folder (exit 130)', async () => {
    const work = tempProject({});
    try {
      // The CLI and a child of it, both sleeping: the whole group must go.
      const cli = fakeCli(work.dir, 'sleep 60 &\necho "child $!" >> "$(dirname "$0")/log"\nwait');
      const controller = new AbortController();
      const running = run(['run', '--runner', 'postman'], { MVPM_POSTMAN_CLI: cli }, controller.signal);
      const log = path.join(work.dir, 'log');
      const deadline = Date.now() + 20_000;
      while (!(existsSync(log) && readFileSync(log, 'utf8').includes('child')) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const lines = readFileSync(log, 'utf8').trim().split('\n');
      const [folder, pid] = lines[0]!.split(' ');
      const child = Number(lines[1]!.split(' ')[1]);
      assert.ok(alive(Number(pid)) && alive(child));
      const aborted = Date.now();
      controller.abort();
      const result = await running;
      assert.equal(result.code, 130, result.stdout + result.stderr);
      // Not once the sleeping child ends on its own (60 s): the group is stopped at once.
      assert.ok(Date.now() - aborted < 15_000, `stopped after ${Date.now() - aborted} ms`);
      assert.equal(alive(Number(pid)), false, 'the CLI is gone');
      assert.equal(alive(child), false, 'what it started is gone too');
      assert.equal(existsSync(folder!), false, 'its private folder is removed');
    } finally {
      work.cleanup();
    }
  });
});
