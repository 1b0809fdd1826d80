/**
 * Machine-readable markers in generated scripts: one comment line before each generated piece, holding the JSON
 * of the construct it was compiled from, so `mvpm import` can turn an exported collection back into specs
 * without reading the JavaScript. Format: `// mvpm:<kind> <JSON on one line>`.
 */
export type MarkerKind = 'expect' | 'capture' | 'autoRefresh';

export const MARKER_KINDS: readonly MarkerKind[] = ['expect', 'capture', 'autoRefresh'];

/** `// mvpm:expect {"kind":"status","codes":[200]}` */
export function markerLine(kind: MarkerKind, construct: unknown): string {
  return `// mvpm:${kind} ${JSON.stringify(construct)}`;
}

/** The marker on a line, or undefined when the line is not one (or its JSON does not parse). */
export function parseMarker(line: string): { readonly kind: MarkerKind; readonly construct: unknown } | undefined {
  const match = /^\/\/ mvpm:(expect|capture|autoRefresh) (.*)$/.exec(line);
  if (!match) return undefined;
  try {
    return { kind: match[1] as MarkerKind, construct: JSON.parse(match[2]!) as unknown };
  } catch {
    return undefined;
  }
}
