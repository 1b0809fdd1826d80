// The corpus of malformed and tricky OpenAPI documents: test/golden/openapi-errors/<case>/ holds the document
// (`openapi.yaml` or `openapi.json`, or case.json's `document`), any files it refers to, an optional case.json
// ({ document, maxBytes, maxFiles, links: {name: target}, generate }) and expected.txt: exactly what loadOpenApi
// gives, an error as the CLI prints it (src/cli/report-error.ts, the formatter of every import error) with its exit
// code, or for a document that loads, a summary of the model and its warnings. Each case runs in a temporary
// project root holding a copy of the case directory (links made there, inputs too large or binary to commit built
// by GENERATED). Regenerate deliberately and review the diff: UPDATE_GOLDEN=1 (npm run golden:update).
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { reportError } from '../../src/cli/report-error.ts';
import { formatProblem } from '../../src/errors/format.ts';
import { loadOpenApi } from '../../src/openapi/load.ts';
import type { OpenApiDocument } from '../../src/openapi/types.ts';
import { UPDATE_GOLDEN } from '../support/golden.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';

const DIR = path.join(PROJECT_ROOT, 'test', 'golden', 'openapi-errors');

interface CaseConfig {
  readonly document?: string;
  readonly maxBytes?: number;
  readonly maxFiles?: number;
  /** Symbolic links to make in the copy: link name → target. */
  readonly links?: Readonly<Record<string, string>>;
  /** A key of GENERATED: the document is written by it. */
  readonly generate?: string;
  /** Literal secrets in the input that must not appear in the output. */
  readonly secrets?: readonly string[];
}

/** Inputs built at test time: binary, or easier to read as the code that makes them. */
const GENERATED: Readonly<Record<string, (dir: string) => void>> = {
  utf16: (dir) =>
    writeFileSync(
      path.join(dir, 'openapi.yaml'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('openapi: 3.0.3\n', 'utf16le')]),
    ),
  latin1: (dir) =>
    writeFileSync(
      path.join(dir, 'openapi.yaml'),
      Buffer.concat([Buffer.from('openapi: 3.0.3\ninfo: {title: "Caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]),
    ),
  'deep-nesting': (dir) => {
    let schema = '{type: string}';
    for (let i = 0; i < 70; i++) schema = `{type: object, properties: {a: ${schema}}}`;
    writeFileSync(
      path.join(dir, 'openapi.yaml'),
      `openapi: 3.0.3\ninfo: {title: Deep, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Deep: ${schema}\n`,
    );
  },
  'huge-enum': (dir) => {
    const values = Array.from({ length: 20_000 }, (_, i) => `v${i}`);
    writeFileSync(
      path.join(dir, 'openapi.json'),
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'Enum', version: '1' },
        paths: {},
        components: { schemas: { Big: { type: 'string', enum: values } } },
      }),
    );
  },
};

function cases(): string[] {
  return readdirSync(DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** What loadOpenApi gives for the case, as expected.txt holds it. */
function config(name: string): CaseConfig {
  const file = path.join(DIR, name, 'case.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

async function run(name: string): Promise<string> {
  const source = path.join(DIR, name);
  const settings = config(name);
  const root = mkdtempSync(path.join(os.tmpdir(), 'mvpm-openapi-errors-'));
  try {
    cpSync(source, root, { recursive: true, filter: (f) => !/expected\.txt$|case\.json$/.test(f) });
    if (settings.generate) {
      const generate = GENERATED[settings.generate];
      assert.ok(generate, `case.json names an unknown generator ${settings.generate}`);
      generate(root);
    }
    for (const [link, target] of Object.entries(settings.links ?? {})) symlinkSync(target, path.join(root, link));
    const document =
      settings.document ?? (existsSync(path.join(root, 'openapi.json')) ? 'openapi.json' : 'openapi.yaml');
    try {
      const doc = await loadOpenApi(document, {
        root,
        ...(settings.maxBytes === undefined ? {} : { maxBytes: settings.maxBytes }),
        ...(settings.maxFiles === undefined ? {} : { maxFiles: settings.maxFiles }),
      });
      return summary(doc);
    } catch (error) {
      let stderr = '';
      const code = reportError(
        error,
        { command: 'import', writes: true },
        { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, env: {}, cwd: root },
      );
      return `exit ${code}\n${stderr.split(root).join('<root>')}`;
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A loaded document, shortly: what was read, each operation, the named schemas, and the warnings. */
function summary(doc: OpenApiDocument): string {
  const lines = [`loaded ${doc.file}: version ${doc.version}, ${doc.operations.length} operations`];
  for (const s of doc.servers) lines.push(`server ${s.url}`);
  for (const op of doc.operations) {
    const params = op.parameters.map((p) => `${p.in}:${p.name}${p.required ? '!' : ''}`).join(' ');
    const body = op.requestBody ? ` body=${op.requestBody.content.map((m) => m.type).join(',')}` : '';
    const responses = op.responses.map((r) => r.status).join(',');
    lines.push(`${op.method} ${op.path} [${op.key}] ${params}${body} -> ${responses}`);
    for (const m of op.requestBody?.content ?? []) lines.push(`  body ${m.type}: ${JSON.stringify(m.schema)}`);
  }
  const schemas = [...doc.schemas];
  for (const [name, schema] of schemas) {
    const text = JSON.stringify(schema);
    lines.push(`schema ${name}: ${text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text}`);
  }
  for (const w of doc.warnings) {
    const where = w.location;
    lines.push(
      where
        ? formatProblem({
            code: w.code as never,
            severity: 'warning',
            message: w.message,
            file: where.file,
            line: where.line,
            column: where.column,
            frame: '',
            pointer: where.pointer,
          })
        : `warning[${w.code}]: ${w.message}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('OpenAPI corpus: test/golden/openapi-errors', () => {
  test('has at least 30 cases', () => {
    assert.ok(cases().length >= 30, `only ${cases().length} cases`);
  });

  for (const name of cases()) {
    test(name, async () => {
      const got = await run(name);
      const file = path.join(DIR, name, 'expected.txt');
      if (UPDATE_GOLDEN) writeFileSync(file, got);
      assert.equal(got, readFileSync(file, 'utf8'));
      assert.doesNotMatch(got, /\n\s+at .*\.(ts|js):\d+/, 'no stack trace');
      for (const secret of config(name).secrets ?? []) assert.ok(!got.includes(secret), `the output shows ${secret}`);
    });
  }
});
