// Postman environment JSON → a spec environment. Values typed `secret` are dropped and the variable marked
// `secret: true`; so are literal values of secret-looking variables typed `default` (a pasted refresh token).
import type { ImportContext } from './context.js';
import { ImportError, quoted } from './import-error.js';
import {
  asArray,
  compact,
  descriptionOf,
  hasKey,
  isObject,
  type Json,
  nonEmptyObject,
  setKey,
  text,
} from './json-util.js';
import { renderYaml } from './render-yaml.js';
import { isSecretName } from '../compile/secrets.js';
import { hasLiteral, type SecretDeclaration } from './secrets.js';

export interface EnvironmentAsRead {
  readonly slug: string;
  readonly name: string;
  readonly description: string | undefined;
  /** Variable name → `{ value }` or `{ secret: true }`, with a description when there is one. */
  readonly variables: Json;
}

export function readEnvironment(
  value: unknown,
  slug: string,
  index: number,
  context: ImportContext,
): EnvironmentAsRead {
  if (!isObject(value) || !Array.isArray(value['values'])) {
    throw new ImportError('E_IMPORT_NOT_ENVIRONMENT', 'not a Postman environment: it needs a `values` list', {
      subject: { kind: 'environment', index },
      pointer: isObject(value) ? '/values' : '',
      hint: 'export the environment from Postman (Environments → … → Export)',
    });
  }
  const where = `environment ${slug}`;
  const variables: Json = {};
  for (const v of asArray(value['values'])) {
    const key = text(v['key']);
    if (key === '') {
      context.warnings.push({ code: 'W_IMPORT_DROPPED', where, message: 'a variable with no name dropped' });
      continue;
    }
    if (v['enabled'] === false) {
      context.warnings.push({ code: 'W_IMPORT_DROPPED', where, message: `disabled variable ${quoted(key)} dropped` });
      continue;
    }
    if (hasKey(variables, key))
      context.warnings.push({
        code: 'W_IMPORT_DROPPED',
        where,
        message: `variable ${quoted(key)} appears more than once; the last one is kept`,
      });
    const description = descriptionOf(v['description']);
    const literal = text(v['value']);
    const typedSecret = v['type'] === 'secret';
    const secret = typedSecret || (isSecretName(key) && hasLiteral(literal) && !context.secrets.keeps(key));
    if (secret && literal !== '') {
      context.secrets.variable(key, literal, where, true);
      context.warnings.push({
        code: 'W_IMPORT_SECRET',
        where,
        message: typedSecret
          ? `variable ${quoted(key)} is typed secret; its value was dropped (secret: true)`
          : `variable ${quoted(key)} held a literal secret; its value was dropped (secret: true)`,
      });
    }
    setKey(variables, key, secret ? compact({ description, secret: true }) : compact({ description, value: literal }));
  }
  return { slug, name: text(value['name'], slug), description: descriptionOf(value['description']), variables };
}

/**
 * The environment's spec file, with the secrets found elsewhere in the import declared (secret, empty) after its own.
 */
export function renderEnvironment(
  environment: EnvironmentAsRead,
  secrets: readonly SecretDeclaration[],
  sendTo?: ReadonlyMap<string, readonly string[]>,
): string {
  const variables: Json = { ...environment.variables };
  for (const s of secrets) {
    if (!hasKey(variables, s.name)) setKey(variables, s.name, { description: secretNote(s), secret: true });
  }
  // Where each secret may be sent (see inferSendToForFiles), after its other fields.
  for (const [key, bases] of sendTo ?? []) {
    const current = variables[key];
    if (current !== null && typeof current === 'object' && !Array.isArray(current))
      setKey(variables, key, { ...(current as Json), sendTo: [...bases] });
  }
  return renderYaml(
    compact({
      $kind: 'mvpm-environment',
      name: environment.name === '' ? environment.slug : environment.name,
      description: environment.description,
      variables: nonEmptyObject(variables),
    }),
  );
}

/** The description of a variable mvpm import made for a literal secret. */
export function secretNote(s: SecretDeclaration): string {
  return (
    `Secret: mvpm import replaced a literal value (${s.where}) with this variable. Supply it at run time: the ` +
    `Postman current value, or newman --env-var.`
  );
}
