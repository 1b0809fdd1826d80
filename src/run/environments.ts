// The environments a run hands Newman: the committed ones with the target's servers and the user's credentials
// filled in. Credentials come from the process environment only, never from a file.
import { readFileSync } from 'node:fs';
import { RunError } from './errors.js';
import type { Masker } from './masking.js';
import { checkServerUrl } from './server-url.js';
import type { TargetPlan } from './targets.js';

export interface EnvFile {
  id?: string;
  name: string;
  values: { key: string; value: string; type?: string; enabled?: boolean }[];
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The target's generated environment as a run (or a sign-in) uses it. A stand-in target's `servers` point at the
 * stand-in (`standinUrl`). Then each `secrets` variable takes its process variable's value (missing ones are
 * E_MISSING_CREDENTIALS, except those `optional` names: the refresh token may come from the state file), each
 * `overrides` variable takes its process variable's value when set, and on any other target each `servers`
 * variable must be an https URL (http only on this machine): credentials go there, and the environment is built
 * from specs a pull request can change.
 */
export function targetEnvironment(
  plan: TargetPlan,
  file: EnvFile,
  env: Env,
  options: { readonly standinUrl?: string; readonly optional?: readonly string[]; readonly fileName: string },
): EnvFile {
  const environment = structuredClone(file);
  const declared = plan.environment;
  if (options.standinUrl !== undefined)
    for (const server of declared.servers) setValue(environment, server, options.standinUrl);
  const missing = declared.secrets
    .filter((s) => !env[s.processVariable] && !(options.optional ?? []).includes(s.variable))
    .map((s) => s.processVariable);
  if (missing.length > 0) {
    throw new RunError(
      'E_MISSING_CREDENTIALS',
      `set ${missing.join(', ')} in the environment to run against \`${plan.name}\` (the specs' \`secrets\` for ` +
        `it); they are never read from a file`,
    );
  }
  for (const { variable, processVariable } of declared.secrets)
    if (env[processVariable]) setValue(environment, variable, env[processVariable]!);
  const overridden = new Map(declared.overrides.map((o) => [o.variable, o.processVariable]));
  for (const { variable, processVariable } of declared.overrides) {
    if (env[processVariable] && !declared.servers.includes(variable))
      setValue(environment, variable, env[processVariable]!);
  }
  if (options.standinUrl === undefined) {
    for (const server of declared.servers) {
      const name = overridden.get(server);
      const fromEnv = name === undefined ? undefined : env[name];
      setValue(
        environment,
        server,
        fromEnv
          ? checkServerUrl(fromEnv, name!)
          : checkServerUrl(
              envValue(environment, server) ?? '',
              `${server} in ${options.fileName}${name ? ` (or set ${name})` : ''}`,
            ),
      );
    }
  }
  return environment;
}

/** The environment's values by key (what {{variables}} resolve to). */
export function environmentValues(environment: EnvFile): Map<string, string> {
  return new Map(environment.values.filter((v) => typeof v.value === 'string').map((v) => [v.key, v.value]));
}

export function envValue(environment: EnvFile, key: string): string | undefined {
  const value: unknown = environment.values.find((v) => v.key === key)?.value;
  return typeof value === 'string' ? value : undefined;
}

export function setValue(environment: EnvFile, key: string, value: string): void {
  const entry = environment.values.find((v) => v.key === key);
  if (entry) entry.value = value;
  else environment.values.push({ key, value, type: 'default', enabled: true });
}

/**
 * Values of the environment's secret-typed variables (empty in committed files; set when supplied), and of the
 * plain ones a target's `secrets` supplies (a client id: masked as an identity, see Masker.addIdentity).
 */
export function addEnvironmentSecrets(masker: Masker, environment: EnvFile, plan?: TargetPlan): void {
  for (const v of environment.values) if (v.type === 'secret') masker.addSecret(v.value);
  for (const { variable } of plan?.environment.secrets ?? []) {
    const entry = environment.values.find((v) => v.key === variable);
    if (entry && entry.type !== 'secret') masker.addIdentity(entry.value);
  }
}

export function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new RunError(
      'E_NO_GENERATED_FILES',
      `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'not valid JSON'}): run \`mvpm build\` first`,
      { cause: error },
    );
  }
}
