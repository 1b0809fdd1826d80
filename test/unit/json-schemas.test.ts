// E_BAD_JSON_SCHEMA uses the draft-07 meta-schema validator compiled ahead of time; its verdicts and messages must
// stay Ajv's own (`ajv.validateSchema` + `errorsText`), which the rule used to call at run time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { buildProject } from '../../src/emit/build-project.ts';
import { minimalProject, tempProject } from '../support/helpers.ts';

const SCHEMAS: object[] = [
  { type: 'object', properties: { id: { type: 'string', minLength: 1 } }, required: ['id'] },
  { type: 'objet' },
  { properties: { a: { type: 3 } }, required: 'a' },
  { minLength: -1, pattern: 5, items: [{ enum: [] }] },
  { $schema: 'http://json-schema.org/draft-07/schema#', $ref: 7, additionalProperties: 'no' },
];

test('body schemas are judged as Ajv judges them against the draft-07 meta-schema', async () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const expected = SCHEMAS.flatMap((schema, i) => {
    if (ajv.validateSchema(schema)) return [];
    const problem = ajv.errorsText(ajv.errors, { dataVar: 'schema' });
    return [`R${i}: inline schema is not a valid draft-07 JSON Schema: ${problem}`];
  });
  const files = Object.fromEntries(SCHEMAS.map((schema, i) => [`specs/demo/R${i}.request.yaml`, requestWith(schema)]));
  const project = tempProject(minimalProject(files));
  try {
    const result = await buildProject({ cwd: project.dir });
    const got = result.errors
      .filter((e) => e.code === 'E_BAD_JSON_SCHEMA')
      .map((e) => `${/R\d+/.exec(e.file)?.[0]}: ${e.message}`)
      .sort();
    assert.equal(expected.length, 4);
    assert.deepEqual(got, expected.sort());
  } finally {
    project.cleanup();
  }
});

function requestWith(schema: object): string {
  const lines = ['$kind: mvpm-request', 'method: GET', 'url: "{{baseUrl}}/r"', 'expect:', '  schema:'];
  return `${[...lines, `    inline: ${JSON.stringify(schema)}`].join('\n')}\n`;
}
