import { isScalar } from './yaml-lib.js';
import { DYNAMIC_VARIABLE_NAMES } from './_dynamic-variables.js';
import { keyNodeAt, nodeAt, type NodePath, type SpecSource } from './source.js';

// The one `{{variable}}` grammar, as Postman reads it: `{{`, a name of one or more characters that are not braces,
// `}}`. Postman does not trim, so `{{ name }}` names a variable whose name has spaces. Every stage (spec rules,
// compile, import, docs, run, CLI) reads and writes references through the functions below, never its own regex.
const NAME = '[^{}]+?';
/** The pattern of one reference, the name in group 1, as regex source: for generated scripts that need the grammar. */
export const REFERENCE_SOURCE = `\\{\\{(${NAME})\\}\\}`;
const REFERENCE = new RegExp(REFERENCE_SOURCE, 'g');
const SPLIT = new RegExp(`(\\{\\{${NAME}\\}\\})`);
const LEADING = new RegExp(`^\\{\\{(${NAME})\\}\\}`);
const ONLY = new RegExp(`^\\{\\{(${NAME})\\}\\}$`);

/** `{{name}}`: how a reference to `name` is written. */
export function variableReference(name: string): string {
  return `{{${name}}}`;
}

/**
 * The `{{name}}` references in a string, in order, exactly as written: Postman does not trim, so `{{ name }}`
 * refers to a variable whose name has spaces (and is reported as undefined).
 */
export function variableNames(text: string): string[] {
  // Most strings hold no reference: no iterator, no match arrays for them (every string of every request comes here).
  if (!text.includes('{{')) return [];
  return [...text.matchAll(REFERENCE)].map((m) => m[1] ?? '');
}

/**
 * Whether `text` has `{{` anywhere, a reference or only the start of one. Looser than `hasVariables` on purpose:
 * guards that refuse a variable where a fixed value is needed (a file path, a base URL), or quote text that could
 * read as one, take anything Postman might try to resolve.
 */
export function mayHoldVariables(text: string): boolean {
  return text.includes('{{');
}

/** Whether `text` starts with `{{`, a reference or only the start of one (see `mayHoldVariables`). */
export function startsLikeVariable(text: string): boolean {
  return text.startsWith('{{');
}

/** Whether `text` holds at least one `{{name}}` reference. */
export function hasVariables(text: string): boolean {
  return SPLIT.test(text);
}

/**
 * `text` cut at its references: even indexes are literal text (possibly empty), odd indexes are whole references
 * (`{{name}}`) as written. Joining the parts gives `text` back.
 */
export function splitAtVariables(text: string): string[] {
  return text.split(SPLIT);
}

/** `text` with each reference replaced by `replace(name, reference)`; literal text is left as it is. */
export function replaceVariables(text: string, replace: (name: string, reference: string) => string): string {
  return text.replace(REFERENCE, (reference, name: string) => replace(name, reference));
}

/** The name of the reference `text` starts with (`{{base}}/a` → `base`), or undefined. */
export function leadingVariable(text: string): string | undefined {
  return LEADING.exec(text)?.[1];
}

/**
 * `text` with its leading reference replaced by the value `valueFor` gives for it, again and again while the result
 * starts with a reference that has one (Postman resolves a variable's value the same way, up to 20 levels):
 * `{{tokenUrl}}` with `tokenUrl` = `{{authBaseUrl}}/connect/token` reads `{{authBaseUrl}}/connect/token`. Only the
 * leading reference: it decides the host. Stops after `depth` steps, so a cycle cannot loop.
 */
export function expandLeadingVariable(
  text: string,
  valueFor: (name: string) => string | undefined,
  depth = 20,
): string {
  let current = text;
  for (let i = 0; i < depth; i++) {
    const name = leadingVariable(current);
    const value = name === undefined ? undefined : valueFor(name);
    if (name === undefined || value === undefined) return current;
    current = `${value}${current.slice(variableReference(name).length)}`;
  }
  return current;
}

/** The name when `text` is exactly one reference and nothing else (`{{token}}`), or undefined. */
export function onlyVariable(text: string): string | undefined {
  return ONLY.exec(text)?.[1];
}

/**
 * Postman's dynamic variables (`$guid`, `$timestamp`, `$randomInt`, …), as the postman-collection SDK that resolves
 * them names them (a generated list: loading the SDK would load faker, a large part of a build's start-up).
 */
export const DYNAMIC_VARIABLES: ReadonlySet<string> = new Set(DYNAMIC_VARIABLE_NAMES);

/** `{{$guid}}` and the like are resolved by Postman itself, not by any environment. */
export function isDynamicVariable(name: string): boolean {
  return DYNAMIC_VARIABLES.has(name);
}

/** Offset of `{{name}}` inside the scalar at `path` (or its key), so a caret can point at the reference itself. */
export function referenceOffset(source: SpecSource, path: NodePath, name: string, at?: 'key'): number | undefined {
  const node = at === 'key' ? keyNodeAt(source, path) : nodeAt(source, path);
  if (!isScalar(node) || !node.range) return undefined;
  const raw = source.text.slice(node.range[0], node.range[1]);
  const index = raw.indexOf(variableReference(name));
  return index === -1 ? node.range[0] : node.range[0] + index;
}
