// Security schemes → the collection's auth and the requests' credentials. OAuth 2.0 authorization code becomes the
// collection `auth` block and `autoRefresh` of specs/mediavalet (the token endpoint always `{{tokenUrl}}`, so the
// token relay journals every rotation: E_TOKEN_URL_BYPASS), with the support guide's variables; an API key in a
// header or query parameter becomes `{{Name}}` there, backed by a secret variable sent only to the API's servers.
// Anything else is a warning that says what to set up by hand: mvpm writes no credential it cannot keep safe.
import { AUTH_ROUTES } from '../../standin/mediavalet.js';
import type { OAuthFlow, OpenApiDocument, Operation, SecurityRequirement } from '../../openapi/types.js';
import { variableReference } from '../../spec/variables.js';
import type { ImportWarning } from '../import-error.js';
import { quoted } from '../import-error.js';
import { safeValue, type VariableNames } from './convert-names.js';

/** The support guide's variable names (specs/environments/guide-variables.environment.yaml). */
export const OAUTH_VARIABLES = [
  'authBaseUrl',
  'tokenUrl',
  'authorizeUrl',
  'ClientId',
  'ClientSecret',
  'Scope',
  'State',
  'redirect_URI',
  'access_token',
  'refresh_token',
  'access_token_expires_at',
  'previous_refresh_token',
] as const;

/** OAuth 2.0 authorization code, mapped onto the collection. */
export interface OAuthPlan {
  readonly scheme: string;
  /** The token server's origin: `authBaseUrl` in the real environment. */
  readonly authBaseUrl: string;
  /** The token endpoint below it: `{{authBaseUrl}}/connect/token`. */
  readonly tokenUrl: string;
  /** The authorization endpoint as the real environment's `authorizeUrl`, when it is not the guide's. */
  readonly authorizeUrl?: string;
  readonly scopes: readonly string[];
  readonly auth: Record<string, unknown>;
  readonly autoRefresh: Record<string, unknown>;
}

/** An API key sent in a header or a query parameter, from a variable. */
export interface ApiKeyPlan {
  readonly scheme: string;
  readonly in: 'header' | 'query';
  /** The header or query parameter's name. */
  readonly name: string;
  readonly variable: string;
  readonly description?: string;
}

export interface SecurityPlan {
  readonly oauth?: OAuthPlan;
  readonly apiKeys: ReadonlyMap<string, ApiKeyPlan>;
}

/** What one request carries: credentials in headers or query, and `auth: noauth` where the collection's is wrong. */
export interface RequestCredentials {
  readonly headers: readonly (readonly [string, string])[];
  readonly query: readonly (readonly [string, string])[];
  readonly noauth: boolean;
}

const STYLE_URL = 'https://example.invalid';

/** The security plan of `doc`: which schemes its operations use and how each is mapped. */
export function planSecurity(
  doc: OpenApiDocument,
  collectionName: string,
  names: VariableNames,
  warnings: ImportWarning[],
): SecurityPlan {
  const used: string[] = [];
  const note = (requirements: readonly SecurityRequirement[] | undefined): void => {
    for (const requirement of requirements ?? [])
      for (const name of requirement.keys()) if (!used.includes(name)) used.push(name);
  };
  note(doc.security);
  for (const op of doc.operations) note(op.security);
  let oauth: OAuthPlan | undefined;
  const apiKeys = new Map<string, ApiKeyPlan>();
  const warn = (scheme: string, message: string): void => {
    warnings.push({ code: 'W_OPENAPI_SECURITY', where: `security scheme ${quoted(scheme)}`, message });
  };
  for (const name of used) {
    const scheme = doc.securitySchemes.get(name);
    if (scheme === undefined) continue;
    if (scheme.type === 'oauth2') {
      const flow = scheme.flows.authorizationCode;
      if (flow === undefined) {
        const flows = Object.keys(scheme.flows).join(', ') || 'none';
        warn(name, `OAuth 2.0 without the authorization-code flow (flows: ${flows}): set up a token by hand`);
      } else if (oauth !== undefined)
        warn(name, `a second OAuth 2.0 scheme; the collection uses ${quoted(oauth.scheme)}: set this one up by hand`);
      else oauth = planOAuth(name, flow, doc, collectionName, warn);
    } else if (scheme.type === 'apiKey') {
      if (scheme.in === 'cookie') {
        warn(name, `an API key in the cookie ${quoted(scheme.name)}: set the cookie up by hand`);
        continue;
      }
      apiKeys.set(name, {
        scheme: name,
        in: scheme.in,
        name: scheme.name,
        variable: names.take(name, 'ApiKey', `security ${name}`),
        ...(scheme.description === undefined ? {} : { description: scheme.description }),
      });
    } else {
      const what =
        scheme.type === 'http'
          ? `HTTP ${quoted(scheme.scheme)} authentication: add it to the collection's \`auth\` by hand`
          : scheme.type === 'openIdConnect'
            ? 'OpenID Connect discovery: write the collection `auth` block with its endpoints by hand'
            : 'mutual TLS: configure the client certificate in Postman and Newman by hand';
      warn(name, what);
    }
  }
  return { ...(oauth === undefined ? {} : { oauth }), apiKeys };
}

