// Which generated files mvpm wrote: the SHA-256 of each output at the time mvpm wrote it (or found it byte-identical
// to a fresh build), kept per project in the per-user state directory. Only this record lets a build delete an
// orphan. It lives outside the project on purpose: nothing in a clone or a pull request can add an entry, so a
// forged manifest or a marker in a file's text can never make mvpm delete a file it did not write.
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { realRootOf, sha256, writeFileInside } from '../paths/path-guard.js';

export interface OwnershipRecord {
  readonly version: 1;
  /** The project's real path: the record's key. */
  readonly project: string;
  /** Absolute real path of each generated file → SHA-256 (hex) of the content mvpm wrote. */
  readonly files: Readonly<Record<string, string>>;
}

/**
 * Where a project's record is kept: `<state dir>/outputs/<first 32 hex of SHA-256 of the project's real path>.json`.
 */
export function ownershipFile(stateDir: string, projectDir: string): { readonly dir: string; readonly name: string } {
  return { dir: path.join(stateDir, 'outputs'), name: `${sha256(realRootOf(projectDir)).slice(0, 32)}.json` };
}

/** The project's record; an empty one when there is none or it cannot be read (then nothing counts as mvpm's). */
export function readOwnership(stateDir: string, projectDir: string): OwnershipRecord {
  const project = realRootOf(projectDir);
  const empty: OwnershipRecord = { version: 1, project, files: {} };
  const { dir, name } = ownershipFile(stateDir, projectDir);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  } catch {
    return empty;
  }
  const record = value as Partial<OwnershipRecord> | null;
  if (record?.version !== 1 || record.project !== project || typeof record.files !== 'object' || record.files === null)
    return empty;
  const files: Record<string, string> = {};
  for (const [file, hash] of Object.entries(record.files))
    if (typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash)) files[file] = hash;
  return { version: 1, project, files };
}

/** Saves the record (0600, atomically, never through a link). */
export function writeOwnership(stateDir: string, projectDir: string, files: Readonly<Record<string, string>>): void {
  const { dir, name } = ownershipFile(stateDir, projectDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileInside(
    dir,
    name,
    `${JSON.stringify({ version: 1, project: realRootOf(projectDir), files: sorted }, null, 2)}\n`,
    { mode: 0o600 },
  );
}
