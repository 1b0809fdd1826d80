import { REPORTERS, runSuite, type ReporterName, type RunEvent } from '../../run/index.js';
import { EXIT, painterFor, parseCommandArgs, UsageError, type CliIo } from '../io.js';

export const RUN_HELP = `Usage: mvpm run [options]

Runs the generated collections with Newman against a target and checks every response.

Targets are declared in the specs: each environment spec names the target it serves (\`target:\`), and
collections, folders and requests may say which targets they run on (\`targets:\`); see docs/spec-format.md,
"Targets". The run sends every collection and folder that applies to the target, in order, and lists
what it skipped and why. A folder that spends the sign-in (\`role: spends-sign-in\`) runs after every
other folder, and only when the run's tokens die with it.

  A stand-in target (\`standin: true\`, the default target): mvpm starts a local stand-in for the run,
  signs in through its login page (the \`sign-in\` collection) and stops it. Needs no credentials.
  Any other target: its \`secrets\` come from MV_ process variables (the refresh token may come from
  the state file instead: the rotated one saved by the last run).

Options:
  --target <name>         A target the specs declare (default: the stand-in target)
  --base-url <url>        A stand-in target: use a stand-in already running (mvpm serve); its tokens
                          are kept in the state file between runs
  --folder <name>         Run only this top-level folder; repeat for several
  --reporters <list>      Comma-separated: ${REPORTERS.join(', ')} (default: cli)
  --reports-dir <dir>     Where junit and htmlextra reports go (default: reports)
  --bail                  Stop at the first failure
  --timeout <ms>          Per-request timeout in milliseconds (default: none)
  --state-file <path>     Token state file (default: one per target and server under
                          $XDG_STATE_HOME/mvpm, ~/.local/state/mvpm)
  --retry-in-doubt        Send a refresh token whose last refresh got no answer (a 5xx, a
                          timeout, a killed run). If the server had spent it, this revokes the
                          sign-in; \`mvpm login\` is the safe way on
  --allow-debug-output    Not a stand-in: run even though NODE_DEBUG, an inspector (--inspect) or
                          diagnostic reports would copy the credentials out of the process
                          (refused by default: E_DEBUG_OUTPUT)
  -h, --help              Show this help

Guards (each refuses before anything is sent, exit 2): a target's servers (MV_AUTH_BASE_URL and the like)
must be https URLs (http only on this machine); a state file kept for another server or client id is
refused; form-data files must be regular files in specs/files/ (Newman reads nothing else); a
report path that is a link or a directory is refused, and only this run's reports are masked.

Which refresh token is sent: its process variable (MV_REFRESH_TOKEN) while it is unspent, otherwise the newest one in
the state file. A token known to be spent is never sent.

Two runs sharing a state file run one after the other (the file is locked). Every token-endpoint
answer is saved the moment it arrives; Ctrl-C lets an in-flight refresh finish and saves it first.

Exit codes: 0 every assertion passed; 1 an assertion failed, a request or script errored, or
nothing was checked; 2 bad usage, specs with errors, missing credentials or no usable refresh token;
130 interrupted.

Examples:
  mvpm run
  mvpm run --reporters cli,junit
  MV_CLIENT_ID=… MV_CLIENT_SECRET=… MV_SUBSCRIPTION_KEY=… MV_REFRESH_TOKEN=… mvpm run --target mediavalet
`;

