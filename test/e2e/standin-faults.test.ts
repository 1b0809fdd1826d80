// Fault injection in the stand-in: what a client sees when the token endpoint or the API fails on purpose (an
// error status, a slow answer, a closed connection), and — the point of `before` versus `after` — whether the
// refresh token it sent was spent. Before: nothing was processed, the same refresh token works again. After: the
// server rotated (spent the token, issued a successor the client never saw), so sending the old token again is
// a replay: invalid_grant, and oidc-provider revokes the whole sign-in, the unseen successor included.

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { runMain } from '../../src/cli/main.ts';
import {
  DEMO_SUBSCRIPTION_KEY,
  DEMO_USER,
  FAULT_STATUSES,
  signIn,
  startStandin,
  StandinError,
  type StandinFault,
  type StandinServer,
} from '../../src/standin/index.ts';
import { PROJECT_ROOT, runCli } from '../support/helpers.ts';
import {
  DEMO_CLIENT_FORM,
  POSTMAN_CALLBACK,
  postForm,
  refreshWith,
  standinFor,
  type Reply,
} from '../support/standin-helpers.ts';

const CLIENT = DEMO_CLIENT_FORM;
const API_HEADERS = { 'Ocp-Apim-Subscription-Key': DEMO_SUBSCRIPTION_KEY };

const refresh = refreshWith;

/** Signs in and exchanges the code: the access and refresh tokens of a fresh sign-in. */
async function tokensFor(standin: StandinServer): Promise<{ access: string; refresh: string }> {
  const { code } = await signIn(standin.url);
  const reply = await postForm(standin.endpoints.token, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: POSTMAN_CALLBACK,
    ...CLIENT,
  });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return { access: String(reply.body.access_token), refresh: String(reply.body.refresh_token) };
}

