import path from 'node:path';
import { formatDiagnostic } from '../../spec/diagnostics.js';
import { buildProject } from '../../emit/build-project.js';
import { checkOutputs, type StaleReason, writeOutputs } from '../../emit/write-outputs.js';
import { stateDirectory } from '../../paths/state-dir.js';
import { printWriteReport, specErrors, withPathGuard } from '../outputs.js';
import { problemPaint, reportError } from '../report-error.js';
import type { ParsedArgs } from '../command.js';
import type { buildCommand } from '../declarations.js';
import { EXIT, painterFor, stopSignal, type CliIo } from '../io.js';
import { snapshotTree, waitForChange } from '../watch.js';

/** `mvpm build`: the options come parsed and checked by its declaration (declarations.ts). */
export async function runBuild({ values }: ParsedArgs<typeof buildCommand>, io: CliIo): Promise<number> {
  const options: BuildOptions = {
    check: values.check,
    quiet: values.quiet,
    specs: values.specs,
    collections: values.collections,
    environments: values.environments,
    postman: values.postman,
    docs: values.docs,
  };
  return values.watch ? watchBuild(options, io) : buildOnce(options, io);
}

interface BuildOptions {
  readonly check: boolean;
  readonly quiet: boolean;
  readonly specs: string;
  readonly collections: string;
  readonly environments: string;
  readonly postman: string;
  readonly docs: string;
}

/** How often `--watch` looks at the spec directory, in milliseconds (see waitForChange for why it polls). */
const WATCH_INTERVAL_MS = 250;

/**
 * `build --watch`: one build, then one per change under the spec directory, until Ctrl-C (or io.signal). A failed
 * build, even one that throws, is printed and the watch goes on; stopping is exit 0, as for `mvpm serve`.
 */
async function watchBuild(options: BuildOptions, io: CliIo): Promise<number> {
  const specsDir = path.resolve(io.cwd, options.specs);
  const shown = path.relative(io.cwd, specsDir) || '.';
  const out = painterFor(io.stdout, io.env);
  const stop = stopSignal(io);
  try {
    let snapshot = snapshotTree(specsDir);
    for (
      let changed: string | undefined = snapshot;
      changed !== undefined;
      changed = await waitForChange(specsDir, snapshot, { intervalMs: WATCH_INTERVAL_MS, signal: stop.signal })
    ) {
      if (changed !== snapshot) io.stdout.write(`${out.cyan('change')} under ${shown}/: rebuilding\n`);
      snapshot = changed;
      try {
        await buildOnce(options, io);
      } catch (error) {
        reportError(error, { command: 'build', writes: true }, io);
      }
      io.stdout.write(`${out.dim(`watching ${shown}/ for changes (Ctrl-C to stop)`)}\n`);
    }
  } finally {
    stop.dispose();
  }
  io.stdout.write('stopped watching\n');
  return EXIT.ok;
}

async function buildOnce(values: BuildOptions, io: CliIo): Promise<number> {
  const err = painterFor(io.stderr, io.env);
  const out = painterFor(io.stdout, io.env);
  const build = await buildProject({
    cwd: io.cwd,
    specsDir: values.specs,
    collectionsDir: values.collections,
    environmentsDir: values.environments,
    postmanDir: values.postman,
    docsDir: values.docs,
    stateDir: stateDirectory(io.env),
  });
  const paint = problemPaint(io);
  for (const warning of build.warnings) io.stderr.write(`${formatDiagnostic(warning, { paint })}\n\n`);
  if (build.errors.length > 0) throw specErrors(build.errors);
  if (values.check) {
    const { stale } = withPathGuard(() => checkOutputs(build));
    if (stale.length > 0) {
      for (const file of stale) io.stderr.write(`stale: ${file.path} (${describe(file.reason)})\n`);
      const files = `${stale.length} generated file${stale.length === 1 ? ' is' : 's are'}`;
      io.stderr.write(
        `${err.red(`mvpm build --check: ${files} out of date`)}; run \`mvpm build\` and commit the result.\n`,
      );
      return EXIT.failed;
    }
    if (!values.quiet)
      io.stdout.write(
        `${out.green('up to date')}: ${build.files.length} generated files and ${build.docs.length} generated pages ` +
          `match the specs\n`,
      );
    return EXIT.ok;
  }
  const report = withPathGuard(() => writeOutputs(build));
  printWriteReport('built', report, values.quiet, io);
  return EXIT.ok;
}

function describe(reason: StaleReason): string {
  if (reason === 'edited')
    return 'changed since mvpm wrote it (edited in Postman?): bring the edit in with mvpm import';
  return reason === 'differs'
    ? 'differs from a fresh build'
    : reason === 'missing'
      ? 'not generated yet'
      : 'no spec produces it any more';
}