export async function runRun(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(
    argv,
    {
      target: { type: 'string' },
      'base-url': { type: 'string' },
      folder: { type: 'string', multiple: true },
      reporters: { type: 'string', default: 'cli' },
      'reports-dir': { type: 'string' },
      bail: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      'state-file': { type: 'string' },
      'retry-in-doubt': { type: 'boolean', default: false },
      'allow-debug-output': { type: 'boolean', default: false },
    },
    RUN_HELP,
    io,
  );
  if (!values) return EXIT.ok;
  const reporters = values.reporters
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = reporters.filter((r) => !(REPORTERS as readonly string[]).includes(r));
  if (unknown.length > 0)
    throw new UsageError('E_USAGE', `unknown reporter ${unknown.join(', ')}; choose from ${REPORTERS.join(', ')}`);
  const timeout = values.timeout === undefined ? 0 : Number(values.timeout);
  if (!Number.isInteger(timeout) || timeout < 0)
    throw new UsageError('E_USAGE', `--timeout takes a whole number of milliseconds, not '${values.timeout}'`);

  const out = painterFor(io.stdout, io.env);
  const err = painterFor(io.stderr, io.env);
  const showProgress = reporters.includes('cli');
  const failures: string[] = [];
  /** Skipped requests by what caused the skip: reported once per cause, not once per request. */
  const skips = new Map<string, string[]>();
  let currentItem = '';
  const onEvent = (event: RunEvent): void => {
    switch (event.type) {
      case 'standin-started':
        io.stdout.write(`${out.dim(`stand-in MediaValet started at ${event.url}`)}\n`);
        break;
      case 'not-run':
        io.stdout.write(`${out.dim(`skipped ${event.what}: ${event.reason}`)}\n`);
        break;
      case 'token-source':
        io.stdout.write(`${out.dim(`refresh token from: ${event.source}`)}\n`);
        break;
      case 'state-saved':
        io.stdout.write(`${out.dim(`tokens are saved as they rotate, to ${event.file}`)}\n`);
        break;
      case 'collection-started':
        currentItem = '';
        if (showProgress)
          io.stdout.write(
            `\n${out.bold(event.label)}${event.folders.length > 0 ? out.dim(` (${event.folders.join(', ')})`) : ''}\n`,
          );
        break;
      case 'request':
        if (!showProgress) break;
        if (event.item !== currentItem) {
          currentItem = event.item;
          io.stdout.write(`\n${out.cyan('→')} ${event.item}\n`);
        }
        io.stdout.write(
          `  ${out.dim(`${event.method} ${event.url}`)} ${event.error ? out.red(`[${event.error}]`) : out.dim(`[${event.status ?? ''}, ${event.ms ?? 0} ms]`)}\n`,
        );
        break;
      case 'assertion':
        if (event.passed) {
          if (showProgress) io.stdout.write(`  ${out.green('✓')} ${event.name}\n`);
        } else {
          failures.push(`${event.item}: ${event.name}\n     ${event.message ?? ''}`);
          if (showProgress) io.stdout.write(`  ${out.red(`${failures.length}. ${event.name}`)}\n`);
        }
        break;
      case 'skipped': {
        const key = `${event.cause} failed: ${event.reason}`;
        const items = skips.get(key) ?? [];
        if (!items.includes(event.item)) items.push(event.item);
        skips.set(key, items);
        break;
      }
    }
  };

  const controller = new AbortController();
  const stop = (): void => controller.abort();
  const signals = io.signal ? [] : (['SIGINT', 'SIGTERM'] as const);
  io.signal?.addEventListener('abort', stop, { once: true });
  for (const name of signals) process.on(name, stop);
  try {
    const result = await runSuite({
      ...(values.target === undefined ? {} : { target: values.target }),
      ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
      ...(values.folder === undefined ? {} : { folders: values.folder }),
      reporters: reporters as ReporterName[],
      ...(values['reports-dir'] === undefined ? {} : { reportsDir: values['reports-dir'] }),
      bail: values.bail,
      timeoutRequest: timeout,
      ...(values['state-file'] === undefined ? {} : { stateFile: values['state-file'] }),
      retryInDoubt: values['retry-in-doubt'],
      allowDebugOutput: values['allow-debug-output'],
      env: io.env,
      cwd: io.cwd,
      signal: controller.signal,
      onEvent,
    });
    if (failures.length > 0) {
      io.stdout.write(`\n${out.bold('Failures')}\n`);
      for (const [i, failure] of failures.entries()) io.stdout.write(`  ${i + 1}. ${failure}\n`);
    }
    for (const [because, items] of skips) {
      io.stdout.write(
        `\n${out.yellow(`skipped ${items.length} ${items.length === 1 ? 'request' : 'requests'} because ${because}`)}\n`,
      );
      io.stdout.write(`  ${out.dim(items.map((item) => JSON.stringify(item)).join(', '))}\n`);
    }
    for (const error of result.errors) io.stderr.write(`${err.red('error')}: ${error}\n`);
    if (!result.ok && result.explanations.length > 0) {
      io.stdout.write(`\n${out.bold('What this means')}\n`);
      for (const text of result.explanations) io.stdout.write(`  - ${text}\n`);
    }
    if (result.passed + result.failed === 0)
      io.stderr.write(`${err.red('error')}: no assertion ran, so nothing was checked\n`);
    const line = `${result.passed} passed, ${result.failed} failed`;
    io.stdout.write(`\n${result.ok ? out.green(line) : out.red(line)}\n`);
    return result.ok ? EXIT.ok : EXIT.failed;
  } finally {
    for (const name of signals) process.off(name, stop);
    io.signal?.removeEventListener('abort', stop);
  }
}
