// The stand-in's storage for oidc-provider: the adapter contract and the ageing used by expiry tests.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ArtifactStore } from '../../src/standin/artifact-store.ts';

describe('ArtifactStore', () => {
  test("revokeByGrantId drops that grant's artifacts of the calling model only", async () => {
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
    assert.deepEqual(await tokens.find('old'), {
      iat: 900,
      exp: 1900,
      iiat: 800,
      authTime: 850,
      consumed: 1400,
      scope: 'api',
    });
    assert.deepEqual(await tokens.find('new'), { iat: 1000, exp: 2000 });
  });

  test('a capped model forgets its least recently stored artifacts, and only its own', async () => {
    const evicted: string[] = [];
    const store = new ArtifactStore({ maxPerModel: { Interaction: 3 }, onEvict: (model) => evicted.push(model) });
    const interactions = store.adapterFactory('Interaction');
    const grants = store.adapterFactory('Grant');
    for (const id of ['g1', 'g2', 'g3', 'g4', 'g5']) await grants.upsert(id, {}, 60);
    for (const id of ['i1', 'i2', 'i3']) await interactions.upsert(id, { id }, 60);
    // Storing i1 again makes it the newest: i2 is now the oldest.
    await interactions.upsert('i1', { id: 'i1', step: 2 }, 60);
    await interactions.upsert('i4', { id: 'i4' }, 60);
    await interactions.upsert('i5', { id: 'i5' }, 60);

    assert.equal(await interactions.find('i2'), undefined);
    assert.equal(await interactions.find('i3'), undefined);
    assert.deepEqual(await interactions.find('i1'), { id: 'i1', step: 2 });
    assert.deepEqual(await interactions.find('i5'), { id: 'i5' });
    assert.deepEqual(store.countByModel(), { Grant: 5, Interaction: 3 });
    assert.deepEqual(evicted, ['Interaction', 'Interaction']);
    await interactions.destroy('i4');
    assert.deepEqual(store.countByModel(), { Grant: 5, Interaction: 2 });
  });

  test('an evicted session is no longer found by its uid', async () => {
    const store = new ArtifactStore({ maxPerModel: { Session: 1 } });
    const sessions = store.adapterFactory('Session');
    await sessions.upsert('s1', { uid: 'u1' }, 60);
    await sessions.upsert('s2', { uid: 'u2' }, 60);
    assert.equal(await sessions.findByUid('u1'), undefined);
    assert.deepEqual(await sessions.findByUid('u2'), { uid: 'u2' });
    assert.equal(store.size, 1);
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
