// What a re-import finds under --out, read the way every spec is read (loadSpecs: no link followed, nothing outside
// the spec directory, size-capped, unparsable files left out) and through the path guard: the requests that may
// cover the document's operations, what is at each path the import generates, and what mvpm's record of written
// files says it wrote there.
import path from 'node:path';
import { readOwnership } from '../../emit/ownership.js';
import { PathGuardError, readFileInside, realRootOf, OutputRoot, sha256 } from '../../paths/path-guard.js';
import { type LoadedFolder, loadSpecs, REQUEST_SUFFIX } from '../../spec/load-specs.js';
import { nodeAt, positionAt, type SourcePosition, type SpecSource } from '../../spec/source.js';
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
  /** The collection directory the import uses: the generated one, or where a moved collection now is. */
  readonly collectionDir: string;
  /** What that collection's definition records of the import (when it names the document). */
  readonly recorded: RecordedOptions;
  /** The parsed value of each collection and folder definition of the collections looked at, by path under --out. */
  readonly definitions: ReadonlyMap<string, unknown>;
  /** SHA-256 (hex) of what is at each of `files` (paths under --out); absent: no file. */
  readonly presentOf: (files: readonly string[]) => ReadonlyMap<string, string>;
  readonly owned: ReadonlyMap<string, string>;
  readonly occupied: (file: string) => boolean;
}

/** The import's options a collection definition records in its `openapi` block. */
export interface RecordedOptions {
  /** `openapi.baseUrlVariable`; absent: the default (`baseUrl`). */
  readonly baseUrlVariable?: string;
  /** The definition's path under --out. */
  readonly definition?: string;
  /** Where the record is in the definition (`openapi.baseUrlVariable`, else `openapi`): parsed only when asked. */
  readonly position?: () => SourcePosition | undefined;
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

const DEFINITION = '.resources/definition.yaml';

/**
 * What is under `out` (absolute) for a re-import, read before the document is converted (the collection's
 * definition records options the conversion needs). The requests looked at are those of the collections that come
 * from this document: the generated collection's directory, and any collection whose definition names the document
 * as its `openapi.source`. A request that records no operation is not the import's and is ignored. The collection
 * directory the import uses is the generated one, or the first by path of those naming the document when none of
 * them is the generated one.
 */
export async function readSyncState(out: string, options: SyncStateOptions): Promise<SyncState> {
  const specs = await loadSpecs({ specsDir: out, cwd: options.cwd });
  const ownCollection = path.resolve(out, ...options.collectionDir.split('/'));
  const existing: ExistingRequest[] = [];
  const sourced: string[] = [];
  const definitions = new Map<string, unknown>();
  const sources = new Map<string, SpecSource>();
  for (const collection of specs.collections) {
    const value = collection.definition.toJS();
    const named = fromDocument(value, collection.definition.file, options);
    const dir = underOut(out, collection.root.dir);
    if (named) {
      sourced.push(dir);
      sources.set(dir, collection.definition);
    }
    if (!named && path.resolve(collection.root.dir) !== ownCollection) continue;
    collectRequests(collection.root, out, existing);
    definitions.set(`${dir}/${DEFINITION}`, value);
    collectDefinitions(collection.root.folders, out, definitions);
  }
  sourced.sort();
  const collectionDir = sourced.includes(options.collectionDir)
    ? options.collectionDir
    : (sourced[0] ?? options.collectionDir);
  const presentOf = (files: readonly string[]): Map<string, string> => {
    const present = new Map<string, string>();
    for (const file of files) {
      try {
        const bytes = readFileInside(out, file);
        if (bytes !== undefined) present.set(file, sha256(bytes));
      } catch (error) {
        if (!(error instanceof PathGuardError)) throw error;
        present.set(file, NOT_A_FILE);
      }
    }
    return present;
  };
  const environments = specs.environments.map((source) => ({
    file: underOut(out, path.resolve(options.cwd, source.file)),
    value: source.toJS(),
  }));
  const definition = `${collectionDir}/${DEFINITION}`;
  return {
    existing,
    environments,
    fromDocument: sourced,
    collectionDir,
    recorded: sourced.includes(collectionDir) ? recordedOptions(sources.get(collectionDir)!, definition) : {},
    definitions,
    presentOf,
    owned: ownedUnder(out, options),
    occupied: occupiedIn(out),
  };
}

/** What a collection definition's `openapi` block records of the import's options. */
function recordedOptions(source: SpecSource, file: string): RecordedOptions {
  const definition = source.toJS();
  const openapi = isObject(definition) ? definition['openapi'] : undefined;
  const baseUrlVariable = isObject(openapi) ? openapi['baseUrlVariable'] : undefined;
  const position = (): SourcePosition | undefined => {
    const start = nodeAt(source, ['openapi', 'baseUrlVariable'])?.range?.[0];
    return start === undefined ? undefined : positionAt(source, start);
  };
  return typeof baseUrlVariable === 'string' && baseUrlVariable !== ''
    ? { baseUrlVariable, definition: file, position }
    : { definition: file, position };
}

function underOut(out: string, file: string): string {
  return path.relative(out, file).split(path.sep).join('/');
}

function collectDefinitions(folders: readonly LoadedFolder[], out: string, into: Map<string, unknown>): void {
  for (const folder of folders) {
    if (folder.definition !== undefined)
      into.set(`${underOut(out, folder.dir)}/${DEFINITION}`, folder.definition.toJS());
    collectDefinitions(folder.folders, out, into);
  }
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
