// Faults injected into the stand-in, and what a run does about each: a clear failure or a recovery, the failed
// request always reported, and never a refresh token silently lost.
//
// The rule for a refresh that got no answer (5xx, timeout, dropped connection): the server may or may not have
// spent the token, and if it did, the new one is lost. The token is kept and flagged in doubt. Within the run, the
// collection's next refresh sends it again: if the server had not processed it, the chain goes on (the flag is
// cleared); if it had, the server refuses it (invalid_grant; a strict server revokes the family, which then holds
// only the lost token) and the run says to sign in again. A token still in doubt when the run ends is not sent by
// the next run without --retry-in-doubt: it says to sign in again with `mvpm login`.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { RunError } from '../../src/run/errors.ts';
import { runSuite, type RunEvent, type RunOptions } from '../../src/run/run-suite.ts';
import { fingerprint, readState } from '../../src/run/state-file.ts';
import { startStandin, type StandinServer } from '../../src/standin/index.ts';
import { PROJECT_ROOT, tempProject } from '../support/helpers.ts';
import { RUNNER_OPTION } from '../support/runner.ts';
import { loadSpecs } from '../../src/spec/load-specs.ts';
import { declaredTargets, requestPlacements } from '../../src/spec/request-targets.ts';
import { validateSpecs } from '../../src/spec/validate-spec.ts';
import { CHAIN_FOLDERS, mediavaletEnv, projectDocuments, signedInRefreshToken } from '../support/standin-helpers.ts';

let server: StandinServer;
let work: { dir: string; cleanup: () => void };
let n = 0;

const refreshToken = (): Promise<string> => signedInRefreshToken(server);

async function setup(
  extra: Partial<RunOptions> = {},
): Promise<{ options: RunOptions; events: RunEvent[]; first: string }> {
  const first = await refreshToken();
  const events: RunEvent[] = [];
  n += 1;
  return {
    first,
    events,
    options: {
      target: 'mediavalet',
      stateFile: path.join(work.dir, `state-${n}.json`),
      reporters: [],
      cwd: PROJECT_ROOT,
      env: mediavaletEnv(server, { MV_REFRESH_TOKEN: first }),
      onEvent: (e) => events.push(e),
      folders: CHAIN_FOLDERS,
      ...RUNNER_OPTION,
      ...extra,
    },
  };
}

/**
 * What a run on the MediaValet target skips when the refresh chain's first refresh fails: the second refresh, then
 * every API request that runs there (in run order; the committed specs decide which: reads, by the method defaults).
 */
async function needTheRefreshedToken(): Promise<string[]> {
  const loaded = await loadSpecs({ specsDir: path.join(PROJECT_ROOT, 'specs'), cwd: PROJECT_ROOT, parseWorkers: 0 });
  const project = validateSpecs(loaded, { cwd: PROJECT_ROOT }).value!;
  const api = project.collections.find((c) => c.slug === 'mediavalet')!;
  const apiRequests = requestPlacements(api, declaredTargets(project))
    .filter(({ request, placement }) => placement.get('mediavalet') === undefined && request.url !== '{{tokenUrl}}')
    .filter(({ request }) => CHAIN_FOLDERS.includes(request.path[0] ?? ''))
    .map(({ request }) => request.name);
  return ['Refresh again with the rotated token', ...apiRequests];
}

const skippedRequests = (events: RunEvent[]) => [
  ...new Set(events.filter((e) => e.type === 'skipped').map((e) => (e as { item: string }).item)),
];
const failedRequests = (events: RunEvent[]) =>
  events.filter((e) => e.type === 'assertion' && !e.passed).map((e) => (e as { item: string }).item);

