// The fast accept path of the official-schema check (src/openapi/official-schema-fast.ts) against the authority it
// stands in for, @readme/openapi-parser's `validate`: over every OpenAPI document in the repository (the golden
// corpora, the MediaValet description, the bench's generated document at a small size) and over crafted documents
// that each break one of the parser's rules or one constraint of an official schema, a document the fast path
// passes must be one `validate` finds valid with no warning. Its dereference must build what the parser's does, and
// the precompiled validators must be what scripts/official-schema-validators.ts generates today.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { dereference, validate } from '@readme/openapi-parser';
import { OFFICIAL_VALIDATORS_PATH, renderOfficialValidators } from '../../scripts/official-schema-validators.ts';
import { ProblemList } from '../../src/openapi/openapi-error.ts';
import { bundledText, PARSER_OPTIONS } from '../../src/openapi/official-schema.ts';
import { dereferenceLikeParser, passesOfficialSchema } from '../../src/openapi/official-schema-fast.ts';
import { parseOpenApiFile } from '../../src/openapi/read-document.ts';
import { DocumentFiles } from '../../src/openapi/refs.ts';
import { findVersion } from '../../src/openapi/version.ts';
import { PROJECT_ROOT, SOAK, soakCount } from '../support/helpers.ts';

type Api = Parameters<typeof validate>[0];

/** bench/openapi-doc.mjs, untyped JavaScript: imported by URL, typed here. */
const { generateOpenApi } = (await import(new URL('../../bench/openapi-doc.mjs', import.meta.url).href)) as {
  generateOpenApi(operations: number): Record<string, unknown>;
};

/** The parser's verdict: 'clean' (valid, no warning), 'reports' (anything else) or 'throws'. */
async function parserVerdict(text: string): Promise<'clean' | 'reports' | 'throws'> {
  try {
    const result = await validate(JSON.parse(text) as Api, PARSER_OPTIONS);
    return result.valid && result.warnings.length === 0 ? 'clean' : 'reports';
  } catch {
    return 'throws';
  }
}

/** The bundled text checkOfficialSchema validates, for a document file; undefined when loading stops earlier. */
function bundleOf(root: string, file: string): string | undefined {
  const problems = new ProblemList();
  const bytes = readFileSync(path.join(root, file));
  const parsed = parseOpenApiFile(bytes, file, problems);
  if (!parsed || problems.size > 0) return undefined;
  const version = findVersion(parsed, problems);
  if (!version || problems.size > 0) return undefined;
  const files = new DocumentFiles(parsed, { root, maxFiles: 100, maxBytes: 32 * 1024 * 1024 }, problems, bytes.length);
  const { remote } = files.scan();
  if (remote.length > 0 || problems.size > 0) return undefined;
  return bundledText(files);
}

let documents: [string, string][] | undefined;

/** Every OpenAPI document committed in the repository, as [name, bundled text]. */
function repositoryDocuments(): [string, string][] {
  if (documents) return documents;
  const out: [string, string][] = [];
  documents = out;
  for (const corpus of ['openapi-errors', 'openapi-import']) {
    const dir = path.join(PROJECT_ROOT, 'test', 'golden', corpus);
    for (const name of readdirSync(dir).sort()) {
      const caseDir = path.join(dir, name);
      const config = path.join(caseDir, 'case.json');
      const named = existsSync(config) ? (JSON.parse(readFileSync(config, 'utf8')) as { document?: string }) : {};
      const file = [named.document, 'openapi.yaml', 'openapi.json'].find(
        (f) => f !== undefined && existsSync(path.join(caseDir, f)),
      );
      if (file === undefined) continue; // built at test time by openapi-errors.test.ts (binary or huge)
      const text = bundleOf(caseDir, file);
      if (text !== undefined) out.push([`${corpus}/${name}`, text]);
    }
  }
  const specs = path.join(PROJECT_ROOT, 'specs', 'openapi');
  for (const file of readdirSync(specs)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()) {
    const text = bundleOf(specs, file);
    if (text !== undefined) out.push([`specs/openapi/${file}`, text]);
  }
  out.push(['bench document (40 operations)', JSON.stringify(generateOpenApi(40))]);
  return out;
}

