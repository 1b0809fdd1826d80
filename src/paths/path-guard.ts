// The one path guard. Every path that comes from input (a spec's file names, an imported collection's item names and
// labels, a schema file reference, a form-data `src`, an output directory) goes through these functions before mvpm
// reads, writes or deletes anything: names are checked (or cleaned) by one rule, a path is resolved inside a root by
// its real path without following a symbolic link, and writes and deletions refuse links and foreign files.
import { createHash, randomBytes } from 'node:crypto';
import {
  close,
  closeSync,
  constants,
  fstatSync,
  fsync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  unlinkSync,
  type Stats,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { Codes } from '../errors/codes.js';
import { MvpmError } from '../errors/mvpm-error.js';

/**
 * The longest name, in UTF-8 bytes. File systems allow 255 bytes per name; mvpm adds suffixes of up to 26 bytes
 * (`.postman_collection.json`, `.request.yaml`) and a staging prefix, so names stop well below that.
 */
export const MAX_NAME_BYTES = 200;

/** Windows' reserved device names; `CON.txt` is reserved too. Refused everywhere, so a checkout works on any system. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;

/** Characters that may never appear in a name: separators, characters Windows refuses, and NUL. */
const FORBIDDEN = /[/\\<>:"|?*\u0000]/u;

/**
 * Line and paragraph separators, other control characters (C0, DEL, C1) and bidirectional controls
 * (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, U+200E/U+200F marks, U+061C): text that could
 * end a line of generated code or make a reviewer read something other than what runs.
 */
export const UNSAFE_TEXT = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** Bidirectional controls only: refused even in raw scripts, where line breaks are legitimate. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export type NameProblem =
  | 'empty'
  | 'dot-name'
  | 'separator'
  | 'control'
  | 'reserved'
  | 'trailing'
  | 'leading-space'
  | 'too-long';

/** Why a name cannot be a file or directory name, in words, for messages. */
export const NAME_PROBLEM_TEXT: Readonly<Record<NameProblem, string>> = {
  empty: 'it is empty',
  'dot-name': 'it is `.` or `..`',
  separator: 'it contains a path separator or one of < > : " | ? *',
  control: 'it contains a control character, a line or paragraph separator, or a bidirectional control',
  reserved: 'it is a reserved device name on Windows (CON, PRN, AUX, NUL, COM1–9, LPT1–9)',
  trailing: 'it ends with a dot or a space, which Windows drops',
  'leading-space': 'it starts with a space',
  'too-long': `it is longer than ${MAX_NAME_BYTES} bytes`,
};

/** The first reason `name` is not a safe single path component, or undefined when it is one. */
export function nameProblem(name: string): NameProblem | undefined {
  if (name.length === 0) return 'empty';
  if (name === '.' || name === '..') return 'dot-name';
  if (UNSAFE_TEXT.test(name)) return 'control';
  if (FORBIDDEN.test(name)) return 'separator';
  if (RESERVED.test(name)) return 'reserved';
  if (/[. ]$/u.test(name)) return 'trailing';
  if (name.startsWith(' ')) return 'leading-space';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return 'too-long';
  return undefined;
}

/** UNSAFE_TEXT and FORBIDDEN for replace(): compiled once, not for every name (an import cleans thousands). */
const UNSAFE_ALL = new RegExp(UNSAFE_TEXT.source, 'gu');
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');

/**
 * A safe name made from untrusted text (an imported item's name, a schema label): unsafe characters become `_`,
 * leading and trailing dots and spaces go, reserved names get a `_` prefix, and the result is cut to
 * MAX_NAME_BYTES (on a character boundary). Never empty: `fallback` stands in. The result passes nameProblem().
 */
export function cleanName(text: string, fallback = 'unnamed'): string {
  let name = text
    .normalize('NFC')
    .replace(UNSAFE_ALL, '_')
    .replace(FORBIDDEN_ALL, '_')
    .replace(/^[. ]+|[. ]+$/gu, '');
  if (name === '' || name === '.' || name === '..') name = fallback;
  if (RESERVED.test(name)) name = `_${name}`;
  while (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) name = [...name].slice(0, -1).join('');
  name = name.replace(/[. ]+$/u, '');
  return name === '' ? fallback : name;
}

/** The key two names collide under on a case-insensitive (and normalising) file system. */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** The path guard's codes (docs/errors.md). */
export type PathGuardCode = Codes<
  'E_PATH_OUTSIDE' | 'E_PATH_LINK' | 'E_PATH_NAME' | 'E_PATH_NOT_FILE' | 'E_PATH_FOREIGN'
>;

/** Thrown when a path would leave its root, pass through a link, or touch a file mvpm may not touch. */
export class PathGuardError extends MvpmError {
  declare readonly code: PathGuardCode;

  constructor(
    code: PathGuardCode,
    message: string,
    /** The offending path, as given (relative to the root where there is one). */
    readonly target: string,
    options?: { hint?: string },
  ) {
    super(code, message, options);
    this.name = 'PathGuardError';
  }
}

/**
 * `relative` (forward or back slashes) resolved inside `root`: refused when it is absolute, has an empty, `.` or
 * `..` component or any unsafe name, or when any existing component below the root is a symbolic link; then the
 * real path of the deepest existing ancestor is checked to lie inside the real root. The file itself need not exist.
 * Returns the absolute path (under the real root).
 */
export function resolveInside(root: string, relative: string): string {
  const parts = checkedParts(root, relative);
  const realRoot = realRootOf(root);
  let current = realRoot;
  for (const [i, part] of parts.entries()) {
    current = path.join(current, part);
    const stats = lstatOrUndefined(current);
    if (stats === undefined) break;
    if (!stats.isSymbolicLink()) continue;
    const link = parts.slice(0, i + 1).join('/');
    throw new PathGuardError(
      'E_PATH_LINK',
      i === parts.length - 1
        ? `${link} is a symbolic link; mvpm does not follow links`
        : `${relative} passes through the symbolic link ${link}; mvpm does not follow links`,
      relative,
    );
  }
  const absolute = path.join(realRoot, ...parts);
  if (!isInside(realRoot, absolute))
    throw new PathGuardError('E_PATH_OUTSIDE', `${JSON.stringify(relative)} leaves ${root}`, relative);
  return absolute;
}

/** The components of `relative`, each a safe name; refused when it is absolute or has an unusable name. */
function checkedParts(root: string, relative: string): string[] {
  if (relative === '' || path.isAbsolute(relative) || path.win32.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) {
    throw new PathGuardError(
      'E_PATH_OUTSIDE',
      `${JSON.stringify(relative)} is not a relative path inside ${root}`,
      relative,
    );
  }
  const parts = relative.split(/[/\\]/);
  for (const part of parts) {
    const problem = nameProblem(part);
    if (problem === 'dot-name')
      throw new PathGuardError(
        'E_PATH_OUTSIDE',
        `${JSON.stringify(relative)} leaves ${root} (it has a \`..\` or \`.\` part)`,
        relative,
      );
    if (problem)
      throw new PathGuardError(
        'E_PATH_NAME',
        `${JSON.stringify(relative)} has an unusable name: ${NAME_PROBLEM_TEXT[problem]}`,
        relative,
      );
  }
  return parts;
}

/**
 * Checks an absolute path found by walking `root` (not typed by anyone): it must lie inside the real root and no
 * component below the root may be a link. Returns the path relative to the root, forward slashes.
 */
export function relativeInside(root: string, absolute: string): string {
  const realRoot = realRootOf(root);
  const relative = path.relative(realRoot, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new PathGuardError('E_PATH_OUTSIDE', `${absolute} is not inside ${root}`, absolute);
  }
  resolveInside(realRoot, relative);
  return relative.split(path.sep).join('/');
}

/** Whether `absolute` is `root` itself or below it (both already real or both lexical). */
export function isInside(root: string, absolute: string): boolean {
  const relative = path.relative(root, absolute);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Creates `root` when missing (with its parents) and returns its real path. The root is chosen by the person
 * running mvpm (`--collections out`), so it may itself be reached through a link; below it, nothing may be.
 */
export function realRootOf(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return path.resolve(root);
  }
}

/**
 * Writes `content` to `relative` under `root` atomically (a new temp file beside it, fsync, rename) without
 * following a link: directories are created one level at a time and must be real directories, the temp file is
 * created exclusively (O_EXCL|O_NOFOLLOW), and an existing link or non-file at the target is refused.
 */
export function writeFileInside(
  root: string,
  relative: string,
  content: string | Buffer,
  /** `durable: false` skips the fsync (default true): for files rebuilt at will, where atomic is enough. */
  options: { readonly mode?: number; readonly durable?: boolean } = {},
): string {
  mkdirSync(root, { recursive: true });
  const absolute = resolveInside(root, relative);
  const realRoot = realRootOf(root);
  let dir = realRoot;
  for (const part of path.relative(realRoot, path.dirname(absolute)).split(path.sep).filter(Boolean)) {
    dir = path.join(dir, part);
    makeDirectory(dir, realRoot, relative);
  }
  writeAtomically(absolute, relative, content, options);
  return absolute;
}

/**
 * Writes `content` to the file `absolute` (its directory checked by the caller) through a new temp file beside it
 * and a rename, refusing a link or a non-file there. Returns the SHA-256 of the bytes written, hashed as they go.
 */
function writeAtomically(
  absolute: string,
  relative: string,
  content: string | Buffer,
  options: { readonly mode?: number; readonly durable?: boolean; readonly absent?: boolean },
): string {
  const existing = options.absent === true ? undefined : lstatOrUndefined(absolute);
  if (existing && !existing.isFile()) throw notAFile(existing, relative);
  const temp = path.join(path.dirname(absolute), `.${path.basename(absolute).slice(0, 40)}.${tempSuffix()}.tmp`);
  const fd = openSync(
    temp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
    options.mode ?? 0o644,
  );
  const hash = createHash('sha256');
  try {
    forEachChunk(content, (bytes) => {
      hash.update(bytes);
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    });
    if (options.durable !== false) fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, absolute);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
  return hash.digest('hex');
}

/** This process's random tag for temp names, drawn once: a counter after it keeps them apart (O_EXCL checks). */
let tempTag: string | undefined;
let tempCount = 0;

/**
 * A temp name's unique part: a random tag per process and a counter. One random draw per file cost more than the
 * rest of a small file's write; the name only needs to differ from any leftover, and O_EXCL refuses one that does not.
 */
function tempSuffix(): string {
  tempTag ??= randomBytes(6).toString('hex');
  tempCount += 1;
  return `${tempTag}${tempCount.toString(36)}`;
}

/**
 * Creates the directories of `relativeDir` (forward slashes, may be empty) under `root`, one level at a time; each
 * must end up a real directory, not a link. Returns the absolute paths it created, outermost first, so a caller
 * that fails later can remove them again.
 */
export function makeDirsInside(root: string, relativeDir: string): string[] {
  const realRoot = realRootOf(root);
  const created: string[] = [];
  if (relativeDir === '' || relativeDir === '.') return created;
  let dir = path.dirname(resolveInside(realRoot, `${relativeDir}/x`));
  const parts = path.relative(realRoot, dir).split(path.sep).filter(Boolean);
  dir = realRoot;
  for (const part of parts) {
    dir = path.join(dir, part);
    try {
      mkdirSync(dir);
      created.push(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const stats = lstatSync(dir);
    const shown = path.relative(realRoot, dir).split(path.sep).join('/');
    if (!stats.isDirectory())
      throw new PathGuardError(
        stats.isSymbolicLink() ? 'E_PATH_LINK' : 'E_PATH_NOT_FILE',
        `${shown} is not a directory mvpm can write into`,
        shown,
      );
  }
  return created;
}

/**
 * Reads a regular file inside `root` without following a link, at most `limit` bytes. Returns undefined when it
 * does not exist; throws PathGuardError for a link, a directory or a device.
 */
export function readFileInside(root: string, relative: string, limit = 16 * 1024 * 1024): Buffer | undefined {
  const absolute = resolveInside(root, relative);
  const stats = lstatOrUndefined(absolute);
  if (stats === undefined) return undefined;
  if (stats.isSymbolicLink())
    throw new PathGuardError('E_PATH_LINK', `${relative} is a symbolic link; mvpm does not follow links`, relative);
  if (!stats.isFile()) throw new PathGuardError('E_PATH_NOT_FILE', `${relative} is not a regular file`, relative);
  if (stats.size > limit)
    throw new PathGuardError('E_PATH_NOT_FILE', `${relative} is larger than ${limit} bytes`, relative);
  const fd = openSync(absolute, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** SHA-256 of bytes or text, hex. What ownership records hold. */
export function sha256(content: string | Buffer): string {
  const hash = createHash('sha256');
  forEachChunk(content, (bytes) => hash.update(bytes));
  return hash.digest('hex');
}

/** UTF-16 code units encoded per chunk of a string; the scratch buffer holds their UTF-8 (at most 3 bytes each). */
const CHUNK_UNITS = 64 * 1024;
let scratch: Buffer | undefined;

/**
 * Gives `content` as UTF-8 bytes to `use`, a string a chunk at a time through one reused buffer (never split inside
 * a surrogate pair): a 30 MB collection is written and hashed without a fresh 30 MB buffer each time, whose page
 * faults cost more than the encoding, and which would sit at the build's peak memory. `use` must not keep the bytes.
 */
function forEachChunk(content: string | Buffer, use: (bytes: Buffer) => void): void {
  if (typeof content !== 'string') {
    use(content);
    return;
  }
  scratch ??= Buffer.allocUnsafe(CHUNK_UNITS * 3);
  for (let start = 0; start < content.length; ) {
    let end = Math.min(content.length, start + CHUNK_UNITS);
    // A high surrogate at the end waits for its low half in the next chunk.
    if (end < content.length && (content.charCodeAt(end - 1) & 0xfc00) === 0xd800) end -= 1;
    use(scratch.subarray(0, scratch.write(content.slice(start, end), 'utf8')));
    start = end;
  }
}

/**
 * Deletes `relative` under `root` only when it is a regular file (not a link) whose SHA-256 is `expectedSha256`:
 * the hash mvpm recorded when it wrote the file. Anything else is left alone and reported by the return value.
 */
export function removeOwnedFile(
  root: string,
  relative: string,
  expectedSha256: string,
): 'removed' | 'missing' | 'changed' | 'not-a-file' {
  const absolute = resolveInside(root, relative);
  const stats = lstatOrUndefined(absolute);
  if (stats === undefined) return 'missing';
  if (!stats.isFile()) return 'not-a-file';
  const current = readFileInside(root, relative, Number.MAX_SAFE_INTEGER);
  if (current === undefined) return 'missing';
  if (sha256(current) !== expectedSha256) return 'changed';
  unlinkSync(absolute);
  return 'removed';
}

/** lstat, or undefined when nothing is there (a missing file, or a path through a file). Never follows a link. */
export function lstatOrUndefined(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/**
 * One output directory receiving many files (a build's outputs: a 10,000-request build writes as many v3 files),
 * with the guarantees of readFileInside and writeFileInside (names checked, no link followed, atomic writes) but
 * the root's real path resolved once and each directory below it checked once, where those functions check every
 * component again for every file. A directory is trusted from its first check to the end of the build.
 */
export class OutputRoot {
  #real: string;
  /**
   * Directories below the root (real paths) seen or made as real directories, with their identity (device and
   * inode) then: verify() finds one swapped since (for a link to elsewhere) with one lstat per directory.
   */
  readonly #dirs = new Map<string, string>();
  /** Directories found missing before the first write. */
  readonly #missing = new Set<string>();
  #made = false;
  /** Directories this OutputRoot created, outermost first. */
  readonly #created: string[] = [];
  /** create()'s fsyncs still running, the first that failed, and who waits for one to end. */
  #syncing = 0;
  #syncFailure: Error | undefined;
  #wakeSync: (() => void) | undefined;

  constructor(readonly root: string) {
    this.#real = realRootOf(root);
  }

  /** The root's real path (its lexical path while it does not exist yet). */
  get real(): string {
    return this.#real;
  }

  /**
   * Where `relative` (forward slashes) is under the real root, and whether its directory exists; refuses a link on
   * the way there.
   */
  resolve(relative: string): { readonly absolute: string; readonly inDirectory: boolean } {
    const parts = checkedParts(this.root, relative);
    const absolute = path.join(this.#real, ...parts);
    let dir = this.#real;
    for (const [i, part] of parts.slice(0, -1).entries()) {
      dir = path.join(dir, part);
      if (this.#dirs.has(dir)) continue;
      // Until the first write nothing is made here, so a directory found missing stays missing.
      if (this.#missing.has(dir)) return { absolute, inDirectory: false };
      const stats = lstatOrUndefined(dir);
      if (stats?.isSymbolicLink())
        throw new PathGuardError(
          'E_PATH_LINK',
          `${relative} passes through the symbolic link ${parts.slice(0, i + 1).join('/')}; mvpm does not follow links`,
          relative,
        );
      if (stats === undefined && !this.#made) this.#missing.add(dir);
      if (!stats?.isDirectory()) return { absolute, inDirectory: false };
      this.#dirs.set(dir, identity(stats));
    }
    return { absolute, inDirectory: true };
  }

  /**
   * Compares the file at `relative` with `content`, a chunk at a time (never the whole file in memory): undefined
   * when it does not exist, else whether it holds exactly those bytes and, with `hash`, the SHA-256 of what it
   * holds. A link or a non-file there is an error.
   */
  compare(relative: string, content: string, hash: boolean): { same: boolean; sha256?: string } | undefined {
    const { absolute, inDirectory } = this.resolve(relative);
    const stats = inDirectory ? lstatOrUndefined(absolute) : undefined;
    if (stats === undefined) return undefined;
    if (stats.isSymbolicLink())
      throw new PathGuardError('E_PATH_LINK', `${relative} is a symbolic link; mvpm does not follow links`, relative);
    if (!stats.isFile()) throw new PathGuardError('E_PATH_NOT_FILE', `${relative} is not a regular file`, relative);
    const fd = openSync(absolute, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      let same = fstatSync(fd).size === Buffer.byteLength(content);
      if (!same && !hash) return { same };
      const digest = createHash('sha256');
      readScratch ??= Buffer.allocUnsafe(CHUNK_UNITS * 3);
      const buffer = readScratch;
      let position = 0;
      if (same)
        forEachChunk(content, (bytes) => {
          if (!same && !hash) return;
          const read = readFully(fd, buffer, bytes.length, position);
          position += read;
          if (hash) digest.update(buffer.subarray(0, read));
          if (same && (read !== bytes.length || !buffer.subarray(0, read).equals(bytes))) same = false;
        });
      if (!hash) return { same };
      for (let read = 1; read > 0; position += read) {
        read = readFully(fd, buffer, buffer.length, position);
        digest.update(buffer.subarray(0, read));
      }
      return { same, sha256: digest.digest('hex') };
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Writes `content` to `relative` atomically, as writeFileInside does, creating the directories on the way (each
   * checked once). Returns the SHA-256 of the bytes written, hashed while writing. `absent`: compare() has just
   * found nothing there, so the check for a link or a directory in the way is not made again (rename(2) replaces a
   * link itself, never its target, and fails on a directory).
   */
  write(
    relative: string,
    content: string,
    options: { readonly durable?: boolean; readonly absent?: boolean } = {},
  ): string {
    const target = this.#directoryFor(relative, false);
    return writeAtomically(target, relative, content, options);
  }

  /**
   * What is at `relative`: its lstat (a link is reported, never followed), or undefined when nothing is there or a
   * directory on the way is missing or not a directory. A link among its directories is refused; each directory is
   * checked once.
   */
  lstat(relative: string): Stats | undefined {
    const { absolute, inDirectory } = this.resolve(relative);
    return inDirectory ? lstatOrUndefined(absolute) : undefined;
  }

  /**
   * Creates `relative` holding `content` in a directory no one else writes into (a staging directory this operation
   * just made): created exclusively (O_EXCL|O_NOFOLLOW, so never over anything and never through a link), without
   * write()'s temp file and rename, since nothing reads it before the caller moves it into place. Its fsync runs on
   * libuv's pool while the next files are written (no second open, no waiting file by file); settle() waits for
   * them and reports the first failure. One caller at a time: await each create() before the next (one waiter is
   * woken when an fsync ends).
   */
  async create(relative: string, content: string): Promise<void> {
    const absolute = this.#directoryFor(relative, false);
    const fd = openSync(
      absolute,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
      0o644,
    );
    try {
      forEachChunk(content, (bytes) => {
        for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      });
    } catch (error) {
      closeSync(fd);
      unlinkSync(absolute);
      throw error;
    }
    this.#syncing += 1;
    fsync(fd, (syncError) =>
      close(fd, (closeError) => {
        this.#syncing -= 1;
        this.#syncFailure ??= syncError ?? closeError ?? undefined;
        this.#wakeSync?.();
      }),
    );
    while (this.#syncing >= SYNCS_AT_ONCE) await this.#syncDone();
  }

  /** Waits for every fsync create() started; throws the first that failed. */
  async settle(): Promise<void> {
    while (this.#syncing > 0) await this.#syncDone();
    if (this.#syncFailure !== undefined) throw this.#syncFailure;
  }

  #syncDone(): Promise<void> {
    return new Promise((resolve) => {
      this.#wakeSync = () => {
        this.#wakeSync = undefined;
        resolve();
      };
    });
  }

  /**
   * Moves the regular file `from` (absolute; staged on the same file system by this operation) to `relative` with
   * rename(2), which replaces the target name itself and never follows a link there, creating the directories on
   * the way (each checked once; the ones made are listed by `created`). A link or a non-file at the target is
   * refused unless `absent`: lstat() has just found nothing there. Returns the target's absolute path.
   */
  move(from: string, relative: string, options: { readonly absent?: boolean } = {}): string {
    const source = lstatSync(from);
    if (!source.isFile())
      throw new PathGuardError(
        source.isSymbolicLink() ? 'E_PATH_LINK' : 'E_PATH_NOT_FILE',
        `${from} is not a regular file`,
        from,
      );
    const absolute = this.#directoryFor(relative, true);
    const existing = options.absent === true ? undefined : lstatOrUndefined(absolute);
    if (existing && !existing.isFile()) throw notAFile(existing, relative);
    renameSync(from, absolute);
    return absolute;
  }

  /**
   * Checks that every directory this OutputRoot trusted is still the directory it checked (not replaced, say by a
   * link, while files were written below it): a file's own name is never followed (O_NOFOLLOW, rename(2)), but a
   * directory is checked once per operation, so a caller that has written calls this before it reports success, and
   * undoes what it can on a refusal.
   */
  verify(): void {
    for (const [dir, checked] of this.#dirs) {
      const stats = lstatOrUndefined(dir);
      if (stats?.isDirectory() && identity(stats) === checked) continue;
      const shown = path.relative(this.#real, dir).split(path.sep).join('/');
      throw new PathGuardError(
        stats?.isSymbolicLink() ? 'E_PATH_LINK' : 'E_PATH_NOT_FILE',
        `${shown} was replaced while mvpm was writing into it`,
        shown,
      );
    }
  }

  /** The directories move() and write() created, outermost first: a caller that fails later removes them again. */
  get created(): readonly string[] {
    return this.#created;
  }

  /**
   * The absolute path of `relative` after creating its directories (each made or checked once per OutputRoot).
   * `nameDirectory`: a directory in the way is named as the error's target (else the file is).
   */
  #directoryFor(relative: string, nameDirectory: boolean): string {
    if (!this.#made) {
      mkdirSync(this.root, { recursive: true });
      this.#real = realRootOf(this.root);
      this.#dirs.clear();
      this.#missing.clear();
      this.#made = true;
    }
    const parts = checkedParts(this.root, relative);
    let dir = this.#real;
    for (const [i, part] of parts.slice(0, -1).entries()) {
      dir = path.join(dir, part);
      if (this.#dirs.has(dir)) continue;
      const made = makeDirectory(dir, this.#real, nameDirectory ? parts.slice(0, i + 1).join('/') : relative);
      if (made.created) this.#created.push(dir);
      this.#dirs.set(dir, identity(made.stats));
    }
    return path.join(dir, parts.at(-1) ?? '');
  }
}

/** How many fsyncs create() keeps going at once: enough to keep libuv's pool and the disk's queue busy. */
const SYNCS_AT_ONCE = 64;

/** A directory's identity: replaced by another directory or a link, it changes. */
function identity(stats: Stats): string {
  return `${stats.dev}:${stats.ino}`;
}

/** The refusal of a link or a non-file where mvpm would write a regular file. */
function notAFile(existing: Stats, relative: string): PathGuardError {
  return new PathGuardError(
    existing.isSymbolicLink() ? 'E_PATH_LINK' : 'E_PATH_NOT_FILE',
    `${relative} is ${existing.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; mvpm writes only ` +
      `regular files`,
    relative,
  );
}

/** The second reused buffer: file bytes compared with a string's chunks. */
let readScratch: Buffer | undefined;

/** Reads up to `length` bytes at `position` into `buffer`, fewer only at the end of the file. */
function readFully(fd: number, buffer: Buffer, length: number, position: number): number {
  let total = 0;
  while (total < length) {
    const read = readSync(fd, buffer, total, length - total, position + total);
    if (read === 0) break;
    total += read;
  }
  return total;
}

/**
 * Creates `dir` (one level, under `realRoot`) unless it exists, and refuses it when it is a link or not a directory
 * (lstat: a link is never followed). `relative` is the output path the error names. Whether it made `dir`, and its
 * lstat.
 */
function makeDirectory(dir: string, realRoot: string, relative: string): { created: boolean; stats: Stats } {
  let made = true;
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    made = false;
  }
  const stats = lstatSync(dir);
  if (!stats.isDirectory())
    throw new PathGuardError(
      stats.isSymbolicLink() ? 'E_PATH_LINK' : 'E_PATH_NOT_FILE',
      `${path.relative(realRoot, dir)} is not a directory mvpm can write into`,
      relative,
    );
  return { created: made, stats };
}
