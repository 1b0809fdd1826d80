// The stand-in's MediaValet API: subscription key first, then bearer token, then envelopes of demo data.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DEMO_CLIENT,
  DEMO_SUBSCRIPTION_KEY,
  DEMO_USER,
  signIn,
  startStandin,
  type StandinServer,
} from '../../src/standin/index.ts';

let standin: StandinServer;
let accessToken: string;

async function accessTokenFor(scope: string): Promise<string> {
  const { code } = await signIn(standin.url, { scope });
  const response = await fetch(standin.endpoints.token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'https://oauth.pstmn.io/v1/callback',
      client_id: DEMO_CLIENT.clientId,
      client_secret: DEMO_CLIENT.clientSecret,
    }).toString(),
  });
  return String(((await response.json()) as Record<string, unknown>).access_token);
}

interface Envelope<T> {
  readonly apiVersion: string;
  readonly meta: Record<string, unknown>;
  readonly recordCount: { totalRecordsFound: number; startingRecord: number; recordsReturned: number };
  readonly payload: T;
}
interface Category {
  readonly id: string;
  readonly tree: { name: string; path: string };
  readonly assetCount: number;
}
interface Asset {
  readonly id: string;
  readonly title: string;
  readonly file: { fileName: string };
}
/** Error bodies: API Management's {statusCode, message} or RFC 6750's {error, error_description, scope}. */
interface Failure {
  readonly statusCode?: number;
  readonly message?: string;
  readonly error?: string;
  readonly scope?: string;
}

interface ApiReply<T> {
  readonly status: number;
  readonly headers: Headers;
  /** The JSON body, as the test expects it to be shaped; the assertions check it. */
  readonly body: T;
}

