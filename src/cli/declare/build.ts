import { defineCommand } from '../command.js';

export const buildCommand = defineCommand({
  name: 'build',
  summary: 'Compile specs/ into collections, environments and generated docs; --check verifies, --watch rebuilds',
  description: [
    `Compiles the YAML specs (see docs/spec-format.md) into Postman collections and environments, and writes the
    generated Markdown pages (as \`mvpm docs\` does). Every error in every spec is reported in one pass, as
    \`error[CODE]: … --> file:line:col\` with the source line and a caret; when anything is wrong nothing is
    written. Outputs are deterministic, so a rebuild of unchanged specs is byte-identical.`,
  ],
  options: {
    check: {
      type: 'boolean',
      help: `Write nothing; exit 1 naming each generated file that differs, is missing, or that no spec produces any
      more`,
    },
    watch: {
      type: 'boolean',
      short: 'w',
      help: `Build, then rebuild whenever a file under the spec directory changes; errors are printed and the watch
      goes on. Stops on Ctrl-C`,
    },
    specs: { type: 'string', valueName: '<dir>', default: 'specs', help: 'Spec directory' },
    collections: {
      type: 'string',
      valueName: '<dir>',
      default: 'collections',
      help: 'Output directory for collections',
    },
    environments: {
      type: 'string',
      valueName: '<dir>',
      default: 'environments',
      help: 'Output directory for environments',
    },
    docs: {
      type: 'string',
      valueName: '<dir>',
      default: 'docs/generated',
      help: 'Output directory for the generated pages; --check compares them too',
    },
    quiet: { type: 'boolean', short: 'q', help: 'Print only errors and warnings' },
  },
  exclusive: [['watch', 'check', '--check writes nothing']],
  notes: [
    `A build writes only its outputs, atomically and never through a symbolic link. It deletes a file no spec
    produces any more only if its record (in the per-user state directory) says mvpm wrote exactly that content.`,
  ],
  exitCodes: [
    [0, 'ok (and --watch stopped by Ctrl-C)'],
    [1, 'stale outputs (--check)'],
    [2, 'invalid specs, bad usage, or an output path that is a link'],
  ],
  examples: [
    { command: 'mvpm build' },
    { command: 'mvpm build --check', note: 'in CI: fails when someone forgot to rebuild' },
    { command: 'mvpm build --watch', note: 'while editing specs, with Postman open on the output' },
    { command: 'mvpm build --specs my-specs --collections out/collections --environments out/environments' },
  ],
});
