import { createRequire } from 'node:module';
import { type CommandRun, parseCommandArgs } from './command.js';
import { type CommandName, DECLARATIONS, PROGRAM } from './declarations.js';
import { renderHelp, renderProgramHelp } from './help.js';
import { type CliIo, EXIT, UsageError } from './io.js';
import { reportError } from './report-error.js';

export type { CliIo } from './io.js';

type Implementations = { readonly [K in CommandName]: () => Promise<CommandRun<(typeof DECLARATIONS)[K]>> };

/**
 * Loaded on demand: `mvpm run` should not pay for the compiler or the authorization server it does not use, and
 * `--help` loads none of them (it is rendered from the declarations). Each implementation takes the values its
 * declaration parses to, which the type of this table checks.
 */
const COMMANDS: Implementations = {
  build: async () => (await import('./commands/build.js')).runBuild,
  docs: async () => (await import('./commands/docs.js')).runDocs,
  run: async () => (await import('./commands/run.js')).runRun,
  serve: async () => (await import('./commands/serve.js')).runServe,
  login: async () => (await import('./commands/login.js')).runLogin,
  token: async () => (await import('./commands/login.js')).runToken,
  import: async () => (await import('./commands/import.js')).runImport,
};

const programHelp = (): string => renderProgramHelp(PROGRAM, Object.values(DECLARATIONS));

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(DECLARATIONS, name);
}

/**
 * The CLI: parses argv, runs a command, and returns the exit code. Commands print their results and throw their
 * errors; every error is printed here (reportError), with the exit code the registry gives its code.
 */
export async function runMain(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help') {
      io.stdout.write(programHelp());
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    if (command === 'help') {
      const target = rest[0];
      if (target !== undefined && !isCommand(target))
        throw new UsageError('E_UNKNOWN_COMMAND', `unknown command '${target}'\n\n${programHelp()}`);
      io.stdout.write(target === undefined ? programHelp() : renderHelp(DECLARATIONS[target]));
      return EXIT.ok;
    }
    if (!isCommand(command))
      throw new UsageError('E_UNKNOWN_COMMAND', `unknown command '${command}'\n\n${programHelp()}`);
    return await dispatch(command, rest, io);
  } catch (error) {
    const known = command !== undefined && Object.hasOwn(COMMANDS, command) ? command : undefined;
    return reportError(error, { command: known, writes: known !== undefined && WRITES_FILES.has(known) }, io);
  }
}

/** Commands that write files all or nothing: a failure after their arguments were accepted wrote nothing. */
const WRITES_FILES: ReadonlySet<string> = new Set(['build', 'docs', 'import']);

/** Parses argv by the command's declaration; prints its help, or loads its implementation and runs it. */
async function dispatch<K extends CommandName>(name: K, argv: readonly string[], io: CliIo): Promise<number> {
  const declaration = DECLARATIONS[name];
  const args = parseCommandArgs(declaration, argv);
  if (args === 'help') {
    io.stdout.write(renderHelp(declaration));
    return EXIT.ok;
  }
  const run = await COMMANDS[name]();
  return await run(args, io);
}

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}
