import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar } from 'yaml';
import { diagnosticAt, fileDiagnostic, type SpecDiagnostic } from './diagnostics.js';
import { nodeAt, parseSource, type SpecFileKind, type SpecSource } from './source.js';

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
}

/**
 * Reads every spec file under `specsDir` and parses it with source positions. The only stage that reads files.
 * Layout: each directory holding `.resources/definition.yaml` is a collection; inside it every directory is a
 * folder and every `<name>.request.yaml` a request; `environments/*.environment.yaml` are environments.
 */
export function loadSpecs(options: LoadOptions): LoadedSpecs {
  const cwd = options.cwd ?? process.cwd();
  const specsDir = path.resolve(cwd, options.specsDir);
  const reader = new SpecReader(cwd, path.dirname(specsDir));
  const collections: LoadedCollection[] = [];
  const environments: SpecSource[] = [];

  const entries = reader.list(specsDir);
  if (entries === undefined) {
    reader.report(fileDiagnostic(reader.display(specsDir), 'E_NO_SPECS', 'the specs directory does not exist', 'run mvpm from the project root, or pass --specs <dir>'));
  }
  for (const entry of entries ?? []) {
    const dir = path.join(specsDir, entry);
    if (!reader.isDirectory(dir)) continue;
    if (entry === ENVIRONMENTS_DIR) {
      for (const file of reader.list(dir) ?? []) {
        if (file.endsWith(ENVIRONMENT_SUFFIX)) {
          const source = reader.read(path.join(dir, file), 'environment');
          if (source) environments.push(source);
        }
      }
      continue;
    }
    const definitionPath = path.join(dir, RESOURCES_DIR, DEFINITION_FILE);
    if (!reader.isFile(definitionPath)) continue;
    const definition = reader.read(definitionPath, 'collection');
    const root = reader.readFolder(dir, entry, definition);
    if (definition) collections.push({ slug: entry, root, definition });
  }
  if (entries !== undefined && collections.length === 0 && reader.diagnostics.length === 0) {
    reader.report(
      fileDiagnostic(reader.display(specsDir), 'E_NO_SPECS', 'no collection found', `create ${path.join(reader.display(specsDir), '<name>', RESOURCES_DIR, DEFINITION_FILE)} with "$kind: collection"`),
    );
  }
  for (const collection of collections) reader.readSchemaFiles(collection.root);
  return { specsDir, collections, environments, schemaFiles: reader.schemaFiles, diagnostics: reader.diagnostics };
}

class SpecReader {
  readonly diagnostics: SpecDiagnostic[] = [];
  readonly schemaFiles = new Map<string, SpecSource>();

  constructor(
    private readonly cwd: string,
    private readonly projectRoot: string,
  ) {}

  display(absolute: string): string {
    const relative = path.relative(this.cwd, absolute);
    return (relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join('/');
  }

  report(diagnostic: SpecDiagnostic): void {
    this.diagnostics.push(diagnostic);
  }

  list(dir: string): string[] | undefined {
    try {
      // Sorted so that load order, and with it every later stage, does not depend on the file system.
      return readdirSync(dir).sort();
    } catch {
      return undefined;
    }
  }

  isDirectory(p: string): boolean {
    return statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
  }

  isFile(p: string): boolean {
    return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  }

  read(file: string, kind: SpecFileKind): SpecSource | undefined {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      this.report(fileDiagnostic(this.display(file), 'E_READ', `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'check that the file exists and is readable'));
      return undefined;
    }
    const source = parseSource(this.display(file), path.relative(this.projectRoot, file).split(path.sep).join('/'), kind, text);
    // Only the first syntax error of a file: the parser's later ones are mostly echoes of it.
    const error = source.doc.errors[0];
    if (error) {
      const { line, col } = source.lineCounter.linePos(error.pos[0]);
      const lineText = text.split('\n')[line - 1] ?? '';
      this.report(fileDiagnostic(source.file, 'E_YAML_SYNTAX', firstLine(error.message), yamlHint(error.code, lineText), { line, column: col, text }));
    }
    return source.doc.errors.length > 0 ? undefined : source;
  }

  readFolder(dir: string, name: string, definition?: SpecSource): LoadedFolder {
    const requests: LoadedRequest[] = [];
    const folders: LoadedFolder[] = [];
    for (const entry of this.list(dir) ?? []) {
      if (entry === RESOURCES_DIR) continue;
      const full = path.join(dir, entry);
      if (entry.endsWith(REQUEST_SUFFIX)) {
        const source = this.read(full, 'request');
        if (source) requests.push({ name: entry.slice(0, -REQUEST_SUFFIX.length), source });
      } else if (this.isDirectory(full)) {
        const folderDefinitionPath = path.join(full, RESOURCES_DIR, DEFINITION_FILE);
        const folderDefinition = this.isFile(folderDefinitionPath) ? this.read(folderDefinitionPath, 'folder') : undefined;
        folders.push(this.readFolder(full, entry, folderDefinition));
      }
    }
    return { name, dir, ...(definition ? { definition } : {}), requests, folders };
  }

  /** Loads each `expect.schema.file`, relative to the request file that names it. */
  readSchemaFiles(folder: LoadedFolder): void {
    for (const request of folder.requests) {
      const fileNode = nodeAt(request.source, ['expect', 'schema', 'file']);
      const schemaNode = nodeAt(request.source, ['expect', 'schema']);
      if (!isScalar(fileNode) || !isMap(schemaNode) || !schemaNode.has('file') || typeof fileNode.value !== 'string') continue;
      const absolute = path.resolve(path.dirname(path.resolve(this.cwd, request.source.file)), fileNode.value);
      if (this.schemaFiles.has(absolute)) continue;
      if (!this.isFile(absolute)) {
        this.report(
          diagnosticAt({ source: request.source, path: ['expect', 'schema', 'file'] }, 'E_SCHEMA_FILE', `schema file not found: ${this.display(absolute)}`, 'the path is relative to this request file'),
        );
        continue;
      }
      const source = this.read(absolute, 'schema');
      if (source) this.schemaFiles.set(absolute, source);
    }
    for (const child of folder.folders) this.readSchemaFiles(child);
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function yamlHint(code: string, lineText: string): string {
  if (/:\s+\{\{/.test(lineText)) return 'a value starting with {{ must be quoted: url: "{{authBaseUrl}}/connect/token"';
  if (/:\s*[{[]/.test(lineText)) return 'inside { } or [ ], quote values that contain [ ] { } , or ":", e.g. { json: "$.payload[0].id" }';
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping; remove or rename one of them';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation: nested keys are indented by the same number of spaces';
    case 'TAB_AS_INDENT':
      return 'YAML indentation must use spaces, not tabs';
    default:
      return 'quote values that contain ": " or " #", or that start with {{, [ or {';
  }
}
