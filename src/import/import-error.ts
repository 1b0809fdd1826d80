// The errors and warnings of `mvpm import`. Every error has a stable code (documented in docs/cli.md and
// docs/errors.md, checked by tests), says which input it is about (the CLI turns that into the file name of its
// location) and, where there is one, the JSON pointer and the item path inside it. Messages never quote a value from
// the input that could be a secret; text that is quoted (names) goes through printable(), so no input can move the
// cursor or reorder a terminal line.
import type { Codes, Warnings } from '../errors/codes.js';
import { MvpmError } from '../errors/mvpm-error.js';
import { UNSAFE_TEXT } from '../paths/path-guard.js';

export type ImportErrorCode = Codes<
  /** The input file could not be opened or read. */
  | 'E_IMPORT_READ'
  /** The input is a directory, a device, a FIFO or a socket. */
  | 'E_IMPORT_NOT_FILE'
  /** The input is larger than MAX_IMPORT_BYTES. */
  | 'E_IMPORT_TOO_LARGE'
  /** The input is not UTF-8 text. */
  | 'E_IMPORT_NOT_UTF8'
  /** The input is not JSON. */
  | 'E_IMPORT_JSON'
  /** The JSON nests too deep, or folders nest too deep. */
  | 'E_IMPORT_TOO_DEEP'
  /** More items than MAX_IMPORT_ITEMS. */
  | 'E_IMPORT_TOO_MANY'
  /** Not a Postman collection (no `info` or `item` list). */
  | 'E_IMPORT_NOT_COLLECTION'
  /** A collection format other than v2.1, v2.0 and the v3 YAML directory. */
  | 'E_IMPORT_FORMAT'
  /** Not a Postman environment (no `values` list). */
  | 'E_IMPORT_NOT_ENVIRONMENT'
  /** A v3 file is not valid YAML, is an alias bomb, or nests too deep. */
  | 'E_IMPORT_YAML'
  /** A v3 file's `$kind` is missing, unknown, or wrong for where the file is. */
  | 'E_IMPORT_KIND'
  /** A v3 file's field has the wrong type or shape. */
  | 'E_IMPORT_SHAPE'
  /** Two items of one v3 folder have the same `order`. */
  | 'E_IMPORT_ORDER'
  /** A file's path under the output directory would be longer than MAX_IMPORT_PATH_BYTES. */
  | 'E_IMPORT_PATH_TOO_LONG'
  /** Files the import would write exist already and --force was not given. */
  | 'E_IMPORT_EXISTS'
  /** Writing failed (disk full, no permission); what was staged is removed and nothing is in place. */
  | 'E_IMPORT_WRITE'
  /** An option differs from what a hand-edited collection definition records of the import; the record stays. */
  | 'E_OPENAPI_RECORDED_OPTION'
  /** From the path guard: a target passes through or is a symbolic link, is not a regular file, or is outside. */
  | 'E_PATH_LINK'
  | 'E_PATH_NOT_FILE'
  | 'E_PATH_OUTSIDE'
  | 'E_PATH_NAME'
>;

/** Every error code, for the documentation test. */
export const IMPORT_ERROR_CODES: readonly ImportErrorCode[] = [
  'E_IMPORT_READ',
  'E_IMPORT_NOT_FILE',
  'E_IMPORT_TOO_LARGE',
  'E_IMPORT_NOT_UTF8',
  'E_IMPORT_JSON',
  'E_IMPORT_TOO_DEEP',
  'E_IMPORT_TOO_MANY',
  'E_IMPORT_NOT_COLLECTION',
  'E_IMPORT_FORMAT',
  'E_IMPORT_NOT_ENVIRONMENT',
  'E_IMPORT_YAML',
  'E_IMPORT_KIND',
  'E_IMPORT_SHAPE',
  'E_IMPORT_ORDER',
  'E_IMPORT_PATH_TOO_LONG',
  'E_IMPORT_EXISTS',
  'E_IMPORT_WRITE',
  'E_OPENAPI_RECORDED_OPTION',
  'E_PATH_LINK',
  'E_PATH_NOT_FILE',
  'E_PATH_OUTSIDE',
  'E_PATH_NAME',
];

/** Which input an error is about: the collection, the n-th environment (0-based), or the output directory. */
export type ImportSubject =
  | { readonly kind: 'collection' }
  | { readonly kind: 'environment'; readonly index: number }
  | { readonly kind: 'output'; readonly path: string };

export interface ImportErrorDetails {
  readonly subject?: ImportSubject;
  /**
   * The file inside a v3 collection directory the error is in, relative to that directory, forward slashes,
   * printable: the CLI shows it after the directory the user named.
   */
  readonly part?: string;
  /** JSON pointer (RFC 6901) into the input. */
  readonly pointer?: string;
  /** Line and column (1-based) in the input file. */
  readonly position?: { readonly line: number; readonly column: number };
  /** Folder and item names from the collection's root, as printable text. */
  readonly itemPath?: string;
  readonly hint?: string;
}

