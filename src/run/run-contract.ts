// What runSuite promises its callers (the CLI, tests): its options with their defaults, the progress events it
// reports, and the result it returns.
import type { ProgressEvent } from './observe-run.js';
import type { RunnerName } from './collection-runner.js';
import type { ReporterName } from './newman-run.js';

export interface RunOptions {
  /** A target the specs declare (an environment's `target`); default: the one stand-in target. */
  readonly target?: string;
  /** A stand-in target only: a stand-in already running (`mvpm serve`) instead of one started for the run. */
  readonly baseUrl?: string;
  /** Top-level folders to run (of any collection on the target); default: every one that applies. */
  readonly folders?: readonly string[];
  /** Where the specs are, relative to `cwd`; the runner reads its targets from them. Default `specs`. */
  readonly specsDir?: string;
  /**
   * What runs the collections: `newman` (default, in this process) or `postman`, the Postman CLI as a child process
   * with an empty temporary HOME and no Postman API key (postman-run.ts).
   */
  readonly runner?: RunnerName;
  /** Default `['cli']`. */
  readonly reporters?: readonly ReporterName[];
  /** Default `reports`. Only the report files of this run are written and masked there; nothing else is touched. */
  readonly reportsDir?: string;
  /** Stop at the first failure. Default false. */
  readonly bail?: boolean;
  /** Per-request timeout in ms; default 0 (none). */
  readonly timeoutRequest?: number;
  /** Token state file; default one per target and server in the user's state directory. */
  readonly stateFile?: string;
  /** Send a refresh token whose last refresh ended without an answer (it may have been spent). Default false. */
  readonly retryInDoubt?: boolean;
  /**
   * A target that is not a stand-in: start even though NODE_DEBUG, an inspector or diagnostic reports would copy the
   * credentials out of the process (see debug-output.ts). Default false: such a run is refused (E_DEBUG_OUTPUT).
   */
  readonly allowDebugOutput?: boolean;
  /** Where the generated collections and environments are. Defaults `collections`, `environments`. */
  readonly collectionsDir?: string;
  readonly environmentsDir?: string;
  /** Process environment (MV_* credentials, XDG_STATE_HOME). Default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The project (the directory holding specs/); form-data files are read from its `specs/files/` only. */
  readonly cwd?: string;
  /**
   * Stops the run: an in-flight token request is allowed to finish and its answer is saved first, then runSuite
   * rejects with E_INTERRUPTED. Newman itself cannot be stopped; the caller ends the process.
   */
  readonly signal?: AbortSignal;
  /** Progress, for the CLI to print: every text in it is masked. */
  readonly onEvent?: (event: RunEvent) => void;
}

export type RunEvent =
  | ProgressEvent
  | { readonly type: 'standin-started'; readonly url: string }
  | { readonly type: 'collection-started'; readonly label: string; readonly folders: readonly string[] }
  /** A collection, folder or request of the specs that this run does not send, and why. */
  | { readonly type: 'not-run'; readonly what: string; readonly reason: string }
  /** `source`: the process variable the token came from (MV_REFRESH_TOKEN), the state file, or a sign-in. */
  | { readonly type: 'token-source'; readonly source: string }
  | { readonly type: 'state-saved'; readonly file: string }
  /** A token-endpoint call was journaled: sent (the token is pending) or settled (its answer is saved). */
  | {
      readonly type: 'token-call';
      readonly phase: 'sent' | 'settled';
      readonly grantType: string;
      readonly outcome?: string;
    };

export interface RunResult {
  readonly passed: number;
  readonly failed: number;
  /** Requests that could not be sent and scripts that threw, in run order (masked). */
  readonly errors: readonly string[];
  /** What the failures mean and what to do, once each (masked). */
  readonly explanations: readonly string[];
  /** True when every assertion passed, nothing errored, and at least one assertion ran. */
  readonly ok: boolean;
  readonly stateFile?: string;
}
