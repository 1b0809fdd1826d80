// The collection's own variables → the definition's `variables`; one that holds a literal secret is dropped and
// declared secret instead (a spec cannot type a collection variable secret).
import { isSecretName } from '../compile/secrets.js';
import type { ImportContext } from './context.js';
import { printable, quoted } from './import-error.js';
import { asArray, descriptionOf, type Json, setKey, text } from './json-util.js';
import { hasLiteral } from './secrets.js';

export function importCollectionVariables(list: unknown, context: ImportContext): Json {
  const variables: Json = {};
  for (const v of asArray(list)) {
    if (typeof v['key'] !== 'string') continue;
    const key = v['key'];
    context.defined.add(key);
    const value = text(v['value']);
    const description = descriptionOf(v['description']);
    if ((v['type'] === 'secret' || isSecretName(key)) && hasLiteral(value) && !context.secrets.keeps(key)) {
      // A collection variable cannot be typed secret in a spec: it moves to the environments (or runtimeVariables).
      context.secrets.variable(key, value, `collection variable ${printable(key)}`, false);
      context.warnings.push({
        code: 'W_IMPORT_SECRET',
        where: 'collection',
        message: `variable ${quoted(key)} held a literal secret; its value was dropped and it is declared secret`,
      });
      continue;
    }
    setKey(variables, key, description === undefined ? value : { value, description });
  }
  return variables;
}
