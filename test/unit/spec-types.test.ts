import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { COLLECTION_TYPES_PATH, renderCollectionTypes } from '../../scripts/collection-types.ts';
import { DYNAMIC_VARIABLES_PATH, renderDynamicVariables } from '../../scripts/dynamic-variables.ts';
import { renderSpecTypes, TYPES_PATH } from '../../scripts/spec-types.ts';
import { renderSpecValidators, VALIDATORS_PATH } from '../../scripts/spec-validators.ts';

// Each generated file must be what its schema gives today: after changing a schema, run `npm run schema:types`.
test('src/spec/_schema-types.ts is what spec.schema.json generates', async () => {
  assert.equal(await readFile(TYPES_PATH, 'utf8'), await renderSpecTypes());
});

test('src/spec/_spec-validators.ts is what spec.schema.json compiles to', async () => {
  assert.equal(await readFile(VALIDATORS_PATH, 'utf8'), await renderSpecValidators());
});

test('src/compile/_collection-types.ts is what the vendored Postman Collection v2.1 schema generates', async () => {
  assert.equal(await readFile(COLLECTION_TYPES_PATH, 'utf8'), await renderCollectionTypes());
});

test("src/spec/_dynamic-variables.ts lists the postman-collection SDK's dynamic variables", async () => {
  assert.equal(await readFile(DYNAMIC_VARIABLES_PATH, 'utf8'), renderDynamicVariables());
});
