import { Ajv } from 'ajv';
import { diagnosticAt, type SpecDiagnostic } from '../diagnostics.js';
import type { ItemSpec, SpecProject } from '../model.js';

const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;

/**
 * E_BAD_JSON_SCHEMA: body schemas must be valid draft-07. Newman's sandbox checks them with Ajv 6, which reads
 * draft-07 (or no `$schema`) and fails on a draft-04 `$schema`, so that is refused here rather than at run time.
 * Checked against the meta-schema, once per distinct schema.
 */
let metaValidator: Ajv | undefined;

export function checkJsonSchemas(project: SpecProject): SpecDiagnostic[] {
  // One Ajv per process: its draft-07 meta-schema is compiled on first use, which costs more than a check.
  metaValidator ??= new Ajv({ strict: false, allErrors: true });
  const ajv = metaValidator;
  const verdicts = new Map<string, string | undefined>();
  const errors: SpecDiagnostic[] = [];
  const visit = (items: readonly ItemSpec[]): void => {
    for (const item of items) {
      if (item.kind === 'folder') {
        visit(item.items);
        continue;
      }
      for (const expectation of item.expectations) {
        if (expectation.kind !== 'schema') continue;
        const key = JSON.stringify(expectation.schema);
        if (!verdicts.has(key)) verdicts.set(key, problemWith(ajv, expectation.schema));
        const problem = verdicts.get(key);
        if (problem)
          errors.push(
            diagnosticAt(
              expectation.origin,
              'E_BAD_JSON_SCHEMA',
              `${expectation.label} is not a valid draft-07 JSON Schema: ${problem}`,
              'Postman checks body schemas with draft-07; fix the schema or remove its $schema line',
            ),
          );
      }
    }
  };
  for (const collection of project.collections) visit(collection.items);
  return errors;
}

function problemWith(ajv: Ajv, schema: object): string | undefined {
  const declared = (schema as { $schema?: unknown }).$schema;
  if (declared !== undefined && (typeof declared !== 'string' || !DRAFT_07.test(declared)))
    return `$schema is ${JSON.stringify(declared)}`;
  if (ajv.validateSchema(schema)) return undefined;
  return ajv.errorsText(ajv.errors, { dataVar: 'schema' });
}
