import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { RunError } from './errors.js';

/**
 * What survives between runs against a server whose tokens outlive a run: the newest refresh token (and access
 * token) of the chain, and fingerprints of the refresh tokens already spent, so that none is ever sent again.
 * Never the client secret.
 */
export interface TokenState {
  readonly version: 1;
  readonly target: string;
  readonly authBaseUrl: string;
  readonly refreshToken?: string;
  readonly accessToken?: string;
  /** Epoch milliseconds. */
  readonly accessTokenExpiresAt?: number;
  /** SHA-256 (hex) of spent refresh tokens, newest last, at most SPENT_KEPT. */
  readonly spent: readonly string[];
  /** A refresh was sent with this token and no answer was recorded yet (a killed process leaves this behind). */
  readonly pending?: { readonly fingerprint: string; readonly since: string };
  /** A refresh with this token ended in a 5xx, a timeout or a dropped connection: it may have been spent. */
  readonly inDoubt?: { readonly fingerprint: string; readonly reason: string; readonly at: string };
  /** The chain ended: the server refused a refresh token of it (invalid_grant). A new sign-in is needed. */
  readonly dead?: { readonly reason: string; readonly at: string };
  readonly updatedAt: string;
}

export const SPENT_KEPT = 50;

export { stateDirectory } from '../paths/state-dir.js';

/** One file per target and auth server, so a stand-in's tokens never mix with MediaValet's. */
export function defaultStatePath(directory: string, target: string, authBaseUrl: string): string {
  const host = new URL(authBaseUrl).host.replace(/[^A-Za-z0-9.-]/g, '_');
  return path.join(directory, `tokens-${target}-${host}-${fingerprint(authBaseUrl).slice(0, 8)}.json`);
}

export function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function emptyState(target: string, authBaseUrl: string, now: Date): TokenState {
  return { version: 1, target, authBaseUrl, spent: [], updatedAt: now.toISOString() };
}

export function readState(file: string): TokenState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new RunError('E_STATE_FILE', `cannot read the token state file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  try {
    const state = JSON.parse(text) as TokenState;
    if (state.version !== 1 || !Array.isArray(state.spent)) throw new Error('unknown format');
    return state;
  } catch (error) {
    throw new RunError('E_STATE_FILE', `the token state file ${file} is damaged (${(error as Error).message}); move it away and sign in again`, { cause: error });
  }
}

/** Atomic (temp file + rename), readable by the owner only (0600), in a directory only the owner can list. */
export function writeState(file: string, state: TokenState): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileAtomic.sync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600, fsync: true });
}
