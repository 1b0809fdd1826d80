// What a target is, read from the specs: the environment that serves it (`target:`), how its values are supplied
// (`secrets`, `overrides`, `servers`), which collections, folders and requests run on it (`targets`) and the roles
// the runner acts on (`role`). `mvpm run`, `mvpm login` and `mvpm token` all start here, so they cannot disagree
// about a target's server or state file. No name of any particular project's specs appears in this file.
import path from 'node:path';
import { COLLECTION_SUFFIX, ENVIRONMENT_SUFFIX } from '../emit/build-project.js';
import { formatDiagnostic } from '../spec/diagnostics.js';
import { loadSpecs } from '../spec/load-specs.js';
import { declaredTargets } from '../spec/request-targets.js';
import type { AutoRefreshSpec, CollectionSpec, EnvironmentSpec, SpecProject } from '../spec/model.js';
import { validateSpecs } from '../spec/validate-spec.js';
import { expandLeadingVariable, leadingVariable, replaceVariables, variableNames } from '../spec/variables.js';
import { RunError } from './errors.js';
import { defaultStatePath } from './state-file.js';

/** A target as the specs declare it, with the collections that run on it in run order. */
export interface TargetPlan {
  readonly name: string;
  readonly standin: boolean;
  readonly environment: EnvironmentSpec;
  /** The generated environment's file name. */
  readonly environmentFile: string;
  /** The `sign-in` collection, when one runs on this target. */
  readonly signIn?: CollectionSpec;
  /** Every other collection that runs on this target, by file name. */
  readonly collections: readonly CollectionSpec[];
  /** Collections left out and why, for the run's "skipped" lines. */
  readonly skippedCollections: readonly { readonly name: string; readonly reason: string }[];
  /** How the target's tokens are refreshed: from the first collection (in run order) with `autoRefresh`. */
  readonly autoRefresh?: AutoRefreshSpec;
  /** The first collection (in run order) whose auth is OAuth 2.0: what `mvpm login` signs in with. */
  readonly oauth2?: CollectionSpec;
}

/**
 * The specs under `specsDir`, validated: the runner acts on the declarations, so specs with errors are refused
 * (E_SPECS, the first errors shown as `mvpm build` shows them).
 */
export async function loadProjectModel(cwd: string, specsDir = 'specs'): Promise<SpecProject> {
  const loaded = await loadSpecs({ specsDir: path.resolve(cwd, specsDir), cwd, parseWorkers: 0 });
  const validation = validateSpecs(loaded, { cwd });
  if (validation.value) return validation.value;
  const shown = validation.errors
    .slice(0, 3)
    .map((d) => formatDiagnostic(d))
    .join('\n');
  const more = validation.errors.length > 3 ? `\n… and ${validation.errors.length - 3} more` : '';
  throw new RunError(
    'E_SPECS',
    `the specs have ${validation.errors.length} error${validation.errors.length === 1 ? '' : 's'}; \`mvpm build\` ` +
      `lists them all. Nothing was run.\n${shown}${more}`,
  );
}

export { declaredTargets } from '../spec/request-targets.js';

/**
 * The target `name`, or (undefined) the default for `purpose`: `mvpm run` defaults to the one stand-in target,
 * `mvpm login` and `mvpm token` to the one target that is not a stand-in. Anything ambiguous is E_BAD_OPTION.
 */
export function resolveTarget(project: SpecProject, name: string | undefined, purpose: 'run' | 'sign-in'): TargetPlan {
  const targets = declaredTargets(project);
  const list = targets.map((t) => `${t.name}${t.standin ? ' (stand-in)' : ''}`).join(', ') || 'none';
  let chosen = name;
  if (chosen === undefined) {
    const candidates = targets.filter((t) => (purpose === 'run' ? t.standin : !t.standin));
    if (candidates.length !== 1) {
      throw new RunError(
        'E_BAD_OPTION',
        `choose a target with --target: the specs declare ` +
          `${list}${candidates.length === 0 ? '' : ', and more than one could be meant'}`,
      );
    }
    chosen = candidates[0]!.name;
  }
  const environment = project.environments.find((e) => e.target === chosen);
  if (!environment)
    throw new RunError(
      'E_BAD_OPTION',
      `no environment serves target \`${chosen}\`: the specs declare ${list} (each environment's \`target\`)`,
    );
  const target = chosen;
  const applies = (c: CollectionSpec): boolean => c.targets === undefined || c.targets.includes(target);
  const sorted = [...project.collections].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const running = sorted.filter(applies);
  const collections = running.filter((c) => c.role !== 'sign-in');
  const signIn = environment.standin ? running.find((c) => c.role === 'sign-in') : undefined;
  const autoRefresh = collections.find((c) => c.autoRefresh)?.autoRefresh;
  for (const other of collections) {
    if (
      other.autoRefresh &&
      autoRefresh &&
      (other.autoRefresh.tokenUrl !== autoRefresh.tokenUrl ||
        other.autoRefresh.variables.refreshToken !== autoRefresh.variables.refreshToken)
    ) {
      throw new RunError(
        'E_BAD_OPTION',
        `the collections that run on \`${target}\` refresh at different token endpoints or keep the refresh token ` +
          `in different variables ("${other.name}"): one run keeps one token chain, so give them the same ` +
          `\`autoRefresh.tokenUrl\` and variables`,
      );
    }
  }
  const oauth2 = collections.find((c) => c.auth?.type === 'oauth2');
  return {
    name: target,
    standin: environment.standin,
    environment,
    environmentFile: `${environment.slug}${ENVIRONMENT_SUFFIX}`,
    ...(signIn ? { signIn } : {}),
    collections,
    skippedCollections: sorted
      .filter((c) => !applies(c))
      .map((c) => ({ name: c.name, reason: `runs only on ${c.targets!.join(', ')}` })),
    ...(autoRefresh ? { autoRefresh } : {}),
    ...(oauth2 ? { oauth2 } : {}),
  };
}

