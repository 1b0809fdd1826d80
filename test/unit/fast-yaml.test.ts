// The fast YAML path is held to yaml's guarded parser: whenever fastParse answers, its value (key order and -0
// included), root shape and root offset are the guarded parser's, which found no problem. Checked on every YAML file
// in the repository and on a corpus of tricky snippets; and it must answer for the plain majority, so that it cannot
// quietly turn itself off.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fastParse } from '../../src/spec/fast-yaml.ts';
import { decodeSpecText, guardedParseValue, MAX_NESTING_DEPTH, parseValue } from '../../src/spec/parse-value.ts';
import { PROJECT_ROOT, soakCount } from '../support/helpers.ts';

/** Asserts that fastParse is either silent or agrees with the guarded parser; returns whether it answered. */
function agrees(text: string, label: string): boolean {
  const fast = fastParse(text);
  if (fast === undefined) return false;
  const guarded = guardedParseValue(text);
  assert.ok(guarded.ok, `${label}: the fast path answered, the guarded parser found ${JSON.stringify(guarded)}`);
  assert.deepStrictEqual(fast.value, guarded.value, `${label}: value`);
  // deepStrictEqual does not compare key order.
  assert.deepStrictEqual(keyOrder(fast.value), keyOrder(guarded.value), `${label}: key order`);
  assert.equal(fast.root, guarded.root, `${label}: root`);
  assert.equal(fast.rootOffset, guarded.rootOffset, `${label}: root offset`);
  return true;
}

function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (value !== null && typeof value === 'object') return Object.entries(value).map(([k, v]) => [k, keyOrder(v)]);
  return null;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yamlFiles(full, out);
    else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(full);
  }
  return out;
}

/** The repository's YAML files as the loaders see them (decoded), read once. */
const REPOSITORY_TEXTS = yamlFiles(PROJECT_ROOT).flatMap((file) => {
  const decoded = decodeSpecText(readFileSync(file));
  return decoded.ok ? [{ label: path.relative(PROJECT_ROOT, file), text: decoded.text }] : [];
});

test('on every YAML file in the repository, the fast path agrees with the guarded parser, and answers for most', () => {
  const files = REPOSITORY_TEXTS;
  assert.ok(files.length > 300, `only ${files.length} YAML files found`);
  let plain = 0;
  let answered = 0;
  for (const { label, text } of files) {
    const guarded = guardedParseValue(text);
    if (guarded.ok && (guarded.root === 'map' || guarded.root === 'seq')) plain++;
    if (agrees(text, label)) answered++;
  }
  // Of the parsable files the fast path leaves only hostile fixtures to the guarded parser (null and non-text keys,
  // text like an indentation indicator): 4 of 728 when this was written.
  assert.ok(answered >= plain * 0.95, `the fast path answered for ${answered} of ${plain} parsable files`);
});

