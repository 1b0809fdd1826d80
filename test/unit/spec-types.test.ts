import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { renderSpecTypes, TYPES_PATH } from '../../scripts/spec-types.ts';
import { renderSpecValidators, VALIDATORS_PATH } from '../../scripts/spec-validators.ts';

test('src/spec/_schema-types.ts is what spec.schema.json generates (run `npm run schema:types` after changing the schema)', async () => {
  assert.equal(await readFile(TYPES_PATH, 'utf8'), await renderSpecTypes());
});

test('src/spec/_spec-validators.ts is what spec.schema.json compiles to (run `npm run schema:types` after changing the schema)', async () => {
  assert.equal(await readFile(VALIDATORS_PATH, 'utf8'), await renderSpecValidators());
});
