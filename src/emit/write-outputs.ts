import { readdirSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { COLLECTION_SUFFIX, displayPath, ENVIRONMENT_SUFFIX, type BuildResult } from './build-project.js';

export interface WriteReport {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  /** Generated files no spec produces any more (a renamed or deleted spec), removed. */
  readonly removed: readonly string[];
}

export type StaleReason = 'differs' | 'missing' | 'orphaned';

export interface CheckReport {
  readonly stale: readonly { readonly path: string; readonly reason: StaleReason }[];
}

/**
 * Writes each output atomically (temp file + rename, so a reader never sees half a file) when its content
 * changed, and removes orphaned generated files. Refuses a build with errors: nothing is written then.
 */
export function writeOutputs(build: BuildResult): WriteReport {
  if (build.errors.length > 0) throw new Error('refusing to write the outputs of a build with errors');
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of build.files) {
    if (readIfExists(file.absolutePath) === file.content) {
      unchanged.push(file.path);
      continue;
    }
    mkdirSync(path.dirname(file.absolutePath), { recursive: true });
    writeFileAtomic.sync(file.absolutePath, file.content, { encoding: 'utf8', fsync: true });
    written.push(file.path);
  }
  const removed = orphans(build).map((absolute) => {
    rmSync(absolute);
    return displayPath(build.options.cwd, absolute);
  });
  return { written, unchanged, removed };
}

/** Compares the committed outputs with a fresh build, writing nothing (`mvpm build --check`). */
export function checkOutputs(build: BuildResult): CheckReport {
  const stale: { path: string; reason: StaleReason }[] = [];
  for (const file of build.files) {
    const current = readIfExists(file.absolutePath);
    if (current === undefined) stale.push({ path: file.path, reason: 'missing' });
    else if (current !== file.content) stale.push({ path: file.path, reason: 'differs' });
  }
  for (const absolute of orphans(build)) stale.push({ path: displayPath(build.options.cwd, absolute), reason: 'orphaned' });
  return { stale };
}

function orphans(build: BuildResult): string[] {
  const produced = new Set(build.files.map((f) => f.absolutePath));
  const generated = (dir: string, suffix: string): string[] =>
    listDir(dir).filter((name) => name.endsWith(suffix)).map((name) => path.join(dir, name)).filter((p) => !produced.has(p));
  return [...generated(build.options.collectionsDir, COLLECTION_SUFFIX), ...generated(build.options.environmentsDir, ENVIRONMENT_SUFFIX)].sort();
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
