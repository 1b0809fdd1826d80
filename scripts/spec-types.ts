// Renders src/spec/_schema-types.ts from src/spec/spec.schema.json. Shared by the generator script and the drift test.
import { readFile } from 'node:fs/promises';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

export const SCHEMA_PATH = new URL('../src/spec/spec.schema.json', import.meta.url);
export const TYPES_PATH = new URL('../src/spec/_schema-types.ts', import.meta.url);

export async function renderSpecTypes(): Promise<string> {
  const schema = JSON.parse(await readFile(SCHEMA_PATH, 'utf8')) as JSONSchema;
  return compile(schema, 'SpecFiles', {
    bannerComment:
      '// Generated from spec.schema.json by `npm run schema:types`. Do not edit: change the schema and regenerate.\n' +
      '// These are the spec files as written; src/spec/model.ts holds the normalized model.',
    unreachableDefinitions: true,
    additionalProperties: false,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
}
