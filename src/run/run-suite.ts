import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NewmanRunSummary } from 'newman';
import { RunError } from './errors.js';
import { Masker } from './masking.js';
import { countResults, environmentValue, maskReports, runNewman, type ReporterName } from './newman-run.js';
import { observeRun, type ProgressEvent } from './observe-run.js';
import { emptyState, defaultStatePath, fingerprint, readState, stateDirectory, writeState, type TokenState } from './state-file.js';
import { lockState } from './state-lock.js';
import { afterTokenCall, beforeTokenCall } from './token-journal.js';

export type Target = 'standin' | 'mediavalet';

/** The generated files a run uses (see `mvpm build`). */
export const FILES = {
  collection: 'mediavalet.postman_collection.json',
  signInCollection: 'standin-sign-in.postman_collection.json',
  guideEnvironment: 'guide-variables.postman_environment.json',
  standinEnvironment: 'local-standin.postman_environment.json',
} as const;

/** Folders of the MediaValet collection, by role. "Stand-in checks" revokes a token family: never against MediaValet. */
export const FOLDERS = { signIn: 'Sign in', refresh: 'Refresh chain', api: 'API', standinChecks: 'Stand-in checks' } as const;

/** Environment variables the `mediavalet` target reads. Their values are never printed or written to a report. */
export const CREDENTIAL_VARIABLES = {
  clientId: 'MV_CLIENT_ID',
  clientSecret: 'MV_CLIENT_SECRET',
  subscriptionKey: 'MV_SUBSCRIPTION_KEY',
  refreshToken: 'MV_REFRESH_TOKEN',
  authBaseUrl: 'MV_AUTH_BASE_URL',
  apiBaseUrl: 'MV_API_BASE_URL',
} as const;

/** The token endpoint's path on MediaValet and the stand-in. */
export const TOKEN_PATH = '/connect/token';

export interface RunOptions {
  /** Default `standin`. */
  readonly target?: Target;
  /** `standin` only: a stand-in already running (`mvpm serve`) instead of one started for the run. */
  readonly baseUrl?: string;
  /** Folders to run; default: every folder for an embedded stand-in, otherwise the refresh chain and API. */
  readonly folders?: readonly string[];
  /** Default `['cli']`. */
  readonly reporters?: readonly ReporterName[];
  /** Default `reports`. */
  readonly reportsDir?: string;
  /** Stop at the first failure. Default false. */
  readonly bail?: boolean;
  /** Per-request timeout in ms; default 0 (none). */
  readonly timeoutRequest?: number;
  /** Token state file; default one per target and server in the user's state directory. */
  readonly stateFile?: string;
  /** Send a refresh token whose last refresh ended without an answer (it may have been spent). Default false. */
  readonly retryInDoubt?: boolean;
  /** Where the generated collections and environments are. Defaults `collections`, `environments`. */
  readonly collectionsDir?: string;
  readonly environmentsDir?: string;
  /** Process environment (MV_* credentials, XDG_STATE_HOME). Default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
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

interface EnvFile {
  id?: string;
  name: string;
  values: { key: string; value: string; type?: string; enabled?: boolean }[];
}

/** Everything one suite run shares: the masker, the token state (when kept), progress and explanations. */
class Session {
  readonly masker = new Masker();
  readonly explanations: string[] = [];
  private summaries: NewmanRunSummary[] = [];
  private savedOnce = false;

  constructor(
    readonly options: RunOptions,
    readonly tokenUrl: string,
    private state: TokenState | undefined,
    readonly stateFile: string | undefined,
  ) {}

  emit(event: RunEvent): void {
    this.options.onEvent?.(event);
  }

