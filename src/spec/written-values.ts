// Reading as-written values after the schema check: a value the schema refused is skipped, never trusted.
import { isMap, isScalar as isYamlScalar } from './yaml-lib.js';
import type * as M from './model.js';
import type { NodePath, SpecSource } from './source.js';

/** A map's scalar entries as key/value pairs, in written order (others were refused by the schema). */
export function keyValues(source: SpecSource, at: NodePath, raw: unknown): M.KeyValue[] {
  return entries(source, at, raw).flatMap(([key, value]) => (isScalar(value) ? [{ key, value: String(value) }] : []));
}

/**
 * A map's entries in the order they were written. Plain objects list integer-like keys ("1", "200") first, so
 * when there are any, the order is read from the YAML tree instead (parsed again; rare).
 */
export function entries(source: SpecSource, at: NodePath, value: unknown): [string, unknown][] {
  const object = asObject(value);
  const list = Object.entries(object);
  if (!list.some(([key]) => INTEGER_KEY.test(key))) return list;
  const node = source.doc.getIn(at, true);
  if (!isMap(node)) return list;
  return node.items.flatMap((pair) => {
    const key = isYamlScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    return key in object ? [[key, object[key]] as [string, unknown]] : [];
  });
}

const INTEGER_KEY = /^(0|[1-9]\d*)$/;

/** JSON text of a body, two-space indented like JSON.stringify, keys in written order (see `entries`). */
export function jsonText(source: SpecSource, at: NodePath, value: unknown): string {
  const render = (current: unknown, path: NodePath, indent: string): string => {
    const inner = `${indent}  `;
    if (Array.isArray(current)) {
      if (current.length === 0) return '[]';
      return `[\n${current.map((item, i) => `${inner}${render(item, [...path, i], inner)}`).join(',\n')}\n${indent}]`;
    }
    if (!isObject(current)) return JSON.stringify(current ?? null);
    const list = entries(source, path, current);
    if (list.length === 0) return '{}';
    const members = list.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, [...path, k], inner)}`);
    return `{\n${members.join(',\n')}\n${indent}}`;
  };
  return render(value, at, '');
}

/** `targets` as written, when it is a list (the schema checked its items; anything else is skipped). */
export function targetsOf(value: unknown): { targets?: readonly string[] } {
  return Array.isArray(value) ? { targets: value.filter((t): t is string => typeof t === 'string') } : {};
}

export function orderOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}

export function optionalString<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return (typeof value === 'string' ? { [key]: value } : {}) as { [P in K]?: string };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asObject(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

export function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

export function isLiteral(value: unknown): value is M.Literal {
  return value === null || isScalar(value);
}
