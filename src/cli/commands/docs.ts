import { formatDiagnostic } from '../../spec/diagnostics.js';
import { buildProject } from '../../emit/build-project.js';
import { checkOutputs, writeOutputs } from '../../emit/write-outputs.js';
import { stateDirectory } from '../../paths/state-dir.js';
import { printWriteReport, specErrors, withPathGuard } from '../outputs.js';
import { problemPaint } from '../report-error.js';
import { EXIT, painterFor, parseCommandArgs, type CliIo } from '../io.js';

export const DOCS_HELP = `Usage: mvpm docs [--check] [--specs <dir>] [--out <dir>]

Writes the generated Markdown docs: an index, one page per top-level folder of each collection, and the onboarding
guide for support staff. \`mvpm build\` writes the same pages along with the collections; this writes only the docs.

Options:
  --check          Write nothing; exit 1 naming each generated page that is stale
  --specs <dir>    Spec directory (default: specs)
  --out <dir>      Output directory for the docs (default: docs/generated)
  -q, --quiet      Print only errors and warnings
  -h, --help       Show this help

Exit codes: 0 ok, 1 stale pages (--check), 2 invalid specs or usage.
`;

export async function runDocs(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(
    argv,
    {
      check: { type: 'boolean', default: false },
      specs: { type: 'string' },
      out: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
    DOCS_HELP,
    io,
  );
  if (!values) return EXIT.ok;
  const err = painterFor(io.stderr, io.env);
  const out = painterFor(io.stdout, io.env);
  const build = await buildProject({
    cwd: io.cwd,
    ...(values.specs === undefined ? {} : { specsDir: values.specs }),
    ...(values.out === undefined ? {} : { docsDir: values.out }),
    stateDir: stateDirectory(io.env),
  });
  const paint = problemPaint(io);
  for (const warning of build.warnings) io.stderr.write(`${formatDiagnostic(warning, { paint })}\n\n`);
  if (build.errors.length > 0) throw specErrors(build.errors);
  if (values.check) {
    const { stale } = withPathGuard(() => checkOutputs(build, 'docs'));
    for (const file of stale)
      io.stderr.write(
        `stale: ${file.path} (${file.reason === 'differs' ? 'differs from a fresh build' : file.reason === 'missing' ? 'not generated yet' : 'no spec produces it any more'})\n`,
      );
    if (stale.length > 0) {
      io.stderr.write(
        `${err.red(`mvpm docs --check: ${stale.length} generated page${stale.length === 1 ? ' is' : 's are'} out of date`)}; run \`mvpm docs\` and commit the result.\n`,
      );
      return EXIT.failed;
    }
    if (!values.quiet)
      io.stdout.write(`${out.green('up to date')}: ${build.docs.length} generated pages match the specs\n`);
    return EXIT.ok;
  }
  const report = withPathGuard(() => writeOutputs(build, 'docs'));
  printWriteReport('docs', report, values.quiet, io);
  return EXIT.ok;
}
