// One operation → one request spec's value: url `{{server}}/path/{{param}}`, required query parameters and
// headers, credentials (convert-security.ts), a body (convert-body.ts), and checks from the documented success
// response: status, content type and the response schema as a file (convert-schemas.ts).
import { sampleSchema } from '../../openapi/sample.js';
import type { OpenApiDocument, Operation, Parameter, Response } from '../../openapi/types.js';
import { variableReference } from '../../spec/variables.js';
import type { ImportWarning } from '../import-error.js';
import { quoted } from '../import-error.js';
import { compact, nonEmptyObject, setKey, type Json } from '../json-util.js';
import { bareMediaType, convertBody, isJsonMediaType, scalarOf } from './convert-body.js';
import { isUnsafeName, isUnsafeValue, plainText, safeValue, type VariableNames } from './convert-names.js';
import type { SchemaFiles } from './convert-schemas.js';
import { credentialsOf, type SecurityPlan } from './convert-security.js';

/** Everything the requests of one document share. */
export interface RequestContext {
  readonly doc: OpenApiDocument;
  readonly security: SecurityPlan;
  readonly schemas: SchemaFiles;
  /** Path parameter variables, taken from the same names as the environment's other variables. */
  readonly names: VariableNames;
  /** Variable → its value and description in the environments: path parameters' examples. */
  readonly pathVariables: Map<string, { readonly value: string | number | boolean; readonly description: string }>;
  /** The base URL variable of an operation (its own `servers`, or the document's). */
  readonly serverVariable: (op: Operation) => string;
  /** The sample upload's `src`, relative to specs/files/; `usedFile` is set when a request uploads it. */
  readonly formFile: string;
  usedFile: boolean;
  readonly warnings: ImportWarning[];
}

/** Headers OpenAPI says a parameter may not define: the request's body and credentials decide them. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
/** A header name: an HTTP token (RFC 9110 §5.6.2). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export interface ConvertedRequest {
  /** The request spec's value, with `openapi.hash` still to fill in. */
  readonly value: Json;
}

/**
 * The request spec for `op`, at `order` in its folder; `schemaPrefix` leads from the request file to --out
 * (`../../`), `slug` names its response schema file.
 */
export function convertOperation(
  op: Operation,
  order: number,
  slug: string,
  schemaPrefix: string,
  context: RequestContext,
): Json {
  const where = `operation ${quoted(op.key)}`;
  const warn = (message: string): void => {
    context.warnings.push({ code: 'W_IMPORT_DROPPED', where, message });
  };
  const credentials = credentialsOf(op, context.doc, context.security);
  const query: Json = {};
  const headers: Json = {};
  for (const parameter of op.parameters) {
    if (!parameter.required || (parameter.in !== 'query' && parameter.in !== 'header')) continue;
    if (parameter.in === 'header' && IGNORED_HEADERS.has(parameter.name.toLowerCase())) continue;
    if (isUnsafeName(parameter.name) || (parameter.in === 'header' && !TOKEN.test(parameter.name))) {
      warn(`${parameter.in} parameter ${quoted(parameter.name)} left out: its name cannot be a spec key`);
      continue;
    }
    const value = scalarOf(exampleOf(parameter, context.doc));
    if (parameter.in === 'query') setKey(query, parameter.name, value);
    else setKey(headers, parameter.name, typeof value === 'string' ? safeValue(value) : value);
  }
  for (const [name, value] of credentials.query) setKey(query, name, value);
  for (const [name, value] of credentials.headers) setKey(headers, name, value);

  const success = successResponse(op.responses);
  const media = success?.content.find((m) => !bareMediaType(m.type).includes('*'));
  const accepted = media === undefined ? undefined : bareMediaType(media.type);
  if (accepted !== undefined && !isUnsafeValue(accepted) && !hasHeader(headers, 'accept'))
    setKey(headers, 'Accept', accepted);

  let body: Json | undefined;
  const requestMedia = op.requestBody?.content[0];
  if (requestMedia !== undefined) {
    const converted = convertBody(requestMedia, context.doc, context.formFile);
    body = converted.body;
    if (converted.usesFile) context.usedFile = true;
    if (converted.dropped > 0) warn(`${converted.dropped} body field(s) whose names hold control characters left out`);
    if (
      converted.contentType !== undefined &&
      !hasHeader(headers, 'content-type') &&
      !isUnsafeValue(converted.contentType)
    )
      setKey(headers, 'Content-Type', converted.contentType);
  }

  const status = success === undefined ? undefined : statusOf(success.status);
  const schema =
    media?.schema !== undefined && accepted !== undefined && isJsonMediaType(accepted)
      ? { file: `${schemaPrefix}${context.schemas.responseFile(media.schema, slug)}` }
      : undefined;
  const expect = compact({
    status,
    contentType: accepted !== undefined && !isUnsafeValue(accepted) ? accepted : undefined,
    schema,
  });
  const inferred = op.extensions.get('x-mvpm-inferred') === true;
  return compact({
    $kind: 'mvpm-request',
    order,
    description: descriptionOf(op),
    method: op.method,
    url: `${variableReference(context.serverVariable(op))}${pathOf(op, context)}`,
    query: nonEmptyObject(query),
    headers: nonEmptyObject(headers),
    auth: credentials.noauth ? { type: 'noauth' } : undefined,
    body,
    expect: nonEmptyObject(expect),
    openapi: compact({ operation: op.key, hash: '', inferred: inferred ? true : undefined }),
  });
}

