// The state file's lock: runs sharing it go one at a time and never spend the same refresh token.
import assert from 'node:assert/strict';
import { mkdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runSuite } from '../src/run/run-suite.ts';
import { readState } from '../src/run/state-file.ts';
import { lockState } from '../src/run/state-lock.ts';
import { DEMO_CLIENT, DEMO_SUBSCRIPTION_KEY, signIn, startStandin, type StandinServer } from '../src/standin/index.ts';
import { PROJECT_ROOT, tempProject } from './helpers.ts';

let server: StandinServer;
let work: { dir: string; cleanup: () => void };

async function refreshToken(): Promise<string> {
  const { code } = await signIn(server.url);
  const response = await fetch(`${server.url}/connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: DEMO_CLIENT.redirectUris[0]!, client_id: DEMO_CLIENT.clientId, client_secret: DEMO_CLIENT.clientSecret }),
  });
  return ((await response.json()) as { refresh_token: string }).refresh_token;
}

const options = (stateFile: string, token: string) => ({
  target: 'mediavalet' as const,
  stateFile,
  reporters: [],
  cwd: PROJECT_ROOT,
  env: { MV_CLIENT_ID: DEMO_CLIENT.clientId, MV_CLIENT_SECRET: DEMO_CLIENT.clientSecret, MV_SUBSCRIPTION_KEY: DEMO_SUBSCRIPTION_KEY, MV_REFRESH_TOKEN: token, MV_AUTH_BASE_URL: server.url, MV_API_BASE_URL: server.url },
});

describe('state file lock', () => {
  before(async () => {
    server = await startStandin({ port: 0 });
    work = tempProject({});
  });
  after(async () => {
    await server.close();
    work.cleanup();
  });

  test('two runs sharing a state file: the second waits, then continues with the rotated token', async () => {
    const stateFile = path.join(work.dir, 'shared.json');
    const token = await refreshToken();
    const [first, second] = await Promise.all([runSuite(options(stateFile, token)), runSuite(options(stateFile, token))]);
    assert.equal(first.ok, true, JSON.stringify(first));
    assert.equal(second.ok, true, JSON.stringify(second));
    const state = readState(stateFile)!;
    assert.equal(state.dead, undefined);
    assert.equal(state.spent.length, 4, 'four refreshes, each with a token never sent before');
    assert.equal(new Set(state.spent).size, 4);
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
