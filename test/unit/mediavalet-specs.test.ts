// Facts about the committed MediaValet outputs that support staff and the seed guide rely on.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { CHECKS_OPEN, parseChecks } from '../../src/compile/scripts/checks.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';

interface EnvFile {
  name: string;
  values: { key: string; value: string; type: string; enabled: boolean }[];
}
interface Param {
  key: string;
  value: unknown;
}
interface Item {
  name: string;
  item?: Item[];
  request?: {
    method: string;
    url: { raw: string };
    auth?: { type: string };
    header: Param[];
    body?: { mode: string; urlencoded?: Param[] };
  };
  event?: { listen: string; script: { exec: string[] } }[];
}

const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) as T;
const guide = read<EnvFile>('environments/guide-variables.postman_environment.json');
const standin = read<EnvFile>('environments/local-standin.postman_environment.json');
const collection = read<{ item: Item[]; auth: { type: string; oauth2: Param[] }; event: NonNullable<Item['event']> }>(
  'collections/mediavalet.postman_collection.json',
);
const envValue = (env: EnvFile, key: string) => env.values.find((v) => v.key === key);
const folder = (name: string): Item => {
  const found = collection.item.find((i) => i.name === name);
  assert.ok(found, `folder ${name}`);
  return found;
};
const fields = (params: Param[] | undefined) => Object.fromEntries((params ?? []).map((p) => [p.key, p.value]));
/** The checks and captures a request lists in its pre-request script, for the collection's test script to run. */
const checksOf = (item: Item): Record<string, unknown>[] => {
  const exec = item.event?.find((e) => e.listen === 'prerequest')?.script.exec ?? [];
  const start = exec.indexOf(CHECKS_OPEN);
  return ((start === -1 ? undefined : parseChecks(exec.slice(start)))?.entries ?? []) as Record<string, unknown>[];
};
const has = (item: Item, entry: Record<string, unknown>): boolean =>
  checksOf(item).some((c) => Object.entries(entry).every(([k, v]) => JSON.stringify(c[k]) === JSON.stringify(v)));

describe('the "MediaValet - Guide Variables" environment', () => {
  test('is named exactly as the guide says and holds its five keys', () => {
    assert.equal(guide.name, 'MediaValet - Guide Variables');
    for (const key of ['ClientId', 'ClientSecret', 'Scope', 'State', 'redirect_URI'])
      assert.ok(envValue(guide, key), key);
  });
  test('points at MediaValet and asks for a refresh token', () => {
    assert.equal(envValue(guide, 'authBaseUrl')?.value, 'https://login.mediavalet.com');
    assert.equal(envValue(guide, 'apiBaseUrl')?.value, 'https://api.mediavalet.com');
    assert.equal(envValue(guide, 'Scope')?.value, 'openid api offline_access');
    // The token endpoint has its own variable, under the sign-in server, so a run can point it at its relay.
    assert.equal(envValue(guide, 'tokenUrl')?.value, '{{authBaseUrl}}/connect/token');
  });
  test('types every secret as secret and leaves it empty', () => {
    for (const key of ['ClientSecret', 'SubscriptionKey', 'access_token', 'refresh_token', 'previous_refresh_token']) {
      assert.deepEqual([envValue(guide, key)?.type, envValue(guide, key)?.value], ['secret', ''], key);
    }
  });
});

