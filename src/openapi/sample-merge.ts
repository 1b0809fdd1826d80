// Schemas as sampleSchema reads them: `$ref`s followed and `allOf` merged into one schema, so that one value can be
// made for what all of them ask. Merging keeps the stricter of each bound, the union of `required` and of
// `properties` (a property in both becomes an `allOf` of its two schemas, merged when it is sampled), and the
// intersection of `type` and `enum`. What cannot be merged (two different `pattern`s) is reported.

import type { JsonSchema } from './types.js';

export type SchemaObject = Readonly<Record<string, unknown>>;

export interface Flattened {
  /** The schema with refs followed and allOf merged; `false` when nothing can satisfy it. */
  readonly schema: SchemaObject | false;
  /** Names of the definitions followed to get here. */
  readonly refs: readonly string[];
  readonly problems: readonly string[];
}

const REF_PREFIX = '#/definitions/';

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const MIN_KEYS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const MAX_KEYS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];

function typesOf(schema: SchemaObject): readonly string[] | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : undefined;
}

function intersectTypes(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of a) {
    if (b.includes(t)) out.push(t);
    else if (t === 'integer' && b.includes('number')) out.push('integer');
    else if (t === 'number' && b.includes('integer')) out.push('integer');
  }
  return [...new Set(out)];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Two schemas as one: every keyword of both, each bound at its stricter value. */
export function mergeSchemas(a: SchemaObject, b: SchemaObject, problems: string[]): SchemaObject {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined) out[key] = value;
    else if (MIN_KEYS.includes(key) && typeof mine === 'number' && typeof value === 'number')
      out[key] = Math.max(mine, value);
    else if (MAX_KEYS.includes(key) && typeof mine === 'number' && typeof value === 'number')
      out[key] = Math.min(mine, value);
    else if (key === 'type') {
      const types = intersectTypes(typesOf(a) ?? [], typesOf(b) ?? []);
      if (types.length === 0) problems.push('allOf asks for types that never meet');
      out[key] = types.length === 1 ? types[0] : types;
    } else if (key === 'required' && Array.isArray(mine) && Array.isArray(value))
      out[key] = [...new Set([...mine, ...value])];
    else if (key === 'properties' && isObject(mine) && isObject(value)) {
      const merged: Record<string, unknown> = { ...mine };
      for (const [name, schema] of Object.entries(value))
        merged[name] = merged[name] === undefined ? schema : { allOf: [merged[name], schema] };
      out[key] = merged;
    } else if (key === 'enum' && Array.isArray(mine) && Array.isArray(value))
      out[key] = mine.filter((m) => value.some((v) => same(m, v)));
    else if (key === 'additionalProperties' || key === 'items') {
      if (mine === false || value === false) out[key] = false;
      else if (isObject(mine) && isObject(value)) out[key] = { allOf: [mine, value] };
    } else if (key === 'multipleOf' && typeof mine === 'number' && typeof value === 'number') {
      out[key] = mine % value === 0 ? mine : value % mine === 0 ? value : mine * value;
    } else if (!same(mine, value)) problems.push(`allOf gives ${key} two different values; the first is used`);
  }
  return out;
}

/**
 * Follows `$ref`s and merges `allOf`, to a bounded depth: a definition that refers to itself through allOf is
 * followed once.
 */
export function flattenSchema(schema: JsonSchema, definitions: ReadonlyMap<string, JsonSchema>): Flattened {
  const problems: string[] = [];
  const refs: string[] = [];
  const visit = (node: JsonSchema, seen: ReadonlySet<string>): SchemaObject | false => {
    if (node === true) return {};
    if (node === false || !isObject(node)) return false;
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      // Draft-07: a `$ref` replaces its siblings.
      const name = ref.startsWith(REF_PREFIX) ? decodeURIComponent(ref.slice(REF_PREFIX.length)) : undefined;
      const target = name === undefined ? undefined : definitions.get(name);
      if (name === undefined || target === undefined) {
        problems.push(`${ref} names no schema`);
        return {};
      }
      if (seen.has(name)) {
        problems.push(`${ref} refers to itself without anything in between`);
        return {};
      }
      refs.push(name);
      return visit(target, new Set([...seen, name]));
    }
    const allOf = node['allOf'];
    if (!Array.isArray(allOf)) return node;
    const { allOf: _, ...rest } = node;
    let merged: SchemaObject | false = rest;
    for (const part of allOf as JsonSchema[]) {
      const flat = visit(part, seen);
      merged = merged === false || flat === false ? false : mergeSchemas(merged, flat, problems);
    }
    return merged;
  };
  return { schema: visit(schema, new Set()), refs, problems };
}
