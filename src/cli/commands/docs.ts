import { formatDiagnostic } from '../../spec/diagnostics.js';
import { buildProject } from '../../emit/build-project.js';
import { checkOutputs, writeOutputs } from '../../emit/write-outputs.js';
import { stateDirectory } from '../../paths/state-dir.js';
import { printWriteReport, withPathGuard } from '../outputs.js';
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
  for (const warning of build.warnings) io.stderr.write(`${formatDiagnostic(warning)}\n\n`);
  if (build.errors.length > 0) {
    for (const error of build.errors) io.stderr.write(`${formatDiagnostic(error)}\n\n`);
    const count = build.errors.length;
    io.stderr.write(`${err.red(`mvpm docs: ${count} error${count === 1 ? '' : 's'}`)}; nothing was written.\n`);
    return EXIT.usage;
  }
  if (values.check) {
    const checked = withPathGuard('docs', io, () => checkOutputs(build, 'docs'));
    if (typeof checked === 'number') return checked;
    const { stale } = checked;
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
  const report = withPathGuard('docs', io, () => writeOutputs(build, 'docs'));
  if (typeof report === 'number') return report;
  printWriteReport('docs', report, values.quiet, io);
  return EXIT.ok;
}
