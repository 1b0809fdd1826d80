// Re-import: what importing an OpenAPI document again does to the specs a previous import wrote. Pure: the caller
// reads what is on disk (sync-existing.ts) and writes the plan (import-openapi.ts). Requests are matched to the
// document's operations by the operation they record (`openapi.operation`: the operationId, or `METHOD /path`),
// then, for what is left on both sides, by method and path; a request someone edited (its content no longer hashes
// to the `openapi.hash` it records) is never overwritten unless forced, and a request whose operation left the
// document is reported, never deleted. Other generated files (definitions, environments, schema files) have no hash
// of their own: they are replaced only when mvpm's record of written files says mvpm wrote what is there now. A
// definition that differs only in what people curate (names, descriptions, order, keys the import never writes) is
// kept without a line of its own: the import has nothing of substance to bring in (--force still replaces it).
import { isDeepStrictEqual } from 'node:util';
import { load } from 'js-yaml';
import { MAX_NAME_BYTES, nameProblem, sha256 } from '../../paths/path-guard.js';
import { leadingVariable, replaceVariables, variableReference } from '../../spec/variables.js';
import type { ImportWarning } from '../import-error.js';
import type { ImportedFile } from '../imported-files.js';
import type { GeneratedImport, GeneratedRequest } from './convert.js';
import { isAsGenerated, recordedHash } from './import-hash.js';

/** A request spec under --out that records an operation (`openapi.operation`). */
export interface ExistingRequest {
  /** Path under --out, with `/`. */
  readonly file: string;
  /** The spec's parsed value. */
  readonly value: unknown;
}

export interface SyncInput {
  readonly generated: GeneratedImport;
  /** The request specs that may cover the document's operations, in any order. */
  readonly existing: readonly ExistingRequest[];
  /** SHA-256 (hex) of each file now under --out at a path the import generates (requests aside); absent: no file. */
  readonly present: ReadonlyMap<string, string>;
  /** SHA-256 (hex) of what mvpm last wrote at a path under --out (its record of written files). */
  readonly owned: ReadonlyMap<string, string>;
  /** Whether something (a file, a directory, a link) is at a path under --out. */
  readonly occupied: (file: string) => boolean;
  /** The parsed value of the collection and folder definitions now under --out, by path. Default: none. */
  readonly definitions?: ReadonlyMap<string, unknown>;
  /** Overwrite edited requests whose operation changed, and files mvpm did not write. Default false. */
  readonly force?: boolean;
}

/**
 * What happens to one request:
 * - `added`: a new operation, its request written;
 * - `changed`: as generated, and the document now generates something else: rewritten where it is;
 * - `forced`: edited, and the operation changed in the document: overwritten (with force) where it is;
 * - `edited-kept`: edited, and the operation changed in the document: kept (without force);
 * - `edited`: edited, and the document generates what it generated when the request was imported: nothing to do;
 * - `unchanged`: what the document generates;
 * - `removed`: its operation is no longer in the document: left in place;
 * - `duplicate`: another request covers the same operation (the first by path is synced): left alone.
 */
export type RequestOutcomeKind =
  | 'added'
  | 'changed'
  | 'forced'
  | 'edited-kept'
  | 'edited'
  | 'unchanged'
  | 'removed'
  | 'duplicate';

export interface RequestOutcome {
  readonly kind: RequestOutcomeKind;
  /** The operation's key in the document; for `removed` and `duplicate`, what the request records. */
  readonly operation: string;
  /** For requests of the document's operations (all but `removed`). */
  readonly request?: GeneratedRequest;
  /** The request's file under --out: where it is, or (added) where it is written. */
  readonly file: string;
  /** Matched by method and path, not by the operation it records (an operationId that was added or renamed). */
  readonly byMethodAndPath?: boolean;
}

/**
 * What happens to another generated file: written (absent), rewritten, kept as it is, or already the same; or
 * `curated`: a definition mvpm did not write as it is, that differs from the generated one only in what people
 * curate (CURATED_KEYS, and keys the import does not write): kept, and not worth a line (--force replaces it).
 */
export type FileOutcomeKind = 'added' | 'changed' | 'forced' | 'kept' | 'curated' | 'unchanged';

/** Keys of a generated definition that are presentation, the person's to change: a difference there is no conflict. */
const CURATED_KEYS: ReadonlySet<string> = new Set(['name', 'description', 'order']);

export interface FileOutcome {
  readonly kind: FileOutcomeKind;
  readonly file: string;
}

export interface SyncPlan {
  /** The document's operations in document order, then removed requests and duplicates by path. */
  readonly requests: readonly RequestOutcome[];
  /** The other generated files, in the generator's order. */
  readonly files: readonly FileOutcome[];
  /** What to write, in order: generated files first, then requests. */
  readonly writes: readonly ImportedFile[];
  /** The paths of `writes` that replace an existing file. */
  readonly replaces: ReadonlySet<string>;
  readonly warnings: readonly ImportWarning[];
}

