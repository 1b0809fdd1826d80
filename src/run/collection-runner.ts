// What a suite run (run-session.ts) needs from one collection run, whichever program runs it: Newman in this
// process (newman-run.ts) or the Postman CLI as a child process (postman-run.ts).
import type { ReporterName } from './newman-run.js';
import type { ObserverHooks } from './observe-run.js';

/** `newman` (the default) runs collections in-process; `postman` runs them under the Postman CLI. */
export type RunnerName = 'newman' | 'postman';
export const RUNNERS: readonly RunnerName[] = ['newman', 'postman'];

export interface CollectionRunInput {
  /** The collection as it runs (already pruned to the folders that run; see run-plan.ts). */
  readonly collection: object;
  /** The environment it starts from: passed to the runner unchanged (a token relay's URL included). */
  readonly environment: object;
  /** Folder names to run (Newman `--folder`); all when empty. */
  readonly folders: readonly string[];
  readonly reporters: readonly ReporterName[];
  /** Where junit and htmlextra write, with `label` in the file names (one report per collection run). */
  readonly reportsDir: string;
  readonly label: string;
  readonly bail: boolean;
  /** Per-request timeout in milliseconds; 0 for none. */
  readonly timeoutRequest: number;
  /**
   * The one folder form-data and file bodies may upload from (`specs/files`, already resolved by its real path):
   * the runner's working directory, with insecure file reads off. Every `src` of the collection is checked first.
   */
  readonly filesDir: string;
  /** Progress, explanations, the masker and the spent-token guard (see observe-run.ts); token-relay.ts journals. */
  readonly hooks: ObserverHooks;
  /** The process environment a child runner starts from (only a few of its variables pass). Default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The Postman CLI binary, located before the run starts (postman-run.ts); unused by Newman. */
  readonly postmanCli?: string;
}

/** What a collection run ends with. */
export interface CollectionRunOutcome {
  /** Assertions that passed and failed, and errors that are not assertions (see countResults). */
  readonly counts: RunCounts;
  /** The environment the run ended with, as Postman environment JSON (`{ values: [{ key, value }] }`). */
  readonly environment: object;
}

/**
 * Assertions that passed and failed, and errors that are not assertions (requests that could not be sent, scripts that
 * threw).
 */
export interface RunCounts {
  readonly passed: number;
  readonly failed: number;
  readonly errors: readonly string[];
}

/** One collection run under way. */
export interface CollectionRun {
  readonly done: Promise<CollectionRunOutcome>;
  /**
   * Stops the run and resolves once it has stopped and cleaned up after itself (the Postman CLI: its process group
   * killed, its temporary folder removed). Newman cannot be stopped: it resolves at once, and the caller ends the
   * process.
   */
  stop(): Promise<void>;
}

export type CollectionRunner = (input: CollectionRunInput) => CollectionRun;

/** A variable's value in a Postman environment (JSON). */
export function environmentValue(environment: object, key: string): string | undefined {
  const values = (environment as { values?: { key: string; value?: unknown }[] }).values ?? [];
  const value = values.find((v) => v.key === key)?.value;
  return value === undefined || value === null ? undefined : String(value);
}
