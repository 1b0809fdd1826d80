import { COLLECTION_SCHEMA_V21 } from '../compile/context.js';

/** Whether a collection is in the v2.0 format (by `info.schema`). */
export function isV20(collection: unknown): boolean {
  const info = (collection as { info?: { schema?: unknown } } | null)?.info;
  return typeof info?.schema === 'string' && info.schema.includes('v2.0');
}

/**
 * A v2.0 collection → v2.1. The formats differ where auth parameters are written: v2.0 has a map
 * (`{type: "oauth2", oauth2: {accessToken: "…"}}`), v2.1 a list (`oauth2: [{key, value, type}]`); the rest is the
 * same. (postman-collection-transformer converts between 1.0 and 2.x, not between 2.0 and 2.1.)
 */
export function convertV20(collection: unknown): unknown {
  const convert = (node: unknown, key?: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => convert(item));
    if (node === null || typeof node !== 'object') return node;
    const object: Record<string, unknown> = Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, convert(v, k)]),
    );
    const type = object['type'];
    if (key === 'auth' && typeof type === 'string' && isPlainObject(object[type])) {
      object[type] = Object.entries(object[type] as Record<string, unknown>).map(([k, value]) => ({
        key: k,
        value,
        type: typeof value === 'boolean' ? 'boolean' : 'string',
      }));
    }
    return object;
  };
  const converted = convert(collection) as { info?: Record<string, unknown> };
  return { ...converted, info: { ...converted.info, schema: COLLECTION_SCHEMA_V21 } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
