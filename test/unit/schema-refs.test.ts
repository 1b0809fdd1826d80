// Schema files that `$ref` other schema files: the loader reads each once through the path guard, the build
// bundles them under `definitions` (a self-contained schema for Postman's jsonSchema check), cycles end, and
// every reference that cannot be followed is E_SCHEMA_REF at the `$ref` itself.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { loadSpecs } from '../../src/spec/load-specs.ts';
import type { RequestSpec } from '../../src/spec/model.ts';
import { validateSpecs } from '../../src/spec/validate-spec.ts';
import { minimalProject, tempProject } from '../support/helpers.ts';

const PING = 'specs/demo/Ping.request.yaml';
const pingWithSchema = (file: string): string =>
  `$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\nexpect:\n  schema: { file: ${file} }\n`;
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

async function build(
  files: Record<string, string>,
  prepare?: (dir: string) => void,
): Promise<{ errors: string[]; schema?: object; read: string[] }> {
  const work = tempProject(minimalProject(files));
  try {
    prepare?.(work.dir);
    const loaded = await loadSpecs({ specsDir: path.join(work.dir, 'specs'), cwd: work.dir, parseWorkers: 0 });
    const result = validateSpecs(loaded, { cwd: work.dir });
    const ping = result.value?.collections[0]?.items.find((i) => i.name === 'Ping') as RequestSpec | undefined;
    const schema = ping?.expectations.find((e) => e.kind === 'schema');
    return {
      errors: result.errors.map((e) => `${e.code} ${e.file}:${e.line}:${e.column} ${e.message}`),
      ...(schema?.kind === 'schema' ? { schema: schema.schema } : {}),
      read: [...loaded.schemaFiles.keys()].map((f) => path.relative(work.dir, f).split(path.sep).join('/')).sort(),
    };
  } finally {
    work.cleanup();
  }
}

const ENVELOPE = {
  type: 'object',
  required: ['payload'],
  properties: { meta: { $ref: '#/definitions/Meta' } },
  definitions: { Meta: { type: 'object', required: ['count'], properties: { count: { type: 'integer' } } } },
};

