// Injection corpus (issue 8, rule 1): text that tries to break out of wherever it lands in a generated script and
// run a canary (a `pm.test("CANARY-<case>")`, an environment variable `canary-<case>`, a request to /canary-<case>).
// Every case is run by Newman against a small local server, twice: compiled straight from the model (the compiler
// must be safe on its own, whatever the loader lets through), and built from spec files by the loader (a case the
// loader refuses must be refused with coded errors). A control case runs the canary from a raw `scripts:` entry,
// the one way a spec runs code, to prove the canary is seen when it runs.
//
// For speed the cases share runs: the request-level cases are folders of one collection, the collection-level
// cases (autoRefresh, collection names) a collection each. MVPM_SOAK=1 adds every payload in every field.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import newman, { type NewmanRunOptions, type NewmanRunSummary } from 'newman';
import { parseDocument } from 'yaml';
import { compileCollection } from '../../src/compile/compile-collection.ts';
import { createCompileContext } from '../../src/compile/context.ts';
import { js } from '../../src/compile/scripts/js.ts';
import { buildProject } from '../../src/emit/build-project.ts';
import { printable } from '../../src/spec/diagnostics.ts';
import { loadSpecs } from '../../src/spec/load-specs.ts';
import { normalizeCollection } from '../../src/spec/normalize.ts';
import type { CollectionSpec, FolderSpec } from '../../src/spec/model.ts';
import { PROJECT_ROOT, tempProject } from '../support/helpers.ts';
import {
  BENIGN,
  FIELDS,
  modelWith,
  SCRIPT_FIELDS,
  UNSAFE_RAW,
  type Field,
  type Texts,
} from '../support/script-safety-model.ts';

const SOAK = process.env['MVPM_SOAK'] === '1';

/**
 * What runs if the text escapes. Strings in backticks, and no `/`: the text may be a file name, and JSON (or a
 * JSON path) would escape `"`, `'` and `\`, leaving code that does not parse rather than code that runs.
 */
const code = (id: string): string =>
  `pm.test(\`CANARY-${id}\`,function(){});pm.environment.set(\`canary-${id}\`,\`1\`);` +
  `pm.sendRequest(pm.environment.get(\`baseUrl\`)+String.fromCharCode(47)+\`canary-${id}\`,function(){});`;

type Payload = (id: string) => string;

/** Each payload targets one way out. The names say which. */
const PAYLOADS: Readonly<Record<string, Payload>> = {
  // Ends a `//` comment (JSON.stringify leaves U+2028/U+2029 raw); `//` then comments out the rest of the line.
  lineSeparator: (id) => `n/a\u2028${code(id)}//`,
  paragraphSeparator: (id) => `n/a\u2029${code(id)}//`,
  // Ends a line for anything that splits on line breaks.
  newline: (id) => `n/a\n${code(id)}//`,
  nextLine: (id) => `n/a\u0085${code(id)}//`,
  // Ends a string written with quotes and no encoder, or a template literal.
  doubleQuote: (id) => `n/a" + (function () { ${code(id)} })() + "`,
  singleQuote: (id) => `n/a' + (function () { ${code(id)} })() + '`,
  backtick: (id) => `n/a\` + (function () { ${code(id)} })() + \``,
  substitution: (id) => `n/a\${(function () { ${code(id)} })()}`,
  // Ends a block comment.
  blockComment: (id) => `n/a*/ ${code(id)} /*x`,
  // Hides the call behind bidirectional overrides.
  bidi: (id) => `n/a\u202e\u2066 ${code(id)} \u2069\u202c`,
};

/**
 * The fields the loader takes as file or directory names: no `/`, and nothing after the name on the old header line.
 */
const NAME_FIELDS: ReadonlySet<Field> = new Set(['collectionDir', 'folderDir', 'requestFile', 'schemaLabel']);
const COLLECTION_FIELDS: ReadonlySet<Field> = new Set([
  'collectionDir',
  'collectionName',
  'tokenUrl',
  'clientId',
  'clientSecret',
  'accessTokenVariable',
  'refreshTokenVariable',
  'expiresAtVariable',
  'previousRefreshTokenVariable',
]);

interface Case {
  /** Short (it goes into file names, three times): the case's number. */
  readonly id: string;
  /** The field and the payload. */
  readonly name: string;
  readonly texts: Partial<Texts>;
}

let caseNumber = 0;

