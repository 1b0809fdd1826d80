// A large build's one forced garbage collection (see collect-garbage.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectGarbageIfLarge } from '../../src/emit/collect-garbage.ts';

test('collects what nothing refers to any more, once the heap is over the threshold', async () => {
  let garbage: number[][] | undefined = Array.from({ length: 1000 }, (_, i) => [i]);
  const ref = new WeakRef(garbage);
  garbage = undefined;
  // A WeakRef keeps its target alive until the end of the job that made it.
  await new Promise(setImmediate);
  collectGarbageIfLarge(0);
  assert.equal(ref.deref(), undefined);
});
