import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectedOf, fixtureCases, runFixture, UPDATE_GOLDEN, writeExpected } from '../support/golden.ts';

describe('golden build cases: specs in, exact files or exact errors out', () => {
  for (const name of fixtureCases()) {
    test(name, async () => {
      const produced = await runFixture(name);
      if (UPDATE_GOLDEN) return writeExpected(name, produced);
      const expected = expectedOf(name);
      assert.ok(
        Object.keys(expected).length > 0,
        `test/golden/build/${name}/expected is empty: run npm run golden:update`,
      );
      assert.deepEqual(produced, expected);
    });
  }
});
