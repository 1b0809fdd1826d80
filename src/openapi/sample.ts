// PLACEHOLDER (helper C, for the conversion's tests until helper M's sample generator is merged; M's version
// replaces this file whole). A bounded, deterministic value for a draft-07 schema of OpenApiDocument.schemas.
import type { JsonSchema } from './types.js';

type Schema = { readonly [keyword: string]: unknown };

/** A deterministic sample of `schema`: `example`/`default`/`const`/first `enum`, else built from its type. */
export function sampleSchema(
  schema: JsonSchema,
  definitions: ReadonlyMap<string, JsonSchema>,
  options: { maxDepth?: number; maxItems?: number; maxNodes?: number } = {},
): unknown {
  const budget = { nodes: options.maxNodes ?? 1000 };
  const maxDepth = options.maxDepth ?? 8;
  const maxItems = options.maxItems ?? 3;
  const sample = (s: JsonSchema, depth: number, seen: readonly string[]): unknown => {
    if (typeof s === 'boolean' || budget.nodes-- <= 0) return null;
    const ref = typeof s['$ref'] === 'string' ? s['$ref'] : undefined;
    if (ref !== undefined) {
      const name = decodeURIComponent(ref.replace(/^#\/definitions\//, ''))
        .replace(/~1/g, '/')
        .replace(/~0/g, '~');
      const target = definitions.get(name);
      if (target === undefined || seen.includes(name) || depth >= maxDepth) return null;
      return sample(target, depth + 1, [...seen, name]);
    }
    for (const key of ['const', 'example', 'default'] as const) if (key in s) return s[key];
    if (Array.isArray(s['examples']) && s['examples'].length > 0) return s['examples'][0];
    if (Array.isArray(s['enum']) && s['enum'].length > 0) return s['enum'][0];
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      const list = s[key];
      if (Array.isArray(list) && list.length > 0) {
        if (key !== 'allOf') return sample(list[0] as JsonSchema, depth + 1, seen);
        const parts = list.map((part) => sample(part as JsonSchema, depth + 1, seen));
        if (parts.every((p) => typeof p === 'object' && p !== null && !Array.isArray(p)))
          return Object.assign({}, ...(parts as object[]));
        return parts[0];
      }
    }
    const types = Array.isArray(s['type']) ? s['type'] : [s['type']];
    const type = types.find((t) => t !== 'null') ?? (s['properties'] ? 'object' : types[0]);
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        if (depth >= maxDepth) return out;
        const properties = (s['properties'] ?? {}) as Record<string, JsonSchema>;
        for (const [key, value] of Object.entries(properties)) {
          Object.defineProperty(out, key, {
            value: sample(value, depth + 1, seen),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        return out;
      }
      case 'array': {
        if (depth >= maxDepth) return [];
        const count = Math.min(maxItems, Math.max(1, Number(s['minItems'] ?? 1)));
        return Array.from({ length: count }, () => sample((s['items'] ?? {}) as JsonSchema, depth + 1, seen));
      }
      case 'integer':
      case 'number':
        return typeof s['minimum'] === 'number' ? s['minimum'] : 1;
      case 'boolean':
        return true;
      case 'null':
        return null;
      case 'string':
        return s['format'] === 'date-time' ? '2024-01-01T00:00:00Z' : 'string';
      default:
        return (s as Schema)['properties'] === undefined ? 'string' : {};
    }
  };
  return sample(schema, 0, []);
}
