import path from 'node:path';
import { compileCollection } from '../compile/compile-collection.js';
import { compileEnvironment } from '../compile/compile-environment.js';
import { createCompileContext, type CompileContext } from '../compile/context.js';
import type { SpecDiagnostic } from '../spec/diagnostics.js';
import { loadSpecs } from '../spec/load-specs.js';
import { validateSpecs } from '../spec/validate-spec.js';
import { renderDocs } from '../docs/render-docs.js';
import { collectGarbageIfLarge } from './collect-garbage.js';
import { renderJson } from './render-json.js';
import { isInside } from '../paths/path-guard.js';
import { stateDirectory } from '../paths/state-dir.js';
import { renderYaml } from '../v3/render-yaml.js';
import { v3CollectionFiles } from '../v3/v3-collection.js';
import { v3EnvironmentFile } from '../v3/v3-environment.js';

export const COLLECTION_SUFFIX = '.postman_collection.json';
export const ENVIRONMENT_SUFFIX = '.postman_environment.json';

export interface BuildOptions {
  /** Directory holding the spec files. Default `specs`. */
  readonly specsDir?: string;
  /** Where collections are written. Default `collections`. */
  readonly collectionsDir?: string;
  /** Where environments are written. Default `environments`. */
  readonly environmentsDir?: string;
  /**
   * Where the Postman v12 (v3) form of every collection and environment is written, as `collections/<name>/…` and
   * `environments/<name>.environment.yaml`. Default `postman`.
   */
  readonly postmanDir?: string;
  /**
   * Where the generated Markdown docs are written (index, one page per top-level folder, onboarding guide). Default
   * `docs/generated`.
   */
  readonly docsDir?: string;
  /** Relative paths resolve against this directory, and diagnostics are shown relative to it. Default process.cwd(). */
  readonly cwd?: string;
  /** Compile settings; defaults from createCompileContext(). */
  readonly compile?: CompileContext;
  /** Worker threads for YAML parsing; default automatic (see parseTexts). */
  readonly parseWorkers?: number;
  /**
   * Per-user state directory, where the record of written files is kept (see ownership.ts). Default
   * stateDirectory(process.env).
   */
  readonly stateDir?: string;
}

/** Every option resolved: built once, passed to each stage. */
export interface ResolvedBuildOptions {
  readonly specsDir: string;
  readonly collectionsDir: string;
  readonly environmentsDir: string;
  readonly postmanDir: string;
  readonly docsDir: string;
  readonly cwd: string;
  readonly stateDir: string;
  readonly compile: CompileContext;
}

export interface OutputFile {
  /** Path relative to cwd, forward slashes: how users see it. */
  readonly path: string;
  readonly absolutePath: string;
  /** The output directory it belongs to (collectionsDir, environmentsDir or docsDir), and its path inside it. */
  readonly root: string;
  readonly relative: string;
  readonly content: string;
  /**
   * Support staff edit it in Postman (a v3 file): it is rewritten only while it holds what mvpm last wrote there
   * (see writeOutputs). Default false.
   */
  readonly editable?: boolean;
}

export interface BuildResult {
  /** The Postman files a build produces; empty when there are errors. */
  readonly files: readonly OutputFile[];
  /** The generated Markdown docs (under docsDir); empty when there are errors. Written and checked like `files`. */
  readonly docs: readonly OutputFile[];
  readonly errors: readonly SpecDiagnostic[];
  readonly warnings: readonly SpecDiagnostic[];
  readonly options: ResolvedBuildOptions;
}

export function resolveBuildOptions(options: BuildOptions = {}): ResolvedBuildOptions {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  return {
    cwd,
    specsDir: path.resolve(cwd, options.specsDir ?? 'specs'),
    collectionsDir: path.resolve(cwd, options.collectionsDir ?? 'collections'),
    environmentsDir: path.resolve(cwd, options.environmentsDir ?? 'environments'),
    postmanDir: path.resolve(cwd, options.postmanDir ?? 'postman'),
    docsDir: path.resolve(cwd, options.docsDir ?? path.join('docs', 'generated')),
    stateDir: options.stateDir ?? stateDirectory(process.env),
    compile: options.compile ?? createCompileContext(),
  };
}

