// startStandin(): one node:http server on one origin, like MediaValet's login and API hosts folded together.
// A request whose Host does not name the stand-in is refused first (host-check.ts). The others go to the sign-in
// pages (/interaction/…), to the API (/users, /categories, …), or else to oidc-provider's Koa application, which
// serves /connect/* and /.well-known/openid-configuration.
// Armed faults (faults.ts) act on the API here and on the token endpoint inside the Koa application (token-faults.ts).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenApiWarning } from '../openapi/types.js';
import { createApiHandler, isApiPath, isHandwrittenRoute } from './api.js';
import { ArtifactStore } from './artifact-store.js';
import { addMaxAgeToCookies } from './cookie-max-age.js';
import {
  INTERACTION_PATH_PREFIX,
  createAuthorizationServer,
  createSigningKey,
  withConsentForOfflineAccess,
} from './authorization-server.js';
import { StandinError } from './errors.js';
import { actOutFault } from './fault-effects.js';
import { FaultInjector, resolveFault, type ArmedFault, type StandinFault } from './faults.js';
import { UNKNOWN_HOST_BODY, allowedAuthorities, isAddressedToStandin } from './host-check.js';
import { BodyTooLargeError, sendJson } from './http.js';
import { createInteractionHandler } from './interactions.js';
import { AUTH_ROUTES, DISCOVERY_PATH } from './mediavalet.js';
import {
  resolveStandinOptions,
  unknownOperation,
  type ResolvedStandinOptions,
  type StandinOptions,
} from './options.js';
import { createOpenApiMock, isStandinOwnPath, type MockedOperation, type MockMatch } from './openapi-mock.js';
import { instrumentTokenEndpoint } from './token-faults.js';

/** Absolute URLs of the authorization server's endpoints. */
export interface StandinEndpoints {
  readonly discovery: string;
  readonly authorization: string;
  readonly token: string;
  readonly userinfo: string;
  readonly revocation: string;
  readonly introspection: string;
  readonly jwks: string;
  readonly endSession: string;
}

/** What a running stand-in has served, for tests. Every count starts at 0 when it starts. */
export interface StandinCounters {
  /** Requests to the token endpoint, those a fault answered, delayed or dropped included. */
  readonly tokenRequests: number;
  /** Codes exchanged for tokens (authorization_code grants completed), whether or not the client got the answer. */
  readonly codeGrants: number;
  /**
   * Refresh grants completed: each spent a refresh token and issued its successor, whether or not the client
   * got the answer. Refused refreshes (a spent or unknown token) are not counted.
   */
  readonly refreshGrants: number;
  /** Requests to the API routes, those a fault answered, delayed or dropped included. */
  readonly apiRequests: number;
  /** Times a fault acted (one request hit by a delay and a status counts twice). */
  readonly faultsFired: number;
}

/** The faults of a running stand-in: those of `options.faults`, and those armed since. */
export interface StandinFaultControl {
  /**
   * Arms a fault, after those already armed; it acts on the matching requests that arrive from now on.
   * Throws a {@link StandinError} `E_STANDIN_OPTIONS` naming each problem of a bad fault.
   */
  inject(fault: StandinFault): ArmedFault;
  /** Disarms every fault. */
  clear(): void;
  /** Armed faults in the order they were armed, exhausted ones included. */
  readonly armed: readonly ArmedFault[];
}