async function api<T = Failure>(
  path: string,
  init: { method?: string; body?: string; key?: string | null; token?: string | null } = {},
): Promise<ApiReply<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const key = init.key === undefined ? DEMO_SUBSCRIPTION_KEY : init.key;
  const token = init.token === undefined ? accessToken : init.token;
  if (key !== null) headers['Ocp-Apim-Subscription-Key'] = key;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${standin.url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

function search(query: Record<string, unknown>): Promise<ApiReply<Envelope<{ assets: Asset[]; assetCount: number }>>> {
  return api('/assets/search', { method: 'POST', body: JSON.stringify(query) });
}

before(async () => {
  standin = await startStandin({ port: 0 });
  accessToken = await accessTokenFor('openid api offline_access');
});
after(() => standin.close());

describe('stand-in API access', () => {
  test("without a subscription key: API Management's 401, before the token is looked at", async () => {
    for (const token of [undefined, null, 'not-a-token']) {
      const reply = await api('/users/current', { key: null, token });
      assert.equal(reply.status, 401);
      assert.deepEqual(reply.body, {
        statusCode: 401,
        message:
          'Access denied due to missing subscription key. Make sure to include subscription key when making ' +
          'requests to an API.',
      });
    }
  });

  test("with a wrong subscription key: API Management's other 401", async () => {
    const reply = await api('/categories', { key: 'not-the-key' });
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.body, {
      statusCode: 401,
      message:
        'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
    });
  });

  test('without a bearer token, or with an unknown one: 401 with a Bearer challenge', async () => {
    const missing = await api('/users/current', { token: null });
    assert.equal(missing.status, 401);
    assert.equal(missing.headers.get('www-authenticate'), `Bearer realm="${standin.url}"`);
    const unknown = await api('/users/current', { token: 'made-up-token' });
    assert.equal(unknown.status, 401);
    assert.match(unknown.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    assert.equal(unknown.body.error, 'invalid_token');
  });

  test('a token without the api scope: 403 insufficient_scope', async () => {
    const reply = await api('/users/current', { token: await accessTokenFor('openid offline_access') });
    assert.equal(reply.status, 403);
    assert.match(reply.headers.get('www-authenticate') ?? '', /error="insufficient_scope"/);
    assert.equal(reply.body.scope, 'api');
  });
});

describe('stand-in API answers', () => {
  test('GET /users/current: the signed-in user in an envelope', async () => {
    const reply = await api<Envelope<unknown>>('/users/current');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.apiVersion, '1.0');
    assert.deepEqual(reply.body.meta, {});
    assert.deepEqual(reply.body.recordCount, { totalRecordsFound: 1, startingRecord: 0, recordsReturned: 1 });
    assert.deepEqual(reply.body.payload, {
      id: DEMO_USER.sub,
      userName: 'demo',
      firstName: 'Demo',
      lastName: 'User',
      emailAddress: 'demo@example.com',
      orgUnitId: DEMO_USER.orgUnitId,
      roleId: DEMO_USER.roleId,
      userType: 'Standard',
      permissions: ['AssetsView', 'AssetsDownload', 'CategoriesView', 'KeywordsView'],
    });
  });

  test('GET /categories: pages of {id, tree {name, path}, assetCount}', async () => {
    const all = await api<Envelope<Category[]>>('/categories?offset=0&count=50');
    assert.equal(all.status, 200);
    assert.deepEqual(all.body.recordCount, { totalRecordsFound: 5, startingRecord: 0, recordsReturned: 5 });
    for (const category of all.body.payload) {
      assert.equal(typeof category.id, 'string');
      assert.equal(typeof category.tree.name, 'string');
      assert.match(category.tree.path, /^\/Root Category/);
      assert.ok(Number.isInteger(category.assetCount));
    }
    assert.equal(all.body.payload[0]?.assetCount, 12, 'every asset is in the root category');

    const page = await api<Envelope<Category[]>>('/categories?offset=1&count=2');
    assert.deepEqual(page.body.recordCount, { totalRecordsFound: 5, startingRecord: 1, recordsReturned: 2 });
    assert.deepEqual(page.body.payload, all.body.payload.slice(1, 3));
    assert.equal((await api<Envelope<Category[]>>('/categories')).body.payload.length, 5, 'count defaults to 50');
    const bad = await api('/categories?count=-1');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, { statusCode: 400, message: 'count must be a whole number of 0 or more.' });
  });

  test('GET /categories/{id}: one category, or 404', async () => {
    const listed = (await api<Envelope<Category[]>>('/categories')).body.payload[2];
    assert.ok(listed);
    const one = await api<Envelope<Category>>(`/categories/${listed.id}`);
    assert.equal(one.status, 200);
    assert.deepEqual(one.body.payload, listed);
    const unknown = await api('/categories/00000000-0000-4000-8000-000000000000');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.statusCode, 404);
  });

  test('GET /attributes and GET /keywords (a bare array)', async () => {
    const attributes = await api<Envelope<object[]>>('/attributes');
    assert.equal(attributes.status, 200);
    assert.ok(attributes.body.payload.length > 0);
    for (const attribute of attributes.body.payload)
      assert.deepEqual(Object.keys(attribute), ['id', 'name', 'isSystemProperty']);

    const keywords = await api<object[]>('/keywords');
    assert.equal(keywords.status, 200);
    assert.ok(Array.isArray(keywords.body));
    for (const keyword of keywords.body)
      assert.deepEqual(Object.keys(keyword), ['id', 'keywordName', 'isSearchable', 'isApproved', 'groupName']);
  });

  test('POST /assets/search: filters titles, sorts, pages, counts', async () => {
    const newest = await search({
      search: '',
      count: 10,
      offset: 0,
      sort: 'record.createdAt D',
      includeTotalCount: true,
    });
    assert.equal(newest.status, 200);
    assert.equal(newest.body.payload.assetCount, 12);
    assert.equal(newest.body.payload.assets.length, 10);
    assert.deepEqual(newest.body.recordCount, { totalRecordsFound: 12, startingRecord: 0, recordsReturned: 10 });
    assert.equal(newest.body.payload.assets[0]?.title, 'Holiday Card');
    for (const asset of newest.body.payload.assets) {
      assert.equal(typeof asset.id, 'string');
      assert.equal(typeof asset.file.fileName, 'string');
    }

    const rest = await search({ search: '', count: 10, offset: 10, sort: 'record.createdAt D' });
    assert.deepEqual(
      rest.body.payload.assets.map((a) => a.title),
      ['Logo Reversed', 'Logo Primary'],
    );

    const products = await search({ search: 'product shot', count: 2, offset: 1, containerfilter: '' });
    assert.equal(products.body.payload.assetCount, 3);
    assert.deepEqual(
      products.body.payload.assets.map((a) => a.title),
      ['Product Shot - Toaster', 'Product Shot - Blender'],
    );

    assert.equal((await search({ search: 'no such asset' })).body.payload.assetCount, 0);
    const bad = await api('/assets/search', { method: 'POST', body: '{not json' });
    assert.equal(bad.status, 400);
  });

  test('an unknown API path: 404 Resource not found', async () => {
    const reply = await api('/users/someone-else');
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.body, { statusCode: 404, message: 'Resource not found' });
  });
});
