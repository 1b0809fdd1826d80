// Masking of literal secret values in the generated docs. `{{variables}}` are names, never values, so they are
// always shown; a literal written next to a secret-looking name (client_secret, password, token…) is not.
import { isSecretHeader, isSecretName, MASK } from '../compile/secrets.js';
import { splitAtVariables } from '../spec/variables.js';

/** The value as the docs show it: `{{variables}}` kept, literal text of secret-named fields masked. */
export function displayValue(name: string, value: string, kind: 'field' | 'header' = 'field'): string {
  if (!(kind === 'header' ? isSecretHeader(name) : isSecretName(name))) return value;
  return splitAtVariables(value)
    .map((part, i) => (i % 2 === 1 || part.trim() === '' ? part : MASK))
    .join('');
}

/** Masks the literal string values of secret-named keys in JSON-like text (`"password": "hunter2"`). */
export function maskJsonText(text: string): string {
  return text.replace(
    /("((?:\\.|[^"\\])*)"\s*:\s*)"((?:\\.|[^"\\])*)"/g,
    (whole, prefix: string, key: string, value: string) =>
      isSecretName(key) ? `${prefix}"${displayValue(key, value)}"` : whole,
  );
}
