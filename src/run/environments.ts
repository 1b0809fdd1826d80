// The environments a run hands Newman: the committed ones with the target's servers and the user's credentials
// filled in. Credentials come from the process environment only, never from a file.
import { readFileSync } from 'node:fs';
import { RunError } from './errors.js';
import type { Masker } from './masking.js';
import { checkServerUrl } from './server-url.js';

/** The generated files a run uses (see `mvpm build`). */
export const FILES = {
  collection: 'mediavalet.postman_collection.json',
  signInCollection: 'standin-sign-in.postman_collection.json',
  guideEnvironment: 'guide-variables.postman_environment.json',
  standinEnvironment: 'local-standin.postman_environment.json',
} as const;

/** Environment variables the `mediavalet` target reads. Their values are never printed or written to a report. */
export const CREDENTIAL_VARIABLES = {
  clientId: 'MV_CLIENT_ID',
  clientSecret: 'MV_CLIENT_SECRET',
  subscriptionKey: 'MV_SUBSCRIPTION_KEY',
  refreshToken: 'MV_REFRESH_TOKEN',
  authBaseUrl: 'MV_AUTH_BASE_URL',
  apiBaseUrl: 'MV_API_BASE_URL',
} as const;

export interface EnvFile {
  id?: string;
  name: string;
  values: { key: string; value: string; type?: string; enabled?: boolean }[];
}

type Env = Readonly<Record<string, string | undefined>>;

export function standinEnvironment(file: EnvFile, url: string): EnvFile {
  const environment = structuredClone(file);
  setValue(environment, 'authBaseUrl', url);
  setValue(environment, 'apiBaseUrl', url);
  return environment;
}

/**
 * The Guide environment with MediaValet's credentials from `env`, and its servers from MV_AUTH_BASE_URL and
 * MV_API_BASE_URL when set. Either way each server must be an https URL (http only on this machine): the
 * credentials go there, and the Guide environment is built from specs a pull request can change.
 */
export function mediavaletEnvironment(file: EnvFile, env: Env, fileName: string): EnvFile {
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
  for (const [key, name] of [['authBaseUrl', CREDENTIAL_VARIABLES.authBaseUrl], ['apiBaseUrl', CREDENTIAL_VARIABLES.apiBaseUrl]] as const) {
    const fromEnv = env[name];
    setValue(environment, key, fromEnv ? checkServerUrl(fromEnv, name) : checkServerUrl(valueOf(environment, key) ?? '', `${key} in ${fileName} (or set ${name})`));
  }
  return environment;
}

export function valueOf(environment: EnvFile, key: string): string | undefined {
  const value: unknown = environment.values.find((v) => v.key === key)?.value;
  return typeof value === 'string' ? value : undefined;
}

export function setValue(environment: EnvFile, key: string, value: string): void {
  const entry = environment.values.find((v) => v.key === key);
  if (entry) entry.value = value;
  else environment.values.push({ key, value, type: 'default', enabled: true });
}

/** Values of the environment's secret-typed variables (empty in committed files; set when supplied). */
export function addEnvironmentSecrets(masker: Masker, environment: EnvFile): void {
  for (const v of environment.values) if (v.type === 'secret') masker.addSecret(v.value);
  masker.addIdentity(valueOf(environment, 'ClientId'));
}

export function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new RunError('E_NO_GENERATED_FILES', `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'not valid JSON'}): run \`mvpm build\` first`, { cause: error });
  }
}
