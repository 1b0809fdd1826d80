// Property-based fuzzing of importCollection: collections built from hostile names, labels, URLs, bodies, auth
// blocks, scripts with markers, secrets and plain junk. Whatever the input, the import answers with files or an
// ImportError (never another exception); every output path passes the path guard; every spec file is YAML; no planted
// literal secret is written or printed; and for a sample the write step, run into a temporary root, writes exactly
// those files there and nothing else (no staging directory left, nothing beside the root).
//
// Fixed seed; 250 inputs by default, 10,000 with MVPM_SOAK=1. Vary with FUZZ_SEED=<n> and FUZZ_RUNS=<n>.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { markerLine } from '../../src/compile/scripts/markers.ts';
import { compileRequestScripts } from '../../src/compile/scripts/item-scripts.ts';
import { importCollection, type ImportResult } from '../../src/import/import-collection.ts';
import { IMPORT_WARNING_CODES, ImportError } from '../../src/import/import-error.ts';
import { writeImport } from '../../src/import/write-import.ts';
import { nameProblem, resolveInside } from '../../src/paths/path-guard.ts';
import type * as M from '../../src/spec/model.ts';
import { SpecSource } from '../../src/spec/source.ts';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_808);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? (process.env['MVPM_SOAK'] === '1' ? 10_000 : 250));
/** One input in this many is also written to disk. */
const WRITE_EVERY = 20;
const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
/** Planted in secret-named places; must never reach a file or a message. */
const SECRET = 'PLANTED-SECRET-7f3a9c';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'mvpm-import-fuzz-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const HOSTILE_NAMES = [
  '..',
  '.',
  '',
  ' ',
  '...',
  'CON',
  'aux',
  'nul.txt',
  'COM1',
  'a/b',
  '../../x',
  '/etc/passwd',
  'C:\\x',
  'a:b*c?',
  '<>|"',
  'name.',
  'name ',
  ' lead',
  '\u202eevil',
  '\u2066x\u2069',
  '\u001b[2J',
  'two\nlines',
  'nul\u0000',
  'line\u2028sep',
  'X.request.yaml',
  '.resources',
  'Y.resources',
  'Ping',
  'ping',
  'PING',
  'café',
  'cafe\u0301',
  'R'.repeat(300),
  'é'.repeat(150),
  '__proto__',
  'constructor',
  'toString',
  'schemas',
  'environments',
  'files',
];
const name = fc.oneof(
  fc.constantFrom(...HOSTILE_NAMES),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const junk = fc.jsonValue({ maxDepth: 2 });
const SECRET_FIELDS = [
  'Authorization',
  'Cookie',
  'Ocp-Apim-Subscription-Key',
  'X-Api-Key',
  'access_token',
  'refresh_token',
  'client_secret',
  'password',
  'api_key',
  'code',
];
/** A value for a secret-named field: the planted secret (sometimes with a scheme), a variable, or empty. */
const secretValue = fc.constantFrom(
  SECRET,
  `Bearer ${SECRET}`,
  `session=${SECRET}; a=b`,
  '{{token}}',
  'Bearer {{token}}',
  '',
);

const origin = { source: new SpecSource('imported', 'imported', 'request', ''), path: [] } as unknown as M.Origin;

/** Generated test lines for a schema check labelled `label`: reach the schema-file path, as a real export does. */
function schemaExec(label: string): string[] {
  const request = {
    expectations: [{ kind: 'schema', label, schema: { type: 'object' }, origin }],
    captures: [],
    scripts: [],
    origin,
  } as unknown as M.RequestSpec;
  return [...(compileRequestScripts(request).test ?? [])];
}

const header = fc.oneof(
  fc.record({ key: fc.constantFrom(...SECRET_FIELDS), value: secretValue }),
  fc.record(
    { key: name, value: fc.oneof(fc.string({ maxLength: 10 }), junk), disabled: fc.boolean() },
    { requiredKeys: ['key'] },
  ),
  junk,
);
const field = fc.oneof(
  fc.record({ key: fc.constantFrom(...SECRET_FIELDS), value: secretValue }),
  fc.record(
    {
      key: name,
      value: fc.oneof(fc.string({ maxLength: 10 }), junk),
      type: fc.constantFrom('text', 'file'),
      src: fc.oneof(
        fc.constantFrom(
          '/etc/hostname',
          '../../../../root/.npmrc',
          'C:\\x',
          '{{d}}/x',
          './ok.bin',
          'files/a.bin',
          '~/.ssh/id_rsa',
        ),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }),
        junk,
      ),
    },
    { requiredKeys: ['key'] },
  ),
);
const body = fc.oneof(
  fc.record({ mode: fc.constant('urlencoded'), urlencoded: fc.array(field, { maxLength: 4 }) }),
  fc.record({ mode: fc.constant('formdata'), formdata: fc.array(field, { maxLength: 4 }) }),
  fc.record({
    mode: fc.constant('raw'),
    raw: fc.oneof(
      fc.string({ maxLength: 40 }),
      junk.map((v) => JSON.stringify(v, null, 2)),
      fc.constant(JSON.stringify({ password: SECRET, nested: { client_secret: SECRET } }, null, 2)),
    ),
    options: fc.record({ raw: fc.record({ language: fc.constantFrom('json', 'text', 'xml', 'nope') }) }),
  }),
  fc.record({ mode: fc.oneof(fc.constantFrom('graphql', 'file', 'none'), junk) }),
  junk,
);
const url = fc.oneof(
  fc.constantFrom(
    `https://example.test/x?access_token=${SECRET}&a=1`,
    `https://u:${SECRET}@example.test/`,
    `https://example.test/x?flag&api_key=${SECRET}#token=${SECRET}`,
    '{{base}}/x?q={{q}}',
    'https://example.test/a b?c=%zz',
  ),
  fc.string({ maxLength: 30 }),
  fc.record({ raw: fc.string({ maxLength: 20 }) }),
  fc.record(
    {
      host: fc.oneof(fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }), junk),
      path: fc.oneof(fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }), junk),
    },
    { requiredKeys: [] },
  ),
  junk,
);
const auth = fc.oneof(
  fc.record({ type: fc.constant('bearer'), bearer: fc.constant([{ key: 'token', value: SECRET }]) }),
  fc.record({
    type: fc.constant('basic'),
    basic: fc.constant([
      { key: 'username', value: 'u' },
      { key: 'password', value: SECRET },
    ]),
  }),
  fc.record({
    type: fc.constant('oauth2'),
    oauth2: fc.array(
      fc.oneof(
        fc.record({
          key: fc.constantFrom('accessToken', 'clientSecret', 'code_verifier', 'password', 'refreshToken'),
          value: fc.oneof(fc.constant(SECRET), junk),
        }),
        fc.record({ key: fc.constantFrom('grant_type', '__proto__', 'tokenType', 'clientId'), value: junk }),
      ),
      { maxLength: 4 },
    ),
  }),
  fc.record({ type: fc.oneof(fc.constantFrom('noauth', 'apikey', 'awsv4'), junk) }),
  junk,
);
/** What a marker may hold: constructs the compiler knows, the same with hostile fields, captures, and junk. */
const construct = fc.oneof(
  fc.record({
    kind: fc.constant('body'),
    path: fc.constantFrom('$.a', '$', '$..a', 'x'),
    check: fc.oneof(
      fc.constantFrom('equals', 'oneOf', 'length', 'type', 'matches', 'exists', 'notEquals', 'rm -rf', '__proto__'),
      junk,
    ),
    expected: junk,
    min: junk,
    max: junk,
  }),
  fc.record(
    {
      kind: fc.constantFrom('status', 'contentType', 'responseTime', 'header', 'schema'),
      codes: fc.oneof(fc.array(fc.integer({ min: 100, max: 599 }), { maxLength: 2 }), junk),
      mediaType: junk,
      below: junk,
      name,
      check: fc.constantFrom('exists', 'equals', 'matches', 'nope'),
      expected: junk,
      label: name,
      schema: junk,
    },
    { requiredKeys: ['kind'] },
  ),
  fc.record(
    { into: name, json: fc.string({ maxLength: 6 }), header: name, variable: name, regex: fc.string({ maxLength: 4 }) },
    { requiredKeys: [] },
  ),
  // Anything a marker can carry: markerLine writes a JavaScript literal, which `undefined` does not have.
  fc.anything({ maxDepth: 2 }).filter((value) => value !== undefined),
);
const marker = fc.oneof(
  { weight: 3, arbitrary: construct.map((c) => markerLine('expect', c)) },
  fc
    .tuple(fc.constantFrom('capture', 'autoRefresh') as fc.Arbitrary<'capture' | 'autoRefresh'>, construct)
    .map(([kind, c]) => markerLine(kind, c)),
);
const script = fc.oneof(
  { weight: 2, arbitrary: name.map((label) => schemaExec(label)) },
  {
    weight: 4,
    arbitrary: fc.array(
      fc.oneof(
        { weight: 3, arbitrary: marker },
        fc.string({ maxLength: 30 }),
        fc.constantFrom(
          'pm.test("x", () => {});',
          '// Generated by mvpm from x: edit the spec, not this script.',
          '\u202e',
        ),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  },
  junk,
);
const event = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      listen: fc.constantFrom('test', 'test', 'prerequest', 'x'),
      script: fc.oneof({ weight: 5, arbitrary: fc.record({ exec: script }) }, junk),
      disabled: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, fc.constant(true)),
    }),
  },
  junk,
);
const request = fc.record(
  {
    name,
    request: fc.oneof(
      fc.record(
        {
          method: fc.oneof(fc.constantFrom('GET', 'POST', ''), junk),
          url,
          header: fc.oneof(fc.array(header, { maxLength: 4 }), junk),
          body,
          auth,
        },
        { requiredKeys: [] },
      ),
      fc.string({ maxLength: 10 }),
      junk,
    ),
    event: fc.oneof(fc.array(event, { maxLength: 2 }), junk),
  },
  { requiredKeys: ['request'] },
);
const { item } = fc.letrec((tie) => ({
  item: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    request,
    fc.record(
      { name, item: fc.array(tie('item'), { maxLength: 4 }), auth, event: fc.array(event, { maxLength: 1 }) },
      { requiredKeys: ['item'] },
    ),
    junk,
  ),
}));
/** A variable or environment value: the planted secret only where its name or its type says it is one. */
const variable = fc.oneof(
  fc.record({
    key: fc.constantFrom(...SECRET_FIELDS),
    value: fc.oneof(fc.constant(SECRET), fc.string({ maxLength: 8 }), junk),
    type: fc.constantFrom('secret', 'default', 'string'),
    enabled: fc.boolean(),
  }),
  fc.record({ key: name, value: fc.constant(SECRET), type: fc.constant('secret'), enabled: fc.boolean() }),
  fc.record({
    key: name,
    value: fc.oneof(fc.string({ maxLength: 8 }), junk),
    type: fc.constantFrom('secret', 'default', 'string'),
    enabled: fc.boolean(),
  }),
  junk,
);
const collection = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record(
      {
        info: fc.record({
          name: fc.oneof(name, junk),
          schema: fc.oneof(
            { weight: 8, arbitrary: fc.constant(V21) },
            fc.constantFrom('https://schema.getpostman.com/json/collection/v2.0.0/collection.json', 'v1'),
          ),
        }),
        item: fc.array(item, { maxLength: 6 }),
        variable: fc.oneof(fc.array(variable, { maxLength: 3 }), junk),
        auth,
        event: fc.array(event, { maxLength: 2 }),
      },
      { requiredKeys: ['info', 'item'] },
    ),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 4 }) },
);
const environment = fc.oneof(
  { weight: 8, arbitrary: fc.record({ name: fc.oneof(name, junk), values: fc.array(variable, { maxLength: 4 }) }) },
  junk,
);
const inputs = fc.record({
  collection,
  slug: name,
  environments: fc.array(fc.record({ slug: name, environment }), { maxLength: 2 }),
  allowScripts: fc.boolean(),
});

