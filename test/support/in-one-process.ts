// Process groups: test files that `npm test` (scripts/test.mjs) runs together in one process, each file a suite of
// its own named by its path (its tests reported under it, its top-level hooks scoped to it). A process per file costs
// its start-up every time (Node, the tsx loader, src/ loaded and transformed again, and for end-to-end files Newman,
// oidc-provider and the OpenAPI documents): about a second of CPU per unit file and several per end-to-end file, for
// tests that often take less. Which files go together is in process-groups.json: the unit files in two shares run
// side by side; end-to-end files that are quick, or that run Newman in-process (the token chain, the trust checks,
// the rest), a few groups. A group's files pass alone and together, in any order. Files that spawn `mvpm` and wait
// on it, or keep a core busy on their own, stay alone. Any file still runs alone as ever:
// `node --import tsx --test test/e2e/x.test.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from './helpers.ts';

interface ProcessGroups {
  /** How many processes share the unit files (every n-th file by name). */
  readonly unitShares: number;
  /** End-to-end groups: group name → file names in test/e2e without `.test.ts`. */
  readonly e2e: Readonly<Record<string, readonly string[]>>;
}

const GROUPS = JSON.parse(
  readFileSync(path.join(PROJECT_ROOT, 'test/support/process-groups.json'), 'utf8'),
) as ProcessGroups;

/** Imports each file (relative to the project root) inside a suite of its own, in the order given. */
function importEachAsSuite(files: readonly string[]): void {
  for (const file of files)
    describe(file, async () => {
      await import(pathToFileURL(path.join(PROJECT_ROOT, file)).href);
    });
}

/** The `part`-th (1-based) share of the unit files: every unitShares-th file by name. */
export function runUnitShare(part: number): void {
  const files = readdirSync(path.join(PROJECT_ROOT, 'test/unit'))
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => `test/unit/${name}`);
  importEachAsSuite(files.filter((_, i) => i % GROUPS.unitShares === part - 1));
}

/** The end-to-end group `name` of process-groups.json. */
export function runE2eGroup(name: string): void {
  const files = GROUPS.e2e[name];
  if (!files) throw new Error(`no end-to-end group ${name} in test/support/process-groups.json`);
  importEachAsSuite(files.map((file) => `test/e2e/${file}.test.ts`));
}
