// The files an import produces, and the guards every one passes: path length, the path guard's name rule, and the
// nesting depth checked before anything walks the input.
import { nameProblem } from '../paths/path-guard.js';
import { ImportError, type ImportSubject, printable, quoted } from './import-error.js';
import { nestingDepth } from './json-util.js';
import { MAX_IMPORT_PATH_BYTES, MAX_INPUT_DEPTH } from './names.js';

export interface ImportedFile {
  /** Relative to the output (specs) directory, forward slashes; every part passes the path guard's nameProblem. */
  readonly path: string;
  readonly content: string;
}

/** A name in an item path: as it is, or quoted when it could be misread as several parts or none. */
export function pathSegment(name: string): string {
  return name === '' || name === '.' || name === '..' || name.includes('/') || /^\s|\s$/.test(name)
    ? quoted(name)
    : printable(name);
}

/** JSON nesting past MAX_INPUT_DEPTH is refused before anything walks the value (walks would exhaust the stack). */
export function checkSize(value: unknown, subject: ImportSubject): void {
  const { depth, pointer } = nestingDepth(value, MAX_INPUT_DEPTH);
  if (depth > MAX_INPUT_DEPTH) {
    throw new ImportError('E_IMPORT_TOO_DEEP', `the JSON nests more than ${MAX_INPUT_DEPTH} levels deep`, {
      subject,
      pointer: shortPointer(pointer ?? ''),
      hint: 'Postman does not export anything this deep; check where the file came from',
    });
  }
}

/** A pointer for a message: at most 200 characters, cut in the middle. */
function shortPointer(pointer: string): string {
  return pointer.length <= 200 ? pointer : `${pointer.slice(0, 99)}…${pointer.slice(-100)}`;
}

export function addFile(files: ImportedFile[], path: string, content: string, pointer: string, where: string): void {
  const bytes = Buffer.byteLength(path);
  if (bytes > MAX_IMPORT_PATH_BYTES) {
    throw new ImportError(
      'E_IMPORT_PATH_TOO_LONG',
      `a file's path would be ${bytes} bytes long; mvpm import writes paths of at most ${MAX_IMPORT_PATH_BYTES} bytes`,
      {
        pointer: shortPointer(pointer),
        itemPath: where,
        hint: 'shorten the folder and request names in Postman',
      },
    );
  }
  files.push({ path, content });
}

/** Every part of every path passed the path guard's rule: a failure here is a bug in the importer, not bad input. */
export function assertGuarded(path: string): void {
  for (const part of path.split('/')) {
    if (nameProblem(part) !== undefined) throw new Error(`import produced an unsafe path part ${JSON.stringify(part)}`);
  }
}
