// One collection run under the Postman CLI (`mvpm run --runner postman`), as a child process that can read and
// send nothing it is not given: an empty temporary HOME, no Postman API key or other POSTMAN_* variable, no
// analytics host, uploads only from specs/files, its files in a private temporary folder removed after the run
// (its JSON report holds the final environment, live tokens included), also when it fails or is interrupted.
// Tokens are journaled by the token relay the environment points at, for both runners, not here.
import { type ChildProcess, spawn } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CollectionRun, CollectionRunInput, CollectionRunOutcome } from './collection-runner.js';
import { RunError } from './errors.js';
import { checkFileSources } from './file-sources.js';
import { observeRun } from './observe-run.js';
import { postmanCliPath } from './postman-cli-path.js';
import { addReportSecrets, parsePostmanReport, replayReport, reportOutcome } from './postman-report.js';
import { reportFiles, writeMaskedReport, type FileReporter } from './reports.js';

/** Tests only: a program run as `<wrapper> <postman> <arguments…>` instead of the CLI (strace, a recorder). */
export const POSTMAN_CLI_WRAPPER_VARIABLE = 'MVPM_POSTMAN_CLI_WRAPPER';
/** This module sits two folders below the package root in src/, dist/ and dist/bundle/ alike. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Process variables the CLI keeps (everything else is dropped: POSTMAN_API_KEY and any POSTMAN_*, NODE_OPTIONS,
 * XDG_*, credentials). Proxies stay for a target reached through one; loopback never goes through them.
 */
const KEPT_VARIABLES = [
  'PATH',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TZ',
  'NO_COLOR',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'http_proxy',
  'https_proxy',
];
const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];

/**
 * The CLI resolves and calls Postman's analytics host even with `--no-report-events` (seen with strace, 1.62.0);
 * its base-URL variable pointed at a URL it cannot fetch keeps that from leaving the machine.
 */
const NO_ANALYTICS = { POSTMAN_ANALYTICS_BASE_URL: 'file:///dev/null' };

/** The CLI's reporter for each of mvpm's file reporters. */
const CLI_REPORTER: Readonly<Record<FileReporter, string>> = { junit: 'junit', htmlextra: 'html' };

/** The Postman CLI binary (postman-cli-path.ts): $MVPM_POSTMAN_CLI, else the one tools/postman-cli/ installs. */
export function locatePostmanCli(env: Readonly<Record<string, string | undefined>>, root = PACKAGE_ROOT): string {
  return postmanCliPath({ projectDir: root, env });
}

/** A run's private folder is `<tmp>/mvpm-postman-<pid of the mvpm that made it>-<random>`. */
const FOLDER_PREFIX = 'mvpm-postman-';

/**
 * Removes the private folders that runs of a process now gone left behind: a SIGKILL cannot be caught, and such a
 * folder holds the environment the CLI was given (credentials, a refresh token) and maybe its JSON report. Only
 * directories of this user whose named process no longer exists; a pid taken again by another process keeps its
 * folder until that process ends too.
 */