function planOAuth(
  scheme: string,
  flow: OAuthFlow,
  doc: OpenApiDocument,
  collectionName: string,
  warn: (scheme: string, message: string) => void,
): OAuthPlan | undefined {
  const base = doc.servers[0]?.url;
  const token = absoluteUrl(flow.tokenUrl, base);
  if (token === undefined) {
    warn(scheme, 'its token URL is not an absolute http(s) URL: set up the collection `auth` by hand');
    return undefined;
  }
  const authorize = absoluteUrl(flow.authorizationUrl, base);
  const below = (url: URL): string => `${variableReference('authBaseUrl')}${url.pathname}${url.search}`;
  const guideAuthorize = authorize?.origin === token.origin && authorize.pathname === AUTH_ROUTES.authorization;
  const authorizeUrl =
    authorize === undefined ? undefined : authorize.origin === token.origin ? below(authorize) : authorize.href;
  if (authorize === undefined) warn(scheme, 'its authorization URL is not an absolute http(s) URL: set `authorizeUrl`');
  const refresh = absoluteUrl(flow.refreshUrl, base);
  if (refresh !== undefined && refresh.href !== token.href)
    warn(scheme, 'it names a refresh URL other than its token URL; mvpm refreshes at the token URL (`tokenUrl`)');
  const tokenUrl = variableReference('tokenUrl');
  return {
    scheme,
    authBaseUrl: token.origin,
    tokenUrl: below(token),
    ...(guideAuthorize || authorizeUrl === undefined ? {} : { authorizeUrl }),
    scopes: [...flow.scopes.keys()],
    auth: {
      type: 'oauth2',
      credentials: {
        grant_type: 'authorization_code',
        authUrl: guideAuthorize
          ? `${variableReference('authBaseUrl')}${AUTH_ROUTES.authorization}`
          : variableReference('authorizeUrl'),
        accessTokenUrl: tokenUrl,
        refreshTokenUrl: tokenUrl,
        clientId: variableReference('ClientId'),
        clientSecret: variableReference('ClientSecret'),
        scope: variableReference('Scope'),
        state: variableReference('State'),
        redirect_uri: variableReference('redirect_URI'),
        useBrowser: false,
        client_authentication: 'body',
        addTokenTo: 'header',
        tokenName: safeValue(collectionName),
        headerPrefix: 'Bearer',
        accessToken: variableReference('access_token'),
      },
    },
    autoRefresh: {
      tokenUrl,
      clientId: variableReference('ClientId'),
      clientSecret: variableReference('ClientSecret'),
      leewaySeconds: 60,
    },
  };
}

/** `url` as an absolute http(s) URL (resolved against the first server's, when relative), or undefined. */
function absoluteUrl(url: string | undefined, base: string | undefined): URL | undefined {
  if (url === undefined || url === '') return undefined;
  try {
    const resolved = new URL(url, base === undefined || base === '' ? undefined : new URL(base, STYLE_URL));
    if (resolved.origin === STYLE_URL) return undefined;
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The credentials `op` sends: its first security alternative (the operation's own, else the document's), each of
 * its API keys as a `{{variable}}`, and `noauth` when the collection's OAuth 2.0 token is not one of them.
 */
export function credentialsOf(op: Operation, doc: OpenApiDocument, plan: SecurityPlan): RequestCredentials {
  const requirement = (op.security ?? doc.security)[0];
  const headers: [string, string][] = [];
  const query: [string, string][] = [];
  for (const name of requirement?.keys() ?? []) {
    const key = plan.apiKeys.get(name);
    if (key === undefined) continue;
    (key.in === 'header' ? headers : query).push([key.name, variableReference(key.variable)]);
  }
  const usesOAuth = plan.oauth !== undefined && requirement?.has(plan.oauth.scheme) === true;
  return { headers, query, noauth: plan.oauth !== undefined && !usesOAuth };
}
