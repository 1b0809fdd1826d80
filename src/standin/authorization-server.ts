// The stand-in's authorization server: oidc-provider 8.8, configured to behave like MediaValet's
// (https://login.mediavalet.com, an IdentityServer whose issuer string is https://iam.mediavalet.com). Every
// OAuth decision — codes, tokens, rotation, reuse detection, revocation, client authentication, errors — is
// oidc-provider's; this file only configures it. Each setting says why it differs from oidc-provider's default.

import { generateKeyPair, randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { ArtifactStore } from './artifact-store.js';
import { AUTH_ROUTES, INTERACTION_PATH_PREFIX, SUPPORTED_SCOPES } from './mediavalet.js';
import type { ResolvedStandinOptions } from './options.js';
import { renderErrorPage, renderLogoutPage, renderMessagePage } from './pages.js';

/** Where the stand-in's own sign-in and consent pages live (see interactions.ts). */
export { INTERACTION_PATH_PREFIX } from './mediavalet.js';

/** ID tokens are not used to call anything here; one hour, like access tokens by default. */
const ID_TOKEN_TTL = 3600;

const generateRsaKeyPair = promisify(generateKeyPair);

/**
 * A fresh RS256 signing key for ID tokens, as a private JWK. Passing our own key keeps oidc-provider off its
 * bundled development keystore (which is public, and makes it print a warning).
 */
export async function createSigningKey(): Promise<Record<string, unknown>> {
  const { privateKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

export interface AuthorizationServerContext {
  /** The server's own URL, used as the issuer (MediaValet's issuer string differs from its URL; ours cannot). */
  readonly issuer: string;
  readonly options: ResolvedStandinOptions;
  readonly store: ArtifactStore;
  readonly signingKey: Record<string, unknown>;
}

export function createAuthorizationServer({
  issuer,
  options,
  store,
  signingKey,
}: AuthorizationServerContext): Provider {
  const { client, user, logger } = options;
  const html = (ctx: KoaContextWithOIDC, page: string): void => {
    ctx.type = 'html';
    ctx.body = page;
  };

  const configuration: Configuration = {
    adapter: store.adapterFactory,
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        client_name: client.name,
        redirect_uris: [...client.redirectUris],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        // What Postman sends (client_authentication "body"). oidc-provider accepts client_secret_basic for this
        // client too: a client with a secret may use either (lib/shared/token_auth.js).
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    // Random per start: cookies from an earlier run are ignored, and oidc-provider does not warn about missing keys.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: {
      // Our own sign-in pages (interactions.ts) replace the development ones, which print a warning.
      devInteractions: { enabled: false },
      introspection: {
        enabled: true,
        // A client may introspect only the tokens issued to it (the default would also print a notice).
        allowedPolicy: (_ctx, requester, token) => token.clientId === requester.clientId,
      },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      // MediaValet has no pushed authorization requests and no resource indicators; `api` is a plain scope.
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => html(ctx, renderLogoutPage(form)),
        postLogoutSuccessSource: (ctx) =>
          html(ctx, renderMessagePage('Signed out', 'You are signed out of the MediaValet stand-in.')),
      },
    },
    findAccount: (_ctx, sub) => (sub === user.sub ? { accountId: sub, claims: () => ({ sub }) } : undefined),
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH_PREFIX}${interaction.uid}` },
    // MediaValet issues a refresh token exactly when `offline_access` is granted (this is also oidc-provider's
    // default rule, stated here because the stand-in depends on it). oidc-provider drops `offline_access` from
    // a request without `prompt=consent` (lib/actions/authorization/check_scope.js, per OpenID Connect Core
    // §11); the request router adds that prompt when it is missing: see withConsentForOfflineAccess().
    issueRefreshToken: (_ctx, requester, code) =>
      requester.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    jwks: { keys: [signingKey] },
    // MediaValet's flow has no PKCE, and oidc-provider 8 requires it by default for every client. A request
    // that sends a code_challenge (S256) is still held to it at the token endpoint.
    pkce: { methods: ['S256'], required: () => false },
    renderError: (ctx, out) =>
      html(ctx, renderErrorPage('Sign-in error', [out.error, out.error_description].filter(Boolean).join(': '))),
    // Every refresh returns a new refresh token and spends the old one, as MediaValet does. oidc-provider's
    // default rotates a confidential client's token only past 70% of its lifetime. Replaying a spent refresh
    // token (or code) is refused with invalid_grant and revokes every token of that sign-in
    // (lib/actions/grants/refresh_token.js, authorization_code.js: revoke() by grant id).
    rotateRefreshToken: true,
    routes: { ...AUTH_ROUTES },
    // MediaValet's flow is the authorization code flow only, with a client secret in the body or in Basic
    // auth; the defaults would also offer implicit and hybrid flows, public clients and JWT client assertions.
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    scopes: [...SUPPORTED_SCOPES],
    // Every lifetime is set: the defaults are fine but print a "you SHOULD change" notice when first used.
    ttl: {
      AccessToken: () => options.accessTokenTtl,
      AuthorizationCode: () => options.codeTtl,
      IdToken: () => ID_TOKEN_TTL,
      RefreshToken: () => options.refreshTokenTtl,
      // The sign-in (grant) bounds its refresh tokens: rotation renews a token, not the sign-in.
      Grant: () => options.refreshTokenTtl,
      Session: () => options.refreshTokenTtl,
      // How long a person has to finish signing in; the store also caps how many wait at once (maxInteractions).
      Interaction: () => options.interactionTtl,
    },
    // Postman's browser agent sends an Origin header; the stand-in serves any local tool.
    clientBasedCORS: () => true,
  };

  const provider = new Provider(issuer, configuration);
  // Koa prints unhandled errors to stderr unless the app has an error listener: report them instead.
  provider.app.on('error', (error: unknown) =>
    logger({ level: 'error', message: 'authorization server error', error }),
  );
  provider.on('server_error', (_ctx: unknown, error: unknown) =>
    logger({ level: 'error', message: 'authorization server error', error }),
  );
  provider.on('grant.revoked', (_ctx: unknown, grantId: string) => {
    logger({ level: 'info', message: `sign-in ${grantId} revoked: its refresh and access tokens no longer work` });
  });
  for (const event of [
    'authorization.error',
    'grant.error',
    'revocation.error',
    'introspection.error',
    'userinfo.error',
  ]) {
    // error_detail says what error_description keeps from the client, e.g. "refresh token already used".
    provider.on(
      event,
      (_ctx: unknown, error: { error?: string; error_description?: string; error_detail?: string }) => {
        logger({
          level: 'info',
          message:
            `${event}: ` + `${[error.error, error.error_detail ?? error.error_description].filter(Boolean).join(': ')}`,
        });
      },
    );
  }
  return provider;
}

/**
 * An authorization request URL, with `prompt=consent` added when it asks for `offline_access` without any
 * `prompt`. MediaValet grants `offline_access` (a refresh token) without it — Postman never sends one — while
 * oidc-provider would silently drop the scope. A first sign-in shows the consent page anyway; the only
 * visible effect is that a repeated sign-in in the same browser session asks for consent again.
 * Returns the URL unchanged otherwise.
 */
export function withConsentForOfflineAccess(requestUrl: string, query: URLSearchParams): string {
  const scopes = (query.get('scope') ?? '').split(' ');
  if (!scopes.includes('offline_access') || query.has('prompt')) return requestUrl;
  return `${requestUrl}${requestUrl.includes('?') ? '&' : '?'}prompt=consent`;
}