export function removeLeftFolders(tmp = os.tmpdir()): void {
  let entries: string[];
  try {
    entries = readdirSync(tmp);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = Number(new RegExp(`^${FOLDER_PREFIX}(\\d+)-`).exec(entry)?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || processExists(pid)) continue;
    const folder = path.join(tmp, entry);
    try {
      const stat = lstatSync(folder);
      if (!stat.isDirectory() || (process.getuid !== undefined && stat.uid !== process.getuid())) continue;
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // Gone meanwhile, or not ours to remove.
    }
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The files of one CLI run inside its private temporary folder. */
export interface PostmanFiles {
  readonly dir: string;
  readonly home: string;
  readonly collection: string;
  readonly environment: string;
  readonly report: string;
  readonly reports: Readonly<Partial<Record<FileReporter, string>>>;
}

export function postmanFiles(dir: string, reporters: readonly string[]): PostmanFiles {
  return {
    dir,
    home: path.join(dir, 'home'),
    collection: path.join(dir, 'collection.json'),
    environment: path.join(dir, 'environment.json'),
    report: path.join(dir, 'report.json'),
    reports: Object.fromEntries(
      reportFiles(reporters, 'report').map(({ reporter, name }) => [reporter, path.join(dir, name)]),
    ),
  };
}

/** The CLI's command line for one collection run (`postman` followed by these). */
export function postmanArguments(input: CollectionRunInput, files: PostmanFiles): string[] {
  const fileReporters = Object.keys(files.reports) as FileReporter[];
  return [
    'collection',
    'run',
    files.collection,
    '-e',
    files.environment,
    '--no-report-events',
    '--working-dir',
    input.filesDir,
    '--no-insecure-file-read',
    '-r',
    ['json', ...fileReporters.map((r) => CLI_REPORTER[r])].join(','),
    '--reporter-json-structure',
    'newman',
    '--reporter-json-export',
    files.report,
    ...fileReporters.flatMap((r) => [`--reporter-${CLI_REPORTER[r]}-export`, files.reports[r]!]),
    // As Newman's htmlextra is told: tokens travel in headers and bodies, and reports end up in CI artifacts.
    ...(files.reports.htmlextra ? ['--reporter-html-omitAllHeadersAndBody'] : []),
    ...(input.bail ? ['--bail'] : []),
    ...(input.timeoutRequest > 0 ? ['--timeout-request', String(input.timeoutRequest)] : []),
    ...input.folders.flatMap((folder) => ['-i', folder]),
  ];
}

/** The CLI's process environment: the kept variables of `env`, HOME and TMPDIR in the run's private folder. */
export function postmanEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  files: PostmanFiles,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of KEPT_VARIABLES) {
    const value = env[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  const noProxy = [env['NO_PROXY'] ?? env['no_proxy'], ...LOOPBACK].filter(Boolean).join(',');
  return { ...out, NO_PROXY: noProxy, no_proxy: noProxy, HOME: files.home, TMPDIR: files.dir, ...NO_ANALYTICS };
}

/** Starts the CLI on one collection; what it ends with is read from its JSON report once it exits. */
export function startPostmanRun(input: CollectionRunInput): CollectionRun {
  // Checked here too, not only before the run starts: every collection that reaches the CLI passes the guard.
  checkFileSources(input.collection, input.filesDir, input.label);
  const env = input.env ?? process.env;
  const cli = input.postmanCli ?? locatePostmanCli(env);
  removeLeftFolders();
  const files = postmanFiles(mkdtempSync(path.join(os.tmpdir(), `${FOLDER_PREFIX}${process.pid}-`)), input.reporters);
  let child: ChildProcess;
  try {
    mkdirSync(files.home, { mode: 0o700 });
    writeFileSync(files.collection, JSON.stringify(input.collection), { mode: 0o600, flag: 'wx' });
    writeFileSync(files.environment, JSON.stringify(input.environment), { mode: 0o600, flag: 'wx' });
    const wrapper = env[POSTMAN_CLI_WRAPPER_VARIABLE];
    const args = postmanArguments(input, files);
    // Its own process group, so Ctrl-C reaches mvpm only and mvpm stops the CLI with everything it started.
    child = spawn(wrapper || cli, wrapper ? [cli, ...args] : args, {
      cwd: files.dir,
      env: postmanEnvironment(env, files),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    rmSync(files.dir, { recursive: true, force: true });
    throw error;
  }
  const output = tail(child);
  const exited = new Promise<{ code: number | null; signal: string | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  // The CLI itself is gone (its output may still be held open by something it started).
  const ended = new Promise<void>((resolve) => {
    child.once('error', () => resolve());
    child.once('exit', () => resolve());
  });
  let stopped = false;
  const cleanup = (): void => rmSync(files.dir, { recursive: true, force: true });

  const done = (async (): Promise<CollectionRunOutcome> => {
    try {
      const exit = await exited;
      // Stopped: the session reports the interruption; this run settles no more.
      if (stopped) return await new Promise<never>(() => {});
      const text = readReport(files.report);
      if (text === undefined || exit.error || (exit.code !== 0 && exit.code !== 1))
        throw crashError(input, exit, text === undefined, output());
      const report = parsePostmanReport(text, input.label);
      const { masker } = input.hooks;
      addReportSecrets(report, input.environment, masker);
      // The relay journals token calls: what the report replays is progress and explanations only.
      // The spent-token guard rewrites requests before they are sent: a replay of a finished run has none to guard.
      const { isSpent: _spent, withheld: _withheld, ...hooks } = input.hooks;
      await replayReport(report, (emitter) => observeRun(emitter, hooks));
      for (const [reporter, file] of Object.entries(files.reports) as [FileReporter, string][]) {
        const written = readReport(file);
        if (written !== undefined)
          writeMaskedReport(input.reportsDir, reportFiles([reporter], input.label)[0]!.name, written, masker);
      }
      return reportOutcome(report);
    } finally {
      cleanup();
    }
  })();

  return {
    done,
    stop: async () => {
      stopped = true;
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 2000);
      await ended;
      clearTimeout(timer);
      // Anything the CLI's children still hold open goes with its group.
      killGroup(child, 'SIGKILL');
      cleanup();
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function readReport(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The last few kilobytes the CLI printed, for the error when it fails (masked by the caller before showing). */
function tail(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer): void => {
    text = (text + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

function crashError(
  input: CollectionRunInput,
  exit: { code: number | null; signal: string | null; error?: Error },
  noReport: boolean,
  printed: string,
): RunError {
  const how = exit.error
    ? `could not be started (${(exit.error as NodeJS.ErrnoException).code ?? exit.error.message})`
    : exit.signal
      ? `was ended by ${exit.signal}`
      : `exited with ${exit.code}${noReport ? ' without writing its report' : ''}`;
  const last = input.hooks.masker
    .mask(printed)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-3)
    .map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line))
    .join(' / ');
  return new RunError(
    'E_POSTMAN_CLI',
    `the Postman CLI ${how} running ${input.label}${last ? `; it said: ${last}` : ''}`,
  );
}
