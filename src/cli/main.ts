import { createRequire } from 'node:module';
import { EXIT, UsageError, type CliIo } from './io.js';
import { reportError } from './report-error.js';

export type { CliIo } from './io.js';

const HELP = `Usage: mvpm <command> [options]

Compile MediaValet Postman collections from YAML specs, and run them.

Commands:
  build     Compile specs/ into collections/, environments/ and docs/generated/ (--check to verify)
  docs      Write only the generated docs (docs/generated/: request pages, onboarding guide)
  run       Run the collection with Newman against the stand-in (default) or MediaValet
  serve     Start the local stand-in of MediaValet for Postman and mvpm run --base-url
  login     Sign in to MediaValet once to get the first refresh token for mvpm run
  token     Write the newest refresh token to a file (for CI secret stores), never to the screen
  import    Turn a Postman collection (and environment) back into YAML specs
  help      Show help for a command

Options:
  -h, --help     Show this help
  -v, --version  Show the version

Exit codes: 0 ok; 1 tests failed or generated files are stale; 2 bad usage, invalid specs or missing
credentials; 130 interrupted.

Examples:
  mvpm build --watch
  mvpm run
  mvpm help run

Run 'mvpm <command> --help' for a command's options; docs/cli.md describes them all.
`;

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/** Loaded on demand: `mvpm run` should not pay for the compiler or the authorization server it does not use. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./commands/build.js')).runBuild,
  docs: async () => (await import('./commands/docs.js')).runDocs,
  run: async () => (await import('./commands/run.js')).runRun,
  serve: async () => (await import('./commands/serve.js')).runServe,
  login: async () => (await import('./commands/login.js')).runLogin,
  token: async () => (await import('./commands/login.js')).runToken,
  import: async () => (await import('./commands/import.js')).runImport,
};

/**
 * The CLI: parses argv, runs a command, and returns the exit code. Commands print their results and throw their
 * errors; every error is printed here (reportError), with the exit code the registry gives its code.
 */
export async function runMain(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help') {
      io.stdout.write(HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    if (command === 'help') {
      const target = rest[0];
      const load = target === undefined ? undefined : COMMANDS[target];
      if (load) return await (await load())(['--help'], io);
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const load = COMMANDS[command];
    if (!load) throw new UsageError('E_UNKNOWN_COMMAND', `unknown command '${command}'\n\n${HELP}`);
    return await (await load())(rest, io);
  } catch (error) {
    const known = command !== undefined && Object.hasOwn(COMMANDS, command) ? command : undefined;
    return reportError(error, { command: known, writes: known !== undefined && WRITES_FILES.has(known) }, io);
  }
}

/** Commands that write files all or nothing: a failure after their arguments were accepted wrote nothing. */
const WRITES_FILES: ReadonlySet<string> = new Set(['build', 'docs', 'import']);

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}
