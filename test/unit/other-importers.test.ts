import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';
import sdk from 'postman-collection';
import { PROJECT_ROOT } from '../support/helpers.ts';

/**
 * The committed collection must load in the tools people import it into, not only in Newman: the Postman SDK
 * (what the Postman app and Newman parse with) and Bruno's Postman importer (@usebruno/converters, the code behind
 * Bruno's "Import collection → Postman").
 */

interface RawItem {
  name: string;
  item?: RawItem[];
  request?: { method: string; url: { raw: string } };
}

interface RawCollection {
  info: { name: string };
  item: RawItem[];
  auth?: { type: string };
}

const raw = JSON.parse(
  readFileSync(path.join(PROJECT_ROOT, 'collections/mediavalet.postman_collection.json'), 'utf8'),
) as RawCollection;

/** Folder path → [request name, method, raw URL], read straight from the JSON: what every importer should keep. */
function expectedTree(items: readonly RawItem[], prefix = ''): string[] {
  return items.flatMap((item) =>
    item.item
      ? [`${prefix}${item.name}/`, ...expectedTree(item.item, `${prefix}${item.name}/`)]
      : [`${prefix}${item.name} ${item.request!.method} ${item.request!.url.raw}`],
  );
}

const EXPECTED = expectedTree(raw.item);

describe('the committed collection in other consumers', () => {
  test('it is the collection the tests below think it is', () => {
    // Pinned facts, so a collection emptied by mistake cannot pass the comparisons below vacuously.
    assert.equal(raw.info.name, 'MediaValet API');
    assert.ok(EXPECTED.includes('Sign in/'));
    assert.ok(EXPECTED.includes('API/Get current user GET {{apiBaseUrl}}/users/current'));
    assert.ok(EXPECTED.filter((line) => !line.endsWith('/')).length >= 5);
  });

  test('postman-collection SDK: loads, keeps every request, oauth2 auth and each URL as written', () => {
    const collection = new sdk.Collection(raw as sdk.CollectionDefinition);
    assert.equal(collection.name, raw.info.name);
    assert.equal(collection.auth?.type, 'oauth2');
    let requests = 0;
    collection.forEachItem(() => requests++);
    assert.equal(requests, EXPECTED.filter((line) => !line.endsWith('/')).length);
    // Every folder and request, in order, as the SDK sees them; URLs through Url#toString, which must give back
    // url.raw.
    const sdkTree = (items: readonly (sdk.Item | sdk.ItemGroup<sdk.Item>)[], prefix: string): string[] =>
      items.flatMap((item) =>
        sdk.ItemGroup.isItemGroup(item)
          ? [
              `${prefix}${item.name}/`,
              ...sdkTree((item as sdk.ItemGroup<sdk.Item>).items.all(), `${prefix}${item.name}/`),
            ]
          : [`${prefix}${item.name} ${(item as sdk.Item).request.method} ${(item as sdk.Item).request.url.toString()}`],
      );
    assert.deepEqual(sdkTree(collection.items.all(), ''), EXPECTED);
  });

  test('Bruno (@usebruno/converters postmanToBruno): same folders, requests, methods, URLs and oauth2', async () => {
    const { postmanToBruno } = createRequire(import.meta.url)('@usebruno/converters') as BrunoConverters;
    const { collection, issues } = await postmanToBruno(raw);
    assert.deepEqual(issues, []);
    assert.equal(collection.name, raw.info.name);
    assert.deepEqual(brunoTree(collection.items), EXPECTED);
    assert.equal(collection.root.request.auth.mode, 'oauth2');
    assert.equal(collection.root.request.auth.oauth2.grantType, 'authorization_code');
    assert.equal(collection.root.request.auth.oauth2.accessTokenUrl, '{{tokenUrl}}');
  });
});

/** The part of @usebruno/converters (which ships no types) that this test uses. */
interface BrunoItem {
  type: 'folder' | 'http-request' | string;
  name: string;
  items?: BrunoItem[];
  request?: { method: string; url: string };
}
interface BrunoConverters {
  postmanToBruno(collection: unknown): Promise<{
    collection: {
      name: string;
      items: BrunoItem[];
      root: { request: { auth: { mode: string; oauth2: { grantType: string; accessTokenUrl: string } } } };
    };
    issues: unknown[];
  }>;
}

function brunoTree(items: readonly BrunoItem[], prefix = ''): string[] {
  return items.flatMap((item) =>
    item.type === 'folder'
      ? [`${prefix}${item.name}/`, ...brunoTree(item.items ?? [], `${prefix}${item.name}/`)]
      : [`${prefix}${item.name} ${item.request!.method} ${item.request!.url}`],
  );
}
