// The part of oidc-provider 8.8's API that the stand-in uses, typed from its sources (lib/provider.js,
// lib/helpers/defaults.js, lib/models/*). oidc-provider ships no types of its own; when the project adds
// `@types/oidc-provider@8.8.1` as a devDependency, delete this file: the stand-in compiles against both.
// Nothing here is re-exported: the stand-in's public types do not mention oidc-provider.

declare module 'oidc-provider' {
  import type { EventEmitter } from 'node:events';
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** What the adapter stores for one model instance (lib/adapters/memory_adapter.js is the reference). */
  export interface AdapterPayload {
    [key: string]: unknown;
    grantId?: string;
    uid?: string;
    userCode?: string;
  }

  /** One instance per model name (AccessToken, Grant, Session, …); see `adapter` in lib/helpers/defaults.js. */
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  /** The Koa context, as far as the configuration helpers below touch it. */
  export interface KoaContextWithOIDC {
    body: unknown;
    type: string;
    status: number;
    readonly host: string;
  }

  export interface Client {
    readonly clientId: string;
    readonly clientName?: string;
    readonly clientAuthMethod: string;
    grantTypeAllowed(type: string): boolean;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: string[]): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  interface BaseToken {
    readonly jti: string;
    readonly kind: string;
    readonly iat: number;
    readonly exp: number;
    readonly clientId: string;
    readonly isExpired: boolean;
    readonly scopes: Set<string>;
    readonly scope?: string;
  }

  export interface AccessToken extends BaseToken {
    readonly accountId: string;
    readonly grantId: string;
    readonly aud?: string | string[];
  }

  export interface AuthorizationCode extends BaseToken {
    readonly accountId: string;
    readonly grantId: string;
  }

  export interface RefreshToken extends BaseToken {
    readonly accountId: string;
    readonly grantId: string;
  }

  export interface FindOptions {
    ignoreExpiration?: boolean;
  }

  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean; ts?: number; amr?: string[]; acr?: string };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
    [key: string]: unknown;
  }

  export interface PromptDetail {
    readonly name: string;
    readonly reasons: string[];
    readonly details: {
      readonly missingOIDCScope?: string[];
      readonly missingOIDCClaims?: string[];
      readonly missingResourceScopes?: Record<string, string[]>;
      readonly [key: string]: unknown;
    };
  }

  export interface Interaction {
    readonly uid: string;
    readonly jti: string;
    readonly prompt: PromptDetail;
    readonly params: Record<string, unknown>;
    readonly returnTo: string;
    readonly grantId?: string;
    readonly session?: { readonly accountId?: string; readonly uid?: string };
    readonly lastSubmission?: InteractionResults;
  }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    readonly jti: string;
    readonly accountId: string;
    readonly clientId: string;
    readonly isExpired: boolean;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
    static find(id: string, options?: FindOptions): Promise<Grant | undefined>;
  }

  export type TTLFunction<T> = (ctx: KoaContextWithOIDC | undefined, token: T, client: Client | undefined) => number;

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    client_name?: string;
    redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    application_type?: 'web' | 'native';
    [key: string]: unknown;
  }

  interface Feature {
    enabled: boolean;
  }

  export interface Configuration {
    adapter?: (name: string) => Adapter;
    clients?: ClientMetadata[];
    clientAuthMethods?: string[];
    responseTypes?: string[];
    clientBasedCORS?: (ctx: KoaContextWithOIDC, origin: string, client: Client) => boolean;
    claims?: Record<string, null | string[]>;
    conformIdTokenClaims?: boolean;
    cookies?: {
      keys?: string[];
      names?: { session?: string; interaction?: string; resume?: string };
      long?: Record<string, unknown>;
      short?: Record<string, unknown>;
    };
    features?: {
      devInteractions?: Feature;
      introspection?: Feature & {
        allowedPolicy?: (ctx: KoaContextWithOIDC, client: Client, token: AccessToken | RefreshToken) => Promise<boolean> | boolean;
      };
      revocation?: Feature;
      userinfo?: Feature;
      pushedAuthorizationRequests?: Feature;
      resourceIndicators?: Feature;
      rpInitiatedLogout?: Feature & {
        logoutSource?: (ctx: KoaContextWithOIDC, form: string) => Promise<void> | void;
        postLogoutSuccessSource?: (ctx: KoaContextWithOIDC) => Promise<void> | void;
      };
    };
    findAccount?: (ctx: KoaContextWithOIDC, sub: string, token?: unknown) => Promise<Account | undefined> | Account | undefined;
    interactions?: {
      url?: (ctx: KoaContextWithOIDC, interaction: Interaction) => Promise<string> | string;
    };
    issueRefreshToken?: (ctx: KoaContextWithOIDC, client: Client, code: AuthorizationCode) => Promise<boolean> | boolean;
    jwks?: { keys: Array<Record<string, unknown>> };
    pkce?: {
      methods?: string[];
      required?: (ctx: KoaContextWithOIDC, client: Client) => boolean;
    };
    renderError?: (ctx: KoaContextWithOIDC, out: Record<string, string>, error: Error) => Promise<void> | void;
    rotateRefreshToken?: boolean | ((ctx: KoaContextWithOIDC) => Promise<boolean> | boolean);
    routes?: Record<string, string>;
    scopes?: string[];
    ttl?: {
      AccessToken?: TTLFunction<AccessToken> | number;
      AuthorizationCode?: TTLFunction<AuthorizationCode> | number;
      IdToken?: TTLFunction<unknown> | number;
      RefreshToken?: TTLFunction<RefreshToken> | number;
      Grant?: TTLFunction<Grant> | number;
      Interaction?: TTLFunction<Interaction> | number;
      Session?: TTLFunction<unknown> | number;
      [key: string]: TTLFunction<never> | number | undefined;
    };
  }

  /** The Koa application oidc-provider runs on: only its error event is used. */
  interface KoaApplication extends EventEmitter {
    silent: boolean;
  }

  export default class Provider extends EventEmitter {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly app: KoaApplication;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    readonly Grant: typeof Grant;
    readonly AccessToken: { find(value: string, options?: FindOptions): Promise<AccessToken | undefined> };
    readonly Client: { find(id: string): Promise<Client | undefined> };
  }
}
