// The one error type for failures a user can cause. Every stage throws an MvpmError (or one of its subclasses, which
// keep their historic names: RunError, ImportError, ...); only the CLI prints it (src/cli/report-error.ts) and picks
// the exit code, from the registry. This file imports nothing but the registry, so the stand-in, which imports
// nothing else of ours, may use it too.
import { type ErrorCode, exitCodeOf, type ExitCode, type WarningCode } from './codes.js';

/** Where an error is: a file, optionally a line and column (1-based) or a JSON pointer (RFC 6901) into it. */
export interface ErrorLocation {
  /** The file as shown to the user (relative to the working directory where it can be), printable. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** JSON pointer into the file, printable. */
  readonly pointer?: string;
  /** What is at that place, in the user's words (an imported item's folder and request names), printable. */
  readonly item?: string;
}

export type Severity = 'error' | 'warning';

/**
 * One located problem of a pass that reports every problem at once (spec validation). `frame` is the offending
 * source line with a caret, uncoloured ('' when there is none). Message, hint and file are printable.
 */
export interface Problem {
  readonly code: ErrorCode | WarningCode;
  readonly severity: Severity;
  readonly message: string;
  readonly hint?: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly frame: string;
  /** JSON pointer (RFC 6901) of the node in `file`, printable: for inputs whose nodes have no names (OpenAPI). */
  readonly pointer?: string;
}

export interface MvpmErrorOptions {
  /** What to do about it, one line. */
  readonly hint?: string;
  readonly location?: ErrorLocation;
  /** Every located problem of the pass that failed; the error's own message summarises them. */
  readonly problems?: readonly Problem[];
  readonly cause?: unknown;
}

/**
 * A failure the user can cause and fix: a stable code (see ERROR_CODES), a message that says what is wrong and never
 * holds a secret, an optional hint, location and list of problems. Nothing is written when one is thrown.
 */
export class MvpmError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly location: ErrorLocation | undefined;
  readonly problems: readonly Problem[];

  constructor(code: ErrorCode, message: string, options: MvpmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MvpmError';
    this.code = code;
    this.hint = options.hint;
    this.location = options.location;
    this.problems = options.problems ?? [];
  }

  /** The exit code a command ends with when this error stops it (from the registry). */
  get exitCode(): ExitCode {
    return exitCodeOf(this.code);
  }
}
