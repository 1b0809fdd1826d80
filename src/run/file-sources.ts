import type { Dirent } from 'node:fs';
// Files a run may upload. Form-data `src` entries and file bodies name files that Newman reads and sends; a
// collection (generated from a pull request's specs, or edited by hand) could name `/etc/hostname` or
// `../../.npmrc`. They must live in one folder, `specs/files/`, which Newman gets as `workingDir` with
// `insecureFileRead: false`. Newman's own check is lexical (path.resolve, then a prefix test), so a symbolic link
// inside the folder would escape it: mvpm checks every `src` by real path through the path guard before the run,
// and refuses a folder that holds any link (a pre-request script can still change a `src` at run time, and then
// only Newman's lexical check stands between it and the disk).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { lstatOrUndefined, PathGuardError, resolveInside } from '../paths/path-guard.js';
import { RunError } from './errors.js';
import { mayHoldVariables } from '../spec/variables.js';

/** The folder, relative to the project (the directory holding specs/), that form-data files are read from. */
export const FILES_DIR = 'specs/files';

/**
 * The real path of `specs/files` under `projectDir`, for Newman's `workingDir`. Refused when `specs` or `files`
 * is a link, or when the folder holds a link anywhere below it. The folder need not exist.
 */
export function filesDirectory(projectDir: string): string {
  let root: string;
  try {
    root = resolveInside(projectDir, FILES_DIR);
  } catch (error) {
    if (error instanceof PathGuardError)
      throw new RunError(
        'E_FILE_SRC',
        `${FILES_DIR}/ cannot be used: ${error.message}. Form-data files must be regular files in a real ` +
          `${FILES_DIR}/ folder`,
        { cause: error },
      );
    throw error;
  }
  const links: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // Missing (no files to upload) or unreadable: Newman then fails to read the file and says so.
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) links.push(path.relative(root, full).split(path.sep).join('/'));
      else if (entry.isDirectory()) pending.push(full);
    }
  }
  if (links.length > 0) {
    throw new RunError(
      'E_FILE_SRC',
      `${FILES_DIR}/ holds symbolic links (${links.sort().join(', ')}); mvpm uploads only regular files from it, so ` +
        `replace each link with the file itself`,
    );
  }
  return root;
}

/**
 * Checks every file a collection would upload: each form-data entry's `src` (a string or a list) and each file
 * body's `src`, in every item at any depth, whatever the body's mode or the entry's type (a script can change
 * those). A `src` must be a relative path inside `filesDir` that passes no link and names a regular file when it
 * exists; a `{{variable}}` in it is refused, since its value is known only while the run goes. All problems are
 * reported at once, as one E_FILE_SRC.
 */
export function checkFileSources(collection: unknown, filesDir: string, label: string): void {
  const problems: string[] = [];
  const pending: { node: unknown; trail: string[] }[] = [{ node: collection, trail: [] }];
  while (pending.length > 0) {
    const { node, trail } = pending.pop()!;
    if (!isObject(node)) continue;
    if (Array.isArray(node['item'])) {
      for (const child of [...node['item']].reverse())
        pending.push({
          node: child,
          trail: [
            ...trail,
            isObject(child) && typeof child['name'] === 'string' ? JSON.stringify(child['name']) : '(unnamed)',
          ],
        });
    }
    const body = isObject(node['request']) ? node['request']['body'] : undefined;
    if (!isObject(body)) continue;
    const where = `${label}: ${trail.join(' / ')}`;
    if (Array.isArray(body['formdata'])) {
      for (const field of body['formdata']) {
        if (!isObject(field) || !('src' in field)) continue;
        const name = typeof field['key'] === 'string' ? JSON.stringify(field['key']) : '(unnamed)';
        checkSrc(field['src'], filesDir, `${where}: form-data field ${name}`, problems);
      }
    }
    if (isObject(body['file']) && 'src' in body['file'])
      checkSrc(body['file']['src'], filesDir, `${where}: file body`, problems);
  }
  if (problems.length > 0) {
    throw new RunError(
      'E_FILE_SRC',
      `the collection names files mvpm will not upload (nothing was ` +
        `sent):\n${problems.map((p) => `  - ${p}`).join('\n')}\nPut the files in ${FILES_DIR}/ and write \`src\` ` +
        `relative to it (\`src: picture.png\`), then run \`mvpm build\``,
    );
  }
}

function checkSrc(src: unknown, filesDir: string, where: string, problems: string[]): void {
  if (src === undefined || src === null) return;
  const sources = Array.isArray(src) ? src : [src];
  for (const one of sources) {
    if (typeof one !== 'string') {
      problems.push(`${where}: \`src\` must be a path (a string), not ${one === null ? 'null' : typeof one}`);
      continue;
    }
    if (mayHoldVariables(one)) {
      problems.push(
        `${where}: \`src\` ${JSON.stringify(one)} has a {{variable}}; the file must be known before the run`,
      );
      continue;
    }
    try {
      const absolute = resolveInside(filesDir, one);
      const stats = lstatOrUndefined(absolute);
      if (stats && !stats.isFile()) problems.push(`${where}: \`src\` ${JSON.stringify(one)} is not a regular file`);
    } catch (error) {
      if (!(error instanceof PathGuardError)) throw error;
      const parts = one.split(/[/\\]/);
      const why =
        error.code === 'E_PATH_LINK'
          ? 'passes through a symbolic link'
          : error.code === 'E_PATH_NAME'
            ? error.message.replace(/^.*has an unusable name: /, 'has an unusable name: ')
            : parts.includes('.') && !parts.includes('..') && !path.isAbsolute(one)
              ? `has a \`.\` part: write it relative to ${FILES_DIR}/ without \`./\``
              : `is not a relative path inside ${FILES_DIR}/`;
      problems.push(`${where}: \`src\` ${JSON.stringify(one)} ${why}`);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
