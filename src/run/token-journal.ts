import { fingerprint, SPENT_KEPT, type TokenState } from './state-file.js';

/** A call to the token endpoint, as seen before it is sent. */
export interface TokenCall {
  readonly grantType: string;
  /** The refresh token sent, for `refresh_token` grants. */
  readonly refreshToken?: string;
}

/** How a token call ended. */
export type TokenOutcome =
  | { readonly kind: 'issued'; readonly refreshToken?: string; readonly accessToken?: string; readonly expiresIn?: number }
  | { readonly kind: 'refused'; readonly status: number; readonly error: string }
  /** A 5xx, a timeout or a dropped connection: the server may or may not have processed the grant. */
  | { readonly kind: 'unknown'; readonly reason: string };

/**
 * The rules that keep a rotating refresh-token chain, as pure transitions of the state file's content.
 *
 * - Before a refresh goes out, the token sent is recorded as `pending`: if the process dies before the answer,
 *   the next run knows that this token may have been spent.
 * - A new refresh token is kept the moment it arrives, and the one sent is recorded as spent.
 * - `invalid_grant` on a refresh means the chain is dead: the token was spent, expired or revoked, and a strict
 *   server revokes the whole family when a spent token comes back. The state keeps no token and says why.
 * - A 5xx, timeout or dropped connection leaves the token `inDoubt`: the server may have rotated it and the new one
 *   is lost. The token is kept, but the next run refuses to send it without `--retry-in-doubt`, since a spent
 *   token sent again would revoke the family, and says that a new sign-in (`mvpm login`) is the safe way on.
 * - Other refusals (invalid_client, invalid_request) happen before the grant is looked at: the token is unchanged.
 */
export function beforeTokenCall(state: TokenState, call: TokenCall, now: Date): TokenState {
  if (call.grantType !== 'refresh_token' || !call.refreshToken) return state;
  return { ...state, pending: { fingerprint: fingerprint(call.refreshToken), since: now.toISOString() }, updatedAt: now.toISOString() };
}

export function afterTokenCall(state: TokenState, call: TokenCall, outcome: TokenOutcome, now: Date): TokenState {
  const { pending: _pending, ...rest } = state;
  const at = now.toISOString();
  const sent = call.grantType === 'refresh_token' ? call.refreshToken : undefined;
  const spent = (list: readonly string[]): string[] => (sent && !list.includes(fingerprint(sent)) ? [...list, fingerprint(sent)] : [...list]);
  switch (outcome.kind) {
    case 'issued': {
      if (!outcome.refreshToken) return { ...rest, updatedAt: at };
      const { dead: _dead, inDoubt: _inDoubt, refreshToken: _old, accessToken: _a, accessTokenExpiresAt: _e, ...kept } = rest;
      return {
        ...kept,
        refreshToken: outcome.refreshToken,
        ...(outcome.accessToken ? { accessToken: outcome.accessToken } : {}),
        ...(outcome.expiresIn ? { accessTokenExpiresAt: now.getTime() + outcome.expiresIn * 1000 } : {}),
        spent: spent(rest.spent).slice(-SPENT_KEPT),
        updatedAt: at,
      };
    }
    case 'refused': {
      if (!sent || outcome.error !== 'invalid_grant') return { ...rest, updatedAt: at };
      const { refreshToken: _gone, inDoubt: _inDoubt, ...kept } = rest;
      return { ...kept, spent: spent(rest.spent).slice(-SPENT_KEPT), dead: { reason: 'invalid_grant', at }, updatedAt: at };
    }
    case 'unknown':
      if (!sent) return { ...rest, updatedAt: at };
      return { ...rest, inDoubt: { fingerprint: fingerprint(sent), reason: outcome.reason, at }, updatedAt: at };
  }
}


