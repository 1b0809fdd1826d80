// E_UNSAFE_TEXT: control characters, line and paragraph separators and bidirectional controls in keys, names,
// generated-code strings and raw scripts; and no diagnostic ever hands such a character to the terminal.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { buildProject } from '../../src/emit/build-project.ts';
import { BIDI_CONTROLS, UNSAFE_TEXT } from '../../src/paths/path-guard.ts';
import { formatDiagnostic } from '../../src/spec/diagnostics.ts';
import { minimalProject, tempProject } from '../support/helpers.ts';

/** A character a printed frame must never carry raw: controls, bidirectional marks, line separators. */
const FRAME_UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const REQUEST = '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\n';
const BIDI_HINT =
  'a bidirectional control makes text display in another order than it is stored and run, so a reviewer cannot ' +
  'trust what they read';
const PLAIN_HINT =
  '(it may have come from pasted text): keys, names and values that become generated code, headers and file names ' +
  'must be plain text';

const CASES: { name: string; files: Record<string, string>; expected: string[] }[] = [
  {
    name: 'U+2028 in a header name, written raw',
    files: { 'specs/demo/Ping.request.yaml': `${REQUEST}headers:\n  X-Id\u2028: a\n` },
    expected: [
      `E_UNSAFE_TEXT specs/demo/Ping.request.yaml:5:7 the key \`X-Id\\u2028\` in \`headers\` contains a line ` +
        `separator (U+2028) | remove the U+2028 ${PLAIN_HINT}`,
    ],
  },
  {
    name: 'escapes in double quotes point at the escape',
    files: {
      'specs/demo/Ping.request.yaml': `${REQUEST}query:\n  "a\\\\nb\\x1bc": 1\ncapture:\n  t: { header: "X-\\N" }\n`,
    },
    expected: [
      `E_UNSAFE_TEXT specs/demo/Ping.request.yaml:5:9 the key \`a\\nb\\u001Bc\` in \`query\` contains a control ` +
        `character (U+001B) | remove the U+001B ${PLAIN_HINT}`,
      `E_UNSAFE_TEXT specs/demo/Ping.request.yaml:7:19 \`capture.t.header\` contains a control character (U+0085) | ` +
        `remove the U+0085 ${PLAIN_HINT}`,
    ],
  },
  {
    name: 'a bidirectional control in an environment variable name and in an environment name',
    files: {
      'specs/environments/one.environment.yaml':
        '$kind: mvpm-environment\nname: "One\\u2067"\nvariables:\n  baseUrl: { value: "http://127.0.0.1:1" }\n' +
        '  "to\\u202Eken": { value: x }\n',
      'specs/environments/two.environment.yaml':
        '$kind: mvpm-environment\nname: Two\nvariables:\n  baseUrl: { value: "http://127.0.0.1:2" }\n' +
        '  "to\\u202Eken": { value: x }\n',
    },
    expected: [
      `E_UNSAFE_TEXT specs/environments/one.environment.yaml:2:11 \`name\` contains a bidirectional control ` +
        `(U+2067) | remove the U+2067: ${BIDI_HINT}`,
      `E_UNSAFE_TEXT specs/environments/one.environment.yaml:5:6 the key \`to\\u202Eken\` in \`variables\` contains ` +
        `a bidirectional control (U+202E) | remove the U+202E: ${BIDI_HINT}`,
      `E_UNSAFE_TEXT specs/environments/two.environment.yaml:5:6 the key \`to\\u202Eken\` in \`variables\` contains ` +
        `a bidirectional control (U+202E) | remove the U+202E: ${BIDI_HINT}`,
    ],
  },
  {
    name: 'values compiled into scripts: contentType, header and body checks, capture regex, autoRefresh',
    files: {
      'specs/demo/.resources/definition.yaml':
        '$kind: mvpm-collection\nname: Demo\nautoRefresh:\n  tokenUrl: "{{baseUrl}}/t"\n  clientId: "a\\u2029"\n' +
        '  clientSecret: x\n',
      'specs/demo/Ping.request.yaml':
        `${REQUEST}expect:\n  contentType: "text/plain\\r"\n  headers:\n` +
        `    X: { equals: "\\u202D" }\n  body:\n    $.a: { oneOf: [ok, "\\0"] }\ncapture:\n` +
        `  c: { header: L, regex: "(x)\\L" }\n`,
    },
    expected: [
      `E_UNSAFE_TEXT specs/demo/.resources/definition.yaml:5:15 \`autoRefresh.clientId\` contains a paragraph ` +
        `separator (U+2029) | remove the U+2029 ${PLAIN_HINT}`,
      `E_UNSAFE_TEXT specs/demo/Ping.request.yaml:5:27 \`expect.contentType\` contains a carriage return (U+000D) | ` +
        `remove the U+000D ${PLAIN_HINT}`,
      `E_UNSAFE_TEXT specs/demo/Ping.request.yaml:7:19 \`expect.headers.X.equals\` contains a bidirectional control ` +
        `(U+202D) | remove the U+202D: ${BIDI_HINT}`,
      `E_UNSAFE_TEXT specs/demo/Ping.request.yaml:9:25 \`expect.body.$.a.oneOf[1]\` contains a control character ` +
        `(U+0000) | remove the U+0000 ${PLAIN_HINT}`,
      `E_UNSAFE_TEXT specs/demo/Ping.request.yaml:11:30 \`capture.c.regex\` contains a line separator (U+2028) | ` +
        `remove the U+2028 ${PLAIN_HINT}`,
    ],
  },
  {
    name: 'raw scripts: line breaks and tabs are fine, bidirectional and other controls are not',
    files: {
      'specs/demo/Ping.request.yaml':
        `${REQUEST}scripts:\n  - type: afterResponse\n` +
        `    code: "a;\\n\\tb;\\r\\n\\u2028c;"\n  - type: beforeRequest\n    code: "x = '\\u2066';"\n` +
        `  - type: beforeRequest\n    code: "y = '\\e';"\n`,
    },
    expected: [
      `E_UNSAFE_TEXT specs/demo/Ping.request.yaml:8:17 the script \`scripts[1].code\` contains a bidirectional ` +
        `control (U+2066) | remove the U+2066: ${BIDI_HINT}`,
      'E_UNSAFE_TEXT specs/demo/Ping.request.yaml:10:17 the script `scripts[2].code` contains a control character ' +
        '(U+001B) | remove the U+001B, or write it as an escape inside a JavaScript string ("\\u001B")',
    ],
  },
  {
    name:
      'descriptions, bodies and variable values may hold line breaks; a JSON body key may not hold a control ' +
      'character',
    files: {
      'specs/demo/Ping.request.yaml':
        `${REQUEST}description: "line one\\u2028line two"\nbody:\n  type: json\n` +
        `  content:\n    text: "a\\nb\\u2028"\n    "k\\u0007": 1\n`,
    },
    expected: [
      `E_UNSAFE_TEXT specs/demo/Ping.request.yaml:9:7 the key \`k\\u0007\` in \`body.content\` contains a control ` +
        `character (U+0007) | remove the U+0007 ${PLAIN_HINT}`,
    ],
  },
];

