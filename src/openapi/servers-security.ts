// Servers and security, one shape for every version: 3.x `servers` (their `{variables}` replaced by defaults for
// `url`), 2.0 `schemes` × `host` + `basePath`; 3.x `securitySchemes` and 2.0 `securityDefinitions` (`basic` is
// `http` with scheme `basic`; 2.0's oauth2 `flow` names become 3.x's flow names); security requirements as maps.
import { isObject } from './refs.js';
import type { OAuthFlow, OpenApiVersion, SecurityRequirement, SecurityScheme, Server } from './types.js';

/** 3.x `servers` (a list of Server Objects). */
export function serversOf(value: unknown): Server[] {
  if (!Array.isArray(value)) return [];
  const out: Server[] = [];
  for (const server of value) {
    if (!isObject(server) || typeof server.url !== 'string') continue;
    const variables = new Map<string, { default: string; enum?: readonly string[] }>();
    if (isObject(server.variables))
      for (const [name, variable] of Object.entries(server.variables)) {
        if (!isObject(variable)) continue;
        const enumValues = Array.isArray(variable.enum) ? variable.enum.map(String) : undefined;
        variables.set(name, { default: String(variable.default ?? ''), ...(enumValues ? { enum: enumValues } : {}) });
      }
    const url = server.url.replace(/\{([^{}]+)\}/g, (whole, name: string) => variables.get(name)?.default ?? whole);
    out.push({
      url,
      template: server.url,
      variables,
      ...(typeof server.description === 'string' ? { description: server.description } : {}),
    });
  }
  return out;
}

/** 2.0's `schemes`, `host` and `basePath` as servers: one per scheme (https when none is named). */
export function swaggerServers(document: Record<string, unknown>): Server[] {
  const host = typeof document.host === 'string' ? document.host : undefined;
  const basePath = typeof document.basePath === 'string' ? document.basePath : '';
  if (host === undefined) return basePath ? [{ url: basePath, template: basePath, variables: new Map() }] : [];
  const schemes =
    Array.isArray(document.schemes) && document.schemes.length > 0 ? document.schemes.map(String) : ['https'];
  return schemes.map((scheme) => {
    const url = `${scheme}://${host}${basePath === '/' ? '' : basePath}`;
    return { url, template: url, variables: new Map() };
  });
}

/** A Security Scheme Object (already dereferenced); undefined for one mvpm cannot read. */
export function securitySchemeOf(value: unknown, version: OpenApiVersion): SecurityScheme | undefined {
  if (!isObject(value)) return undefined;
  const description = typeof value.description === 'string' ? { description: value.description } : {};
  switch (value.type) {
    case 'apiKey': {
      const where = value.in === 'query' || value.in === 'cookie' ? value.in : 'header';
      return { type: 'apiKey', ...description, name: String(value.name ?? ''), in: where };
    }
    case 'basic':
      return { type: 'http', ...description, scheme: 'basic' };
    case 'http':
      return {
        type: 'http',
        ...description,
        scheme: String(value.scheme ?? '').toLowerCase(),
        ...(typeof value.bearerFormat === 'string' ? { bearerFormat: value.bearerFormat } : {}),
      };
    case 'openIdConnect':
      return { type: 'openIdConnect', ...description, url: String(value.openIdConnectUrl ?? '') };
    case 'mutualTLS':
      return { type: 'mutualTLS', ...description };
    case 'oauth2':
      return { type: 'oauth2', ...description, flows: version === '2.0' ? swaggerFlows(value) : flowsOf(value.flows) };
    default:
      return undefined;
  }
}

function flowsOf(value: unknown): Extract<SecurityScheme, { type: 'oauth2' }>['flows'] {
  if (!isObject(value)) return {};
  const out: Record<string, OAuthFlow> = {};
  for (const name of ['authorizationCode', 'clientCredentials', 'implicit', 'password'] as const)
    if (isObject(value[name])) out[name] = flowOf(value[name]);
  return out;
}

function swaggerFlows(value: Record<string, unknown>): Extract<SecurityScheme, { type: 'oauth2' }>['flows'] {
  const names = {
    accessCode: 'authorizationCode',
    application: 'clientCredentials',
    implicit: 'implicit',
    password: 'password',
  } as const;
  const name = typeof value.flow === 'string' ? names[value.flow as keyof typeof names] : undefined;
  return name ? { [name]: flowOf(value) } : {};
}

function flowOf(value: Record<string, unknown>): OAuthFlow {
  const scopes = new Map<string, string>();
  if (isObject(value.scopes)) for (const [scope, text] of Object.entries(value.scopes)) scopes.set(scope, String(text));
  return {
    ...(typeof value.authorizationUrl === 'string' ? { authorizationUrl: value.authorizationUrl } : {}),
    ...(typeof value.tokenUrl === 'string' ? { tokenUrl: value.tokenUrl } : {}),
    ...(typeof value.refreshUrl === 'string' ? { refreshUrl: value.refreshUrl } : {}),
    scopes,
  };
}

/** A `security` list; undefined when `value` is not one (the field is absent). */
export function securityOf(value: unknown): SecurityRequirement[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter(isObject)
    .map(
      (requirement) =>
        new Map(
          Object.entries(requirement).map(([name, scopes]) => [
            name,
            Array.isArray(scopes) ? scopes.map(String) : ([] as string[]),
          ]),
        ),
    );
}
