/**
 * The one way outputs are serialised: tab-indented JSON with a final newline, as the Postman app exports. Key order is
 * whatever the compiler built (it builds in a fixed order), so equal inputs give byte-identical files.
 */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, '\t')}\n`;
}