/**
 * A name cannot end its line with `//`: before the fix, a name in the header comment escaped with a backtick that
 * a later field closes (`\`;//` in a body check), so that payload comes with its closing half.
 */
function caseFor(field: Field, payloadName: string, payload: Payload): Case {
  const id = `c${++caseNumber}`;
  const name = `${field} ${payloadName}`;
  // A file name cannot hold `/`.
  if (NAME_FIELDS.has(field) && payloadName !== 'lineSeparator')
    return { id, name, texts: { [field]: payload(id).replace(/\//g, '-') } };
  if (!NAME_FIELDS.has(field)) return { id, name, texts: { [field]: payload(id) } };
  return { id, name, texts: { [field]: `n\u2028${code(id)} void \``, bodyNotEquals: '`;//' } };
}

const CONTROL = 'control';
/** The control: a raw script is code, and its canary must be seen. */
const CONTROL_CASE: Case = { id: CONTROL, name: 'control', texts: {} };

/** Every field that reaches a script or a path, with the comment-ending payload; more payloads on a few fields. */
const CASES: readonly Case[] = [
  ...FIELDS.filter((f) => SCRIPT_FIELDS.has(f) && f !== 'bodyType').map((f) =>
    caseFor(f, 'lineSeparator', PAYLOADS['lineSeparator']!),
  ),
  ...(SOAK
    ? FIELDS.filter((f) => SCRIPT_FIELDS.has(f)).flatMap((f) =>
        Object.entries(PAYLOADS)
          .filter(([name]) => name !== 'lineSeparator')
          .map(([name, p]) => caseFor(f, name, p)),
      )
    : [
        ...Object.entries(PAYLOADS)
          .filter(([name]) => name !== 'lineSeparator')
          .map(([name, p]) => caseFor('bodyNotEquals', name, p)),
        caseFor('headerMatches', 'paragraphSeparator', PAYLOADS['paragraphSeparator']!),
        caseFor('captureHeaderRegex', 'paragraphSeparator', PAYLOADS['paragraphSeparator']!),
        caseFor('schemaValue', 'doubleQuote', PAYLOADS['doubleQuote']!),
        caseFor('requestFile', 'singleQuote', PAYLOADS['singleQuote']!),
        caseFor('tokenUrl', 'backtick', PAYLOADS['backtick']!),
      ]),
  // Not a type the loader takes: the compiler writes it into a script all the same.
  caseFor('bodyType', 'lineSeparator', PAYLOADS['lineSeparator']!),
  CONTROL_CASE,
];

const CTX = createCompileContext();

// ---------------------------------------------------------------------------------------------- the two builds

/**
 * Request-level cases as folders of one collection; collection-level cases as a collection each (merged into one by
 * default).
 */
function modelCollections(cases: readonly Case[]): CollectionSpec[] {
  const requestLevel = cases.filter((c) => !isCollectionLevel(c));
  const collectionLevel = cases.filter(isCollectionLevel);
  const folders = requestLevel.map((c) => caseFolder(c));
  return [
    { ...modelWith({ ...BENIGN, collectionDir: 'corpus' }), items: folders },
    ...collectionLevel.map((c) => modelWith({ ...BENIGN, ...c.texts })),
  ];
}

function caseFolder(c: Case): FolderSpec {
  const folder = modelWith({
    ...BENIGN,
    collectionDir: 'corpus',
    folderDir: `case ${c.id}`,
    folderName: `case ${c.id}`,
    ...c.texts,
  }).items[0] as FolderSpec;
  if (c.id !== CONTROL) return folder;
  const request = folder.items[0]!;
  return {
    ...folder,
    items: [{ ...request, scripts: [{ type: 'afterResponse', code: code(CONTROL) }] } as typeof request],
  };
}

const isCollectionLevel = (c: Case): boolean => Object.keys(c.texts).some((f) => COLLECTION_FIELDS.has(f as Field));

/**
 * Request-level and collection-level cases. Each collection-level case needs a collection, and a Newman run, of
 * its own; by default those that are not a directory name are merged into one (every field hostile at once, each
 * with its own canary).
 */
function split(cases: readonly Case[]): [Case[], Case[]] {
  const collectionLevel = cases.filter(isCollectionLevel);
  // At most one case per field, so no payload overwrites another.
  const fields = new Set<string>();
  const mergeable = SOAK
    ? []
    : collectionLevel.filter((c) => {
        const keys = Object.keys(c.texts);
        if (c.texts.collectionDir !== undefined || keys.some((k) => fields.has(k))) return false;
        for (const k of keys) fields.add(k);
        return true;
      });
  const merged: Case[] =
    mergeable.length < 2
      ? []
      : [
          {
            id: 'merged',
            name: mergeable.map((c) => c.name).join(', '),
            texts: Object.assign({}, ...mergeable.map((c) => c.texts)) as Partial<Texts>,
          },
        ];
  return [
    cases.filter((c) => !isCollectionLevel(c)),
    [...collectionLevel.filter((c) => !merged.length || !mergeable.includes(c)), ...merged],
  ];
}

/** What the runs hold: the cases after merging, request-level ones first. */
const UNITS: readonly Case[] = split(CASES).flat();

/** The same cases as spec files: one project, request-level cases in collection `corpus`, the others beside it. */
function specFiles(cases: readonly Case[]): Record<string, string> {
  const requestLevel = cases.filter((c) => !isCollectionLevel(c));
  const collectionLevel = cases.filter(isCollectionLevel);
  const files: Record<string, string> = {
    'specs/environments/e.environment.yaml': [
      '$kind: mvpm-environment',
      'name: E',
      'variables:',
      ...['baseUrl', 'authBaseUrl', 'ClientId', 'ClientSecret', 'refresh_token', 'apiBaseUrl', 'SubscriptionKey'].map(
        (v) => `  ${v}: { value: "" }`,
      ),
    ].join('\n'),
  };
  const runtime = requestLevel.map((c) => c.texts.captureVariableName).filter((v): v is string => v !== undefined);
  files['specs/corpus/.resources/definition.yaml'] = definition({ ...BENIGN }, runtime);
  for (const c of requestLevel)
    Object.assign(
      files,
      requestFiles('corpus', { ...BENIGN, folderDir: `case ${c.id}`, ...c.texts }, c.id === CONTROL),
    );
  for (const c of collectionLevel) {
    const t = { ...BENIGN, collectionDir: `collection ${c.id}`, collectionName: `Collection ${c.id}`, ...c.texts };
    files[`specs/${t.collectionDir}/.resources/definition.yaml`] = definition(t, []);
    Object.assign(files, requestFiles(t.collectionDir, t, false));
  }
  return files;
}

/** YAML double-quoted scalars take JSON string escapes, so js() writes any text into a spec file. */
const y = (text: string): string => js(text);

function definition(t: Texts, runtimeVariables: readonly string[]): string {
  return [
    '$kind: mvpm-collection',
    `name: ${y(t.collectionName)}`,
    ...(runtimeVariables.length > 0
      ? ['runtimeVariables:', ...runtimeVariables.map((v) => `  ${y(v)}: a variable some case captures from`)]
      : []),
    'autoRefresh:',
    `  tokenUrl: ${y(t.tokenUrl)}`,
    `  clientId: ${y(t.clientId)}`,
    `  clientSecret: ${y(t.clientSecret)}`,
    '  variables:',
    `    accessToken: ${y(t.accessTokenVariable)}`,
    `    refreshToken: ${y(t.refreshTokenVariable)}`,
    `    expiresAt: ${y(t.expiresAtVariable)}`,
    `    previousRefreshToken: ${y(t.previousRefreshTokenVariable)}`,
  ].join('\n');
}

function requestFiles(collectionDir: string, t: Texts, control: boolean): Record<string, string> {
  const quoted = (key: string): string => `['${key.replace(/[\\']/g, '\\$&')}']`;
  const bodyPath = `$['payload']${quoted(t.bodyPathKey)}`;
  const fileSchema = t.schemaLabel !== BENIGN.schemaLabel;
  const request = [
    '$kind: mvpm-request',
    `description: ${y(t.description)}`,
    'method: GET',
    `url: ${y(t.url)}`,
    `headers: { Accept: ${y(t.requestHeaderValue)} }`,
    'expect:',
    '  status: 200',
    `  contentType: ${y(t.contentType)}`,
    '  responseTime: 5000',
    `  headers: { ${y(t.headerName)}: { exists: true, equals: ${y(t.headerEquals)}, matches: ${y(t.headerMatches)} } }`,
    '  body:',
    `    ${y(bodyPath)}: { exists: true, equals: ${y(t.bodyEquals)}, matches: ${y(t.bodyMatches)}, ` +
      `oneOf: [${y(t.bodyOneOf)}, other, 3, null],` +
      ` type: ${y(t.bodyType)}, length: { min: ` +
      `1, max: 3 } }`,
    `    $.payload.other: { notEquals: ${y(t.bodyNotEquals)} }`,
    fileSchema
      ? `  schema: { file: ${y(`../../schemas/${t.schemaLabel}`)} }`
      : `  schema: { inline: { type: object, required: [${y(t.schemaKey)}], ` +
        `properties: { ${y(t.schemaKey)}: { type: string,` +
        ` description: ${y(t.schemaValue)} } } } }`,
    'capture:',
    `  ${y(t.captureJsonInto)}: { json: ${y(`$['payload']${quoted(t.captureJsonPathKey)}`)} }`,
    `  ${y(t.captureExpiresInto)}: { expiresIn: ${y(`$${quoted(t.captureExpiresPathKey)}`)} }`,
    `  ${y(t.captureHeaderInto)}: { header: ${y(t.captureHeaderName)}, regex: ${y(t.captureHeaderRegex)} }`,
    `  ${y(`${t.captureHeaderInto}_whole`)}: { header: ${y(t.captureHeaderName)} }`,
    `  ${y(t.captureVariableInto)}: { variable: ${y(t.captureVariableName)} }`,
    ...(control ? ['scripts:', '  - type: afterResponse', `    code: ${y(code(CONTROL))}`] : []),
  ].join('\n');
  const dir = `specs/${collectionDir}/${t.folderDir}`;
  return {
    [`${dir}/${t.requestFile}.request.yaml`]: request,
    ...(fileSchema ? { [`specs/schemas/${t.schemaLabel}`]: '{"type": "object"}' } : {}),
  };
}

// ---------------------------------------------------------------------------------------------- the runs

let server: http.Server;
let baseUrl = '';
const requests: string[] = [];

function respond(req: http.IncomingMessage, res: http.ServerResponse): void {
  requests.push(`${req.method} ${req.url}`);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('X-Request-Id', 'req-42');
  res.setHeader('Location', 'https://example.invalid/cb?code=abc');
  res.end(JSON.stringify({ payload: { id: 'asset-1', name: 'kitchen', displayName: 'n/a' }, expires_in: 3600 }));
}

interface Outcome {
  readonly assertions: readonly string[];
  /**
   * Ids of the items whose generated test script ran its first check (newman lists a pm.sendRequest as an execution of
   * the item too).
   */
  readonly checkedItems: readonly string[];
  readonly environment: readonly string[];
  readonly requests: readonly string[];
  readonly scriptErrors: readonly string[];
}

/**
 * Every script line of a collection holds only what reads the same in any editor and parser: no line or paragraph
 * separator, control, bidirectional or invisible character raw (a Postman user may open and save the script).
 */
function assertScriptLinesInert(collection: object): void {
  const lines: string[] = [];
  const walk = (node: Record<string, unknown>): void => {
    for (const event of (node['event'] ?? []) as { script: { exec: string[] } }[]) lines.push(...event.script.exec);
    for (const item of (node['item'] ?? []) as Record<string, unknown>[]) walk(item);
  };
  walk(collection as Record<string, unknown>);
  assert.ok(lines.length > 0);
  assert.deepEqual(
    lines.filter((line) => UNSAFE_RAW.test(line)),
    [],
    'script lines hold unsafe characters raw',
  );
}

/** Runs one collection in Newman; what it asserted, the environment keys it ended with, the requests it made. */
async function run(collection: object): Promise<Outcome> {
  assertScriptLinesInert(collection);
  const before = requests.length;
  const summary = await new Promise<NewmanRunSummary>((resolve, reject) => {
    newman.run({ collection, envVar: [{ key: 'baseUrl', value: baseUrl }], reporters: [] }, (error, s) =>
      error ? reject(error) : resolve(s),
    );
  });
  return {
    assertions: summary.run.executions.flatMap((e) => (e.assertions ?? []).map((a) => a.assertion)),
    checkedItems: [
      ...new Set(
        summary.run.executions
          .filter((e) => (e.assertions ?? []).some((a) => a.assertion === 'status is 200'))
          .map((e) => e.item.id ?? ''),
      ),
    ],
    environment: (summary.environment.values ?? []).map((v) => v.key ?? ''),
    requests: requests.slice(before),
    // A script that does not parse fails as a whole; an assertion's failure is the check doing its job.
    scriptErrors: summary.run.failures
      .filter((f) => f.error.name === 'SyntaxError')
      .map((f) => `${f.source?.name ?? '?'}: ${f.error.message}`),
  };
}

/**
 * The canaries an outcome shows, by case id: a test named `CANARY-<id>`, an environment variable `canary-<id>`, a
 * request to /canary-<id>. (Test names of the checks hold the payload text, as text; only a canary's own test has
 * its name.)
 */
function canaries(outcomes: readonly Outcome[]): Set<string> {
  const seen = new Set<string>();
  for (const o of outcomes) {
    for (const a of o.assertions) if (/^CANARY-\w+$/.test(a)) seen.add(a.slice('CANARY-'.length));
    for (const key of o.environment) if (/^canary-\w+$/.test(key)) seen.add(key.slice('canary-'.length));
    for (const r of o.requests)
      if (/ \/canary-\w+$/.test(r)) seen.add(r.slice(r.indexOf('/canary-') + '/canary-'.length));
  }
  return seen;
}

function checkOutcomes(outcomes: readonly Outcome[], requestCount: number): void {
  assert.deepEqual([...canaries(outcomes)], [CONTROL], 'only the control case may run its canary');
  const all = outcomes.flatMap((o) => o.requests);
  assert.equal(all.filter((r) => r.includes('canary-control')).length, 1, 'the control sent its request');
  assert.equal(
    all.length,
    requestCount + 1,
    `one request per case, plus the control's: ${JSON.stringify(all.filter((r) => !r.endsWith('/ping')))}`,
  );
  assert.deepEqual(
    outcomes.flatMap((o) => o.scriptErrors),
    [],
    'every script parses',
  );
  // Every generated test script ran: its first check passed in every request.
  assert.equal(
    outcomes.reduce((n, o) => n + o.checkedItems.length, 0),
    requestCount,
    'every request ran its generated checks',
  );
}

describe(`injection corpus: ${CASES.length} cases, run by Newman`, () => {
  before(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => respond(req, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  /** Compiles the cases straight from the model and runs them, checking that no canary but the control's runs. */
  async function runFromModel(cases: readonly Case[]): Promise<number> {
    const units = cases.some((c) => c.id === CONTROL) ? cases : [...cases, CONTROL_CASE];
    const collections = modelCollections(units);
    const outcomes: Outcome[] = [];
    for (const spec of collections) outcomes.push(await run(compileCollection(spec, CTX)));
    checkOutcomes(outcomes, units.length);
    return collections.length;
  }

  test('compiled straight from the model: no canary runs but the control', async (t) => {
    // By default the cases the loader may refuse (names, an unknown body type); every case under MVPM_SOAK=1.
    // Whatever else the loader refuses is run this way by the next test.
    const cases = SOAK
      ? UNITS
      : UNITS.filter(
          (c) => c.id === CONTROL || Object.keys(c.texts).some((f) => NAME_FIELDS.has(f as Field) || f === 'bodyType'),
        );
    const runs = await runFromModel(cases);
    t.diagnostic(`${cases.length} cases in ${runs} Newman runs`);
  });

  test(
    'built by the loader from spec files: ' +
      'refused with coded errors and run from the model, or run; no canary but the control',
    async (t) => {
      let cases = [...UNITS];
      const refused: Case[] = [];
      // A case the loader refuses is taken out and the rest built again, so one refusal does not hide the others.
      for (;;) {
        const project = tempProject(specFiles(cases));
        try {
          const build = await buildProject({ cwd: project.dir });
          if (build.errors.length === 0) {
            for (const file of [...build.files, ...build.docs])
              assert.match(
                file.path,
                /^(collections|environments|docs|postman\/collections|postman\/environments)\/[^/]/,
                'outputs stay in their directories',
              );
            const outcomes: Outcome[] = [];
            for (const file of build.files.filter((f) => f.path.startsWith('collections/')))
              outcomes.push(await run(JSON.parse(file.content) as object));
            t.diagnostic(
              `${cases.length} cases built and run, ${refused.length} refused by the loader: ` +
                `${refused.map((c) => c.name).join(', ') || 'none'}`,
            );
            checkOutcomes(outcomes, cases.length);
            break;
          }
          for (const error of build.errors) assert.match(error.code, /^E_[A-Z_]+$/);
          const files = new Set(build.errors.map((e) => e.file));
          const bad = cases.filter((c) => c.id !== CONTROL && [...files].some((f) => caseOwns(c, f)));
          assert.ok(
            bad.length > 0,
            `errors no case explains: ${build.errors.map((e) => `${e.code} ${e.file}: ${e.message}`).join('; ')}`,
          );
          refused.push(...bad);
          cases = cases.filter((c) => !bad.includes(c));
        } finally {
          project.cleanup();
        }
      }
      // Defence in depth: what the loader refuses must still be safe to compile.
      if (refused.length > 0) await runFromModel(refused);
    },
  );

  test('the attack as found: a notEquals check in the MediaValet "Get current user" spec', async () => {
    const specFile = 'specs/mediavalet/API/Get current user.request.yaml';
    const doc = parseDocument(readFileSync(path.join(PROJECT_ROOT, specFile), 'utf8'));
    doc.setIn(['expect', 'body', '$.payload.displayName'], {
      notEquals: "n/a\u2028pm.test('INJECTED', function(){});//",
    });
    const project = tempProject({
      'specs/mediavalet/.resources/definition.yaml': '$kind: mvpm-collection\nname: MediaValet\n',
      [specFile]: doc.toString(),
      'specs/environments/e.environment.yaml':
        '$kind: mvpm-environment\nname: E\nvariables:\n  apiBaseUrl: { value: "" }\n  SubscriptionKey: { value: "" }\n',
    });
    try {
      mkdirSync(path.join(project.dir, 'specs/schemas'), { recursive: true });
      writeFileSync(
        path.join(project.dir, 'specs/schemas/users-current.schema.json'),
        readFileSync(path.join(PROJECT_ROOT, 'specs/schemas/users-current.schema.json')),
      );
      // The loader refuses the line separator now (E_UNSAFE_TEXT), at the character; the compiler, given the same
      // request anyway, must still produce an inert check (defence in depth).
      const refused = await buildProject({ cwd: project.dir });
      assert.deepEqual(
        refused.errors.map((e) => [e.code, e.file, e.line]),
        [['E_UNSAFE_TEXT', specFile, refused.errors[0]?.line]],
      );
      assert.ok(refused.errors[0]!.line > 1);
      const loaded = await loadSpecs({ specsDir: 'specs', cwd: project.dir });
      const model = normalizeCollection(loaded.collections[0]!, {
        readValue: (source) => source.toJS(),
        schemaFiles: loaded.schemaFiles,
        cwd: project.dir,
        errors: [],
      });
      const collection = compileCollection(model, createCompileContext());
      assertScriptLinesInert(collection);
      const before = requests.length;
      const summary = await new Promise<NewmanRunSummary>((resolve, reject) => {
        // @types/newman types `collection` as an SDK 3 definition; Newman reads the v2.1 JSON mvpm writes.
        const v21 = collection as unknown as NewmanRunOptions['collection'];
        newman.run({ collection: v21, envVar: [{ key: 'apiBaseUrl', value: baseUrl }], reporters: [] }, (error, s) =>
          error ? reject(error) : resolve(s),
        );
      });
      const names = summary.run.executions.flatMap((e) => (e.assertions ?? []).map((a) => a.assertion));
      assert.ok(names.includes('status is 200'), 'the checks ran');
      assert.ok(
        names.some((n) => n.startsWith('$.payload.displayName differs from')),
        'the hostile check ran, as a check',
      );
      assert.ok(!names.includes('INJECTED'), `INJECTED ran: ${JSON.stringify(names)}`);
      assert.equal(requests.length - before, 1);
    } finally {
      project.cleanup();
    }
  });
});

/**
 * Whether an error in `file` comes from this case's files (its folder, schema, collection, or a runtime variable it
 * declares).
 */
function caseOwns(c: Case, file: string): boolean {
  const markers = isCollectionLevel(c)
    ? [`specs/${c.texts.collectionDir ?? `collection ${c.id}`}/`]
    : [`/${c.texts.folderDir ?? `case ${c.id}`}/`];
  if (c.texts.schemaLabel !== undefined) markers.push(c.texts.schemaLabel);
  if (c.texts.captureVariableName !== undefined) markers.push('specs/corpus/.resources/definition.yaml');
  // Diagnostics name a file or directory with its unsafe characters escaped (printable), and a directory without a
  // slash.
  return markers.map(printable).some((m) => `${file}/`.includes(m));
}
