// Property-based fuzzing of the spec loader and validator: 10,000 hostile request files, each built in-process by
// the CLI (`mvpm build`) on a copy of the real specs. Whatever the input, the build must answer with diagnostics
// (never an exception), within a time bound, and write nothing when anything is wrong.
//
// Fixed seed; on failure the message names it. Rerun or vary with FUZZ_SEED=<n> and FUZZ_RUNS=<n>.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { PROJECT_ROOT, runCli, soakCount } from '../support/helpers.ts';
import { timed } from '../support/timed.ts';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_601);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? soakCount(10_000, 300));
/** No single input may take more CPU time to build than this (wall-clock time stretches with the machine's load). */
const TIME_BOUND_MS = 2000;
/** Nor wait longer than this (a bound against hangs, which cost no CPU time). */
const HANG_BOUND_MS = 30_000;

const SPECS = path.join(PROJECT_ROOT, 'specs');
/** The real request files, by path under specs/: the seeds of the mutations. */
const REQUESTS = new Map(
  (readdirSync(SPECS, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.request.yaml'))
    .sort()
    .map((file) => [file.split(path.sep).join('/'), readFileSync(path.join(SPECS, file))] as const),
);
/** Where inputs that are not mutations of a real request are written. */
const FUZZ_REQUEST = 'mediavalet/API/Fuzz.request.yaml';

/**
 * The real specs without their requests and without their prose: each input is the only request, so a build reads
 * a few small files (a whole-suite build would make 10,000 runs take minutes). Most real requests are valid alone,
 * so mutations that keep them valid reach the compiler too.
 */
const project = mkdtempSync(path.join(os.tmpdir(), 'mvpm-fuzz-'));
cpSync(SPECS, path.join(project, 'specs'), { recursive: true, filter: (source) => !source.endsWith('.request.yaml') });
for (const file of readdirSync(path.join(project, 'specs'), { recursive: true }) as string[]) {
  if (!file.endsWith('.yaml')) continue;
  const full = path.join(project, 'specs', file);
  writeFileSync(full, stringify(withoutDescriptions(parse(readFileSync(full, 'utf8')))));
}
after(() => rmSync(project, { recursive: true, force: true }));

function withoutDescriptions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDescriptions);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'description')
      .map(([key, v]) => [key, withoutDescriptions(v)]),
  );
}

/** Pieces of YAML and of this format, to be strung together. */
const TOKENS = [
  '$kind',
  'mvpm-request',
  'http-request',
  'mvpm-collection',
  'mvpm-folder',
  'mvpm-environment',
  'collection',
  'folder',
  'environment',
  'method',
  'GET',
  'POST',
  'url',
  'expect',
  'status',
  'headers',
  'body',
  'schema',
  'file',
  'inline',
  'capture',
  'json',
  'header',
  'regex',
  'expiresIn',
  'variable',
  'order',
  'auth',
  'type',
  'scripts',
  'settings',
  'description',
  'exists',
  'matches',
  'equals',
  'length',
  'oneOf',
  ': ',
  ':',
  '- ',
  '\n',
  '  ',
  '\t',
  '{',
  '}',
  '[',
  ']',
  ', ',
  '"',
  "'",
  '{{',
  '}}',
  '{{apiBaseUrl}}',
  '{{$guid}}',
  '#',
  '&a ',
  '*a',
  '!!str ',
  '!!binary ',
  '!foo ',
  '|',
  '>-',
  '---',
  '...',
  '? ',
  '%YAML 1.2\n',
  '\0',
  '\u001b',
  '\uFEFF',
  '\r',
  '\u2028',
  '200',
  '-1',
  '1e400',
  '.nan',
  '~',
  'null',
  'true',
  '$.a',
  '$..a',
  "$['b']",
  '[0]',
  '(',
  ')',
  '\\',
  '"\\u0000"',
  'https://example.test/x',
  '../../schemas/users-current.schema.json',
  '__proto__',
  'constructor',
];
const INSERTS = [
  '{{',
  '}}',
  ':',
  ': ',
  '[',
  ']',
  '{',
  '}',
  '\t',
  '\0',
  '\n',
  '- ',
  '"',
  "'",
  '#',
  '&a ',
  '*a',
  '---\n',
  '\uFEFF',
  '\xff',
];

type Input = { readonly file: string; readonly content: string | Uint8Array };

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 24 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...INSERTS) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(original: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = Buffer.from(original);
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
    if (m.kind === 'flip' && at < bytes.length) bytes[at]! ^= m.xor;
    else if (m.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    else if (m.kind === 'insert')
      bytes = Buffer.concat([
        bytes.subarray(0, at),
        Buffer.from(m.token, m.token === '\xff' ? 'latin1' : 'utf8'),
        bytes.subarray(at),
      ]);
  }
  return bytes;
}

