// Operations in one shape for every version, in document order (paths as written, then methods as written).
// Path-level and operation-level parameters are merged (the operation's win by `in` + `name`); 2.0's `body` and
// `formData` parameters become a request body, its `consumes`/`produces` the media types of bodies and responses.
// Non-schema references (parameters, responses, request bodies, headers, examples, path items) are followed here;
// schemas are translated by the SchemaRegistry, their references kept as names.
import { type DocumentFiles, isObject, type Place, refOf, type Resolved } from './refs.js';
import type { SchemaRegistry } from './schemas.js';
import { securityOf, serversOf } from './servers-security.js';
import type {
  HttpMethod,
  JsonSchema,
  MediaType,
  OpenApiVersion,
  Operation,
  Parameter,
  RequestBody,
  Response,
} from './types.js';

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const METHOD_SET = new Set<string>(METHODS);

export interface OperationContext {
  readonly files: DocumentFiles;
  readonly schemas: SchemaRegistry;
  readonly version: OpenApiVersion;
  /** A place as OpenApiDocument pointers are written: `/…` in the root file, `file#/…` in another. */
  readonly pointer: (place: Place) => string;
  /** Reports something mvpm reads past (an `externalValue`). */
  readonly ignored: (place: Place, what: string) => void;
}

/** A value and where it is, references followed. */
interface Node {
  readonly place: Place;
  readonly value: Record<string, unknown>;
}

/** `value` at `place`, its `$ref` chain followed; undefined when it is not an object or cannot be followed. */
function deref(context: OperationContext, place: Place, value: unknown): Node | undefined {
  const ref = refOf(value);
  let resolved: Resolved | undefined = { ...place, value };
  if (ref !== undefined) resolved = context.files.follow(place, ref);
  if (!resolved || !isObject(resolved.value)) return undefined;
  return { place: { file: resolved.file, segments: resolved.segments }, value: resolved.value };
}

function child(place: Place, ...more: (string | number)[]): Place {
  return { file: place.file, segments: [...place.segments, ...more.map(String)] };
}

/** Every operation of the root document's `paths`. */
export function operationsOf(context: OperationContext): Operation[] {
  const root = context.files.root;
  const doc = root.value as Record<string, unknown>;
  const out: Operation[] = [];
  if (!isObject(doc.paths)) return out;
  const globalConsumes = stringList(doc.consumes);
  const globalProduces = stringList(doc.produces);
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    if (path.startsWith('x-')) continue;
    const itemPlace: Place = { file: root.file, segments: ['paths', path] };
    const item = deref(context, itemPlace, rawItem);
    if (!item) continue;
    const pathParameters = Array.isArray(item.value.parameters) ? item.value.parameters : [];
    for (const [key, rawOperation] of Object.entries(item.value)) {
      if (!METHOD_SET.has(key) || !isObject(rawOperation)) continue;
      const opPlace = child(item.place, key);
      const operation = rawOperation;
      const consumes = stringList(operation.consumes) ?? globalConsumes ?? ['application/json'];
      const produces = stringList(operation.produces) ?? globalProduces ?? ['application/json'];
      const all = [
        ...pathParameters.map((p, i) => deref(context, child(item.place, 'parameters', i), p)),
        ...(Array.isArray(operation.parameters) ? operation.parameters : []).map((p, i) =>
          deref(context, child(opPlace, 'parameters', i), p),
        ),
      ].filter((p): p is Node => p !== undefined);
      // The operation's parameter replaces the path's with the same `in` and `name`, where the path's stood.
      const merged = new Map<string, Node>();
      for (const p of all) merged.set(`${String(p.value.in)}\u0000${String(p.value.name)}`, p);
      const parameters = [...merged.values()];
      const bodyParameters = parameters.filter((p) => p.value.in === 'body' || p.value.in === 'formData');
      const requestBody =
        context.version === '2.0'
          ? swaggerBody(context, bodyParameters, consumes)
          : operation.requestBody === undefined
            ? undefined
            : requestBodyOf(context, child(opPlace, 'requestBody'), operation.requestBody);
      const extensions = new Map(Object.entries(operation).filter(([k]) => k.startsWith('x-')));
      const security = securityOf(operation.security);
      const servers = context.version === '2.0' ? undefined : (operation.servers ?? item.value.servers);
      const method = key.toUpperCase() as HttpMethod;
      out.push({
        key: typeof operation.operationId === 'string' ? operation.operationId : `${method} ${path}`,
        ...(typeof operation.operationId === 'string' ? { operationId: operation.operationId } : {}),
        method,
        path,
        tags: stringList(operation.tags) ?? [],
        ...text(operation, 'summary'),
        ...text(operation, 'description'),
        deprecated: operation.deprecated === true,
        parameters: parameters
          .filter((p) => p.value.in !== 'body' && p.value.in !== 'formData')
          .map((p) => parameterOf(context, p)),
        ...(requestBody ? { requestBody } : {}),
        responses: responsesOf(context, child(opPlace, 'responses'), operation.responses, produces),
        ...(security ? { security } : {}),
        ...(servers === undefined ? {} : { servers: serversOf(servers) }),
        extensions,
        pointer: context.pointer(opPlace),
      });
    }
  }
  return out;
}

