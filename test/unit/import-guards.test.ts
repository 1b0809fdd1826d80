// The import's own guards, one by one: the JSON error locator and the UTF-8 check agree with the platform on every
// input, the secret rule decides the table below, and every error and warning code is documented.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { IMPORT_ERROR_CODES, IMPORT_WARNING_CODES } from '../../src/import/import-error.ts';
import { lineAndColumn, locateJsonError } from '../../src/import/json-syntax.ts';
import { firstInvalidUtf8, parseImportText } from '../../src/import/read-input.ts';
import { isSecretHeader, isSecretName } from '../../src/compile/secrets.ts';
import { hasLiteral } from '../../src/import/secrets.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';

const RUNS = process.env['MVPM_SOAK'] === '1' ? 20_000 : 2_000;

/** JSON text with a few characters changed: mostly almost-JSON, the hard case for a locator. */
const jsonish = fc
  .tuple(
    fc.jsonValue({ maxDepth: 4 }),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(
          '',
          '{',
          '}',
          '[',
          ']',
          ',',
          ':',
          '"',
          '\\',
          'tru',
          '-',
          '0',
          '1e',
          '.',
          ' ',
          '\n',
          '\u0001',
          '\uFEFF',
          '//',
        ),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([value, edits]) => {
    let text = JSON.stringify(value, null, edits.length % 2 === 0 ? 2 : undefined) ?? 'null';
    for (const [at, insert] of edits) {
      const i = at % (text.length + 1);
      text = `${text.slice(0, i)}${insert}${text.slice(i + (insert === '' ? 1 : 0))}`;
    }
    return text;
  });

describe('import guards', () => {
  test(`the JSON error locator finds an error exactly when JSON.parse fails (${RUNS} texts)`, () => {
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.string({ maxLength: 20 })), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        const located = locateJsonError(text);
        assert.equal(located === undefined, parses, `${JSON.stringify(text)}: ${located?.message}`);
        if (located) assert.ok(located.offset >= 0 && located.offset <= text.length);
      }),
      { seed: 20_260_809, numRuns: RUNS },
    );
  });

  test('the locator points at the first character that is wrong, in lines and columns', () => {
    assert.deepEqual(locateJsonError('{"a": 1,\n  "b" 2}'), {
      offset: 15,
      message: "expected ':' after a property name",
    });
    assert.deepEqual(lineAndColumn('{"a": 1,\n  "b" 2}', 15), { line: 2, column: 7 });
    assert.deepEqual(locateJsonError('[1, 2'), { offset: 5, message: "the text ends where ',' or ']' was expected" });
    // A million nested lists are scanned without recursion.
    assert.deepEqual(locateJsonError('['.repeat(1_000_000)), {
      offset: 1_000_000,
      message: 'the text ends where a value (an object, a list, a string, a number, true, false or null) was expected',
    });
  });

  test(`the UTF-8 check agrees with a strict decoder (${RUNS} byte strings)`, () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 12 }),
          fc.string({ unit: 'binary', maxLength: 8 }).map((s) => new Uint8Array(Buffer.from(s))),
        ),
        (bytes) => {
          let valid = true;
          try {
            decoder.decode(bytes);
          } catch {
            valid = false;
          }
          assert.equal(firstInvalidUtf8(bytes) === undefined, valid, Buffer.from(bytes).toString('hex'));
        },
      ),
      { seed: 20_260_810, numRuns: RUNS },
    );
  });

  test('a byte order mark is accepted; errors never quote the input', () => {
    assert.deepEqual(parseImportText(Buffer.from('\uFEFF{"a": 1}')), { a: 1 });
    assert.throws(
      () => parseImportText(Buffer.from('{"token": "hunter2-secret" x}')),
      (error: Error) => !error.message.includes('hunter2') && /E_IMPORT_JSON|not valid JSON/.test(error.message),
    );
  });

  test('the secret rule: which names are secret, which values are literal', () => {
    const headers = {
      Authorization: true,
      'Proxy-Authorization': true,
      Cookie: true,
      'Ocp-Apim-Subscription-Key': true,
      'X-Api-Key': true,
      'X-Functions-Key': true,
      'X-Auth-Token': true,
      Accept: false,
      'Content-Type': false,
      'X-Request-Id': false,
    };
    for (const [name, secret] of Object.entries(headers)) assert.equal(isSecretHeader(name), secret, name);
    const fields = {
      access_token: true,
      refresh_token: true,
      client_secret: true,
      code: true,
      password: true,
      api_key: true,
      apiKey: true,
      key: true,
      sig: true,
      code_verifier: true,
      client_assertion: true,
      grant_type: false,
      client_id: false,
      page: false,
      monkey: false,
    };
    for (const [name, secret] of Object.entries(fields)) assert.equal(isSecretName(name), secret, name);
    const values: [string, boolean, boolean][] = [
      ['', false, false],
      ['{{token}}', false, false],
      ['Bearer {{token}}', true, false],
      ['Bearer {{token}}', false, true],
      ['sid={{sid}}; csrf={{csrf}}', true, false],
      ['abc', false, true],
      ['Bearer abc', true, true],
      ['{{a}}x', false, true],
      ['session=abc', true, true],
      ['   ', false, false],
    ];
    for (const [value, header, literal] of values)
      assert.equal(hasLiteral(value, header), literal, `${JSON.stringify(value)} (header: ${header})`);
  });

  test('every import error and warning code is documented in docs/cli.md', () => {
    const docs = readFileSync(path.join(PROJECT_ROOT, 'docs/cli.md'), 'utf8');
    const section = docs.slice(
      docs.indexOf('## `mvpm import`'),
      docs.indexOf('\n## ', docs.indexOf('## `mvpm import`') + 1),
    );
    assert.ok(section.length > 100, 'docs/cli.md has no `mvpm import` section');
    for (const code of [...IMPORT_ERROR_CODES, ...IMPORT_WARNING_CODES])
      assert.ok(section.includes(`| \`${code}\` |`), `docs/cli.md's import section has no row for ${code}`);
  });
});
