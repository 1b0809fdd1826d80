import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { NAME_PROBLEM_TEXT, nameProblem, PathGuardError, resolveInside } from '../paths/path-guard.js';
import { diagnosticAt, fileDiagnostic, type SpecDiagnostic } from './diagnostics.js';
import { loadFiles, MAX_SPEC_FILE_BYTES } from './parse-files.js';
import { badNameDiagnostic } from './rules/file-names.js';
import { refTarget, schemaRefs } from './schema-refs.js';
import type { NodePath, SpecFileKind, SpecSource } from './source.js';

const REF_FORM_HINT =
  'write the path of a schema file relative to this file, optionally with a JSON pointer: ' +
  '`Asset.schema.json`, `../common/Envelope.schema.json#/definitions/Meta`';

/** File and folder names that give a spec file its meaning, as in Postman's YAML collection layout. */
export const REQUEST_SUFFIX = '.request.yaml';
export const ENVIRONMENT_SUFFIX = '.environment.yaml';
export const RESOURCES_DIR = '.resources';
export const DEFINITION_FILE = 'definition.yaml';
export const ENVIRONMENTS_DIR = 'environments';
/** `specs/files/`: the one folder form-data `src` files are taken from (Newman's working directory for them). */
export const FORM_FILES_DIR = 'files';

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
 * Reads every spec file under `specs/` and parses it, keeping what is needed to locate errors. The only stage
 * that reads files, and it reads nothing outside the specs directory: symbolic links below it are reported
 * (E_SYMLINK) and never followed, a schema file must resolve inside it by real path (E_SCHEMA_FILE), and a
 * form-data file inside `specs/files/` (E_FORM_FILE, checked but not read). Layout: each directory holding
 * `.resources/definition.yaml` is a collection; inside it every directory is a folder and every
 * `<name>.request.yaml` a request; `environments/*.environment.yaml` are environments. Names on disk are checked
 * by the path guard's rule (E_BAD_NAME).
 */
export async function loadSpecs(options: LoadOptions): Promise<LoadedSpecs> {
  const cwd = options.cwd ?? process.cwd();
  const specsDir = path.resolve(cwd, options.specsDir);
  const reader = new SpecReader(cwd, specsDir, options.maxFileBytes ?? MAX_SPEC_FILE_BYTES);
  const plannedCollections: { slug: string; definition: string; root: PlannedFolder }[] = [];
  const environmentFiles: string[] = [];
  const ignored: string[] = [];

  const entries = list(specsDir);
  if (entries === undefined) {
    reader.report(
      fileDiagnostic(
        reader.display(specsDir),
        'E_NO_SPECS',
        'the specs directory does not exist',
        'run mvpm from the project root, or pass --specs <dir>',
      ),
    );
  }
  for (const entry of entries ?? []) {
    if (entry.startsWith('.')) continue;
    const dir = path.join(specsDir, entry);
    const type = reader.typeOf(dir);
    if (type !== 'directory') continue;
    if (entry === ENVIRONMENTS_DIR) {
      for (const file of list(dir) ?? []) {
        if (file.startsWith('.')) continue;
        const full = path.join(dir, file);
        const fileType = reader.typeOf(full);
        if (file.endsWith(ENVIRONMENT_SUFFIX) && fileType !== 'link') {
          environmentFiles.push(full);
          reader.reportName(
            badNameDiagnostic('environment', file.slice(0, -ENVIRONMENT_SUFFIX.length), file, reader.display(full)),
          );
        } else if (/\.ya?ml$/i.test(file) && fileType === 'file') ignored.push(full);
      }
      continue;
    }
    // The one place form-data files live (see E_FORM_FILE): not a collection, never walked.
    if (entry === FORM_FILES_DIR) continue;
    const definition = reader.definitionIn(dir);
    if (definition === undefined) continue;
    reader.reportName(badNameDiagnostic('collection', entry, entry, reader.display(dir)));
    plannedCollections.push({
      slug: entry,
      definition,
      root: planFolder(reader, dir, entry, ignored, false) ?? { name: entry, dir, requests: [], folders: [] },
    });
  }
  if (entries !== undefined && plannedCollections.length === 0) {
    reader.report(
      fileDiagnostic(
        reader.display(specsDir),
        'E_NO_SPECS',
        'no collection found',
        `create ${path.join(reader.display(specsDir), '<name>', RESOURCES_DIR, DEFINITION_FILE)} with "$kind: ` +
          `collection"`,
      ),
    );
  }

  const reportIgnored = (file: string): void => {
    reader.report(
      fileDiagnostic(
        reader.display(file),
        'W_IGNORED_FILE',
        'this YAML file is ignored: it is not a `<name>.request.yaml`, `.resources/definition.yaml` or ' +
          '`environments/<name>.environment.yaml`',
        path.basename(path.dirname(file)) === ENVIRONMENTS_DIR
          ? `rename it to ${path.basename(file).replace(/(\.environments?)?\.ya?ml$/i, ENVIRONMENT_SUFFIX)} if it ` +
              `is an environment`
          : `rename it to ${path.basename(file).replace(/(\.requests?)?\.ya?ml$/i, REQUEST_SUFFIX)} if it is a request`,
        undefined,
        'warning',
      ),
    );
  };

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
    folders: folder.folders.map((child) =>
      assemble(child, child.definition ? sources.get(child.definition) : undefined),
    ),
  });
  const collections = plannedCollections.flatMap((planned): LoadedCollection[] => {
    const definition = sources.get(planned.definition);
    return definition ? [{ slug: planned.slug, definition, root: assemble(planned.root, definition) }] : [];
  });
  const environments = environmentFiles.flatMap((file) => sources.get(file) ?? []);
  const schemaFiles = await reader.readSchemaFiles(collections);
  reader.checkFormFiles(collections);
  // A YAML JSON Schema that a request references is not an ignored file.
  for (const file of ignored) if (!schemaFiles.has(file)) reportIgnored(file);
  return { specsDir, collections, environments, schemaFiles, diagnostics: reader.diagnostics };
}

