// renderYaml writes v3 documents without the yaml package's node tree (too slow at 10,000 requests): whatever the
// strings hold, the yaml package must read back exactly the document written.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { buildProject } from '../../src/emit/build-project.ts';
import { QUOTE_AS_JSON, QUOTE_OPTIONS, renderYaml } from '../../src/v3/render-yaml.ts';
import { FIXTURES_DIR } from '../support/golden.ts';
import { PROJECT_ROOT, soakCount } from '../support/helpers.ts';

const roundTrips = (document: unknown): void => assert.deepEqual(parse(renderYaml(document)), document);

describe('renderYaml', () => {
  test('every v3 file of this repository and of the all-constructs case reads back as its document', async () => {
    for (const cwd of [PROJECT_ROOT, `${FIXTURES_DIR}/all-constructs`]) {
      const build = await buildProject({ cwd, stateDir: '/nonexistent' });
      const v3 = build.files.filter((f) => f.editable);
      assert.ok(v3.length > 5);
      for (const file of v3) assert.equal(renderYaml(parse(file.content)), file.content, file.relative);
    }
  });

  test('any strings, in keys, values, list items and nested maps, read back unchanged', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme-ascii' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        '',
        ' ',
        'true',
        'no',
        'null',
        '~',
        '0',
        '1e3',
        '-',
        '- x',
        'a: b',
        'a #b',
        '{{x}}',
        '|',
        '\n',
        'a\n',
        'a\n\n',
        '\na',
        ' a\nb',
        'a \nb',
        'a\tb\n',
        '#x',
        '@x',
        '%x',
        '!x',
        '&x',
        '*x',
        '"x',
        "'x",
        '> x',
      ),
      fc
        .array(fc.constantFrom('a', ' ', '\n', ':', '#', '-', '"', "'", '{', '}', '[', ']', '\t', '\r', 'é', '\u2028'))
        .map((parts) => parts.join('')),
    );
    const leaf = fc.oneof(text, fc.integer(), fc.boolean());
    const key = text.filter((k) => k !== '__proto__'); // an own key the parser would make the prototype
    const map = <T>(value: fc.Arbitrary<T>, minKeys = 0) =>
      fc.dictionary(key, value, { minKeys }).map((d) => ({ ...d })); // plain objects, as the parser makes
    const document = map(fc.oneof(leaf, fc.array(map(leaf, 1)), map(leaf, 1)));
    fc.assert(fc.property(document, roundTrips), { numRuns: soakCount(5000, 500) });
  });

  test('text quoted without the yaml package is quoted exactly as the yaml package quotes it', () => {
    const asIs = fc
      .string({ unit: fc.constantFrom(...' !#$%&()*+,-./09:;<=>?@AZ[]^_`az{|}~\'"\\\t'.split('')) })
      .map((t) => t.replaceAll('\t', '')) // a tab is not printable ASCII: here only to check the pattern refuses it
      .filter((t) => QUOTE_AS_JSON.test(t));
    const quoted = ['', ' ', '{{baseUrl}}/assets/{{assetId}}', ' lead', 'trail ', '#', '- x: y', '~', 'a: b'];
    quoted.push('pm.variables.set("mvpm.checks", ""); // x', 'a\\b\\"c', '--- "x"', '... \\', '% "d"');
    for (const text of quoted) assert.equal(renderYaml({ k: text }), `k: ${stringify(text, QUOTE_OPTIONS)}`);
    fc.assert(
      fc.property(asIs, (text) => {
        const line = renderYaml({ k: text });
        if (line.startsWith('k: "')) assert.equal(line, `k: ${stringify(text, QUOTE_OPTIONS)}`);
        assert.deepEqual(parse(line), { k: text });
      }),
      { numRuns: soakCount(5000, 1000) },
    );
    for (const refused of ['\t', 'é', '\u007f', '\n', '\u2028']) assert.ok(!QUOTE_AS_JSON.test(`a${refused}`), refused);
  });
});
