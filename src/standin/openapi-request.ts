// A request checked against its OpenAPI operation, before the mock answers it: path parameters typed, required query
// parameters, headers and cookies present and valid, the body of a declared content type and valid against its
// schema. Every problem is listed (bounded), naming the parameter or the body's JSON pointer and what was expected;
// values are described ("a string of 3 characters"), never repeated, since a request may carry a secret anywhere.

import type { IncomingMessage } from 'node:http';
import { flattenSchema } from '../openapi/sample-merge.js';
import type { JsonSchema, MediaType, OpenApiDocument, Operation, Parameter } from '../openapi/types.js';
import type { DocumentValidator } from '../openapi/validate.js';

export interface RequestProblem {
  /** `path`, `query`, `header`, `cookie` or `body`. */
  readonly in: string;
  /** The parameter's name; absent for the body. */
  readonly name?: string;
  /** RFC 6901 pointer into the body (`body` only). */
  readonly pointer?: string;
  readonly message: string;
}

const MAX_PROBLEMS = 20;
/** Headers OpenAPI says parameters must not describe (3.0 §4.7.12): they are checked elsewhere or not at all. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/** The schema's type, refs followed: how a parameter's text is read. */
function typeOf(schema: JsonSchema | undefined, document: OpenApiDocument): string | undefined {
  if (schema === undefined) return undefined;
  const flat = flattenSchema(schema, document.schemas).schema;
  const type = flat === false ? undefined : flat['type'];
  if (typeof type === 'string') return type;
  return Array.isArray(type) ? (type.find((t) => t !== 'null') as string | undefined) : undefined;
}

/** Parameter text as the value its schema describes; text that is not such a value is left as text (and fails). */
function coerce(text: string, type: string | undefined): unknown {
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : text;
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (type === 'null' && text === '') return null;
  return text;
}

function parameterValue(parameter: Parameter, texts: readonly string[], document: OpenApiDocument): unknown {
  const type = typeOf(parameter.schema, document);
  if (type !== 'array') return coerce(texts[0] ?? '', type);
  const flat = parameter.schema === undefined ? false : flattenSchema(parameter.schema, document.schemas).schema;
  const itemType = flat === false ? undefined : typeOf(flat['items'] as JsonSchema | undefined, document);
  // form + explode (the default for query): `a=1&a=2`; otherwise comma-separated (style simple, or form unexploded).
  const items = texts.length > 1 || parameter.explode === true ? texts : (texts[0] ?? '').split(',');
  return items.map((item) => coerce(item, itemType));
}

function cookies(req: IncomingMessage): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) found.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return found;
}

function rawTexts(
  parameter: Parameter,
  req: IncomingMessage,
  query: URLSearchParams,
  pathParams: Readonly<Record<string, string>>,
): string[] {
  switch (parameter.in) {
    case 'path':
      return pathParams[parameter.name] === undefined ? [] : [pathParams[parameter.name] as string];
    case 'query':
      return query.getAll(parameter.name);
    case 'header': {
      const value = req.headers[parameter.name.toLowerCase()];
      return value === undefined ? [] : Array.isArray(value) ? value : [value];
    }
    case 'cookie': {
      const value = cookies(req).get(parameter.name);
      return value === undefined ? [] : [value];
    }
  }
}

/** The media type of a request (`application/json`), without parameters, lower-cased. */
export function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The operation's media type that `type` falls under: exact first, then `application/*`, then `*\/*`. */
export function matchMediaType(content: readonly MediaType[], type: string): MediaType | undefined {
  const [major] = type.split('/');
  return (
    content.find((m) => m.type === type) ??
    content.find((m) => m.type === `${major}/*`) ??
    content.find((m) => m.type === '*/*')
  );
}

export const isJsonType = (type: string): boolean => type === 'application/json' || /^[^/]+\/[^;]*\+json$/.test(type);

/** The body as the value its schema describes, or a problem. Multipart and binary bodies are not read. */
function parseBody(text: string, type: string): { value: unknown } | { problem: string } | undefined {
  if (isJsonType(type)) {
    try {
      return { value: JSON.parse(text) };
    } catch {
      return { problem: `the body is not valid JSON (${type})` };
    }
  }
  if (type === 'application/x-www-form-urlencoded') return { value: Object.fromEntries(new URLSearchParams(text)) };
  if (type.startsWith('text/')) return { value: text };
  return undefined;
}

/** Every problem of a request with its operation, the body read by the caller (bounded in size). */
export function checkRequest(
  operation: Operation,
  document: OpenApiDocument,
  validator: DocumentValidator,
  request: {
    readonly req: IncomingMessage;
    readonly query: URLSearchParams;
    readonly pathParams: Readonly<Record<string, string>>;
    readonly body: string;
  },
): RequestProblem[] {
  const problems: RequestProblem[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === 'header' && IGNORED_HEADERS.has(parameter.name.toLowerCase())) continue;
    const texts = rawTexts(parameter, request.req, request.query, request.pathParams);
    const where = { in: parameter.in, name: parameter.name };
    if (texts.length === 0) {
      if (parameter.required) problems.push({ ...where, message: `missing required ${parameter.in} parameter` });
      continue;
    }
    if (parameter.schema === undefined) continue;
    const value = parameterValue(parameter, texts, document);
    for (const violation of validator.validate(parameter.schema, value))
      problems.push({
        ...where,
        message: `${violation.pointer === '' ? '' : `${violation.pointer}: `}${violation.message}`,
      });
  }
  const body = operation.requestBody;
  if (body) {
    const type = mediaTypeOf(request.req.headers['content-type']);
    if (request.body === '') {
      if (body.required) problems.push({ in: 'body', message: 'missing required request body' });
    } else {
      const media = matchMediaType(body.content, type);
      if (!media && body.content.length > 0) {
        problems.push({
          in: 'body',
          message:
            `expected Content-Type ${body.content.map((m) => m.type).join(' or ')}, ` +
            `got ${type === '' ? 'none' : JSON.stringify(type.slice(0, 100))}`,
        });
      } else if (media?.schema !== undefined) {
        const parsed = parseBody(request.body, type);
        if (parsed && 'problem' in parsed) problems.push({ in: 'body', message: parsed.problem });
        else if (parsed)
          for (const violation of validator.validate(media.schema, parsed.value))
            problems.push({ in: 'body', pointer: violation.pointer, message: violation.message });
      }
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}
