// Every command's declaration, in the order `mvpm --help` and docs/cli.md list them. Loading this loads no
// command's implementation: main.ts imports those lazily, one per command.
import type { ProgramDeclaration } from '../help.js';
import { buildCommand } from './build.js';
import { docsCommand } from './docs.js';
import { importCommand } from './import.js';
import { loginCommand, tokenCommand } from './login.js';
import { runCommand } from './run.js';
import { serveCommand } from './serve.js';

export { buildCommand, docsCommand, importCommand, loginCommand, runCommand, serveCommand, tokenCommand };

export const DECLARATIONS = {
  build: buildCommand,
  docs: docsCommand,
  run: runCommand,
  serve: serveCommand,
  login: loginCommand,
  token: tokenCommand,
  import: importCommand,
} as const;

export type CommandName = keyof typeof DECLARATIONS;

export const PROGRAM: ProgramDeclaration = {
  summary: 'Compile MediaValet Postman collections from YAML specs, and run them.',
  exitCodes: [
    [0, 'ok'],
    [1, 'tests failed or generated files are stale'],
    [2, 'bad usage (and mvpm with no command), invalid specs or missing credentials'],
    [130, 'interrupted'],
  ],
  examples: [{ command: 'mvpm build --watch' }, { command: 'mvpm run' }, { command: 'mvpm help run' }],
};
