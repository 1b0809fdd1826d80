import { fingerprint, withSpent, type TokenState } from './state-file.js';

/** A call to the token endpoint, as seen before it is sent. */
export interface TokenCall {
  readonly grantType: string;
  /** The refresh token sent, for `refresh_token` grants. */
  readonly refreshToken?: string;
}

/** How a token call ended. */
export type TokenOutcome =
  | {
      readonly kind: 'issued';
      readonly refreshToken?: string;
      readonly accessToken?: string;
      readonly expiresIn?: number;
    }
  | { readonly kind: 'refused'; readonly status: number; readonly error: string }
  /** The request never reached the server (see TOKEN_FAILURES): nothing was spent, the token is as usable as before. */
  | { readonly kind: 'unsent'; readonly reason: string }
  /** A 5xx, a response timeout or a dropped connection: the server may or may not have processed the grant. */
  | { readonly kind: 'unknown'; readonly reason: string };

/** What a failed token call leaves of the refresh token it carried. */
export type TokenAfterFailure = 'usable' | 'in-doubt';

/**
 * The one table that decides whether a token call that failed may have spent its refresh token (documented in
 * docs/ci.md, "When is a refresh token in doubt"). A failure leaves the token usable only when the request cannot
 * have reached the server's grant handling: no connection was made, or TLS refused the server before a byte of the
 * request went out. Everything else, and any code not listed, leaves it in doubt: the safe side, since a spent
 * token sent again revokes the sign-in.
 */
export const TOKEN_FAILURES: readonly {
  readonly codes: readonly string[];
  readonly after: TokenAfterFailure;
  readonly why: string;
}[] = [
  { codes: ['ECONNREFUSED'], after: 'usable', why: 'nothing listens there: no connection, nothing sent' },
  {
    codes: ['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA'],
    after: 'usable',
    why: 'the host name did not resolve: no connection, nothing sent',
  },
  {
    codes: ['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'],
    after: 'usable',
    why: 'no route to the server: no connection, nothing sent',
  },
  {
    codes: [
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'UNABLE_TO_GET_ISSUER_CERT',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
      'CERT_HAS_EXPIRED',
      'CERT_NOT_YET_VALID',
      'CERT_REVOKED',
      'CERT_UNTRUSTED',
      'CERT_REJECTED',
      'CERT_SIGNATURE_FAILURE',
      'ERR_TLS_CERT_ALTNAME_INVALID',
    ],
    after: 'usable',
    why: "the server's certificate was refused during the TLS handshake, before the request was sent",
  },
  {
    codes: ['ERR_TUNNEL_CONNECTION_FAILED'],
    after: 'usable',
    why: 'the proxy (HTTPS_PROXY) refused to open a tunnel to the server: nothing sent',
  },
  {
    codes: ['ETIMEDOUT (connecting)'],
    after: 'usable',
    why: 'the connection was never made within --timeout: nothing sent',
  },
  {
    codes: ['ETIMEDOUT', 'ESOCKETTIMEDOUT'],
    after: 'in-doubt',
    why: 'connected, then no answer within --timeout: the server may have processed the request',
  },
  {
    codes: ['ECONNRESET', 'EPIPE', 'ECONNABORTED'],
    after: 'in-doubt',
    why: 'the connection dropped after the request may have gone out',
  },
  {
    codes: ['HTTP 5xx'],
    after: 'in-doubt',
    why: 'the server failed while handling the request, perhaps after spending the token',
  },
  { codes: ['(any other)'], after: 'in-doubt', why: 'unknown: treated as possibly spent, the safe side' },
];

/**
 * A failed token call as the token relay saw it: its request error (with `connect` set while nothing was sent yet:
 * connecting, the proxy's tunnel, the TLS handshake) or its HTTP status.
 */
export interface TokenFailure {
  readonly code?: string;
  /** True when the failure struck before the connection was made (an ETIMEDOUT then sent nothing). */
  readonly connect?: boolean;
  readonly message?: string;
  readonly status?: number;
}

/** The row of TOKEN_FAILURES that applies: what the failure leaves of the token, and a short reason. */
export function classifyTokenFailure(failure: TokenFailure): { after: TokenAfterFailure; reason: string } {
  if (failure.status !== undefined && failure.code === undefined) {
    return { after: failure.status >= 500 ? 'in-doubt' : 'usable', reason: `HTTP ${failure.status}` };
  }
  const code = failure.code;
  if (code === 'ETIMEDOUT' && failure.connect === true) return { after: 'usable', reason: 'ETIMEDOUT (connecting)' };
  const row = code === undefined ? undefined : TOKEN_FAILURES.find((r) => r.codes.includes(code));
  return { after: row?.after ?? 'in-doubt', reason: code ?? (failure.message || 'no answer') };
}

