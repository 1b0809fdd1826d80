import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
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
