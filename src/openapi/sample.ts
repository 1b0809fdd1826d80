// A value for a JSON Schema: request bodies of imported operations (convert) and the stand-in's mocked answers.
// Deterministic (the same schema always gives the same bytes: no randomness, no clock), bounded (depth, items per
// array, values in all, string length: a `minItems: 1e9` allocates nothing) and valid wherever the schema lets a
// simple walk find a valid value: const, enum, type lists, formats, bounds, multipleOf, lengths, required,
// allOf (merged), oneOf/anyOf (their first branch), additionalProperties and simple patterns. What it cannot
// satisfy is listed by sampleSchemaReport, with where in the value.

import { flattenSchema, isObject, mergeSchemas, type SchemaObject } from './sample-merge.js';
import { samplePattern } from './sample-pattern.js';
import { compileSafePattern } from './safe-regex.js';
import type { JsonSchema } from './types.js';

export interface SampleOptions {
  /** Objects and arrays nested deeper than this are left empty. Default 8. */
  readonly maxDepth?: number;
  /** Items in one array, whatever its `minItems`. Default 20. */
  readonly maxItems?: number;
  /** Values in the whole sample; past it, optional properties are left out and containers left empty. Default 500. */
  readonly maxNodes?: number;
  /** Characters in one string, whatever its `minLength`. Default 1000. */
  readonly maxStringLength?: number;
}

export const SAMPLE_DEFAULTS = Object.freeze({ maxDepth: 8, maxItems: 20, maxNodes: 500, maxStringLength: 1000 });

export interface SampleProblem {
  /** RFC 6901 pointer into the sample. */
  readonly at: string;
  readonly problem: string;
}

export interface SampleReport {
  readonly value: unknown;
  /** Where the value may not satisfy the schema, and why; empty when it does. */
  readonly problems: readonly SampleProblem[];
}

/** Sample values of string formats, each varied by `n` for arrays whose items must differ. */
const FORMATS: Readonly<Record<string, (n: number) => string>> = {
  'date-time': (n) => `2024-01-${String(1 + (n % 28)).padStart(2, '0')}T00:00:00Z`,
  date: (n) => `2024-01-${String(1 + (n % 28)).padStart(2, '0')}`,
  time: (n) => `00:00:${String(n % 60).padStart(2, '0')}Z`,
  uuid: (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0').slice(-12)}`,
  email: (n) => `user${n || ''}@example.com`,
  'idn-email': (n) => `user${n || ''}@example.com`,
  uri: (n) => `https://example.com/${n || ''}`,
  'uri-reference': (n) => `/example/${n || ''}`,
  iri: (n) => `https://example.com/${n || ''}`,
  'iri-reference': (n) => `/example/${n || ''}`,
  'uri-template': (n) => `https://example.com/{id}/${n || ''}`,
  url: (n) => `https://example.com/${n || ''}`,
  hostname: (n) => `host${n || ''}.example.com`,
  'idn-hostname': (n) => `host${n || ''}.example.com`,
  ipv4: (n) => `192.0.2.${1 + (n % 254)}`,
  ipv6: (n) => `2001:db8::${(1 + n).toString(16)}`,
  byte: (n) => (n === 0 ? 'c3RyaW5n' : Buffer.from(`string${n}`).toString('base64')),
  'json-pointer': (n) => `/example/${n}`,
  'relative-json-pointer': (n) => `${n}/example`,
  regex: (n) => `^example${n || ''}$`,
  duration: (n) => `P${1 + n}D`,
};

function typeOf(schema: SchemaObject): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') ?? type[0]) as string | undefined;
  if ('properties' in schema || 'required' in schema || 'additionalProperties' in schema) return 'object';
  if ('items' in schema || 'minItems' in schema) return 'array';
  if ('minLength' in schema || 'maxLength' in schema || 'pattern' in schema || 'format' in schema) return 'string';
  if ('minimum' in schema || 'maximum' in schema || 'multipleOf' in schema) return 'number';
  return undefined;
}

const escapePointer = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const clone = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

class Sampler {
  readonly problems: SampleProblem[] = [];
  #nodes = 0;
  readonly #limits: Required<SampleOptions>;

