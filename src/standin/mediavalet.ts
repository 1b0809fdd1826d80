// What the stand-in copies from the real MediaValet: paths, scopes and the API gateway's error bodies.
// Real hosts: authorization server https://login.mediavalet.com (issuer string https://iam.mediavalet.com),
// API https://api.mediavalet.com behind Azure API Management. The stand-in serves both from one origin.

/** MediaValet's endpoint paths (IdentityServer's `/connect/*`), relative to the server's URL. */
export const AUTH_ROUTES = Object.freeze({
  authorization: '/connect/authorize',
  token: '/connect/token',
  userinfo: '/connect/userinfo',
  revocation: '/connect/revocation',
  introspection: '/connect/introspect',
  jwks: '/.well-known/openid-configuration/jwks',
  end_session: '/connect/endsession',
});

/** Where discovery is served: MediaValet's path, and the one oidc-provider always uses. */
export const DISCOVERY_PATH = '/.well-known/openid-configuration';

/** The sign-in and consent pages (interactions.ts): `/interaction/<uid>` and its form actions. */
export const INTERACTION_PATH_PREFIX = '/interaction/';

/** The scope the API requires of an access token. */
export const API_SCOPE = 'api';

/** MediaValet's scopes: `openid api` are required, `offline_access` asks for a refresh token. */
export const SUPPORTED_SCOPES: readonly string[] = Object.freeze(['openid', API_SCOPE, 'offline_access']);

/** Azure API Management's answer to a request without `Ocp-Apim-Subscription-Key`, word for word. */
export const MISSING_SUBSCRIPTION_KEY_BODY = Object.freeze({
  statusCode: 401,
  message:
    'Access denied due to missing subscription key. Make sure to include subscription key when making requests to ' +
    'an API.',
});

/** Azure API Management's answer to an unknown subscription key, word for word. */
export const INVALID_SUBSCRIPTION_KEY_BODY = Object.freeze({
  statusCode: 401,
  message:
    'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
});
