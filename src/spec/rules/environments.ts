import { diagnosticAt, type SpecDiagnostic } from '../diagnostics.js';
import type { SpecProject } from '../model.js';

/**
 * E_ENV_MISSING_VARIABLE: every environment defines the same keys, so switching environments in Postman never
 * leaves a `{{variable}}` unresolved. E_SECRET_VALUE: a secret has no value in a spec, since the generated
 * environment is committed; it is supplied at run time.
 */
export function checkEnvironments(project: SpecProject): SpecDiagnostic[] {
  const errors: SpecDiagnostic[] = [];
  const owners = new Map<string, string>();
  for (const environment of project.environments) {
    for (const variable of environment.variables)
      if (!owners.has(variable.key)) owners.set(variable.key, environment.name);
  }
  for (const environment of project.environments) {
    const keys = new Set(environment.variables.map((v) => v.key));
    for (const [key, owner] of owners) {
      if (keys.has(key)) continue;
      errors.push(
        diagnosticAt(
          { ...environment.origin, path: ['variables'], at: 'key' },
          'E_ENV_MISSING_VARIABLE',
          `environment "${environment.name}" has no variable \`${key}\`, which "${owner}" defines`,
          `add \`${key}: { value: "" }\` under variables (or \`${key}: { secret: true }\`)`,
        ),
      );
    }
    for (const variable of environment.variables) {
      if (variable.secret && variable.valueWritten) {
        errors.push(
          diagnosticAt(
            { source: variable.origin.source, path: [...variable.origin.path, 'value'], at: 'key' },
            'E_SECRET_VALUE',
            `secret \`${variable.key}\` must not have a value in the spec`,
            'remove `value`: secrets are supplied at run time (the Postman current value, or newman --env-var)',
          ),
        );
      }
    }
  }
  return errors;
}
