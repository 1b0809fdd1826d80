import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { lstatOrUndefined, resolveInside } from '../paths/path-guard.js';
import { RunError } from './errors.js';

/**
 * What survives between runs against a server whose tokens outlive a run: the newest refresh token (and access
 * token) of the chain, and fingerprints of the refresh tokens already spent, so that none is ever sent again.
 * Never the client secret. Bound to one target, token server and client (see state-binding.ts): a token belongs to
 * the server that issued it and is sent nowhere else.
 */
export interface TokenState {
  readonly version: 3;
  readonly target: string;
  readonly authBaseUrl: string;
  /** Origin (scheme, host, port) of the token endpoint that issued the chain, e.g. `https://login.mediavalet.com`. */
  readonly tokenEndpointOrigin: string;
  /** SHA-256 (hex) of the client id the chain belongs to (the id itself is not kept). */
  readonly clientIdFingerprint: string;
  readonly refreshToken?: string;
  readonly accessToken?: string;
  /** Epoch milliseconds. */
  readonly accessTokenExpiresAt?: number;
  /**
   * Refresh tokens already spent, oldest first: kept SPENT_KEPT_DAYS after they were spent (a token that old is past
   * any refresh-token lifetime, so offering it can no longer revoke anything), those in `offered` for as long as the
   * file lives. Bounded by age, never by count: a chain rotated a thousand times still knows its first token.
   */
  readonly spent: readonly SpentToken[];
  /**
   * SHA-256 (hex) of every MV_REFRESH_TOKEN a run with this file was given: such a value can be offered again by
   * the next run (a CI secret left unchanged), so once spent it is never forgotten while the file lives.
   */
  readonly offered?: readonly string[];
  /** A refresh was sent with this token and no answer was recorded yet (a killed process leaves this behind). */
  readonly pending?: { readonly fingerprint: string; readonly since: string };
  /** A refresh with this token ended in a 5xx, a timeout or a dropped connection: it may have been spent. */
  readonly inDoubt?: { readonly fingerprint: string; readonly reason: string; readonly at: string };
  /** The chain ended: the server refused a refresh token of it (invalid_grant). A new sign-in is needed. */
  readonly dead?: { readonly reason: string; readonly at: string };
  readonly updatedAt: string;
}

/** One spent refresh token: its SHA-256 (hex) and when mvpm recorded it spent. */
export interface SpentToken {
  readonly fingerprint: string;
  readonly at: string;
}

/**
 * A state file written before mvpm recorded the token endpoint and the client (see adoptState). Its `spent`, a
 * plain list of fingerprints on disk, is read as spent at the file's `updatedAt`.
 */
export type LegacyTokenState = Omit<TokenState, 'version' | 'tokenEndpointOrigin' | 'clientIdFingerprint'> & {
  readonly version: 1;
};

/** What a state file may hold. */
export type StoredTokenState = TokenState | LegacyTokenState;

/** What a state file is bound to: built by stateBinding() in state-binding.ts. */
export interface StateBinding {
  readonly target: string;
  readonly authBaseUrl: string;
  readonly tokenEndpointOrigin: string;
  readonly clientIdFingerprint: string;
}

/**
 * How long a spent refresh token is remembered (from when it was spent): longer than the refresh-token lifetime
 * of any sign-in server mvpm is meant for. About 100 bytes each: 100 rotations a day for a year is under 4 MB.
 */
export const SPENT_KEPT_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the state records `token` as spent. */
export function isSpent(state: Pick<TokenState, 'spent'> | undefined, token: string): boolean {
  const print = fingerprint(token);
  return state?.spent.some((s) => s.fingerprint === print) ?? false;
}

/**
 * The spent list with `sent` added (once) and entries older than SPENT_KEPT_DAYS dropped, except those of tokens
 * that can still be offered (`offered`: MV_REFRESH_TOKEN values), which stay while the file lives.
 */
export function withSpent(
  state: Pick<TokenState, 'spent' | 'offered'>,
  sent: string | undefined,
  now: Date,
): SpentToken[] {
  const oldest = now.getTime() - SPENT_KEPT_DAYS * DAY_MS;
  const offered = new Set(state.offered ?? []);
  const kept = state.spent.filter((s) => offered.has(s.fingerprint) || !(Date.parse(s.at) < oldest));
  if (!sent) return kept;
  const print = fingerprint(sent);
  return kept.some((s) => s.fingerprint === print) ? kept : [...kept, { fingerprint: print, at: now.toISOString() }];
}