async function callApi(standin: StandinServer, accessToken: string, path = '/users/current'): Promise<Reply> {
  const response = await fetch(`${standin.url}${path}`, {
    headers: { Authorization: `Bearer ${accessToken}`, ...API_HEADERS },
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/**
 * A request with node:http, as Newman makes them (postman-request), so that a closed connection shows as Newman
 * reports it: `socket hang up`, ECONNRESET. Rejects with that error.
 */
function rawRequest(
  url: string,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const HUNG_UP = { code: 'ECONNRESET', message: 'socket hang up' };

function assertInvalidGrant(reply: Reply): void {
  assert.equal(reply.status, 400, JSON.stringify(reply.body));
  assert.deepEqual(reply.body, { error: 'invalid_grant', error_description: 'grant request is invalid' });
}

/**
 * The refresh token was spent by a grant whose answer the client never saw: sending it again is a replay, which
 * oidc-provider refuses and answers by revoking the sign-in — the successor the server issued (`withheld`, the
 * answer the client never received) and every access token, the one from before the lost refresh included.
 */
async function assertSpentAndSignInRevoked(
  standin: StandinServer,
  sent: { access: string; refresh: string },
  lost: Record<string, unknown>,
): Promise<void> {
  assert.equal(typeof lost.refresh_token, 'string', "the lost answer is the grant's own, with tokens");
  assert.equal(typeof lost.access_token, 'string');
  assert.notEqual(lost.refresh_token, sent.refresh, 'the server rotated: the lost answer holds a new refresh token');
  assert.equal(
    (await callApi(standin, sent.access)).status,
    200,
    'rotation alone leaves the earlier access token working',
  );
  assertInvalidGrant(await refresh(standin, sent.refresh));
  assertInvalidGrant(await refresh(standin, String(lost.refresh_token)));
  assert.equal((await callApi(standin, String(lost.access_token))).status, 401);
  assert.equal((await callApi(standin, sent.access)).status, 401);
}

describe('fault injection: error statuses at the token endpoint', () => {
  test(
    '503 before processing: Retry-After and temporarily_unavailable, ' + 'and the refresh token is not spent',
    async (t) => {
      const standin = await standinFor(t, {
        faults: [{ target: 'token', grantTypes: ['refresh_token'], status: 503, times: 2 }],
      });
      // The fault is limited to refresh grants: the sign-in's code exchange goes through, its body intact.
      const tokens = await tokensFor(standin);

      for (let attempt = 1; attempt <= 2; attempt++) {
        const reply = await refresh(standin, tokens.refresh);
        assert.equal(reply.status, 503, `attempt ${attempt}`);
        assert.equal(reply.headers.get('retry-after'), '1');
        assert.equal(reply.headers.get('cache-control'), 'no-store');
        assert.equal(reply.headers.get('pragma'), 'no-cache');
        assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
        assert.deepEqual(reply.body, {
          error: 'temporarily_unavailable',
          error_description: 'injected fault: HTTP 503',
        });
      }
      assert.equal(standin.counters.refreshGrants, 0);

      const third = await refresh(standin, tokens.refresh);
      assert.equal(third.status, 200, 'the same refresh token still works: the failed attempts spent nothing');
      assert.notEqual(third.body.refresh_token, tokens.refresh);
      assert.deepEqual(standin.counters, {
        tokenRequests: 4,
        codeGrants: 1,
        refreshGrants: 1,
        apiRequests: 0,
        faultsFired: 2,
      });
      const [fault] = standin.faults.armed;
      assert.deepEqual(
        { seen: fault?.seen, fired: fault?.fired, exhausted: fault?.exhausted, withheld: fault?.withheld },
        { seen: 2, fired: 2, exhausted: true, withheld: [] },
      );
    },
  );

  test(
    '500 after processing: the refresh token is spent, its successor lost; ' +
      'retrying it is refused and revokes the sign-in',
    async (t) => {
      const standin = await standinFor(t);
      const tokens = await tokensFor(standin);
      const fault = standin.faults.inject({
        target: 'token',
        grantTypes: ['refresh_token'],
        when: 'after',
        status: 500,
      });

      const reply = await refresh(standin, tokens.refresh);
      assert.equal(reply.status, 500);
      assert.equal(reply.headers.get('retry-after'), null);
      assert.deepEqual(reply.body, { error: 'server_error', error_description: 'injected fault: HTTP 500' });
      assert.equal(standin.counters.refreshGrants, 1, 'the server completed the refresh');
      assert.equal(fault.withheld.length, 1);
      await assertSpentAndSignInRevoked(standin, tokens, fault.withheld[0] as Record<string, unknown>);
    },
  );

  test('after processing, the lost successor is live until the old token is replayed', async (t) => {
    const standin = await standinFor(t, {
      faults: [{ target: 'token', grantTypes: ['refresh_token'], when: 'after', status: 503 }],
    });
    const tokens = await tokensFor(standin);
    assert.equal((await refresh(standin, tokens.refresh)).status, 503);
    const lost = standin.faults.armed[0]?.withheld[0] as Record<string, unknown>;
    // A client that had received the answer would simply have gone on with the new refresh token.
    const next = await refresh(standin, String(lost.refresh_token));
    assert.equal(next.status, 200);
    assert.equal((await callApi(standin, String(next.body.access_token))).status, 200);
  });

  test(
    'a code exchange answered 502 after processing spends the code; ' +
      'the tokens it issued die when the code is retried',
    async (t) => {
      const standin = await standinFor(t, {
        faults: [{ target: 'token', grantTypes: ['authorization_code'], when: 'after', status: 502 }],
      });
      const { code } = await signIn(standin.url);
      const exchange = (): Promise<Reply> =>
        postForm(standin.endpoints.token, {
          grant_type: 'authorization_code',
          code,
          redirect_uri: POSTMAN_CALLBACK,
          ...CLIENT,
        });
      const first = await exchange();
      assert.equal(first.status, 502);
      assert.deepEqual(first.body, { error: 'server_error', error_description: 'injected fault: HTTP 502' });
      assert.equal(standin.counters.codeGrants, 1);
      const lost = standin.faults.armed[0]?.withheld[0] as Record<string, unknown>;
      assertInvalidGrant(await exchange());
      assertInvalidGrant(await refresh(standin, String(lost.refresh_token)));
      assert.equal((await callApi(standin, String(lost.access_token))).status, 401);
    },
  );

  test('each status has the error body of its target, and Retry-After where it belongs', async (t) => {
    const standin = await standinFor(t);
    const { access } = await tokensFor(standin);
    const expected = {
      429: ['temporarily_unavailable', 'Rate limit is exceeded. Try again in 1 seconds.', '1'],
      500: ['server_error', 'Internal server error.', null],
      502: ['server_error', 'Bad gateway.', null],
      503: ['temporarily_unavailable', 'Service unavailable.', '1'],
      504: ['server_error', 'Gateway timeout.', null],
    } as const;
    assert.deepEqual(Object.keys(expected).map(Number), [...FAULT_STATUSES]);
    for (const status of FAULT_STATUSES) {
      const [error, message, retryAfter] = expected[status];
      standin.faults.inject({ target: 'token', status });
      const token = await postForm(standin.endpoints.token, {
        grant_type: 'refresh_token',
        refresh_token: 'whatever',
        ...CLIENT,
      });
      assert.deepEqual(
        [token.status, token.body, token.headers.get('retry-after')],
        [status, { error, error_description: `injected fault: HTTP ${status}` }, retryAfter],
      );
      standin.faults.inject({ target: 'api', status });
      const api = await callApi(standin, access);
      assert.deepEqual(
        [api.status, api.body, api.headers.get('retry-after')],
        [status, { statusCode: status, message }, retryAfter],
      );
    }
    assert.equal((await callApi(standin, access)).status, 200, 'each fault acted once');
  });
});

describe('fault injection: the API', () => {
  test('429 with Retry-After for the next 3 API requests, then answers again', async (t) => {
    const standin = await standinFor(t);
    const { access } = await tokensFor(standin);
    standin.faults.inject({ target: 'api', status: 429, times: 3, retryAfter: 7 });
    for (let call = 1; call <= 3; call++) {
      const reply = await callApi(standin, access, '/categories');
      assert.equal(reply.status, 429, `call ${call}`);
      assert.equal(reply.headers.get('retry-after'), '7');
      assert.deepEqual(reply.body, { statusCode: 429, message: 'Rate limit is exceeded. Try again in 7 seconds.' });
    }
    assert.equal((await callApi(standin, access, '/categories')).status, 200);
    assert.deepEqual(standin.counters, {
      tokenRequests: 1,
      codeGrants: 1,
      refreshGrants: 0,
      apiRequests: 4,
      faultsFired: 3,
    });
  });

  test('skip lets requests through first; faults can be disarmed one by one or all at once', async (t) => {
    const standin = await standinFor(t);
    const { access } = await tokensFor(standin);
    const second = standin.faults.inject({ target: 'api', status: 503, skip: 1, times: Infinity });
    const statuses = async (n: number): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await callApi(standin, access)).status);
      return out;
    };
    assert.deepEqual(await statuses(3), [200, 503, 503]);
    second.disarm();
    assert.deepEqual(await statuses(1), [200]);
    assert.equal(standin.faults.armed.length, 0);
    standin.faults.inject({ target: 'api', status: 500, times: Infinity });
    standin.faults.inject({ target: 'api', drop: true });
    assert.deepEqual(await statuses(1), [500], 'the first fault that answers ends the request; the drop never sees it');
    assert.equal(standin.faults.armed[1]?.seen, 0);
    standin.faults.clear();
    assert.deepEqual(await statuses(1), [200]);
  });

  test('an access token expired mid-run gets 401 invalid_token, and a refresh still works', async (t) => {
    const standin = await standinFor(t);
    const first = await tokensFor(standin);
    const refreshed = await refresh(standin, first.refresh);
    const second = String(refreshed.body.access_token);
    assert.equal((await callApi(standin, second)).status, 200);

    assert.equal(standin.expireAccessTokens(), 2);
    for (const access of [first.access, second]) {
      const reply = await callApi(standin, access);
      assert.equal(reply.status, 401);
      assert.match(
        reply.headers.get('www-authenticate') ?? '',
        /^Bearer realm="[^"]+", error="invalid_token", error_description="access token expired"$/,
      );
      assert.deepEqual(reply.body, { error: 'invalid_token', error_description: 'access token expired' });
    }
    const after = await refresh(standin, String(refreshed.body.refresh_token));
    assert.equal(after.status, 200);
    assert.equal((await callApi(standin, String(after.body.access_token))).status, 200);
    assert.equal(standin.expireAccessTokens(), 1, 'only tokens that have not expired yet are counted');
  });
});