  constructor(
    private readonly definitions: ReadonlyMap<string, JsonSchema>,
    options: SampleOptions,
  ) {
    this.#limits = { ...SAMPLE_DEFAULTS, ...options };
  }

  private note(at: string, problem: string): void {
    if (this.problems.length < 100) this.problems.push({ at, problem });
  }

  /** `stack`: the definitions being sampled around this value, to leave out optional parts of a recursion. */
  sample(schema: JsonSchema, at: string, depth: number, variant: number, stack: readonly string[]): unknown {
    this.#nodes += 1;
    const flat = flattenSchema(schema, this.definitions);
    for (const problem of flat.problems) this.note(at, problem);
    if (flat.schema === false) {
      this.note(at, 'no value satisfies this schema');
      return null;
    }
    const recursing = flat.refs.some((name) => stack.includes(name));
    const inner = flat.refs.length === 0 ? stack : [...stack, ...flat.refs];
    let s = flat.schema;
    for (const key of ['oneOf', 'anyOf'] as const) {
      const branches = s[key];
      if (!Array.isArray(branches) || branches.length === 0) continue;
      const { [key]: _, ...rest } = s;
      const branch = flattenSchema(branches[0] as JsonSchema, this.definitions);
      if (branch.schema === false) continue;
      const problems: string[] = [];
      s = mergeSchemas(rest, branch.schema, problems);
      for (const problem of problems) this.note(at, problem);
      if (branch.refs.length > 0) return this.sample(s, at, depth, variant, [...inner, ...branch.refs]);
    }
    if ('const' in s) return clone(s['const']);
    if (Array.isArray(s['enum'])) {
      if (s['enum'].length === 0) this.note(at, 'enum is empty');
      return clone(s['enum'][variant % Math.max(s['enum'].length, 1)]);
    }
    // A schema's own example (OpenAPI's `example` arrives as `examples: [x]`) reads better than a made-up value: the
    // first one, when it is a scalar of the schema's type (a composite example could be any size).
    const example = Array.isArray(s['examples']) ? s['examples'][0] : undefined;
    if (variant === 0 && scalarOfType(example, typeOf(s)) && withinBounds(example, s)) return example;
    switch (typeOf(s)) {
      case 'object':
        return this.object(s, at, depth, variant, inner, recursing);
      case 'array':
        return this.array(s, at, depth, variant, inner, recursing);
      case 'string':
        return this.string(s, at, variant);
      case 'integer':
        return this.number(s, at, variant, true);
      case 'number':
        return this.number(s, at, variant, false);
      case 'boolean':
        return variant % 2 === 0;
      default:
        return null;
    }
  }

  private exhausted(depth: number): boolean {
    return depth >= this.#limits.maxDepth || this.#nodes >= this.#limits.maxNodes;
  }

  private object(
    s: SchemaObject,
    at: string,
    depth: number,
    variant: number,
    stack: readonly string[],
    recursing: boolean,
  ): Record<string, unknown> {
    const properties = isObject(s['properties']) ? s['properties'] : {};
    const required = Array.isArray(s['required']) ? s['required'].filter((k) => typeof k === 'string') : [];
    const maxProperties = num(s['maxProperties']) ?? Infinity;
    const additional = s['additionalProperties'];
    const brief = recursing || this.exhausted(depth);
    const keys = [...new Set([...required, ...(brief ? [] : Object.keys(properties))])].slice(0, maxProperties);
    if (keys.length < required.length) this.note(at, 'maxProperties is smaller than required');
    // dependencies (draft-07): a property that is present can require others.
    const dependencies = isObject(s['dependencies']) ? s['dependencies'] : {};
    for (let i = 0; i < keys.length; i += 1) {
      const needs = dependencies[keys[i] as string];
      if (Array.isArray(needs)) for (const need of needs) if (!keys.includes(need)) keys.push(need);
    }
    const minProperties = num(s['minProperties']) ?? 0;
    for (let n = 1; keys.length < minProperties && additional !== false && n <= minProperties; n += 1)
      if (!keys.includes(`property${n}`)) keys.push(`property${n}`);
    if (keys.length < minProperties) this.note(at, 'minProperties cannot be reached');
    const out: Record<string, unknown> = {};
    if (depth >= this.#limits.maxDepth && keys.length > 0) {
      this.note(at, `nested deeper than ${this.#limits.maxDepth}: left empty`);
      return out;
    }
    for (const key of keys) {
      const path = `${at}/${escapePointer(key)}`;
      const parts: JsonSchema[] = [];
      const own = properties[key];
      if (own !== undefined) parts.push(own as JsonSchema);
      const patterns = isObject(s['patternProperties']) ? s['patternProperties'] : {};
      for (const [pattern, schema] of Object.entries(patterns)) {
        const compiled = compileSafePattern(pattern);
        if (compiled.ok && compiled.regex.test(key)) parts.push(schema as JsonSchema);
      }
      if (own === undefined && parts.length === 0) {
        if (additional === false) this.note(path, 'required but not allowed by additionalProperties: false');
        else if (additional !== undefined && additional !== true) parts.push(additional as JsonSchema);
      }
      const dependency = dependencies[key];
      if (isObject(dependency)) this.note(path, 'a schema dependency is not applied');
      const schema: JsonSchema = parts.length === 1 ? (parts[0] as JsonSchema) : { allOf: parts };
      out[key] = this.sample(schema, path, depth + 1, variant, stack);
    }
    return out;
  }