/** load → validate → compile → render, in memory. Writes nothing: see writeOutputs and checkOutputs. */
export async function buildProject(options: BuildOptions = {}): Promise<BuildResult> {
  const resolved = resolveBuildOptions(options);
  const loaded = await loadSpecs({
    specsDir: resolved.specsDir,
    cwd: resolved.cwd,
    ...(options.parseWorkers === undefined ? {} : { parseWorkers: options.parseWorkers }),
  });
  const validation = validateSpecs(loaded, { cwd: resolved.cwd });
  if (!validation.value)
    return { files: [], docs: [], errors: validation.errors, warnings: validation.warnings, options: resolved };
  const project = validation.value;
  // Each output directory's display path, worked out once: path.relative for each of hundreds of files cost more than
  // the JSON they hold. A name of plain segments under a directory shown relative to cwd is shown after it, which is
  // what displayPath gives; anything else goes through displayPath itself.
  const shownDirs = new Map<string, string>();
  const shown = (dir: string, name: string, absolutePath: string): string => {
    let prefix = shownDirs.get(dir);
    if (prefix === undefined) {
      prefix = displayPath(resolved.cwd, dir);
      shownDirs.set(dir, prefix);
    }
    return prefix !== '' && !prefix.startsWith('..') && !path.isAbsolute(prefix) && plainSegments(name)
      ? `${prefix}/${name}`
      : displayPath(resolved.cwd, absolutePath);
  };
  const text = (dir: string, name: string, content: string): OutputFile => {
    const absolutePath = path.join(dir, ...name.split('/'));
    return { path: shown(dir, name, absolutePath), absolutePath, root: dir, relative: name, content };
  };
  const file = (dir: string, name: string, value: unknown): OutputFile => text(dir, name, renderJson(value));
  const v3 = (relative: string, document: unknown): OutputFile => ({
    ...text(resolved.postmanDir, relative, renderYaml(document)),
    editable: true,
  });
  // Each compiled collection and environment is rendered twice, as v2.1 JSON and as v3 YAML, from the one object.
  const files: OutputFile[] = [];
  const v3Files: OutputFile[] = [];
  for (const c of project.collections) {
    const compiled = compileCollection(c, resolved.compile);
    files.push(file(resolved.collectionsDir, `${c.slug}${COLLECTION_SUFFIX}`, compiled));
    // What validating and compiling left behind goes before the v3 files are rendered on top of it: their heap then
    // fits in the one already there (-30 MiB peak RSS at 10,000 requests).
    collectGarbageIfLarge();
    for (const f of v3CollectionFiles(compiled, c.slug, resolved.compile)) v3Files.push(v3(f.relative, f.document));
  }
  for (const e of project.environments) {
    const compiled = compileEnvironment(e, resolved.compile);
    files.push(file(resolved.environmentsDir, `${e.slug}${ENVIRONMENT_SUFFIX}`, compiled));
    const f = v3EnvironmentFile(compiled, e.slug);
    v3Files.push(v3(f.relative, f.document));
  }
  files.push(...v3Files);
  // The compiled collections are garbage once rendered: collected before the pages and the writing need more.
  collectGarbageIfLarge();
  const docs = renderDocs(project, {
    docsDir: resolved.docsDir,
    collectionsDir: resolved.collectionsDir,
    environmentsDir: resolved.environmentsDir,
    collectionSuffix: COLLECTION_SUFFIX,
    environmentSuffix: ENVIRONMENT_SUFFIX,
    postmanDir: resolved.postmanDir,
    ...(isInside(resolved.cwd, resolved.docsDir)
      ? { postmanGuide: path.join(resolved.cwd, 'docs', 'postman-v12.md') }
      : {}),
  }).map((page) => text(resolved.docsDir, page.path, page.content));
  // Not the project: the parsed specs (~60 MiB at 10,000 requests) are garbage once the pages are rendered, and a
  // caller holds this result while the files are written.
  return { files, docs, errors: [], warnings: validation.warnings, options: resolved };
}

/** A `/`-separated relative name without empty, `.` or `..` segments (or a backslash, a separator on Windows). */
function plainSegments(name: string): boolean {
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes('\\'));
}

export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join('/');
}