const BASES: Readonly<Record<string, () => Record<string, unknown>>> = {
  '2.0': () => ({
    swagger: '2.0',
    info: { title: 'T', version: '1' },
    paths: {
      '/items/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
        get: {
          operationId: 'getItem',
          responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Item' } } },
        },
      },
    },
    definitions: {
      Item: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' }, kids: { $ref: '#/definitions/Items' } },
      },
      Items: { type: 'array', items: { $ref: '#/definitions/Item' } },
    },
    securityDefinitions: { key: { type: 'apiKey', name: 'X-Key', in: 'header' } },
  }),
  '3.0': () => ({
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    paths: {
      '/items/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'getItem',
          responses: {
            '200': {
              description: 'ok',
              headers: { 'X-Count': { schema: { type: 'integer' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Item: { type: 'object', properties: { id: { type: 'string' }, kids: { $ref: '#/components/schemas/Items' } } },
        Items: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
      },
      securitySchemes: { key: { type: 'apiKey', name: 'X-Key', in: 'header' } },
    },
  }),
  '3.1': () => ({
    ...BASES['3.0']!(),
    openapi: '3.1.0',
  }),
};

// biome-ignore lint/suspicious/noExplicitAny: crafted documents are edited freely, one break each
type Doc = Record<string, any>;
/** One break per rule of the parser and per kind of official-schema constraint; each must make it report. */
const BREAKS: readonly [string, readonly string[], (d: Doc) => void][] = [
  ['schema: a required property missing (info.version)', ['2.0', '3.0', '3.1'], (d) => delete d.info.version],
  ['schema: a wrong type (info.title a number)', ['2.0', '3.0', '3.1'], (d) => (d.info.title = 3)],
  ['schema: an unknown property on an operation', ['2.0', '3.0', '3.1'], (d) => (d.paths['/items/{id}'].get.bogus = 1)],
  [
    'schema: an invalid target reached only through a $ref',
    ['3.0'],
    (d) => {
      d['x-elsewhere'] = { description: 7 };
      d.paths['/items/{id}'].get.responses['404'] = { $ref: '#/x-elsewhere' };
    },
  ],
  ['rule: path key without a leading slash', ['2.0', '3.0', '3.1'], (d) => (d.paths.items = {})],
  [
    'rule: duplicate operationId',
    ['2.0', '3.0', '3.1'],
    (d) => (d.paths['/other'] = { get: { ...d.paths['/items/{id}'].get } }),
  ],
  [
    'rule: array without items (a response header)',
    ['3.0', '3.1'],
    (d) => (d.paths['/items/{id}'].get.responses['200'].headers['X-Count'].schema = { type: 'array' }),
  ],
  [
    'rule: array without items (a parameter)',
    ['2.0'],
    (d) => (d.paths['/items/{id}'].get.parameters = [{ name: 'q', in: 'query', type: 'array' }]),
  ],
  [
    'rule: duplicate non-body parameters',
    ['2.0', '3.0', '3.1'],
    (d) => d.paths['/items/{id}'].parameters.push({ ...d.paths['/items/{id}'].parameters[0] }),
  ],
  ['rule: optional path parameter', ['3.0', '3.1'], (d) => (d.paths['/items/{id}'].parameters[0].required = false)],
  [
    'rule: path parameter not in the path',
    ['2.0', '3.0', '3.1'],
    (d) => (d.paths['/items/{id}'].parameters[0].name = 'x'),
  ],
  ['rule: placeholder without a parameter', ['2.0', '3.0', '3.1'], (d) => (d.paths['/items/{id}'].parameters = [])],
  [
    'rule: invalid security scheme properties',
    ['3.0', '3.1'],
    (d) => (d.components.securitySchemes.key.scheme = 'bearer'),
  ],
  ['rule: swagger security definition of type http', ['2.0'], (d) => (d.securityDefinitions.key = { type: 'http' })],
  ['rule: unknown required schema property', ['2.0'], (d) => d.definitions.Item.required.push('nope')],
  ['rule: invalid component name', ['3.0'], (d) => (d.components.schemas['a b'] = { type: 'string' })],
  [
    'rule: 3.1 with neither paths, webhooks nor components',
    ['3.1'],
    (d) => {
      d.paths = {};
      delete d.components;
    },
  ],
  [
    'rule: swagger response code out of range',
    ['2.0'],
    (d) => (d.paths['/items/{id}'].get.responses['700'] = { description: 'x' }),
  ],
  ['rule: a ref to a missing pointer', ['2.0', '3.0', '3.1'], (d) => (d.info['x-r'] = { $ref: '#/nowhere' })],
];

describe('the fast official-schema path agrees with @readme/openapi-parser', () => {
  test('every OpenAPI document in the repository', async () => {
    const all = repositoryDocuments();
    assert.ok(all.length >= 30, `found ${all.length} documents`);
    let passed = 0;
    for (const [name, text] of all) {
      // Only a pass needs the parser's word: the fast path's `false` just hands the document to it.
      if (!(await passesOfficialSchema(JSON.parse(text)))) continue;
      // Each `validate` compiles the official schema (100-300 ms): a quick run asks it about every pass of the
      // tricky corpus (openapi-errors, where a loosened rule shows first) and every fourth pass of the others.
      if (passed++ % soakCount(1, 4) !== 0 && !name.startsWith('openapi-errors/')) continue;
      const parser = await parserVerdict(text);
      assert.equal(parser, 'clean', `${name}: the fast path passes what the parser ${parser}`);
    }
    // The fast path is worth having only if it passes the ordinary documents.
    assert.ok(passed >= 15, `the fast path passed only ${passed} of ${all.length} documents`);
  });

  test('the documents the import benchmark and the MediaValet specs use pass without the parser', async () => {
    assert.equal(await passesOfficialSchema(generateOpenApi(60)), true);
    const mediavalet = bundleOf(path.join(PROJECT_ROOT, 'specs', 'openapi'), 'mediavalet.openapi.yaml');
    assert.equal(await passesOfficialSchema(JSON.parse(mediavalet!)), true);
  });

  test('its dereference builds what the parser dereference builds', async () => {
    let compared = 0;
    // Pointers with the characters PLAIN_REF lets through besides letters: into a path key, a `$defs`, escapes.
    const pointers = BASES['3.1']!() as Doc;
    pointers.paths['/other/{id}'] = {
      parameters: [{ $ref: '#/paths/~1items~1{id}/parameters/0' }],
      get: { responses: { '200': { $ref: "#/components/responses/ok@v1+x:y,z;a=b!c*(d)'e" } } },
    };
    pointers.components.responses = { "ok@v1+x:y,z;a=b!c*(d)'e": { description: 'ok' } };
    pointers.components.schemas.Item.$defs = { 'a/b~c': { type: 'string' } };
    pointers.components.schemas.Item.properties.code = { $ref: '#/components/schemas/Item/$defs/a~1b~0c' };
    const crafted = Object.entries(BASES).map(([v, make]): [string, string] => [v, JSON.stringify(make())]);
    const all: [string, string][] = [...repositoryDocuments(), ...crafted, ['pointers', JSON.stringify(pointers)]];
    for (const [name, text] of all) {
      const ours = dereferenceLikeParser(JSON.parse(text));
      // The repository has documents left to the parser (refs with siblings, chains); the crafted ones are plain.
      if (ours === undefined && all.indexOf(all.find(([n]) => n === name)!) < repositoryDocuments().length) continue;
      assert.notEqual(ours, undefined, `${name}: left to the parser`);
      let theirs: unknown;
      try {
        theirs = await dereference(JSON.parse(text) as Api, PARSER_OPTIONS);
      } catch {
        assert.fail(`${name}: the parser could not dereference a document ours did`);
      }
      assert.deepEqual(ours, theirs, name);
      compared++;
      if (name === 'pointers')
        assert.ok(JSON.stringify(ours).includes('"code":{"type":"string"}'), 'pointers resolved');
    }
    assert.ok(compared >= 15, `compared only ${compared}`);
  });

  for (const version of Object.keys(BASES))
    test(`crafted ${version} documents: the base passes; each break is left to the parser`, async () => {
      const base = JSON.stringify(BASES[version]!());
      assert.equal(await parserVerdict(base), 'clean', 'the base document is clean for the parser');
      assert.equal(await passesOfficialSchema(JSON.parse(base)), true, 'the fast path passes the base document');
      for (const [what, versions, apply] of BREAKS) {
        if (!versions.includes(version)) continue;
        const doc = JSON.parse(base) as Doc;
        apply(doc);
        const text = JSON.stringify(doc);
        // That each break is one the parser reports is a check of this table, not of the code: a soak run's.
        if (SOAK) assert.notEqual(await parserVerdict(text), 'clean', `${what}: the parser reports it`);
        assert.equal(await passesOfficialSchema(JSON.parse(text)), false, `${what}: the fast path does not pass it`);
      }
    });
});

test('src/openapi/_official-schema-validators.ts is what the official schemas compile to', () => {
  assert.equal(readFileSync(OFFICIAL_VALIDATORS_PATH, 'utf8'), renderOfficialValidators());
});