/** The sync decisions for one import of a document over what is under --out. */
export function planSync(input: SyncInput): SyncPlan {
  const { generated, force = false } = input;
  const matches = matchRequests(generated.requests, input.existing);
  const writes: ImportedFile[] = [];
  const replaces = new Set<string>();
  const warnings: ImportWarning[] = [];
  const requestFiles = new Set(generated.requests.map((r) => r.file));

  const files: FileOutcome[] = [];
  for (const [file, content] of generated.files) {
    if (requestFiles.has(file)) continue;
    const now = input.present.get(file);
    const kind: FileOutcomeKind =
      now === undefined
        ? 'added'
        : now === sha256(content)
          ? 'unchanged'
          : input.owned.get(file) === now
            ? 'changed'
            : force
              ? 'forced'
              : isCurated(input.definitions?.get(file), file, content)
                ? 'curated'
                : 'kept';
    files.push({ kind, file });
    if (kind === 'added' || kind === 'changed' || kind === 'forced') writes.push({ path: file, content });
    if (kind === 'changed' || kind === 'forced') replaces.add(file);
  }

  // Paths taken: on disk, or by a file this import writes.
  const taken = new Set(writes.map((w) => w.path));
  const requests: RequestOutcome[] = [];
  const requestWrites: ImportedFile[] = [];
  for (const request of generated.requests) {
    const content = generated.files.get(request.file) ?? '';
    const match = matches.byOperation.get(request);
    if (match === undefined) {
      const file = freePath(request.file, (p) => taken.has(p) || input.occupied(p));
      taken.add(file);
      if (file !== request.file)
        warnings.push({
          code: 'W_IMPORT_RENAMED',
          where: file,
          message: `${request.file} exists and covers no operation of the document, so the new request is ${file}`,
        });
      requests.push({ kind: 'added', operation: request.operation, request, file });
      requestWrites.push({ path: file, content });
      continue;
    }
    const { existing, byMethodAndPath } = match;
    const kind = decide(existing.value, request, force);
    requests.push({
      kind,
      operation: request.operation,
      request,
      file: existing.file,
      ...(byMethodAndPath ? { byMethodAndPath } : {}),
    });
    if (kind === 'changed' || kind === 'forced') {
      // Rewritten where it is: a request someone moved stays where they put it.
      requestWrites.push({ path: existing.file, content });
      replaces.add(existing.file);
    }
  }
  const leftOver = [
    ...matches.removed.map((e) => ({ kind: 'removed' as const, existing: e })),
    ...matches.duplicates.map((e) => ({ kind: 'duplicate' as const, existing: e })),
  ].sort((a, b) => compare(a.existing.file, b.existing.file));
  for (const { kind, existing } of leftOver)
    requests.push({ kind, operation: recordedOperation(existing.value) ?? '', file: existing.file });
  return { requests, files, writes: [...writes, ...requestWrites], replaces, warnings };
}

/**
 * The generated import with its collection directory renamed to `collectionDir` (a collection someone moved: its
 * definition still names the document). Collections are the top-level directories of --out, so every relative
 * path inside the files stays right.
 */
export function inCollectionDir(generated: GeneratedImport, collectionDir: string): GeneratedImport {
  if (collectionDir === generated.collectionDir) return generated;
  const prefix = `${generated.collectionDir}/`;
  const moved = (file: string): string =>
    file.startsWith(prefix) ? `${collectionDir}/${file.slice(prefix.length)}` : file;
  return {
    ...generated,
    collectionDir,
    files: new Map([...generated.files].map(([file, content]) => [moved(file), content])),
    requests: generated.requests.map((r) => ({ ...r, file: moved(r.file) })),
  };
}

/**
 * Whether `existing` (a definition's parsed value, absent when it is not a definition or did not parse) has the
 * generated definition's substance: the same `$kind` and every key the import writes other than CURATED_KEYS equal.
 */
function isCurated(existing: unknown, file: string, generatedText: string): boolean {
  if (!isObject(existing) || !file.endsWith('.resources/definition.yaml')) return false;
  const generated = load(generatedText) as unknown;
  if (!isObject(generated)) return false;
  return Object.entries(generated).every(
    ([key, value]) => CURATED_KEYS.has(key) || isDeepStrictEqual(normalised(existing[key]), normalised(value)),
  );
}

/** The outcome for a request of the document matched to an existing one. */
function decide(existing: unknown, request: GeneratedRequest, force: boolean): RequestOutcomeKind {
  if (isDeepStrictEqual(normalised(existing), normalised(request.value))) return 'unchanged';
  if (isAsGenerated(existing)) return 'changed';
  // Edited. If the document generates what it generated at import, there is nothing to bring in; the edit stays.
  if (recordedHash(existing) === request.hash) return 'edited';
  return force ? 'forced' : 'edited-kept';
}

/** A parsed value as JSON would hold it (YAML parsing and the generator may differ in `undefined` keys). */
function normalised(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}

