// The mocked answer of one OpenAPI operation: its success response (the documented 2XX, 200 first; else `default`
// as 200) with the documented example, else a schema-valid sample (src/openapi/sample.ts), as its first media type
// (JSON first). Computed once per operation, so the same request always gets the same bytes. A `schema-break` fault
// swaps in a version of the body that violates the response schema: a required property dropped, or a wrong type.

import { sampleSchema } from '../openapi/sample.js';
import type { JsonSchema, MediaType, OpenApiDocument, Operation, Response } from '../openapi/types.js';
import type { DocumentValidator } from '../openapi/validate.js';
import { isJsonType } from './openapi-request.js';

export interface MockAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The bytes sent, as text; empty for no body. */
  readonly body: string;
  /** The response body's schema when the answer is JSON: what a schema-break fault breaks. */
  readonly schema?: JsonSchema;
  /** The body's value when it is JSON. */
  readonly value?: unknown;
}

/** The success response: 200, else the first other 2XX (`2XX` as 200), else `default` (as 200). */
export function successResponse(operation: Operation): { status: number; response: Response | undefined } {
  const { responses } = operation;
  const ok = responses.find((r) => r.status === '200') ?? responses.find((r) => /^2(\d\d|XX)$/.test(r.status));
  if (ok) return { status: ok.status === '2XX' ? 200 : Number(ok.status), response: ok };
  return { status: 200, response: responses.find((r) => r.status === 'default') };
}

function preferredMedia(content: readonly MediaType[]): MediaType | undefined {
  return content.find((m) => isJsonType(m.type)) ?? content[0];
}

/** A concrete Content-Type for a documented one: wildcards become the JSON or binary they most likely mean. */
function concreteType(type: string): string {
  if (type === '*/*' || type === 'application/*') return 'application/json';
  if (type.endsWith('/*')) return `${type.slice(0, -1)}octet-stream`;
  return type;
}

/** Computes the answer of an operation; done once, at start-up. */
export function mockAnswer(operation: Operation, document: OpenApiDocument): MockAnswer {
  const { status, response } = successResponse(operation);
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  for (const [name, header] of response?.headers ?? []) {
    if (!header.required || header.schema === undefined || name.toLowerCase() === 'content-type') continue;
    const value = sampleSchema(header.schema, document.schemas);
    headers[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  const media = response === undefined ? undefined : preferredMedia(response.content);
  if (media === undefined || status === 204 || status === 205) return { status, headers, body: '' };
  const type = concreteType(media.type);
  const value = media.hasExample
    ? media.example
    : media.schema !== undefined
      ? sampleSchema(media.schema, document.schemas)
      : undefined;
  if (isJsonType(type)) {
    headers['Content-Type'] = `${type}; charset=utf-8`;
    const body = value === undefined ? '' : JSON.stringify(value);
    return { status, headers, body, ...(media.schema === undefined ? {} : { schema: media.schema }), value };
  }
  headers['Content-Type'] = type.startsWith('text/') ? `${type}; charset=utf-8` : type;
  return {
    status,
    headers,
    body: typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value),
  };
}

/** Versions of a JSON value that its schema may refuse, most telling first. */
function* breakages(value: unknown, depth = 0): Generator<unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value);
    // Drop each property in turn (a required one is refused), then go into each.
    for (const [key] of entries) yield Object.fromEntries(entries.filter(([k]) => k !== key));
    if (depth < 4)
      for (const [key, inner] of entries)
        for (const broken of breakages(inner, depth + 1))
          yield Object.fromEntries(entries.map(([k, v]) => [k, k === key ? broken : v]));
    yield [];
    return;
  }
  if (Array.isArray(value)) {
    if (depth < 4 && value.length > 0)
      for (const broken of breakages(value[0], depth + 1)) yield [broken, ...value.slice(1)];
    yield {};
    return;
  }
  yield typeof value === 'string' ? 12345 : typeof value === 'number' ? 'not a number' : value === null ? 0 : 'true';
  yield { broken: true };
}

/**
 * The answer with a body its response schema refuses (the first breakage the validator rejects), or undefined when
 * the schema accepts anything tried (an empty schema cannot be broken).
 */
export function brokenAnswer(answer: MockAnswer, validator: DocumentValidator): MockAnswer | undefined {
  if (answer.schema === undefined) return undefined;
  let tried = 0;
  for (const broken of breakages(answer.value)) {
    tried += 1;
    if (tried > 200) break;
    if (validator.validate(answer.schema, broken).length > 0)
      return { ...answer, body: JSON.stringify(broken), value: broken };
  }
  return undefined;
}
