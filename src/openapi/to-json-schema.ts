// OpenAPI schemas to JSON Schema draft-07, the dialect Postman's `jsonSchema` check and our ajv read.
//
// - 3.0 `nullable` and 2.0 `x-nullable` add `null` to `type` (and to `enum`), or wrap the schema in
//   `anyOf: [schema, {type: null}]` when it has no `type`.
// - 2.0/3.0 boolean `exclusiveMinimum`/`exclusiveMaximum` become draft-07's numbers; 3.1's are numbers already.
// - 3.1 `prefixItems` becomes draft-07's tuple `items` (and `items` beside it `additionalItems`); 3.1
//   `dependentRequired`/`dependentSchemas` become `dependencies`; 3.1 type lists stay lists.
// - 2.0 `type: file` becomes `{type: string, format: binary}`.
// - `example` becomes `examples: [example]` (draft-07's annotation, which samplers read) unless `examples` is there.
// - `discriminator`, `xml`, `externalDocs`, `deprecated`, `x-…` and `$defs`/`definitions` (reached through
//   references) are dropped; other keywords draft-07 lacks are dropped with a W_OPENAPI_IGNORED warning.
// - Every `$ref` becomes `#/definitions/<name>` (see SchemaRegistry): a circular schema stays a reference.
import type { JsonSchema, OpenApiVersion } from './types.js';
import { isObject, type Place, refOf } from './refs.js';

/** Keywords copied as they are: their values are data or plain numbers and strings. */
const PLAIN = new Set([
  'title',
  'description',
  'default',
  'multipleOf',
  'maximum',
  'minimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'const',
  'format',
  'readOnly',
  'writeOnly',
  'contentMediaType',
  'contentEncoding',
  '$comment',
]);

/** Keywords dropped without a word: documentation for other tools, or reached another way. */
const DROPPED = new Set([
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated',
  'example',
  'nullable',
  'x-nullable',
  '$defs',
  'definitions',
  'collectionFormat',
]);

/** Keywords whose value is one subschema. */
const ONE = new Set(['not', 'if', 'then', 'else', 'contains', 'propertyNames', 'additionalItems']);
/** Keywords whose value is a list of subschemas. */
const LIST = new Set(['allOf', 'anyOf', 'oneOf']);
/** Keywords whose value maps names to subschemas. */
const MAP = new Set(['properties', 'patternProperties']);

export interface SchemaContext {
  readonly version: OpenApiVersion;
  /** The `#/definitions/<name>` name for the `$ref` `ref` written at `at`; undefined when it cannot be followed. */
  readonly refName: (at: Place, ref: string) => string | undefined;
  /** Reports a keyword that was dropped because draft-07 has no equivalent. */
  readonly ignored: (at: Place, keyword: string) => void;
}

