// The one place that prints an error and picks its exit code. Commands throw (an MvpmError or one of its
// subclasses); runMain calls reportError. The only other caller is `build --watch`, which prints a failed build the
// same way and goes on watching instead of exiting.
import { EXIT } from '../errors/codes.js';
import { formatLocatedError, formatProblem, type Paint } from '../errors/format.js';
import { MvpmError } from '../errors/mvpm-error.js';
import { painterFor, UsageError, type CliIo } from './io.js';

export interface ReportContext {
  /** The command that failed (`build`); undefined when there is none (an unknown command). */
  readonly command?: string | undefined;
  /** The command writes files, all or nothing: a failure after its arguments were accepted wrote nothing. */
  readonly writes?: boolean;
}

/** Set to 1 to print the stack of an unexpected error (a bug in mvpm) after its one-line report. */
export const DEBUG_VARIABLE = 'MVPM_DEBUG';

/**
 * Prints `error` to stderr and returns the exit code: the registry's for an MvpmError; for anything else (a bug:
 * every failure a user can cause is an MvpmError) one line asking for a report, the stack only with MVPM_DEBUG=1,
 * and 70. An unexpected error's message is not printed without MVPM_DEBUG: it could quote a secret.
 */
export function reportError(thrown: unknown, context: ReportContext, io: CliIo): number {
  let error = thrown;
  const err = painterFor(io.stderr, io.env);
  const prefix = context.command === undefined ? 'mvpm' : `mvpm ${context.command}`;
  // A file the system refused (EACCES, ENOSPC, EROFS…) is the user's to fix, not a bug: say which and where.
  const systemError = asSystemError(error);
  if (systemError) error = systemError;
  if (!(error instanceof MvpmError)) {
    const what = error instanceof Error ? `${error.name}${codeOf(error)}` : typeof error;
    io.stderr.write(
      `${err.red(`${prefix}: internal error`)} (${what}): this is a bug in mvpm. Please report it with the command ` +
        `you ran; ${DEBUG_VARIABLE}=1 shows the stack trace (check it for secrets before you share it).\n`,
    );
    if (io.env[DEBUG_VARIABLE] === '1') io.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    return EXIT.bug;
  }
  const nothingWritten = context.writes === true && !(error instanceof UsageError);
  const paint = problemPaint(io);
  const errors = error.problems.filter((p) => p.severity === 'error').length;
  if (error.problems.length > 0) {
    for (const problem of error.problems) io.stderr.write(`${formatProblem(problem, { paint })}\n\n`);
    const count = `${prefix}: ${errors} error${errors === 1 ? '' : 's'}`;
    io.stderr.write(`${err.red(count)}${nothingWritten ? '; nothing was written' : ''}.\n`);
  } else if (error.location?.file !== undefined || error.location?.pointer !== undefined) {
    io.stderr.write(`${formatLocatedError(error, { paint })}\n`);
    if (nothingWritten) io.stderr.write(`\n${err.red(prefix)}: nothing was written.\n`);
  } else {
    io.stderr.write(`${err.red(`${prefix}: error[${error.code}]`)}: ${error.message}\n`);
    if (error.hint) io.stderr.write(`  = hint: ${error.hint}\n`);
    if (nothingWritten) io.stderr.write(`${prefix}: nothing was written.\n`);
  }
  return error.exitCode;
}

/** The colours of a compiler-style report on stderr (none off a terminal or with NO_COLOR). */
export function problemPaint(io: CliIo): Paint {
  const err = painterFor(io.stderr, io.env);
  return (kind, text) =>
    kind === 'error'
      ? err.bold(err.red(text))
      : kind === 'warning'
        ? err.bold(err.yellow(text))
        : kind === 'location'
          ? err.blue(text)
          : err.cyan(text);
}

function codeOf(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? ` ${code}` : '';
}

/**
 * Node's error for a refused file operation (`code` like EACCES, `syscall`, `path`) as E_IO, naming the operation,
 * the path and the code, never the message (it adds nothing). Anything else is left for the bug report.
 */
function asSystemError(error: unknown): MvpmError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, syscall, path } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !/^E[A-Z]{2,20}$/.test(code) || typeof syscall !== 'string') return undefined;
  const where = typeof path === 'string' ? ` ${path}` : '';
  return new MvpmError('E_IO', `the system refused to ${syscall}${where} (${code})`, {
    hint: 'check the permissions, the free space and what is at that path, then run the command again',
    cause: error,
  });
}
