import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NewmanRunSummary } from 'newman';
import { RunError } from './errors.js';
import { countResults, environmentValue, runNewman, type ReporterName } from './newman-run.js';
import { advanceState, defaultStatePath, fingerprint, readState, stateDirectory, writeState, type TokenState } from './state-file.js';

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

/** Environment variables the `mediavalet` target reads. Their values are never printed or written to a file. */
export const CREDENTIAL_VARIABLES = {
  clientId: 'MV_CLIENT_ID',
  clientSecret: 'MV_CLIENT_SECRET',
  subscriptionKey: 'MV_SUBSCRIPTION_KEY',
  refreshToken: 'MV_REFRESH_TOKEN',
  authBaseUrl: 'MV_AUTH_BASE_URL',
  apiBaseUrl: 'MV_API_BASE_URL',
} as const;

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
  /** Where the generated collections and environments are. Defaults `collections`, `environments`. */
  readonly collectionsDir?: string;
  readonly environmentsDir?: string;
  /** Process environment (MV_* credentials, XDG_STATE_HOME). Default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** Newman's cli reporter in colour. Default false. */
  readonly color?: boolean;
  /** Progress, for the CLI to print: never holds a secret. */
  readonly onEvent?: (event: RunEvent) => void;
}

export type RunEvent =
  | { readonly type: 'standin-started'; readonly url: string }
  | { readonly type: 'collection-started'; readonly label: string; readonly folders: readonly string[] }
  | { readonly type: 'token-source'; readonly source: 'MV_REFRESH_TOKEN' | 'state file' | 'sign-in' }
  | { readonly type: 'state-saved'; readonly file: string };

export interface RunResult {
  readonly passed: number;
  readonly failed: number;
  /** Requests that could not be sent and scripts that threw, in run order. */
  readonly errors: readonly string[];
  /** True when every assertion passed, nothing errored, and at least one assertion ran. */
  readonly ok: boolean;
  readonly stateFile?: string;
}

interface EnvFile {
  id?: string;
  name: string;
  values: { key: string; value: string; type?: string; enabled?: boolean }[];
}

/**
 * Runs the MediaValet suite with Newman against a target and returns the counts; throws RunError when it cannot
 * start (missing files or credentials, a spent token). Against a target whose tokens outlive the run (MediaValet,
 * or a stand-in started by `mvpm serve`) the rotated tokens are saved to the state file as soon as the run ends,
 * whether it passed or not.
 */
export async function runSuite(options: RunOptions = {}): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const target = options.target ?? 'standin';
  const collectionsDir = path.resolve(cwd, options.collectionsDir ?? 'collections');
  const environmentsDir = path.resolve(cwd, options.environmentsDir ?? 'environments');
  const common = {
    reporters: options.reporters ?? ['cli'],
    reportsDir: path.resolve(cwd, options.reportsDir ?? 'reports'),
    bail: options.bail ?? false,
    timeoutRequest: options.timeoutRequest ?? 0,
    color: options.color ?? false,
  };
  if (target === 'mediavalet' && options.baseUrl) throw new RunError('E_BAD_OPTION', '--base-url is for the stand-in; for MediaValet set MV_AUTH_BASE_URL and MV_API_BASE_URL');
  const collection = readJson<object>(path.join(collectionsDir, FILES.collection));
  const emit = options.onEvent ?? (() => {});

  if (target === 'standin' && !options.baseUrl) {
    // The default: a stand-in of our own for this run. Tokens die with it, so no state is kept.
    // Loaded here only: the authorization server is a large import that other targets do not need.
    const { startStandin } = await import('../standin/index.js');
    const server = await startStandin({ port: 0 });
    emit({ type: 'standin-started', url: server.url });
    try {
      const environment = standinEnvironment(readJson<EnvFile>(path.join(environmentsDir, FILES.standinEnvironment)), server.url);
      const summaries = await signInThenRun(collection, environment, collectionsDir, options.folders ?? [], common, emit);
      return finish(summaries);
    } finally {
      await server.close();
    }
  }

  const authBaseUrl = target === 'standin' ? stripSlash(options.baseUrl!) : stripSlash(env[CREDENTIAL_VARIABLES.authBaseUrl] ?? guideValue(environmentsDir, 'authBaseUrl'));
  const environment =
    target === 'standin'
      ? standinEnvironment(readJson<EnvFile>(path.join(environmentsDir, FILES.standinEnvironment)), authBaseUrl)
      : mediavaletEnvironment(readJson<EnvFile>(path.join(environmentsDir, FILES.guideEnvironment)), env);
  const stateFile = path.resolve(cwd, options.stateFile ?? defaultStatePath(stateDirectory(env), target, authBaseUrl));
  const previous = readState(stateFile);
  const chosen = chooseRefreshToken(env[CREDENTIAL_VARIABLES.refreshToken], previous, target);
  const base = { target, authBaseUrl };
  let summaries: NewmanRunSummary[] = [];
  try {
    if (chosen) {
      emit({ type: 'token-source', source: chosen.source });
      setValue(environment, 'refresh_token', chosen.token);
      const folders = options.folders ?? [FOLDERS.refresh, FOLDERS.api];
      emit({ type: 'collection-started', label: 'mediavalet', folders });
      summaries = [await runNewman({ ...common, collection, environment, folders, label: 'mediavalet' })];
    } else {
      // Only a stand-in can be signed in to unattended; MediaValet needs a person (chooseRefreshToken threw).
      emit({ type: 'token-source', source: 'sign-in' });
      summaries = await signInThenRun(collection, environment, collectionsDir, options.folders ?? [FOLDERS.signIn, FOLDERS.refresh, FOLDERS.api], common, emit);
    }
  } finally {
    // Saved before anything is reported, and also when the run failed or Newman threw: losing a rotated
    // refresh token would mean signing in again by hand.
    const last = summaries.at(-1);
    if (last) {
      const after = {
        refreshToken: environmentValue(last, 'refresh_token'),
        accessToken: environmentValue(last, 'access_token'),
        accessTokenExpiresAt: Number(environmentValue(last, 'access_token_expires_at')) || undefined,
      };
      writeState(stateFile, advanceState(previous, base, chosen?.token, definedOnly(after), new Date()));
      emit({ type: 'state-saved', file: stateFile });
    }
  }
  return { ...finish(summaries), stateFile };
}

