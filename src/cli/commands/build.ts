import { formatDiagnostic } from '../../spec/diagnostics.js';
import { buildProject } from '../../emit/build-project.js';
import { checkOutputs, writeOutputs } from '../../emit/write-outputs.js';
import { EXIT, painterFor, parseCommandArgs, UsageError, type CliIo } from '../io.js';

export const BUILD_HELP = `Usage: mvpm build [--check] [--specs <dir>] [--collections <dir>] [--environments <dir>]

Compiles the YAML specs into Postman collections and environments.

Options:
  --check               Write nothing; exit 1 naming each generated file that is stale
  --specs <dir>         Spec directory (default: specs)
  --collections <dir>   Output directory for collections (default: collections)
  --environments <dir>  Output directory for environments (default: environments)
  -q, --quiet           Print only errors and warnings
  -h, --help            Show this help

Exit codes: 0 ok, 1 stale outputs (--check), 2 invalid specs or usage.

Examples:
  mvpm build
  mvpm build --check
`;

export async function runBuild(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(
    argv,
    {
      check: { type: 'boolean', default: false },
      specs: { type: 'string' },
      collections: { type: 'string' },
      environments: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
    BUILD_HELP,
    io,
  );
  if (!values) return EXIT.ok;
  const err = painterFor(io.stderr, io.env);
  const out = painterFor(io.stdout, io.env);
  const build = await buildProject({
    cwd: io.cwd,
    ...(values.specs === undefined ? {} : { specsDir: values.specs }),
    ...(values.collections === undefined ? {} : { collectionsDir: values.collections }),
    ...(values.environments === undefined ? {} : { environmentsDir: values.environments }),
  });
  const paint = (kind: 'error' | 'warning' | 'location' | 'hint', text: string): string =>
    kind === 'error' ? err.bold(err.red(text)) : kind === 'warning' ? err.bold(err.yellow(text)) : kind === 'location' ? err.blue(text) : err.cyan(text);
  for (const warning of build.warnings) io.stderr.write(`${formatDiagnostic(warning, { paint })}\n\n`);
  if (build.errors.length > 0) {
    for (const error of build.errors) io.stderr.write(`${formatDiagnostic(error, { paint })}\n\n`);
    const count = build.errors.length;
    io.stderr.write(`${err.red(`mvpm build: ${count} error${count === 1 ? '' : 's'}`)}; nothing was written.\n`);
    return EXIT.usage;
  }
  if (values.check) {
    const { stale } = checkOutputs(build);
    if (stale.length > 0) {
      for (const file of stale) io.stderr.write(`stale: ${file.path} (${describe(file.reason)})\n`);
      io.stderr.write(`${err.red(`mvpm build --check: ${stale.length} generated file${stale.length === 1 ? ' is' : 's are'} out of date`)}; run \`mvpm build\` and commit the result.\n`);
      return EXIT.failed;
    }
    if (!values.quiet) io.stdout.write(`${out.green('up to date')}: ${build.files.length} generated files match the specs\n`);
    return EXIT.ok;
  }
  const report = writeOutputs(build);
  if (!values.quiet) {
    for (const file of report.written) io.stdout.write(`wrote ${file}\n`);
    for (const file of report.removed) io.stdout.write(`removed ${file} (no spec produces it)\n`);
    io.stdout.write(`${out.green('built')}: ${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed\n`);
  }
  return EXIT.ok;
}

function describe(reason: 'differs' | 'missing' | 'orphaned'): string {
  return reason === 'differs' ? 'differs from a fresh build' : reason === 'missing' ? 'not generated yet' : 'no spec produces it any more';
}
