// Request bodies, responses, media types and headers. Swagger 2.0 writes them differently: its `body` parameter, or
// its `formData` parameters as one object schema, become a request body; `consumes`/`produces` are the media types
// of bodies and responses; a response's `examples` map media types to examples; and a non-body parameter, a header
// or `items` carries its schema keywords itself (swaggerSchema).
import { child, deref, exampleOf, type Node, type OperationContext, schemaExample, text } from './operation-context.js';
import { isObject, type Place } from './refs.js';
import type { JsonSchema, MediaType, RequestBody, Response } from './types.js';

/** 2.0 `collectionFormat` as 3.x `style`/`explode`. */
export function swaggerStyle(value: Record<string, unknown>): { style?: string; explode?: boolean } {
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
export function swaggerSchema(value: Record<string, unknown>): Record<string, unknown> {
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

/** A 2.0 non-body parameter has no example of its own but `x-example` (read by exampleOf); a default is not one. */
export function swaggerSchemaExample(_value: Record<string, unknown>): { example?: unknown; hasExample: boolean } {
  return { hasExample: false };
}

export function mediaTypeOf(context: OperationContext, place: Place, type: string, value: unknown): MediaType {
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

export function contentOf(context: OperationContext, place: Place, value: unknown): MediaType[] {
  if (!isObject(value)) return [];
  return Object.entries(value).map(([type, media]) => mediaTypeOf(context, child(place, type), type, media));
}

export function requestBodyOf(context: OperationContext, place: Place, raw: unknown): RequestBody | undefined {
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
export function swaggerBody(
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

export function responsesOf(
  context: OperationContext,
  place: Place,
  value: unknown,
  produces: readonly string[],
): Response[] {
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

export function headersOf(
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
