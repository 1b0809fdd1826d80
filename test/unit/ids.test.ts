import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { v5 as uuidv5 } from 'uuid';
import { createCompileContext } from '../../src/compile/context.ts';
import { stableId } from '../../src/compile/ids.ts';
import { soakCount } from '../support/helpers.ts';

test("stableId is uuid's v5 of the kind and path joined by U+001F, in the context's namespace", () => {
  const contexts = [
    createCompileContext(),
    createCompileContext({ idNamespace: '1b671a64-40d5-491e-99b0-da01ff1f3341' }),
  ];
  fc.assert(
    fc.property(
      fc.constantFrom(...contexts),
      fc.string(),
      fc.array(fc.string({ unit: 'grapheme' })),
      (ctx, kind, path) => {
        const name = Buffer.from([kind, ...path].join('\u001f'), 'utf8');
        assert.equal(stableId(ctx, kind, ...path), uuidv5(name, ctx.idNamespace));
      },
    ),
    { numRuns: soakCount(20_000, 1_000) },
  );
});

test('a lone surrogate in a name gives an id, not a URIError', () => {
  assert.match(stableId(createCompileContext(), 'request', 'a\ud800b'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab]/);
});
