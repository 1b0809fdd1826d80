// Reading an import input file: a regular file (not a directory, device, FIFO or socket: `/dev/zero` would never
// end and a FIFO would never start), at most MAX_IMPORT_BYTES read, UTF-8 with or without a byte order mark, JSON.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { firstInvalidUtf8 } from '../spec/parse-value.js';
import { ImportError } from './import-error.js';
import { lineAndColumn, locateJsonError } from './json-syntax.js';

/** The largest collection or environment file read: 32 MiB, well above a Postman export with saved responses. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

export interface ReadImportOptions {
  /** Default MAX_IMPORT_BYTES. */
  readonly maxBytes?: number;
}

const EXPORT_HINT = "export it again from Postman (Export → Collection v2.1, or the environment's Export)";

/** The JSON value in `file` (an absolute path). Throws ImportError (subject: collection; the caller re-labels it). */
export function readImportInput(file: string, options: ReadImportOptions = {}): unknown {
  return parseImportText(readImportBytes(file, options));
}

/** The bytes of `file` (an absolute path): a regular file, at most `maxBytes`. Throws ImportError as above. */
export function readImportBytes(file: string, options: ReadImportOptions = {}): Buffer {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw cannotRead(error);
  }
  refuseNonFile(stats);
  if (stats.size > maxBytes) throw tooLarge(stats.size, maxBytes);
  let fd: number;
  try {
    // O_NONBLOCK: were the file swapped for a FIFO since the stat, opening it would not wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw cannotRead(error);
  }
  let bytes: Buffer;
  try {
    refuseNonFile(fstatSync(fd));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw tooLarge(undefined, maxBytes);
    }
    bytes = Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw cannotRead(error);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** Bytes → JSON value: UTF-8 (a leading byte order mark is skipped), then JSON. */
export function parseImportText(bytes: Uint8Array): unknown {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportError(
      'E_IMPORT_NOT_UTF8',
      'UTF-16 text (it starts with a UTF-16 byte order mark); mvpm import reads UTF-8',
      {
        position: { line: 1, column: 1 },
        hint: 'save the file as UTF-8, or export it again from Postman (which writes UTF-8)',
      },
    );
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== undefined) {
    const before = Buffer.from(bytes.subarray(0, bad)).toString('utf8');
    throw new ImportError('E_IMPORT_NOT_UTF8', `not UTF-8 text (byte ${bad + 1} is not part of a UTF-8 character)`, {
      position: lineAndColumn(before, before.length),
      hint: 'Postman exports UTF-8; save the file as UTF-8, or export it again',
    });
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const source = Buffer.from(bytes.subarray(hasBom ? 3 : 0)).toString('utf8');
  try {
    return JSON.parse(source) as unknown;
  } catch {
    const where = locateJsonError(source) ?? { offset: 0, message: 'not JSON' };
    throw new ImportError('E_IMPORT_JSON', `not valid JSON: ${where.message}`, {
      position: lineAndColumn(source, where.offset),
      hint: EXPORT_HINT,
    });
  }
}

function refuseNonFile(stats: Stats): void {
  if (stats.isFile()) return;
  const what = stats.isDirectory()
    ? 'a directory'
    : stats.isFIFO()
      ? 'a FIFO (named pipe)'
      : stats.isSocket()
        ? 'a socket'
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? 'a device'
          : 'not a regular file';
  throw new ImportError('E_IMPORT_NOT_FILE', `is ${what}; mvpm import reads only regular files`, {
    hint: 'name the exported .json file',
  });
}

/** `size` when known from the file's metadata; a file that grew while being read has more than `limit`. */
function tooLarge(size: number | undefined, limit: number): ImportError {
  return new ImportError(
    'E_IMPORT_TOO_LARGE',
    `the file ${size === undefined ? `has more than ${limit} bytes` : `is ${size} bytes`}; mvpm import reads at ` +
      `most ${limit} bytes`,
    {
      hint: 'export the collection without saved responses (examples), or split it into several collections',
    },
  );
}

function cannotRead(error: unknown): ImportError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a directory'
          : 'it cannot be read';
  return new ImportError('E_IMPORT_READ', `cannot read it: ${why}${code ? ` (${code})` : ''}`, {
    hint: code === 'ENOENT' ? 'check the path' : undefined,
  });
}

export { firstInvalidUtf8 };