/** The generated collection file of `collection`. */
export function collectionFile(collection: CollectionSpec): string {
  return `${collection.slug}${COLLECTION_SUFFIX}`;
}

/** The process variable that supplies `variable` on this target (`secrets`), if any. */
export function processVariableOf(plan: TargetPlan, variable: string): string | undefined {
  return plan.environment.secrets.find((s) => s.variable === variable)?.processVariable;
}

/**
 * `template` with every {{variable}} replaced by its value in `values`; the names of the variables that have no
 * value (or an empty one) are returned instead when there are any.
 */
export function fillTemplate(
  template: string,
  values: ReadonlyMap<string, string>,
): { value: string } | { missing: string[] } {
  const missing = variableNames(template).filter((name) => !values.get(name));
  if (missing.length > 0) return { missing: [...new Set(missing)] };
  return { value: replaceVariables(template, (name, reference) => values.get(name) ?? reference) };
}

/**
 * The base URL a token endpoint template starts from: the server variable it begins with (`{{authBaseUrl}}/…`),
 * or undefined when it names none. Its value is what a token state file is bound to.
 */
export function serverVariableOf(template: string): string | undefined {
  return leadingVariable(template);
}

/** Where a target's tokens come from and where they are kept: one answer for `mvpm run`, `login` and `token`. */
export interface TargetServer {
  /** The base URL the token endpoint is under: what the state file is bound to and named after. */
  readonly authBaseUrl: string;
  /** The token endpoint, resolved. */
  readonly tokenUrl: string;
  /** The variable that holds the refresh token (`autoRefresh.variables.refreshToken`), and its process variable. */
  readonly refreshTokenVariable: string;
  readonly refreshTokenProcessVariable?: string;
  readonly stateFile: string;
}

/**
 * The target's token server, from the token endpoint its collections declare (`autoRefresh.tokenUrl`, else the
 * OAuth 2.0 `accessTokenUrl`) resolved in `environment`, and its token state file (`stateFile` when given, else
 * one per target and server in the user's state directory). Undefined when no collection on the target uses tokens.
 */
export function targetServer(
  plan: TargetPlan,
  environment: ReadonlyMap<string, string>,
  stateDir: string,
  options: { readonly cwd: string; readonly stateFile?: string | undefined },
): TargetServer | undefined {
  const credentials = plan.oauth2?.auth?.type === 'oauth2' ? plan.oauth2.auth.credentials : undefined;
  const written = plan.autoRefresh?.tokenUrl ?? credentials?.accessTokenUrl;
  if (!written) return undefined;
  // `{{tokenUrl}}`, whose value is `{{authBaseUrl}}/connect/token`, is read through: the server is authBaseUrl.
  const template = expandLeadingVariable(written, (name) => {
    const value = environment.get(name);
    return value !== undefined && leadingVariable(value) !== undefined ? value : undefined;
  });
  const filled = fillTemplate(template, environment);
  if ('missing' in filled)
    throw new RunError(
      'E_BAD_URL',
      `the token endpoint ${written} of target \`${plan.name}\` needs ` +
        `${filled.missing.map((m) => `\`${m}\``).join(', ')}, which the environment does not set`,
    );
  const serverVariable = serverVariableOf(template);
  const authBaseUrl = serverVariable !== undefined ? environment.get(serverVariable)! : new URL(filled.value).origin;
  const refreshTokenVariable = plan.autoRefresh?.variables.refreshToken ?? 'refresh_token';
  const refreshTokenProcessVariable = processVariableOf(plan, refreshTokenVariable);
  return {
    authBaseUrl,
    tokenUrl: filled.value,
    refreshTokenVariable,
    ...(refreshTokenProcessVariable ? { refreshTokenProcessVariable } : {}),
    stateFile: path.resolve(options.cwd, options.stateFile ?? defaultStatePath(stateDir, plan.name, authBaseUrl)),
  };
}
