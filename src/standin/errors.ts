/** Stable codes of the errors the stand-in throws. */
export type StandinErrorCode =
  /** An option is out of range; the message names each one. */
  | 'E_STANDIN_OPTIONS'
  /** The server could not listen (port in use, address not available). */
  | 'E_STANDIN_LISTEN'
  /** The sign-in pages did not behave as expected (wrong password, unexpected page or redirect). */
  | 'E_STANDIN_SIGN_IN';

export class StandinError extends Error {
  readonly code: StandinErrorCode;

  constructor(code: StandinErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StandinError';
    this.code = code;
  }
}