/** `#/definitions/<name>` for a schema name: RFC 6901 escaped, then percent-encoded as a URI fragment must be. */
export function schemaRef(name: string): string {
  return `#/definitions/${encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
}

/** The schema name a `$ref` made by schemaRef names; undefined for any other reference. */
export function schemaNameOf(ref: string): string | undefined {
  if (!ref.startsWith('#/definitions/')) return undefined;
  const rest = decodeURIComponent(ref.slice('#/definitions/'.length));
  if (rest.includes('/')) return undefined;
  return rest.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The schema at `place` (its value `node`) in draft-07. */
export function toJsonSchema(node: unknown, place: Place, context: SchemaContext): JsonSchema {
  if (typeof node === 'boolean') return node;
  if (!isObject(node)) return {};
  const ref = refOf(node);
  if (ref !== undefined) {
    const name = context.refName(place, ref);
    const target: JsonSchema = name === undefined ? {} : { $ref: schemaRef(name) };
    const rest = Object.keys(node).filter((k) => k !== '$ref' && k !== 'description' && k !== 'summary');
    if (context.version === '3.1' && rest.length > 0) {
      // 3.1 applies a reference's siblings too; draft-07 would ignore them beside `$ref`.
      const { $ref: _ref, ...siblings } = node;
      return { allOf: [target, toJsonSchema(siblings, place, context)] };
    }
    return isNullable(node, context.version) ? { anyOf: [target, { type: 'null' }] } : target;
  }
  const out: Record<string, unknown> = {};
  const at = (...more: string[]): Place => ({ file: place.file, segments: [...place.segments, ...more] });
  for (const [key, value] of Object.entries(node)) {
    if (PLAIN.has(key)) put(out, key, value);
    else if (DROPPED.has(key) || key.startsWith('x-')) continue;
    else if (key === 'type') put(out, key, value === 'file' ? 'string' : value);
    else if (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') {
      if (typeof value === 'number') put(out, key, value);
    } else if (key === 'examples') {
      if (Array.isArray(value)) put(out, key, value);
    } else if (key === 'items') {
      if (Array.isArray(value))
        put(
          out,
          key,
          value.map((v, i) => toJsonSchema(v, at(key, String(i)), context)),
        );
      else if (Array.isArray(node.prefixItems)) put(out, 'additionalItems', toJsonSchema(value, at(key), context));
      else put(out, key, toJsonSchema(value, at(key), context));
    } else if (key === 'prefixItems' && Array.isArray(value))
      put(
        out,
        'items',
        value.map((v, i) => toJsonSchema(v, at(key, String(i)), context)),
      );
    else if (key === 'additionalProperties')
      put(out, key, typeof value === 'boolean' ? value : toJsonSchema(value, at(key), context));
    else if (ONE.has(key)) put(out, key, toJsonSchema(value, at(key), context));
    else if (LIST.has(key) && Array.isArray(value))
      put(
        out,
        key,
        value.map((v, i) => toJsonSchema(v, at(key, String(i)), context)),
      );
    else if (MAP.has(key) && isObject(value)) {
      const map: Record<string, unknown> = {};
      for (const [name, sub] of Object.entries(value)) put(map, name, toJsonSchema(sub, at(key, name), context));
      put(out, key, map);
    } else if (
      (key === 'dependentRequired' || key === 'dependentSchemas' || key === 'dependencies') &&
      isObject(value)
    ) {
      const deps = isObject(out.dependencies) ? out.dependencies : {};
      for (const [name, dep] of Object.entries(value))
        put(deps, name, Array.isArray(dep) ? dep : toJsonSchema(dep, at(key, name), context));
      put(out, 'dependencies', deps);
    } else context.ignored(at(key), key);
  }
  if (node.type === 'file') put(out, 'format', 'binary');
  // 2.0 and 3.0 write `exclusiveMinimum: true` beside `minimum`; draft-07 wants the bound itself.
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (node[exclusive] === true && typeof node[bound] === 'number') {
      put(out, exclusive, node[bound]);
      delete out[bound];
    }
  }
  if (!('examples' in out) && 'example' in node) put(out, 'examples', [node.example]);
  if (isNullable(node, context.version)) return nullable(out);
  return out;
}

function isNullable(node: Record<string, unknown>, version: OpenApiVersion): boolean {
  return version === '2.0' ? node['x-nullable'] === true : version === '3.0' && node.nullable === true;
}

/** `schema` that also accepts `null`. */
function nullable(schema: Record<string, unknown>): JsonSchema {
  const type = schema.type;
  if (typeof type === 'string' || Array.isArray(type)) {
    const types = Array.isArray(type) ? type : [type];
    const out: Record<string, unknown> = { ...schema, type: types.includes('null') ? types : [...types, 'null'] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
    return out;
  }
  if (Array.isArray(schema.enum))
    return { ...schema, enum: schema.enum.includes(null) ? schema.enum : [...schema.enum, null] };
  return { anyOf: [schema, { type: 'null' }] };
}

/** Sets `key` as an own property, even `__proto__`, which assignment would take as the prototype. */
export function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
