import { mkdirSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { RunError } from './errors.js';
import { removeLeftoverTemporaries } from './state-file.js';

/** A lock is stale, and taken over, when its holder stopped refreshing it this long ago (a crashed run). */
export const LOCK_STALE_MS = 10_000;
/** How long a run waits for another run that holds the state file. */
export const LOCK_WAIT_MS = 120_000;

/**
 * Takes the state file's lock (a `<file>.lock` directory, kept fresh while held), waiting for another run that
 * holds it: two runs sharing a state file must not spend the same refresh token. Once held, no write of the file
 * is under way, so the temp files of a write that was killed (tokens in plain text) are removed. Returns the
 * release function.
 */
export async function lockState(file: string): Promise<() => Promise<void>> {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    await lockfile.lock(file, {
      realpath: false,
      stale: LOCK_STALE_MS,
      update: LOCK_STALE_MS / 4,
      retries: { retries: Math.ceil(LOCK_WAIT_MS / 200), factor: 1, minTimeout: 200, maxTimeout: 200 },
      // Losing the lock mid-run (the machine slept past `stale`) is reported by the next write, not by throwing here.
      onCompromised: () => {},
    });
  } catch (error) {
    throw new RunError(
      'E_STATE_LOCKED',
      `another mvpm run has held ${file} for over ${LOCK_WAIT_MS / 1000} s; wait for it to finish, or remove ` +
        `${file}.lock if no run is going`,
      { cause: error },
    );
  }
  removeLeftoverTemporaries(file);
  // Released synchronously: an interrupted run must reach its exit without yielding to I/O, or Newman (which
  // cannot be stopped) would get the chance to send another refresh after the run decided to stop.
  return async () => lockfile.unlockSync(file, { realpath: false });
}
