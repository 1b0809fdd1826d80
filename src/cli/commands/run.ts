import { CREDENTIAL_VARIABLES, REPORTERS, RunError, runSuite, type ReporterName, type RunEvent, type Target } from '../../run/index.js';
import { EXIT, painterFor, parseCommandArgs, UsageError, type CliIo } from '../io.js';

export const RUN_HELP = `Usage: mvpm run [options]

Runs the generated MediaValet collection with Newman and checks every response.

Targets:
  standin      (default) A local stand-in of MediaValet, started for the run: signs in through its
               login page, runs every folder, stops it. Needs no credentials.
  mediavalet   The real MediaValet: runs the "Refresh chain" and "API" folders with
               ${CREDENTIAL_VARIABLES.clientId}, ${CREDENTIAL_VARIABLES.clientSecret}, ${CREDENTIAL_VARIABLES.subscriptionKey} and a refresh token
               (${CREDENTIAL_VARIABLES.refreshToken}, or the rotated one saved by the last run) from the environment.

Options:
  --target <name>         standin or mediavalet (default: standin)
  --base-url <url>        standin: use a stand-in already running (mvpm serve); its tokens are kept
                          in the state file between runs
  --folder <name>         Run only this folder; repeat for several
  --reporters <list>      Comma-separated: ${REPORTERS.join(', ')} (default: cli)
  --reports-dir <dir>     Where junit and htmlextra reports go (default: reports)
  --bail                  Stop at the first failure
  --timeout <ms>          Per-request timeout in milliseconds (default: none)
  --state-file <path>     Token state file (default: one per target and server under
                          $XDG_STATE_HOME/mvpm, ~/.local/state/mvpm)
  -h, --help              Show this help

Which refresh token is sent: ${CREDENTIAL_VARIABLES.refreshToken} while it is unspent, otherwise the newest one in
the state file. A token known to be spent is never sent.

Exit codes: 0 every assertion passed; 1 an assertion failed, a request or script errored, or
nothing was checked; 2 bad usage or missing credentials.

Examples:
  mvpm run
  mvpm run --reporters cli,junit
  MV_CLIENT_ID=… MV_CLIENT_SECRET=… MV_SUBSCRIPTION_KEY=… MV_REFRESH_TOKEN=… mvpm run --target mediavalet
`;

export async function runRun(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(
    argv,
    {
      target: { type: 'string', default: 'standin' },
      'base-url': { type: 'string' },
      folder: { type: 'string', multiple: true },
      reporters: { type: 'string', default: 'cli' },
      'reports-dir': { type: 'string' },
      bail: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      'state-file': { type: 'string' },
    },
    RUN_HELP,
    io,
  );
  if (!values) return EXIT.ok;
  if (values.target !== 'standin' && values.target !== 'mediavalet') throw new UsageError('E_USAGE', `--target must be standin or mediavalet, not '${values.target}'`);
  const reporters = values.reporters.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = reporters.filter((r) => !(REPORTERS as readonly string[]).includes(r));
  if (unknown.length > 0) throw new UsageError('E_USAGE', `unknown reporter ${unknown.join(', ')}; choose from ${REPORTERS.join(', ')}`);
  const timeout = values.timeout === undefined ? 0 : Number(values.timeout);
  if (!Number.isInteger(timeout) || timeout < 0) throw new UsageError('E_USAGE', `--timeout takes a whole number of milliseconds, not '${values.timeout}'`);

  const out = painterFor(io.stdout, io.env);
  const err = painterFor(io.stderr, io.env);
  const onEvent = (event: RunEvent): void => {
    if (event.type === 'standin-started') io.stdout.write(`${out.dim(`stand-in MediaValet started at ${event.url}`)}\n`);
    if (event.type === 'token-source') io.stdout.write(`${out.dim(`refresh token from: ${event.source}`)}\n`);
    if (event.type === 'state-saved') io.stdout.write(`${out.dim(`rotated tokens saved to ${event.file}`)}\n`);
  };
  try {
    const result = await runSuite({
      target: values.target as Target,
      ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
      ...(values.folder === undefined ? {} : { folders: values.folder }),
      reporters: reporters as ReporterName[],
      ...(values['reports-dir'] === undefined ? {} : { reportsDir: values['reports-dir'] }),
      bail: values.bail,
      timeoutRequest: timeout,
      ...(values['state-file'] === undefined ? {} : { stateFile: values['state-file'] }),
      env: io.env,
      cwd: io.cwd,
      color: io.stdout.isTTY === true && io.env['NO_COLOR'] === undefined,
      onEvent,
    });
    for (const error of result.errors) io.stderr.write(`${err.red('error')}: ${error}\n`);
    if (result.passed + result.failed === 0) io.stderr.write(`${err.red('error')}: no assertion ran, so nothing was checked\n`);
    const line = `${result.passed} passed, ${result.failed} failed`;
    io.stdout.write(`${result.ok ? out.green(line) : out.red(line)}\n`);
    return result.ok ? EXIT.ok : EXIT.failed;
  } catch (error) {
    if (error instanceof RunError) {
      io.stderr.write(`${err.red(`mvpm run: error[${error.code}]`)}: ${error.message}\n`);
      return error.code === 'E_NEWMAN' || error.code === 'E_STATE_FILE' ? EXIT.failed : EXIT.usage;
    }
    throw error;
  }
}