describe('fault injection: slow answers', () => {
  test('a patient client gets the answer after the wait, before or after processing', async (t) => {
    const standin = await standinFor(t, {
      faults: [
        { target: 'api', delayMs: 150 },
        { target: 'token', grantTypes: ['refresh_token'], when: 'after', delayMs: 150 },
      ],
    });
    const tokens = await tokensFor(standin);
    let started = performance.now();
    assert.equal((await callApi(standin, tokens.access)).status, 200);
    assert.ok(performance.now() - started >= 145, `API answered after ${performance.now() - started} ms`);
    started = performance.now();
    assert.equal((await refresh(standin, tokens.refresh)).status, 200);
    assert.ok(performance.now() - started >= 145, `token endpoint answered after ${performance.now() - started} ms`);
    assert.deepEqual(
      standin.faults.armed.map((fault) => fault.withheld.length),
      [0, 0],
    );
  });

  test('a client that times out during a wait before processing spent nothing', async (t) => {
    const standin = await standinFor(t);
    const tokens = await tokensFor(standin);
    standin.faults.inject({ target: 'token', grantTypes: ['refresh_token'], delayMs: 300 });
    await assert.rejects(refresh(standin, tokens.refresh, AbortSignal.timeout(100)), { name: 'TimeoutError' });
    await sleep(350);
    assert.equal(standin.counters.refreshGrants, 0, 'the request was dropped unprocessed when its client left');
    assert.equal((await refresh(standin, tokens.refresh)).status, 200);
  });

  test('a client that times out during a wait after processing lost a rotation: the token is spent', async (t) => {
    const standin = await standinFor(t);
    const tokens = await tokensFor(standin);
    const fault = standin.faults.inject({
      target: 'token',
      grantTypes: ['refresh_token'],
      when: 'after',
      delayMs: 300,
    });
    await assert.rejects(refresh(standin, tokens.refresh, AbortSignal.timeout(100)), { name: 'TimeoutError' });
    await sleep(50);
    assert.equal(standin.counters.refreshGrants, 1);
    assert.equal(fault.withheld.length, 1, 'the server stops waiting when the client leaves, and keeps the answer');
    await assertSpentAndSignInRevoked(standin, tokens, fault.withheld[0] as Record<string, unknown>);
  });
});

