// Load: one stand-in serves four (two without MVPM_SOAK=1) concurrent `mvpm run`s (each its own sign-in and state
// file) and 1,000 (100 without MVPM_SOAK=1) sequential refresh rotations, journaled like a run does, with no token
// lost or spent twice.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import { emptyState, isSpent, readState, writeState } from '../../src/run/state-file.ts';
import { stateBinding } from '../../src/run/state-binding.ts';
import { afterTokenCall, beforeTokenCall } from '../../src/run/token-journal.ts';
import { DEMO_CLIENT, signIn, type StandinServer } from '../../src/standin/index.ts';
import { PROJECT_ROOT, soakCount } from '../support/helpers.ts';

const ROTATIONS = soakCount(1000, 100);
/** Concurrent `mvpm run` processes: each a Newman start-up of seconds of CPU, so plain `npm test` starts two. */
const CONCURRENT_RUNS = soakCount(4, 2);
import { CHAIN_FOLDER_ARGS, useStandin } from '../support/standin-helpers.ts';

let server: StandinServer;
let work: { dir: string; cleanup: () => void };

function mvpmRun(stateFile: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        path.join(PROJECT_ROOT, 'bin/mvpm.js'),
        'run',
        '--base-url',
        server.url,
        '--state-file',
        stateFile,
        ...CHAIN_FOLDER_ARGS,
      ],
      { cwd: PROJECT_ROOT, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function token(params: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}/connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: DEMO_CLIENT.clientId, client_secret: DEMO_CLIENT.clientSecret, ...params }),
  });
  return { status: response.status, ...((await response.json()) as Record<string, unknown>) };
}

describe('load on the stand-in', () => {
  useStandin((s, w) => ([server, work] = [s, w]));

  test(`${CONCURRENT_RUNS} concurrent mvpm runs, twice each, with separate sign-ins and state files`, async () => {
    const files = Array.from({ length: CONCURRENT_RUNS }, (_, i) => path.join(work.dir, `state-${i}.json`));
    for (const round of [1, 2]) {
      const results = await Promise.all(files.map(mvpmRun));
      for (const [i, r] of results.entries()) assert.equal(r.code, 0, `round ${round}, run ${i}:\n${r.output}`);
    }
    const tokens = files.map((f) => readState(f)!.refreshToken!);
    assert.equal(new Set(tokens).size, CONCURRENT_RUNS, 'separate token families');
  });

  test(
    `${ROTATIONS} sequential rotations, each journaled: every token new, none lost, none accepted ` + `twice`,
    async () => {
      const stateFile = path.join(work.dir, 'rotations.json');
      const { code } = await signIn(server.url);
      const first = await token({ grant_type: 'authorization_code', code, redirect_uri: DEMO_CLIENT.redirectUris[0]! });
      let state = afterTokenCall(
        emptyState(stateBinding('standin', server.url, DEMO_CLIENT.clientId), new Date()),
        { grantType: 'authorization_code' },
        { kind: 'issued', refreshToken: first['refresh_token'] as string },
        new Date(),
      );
      const seen = new Set<string>([state.refreshToken!]);
      for (let i = 0; i < ROTATIONS; i++) {
        const call = { grantType: 'refresh_token', refreshToken: state.refreshToken! };
        state = beforeTokenCall(state, call, new Date());
        writeState(stateFile, state);
        const answer = await token({ grant_type: 'refresh_token', refresh_token: call.refreshToken });
        assert.equal(answer['status'], 200, `rotation ${i}: ${JSON.stringify(answer)}`);
        const next = answer['refresh_token'] as string;
        assert.ok(!seen.has(next), `rotation ${i} handed out a token seen before`);
        seen.add(next);
        state = afterTokenCall(state, call, { kind: 'issued', refreshToken: next }, new Date());
        writeState(stateFile, state);
      }
      const saved = readState(stateFile)!;
      assert.equal(seen.size, ROTATIONS + 1);
      assert.equal(saved.pending, undefined);
      // The newest token is the one saved, and it still works (nothing was lost)…
      const last = saved.refreshToken!;
      const check = await token({ grant_type: 'refresh_token', refresh_token: last });
      assert.equal(check['status'], 200);
      // …and a spent one is never accepted again (doing this revokes the family, so it comes last).
      const spentOnce = await token({ grant_type: 'refresh_token', refresh_token: last });
      assert.deepEqual([spentOnce['status'], spentOnce['error']], [400, 'invalid_grant']);
      assert.ok(isSpent(saved, [...seen].at(-2)!));
    },
  );
});