/** The state with `token` (MV_REFRESH_TOKEN's value) recorded as one that can be offered again: see `offered`. */
export function withOffered(state: TokenState, token: string | undefined): TokenState {
  if (!token) return state;
  const print = fingerprint(token);
  const offered = state.offered ?? [];
  return offered.includes(print) ? state : { ...state, offered: [...offered, print] };
}

export { stateDirectory } from '../paths/state-dir.js';

/** One file per target and auth server, so a stand-in's tokens never mix with MediaValet's. */
export function defaultStatePath(directory: string, target: string, authBaseUrl: string): string {
  const host = new URL(authBaseUrl).host.replace(/[^A-Za-z0-9.-]/g, '_');
  return path.join(directory, `tokens-${target}-${host}-${fingerprint(authBaseUrl).slice(0, 8)}.json`);
}

export function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function emptyState(binding: StateBinding, now: Date): TokenState {
  return { version: 3, ...binding, spent: [], updatedAt: now.toISOString() };
}

/**
 * The state file's content, every field checked for its type, or undefined when there is none. A damaged file is
 * E_STATE_FILE naming the file and the field, never a value (a JSON syntax error's message quotes the text, so it
 * is not repeated either).
 */
export function readState(file: string): StoredTokenState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new RunError(
      'E_STATE_FILE',
      `cannot read the token state file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`,
      { cause: error },
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new RunError(
      'E_STATE_FILE',
      `the token state file ${file} is damaged (not valid JSON); move it away and sign in again with \`mvpm login\``,
    );
  }
  const parsed = parseState(data);
  if ('field' in parsed) {
    throw new RunError(
      'E_STATE_FILE',
      `the token state file ${file} is damaged: \`${parsed.field}\` ${parsed.expected}; move it away and sign in ` +
        `again with \`mvpm login\``,
    );
  }
  return parsed.state;
}

type Guard<T> = (value: unknown) => value is T;
const isText: Guard<string> = (v): v is string => typeof v === 'string' && v !== '';
const isHex: Guard<string> = (v): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
const isTime: Guard<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v);
const isHexList: Guard<string[]> = (v): v is string[] => Array.isArray(v) && v.every(isHex);
const isSpentList: Guard<SpentToken[]> = (v): v is SpentToken[] =>
  Array.isArray(v) &&
  v.every(
    (s) =>
      isRecord(s) &&
      isHex(s['fingerprint']) &&
      isText(s['at']) &&
      !Number.isNaN(Date.parse(s['at'])) &&
      Object.keys(s).length === 2,
  );
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const TEXT = 'must be a non-empty string';
const HEX = 'must be a SHA-256 fingerprint (64 lowercase hex digits)';

class FieldProblem {
  constructor(
    readonly field: string,
    readonly expected: string,
  ) {}
}

/** The typed state, or the first field that is missing or of the wrong type. Unknown fields are dropped. */
export function parseState(data: unknown): { state: StoredTokenState } | { field: string; expected: string } {
  try {
    if (!isRecord(data)) throw new FieldProblem('(the file)', 'must be a JSON object');
    return { state: parseRecord(data) };
  } catch (error) {
    if (error instanceof FieldProblem) return { field: error.field, expected: error.expected };
    throw error;
  }
}

