import type { WriteReport } from '../emit/write-outputs.js';
import { PathGuardError } from '../paths/path-guard.js';
import { EXIT, painterFor, type CliIo } from './io.js';

/**
 * Runs a write or check of the outputs; a path the guard refuses (an output directory or file that is a link, a
 * directory where a file should be) is printed as a coded error and becomes exit 2. Nothing was written then: every
 * target is checked before the first write.
 */
export function withPathGuard<T>(command: string, io: CliIo, action: () => T): T | number {
  try {
    return action();
  } catch (error) {
    if (!(error instanceof PathGuardError)) throw error;
    const err = painterFor(io.stderr, io.env);
    io.stderr.write(`${err.red(`mvpm ${command}: error[${error.code}]`)}: ${error.message}\n`);
    io.stderr.write(
      `  = hint: replace the link with a real directory (or pass another output directory); mvpm never writes through a link\n`,
    );
    io.stderr.write(`mvpm ${command}: nothing was written.\n`);
    return EXIT.usage;
  }
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
    `${out.green(label)}: ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed\n`,
  );
}
