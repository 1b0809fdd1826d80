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
  const expected = SCHEMAS.flatMap((schema, i) =>
    ajv.validateSchema(schema)
      ? []
      : [
          `R${i}: inline schema is not a valid draft-07 JSON Schema: ${ajv.errorsText(ajv.errors, { dataVar: 'schema' })}`,
        ],
  );
  const files = Object.fromEntries(
    SCHEMAS.map((schema, i) => [
      `specs/demo/R${i}.request.yaml`,
      `$kind: http-request\nmethod: GET\nurl: "{{baseUrl}}/r"\nexpect:\n  schema:\n    inline: ${JSON.stringify(schema)}\n`,
    ]),
  );
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
