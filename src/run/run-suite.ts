import path from 'node:path';
import type { NewmanRunSummary } from 'newman';
import { refuseDebugOutput } from './debug-output.js';
import type { CollectionSpec } from '../spec/model.js';
import {
  addEnvironmentSecrets,
  environmentValues,
  readJson,
  setValue,
  targetEnvironment,
  type EnvFile,
} from './environments.js';
import { RunError } from './errors.js';
import { checkFileSources, filesDirectory } from './file-sources.js';
import { Masker } from './masking.js';
import { countResults, environmentValue, runNewman, type ReporterName } from './newman-run.js';
import { observeRun, type ProgressEvent } from './observe-run.js';
import { checkReportPaths, maskReports, reportFiles } from './reports.js';
import { adoptState, checkStateBinding, stateBinding } from './state-binding.js';
import {
  emptyState,
  fingerprint,
  isSpent,
  readState,
  stateDirectory,
  withOffered,
  writeState,
  type TokenState,
} from './state-file.js';
import { lockState } from './state-lock.js';
import { planSteps, pruneCollection, type RunMode, type Skipped } from './run-plan.js';
import { afterTokenCall, beforeTokenCall } from './token-journal.js';
import {
  collectionFile,
  fillTemplate,
  loadProjectModel,
  resolveTarget,
  targetServer,
  type TargetPlan,
} from './targets.js';

export interface RunOptions {
  /** A target the specs declare (an environment's `target`); default: the one stand-in target. */
  readonly target?: string;
  /** A stand-in target only: a stand-in already running (`mvpm serve`) instead of one started for the run. */
  readonly baseUrl?: string;
  /** Top-level folders to run (of any collection on the target); default: every one that applies. */
  readonly folders?: readonly string[];
  /** Where the specs are, relative to `cwd`; the runner reads its targets from them. Default `specs`. */
  readonly specsDir?: string;
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

/** Everything one suite run shares: the masker, the token state (when kept), progress and explanations. */
class Session {
  readonly masker = new Masker();
  readonly explanations: string[] = [];
  /** The report files Newman was asked to write so far: the only files of the reports directory mvpm rewrites. */
  readonly reportNames: string[] = [];
  private summaries: NewmanRunSummary[] = [];
  private savedOnce = false;
  /** Requests the spent-token guard withheld (see spent-token-guard.ts): each fails the run. */
  private withheld: string[] = [];

  /** `realTarget`: the server's sign-ins are real (not a stand-in mvpm knows of), so spent tokens are withheld. */
  constructor(
    readonly options: RunOptions,
    /** The token endpoint whose calls are journaled; undefined when nothing on the target uses tokens. */
    readonly tokenUrl: string | undefined,
    private state: TokenState | undefined,
    readonly stateFile: string | undefined,
    private readonly realTarget = false,
  ) {}

  emit(event: RunEvent): void {
    this.options.onEvent?.(event);
  }

  async run(
    label: string,
    collection: object,
    environment: object,
    folders: readonly string[],
    common: Common,
  ): Promise<NewmanRunSummary> {
    this.emit({ type: 'collection-started', label, folders });
    for (const { name } of reportFiles(common.reporters, label))
      if (!this.reportNames.includes(name)) this.reportNames.push(name);
    let observer: ReturnType<typeof observeRun> | undefined;
    const run = runNewman({
      ...common,
      collection,
      environment,
      // The collection is already pruned to what runs (see run-plan.ts): `folders` are for progress output only.
      folders: [],
      label,
      onEmitter: (emitter) => {
        observer = observeRun(emitter, {
          collection: label,
          // Nothing on the target uses tokens: a URL no request can have, so no call is taken for a token call.
          tokenUrl: this.tokenUrl ?? 'mvpm-no-token-endpoint:',
          masker: this.masker,
          progress: (event) => this.emit(event),
          beforeTokenCall: (call) => {
            this.save((state) => beforeTokenCall(state, call, new Date()));
            this.emit({ type: 'token-call', phase: 'sent', grantType: call.grantType });
          },
          afterTokenCall: (call, outcome) => {
            this.save((state) => afterTokenCall(state, call, outcome, new Date()));
            this.emit({ type: 'token-call', phase: 'settled', grantType: call.grantType, outcome: outcome.kind });
          },
          explain: (text) => {
            const masked = this.masker.mask(text);
            if (!this.explanations.includes(masked)) this.explanations.push(masked);
          },
          ...(this.realTarget
            ? {
                isSpent: (token: string) => isSpent(this.state, token),
                withheld: (text: string) => this.withheld.push(text),
              }
            : {}),
        });
      },
    });
    const summary = await this.untilDoneOrInterrupted(run, () => observer);
    this.summaries.push(summary);
    return summary;
  }