function render(d: {
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}): string {
  return `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}${d.hint ? ` | ${d.hint}` : ''}`;
}

/** Every character UNSAFE_TEXT matches, from its own character class. */
function unsafeCharacters(): string[] {
  const out: string[] = [];
  for (let c = 0; c <= 0x206f; c++) if (UNSAFE_TEXT.test(String.fromCharCode(c))) out.push(String.fromCharCode(c));
  return out;
}

describe('unsafe text: each case gives exactly these diagnostics', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const project = tempProject(minimalProject(c.files));
      try {
        const result = await buildProject({ cwd: project.dir });
        assert.deepEqual(result.errors.map(render), c.expected);
      } finally {
        project.cleanup();
      }
    });
  }
});

describe('unsafe text: no character of the set reaches the terminal', () => {
  const all = unsafeCharacters();
  test(
    'the set is the one the path guard defines: ' + '67 control characters, two separators, 12 bidirectional controls',
    () => {
      assert.equal(all.length, 65 + 2 + 12);
      assert.equal(all.filter((c) => BIDI_CONTROLS.test(c)).length, 12);
    },
  );

  // Every character, raw or escaped, in a header name, a header value and a script: refused, and the printed
  // diagnostic (message, file, frame, hint) holds none of them, nor a tab outside the frame.
  const runs = process.env['MVPM_SOAK'] === '1' ? 200 : 25;
  test(`property: each unsafe character is refused at its position and never printed (${runs} runs)`, async (t) => {
    t.diagnostic(`unsafe-text property runs: ${runs} (MVPM_SOAK=1: 200)`);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all),
        fc.boolean(),
        fc.constantFrom('key', 'value', 'script'),
        async (char, escaped, where) => {
          // Raw C0 controls other than tab and line breaks are E_NOT_TEXT before they get here: YAML refuses them.
          const raw = !escaped && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/.test(char);
          const written = raw ? char : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
          const text =
            where === 'key'
              ? `headers:\n  "X${written}Y": v\n`
              : where === 'value'
                ? `expect:\n  contentType: "a${written}b"\n`
                : `scripts:\n  - type: afterResponse\n    code: "a${written}b"\n`;
          const project = tempProject(minimalProject({ 'specs/demo/Ping.request.yaml': `${REQUEST}${text}` }));
          try {
            const result = await buildProject({ cwd: project.dir });
            const allowedInScript = /[\t\n\r\u2028\u2029]/.test(char);
            const allowedInValue = char === '\t';
            const refused = where === 'script' ? !allowedInScript : where === 'value' ? !allowedInValue : true;
            const unsafe = result.errors.filter((e) => e.code === 'E_UNSAFE_TEXT');
            assert.equal(
              unsafe.length,
              refused ? 1 : 0,
              `${JSON.stringify(char)} ${where} ${raw ? 'raw' : 'escaped'}: ${result.errors.map(render).join('\n')}`,
            );
            if (refused) {
              const [d] = unsafe;
              assert.equal(d!.line, where === 'script' ? 6 : 5);
              // The caret is on the character (raw) or on the backslash of its escape.
              assert.equal(d!.column, where === 'key' ? 5 : where === 'value' ? 18 : 13);
            }
            for (const d of [...result.errors, ...result.warnings]) {
              const printed = formatDiagnostic(d);
              const outsideFrame = printed.replace(d.frame, '');
              assert.ok(
                !new RegExp(UNSAFE_TEXT.source, 'u').test(outsideFrame.replace(/\n/g, '')),
                `printed: ${JSON.stringify(printed)}`,
              );
              assert.ok(!FRAME_UNSAFE.test(d.frame), `frame: ${JSON.stringify(d.frame)}`);
            }
          } finally {
            project.cleanup();
          }
        },
      ),
      { numRuns: runs, seed: 20260801 },
    );
  });
});
