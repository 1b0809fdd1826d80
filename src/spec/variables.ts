import { isScalar } from 'yaml';
import { DYNAMIC_VARIABLE_NAMES } from './_dynamic-variables.js';
import { keyNodeAt, nodeAt, type NodePath, type SpecSource } from './source.js';

const REFERENCE = /\{\{([^{}]+?)\}\}/g;

/**
 * The `{{name}}` references in a string, in order, exactly as written: Postman does not trim, so `{{ name }}`
 * refers to a variable whose name has spaces (and is reported as undefined).
 */
export function variableNames(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((m) => m[1] ?? '');
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
  const match = new RegExp(`\\{\\{${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\}\\}`).exec(raw);
  return match ? node.range[0] + match.index : node.range[0];
}
