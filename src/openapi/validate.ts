// Checking values against an OpenAPI document's schemas, for the stand-in's mock: requests against their
// operation, and (in tests) mocked answers against their response. One ajv instance per document: its schemas'
// `#/definitions/<name>` refs resolve against the document's shared schemas, and its `pattern`s run on RE2
// (safe-regex.ts), so a hostile expression cannot stall the server. A pattern RE2 cannot run is reported once, as a
// warning, and not enforced.

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { compileSafePattern, safeRegExpEngine } from './safe-regex.js';
import type { JsonSchema, OpenApiWarning } from './types.js';
import { FORMAT_CHECKS } from './validate-formats.js';

/** One way a value fails its schema, worded for an HTTP client; values are described, never repeated. */
export interface SchemaViolation {
  /** RFC 6901 pointer into the value checked. */
  readonly pointer: string;
  readonly message: string;
}

export interface DocumentValidator {
  /** Compiles `schema` (once per schema object) and checks `value`; an empty list when it is valid. */
  validate(schema: JsonSchema, value: unknown): readonly SchemaViolation[];
  /** Patterns that are not enforced, each reported once (`W_OPENAPI_UNSAFE_PATTERN`). */
  readonly warnings: readonly OpenApiWarning[];
}

/** Violations reported per value: the first few say what to fix; a thousand would only echo the input's size. */
const MAX_VIOLATIONS = 10;

/** What a value is, without what it says: a request may carry a secret where a number was expected. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'string') return `a string of ${value.length} character${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

const list = (values: unknown): string =>
  Array.isArray(values) ? values.map((v) => JSON.stringify(v)).join(', ') : String(values);

/** One ajv error as a sentence: what was expected there, and what kind of value came. */
function violationOf(error: ErrorObject, root: unknown): SchemaViolation {
  const params = error.params as Record<string, unknown>;
  const got = describeValue(valueAt(root, error.instancePath));
  const at = error.instancePath;
  switch (error.keyword) {
    case 'required':
      return { pointer: at, message: `missing required property ${JSON.stringify(params['missingProperty'])}` };
    case 'additionalProperties':
      return {
        pointer: `${at}/${String(params['additionalProperty']).replaceAll('~', '~0').replaceAll('/', '~1')}`,
        message: `property ${JSON.stringify(params['additionalProperty'])} is not allowed`,
      };
    case 'type':
      return { pointer: at, message: `expected ${list(params['type'])}, got ${got}` };
    case 'enum':
      return { pointer: at, message: `expected one of ${list(params['allowedValues'])}, got ${got}` };
    case 'const':
      return { pointer: at, message: `expected ${JSON.stringify(params['allowedValue'])}, got ${got}` };
    case 'format':
      return { pointer: at, message: `expected a ${String(params['format'])} string, got ${got}` };
    case 'pattern':
      return { pointer: at, message: `expected a string matching ${JSON.stringify(params['pattern'])}, got ${got}` };
    default:
      // ajv's own wording names the limit (`must be >= 1`, `must NOT have more than 3 items`); never the value.
      return { pointer: at, message: `${error.message ?? `fails ${error.keyword}`}` };
  }
}

/**
 * The schema with each `patternProperties` entry RE2 cannot run taken out (ajv would match it against every key and
 * apply its schema to all of them); `additionalProperties: false` beside one becomes true, as the keys it let through
 * can no longer be told apart. Other keywords are copied as they are.
 */
function withoutUnsafePatternProperties(schema: unknown, onUnsafe: (pattern: string, reason: string) => void): unknown {
  if (Array.isArray(schema)) return schema.map((item) => withoutUnsafePatternProperties(item, onUnsafe));
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = withoutUnsafePatternProperties(value, onUnsafe);
  const patterns = out['patternProperties'];
  if (typeof patterns === 'object' && patterns !== null && !Array.isArray(patterns)) {
    const kept: Record<string, unknown> = {};
    for (const [pattern, value] of Object.entries(patterns)) {
      const compiled = compileSafePattern(pattern);
      if (compiled.ok) kept[pattern] = value;
      else {
        onUnsafe(pattern, compiled.reason);
        if (out['additionalProperties'] === false) out['additionalProperties'] = true;
      }
    }
    out['patternProperties'] = kept;
  }
  return out;
}

/** A validator for one document's schemas; `definitions` is OpenApiDocument.schemas. */
export function createDocumentValidator(definitions: ReadonlyMap<string, JsonSchema>): DocumentValidator {
  const warnings: OpenApiWarning[] = [];
  const warned = new Set<string>();
  const warn = (pattern: string, reason: string): void => {
    if (warned.has(pattern)) return;
    warned.add(pattern);
    const shown = pattern.length > 80 ? `${pattern.slice(0, 80)}…` : pattern;
    warnings.push({
      code: 'W_OPENAPI_UNSAFE_PATTERN',
      message: `pattern ${JSON.stringify(shown)} is not enforced by the stand-in: RE2 cannot run it (${reason})`,
    });
  };
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateSchema: false,
    formats: FORMAT_CHECKS,
    code: {
      regExp: safeRegExpEngine(({ pattern, reason }) => warn(pattern, reason)),
    },
  });
  const definitionsObject = withoutUnsafePatternProperties(Object.fromEntries(definitions), warn);
  const compiled = new WeakMap<object, ValidateFunction>();
  const compiledBoolean = new Map<boolean, ValidateFunction>();
  const compile = (schema: JsonSchema): ValidateFunction => {
    const known = typeof schema === 'boolean' ? compiledBoolean.get(schema) : compiled.get(schema);
    if (known) return known;
    // Refs are `#/definitions/<name>`, relative to the root: give each schema the document's definitions as root.
    const validate = ajv.compile({
      allOf: [withoutUnsafePatternProperties(schema, warn)],
      definitions: definitionsObject,
    });
    if (typeof schema === 'boolean') compiledBoolean.set(schema, validate);
    else compiled.set(schema, validate);
    return validate;
  };
  return {
    validate(schema, value) {
      const validate = compile(schema);
      if (validate(value)) return [];
      return (validate.errors ?? []).slice(0, MAX_VIOLATIONS).map((error) => violationOf(error, value));
    },
    warnings,
  };
}