/**
 * Which refresh token to send. MV_REFRESH_TOKEN wins while it has not been spent (a person just signed in and
 * set it); once a run has rotated it, the state file's newer token is used instead; a token known to be spent
 * is never sent, since a strict server would revoke the whole chain on its reuse.
 */
export function chooseRefreshToken(fromEnv: string | undefined, state: TokenState | undefined, target: Target): { token: string; source: 'MV_REFRESH_TOKEN' | 'state file' } | undefined {
  const spent = new Set(state?.spent ?? []);
  if (fromEnv && !spent.has(fingerprint(fromEnv))) return { token: fromEnv, source: 'MV_REFRESH_TOKEN' };
  if (state?.refreshToken && !spent.has(fingerprint(state.refreshToken))) return { token: state.refreshToken, source: 'state file' };
  if (target === 'standin') return undefined;
  if (fromEnv) {
    throw new RunError('E_SPENT_REFRESH_TOKEN', `${CREDENTIAL_VARIABLES.refreshToken} holds a refresh token that an earlier run already spent, and the state file has no newer one. Sending it again would revoke the whole sign-in. Sign in again in Postman (README, "Using the collection in Postman") and set ${CREDENTIAL_VARIABLES.refreshToken} to the new refresh token.`);
  }
  throw new RunError('E_NO_REFRESH_TOKEN', `no refresh token: set ${CREDENTIAL_VARIABLES.refreshToken} to one from signing in with Postman (README, "Using the collection in Postman"). Later runs keep the rotated one in the state file.`);
}

async function signInThenRun(
  collection: object,
  environment: EnvFile,
  collectionsDir: string,
  folders: readonly string[],
  common: Omit<Parameters<typeof runNewman>[0], 'collection' | 'environment' | 'folders' | 'label'>,
  emit: (event: RunEvent) => void,
): Promise<NewmanRunSummary[]> {
  const signInCollection = readJson<object>(path.join(collectionsDir, FILES.signInCollection));
  emit({ type: 'collection-started', label: 'standin-sign-in', folders: [] });
  const signIn = await runNewman({ ...common, collection: signInCollection, environment, folders: [], label: 'standin-sign-in' });
  const afterSignIn = countResults(signIn);
  if (afterSignIn.failed > 0 || afterSignIn.errors.length > 0 || environmentValue(signIn, 'code') === undefined) return [signIn];
  emit({ type: 'collection-started', label: 'mediavalet', folders });
  const main = await runNewman({ ...common, collection, environment: signIn.environment.toJSON() as object, folders, label: 'mediavalet' });
  return [signIn, main];
}

function finish(summaries: readonly NewmanRunSummary[]): RunResult {
  const counts = summaries.map(countResults);
  const passed = counts.reduce((n, c) => n + c.passed, 0);
  const failed = counts.reduce((n, c) => n + c.failed, 0);
  const errors = counts.flatMap((c) => c.errors);
  return { passed, failed, errors, ok: failed === 0 && errors.length === 0 && passed > 0 };
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

function guideValue(environmentsDir: string, key: string): string {
  return readJson<EnvFile>(path.join(environmentsDir, FILES.guideEnvironment)).values.find((v) => v.key === key)?.value ?? '';
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

function definedOnly<T extends Record<string, unknown>>(object: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