describe('fault injection: dropped connections', () => {
  const form = (refreshToken: string): string =>
    new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, ...CLIENT }).toString();
  const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded' };

  test('token endpoint, before processing: the socket hangs up and the refresh token is not spent', async (t) => {
    const standin = await standinFor(t, { faults: [{ target: 'token', grantTypes: ['refresh_token'], drop: true }] });
    const tokens = await tokensFor(standin);
    await assert.rejects(rawRequest(standin.endpoints.token, 'POST', formHeaders, form(tokens.refresh)), HUNG_UP);
    assert.equal(standin.counters.refreshGrants, 0);
    assert.equal((await refresh(standin, tokens.refresh)).status, 200);
  });

  test('token endpoint, after processing: the socket hangs up and the refresh token is spent', async (t) => {
    const standin = await standinFor(t, {
      faults: [{ target: 'token', grantTypes: ['refresh_token'], when: 'after', drop: true }],
    });
    const tokens = await tokensFor(standin);
    await assert.rejects(rawRequest(standin.endpoints.token, 'POST', formHeaders, form(tokens.refresh)), HUNG_UP);
    assert.equal(standin.counters.refreshGrants, 1);
    await assertSpentAndSignInRevoked(standin, tokens, standin.faults.armed[0]?.withheld[0] as Record<string, unknown>);
  });

  test('API, before and after processing: the socket hangs up, then the API answers again', async (t) => {
    const standin = await standinFor(t);
    const { access } = await tokensFor(standin);
    const headers = { Authorization: `Bearer ${access}`, ...API_HEADERS };
    for (const when of ['before', 'after'] as const) {
      const fault = standin.faults.inject({ target: 'api', when, drop: true });
      await assert.rejects(rawRequest(`${standin.url}/users/current`, 'GET', headers), HUNG_UP, when);
      assert.equal(fault.withheld.length, when === 'after' ? 1 : 0);
      assert.deepEqual(await rawRequest(`${standin.url}/users/current`, 'GET', headers), { status: 200 });
    }
    // What the API had answered before the connection was closed: the user the token belongs to.
    assert.equal(
      (standin.faults.armed[1]?.withheld[0] as { payload: { id: string } } | undefined)?.payload.id,
      DEMO_USER.sub,
    );
  });
});

