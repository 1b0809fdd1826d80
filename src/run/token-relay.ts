// The token relay: the one place a run's token-endpoint calls go through, whatever runs the collection (Newman or
// the Postman CLI), so that every exchange is journaled the moment it happens. The collections reach it through
// the token-URL variable (TOKEN_URL_VARIABLE), which the run points at the relay; authorize and sign-in traffic
// goes straight to the server. It listens on 127.0.0.1 only, on a random port and an unguessable per-run path,
// and forwards to one URL: the token endpoint recorded for the run. docs/token-relay.md says what it cannot carry.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { isIP, connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { Duplex } from 'node:stream';
import { candidates } from './spent-token-guard.js';
import { answerOutcome, failedTokenCallOutcome, type TokenCall, type TokenOutcome } from './token-journal.js';
import { proxyFor } from './token-relay-proxy.js';

/** The environment variable every token-endpoint URL of the specs goes through; a run sets it to the relay's URL. */
export const TOKEN_URL_VARIABLE = 'tokenUrl';

/** Largest form body the relay takes from a client (a token request is a few hundred bytes). */
export const MAX_REQUEST_BYTES = 64 * 1024;
/** Largest answer the relay reads from the token endpoint. */
export const MAX_ANSWER_BYTES = 1024 * 1024;
/** The upstream timeout when the run sets none (--timeout 0): a token call must end some time. */
export const DEFAULT_TIMEOUT_MS = 120_000;

export interface TokenRelayHooks {
  /** Journals the call (saved, fsync) before the first byte goes upstream; a throw refuses the call. */
  readonly beforeTokenCall: (call: TokenCall) => void;
  /** Journals how the call ended (saved, fsync) before the answer is passed on; a throw answers 500 instead. */
  readonly afterTokenCall: (call: TokenCall, outcome: TokenOutcome) => void;
  /** A token seen in a call or its answer (refresh, access and ID tokens, codes): to be masked. */
  readonly secret: (value: string) => void;
  /**
   * Set against a server whose sign-ins are real: whether the journal records a token as spent. A call that carries
   * one is answered 400 and never forwarded; `withheld` says so.
   */
  readonly isSpent?: (token: string) => boolean;
  readonly withheld?: (text: string) => void;
  /** The token endpoint gave no usable answer: `host` (host:port) and the error code or message. */
  readonly upstreamFailed?: (host: string, code: string) => void;
}

export interface TokenRelayOptions {
  /** The token endpoint: the one URL the relay forwards to (http or https). */
  readonly upstream: string;
  /** Per-call upstream timeout in milliseconds (the run's --timeout); 0: DEFAULT_TIMEOUT_MS. */
  readonly timeoutMs: number;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Certificates to trust instead of Node's store (tests only). By default Node's store is used, so
   * NODE_EXTRA_CA_CERTS applies.
   */
  readonly ca?: string | Buffer;
  readonly hooks: TokenRelayHooks;
}

export interface TokenRelay {
  /** `http://127.0.0.1:<port>/<random path>`: the value of TOKEN_URL_VARIABLE for the run. */
  readonly url: string;
  /** The random path segment: a per-run secret, masked in output. */
  readonly secretPath: string;
  /** Token calls under way (received and not yet journaled as settled). */
  inFlight(): number;
  /** Resolves when no token call is under way. */
  whenIdle(): Promise<void>;
  /** Stops listening, lets calls under way finish (upstream and journal), then resolves. */
  close(): Promise<void>;
}

/** Headers not passed on either way: hop-by-hop ones, the ones the relay sets itself, and cookies. */
const DROPPED = new Set([
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'accept-encoding',
  'content-encoding',
  'cookie',
  'set-cookie',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
]);

