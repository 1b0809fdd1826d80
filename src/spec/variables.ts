import { isScalar } from 'yaml';
import { nodeAt, type NodePath, type SpecSource } from './source.js';

const REFERENCE = /\{\{([^{}]+?)\}\}/g;

/** The `{{name}}` references in a string, in order. */
export function variableNames(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((m) => (m[1] ?? '').trim());
}

/** Postman's dynamic variables (`{{$guid}}`, `{{$timestamp}}`, `{{$randomInt}}`, …) are resolved by Postman itself. */
export function isDynamicVariable(name: string): boolean {
  return name.startsWith('$');
}

/** Offset of `{{name}}` inside the scalar at `path`, so a caret can point at the reference itself. */
export function referenceOffset(source: SpecSource, path: NodePath, name: string): number | undefined {
  const node = nodeAt(source, path);
  if (!isScalar(node) || !node.range) return undefined;
  const raw = source.text.slice(node.range[0], node.range[1]);
  const match = new RegExp(`\\{\\{\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\}\\}`).exec(raw);
  return match ? node.range[0] + match.index : node.range[0];
}