/**
 * A directory's requests and folders. Hidden directories and `*.resources` directories are skipped, and so is a
 * directory with no request anywhere below it and no definition (a `schemas/` directory, say): it is not a folder.
 * YAML files that are neither requests nor definitions are reported as ignored, since a misspelt suffix
 * (`.request.yml`, `.requests.yaml`) would otherwise silently drop a request. A symbolic link is reported and not
 * followed, so no walk can leave the specs directory or loop. `withDefinition` is false for a collection's root,
 * whose definition.yaml is the collection's.
 */
function planFolder(
  reader: SpecReader,
  dir: string,
  name: string,
  ignored: string[],
  withDefinition = true,
): PlannedFolder | undefined {
  const requests: { name: string; file: string }[] = [];
  const folders: PlannedFolder[] = [];
  const resources = path.join(dir, RESOURCES_DIR);
  // Not reported here: definitionIn() reports a linked `.resources` (the collection root's, at the top level).
  if (entryType(resources) === 'directory') {
    for (const entry of list(resources) ?? []) {
      if (entry !== DEFINITION_FILE && /\.ya?ml$/i.test(entry) && reader.typeOf(path.join(resources, entry)) === 'file')
        ignored.push(path.join(resources, entry));
    }
  }
  for (const entry of list(dir) ?? []) {
    if (entry.startsWith('.') || entry.endsWith(RESOURCES_DIR)) continue;
    const full = path.join(dir, entry);
    const type = reader.typeOf(full);
    if (type === 'link') continue;
    if (entry.endsWith(REQUEST_SUFFIX)) {
      const requestName = entry.slice(0, -REQUEST_SUFFIX.length);
      requests.push({ name: requestName, file: full });
      reader.reportName(badNameDiagnostic('request', requestName, entry, reader.display(full)));
    } else if (/\.ya?ml$/i.test(entry)) {
      if (type === 'file') ignored.push(full);
    } else if (type === 'directory') {
      const folder = planFolder(reader, full, entry, ignored);
      if (folder) {
        folders.push(folder);
        reader.reportName(badNameDiagnostic('folder', entry, entry, reader.display(full)));
      }
    }
  }
  const definition = withDefinition ? reader.definitionIn(dir) : undefined;
  if (withDefinition && definition === undefined && requests.length === 0 && folders.length === 0) return undefined;
  return { name, dir, ...(definition === undefined ? {} : { definition }), requests, folders };
}

/** What a directory entry is, seen without following links. */
type EntryType = 'file' | 'directory' | 'link' | 'other' | 'missing';

