import { NAME_PROBLEM_TEXT, nameProblem } from '../../paths/path-guard.js';
import { fileDiagnostic, type SpecDiagnostic } from '../diagnostics.js';

/** What a name on disk is for, as said in the message and the hint. */
export type NamedOnDisk = 'collection' | 'folder' | 'request' | 'environment';

const WHAT: Readonly<Record<NamedOnDisk, readonly [string, string]>> = {
  collection: ['the collection directory name', 'rename the directory: it names the generated collection file'],
  folder: [
    'the folder name',
    "rename the directory: a folder's name is its directory name, shown in Postman and in reports",
  ],
  request: [
    'the request file name',
    "rename the file: a request's name is its file name, shown in Postman and in reports",
  ],
  environment: ['the environment file name', 'rename the file: it names the generated environment file'],
};

/**
 * E_BAD_NAME: a collection directory, folder directory, request file or environment file whose name the path
 * guard refuses (see nameProblem): control characters, line and paragraph separators, bidirectional controls,
 * separators and characters Windows refuses, reserved device names, a trailing dot or space, a leading space, or a
 * name too long. Such a name becomes a Postman item name and a generated file name, so it must show as it is
 * stored and work on every system that checks the project out. `name` is the part the author chose (a request
 * file's name without `.request.yaml`); `entry` the whole directory entry, checked too (for its length).
 * `shown` is where the diagnostic points: the file or directory, as shown to users.
 */
export function badNameDiagnostic(
  kind: NamedOnDisk,
  name: string,
  entry: string,
  shown: string,
): SpecDiagnostic | undefined {
  const problem = nameProblem(name) ?? nameProblem(entry);
  if (problem === undefined) return undefined;
  const [what, hint] = WHAT[kind];
  return fileDiagnostic(
    shown,
    'E_BAD_NAME',
    `${what} \`${entry}\` cannot be used: ${NAME_PROBLEM_TEXT[problem]}`,
    hint,
  );
}
