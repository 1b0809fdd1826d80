// A Newman run against the stand-in journals its token calls through the token relay (src/run/token-relay.ts):
// the rotations land in the state file, a call whose connection drops after the server spent the token leaves it
// in doubt, and a collection that reaches the token endpoint around the relay is refused before anything is sent.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RunError } from '../../src/run/errors.ts';
import { runSuite, type RunEvent } from '../../src/run/run-suite.ts';
import { fingerprint, readState } from '../../src/run/state-file.ts';
import { startStandin, type StandinServer } from '../../src/standin/index.ts';
import { PROJECT_ROOT, tempProject } from '../support/helpers.ts';
import { mediavaletEnv, signedInRefreshToken, projectDocuments } from '../support/standin-helpers.ts';

let server: StandinServer;
let work: { dir: string; cleanup: () => void };

describe('mvpm run journals through the token relay', () => {
  before(async () => {
    server = await startStandin({ port: 0, openApi: await projectDocuments() });
    work = tempProject({});
  });
  after(async () => {
    await server.close();
    work.cleanup();
  });

  test('every rotation is journaled by the relay; the state file shows the chain', async () => {
    const first = await signedInRefreshToken(server);
    const stateFile = path.join(work.dir, 'state-a.json');
    const events: RunEvent[] = [];
    const result = await runSuite({
      target: 'mediavalet',
      stateFile,
      reporters: [],
      cwd: PROJECT_ROOT,
      env: mediavaletEnv(server, { MV_REFRESH_TOKEN: first }),
      onEvent: (e) => events.push(e),
    });
    assert.equal(result.ok, true, JSON.stringify(result));
    const calls = events.filter((e) => e.type === 'token-call');
    assert.deepEqual(
      calls.map((e) => `${e.phase}${'outcome' in e ? ` ${e.outcome}` : ''}`),
      ['sent', 'settled issued', 'sent', 'settled issued'],
      'the two refreshes of "Refresh chain"',
    );
    const state = readState(stateFile)!;
    assert.equal(state.spent.length, 2);
    assert.ok(state.spent.some((s) => s.fingerprint === fingerprint(first)));
    assert.equal(state.pending, undefined);
    // The relay's URL (its path is a per-run secret) never shows: token calls are shown at the token endpoint.
    const urls = events.flatMap((e) => (e.type === 'request' ? [e.url] : []));
    assert.ok(
      urls.every((u) => !/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{43}/.test(u)),
      urls.join('\n'),
    );
    assert.ok(urls.some((u) => u === `${server.url}/connect/token`));
  });

  test('the connection drops after the server spent the token: the relay leaves it in doubt', async () => {
    const first = await signedInRefreshToken(server);
    const stateFile = path.join(work.dir, 'state-b.json');
    server.faults.inject({ target: 'token', drop: true, when: 'after', grantTypes: ['refresh_token'] });
    const result = await runSuite({
      target: 'mediavalet',
      stateFile,
      reporters: [],
      cwd: PROJECT_ROOT,
      env: mediavaletEnv(server, { MV_REFRESH_TOKEN: first }),
    });
    server.faults.clear();
    assert.equal(result.ok, false);
    const state = readState(stateFile)!;
    // The collection's second refresh re-sent the doubtful token, which the server had spent: the chain is dead,
    // and the run says to sign in again.
    assert.ok(
      state.inDoubt?.fingerprint === fingerprint(first) || state.dead !== undefined,
      JSON.stringify({ ...state, refreshToken: undefined, accessToken: undefined }),
    );
    assert.ok(
      result.explanations.some((t) => /a refresh did not complete \(ECONNRESET\)/.test(t)),
      result.explanations.join('\n'),
    );
  });

  test('a request that reaches the token endpoint around {{tokenUrl}}: refused, nothing sent', async () => {
    const project = tempProject({});
    try {
      // A copy of the project whose committed collection sends one refresh straight to the token endpoint.
      const { cpSync } = await import('node:fs');
      for (const dir of ['specs', 'collections', 'environments'])
        cpSync(path.join(PROJECT_ROOT, dir), path.join(project.dir, dir), { recursive: true });
      const file = path.join(project.dir, 'collections/mediavalet.postman_collection.json');
      const text = readFileSync(file, 'utf8');
      const first = text.indexOf('"raw": "{{tokenUrl}}"');
      assert.ok(first > 0);
      writeFileSync(file, `${text.slice(0, first)}"raw": "{{authBaseUrl}}/connect/token/"${text.slice(first + 21)}`);
      const token = await signedInRefreshToken(server);
      await assert.rejects(
        runSuite({
          target: 'mediavalet',
          stateFile: path.join(project.dir, 'state.json'),
          reporters: [],
          cwd: project.dir,
          env: mediavaletEnv(server, { MV_REFRESH_TOKEN: token }),
        }),
        (e: unknown) =>
          e instanceof RunError &&
          e.code === 'E_TOKEN_URL_BYPASS' &&
          /"Sign in \/ Exchange authorization code for tokens"/.test(e.message) &&
          /\{\{tokenUrl\}\}/.test(e.message),
      );
      assert.equal(readState(path.join(project.dir, 'state.json')), undefined, 'nothing was journaled or sent');
    } finally {
      project.cleanup();
    }
  });
});
