// In doubt only when something may have been spent: each row of TOKEN_FAILURES (token-journal.ts, docs/ci.md),
// produced for real against a run of the suite, and what the next run does about it. Rows that leave the token
// usable: the next run starts and sends the same token. Rows that leave it in doubt: the next run refuses it
// (E_REFRESH_IN_DOUBT). Plus the guard that withholds a spent token from a real target, whatever the specs run.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RunError } from '../../src/run/errors.ts';
import { chooseRefreshToken, runSuite, type RunOptions } from '../../src/run/run-suite.ts';
import { fingerprint, readState, type TokenState } from '../../src/run/state-file.ts';
import type { StandinServer } from '../../src/standin/index.ts';
import { closedPort, PROJECT_ROOT, runCli, tempProject } from '../support/helpers.ts';

const TLS_FIXTURE = path.join(PROJECT_ROOT, 'test/support/tls');
import { RUNNER_OPTION, TEST_RUNNER } from '../support/runner.ts';
import {
  CHAIN_FOLDERS,
  mediavaletEnv,
  refreshWith,
  signedInRefreshToken,
  useStandin,
} from '../support/standin-helpers.ts';

let server: StandinServer;
let work: { dir: string; cleanup: () => void };
let n = 0;

/** A run of the refresh chain with a fresh token, its token endpoint at `authBaseUrl`. */
async function options(
  authBaseUrl: string,
  extra: Partial<RunOptions> = {},
): Promise<{ options: RunOptions; token: string }> {
  const token = await signedInRefreshToken(server);
  n += 1;
  return {
    token,
    options: {
      target: 'mediavalet',
      stateFile: path.join(work.dir, `state-${n}.json`),
      reporters: [],
      cwd: PROJECT_ROOT,
      folders: ['Refresh chain'],
      env: mediavaletEnv(server, { MV_REFRESH_TOKEN: token, MV_AUTH_BASE_URL: authBaseUrl }),
      ...RUNNER_OPTION,
      ...extra,
    },
  };
}

/**
 * The run failed, explained that nothing was sent, and left the token as it was: not pending, not in doubt, not spent.
 */
async function assertUsable(
  run: { options: RunOptions; token: string },
  reason: RegExp,
  { runAgain = false } = {},
): Promise<void> {
  const result = await runSuite(run.options);
  assert.equal(result.ok, false);
  assert.ok(
    result.explanations.some(
      (t) => /could not reach the server .*not spent and stays usable/.test(t) && reason.test(t),
    ),
    result.explanations.join('\n'),
  );
  const state = readState(run.options.stateFile!)!;
  assert.equal(state.refreshToken, run.token);
  assert.equal(state.inDoubt, undefined, 'not in doubt');
  assert.equal(state.pending, undefined);
  assert.deepEqual(state.spent, []);
  // The next run would send the same token again (no E_REFRESH_IN_DOUBT).
  assert.deepEqual(chooseRefreshToken(run.token, state as TokenState, false), {
    token: run.token,
    source: 'MV_REFRESH_TOKEN',
  });
  if (runAgain) {
    const next = await runSuite(run.options);
    assert.equal(next.ok, false);
    assert.equal(readState(run.options.stateFile!)!.refreshToken, run.token);
  }
  // And the token was indeed never spent: the real server still takes it.
  assert.equal((await refreshWith(server, run.token)).status, 200);
}

/** The run ended with the token in doubt, and the next run refuses to send it. */
async function assertInDoubt(run: { options: RunOptions; token: string }, reason: RegExp): Promise<void> {
  const result = await runSuite(run.options);
  assert.equal(result.ok, false);
  const state = readState(run.options.stateFile!)!;
  assert.equal(state.inDoubt?.fingerprint, fingerprint(run.token), JSON.stringify(state.inDoubt));
  assert.match(state.inDoubt.reason, reason);
  await assert.rejects(runSuite(run.options), (e: unknown) => e instanceof RunError && e.code === 'E_REFRESH_IN_DOUBT');
}