describe('the "MediaValet - Local Stand-in" environment', () => {
  test('has the same keys, pointing at this machine', () => {
    assert.equal(standin.name, 'MediaValet - Local Stand-in');
    assert.deepEqual(
      standin.values.map((v) => v.key),
      guide.values.map((v) => v.key),
    );
    assert.match(envValue(standin, 'authBaseUrl')!.value, /^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('no committed environment holds a token', () => {
  for (const file of readdirSync(path.join(PROJECT_ROOT, 'environments'))) {
    test(file, () => {
      const env = read<EnvFile>(path.join('environments', file));
      for (const key of ['access_token', 'refresh_token', 'previous_refresh_token'])
        assert.equal(envValue(env, key)?.value, '', key);
      for (const v of env.values.filter((x) => x.type === 'secret')) assert.equal(v.value, '', v.key);
    });
  }
});

describe('the MediaValet collection', () => {
  test('has an OAuth2 authorization-code block filled from the environment, sending {{access_token}}', () => {
    assert.equal(collection.auth.type, 'oauth2');
    assert.deepEqual(fields(collection.auth.oauth2), {
      grant_type: 'authorization_code',
      authUrl: '{{authBaseUrl}}/connect/authorize',
      accessTokenUrl: '{{tokenUrl}}',
      refreshTokenUrl: '{{tokenUrl}}',
      clientId: '{{ClientId}}',
      clientSecret: '{{ClientSecret}}',
      scope: '{{Scope}}',
      state: '{{State}}',
      redirect_uri: '{{redirect_URI}}',
      useBrowser: false,
      client_authentication: 'body',
      addTokenTo: 'header',
      tokenName: 'MediaValet',
      headerPrefix: 'Bearer',
      accessToken: '{{access_token}}',
    });
  });

  test("runs sign-in, refresh chain, API, the OpenAPI document's tag folders and stand-in checks in that order", () => {
    const document = parse(readFileSync(path.join(PROJECT_ROOT, 'specs/openapi/mediavalet.openapi.yaml'), 'utf8')) as {
      tags: { name: string }[];
    };
    assert.deepEqual(
      collection.item.map((i) => i.name),
      ['Sign in', 'Refresh chain', 'API', ...document.tags.map((t) => t.name), 'Stand-in checks'],
    );
  });

  test('captures chain ids: search → that asset → its renditions; categories → that category', () => {
    const request = (folderName: string, name: string): Item => {
      const found = folder(folderName).item!.find((i) => i.name === name);
      assert.ok(found, `${folderName} / ${name}`);
      return found;
    };
    assert.ok(has(request('API', 'Search assets'), { into: 'assetId', json: '$.payload.assets[0].id' }));
    assert.ok(has(request('API', 'List categories'), { into: 'categoryId', json: '$.payload[0].id' }));
    const uses = [
      ['Assets', 'Get an asset', '{{apiBaseUrl}}/assets/{{assetId}}'],
      ['Assets', "List an asset's renditions", '{{apiBaseUrl}}/assets/{{assetId}}/renditions'],
      ['Categories', 'Get a category', '{{apiBaseUrl}}/categories/{{categoryId}}'],
    ] as const;
    for (const [folderName, name, url] of uses) assert.equal(request(folderName, name).request!.url.raw, url);
    // The folders that capture come before the folders that use what they capture.
    const names = collection.item.map((i) => i.name);
    assert.ok(names.indexOf('API') < names.indexOf('Assets') && names.indexOf('API') < names.indexOf('Categories'));
  });

  test('"Refresh access token" is the guide\'s request', () => {
    const refresh = folder('Refresh chain').item![0]!;
    assert.equal(refresh.name, 'Refresh access token');
    assert.equal(refresh.request!.method, 'POST');
    // Through the token-URL variable, which `mvpm run` points at its token relay (see token-relay.ts).
    assert.equal(refresh.request!.url.raw, '{{tokenUrl}}');
    assert.equal(refresh.request!.auth?.type, 'noauth');
    assert.deepEqual(fields(refresh.request!.body!.urlencoded), {
      refresh_token: '{{refresh_token}}',
      client_id: '{{ClientId}}',
      client_secret: '{{ClientSecret}}',
      grant_type: 'refresh_token',
    });
  });

  test('each token request checks the response and captures the rotated tokens into the environment', () => {
    const tokenRequests = [folder('Sign in').item![0]!, ...folder('Refresh chain').item!];
    assert.equal(tokenRequests.length, 3);
    for (const item of tokenRequests) {
      for (const check of [
        { kind: 'status', codes: [200] },
        { kind: 'body', path: '$.token_type', check: 'equals', expected: 'Bearer' },
        { kind: 'body', path: '$.access_token', check: 'type', expected: 'string' },
        { kind: 'body', path: '$.refresh_token', check: 'type', expected: 'string' },
        { kind: 'body', path: '$.expires_in', check: 'type', expected: 'number' },
      ]) {
        assert.ok(has(item, check), `${item.name}: ${JSON.stringify(check)}`);
      }
      for (const variable of ['access_token', 'refresh_token', 'access_token_expires_at']) {
        assert.ok(has(item, { into: variable }), `${item.name} captures ${variable}`);
      }
    }
    const runner = collection.event.find((e) => e.listen === 'test')!.script.exec.join('\n');
    assert.ok(runner.includes('pm.environment.set(variable'), 'captures go to the environment');
    for (const item of folder('Refresh chain').item!) {
      const check = { kind: 'body', path: '$.refresh_token', check: 'notEquals', expected: '{{refresh_token}}' };
      assert.ok(has(item, check), item.name);
    }
  });

  test(
    'the API folder calls users/current, ' +
      'categories and assets/search with the subscription key and a schema check',
    () => {
      const api = folder('API').item!;
      assert.deepEqual(
        api.map((i) => `${i.request!.method} ${i.request!.url.raw}`),
        [
          'GET {{apiBaseUrl}}/users/current',
          'GET {{apiBaseUrl}}/categories?offset=0&count=50',
          'POST {{apiBaseUrl}}/assets/search',
        ],
      );
      for (const item of api) {
        assert.equal(item.request!.auth, undefined, `${item.name} inherits the collection's OAuth2 token`);
        assert.equal(fields(item.request!.header)['Ocp-Apim-Subscription-Key'], '{{SubscriptionKey}}');
        assert.ok(has(item, { kind: 'schema' }), `${item.name} checks a schema`);
      }
    },
  );

  test('the spent-token check runs last and only against a local server', () => {
    const checks = collection.item.at(-1)!;
    assert.equal(checks.name, 'Stand-in checks');
    const guard = checks.event!.find((e) => e.listen === 'prerequest')!.script.exec.join('\n');
    assert.match(guard, /pm\.execution\.skipRequest\(\)/);
    const reuse = checks.item![0]!;
    assert.equal(fields(reuse.request!.body!.urlencoded)['refresh_token'], '{{previous_refresh_token}}');
    assert.ok(has(reuse, { kind: 'body', path: '$.error', check: 'equals', expected: 'invalid_grant' }));
  });
});
