import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileDiagnostic, type SpecDiagnostic } from './diagnostics.js';
import { loadFiles, MAX_SPEC_FILE_BYTES } from './parse-files.js';
import type { SpecFileKind, SpecSource } from './source.js';

/** File and folder names that give a spec file its meaning, as in Postman's YAML collection layout. */
export const REQUEST_SUFFIX = '.request.yaml';
export const ENVIRONMENT_SUFFIX = '.environment.yaml';
export const RESOURCES_DIR = '.resources';
export const DEFINITION_FILE = 'definition.yaml';
export const ENVIRONMENTS_DIR = 'environments';

/** A folder (or the collection root) as found on disk, before validation. */
export interface LoadedFolder {
  /** The folder's name: its directory name. */
  readonly name: string;
  readonly dir: string;
  readonly definition?: SpecSource;
  readonly requests: readonly LoadedRequest[];
  readonly folders: readonly LoadedFolder[];
}

export interface LoadedRequest {
  /** The request's name: its file name without `.request.yaml`. */
  readonly name: string;
  readonly source: SpecSource;
}

export interface LoadedCollection {
  /** The collection directory's name; it names the generated file. */
  readonly slug: string;
  readonly root: LoadedFolder;
  readonly definition: SpecSource;
}

export interface LoadedSpecs {
  readonly specsDir: string;
  readonly collections: readonly LoadedCollection[];
  readonly environments: readonly SpecSource[];
  /** JSON Schema files referenced by `expect.schema.file`, by absolute path. */
  readonly schemaFiles: ReadonlyMap<string, SpecSource>;
  readonly diagnostics: readonly SpecDiagnostic[];
}

export interface LoadOptions {
  /** The specs directory. */
  readonly specsDir: string;
  /** Paths in diagnostics are shown relative to this directory. Default: process.cwd(). */
  readonly cwd?: string;
  /** Worker threads for YAML parsing; default: automatic (none for fewer than 500 files). */
  readonly parseWorkers?: number;
  /** Larger spec files are refused with E_FILE_TOO_LARGE, unread. Default: MAX_SPEC_FILE_BYTES (1 MiB). */
  readonly maxFileBytes?: number;
}

/** The layout found on disk: paths only, nothing read yet. */
interface PlannedFolder {
  readonly name: string;
  readonly dir: string;
  readonly definition?: string;
  readonly requests: readonly { readonly name: string; readonly file: string }[];
  readonly folders: readonly PlannedFolder[];
}

/**
 * Reads every spec file under `specsDir` and parses it, keeping what is needed to locate errors. The only stage
 * that reads files. Layout: each directory holding `.resources/definition.yaml` is a collection; inside it every
 * directory is a folder and every `<name>.request.yaml` a request; `environments/*.environment.yaml` are
 * environments. Then each `expect.schema.file` is read, relative to the request that names it.
 */
