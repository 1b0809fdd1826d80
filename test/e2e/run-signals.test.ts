// Interrupting `mvpm run`: SIGINT/SIGTERM at random moments (50 times under MVPM_SOAK=1, 4 otherwise) always leave a
// usable state file with the newest token, and a refresh in flight at a SIGINT is finished and saved; SIGKILL never
// corrupts it, and a refresh cut short is flagged so the next run asks for a sign-in. Under Newman by default, under
// the Postman CLI with `npm run test:postman` (test/support/runner.ts).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runSuite, type RunEvent } from '../../src/run/run-suite.ts';
import { fingerprint, isSpent, readState } from '../../src/run/state-file.ts';
import { DEMO_CLIENT, type StandinServer } from '../../src/standin/index.ts';
import { PROJECT_ROOT, soakCount } from '../support/helpers.ts';

const INTERRUPTIONS = soakCount(50, 4);
const KILLS = soakCount(20, 2);
/** Runs that measure how long a refresh is in flight, before the kills. */
const PROBES = soakCount(5, 1);
import { RUNNER_OPTION, TEST_RUNNER, withRunner } from '../support/runner.ts';
import {
  CHAIN_FOLDER_ARGS,
  CHAIN_FOLDERS,
  mediavaletEnv,
  signedInRefreshToken,
  useStandin,
} from '../support/standin-helpers.ts';

let server: StandinServer;
let work: { dir: string; cleanup: () => void };

const children = new Map<string, import('node:child_process').ChildProcess>();

/** Sends `signal` (SIGKILL by default) to the mvpm process that uses this state file. */
function spawnedKill(stateFile: string, signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const [args, child] of children) if (args.includes(stateFile)) child.kill(signal);
}

/** `args` with another --state-file. */
const withStateFile = (args: readonly string[], stateFile: string): string[] =>
  args.map((arg, i) => (args[i - 1] === '--state-file' ? stateFile : arg));

/** The mvpm process that uses this state file. */
function spawnedPid(stateFile: string): number {
  for (const [args, child] of children) if (args.includes(stateFile) && child.pid) return child.pid;
  throw new Error(`no mvpm runs with ${stateFile}`);
}

/** Every live process below `pid` (the Postman CLI and what it started: own process group, same parent), with its
 * working directory (the CLI's is its private folder). */
function descendants(pid: number): { pid: number; cwd: string }[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state = '', ppid = ''] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') parents.set(Number(entry), Number(ppid));
    } catch {
      // gone meanwhile
    }
  }
  const found: { pid: number; cwd: string }[] = [];
  const walk = (parent: number): void => {
    for (const [child, ppid] of parents) {
      if (ppid !== parent) continue;
      let cwd = '';
      try {
        cwd = readlinkSync(`/proc/${child}/cwd`);
      } catch {
        // gone meanwhile
      }
      found.push({ pid: child, cwd });
      walk(child);
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number): boolean => {
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

function mvpm(
  args: string[],
  env: Record<string, string>,
  killAfterMs?: number,
  signal?: NodeJS.Signals,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/mvpm.js'), ...withRunner(args)], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...env },
    });
    let output = '';
    // The clock starts at the run's first line of output (its handlers are in place by then), not at spawn: on a
    // loaded machine start-up alone can outlast any fixed delay, and the signal would only test Node's default.
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAfterMs === undefined || armed) return;
      armed = true;
      setTimeout(() => child.kill(signal), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const key = args.join(' ');
    children.set(key, child);
    child.on('close', (code, sig) => {
      children.delete(key);
      resolve({ code, signal: sig, output });
    });
  });
}

/**
 * A killed run leaves its state lock behind; the next run takes it over once it is stale (10 s without a refresh).
 * Dating it back stands for that wait, as the crashed-run test of run-lock does, so each kill costs no 10 s.
 */
/**
 * Whether the state file journals a pending refresh within 30 s (polled: on a loaded machine mvpm may take several
 * seconds to get there). A reader may see no file yet; a partial file is impossible (atomic rename).
 */
async function untilPending(stateFile: string): Promise<boolean> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 25));
    try {
      if (readState(stateFile)?.pending !== undefined) return true;
    } catch {
      // no file yet
    }
  }
  return false;
}

function ageLeftLock(stateFile: string): void {
  const lock = `${stateFile}.lock`;
  const old = new Date(Date.now() - 60_000);
  if (existsSync(lock)) utimesSync(lock, old, old);
}

async function isActive(refreshToken: string): Promise<boolean> {
  const response = await fetch(`${server.url}/connect/introspect`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      token: refreshToken,
      client_id: DEMO_CLIENT.clientId,
      client_secret: DEMO_CLIENT.clientSecret,
    }),
  });
  return ((await response.json()) as { active: boolean }).active;
}

const freshRefreshToken = (): Promise<string> => signedInRefreshToken(server);

