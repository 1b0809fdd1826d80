// Reading a Postman v3 collection directory (`postman/collections/<name>/`): every folder's `.resources/
// definition.yaml` and every `<name>.request.yaml`, through the path guard. The directory is untrusted: no link is
// followed (one is an error, not skipped: a request would silently go missing), every name passes the guard's rule,
// only regular files are opened (never waiting on a FIFO), and depth, entry count and total bytes are bounded.
import { closeSync, constants, type Dirent, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import { NAME_PROBLEM_TEXT, nameProblem, PathGuardError, resolveInside } from '../../paths/path-guard.js';
import { ImportError, type ImportWarning, printable } from '../import-error.js';
import { MAX_FOLDER_DEPTH, MAX_IMPORT_ITEMS } from '../names.js';
import { MAX_IMPORT_BYTES } from '../read-input.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';

export const RESOURCES_DIR = '.resources';
export const DEFINITION_FILE = 'definition.yaml';
export const REQUEST_SUFFIX = '.request.yaml';

/** Directory entries looked at in one collection: folders, requests and anything else beside them. */
export const MAX_V3_ENTRIES = 2 * MAX_IMPORT_ITEMS;

/** A folder (or the collection itself, `part` ''): its definition when it has one, its requests and subfolders. */
export interface V3Folder {
  /** Relative to the collection directory, forward slashes; '' for the collection. */
  readonly part: string;
  /** The directory's name. */
  readonly name: string;
  readonly definition: YamlFile | undefined;
  readonly requests: readonly V3Request[];
  readonly folders: readonly V3Folder[];
}

export interface V3Request {
  /** The file name without `.request.yaml`. */
  readonly name: string;
  readonly file: YamlFile;
}

export interface ReadV3Options {
  /** The most bytes read from all files together. Default MAX_IMPORT_BYTES. */
  readonly maxBytes?: number;
}

const COLLECTION = { kind: 'collection' } as const;

/**
 * The tree under `root` (an absolute directory the user named; it may itself be reached through a link, nothing
 * below it may). Throws ImportError located in the offending file; `warnings` gets the files it ignored.
 */
export function readV3Tree(root: string, warnings: ImportWarning[], options: ReadV3Options = {}): V3Folder {
  const state = { entries: 0, bytes: 0, maxBytes: options.maxBytes ?? MAX_IMPORT_BYTES };
  const definition = readDefinition(root, '', state);
  if (definition === undefined) {
    throw new ImportError(
      'E_IMPORT_NOT_COLLECTION',
      `not a Postman collection: the directory has no ${RESOURCES_DIR}/${DEFINITION_FILE}`,
      {
        subject: COLLECTION,
        hint:
          'name one collection directory (postman/collections/<name>, which holds .resources/definition.yaml with ' +
          '`$kind: collection`), its definition.yaml, or an exported Collection v2.1 .json file',
      },
    );
  }
  return readFolder(root, '', path.basename(root), definition, 0, state, warnings);
}

interface ReadState {
  entries: number;
  bytes: number;
  readonly maxBytes: number;
}

function readFolder(
  root: string,
  part: string,
  name: string,
  definition: YamlFile | undefined,
  depth: number,
  state: ReadState,
  warnings: ImportWarning[],
): V3Folder {
  const requests: V3Request[] = [];
  const folders: V3Folder[] = [];
  for (const entry of list(root, part)) {
    const child = part === '' ? entry.name : `${part}/${entry.name}`;
    if (entry.name.startsWith('.')) continue; // `.resources` (read with the definition), editor and VCS files
    if (++state.entries > MAX_V3_ENTRIES) {
      throw new ImportError('E_IMPORT_TOO_MANY', `the collection directory has more than ${MAX_V3_ENTRIES} entries`, {
        subject: COLLECTION,
        part: printable(child, 200),
        hint: 'split it into several collections',
      });
    }
    checkName(entry.name, child);
    if (entry.isSymbolicLink()) throw linkError(child);
    if (entry.isDirectory()) {
      if (depth >= MAX_FOLDER_DEPTH) {
        throw new ImportError('E_IMPORT_TOO_DEEP', `folders nest more than ${MAX_FOLDER_DEPTH} levels deep`, {
          subject: COLLECTION,
          part: printable(child, 200),
          hint: 'move the innermost folders up in Postman',
        });
      }
      const folderDefinition = readDefinition(root, child, state);
      folders.push(readFolder(root, child, entry.name, folderDefinition, depth + 1, state, warnings));
    } else if (entry.name.endsWith(REQUEST_SUFFIX)) {
      // Not only regular files: a FIFO or device named like a request is refused (E_PATH_NOT_FILE), not skipped.
      requests.push({ name: entry.name.slice(0, -REQUEST_SUFFIX.length), file: readYaml(root, child, state) });
    } else {
      warnings.push({
        code: 'W_IMPORT_DROPPED',
        where: `collection/${printable(child, 200)}`,
        message: entry.isFile()
          ? `ignored: not a request (<name>${REQUEST_SUFFIX}) and not a folder`
          : 'ignored: not a regular file or a directory',
      });
    }
  }
  return { part, name, definition, requests, folders };
}

/** `<part>/.resources/definition.yaml`, or undefined when there is none (`.resources` itself may not be a link). */
function readDefinition(root: string, part: string, state: ReadState): YamlFile | undefined {
  const resources = part === '' ? RESOURCES_DIR : `${part}/${RESOURCES_DIR}`;
  const resourcesStats = lstatInside(root, resources);
  if (resourcesStats === undefined) return undefined;
  if (resourcesStats.isSymbolicLink()) throw linkError(resources);
  if (!resourcesStats.isDirectory()) return undefined;
  const file = `${resources}/${DEFINITION_FILE}`;
  const stats = lstatInside(root, file);
  if (stats === undefined) return undefined;
  return readYaml(root, file, state);
}

/** The entries of a directory inside `root`, sorted by name (so errors and warnings come in a stable order). */
function list(root: string, part: string): Dirent[] {
  const absolute = part === '' ? root : guarded(root, part);
  try {
    return readdirSync(absolute, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  } catch (error) {
    throw cannotRead(part, error);
  }
}

/** Reads a regular file inside `root` (no link, no FIFO or device, within the byte budget) and parses it. */
function readYaml(root: string, part: string, state: ReadState): YamlFile {
  const absolute = guarded(root, part);
  let fd: number;
  try {
    // O_NOFOLLOW: a link swapped in since the walk is refused; O_NONBLOCK: a FIFO swapped in is not waited on.
    fd = openSync(absolute, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw linkError(part);
    throw cannotRead(part, error);
  }
  let bytes: Buffer;
  try {
    if (!fstatSync(fd).isFile()) {
      throw new ImportError('E_PATH_NOT_FILE', 'is not a regular file; mvpm import reads only regular files', {
        subject: COLLECTION,
        part: printable(part, 200),
        hint: 'replace it with the file Postman wrote',
      });
    }
    const chunks: Buffer[] = [];
    for (;;) {
      const room = state.maxBytes + 1 - state.bytes;
      const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(1024 * 1024, room)));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      state.bytes += read;
      if (state.bytes > state.maxBytes) {
        throw new ImportError(
          'E_IMPORT_TOO_LARGE',
          `the collection's files hold more than ${state.maxBytes} bytes; mvpm import reads at most ${state.maxBytes}`,
          {
            subject: COLLECTION,
            part: printable(part, 200),
            hint: 'remove saved responses (examples) and large bodies, or split it into several collections',
          },
        );
      }
    }
    bytes = Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw cannotRead(part, error);
  } finally {
    closeSync(fd);
  }
  return parseYamlFile(bytes, printable(part, 200), COLLECTION);
}

/** The absolute path of `part` under `root` by the path guard (no `..`, no link on the way, a usable name). */
function guarded(root: string, part: string): string {
  try {
    return resolveInside(root, part);
  } catch (error) {
    if (error instanceof PathGuardError) {
      throw new ImportError(error.code === 'E_PATH_FOREIGN' ? 'E_PATH_OUTSIDE' : error.code, error.message, {
        subject: COLLECTION,
        part: printable(part, 200),
        hint: 'replace links with the files they point to; mvpm reads only files inside the collection directory',
      });
    }
    throw error;
  }
}

function lstatInside(root: string, part: string): ReturnType<typeof lstatSync> | undefined {
  const absolute = guarded(root, part);
  try {
    return lstatSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw cannotRead(part, error);
  }
}

function checkName(name: string, part: string): void {
  const problem = nameProblem(name);
  if (problem === undefined) return;
  throw new ImportError('E_PATH_NAME', `has an unusable name: ${NAME_PROBLEM_TEXT[problem]}`, {
    subject: COLLECTION,
    part: printable(part, 200),
    hint: 'rename it in Postman (or on disk) to a name without control characters, separators or trailing dots',
  });
}

function linkError(part: string): ImportError {
  return new ImportError('E_PATH_LINK', 'is a symbolic link; mvpm import does not follow links', {
    subject: COLLECTION,
    part: printable(part, 200),
    hint: 'replace the link with the file or directory it points to; a link could make mvpm read files elsewhere',
  });
}

function cannotRead(part: string, error: unknown): ImportError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : 'it cannot be read';
  return new ImportError('E_IMPORT_READ', `cannot read it: ${why}${code ? ` (${code})` : ''}`, {
    subject: COLLECTION,
    ...(part === '' ? {} : { part: printable(part, 200) }),
  });
}
