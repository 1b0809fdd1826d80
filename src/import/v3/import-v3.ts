// `mvpm import` of the Postman v3 YAML format (Postman v12's Local View and Native Git): a collection directory
// (`postman/collections/<name>/`, or the path of its `.resources/definition.yaml`) and `<name>.environment.yaml`
// environments. The tree is read through the path guard (read-tree.ts) and turned into the v2.1 object the importer
// already reads (to-v21.ts), so both formats share one pipeline; an error the importer raises about an item is
// located back in the item's file.
import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { importCollection, type ImportInput, type ImportResult } from '../import-collection.js';
import { ImportError, type ImportWarning } from '../import-error.js';
import { isObject, type Json } from '../json-util.js';
import { readImportBytes } from '../read-input.js';
import { DEFINITION_FILE, readV3Tree, RESOURCES_DIR, type V3Folder } from './read-tree.js';
import { type V3Origin, v3ToV21 } from './to-v21.js';
import { fileError, parseYamlFile } from './yaml-file.js';

/** What `mvpm import` was given: a v2.1/v2.0 JSON export, or a v3 collection directory / YAML file. */
export type ImportFormat = 'json' | 'v3';

/**
 * The format of an input path (absolute): a directory, or a `.yaml`/`.yml` file, is v3; anything else is read as
 * JSON. A path that does not exist is JSON, so its error is today's E_IMPORT_READ.
 */
export function importFormatOf(input: string): ImportFormat {
  let stats: ReturnType<typeof statSync> | undefined;
  try {
    stats = lstatSync(input);
  } catch {
    stats = undefined;
  }
  if (/\.ya?ml$/i.test(input)) return 'v3';
  // The user named this path, so it may be a link (to a directory, say); nothing below it may be.
  if (stats?.isSymbolicLink()) {
    try {
      stats = statSync(input);
    } catch {
      return 'json';
    }
  }
  return stats?.isDirectory() ? 'v3' : 'json';
}

export interface V3Collection {
  /** The v2.1 object importCollection reads. */
  readonly collection: Json;
  /** The directory's name: the spec directory the collection is written into. */
  readonly slug: string;
  /** Files ignored and things dropped while reading, before the importer's own warnings. */
  readonly warnings: readonly ImportWarning[];
  /** v2.1 item pointers → their files, to locate the importer's errors (relocate). */
  readonly origins: ReadonlyMap<string, V3Origin>;
  /** The directory read (absolute) and every file read in it (relative, forward slashes) → SHA-256 of its bytes. */
  readonly dir: string;
  readonly hashes: ReadonlyMap<string, string>;
}

/**
 * Reads a v3 collection: `input` (absolute) is its directory or its `.resources/definition.yaml`. Throws ImportError
 * (subject: collection) located in the offending file (`part`, relative to the collection directory).
 */
export function readV3Collection(input: string): V3Collection {
  const dir =
    path.basename(input) === DEFINITION_FILE && path.basename(path.dirname(input)) === RESOURCES_DIR
      ? path.dirname(path.dirname(input))
      : input;
  if (/\.ya?ml$/i.test(dir)) {
    throw new ImportError('E_IMPORT_NOT_COLLECTION', 'a YAML file other than a collection definition', {
      hint:
        'name the collection directory (postman/collections/<name>) or its .resources/definition.yaml; a ' +
        '<name>.environment.yaml goes after --environment',
    });
  }
  const warnings: ImportWarning[] = [];
  const tree = readV3Tree(dir, warnings);
  const { collection, origins } = v3ToV21(tree, warnings);
  const hashes = new Map<string, string>();
  const walk = (folder: V3Folder): void => {
    if (folder.definition) hashes.set(folder.definition.part, folder.definition.sha256);
    for (const r of folder.requests) hashes.set(r.file.part, r.file.sha256);
    for (const f of folder.folders) walk(f);
  };
  walk(tree);
  return { collection, slug: path.basename(path.resolve(dir)), warnings, origins, dir: path.resolve(dir), hashes };
}

