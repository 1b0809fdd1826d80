// What the build knows of its v3 (Postman v12) outputs beyond writing them: which files under `postman/` look like
// its own, and the error that stops a build from overwriting a v3 file someone edited in Postman.
import path from 'node:path';
import { MvpmError } from '../errors/mvpm-error.js';
import {
  V3_COLLECTIONS_DIR,
  V3_DEFINITION_FILE,
  V3_ENVIRONMENT_SUFFIX,
  V3_ENVIRONMENTS_DIR,
  V3_REQUEST_SUFFIX,
  V3_RESOURCES_DIR,
} from '../v3/v3-collection.js';
import { displayPath, type ResolvedBuildOptions } from './build-project.js';

export { V3_COLLECTIONS_DIR, V3_ENVIRONMENTS_DIR };

/** A path below `postman/` (forward slashes) named like a file mvpm writes there. */
export function isV3Candidate(relative: string): boolean {
  const parts = relative.split('/');
  const name = parts.at(-1) ?? '';
  if (parts[0] === V3_ENVIRONMENTS_DIR) return parts.length === 2 && name.endsWith(V3_ENVIRONMENT_SUFFIX);
  if (parts[0] !== V3_COLLECTIONS_DIR || parts.length < 3) return false;
  if (name === V3_DEFINITION_FILE) return parts.at(-2) === V3_RESOURCES_DIR;
  return name.endsWith(V3_REQUEST_SUFFIX) && !parts.slice(0, -1).includes(V3_RESOURCES_DIR);
}

/**
 * E_V3_EDITED: the v3 files (paths as shown) that differ from what mvpm last wrote there, and how to keep their
 * edits: `mvpm import` of the collection directory into its specs. Nothing has been written when it is thrown.
 */
export function editedV3Error(files: readonly string[], options: ResolvedBuildOptions): MvpmError {
  const [first] = files;
  const shown = files.length === 1 ? first : `${files.length} files (${files.join(', ')})`;
  const postman = displayPath(options.cwd, options.postmanDir);
  const specs = displayPath(options.cwd, options.specsDir);
  const relative = first === undefined ? [] : path.posix.relative(postman, first).split('/');
  const hint =
    relative[0] === V3_COLLECTIONS_DIR && relative[1] !== undefined
      ? `bring the edit into the specs with \`mvpm import ` +
        `${shellWord(`${postman}/${V3_COLLECTIONS_DIR}/${relative[1]}`)} --out ${shellWord(specs)} --force\` ` +
        '(it keeps what only the specs say), then build again'
      : `copy the change into the environment's spec under ${specs}/environments/, then build again`;
  return new MvpmError(
    'E_V3_EDITED',
    `${shown} changed since mvpm wrote ${files.length === 1 ? 'it' : 'them'} (edited in Postman?), so the build ` +
      'wrote nothing rather than overwrite the edit',
    {
      hint:
        `${hint}; if it holds nothing worth keeping (another build's output that came with a pull), delete it ` +
        'and build again (docs/postman-v12.md)',
      ...(first === undefined ? {} : { location: { file: first } }),
    },
  );
}

/** A path as one shell word: as it is when it holds only safe characters, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}