/** The `src` of every form-data file field in a request spec. */
function formSources(spec: unknown): string[] {
  const body = (spec as { body?: { type?: unknown; content?: Record<string, unknown> } } | null)?.body;
  if (body?.type !== 'formdata' || body.content === undefined) return [];
  return Object.values(body.content).flatMap((v) =>
    v !== null && typeof v === 'object' && typeof (v as { src?: unknown }).src === 'string'
      ? [(v as { src: string }).src]
      : [],
  );
}

/** Every entry under `dir`, relative, forward slashes, directories with a trailing slash. */
function listTree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split(path.sep).join('/')).sort();
}

test(`fuzz: ${RUNS} hostile collections import to guarded paths or an ImportError, never an exception`, {
  timeout: 600_000,
}, async (t) => {
  const outcomes = { imported: 0, refused: 0, written: 0, files: 0 };
  const codes = new Map<string, number>();
  const warned = new Map<string, number>();
  let run = 0;
  const started = performance.now();
  const property = fc.asyncProperty(inputs, async (input) => {
    run++;
    let result: ImportResult;
    try {
      result = importCollection(input);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      outcomes.refused++;
      codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
      assert.ok(!error.message.includes(SECRET), 'an error message holds the secret');
      return;
    }
    outcomes.imported++;
    const paths = new Set<string>();
    for (const file of result.files) {
      for (const part of file.path.split('/'))
        assert.equal(
          nameProblem(part),
          undefined,
          `unsafe part ${JSON.stringify(part)} in ${JSON.stringify(file.path)}`,
        );
      assert.ok(!paths.has(file.path.toLowerCase()), `two files at ${JSON.stringify(file.path)} (ignoring case)`);
      paths.add(file.path.toLowerCase());
      const absolute = resolveInside(scratch, file.path);
      assert.ok(absolute.startsWith(`${scratch}${path.sep}`), absolute);
      assert.ok(!file.content.includes(SECRET), `the secret reached ${file.path}`);
      if (!file.path.endsWith('.yaml')) continue;
      const doc = parseDocument(file.content);
      assert.deepEqual(
        doc.errors.map((e) => e.message),
        [],
        file.path,
      );
      for (const src of formSources(doc.toJS()))
        assert.ok(
          src === '' ||
            (!path.isAbsolute(src) &&
              !/^[A-Za-z]:|^[\\~]/.test(src) &&
              !src.split(/[/\\]/).includes('..') &&
              !src.includes('{{')),
          `form-data src ${JSON.stringify(src)} kept`,
        );
    }
    for (const w of result.warnings) {
      assert.ok(!`${w.where} ${w.message}`.includes(SECRET), 'a warning holds the secret');
      warned.set(w.code, (warned.get(w.code) ?? 0) + 1);
    }
    if (run % WRITE_EVERY !== 0) return;
    // The write step into a fresh root beside an untouched neighbour.
    const root = mkdtempSync(path.join(scratch, 'w-'));
    const out = path.join(root, 'specs');
    try {
      const report = await writeImport(out, result.files, { outLabel: 'specs' });
      assert.deepEqual(
        report.written,
        result.files.map((f) => f.path),
      );
      for (const file of result.files) assert.equal(readFileSync(path.join(out, file.path), 'utf8'), file.content);
      const expected = new Set(
        result.files.flatMap((f) => f.path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'))),
      );
      assert.deepEqual(listTree(out), [...expected].sort());
      assert.deepEqual(
        readdirSync(root),
        ['specs'],
        'the staging directory or a stray file was left beside the output',
      );
      outcomes.written++;
      outcomes.files += result.files.length;
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  try {
    await fc.assert(property, { seed: SEED, numRuns: RUNS });
  } catch (error) {
    const cause = (error as Error).cause;
    throw new Error(
      `fuzzing failed with seed ${SEED} (rerun: FUZZ_SEED=${SEED} node --import tsx --test ` +
        `test/unit/import-fuzz.test.ts)\n${(error as Error).message}` +
        `${cause instanceof Error ? `\n${cause.message}` : ''}`,
    );
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  t.diagnostic(
    `${RUNS} inputs (seed ${SEED}) in ${seconds} s: ${outcomes.imported} imported, ${outcomes.refused} refused; ` +
      `${outcomes.written} written to disk (${outcomes.files} files)`,
  );
  t.diagnostic(
    `errors: ${[...codes]
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', ')}`,
  );
  t.diagnostic(
    `warnings: ${[...warned]
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', ')}`,
  );
  // Both outcomes, writes and every kind of warning must be reached, or the inputs are not exploring the format.
  assert.ok(outcomes.imported > RUNS / 4 && outcomes.refused > 0 && outcomes.written > 0, JSON.stringify(outcomes));
  // W_IMPORT_SEND_TO needs a collection that builds (sendTo is inferred by the spec rules), which random input
  // almost never is; the hostile corpus covers it (secrets-declared-in-environment).
  assert.deepEqual(
    [...warned.keys()].sort(),
    // OpenAPI warnings come from `mvpm import <openapi>`, never from a collection.
    IMPORT_WARNING_CODES.filter((code) => code !== 'W_IMPORT_SEND_TO' && !code.startsWith('W_OPENAPI_')).sort(),
  );
});
