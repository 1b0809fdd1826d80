// The files of one OpenAPI document and the `$ref`s between them. A reference is local (`#/components/…`), to a file
// of the project (`common.yaml#/components/schemas/Asset`, relative to the file that holds it), or remote (http:,
// https:, `//host/…`), which mvpm never fetches. Files are read only through the path guard: inside the project
// root by their real path, no symbolic link followed, clean names, and bounded in number and total size.
import path from 'node:path';
import { PathGuardError, readFileInside } from '../paths/path-guard.js';
import { printable } from '../import/import-error.js';
import { type OpenApiProblem, pointerOf, type ProblemList, segmentsOf } from './openapi-error.js';
import { type OpenApiFile, parseOpenApiFile } from './read-document.js';
import type { SourceLocation } from './types.js';

/** A node of one of the document's files. */
export interface Place {
  readonly file: string;
  readonly segments: readonly string[];
}

export interface Resolved extends Place {
  readonly value: unknown;
}

export type ParsedRef =
  | { readonly kind: 'remote'; readonly url: string }
  | { readonly kind: 'bad'; readonly why: string }
  | { readonly kind: 'local'; readonly file: string; readonly segments: readonly string[] };

export interface DocumentFilesOptions {
  /** The project root (absolute): every referenced file must be inside it. */
  readonly root: string;
  /** At most this many files, the root document included. */
  readonly maxFiles: number;
  /** At most this many bytes in all files together. */
  readonly maxBytes: number;
}

/** How many `$ref`s one chain may follow before it is called a cycle. */
export const MAX_REF_CHAIN = 32;

