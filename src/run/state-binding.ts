// A token belongs to one server. A state file records the target, the origin of the token endpoint that issued
// its chain, and a fingerprint of the client id; before a run or a sign-in sends anything, what the file records
// must match what the run is about to use, or nothing is sent (E_STATE_MISMATCH). Otherwise a file kept for
// https://login.mediavalet.com, reused with another MV_AUTH_BASE_URL (or --state-file), would hand its refresh
// token to that other server and save whatever came back.
import { RunError } from './errors.js';
import { fingerprint, type StateBinding, type StoredTokenState, type TokenState } from './state-file.js';
import { tokenEndpointOrigin } from './server-url.js';

/** What a run against `authBaseUrl` with `clientId` binds its state file to. */
export function stateBinding(target: string, authBaseUrl: string, clientId: string): StateBinding {
  return {
    target,
    authBaseUrl,
    tokenEndpointOrigin: tokenEndpointOrigin(authBaseUrl),
    clientIdFingerprint: fingerprint(clientId),
  };
}

/**
 * Throws E_STATE_MISMATCH when `stored` was recorded for another target, token server or client. The client is
 * compared only when `expected` has one (`mvpm token` sends nothing and may run without MV_CLIENT_ID).
 *
 * A version 1 file (before the binding was recorded) is judged by what it has: its target and its authBaseUrl's
 * origin. It is adopted when they match (see adoptState): the server it names is the one that issued its token,
 * so continuing there is what the user ran before, and refusing would force every existing user to sign in again.
 */
export function checkStateBinding(
  stored: StoredTokenState,
  expected: Omit<StateBinding, 'clientIdFingerprint'> & { readonly clientIdFingerprint?: string },
  file: string,
): void {
  const differences: string[] = [];
  if (stored.target !== expected.target)
    differences.push(`it belongs to the ${stored.target} target, and this is ${expected.target}`);
  const recordedOrigin = stored.version === 3 ? stored.tokenEndpointOrigin : originOrUndefined(stored.authBaseUrl);
  if (recordedOrigin !== expected.tokenEndpointOrigin) {
    differences.push(
      `its tokens were issued by ${recordedOrigin ?? 'an unknown server'}, and this would send them to ` +
        `${expected.tokenEndpointOrigin}`,
    );
  }
  if (
    stored.version === 3 &&
    expected.clientIdFingerprint !== undefined &&
    stored.clientIdFingerprint !== expected.clientIdFingerprint
  ) {
    differences.push('it belongs to another client id than MV_CLIENT_ID');
  }
  if (differences.length === 0) return;
  throw new RunError(
    'E_STATE_MISMATCH',
    `the token state file ${file} does not belong to this run: ${differences.join('; ')}. Nothing was sent. Point ` +
      `--state-file at the file of this server and client, check MV_AUTH_BASE_URL and MV_CLIENT_ID, or sign in to ` +
      `this server with \`mvpm login\` (move the file away first)`,
  );
}

/**
 * A checked state in the current version, written so with its next save: a version 1 file gains the binding (a
 * version 2 file was read as version 3 already, its spent list timed at its last write; see parseState).
 */
export function adoptState(stored: StoredTokenState, binding: StateBinding): TokenState {
  return {
    ...stored,
    version: 3,
    authBaseUrl: binding.authBaseUrl,
    tokenEndpointOrigin: binding.tokenEndpointOrigin,
    clientIdFingerprint: stored.version === 3 ? stored.clientIdFingerprint : binding.clientIdFingerprint,
  };
}

function originOrUndefined(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
