import { randomBytes } from 'node:crypto';
import { RunError } from './errors.js';
import { adoptState, checkStateBinding } from './state-binding.js';
import {
  emptyState,
  readState,
  writeState,
  type StateBinding,
  type StoredTokenState,
  type TokenState,
} from './state-file.js';
import { lockState } from './state-lock.js';
import { afterTokenCall } from './token-journal.js';

export interface AuthorizeRequest {
  /** The authorization endpoint, resolved (the OAuth 2.0 `authUrl` the specs declare). */
  readonly authorizeEndpoint: string;
  readonly clientId: string;
  readonly redirectUri: string;
  /** Default `openid api offline_access`: offline_access is what brings a refresh token. */
  readonly scope?: string;
  /** Default: 16 random bytes, hex. */
  readonly state?: string;
}

/** The authorization request (RFC 6749 §4.1.1) a person opens in a browser: `GET <authorizeEndpoint>?…`. */
export function authorizeUrl(request: AuthorizeRequest): { url: string; state: string } {
  const state = request.state ?? randomBytes(16).toString('hex');
  const url = new URL(request.authorizeEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: request.clientId,
    scope: request.scope ?? 'openid api offline_access',
    redirect_uri: request.redirectUri,
    state,
  }).toString();
  return { url: url.toString(), state };
}

/**
 * The code from what the person pasted: the whole redirected URL (checked against `state`, RFC 6749 §10.12) or
 * the bare code. An `error=` in the URL (the person refused, or the request was wrong) is reported as such.
 */
export function codeFromRedirect(pasted: string, expectedState: string): string {
  const text = pasted.trim();
  if (text === '')
    throw new RunError('E_LOGIN', 'nothing was pasted: paste the address the browser ended on (or just its code)');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return text;
  const params = new URL(text).searchParams;
  const error = params.get('error');
  if (error)
    throw new RunError(
      'E_LOGIN',
      `the sign-in ended with ` +
        `${error}${params.get('error_description') ? ` (${params.get('error_description')})` : ''}: start again ` +
        `with \`mvpm login\``,
    );
  const code = params.get('code');
  if (!code)
    throw new RunError(
      'E_LOGIN',
      'that address has no `code`: paste the address the browser ended on after signing in',
    );
  if (params.get('state') !== expectedState)
    throw new RunError(
      'E_LOGIN',
      'that address belongs to another sign-in (its state does not match): use the URL this run printed',
    );
  return code;
}

export interface CodeExchange {
  /** The token endpoint, resolved (see targetServer). */
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly code: string;
  /**
   * Where the client id and secret came from, for the hint after invalid_client (MV_CLIENT_ID and MV_CLIENT_SECRET).
   */
  readonly credentialSources?: string;
}

export interface Tokens {
  readonly refreshToken: string;
  readonly accessToken?: string;
  readonly expiresIn?: number;
}

/**
 * Exchanges the code at the token endpoint (grant_type=authorization_code, client_secret_post). Errors say what to do.
 */
export async function exchangeCode(exchange: CodeExchange, fetchImpl: typeof fetch = fetch): Promise<Tokens> {
  const tokenUrl = exchange.tokenUrl;
  let response: Response;
  try {
    response = await fetchImpl(tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: exchange.code,
        redirect_uri: exchange.redirectUri,
        client_id: exchange.clientId,
        client_secret: exchange.clientSecret,
      }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const url = new URL(tokenUrl);
    throw new RunError(
      'E_LOGIN',
      `could not reach ${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')} ` +
        `(${(error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message})`,
      { cause: error },
    );
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok && typeof body['refresh_token'] === 'string') {
    return {
      refreshToken: body['refresh_token'],
      ...(typeof body['access_token'] === 'string' ? { accessToken: body['access_token'] } : {}),
      ...(typeof body['expires_in'] === 'number' ? { expiresIn: body['expires_in'] } : {}),
    };
  }
  if (response.ok)
    throw new RunError('E_LOGIN', 'signed in, but no refresh token came back: the scope must include offline_access');
  const error = typeof body['error'] === 'string' ? body['error'] : `HTTP ${response.status}`;
  const hint =
    error === 'invalid_grant'
      ? 'the code is single use and lives 60 seconds, and the redirect URI must be the one registered for your ' +
        'client: sign in again and paste at once'
      : error === 'invalid_client'
        ? `check ${exchange.credentialSources ?? 'the client id and secret'}`
        : "see the server's answer";
  throw new RunError('E_LOGIN', `the server refused the code (${error}): ${hint}`);
}

/**
 * Starts a new chain in the state file (under its lock): the new refresh token, any old flags cleared. A file of
 * another server or client is refused (E_STATE_MISMATCH) and left as it is; the caller checks that before the
 * code is exchanged too (checkLoginState), so this refusal only happens when the file changed meanwhile.
 */
export async function saveLogin(
  stateFile: string,
  binding: StateBinding,
  tokens: Tokens,
  now = new Date(),
): Promise<TokenState> {
  const release = await lockState(stateFile);
  try {
    const stored = readState(stateFile);
    if (stored) checkStateBinding(stored, binding, stateFile);
    const previous = stored ? adoptState(stored, binding) : emptyState(binding, now);
    const state = afterTokenCall(previous, { grantType: 'authorization_code' }, { kind: 'issued', ...tokens }, now);
    writeState(stateFile, state);
    return state;
  } finally {
    await release();
  }
}

/**
 * Before a sign-in sends the client secret: the state file it will save to must be absent or of this server and client.
 */
export function checkLoginState(stateFile: string, binding: StateBinding): void {
  const stored = readState(stateFile);
  if (stored) checkStateBinding(stored, binding, stateFile);
}

/** The state file's current refresh token, when it is safe to use (not spent, not in doubt, chain not ended). */
export function currentRefreshToken(state: StoredTokenState | undefined): string | undefined {
  const token = state?.refreshToken;
  if (!token || state.dead) return undefined;
  return token;
}