  private array(
    s: SchemaObject,
    at: string,
    depth: number,
    variant: number,
    stack: readonly string[],
    recursing: boolean,
  ): unknown[] {
    const items = s['items'];
    const tuple = Array.isArray(items) ? (items as JsonSchema[]) : undefined;
    const minItems = num(s['minItems']) ?? 0;
    const maxItems = num(s['maxItems']) ?? Infinity;
    const brief = recursing || this.exhausted(depth);
    let count = Math.min(Math.max(minItems, tuple ? tuple.length : brief ? 0 : 1), maxItems);
    if (tuple && s['additionalItems'] === false) count = Math.min(count, tuple.length);
    if (count > this.#limits.maxItems) {
      this.note(at, `more than ${this.#limits.maxItems} items asked for: ${this.#limits.maxItems} made`);
      count = this.#limits.maxItems;
    }
    if (depth >= this.#limits.maxDepth && count > 0) {
      this.note(at, `nested deeper than ${this.#limits.maxDepth}: left empty`);
      return [];
    }
    const unique = s['uniqueItems'] === true;
    const out: unknown[] = [];
    for (let i = 0; i < count; i += 1) {
      let schema: JsonSchema = tuple
        ? (((i < tuple.length ? tuple[i] : s['additionalItems']) as JsonSchema | undefined) ?? true)
        : ((items as JsonSchema | undefined) ?? true);
      if (i === 0 && s['contains'] !== undefined) schema = { allOf: [schema, s['contains'] as JsonSchema] };
      out.push(this.sample(schema, `${at}/${i}`, depth + 1, unique ? variant + i : variant, stack));
    }
    if (unique && new Set(out.map((item) => JSON.stringify(item))).size < out.length)
      this.note(at, 'uniqueItems: the sampled items are not all different');
    return out;
  }

