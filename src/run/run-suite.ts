import path from 'node:path';
import type { NewmanRunSummary } from 'newman';
import { refuseDebugOutput } from './debug-output.js';
import { addEnvironmentSecrets, CREDENTIAL_VARIABLES, FILES, mediavaletEnvironment, readJson, setValue, standinEnvironment, valueOf, type EnvFile } from './environments.js';
import { RunError } from './errors.js';
import { checkFileSources, filesDirectory } from './file-sources.js';
import { Masker } from './masking.js';
import { countResults, environmentValue, runNewman, type ReporterName } from './newman-run.js';
import { observeRun, type ProgressEvent } from './observe-run.js';
import { checkReportPaths, maskReports, reportFiles } from './reports.js';
import { TOKEN_PATH } from './server-url.js';
import { adoptState, checkStateBinding, stateBinding } from './state-binding.js';
import { emptyState, defaultStatePath, fingerprint, isSpent, readState, stateDirectory, withOffered, writeState, type TokenState } from './state-file.js';
import { lockState } from './state-lock.js';
import { afterTokenCall, beforeTokenCall } from './token-journal.js';

export { FILES, CREDENTIAL_VARIABLES } from './environments.js';
export { TOKEN_PATH } from './server-url.js';

export type Target = 'standin' | 'mediavalet';

/** Folders of the MediaValet collection, by role. "Stand-in checks" revokes a token family: never against MediaValet. */
export const FOLDERS = { signIn: 'Sign in', refresh: 'Refresh chain', api: 'API', standinChecks: 'Stand-in checks' } as const;

