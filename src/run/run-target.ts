// The target of a run, read and checked before anything starts or is sent: its plan from the specs, the generated
// collection files that may run (and their uploads), the report paths, the environment file and --base-url.
import path from 'node:path';
import type { CollectionSpec } from '../spec/model.js';
import { refuseDebugOutput } from './debug-output.js';
import { readJson, type EnvFile } from './environments.js';
import { RunError } from './errors.js';
import { checkFileSources, filesDirectory } from './file-sources.js';
import { locatePostmanCli } from './postman-run.js';
import { checkReportPaths, reportFiles } from './reports.js';
import type { RunOptions } from './run-contract.js';
import type { Common, RunContext } from './run-session.js';
import { collectionFile, loadProjectModel, resolveTarget, type TargetPlan } from './targets.js';

export interface PreparedRun {
  readonly plan: TargetPlan;
  /** `--base-url` without its trailing slash, when given (a stand-in target only). */
  readonly baseUrl: string | undefined;
  readonly reportsDir: string;
  readonly environmentFile: EnvFile;
  /** The environment file as messages name it (`environments/x.postman_environment.json`). */
  readonly environmentName: string;
  readonly context: RunContext;
}

/** Everything that can be refused, refused before the run starts (RunError). */
export async function prepareRun(
  options: RunOptions,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<PreparedRun> {
  const project = await loadProjectModel(cwd, options.specsDir);
  const plan = resolveTarget(project, options.target, 'run');
  const collectionsDir = path.resolve(cwd, options.collectionsDir ?? 'collections');
  const environmentsDir = path.resolve(cwd, options.environmentsDir ?? 'environments');
  const reportsDir = path.resolve(cwd, options.reportsDir ?? 'reports');
  if (!plan.standin && options.baseUrl) {
    const overrides = plan.environment.overrides.map((o) => o.processVariable).join(', ');
    throw new RunError(
      'E_BAD_OPTION',
      `--base-url is for a stand-in target; \`${plan.name}\` is not one (its servers come from its environment` +
        `${overrides === '' ? '' : ` or ${overrides}`})`,
    );
  }
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
    env,
    // Located before anything starts, so a missing CLI is refused (exit 2) before a stand-in or a token is used.
    ...(options.runner === 'postman' ? { postmanCli: locatePostmanCli(env) } : {}),
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

  return { plan, baseUrl, reportsDir, environmentFile, environmentName, context };
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