interface Matches {
  readonly byOperation: ReadonlyMap<GeneratedRequest, { existing: ExistingRequest; byMethodAndPath: boolean }>;
  /** Existing requests whose operation is not in the document. */
  readonly removed: readonly ExistingRequest[];
  /** Existing requests of an operation another request (first by path) already covers. */
  readonly duplicates: readonly ExistingRequest[];
}

/**
 * Each operation's existing request: first by the operation it records, then, among what is left, by method and
 * path (an operation that gained, lost or renamed its operationId is still the same operation). Where several
 * requests record one operation, the first by path is its request and the others are duplicates.
 */
export function matchRequests(requests: readonly GeneratedRequest[], existing: readonly ExistingRequest[]): Matches {
  const sorted = [...existing].sort((a, b) => compare(a.file, b.file));
  const byOperation = new Map<GeneratedRequest, { existing: ExistingRequest; byMethodAndPath: boolean }>();
  const used = new Set<ExistingRequest>();
  const duplicates: ExistingRequest[] = [];
  const recorded = new Map<string, ExistingRequest[]>();
  for (const e of sorted) {
    const operation = recordedOperation(e.value);
    if (operation === undefined) continue;
    recorded.set(operation, [...(recorded.get(operation) ?? []), e]);
  }
  for (const request of requests) {
    const [first, ...more] = recorded.get(request.operation) ?? [];
    if (first === undefined || used.has(first)) continue;
    byOperation.set(request, { existing: first, byMethodAndPath: false });
    used.add(first);
    for (const e of more) {
      used.add(e);
      duplicates.push(e);
    }
  }
  const left = new Map<string, ExistingRequest[]>();
  for (const e of sorted) {
    if (used.has(e)) continue;
    const key = existingMethodAndPath(e.value);
    if (key !== undefined) left.set(key, [...(left.get(key) ?? []), e]);
  }
  for (const request of requests) {
    if (byOperation.has(request)) continue;
    const candidates = (left.get(methodAndPath(request.method, request.path)) ?? []).filter((e) => !used.has(e));
    const [first] = candidates;
    if (first === undefined) continue;
    byOperation.set(request, { existing: first, byMethodAndPath: true });
    used.add(first);
  }
  const removed = sorted.filter((e) => !used.has(e) && recordedOperation(e.value) !== undefined);
  return { byOperation, removed, duplicates };
}

/** `openapi.operation` of a parsed request spec. */
export function recordedOperation(value: unknown): string | undefined {
  const openapi = isObject(value) ? value['openapi'] : undefined;
  const operation = isObject(openapi) ? openapi['operation'] : undefined;
  return typeof operation === 'string' && operation !== '' ? operation : undefined;
}

const METHOD_KEY = /^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) (\/\S*)$/;

/**
 * An existing request's method and path: from the operation it records when that is `METHOD /path`, else from its
 * own `method` and `url` (the `{{variable}}` or scheme and host in front of the path dropped, and the query).
 */
export function existingMethodAndPath(value: unknown): string | undefined {
  const recorded = METHOD_KEY.exec(recordedOperation(value) ?? '');
  if (recorded) return methodAndPath(recorded[1]!, recorded[2]!);
  if (!isObject(value) || typeof value['method'] !== 'string' || typeof value['url'] !== 'string') return undefined;
  const url = value['url'].replace(/[?#].*$/s, '');
  const leading = leadingVariable(url);
  const host = leading === undefined ? /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(url)?.[0] : variableReference(leading);
  if (host === undefined) return undefined;
  return methodAndPath(value['method'], url.slice(host.length) || '/');
}

/** Method and path with every parameter (`{id}` of the document, `{{id}}` of a spec) the same: names do not count. */
export function methodAndPath(method: string, path: string): string {
  return `${method.toUpperCase()} ${replaceVariables(path, () => '{}').replace(/\{[^{}]*\}/g, '{}')}`;
}

/** `file`, or the first free `<name> 2.request.yaml`, `<name> 3.request.yaml`, … beside it. */
function freePath(file: string, isTaken: (file: string) => boolean): string {
  if (!isTaken(file)) return file;
  const slash = file.lastIndexOf('/');
  const dir = file.slice(0, slash + 1);
  const base = file.slice(slash + 1);
  const suffix = /\.request\.yaml$/.exec(base)?.[0] ?? '';
  let stem = base.slice(0, base.length - suffix.length);
  for (let n = 2; ; n++) {
    const tail = ` ${n}${suffix}`;
    // A long name is cut (on a character boundary) so that the number fits.
    while (stem !== '' && Buffer.byteLength(stem + tail, 'utf8') > MAX_NAME_BYTES)
      stem = [...stem].slice(0, -1).join('');
    const name = `${stem.replace(/[. ]+$/u, '') || 'request'}${tail}`;
    if (nameProblem(name) === undefined && !isTaken(`${dir}${name}`)) return `${dir}${name}`;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