/** A request-shaped mapping with arbitrary values: gets past the YAML parser into the schema check and the rules. */
const requestLike = fc.record(
  {
    $kind: fc.constantFrom('mvpm-request', 'mvpm-folder', 'http-request', 'request', ''),
    method: fc.oneof(fc.constantFrom('GET', 'POST', 'gte'), fc.jsonValue({ maxDepth: 2 })),
    url: fc.oneof(
      fc.constantFrom('{{apiBaseUrl}}/x', '{{nope}}/x', 'https://example.test/', '/relative', '{{ apiBaseUrl }}'),
      fc.string(),
    ),
    order: fc.jsonValue({ maxDepth: 1 }),
    headers: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 2 })), {
      maxKeys: 3,
    }),
    expect: fc.record(
      {
        status: fc.oneof(fc.integer({ min: -1, max: 700 }), fc.jsonValue({ maxDepth: 2 })),
        body: fc.dictionary(
          fc.constantFrom('$', '$.a', '$..a', 'a', "$['x']", '$.a[0]', '$[-1]'),
          fc.jsonValue({ maxDepth: 3 }),
          { maxKeys: 3 },
        ),
        headers: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
        schema: fc.oneof(
          fc.record({ inline: fc.jsonValue({ maxDepth: 3 }) }),
          fc.record({
            file: fc.constantFrom('../../schemas/users-current.schema.json', 'missing.json', '\0', '../..'),
          }),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        responseTime: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    ),
    capture: fc.dictionary(
      fc.string({ maxLength: 8 }),
      fc.record(
        {
          json: fc.string({ maxLength: 10 }),
          header: fc.string({ maxLength: 10 }),
          regex: fc.string({ maxLength: 10 }),
          variable: fc.string({ maxLength: 10 }),
        },
        { requiredKeys: [] },
      ),
      { maxKeys: 3 },
    ),
  },
  { requiredKeys: [] },
);

const inputs: fc.Arbitrary<Input> = fc.oneof(
  // Mutations of the real request files: byte flips, deletions, insertions of YAML's special characters.
  {
    weight: 4,
    arbitrary: fc
      .record({
        file: fc.constantFrom(...REQUESTS.keys()),
        mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
      })
      .map(({ file, mutations }) => ({ file, content: mutate(REQUESTS.get(file)!, mutations) })),
  },
  // YAML-ish text strung together from tokens.
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...TOKENS), { maxLength: 60 })
      .map((tokens) => ({ file: FUZZ_REQUEST, content: tokens.join('') })),
  },
  // Random JSON values and request-shaped mappings, serialised as YAML.
  {
    weight: 2,
    arbitrary: fc
      .oneof(fc.jsonValue({ maxDepth: 5 }), requestLike)
      .map((value) => ({ file: FUZZ_REQUEST, content: stringify(value) })),
  },
  // Arbitrary text, any code point.
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((content) => ({ file: FUZZ_REQUEST, content })),
  },
  // Arbitrary bytes, and nesting far past the limit.
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.uint8Array({ maxLength: 300 }),
        fc.integer({ min: 0, max: 5000 }).map((depth) => `x: ${'['.repeat(depth)}${']'.repeat(depth)}\n`),
      )
      .map((content) => ({ file: FUZZ_REQUEST, content })),
  },
);

/** The request file written by the previous input, removed before the next one is written. */
let written: string | undefined;

function writeInput(input: Input): void {
  const file = path.join(project, 'specs', input.file);
  if (written !== undefined && written !== file) rmSync(written, { force: true });
  writeFileSync(file, input.content);
  written = file;
}

test(`fuzz: ${RUNS} hostile request files give diagnostics, never an exception, and write nothing when wrong`, {
  timeout: 300_000,
}, async (t) => {
  const out = path.join(project, 'out');
  const argv = [
    'build',
    '--collections',
    path.join(out, 'collections'),
    '--environments',
    path.join(out, 'environments'),
  ];
  let slowest = 0;
  const outcomes = { valid: 0, invalid: 0 };
  const codes = new Map<string, number>();
  const started = performance.now();
  const property = fc.asyncProperty(inputs, async (input) => {
    writeInput(input);
    // An exception here fails the property: loading and validating must turn every input into diagnostics.
    const { value: result, cpuMs, wallMs } = await timed(() => runCli(argv, project));
    slowest = Math.max(slowest, cpuMs);
    assert.ok(cpuMs < TIME_BOUND_MS, `the build took ${Math.round(cpuMs)} ms of CPU time`);
    assert.ok(wallMs < HANG_BOUND_MS, `the build took ${Math.round(wallMs)} ms`);
    if (result.code === 0) {
      outcomes.valid++;
      assert.equal(result.stderr, '');
      rmSync(out, { recursive: true, force: true });
      return;
    }
    outcomes.invalid++;
    for (const [, code] of result.stderr.matchAll(/^error\[(E_[A-Z_]+)\]/gm))
      codes.set(code!, (codes.get(code!) ?? 0) + 1);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /^(warning|error)\[[WE]_[A-Z_]+\]: [^\n]+\n {2}--> [^\n]+:\d+:\d+\n/);
    assert.match(result.stderr, /mvpm build: \d+ errors?; nothing was written\.\n$/);
    assert.ok(!existsSync(out), 'a build with errors wrote files');
  });
  try {
    await fc.assert(property, { seed: SEED, numRuns: RUNS });
  } catch (error) {
    const cause = (error as Error).cause;
    throw new Error(
      `fuzzing failed with seed ${SEED} (rerun: FUZZ_SEED=${SEED} node --import tsx --test ` +
        `test/e2e/fuzz-specs.test.ts)\n${(error as Error).message}` +
        `${cause instanceof Error ? `\n${cause.message}` : ''}`,
    );
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  t.diagnostic(
    `${RUNS} inputs (seed ${SEED}) in ${seconds} s: ${outcomes.valid} built, ${outcomes.invalid} refused; ` +
      `slowest ${Math.round(slowest)} ms of CPU time`,
  );
  t.diagnostic(
    `errors: ${[...codes]
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', ')}`,
  );
  // Both outcomes must be reached, or the inputs are not exploring the format.
  assert.ok(outcomes.valid > 0 && outcomes.invalid > 0, JSON.stringify(outcomes));
});
