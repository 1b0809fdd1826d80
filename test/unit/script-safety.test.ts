// Nothing from a spec can execute (issue 8, rule 1): hand-picked hostile text in every field that reaches a
// generated script leaves every script with the syntax tree and comments of a benign build, and only ever inside
// string literals, escaped. See script-safety-model.ts for the model and the comparison.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { js } from '../../src/compile/scripts/js.ts';
import { UNSAFE_TEXT } from '../../src/paths/path-guard.ts';
import {
  BENIGN,
  BENIGN_NUMBERS,
  compiledScripts,
  FIELDS,
  HOSTILE,
  modelWith,
  parseScript,
  scriptProblems,
  SCRIPT_FIELDS,
} from '../support/script-safety-model.ts';

describe('js(): the literal encoder', () => {
  const cases: [unknown, string][] = [
    ['a\u2028b\u2029c', '"a\\u2028b\\u2029c"'],
    ['\u0085\u000b\u000c', '"\\u0085\\u000b\\f"'],
    ['\u202e\u2066\u200f\u061c', '"\\u202e\\u2066\\u200f\\u061c"'],
    ['</script>', '"\\u003c/script>"'],
    ['<!-- x -->', '"\\u003c!-- x --\\u003e"'],
    ['<!-->', '"\\u003c!--\\u003e"'],
    ['a < b > c -> d', '"a < b > c -> d"'],
    ['\ud800', '"\\ud800"'],
    ['\u{e0041}', '"\\udb40\\udc41"'],
    ['😀 é', '"😀 é"'],
    ['\\\u2028', '"\\\\\\u2028"'],
    [{ '\u2028': ['</', 1, null, true] }, '{"\\u2028":["\\u003c/",1,null,true]}'],
    [-1, '-1'],
  ];
  for (const [value, literal] of cases) {
    test(`${JSON.stringify(value)} → ${literal}`, () => {
      assert.equal(js(value), literal);
      assert.deepEqual(JSON.parse(js(value)), value, 'js() output is JSON that reads back as the value');
    });
  }

  test('every hostile string reads back unchanged, as JSON and as JavaScript, from one line of ASCII-safe text', () => {
    for (const text of HOSTILE) {
      const literal = js(text);
      assert.equal(JSON.parse(literal), text);
      assert.deepEqual(parseScript([`var x = ${literal};`]).strings, [text]);
      assert.doesNotMatch(literal, /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|<[/!]|-->/u);
    }
  });

  test('js() escapes every character the path guard counts as unsafe text, and every line terminator', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (UNSAFE_TEXT.test(ch) || /[\n\r\u2028\u2029\u0085\u000b\u000c]/.test(ch))
        assert.match(js(ch), /^"\\(u[0-9a-f]{4}|[bfnrt])"$/, `U+${c.toString(16)}`);
    }
  });

  test('a value with no literal is a compiler bug, not an empty script', () => {
    assert.throws(() => js(undefined), TypeError);
  });
});

describe('generated scripts keep their shape whatever a spec says', () => {
  test('the model reaches every script field: each benign text is in a string literal of a script', () => {
    const strings = compiledScripts(modelWith(BENIGN)).flatMap((s) => parseScript(s.lines).strings);
    for (const field of SCRIPT_FIELDS)
      assert.ok(
        strings.some((s) => s.includes(BENIGN[field])),
        field,
      );
  });

  for (const [i, text] of HOSTILE.entries()) {
    test(`hostile string ${i + 1} in every field at once: ${JSON.stringify(text.slice(0, 40))}`, () => {
      assert.deepEqual(scriptProblems(FIELDS, text), []);
    });
  }

  // Each field alone, so a problem names its field and the text is checked to reach a literal of that field.
  const allAtOnce = HOSTILE.filter((t) => t.length < 1000 && !t.includes('{{')).join(' ');
  const withVariables = HOSTILE.filter((t) => t.length < 1000).join(' ');
  for (const field of FIELDS) {
    test(`every hostile string in ${field} alone`, () => {
      assert.deepEqual(scriptProblems([field], allAtOnce), [], 'without {{variables}}');
      assert.deepEqual(scriptProblems([field], withVariables), [], 'with {{variables}}');
    });
  }

  test('names JavaScript gives a meaning (__proto__, constructor) and the empty string, in each field alone', () => {
    for (const field of FIELDS)
      for (const text of ['__proto__', 'constructor', ''])
        assert.deepEqual(scriptProblems([field], text), [], `${field}: ${JSON.stringify(text)}`);
  });

  test('numbers the loader would refuse still compile to number literals', () => {
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, -1, -0, 1e21, 0.5, 2 ** 53 + 2]) {
      assert.deepEqual(scriptProblems([], '', { status: n, below: n, leewaySeconds: n }), [], String(n));
    }
    assert.deepEqual(BENIGN_NUMBERS, { status: 200, below: 5000, leewaySeconds: 60 });
  });
});

describe('raw scripts are the one way a spec runs code', () => {
  test('the compiler adds raw script lines as written, after the generated ones, and nothing else', () => {
    const code = 'pm.test("raw", function () {});\n// a comment with \u2028 inside\nvar x = 1;\n';
    const base = modelWith(BENIGN);
    const folder = base.items[0] as Extract<(typeof base.items)[number], { kind: 'folder' }>;
    const request = folder.items[0] as Extract<(typeof folder.items)[number], { kind: 'request' }>;
    const withRaw = {
      ...base,
      items: [
        {
          ...folder,
          items: [
            {
              ...request,
              scripts: [
                { type: 'afterResponse' as const, code },
                { type: 'beforeRequest' as const, code },
              ],
            },
          ],
        },
      ],
    };
    const before = compiledScripts(base);
    const after = compiledScripts(withRaw);
    const lines = code.replace(/\n$/, '').split('\n');
    const at = (scripts: typeof before, where: string) => scripts.find((s) => s.where === where)?.lines ?? [];
    const test = (scripts: typeof before) => at(scripts, 'collection/item/item test');
    const prerequest = (scripts: typeof before) => at(scripts, 'collection/item/item prerequest');
    assert.deepEqual(test(after), [...test(before), ...lines]);
    assert.deepEqual(prerequest(after), [...prerequest(before), ...lines]);
  });
});
