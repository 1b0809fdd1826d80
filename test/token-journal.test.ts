import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chooseRefreshToken } from '../src/run/run-suite.ts';
import { Masker, MASK } from '../src/run/masking.ts';
import { emptyState, fingerprint } from '../src/run/state-file.ts';
import { stateBinding } from '../src/run/state-binding.ts';
import { afterTokenCall, beforeTokenCall } from '../src/run/token-journal.ts';

const now = new Date('2026-11-25T12:00:00Z');
const base = { ...emptyState(stateBinding('mediavalet', 'https://login.example', 'client-id'), now), refreshToken: 'rt-old-000000' };
const refresh = { grantType: 'refresh_token', refreshToken: 'rt-old-000000' };

describe('token journal', () => {
  test('a refresh about to go out is pending; its answer clears that', () => {
    const pending = beforeTokenCall(base, refresh, now);
    assert.deepEqual(pending.pending, { fingerprint: fingerprint('rt-old-000000'), since: now.toISOString() });
    const after = afterTokenCall(pending, refresh, { kind: 'issued', refreshToken: 'rt-new-111111', accessToken: 'at-1', expiresIn: 3600 }, now);
    assert.equal(after.pending, undefined);
    assert.equal(after.refreshToken, 'rt-new-111111');
    assert.equal(after.accessTokenExpiresAt, now.getTime() + 3600_000);
    assert.deepEqual(after.spent, [fingerprint('rt-old-000000')]);
  });

  test('invalid_grant ends the chain: no token kept, the reason recorded, the sent one spent', () => {
    const after = afterTokenCall(beforeTokenCall(base, refresh, now), refresh, { kind: 'refused', status: 400, error: 'invalid_grant' }, now);
    assert.equal(after.refreshToken, undefined);
    assert.deepEqual(after.dead, { reason: 'invalid_grant', at: now.toISOString() });
    assert.deepEqual(after.spent, [fingerprint('rt-old-000000')]);
  });

  test('a 5xx or no answer leaves the token in doubt, kept', () => {
    const after = afterTokenCall(beforeTokenCall(base, refresh, now), refresh, { kind: 'unknown', reason: 'HTTP 503' }, now);
    assert.equal(after.refreshToken, 'rt-old-000000');
    assert.deepEqual(after.inDoubt, { fingerprint: fingerprint('rt-old-000000'), reason: 'HTTP 503', at: now.toISOString() });
  });

  test('invalid_client changes nothing but the pending mark', () => {
    const after = afterTokenCall(beforeTokenCall(base, refresh, now), refresh, { kind: 'refused', status: 401, error: 'invalid_client' }, now);
    assert.deepEqual({ ...after, updatedAt: base.updatedAt }, base);
  });

  test('authorization-code exchanges start a chain and clear an ended one', () => {
    const dead = { ...base, refreshToken: undefined, dead: { reason: 'invalid_grant', at: 'x' } };
    const after = afterTokenCall(dead, { grantType: 'authorization_code' }, { kind: 'issued', refreshToken: 'rt-fresh-22222' }, now);
    assert.equal(after.refreshToken, 'rt-fresh-22222');
    assert.equal(after.dead, undefined);
  });
});

describe('which refresh token is sent', () => {
  const state = { ...base, spent: [fingerprint('rt-env-spent-0')] };
  test('MV_REFRESH_TOKEN while unspent, else the state file', () => {
    assert.deepEqual(chooseRefreshToken('rt-env-fresh-0', state, false), { token: 'rt-env-fresh-0', source: 'MV_REFRESH_TOKEN' });
    assert.deepEqual(chooseRefreshToken('rt-env-spent-0', state, false), { token: 'rt-old-000000', source: 'state file' });
  });
  test('a token left pending by a killed run or in doubt is not sent; the error says to sign in again', () => {
    const killed = beforeTokenCall(state, refresh, now);
    assert.throws(() => chooseRefreshToken(undefined, killed, false), /E_REFRESH_IN_DOUBT|may have been spent.*mvpm login/);
    assert.deepEqual(chooseRefreshToken(undefined, killed, false, true), { token: 'rt-old-000000', source: 'state file' });
  });
  test('an ended chain asks for mvpm login', () => {
    assert.throws(() => chooseRefreshToken(undefined, { ...state, refreshToken: undefined, dead: { reason: 'invalid_grant', at: 't' } }, false), /refused the last refresh token .*mvpm login/);
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
    const forms = [secret, encodeURIComponent(secret), new URLSearchParams({ v: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1), 's3cr3t/+&amp;&quot;&lt;x&gt;', Buffer.from(`client-1:${secret}`).toString('base64')];
    for (const form of forms) assert.equal(masker.mask(`[${form}]`), `[${MASK}]`, form);
    assert.equal(masker.mask('abc'), 'abc', 'too short to mask');
  });
});