describe('interrupting mvpm run', () => {
  useStandin((s, w) => ([server, work] = [s, w]));

  test(
    `SIGINT or SIGTERM at ${INTERRUPTIONS} random moments: the in-flight refresh finishes, the ` +
      `newest token is saved, the state stays usable`,
    async () => {
      const stateFile = path.join(work.dir, 'interrupted.json');
      const args = [
        'run',
        ...CHAIN_FOLDER_ARGS,
        '--target',
        'standin',
        '--base-url',
        server.url,
        '--state-file',
        stateFile,
        '--reporters',
        'junit',
        '--reports-dir',
        path.join(work.dir, 'reports'),
      ];
      const outcomes = { interrupted: 0, finished: 0, beforeHandlers: 0 };
      for (let i = 0; i < INTERRUPTIONS; i++) {
        const signal = i % 2 === 0 ? 'SIGINT' : 'SIGTERM';
        const result = await mvpm(args, {}, Math.floor(Math.random() * 600), signal);
        if (result.code === 130) outcomes.interrupted += 1;
        else if (result.code === 0) outcomes.finished += 1;
        else if (result.signal === signal) outcomes.beforeHandlers += 1;
        else assert.fail(`run ${i}: exit ${result.code} ${result.signal}\n${result.output}`);
        const state = readState(stateFile);
        if (!state) continue; // stopped before the first sign-in finished: the next run signs in
        assert.equal(state.pending, undefined, `run ${i}: a refresh was left unfinished`);
        assert.equal(state.inDoubt, undefined, `run ${i}`);
        assert.ok(state.refreshToken, `run ${i}: no token saved`);
        assert.equal(
          await isActive(state.refreshToken),
          true,
          `run ${i}: the saved refresh token does not work (${result.code} ${result.signal})`,
        );
      }
      // Most runs are interrupted with the handlers in place (a fifth, as a floor: a slow start can take a signal
      // first).
      assert.ok(outcomes.interrupted >= Math.max(2, Math.floor(INTERRUPTIONS / 5)), JSON.stringify(outcomes));
      // And the chain goes on.
      assert.equal((await mvpm(args, {})).code, 0);
    },
  );

  test(
    'SIGKILL never corrupts the state file; ' + 'a refresh cut short is flagged and the next run asks for mvpm login',
    async () => {
      // How long a refresh is in flight (sent → answer saved): the window in which a SIGKILL strands a token.
      const windows: number[] = [];
      let sentAt = 0;
      const probeState = path.join(work.dir, 'probe.json');
      const env = (token: string) => mediavaletEnv(server, { MV_REFRESH_TOKEN: token });
      for (let i = 0; i < PROBES; i++) {
        await runSuite({
          target: 'mediavalet',
          stateFile: probeState,
          reporters: [],
          cwd: PROJECT_ROOT,
          env: env(await freshRefreshToken()),
          folders: CHAIN_FOLDERS,
          ...RUNNER_OPTION,
          onEvent: (e: RunEvent) => {
            if (e.type === 'token-call' && e.grantType === 'refresh_token' && e.phase === 'sent')
              sentAt = performance.now();
            if (e.type === 'token-call' && e.grantType === 'refresh_token' && e.phase === 'settled')
              windows.push(performance.now() - sentAt);
          },
        });
      }
      windows.sort((a, b) => a - b);
      const window = windows[Math.floor(windows.length / 2)]!;

      const stateFile = path.join(work.dir, 'killed.json');
      let token = await freshRefreshToken();
      let stranded = 0;
      for (let i = 0; i < KILLS; i++) {
        const args = [
          'run',
          ...CHAIN_FOLDER_ARGS,
          '--target',
          'mediavalet',
          '--state-file',
          stateFile,
          '--reporters',
          'junit',
          '--reports-dir',
          path.join(work.dir, 'reports'),
        ];
        await mvpm(args, env(token), 100 + Math.floor(Math.random() * 600), 'SIGKILL');
        ageLeftLock(stateFile);
        const state = readState(stateFile); // throws if corrupt
        if (!state) continue;
        if (state.pending) {
          stranded += 1;
          assert.equal(
            state.pending.fingerprint,
            fingerprint(state.refreshToken!),
            'the flagged token is the one kept',
          );
          const next = await mvpm(args, env(token));
          assert.equal(next.code, 2);
          assert.match(
            next.output,
            new RegExp(
              /error\[E_REFRESH_IN_DOUBT\]: the refresh token may have been spent: a run stopped /.source +
                /.* while refreshing with it.*Sign in again with `mvpm login`/.source,
              's',
            ),
          );
          token = await freshRefreshToken(); // a new sign-in, as the message says
        } else if (state.refreshToken) {
          assert.equal(await isActive(state.refreshToken), true, `kill ${i}: the saved token does not work`);
        }
      }
      process.stdout.write(
        `# SIGKILL: refresh in flight for ${window.toFixed(1)} ms (median of ${windows.length}); ` +
          `${stranded} of ${KILLS} kills landed in that window\n`,
      );
    },
  );

  test(
    'SIGKILL inside the window (a slow token endpoint holds it open): ' +
      'the token is flagged, the next run asks for mvpm login',
    async () => {
      const stateFile = path.join(work.dir, 'stranded.json');
      const token = await freshRefreshToken();
      const env = mediavaletEnv(server, { MV_REFRESH_TOKEN: token });
      server.faults.inject({ target: 'token', delayMs: 3000, when: 'after', grantTypes: ['refresh_token'] });
      const args = [
        'run',
        ...CHAIN_FOLDER_ARGS,
        '--target',
        'mediavalet',
        '--state-file',
        stateFile,
        '--reporters',
        'junit',
        '--reports-dir',
        path.join(work.dir, 'reports'),
      ];
      const child = mvpm(args, env);
      assert.ok(await untilPending(stateFile), 'the refresh was journaled as pending before it went out');
      const folders = descendants(spawnedPid(stateFile))
        .map((p) => p.cwd)
        .filter((cwd) => /mvpm-postman-/.test(cwd));
      spawnedKill(stateFile);
      const killed = await child;
      ageLeftLock(stateFile);
      assert.equal(killed.signal, 'SIGKILL');
      const state = readState(stateFile)!;
      assert.equal(state.pending?.fingerprint, fingerprint(token));
      server.faults.clear();
      const next = await mvpm(args, env);
      assert.equal(next.code, 2);
      assert.match(
        next.output,
        new RegExp(
          /error\[E_REFRESH_IN_DOUBT\]: the refresh token may have been spent: a run stopped .* /.source +
            /while refreshing with it.*Sign in again with `mvpm login`/.source,
          's',
        ),
      );
      if (TEST_RUNNER === 'postman') {
        // A SIGKILL cannot be caught: the Postman CLI's private folder (the environment it was given: credentials, a
        // refresh token) outlives the killed run, and the next run that starts the CLI removes it.
        assert.equal(folders.length, 1, 'the CLI ran in a private folder');
        assert.equal(existsSync(folders[0]!), true, 'left by the killed run');
        const after = await mvpm(
          withStateFile(args, path.join(work.dir, 'after-kill.json')),
          mediavaletEnv(server, { MV_REFRESH_TOKEN: await freshRefreshToken() }),
        );
        assert.equal(after.code, 0, after.output);
        assert.equal(existsSync(folders[0]!), false, 'removed by the next run');
      }
    },
  );

  test(
    'SIGINT while a refresh is held at the token endpoint: the call finishes and its rotated token is saved, ' +
      'exit 130; under the Postman CLI its process group is gone and its private folder removed',
    async () => {
      const stateFile = path.join(work.dir, 'held.json');
      const token = await freshRefreshToken();
      server.faults.inject({ target: 'token', delayMs: 3000, when: 'after', grantTypes: ['refresh_token'] });
      const args = [
        'run',
        ...CHAIN_FOLDER_ARGS,
        '--target',
        'mediavalet',
        '--state-file',
        stateFile,
        '--reporters',
        'cli',
      ];
      const child = mvpm(args, mediavaletEnv(server, { MV_REFRESH_TOKEN: token }));
      assert.ok(await untilPending(stateFile), 'the refresh was journaled as pending before it went out');
      const below = descendants(spawnedPid(stateFile));
      // Newman runs inside mvpm; the Postman CLI is a child process in a private folder of its own.
      if (TEST_RUNNER === 'postman') {
        assert.ok(below.length > 0, 'the Postman CLI runs');
        assert.ok(
          below.some((p) => /mvpm-postman-/.test(p.cwd)),
          below.map((p) => p.cwd).join(' '),
        );
      } else assert.deepEqual(below, []);
      spawnedKill(stateFile, 'SIGINT');
      const interrupted = await child;
      server.faults.clear();
      assert.equal(interrupted.code, 130, interrupted.output);
      const state = readState(stateFile)!;
      assert.equal(state.pending, undefined, 'the held call was finished and journaled');
      assert.equal(state.inDoubt, undefined);
      assert.notEqual(state.refreshToken, token, 'the rotated token is the one kept');
      assert.equal(isSpent(state, token), true, 'journaled as spent');
      assert.equal(await isActive(state.refreshToken!), true, 'and it works');
      assert.equal(await isActive(token), false, 'the old one was spent by the held call');
      for (const p of below) assert.equal(alive(p.pid), false, `process ${p.pid} (${p.cwd}) is gone`);
      for (const p of below) if (p.cwd) assert.equal(existsSync(p.cwd), false, `${p.cwd} is removed`);
    },
  );
});