/** Snippets the fast path must answer for (and agree on). */
const PLAIN: readonly (readonly [string, string])[] = [
  [
    'scalars of every core type',
    'a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: true\ng: False\nh: TRUE\ni: 0o17\n' +
      'j: 0x1F\nk: 0200\nl: -0\nm: +12\nn: 1.0\no: -0.0\np: .5\nq: 1.\nr: 1e3\ns: -1.5E-3\nt: .inf\nu: -.Inf\n' +
      'v: .NaN\nw: 123456789012345678901234567890\nx: 0x\ny: 0o8\nz: 1_000\n',
  ],
  ['yaml 1.1 forms are text in 1.2', 'a: yes\nb: no\nc: on\nd: 0b101\ne: 1:20\nf: 2001-12-14\ng: Y\n'],
  ['integer keys written as JavaScript writes them', '200:\n  ok: 1\n404: x\n-1: y\n'],
  ['quoted keys that look like other types', '"~": 1\n"null": 2\n"true": 3\n"1.0": 4\n\'0x1F\': 5\n"": 6\n'],
  ['__proto__ keys stay own properties', '__proto__: {polluted: 1}\nconstructor: 2\ntoString: 3\n'],
  ['double-quoted escapes', 'a: "tab\\there \\u00e9 \\x41 \\N \\_ \\/ \\" \\\\"\n'],
  ['folded quoted scalars', "a: \"one\n  two\n\n  three\"\nb: 'x\n\n\n  y ''q'''\n"],
  ['plain multi-line scalars', 'a: one\n  two\n\n  three\nb: x - y\nc: a#b\nd: a # comment\n'],
  [
    'block scalars with every chomping indicator',
    'a: |\n  x\n\n  y\n\n\nb: |-\n  x\n\n' +
      'c: |+\n  x\n\n\nd: >\n  x\n  y\n\n   z\n  w\ne: >-\n  x\nf: >+\n  x\n\ng: |\n    x\n     y\nh: >-\n  x\n' +
      'i: |\n\n  after blank\nj: >\n\n\nk: |\n  # not a comment\n',
  ],
  ['CRLF line ends', 'a: 1\r\nb:\r\n  - x\r\n  - "y\r\n    z"\r\nc: |\r\n  l1\r\n  l2\r\n'],
  ['U+2028 and U+2029 inside scalars', 'a: x\u2028y\nb: "p\u2029q"\nc: \'\u2028\'\n'],
  ['tabs inside values', 'a: x\ty\nb: "\t"\nc:\tz\nd: |\n  t\tt\n'],
  ['flow collections', 'a: {b: 1, "c": [x, y, {d: e}], f: }\ng: [ ]\nh: {}\ni: [a, b,]\nj: {a: 1,}\n'],
  ['JSON written as YAML', '{"a": 1, "b": [true, null, -0, 1.5e3], "c": {"d": "e"}}\n'],
  ['a root list', '- a\n- - b\n  - c\n- {d: 1}\n-\n- e: f\n  g: h\n'],
  ['comments, a document start and end', '# head\n\n---\n# c\na: 1 # c\n# tail\n...\n# after\n'],
  ['explicit keys that are scalars', '? a\n: 1\n? "b"\n:\n'],
  ['a long line', `a: ${'x'.repeat(5000)}\nb: "${'y '.repeat(3000)}"\n`],
  ['a long key under the limit', `${'k'.repeat(900)}: 1\n`],
  [`${MAX_NESTING_DEPTH} levels of nesting`, `${'['.repeat(MAX_NESTING_DEPTH)}${']'.repeat(MAX_NESTING_DEPTH)}\n`],
  ['keys that sort as integers', 'b: 1\n10: 2\na: 3\n2: 4\n'],
  ['a byte order mark', '\uFEFFa: 1\n'],
];

/** Snippets the fast path must leave to the guarded parser. */
const GUARDED: readonly (readonly [string, string])[] = [
  ['a null key (yaml makes it "")', '~: 1\n'],
  ['a null key written null', 'null: 1\n'],
  ['an empty key', ': 1\n'],
  ['a boolean key', 'true: 1\n'],
  ['a float key', '1.0: 1\n'],
  ['a hex key', '0x1F: 1\n'],
  ['an octal-looking key', '0200: 1\n'],
  ['a -0 key', '-0: 1\n'],
  ['a huge integer key', '123456789012345678901234567890: 1\n'],
  ['an anchor and alias', 'a: &x 1\nb: *x\n'],
  ['an anchor alone', 'a: &x {b: 1}\n'],
  ['an alias without anchor', 'a: *x\n'],
  ['a circular alias', 'a: &x [*x]\n'],
  ['an alias bomb', `a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n`],
  ['a str tag', 'a: !!str 1\n'],
  ['an int tag', 'a: !!int "1"\n'],
  ['a custom tag', 'a: !custom x\n'],
  ['a tagged collection', 'a: !!map {b: 1}\n'],
  ['a merge key', 'a: &x {b: 1}\nc:\n  <<: *x\n'],
  ['a YAML 1.1 directive', '%YAML 1.1\n---\na: yes\n'],
  ['a TAG directive', '%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n'],
  ['two documents', 'a: 1\n---\nb: 2\n'],
  ['an empty file', ''],
  ['only comments', '# nothing\n'],
  ['only a document start', '---\n'],
  ['a scalar root', 'hello\n'],
  ['a duplicate key', 'a: 1\na: 2\n'],
  ['a duplicate key, one quoted', 'a: 1\n"a": 2\n'],
  ['an integer and a text key alike', '1: a\n"1": b\n'],
  ['a complex flow key', '[a, b]: c\n'],
  ['a complex explicit key', '? {a: 1}\n: c\n'],
  ['a flow mapping as key inside flow', '{[a]: b}\n'],
  ['a key over 1024 characters', `${'k'.repeat(1100)}: 1\n`],
  ['a key whose `:` is over 1024 characters away', `k${' '.repeat(1030)}: 1\n`],
  ['a quoted key whose `:` is over 1024 characters away', `"k"${' '.repeat(1030)}: 1\n`],
  ['a flow pair whose `:` is over 1024 characters away', `[k${' '.repeat(1030)}: 1]\n`],
  ['too deep', `${'['.repeat(MAX_NESTING_DEPTH + 1)}${']'.repeat(MAX_NESTING_DEPTH + 1)}\n`],
  ['a tab as indentation', 'a:\n\tb: 1\n'],
  ['a tab-only line after a block scalar (an error for yaml only)', 'a: |\n  x\n\t\n'],
  ['a tab after indentation in a block scalar', 'a: |\n  \tt\n'],
  ['a carriage return inside a line', 'a:\r b\n'],
  ['a \\U escape past U+10FFFF (an error for yaml only)', 'a: "\\U00110000"\n'],
  ['an escaped line break before an empty line', 'a: "a\\\n\n  b"\n'],
  ['an indentation indicator and trailing spaces', 'k: |1-\n  x\n   \n  \n'],
  ['indentation indicators', '- |1\n  x\n- >2+\n    y\n\n'],
  ['an escaped line break', 'b: "line\\\n  joined"\n'],
  ['a comment touching a quote', 'a: "x"#c\n'],
  ['a compact nested mapping', 'a: b: c\n'],
  ['a reserved indicator', 'a: @x\n'],
  ['an unclosed flow sequence', 'a: [1, 2\n'],
  ['an under-indented flow sequence', 'a: [\nb]\n'],
  ['a list after a mapping', 'a: 1\n- b\n'],
  ['an unclosed quote', 'a: "x\n'],
];