export async function loadSpecs(options: LoadOptions): Promise<LoadedSpecs> {
  const cwd = options.cwd ?? process.cwd();
  const specsDir = path.resolve(cwd, options.specsDir);
  const reader = new SpecReader(cwd, path.dirname(specsDir), options.maxFileBytes ?? MAX_SPEC_FILE_BYTES);
  const plannedCollections: { slug: string; definition: string; root: PlannedFolder }[] = [];
  const environmentFiles: string[] = [];
  const ignored: string[] = [];

  const entries = list(specsDir);
  if (entries === undefined) {
    reader.report(fileDiagnostic(reader.display(specsDir), 'E_NO_SPECS', 'the specs directory does not exist', 'run mvpm from the project root, or pass --specs <dir>'));
  }
  for (const entry of entries ?? []) {
    const dir = path.join(specsDir, entry);
    if (!isDirectory(dir)) continue;
    if (entry === ENVIRONMENTS_DIR) {
      for (const file of list(dir) ?? []) {
        if (file.endsWith(ENVIRONMENT_SUFFIX)) environmentFiles.push(path.join(dir, file));
        else if (/\.ya?ml$/i.test(file)) ignored.push(path.join(dir, file));
      }
      continue;
    }
    const definition = path.join(dir, RESOURCES_DIR, DEFINITION_FILE);
    if (!isFile(definition)) continue;
    // A collection directory that is a link back to the specs directory is not read again.
    const root = planFolder(dir, entry, ignored, new Set([realPath(specsDir)]), false);
    if (root) plannedCollections.push({ slug: entry, definition, root });
  }
  if (entries !== undefined && plannedCollections.length === 0) {
    reader.report(
      fileDiagnostic(reader.display(specsDir), 'E_NO_SPECS', 'no collection found', `create ${path.join(reader.display(specsDir), '<name>', RESOURCES_DIR, DEFINITION_FILE)} with "$kind: collection"`),
    );
  }

  const reportIgnored = (file: string): void => {
    reader.report(
      fileDiagnostic(reader.display(file), 'W_IGNORED_FILE', 'this YAML file is ignored: it is not a `<name>.request.yaml`, `.resources/definition.yaml` or `environments/<name>.environment.yaml`', path.basename(path.dirname(file)) === ENVIRONMENTS_DIR
          ? `rename it to ${path.basename(file).replace(/(\.environments?)?\.ya?ml$/i, ENVIRONMENT_SUFFIX)} if it is an environment`
          : `rename it to ${path.basename(file).replace(/(\.requests?)?\.ya?ml$/i, REQUEST_SUFFIX)} if it is a request`, undefined, 'warning'),
    );
  }

  const wanted: { file: string; kind: SpecFileKind }[] = [];
  const want = (file: string, kind: SpecFileKind): void => void wanted.push({ file, kind });
  const planAll = (folder: PlannedFolder): void => {
    if (folder.definition) want(folder.definition, 'folder');
    for (const request of folder.requests) want(request.file, 'request');
    for (const child of folder.folders) planAll(child);
  };
  for (const collection of plannedCollections) {
    want(collection.definition, 'collection');
    planAll(collection.root);
  }
  for (const file of environmentFiles) want(file, 'environment');
  const sources = await reader.readAll(wanted, options.parseWorkers);

  const assemble = (folder: PlannedFolder, definition?: SpecSource): LoadedFolder => ({
    name: folder.name,
    dir: folder.dir,
    ...(definition ? { definition } : {}),
    requests: folder.requests.flatMap((r) => {
      const source = sources.get(r.file);
      return source ? [{ name: r.name, source }] : [];
    }),
    folders: folder.folders.map((child) => assemble(child, child.definition ? sources.get(child.definition) : undefined)),
  });
  const collections = plannedCollections.flatMap((planned): LoadedCollection[] => {
    const definition = sources.get(planned.definition);
    return definition ? [{ slug: planned.slug, definition, root: assemble(planned.root, definition) }] : [];
  });
  const environments = environmentFiles.flatMap((file) => sources.get(file) ?? []);
  const schemaFiles = await reader.readSchemaFiles(collections);
  // A YAML JSON Schema that a request references is not an ignored file.
  for (const file of ignored) if (!schemaFiles.has(file)) reportIgnored(file);
  return { specsDir, collections, environments, schemaFiles, diagnostics: reader.diagnostics };
}

/**
 * A directory's requests and folders. Hidden directories and `*.resources` directories are skipped, and so is a
 * directory with no request anywhere below it and no definition (a `schemas/` directory, say): it is not a folder.
 * YAML files that are neither requests nor definitions are reported as ignored, since a misspelt suffix
 * (`.request.yml`, `.requests.yaml`) would otherwise silently drop a request. `ancestors` holds the real paths
 * of the directories above, down to the specs directory. `withDefinition` is false for a collection's root, whose
 * definition.yaml is the collection's.
 */
