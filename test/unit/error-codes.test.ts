// Error codes are an interface: every code in the registry is documented in docs/errors.md (generated from it), the
// docs list no code the registry lacks, every code is used somewhere in src/, and the registry stays a bottom layer.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { renderErrorCodesDoc } from '../../scripts/error-codes-doc.ts';
import { ERROR_CODES, WARNING_CODES } from '../../src/errors/codes.ts';
import { UPDATE_GOLDEN } from '../support/golden.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';

const DOC = path.join(PROJECT_ROOT, 'docs', 'errors.md');
const SRC = path.join(PROJECT_ROOT, 'src');
const REGISTRY = path.join(SRC, 'errors', 'codes.ts');
const REGISTERED = [...Object.keys(ERROR_CODES), ...Object.keys(WARNING_CODES)];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The source text of src/, the registry itself left out. */
function sourceOutsideRegistry(): { file: string; text: string }[] {
  return sourceFiles(SRC)
    .filter((file) => file !== REGISTRY)
    .map((file) => ({ file: path.relative(PROJECT_ROOT, file), text: readFileSync(file, 'utf8') }));
}

/**
 * Source text with the lists that only name codes taken out: a stage's `Codes<…>` type and the `…_CODES` arrays.
 * A code named only there is declared, never thrown.
 */
function withoutCodeLists(text: string): string {
  return text.replace(/\b(Codes|Warnings)<[^>]*>/g, '').replace(/_CODES: readonly \w+\[\] = \[[^\]]*\]/g, '');
}

describe('error codes', () => {
  test('docs/errors.md is what the registry renders (npm run golden:update rewrites it)', () => {
    if (UPDATE_GOLDEN) writeFileSync(DOC, renderErrorCodesDoc());
    assert.equal(readFileSync(DOC, 'utf8'), renderErrorCodesDoc(), 'docs/errors.md is stale: npm run golden:update');
  });

  test('docs/errors.md has a row for every registry code, and no row for a code the registry lacks', () => {
    const rows = [...readFileSync(DOC, 'utf8').matchAll(/^\| `([EW]_[A-Z0-9_]+)` \|/gm)].map((m) => m[1]!);
    const missing = REGISTERED.filter((code) => !rows.includes(code));
    const unknown = rows.filter((code) => !REGISTERED.includes(code));
    assert.deepEqual(missing, [], `codes in src/errors/codes.ts with no row in docs/errors.md`);
    assert.deepEqual(unknown, [], `codes in docs/errors.md that are not in src/errors/codes.ts`);
    assert.equal(new Set(rows).size, rows.length, 'a code has two rows');
  });

  test("every registry code is used in src/ (outside the registry and the lists of a stage's codes)", () => {
    const sources = sourceOutsideRegistry();
    const unused = REGISTERED.filter(
      (code) => !sources.some(({ text }) => withoutCodeLists(text).includes(`'${code}'`)),
    );
    assert.deepEqual(unused, [], 'codes no source file names: remove them from the registry, or use them');
  });

  test('every code written in src/ is in the registry', () => {
    const strays = sourceOutsideRegistry().flatMap(({ file, text }) =>
      [...text.matchAll(/'([EW]_[A-Z][A-Z0-9_]*)'/g)]
        .map((m) => m[1]!)
        .filter((code) => !REGISTERED.includes(code))
        .map((code) => `${code} in ${file}`),
    );
    assert.deepEqual(strays, [], 'codes missing from src/errors/codes.ts');
  });

  test("each code's further docs exist and name the code", () => {
    for (const [code, entry] of [...Object.entries(ERROR_CODES), ...Object.entries(WARNING_CODES)]) {
      const docs = 'docs' in entry ? entry.docs : undefined;
      if (docs === undefined) continue;
      const [page, anchor] = docs.split('#');
      const file = path.join(PROJECT_ROOT, 'docs', page!);
      assert.ok(existsSync(file), `${code}: docs/${page} does not exist`);
      const text = readFileSync(file, 'utf8');
      assert.ok(text.includes(code), `${code}: docs/${page} does not mention it`);
      if (anchor === code.toLowerCase())
        assert.match(text, new RegExp(`^#+ ${code}$`, 'm'), `${code}: docs/${page} has no heading #${anchor}`);
    }
  });

  test('src/errors imports nothing of ours outside it; the stand-in only src/errors and the OpenAPI model', () => {
    const relativeImports = (file: string): string[] =>
      [...readFileSync(file, 'utf8').matchAll(/^import .* from '(\.{1,2}\/[^']+)';$/gm)].map((m) => m[1]!);
    for (const file of sourceFiles(path.join(SRC, 'errors')))
      for (const target of relativeImports(file))
        assert.ok(target.startsWith('./'), `${path.relative(SRC, file)} imports ${target}`);
    // The mock reads the OpenAPI model and its pure helpers (sample, validate, safe-regex), which in turn import
    // nothing of ours but each other and src/errors: never the loader, which reads files through the path guard.
    const openApiUsed = new Set<string>();
    for (const file of sourceFiles(path.join(SRC, 'standin')))
      for (const target of relativeImports(file)) {
        if (target.startsWith('../openapi/')) openApiUsed.add(path.basename(target));
        assert.ok(
          !target.startsWith('../') || target.startsWith('../errors/') || target.startsWith('../openapi/'),
          `${path.relative(SRC, file)} imports ${target}`,
        );
      }
    for (const used of openApiUsed) {
      const file = path.join(SRC, 'openapi', used.replace(/\.js$/, '.ts'));
      for (const target of relativeImports(file)) {
        assert.ok(
          (target.startsWith('./') && !target.startsWith('./load')) || target.startsWith('../errors/'),
          `openapi/${used} (used by the stand-in) imports ${target}`,
        );
        if (target.startsWith('./')) openApiUsed.add(path.basename(target));
      }
    }
  });
});
