import path from 'node:path';
import { formatDiagnostic } from '../../spec/diagnostics.js';
import { buildProject } from '../../emit/build-project.js';
import { checkOutputs, writeOutputs } from '../../emit/write-outputs.js';
import { stateDirectory } from '../../paths/state-dir.js';
import { printWriteReport, specErrors, withPathGuard } from '../outputs.js';
import { problemPaint, reportError } from '../report-error.js';
import { EXIT, painterFor, parseCommandArgs, stopSignal, UsageError, type CliIo } from '../io.js';
import { snapshotTree, waitForChange } from '../watch.js';

export const BUILD_HELP = `Usage: mvpm build [--check | --watch] [--specs <dir>] [--collections <dir>] [--environments <dir>]

Compiles the YAML specs into Postman collections and environments.

Options:
  --check               Write nothing; exit 1 naming each generated file that is stale
  -w, --watch           Build, then rebuild whenever a file under the spec directory changes;
                        errors are printed and the watch goes on. Stops on Ctrl-C
  --specs <dir>         Spec directory (default: specs)
  --collections <dir>   Output directory for collections (default: collections)
  --environments <dir>  Output directory for environments (default: environments)
  --docs <dir>          Output directory for the generated docs (default: docs/generated)
  -q, --quiet           Print only errors and warnings
  -h, --help            Show this help

A build deletes a file no spec produces only if its record (in the per-user state directory) says mvpm wrote
exactly that content; it never writes through a symbolic link.

Exit codes: 0 ok (and --watch stopped by Ctrl-C), 1 stale outputs (--check), 2 invalid specs, usage, or an output
path that is a link.

Examples:
  mvpm build
  mvpm build --check
  mvpm build --watch
  mvpm build --specs my-specs --collections out/collections --environments out/environments
`;

export async function runBuild(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(
    argv,
    {
      check: { type: 'boolean', default: false },
      watch: { type: 'boolean', short: 'w', default: false },
      specs: { type: 'string' },
      collections: { type: 'string' },
      environments: { type: 'string' },
      docs: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
    BUILD_HELP,
    io,
  );
  if (!values) return EXIT.ok;
  if (values.watch && values.check)
    throw new UsageError('E_USAGE', `--watch and --check do not go together: --check writes nothing\n\n${BUILD_HELP}`);
  const options: BuildOptions = {
    check: values.check,
    quiet: values.quiet,
    specs: values.specs,
    collections: values.collections,
    environments: values.environments,
    docs: values.docs,
  };
  return values.watch ? watchBuild(options, io) : buildOnce(options, io);
}

interface BuildOptions {
  readonly check: boolean;
  readonly quiet: boolean;
  readonly specs: string | undefined;
  readonly collections: string | undefined;
  readonly environments: string | undefined;
  readonly docs: string | undefined;
}

/** How often `--watch` looks at the spec directory, in milliseconds (see waitForChange for why it polls). */
const WATCH_INTERVAL_MS = 250;

/**
 * `build --watch`: one build, then one per change under the spec directory, until Ctrl-C (or io.signal). A failed
 * build, even one that throws, is printed and the watch goes on; stopping is exit 0, as for `mvpm serve`.
 */
async function watchBuild(options: BuildOptions, io: CliIo): Promise<number> {
  const specsDir = path.resolve(io.cwd, options.specs ?? 'specs');
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
    ...(values.specs === undefined ? {} : { specsDir: values.specs }),
    ...(values.collections === undefined ? {} : { collectionsDir: values.collections }),
    ...(values.environments === undefined ? {} : { environmentsDir: values.environments }),
    ...(values.docs === undefined ? {} : { docsDir: values.docs }),
    stateDir: stateDirectory(io.env),
  });
  const paint = problemPaint(io);
  for (const warning of build.warnings) io.stderr.write(`${formatDiagnostic(warning, { paint })}\n\n`);
  if (build.errors.length > 0) throw specErrors(build.errors);
  if (values.check) {
    const { stale } = withPathGuard(() => checkOutputs(build));
    if (stale.length > 0) {
      for (const file of stale) io.stderr.write(`stale: ${file.path} (${describe(file.reason)})\n`);
      io.stderr.write(
        `${err.red(`mvpm build --check: ${stale.length} generated file${stale.length === 1 ? ' is' : 's are'} out of date`)}; run \`mvpm build\` and commit the result.\n`,
      );
      return EXIT.failed;
    }
    if (!values.quiet)
      io.stdout.write(
        `${out.green('up to date')}: ${build.files.length} generated files and ${build.docs.length} generated pages match the specs\n`,
      );
    return EXIT.ok;
  }
  const report = withPathGuard(() => writeOutputs(build));
  printWriteReport('built', report, values.quiet, io);
  return EXIT.ok;
}

function describe(reason: 'differs' | 'missing' | 'orphaned'): string {
  return reason === 'differs'
    ? 'differs from a fresh build'
    : reason === 'missing'
      ? 'not generated yet'
      : 'no spec produces it any more';
}
