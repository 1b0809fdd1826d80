// The report files of a run: which ones mvpm asks Newman (or the Postman CLI) to write, the check that none of
// them is a link or a directory before the run, and the masking afterwards. Nothing else in the reports directory
// is read or rewritten: it may hold files of other runs, or anything else the user keeps there.
import { PathGuardError, readFileInside, resolveInside, writeFileInside } from '../paths/path-guard.js';
import { lstatSync, statSync } from 'node:fs';
import { RunError } from './errors.js';
import type { Masker } from './masking.js';

/** Newman's file reporters, and the name each writes for a collection run labelled `label`. */
export const REPORT_FILE_NAMES = {
  junit: (label: string) => `${label}.junit.xml`,
  htmlextra: (label: string) => `${label}.html`,
} as const;

export type FileReporter = keyof typeof REPORT_FILE_NAMES;

/** The report files (names inside the reports directory) that `reporters` write for a collection run `label`. */
export function reportFiles(reporters: readonly string[], label: string): { reporter: FileReporter; name: string }[] {
  return (Object.keys(REPORT_FILE_NAMES) as FileReporter[])
    .filter((r) => reporters.includes(r))
    .map((reporter) => ({ reporter, name: REPORT_FILE_NAMES[reporter](label) }));
}

/**
 * Before anything runs: each report file must be absent or a regular file, reached without a link. Newman writes
 * reports with a plain `fs.writeFile`, which would follow a link planted at a report path.
 */
export function checkReportPaths(reportsDir: string, names: readonly string[]): void {
  if (names.length === 0) return;
  const dir = statOrUndefined(reportsDir);
  if (dir && !dir.isDirectory())
    throw new RunError(
      'E_REPORT_PATH',
      `the reports directory ${reportsDir} is not a directory: choose another --reports-dir`,
    );
  for (const name of names) {
    try {
      const absolute = resolveInside(reportsDir, name);
      const stats = lstatOrUndefined(absolute);
      if (stats && !stats.isFile()) {
        const kind = stats.isSymbolicLink()
          ? 'a symbolic link'
          : stats.isDirectory()
            ? 'a directory'
            : 'not a regular file';
        throw new PathGuardError(
          stats.isSymbolicLink() ? 'E_PATH_LINK' : 'E_PATH_NOT_FILE',
          `${name} is ${kind}`,
          name,
        );
      }
    } catch (error) {
      throw reportPathError(reportsDir, error);
    }
  }
}

/**
 * Rewrites exactly the report files this run wrote with every secret masked: read without following a link,
 * written atomically through the path guard. A file the run did not produce (a reporter that failed) is skipped.
 */
export function maskReports(reportsDir: string, names: readonly string[], masker: Masker): void {
  for (const name of names) {
    try {
      const bytes = readFileInside(reportsDir, name, Number.MAX_SAFE_INTEGER);
      if (bytes === undefined) continue;
      const text = bytes.toString('utf8');
      const masked = masker.mask(text);
      if (masked !== text) writeFileInside(reportsDir, name, masked);
    } catch (error) {
      throw reportPathError(reportsDir, error);
    }
  }
}

/** Writes one report file of the run (a runner that writes its reports elsewhere first), masked, atomically. */
export function writeMaskedReport(reportsDir: string, name: string, text: string, masker: Masker): void {
  try {
    writeFileInside(reportsDir, name, masker.mask(text));
  } catch (error) {
    throw reportPathError(reportsDir, error);
  }
}

function reportPathError(reportsDir: string, error: unknown): unknown {
  if (error instanceof PathGuardError) {
    return new RunError(
      'E_REPORT_PATH',
      `cannot use the report file ${error.target} in ${reportsDir}: ${error.message}. mvpm writes reports only as ` +
        `regular files: remove it, or choose another --reports-dir`,
      { cause: error },
    );
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string')
    return new RunError(
      'E_REPORT_PATH',
      `cannot mask the reports in ${reportsDir} (${code}): check that the directory is writable`,
      { cause: error },
    );
  return error;
}

function statOrUndefined(file: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(file: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
