// Which refresh token a run may send, and when it must refuse: the policy that keeps a rotated token chain alive.
import { RunError } from './errors.js';
import { fingerprint, type TokenState } from './state-file.js';

/**
 * Which refresh token to send. MV_REFRESH_TOKEN wins while it is unspent (a person just signed in and set it);
 * once a run has rotated it, the state file's newer token is used. A token known to be spent is never sent, and
 * neither is one whose last refresh ended without an answer, unless `retryInDoubt`: on a strict server a spent
 * token sent again revokes the whole sign-in.
 */
export function chooseRefreshToken(
  fromEnv: string | undefined,
  state: TokenState | undefined,
  canSignIn: boolean,
  retryInDoubt = false,
  /** The process variable `fromEnv` was read from, as the target's `secrets` name it. */
  processVariable = 'MV_REFRESH_TOKEN',
): { token: string; source: string } | undefined {
  const spent = new Set(state?.spent.map((s) => s.fingerprint) ?? []);
  const doubtful = new Set(
    [state?.pending?.fingerprint, state?.inDoubt?.fingerprint].filter((f): f is string => f !== undefined),
  );
  const usable = (token: string): boolean =>
    !spent.has(fingerprint(token)) && (retryInDoubt || !doubtful.has(fingerprint(token)));
  if (fromEnv && usable(fromEnv)) return { token: fromEnv, source: processVariable };
  if (state?.refreshToken && usable(state.refreshToken)) return { token: state.refreshToken, source: 'state file' };
  if (canSignIn) return undefined;
  const candidate = state?.refreshToken ?? fromEnv;
  if (candidate && doubtful.has(fingerprint(candidate)) && !spent.has(fingerprint(candidate))) {
    const why =
      state?.pending?.fingerprint === fingerprint(candidate)
        ? `a run stopped (${state.pending.since}) while refreshing with it`
        : `its last refresh failed (${state?.inDoubt?.reason ?? 'no answer'}, ${state?.inDoubt?.at ?? ''})`;
    throw new RunError(
      'E_REFRESH_IN_DOUBT',
      `the refresh token may have been spent: ${why}, and the server's answer never arrived. ` +
        'Sign in again with `mvpm login` (safe). Or run with --retry-in-doubt to send it once more: ' +
        'if the server had spent it, that revokes this sign-in.',
    );
  }
  if (state?.dead) {
    throw new RunError(
      'E_NO_REFRESH_TOKEN',
      `the server refused the last refresh token (${state.dead.reason}, ${state.dead.at}): ` +
        'it was already used, expired or revoked. Sign in again with `mvpm login`.',
    );
  }
  if (fromEnv) {
    throw new RunError(
      'E_SPENT_REFRESH_TOKEN',
      `${processVariable} holds a refresh token that an earlier run already spent, and the state file has no newer ` +
        'one. Sending it again would revoke the whole sign-in. ' +
        `Sign in again with \`mvpm login\` and update ${processVariable}.`,
    );
  }
  throw new RunError(
    'E_NO_REFRESH_TOKEN',
    `no refresh token: sign in once with \`mvpm login\` (or set ${processVariable}). ` +
      'Later runs keep the rotated one in the state file.',
  );
}
