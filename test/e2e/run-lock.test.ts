// The state file's lock: runs sharing it go one at a time and never spend the same refresh token.
import assert from 'node:assert/strict';
import { mkdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runSuite } from '../../src/run/run-suite.ts';
import { readState } from '../../src/run/state-file.ts';
import { lockState } from '../../src/run/state-lock.ts';
import type { StandinServer } from '../../src/standin/index.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';
import { RUNNER_OPTION } from '../support/runner.ts';
import { CHAIN_FOLDERS, mediavaletEnv, signedInRefreshToken, useStandin } from '../support/standin-helpers.ts';

let server: StandinServer;
let work: { dir: string; cleanup: () => void };

const refreshToken = (): Promise<string> => signedInRefreshToken(server);

const options = (stateFile: string, token: string) => ({
  target: 'mediavalet' as const,
  stateFile,
  reporters: [],
  cwd: PROJECT_ROOT,
  env: mediavaletEnv(server, { MV_REFRESH_TOKEN: token }),
  folders: CHAIN_FOLDERS,
  ...RUNNER_OPTION,
});

describe('state file lock', () => {
  useStandin((s, w) => ([server, work] = [s, w]));

  test('two runs sharing a state file: the second waits, then continues with the rotated token', async () => {
    const stateFile = path.join(work.dir, 'shared.json');
    const token = await refreshToken();
    const [first, second] = await Promise.all([
      runSuite(options(stateFile, token)),
      runSuite(options(stateFile, token)),
    ]);
    assert.equal(first.ok, true, JSON.stringify(first));
    assert.equal(second.ok, true, JSON.stringify(second));
    const state = readState(stateFile)!;
    assert.equal(state.dead, undefined);
    assert.equal(state.spent.length, 4, 'four refreshes, each with a token never sent before');
    assert.equal(new Set(state.spent.map((s) => s.fingerprint)).size, 4);
  });

  test('a run waits while another holds the lock', async () => {
    const stateFile = path.join(work.dir, 'held.json');
    const release = await lockState(stateFile);
    let finished = false;
    const run = runSuite(options(stateFile, await refreshToken())).then((r) => {
      finished = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(finished, false, 'the run must wait for the lock');
    await release();
    assert.equal((await run).ok, true);
  });

  test('a lock left by a crashed run is taken over', async () => {
    const stateFile = path.join(work.dir, 'crashed.json');
    mkdirSync(`${stateFile}.lock`, { recursive: true });
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${stateFile}.lock`, old, old);
    const started = Date.now();
    const result = await runSuite(options(stateFile, await refreshToken()));
    assert.equal(result.ok, true);
    assert.ok(Date.now() - started < 10_000);
  });
});
