// The import's output step: everything is written into a staging directory beside the output directory (same file
// system), then moved into place only when all of it was written; when a target exists and --force was not given,
// nothing is written at all. Paths go through the path guard (inside the output directory by real path, no link on
// the way or at the target), and a failure while moving puts back what was there before.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import path from 'node:path';
import { lstatOrUndefined, OutputRoot, PathGuardError, realRootOf } from '../paths/path-guard.js';
import type { ImportedFile } from './import-collection.js';
import { ImportError } from './import-error.js';

export interface WriteImportOptions {
  /** Replace files that exist (and write into a non-empty collection directory). Default false. */
  readonly force?: boolean;
  /** How the output directory is named in messages (the CLI passes it relative to the working directory). */
  readonly outLabel?: string;
  /**
   * Re-import (an OpenAPI document's sync): the existing files that may be replaced without force; any other existing
   * target is still refused, and writing into a non-empty collection directory is expected. Default: not a re-import.
   */
  readonly replace?: ReadonlySet<string>;
}

export interface WriteImportReport {
  /** Every file written, relative to the output directory, in the order given. */
  readonly written: readonly string[];
  /** Those that replaced an existing file (only with force). */
  readonly replaced: readonly string[];
}

/** Top-level directories that hold files of many imports: only the files themselves are compared. */
const SHARED_TOP = new Set(['schemas', 'environments']);
const MAX_LISTED = 5;

export async function writeImport(
  out: string,
  files: readonly ImportedFile[],
  options: WriteImportOptions = {},
): Promise<WriteImportReport> {
  const label = options.outLabel ?? out;
  const shown = (relative: string): string => (label === '.' ? relative : `${label}/${relative}`);
  const guarded = <T>(relative: string, action: () => T): T => {
    try {
      return action();
    } catch (error) {
      if (error instanceof PathGuardError)
        throw guardError(
          error,
          shown(relative),
          error.code === 'E_PATH_NOT_FILE' && error.target !== relative ? shown(error.target) : undefined,
        );
      throw error;
    }
  };

  // 1. Nothing is written before every target is known to be writable.
  const outStats = lstatOrUndefined(out);
  if (outStats !== undefined && !outStats.isDirectory() && !(outStats.isSymbolicLink() && isDirectory(out))) {
    throw new ImportError('E_PATH_NOT_FILE', `${label} is not a directory`, {
      subject: { kind: 'output', path: label },
      hint: 'name a directory with --out',
    });
  }
  const existing: string[] = [];
  // One OutputRoot per directory and step: each directory is checked once, not once for every file below it.
  const before = new OutputRoot(out);
  for (const file of files) {
    const stats = guarded(file.path, () => before.lstat(file.path));
    if (stats === undefined) continue;
    if (!stats.isFile())
      throw guardError(
        new PathGuardError(stats.isSymbolicLink() ? 'E_PATH_LINK' : 'E_PATH_NOT_FILE', '', file.path),
        shown(file.path),
      );
    existing.push(file.path);
  }
  const refused = options.replace === undefined ? existing : existing.filter((f) => !options.replace?.has(f));
  const busyDirs = [...new Set(files.map((f) => f.path.split('/')[0]!))]
    .filter((top) => options.replace === undefined && !SHARED_TOP.has(top))
    .filter((top) => files.some((f) => f.path.startsWith(`${top}/`)))
    .filter((top) => nonEmptyDir(path.join(realRootOf(out), top)));
  if (!options.force && (refused.length > 0 || busyDirs.length > 0)) {
    const listed = [
      ...busyDirs.map((d) => `${shown(d)}/`),
      ...refused.filter((f) => !busyDirs.some((d) => f.startsWith(`${d}/`))).map(shown),
    ];
    const more = listed.length > MAX_LISTED ? `, and ${listed.length - MAX_LISTED} more` : '';
    throw new ImportError(
      'E_IMPORT_EXISTS',
      `${listed.length === 1 ? 'this exists' : 'these exist'} already: ` +
        `${listed.slice(0, MAX_LISTED).join(', ')}${more}`,
      {
        subject: { kind: 'output', path: listed[0]! },
        hint: 'pass --force to replace them, or --out to import into another directory',
      },
    );
  }

  // 2. Stage every file.
  const outExisted = existsSync(out);
  let realOut: string;
  let stage: string;
  try {
    mkdirSync(out, { recursive: true });
    realOut = realRootOf(out);
    stage = makeStage(realOut);
  } catch (error) {
    if (!outExisted) removeEmptyDir(out);
    throw writeError(error, 'creating the output and staging directories');
  }
  const undoOut = (): void => {
    rmSync(stage, { recursive: true, force: true });
    if (!outExisted) removeEmptyDir(realOut);
  };
  // Each file is created once, exclusively, in the new staging directory (nothing there to replace, no link to
  // follow), and fsynced on libuv's pool while the next ones are written: durable before anything is moved.
  const staging = new OutputRoot(stage);
  try {
    for (const file of files) await staging.create(`new/${file.path}`, file.content);
    await staging.settle();
  } catch (error) {
    await staging.settle().catch(() => undefined);
    undoOut();
    throw writeError(error, 'staging the files');
  }

  // 3. Move into place; on any failure, undo the moves made so far.
  const moves: { target: string; backup?: string; moved: boolean }[] = [];
  const output = new OutputRoot(realOut);
  try {
    for (const [index, file] of files.entries()) {
      const found = guarded(file.path, () => output.lstat(file.path));
      const move: { target: string; backup?: string; moved: boolean } = {
        target: path.join(output.real, ...file.path.split('/')),
        moved: false,
      };
      moves.push(move);
      if (found?.isFile()) {
        move.backup = path.join(stage, 'old', String(index));
        mkdirSync(path.dirname(move.backup), { recursive: true });
        renameSync(move.target, move.backup);
      }
      const from = path.join(staging.real, 'new', ...file.path.split('/'));
      // Nothing is there now when lstat found nothing or the file was just moved aside; else move() looks again.
      guarded(file.path, () => output.move(from, file.path, { absent: found === undefined || found.isFile() }));
      move.moved = true;
    }
    // Each directory was checked once: one was replaced (by a link) while the files went in, everything is undone.
    try {
      output.verify();
    } catch (error) {
      throw error instanceof PathGuardError ? guardError(error, shown(error.target)) : error;
    }
  } catch (error) {
    for (const move of moves.reverse()) {
      try {
        if (move.moved) unlinkSync(move.target);
        if (move.backup) renameSync(move.backup, move.target);
      } catch {
        // Best effort: the error below says nothing was written, and a file left over is named by the next import.
      }
    }
    for (const dir of [...output.created].reverse()) removeEmptyDir(dir);
    undoOut();
    throw error instanceof ImportError ? error : writeError(error, 'moving the files into place');
  }
  // The staged tree is empty directories now, made by `staging`: removed deepest first, one rmdir(2) each, where
  // rmSync's walk tries each first, reads it and tries again. rmSync takes the rest (replaced files put aside).
  for (const dir of [...staging.created].reverse()) removeEmptyDir(dir);
  rmSync(stage, { recursive: true, force: true });
  return { written: files.map((f) => f.path), replaced: existing };
}