function parseRecord(o: Record<string, unknown>): StoredTokenState {
  const version = o['version'];
  if (version !== 1 && version !== 2 && version !== 3)
    throw new FieldProblem('version', 'must be 1, 2 or 3 (the versions this mvpm reads)');
  const updatedAt = required(o, 'updatedAt', isText, TEXT);
  const common = compact({
    target: required(o, 'target', isText, TEXT),
    authBaseUrl: required(o, 'authBaseUrl', isText, TEXT),
    refreshToken: optional(o, 'refreshToken', isText, TEXT),
    accessToken: optional(o, 'accessToken', isText, TEXT),
    accessTokenExpiresAt: optional(o, 'accessTokenExpiresAt', isTime, 'must be a number (epoch milliseconds)'),
    // Versions 1 and 2 kept bare fingerprints (the newest 50): read as spent when the file was last written.
    spent:
      version === 3
        ? required(o, 'spent', isSpentList, 'must be a list of { fingerprint, at } (a SHA-256 fingerprint and a time)')
        : required(o, 'spent', isHexList, 'must be a list of SHA-256 fingerprints (64 lowercase hex digits each)').map(
            (print) => ({ fingerprint: print, at: updatedAt }),
          ),
    offered: optional(o, 'offered', isHexList, 'must be a list of SHA-256 fingerprints (64 lowercase hex digits each)'),
    pending: nested(o, 'pending', (p) => ({
      fingerprint: required(p, 'fingerprint', isHex, HEX, 'pending.'),
      since: required(p, 'since', isText, TEXT, 'pending.'),
    })),
    inDoubt: nested(o, 'inDoubt', (p) => ({
      fingerprint: required(p, 'fingerprint', isHex, HEX, 'inDoubt.'),
      reason: required(p, 'reason', isText, TEXT, 'inDoubt.'),
      at: required(p, 'at', isText, TEXT, 'inDoubt.'),
    })),
    dead: nested(o, 'dead', (p) => ({
      reason: required(p, 'reason', isText, TEXT, 'dead.'),
      at: required(p, 'at', isText, TEXT, 'dead.'),
    })),
    updatedAt,
  });
  if (version === 1) return { version: 1, ...common };
  return {
    version: 3,
    ...common,
    tokenEndpointOrigin: required(
      o,
      'tokenEndpointOrigin',
      (v): v is string => isText(v) && isOrigin(v),
      'must be an origin such as https://login.mediavalet.com',
    ),
    clientIdFingerprint: required(o, 'clientIdFingerprint', isHex, HEX),
  };
}

function required<T>(o: Record<string, unknown>, key: string, guard: Guard<T>, expected: string, prefix = ''): T {
  const value = o[key];
  if (value === undefined) throw new FieldProblem(`${prefix}${key}`, 'is missing');
  if (!guard(value)) throw new FieldProblem(`${prefix}${key}`, expected);
  return value;
}

function optional<T>(o: Record<string, unknown>, key: string, guard: Guard<T>, expected: string): T | undefined {
  return o[key] === undefined ? undefined : required(o, key, guard, expected);
}

function nested<T>(
  o: Record<string, unknown>,
  key: string,
  parse: (value: Record<string, unknown>) => T,
): T | undefined {
  const value = o[key];
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new FieldProblem(key, 'must be an object');
  return parse(value);
}

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

/** The object without its undefined properties, so that a state written back holds only what is set. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Atomic (temp file + rename), readable by the owner only (0600), in a directory only the owner can list. The
 * temp file is `<file>.<number>` (write-file-atomic's name); a process killed before the rename leaves it behind,
 * tokens and all: removeLeftoverTemporaries() clears it at the next start.
 */
export function writeState(file: string, state: TokenState): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileAtomic.sync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600, fsync: true });
}

/**
 * Removes the temp files an interrupted writeState left next to `file` (`<file>.<number>`, write-file-atomic's
 * naming; they hold tokens in plain text). Only regular files of this user that match that name exactly; never
 * the state file, its lock, or a link. Call it while holding the state file's lock: then no write is under way.
 * Returns the names removed.
 */
export function removeLeftoverTemporaries(file: string): string[] {
  const directory = path.dirname(file);
  const leftover = new RegExp(`^${escapeRegExp(path.basename(file))}\\.\\d{1,10}$`);
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  const uid = process.getuid?.();
  const removed: string[] = [];
  for (const name of names.filter((n) => leftover.test(n))) {
    try {
      // The path guard refuses a link (E_PATH_LINK): such a name is left alone, like a file of another user.
      const candidate = resolveInside(directory, name);
      const stats = lstatOrUndefined(candidate);
      if (!stats?.isFile() || (uid !== undefined && stats.uid !== uid)) continue;
      unlinkSync(candidate);
      removed.push(name);
    } catch {
      // A link, gone meanwhile, or not ours to remove: left alone.
    }
  }
  return removed;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
