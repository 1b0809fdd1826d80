/** Stable codes of the runner's errors; the CLI maps them to exit code 2 (usage/configuration) or 1. */
export type RunErrorCode =
  | 'E_NO_GENERATED_FILES'
  | 'E_MISSING_CREDENTIALS'
  | 'E_NO_REFRESH_TOKEN'
  | 'E_SPENT_REFRESH_TOKEN'
  | 'E_STATE_FILE'
  | 'E_STATE_LOCKED'
  | 'E_REFRESH_IN_DOUBT'
  | 'E_INTERRUPTED'
  | 'E_LOGIN'
  | 'E_NEWMAN'
  | 'E_BAD_OPTION';

/** A runner error for the user: its message names what to do and never holds a secret. */
export class RunError extends Error {
  constructor(
    readonly code: RunErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RunError';
  }
}
