import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { RunError } from './errors.js';

/**
 * What survives between runs against a server whose tokens outlive a run: the newest refresh token (and access
 * token) of the chain, and fingerprints of the refresh tokens already spent, so that none is ever sent again.
 * Never the client secret. Bound to one target, token server and client (see state-binding.ts): a token belongs to
 * the server that issued it and is sent nowhere else.
 */
export interface TokenState {
  readonly version: 2;
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

/** A state file written before mvpm recorded the token endpoint and the client (see adoptState). */
export type LegacyTokenState = Omit<TokenState, 'version' | 'tokenEndpointOrigin' | 'clientIdFingerprint'> & { readonly version: 1 };

/** What a state file may hold. */
export type StoredTokenState = TokenState | LegacyTokenState;

/** What a state file is bound to: built by stateBinding() in state-binding.ts. */
export interface StateBinding {
  readonly target: string;
  readonly authBaseUrl: string;
  readonly tokenEndpointOrigin: string;
  readonly clientIdFingerprint: string;
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

export function emptyState(binding: StateBinding, now: Date): TokenState {
  return { version: 2, ...binding, spent: [], updatedAt: now.toISOString() };
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
    throw new RunError('E_STATE_FILE', `cannot read the token state file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new RunError('E_STATE_FILE', `the token state file ${file} is damaged (not valid JSON); move it away and sign in again with \`mvpm login\``);
  }
  const parsed = parseState(data);
  if ('field' in parsed) {
    throw new RunError('E_STATE_FILE', `the token state file ${file} is damaged: \`${parsed.field}\` ${parsed.expected}; move it away and sign in again with \`mvpm login\``);
  }
  return parsed.state;
}

type Guard<T> = (value: unknown) => value is T;
const isText: Guard<string> = (v): v is string => typeof v === 'string' && v !== '';
const isHex: Guard<string> = (v): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
const isTime: Guard<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v);
const isHexList: Guard<string[]> = (v): v is string[] => Array.isArray(v) && v.every(isHex);
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
  if (version !== 1 && version !== 2) throw new FieldProblem('version', 'must be 1 or 2 (the versions this mvpm reads)');
  const common = compact({
    target: required(o, 'target', isText, TEXT),
    authBaseUrl: required(o, 'authBaseUrl', isText, TEXT),
    refreshToken: optional(o, 'refreshToken', isText, TEXT),
    accessToken: optional(o, 'accessToken', isText, TEXT),
    accessTokenExpiresAt: optional(o, 'accessTokenExpiresAt', isTime, 'must be a number (epoch milliseconds)'),
    spent: required(o, 'spent', isHexList, 'must be a list of SHA-256 fingerprints (64 lowercase hex digits each)'),
    pending: nested(o, 'pending', (p) => ({ fingerprint: required(p, 'fingerprint', isHex, HEX, 'pending.'), since: required(p, 'since', isText, TEXT, 'pending.') })),
    inDoubt: nested(o, 'inDoubt', (p) => ({ fingerprint: required(p, 'fingerprint', isHex, HEX, 'inDoubt.'), reason: required(p, 'reason', isText, TEXT, 'inDoubt.'), at: required(p, 'at', isText, TEXT, 'inDoubt.') })),
    dead: nested(o, 'dead', (p) => ({ reason: required(p, 'reason', isText, TEXT, 'dead.'), at: required(p, 'at', isText, TEXT, 'dead.') })),
    updatedAt: required(o, 'updatedAt', isText, TEXT),
  });
  if (version === 1) return { version: 1, ...common };
  return {
    version: 2,
    ...common,
    tokenEndpointOrigin: required(o, 'tokenEndpointOrigin', (v): v is string => isText(v) && isOrigin(v), 'must be an origin such as https://login.mediavalet.com'),
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

function nested<T>(o: Record<string, unknown>, key: string, parse: (value: Record<string, unknown>) => T): T | undefined {
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

/** Atomic (temp file + rename), readable by the owner only (0600), in a directory only the owner can list. */
export function writeState(file: string, state: TokenState): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileAtomic.sync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600, fsync: true });
}