/** A staging directory beside the output directory, or inside it when its parent cannot be written. */
function makeStage(realOut: string): string {
  try {
    return mkdtempSync(path.join(path.dirname(realOut), `.${path.basename(realOut)}.mvpm-import-`));
  } catch {
    return mkdtempSync(path.join(realOut, '.mvpm-import-'));
  }
}

/**
 * A path guard refusal as an import error about `shown` (the file), or the directory in its way when that is the cause.
 */
function guardError(error: PathGuardError, shown: string, inTheWay?: string): ImportError {
  const what =
    error.code === 'E_PATH_LINK'
      ? `${shown} is, or passes through, a symbolic link; mvpm import writes nothing through a link`
      : inTheWay !== undefined
        ? `${shown} cannot be written: ${inTheWay} is in the way and is not a directory`
        : error.code === 'E_PATH_NOT_FILE' || error.code === 'E_PATH_FOREIGN'
          ? `${shown} exists and is not a regular file`
          : error.code === 'E_PATH_OUTSIDE'
            ? `${shown} would be outside the output directory`
            : `${shown} is not a usable file name`;
  return new ImportError(error.code === 'E_PATH_FOREIGN' ? 'E_PATH_NOT_FILE' : error.code, what, {
    subject: { kind: 'output', path: inTheWay ?? shown },
    hint: 'remove it, or import into another directory with --out',
  });
}

function writeError(error: unknown, doing: string): ImportError {
  const code = (error as NodeJS.ErrnoException).code;
  return new ImportError('E_IMPORT_WRITE', `${doing} failed${code ? ` (${code})` : ''}`, {
    subject: { kind: 'output', path: '' },
    hint: code === 'ENOSPC' ? 'free some disk space' : 'check that the output directory can be written',
  });
}

/** Whether `p` is a directory, following a link: the output directory itself is chosen by the user and may be one. */
function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function nonEmptyDir(dir: string): boolean {
  try {
    return lstatSync(dir).isDirectory() && readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

function removeEmptyDir(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty, or gone: leave it.
  }
}
