// An operation's request body → a spec `body`: the document's example for its first media type, else a bounded
// sample of its schema (sampleSchema). JSON media types become `type: json`, form media types `urlencoded` or
// `formdata` (a binary field uploads the import's one sample file from specs/files/), anything else `raw` text
// with its Content-Type. Keys holding characters the spec loader refuses (E_UNSAFE_TEXT) are left out.
import { sampleSchema } from '../../openapi/sample.js';
import type { JsonSchema, MediaType, OpenApiDocument } from '../../openapi/types.js';
import { isObject, setKey, type Json } from '../json-util.js';
import { isUnsafeName } from './convert-names.js';

export interface ConvertedBody {
  readonly body: Json;
  /** A Content-Type header to send: set when the spec's body type does not imply the media type. */
  readonly contentType?: string;
  /** Whether a field uploads the sample file. */
  readonly usesFile: boolean;
  /** Keys left out for unsafe characters. */
  readonly dropped: number;
}

/** `application/json; charset=utf-8` → `application/json`. */
export function bareMediaType(type: string): string {
  return (type.split(';')[0] ?? '').trim().toLowerCase();
}

/** JSON and its structured-syntax suffix (`application/problem+json`), as the `jsonSchema` check reads them. */
export function isJsonMediaType(type: string): boolean {
  const bare = bareMediaType(type);
  return bare === 'application/json' || bare === 'text/json' || /^[a-z0-9.+-]+\/[a-z0-9.!#$&^_-]+\+json$/.test(bare);
}

/** The value an example or a sample gives for `media`. */
export function mediaValueOf(media: MediaType, doc: OpenApiDocument): unknown {
  if (media.hasExample) return media.example;
  return media.schema === undefined ? undefined : sampleSchema(media.schema, doc.schemas);
}

/** The spec body for `media`; `formFile` is the sample file's `src`, relative to specs/files/. */
export function convertBody(media: MediaType, doc: OpenApiDocument, formFile: string): ConvertedBody {
  const type = bareMediaType(media.type);
  const value = mediaValueOf(media, doc);
  const dropped = { count: 0 };
  if (isJsonMediaType(type)) {
    return {
      body: { type: 'json', content: withSafeKeys(value ?? {}, dropped) },
      ...(type === 'application/json' ? {} : { contentType: type }),
      usesFile: false,
      dropped: dropped.count,
    };
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    const multipart = type === 'multipart/form-data';
    const content: Json = {};
    let usesFile = false;
    for (const [key, field] of Object.entries(isObject(value) ? value : {})) {
      if (isUnsafeName(key)) {
        dropped.count++;
        continue;
      }
      const binary = multipart && isBinary(propertySchema(media.schema, key, doc.schemas), doc.schemas);
      usesFile ||= binary;
      setKey(content, key, binary ? { src: formFile } : scalarOf(field));
    }
    return { body: { type: multipart ? 'formdata' : 'urlencoded', content }, usesFile, dropped: dropped.count };
  }
  const raw = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  return {
    body: { type: 'raw', content: raw, language: languageOf(type) },
    contentType: type,
    usesFile: false,
    dropped: 0,
  };
}

/** A form field's or parameter's value as a spec scalar: objects and lists as JSON, a list of scalars joined by `,`. */
export function scalarOf(value: unknown): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value === null || value === undefined) return '';
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    return value.map((v) => (v === null ? '' : String(v))).join(',');
  return JSON.stringify(value);
}

function languageOf(type: string): string {
  if (type.includes('xml')) return 'xml';
  if (type.includes('html')) return 'html';
  if (type.includes('javascript')) return 'javascript';
  return 'text';
}

/** A copy of a JSON value without the keys the spec loader refuses. */
function withSafeKeys(value: unknown, dropped: { count: number }): unknown {
  if (Array.isArray(value)) return value.map((item) => withSafeKeys(item, dropped));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    if (isUnsafeName(key)) dropped.count++;
    else setKey(out, key, withSafeKeys(child, dropped));
  }
  return out;
}

/** Follows `$ref`s (a bounded number of steps) to the schema they name. */
function resolved(
  schema: JsonSchema | undefined,
  definitions: ReadonlyMap<string, JsonSchema>,
): JsonSchema | undefined {
  let current = schema;
  for (let step = 0; step < 16 && typeof current === 'object' && typeof current['$ref'] === 'string'; step++) {
    const ref = current['$ref'] as string;
    current = ref.startsWith('#/definitions/')
      ? definitions.get(decodeURIComponent(ref.slice(14)).replace(/~1/g, '/').replace(/~0/g, '~'))
      : undefined;
  }
  return current;
}

/** The schema of property `key` of an object schema (its own `properties`, or one of its `allOf`'s). */
function propertySchema(
  schema: JsonSchema | undefined,
  key: string,
  definitions: ReadonlyMap<string, JsonSchema>,
): JsonSchema | undefined {
  const pending = [schema];
  for (let seen = 0; pending.length > 0 && seen < 64; seen++) {
    const current = resolved(pending.shift(), definitions);
    if (typeof current !== 'object') continue;
    const properties = current['properties'];
    if (isObject(properties) && Object.hasOwn(properties, key)) return properties[key] as JsonSchema;
    if (Array.isArray(current['allOf'])) pending.push(...(current['allOf'] as JsonSchema[]));
  }
  return undefined;
}

/** A file field: `format: binary` (2.0's `type: file` is translated to it), or a `contentMediaType` other than text. */
function isBinary(schema: JsonSchema | undefined, definitions: ReadonlyMap<string, JsonSchema>): boolean {
  const s = resolved(schema, definitions);
  if (typeof s !== 'object') return false;
  const items = s['type'] === 'array' ? resolved(s['items'] as JsonSchema | undefined, definitions) : undefined;
  const field = typeof items === 'object' ? items : s;
  const media = field['contentMediaType'];
  return field['format'] === 'binary' || (typeof media === 'string' && !media.startsWith('text/'));
}
