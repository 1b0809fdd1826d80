import type { ErrorObject, ValidateFunction } from 'ajv';
import { JsonSchemaDraft07 } from '../_spec-validators.js';
import { diagnosticAt, type SpecDiagnostic } from '../diagnostics.js';
import type { ItemSpec, SpecProject } from '../model.js';

const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;

/**
 * E_BAD_JSON_SCHEMA: body schemas must be valid draft-07. Newman's sandbox checks them with Ajv 6, which reads
 * draft-07 (or no `$schema`) and fails on a draft-04 `$schema`, so that is refused here rather than at run time.
 * Checked against the meta-schema, once per distinct schema, with its validator compiled ahead of time
 * (scripts/spec-validators.ts): compiling it at run time cost a build more than all its checks.
 */
const validateDraft07 = JsonSchemaDraft07 as ValidateFunction;

export function checkJsonSchemas(project: SpecProject): SpecDiagnostic[] {
  const verdicts = new Map<string, string | undefined>();
  // Requests that name the same schema file share one bundled object (normalize-checks.ts caches it by file):
  // by identity first, so a shared schema is not serialized again for every request that checks it.
  const byObject = new Map<object, string | undefined>();
  const errors: SpecDiagnostic[] = [];
  const visit = (items: readonly ItemSpec[]): void => {
    for (const item of items) {
      if (item.kind === 'folder') {
        visit(item.items);
        continue;
      }
      for (const expectation of item.expectations) {
        if (expectation.kind !== 'schema') continue;
        let problem: string | undefined;
        if (byObject.has(expectation.schema)) problem = byObject.get(expectation.schema);
        else {
          const key = JSON.stringify(expectation.schema);
          if (!verdicts.has(key)) verdicts.set(key, problemWith(expectation.schema));
          problem = verdicts.get(key);
          byObject.set(expectation.schema, problem);
        }
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

function problemWith(schema: object): string | undefined {
  const declared = (schema as { $schema?: unknown }).$schema;
  if (declared !== undefined && (typeof declared !== 'string' || !DRAFT_07.test(declared)))
    return `$schema is ${JSON.stringify(declared)}`;
  if (validateDraft07(schema)) return undefined;
  return errorsText(validateDraft07.errors ?? []);
}

/** Ajv's `errorsText(errors, { dataVar: 'schema' })`. */
function errorsText(errors: readonly ErrorObject[]): string {
  return errors.map((e) => `schema${e.instancePath} ${e.message}`).join(', ');
}
