// The one `{{variable}}` grammar (src/spec/variables.ts), as a table: what each stage reads as a reference.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  hasVariables,
  leadingVariable,
  mayHoldVariables,
  onlyVariable,
  replaceVariables,
  splitAtVariables,
  startsLikeVariable,
  variableNames,
  variableReference,
} from '../../src/spec/variables.ts';

/** text → the names it references, the name it starts with, the name when it is one reference and nothing else. */
const CASES: [text: string, names: string[], leading: string | undefined, only: string | undefined][] = [
  ['', [], undefined, undefined],
  ['plain text', [], undefined, undefined],
  ['{{base}}', ['base'], 'base', 'base'],
  ['{{base}}/a?x={{x}}', ['base', 'x'], 'base', undefined],
  ['a{{b}}c{{d}}', ['b', 'd'], undefined, undefined],
  ['{{ spaced }}', [' spaced '], ' spaced ', ' spaced '],
  ['{{$guid}}', ['$guid'], '$guid', '$guid'],
  ['{{a&b=c}}', ['a&b=c'], 'a&b=c', 'a&b=c'],
  ['{{}}', [], undefined, undefined],
  ['{{a}', [], undefined, undefined],
  ['{a}}', [], undefined, undefined],
  ['{{{a}}}', ['a'], undefined, undefined],
  ['{{a{b}}', [], undefined, undefined],
  ['{{a}}{{b}}', ['a', 'b'], 'a', undefined],
  [' {{a}}', ['a'], undefined, undefined],
  ['{{a}} ', ['a'], 'a', undefined],
  ['{{a\nb}}', ['a\nb'], 'a\nb', 'a\nb'],
];

describe('the {{variable}} grammar', () => {
  for (const [text, names, leading, only] of CASES) {
    test(JSON.stringify(text), () => {
      assert.deepEqual(variableNames(text), names);
      assert.equal(hasVariables(text), names.length > 0);
      assert.equal(leadingVariable(text), leading);
      assert.equal(onlyVariable(text), only);
      const parts = splitAtVariables(text);
      assert.equal(parts.join(''), text);
      assert.deepEqual(
        parts.filter((_, i) => i % 2 === 1),
        names.map(variableReference),
      );
      assert.equal(
        replaceVariables(text, (name) => `<${name}>`),
        parts.map((p, i) => (i % 2 === 1 ? `<${names[(i - 1) / 2]}>` : p)).join(''),
      );
    });
  }

  test('the guards take anything Postman might try to resolve, also an unclosed or empty reference', () => {
    const cases: [text: string, may: boolean, starts: boolean][] = [
      ['{{a}}', true, true],
      ['{{a', true, true],
      ['{{}}', true, true],
      ['x{{', true, false],
      ['{a}', false, false],
      ['files/a.png', false, false],
    ];
    for (const [text, may, starts] of cases) {
      assert.equal(mayHoldVariables(text), may, text);
      assert.equal(startsLikeVariable(text), starts, text);
    }
  });

  test('replaceVariables hands over the reference as written, so it can be kept', () => {
    assert.equal(
      replaceVariables('{{a}}/{{b}}', (name, reference) => (name === 'a' ? 'x' : reference)),
      'x/{{b}}',
    );
  });
});
