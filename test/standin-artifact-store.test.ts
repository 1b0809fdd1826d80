// The stand-in's storage for oidc-provider: the adapter contract and the ageing used by expiry tests.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ArtifactStore } from '../src/standin/artifact-store.ts';

describe('ArtifactStore', () => {
  test('revokeByGrantId drops that grant\'s artifacts of the calling model only', async () => {
    const store = new ArtifactStore();
    const accessTokens = store.adapterFactory('AccessToken');
    const refreshTokens = store.adapterFactory('RefreshToken');
    await accessTokens.upsert('at-1', { grantId: 'g1' }, 60);
    await accessTokens.upsert('at-2', { grantId: 'g2' }, 60);
    await refreshTokens.upsert('rt-1', { grantId: 'g1' }, 60);

    await accessTokens.revokeByGrantId('g1');
    assert.equal(await accessTokens.find('at-1'), undefined);
    assert.deepEqual(await accessTokens.find('at-2'), { grantId: 'g2' });
    assert.deepEqual(await refreshTokens.find('rt-1'), { grantId: 'g1' });
    await refreshTokens.revokeByGrantId('g1');
    assert.equal(await refreshTokens.find('rt-1'), undefined);
  });

  test('models are separate namespaces; find returns a copy; consume marks the time', async () => {
    const store = new ArtifactStore();
    const codes = store.adapterFactory('AuthorizationCode');
    await codes.upsert('same-id', { scope: 'openid' }, 60);
    assert.equal(await store.adapterFactory('AccessToken').find('same-id'), undefined);
    const found = await codes.find('same-id');
    assert.ok(found);
    found.scope = 'changed';
    assert.equal((await codes.find('same-id'))?.scope, 'openid');
    await codes.consume('same-id');
    const consumed = (await codes.find('same-id'))?.consumed;
    assert.equal(typeof consumed, 'number');
    assert.ok(Math.abs(Number(consumed) - Date.now() / 1000) < 5);
  });

  test('sessions are found by uid, and destroy removes them', async () => {
    const store = new ArtifactStore();
    const sessions = store.adapterFactory('Session');
    await sessions.upsert('session-1', { uid: 'uid-1', accountId: 'a' }, 60);
    assert.deepEqual(await sessions.findByUid('uid-1'), { uid: 'uid-1', accountId: 'a' });
    await sessions.destroy('session-1');
    assert.equal(await sessions.findByUid('uid-1'), undefined);
    assert.equal(store.size, 0);
  });

  test('ageBy moves every stored time back, and nothing created later', async () => {
    const store = new ArtifactStore();
    const tokens = store.adapterFactory('RefreshToken');
    await tokens.upsert('old', { iat: 1000, exp: 2000, iiat: 900, authTime: 950, consumed: 1500, scope: 'api' }, 60);
    store.ageBy(100);
    await tokens.upsert('new', { iat: 1000, exp: 2000 }, 60);
    assert.deepEqual(await tokens.find('old'), { iat: 900, exp: 1900, iiat: 800, authTime: 850, consumed: 1400, scope: 'api' });
    assert.deepEqual(await tokens.find('new'), { iat: 1000, exp: 2000 });
  });

  test('an entry is forgotten once long past its lifetime, but still found just after it', async () => {
    const store = new ArtifactStore();
    const codes = store.adapterFactory('AuthorizationCode');
    await codes.upsert('code', { exp: 0 }, 60);
    store.ageBy(61);
    assert.ok(await codes.find('code'), 'kept briefly so oidc-provider can report "expired"');
    store.ageBy(3600);
    assert.equal(await codes.find('code'), undefined);
  });
});
