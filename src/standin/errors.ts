// The stand-in imports nothing of mvpm's compiler, runner or CLI; src/errors/ is the bottom layer every stage may use
// (it imports nothing itself), so the stand-in stays a server that happens to live here.
import type { Codes } from '../errors/codes.js';
import { MvpmError } from '../errors/mvpm-error.js';

/** The codes of the errors the stand-in throws (docs/errors.md). */
export type StandinErrorCode = Codes<
  /** An option is out of range; the message names each one. */
  | 'E_STANDIN_OPTIONS'
  /** The server could not listen (port in use, address not available). */
  | 'E_STANDIN_LISTEN'
  /** The sign-in pages did not behave as expected (wrong password, unexpected page or redirect). */
  | 'E_STANDIN_SIGN_IN'
>;

export class StandinError extends MvpmError {
  declare readonly code: StandinErrorCode;

  constructor(code: StandinErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'StandinError';
  }
}