/** A running stand-in. */
export interface StandinServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4010`: both `authBaseUrl` and `apiBaseUrl`. */
  readonly url: string;
  /** The OpenID issuer: the same as `url`. */
  readonly issuer: string;
  readonly host: string;
  /** The port listened on; the chosen one when the options asked for port 0. */
  readonly port: number;
  readonly endpoints: StandinEndpoints;
  readonly options: ResolvedStandinOptions;
  /**
   * Makes every code, token, sign-in and session issued so far `seconds` older, as if that much time had
   * passed (tokens issued later are not affected). For tests of expiry: oidc-provider has no clock option,
   * so the stored timestamps move instead of the clock; see ArtifactStore#ageBy.
   */
  advanceTime(seconds: number): void;
  /**
   * Makes every access token issued so far expire now, as if the access-token lifetime had just run out: the API
   * answers them 401 `invalid_token` "access token expired", while refresh tokens and the sign-in are untouched,
   * so a refresh still works. Returns how many were expired.
   */
  expireAccessTokens(): number;
  /** The OpenAPI operations mocked (StandinOptions.openApi), and what could not be mocked as documented. */
  readonly openApi: { readonly operations: readonly MockedOperation[]; readonly warnings: readonly OpenApiWarning[] };
  /** Fault injection: make the token endpoint or the API fail, slow down or hang up, on purpose. */
  readonly faults: StandinFaultControl;
  /** A snapshot of what the stand-in has served so far. */
  readonly counters: StandinCounters;
  /**
   * How many artifacts the stand-in holds now, by oidc-provider model name (`Interaction`, `Session`, `Grant`,
   * `AccessToken`, …; models with none are left out), for tests and diagnostics of its memory.
   */
  storedArtifacts(): Readonly<Record<string, number>>;
  /** Stops listening, drops open connections and forgets every token. */
  close(): Promise<void>;
}

function listen(server: ReturnType<typeof createServer>, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        new StandinError('E_STANDIN_LISTEN', `cannot listen on ${host}:${port}: ${error.code ?? error.message}`, {
          cause: error,
        }),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Starts the stand-in MediaValet (authorization server and API) and resolves once it accepts requests. */
export async function startStandin(options: StandinOptions = {}): Promise<StandinServer> {
  const resolved = resolveStandinOptions(options);
  const signingKey = await createSigningKey();

  let handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async (_req, res) => {
    sendJson(res, 503, { statusCode: 503, message: 'The stand-in is starting.' });
  };
  // Node would refuse an HTTP/1.1 request without Host itself, with an empty 400; the host check refuses it instead,
  // so that every request not addressed to the stand-in, of any HTTP version, gets the same answer.
  const server = createServer({ requireHostHeader: false }, (req, res) => void handle(req, res));
  // The issuer must be the server's URL, known only once the port is: listen first, then build the provider.
  const address = await listen(server, resolved.host, resolved.port);
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const authorities = allowedAuthorities({
    configuredHost: resolved.host,
    address: address.address,
    port: address.port,
  });

  const capReached = new Set<string>();
  const store = new ArtifactStore({
    maxPerModel: { Interaction: resolved.maxInteractions, Session: resolved.maxSessions },
    onEvict: (model) => {
      if (capReached.has(model)) return;
      capReached.add(model);
      const cap =
        model === 'Interaction'
          ? `${resolved.maxInteractions} unfinished sign-ins`
          : `${resolved.maxSessions} browser sessions`;
      resolved.logger({
        level: 'warn',
        message: `more than ${cap}: forgetting the oldest from now on (reported once)`,
      });
    },
  });
  const faults = new FaultInjector(resolved.faults);
  const tally = { tokenRequests: 0, codeGrants: 0, refreshGrants: 0, apiRequests: 0 };
  const provider = createAuthorizationServer({ issuer: url, options: resolved, store, signingKey });
  instrumentTokenEndpoint(provider, faults, tally);
  const authorizationServer = provider.callback();
  const interactions = createInteractionHandler(provider, resolved);
  const api = createApiHandler(provider, resolved);
  const mock = createOpenApiMock(resolved.openApi, provider, resolved);

  /**
   * The API, with its faults: those `before` act ahead of the answer being made, those `after` between making and
   * sending it.
   */
  const serveApi = async (req: IncomingMessage, res: ServerResponse, requestUrl: URL): Promise<void> => {
    tally.apiRequests += 1;
    if (!(await actOutFault(faults.plan('api', 'before', undefined), 'api', res))) return;
    const answer = await api(req, requestUrl);
    const after = faults.plan('api', 'after', undefined);
    if (await actOutFault(after, 'api', res)) sendJson(res, answer.status, answer.body, { ...answer.headers });
    else after.withhold(answer.body);
  };

  /** A mocked OpenAPI operation, with the API's faults; schema-break faults match it by its key. */
  const serveMock = async (
    req: IncomingMessage,
    res: ServerResponse,
    requestUrl: URL,
    match: MockMatch,
  ): Promise<void> => {
    tally.apiRequests += 1;
    const key = match.route.operation.key;
    const before = faults.plan('api', 'before', undefined, key);
    if (!(await actOutFault(before, 'api', res))) return;
    const answer = await mock.answer(match, req, requestUrl, before.breakSchema);
    const after = faults.plan('api', 'after', undefined, key);
    if (!(await actOutFault(after, 'api', res))) {
      after.withhold(answer.body);
      return;
    }
    res.writeHead(answer.status, { ...answer.headers, 'Content-Length': Buffer.byteLength(answer.body) });
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  };

  handle = async (req, res) => {
    if (!isAddressedToStandin(req, authorities)) {
      sendJson(res, 400, UNKNOWN_HOST_BODY);
      return;
    }
    addMaxAgeToCookies(res);
    try {
      const requestUrl = new URL(req.url ?? '/', url);
      if (requestUrl.pathname.startsWith(INTERACTION_PATH_PREFIX))
        return await interactions(req, res, requestUrl.pathname);
      const { pathname } = requestUrl;
      // The hand-written routes answer what they implement; the mock every other operation it was given.
      if (!isHandwrittenRoute(req.method, pathname) && !isStandinOwnPath(pathname)) {
        const match = mock.find(req.method ?? '', pathname);
        if (match) return await serveMock(req, res, requestUrl, match);
      }
      if (isApiPath(pathname)) return await serveApi(req, res, requestUrl);
      if (req.method === 'GET' && requestUrl.pathname === AUTH_ROUTES.authorization) {
        req.url = withConsentForOfflineAccess(req.url ?? '/', requestUrl.searchParams);
      }
      await authorizationServer(req, res);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      if (!tooLarge)
        resolved.logger({ level: 'error', message: `stand-in failed to answer ${req.method} ${req.url}`, error });
      if (res.headersSent) res.destroy();
      else
        sendJson(res, tooLarge ? 413 : 500, {
          statusCode: tooLarge ? 413 : 500,
          message: tooLarge ? 'Request body too large.' : 'Internal server error.',
        });
    }
  };

  const endpoint = (path: string): string => `${url}${path}`;
  return {
    url,
    issuer: url,
    host: address.address,
    port: address.port,
    options: resolved,
    endpoints: {
      discovery: endpoint(DISCOVERY_PATH),
      authorization: endpoint(AUTH_ROUTES.authorization),
      token: endpoint(AUTH_ROUTES.token),
      userinfo: endpoint(AUTH_ROUTES.userinfo),
      revocation: endpoint(AUTH_ROUTES.revocation),
      introspection: endpoint(AUTH_ROUTES.introspection),
      jwks: endpoint(AUTH_ROUTES.jwks),
      endSession: endpoint(AUTH_ROUTES.end_session),
    },
    advanceTime(seconds) {
      if (!Number.isFinite(seconds) || seconds < 0)
        throw new StandinError(
          'E_STANDIN_OPTIONS',
          `advanceTime() needs a number of seconds of 0 or more, got ${String(seconds)}`,
        );
      store.ageBy(seconds);
    },
    expireAccessTokens: () => store.expireAll('AccessToken'),
    openApi: { operations: mock.operations, warnings: mock.warnings },
    faults: {
      inject(fault) {
        const { value, problems } = resolveFault(fault);
        const unknown = value === undefined ? undefined : unknownOperation(value, resolved.openApi);
        if (unknown) problems.push(unknown);
        if (!value || unknown) throw new StandinError('E_STANDIN_OPTIONS', `invalid fault: ${problems.join('; ')}`);
        return faults.arm(value);
      },
      clear: () => faults.clear(),
      get armed() {
        return faults.armed;
      },
    },
    get counters() {
      return Object.freeze({ ...tally, faultsFired: faults.fired });
    },
    storedArtifacts: () => Object.freeze(store.countByModel()),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          store.clear();
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}
