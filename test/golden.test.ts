import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectedOf, fixtureCases, runFixture } from './golden.ts';

describe('golden fixtures: specs in, exact files or exact errors out', () => {
  for (const name of fixtureCases()) {
    test(name, async () => {
      const expected = expectedOf(name);
      assert.ok(
        Object.keys(expected).length > 0,
        `test/fixtures/${name}/expected is empty: run npm run fixtures:update`,
      );
      assert.deepEqual(await runFixture(name), expected);
    });
  }
});