export interface RunOptions {
  /** Default `standin`. */
  readonly target?: Target;
  /** `standin` only: a stand-in already running (`mvpm serve`) instead of one started for the run. */
  readonly baseUrl?: string;
  /** Folders to run; default: every folder for an embedded stand-in, otherwise the refresh chain and API. */
  readonly folders?: readonly string[];
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
   * Target `mediavalet`: start even though NODE_DEBUG, an inspector or diagnostic reports would copy the
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
  | { readonly type: 'token-source'; readonly source: 'MV_REFRESH_TOKEN' | 'state file' | 'sign-in' }
  | { readonly type: 'state-saved'; readonly file: string }
  /** A token-endpoint call was journaled: sent (the token is pending) or settled (its answer is saved). */
  | { readonly type: 'token-call'; readonly phase: 'sent' | 'settled'; readonly grantType: string; readonly outcome?: string };

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
    readonly tokenUrl: string,
    private state: TokenState | undefined,
    readonly stateFile: string | undefined,
    private readonly realTarget = false,
  ) {}

  emit(event: RunEvent): void {
    this.options.onEvent?.(event);
  }

  async run(label: string, collection: object, environment: object, folders: readonly string[], common: Common): Promise<NewmanRunSummary> {
    this.emit({ type: 'collection-started', label, folders });
    for (const { name } of reportFiles(common.reporters, label)) if (!this.reportNames.includes(name)) this.reportNames.push(name);
    let observer: ReturnType<typeof observeRun> | undefined;
    const run = runNewman({
      ...common,
      collection,
      environment,
      folders,
      label,
      onEmitter: (emitter) => {
        observer = observeRun(emitter, {
          collection: label,
          tokenUrl: this.tokenUrl,
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
          ...(this.realTarget ? { isSpent: (token: string) => isSpent(this.state, token), withheld: (text: string) => this.withheld.push(text) } : {}),
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

  private async untilDoneOrInterrupted(run: Promise<NewmanRunSummary>, observer: () => ReturnType<typeof observeRun> | undefined): Promise<NewmanRunSummary> {
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
    return new RunError('E_INTERRUPTED', this.stateFile ? `interrupted; the newest refresh token is saved in ${this.stateFile}` : 'interrupted');
  }

  result(): RunResult {
    const counts = this.summaries.map(countResults);
    const passed = counts.reduce((n, c) => n + c.passed, 0);
    const failed = counts.reduce((n, c) => n + c.failed, 0);
    const errors = [...counts.flatMap((c) => c.errors), ...this.withheld].map((e) => this.masker.mask(e));
    return { passed, failed, errors, explanations: [...this.explanations], ok: failed === 0 && errors.length === 0 && passed > 0, ...(this.stateFile ? { stateFile: this.stateFile } : {}) };
  }
}

type Common = Omit<Parameters<typeof runNewman>[0], 'collection' | 'environment' | 'folders' | 'label' | 'onEmitter'>;

/**
 * Runs the MediaValet suite with Newman against a target and returns the counts; throws RunError when it cannot
 * start (missing files or credentials, a spent or doubtful token, a held lock) or is interrupted. Against a target
 * whose tokens outlive the run (MediaValet, or a stand-in started by `mvpm serve`) the state file is locked for
 * the run and every token-endpoint call is journaled in it as it happens (see token-journal.ts).
 */
export async function runSuite(options: RunOptions = {}): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const target = options.target ?? 'standin';
  const collectionsDir = path.resolve(cwd, options.collectionsDir ?? 'collections');
  const environmentsDir = path.resolve(cwd, options.environmentsDir ?? 'environments');
  const reportsDir = path.resolve(cwd, options.reportsDir ?? 'reports');
  if (target === 'mediavalet' && options.baseUrl) throw new RunError('E_BAD_OPTION', '--base-url is for the stand-in; for MediaValet set MV_AUTH_BASE_URL and MV_API_BASE_URL');
  const baseUrl = options.baseUrl === undefined ? undefined : standinUrl(options.baseUrl);
  if (target === 'mediavalet' && !options.allowDebugOutput) refuseDebugOutput(env, 'run against MediaValet');

  // Everything that can be refused is checked before anything starts or is sent: the collections' file uploads
  // and the report paths of every collection this run may run.
  const common: Common = {
    reporters: options.reporters ?? ['cli'],
    reportsDir,
    bail: options.bail ?? false,
    timeoutRequest: options.timeoutRequest ?? 0,
    filesDir: filesDirectory(cwd),
  };
  const collection = readJson<object>(path.join(collectionsDir, FILES.collection));
  checkFileSources(collection, common.filesDir, 'mediavalet');
  const signInCollection = target === 'standin' ? readJson<object>(path.join(collectionsDir, FILES.signInCollection)) : undefined;
  if (signInCollection) checkFileSources(signInCollection, common.filesDir, 'standin-sign-in');
  checkReportPaths(reportsDir, ['mediavalet', ...(signInCollection ? ['standin-sign-in'] : [])].flatMap((label) => reportFiles(common.reporters, label).map((r) => r.name)));

  if (target === 'standin' && !baseUrl) {
    // The default: a stand-in of our own for this run. Tokens die with it, so no state is kept.
    const environmentFile = readJson<EnvFile>(path.join(environmentsDir, FILES.standinEnvironment));
    const { startStandin } = await import('../standin/index.js');
    const server = await startStandin({ port: 0 });
    const session = new Session(options, `${server.url}${TOKEN_PATH}`, undefined, undefined);
    session.emit({ type: 'standin-started', url: server.url });
    try {
      const environment = standinEnvironment(environmentFile, server.url);
      addEnvironmentSecrets(session.masker, environment);
      await signInThenRun(session, signInCollection!, collection, environment, options.folders ?? [], common);
      return session.result();
    } finally {
      await server.close();
      maskReports(reportsDir, session.reportNames, session.masker);
    }
  }

  const environment =
    target === 'standin'
      ? standinEnvironment(readJson<EnvFile>(path.join(environmentsDir, FILES.standinEnvironment)), baseUrl!)
      : mediavaletEnvironment(readJson<EnvFile>(path.join(environmentsDir, FILES.guideEnvironment)), env, path.join(path.basename(environmentsDir), FILES.guideEnvironment));
  // The server the run talks to, as the environment now says (MV_AUTH_BASE_URL already applied and checked): it
  // keys the state file, and the file must have been recorded for it and for this client.
  const authBaseUrl = valueOf(environment, 'authBaseUrl')!;
  const binding = stateBinding(target, authBaseUrl, valueOf(environment, 'ClientId') ?? '');
  const stateFile = path.resolve(cwd, options.stateFile ?? defaultStatePath(stateDirectory(env), target, authBaseUrl));
  const release = await lockState(stateFile);
  let session: Session | undefined;
  try {
    const stored = readState(stateFile);
    if (stored) checkStateBinding(stored, binding, stateFile);
    const previous = stored ? adoptState(stored, binding) : undefined;
    const chosen = chooseRefreshToken(env[CREDENTIAL_VARIABLES.refreshToken], previous, target, options.retryInDoubt ?? false);
    // The token about to be sent is the chain's current one from now on, whichever source it came from.
    // MV_REFRESH_TOKEN's value can be offered again by the next run: once spent, it is never forgotten.
    const start = withOffered(previous ?? emptyState(binding, new Date()), env[CREDENTIAL_VARIABLES.refreshToken]);
    const { dead: _dead, ...alive } = start;
    session = new Session(options, `${authBaseUrl}${TOKEN_PATH}`, chosen ? { ...alive, refreshToken: chosen.token } : start, stateFile, target !== 'standin');
    session.masker.addIdentity(env[CREDENTIAL_VARIABLES.clientId]);
    for (const name of [CREDENTIAL_VARIABLES.clientSecret, CREDENTIAL_VARIABLES.subscriptionKey, CREDENTIAL_VARIABLES.refreshToken]) session.masker.addSecret(env[name]);
    session.masker.addSecret(previous?.refreshToken);
    session.masker.addSecret(previous?.accessToken);
    addEnvironmentSecrets(session.masker, environment);
    if (chosen) {
      session.emit({ type: 'token-source', source: chosen.source });
      setValue(environment, 'refresh_token', chosen.token);
      await session.run('mediavalet', collection, environment, options.folders ?? [FOLDERS.refresh, FOLDERS.api], common);
    } else {
      // Only a stand-in can be signed in to unattended; for MediaValet chooseRefreshToken has thrown.
      session.emit({ type: 'token-source', source: 'sign-in' });
      await signInThenRun(session, signInCollection!, collection, environment, options.folders ?? [FOLDERS.signIn, FOLDERS.refresh, FOLDERS.api], common);
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
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new RunError('E_BAD_OPTION', '--base-url must be the http(s) address of a running stand-in, like http://127.0.0.1:4010');
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
  target: Target,
  retryInDoubt = false,
): { token: string; source: 'MV_REFRESH_TOKEN' | 'state file' } | undefined {
  const spent = new Set(state?.spent.map((s) => s.fingerprint) ?? []);
  const doubtful = new Set([state?.pending?.fingerprint, state?.inDoubt?.fingerprint].filter((f): f is string => f !== undefined));
  const usable = (token: string): boolean => !spent.has(fingerprint(token)) && (retryInDoubt || !doubtful.has(fingerprint(token)));
  if (fromEnv && usable(fromEnv)) return { token: fromEnv, source: 'MV_REFRESH_TOKEN' };
  if (state?.refreshToken && usable(state.refreshToken)) return { token: state.refreshToken, source: 'state file' };
  if (target === 'standin') return undefined;
  const candidate = state?.refreshToken ?? fromEnv;
  if (candidate && doubtful.has(fingerprint(candidate)) && !spent.has(fingerprint(candidate))) {
    const why = state?.pending?.fingerprint === fingerprint(candidate) ? `a run stopped (${state.pending.since}) while refreshing with it` : `its last refresh failed (${state?.inDoubt?.reason ?? 'no answer'}, ${state?.inDoubt?.at ?? ''})`;
    throw new RunError(
      'E_REFRESH_IN_DOUBT',
      `the refresh token may have been spent: ${why}, and the server's answer never arrived. Sign in again with \`mvpm login\` (safe). Or run with --retry-in-doubt to send it once more: if the server had spent it, that revokes this sign-in.`,
    );
  }
  if (state?.dead) {
    throw new RunError('E_NO_REFRESH_TOKEN', `the server refused the last refresh token (${state.dead.reason}, ${state.dead.at}): it was already used, expired or revoked. Sign in again with \`mvpm login\`.`);
  }
  if (fromEnv) {
    throw new RunError('E_SPENT_REFRESH_TOKEN', `${CREDENTIAL_VARIABLES.refreshToken} holds a refresh token that an earlier run already spent, and the state file has no newer one. Sending it again would revoke the whole sign-in. Sign in again with \`mvpm login\` and update ${CREDENTIAL_VARIABLES.refreshToken}.`);
  }
  throw new RunError('E_NO_REFRESH_TOKEN', `no refresh token: sign in once with \`mvpm login\` (or set ${CREDENTIAL_VARIABLES.refreshToken}). Later runs keep the rotated one in the state file.`);
}

async function signInThenRun(session: Session, signInCollection: object, collection: object, environment: EnvFile, folders: readonly string[], common: Common): Promise<void> {
  const signIn = await session.run('standin-sign-in', signInCollection, environment, [], common);
  const counts = countResults(signIn);
  session.masker.addSecret(environmentValue(signIn, 'code'));
  if (counts.failed > 0 || counts.errors.length > 0 || environmentValue(signIn, 'code') === undefined) return;
  session.throwIfAborted();
  await session.run('mediavalet', collection, signIn.environment.toJSON() as object, folders, common);
}
