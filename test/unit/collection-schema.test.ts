import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import sdk from 'postman-collection';
import { COLLECTION_SCHEMA_V21 } from '../../src/compile/context.ts';
import { FIXTURES_DIR, fixtureCases } from '../support/golden.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';

const officialSchema = JSON.parse(
  readFileSync(path.join(PROJECT_ROOT, 'schemas/vendor/postman-collection-v2.1.0.draft-07.json'), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(officialSchema);

function collectionFiles(): string[] {
  const committed = readdirSync(path.join(PROJECT_ROOT, 'collections')).map((f) =>
    path.join(PROJECT_ROOT, 'collections', f),
  );
  const golden = fixtureCases().flatMap((name) => {
    const dir = path.join(FIXTURES_DIR, name, 'expected', 'collections');
    try {
      return readdirSync(dir).map((f) => path.join(dir, f));
    } catch {
      return [];
    }
  });
  return [...committed, ...golden].filter((f) => f.endsWith('.postman_collection.json'));
}

describe('every generated collection is valid Collection v2.1.0 (official schema, draft-07)', () => {
  const files = collectionFiles();
  test('there are collections to check', () => assert.ok(files.length >= 2, files.join(', ')));
  for (const file of files) {
    test(path.relative(PROJECT_ROOT, file), () => {
      const collection = JSON.parse(readFileSync(file, 'utf8')) as { info: { schema: string } };
      assert.equal(collection.info.schema, COLLECTION_SCHEMA_V21);
      const ok = validate(collection);
      assert.ok(ok, JSON.stringify(validate.errors, null, 2));
    });
  }

  test('the schema check catches a broken collection', () => {
    const broken = JSON.parse(readFileSync(files[0]!, 'utf8')) as { item: { name: unknown }[] };
    broken.item[0]!.name = 42;
    assert.equal(validate(broken), false);
  });
});

describe('the postman-collection SDK reads every generated collection as written', () => {
  for (const file of collectionFiles()) {
    test(path.relative(PROJECT_ROOT, file), () => {
      const json = JSON.parse(readFileSync(file, 'utf8')) as V21Group;
      const collection = new sdk.Collection(json as unknown as sdk.CollectionDefinition);
      assert.equal(collection.id, json.info._postman_id);
      const read: string[] = [];
      collection.forEachItem((item) => {
        const scripts = item.events.map((e) => `${e.listen}:${e.script.exec?.join('\n')}`);
        read.push([item.id, item.name, item.request.method, item.request.url.toString(), ...scripts].join(' | '));
      });
      const written = requestsOf(json).map((r) =>
        [r.id, r.name, r.request.method, r.request.url.raw, ...(r.event ?? []).map(scriptLine)].join(' | '),
      );
      assert.ok(written.length > 0);
      assert.deepEqual(read, written);
    });
  }
});

interface V21Request {
  id: string;
  name: string;
  event?: { listen: string; script: { exec: string[] } }[];
  request: { method: string; url: { raw: string } };
}
interface V21Group {
  info: { _postman_id: string };
  item: (V21Group | V21Request)[];
}

function requestsOf(group: Pick<V21Group, 'item'>): V21Request[] {
  return group.item.flatMap((i) => ('request' in i ? [i] : requestsOf(i)));
}

function scriptLine(e: { listen: string; script: { exec: string[] } }): string {
  return `${e.listen}:${e.script.exec.join('\n')}`;
}
