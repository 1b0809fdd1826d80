// Masking of literal secret values in the generated docs. `{{variables}}` are names, never values, so they are
// always shown; a literal written next to a secret-looking name (client_secret, password, token…) is not.

export const MASK = '•••••';

const SECRET_NAME =
  /secret|passw(or)?d|token|api[-_]?key|subscription[-_]?key|authorization|cookie|credential|private[-_]?key|\bcode\b/i;

/** Whether a field, header or JSON key name suggests that its value is a secret. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The value as the docs show it: `{{variables}}` kept, literal text of secret-named fields masked. */
export function displayValue(name: string, value: string): string {
  if (!isSecretName(name)) return value;
  return value
    .split(/(\{\{[^{}]+?\}\})/)
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
