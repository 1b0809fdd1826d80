// Options of the stand-in, their defaults, and their validation. The defaults are the values committed in
// environments/local-standin.postman_environment.json, so the generated collection works against a stand-in
// started without options.

import type { OpenApiDocument } from '../openapi/types.js';
import { StandinError } from './errors.js';
import { resolveFault, type ResolvedStandinFault, type StandinFault } from './faults.js';

/** A confidential OAuth 2.0 client of the stand-in's authorization server. */
export interface StandinClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Exact redirect URIs (RFC 6749 §3.1.2); an authorization request must use one of them. */
  readonly redirectUris: readonly string[];
  /** Shown on the consent page. */
  readonly name: string;
}

/** The one account that can sign in, with the profile `GET /users/current` returns. */
export interface StandinUser {
  /** Subject identifier: the `sub` claim and the user's `id` in the API. */
  readonly sub: string;
  readonly username: string;
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly emailAddress: string;
  readonly orgUnitId: string;
  readonly roleId: string;
  readonly userType: string;
  readonly permissions: readonly string[];
}

export interface StandinLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly error?: unknown;
}

export type StandinLogger = (entry: StandinLogEntry) => void;

export interface StandinOptions {
  /**
   * Interface to listen on. Default `127.0.0.1`: the stand-in is for this machine only. Whatever it is, requests
   * are answered only when their `Host` names this value, the address listened on, `127.0.0.1`, `localhost` or
   * `[::1]`, with the port listened on; any other `Host` gets 400 (see host-check.ts).
   */
  readonly host?: string;
  /** TCP port; `0` picks a free one (read it back from the handle). Default `4010`. */
  readonly port?: number;
  /** Access-token lifetime in seconds, returned as `expires_in`. Default `3600`, as MediaValet. */
  readonly accessTokenTtl?: number;
  /** Authorization-code lifetime in seconds. Default `60`, as MediaValet. */
  readonly codeTtl?: number;
  /**
   * Refresh-token lifetime in seconds; every refresh returns a new one with a fresh lifetime, but never beyond
   * the sign-in's own lifetime, which is the same number of seconds from sign-in. Default `1209600` (14 days).
   */
  readonly refreshTokenTtl?: number;
  /**
   * How long a person has to finish a sign-in, in seconds: a sign-in (oidc-provider's Interaction) started by an
   * authorization request and not finished within this time shows "Sign-in expired". Default `3600` (one hour, as
   * oidc-provider's default).
   */
  readonly interactionTtl?: number;
  /**
   * The most unfinished sign-ins kept at once. Starting one more forgets the one started (or last advanced) longest
   * ago, whose page then says "Sign-in expired"; a new sign-in is never refused. Bounds the memory of a stand-in
   * whose sign-ins are abandoned (a browser tab closed, a script that only sends authorization requests).
   * Default `1000`, the size of oidc-provider's own in-memory store.
   */
  readonly maxInteractions?: number;
  /**
   * The most browser sessions (oidc-provider's Session: who is signed in, per cookie) kept at once; one more
   * forgets the one used longest ago. That browser must then sign in again, and its access tokens issued without
   * `offline_access` stop working, as oidc-provider ties those to the session; tokens of `offline_access` sign-ins
   * are not tied to it. Default `10000`.
   */
  readonly maxSessions?: number;
  /** The OAuth client. Default {@link DEMO_CLIENT}. */
  readonly client?: StandinClient;
  /** The account that can sign in. Default {@link DEMO_USER}. */
  readonly user?: StandinUser;
  /** Values of `Ocp-Apim-Subscription-Key` the API accepts. Default `[DEMO_SUBSCRIPTION_KEY]`. */
  readonly subscriptionKeys?: readonly string[];
  /**
   * Receives what the server would otherwise have nowhere to report (server errors, revoked sign-ins). Default: none.
   */
  readonly logger?: StandinLogger;
  /**
   * Faults armed from the start, in this order: the stand-in answers with an error, waits, or closes the
   * connection on the requests they match (see {@link StandinFault}). More can be armed while it runs, with
   * `server.faults.inject()`. Default: none.
   */
  readonly faults?: readonly StandinFault[];
  /**
   * OpenAPI documents (loaded by loadOpenApi) whose operations the stand-in mocks (openapi-mock.ts): the
   * hand-written API routes keep answering what they implement, the mock answers every other operation. Default: none.
   */
  readonly openApi?: readonly OpenApiDocument[];
}

/** Every option resolved: built once by {@link resolveStandinOptions}, passed to each part of the server. */
export interface ResolvedStandinOptions {
  readonly host: string;
  readonly port: number;
  readonly accessTokenTtl: number;
  readonly codeTtl: number;
  readonly refreshTokenTtl: number;
  readonly interactionTtl: number;
  readonly maxInteractions: number;
  readonly maxSessions: number;
  readonly client: StandinClient;
  readonly user: StandinUser;
  readonly subscriptionKeys: readonly string[];
  readonly logger: StandinLogger;
  readonly faults: readonly ResolvedStandinFault[];
  readonly openApi: readonly OpenApiDocument[];
}

/**
 * The demo client of environments/local-standin.postman_environment.json (`ClientId`, `ClientSecret`, `redirect_URI`).
 */
