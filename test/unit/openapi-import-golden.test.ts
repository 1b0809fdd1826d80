// Golden cases of the OpenAPI conversion: test/golden/openapi-import/<case>/ holds a document (openapi.yaml,
// openapi.json or swagger.yaml, and any file it refers to), optionally case.json (the conversion's options), and
// expected.txt: the warnings and every generated file, or the exact error. Documents are read by the real loader
// (loadOpenApi) with the case directory as the project root. Each generated tree must also build without an error
// (`mvpm build`; every case under MVPM_SOAK=1, a few otherwise to stay fast). `npm run golden:update` rewrites
// expected.txt; review the diff.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { MvpmError } from '../../src/errors/mvpm-error.ts';
import { convertOpenApi, type ConvertOptions, type GeneratedImport } from '../../src/import/openapi/convert.ts';
import { loadOpenApi } from '../../src/openapi/load.ts';
import { UPDATE_GOLDEN } from '../support/golden.ts';
import { PROJECT_ROOT, runCli, SOAK, tempProject } from '../support/helpers.ts';

const CASES_DIR = path.join(PROJECT_ROOT, 'test', 'golden', 'openapi-import');
const DOCUMENT = /^(openapi|swagger)\.(ya?ml|json)$/;
/** Cases whose generated tree is built on every run (all of them under MVPM_SOAK=1). */
const ALWAYS_BUILT = new Set(['mediavalet-like', 'swagger2-formdata']);

const cases = readdirSync(CASES_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** The conversion of one case: its expected.txt text, and the generated files when it converted. */
async function runCase(name: string): Promise<{ text: string; result?: GeneratedImport }> {
  const dir = path.join(CASES_DIR, name);
  const document = readdirSync(dir).find((file) => DOCUMENT.test(file));
  assert.ok(document, `${name}: no openapi.yaml, openapi.json or swagger.yaml`);
  const optionsFile = path.join(dir, 'case.json');
  const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as object) : {};
  try {
    const doc = await loadOpenApi(document, { root: dir });
    const result = convertOpenApi(doc, { outLabel: 'specs', ...options } satisfies ConvertOptions);
    const lines = [`collection: ${result.collectionDir}`, 'warnings:'];
    for (const w of result.warnings) lines.push(`  ${w.code} ${w.where}: ${w.message}`);
    lines.push('requests:');
    for (const r of result.requests) lines.push(`  ${r.operation} -> ${r.file}`);
    for (const [file, text] of result.files) lines.push(`--- specs/${file}`, text.replace(/\n$/, ''));
    return { text: `${lines.join('\n')}\n`, result };
  } catch (error) {
    if (!(error instanceof MvpmError)) throw error;
    const lines = [`error ${error.code}: ${error.message}`];
    if (error.hint) lines.push(`  hint: ${error.hint}`);
    for (const p of error.problems)
      lines.push(`  ${p.code} ${p.file}:${p.line}:${p.column} ${p.pointer ?? ''}: ${p.message}`);
    return { text: `${lines.join('\n')}\n` };
  }
}

describe('golden OpenAPI imports: a document in, exact spec files (or the exact error) out', () => {
  for (const name of cases) {
    test(name, async () => {
      const { text, result } = await runCase(name);
      const expectedFile = path.join(CASES_DIR, name, 'expected.txt');
      if (UPDATE_GOLDEN) writeFileSync(expectedFile, text);
      else assert.equal(text, readFileSync(expectedFile, 'utf8'), `${name}: npm run golden:update, review the diff`);
      if (result === undefined || !(SOAK || ALWAYS_BUILT.has(name))) return;
      // The document's own files too, where `openapi.source` points (relative to the project root).
      const inputs = readdirSync(path.join(CASES_DIR, name)).filter((f) => f !== 'expected.txt' && f !== 'case.json');
      const files = Object.fromEntries([
        ...inputs.map((file) => [file, readFileSync(path.join(CASES_DIR, name, file), 'utf8')]),
        ...[...result.files].map(([file, content]) => [`specs/${file}`, content]),
      ]);
      const project = tempProject(files);
      try {
        const built = await runCli(['build', '--quiet'], project.dir);
        assert.equal(built.code, 0, `${name}: the generated specs do not build:\n${built.stderr}`);
      } finally {
        project.cleanup();
      }
    });
  }
});
