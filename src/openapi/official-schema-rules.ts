// @readme/openapi-parser's own rules, as the fast official-schema path (official-schema-fast.ts) needs them: not the
// messages, only whether the parser would report anything at all, error or warning. Each function is the parser's
// walk (validators/spec/openapi.ts and swagger.ts, validators/schema.ts' hasInvalidPaths) with the same property
// accesses, so that what would throw there throws here too (the caller then leaves the document to the parser).
// Where repeating a detail exactly would take more than it saves, the check here is stricter: it reports more.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** @readme/openapi-parser's hasInvalidPaths (validators/schema.ts). */
export function hasInvalidPaths(api: Json): boolean {
  const paths = api.paths;
  if (!paths || typeof paths !== 'object' || Array.isArray(paths)) return false;
  return Object.keys(paths).some((p) => !p.startsWith('/'));
}

/**
 * Which rules the parser runs: validateSpec and validateSpecPreSchema ask isOpenAPI first (validateSchema asks
 * isSwagger first; a document with both keys fails the 2.0 schema, so the two never disagree on a pass).
 */
const isSwagger = (api: Json): boolean => !('openapi' in api && api.openapi !== undefined);

/** The parser's runPreSchemaChecks (checkSecuritySchemes, checkSecurityDefinitions): would it report anything? */
export function preSchemaReports(api: Json): boolean {
  if (isSwagger(api)) {
    const definitions = api.securityDefinitions as Record<string, Json> | undefined;
    if (!definitions) return false;
    return Object.keys(definitions).some((name) => {
      const d = definitions[name]!;
      if (d.type === 'http') return true;
      return d.type === 'apiKey' && typeof d.in === 'string' && !['query', 'header'].includes(d.in);
    });
  }
  const schemes = (api.components as Json | undefined)?.securitySchemes as Record<string, Json> | undefined;
  if (!schemes) return false;
  return Object.keys(schemes).some((name) => {
    const scheme = schemes[name]!;
    if ('$ref' in scheme) return false;
    if (!('type' in scheme) || !scheme.type) return true;
    const props = SCHEME_PROPS[scheme.type as string];
    if (!props || !Object.hasOwn(SCHEME_PROPS, scheme.type as string)) return true;
    if (props.required.some((p) => !(p in scheme))) return true;
    if (props.foreign.some((p) => p in scheme)) return true;
    if (scheme.type === 'apiKey' && typeof scheme.in === 'string' && !['query', 'header', 'cookie'].includes(scheme.in))
      return true;
    return scheme.type === 'oauth2' && isObject(scheme.flows) && Object.keys(scheme.flows).length === 0;
  });
}

/** checkSecuritySchemes' schemeTypeProps: what each type requires, and the properties of other types. */
const SCHEME_PROPS: Readonly<Record<string, { required: string[]; foreign: string[] }>> = {
  apiKey: { required: ['name', 'in'], foreign: ['scheme', 'bearerFormat', 'flows', 'openIdConnectUrl'] },
  http: { required: ['scheme'], foreign: ['name', 'in', 'flows', 'openIdConnectUrl'] },
  oauth2: { required: ['flows'], foreign: ['name', 'in', 'scheme', 'bearerFormat', 'openIdConnectUrl'] },
  openIdConnect: { required: ['openIdConnectUrl'], foreign: ['name', 'in', 'scheme', 'bearerFormat', 'flows'] },
  mutualTLS: { required: [], foreign: ['name', 'in', 'scheme', 'bearerFormat', 'flows', 'openIdConnectUrl'] },
};