  private string(s: SchemaObject, at: string, variant: number): string {
    const minLength = num(s['minLength']) ?? 0;
    const maxLength = Math.min(num(s['maxLength']) ?? Infinity, this.#limits.maxStringLength);
    if (minLength > this.#limits.maxStringLength)
      this.note(at, `minLength over ${this.#limits.maxStringLength}: shortened`);
    const pattern = s['pattern'];
    if (typeof pattern === 'string') {
      const text = samplePattern(pattern, minLength, maxLength);
      if (text !== undefined) return text;
      this.note(at, 'pattern: no matching string could be made');
    }
    const format = typeof s['format'] === 'string' ? FORMATS[s['format']] : undefined;
    if (format) {
      const text = format(variant);
      if (text.length < minLength || text.length > maxLength) this.note(at, 'format and length cannot both be met');
      return text;
    }
    const base = variant === 0 ? 'string' : `string${variant}`;
    const length = Math.min(Math.max(base.length, minLength), maxLength);
    return base.length >= length ? base.slice(0, length) : base.padEnd(length, 'x');
  }

  private number(s: SchemaObject, at: string, variant: number, integer: boolean): number {
    const [min, max] = [num(s['minimum']), num(s['maximum'])];
    const [above, below] = [num(s['exclusiveMinimum']), num(s['exclusiveMaximum'])];
    const multipleOf = num(s['multipleOf']);
    const step = multipleOf !== undefined && multipleOf > 0 ? multipleOf : undefined;
    // ajv's own tests: bounds, Number.isInteger, and multipleOf as "the quotient is an integer".
    const fits = (v: number): boolean =>
      Number.isFinite(v) &&
      (min === undefined || v >= min) &&
      (max === undefined || v <= max) &&
      (above === undefined || v > above) &&
      (below === undefined || v < below) &&
      (!integer || Number.isInteger(v)) &&
      (step === undefined || Number.isInteger(v / step));
    const low = Math.max(min ?? -Infinity, above ?? -Infinity);
    const high = Math.min(max ?? Infinity, below ?? Infinity);
    // Start at 0, or at the bound nearest to it, and walk the grid (multiples of the step, else whole numbers) into
    // the range; arrays of unique items start `variant` steps further.
    const anchor = low > 0 ? low : Math.min(high, 0);
    const grid = step ?? 1;
    const k0 = Math.round(anchor / grid);
    const inward = high < 0 ? -1 : 1;
    const candidates: number[] = [];
    for (const direction of [inward, -inward])
      for (let i = 0; i < 16; i += 1) {
        const v = (k0 + direction * (variant + i)) * grid;
        candidates.push(v, Number(v.toPrecision(12)));
      }
    // A range narrower than the grid, without a step: its ends or its middle.
    if (step === undefined && !integer) candidates.push(low, high, (low + high) / 2);
    const found = candidates.find(fits);
    if (found !== undefined) return found === 0 ? 0 : found;
    this.note(at, 'no number meets the bounds and multipleOf');
    return Number.isFinite(anchor) ? anchor : 0;
  }
}

/** The sample and where it may not be valid. See {@link sampleSchema}. */
export function sampleSchemaReport(
  schema: JsonSchema,
  definitions: ReadonlyMap<string, JsonSchema>,
  options: SampleOptions = {},
): SampleReport {
  const sampler = new Sampler(definitions, options);
  const value = sampler.sample(schema, '', 0, 0, []);
  return { value, problems: sampler.problems };
}

/**
 * A deterministic, bounded value for `schema`, whose `$ref`s (`#/definitions/<name>`) name entries of `definitions`
 * (OpenApiDocument.schemas); valid wherever the schema allows (see the file comment). Circular schemas end:
 * optional parts of a definition inside itself are left out, and nothing nests deeper than `maxDepth`.
 */
export function sampleSchema(
  schema: JsonSchema,
  definitions: ReadonlyMap<string, JsonSchema>,
  options?: SampleOptions,
): unknown {
  return sampleSchemaReport(schema, definitions, options).value;
}

/** True when `value` is a scalar of `type`. */
function scalarOfType(value: unknown, type: string | undefined): value is string | number | boolean {
  if (type === 'string') return typeof value === 'string';
  if (type === 'integer') return Number.isSafeInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (type === 'boolean') return typeof value === 'boolean';
  return false;
}

/** True when a scalar example keeps the schema's bounds; a pattern or multipleOf is not tried, so such an example is
 * not used. */
function withinBounds(value: string | number | boolean, s: SchemaObject): boolean {
  if ('pattern' in s || 'multipleOf' in s || 'not' in s || 'allOf' in s) return false;
  if (typeof value === 'string') {
    const length = [...value].length;
    return length >= (num(s['minLength']) ?? 0) && length <= (num(s['maxLength']) ?? Infinity);
  }
  if (typeof value === 'number') {
    const above = num(s['exclusiveMinimum']);
    const below = num(s['exclusiveMaximum']);
    return (
      value >= (num(s['minimum']) ?? -Infinity) &&
      value <= (num(s['maximum']) ?? Infinity) &&
      (above === undefined || value > above) &&
      (below === undefined || value < below)
    );
  }
  return true;
}
