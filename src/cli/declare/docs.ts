import { defineCommand } from '../command.js';

export const docsCommand = defineCommand({
  name: 'docs',
  summary: 'Write only the generated pages in docs/generated/ (request pages, onboarding guide)',
  description: [
    `Writes only the generated Markdown pages that \`mvpm build\` writes along with the collections: an index
    (README.md), one page per collection and per top-level folder describing each request, and the onboarding guide
    for support staff (onboarding-guide.md). They are rebuilt from the specs like every generated file: never edit
    them by hand.`,
  ],
  options: {
    check: {
      type: 'boolean',
      help: 'Write nothing; exit 1 naming each page that differs, is missing, or that no spec produces any more',
    },
    specs: { type: 'string', valueName: '<dir>', default: 'specs', help: 'Spec directory' },
    out: {
      type: 'string',
      valueName: '<dir>',
      default: 'docs/generated',
      help: 'Output directory for the pages (the same as build --docs)',
    },
    quiet: { type: 'boolean', short: 'q', help: 'Print only errors and warnings' },
  },
  exitCodes: [
    [0, 'ok'],
    [1, 'stale pages (--check)'],
    [2, 'invalid specs, bad usage, or an output path that is a link'],
  ],
  examples: [
    { command: 'mvpm docs' },
    { command: 'mvpm docs --check', note: 'in CI, when only the pages matter' },
    { command: 'mvpm build --docs site/api', note: 'everything, with the pages somewhere else' },
  ],
});