  /** Applies a journal transition and writes it at once (atomic, fsync): nothing is ever only in memory. */
  private save(transition: (state: TokenState) => TokenState): void {
    if (!this.state || !this.stateFile) return;
    this.state = transition(this.state);
    writeState(this.stateFile, this.state);
    if (!this.savedOnce) {
      this.savedOnce = true;
      this.emit({ type: 'state-saved', file: this.stateFile });
    }
  }

  private async untilDoneOrInterrupted(
    run: Promise<NewmanRunSummary>,
    observer: () => ReturnType<typeof observeRun> | undefined,
  ): Promise<NewmanRunSummary> {
    const signal = this.options.signal;
    if (!signal) return run;
    this.throwIfAborted();
    let onAbort: (() => void) | undefined;
    const interrupted = new Promise<never>((_resolve, reject) => {
      onAbort = () => {
        // Let an in-flight token request finish: its answer (a rotated token) is saved before we give up.
        void (observer()?.whenIdle() ?? Promise.resolve()).then(() => reject(this.interruptedError()));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([run, interrupted]);
    } finally {
      if (onAbort) signal.removeEventListener('abort', onAbort);
    }
  }

  throwIfAborted(): void {
    if (this.options.signal?.aborted) throw this.interruptedError();
  }

  private interruptedError(): RunError {
    return new RunError(
      'E_INTERRUPTED',
      this.stateFile ? `interrupted; the newest refresh token is saved in ${this.stateFile}` : 'interrupted',
    );
  }

  result(): RunResult {
    const counts = this.summaries.map(countResults);
    const passed = counts.reduce((n, c) => n + c.passed, 0);
    const failed = counts.reduce((n, c) => n + c.failed, 0);
    const errors = [...counts.flatMap((c) => c.errors), ...this.withheld].map((e) => this.masker.mask(e));
    return {
      passed,
      failed,
      errors,
      explanations: [...this.explanations],
      ok: failed === 0 && errors.length === 0 && passed > 0,
      ...(this.stateFile ? { stateFile: this.stateFile } : {}),
    };
  }
}

type Common = Omit<Parameters<typeof runNewman>[0], 'collection' | 'environment' | 'folders' | 'label' | 'onEmitter'>;

/**
 * Runs every collection and folder that applies to a target, as the specs declare it (see targets.ts), with
 * Newman, and returns the counts; throws RunError when it cannot start (specs with errors, missing files or
 * credentials, a spent or doubtful token, a held lock) or is interrupted. Against a target whose tokens outlive the
 * run (a real server, or a stand-in started by `mvpm serve`) the state file is locked for the run and every
 * token-endpoint call is journaled in it as it happens (see token-journal.ts).
 */
export async function runSuite(options: RunOptions = {}): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const project = await loadProjectModel(cwd, options.specsDir);
  const plan = resolveTarget(project, options.target, 'run');
  const collectionsDir = path.resolve(cwd, options.collectionsDir ?? 'collections');
  const environmentsDir = path.resolve(cwd, options.environmentsDir ?? 'environments');
  const reportsDir = path.resolve(cwd, options.reportsDir ?? 'reports');
  if (!plan.standin && options.baseUrl)
    throw new RunError(
      'E_BAD_OPTION',
      `--base-url is for a stand-in target; \`${plan.name}\` is not one (its servers come from its environment${plan.environment.overrides.length > 0 ? ` or ${plan.environment.overrides.map((o) => o.processVariable).join(', ')}` : ''})`,
    );
  const baseUrl = options.baseUrl === undefined ? undefined : standinUrl(options.baseUrl);
  if (!plan.standin && !options.allowDebugOutput) refuseDebugOutput(env, `run against ${plan.name}`);

  // Everything that can be refused is checked before anything starts or is sent: the files of every collection
  // this run may run, their uploads, and the report paths.
  const common: Common = {
    reporters: options.reporters ?? ['cli'],
    reportsDir,
    bail: options.bail ?? false,
    timeoutRequest: options.timeoutRequest ?? 0,
    filesDir: filesDirectory(cwd),
  };
  const files = new Map<CollectionSpec, object>();
  for (const collection of [...(plan.signIn ? [plan.signIn] : []), ...plan.collections]) {
    const file = readJson<object>(path.join(collectionsDir, collectionFile(collection)));
    checkFileSources(file, common.filesDir, collection.slug);
    files.set(collection, file);
  }
  const labels = [...files.keys()].flatMap((c) => [c.slug, `${c.slug}-last`]);
  checkReportPaths(
    reportsDir,
    labels.flatMap((label) => reportFiles(common.reporters, label).map((r) => r.name)),
  );
  const environmentName = path.join(path.basename(environmentsDir), plan.environmentFile);
  const environmentFile = readJson<EnvFile>(path.join(environmentsDir, plan.environmentFile));
  const context: RunContext = { plan, files, common, folders: options.folders };

  if (plan.standin && !baseUrl) {
    // The default: a stand-in of our own for this run. Tokens die with it, so no state is kept.
    const { startStandin } = await import('../standin/index.js');
    const server = await startStandin({ port: 0 });
    try {
      const environment = targetEnvironment(plan, environmentFile, env, {
        standinUrl: server.url,
        fileName: environmentName,
        optional: [plan.autoRefresh?.variables.refreshToken ?? ''],
      });
      const tokenServer = targetServer(plan, environmentValues(environment), stateDirectory(env), { cwd });
      const session = new Session(options, tokenServer?.tokenUrl, undefined, undefined);
      session.emit({ type: 'standin-started', url: server.url });
      try {
        addEnvironmentSecrets(session.masker, environment, plan);
        await runSteps(session, context, environment, { signsIn: plan.signIn !== undefined, keepsTokens: false });
        return session.result();
      } finally {
        maskReports(reportsDir, session.reportNames, session.masker);
      }
    } finally {
      await server.close();
    }
  }

  const environment = targetEnvironment(plan, environmentFile, env, {
    ...(baseUrl ? { standinUrl: baseUrl } : {}),
    fileName: environmentName,
    optional: [plan.autoRefresh?.variables.refreshToken ?? ''],
  });
  const tokenServer = targetServer(plan, environmentValues(environment), stateDirectory(env), {
    cwd,
    stateFile: options.stateFile,
  });
  if (!tokenServer) {
    // Nothing on this target uses tokens: nothing to keep between runs.
    const session = new Session(options, undefined, undefined, undefined);
    try {
      addEnvironmentSecrets(session.masker, environment, plan);
      await runSteps(session, context, environment, { signsIn: false, keepsTokens: false });
      return session.result();
    } finally {
      maskReports(reportsDir, session.reportNames, session.masker);
    }
  }
  // The server the run talks to, as the environment now says (overrides already applied and checked): it keys the
  // state file, and the file must have been recorded for it and for this client.
  const clientId = plan.autoRefresh
    ? fillTemplate(plan.autoRefresh.clientId, environmentValues(environment))
    : undefined;
  const binding = stateBinding(
    plan.name,
    tokenServer.authBaseUrl,
    clientId && 'value' in clientId ? clientId.value : '',
  );
  const stateFile = tokenServer.stateFile;
  const release = await lockState(stateFile);
  let session: Session | undefined;
  try {
    const stored = readState(stateFile);
    if (stored) checkStateBinding(stored, binding, stateFile);
    const previous = stored ? adoptState(stored, binding) : undefined;
    const fromEnv = tokenServer.refreshTokenProcessVariable ? env[tokenServer.refreshTokenProcessVariable] : undefined;
    const canSignIn = plan.signIn !== undefined;
    const chosen = chooseRefreshToken(
      fromEnv,
      previous,
      canSignIn,
      options.retryInDoubt ?? false,
      tokenServer.refreshTokenProcessVariable,
    );
    // The token about to be sent is the chain's current one from now on, whichever source it came from.
    // The process variable's token can be offered again by the next run: once spent, it is never forgotten.
    const start = withOffered(previous ?? emptyState(binding, new Date()), fromEnv);
    const { dead: _dead, ...alive } = start;
    // The runner's own knowledge decides whether sign-ins are real, never a spec: only a stand-in it was pointed at
    // with --base-url is not (an embedded one is handled above). Spent tokens are withheld from real ones.
    session = new Session(
      options,
      tokenServer.tokenUrl,
      chosen ? { ...alive, refreshToken: chosen.token } : start,
      stateFile,
      baseUrl === undefined,
    );
    for (const { processVariable } of plan.environment.secrets) session.masker.addSecret(env[processVariable]);
    session.masker.addSecret(previous?.refreshToken);
    session.masker.addSecret(previous?.accessToken);
    addEnvironmentSecrets(session.masker, environment, plan);
    if (chosen) {
      session.emit({ type: 'token-source', source: chosen.source });
      setValue(environment, tokenServer.refreshTokenVariable, chosen.token);
      await runSteps(session, context, environment, { signsIn: false, keepsTokens: true });
    } else {
      // Only a stand-in with a sign-in collection can be signed in to unattended; otherwise chooseRefreshToken has thrown.
      session.emit({ type: 'token-source', source: 'sign-in' });
      await runSteps(session, context, environment, { signsIn: true, keepsTokens: true });
    }
    return session.result();
  } finally {
    await release();
    if (session) maskReports(reportsDir, session.reportNames, session.masker);
  }
}

/** `--base-url`: any http(s) URL (the stand-in's credentials are public), without a trailing slash. */
function standinUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // Refused below.
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new RunError(
      'E_BAD_OPTION',
      '--base-url must be the http(s) address of a running stand-in, like http://127.0.0.1:4010',
    );
  return value.replace(/\/+$/, '');
}

/**
 * Which refresh token to send. MV_REFRESH_TOKEN wins while it is unspent (a person just signed in and set it);
 * once a run has rotated it, the state file's newer token is used. A token known to be spent is never sent, and
 * neither is one whose last refresh ended without an answer, unless `retryInDoubt`: on a strict server a spent
 * token sent again revokes the whole sign-in.
 */
export function chooseRefreshToken(
  fromEnv: string | undefined,
  state: TokenState | undefined,
  canSignIn: boolean,
  retryInDoubt = false,
  /** The process variable `fromEnv` was read from, as the target's `secrets` name it. */
  processVariable = 'MV_REFRESH_TOKEN',
): { token: string; source: string } | undefined {
  const spent = new Set(state?.spent.map((s) => s.fingerprint) ?? []);
  const doubtful = new Set(
    [state?.pending?.fingerprint, state?.inDoubt?.fingerprint].filter((f): f is string => f !== undefined),
  );
  const usable = (token: string): boolean =>
    !spent.has(fingerprint(token)) && (retryInDoubt || !doubtful.has(fingerprint(token)));
  if (fromEnv && usable(fromEnv)) return { token: fromEnv, source: processVariable };
  if (state?.refreshToken && usable(state.refreshToken)) return { token: state.refreshToken, source: 'state file' };
  if (canSignIn) return undefined;
  const candidate = state?.refreshToken ?? fromEnv;
  if (candidate && doubtful.has(fingerprint(candidate)) && !spent.has(fingerprint(candidate))) {
    const why =
      state?.pending?.fingerprint === fingerprint(candidate)
        ? `a run stopped (${state.pending.since}) while refreshing with it`
        : `its last refresh failed (${state?.inDoubt?.reason ?? 'no answer'}, ${state?.inDoubt?.at ?? ''})`;
    throw new RunError(
      'E_REFRESH_IN_DOUBT',
      `the refresh token may have been spent: ${why}, and the server's answer never arrived. Sign in again with \`mvpm login\` (safe). Or run with --retry-in-doubt to send it once more: if the server had spent it, that revokes this sign-in.`,
    );
  }
  if (state?.dead) {
    throw new RunError(
      'E_NO_REFRESH_TOKEN',
      `the server refused the last refresh token (${state.dead.reason}, ${state.dead.at}): it was already used, expired or revoked. Sign in again with \`mvpm login\`.`,
    );
  }
  if (fromEnv) {
    throw new RunError(
      'E_SPENT_REFRESH_TOKEN',
      `${processVariable} holds a refresh token that an earlier run already spent, and the state file has no newer one. Sending it again would revoke the whole sign-in. Sign in again with \`mvpm login\` and update ${processVariable}.`,
    );
  }
  throw new RunError(
    'E_NO_REFRESH_TOKEN',
    `no refresh token: sign in once with \`mvpm login\` (or set ${processVariable}). Later runs keep the rotated one in the state file.`,
  );
}

interface RunContext {
  readonly plan: TargetPlan;
  /** The generated collection of each collection that may run, read and checked before anything started. */
  readonly files: ReadonlyMap<CollectionSpec, object>;
  readonly common: Common;
  readonly folders: readonly string[] | undefined;
}

/**
 * The run itself: the `sign-in` collection first when the run signs in (it must leave `code`), then every step of
 * the plan in order, each Newman run starting from the environment the previous one ended with (rotated tokens
 * carry over). What the plan leaves out is reported once, before anything is sent.
 */
async function runSteps(
  session: Session,
  context: RunContext,
  start: EnvFile,
  mode: Omit<RunMode, 'folders'>,
): Promise<void> {
  const { plan } = context;
  const signsIn = mode.signsIn && plan.signIn !== undefined;
  const { steps, skipped } = planSteps(plan, {
    ...mode,
    signsIn,
    ...(context.folders ? { folders: context.folders } : {}),
  });
  const notes: Skipped[] = [
    ...(plan.signIn && !signsIn
      ? [{ what: plan.signIn.name, reason: 'signs in, and this run starts from a refresh token' }]
      : []),
    ...skipped,
  ];
  for (const note of notes) session.emit({ type: 'not-run', what: note.what, reason: note.reason });
  let environment: object = start;
  if (signsIn) {
    const signIn = await session.run(
      plan.signIn!.slug,
      context.files.get(plan.signIn!)!,
      environment,
      [],
      context.common,
    );
    const counts = countResults(signIn);
    session.masker.addSecret(environmentValue(signIn, 'code'));
    if (counts.failed > 0 || counts.errors.length > 0 || environmentValue(signIn, 'code') === undefined) return;
    environment = signIn.environment.toJSON() as object;
  }
  for (const step of steps) {
    session.throwIfAborted();
    const collection = pruneCollection(context.files.get(step.collection)!, step, collectionFile(step.collection));
    const summary = await session.run(step.label, collection, environment, step.folders, context.common);
    environment = summary.environment.toJSON() as object;
  }
}