/** Environment file name endings, longest first: what is left is the environment's slug. */
const ENVIRONMENT_SUFFIXES = ['.environment.yaml', '.environment.yml', '.yaml', '.yml'];

/**
 * Reads a v3 environment (`name`, `values: [{key, value, enabled, type}]`) as the v2.1 environment object the
 * importer reads. `index` is its place among the environments, for errors.
 */
export function readV3Environment(file: string, index: number): { environment: Json; slug: string } {
  const subject = { kind: 'environment', index } as const;
  let bytes: Buffer;
  try {
    bytes = readImportBytes(file);
  } catch (error) {
    throw error instanceof ImportError ? error.about(subject) : error;
  }
  const base = path.basename(file);
  const yaml = parseYamlFile(bytes, base, subject);
  const value = yaml.value;
  const fail = (message: string, at: (string | number)[]): ImportError =>
    fileError(yaml, subject, 'E_IMPORT_NOT_ENVIRONMENT', message, at, 'a v3 environment has `name` and `values`');
  if (!isObject(value) || !Array.isArray(value['values']))
    throw fail('not a Postman environment: it needs a `values` list', isObject(value) ? ['values'] : []);
  value['values'].forEach((v, i) => {
    if (!isObject(v)) throw fail('each of `values` must be a mapping {key, value, enabled, type}', ['values', i]);
    const scalar = v['value'];
    if (scalar !== undefined && scalar !== null && typeof scalar === 'object')
      throw fail('a value must be text (quote it), a number or true/false', ['values', i, 'value']);
  });
  const suffix = ENVIRONMENT_SUFFIXES.find((s) => base.toLowerCase().endsWith(s)) ?? '';
  return { environment: value, slug: base.slice(0, base.length - suffix.length) };
}

/**
 * The importer's error about a v2.1 item (found by its pointer) located in the item's v3 file instead; an error
 * without a pointer, or about another input, is returned as it is.
 */
export function relocate(error: ImportError, origins: ReadonlyMap<string, V3Origin>): ImportError {
  if (error.subject.kind !== 'collection' || error.pointer === undefined || error.part !== undefined) return error;
  let pointer = error.pointer;
  for (;;) {
    const origin = origins.get(pointer);
    if (origin !== undefined) {
      return new ImportError(error.code, error.message, {
        subject: error.subject,
        part: origin.part,
        ...(origin.position === undefined ? {} : { position: origin.position }),
        ...(error.itemPath === undefined ? {} : { itemPath: error.itemPath }),
        ...(error.hint === undefined ? {} : { hint: error.hint }),
      });
    }
    const cut = pointer.lastIndexOf('/');
    if (cut <= 0) return error;
    pointer = pointer.slice(0, cut);
  }
}

export interface ImportV3Options extends Omit<ImportInput, 'collection' | 'slug' | 'environments'> {
  /** v3 environment files (absolute), each `<name>.environment.yaml`. Default none. */
  readonly environments?: readonly string[];
  /** The collection directory's slug. Default: the directory's name. */
  readonly slug?: string;
}

/**
 * A v3 collection directory (absolute, or its definition.yaml) and environments → spec files in memory, as
 * importCollection gives them for a v2.1 export: nothing is written. Throws ImportError located in a v3 file.
 */
export function importV3(dir: string, options: ImportV3Options = {}): ImportResult {
  const read = readV3Collection(dir);
  const environments = (options.environments ?? []).map((file, index) => readV3Environment(file, index));
  try {
    const result = importCollection({
      ...options,
      collection: read.collection,
      slug: options.slug ?? read.slug,
      environments,
    });
    return { ...result, warnings: [...read.warnings, ...result.warnings] };
  } catch (error) {
    throw error instanceof ImportError ? relocate(error, read.origins) : error;
  }
}