  async run(label: string, collection: object, environment: object, folders: readonly string[], common: Common): Promise<NewmanRunSummary> {
    this.emit({ type: 'collection-started', label, folders });
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
    const errors = counts.flatMap((c) => c.errors).map((e) => this.masker.mask(e));
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
  const common: Common = {
    reporters: options.reporters ?? ['cli'],
    reportsDir,
    bail: options.bail ?? false,
    timeoutRequest: options.timeoutRequest ?? 0,
  };
  if (target === 'mediavalet' && options.baseUrl) throw new RunError('E_BAD_OPTION', '--base-url is for the stand-in; for MediaValet set MV_AUTH_BASE_URL and MV_API_BASE_URL');
  const collection = readJson<object>(path.join(collectionsDir, FILES.collection));

  if (target === 'standin' && !options.baseUrl) {
    // The default: a stand-in of our own for this run. Tokens die with it, so no state is kept.
    const { startStandin } = await import('../standin/index.js');
    const server = await startStandin({ port: 0 });
    const session = new Session(options, `${server.url}${TOKEN_PATH}`, undefined, undefined);
    session.emit({ type: 'standin-started', url: server.url });
    try {
      const environment = standinEnvironment(readJson<EnvFile>(path.join(environmentsDir, FILES.standinEnvironment)), server.url);
      addEnvironmentSecrets(session.masker, environment);
      await signInThenRun(session, collection, environment, collectionsDir, options.folders ?? [], common);
      return session.result();
    } finally {
      await server.close();
      maskReports(reportsDir, session.masker);
    }
  }

  const environment =
    target === 'standin'
      ? standinEnvironment(readJson<EnvFile>(path.join(environmentsDir, FILES.standinEnvironment)), stripSlash(options.baseUrl!))
      : mediavaletEnvironment(readJson<EnvFile>(path.join(environmentsDir, FILES.guideEnvironment)), env);
  // The server the run talks to, as the environment now says (MV_AUTH_BASE_URL already applied): it keys the state file.
  const authBaseUrl = stripSlash(environment.values.find((v) => v.key === 'authBaseUrl')?.value ?? '');
  const stateFile = path.resolve(cwd, options.stateFile ?? defaultStatePath(stateDirectory(env), target, authBaseUrl));
  const release = await lockState(stateFile);
  let session: Session | undefined;
  try {
    const previous = readState(stateFile);
    const chosen = chooseRefreshToken(env[CREDENTIAL_VARIABLES.refreshToken], previous, target, options.retryInDoubt ?? false);
    // The token about to be sent is the chain's current one from now on, whichever source it came from.
    const start = previous ?? emptyState(target, authBaseUrl, new Date());
    const { dead: _dead, ...alive } = start;
    session = new Session(options, `${authBaseUrl}${TOKEN_PATH}`, chosen ? { ...alive, refreshToken: chosen.token } : start, stateFile);
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
      await signInThenRun(session, collection, environment, collectionsDir, options.folders ?? [FOLDERS.signIn, FOLDERS.refresh, FOLDERS.api], common);
    }
    return session.result();
  } finally {
    await release();
    if (session) maskReports(reportsDir, session.masker);
  }
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
  const spent = new Set(state?.spent ?? []);
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

async function signInThenRun(session: Session, collection: object, environment: EnvFile, collectionsDir: string, folders: readonly string[], common: Common): Promise<void> {
  const signInCollection = readJson<object>(path.join(collectionsDir, FILES.signInCollection));
  const signIn = await session.run('standin-sign-in', signInCollection, environment, [], common);
  const counts = countResults(signIn);
  session.masker.addSecret(environmentValue(signIn, 'code'));
  if (counts.failed > 0 || counts.errors.length > 0 || environmentValue(signIn, 'code') === undefined) return;
  session.throwIfAborted();
  await session.run('mediavalet', collection, signIn.environment.toJSON() as object, folders, common);
}

/** Values of the environment's secret-typed variables (empty in committed files; set when supplied). */
function addEnvironmentSecrets(masker: Masker, environment: EnvFile): void {
  for (const v of environment.values) if (v.type === 'secret') masker.addSecret(v.value);
  masker.addIdentity(environment.values.find((v) => v.key === 'ClientId')?.value);
}

function standinEnvironment(file: EnvFile, url: string): EnvFile {
  const environment = structuredClone(file);
  setValue(environment, 'authBaseUrl', url);
  setValue(environment, 'apiBaseUrl', url);
  return environment;
}

function mediavaletEnvironment(file: EnvFile, env: Readonly<Record<string, string | undefined>>): EnvFile {
  const required = [
    ['ClientId', CREDENTIAL_VARIABLES.clientId],
    ['ClientSecret', CREDENTIAL_VARIABLES.clientSecret],
    ['SubscriptionKey', CREDENTIAL_VARIABLES.subscriptionKey],
  ] as const;
  const missing = required.filter(([, name]) => !env[name]).map(([, name]) => name);
  if (missing.length > 0) {
    throw new RunError('E_MISSING_CREDENTIALS', `set ${missing.join(', ')} in the environment to run against MediaValet (values from MediaValet Support and your API subscription); they are never read from a file`);
  }
  const environment = structuredClone(file);
  for (const [key, name] of required) setValue(environment, key, env[name]!);
  if (env[CREDENTIAL_VARIABLES.authBaseUrl]) setValue(environment, 'authBaseUrl', stripSlash(env[CREDENTIAL_VARIABLES.authBaseUrl]!));
  if (env[CREDENTIAL_VARIABLES.apiBaseUrl]) setValue(environment, 'apiBaseUrl', stripSlash(env[CREDENTIAL_VARIABLES.apiBaseUrl]!));
  return environment;
}

function setValue(environment: EnvFile, key: string, value: string): void {
  const entry = environment.values.find((v) => v.key === key);
  if (entry) entry.value = value;
  else environment.values.push({ key, value, type: 'default', enabled: true });
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new RunError('E_NO_GENERATED_FILES', `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): run \`mvpm build\` first`, { cause: error });
  }
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
