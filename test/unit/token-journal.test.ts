import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { chooseRefreshToken } from '../../src/run/run-suite.ts';
import { Masker, MASK } from '../../src/run/masking.ts';
import {
  emptyState,
  fingerprint,
  isSpent,
  parseState,
  SPENT_KEPT_DAYS,
  withOffered,
  type TokenState,
} from '../../src/run/state-file.ts';
import { stateBinding } from '../../src/run/state-binding.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';
import {
  afterTokenCall,
  beforeTokenCall,
  classifyTokenFailure,
  failedTokenCallOutcome,
  TOKEN_FAILURES,
} from '../../src/run/token-journal.ts';

const now = new Date('2026-11-25T12:00:00Z');
const base = {
  ...emptyState(stateBinding('mediavalet', 'https://login.example', 'client-id'), now),
  refreshToken: 'rt-old-000000',
};
const refresh = { grantType: 'refresh_token', refreshToken: 'rt-old-000000' };

describe('token journal', () => {
  test('a refresh about to go out is pending; its answer clears that', () => {
    const pending = beforeTokenCall(base, refresh, now);
    assert.deepEqual(pending.pending, { fingerprint: fingerprint('rt-old-000000'), since: now.toISOString() });
    const after = afterTokenCall(
      pending,
      refresh,
      { kind: 'issued', refreshToken: 'rt-new-111111', accessToken: 'at-1', expiresIn: 3600 },
      now,
    );
    assert.equal(after.pending, undefined);
    assert.equal(after.refreshToken, 'rt-new-111111');
    assert.equal(after.accessTokenExpiresAt, now.getTime() + 3600_000);
    assert.deepEqual(after.spent, [{ fingerprint: fingerprint('rt-old-000000'), at: now.toISOString() }]);
  });

  test('invalid_grant ends the chain: no token kept, the reason recorded, the sent one spent', () => {
    const after = afterTokenCall(
      beforeTokenCall(base, refresh, now),
      refresh,
      { kind: 'refused', status: 400, error: 'invalid_grant' },
      now,
    );
    assert.equal(after.refreshToken, undefined);
    assert.deepEqual(after.dead, { reason: 'invalid_grant', at: now.toISOString() });
    assert.deepEqual(after.spent, [{ fingerprint: fingerprint('rt-old-000000'), at: now.toISOString() }]);
  });

  test('a 5xx or no answer leaves the token in doubt, kept', () => {
    const after = afterTokenCall(
      beforeTokenCall(base, refresh, now),
      refresh,
      { kind: 'unknown', reason: 'HTTP 503' },
      now,
    );
    assert.equal(after.refreshToken, 'rt-old-000000');
    assert.deepEqual(after.inDoubt, {
      fingerprint: fingerprint('rt-old-000000'),
      reason: 'HTTP 503',
      at: now.toISOString(),
    });
  });

  test('invalid_client changes nothing but the pending mark', () => {
    const after = afterTokenCall(
      beforeTokenCall(base, refresh, now),
      refresh,
      { kind: 'refused', status: 401, error: 'invalid_client' },
      now,
    );
    assert.deepEqual({ ...after, updatedAt: base.updatedAt }, base);
  });

  test('authorization-code exchanges start a chain and clear an ended one', () => {
    const dead = { ...base, refreshToken: undefined, dead: { reason: 'invalid_grant', at: 'x' } };
    const after = afterTokenCall(
      dead,
      { grantType: 'authorization_code' },
      { kind: 'issued', refreshToken: 'rt-fresh-22222' },
      now,
    );
    assert.equal(after.refreshToken, 'rt-fresh-22222');
    assert.equal(after.dead, undefined);
  });
});