function parameterOf(context: OperationContext, { place, value }: Node): Parameter {
  let schema: JsonSchema | undefined;
  let schemaValue: unknown;
  let schemaPlace: Place | undefined;
  if (context.version === '2.0') {
    schema = context.schemas.translate(swaggerSchema(value), place);
    schemaValue = value;
  } else if (value.schema !== undefined) {
    schemaPlace = child(place, 'schema');
    schemaValue = value.schema;
    schema = context.schemas.translate(value.schema, schemaPlace);
  } else if (isObject(value.content)) {
    const [type, media] = Object.entries(value.content)[0] ?? [];
    if (type !== undefined && isObject(media) && media.schema !== undefined) {
      schemaPlace = child(place, 'content', type, 'schema');
      schemaValue = media.schema;
      schema = context.schemas.translate(media.schema, schemaPlace);
    }
  }
  const example = exampleOf(context, place, value, context.version === '2.0' ? 'x-example' : 'example', () =>
    schemaPlace ? schemaExample(context, schemaPlace, schemaValue) : swaggerSchemaExample(value),
  );
  const where = value.in;
  return {
    name: String(value.name ?? ''),
    in: where === 'path' || where === 'header' || where === 'cookie' ? where : 'query',
    required: value.required === true,
    ...text(value, 'description'),
    deprecated: value.deprecated === true,
    ...(schema === undefined ? {} : { schema }),
    ...example,
    ...(typeof value.style === 'string' ? { style: value.style } : swaggerStyle(value)),
    ...(typeof value.explode === 'boolean' ? { explode: value.explode } : {}),
    pointer: context.pointer(place),
  };
}

/** 2.0 `collectionFormat` as 3.x `style`/`explode`. */
function swaggerStyle(value: Record<string, unknown>): { style?: string; explode?: boolean } {
  switch (value.collectionFormat) {
    case 'multi':
      return { style: 'form', explode: true };
    case 'ssv':
      return { style: 'spaceDelimited', explode: false };
    case 'pipes':
      return { style: 'pipeDelimited', explode: false };
    case 'csv':
      return { style: value.in === 'query' ? 'form' : 'simple', explode: false };
    default:
      return {};
  }
}

/** A 2.0 non-body parameter's (or header's or items') own schema keywords as a schema. */
function swaggerSchema(value: Record<string, unknown>): Record<string, unknown> {
  const {
    name: _n,
    in: _in,
    required: _r,
    description: _d,
    allowEmptyValue: _a,
    collectionFormat: _c,
    ...schema
  } = value;
  if (value.in === 'body' && value.schema !== undefined) return value.schema as Record<string, unknown>;
  return schema;
}

function swaggerSchemaExample(value: Record<string, unknown>): { example?: unknown; hasExample: boolean } {
  if ('default' in value && value.default !== undefined) return { example: value.default, hasExample: true };
  return { hasExample: false };
}

/**
 * The example of a parameter or media type: its own `example`, else the first of its `examples` (3.x Example
 * Objects, references followed; an `externalValue` is never fetched), else what `fallback` finds.
 */
function exampleOf(
  context: OperationContext,
  place: Place,
  value: Record<string, unknown>,
  key: string,
  fallback: () => { example?: unknown; hasExample: boolean },
): { example?: unknown; hasExample: boolean } {
  if (key in value && value[key] !== undefined) return { example: value[key], hasExample: true };
  if (context.version !== '2.0' && isObject(value.examples)) {
    const [name, first] = Object.entries(value.examples)[0] ?? [];
    if (name !== undefined) {
      const example = deref(context, child(place, 'examples', name), first);
      if (example && 'value' in example.value) return { example: example.value.value, hasExample: true };
      if (example && 'externalValue' in example.value)
        context.ignored(child(example.place, 'externalValue'), 'an `externalValue` (mvpm never fetches one)');
    }
  }
  return fallback();
}

/** A schema's own example: `example`, 3.1's `examples[0]`, or its `$ref`'s (one chain followed). */
function schemaExample(
  context: OperationContext,
  place: Place,
  value: unknown,
): { example?: unknown; hasExample: boolean } {
  const node = deref(context, place, value);
  if (!node) return { hasExample: false };
  if ('example' in node.value && node.value.example !== undefined)
    return { example: node.value.example, hasExample: true };
  if (Array.isArray(node.value.examples) && node.value.examples.length > 0)
    return { example: node.value.examples[0], hasExample: true };
  return { hasExample: false };
}

function mediaTypeOf(context: OperationContext, place: Place, type: string, value: unknown): MediaType {
  const media = isObject(value) ? value : {};
  const schemaPlace = child(place, 'schema');
  const schema = media.schema === undefined ? undefined : context.schemas.translate(media.schema, schemaPlace);
  const example = exampleOf(context, place, media, 'example', () =>
    media.schema === undefined ? { hasExample: false } : schemaExample(context, schemaPlace, media.schema),
  );
  return {
    type: type.toLowerCase(),
    ...(schema === undefined ? {} : { schema }),
    ...example,
    pointer: context.pointer(place),
  };
}

