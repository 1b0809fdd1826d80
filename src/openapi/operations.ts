// Operations in one shape for every version, in document order (paths as written, then methods as written).
// Path-level and operation-level parameters are merged (the operation's win by `in` + `name`). Non-schema
// references (parameters, responses, request bodies, headers, examples, path items) are followed here; schemas are
// translated by the SchemaRegistry, their references kept as names. Bodies and responses: bodies.ts.
import {
  requestBodyOf,
  responsesOf,
  swaggerBody,
  swaggerSchema,
  swaggerSchemaExample,
  swaggerStyle,
} from './bodies.js';
import {
  child,
  deref,
  exampleOf,
  type Node,
  type OperationContext,
  schemaExample,
  stringList,
  text,
} from './operation-context.js';
import { isObject, type Place } from './refs.js';
import { securityOf, serversOf } from './servers-security.js';
import type { HttpMethod, JsonSchema, Operation, Parameter } from './types.js';

export type { OperationContext };

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const METHOD_SET = new Set<string>(METHODS);

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