/**
 * Keys whose value is data, not OpenAPI structure: a `$ref` inside an example or a default is text, not a
 * reference. (Inside a map of names, `properties` or `paths`, these keys are names and are walked.)
 */
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const', 'value']);
/** Keys whose value maps names to structures: its keys are never keywords. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependentSchemas',
  'schemas',
  'parameters',
  'responses',
  'requestBodies',
  'headers',
  'securitySchemes',
  'securityDefinitions',
  'links',
  'callbacks',
  'pathItems',
  'paths',
  'content',
  'encoding',
  'examples',
  'webhooks',
]);

export class DocumentFiles {
  readonly files = new Map<string, OpenApiFile>();
  /** Files found missing or refused, so that each is reported once. */
  readonly #failed = new Set<string>();
  /**
   * parseRef's answers by file and reference: a large document writes the same few hundred references thousands of
   * times. Callers only read an answer.
   */
  readonly #parsed = new Map<string, ParsedRef>();
  #bytes: number;

  constructor(
    readonly root: OpenApiFile,
    readonly options: DocumentFilesOptions,
    readonly problems: ProblemList,
    rootBytes: number,
  ) {
    this.files.set(root.file, root);
    this.#bytes = rootBytes;
  }

  /** Where a node is, for problems and warnings. */
  locate(place: Place): SourceLocation {
    const file = this.files.get(place.file);
    if (!file) return { file: place.file, line: 1, column: 1, pointer: pointerOf(place.segments) };
    return file.locate(place.segments);
  }

  /** `ref` written in `from`: remote, a local place, or malformed. */
  parseRef(ref: string, from: string): ParsedRef {
    const key = `${from}\0${ref}`;
    let parsed = this.#parsed.get(key);
    if (parsed === undefined) {
      parsed = parseRefText(ref, from);
      this.#parsed.set(key, parsed);
    }
    return parsed;
  }

  /**
   * Follows the `$ref` at `at` (whose value is `ref`), and the chain of references from there, to a value that is
   * not a reference. Adds a problem and returns undefined when the reference cannot be followed.
   */
  follow(at: Place, ref: string): Resolved | undefined {
    const seen = new Set<string>();
    let from: Place = at;
    let current = ref;
    for (let hop = 0; hop <= MAX_REF_CHAIN; hop++) {
      const target = this.target(from, current);
      if (!target) return undefined;
      const next = refOf(target.value);
      if (next === undefined) return target;
      const key = `${target.file}#${pointerOf(target.segments)}`;
      if (seen.has(key)) break;
      seen.add(key);
      from = target;
      current = next;
    }
    this.problems.add({
      code: 'E_OPENAPI_REF',
      message: 'this `$ref` leads to a cycle (or a chain longer than 32) of `$ref`s that never reaches a value',
      location: this.locate({ file: at.file, segments: [...at.segments, '$ref'] }),
      hint: 'make one `$ref` of the chain point at the definition itself',
    });
    return undefined;
  }

  /** The value one `$ref` (no chain) points at, its file read when needed; undefined after adding a problem. */
  target(at: Place, ref: string): Resolved | undefined {
    // Located only when there is a problem: finding a node's position parses the file's tree.
    const where = (): SourceLocation => this.locate({ file: at.file, segments: [...at.segments, '$ref'] });
    const parsed = this.parseRef(ref, at.file);
    if (parsed.kind === 'remote') return undefined;
    if (parsed.kind === 'bad') {
      this.problems.add({
        code: 'E_OPENAPI_REF',
        message: `this \`$ref\` cannot be followed: ${parsed.why}`,
        location: where(),
        hint: 'write `#/components/…` for this file, or `other.yaml#/components/…` for a file beside it',
      });
      return undefined;
    }
    const file = this.file(parsed.file, where);
    if (!file) return undefined;
    const value = valueAt(file.value, parsed.segments);
    if (value === MISSING) {
      this.problems.add({
        code: 'E_OPENAPI_REF',
        message:
          `this \`$ref\` points at nothing: ${parsed.file === at.file ? 'this file' : quote(parsed.file)} has no ` +
          quote(`#${pointerOf(parsed.segments)}`),
        location: where(),
        hint: 'check the spelling of the pointer (`/` between keys; `~1` for a `/` inside a key, `~0` for `~`)',
      });
      return undefined;
    }
    return { file: parsed.file, segments: parsed.segments, value };
  }

  /** The file `file` (relative to the root), read and parsed once; undefined after adding a problem. */
  file(file: string, where: () => SourceLocation): OpenApiFile | undefined {
    const known = this.files.get(file);
    if (known) return known;
    if (this.#failed.has(file)) return undefined;
    const fail = (problem: Omit<OpenApiProblem, 'location'>): undefined => {
      this.#failed.add(file);
      this.problems.add({ ...problem, location: where() });
      return undefined;
    };
    if (file === '..' || file.startsWith('../'))
      return fail({
        code: 'E_OPENAPI_REF_PATH',
        message: `this \`$ref\` names ${quote(file)}, which is outside the project`,
        hint: 'copy the file into the project and point the `$ref` at the copy',
      });
    if (this.files.size >= this.options.maxFiles)
      return fail({
        code: 'E_OPENAPI_READ',
        message: `this \`$ref\` would read a file beyond the limit of ${this.options.maxFiles} files per document`,
        hint: 'bundle the document into fewer files',
      });
    let bytes: Buffer | undefined;
    const left = this.options.maxBytes - this.#bytes;
    try {
      bytes = readFileInside(this.options.root, file, left);
    } catch (error) {
      if (!(error instanceof PathGuardError)) {
        const code = (error as NodeJS.ErrnoException).code;
        return fail({
          code: 'E_OPENAPI_READ',
          message: `this \`$ref\`'s file ${quote(file)} cannot be read${typeof code === 'string' ? ` (${code})` : ''}`,
        });
      }
      if (/larger than/.test(error.message))
        return fail({
          code: 'E_OPENAPI_READ',
          message: `this \`$ref\`'s file ${quote(file)} takes the document's files over ${this.options.maxBytes} bytes`,
          hint: 'make the document smaller, or split out less of it',
        });
      return fail({
        code: 'E_OPENAPI_REF_PATH',
        message: `this \`$ref\`'s file cannot be read: ${printable(error.message, 300)}`,
        hint:
          error.code === 'E_PATH_LINK'
            ? 'mvpm does not follow symbolic links: point the `$ref` at the file itself'
            : 'point the `$ref` at a regular file inside the project',
      });
    }
    if (bytes === undefined)
      return fail({
        code: 'E_OPENAPI_REF',
        message: `this \`$ref\` names ${quote(file)}, which does not exist`,
        hint: 'check the file name; it is relative to the file that holds the `$ref`',
      });
    this.#bytes += bytes.length;
    const parsed = parseOpenApiFile(bytes, file, this.problems);
    if (!parsed) {
      this.#failed.add(file);
      return undefined;
    }
    this.files.set(file, parsed);
    return parsed;
  }

  /**
   * Walks every file the document reaches, in document order, and checks each `$ref` on the way: remote ones are
   * collected (and reported together), others must point at something. Returns the remote references.
   */
  scan(): { readonly remote: readonly (SourceLocation & { readonly url: string })[] } {
    const remote: (SourceLocation & { readonly url: string })[] = [];
    const done = new Set<string>();
    const queue: string[] = [this.root.file];
    while (queue.length > 0) {
      const fileName = queue.shift()!;
      if (done.has(fileName)) continue;
      done.add(fileName);
      const file = this.files.get(fileName);
      if (!file) continue;
      forEachRef(file.value, (segments, ref) => {
        const at: Place = { file: fileName, segments };
        const parsed = this.parseRef(ref, fileName);
        if (parsed.kind === 'remote') {
          remote.push({ ...this.locate({ file: fileName, segments: [...segments, '$ref'] }), url: ref });
          return;
        }
        const target = this.target(at, ref);
        if (target && target.file !== fileName) queue.push(target.file);
      });
    }
    return { remote };
  }
}

