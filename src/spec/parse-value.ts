import { LineCounter, parseDocument, type Document } from 'yaml';

/**
 * The YAML options every spec file is parsed with: duplicate keys are errors, no merge keys, no pretty errors, and
 * no warnings printed by the parser (what is wrong is reported as a diagnostic instead).
 */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, merge: false, logLevel: 'error' } as const;

/** A parsed file as plain data, or its first syntax error (later ones are mostly echoes of it). */
export type ParsedValue =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly offset: number; readonly code: string; readonly message: string };

export function parseTree(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { lineCounter, ...YAML_OPTIONS }), lineCounter };
}

/** Parses one file's text to plain data. Pure, so it can run in a worker thread. */
export function parseValue(text: string): ParsedValue {
  const { doc } = parseTree(text);
  const error = doc.errors[0];
  if (error) return { ok: false, offset: error.pos[0], code: error.code, message: error.message.split('\n')[0] ?? error.message };
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
}