test('the fast path answers for plain YAML of every kind, with what the guarded parser gives', () => {
  for (const [label, text] of PLAIN) assert.ok(agrees(text, label), `${label}: the fast path did not answer`);
});

test('the fast path leaves anything unusual to the guarded parser', () => {
  for (const [label, text] of GUARDED) {
    assert.equal(fastParse(text), undefined, `${label}: the fast path answered`);
    // What the user sees for it is the guarded parser's answer.
    assert.deepStrictEqual(parseValue(text), guardedParseValue(text), label);
  }
});

test('parseValue takes the fast path for plain files', () => {
  const fast = fastParse('a: [1, {b: "c"}]\n');
  assert.deepStrictEqual(parseValue('a: [1, {b: "c"}]\n'), { ok: true, ...fast });
  assert.deepStrictEqual(fast, { value: { a: [1, { b: 'c' }] }, root: 'map', rootOffset: 0 });
});

/** Pieces of YAML syntax a mutation inserts: indicators, line breaks, indentation, block scalar headers. */
const PIECES = [
  ' ',
  '\t',
  ':',
  '-',
  '#',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '\n',
  '?',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '\\',
  '~',
  '0',
  '.',
  ': ',
  '- ',
  '\n  ',
  '\r\n',
  '\u2028',
  '\u0085',
  '\u00a0',
  '...',
  '---',
  '\n\t\n',
  '\n   \n',
  ' |\n',
  ' >-\n',
  ' |2\n',
  ' >+\n',
  '\n- ',
  '\n  - ',
  ' #',
  '\t#',
  '"\n',
  "'\n",
  '\\\n',
  '-\t',
  ': |\n',
  '? ',
  '\r',
];

test('on mutated repository files, the fast path never answers differently from the guarded parser', () => {
  // mulberry32 from a fixed seed, so that a failure can be replayed.
  let seed = 12;
  const random = (below: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % below;
  };
  const small = REPOSITORY_TEXTS.filter((f) => f.text.length < 4000);
  let answered = 0;
  const count = soakCount(30000, 200);
  for (let n = 0; n < count; n++) {
    let text = small[random(small.length)]!.text;
    for (let edits = 1 + random(3); edits > 0; edits--) {
      // Half the edits where YAML's structure is decided: the start of a line, or of a value.
      const structural = random(2) === 0 ? [...text.matchAll(/\n|: /g)] : [];
      const found = structural[random(structural.length || 1)];
      const at = found ? found.index + found[0].length : random(text.length + 1);
      const kind = random(3);
      text =
        kind === 0
          ? text.slice(0, at) + text.slice(at + 1)
          : kind === 1
            ? text.slice(0, at) + PIECES[random(PIECES.length)]! + text.slice(at)
            : `${text.slice(0, at)}${' '.repeat(1 + random(3))}${text.slice(at)}`;
    }
    if (agrees(text, `mutation ${n}: ${JSON.stringify(text)}`)) answered++;
  }
  // Most mutations leave a parsable file: the comparison is not vacuous.
  assert.ok(answered > count / 4, `the fast path answered for ${answered} of ${count} mutations`);
});