describe('fault injection: options', () => {
  test('reading the grant type ahead of oidc-provider changes nothing else: ' +
    'an oversized form is refused as oidc-provider refuses it', {
    timeout: 10_000,
  }, async (t) => {
    const oversized = { grant_type: 'refresh_token', refresh_token: 'x', padding: 'a'.repeat(70_000), ...CLIENT };
    const plain = await standinFor(t);
    const peeking = await standinFor(t, {
      faults: [{ target: 'token', grantTypes: ['authorization_code'], status: 500 }],
    });
    const expected = { error: 'invalid_request', error_description: 'failed to parse the request body' };
    for (const standin of [plain, peeking]) {
      const reply = await postForm(standin.endpoints.token, oversized);
      assert.deepEqual([reply.status, reply.body, reply.headers.get('cache-control')], [400, expected, 'no-store']);
    }
    assert.deepEqual(
      peeking.faults.armed.map((fault) => fault.seen),
      [0],
    );
  });

  test('a bad fault is refused, naming each problem', async (t) => {
    const standin = await standinFor(t);
    const cases: [unknown, string][] = [
      [{ target: 'auth', status: 500 }, 'target must be token or api, got auth'],
      [{ target: 'token', when: 'during', status: 500 }, 'when must be before or after, got during'],
      [{ target: 'api', grantTypes: ['refresh_token'], status: 500 }, 'grantTypes applies to token faults only'],
      [
        { target: 'token', grantTypes: ['password'], status: 500 },
        'grantTypes must list one or more of authorization_code, refresh_token',
      ],
      [{ target: 'token', status: 418 }, 'status must be one of 429, 500, 502, 503, 504, got 418'],
      [{ target: 'token', status: 503, retryAfter: -1 }, 'retryAfter must be a whole number of seconds, got -1'],
      [{ target: 'token', delayMs: 0 }, 'delayMs must be a whole number of milliseconds from 1 to 2147483647, got 0'],
      [{ target: 'token', drop: true, retryAfter: 1 }, 'retryAfter applies to status faults only'],
      [{ target: 'token' }, 'a fault needs exactly one of status, delayMs, drop or schemaBreak, got none'],
      [
        { target: 'token', status: 500, drop: true },
        'a fault needs exactly one of status, delayMs, drop or schemaBreak, got status and drop',
      ],
      [
        { target: 'api', status: 500, times: 0, skip: 1.5 },
        'skip must be a whole number of 0 or more, got 1.5; times must be a whole number of 1 or more, or Infinity, ' +
          'got 0',
      ],
    ];
    for (const [fault, message] of cases) {
      assert.throws(
        () => standin.faults.inject(fault as StandinFault),
        (error: unknown) => {
          assert.ok(error instanceof StandinError);
          assert.equal(error.code, 'E_STANDIN_OPTIONS');
          assert.equal(error.message, `invalid fault: ${message}`);
          return true;
        },
      );
    }
    await assert.rejects(
      startStandin({
        port: 0,
        faults: [
          { target: 'api', status: 500 },
          { target: 'api', delayMs: -5 },
        ],
      }),
      {
        code: 'E_STANDIN_OPTIONS',
        message:
          'invalid stand-in options: faults[1]: delayMs must be a whole number of milliseconds from 1 to 2147483647,' +
          ' got -5',
      },
    );
  });
});