describe('a failed refresh: usable or in doubt, by the table', () => {
  useStandin((s, w) => ([server, work] = [s, w]));
  let tls: https.Server | undefined;
  let stopped: ChildProcess | undefined;
  before(() => server.faults.clear());
  after(async () => {
    if (stopped?.pid) process.kill(stopped.pid, 'SIGKILL');
    if (tls) await new Promise((resolve) => tls!.close(resolve));
  });

  test('ECONNREFUSED (nothing listening): usable, and the next run starts with the same token', async () => {
    await assertUsable(await options(`http://127.0.0.1:${await closedPort()}`), /ECONNREFUSED/, { runAgain: true });
  });

  test('ENOTFOUND / EAI_AGAIN (a name that does not resolve): usable', async () => {
    await assertUsable(await options('https://nonexistent.invalid'), /ENOTFOUND|EAI_AGAIN/);
  });

  test('a self-signed certificate (refused during the TLS handshake): usable', async () => {
    let reached = 0;
    tls = https.createServer(
      {
        key: readFileSync(path.join(TLS_FIXTURE, 'self-signed-key.pem')),
        cert: readFileSync(path.join(TLS_FIXTURE, 'self-signed-cert.pem')),
      },
      (_req, res) => {
        reached += 1;
        res.end();
      },
    );
    await new Promise<void>((resolve) => tls!.listen(0, '127.0.0.1', resolve));
    await assertUsable(await options(`https://127.0.0.1:${(tls.address() as net.AddressInfo).port}`), /SELF_SIGNED/);
    assert.equal(reached, 0, 'no request got through the handshake');
  });

  test('a connect timeout (the server never completes the handshake within --timeout): usable', async () => {
    // A listener whose process is stopped: once its small backlog is full, the kernel drops further SYNs, so a
    // connection is never made (and nothing sent) until the client gives up.
    stopped = spawn(
      process.execPath,
      [
        '-e',
        "const s=require('net').createServer();s.listen({port:0,host:'127.0.0.1',backlog:1}," +
          '()=>console.log(s.address().port))',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const port = await new Promise<number>((resolve) =>
      stopped!.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))),
    );
    process.kill(stopped.pid!, 'SIGSTOP');
    const fillers: net.Socket[] = [];
    for (let filled = 0; filled < 8; filled += 1) {
      const connected = await new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        fillers.push(socket);
        socket.once('connect', () => resolve(true));
        socket.once('error', () => resolve(false));
        setTimeout(() => resolve(false), 200);
      });
      if (!connected) break;
    }
    try {
      await assertUsable(
        await options(`http://127.0.0.1:${port}`, { timeoutRequest: 400 }),
        /ETIMEDOUT \(connecting\)/,
      );
    } finally {
      for (const socket of fillers) socket.destroy();
    }
  });

  test('a response slower than --timeout (connected, no answer): in doubt', async () => {
    server.faults.inject({ target: 'token', delayMs: 2000, grantTypes: ['refresh_token'], times: Infinity });
    try {
      await assertInDoubt(await options(server.url, { timeoutRequest: 400 }), /ESOCKETTIMEDOUT|ETIMEDOUT/);
    } finally {
      server.faults.clear();
    }
  });

  test('a dropped connection (ECONNRESET): in doubt', async () => {
    server.faults.inject({ target: 'token', drop: true, grantTypes: ['refresh_token'], times: Infinity });
    try {
      await assertInDoubt(await options(server.url), /ECONNRESET|socket hang up/);
    } finally {
      server.faults.clear();
    }
  });

  test('a 5xx answer: in doubt', async () => {
    server.faults.inject({ target: 'token', status: 502, grantTypes: ['refresh_token'], times: Infinity });
    try {
      await assertInDoubt(await options(server.url), /HTTP 502/);
    } finally {
      server.faults.clear();
    }
  });
});

describe('a spent refresh token is never sent to a real target', () => {
  useStandin((s, w) => ([server, work] = [s, w]));

  test(
    'the stand-in checks run against a real target: ' +
      'the spent token is withheld, the run fails, the sign-in survives',
    async () => {
      // "Stand-in checks" reuses the token the refresh chain spent. A spec that drops its stand-in-only declaration
      // (targets and role) runs it on the real target; its own "local server only" script lets it through at
      // 127.0.0.1. The runner must withhold the spent token whatever the specs say.
      const project = tempProject({});
      try {
        cpSync(path.join(PROJECT_ROOT, 'specs'), path.join(project.dir, 'specs'), { recursive: true });
        const definition = path.join(project.dir, 'specs/mediavalet/Stand-in checks/.resources/definition.yaml');
        writeFileSync(
          definition,
          readFileSync(definition, 'utf8').replace('targets: [standin]\n', '').replace('role: spends-sign-in\n', ''),
        );
        const build = await runCli(['build', '-q'], project.dir);
        assert.equal(build.code, 0, build.stderr);
        const run = await options(server.url, { folders: ['Refresh chain', 'Stand-in checks'], cwd: project.dir });
        const sent: string[] = [];
        const result = await runSuite({
          ...run.options,
          onEvent: (e) => e.type === 'request' && sent.push(`${e.item} ${e.url} ${e.error ?? e.status ?? ''}`),
        });
        // A strict server revokes the whole sign-in when a spent token comes back: the chain's newest token still
        // works.
        const state = readState(run.options.stateFile!)!;
        assert.equal(state.dead, undefined);
        assert.equal((await refreshWith(server, state.refreshToken!)).status, 200, 'the sign-in was not revoked');
        assert.equal(result.ok, false, JSON.stringify(result));
        // Newman runs in this process: its guard withholds the request before it is built, naming it. The Postman
        // CLI runs the scripts out of reach, so there the token relay is the only guard: it refuses the token call
        // (400, nothing forwarded) without knowing which request made it, and the request shows that answer.
        const withheld =
          TEST_RUNNER === 'newman'
            ? /mvpm withheld "Spent refresh token is refused": it carries a refresh token that an earlier refresh spent/
            : /mvpm withheld a token request: it carries a refresh token that an earlier refresh spent\b.* Nothing was/;
        assert.ok(
          result.explanations.some((t) => withheld.test(t)),
          result.explanations.join('\n'),
        );
        assert.ok(
          result.errors.some((t) => /withheld/.test(t)),
          result.errors.join('\n'),
        );
        const shown =
          TEST_RUNNER === 'newman'
            ? /^Spent refresh token is refused \(withheld\) withheld/
            : /^Spent refresh token is refused \S+\/connect\/token 400 /;
        assert.ok(
          sent.some((s) => shown.test(s)),
          sent.join('\n'),
        );
      } finally {
        project.cleanup();
      }
    },
  );

  test('against a stand-in, the same folder still sends its spent token (that is its check)', async () => {
    const result = await runSuite({
      target: 'standin',
      baseUrl: server.url,
      cwd: PROJECT_ROOT,
      reporters: [],
      folders: CHAIN_FOLDERS,
      stateFile: path.join(work.dir, 'standin.json'),
      env: {},
      ...RUNNER_OPTION,
    });
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.ok(!result.explanations.some((t) => /withheld/.test(t)));
  });
});
