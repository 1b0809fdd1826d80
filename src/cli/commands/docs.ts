import { formatDiagnostic } from '../../spec/diagnostics.js';
import { buildProject } from '../../emit/build-project.js';
import { checkOutputs, writeOutputs } from '../../emit/write-outputs.js';
import { stateDirectory } from '../../paths/state-dir.js';
import { printWriteReport, specErrors, withPathGuard } from '../outputs.js';
import { problemPaint } from '../report-error.js';
import type { ParsedArgs } from '../command.js';
import type { docsCommand } from '../declarations.js';
import { EXIT, painterFor, type CliIo } from '../io.js';

/** `mvpm docs`: the options come parsed and checked by its declaration (declarations.ts). */
export async function runDocs({ values }: ParsedArgs<typeof docsCommand>, io: CliIo): Promise<number> {
  const err = painterFor(io.stderr, io.env);
  const out = painterFor(io.stdout, io.env);
  const build = await buildProject({
    cwd: io.cwd,
    specsDir: values.specs,
    docsDir: values.out,
    stateDir: stateDirectory(io.env),
  });
  const paint = problemPaint(io);
  for (const warning of build.warnings) io.stderr.write(`${formatDiagnostic(warning, { paint })}\n\n`);
  if (build.errors.length > 0) throw specErrors(build.errors);
  if (values.check) {
    const { stale } = withPathGuard(() => checkOutputs(build, 'docs'));
    for (const file of stale) {
      const reason =
        file.reason === 'differs'
          ? 'differs from a fresh build'
          : file.reason === 'missing'
            ? 'not generated yet'
            : 'no spec produces it any more';
      io.stderr.write(`stale: ${file.path} (${reason})\n`);
    }
    if (stale.length > 0) {
      const pages = `${stale.length} generated page${stale.length === 1 ? ' is' : 's are'}`;
      io.stderr.write(
        `${err.red(`mvpm docs --check: ${pages} out of date`)}; run \`mvpm docs\` and commit the result.\n`,
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