const PATH_TEMPLATE = /\{([^/}]+)}/g;
const COMPONENT_NAME = /^[a-zA-Z0-9.\-_]+$/;
const OPENAPI_METHODS = ['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'trace'];
const SWAGGER_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

/**
 * The parser's validateSpec (validators/spec/openapi.ts and swagger.ts): would it report anything, error or
 * warning? Written as the same walk, with the same property accesses, so that what would throw there throws here.
 */
export function specReports(api: Json): boolean {
  const swagger = isSwagger(api);
  const operationIds = new Set<unknown>();
  const paths = (api.paths || {}) as Record<string, Json>;
  for (const pathName of Object.keys(paths)) {
    const path = paths[pathName];
    if (!path || !pathName.startsWith('/')) continue;
    const pathId = `/paths${pathName}`;
    for (const method of swagger ? SWAGGER_METHODS : OPENAPI_METHODS) {
      const operation = path[method] as Json | undefined;
      if (!operation) continue;
      const id = operation.operationId;
      if (id) {
        if (operationIds.has(id)) return true;
        operationIds.add(id);
      }
      if (swagger ? swaggerParameterReports(api, path, pathId, operation) : parameterReports(path, pathId, operation))
        return true;
      const responses = (operation.responses || {}) as Record<string, Json>;
      for (const code of Object.keys(responses)) {
        const response = responses[code]!;
        if (swagger) {
          if ('$ref' in response || !response) continue;
          if (swaggerResponseReports(code, response)) return true;
        } else if (response && !('$ref' in response) && responseReports(response)) return true;
      }
    }
  }
  if (swagger) {
    const definitions = (api.definitions || {}) as Record<string, Json>;
    for (const name of Object.keys(definitions)) {
      if (!COMPONENT_NAME.test(name)) return true;
      if (requiredPropertyMissing(definitions[name]!)) return true;
    }
    return false;
  }
  const version = api.openapi as string;
  if (version.startsWith('3.0') && api.components) {
    const components = api.components as Record<string, Json>;
    for (const type of Object.keys(components))
      if (Object.keys(components[type]!).some((name) => !COMPONENT_NAME.test(name))) return true;
  }
  if (version.startsWith('3.1')) {
    const count = (v: unknown): number => Object.keys(v || {}).length;
    if (!count(api.paths) && !count(api.webhooks) && !count(api.components)) return true;
  }
  return false;
}

/** Two parameters of one list with the same `in` and `name` (the parser's checkForDuplicates). */
function hasDuplicates(params: readonly Json[], skipRefs: boolean): boolean {
  for (let i = 0; i < params.length - 1; i++)
    for (let j = i + 1; j < params.length; j++) {
      const [outer, inner] = [params[i]!, params[j]!];
      if (skipRefs && ('$ref' in outer || '$ref' in inner)) continue;
      if (outer.name === inner.name && outer.in === inner.in) return true;
    }
  return false;
}

/** The operation's parameters and its path item's that it does not override (validateParameters' reduce). */
function combine(pathParams: Json[], operationParams: Json[]): Json[] {
  return pathParams.reduce<Json[]>((combined, value) => {
    const duplicate = combined.some((param) =>
      '$ref' in param || '$ref' in value ? false : param.in === value.in && param.name === value.name,
    );
    if (!duplicate) combined.push(value);
    return combined;
  }, operationParams.slice());
}

/** validatePathParameters without reports: every path parameter required and in the path, every `{x}` declared. */
function pathParameterReports(params: readonly Json[], pathId: string, unique: boolean): boolean {
  const all = pathId.match(PATH_TEMPLATE) || [];
  if (!unique && new Set(all).size !== all.length) return true;
  const placeholders = unique ? [...new Set(all)] : all;
  for (const param of params) {
    if (unique && !('in' in param)) continue;
    if (param.in !== 'path') continue;
    if (param.required !== true) return true;
    const match = placeholders.indexOf(`{${param.name}}`);
    if (match === -1) return true;
    placeholders.splice(match, 1);
  }
  return placeholders.length > 0;
}

const arrayWithoutItems = (schema: Json): boolean => schema.type === 'array' && !schema.items;

function parameterReports(path: Json, pathId: string, operation: Json): boolean {
  const pathParams = (path.parameters || []) as Json[];
  const operationParams = (operation.parameters || []) as Json[];
  if (hasDuplicates(pathParams, true) || hasDuplicates(operationParams, true)) return true;
  const params = combine(pathParams, operationParams);
  if (pathParameterReports(params, pathId, true)) return true;
  for (const param of params) {
    if ('$ref' in param) continue;
    if (!param.schema && param.content) {
      const content = param.content as Record<string, Json>;
      const types = Object.keys(content);
      if (types.length !== 1) return true;
      const schema = content[types[0]!]!.schema as Json | undefined;
      if (schema && !('$ref' in schema) && arrayWithoutItems(schema)) return true;
      continue;
    }
    const schema = param.schema as Json;
    if ('$ref' in schema) continue;
    if (arrayWithoutItems(schema)) return true;
  }
  return false;
}

function responseReports(response: Json): boolean {
  const headers = (response.headers || {}) as Record<string, Json>;
  for (const name of Object.keys(headers)) {
    const header = headers[name]!;
    if ('$ref' in header) continue;
    if (header.schema) {
      const schema = header.schema as Json;
      if (!('$ref' in schema) && arrayWithoutItems(schema)) return true;
    } else if (header.content && mediaSchemaReports(header.content as Record<string, Json>)) return true;
  }
  return !!response.content && mediaSchemaReports(response.content as Record<string, Json>);
}

function mediaSchemaReports(content: Record<string, Json>): boolean {
  return Object.keys(content).some((type) => {
    const schema = content[type]!.schema as Json | undefined;
    return !!schema && !('$ref' in schema) && arrayWithoutItems(schema);
  });
}

const FORM_DATA = /multipart\/(.*\+)?form-data/;
const URL_ENCODED = /application\/(.*\+)?x-www-form-urlencoded/;

function swaggerParameterReports(api: Json, path: Json, pathId: string, operation: Json): boolean {
  const pathParams = ((path.parameters || []) as Json[]).filter((p) => !('$ref' in p));
  const operationParams = ((operation.parameters || []) as Json[]).filter((p) => !('$ref' in p));
  if (hasDuplicates(pathParams, false) || hasDuplicates(operationParams, false)) return true;
  const params = combine(pathParams, operationParams);
  const body = params.filter((p) => p.in === 'body').length;
  if (body > 1 || (body > 0 && params.some((p) => p.in === 'formData'))) return true;
  if (pathParameterReports(params, pathId, false)) return true;
  for (const param of params) {
    const schema = (param.in === 'body' ? param.schema : param) as Json;
    if (arrayWithoutItems(schema) || requiredPropertyMissing(schema)) return true;
    if (schema.type === 'file') {
      const consumes = (operation.consumes || api.consumes || []) as string[];
      if (!consumes.some((c) => FORM_DATA.test(c) || URL_ENCODED.test(c))) return true;
    }
  }
  return false;
}

function swaggerResponseReports(code: string, response: Json): boolean {
  if (code !== 'default' && (Number(code) < 100 || Number(code) > 599)) return true;
  const headers = (response.headers || {}) as Record<string, Json>;
  if (Object.keys(headers).some((name) => arrayWithoutItems(headers[name]!))) return true;
  if (!response.schema) return false;
  const schema = response.schema as Json;
  return !('$ref' in schema) && arrayWithoutItems(schema);
}

/** validateRequiredPropertiesExist: a `required` name found in neither `properties` nor an `allOf` parent's. */
function requiredPropertyMissing(schema: Json): boolean {
  if (!schema.required || !Array.isArray(schema.required)) return false;
  const props: Record<string, unknown> = {};
  const collect = (s: Json): void => {
    // The parser calls the object's own hasOwnProperty: a property of that name makes it throw, and this too.
    const properties = s.properties as { hasOwnProperty(key: string): boolean } & Json;
    if (properties)
      // biome-ignore lint/suspicious/noPrototypeBuiltins: the parser's call, repeated on purpose
      for (const p of Object.keys(properties)) if (properties.hasOwnProperty(p)) props[p] = properties[p];
    if (s.allOf) for (const parent of s.allOf as Json[]) collect(parent);
  };
  collect(schema);
  return schema.required.some((name) => !props[name as string]);
}