describe('a failed token call: usable or in doubt (TOKEN_FAILURES, documented in docs/ci.md)', () => {
  // One row per line of the table; each must decide as docs/ci.md says.
  const rows: [string, Parameters<typeof classifyTokenFailure>[0], 'usable' | 'in-doubt'][] = [
    ['connection refused', { code: 'ECONNREFUSED' }, 'usable'],
    ['name not found', { code: 'ENOTFOUND' }, 'usable'],
    ['name lookup failed for now', { code: 'EAI_AGAIN' }, 'usable'],
    ['no route', { code: 'EHOSTUNREACH' }, 'usable'],
    ['self-signed certificate', { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'usable'],
    ['expired certificate', { code: 'CERT_HAS_EXPIRED' }, 'usable'],
    ['certificate for another name', { code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'usable'],
    ['connect timeout (postman-request sets connect: true)', { code: 'ETIMEDOUT', connect: true }, 'usable'],
    ['timeout once connected', { code: 'ETIMEDOUT', connect: false }, 'in-doubt'],
    ['timeout of unknown phase', { code: 'ETIMEDOUT' }, 'in-doubt'],
    ['response timeout', { code: 'ESOCKETTIMEDOUT', connect: false }, 'in-doubt'],
    ['connection reset', { code: 'ECONNRESET' }, 'in-doubt'],
    ['broken pipe', { code: 'EPIPE' }, 'in-doubt'],
    ['HTTP 500', { status: 500 }, 'in-doubt'],
    ['HTTP 503', { status: 503 }, 'in-doubt'],
    ['an unknown code', { code: 'EWHATEVER' }, 'in-doubt'],
    ['no code at all', { message: 'socket hang up' }, 'in-doubt'],
  ];
  for (const [name, failure, expected] of rows) {
    test(`${name}: ${expected}`, () => {
      assert.equal(classifyTokenFailure(failure).after, expected);
      assert.equal(failedTokenCallOutcome(failure).kind, expected === 'usable' ? 'unsent' : 'unknown');
    });
  }

  test('every code of the table is documented in docs/ci.md with its verdict', () => {
    const doc = readFileSync(path.join(PROJECT_ROOT, 'docs/ci.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### When is a refresh token in doubt'));
    for (const row of TOKEN_FAILURES) {
      for (const code of row.codes) {
        const line = section.split('\n').find((l) => l.startsWith('|') && l.includes(`\`${code}\``));
        assert.ok(line, `${code} is missing from the table in docs/ci.md`);
        assert.match(
          line,
          row.after === 'usable' ? /\| usable \|/ : /\| in doubt \|/,
          `${code}: docs/ci.md must say ${row.after}`,
        );
      }
    }
  });

  test(
    'a call that never reached the server leaves the token usable: ' + 'pending cleared, nothing flagged or spent',
    () => {
      const after = afterTokenCall(
        beforeTokenCall(base, refresh, now),
        refresh,
        failedTokenCallOutcome({ code: 'ECONNREFUSED' }),
        now,
      );
      assert.equal(after.pending, undefined);
      assert.equal(after.inDoubt, undefined);
      assert.deepEqual(after.spent, []);
      assert.deepEqual(chooseRefreshToken(undefined, after, false), { token: 'rt-old-000000', source: 'state file' });
    },
  );
});

describe('spent tokens are bounded by age, never by count', () => {
  const rotate = (state: TokenState, times: number, start: Date, stepMs: number): TokenState => {
    let current = state;
    for (let i = 0; i < times; i += 1) {
      const at = new Date(start.getTime() + i * stepMs);
      const call = { grantType: 'refresh_token', refreshToken: current.refreshToken! };
      current = afterTokenCall(
        beforeTokenCall(current, call, at),
        call,
        { kind: 'issued', refreshToken: `rt-${i}-${'x'.repeat(8)}` },
        at,
      );
    }
    return current;
  };

  test('MV_REFRESH_TOKEN stays spent after 500 rotations and two years; other tokens go after SPENT_KEPT_DAYS', () => {
    const envToken = 'rt-from-the-ci-secret';
    const start = withOffered({ ...base, refreshToken: envToken }, envToken);
    const day = 24 * 60 * 60 * 1000;
    const after = rotate(start, 500, now, (2 * 365 * day) / 500);
    assert.ok(isSpent(after, envToken), 'the value of MV_REFRESH_TOKEN is never forgotten');
    assert.deepEqual(chooseRefreshToken(envToken, after, false), { token: after.refreshToken, source: 'state file' });
    assert.ok(!isSpent(after, 'rt-0-xxxxxxxx'), 'a token spent two years ago (not MV_REFRESH_TOKEN) is forgotten');
    assert.ok(isSpent(after, 'rt-400-xxxxxxxx'), 'one spent within SPENT_KEPT_DAYS is kept');
    const kept = after.spent.length;
    assert.ok(kept > 50 && kept < 500, `${kept} kept: by age, not by count`);
    assert.ok(
      after.spent
        .filter((s) => s.fingerprint !== fingerprint(envToken))
        .every((s) => Date.parse(s.at) >= Date.parse(after.updatedAt) - SPENT_KEPT_DAYS * day),
      `nothing older than ${SPENT_KEPT_DAYS} days but MV_REFRESH_TOKEN`,
    );
  });

  test('1,000 rotations within a day: every spent token is kept', () => {
    const after = rotate(base, 1000, now, 60_000);
    assert.equal(after.spent.length, 1000);
    assert.ok(isSpent(after, 'rt-old-000000'));
  });

  test('a version 2 file (bare fingerprints) is read with its spent tokens timed at its last write', () => {
    const v2 = { ...base, version: 2, spent: [fingerprint('rt-a-0000000')], updatedAt: '2026-01-02T03:04:05.000Z' };
    const parsed = parseState(JSON.parse(JSON.stringify(v2)));
    assert.ok('state' in parsed && parsed.state.version === 3);
    assert.deepEqual('state' in parsed && parsed.state.spent, [
      { fingerprint: fingerprint('rt-a-0000000'), at: '2026-01-02T03:04:05.000Z' },
    ]);
  });
});

describe('which refresh token is sent', () => {
  const state = { ...base, spent: [{ fingerprint: fingerprint('rt-env-spent-0'), at: now.toISOString() }] };
  test('MV_REFRESH_TOKEN while unspent, else the state file', () => {
    assert.deepEqual(chooseRefreshToken('rt-env-fresh-0', state, false), {
      token: 'rt-env-fresh-0',
      source: 'MV_REFRESH_TOKEN',
    });
    assert.deepEqual(chooseRefreshToken('rt-env-spent-0', state, false), {
      token: 'rt-old-000000',
      source: 'state file',
    });
  });
  test('a token left pending by a killed run or in doubt is not sent; the error says to sign in again', () => {
    const killed = beforeTokenCall(state, refresh, now);
    assert.throws(
      () => chooseRefreshToken(undefined, killed, false),
      /E_REFRESH_IN_DOUBT|may have been spent.*mvpm login/,
    );
    assert.deepEqual(chooseRefreshToken(undefined, killed, false, true), {
      token: 'rt-old-000000',
      source: 'state file',
    });
  });
  test('an ended chain asks for mvpm login', () => {
    assert.throws(
      () =>
        chooseRefreshToken(
          undefined,
          { ...state, refreshToken: undefined, dead: { reason: 'invalid_grant', at: 't' } },
          false,
        ),
      /refused the last refresh token .*mvpm login/,
    );
  });
  test('a stand-in signs in again instead', () => {
    assert.equal(chooseRefreshToken(undefined, { ...state, refreshToken: undefined }, true), undefined);
  });
});

describe('masking', () => {
  test('every form of a secret is masked', () => {
    const masker = new Masker();
    masker.addIdentity('client-1');
    masker.addSecret('s3cr3t/+&"<x>');
    masker.addSecret('abc');
    const secret = 's3cr3t/+&"<x>';
    const forms = [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ v: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
      's3cr3t/+&amp;&quot;&lt;x&gt;',
      Buffer.from(`client-1:${secret}`).toString('base64'),
    ];
    for (const form of forms) assert.equal(masker.mask(`[${form}]`), `[${MASK}]`, form);
    assert.equal(masker.mask('abc'), 'abc', 'too short to mask');
  });
});