export const DEMO_CLIENT: StandinClient = Object.freeze({
  clientId: 'mvpm-demo-client',
  clientSecret: 'mvpm-demo-secret',
  redirectUris: Object.freeze([
    // Postman's "Get New Access Token", in the app and with "Authorize using browser".
    'https://oauth.pstmn.io/v1/callback',
    'https://oauth.pstmn.io/v1/browser-callback',
    // For scripts and tools on this machine.
    'http://localhost:3000/callback',
  ]),
  name: 'MediaValet Postman (local demo)',
});

/** The demo account: sign in as `demo` / `demo`. */
export const DEMO_USER: StandinUser = Object.freeze({
  sub: '5d3a7c1e-0f4b-4c6a-9e21-7b8d2f1a6c40',
  username: 'demo',
  password: 'demo',
  firstName: 'Demo',
  lastName: 'User',
  emailAddress: 'demo@example.com',
  orgUnitId: '0e8b2c44-6a1d-4f57-8c3e-91d4b7a2f605',
  roleId: 'b7c1d9e2-3f4a-4b5c-8d6e-7f8091a2b3c4',
  userType: 'Standard',
  permissions: Object.freeze(['AssetsView', 'AssetsDownload', 'CategoriesView', 'KeywordsView']),
});

/** The demo subscription key (`SubscriptionKey` in the local environment). */
export const DEMO_SUBSCRIPTION_KEY = 'mvpm-demo-subscription-key';

/** Defaults of the scalar options. */
export const STANDIN_DEFAULTS = Object.freeze({
  host: '127.0.0.1',
  port: 4010,
  accessTokenTtl: 3600,
  codeTtl: 60,
  refreshTokenTtl: 14 * 24 * 60 * 60,
  interactionTtl: 60 * 60,
  maxInteractions: 1000,
  maxSessions: 10_000,
});

const ignore: StandinLogger = () => {};

/** Applies the defaults and checks every option; throws a {@link StandinError} naming each bad one. */
export function resolveStandinOptions(options: StandinOptions = {}): ResolvedStandinOptions {
  const checkedFaults = (options.faults ?? []).map(resolveFault);
  const resolved: ResolvedStandinOptions = {
    host: options.host ?? STANDIN_DEFAULTS.host,
    port: options.port ?? STANDIN_DEFAULTS.port,
    accessTokenTtl: options.accessTokenTtl ?? STANDIN_DEFAULTS.accessTokenTtl,
    codeTtl: options.codeTtl ?? STANDIN_DEFAULTS.codeTtl,
    refreshTokenTtl: options.refreshTokenTtl ?? STANDIN_DEFAULTS.refreshTokenTtl,
    interactionTtl: options.interactionTtl ?? STANDIN_DEFAULTS.interactionTtl,
    maxInteractions: options.maxInteractions ?? STANDIN_DEFAULTS.maxInteractions,
    maxSessions: options.maxSessions ?? STANDIN_DEFAULTS.maxSessions,
    client: options.client ?? DEMO_CLIENT,
    user: options.user ?? DEMO_USER,
    subscriptionKeys: options.subscriptionKeys ?? [DEMO_SUBSCRIPTION_KEY],
    logger: options.logger ?? ignore,
    faults: Object.freeze(checkedFaults.flatMap(({ value }) => (value ? [value] : []))),
    openApi: Object.freeze([...(options.openApi ?? [])]),
  };
  const problems: string[] = [];
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) {
    problems.push(`port must be an integer from 0 to 65535, got ${String(resolved.port)}`);
  }
  // oidc-provider accepts only positive safe integers as lifetimes (Configuration#checkTTL).
  for (const name of ['accessTokenTtl', 'codeTtl', 'refreshTokenTtl', 'interactionTtl'] as const) {
    const value = resolved[name];
    if (!Number.isSafeInteger(value) || value <= 0)
      problems.push(`${name} must be a positive whole number of seconds, got ${String(value)}`);
  }
  for (const name of ['maxInteractions', 'maxSessions'] as const) {
    const value = resolved[name];
    if (!Number.isSafeInteger(value) || value <= 0)
      problems.push(`${name} must be a positive whole number, got ${String(value)}`);
  }
  if (resolved.client.redirectUris.length === 0) problems.push('client.redirectUris must not be empty');
  if (resolved.subscriptionKeys.length === 0 || resolved.subscriptionKeys.some((key) => key === '')) {
    problems.push('subscriptionKeys must hold at least one non-empty key');
  }
  for (const [index, { value, problems: faultProblems }] of checkedFaults.entries()) {
    problems.push(...faultProblems.map((problem) => `faults[${index}]: ${problem}`));
    const unknown = value === undefined ? undefined : unknownOperation(value, resolved.openApi);
    if (unknown) problems.push(`faults[${index}]: ${unknown}`);
  }
  if (problems.length > 0)
    throw new StandinError('E_STANDIN_OPTIONS', `invalid stand-in options: ${problems.join('; ')}`);
  return resolved;
}

/** Why a schema-break fault names no mocked operation, or undefined when it does (or is another kind of fault). */
export function unknownOperation(
  fault: ResolvedStandinFault,
  documents: readonly OpenApiDocument[],
): string | undefined {
  const { effect } = fault;
  if (effect.kind !== 'schema-break') return undefined;
  const keys = documents.flatMap((document) => document.operations.map((operation) => operation.key));
  if (keys.includes(effect.operation)) return undefined;
  const shown = keys.slice(0, 5).join(', ');
  return (
    `schemaBreak: no mocked operation is ${JSON.stringify(effect.operation)}` +
    (keys.length === 0 ? ' (no OpenAPI document is mocked)' : ` (mocked: ${shown}${keys.length > 5 ? ', …' : ''})`)
  );
}