function hasHeader(headers: Json, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

function descriptionOf(op: Operation): string | undefined {
  const parts = [
    op.deprecated ? '**Deprecated** in the API description.' : undefined,
    op.summary !== undefined && op.description !== undefined ? op.summary : undefined,
    op.description,
  ]
    .filter((part): part is string => part !== undefined)
    .map(plainText)
    .filter((part) => part !== '');
  return parts.length === 0 ? undefined : parts.join('\n\n');
}

/** A parameter's example, else a sample of its schema, else an empty string. */
function exampleOf(parameter: Parameter, doc: OpenApiDocument): unknown {
  if (parameter.hasExample) return parameter.example;
  return parameter.schema === undefined ? '' : sampleSchema(parameter.schema, doc.schemas);
}

/**
 * The path with each `{name}` a `{{variable}}` (the name cleaned into a variable name) and its example value
 * recorded for the environments; literal text with characters a URL may not hold raw is percent-encoded.
 */
function pathOf(op: Operation, context: RequestContext): string {
  return op.path
    .split(/(\{[^{}]*\})/)
    .map((part, i) => {
      if (i % 2 === 0) return encodeLiteral(part);
      const name = part.slice(1, -1);
      const variable = context.names.take(name, 'param', `path ${name}`);
      if (!context.pathVariables.has(variable)) {
        const parameter = op.parameters.find((p) => p.in === 'path' && p.name === name);
        const example = parameter === undefined ? '' : exampleOf(parameter, context.doc);
        const value = scalarOf(example);
        context.pathVariables.set(variable, {
          value: value === '' ? name : value,
          description: `Path parameter \`${safeValue(name)}\` (${op.method} ${safeValue(op.path)}).`,
        });
      }
      return variableReference(variable);
    })
    .join('');
}

/** Literal path text: control and bidirectional characters, white space and braces percent-encoded (UTF-8). */
function encodeLiteral(text: string): string {
  return [...text].map((c) => (/[\s{}]/u.test(c) || isUnsafeValue(c) ? encodeURIComponent(c) : c)).join('');
}

/** The documented success: `200`, else the first other 2xx, else `2XX`. */
export function successResponse(responses: readonly Response[]): Response | undefined {
  return (
    responses.find((r) => r.status === '200') ??
    responses.find((r) => /^2\d\d$/.test(r.status)) ??
    responses.find((r) => r.status === '2XX')
  );
}

function statusOf(status: string): number {
  return status === '2XX' ? 200 : Number(status);
}
