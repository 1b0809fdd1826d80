// `sendTo` for imported specs: the in-memory files an importer made, read as the loader would read them from disk,
// and the inference of rules/secret-destinations.ts run on them.
import {
  DEFINITION_FILE,
  ENVIRONMENT_SUFFIX,
  ENVIRONMENTS_DIR,
  REQUEST_SUFFIX,
  RESOURCES_DIR,
  type LoadedFolder,
} from './load-specs.js';
import { normalizeCollection, normalizeEnvironment } from './normalize.js';
import { inferSendTo } from './rules/secret-destinations.js';
import { SpecSource } from './source.js';

/** A spec file in memory: its path below the specs directory (forward slashes) and its text. */
export interface SpecFileText {
  readonly path: string;
  readonly content: string;
}

/**
 * For each environment file among `files` (by path), the `sendTo` each of its secrets needs so that the
 * collections among `files` build: see inferSendTo. Files that do not parse are left out; the build reports them.
 */
export function inferSendToForFiles(files: readonly SpecFileText[]): Map<string, Map<string, string[]>> {
  const source = (file: SpecFileText, kind: 'collection' | 'folder' | 'request' | 'environment'): SpecSource =>
    new SpecSource(file.path, `specs/${file.path}`, kind, file.content);
  const environments = files
    .filter((f) => f.path.startsWith(`${ENVIRONMENTS_DIR}/`) && f.path.endsWith(ENVIRONMENT_SUFFIX))
    .map((f) => ({ path: f.path, source: source(f, 'environment') }));
  const definitionSuffix = `/${RESOURCES_DIR}/${DEFINITION_FILE}`;
  const collections = files.filter((f) => f.path.split('/').length === 3 && f.path.endsWith(definitionSuffix));
  const out = new Map<string, Map<string, string[]>>();
  try {
    const readValue = (s: SpecSource): unknown => s.toJS();
    const specs = environments.map((e) => ({ path: e.path, spec: normalizeEnvironment(e.source, readValue) }));
    for (const definition of collections) {
      const slug = definition.path.split('/')[0]!;
      const folderAt = (dir: string): LoadedFolder => {
        const inside = files.filter((f) => f.path.startsWith(`${dir}/`));
        const own = inside.find((f) => f.path === `${dir}${definitionSuffix}`);
        const direct = (f: SpecFileText): string | undefined =>
          f.path.slice(dir.length + 1).includes('/') ? undefined : f.path.slice(dir.length + 1);
        const subdirs = [
          ...new Set(
            inside
              .map((f) => f.path.slice(dir.length + 1).split('/')[0]!)
              .filter((name) => name !== RESOURCES_DIR && inside.some((f) => f.path.startsWith(`${dir}/${name}/`))),
          ),
        ];
        return {
          name: dir.split('/').pop()!,
          dir,
          ...(own && dir !== slug ? { definition: source(own, 'folder') } : {}),
          requests: inside
            .filter((f) => direct(f)?.endsWith(REQUEST_SUFFIX))
            .map((f) => ({ name: direct(f)!.slice(0, -REQUEST_SUFFIX.length), source: source(f, 'request') })),
          folders: subdirs.sort().map((name) => folderAt(`${dir}/${name}`)),
        };
      };
      const collectionSource = source(definition, 'collection');
      const collection = normalizeCollection(
        { slug, definition: collectionSource, root: { ...folderAt(slug), definition: collectionSource } },
        { readValue, schemaFiles: new Map(), cwd: '', errors: [] },
      );
      for (const { path, spec } of specs) {
        const forEnvironment = out.get(path) ?? out.set(path, new Map()).get(path)!;
        for (const [key, bases] of inferSendTo(collection, spec)) {
          const list = forEnvironment.get(key) ?? forEnvironment.set(key, []).get(key)!;
          for (const base of bases) if (!list.includes(base)) list.push(base);
        }
      }
    }
  } catch {
    // A file that does not parse: nothing is inferred, and the build says what is wrong with it.
  }
  return out;
}
