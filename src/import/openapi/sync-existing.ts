// What a re-import finds under --out, read the way every spec is read (loadSpecs: no link followed, nothing outside
// the spec directory, size-capped, unparsable files left out) and through the path guard: the requests that may
// cover the document's operations, what is at each path the import generates, and what mvpm's record of written
// files says it wrote there.
import path from 'node:path';
import { readOwnership } from '../../emit/ownership.js';
import { PathGuardError, readFileInside, realRootOf, OutputRoot, sha256 } from '../../paths/path-guard.js';
import { type LoadedFolder, loadSpecs, REQUEST_SUFFIX } from '../../spec/load-specs.js';
import { recordedOperation, type ExistingRequest } from './sync.js';
import type { ExistingEnvironment } from './sync-environments.js';

export interface SyncState {
  readonly existing: readonly ExistingRequest[];
  /** Every environment spec under --out (environments/*.environment.yaml) that parses. */
  readonly environments: readonly ExistingEnvironment[];
  /**
   * The directories (under --out) of the collections whose definition names the document as its source, by path:
   * where an import that moved its collection keeps it.
   */
  readonly fromDocument: readonly string[];
  readonly present: ReadonlyMap<string, string>;
  readonly owned: ReadonlyMap<string, string>;
  readonly occupied: (file: string) => boolean;
}

export interface SyncStateOptions {
  /** The directory paths in messages are relative to (the project root). */
  readonly cwd: string;
  /** The OpenAPI document's absolute path. */
  readonly document: string;
  /** The generated collection's directory under --out. */
  readonly collectionDir: string;
  /** The per-user state directory holding the record of written files. */
  readonly stateDir: string;
}

/** The SHA-256 recorded for a path that is a link, a directory or a device: never what mvpm wrote. */
const NOT_A_FILE = 'not-a-file';

/**
 * What is under `out` (absolute) for a re-import. The requests looked at are those of the collections that come from
 * this document: the generated collection's directory, and any collection whose definition names the document as
 * its `openapi.source`. A request that records no operation is not the import's and is ignored. `generatedFiles`
 * gives the generated files other than requests for the collection directory the import will use (the generated
 * one, or the first by path of those naming the document when none of them is the generated one).
 */
export async function readSyncState(
  out: string,
  generatedFiles: (collectionDir: string) => readonly string[],
  options: SyncStateOptions,
): Promise<SyncState> {
  const specs = await loadSpecs({ specsDir: out, cwd: options.cwd });
  const ownCollection = path.resolve(out, ...options.collectionDir.split('/'));
  const existing: ExistingRequest[] = [];
  const sourced: string[] = [];
  for (const collection of specs.collections) {
    const named = fromDocument(collection.definition.toJS(), collection.definition.file, options);
    if (named) sourced.push(path.relative(out, collection.root.dir).split(path.sep).join('/'));
    if (named || path.resolve(collection.root.dir) === ownCollection) collectRequests(collection.root, out, existing);
  }
  sourced.sort();
  const collectionDir = sourced.includes(options.collectionDir)
    ? options.collectionDir
    : (sourced[0] ?? options.collectionDir);
  const present = new Map<string, string>();
  for (const file of generatedFiles(collectionDir)) {
    try {
      const bytes = readFileInside(out, file);
      if (bytes !== undefined) present.set(file, sha256(bytes));
    } catch (error) {
      if (!(error instanceof PathGuardError)) throw error;
      present.set(file, NOT_A_FILE);
    }
  }
  const environments = specs.environments.map((source) => ({
    file: path.relative(out, path.resolve(options.cwd, source.file)).split(path.sep).join('/'),
    value: source.toJS(),
  }));
  return {
    existing,
    environments,
    fromDocument: sourced,
    present,
    owned: ownedUnder(out, options),
    occupied: occupiedIn(out),
  };
}

/** Whether a collection definition's `openapi.source` is the document. */
function fromDocument(definition: unknown, shownFile: string, options: SyncStateOptions): boolean {
  const openapi = isObject(definition) ? definition['openapi'] : undefined;
  const source = isObject(openapi) ? openapi['source'] : undefined;
  if (typeof source !== 'string') return false;
  const definitionFile = path.resolve(options.cwd, shownFile);
  return path.resolve(path.dirname(definitionFile), source) === path.resolve(options.document);
}

function collectRequests(folder: LoadedFolder, out: string, into: ExistingRequest[]): void {
  for (const request of folder.requests) {
    const value = request.source.toJS();
    if (recordedOperation(value) === undefined) continue;
    const file = path.relative(out, path.join(folder.dir, `${request.name}${REQUEST_SUFFIX}`));
    into.push({ file: file.split(path.sep).join('/'), value });
  }
  for (const child of folder.folders) collectRequests(child, out, into);
}

/** mvpm's record of written files, for the files under `out`, by path under it. */
function ownedUnder(out: string, options: SyncStateOptions): Map<string, string> {
  const owned = new Map<string, string>();
  let realOut: string;
  try {
    realOut = realRootOf(out);
  } catch {
    return owned;
  }
  for (const [file, hash] of Object.entries(readOwnership(options.stateDir, options.cwd).files)) {
    const relative = path.relative(realOut, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
    owned.set(relative.split(path.sep).join('/'), hash);
  }
  return owned;
}

/**
 * Whether something is at a file under `out`, or the path guard refuses it (then nothing may be written there
 * either). One OutputRoot: a new request's candidate paths share a few directories, each checked once.
 */
function occupiedIn(out: string): (file: string) => boolean {
  const root = new OutputRoot(out);
  return (file) => {
    try {
      return root.lstat(file) !== undefined;
    } catch (error) {
      if (error instanceof PathGuardError) return true;
      throw error;
    }
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
