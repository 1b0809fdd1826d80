import type { WriteReport } from '../emit/write-outputs.js';
import { MvpmError } from '../errors/mvpm-error.js';
import type { SpecDiagnostic } from '../spec/diagnostics.js';
import { PathGuardError } from '../paths/path-guard.js';
import { painterFor, type CliIo } from './io.js';

/**
 * Runs a write or check of the outputs; a path the guard refuses (an output directory or file that is a link, a
 * directory where a file should be) is thrown again with a hint on what to do. Nothing was written then: every
 * target is checked before the first write.
 */
export function withPathGuard<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (!(error instanceof PathGuardError) || error.hint !== undefined) throw error;
    throw new PathGuardError(error.code, error.message, error.target, {
      hint:
        'replace the link with a real directory (or pass another output directory); ' +
        'mvpm never writes through a link',
    });
  }
}

/** The error that stops a build whose specs have errors: each one, reported in one pass. */
export function specErrors(errors: readonly SpecDiagnostic[]): MvpmError {
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  return new MvpmError('E_SPECS', `the specs have ${count}`, { problems: errors });
}

const KEPT_TEXT = {
  'not-written-by-mvpm':
    'mvpm did not write it, so it is left in place; delete or move it yourself if it is not wanted',
  'changed-since-written':
    'it changed since mvpm wrote it, so it is left in place; delete it yourself if it is not wanted',
  'not-a-file': 'it is not a regular file, so it is left in place',
} as const;

/** `wrote …`, `removed …`, `kept …` lines and the summary line of a build or docs run. */
export function printWriteReport(label: string, report: WriteReport, quiet: boolean, io: CliIo): void {
  for (const file of report.kept)
    io.stderr.write(`note: ${file.path}: no spec produces it; ${KEPT_TEXT[file.reason]}\n`);
  if (quiet) return;
  const out = painterFor(io.stdout, io.env);
  for (const file of report.written) io.stdout.write(`wrote ${file}\n`);
  for (const file of report.removed) io.stdout.write(`removed ${file} (no spec produces it)\n`);
  io.stdout.write(
    `${out.green(label)}: ${report.written.length} written, ${report.unchanged.length} unchanged, ` +
      `${report.removed.length} removed\n`,
  );
}
