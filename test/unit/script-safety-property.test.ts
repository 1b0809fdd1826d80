// Property: for any Unicode text, in any field that reaches a generated script, every script parses to the syntax
// tree and comments of a benign build, holds the text only in string literals, and holds no unsafe character raw.
// Counts: MVPM_SOAK=1 runs 2,000 inputs in every field at once (2,000 per field) and 300 more in each field alone;
// by default 150 and 8 (the counts used are printed as test diagnostics). The seed is fixed, so a failure reproduces.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { FIELDS, scriptProblems } from '../support/script-safety-model.ts';

const SOAK = process.env['MVPM_SOAK'] === '1';
const SEED = 20_250_808;
const RUNS_ALL_FIELDS = SOAK ? 2_000 : 150;
const RUNS_PER_FIELD = SOAK ? 300 : 8;

/** One unit of text: any code point, a lone UTF-16 code unit, or a piece meant to end a JavaScript context. */
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '\u2028',
      '\u2029',
      '\n',
      '\r',
      '\u0085',
      '\u0000',
      '\u202e',
      '\u2066',
      '\u200f',
      '\u061c',
      '\ufeff',
      '\u{e0041}',
      '"',
      "'",
      '`',
      '\\',
      '${',
      '*/',
      '/*',
      '//',
      '</script>',
      '<!--',
      '-->',
      '{{',
      '}}',
      '/',
      ')',
      '}',
      'pm.test("CANARY", function () {});',
      '__proto__',
    ),
  },
);
const text = fc.string({ unit, maxLength: 24 });

describe('generated scripts keep their shape for any text (fast-check)', () => {
  test('any text in every field at once', (t) => {
    t.diagnostic(`${RUNS_ALL_FIELDS} inputs, seed ${SEED}`);
    fc.assert(
      fc.property(text, (s) => {
        assert.deepEqual(scriptProblems(FIELDS, s), []);
      }),
      { seed: SEED, numRuns: RUNS_ALL_FIELDS, includeErrorInReport: true },
    );
  });

  test('any text in each field alone', (t) => {
    t.diagnostic(`${RUNS_PER_FIELD} inputs in each of ${FIELDS.length} fields, seed ${SEED}`);
    for (const field of FIELDS) {
      fc.assert(
        fc.property(text, (s) => {
          assert.deepEqual(scriptProblems([field], s), [], field);
        }),
        { seed: SEED, numRuns: RUNS_PER_FIELD, includeErrorInReport: true },
      );
    }
  });
});
