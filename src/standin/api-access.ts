// Who may call the API, checked in MediaValet's order: first the API Management gateway's subscription key,
// then the OAuth 2.0 bearer token (RFC 6750), which is looked up in the authorization server's own store.

import type { IncomingMessage } from 'node:http';
import type Provider from 'oidc-provider';
import { API_SCOPE, INVALID_SUBSCRIPTION_KEY_BODY, MISSING_SUBSCRIPTION_KEY_BODY } from './mediavalet.js';

export interface AccessDenied {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

/** Where a key is sent: an OpenAPI `apiKey` scheme's `name` and `in`. */
export interface KeyLocation {
  readonly name: string;
  readonly in: 'header' | 'query' | 'cookie';
}

/** MediaValet's: API Management's subscription-key header. */
const SUBSCRIPTION_KEY_HEADER: KeyLocation = { name: 'Ocp-Apim-Subscription-Key', in: 'header' };

/**
 * The key comes from where `at` says: by default the `Ocp-Apim-Subscription-Key` header, or else the
 * `subscription-key` query parameter that API Management also reads; for a mocked OpenAPI `apiKey` scheme, its own
 * header or query parameter. The answers are API Management's either way.
 */
export function checkSubscriptionKey(
  req: IncomingMessage,
  query: URLSearchParams,
  keys: readonly string[],
  at: KeyLocation = SUBSCRIPTION_KEY_HEADER,
): AccessDenied | undefined {
  const header = at.in === 'header' ? req.headers[at.name.toLowerCase()] : undefined;
  const fromQuery =
    at.in === 'query'
      ? query.get(at.name)
      : at.name.toLowerCase() === 'ocp-apim-subscription-key'
        ? query.get('subscription-key')
        : null;
  const key = (Array.isArray(header) ? header[0] : header) ?? fromQuery ?? '';
  if (key === '') return { status: 401, body: MISSING_SUBSCRIPTION_KEY_BODY, headers: {} };
  if (!keys.includes(key)) return { status: 401, body: INVALID_SUBSCRIPTION_KEY_BODY, headers: {} };
  return undefined;
}

/** RFC 6750 §3: a challenge naming the error, and a JSON body that says the same. */
function bearerError(realm: string, status: number, error: string, description: string, scope?: string): AccessDenied {
  const fields = [`realm="${realm}"`, `error="${error}"`, `error_description="${description}"`];
  if (scope) fields.push(`scope="${scope}"`);
  return {
    status,
    body: { error, error_description: description, ...(scope ? { scope } : {}) },
    headers: { 'WWW-Authenticate': `Bearer ${fields.join(', ')}` },
  };
}

/**
 * The account behind the request's bearer token, or why there is none. The token must be one the
 * authorization server issued and still holds (not revoked, not part of a revoked sign-in), unexpired — to
 * the second, without the 15 s clock tolerance oidc-provider allows its own endpoints — and carry the
 * `api` scope. These are the checks oidc-provider's introspection endpoint makes, done in-process.
 */
export async function checkBearerToken(
  req: IncomingMessage,
  provider: Provider,
): Promise<{ accountId: string } | AccessDenied> {
  const realm = provider.issuer;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(req.headers.authorization ?? '');
  if (!match?.[1]) {
    // RFC 6750 §3.1: no error code in the challenge when the request has no credentials at all.
    return {
      status: 401,
      body: { error: 'invalid_token', error_description: 'no access token provided' },
      headers: { 'WWW-Authenticate': `Bearer realm="${realm}"` },
    };
  }
  const token = await provider.AccessToken.find(match[1], { ignoreExpiration: true });
  if (!token) return bearerError(realm, 401, 'invalid_token', 'access token is unknown or was revoked');
  if (token.isExpired) return bearerError(realm, 401, 'invalid_token', 'access token expired');
  const grant = await provider.Grant.find(token.grantId, { ignoreExpiration: true });
  if (!grant || grant.isExpired || grant.clientId !== token.clientId || grant.accountId !== token.accountId) {
    return bearerError(realm, 401, 'invalid_token', 'the sign-in behind this access token was revoked');
  }
  if (!token.scopes.has(API_SCOPE))
    return bearerError(realm, 403, 'insufficient_scope', `access token lacks the ${API_SCOPE} scope`, API_SCOPE);
  return { accountId: token.accountId };
}