describe('mvpm serve --fault', () => {
  test('refuses a malformed fault with E_USAGE, reporting every bad one', async () => {
    const result = await runCli(
      [
        'serve',
        '--port',
        '0',
        '--fault',
        'token-delay=5000',
        '--fault',
        'api=418',
        '--fault',
        'refresh=503:0',
        '--fault',
        'api=0ms',
        '--fault',
        'api=drop',
      ],
      PROJECT_ROOT,
    );
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      [
        "mvpm serve: error[E_USAGE]: --fault 'token-delay=5000': " +
          'expected <target>[-after]=<effect>[:<times>] with target token, refresh, code or api, or schema=<operation>',
        "--fault 'api=418': status must be one of 429, 500, 502, 503, 504, got 418",
        "--fault 'refresh=503:0': times must be a whole number of 1 or more, or always, not '0'",
        "--fault 'api=0ms': delayMs must be a whole number of milliseconds from 1 to 2147483647, got 0",
        '',
      ].join('\n'),
    );
    const help = await runCli(['serve', '--help'], PROJECT_ROOT);
    assert.match(help.stdout, /--fault <fault>/);
    assert.match(help.stdout, /Faults: <target>\[-after\]=<effect>\[:<times>\]/);
  });

  test('arms the faults it is given, says so, and the stand-in acts on them', async () => {
    let stdout = '';
    const controller = new AbortController();
    const done = runMain(
      [
        'serve',
        '--port',
        '0',
        '--fault',
        'refresh=503:2',
        '--fault',
        'api-after=drop',
        '--fault',
        'code-after=150ms:always',
      ],
      {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => true },
        env: { NO_COLOR: '1' },
        cwd: PROJECT_ROOT,
        signal: controller.signal,
      },
    );
    try {
      for (let i = 0; i < 100 && !stdout.includes('Ctrl-C'); i++) await sleep(20);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      assert.ok(url, stdout);
      assert.match(
        stdout,
        new RegExp(
          [
            '  Faults armed \\(the stand-in misbehaves on purpose\\):',
            '  - refresh_token requests: 503 with Retry-After: 1, before processing, the next 2',
            '  - API requests: connection closed without an answer, after processing, the next one',
            '  - authorization_code requests: delayed 150 ms, after processing, every one',
          ].join('\n'),
        ),
      );
      const reply = await postForm(`${url}/connect/token`, {
        grant_type: 'refresh_token',
        refresh_token: 'x',
        ...CLIENT,
      });
      assert.equal(reply.status, 503);
      await assert.rejects(rawRequest(`${url}/users/current`, 'GET', {}), HUNG_UP);
    } finally {
      controller.abort();
      assert.equal(await done, 0);
    }
  });
});