describe('bundling schema files that $ref other files', () => {
  test('each file once under definitions, refs rewritten, a cycle back to the root ends at #', async () => {
    const { errors, schema, read } = await build({
      [PING]: pingWithSchema('../schemas/search.schema.json'),
      'specs/schemas/search.schema.json': json({
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        allOf: [{ $ref: 'Envelope.schema.json' }, { $ref: '../common/Envelope.schema.json' }],
        properties: {
          meta: { $ref: '../common/Envelope.schema.json#/definitions/Meta' },
          payload: { type: 'array', items: { $ref: 'Asset.schema.json' } },
        },
        definitions: { Asset: { const: 'the root already has an Asset' } },
      }),
      'specs/schemas/Asset.schema.json': json({
        $id: 'https://example.com/asset',
        type: 'object',
        required: ['id'],
        properties: {
          id: { $ref: '#/definitions/Id' },
          related: { type: 'array', items: { $ref: 'Asset.schema.json' } },
          search: { $ref: 'search.schema.json#' },
        },
        examples: [{ $ref: 'not/a/reference.json' }],
        definitions: { Id: { type: 'string', minLength: 1 } },
      }),
      'specs/common/Envelope.schema.json': json(ENVELOPE),
      'specs/schemas/Envelope.schema.json': json({ type: 'object' }),
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(read, [
      'specs/common/Envelope.schema.json',
      'specs/schemas/Asset.schema.json',
      'specs/schemas/Envelope.schema.json',
      'specs/schemas/search.schema.json',
    ]);
    assert.deepEqual(schema, {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      allOf: [{ $ref: '#/definitions/Envelope' }, { $ref: '#/definitions/common.Envelope' }],
      properties: {
        meta: { $ref: '#/definitions/common.Envelope/definitions/Meta' },
        payload: { type: 'array', items: { $ref: '#/definitions/Asset-2' } },
      },
      definitions: {
        Asset: { const: 'the root already has an Asset' },
        Envelope: { type: 'object' },
        'common.Envelope': {
          ...ENVELOPE,
          properties: { meta: { $ref: '#/definitions/common.Envelope/definitions/Meta' } },
        },
        'Asset-2': {
          type: 'object',
          required: ['id'],
          properties: {
            id: { $ref: '#/definitions/Asset-2/definitions/Id' },
            related: { type: 'array', items: { $ref: '#/definitions/Asset-2' } },
            search: { $ref: '#' },
          },
          examples: [{ $ref: 'not/a/reference.json' }],
          definitions: { Id: { type: 'string', minLength: 1 } },
        },
      },
    });
  });

  test('a schema without file refs is compiled as written', async () => {
    const { errors, schema } = await build({
      [PING]: pingWithSchema('../schemas/plain.schema.json'),
      'specs/schemas/plain.schema.json': json(ENVELOPE),
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(schema, ENVELOPE);
  });
});

describe('references that cannot be followed are E_SCHEMA_REF at the $ref', () => {
  const HEAD = '{\n  "type": "object",\n  "properties": {\n';
  const root = (ref: string): Record<string, string> => ({
    [PING]: pingWithSchema('../schemas/root.schema.json'),
    'specs/schemas/root.schema.json': `${HEAD}    "a": { "$ref": "${ref}" }\n  }\n}\n`,
  });
  const AT = 'specs/schemas/root.schema.json:4:20';
  const cases: [string, Record<string, string>, string[], ((dir: string) => void)?][] = [
    [
      'a remote reference',
      root('https://example.com/asset.json'),
      [`E_SCHEMA_REF ${AT} \`$ref\` \`https://example.com/asset.json\` is remote: mvpm never fetches a schema`],
    ],
    [
      'a network-path reference',
      root('//example.com/asset.json'),
      [`E_SCHEMA_REF ${AT} \`$ref\` \`//example.com/asset.json\` is remote: mvpm never fetches a schema`],
    ],
    [
      'a file: URI',
      root('file:///etc/passwd'),
      [`E_SCHEMA_REF ${AT} \`$ref\` \`file:///etc/passwd\` is remote: mvpm never fetches a schema`],
    ],
    [
      'an escape from the specs directory',
      root('../../../etc/passwd'),
      [
        `E_SCHEMA_REF ${AT} \`$ref\` \`../../../etc/passwd\`: schema file \`../../../etc/passwd\` is outside specs/; ` +
          'mvpm reads only files inside it',
      ],
    ],
    [
      'an absolute path',
      root('/etc/passwd'),
      [
        `E_SCHEMA_REF ${AT} \`$ref\` \`/etc/passwd\`: schema file \`/etc/passwd\` is an absolute path; mvpm reads ` +
          'only files inside specs/',
      ],
    ],
    [
      'a missing file',
      root('Nope.schema.json'),
      [`E_SCHEMA_REF ${AT} \`$ref\` \`Nope.schema.json\`: schema file not found: specs/schemas/Nope.schema.json`],
    ],
    [
      'a file that is not JSON or YAML (its own error too)',
      { ...root('Broken.schema.json'), 'specs/schemas/Broken.schema.json': '{ "type": "object",\n' },
      [
        'E_YAML_SYNTAX specs/schemas/Broken.schema.json:2:1',
        `E_SCHEMA_REF ${AT} \`$ref\` \`Broken.schema.json\`: specs/schemas/Broken.schema.json could not be read as ` +
          'JSON or YAML (its own error says why)',
      ],
    ],
    [
      'a JSON pointer to nothing',
      { ...root('Other.schema.json#/definitions/Missing'), 'specs/schemas/Other.schema.json': json(ENVELOPE) },
      [
        `E_SCHEMA_REF ${AT} \`$ref\` \`Other.schema.json#/definitions/Missing\` points at nothing: ` +
          'Other.schema.json has no `#/definitions/Missing`',
      ],
    ],
    [
      'a plain-name fragment',
      root('Other.schema.json#Meta'),
      [
        `E_SCHEMA_REF ${AT} \`$ref\` \`Other.schema.json#Meta\` cannot be followed: its fragment \`#Meta\` is not a ` +
          'JSON pointer such as `#/definitions/Name`',
      ],
    ],
    [
      'a symbolic link, even to a file inside specs/',
      { ...root('Linked.schema.json'), 'specs/schemas/Real.schema.json': json(ENVELOPE) },
      [
        `E_SCHEMA_REF ${AT} \`$ref\` \`Linked.schema.json\`: schema file \`Linked.schema.json\` passes through a ` +
          'symbolic link; mvpm does not follow links inside specs/',
      ],
      (dir) => symlinkSync('Real.schema.json', path.join(dir, 'specs/schemas/Linked.schema.json')),
    ],
    [
      'a path through a linked directory',
      root('linked/Real.schema.json'),
      [
        `E_SCHEMA_REF ${AT} \`$ref\` \`linked/Real.schema.json\`: schema file \`linked/Real.schema.json\` passes ` +
          'through a symbolic link; mvpm does not follow links inside specs/',
      ],
      (dir) => {
        mkdirSync(path.join(dir, 'elsewhere'));
        writeFileSync(path.join(dir, 'elsewhere/Real.schema.json'), json(ENVELOPE));
        symlinkSync('../../elsewhere', path.join(dir, 'specs/schemas/linked'));
      },
    ],
  ];
  for (const [name, files, expected, prepare] of cases) {
    test(name, async () => {
      const { errors } = await build(files, prepare);
      assert.deepEqual(
        errors.map((e) => (e.startsWith('E_YAML_SYNTAX') ? e.split(' ').slice(0, 2).join(' ') : e)),
        expected,
      );
    });
  }

  test('a bad reference deep in a referenced file is reported in that file, once for two requests', async () => {
    const { errors } = await build({
      [PING]: pingWithSchema('../schemas/root.schema.json'),
      'specs/demo/Pong.request.yaml': pingWithSchema('../schemas/root.schema.json').replace('/ping', '/pong'),
      'specs/schemas/root.schema.json': json({ $ref: 'sub/Mid.schema.json' }),
      'specs/schemas/sub/Mid.schema.json': json({ items: { $ref: 'http://x.test/s.json' } }),
    });
    assert.deepEqual(errors, [
      'E_SCHEMA_REF specs/schemas/sub/Mid.schema.json:3:13 `$ref` `http://x.test/s.json` is remote: mvpm never ' +
        'fetches a schema',
    ]);
  });
});