function planFolder(dir: string, name: string, ignored: string[], ancestors: ReadonlySet<string>, withDefinition = true): PlannedFolder | undefined {
  // A directory that links back to one that holds it would be a folder inside itself, without end.
  const real = realPath(dir);
  if (ancestors.has(real)) return undefined;
  const within = new Set(ancestors).add(real);
  const requests: { name: string; file: string }[] = [];
  const folders: PlannedFolder[] = [];
  for (const entry of list(path.join(dir, RESOURCES_DIR)) ?? []) {
    if (entry !== DEFINITION_FILE && /\.ya?ml$/i.test(entry)) ignored.push(path.join(dir, RESOURCES_DIR, entry));
  }
  for (const entry of list(dir) ?? []) {
    if (entry.startsWith('.') || entry.endsWith(RESOURCES_DIR)) continue;
    const full = path.join(dir, entry);
    if (entry.endsWith(REQUEST_SUFFIX)) requests.push({ name: entry.slice(0, -REQUEST_SUFFIX.length), file: full });
    else if (/\.ya?ml$/i.test(entry)) ignored.push(full);
    else if (isDirectory(full)) {
      const folder = planFolder(full, entry, ignored, within);
      if (folder) folders.push(folder);
    }
  }
  const definition = path.join(dir, RESOURCES_DIR, DEFINITION_FILE);
  const hasDefinition = withDefinition && isFile(definition);
  if (withDefinition && !hasDefinition && requests.length === 0 && folders.length === 0) return undefined;
  return { name, dir, ...(hasDefinition ? { definition } : {}), requests, folders };
}

class SpecReader {
  readonly diagnostics: SpecDiagnostic[] = [];

  constructor(
    private readonly cwd: string,
    private readonly projectRoot: string,
    private readonly maxFileBytes: number,
  ) {}

  display(absolute: string): string {
    const relative = path.relative(this.cwd, absolute);
    return (relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join('/');
  }

  report(diagnostic: SpecDiagnostic): void {
    this.diagnostics.push(diagnostic);
  }

  /** Reads and parses files; a file that cannot be read or parsed is reported and left out of the map. */
  async readAll(wanted: readonly { file: string; kind: SpecFileKind }[], workers?: number): Promise<Map<string, SpecSource>> {
    const { sources, diagnostics } = await loadFiles(wanted, {
      display: (file) => this.display(file),
      projectRoot: this.projectRoot,
      maxFileBytes: this.maxFileBytes,
      ...(workers === undefined ? {} : { workers }),
    });
    this.diagnostics.push(...diagnostics);
    return sources;
  }

  /** Loads each `expect.schema.file`, relative to the request file that names it. */
  async readSchemaFiles(collections: readonly LoadedCollection[]): Promise<Map<string, SpecSource>> {
    const wanted = new Set<string>();
    const visit = (folder: LoadedFolder): void => {
      for (const request of folder.requests) {
        const file = schemaFileOf(request.source.toJS());
        if (file === undefined) continue;
        const absolute = path.resolve(path.dirname(path.resolve(this.cwd, request.source.file)), file);
        if (isFile(absolute)) wanted.add(absolute);
        else if (!wanted.has(absolute)) {
          this.report(
            fileDiagnostic(request.source.file, 'E_SCHEMA_FILE', `schema file not found: ${escapeControls(this.display(absolute))}`, 'the path is relative to this request file', positionOfSchemaFile(request.source)),
          );
        }
      }
      for (const child of folder.folders) visit(child);
    };
    for (const collection of collections) visit(collection.root);
    return this.readAll([...wanted].map((file) => ({ file, kind: 'schema' as const })), 0);
  }
}

function positionOfSchemaFile(source: SpecSource): { line: number; column: number; text: string } {
  const node = source.doc.getIn(['expect', 'schema', 'file'], true) as { range?: [number, number] } | undefined;
  const { line, col } = source.lineCounter.linePos(node?.range?.[0] ?? 0);
  return { line, column: col, text: source.text };
}

function list(dir: string): string[] | undefined {
  try {
    // Sorted so that load order, and with it every later stage, does not depend on the file system.
    return readdirSync(dir).sort();
  } catch {
    return undefined;
  }
}

// Any failure (a link loop, a path through a file, a NUL in a path from YAML) means "no such directory or file".
function isDirectory(p: string): boolean {
  try {
    return statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Control characters (a YAML escape can put them in a path) written as escapes, so they do not reach the terminal. */
function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

function schemaFileOf(value: unknown): string | undefined {
  const schema = (value as { expect?: { schema?: { file?: unknown } } } | null)?.expect?.schema;
  return typeof schema?.file === 'string' ? schema.file : undefined;
}
