/**
 * The one way outputs are serialised: two-space JSON with a final newline. Key order is whatever the compiler
 * built (it builds in a fixed order), so equal inputs give byte-identical files.
 */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
