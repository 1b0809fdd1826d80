import type { Codes } from '../errors/codes.js';
import { MvpmError, type MvpmErrorOptions } from '../errors/mvpm-error.js';

/**
 * The codes of the runner's errors (and of `mvpm login` and `mvpm token`); docs/errors.md says what each means and
 * which exit code it ends the command with.
 */
export type RunErrorCode = Codes<
  | 'E_NO_GENERATED_FILES'
  /** The specs have errors: the runner reads its targets from them (src/run/targets.ts), so nothing runs. */
  | 'E_SPECS'
  | 'E_MISSING_CREDENTIALS'
  | 'E_NO_REFRESH_TOKEN'
  | 'E_SPENT_REFRESH_TOKEN'
  | 'E_STATE_FILE'
  | 'E_STATE_LOCKED'
  | 'E_REFRESH_IN_DOUBT'
  | 'E_INTERRUPTED'
  | 'E_LOGIN'
  | 'E_NEWMAN'
  /** The Postman CLI binary is missing: `npm ci --prefix tools/postman-cli` installs it (postman-cli-path.ts). */
  | 'E_NO_POSTMAN_CLI'
  /** The Postman CLI crashed, could not start, or wrote no report mvpm can read. */
  | 'E_POSTMAN_CLI'
  | 'E_BAD_OPTION'
  /**
   * MV_AUTH_BASE_URL / MV_API_BASE_URL (or the Guide environment's URL) is not an https URL (http only for loopback).
   */
  | 'E_BAD_URL'
  /** The state file belongs to another target, token server or client id: nothing is sent. */
  | 'E_STATE_MISMATCH'
  /** A collection reaches the token endpoint other than through the token-URL variable: the relay would miss it. */
  | 'E_TOKEN_URL_BYPASS'
  /** NODE_DEBUG, an inspector or diagnostic reports would copy secrets out of the process (see debug-output.ts). */
  | 'E_DEBUG_OUTPUT'
  /** A form-data or file body `src` is absolute, leaves specs/files/, or passes through a symbolic link. */
  | 'E_FILE_SRC'
  /** A report file of the run is a symbolic link, a directory or another non-file. */
  | 'E_REPORT_PATH'
>;

/** A runner error for the user: its message names what to do and never holds a secret. */
export class RunError extends MvpmError {
  declare readonly code: RunErrorCode;

  constructor(code: RunErrorCode, message: string, options?: Pick<MvpmErrorOptions, 'cause' | 'hint'>) {
    super(code, message, options);
    this.name = 'RunError';
  }
}
