// File and directory names made from an imported collection: every name goes through the path guard's cleanName
// (no separators, `..`, device names, control or bidirectional characters, trailing dots or spaces, at most 200
// bytes), then gets a deterministic ` (2)` suffix when it collides with a name already taken in the same directory
// on a case-insensitive file system. Limits on depth, count and path length keep one collection from writing
// without end.
import { cleanName, collisionKey, MAX_NAME_BYTES, NAME_PROBLEM_TEXT, nameProblem } from '../paths/path-guard.js';

/** Folders may nest this deep; deeper is E_IMPORT_TOO_DEEP. */
export const MAX_FOLDER_DEPTH = 32;
/** JSON nesting allowed in an input (32 folders take 66 levels; the rest is requests and bodies). */
export const MAX_INPUT_DEPTH = 128;
/** Items (folders and requests) in one collection; more is E_IMPORT_TOO_MANY. */
export const MAX_IMPORT_ITEMS = 10_000;
/** A written file's path under the output directory, in UTF-8 bytes; longer is E_IMPORT_PATH_TOO_LONG. */
export const MAX_IMPORT_PATH_BYTES = 1000;

/** Top-level directories of the spec directory that are not collections: a collection slug must not take them. */
const RESERVED_TOP = ['environments', 'schemas', 'files'];

export interface TakenName {
  readonly name: string;
  /** Why it differs from the name wanted, in words; undefined when it does not. */
  readonly why?: string;
}

/** The names taken in one directory, compared as a case-insensitive file system compares them. */
export class DirectoryNames {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const name of reserved) this.taken.add(collisionKey(name));
  }

  /**
   * A safe name for `wanted` that no earlier take() in this directory has (ignoring case). `adjust` changes a
   * clean name that would mean something else in its place (folderName, schemaName); `suffix(name, n, maxBytes)`
   * makes the n-th candidate (default: `name (n)`); `maxBytes` leaves room for what the caller appends.
   */
  take(
    wanted: string,
    fallback: string,
    options: {
      readonly adjust?: Adjustment;
      readonly suffix?: (name: string, n: number, maxBytes: number) => string;
      readonly maxBytes?: number;
    } = {},
  ): TakenName {
    const maxBytes = options.maxBytes ?? MAX_NAME_BYTES;
    const cleaned = cleanName(cutToBytes(cleanName(wanted, fallback), maxBytes), fallback);
    const clean = options.adjust ? options.adjust.change(cleaned, maxBytes) : cleaned;
    let name = clean;
    for (let n = 2; this.taken.has(collisionKey(name)); n++) name = (options.suffix ?? numbered)(clean, n, maxBytes);
    this.taken.add(collisionKey(name));
    if (name === wanted) return { name };
    const reasons: string[] = [];
    if (cleaned !== wanted) {
      const problem = nameProblem(wanted);
      reasons.push(
        problem
          ? NAME_PROBLEM_TEXT[problem]
          : Buffer.byteLength(wanted) > maxBytes
            ? `it is longer than ${maxBytes} bytes`
            : /^[. ]/.test(wanted)
              ? 'it starts with a dot, which hides it'
              : 'it changes under Unicode normalisation (NFC)',
      );
    }
    if (clean !== cleaned) reasons.push(options.adjust!.why);
    if (name !== clean) reasons.push('an earlier item in the same place has the same name (ignoring letter case)');
    return { name, why: reasons.join('; ') };
  }
}

/** A change to a clean name so that it is read as what it is, and why, for the warning. */
export interface Adjustment {
  change(name: string, maxBytes: number): string;
  readonly why: string;
}

/** `name (n)`, the name first cut so that the whole stays within `maxBytes`. */
export function numbered(name: string, n: number, maxBytes: number = MAX_NAME_BYTES): string {
  return `${cutToBytes(name, maxBytes - Buffer.byteLength(` (${n})`))} (${n})`;
}

/** `users.schema.json` → `users-2.schema.json`: the number before the first dot, so the extension stays. */
export function numberedBeforeExtension(name: string, n: number, maxBytes: number = MAX_NAME_BYTES): string {
  const dot = name.indexOf('.', 1);
  const [stem, extension] = dot === -1 ? [name, ''] : [name.slice(0, dot), name.slice(dot)];
  return `${cutToBytes(stem, maxBytes - Buffer.byteLength(`-${n}${extension}`))}-${n}${extension}`;
}

/**
 * A folder's directory name must not read as something else in the spec layout: `X.request.yaml` would be taken
 * for a request file (and collide with request `X`'s file), `X.resources` is skipped as a resource directory.
 */
export const FOLDER_NAME: Adjustment = {
  change: (name, maxBytes) =>
    /(\.request\.ya?ml|\.resources)$/i.test(name) ? `${cutToBytes(name, maxBytes - 1)}_` : name,
  why: 'a directory named like that would not be read as a folder',
};

/** A schema file is read as JSON or YAML by its extension: a name without one gets `.json` (what is written). */
export const SCHEMA_NAME: Adjustment = {
  change: (name, maxBytes) => (/\.(json|ya?ml)$/i.test(name) ? name : `${cutToBytes(name, maxBytes - 5)}.json`),
  why: 'a schema file needs a .json, .yaml or .yml extension',
};

/** A collection's directory name: a clean name that is not one of the spec directory's reserved directories. */
export function collectionSlug(wanted: string): TakenName {
  const clean = cleanName(wanted, 'imported');
  const name = RESERVED_TOP.includes(collisionKey(clean)) ? `${clean}-collection` : clean;
  if (name === wanted) return { name };
  const problem = nameProblem(wanted);
  return {
    name,
    why: problem ? NAME_PROBLEM_TEXT[problem] : `\`${clean}\` is reserved for other files in the spec directory`,
  };
}

/** The text cut (on a character boundary, trailing dots and spaces dropped) to at most `bytes` UTF-8 bytes. */
export function cutToBytes(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  const chars = [...text];
  let size = 0;
  let end = 0;
  for (; end < chars.length; end++) {
    const next = Buffer.byteLength(chars[end]!);
    if (size + next > bytes) break;
    size += next;
  }
  return chars
    .slice(0, end)
    .join('')
    .replace(/[. ]+$/u, '');
}