/** The journal's outcome for an answer below 500 (a 5xx is a failure: failedTokenCallOutcome). */
export function answerOutcome(status: number, body: Record<string, unknown> | undefined): TokenOutcome {
  if (status === 200) {
    return {
      kind: 'issued',
      ...(typeof body?.['refresh_token'] === 'string' ? { refreshToken: body['refresh_token'] } : {}),
      ...(typeof body?.['access_token'] === 'string' ? { accessToken: body['access_token'] } : {}),
      ...(typeof body?.['expires_in'] === 'number' ? { expiresIn: body['expires_in'] } : {}),
    };
  }
  return { kind: 'refused', status, error: typeof body?.['error'] === 'string' ? body['error'] : `HTTP ${status}` };
}

/** The journal's outcome for a token call that got no usable answer: a request error, or a 5xx. */
export function failedTokenCallOutcome(failure: TokenFailure): TokenOutcome {
  const { after, reason } = classifyTokenFailure(failure);
  return after === 'usable' ? { kind: 'unsent', reason } : { kind: 'unknown', reason };
}

/**
 * The rules that keep a rotating refresh-token chain, as pure transitions of the state file's content.
 *
 * - Before a refresh goes out, the token sent is recorded as `pending`: if the process dies before the answer,
 *   the next run knows that this token may have been spent.
 * - A new refresh token is kept the moment it arrives, and the one sent is recorded as spent.
 * - `invalid_grant` on a refresh means the chain is dead: the token was spent, expired or revoked, and a strict
 *   server revokes the whole family when a spent token comes back. The state keeps no token and says why.
 * - A 5xx, response timeout or dropped connection leaves the token `inDoubt`: the server may have rotated it and
 *   the new one is lost. The token is kept, but the next run refuses to send it without `--retry-in-doubt`, since
 *   a spent token sent again would revoke the family, and says that a new sign-in (`mvpm login`) is the safe way on.
 * - A call that never reached the server (refused connection, unresolved name, refused certificate, connect
 *   timeout: see TOKEN_FAILURES) spent nothing: the token is unchanged and stays usable.
 * - Other refusals (invalid_client, invalid_request) happen before the grant is looked at: the token is unchanged.
 */
export function beforeTokenCall(state: TokenState, call: TokenCall, now: Date): TokenState {
  if (call.grantType !== 'refresh_token' || !call.refreshToken) return state;
  return {
    ...state,
    pending: { fingerprint: fingerprint(call.refreshToken), since: now.toISOString() },
    updatedAt: now.toISOString(),
  };
}

export function afterTokenCall(state: TokenState, call: TokenCall, outcome: TokenOutcome, now: Date): TokenState {
  const { pending: _pending, ...rest } = state;
  const at = now.toISOString();
  const sent = call.grantType === 'refresh_token' ? call.refreshToken : undefined;
  switch (outcome.kind) {
    case 'issued': {
      if (!outcome.refreshToken) return { ...rest, updatedAt: at };
      const {
        dead: _dead,
        inDoubt: _inDoubt,
        refreshToken: _old,
        accessToken: _a,
        accessTokenExpiresAt: _e,
        ...kept
      } = rest;
      return {
        ...kept,
        refreshToken: outcome.refreshToken,
        ...(outcome.accessToken ? { accessToken: outcome.accessToken } : {}),
        ...(outcome.expiresIn ? { accessTokenExpiresAt: now.getTime() + outcome.expiresIn * 1000 } : {}),
        spent: withSpent(rest, sent, now),
        updatedAt: at,
      };
    }
    case 'refused': {
      if (!sent || outcome.error !== 'invalid_grant') return { ...rest, updatedAt: at };
      const { refreshToken: _gone, inDoubt: _inDoubt, ...kept } = rest;
      return { ...kept, spent: withSpent(rest, sent, now), dead: { reason: 'invalid_grant', at }, updatedAt: at };
    }
    case 'unsent':
      return { ...rest, updatedAt: at };
    case 'unknown':
      if (!sent) return { ...rest, updatedAt: at };
      return { ...rest, inDoubt: { fingerprint: fingerprint(sent), reason: outcome.reason, at }, updatedAt: at };
  }
}
