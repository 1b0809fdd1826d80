// docs/errors.md, rendered from the registry (src/errors/codes.ts). test/unit/error-codes.test.ts compares the file
// with this rendering, and `npm run golden:update` rewrites it.
import { ERROR_CODES, EXIT, WARNING_CODES } from '../src/errors/codes.ts';

const EXIT_MEANINGS: Readonly<Record<keyof typeof EXIT, string>> = {
  ok: 'Success (also: `serve` and `build --watch` stopped with Ctrl-C)',
  failed: 'Tests failed, generated files are stale (`build --check`), or an error below with exit code 1',
  usage: 'Bad usage, invalid specs or input, missing credentials, a refused path: nothing was done',
  bug: 'An error mvpm did not expect: a bug in mvpm (see below)',
  interrupted: '`run` was interrupted (SIGINT or SIGTERM; 128 + 2, as shells report Ctrl-C)',
};

function link(docs: string | undefined): string {
  return docs === undefined ? '' : `[${docs.replace(/#.*/, '')}](${docs})`;
}

export function renderErrorCodesDoc(): string {
  const lines = [
    '# Error and warning codes',
    '',
    '<!-- Generated from src/errors/codes.ts by `npm run golden:update`; edit that file, not this one. -->',
    '',
    'Every failure a user can cause stops a command with a stable code, a message saying what is wrong, and often a',
    'hint saying what to do. Scripts and CI may match on the codes. Errors go to standard error:',
    '',
    '- one line, `mvpm <command>: error[CODE]: message`, then `  = hint: …` when there is one;',
    "- or, when the error is in a file, like a compiler's: `error[CODE]: message`, `  --> file:line:column` (or",
    '  `file#/json/pointer`), the source line with a caret where there is one, and `  = hint: …`. Spec errors are',
    '  reported all at once, sorted by file, line and column, then `mvpm build: N errors; nothing was written.`',
    '',
    '`build`, `docs` and `import` write all or nothing: after any error but a usage error they say',
    '`nothing was written.`',
    '',
    '## Exit codes',
    '',
    '| Exit code | Meaning |',
    '| --- | --- |',
    ...Object.entries(EXIT).map(([name, code]) => `| ${code} | ${EXIT_MEANINGS[name as keyof typeof EXIT]} |`),
    '',
    'An error mvpm did not expect is a bug: it prints one line, `mvpm <command>: internal error (<kind>): this is a',
    'bug in mvpm…`, without the message (it could quote a secret), and exits with 70. Run the same command again',
    'with `MVPM_DEBUG=1` to see the stack trace; check it for secrets before you share it.',
    '',
    '## Errors',
    '',
    '| Code | Exit code | Meaning | More |',
    '| --- | --- | --- | --- |',
    ...Object.entries(ERROR_CODES).map(
      ([code, entry]) =>
        `| \`${code}\` | ${entry.exit} | ${entry.meaning} | ${link('docs' in entry ? entry.docs : undefined)} |`,
    ),
    '',
    '## Warnings',
    '',
    'Warnings are printed (`warning[CODE]: …`) and never change the exit code.',
    '',
    '| Code | Meaning | More |',
    '| --- | --- | --- |',
    ...Object.entries(WARNING_CODES).map(([code, entry]) => `| \`${code}\` | ${entry.meaning} | ${link(entry.docs)} |`),
    '',
  ];
  return lines.join('\n');
}