/** `ref` written in `from`: remote, a local place, or malformed. */
function parseRefText(ref: string, from: string): ParsedRef {
  if (/^\/\//.test(ref) || /^https?:/i.test(ref)) return { kind: 'remote', url: ref };
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref))
    return { kind: 'bad', why: `it uses the URL scheme ${quote(ref.slice(0, ref.indexOf(':') + 1))}` };
  const hash = ref.indexOf('#');
  const filePart = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  let decodedFragment: string;
  let decodedFile: string;
  try {
    decodedFragment = decodeURIComponent(fragment);
    decodedFile = decodeURIComponent(filePart);
  } catch {
    return { kind: 'bad', why: 'it has a malformed %-escape' };
  }
  const segments = segmentsOf(decodedFragment);
  if (segments === undefined) return { kind: 'bad', why: 'its part after `#` is not a JSON pointer (`#/…`)' };
  if (decodedFile === '') return { kind: 'local', file: from, segments };
  if (path.posix.isAbsolute(decodedFile) || path.win32.isAbsolute(decodedFile) || decodedFile.includes('\\'))
    return { kind: 'bad', why: 'its file is an absolute path (or has a backslash); write it relative to this file' };
  const file = path.posix.normalize(path.posix.join(path.posix.dirname(from), decodedFile));
  return { kind: 'local', file, segments };
}

export const MISSING: unique symbol = Symbol('missing');

/** The value at `segments` under `value`, or MISSING. Own properties only (`__proto__` is a key like any other). */
export function valueAt(value: unknown, segments: readonly string[]): unknown {
  let node = value;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment) || Number(segment) >= node.length) return MISSING;
      node = node[Number(segment)];
    } else if (isObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return MISSING;
  }
  return node;
}

/** The `$ref` of a Reference Object, if `value` is one. */
export function refOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.$ref === 'string' ? value.$ref : undefined;
}

/**
 * Calls `visit` for every `$ref` (a string-valued `$ref` key) under `value`, in document order, skipping data:
 * examples, defaults, enums and `x-` extensions. Iterative: no document nests deep enough to overflow it.
 */
export function forEachRef(value: unknown, visit: (segments: string[], ref: string) => void): void {
  // Each frame links to its parent instead of holding its path: the path is spelled out only for a `$ref`.
  type Frame = { node: unknown; parent: Frame | undefined; key: string; names: boolean };
  const pathOf = (frame: Frame): string[] => {
    const segments: string[] = [];
    for (let f: Frame | undefined = frame; f?.parent !== undefined; f = f.parent) segments.push(f.key);
    return segments.reverse();
  };
  const stack: Frame[] = [{ node: value, parent: undefined, key: '', names: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { node, names } = frame;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--)
        stack.push({ node: node[i], parent: frame, key: String(i), names: false });
      continue;
    }
    if (!isObject(node)) continue;
    if (!names && typeof node.$ref === 'string') visit(pathOf(frame), node.$ref);
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (!names && (DATA_KEYS.has(key) || key.startsWith('x-'))) continue;
      // 3.1's `examples` (a schema keyword) is a list of values; 2.0's maps media types to values.
      if (!names && key === 'examples' && (Array.isArray(node[key]) || !hasExampleObjects(node[key]))) continue;
      stack.push({ node: node[key], parent: frame, key, names: !names && NAME_MAPS.has(key) });
    }
  }
}

/** Whether a map's values look like 3.x Example Objects (or references to them). */
function hasExampleObjects(value: unknown): boolean {
  if (!isObject(value)) return false;
  return Object.values(value).every(
    (v) => isObject(v) && (typeof v.$ref === 'string' || 'value' in v || 'externalValue' in v || 'summary' in v),
  );
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quote(text: string): string {
  return `"${printable(text, 200)}"`;
}