/** Starts a relay to `options.upstream` on 127.0.0.1 (random port, random path). */
export async function startTokenRelay(options: TokenRelayOptions): Promise<TokenRelay> {
  const upstream = new URL(options.upstream);
  if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:')
    throw new Error(`the token relay forwards to http(s) only, not ${upstream.protocol}`);
  const secretPath = randomBytes(32).toString('base64url');
  const timeoutMs = options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_TIMEOUT_MS;
  let inFlight = 0;
  let idle: (() => void)[] = [];
  // One token call at a time: a refresh-token chain has one current token, and the journal one pending call.
  let queue: Promise<void> = Promise.resolve();

  const settle = (): void => {
    inFlight -= 1;
    if (inFlight > 0) return;
    const waiting = idle;
    idle = [];
    for (const resolve of waiting) resolve();
  };

  const server = http.createServer({ requestTimeout: timeoutMs + 30_000, headersTimeout: 30_000 }, (req, res) => {
    if (req.url !== `/${secretPath}`) {
      req.resume();
      return reply(res, 404, 'not_found', 'nothing here');
    }
    if (req.method !== 'POST') {
      req.resume();
      res.setHeader('Allow', 'POST');
      return reply(res, 405, 'invalid_request', 'the token relay takes POST only');
    }
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      req.resume();
      return reply(res, 415, 'invalid_request', 'the token relay takes application/x-www-form-urlencoded only');
    }
    inFlight += 1;
    const run = queue.then(() => handle(req, res));
    queue = run.catch(() => undefined);
    void run.catch(() => undefined).finally(settle);
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req, MAX_REQUEST_BYTES, timeoutMs);
    if (body === 'too-large') return reply(res, 413, 'invalid_request', 'the form body is too large');
    if (body === undefined) return; // The client went away before sending its body: nothing to forward.
    const text = body.toString('utf8');
    const form = new URLSearchParams(text);
    const grantTypes = form.getAll('grant_type');
    const refreshTokens = form.getAll('refresh_token');
    if (grantTypes.length !== 1 || refreshTokens.length > 1 || form.getAll('code').length > 1)
      // RFC 6749 section 3.2: a parameter sent twice is invalid_request; it could also hide a second token.
      return reply(res, 400, 'invalid_request', 'grant_type once, refresh_token and code at most once');
    for (const key of ['refresh_token', 'code', 'code_verifier'])
      for (const value of form.getAll(key)) if (value) options.hooks.secret(value);
    const refreshToken = refreshTokens[0];
    const call: TokenCall = { grantType: grantTypes[0]!, ...(refreshToken ? { refreshToken } : {}) };
    const isSpent = options.hooks.isSpent;
    const carried = [text, req.headers.authorization ?? ''].filter(Boolean);
    if (isSpent && carried.some((value) => [...candidates(value)].some(isSpent))) {
      options.hooks.withheld?.(
        'mvpm withheld a token request: it carries a refresh token that an earlier refresh spent, and sending it ' +
          'to a real server would make a strict one revoke the whole sign-in. Nothing was sent.',
      );
      return reply(res, 400, 'invalid_request', 'withheld by mvpm: the refresh token was spent earlier; nothing sent');
    }
    try {
      options.hooks.beforeTokenCall(call);
    } catch {
      return reply(res, 500, 'server_error', 'mvpm could not save the token state; nothing was sent');
    }
    const answer = await forward(upstream, req.headers, body, timeoutMs, options);
    try {
      options.hooks.afterTokenCall(call, answer.outcome);
    } catch {
      return reply(res, 500, 'server_error', 'mvpm could not save the token state; the answer was not passed on');
    }
    if (answer.outcome.kind === 'issued') {
      for (const key of ['refresh_token', 'access_token', 'id_token']) {
        const value = answer.json?.[key];
        if (typeof value === 'string' && value) options.hooks.secret(value);
      }
    }
    if (!answer.response) {
      const failure = answer.failure ?? 'no answer';
      options.hooks.upstreamFailed?.(hostOf(upstream), failure);
      // `mvpm_relay` lets the collection's scripts say what happened as if they had made the call themselves.
      return reply(
        res,
        502,
        'temporarily_unavailable',
        `mvpm's token relay got no answer from ${upstream.host}: ${failure}`,
        {
          mvpm_relay: { code: failure, host: hostOf(upstream), sent: answer.outcome.kind !== 'unsent' },
        },
      );
    }
    if (res.destroyed || req.socket.destroyed) return; // Journaled; the client is gone, the answer is dropped.
    const headers: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(answer.response.headers))
      if (value !== undefined && !DROPPED.has(key)) headers[key] = value;
    headers['content-length'] = String(answer.response.body.length);
    res.writeHead(answer.response.status, headers);
    res.end(answer.response.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/${secretPath}`,
    secretPath,
    inFlight: () => inFlight,
    whenIdle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve)));
      server.closeAllConnections();
      await closed;
    },
  };
}

function reply(
  res: http.ServerResponse,
  status: number,
  error: string,
  description: string,
  extra: Record<string, unknown> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify({ error, error_description: description, ...extra });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The body, 'too-large' past `limit`, or undefined when the client went away or stalled. */
function readBody(
  req: http.IncomingMessage,
  limit: number,
  timeoutMs: number,
): Promise<Buffer | 'too-large' | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => done(undefined), timeoutMs);
    const done = (value: Buffer | 'too-large' | undefined): void => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      resolve(value);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.resume();
        return done('too-large');
      }
      chunks.push(chunk);
    });
    req.once('end', () => done(Buffer.concat(chunks)));
    req.once('aborted', () => done(undefined));
    req.once('error', () => done(undefined));
  });
}

interface Answer {
  readonly outcome: TokenOutcome;
  readonly response?: {
    readonly status: number;
    readonly headers: http.IncomingHttpHeaders;
    readonly body: Buffer;
  };
  readonly json?: Record<string, unknown>;
  /** Why no answer came: an error code or message (never a token). */
  readonly failure?: string;
}

/**
 * Sends the call to `upstream` (through a proxy when the environment names one) and reads the answer. Never throws:
 * every failure becomes an outcome, classified by TOKEN_FAILURES, with `connect` set while nothing was sent yet.
 */
function forward(
  upstream: URL,
  clientHeaders: http.IncomingHttpHeaders,
  body: Buffer,
  timeoutMs: number,
  options: TokenRelayOptions,
): Promise<Answer> {
  return new Promise((resolve) => {
    let connecting = true;
    let finished = false;
    let socket: Duplex | undefined;
    const finish = (answer: Answer): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket?.destroy();
      resolve(answer);
    };
    const fail = (error: Error & { code?: string }): void => {
      const code = typeof error.code === 'string' ? error.code : undefined;
      finish({
        outcome: failedTokenCallOutcome({ ...(code ? { code } : {}), connect: connecting, message: error.message }),
        failure: code ?? error.message,
      });
    };
    const timer = setTimeout(
      () => fail(Object.assign(new Error('no answer within the timeout'), { code: 'ETIMEDOUT' })),
      timeoutMs,
    );
    const headers: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(clientHeaders))
      if (value !== undefined && !DROPPED.has(key)) headers[key] = value;
    headers['host'] = upstream.host;
    headers['accept-encoding'] = 'identity';
    headers['content-length'] = String(body.length);
    const proxy = proxyFor(upstream, options.env ?? process.env);
    openSocket(upstream, proxy, options.ca).then(
      (opened) => {
        socket = opened;
        if (finished) return void opened.destroy();
        connecting = false;
        const request = http.request({
          method: 'POST',
          // Plain http through a proxy: the absolute URL (RFC 9112 section 3.2.2); otherwise the path.
          path: proxy && upstream.protocol === 'http:' ? upstream.href : `${upstream.pathname}${upstream.search}`,
          headers: { ...headers, ...(proxy && upstream.protocol === 'http:' ? proxy.authorization : {}) },
          createConnection: () => opened as Socket,
        });
        request.once('error', fail);
        request.once('response', (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_ANSWER_BYTES) fail(new Error(`the answer is larger than ${MAX_ANSWER_BYTES} bytes`));
            else chunks.push(chunk);
          });
          response.once('error', fail);
          response.once('aborted', () => fail(Object.assign(new Error('answer cut off'), { code: 'ECONNRESET' })));
          response.once('end', () => {
            const status = response.statusCode ?? 0;
            const answerBody = Buffer.concat(chunks);
            const json = parseJson(answerBody);
            finish({
              outcome: status >= 500 ? failedTokenCallOutcome({ status }) : answerOutcome(status, json),
              response: { status, headers: response.headers, body: answerBody },
              ...(json ? { json } : {}),
            });
          });
        });
        request.end(body);
      },
      (error: Error & { code?: string }) => fail(error),
    );
  });
}

/** A connected socket to the upstream (TLS verified, SNI its host name), directly or through the proxy. */
async function openSocket(
  upstream: URL,
  proxy: ReturnType<typeof proxyFor>,
  ca: string | Buffer | undefined,
): Promise<Duplex> {
  const host = upstream.hostname.replace(/^\[|\]$/g, '');
  const port = Number(upstream.port || (upstream.protocol === 'https:' ? 443 : 80));
  if (upstream.protocol === 'http:') {
    return proxy ? tcp(proxy.url.hostname, Number(proxy.url.port || 80)) : tcp(host, port);
  }
  const raw = proxy ? await tunnel(proxy, host, port) : undefined;
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({
      host,
      port,
      ...(raw ? { socket: raw } : {}),
      ...(isIP(host) ? {} : { servername: host }),
      ...(ca ? { ca } : {}),
      rejectUnauthorized: true,
    });
    socket.once('secureConnect', () => {
      socket.removeListener('error', reject);
      resolve(socket);
    });
    socket.once('error', (error) => {
      raw?.destroy();
      reject(error);
    });
  });
}

function tcp(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host, port });
    socket.once('connect', () => {
      socket.removeListener('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** A CONNECT tunnel through `proxy` to host:port. A refusal by the proxy sent nothing to the server. */
function tunnel(proxy: NonNullable<ReturnType<typeof proxyFor>>, host: string, port: number): Promise<Socket> {
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: proxy.url.hostname,
      port: Number(proxy.url.port || 80),
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, ...proxy.authorization },
      agent: false,
    });
    request.once('connect', (response, socket) => {
      if (response.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(
        Object.assign(new Error(`the proxy ${proxy.url.host} refused the tunnel (HTTP ${response.statusCode})`), {
          code: 'ERR_TUNNEL_CONNECTION_FAILED',
        }),
      );
    });
    request.once('error', reject);
    request.end();
  });
}

function hostOf(url: URL): string {
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  if (body.length === 0) return undefined;
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