function contentOf(context: OperationContext, place: Place, value: unknown): MediaType[] {
  if (!isObject(value)) return [];
  return Object.entries(value).map(([type, media]) => mediaTypeOf(context, child(place, type), type, media));
}

function requestBodyOf(context: OperationContext, place: Place, raw: unknown): RequestBody | undefined {
  const node = deref(context, place, raw);
  if (!node) return undefined;
  return {
    required: node.value.required === true,
    ...text(node.value, 'description'),
    content: contentOf(context, child(node.place, 'content'), node.value.content),
    pointer: context.pointer(node.place),
  };
}

/** 2.0's `body` parameter, or its `formData` parameters as one object, as a request body. */
function swaggerBody(
  context: OperationContext,
  parameters: readonly Node[],
  consumes: readonly string[],
): RequestBody | undefined {
  const body = parameters.find((p) => p.value.in === 'body');
  if (body) {
    const schemaPlace = child(body.place, 'schema');
    const schema =
      body.value.schema === undefined ? undefined : context.schemas.translate(body.value.schema, schemaPlace);
    const example = exampleOf(context, body.place, body.value, 'x-example', () =>
      schemaExample(context, schemaPlace, body.value.schema),
    );
    return {
      required: body.value.required === true,
      ...text(body.value, 'description'),
      content: consumes.map((type) => ({
        type: type.toLowerCase(),
        ...(schema === undefined ? {} : { schema }),
        ...example,
        pointer: context.pointer(body.place),
      })),
      pointer: context.pointer(body.place),
    };
  }
  const form = parameters.filter((p) => p.value.in === 'formData');
  const first = form[0];
  if (!first) return undefined;
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const p of form) {
    const name = String(p.value.name ?? '');
    Object.defineProperty(properties, name, {
      value: context.schemas.translate(swaggerSchema(p.value), p.place),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    if (p.value.required === true) required.push(name);
  }
  const schema: JsonSchema = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
  const hasFile = form.some((p) => p.value.type === 'file');
  const formTypes = consumes.filter((t) => /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(t));
  const types =
    formTypes.length > 0 ? formTypes : [hasFile ? 'multipart/form-data' : 'application/x-www-form-urlencoded'];
  return {
    required: required.length > 0,
    content: types.map((type) => ({
      type: type.toLowerCase(),
      schema,
      hasExample: false,
      pointer: context.pointer(first.place),
    })),
    pointer: context.pointer(first.place),
  };
}

function responsesOf(context: OperationContext, place: Place, value: unknown, produces: readonly string[]): Response[] {
  if (!isObject(value)) return [];
  const out: Response[] = [];
  for (const [status, raw] of Object.entries(value)) {
    if (status.startsWith('x-')) continue;
    const node = deref(context, child(place, status), raw);
    if (!node) continue;
    const response = node.value;
    let content: MediaType[];
    if (context.version === '2.0') {
      const schemaPlace = child(node.place, 'schema');
      const schema =
        response.schema === undefined ? undefined : context.schemas.translate(response.schema, schemaPlace);
      const examples = isObject(response.examples) ? response.examples : {};
      content =
        response.schema === undefined && Object.keys(examples).length === 0
          ? []
          : produces.map((type) => {
              const own = Object.entries(examples).find(([t]) => t.toLowerCase() === type.toLowerCase());
              const example = own
                ? { example: own[1], hasExample: true }
                : schemaExample(context, schemaPlace, response.schema);
              return {
                type: type.toLowerCase(),
                ...(schema === undefined ? {} : { schema }),
                ...example,
                pointer: context.pointer(node.place),
              };
            });
    } else content = contentOf(context, child(node.place, 'content'), response.content);
    out.push({
      status: status.toUpperCase(),
      ...text(response, 'description'),
      content,
      headers: headersOf(context, child(node.place, 'headers'), response.headers),
      pointer: context.pointer(node.place),
    });
  }
  return out;
}

function headersOf(
  context: OperationContext,
  place: Place,
  value: unknown,
): ReadonlyMap<string, { readonly required: boolean; readonly schema?: JsonSchema }> {
  const out = new Map<string, { required: boolean; schema?: JsonSchema }>();
  if (!isObject(value)) return out;
  for (const [name, raw] of Object.entries(value)) {
    const node = deref(context, child(place, name), raw);
    if (!node) continue;
    const schema =
      context.version === '2.0'
        ? context.schemas.translate(swaggerSchema(node.value), node.place)
        : node.value.schema === undefined
          ? undefined
          : context.schemas.translate(node.value.schema, child(node.place, 'schema'));
    out.set(name, { required: node.value.required === true, ...(schema === undefined ? {} : { schema }) });
  }
  return out;
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

function text(
  value: Record<string, unknown>,
  key: 'summary' | 'description',
): { summary?: string; description?: string } {
  return typeof value[key] === 'string' ? { [key]: value[key] } : {};
}
