import { defineCommand } from '../command.js';

export const runCommand = defineCommand({
  name: 'run',
  summary: 'Run the collections with Newman against the stand-in (default) or MediaValet',
  description: [
    `Runs the generated collections with Newman against a target and checks every response. Targets are declared in
    the specs (docs/spec-format.md, "Targets"): each environment spec names the target it serves (\`target:\`), and
    collections, folders and requests may say which targets they run on (\`targets:\`). The run sends every
    collection and folder that applies to the target, in order, and prints a \`skipped <what>: <why>\` line for each
    one it leaves out. A folder that spends the sign-in (\`role: spends-sign-in\`) runs after every other folder,
    and only when the run's tokens die with it.`,
    {
      list: [
        `A stand-in target (\`standin: true\`, the default target): mvpm starts a local stand-in for the run, signs in
        through its login page (the \`sign-in\` collection) and stops it. Needs no credentials.`,
        `Any other target (here \`mediavalet\`): its \`secrets\` come from MV_ process variables (the refresh token may
        come from the state file instead: the rotated one saved by the last run). Its sign-in folder (it needs a
        person) and the stand-in checks are skipped, each with why.`,
      ],
    },
  ],
  options: {
    target: {
      type: 'string',
      valueName: '<name>',
      defaultText: 'the stand-in target',
      help: 'A target the specs declare: here standin or mediavalet',
    },
    'base-url': {
      type: 'string',
      valueName: '<url>',
      help: `A stand-in target: use a stand-in already running (mvpm serve); its tokens are kept in the state file
      between runs`,
    },
    folder: {
      type: 'string',
      valueName: '<name>',
      multiple: true,
      defaultText: 'all',
      help: 'Run only this top-level folder',
    },
    reporters: {
      type: 'string',
      valueName: '<list>',
      list: true,
      choices: ['cli', 'junit', 'htmlextra'],
      default: 'cli',
      help: "Where results go: mvpm's console output, JUnit XML, an HTML report",
    },
    'reports-dir': {
      type: 'string',
      valueName: '<dir>',
      default: 'reports',
      help: `Where junit and htmlextra reports go (<collection>.junit.xml, <collection>.html); nothing else there is
      read or rewritten`,
    },
    bail: { type: 'boolean', help: 'Stop at the first failure' },
    timeout: {
      type: 'integer',
      valueName: '<ms>',
      unit: 'milliseconds',
      defaultText: 'none',
      help: 'Per-request timeout',
    },
    'state-file': {
      type: 'string',
      valueName: '<path>',
      defaultText: 'one per target and server under $XDG_STATE_HOME/mvpm, ~/.local/state/mvpm',
      help: 'Token state file',
    },
    'retry-in-doubt': {
      type: 'boolean',
      help: `Send a refresh token whose last refresh got no answer (a 5xx, a timeout, a killed run). If the server had
      spent it, this revokes the sign-in; \`mvpm login\` is the safe way on`,
    },
    'allow-debug-output': {
      type: 'boolean',
      help: `Not a stand-in: run even though NODE_DEBUG, an inspector (--inspect) or diagnostic reports would copy the
      credentials out of the process (refused by default: E_DEBUG_OUTPUT)`,
    },
  },
  notes: [
    `Guards (each refuses before anything is sent, exit 2): a target's servers (MV_AUTH_BASE_URL and the like) must
    be https URLs (http only on this machine); a state file kept for another server or client id is refused;
    form-data files must be regular files in specs/files/ (Newman reads nothing else); a report path that is a link
    or a directory is refused, and only this run's reports are masked.`,
    `Which refresh token is sent: its process variable (MV_REFRESH_TOKEN) while it is unspent, otherwise the newest
    one in the state file. A token known to be spent is never sent.`,
    `Two runs sharing a state file run one after the other (the file is locked). Every token-endpoint answer is
    saved the moment it arrives; Ctrl-C lets an in-flight refresh finish and saves it first.`,
  ],
  exitCodes: [
    [0, 'every assertion passed'],
    [1, 'an assertion failed, a request or script errored (E_NEWMAN), or nothing was checked'],
    [
      2,
      `bad usage (an unknown --target or --folder: E_BAD_OPTION), specs with errors, missing credentials, no usable
      refresh token, a damaged state file or a guard`,
    ],
    [130, 'interrupted (SIGINT or SIGTERM)'],
  ],
  examples: [
    { command: 'mvpm run' },
    { command: 'mvpm run --reporters cli,junit' },
    {
      command:
        'MV_CLIENT_ID=… MV_CLIENT_SECRET=… MV_SUBSCRIPTION_KEY=… MV_REFRESH_TOKEN=… mvpm run --target mediavalet',
    },
  ],
});
