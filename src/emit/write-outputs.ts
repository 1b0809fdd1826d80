import { readdirSync, readFileSync, mkdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { COLLECTION_SUFFIX, displayPath, ENVIRONMENT_SUFFIX, type BuildResult, type OutputFile } from './build-project.js';

export interface WriteReport {
  readonly written: readonly string[];
  readonly unchanged: readonly string[];
  /** Generated files no spec produces any more (a renamed or deleted spec), removed. */
  readonly removed: readonly string[];
}

/** Which outputs to write or check: everything (`mvpm build`) or only the generated docs (`mvpm docs`). */
export type OutputScope = 'all' | 'docs';

export type StaleReason = 'differs' | 'missing' | 'orphaned';

export interface CheckReport {
  readonly stale: readonly { readonly path: string; readonly reason: StaleReason }[];
}

/**
 * Writes each output atomically (temp file + rename, so a reader never sees half a file) when its content
 * changed, and removes orphaned generated files. Refuses a build with errors: nothing is written then.
 */
export function writeOutputs(build: BuildResult, scope: OutputScope = 'all'): WriteReport {
  if (build.errors.length > 0) throw new Error('refusing to write the outputs of a build with errors');
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const file of outputsIn(build, scope)) {
    if (readIfExists(file.absolutePath) === file.content) {
      unchanged.push(file.path);
      continue;
    }
    mkdirSync(path.dirname(file.absolutePath), { recursive: true });
    writeFileAtomic.sync(file.absolutePath, file.content, { encoding: 'utf8', fsync: true });
    written.push(file.path);
  }
  const removed = orphans(build, scope).map((absolute) => {
    rmSync(absolute);
    return displayPath(build.options.cwd, absolute);
  });
  if (removed.length > 0) removeEmptyDirs(build.options.docsDir, false);
  return { written, unchanged, removed };
}

/** Compares the committed outputs with a fresh build, writing nothing (`mvpm build --check`). */
export function checkOutputs(build: BuildResult, scope: OutputScope = 'all'): CheckReport {
  const stale: { path: string; reason: StaleReason }[] = [];
  for (const file of outputsIn(build, scope)) {
    const current = readIfExists(file.absolutePath);
    if (current === undefined) stale.push({ path: file.path, reason: 'missing' });
    else if (current !== file.content) stale.push({ path: file.path, reason: 'differs' });
  }
  for (const absolute of orphans(build, scope)) stale.push({ path: displayPath(build.options.cwd, absolute), reason: 'orphaned' });
  return { stale };
}

function outputsIn(build: BuildResult, scope: OutputScope): readonly OutputFile[] {
  return scope === 'docs' ? build.docs : [...build.files, ...build.docs];
}

/** Generated files no output claims: `*.postman_*.json` in the Postman directories, every `.md` file anywhere under docsDir. */
function orphans(build: BuildResult, scope: OutputScope): string[] {
  const produced = new Set(outputsIn(build, scope).map((f) => f.absolutePath));
  const generated = (dir: string, suffix: string): string[] =>
    listDir(dir).filter((name) => name.endsWith(suffix)).map((name) => path.join(dir, name)).filter((p) => !produced.has(p));
  const docs = listTree(build.options.docsDir).filter((p) => p.endsWith('.md') && !produced.has(p));
  const postman = scope === 'docs' ? [] : [...generated(build.options.collectionsDir, COLLECTION_SUFFIX), ...generated(build.options.environmentsDir, ENVIRONMENT_SUFFIX)];
  return [...postman, ...docs].sort();
}

function listTree(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? listTree(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
}

/** Removes directories under `dir` left empty by orphan removal (a deleted collection's page folder). */
function removeEmptyDirs(dir: string, removeSelf: boolean): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) if (e.isDirectory()) removeEmptyDirs(path.join(dir, e.name), true);
  if (removeSelf && readdirSync(dir).length === 0) rmdirSync(dir);
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
