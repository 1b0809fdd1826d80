// startStandin(): one node:http server on one origin, like MediaValet's login and API hosts folded together.
// Requests go to the sign-in pages (/interaction/…), to the API (/users, /categories, …), or else to
// oidc-provider's Koa application, which serves /connect/* and /.well-known/openid-configuration.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiHandler, isApiPath } from './api.js';
import { ArtifactStore } from './artifact-store.js';
import { INTERACTION_PATH_PREFIX, createAuthorizationServer, createSigningKey, withConsentForOfflineAccess } from './authorization-server.js';
import { StandinError } from './errors.js';
import { BodyTooLargeError, sendJson } from './http.js';
import { createInteractionHandler } from './interactions.js';
import { AUTH_ROUTES, DISCOVERY_PATH } from './mediavalet.js';
import { resolveStandinOptions, type ResolvedStandinOptions, type StandinOptions } from './options.js';

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
  /** Stops listening, drops open connections and forgets every token. */
  close(): Promise<void>;
}

function listen(server: ReturnType<typeof createServer>, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(new StandinError('E_STANDIN_LISTEN', `cannot listen on ${host}:${port}: ${error.code ?? error.message}`, { cause: error }));
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
  const server = createServer((req, res) => void handle(req, res));
  // The issuer must be the server's URL, known only once the port is: listen first, then build the provider.
  const address = await listen(server, resolved.host, resolved.port);
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  const store = new ArtifactStore();
  const provider = createAuthorizationServer({ issuer: url, options: resolved, store, signingKey });
  const authorizationServer = provider.callback();
  const interactions = createInteractionHandler(provider, resolved);
  const api = createApiHandler(provider, resolved);

  handle = async (req, res) => {
    try {
      const requestUrl = new URL(req.url ?? '/', url);
      if (requestUrl.pathname.startsWith(INTERACTION_PATH_PREFIX)) return await interactions(req, res, requestUrl.pathname);
      if (isApiPath(requestUrl.pathname)) return await api(req, res, requestUrl);
      if (req.method === 'GET' && requestUrl.pathname === AUTH_ROUTES.authorization) {
        req.url = withConsentForOfflineAccess(req.url ?? '/', requestUrl.searchParams);
      }
      await authorizationServer(req, res);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      if (!tooLarge) resolved.logger({ level: 'error', message: `stand-in failed to answer ${req.method} ${req.url}`, error });
      if (res.headersSent) res.destroy();
      else sendJson(res, tooLarge ? 413 : 500, { statusCode: tooLarge ? 413 : 500, message: tooLarge ? 'Request body too large.' : 'Internal server error.' });
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
      if (!Number.isFinite(seconds) || seconds < 0) throw new StandinError('E_STANDIN_OPTIONS', `advanceTime() needs a number of seconds of 0 or more, got ${String(seconds)}`);
      store.ageBy(seconds);
    },
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
