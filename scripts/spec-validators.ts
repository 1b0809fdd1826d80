// Renders src/spec/_spec-validators.ts: the spec schema's validators and the draft-07 meta-schema's compiled ahead
// of time by Ajv (standalone code), so a build neither loads Ajv's compiler nor compiles a schema at start-up.
// Shared by the generator script and the drift test.
import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

export const VALIDATORS_PATH = new URL('../src/spec/_spec-validators.ts', import.meta.url);
const SCHEMA_PATH = new URL('../src/spec/spec.schema.json', import.meta.url);

/** The definitions each kind of spec file is checked against (see validate-schema.ts). */
export const VALIDATED_DEFINITIONS = [
  'CollectionDefinition',
  'FolderDefinition',
  'RequestDefinition',
  'EnvironmentDefinition',
] as const;

/** The draft-07 meta-schema, which body schemas are checked against (see rules/json-schemas.ts). */
export const META_SCHEMA_EXPORT = { JsonSchemaDraft07: 'http://json-schema.org/draft-07/schema' } as const;

export async function renderSpecValidators(): Promise<string> {
  const schema = JSON.parse(await readFile(SCHEMA_PATH, 'utf8')) as { $id: string };
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    code: { source: true, esm: true, lines: true },
  });
  ajv.addSchema(schema);
  const exports = {
    ...Object.fromEntries(VALIDATED_DEFINITIONS.map((d) => [d, `${schema.$id}#/definitions/${d}`])),
    ...META_SCHEMA_EXPORT,
  };
  const code = (standaloneCode as unknown as { default: typeof standaloneCode }).default
    ? (standaloneCode as unknown as { default: (a: Ajv, e: Record<string, string>) => string }).default(ajv, exports)
    : (standaloneCode as unknown as (a: Ajv, e: Record<string, string>) => string)(ajv, exports);
  // Ajv's ESM output still require()s its small runtime helpers; turn those into imports.
  const imports: string[] = [];
  const esm = code.replace(/require\("([^"]+)"\)/g, (_match, specifier: string) => {
    const name = `runtime${imports.length}`;
    imports.push(`import ${name} from ${JSON.stringify(`${specifier}.js`)};`);
    return name;
  });
  return [
    '// Generated from spec.schema.json by `npm run schema:types`. Do not edit: change the schema and regenerate.',
    '// @ts-nocheck',
    ...imports,
    esm.replace(/^"use strict";\n/, ''),
  ].join('\n');
}