class SpecReader {
  readonly diagnostics: SpecDiagnostic[] = [];

  constructor(
    private readonly cwd: string,
    private readonly specsDir: string,
    private readonly maxFileBytes: number,
  ) {}

  display(absolute: string): string {
    const relative = path.relative(this.cwd, absolute);
    return (relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join('/');
  }

  report(diagnostic: SpecDiagnostic): void {
    this.diagnostics.push(diagnostic);
  }

  reportName(diagnostic: SpecDiagnostic | undefined): void {
    if (diagnostic) this.diagnostics.push(diagnostic);
  }

  /**
   * The entry's type without following a link. A link is reported (E_SYMLINK) the moment it is met, so the
   * walk neither leaves the specs directory nor loops, and the author learns why a request or folder is missing.
   */
  typeOf(absolute: string): EntryType {
    const type = entryType(absolute);
    if (type === 'link') {
      this.report(
        fileDiagnostic(
          this.display(absolute),
          'E_SYMLINK',
          'this is a symbolic link: mvpm does not follow links inside the specs directory',
          'replace the link with the file or directory it points to; a link could make a build read files outside ' +
            'the project',
        ),
      );
    }
    return type;
  }

  /** `<dir>/.resources/definition.yaml` when it is a file (reported when it or `.resources` is a link). */
  definitionIn(dir: string): string | undefined {
    const resources = path.join(dir, RESOURCES_DIR);
    const definition = path.join(resources, DEFINITION_FILE);
    // Looked at only when `.resources` is a real directory, so a link to it is reported once, not twice.
    if (entryType(resources) === 'missing' || this.typeOf(resources) !== 'directory') return undefined;
    return this.typeOf(definition) === 'file' ? definition : undefined;
  }

  /** Reads and parses files; a file that cannot be read or parsed is reported and left out of the map. */
  async readAll(
    wanted: readonly { file: string; kind: SpecFileKind }[],
    workers?: number,
  ): Promise<Map<string, SpecSource>> {
    const { sources, diagnostics } = await loadFiles(wanted, {
      display: (file) => this.display(file),
      projectRoot: path.dirname(this.specsDir),
      maxFileBytes: this.maxFileBytes,
      ...(workers === undefined ? {} : { workers }),
    });
    this.diagnostics.push(...diagnostics);
    return sources;
  }

  /**
   * Loads each `expect.schema.file`, relative to the request file that names it, when it lies inside the specs
   * directory by real path (see resolveInsideSpecs). Keyed by the path as written resolved lexically, which is
   * how normalization looks it up.
   */
  async readSchemaFiles(collections: readonly LoadedCollection[]): Promise<Map<string, SpecSource>> {
    const wanted = new Set<string>();
    const refused = new Set<string>();
    const visit = (folder: LoadedFolder): void => {
      for (const request of folder.requests) {
        const file = schemaFileOf(request.source.toJS());
        if (file === undefined) continue;
        const requestFile = path.resolve(this.cwd, request.source.file);
        const absolute = path.resolve(path.dirname(requestFile), file);
        if (wanted.has(absolute) || refused.has(absolute)) continue;
        const problem = this.insideSpecs(file, path.relative(this.specsDir, absolute), 'schema file');
        if (problem === undefined) {
          wanted.add(absolute);
          continue;
        }
        refused.add(absolute);
        const [message, hint] =
          problem === 'missing'
            ? [`schema file not found: ${this.display(absolute)}`, 'the path is relative to this request file']
            : problem;
        this.report(
          diagnosticAt({ source: request.source, path: ['expect', 'schema', 'file'] }, 'E_SCHEMA_FILE', message, hint),
        );
      }
      for (const child of folder.folders) visit(child);
    };
    for (const collection of collections) visit(collection.root);
    const roots = await this.readAll(
      [...wanted].map((file) => ({ file, kind: 'schema' as const })),
      0,
    );
    return this.followSchemaRefs(roots, new Set([...wanted, ...refused]));
  }

  /**
   * Reads every schema file the loaded ones `$ref` by relative path, and the files those reach, each once
   * (so cycles end), through the same guard as `expect.schema.file`: inside the specs directory by real path, no
   * link followed. A remote reference, a file refused or missing, and one that cannot be read or parsed are
   * E_SCHEMA_REF at the `$ref` (the file's own read or parse error is reported too). `seen`: every file already
   * wanted or refused.
   */
  private async followSchemaRefs(
    sources: Map<string, SpecSource>,
    seen: Set<string>,
  ): Promise<Map<string, SpecSource>> {
    const refused = new Map<string, readonly [string, string]>();
    const refError = (source: SpecSource, at: NodePath, message: string, hint: string): void =>
      this.report(diagnosticAt({ source, path: at }, 'E_SCHEMA_REF', message, hint));
    let frontier = [...sources];
    while (frontier.length > 0) {
      const next = new Map<string, { source: SpecSource; path: NodePath; ref: string }[]>();
      for (const [file, source] of frontier) {
        for (const { ref, path: at } of schemaRefs(source.toJS())) {
          const target = refTarget(ref);
          if (target.kind === 'remote') {
            refError(
              source,
              at,
              `\`$ref\` \`${ref}\` is remote: mvpm never fetches a schema`,
              'copy the schema into a file inside specs/ and `$ref` it by its path relative to this file',
            );
            continue;
          }
          if (target.kind === 'bad') {
            refError(source, at, `\`$ref\` \`${ref}\` cannot be followed: ${target.why}`, REF_FORM_HINT);
            continue;
          }
          if (target.kind === 'local') continue;
          const absolute = path.resolve(path.dirname(file), target.file);
          if (!seen.has(absolute)) {
            seen.add(absolute);
            const problem = this.insideSpecs(target.file, path.relative(this.specsDir, absolute), 'schema file');
            if (problem !== undefined)
              refused.set(
                absolute,
                problem === 'missing'
                  ? [
                      `schema file not found: ${this.display(absolute)}`,
                      'the path is relative to the file that has the `$ref`',
                    ]
                  : [problem[0], problem[1].replace('this request file', 'the file that has the `$ref`')],
              );
            else next.set(absolute, []);
          }
          const waiting = next.get(absolute);
          if (waiting) waiting.push({ source, path: at, ref });
          const reason = refused.get(absolute);
          if (reason) refError(source, at, `\`$ref\` \`${ref}\`: ${reason[0]}`, reason[1]);
        }
      }
      const read = await this.readAll(
        [...next.keys()].map((file) => ({ file, kind: 'schema' as const })),
        0,
      );
      for (const [absolute, referrers] of next) {
        if (read.has(absolute)) continue;
        refused.set(absolute, [
          `${this.display(absolute)} could not be read as JSON or YAML (its own error says why)`,
          'fix that file, or point the `$ref` at a schema file that parses',
        ]);
        for (const { source, path: at, ref } of referrers)
          refError(source, at, `\`$ref\` \`${ref}\`: ${refused.get(absolute)![0]}`, refused.get(absolute)![1]);
      }
      for (const [absolute, source] of read) sources.set(absolute, source);
      frontier = [...read];
    }
    return sources;
  }

  /**
   * Each form-data `src` must name a regular file inside `specs/files/` (FORM_FILES_DIR), by a plain relative
   * path. The file is not read: Newman reads it at run time, from that folder.
   */
  checkFormFiles(collections: readonly LoadedCollection[]): void {
    const visit = (folder: LoadedFolder): void => {
      for (const request of folder.requests) {
        for (const [key, src] of formSources(request.source.toJS())) {
          const problem = this.insideSpecs(src, `${FORM_FILES_DIR}/${src}`, 'form file', src);
          if (problem === undefined) continue;
          const [message, hint] =
            problem === 'missing'
              ? [
                  `form file not found: ${this.display(path.join(this.specsDir, FORM_FILES_DIR, src))}`,
                  `form-data files live in ${this.display(path.join(this.specsDir, FORM_FILES_DIR))}/; \`src\` is ` +
                    `relative to that folder`,
                ]
              : problem;
          this.report(
            diagnosticAt(
              { source: request.source, path: ['body', 'content', key, 'src'] },
              'E_FORM_FILE',
              message,
              hint,
            ),
          );
        }
      }
      for (const child of folder.folders) visit(child);
    };
    for (const collection of collections) visit(collection.root);
  }

  /**
   * Whether `relative` (a path below the specs directory, forward or back slashes) names a regular file inside
   * it, checked by the path guard without following a link: 'missing', a message and hint, or undefined when it
   * does. `written` is the path as the spec wrote it, for messages; for a form file (`formRelative`) it must be
   * plain, with no `.` or `..` part, since it is relative to `specs/files/` and Newman resolves it there too.
   */
  private insideSpecs(
    written: string,
    relative: string,
    noun: string,
    formRelative?: string,
  ): 'missing' | readonly [string, string] | undefined {
    const shown = `\`${written}\``;
    const specs = `${this.display(this.specsDir)}/`;
    const inside = formRelative === undefined ? specs : `${this.display(path.join(this.specsDir, FORM_FILES_DIR))}/`;
    const moveHint =
      formRelative === undefined
        ? `move the schema into ${specs} (for example ${specs}schemas/) and name it relative to this request file`
        : `put the file in ${inside} and write its path relative to that folder, e.g. \`src: logo.png\``;
    if (path.isAbsolute(written) || path.win32.isAbsolute(written) || /^[A-Za-z]:/.test(written)) {
      return [`${noun} ${shown} is an absolute path; mvpm reads only files inside ${inside}`, moveHint];
    }
    const parts = relative.split(/[/\\]/);
    if (formRelative?.split(/[/\\]/).some((p) => p === '.' || p === '..' || p === '')) {
      const plain = formRelative
        .split(/[/\\]/)
        .filter((p) => p !== '.' && p !== '')
        .join('/');
      return formRelative.split(/[/\\]/).includes('..')
        ? [`${noun} ${shown} leaves ${inside}: it has a \`..\` part`, moveHint]
        : [
            `${noun} ${shown} is not a plain path inside ${inside}: it has an empty or \`.\` part`,
            `write it without them: \`src: ${plain}\``,
          ];
    }
    if (relative === '' || parts[0] === '..' || path.isAbsolute(relative))
      return [`${noun} ${shown} is outside ${specs}; mvpm reads only files inside it`, moveHint];
    for (const part of parts) {
      const problem = nameProblem(part);
      if (problem)
        return [
          `${noun} ${shown} has a part that cannot be a file name: ${NAME_PROBLEM_TEXT[problem]}`,
          'rename the file and the path to it',
        ];
    }
    let absolute: string;
    try {
      absolute = resolveInside(this.specsDir, relative);
    } catch (error) {
      if (error instanceof PathGuardError && error.code === 'E_PATH_LINK') {
        return [
          `${noun} ${shown} passes through a symbolic link; mvpm does not follow links inside ${specs}`,
          'replace the link with the file or directory it points to',
        ];
      }
      return [`${noun} ${shown} is outside ${specs}; mvpm reads only files inside it`, moveHint];
    }
    const type = entryType(absolute);
    if (type === 'missing') return 'missing';
    if (type === 'link')
      return [
        `${noun} ${shown} is a symbolic link; mvpm does not follow links inside ${specs}`,
        'replace the link with the file it points to',
      ];
    if (type !== 'file')
      return [
        `${noun} ${shown} is not a regular file`,
        formRelative === undefined ? 'name a JSON or YAML file' : 'name a file, not a directory or device',
      ];
    return undefined;
  }
}

function list(dir: string): string[] | undefined {
  try {
    // Sorted so that load order, and with it every later stage, does not depend on the file system.
    return readdirSync(dir).sort();
  } catch {
    return undefined;
  }
}

/** lstat, never following a link. Any failure (a path through a file, a NUL from YAML) means "missing". */
function entryType(p: string): EntryType {
  try {
    const stats = lstatSync(p, { throwIfNoEntry: false });
    if (stats === undefined) return 'missing';
    return stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

function schemaFileOf(value: unknown): string | undefined {
  const schema = (value as { expect?: { schema?: { file?: unknown } } } | null)?.expect?.schema;
  return typeof schema?.file === 'string' ? schema.file : undefined;
}

/** The `[key, src]` pairs of a form-data body's file fields. */
function formSources(value: unknown): [string, string][] {
  const body = (value as { body?: { type?: unknown; content?: unknown } } | null)?.body;
  if (
    body?.type !== 'formdata' ||
    body.content === null ||
    typeof body.content !== 'object' ||
    Array.isArray(body.content)
  )
    return [];
  return Object.entries(body.content as Record<string, unknown>).flatMap(([key, field]) => {
    const src = (field as { src?: unknown } | null)?.src;
    return typeof src === 'string' ? [[key, src] as [string, string]] : [];
  });
}