describe('faults: what a run does about each', () => {
  before(async () => {
    server = await startStandin({ port: 0, openApi: await projectDocuments() });
    work = tempProject({});
  });
  beforeEach(() => server.faults.clear());
  after(async () => {
    await server.close();
    work.cleanup();
  });

  test(
    'token endpoint 503 before processing: that refresh fails and is reported once; ' +
      'the requests that need its token are skipped, not sent it again',
    async () => {
      const { options, first, events } = await setup();
      server.faults.inject({ target: 'token', status: 503, grantTypes: ['refresh_token'] });
      const result = await runSuite(options);
      assert.equal(result.ok, false);
      assert.deepEqual([...new Set(failedRequests(events))], ['Refresh access token']);
      assert.deepEqual(skippedRequests(events), await needTheRefreshedToken());
      assert.ok(
        result.explanations.some((t) => /a refresh did not complete \(HTTP 503\)/.test(t)),
        result.explanations.join('\n'),
      );
      const state = readState(options.stateFile!)!;
      assert.equal(state.refreshToken, first, 'sent once, and not again in this run');
      assert.equal(state.inDoubt?.fingerprint, fingerprint(first));
      assert.equal(
        (await runSuite({ ...options, retryInDoubt: true })).ok,
        true,
        'the server had not processed it, so the token still worked',
      );
    },
  );

  test(
    'a refresh still unanswered when the run ends stays in doubt: ' +
      'the next run refuses it, --retry-in-doubt sends it once',
    async () => {
      const { options, first } = await setup();
      server.faults.inject({ target: 'token', status: 503, grantTypes: ['refresh_token'], times: Infinity });
      assert.equal((await runSuite(options)).ok, false);
      const state = readState(options.stateFile!)!;
      assert.equal(state.refreshToken, first);
      assert.equal(state.inDoubt?.fingerprint, fingerprint(first));
      server.faults.clear();
      await assert.rejects(
        runSuite(options),
        (e: unknown) => e instanceof RunError && e.code === 'E_REFRESH_IN_DOUBT' && /mvpm login/.test(e.message),
      );
      const retried = await runSuite({ ...options, retryInDoubt: true });
      assert.equal(retried.ok, true, 'the server had not processed it, so the token still worked');
      assert.equal(readState(options.stateFile!)!.inDoubt, undefined);
    },
  );

  test(
    'token endpoint 500 after processing (the answer lost): the token is not re-sent in the run; ' +
      're-sent later, it is refused, and the run says to sign in again',
    async () => {
      const { options, events } = await setup();
      server.faults.inject({ target: 'token', status: 500, when: 'after', grantTypes: ['refresh_token'] });
      const result = await runSuite(options);
      assert.equal(result.ok, false);
      assert.deepEqual([...new Set(failedRequests(events))], ['Refresh access token']);
      assert.equal(readState(options.stateFile!)!.dead, undefined, 'not re-sent in this run, so not refused yet');
      const retried = await runSuite({ ...options, retryInDoubt: true });
      assert.ok(
        retried.explanations.some((t) => /invalid_grant: the refresh token was already used.*mvpm login/.test(t)),
        retried.explanations.join('\n'),
      );
      assert.ok(readState(options.stateFile!)!.dead, 'the state says the chain ended');
      await assert.rejects(
        runSuite(options),
        (e: unknown) =>
          e instanceof RunError && e.code === 'E_NO_REFRESH_TOKEN' && /Sign in again with `mvpm login`/.test(e.message),
      );
    },
  );

  test(
    'a token response slower than --timeout: reported once; the requests that need the token are skipped; ' +
      'the server had not processed it, so the token works when re-sent',
    async () => {
      const { options, first, events } = await setup({ timeoutRequest: 300 });
      server.faults.inject({ target: 'token', delayMs: 1500, grantTypes: ['refresh_token'] });
      const result = await runSuite(options);
      assert.equal(result.ok, false);
      assert.ok(
        result.errors.length > 0 || failedRequests(events).includes('Refresh access token'),
        JSON.stringify(result),
      );
      assert.ok(
        result.explanations.some((t) => /a refresh did not complete/.test(t)),
        result.explanations.join('\n'),
      );
      assert.deepEqual(skippedRequests(events), await needTheRefreshedToken());
      assert.equal(readState(options.stateFile!)!.refreshToken, first);
      // the delayed answer is discarded by the stand-in's fault
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal((await runSuite({ ...options, retryInDoubt: true, timeoutRequest: 0 })).ok, true);
    },
  );

  test('a dropped connection on the API: that request fails and is reported, the chain is intact', async () => {
    const { options, events } = await setup();
    server.faults.inject({ target: 'api', drop: true });
    const result = await runSuite(options);
    assert.equal(result.ok, false);
    assert.ok(result.errors.length > 0 || failedRequests(events).includes('Get current user'), JSON.stringify(result));
    assert.ok(
      result.explanations.some((t) =>
        /could not get an answer from 127\.0\.0\.1:\d+: the connection was dropped/.test(t),
      ),
      result.explanations.join('\n'),
    );
    const state = readState(options.stateFile!)!;
    assert.equal(state.inDoubt, undefined);
    assert.equal((await runSuite(options)).ok, true, 'the next run continues the chain');
  });

  test('429 with Retry-After on the API: reported with the wait, the chain intact', async () => {
    const { options, events } = await setup();
    server.faults.inject({ target: 'api', status: 429, retryAfter: 7 });
    const result = await runSuite(options);
    assert.equal(result.ok, false);
    assert.deepEqual([...new Set(failedRequests(events))], ['Get current user']);
    assert.ok(
      result.explanations.some((t) => /rate limiting \(HTTP 429, Retry-After 7 s\)/.test(t)),
      result.explanations.join('\n'),
    );
    assert.equal((await runSuite(options)).ok, true);
  });

  test(
    'access tokens expiring mid-run: the refused request is reported, ' +
      'the next one goes out with a refreshed token',
    async () => {
      const { options, events } = await setup();
      const tokenCalls: string[] = [];
      const result = await runSuite({
        ...options,
        // Told by the token relay as each call is answered, under either runner (the Postman CLI's request events
        // come from its report, after the run): the second refresh ("Refresh again with the rotated token") has its
        // answer, and every access token dies before the next request goes out.
        onEvent: (e) => {
          events.push(e);
          if (e.type !== 'token-call' || e.phase !== 'settled') return;
          tokenCalls.push(`${e.grantType} ${e.outcome}`);
          if (tokenCalls.length === 2) server.expireAccessTokens();
        },
      });
      assert.equal(result.ok, false);
      assert.deepEqual(
        [...new Set(failedRequests(events))],
        ['Get current user'],
        'only the request sent with the expired token failed',
      );
      assert.equal(
        tokenCalls.length,
        3,
        `two refreshes by the collection and one auto-refresh: ${tokenCalls.join(', ')}`,
      );
      const state = readState(options.stateFile!)!;
      assert.equal(state.inDoubt, undefined);
      assert.equal(state.spent.length, 3);
      assert.equal((await runSuite(options)).ok, true);
    },
  );
});