/** Input that cannot be imported, or an output that cannot be written. Nothing has been written when it is thrown. */
export class ImportError extends MvpmError {
  declare readonly code: ImportErrorCode;
  readonly subject: ImportSubject;
  readonly pointer: string | undefined;
  readonly position: { readonly line: number; readonly column: number } | undefined;
  readonly itemPath: string | undefined;
  readonly part: string | undefined;

  constructor(code: ImportErrorCode, message: string, details: ImportErrorDetails & { readonly file?: string } = {}) {
    super(code, message, {
      ...(details.hint === undefined ? {} : { hint: details.hint }),
      location: {
        ...(details.file === undefined ? {} : { file: details.file }),
        ...(details.position ?? {}),
        ...(details.pointer === undefined ? {} : { pointer: printable(details.pointer, 200) }),
        ...(details.itemPath === undefined ? {} : { item: details.itemPath }),
      },
    });
    this.name = 'ImportError';
    this.subject = details.subject ?? { kind: 'collection' };
    this.pointer = details.pointer;
    this.position = details.position;
    this.itemPath = details.itemPath;
    this.part = details.part;
  }

  /** The same error about another input (readers and importers do not know which file they were given). */
  about(subject: ImportSubject): ImportError {
    return new ImportError(this.code, this.message, { ...this.details(), subject });
  }

  /**
   * The same error located in `file`, the name of its subject as the user gave it (printable); for an error in a
   * file of a v3 collection directory, `file` is the directory and the file inside it follows.
   */
  in(file: string): ImportError {
    const inside = this.part === undefined ? file : `${file.replace(/\/+$/, '')}/${this.part}`;
    return new ImportError(this.code, this.message, { ...this.details(), file: inside });
  }

  private details(): ImportErrorDetails {
    return {
      subject: this.subject,
      ...(this.pointer === undefined ? {} : { pointer: this.pointer }),
      ...(this.position === undefined ? {} : { position: this.position }),
      ...(this.itemPath === undefined ? {} : { itemPath: this.itemPath }),
      ...(this.part === undefined ? {} : { part: this.part }),
      ...(this.hint === undefined ? {} : { hint: this.hint }),
    };
  }
}

export type ImportWarningCode = Warnings<
  /** A name was changed to be a safe, unique file or directory name. */
  | 'W_IMPORT_RENAMED'
  /** A literal secret was replaced by a `{{variable}}`. */
  | 'W_IMPORT_SECRET'
  /** A raw script was dropped (no --allow-scripts) or could not be kept. */
  | 'W_IMPORT_SCRIPT'
  /** A form-data `src` outside the project was dropped. */
  | 'W_IMPORT_SRC'
  /** Something with no spec equivalent was dropped. */
  | 'W_IMPORT_DROPPED'
  /** Where a secret may be sent (`sendTo`) was inferred from the requests that send it. */
  | 'W_IMPORT_SEND_TO'
  /** An OpenAPI security scheme mvpm does not set up: what to set up by hand. */
  | 'W_OPENAPI_SECURITY'
  /** An environment has a generated one's target: that one is not written; the variables to add are listed. */
  | 'W_OPENAPI_ENVIRONMENT'
>;

export const IMPORT_WARNING_CODES: readonly ImportWarningCode[] = [
  'W_IMPORT_RENAMED',
  'W_IMPORT_SECRET',
  'W_IMPORT_SCRIPT',
  'W_IMPORT_SRC',
  'W_IMPORT_DROPPED',
  'W_IMPORT_SEND_TO',
  'W_OPENAPI_SECURITY',
  'W_OPENAPI_ENVIRONMENT',
];

export interface ImportWarning {
  readonly code: ImportWarningCode;
  /** Where: `collection/Folder/Request`, `environment staging`, …, printable. */
  readonly where: string;
  readonly message: string;
}

/** The longest quoted text in a message; longer names are cut in the middle. */
const MAX_SHOWN = 80;

/**
 * Untrusted text made safe to print: control characters, line separators and bidirectional controls as `\uXXXX`,
 * cut to `max` characters. Used for every name from the input that reaches a message.
 */
export function printable(value: string, max = MAX_SHOWN): string {
  const chars = [...value];
  const cut =
    chars.length > max
      ? [...chars.slice(0, Math.ceil((max - 1) / 2)), '…', ...chars.slice(chars.length - Math.floor((max - 1) / 2))]
      : chars;
  return cut.map((c) => (UNSAFE_TEXT.test(c) ? `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}` : c)).join('');
}

/** A name in a message: printable and in double quotes. */
export function quoted(value: string): string {
  return `"${printable(value)}"`;
}
