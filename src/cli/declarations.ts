// Every command's declaration, in the order `mvpm --help` and docs/cli.md list them: name, summary, description,
// options, positionals, notes, exit codes and examples. The parser, `--help`, `mvpm --help` and the command sections
// of docs/cli.md are made from these (command.ts, help.ts). Loading this loads no command's implementation: main.ts
// imports those lazily, one per command. One module rather than one per command: `mvpm --help` loads all of them,
// and each module costs start-up time (see the start-up test in test/unit/cli-declarations.test.ts).
import { defineCommand } from './command.js';
import type { ProgramDeclaration } from './help.js';

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
    postman: {
      type: 'string',
      valueName: '<dir>',
      default: 'postman',
      help: `Output directory for the Postman v12 (v3 YAML) form of the collections and environments
      (docs/postman-v12.md)`,
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

export const runCommand = defineCommand({
  name: 'run',
  summary: 'Run the collections with Newman against the stand-in (default) or MediaValet',
  description: [
    `Runs the generated collections with Newman against a target and checks every response. Targets are declared in
    the specs (docs/spec-format.md, "Targets"): each environment spec names the target it serves (\`target:\`), and
    collections, folders and requests may say which targets they run on (\`targets:\`). On a target that is not a
    stand-in, a POST, PUT or PATCH request runs only when a \`targets\` list names that target (or it is
    \`readOnly: true\`), a DELETE only when its own list does (docs/spec-format.md, "Method defaults"). The run sends
    every collection, folder and request that applies to the target, in order, and prints a \`skipped <what>: <why>\`
    line for each one it leaves out. A folder that spends the sign-in (\`role: spends-sign-in\`) runs after every
    other folder, and only when the run's tokens die with it.`,
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
    runner: {
      type: 'string',
      valueName: '<name>',
      choices: ['newman', 'postman'],
      default: 'newman',
      help: `What runs the collections: Newman, or the Postman CLI (installed once with \`npm ci --prefix
      tools/postman-cli\`; it runs with an empty temporary HOME and no Postman API key; see docs/ci.md)`,
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
    [1, 'an assertion failed, a request or script errored (E_NEWMAN, E_POSTMAN_CLI), or nothing was checked'],
    [
      2,
      `bad usage (an unknown --target or --folder: E_BAD_OPTION), specs with errors, missing credentials, no usable
      refresh token, a damaged state file, a guard, or --runner postman without the CLI (E_NO_POSTMAN_CLI)`,
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

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'Start the local stand-in of MediaValet for Postman and mvpm run --base-url',
  description: [
    `Starts the local stand-in of MediaValet (sign-in server and API) on 127.0.0.1, for Postman ("Get New Access
    Token") and for \`mvpm run --base-url\`, and prints its URLs and the public demo client, user and subscription
    key. Stops on Ctrl-C.`,
    `It also mocks every operation of the OpenAPI documents the specs' collections were imported from
    (\`openapi: { source }\` in a collection definition), and lists them (docs/standin.md).`,
    `Its sign-ins and tokens live only as long as the process: after a restart every token it issued is refused
    (invalid_grant), and Postman or mvpm run must sign in again.`,
  ],
  options: {
    port: {
      type: 'integer',
      valueName: '<n>',
      min: 0,
      max: 65535,
      default: '4010',
      help: 'Port to listen on; 0 picks a free one',
    },
    'access-token-ttl': {
      type: 'integer',
      valueName: '<s>',
      unit: 'seconds',
      min: 1,
      default: '3600',
      help: 'Access-token lifetime',
    },
    fault: {
      type: 'string',
      valueName: '<fault>',
      multiple: true,
      defaultText: 'none',
      help: 'Make the stand-in misbehave on purpose: <target>[-after]=<effect>[:<times>], below',
    },
    specs: {
      type: 'string',
      valueName: '<dir>',
      default: 'specs',
      help: 'Spec directory: the OpenAPI documents its collections name (openapi.source) are mocked',
    },
  },
  notes: [
    {
      pre: `Faults: <target>[-after]=<effect>[:<times>]
  target   token      the token endpoint, every grant type
           refresh    the token endpoint, grant_type=refresh_token only
           code       the token endpoint, grant_type=authorization_code only
           api        the API routes (/users/current, /categories, /assets/search, ...)
  -after   act once the request has been processed: a refresh has spent its refresh token and
           issued the next one, then the answer is lost. Without it the fault acts before
           anything is processed, and nothing is spent.
  effect   429, 500, 502, 503 or 504   answer with that status (429 and 503 with Retry-After: 1)
           <n>ms                        wait n milliseconds first; a client that gives up meanwhile
                                        gets nothing (before: nothing is processed either)
           drop                         close the connection without an answer
  times    how many matching requests to act on: a whole number (default: 1) or "always".
  Faults act in the order given; waits add up, and the first answer or drop ends the request.
  schema=<operation>[:<times>]   the mocked OpenAPI operation (its operationId, or "METHOD /path")
           answers with a body its response schema refuses: a property dropped or a wrong type.`,
    },
  ],
  exitCodes: [
    [0, 'stopped by Ctrl-C (SIGINT or SIGTERM)'],
    [2, 'bad usage or the port could not be used'],
  ],
  examples: [
    { command: 'mvpm serve' },
    { command: 'mvpm serve --port 0 --access-token-ttl 60' },
    { command: 'mvpm serve --fault refresh=503:2', note: 'the next 2 refreshes get 503; their tokens stay unspent' },
    { command: 'mvpm serve --fault refresh-after=500', note: 'the next refresh spends its token, then answers 500' },
    { command: 'mvpm serve --fault api=429:3', note: 'the next 3 API calls get 429 with Retry-After: 1' },
    { command: 'mvpm serve --fault token=5000ms:always', note: 'every token request waits 5 s before it is processed' },
    { command: 'mvpm serve --fault api-after=drop', note: 'the next API call is answered with a closed connection' },
  ],
});

export const loginCommand = defineCommand({
  name: 'login',
  summary: 'Sign in to MediaValet once to get the first refresh token for mvpm run',
  description: [
    `Signs in once, as a person, to get the first refresh token for \`mvpm run --target <name>\`: prints the
    authorization URL, you sign in with your browser and paste back the address it ends on (within the
    authorization code's 60 seconds); the code is exchanged and the refresh token saved to the state file (mode
    0600).`,
    `The server, client and state file are the ones \`mvpm run --target <name>\` uses, as the specs declare them: the
    OAuth 2.0 settings of the target's collection (authUrl, token URL, clientId, clientSecret, scope, redirect_uri)
    filled in from its environment, whose \`secrets\` and \`overrides\` name the MV_ variables to set (for this
    project: MV_CLIENT_ID and MV_CLIENT_SECRET, MV_AUTH_BASE_URL for another server).`,
  ],
  options: {
    target: {
      type: 'string',
      valueName: '<name>',
      defaultText: 'the one target that is not a stand-in',
      help: 'The target to sign in to',
    },
    'redirect-uri': {
      type: 'string',
      valueName: '<uri>',
      defaultText:
        "the collection's redirect_uri from the environment (here MV_REDIRECT_URI, else Postman's callback page)",
      help: 'The redirect URI registered for your client',
    },
    scope: {
      type: 'string',
      valueName: '<scopes>',
      defaultText: "the collection's scope (here openid api offline_access)",
      help: 'The scopes to ask for',
    },
    'state-file': {
      type: 'string',
      valueName: '<path>',
      defaultText: 'the one mvpm run --target <name> uses',
      help: `Where the refresh token is saved. A file kept for another server or client id is refused
      (E_STATE_MISMATCH) before anything is sent`,
    },
    'allow-debug-output': {
      type: 'boolean',
      help: `Sign in even though NODE_DEBUG, an inspector or diagnostic reports would copy the client secret out of the
      process (refused by default: E_DEBUG_OUTPUT)`,
    },
  },
  notes: ["The target's servers must be https URLs (http only for localhost, 127.0.0.1, [::1])."],
  exitCodes: [
    [0, 'signed in and the refresh token saved'],
    [
      2,
      `bad usage, missing client id or secret, a bad server URL (E_BAD_URL), a state file of another server
      (E_STATE_MISMATCH), debug output on (E_DEBUG_OUTPUT), or the sign-in or code exchange failed (E_LOGIN)`,
    ],
  ],
  examples: [
    { command: 'MV_CLIENT_ID=… MV_CLIENT_SECRET=… mvpm login' },
    { command: 'MV_CLIENT_ID=… MV_CLIENT_SECRET=… mvpm login --redirect-uri https://localhost:5001/callback' },
  ],
});

export const tokenCommand = defineCommand({
  name: 'token',
  summary: 'Write the newest refresh token to a file (for CI secret stores), never to the screen',
  description: [
    `Writes the newest refresh token of a target's state file (the one \`mvpm run --target <name>\` and \`mvpm login\`
    use) to <file> (mode 0600), never to the screen, so a CI job can store it back as its MV_REFRESH_TOKEN secret
    (see docs/ci.md). The file is written through a new temporary file (exclusive, no link followed) renamed into
    place: an existing symbolic link or directory at <file> is refused; an existing regular file is replaced. A state
    file of another server than MV_AUTH_BASE_URL (or of another MV_CLIENT_ID, when set) is refused
    (E_STATE_MISMATCH).`,
  ],
  options: {
    out: {
      type: 'string',
      valueName: '<file>',
      required: true,
      help: 'Where to write the token; it is never printed',
    },
    target: {
      type: 'string',
      valueName: '<name>',
      defaultText: 'the one target that is not a stand-in',
      help: 'The target whose token to write',
    },
    'state-file': {
      type: 'string',
      valueName: '<path>',
      defaultText: 'the one mvpm run --target <name> uses',
      help: 'The state file to read',
    },
  },
  exitCodes: [
    [0, 'written'],
    [
      2,
      `bad usage (no --out, a link or directory at <file>: E_BAD_OPTION), a damaged state file (E_STATE_FILE), no usable
      refresh token (E_NO_REFRESH_TOKEN), or a state file of another server (E_STATE_MISMATCH)`,
    ],
  ],
  examples: [
    { command: 'mvpm token --out refresh-token.txt' },
    {
      command:
        'mvpm token --out refresh-token.txt && gh secret set MV_REFRESH_TOKEN < refresh-token.txt ' +
        '&& rm refresh-token.txt',
    },
  ],
});

export const importCommand = defineCommand({
  name: 'import',
  summary: 'Turn a Postman collection (and environment), or an OpenAPI document, into YAML specs',
  description: [
    `Turns a Postman Collection (v2.1 or v2.0, e.g. exported from the Postman app, or the v3 YAML directory
    Postman v12 keeps in a repository: postman/collections/<name>/) back into YAML specs:
    <out>/<collection>/.resources/definition.yaml, a directory per folder and a <Name>.request.yaml per request,
    JSON Schemas of generated schema checks in <out>/schemas/, and the environment in <out>/environments/. Scripts
    mvpm generated come back as expect, capture and autoRefresh. Other scripts are code from the collection: they
    are listed and dropped unless you pass --allow-scripts.`,
    `Names are made safe file names (renamed ones are listed); literal secrets (tokens, keys, passwords, cookies,
    client secrets) are replaced by {{variables}} declared secret and empty, and listed by name. Nothing is written
    when anything fails, and no existing file is replaced without --force.`,
    `An OpenAPI 3.0/3.1 or Swagger 2.0 document (a .yaml, .yml or .json file with a root openapi: or swagger: key)
    becomes a collection with a folder per tag and a request per operation. Importing it again keeps the specs in
    step: new operations are added, requests still as generated are updated, requests edited by hand are kept (and
    listed) unless --force, and requests whose operation left the document are listed, never deleted. With --check
    nothing is written: it lists the operations no request covers and exits 1 if there is one (see
    docs/openapi-sync.md).`,
  ],
  positionals: [
    {
      name: 'collection',
      valueName: '<collection>',
      help:
        'The exported Postman collection (.json, v2.1 or v2.0), a v3 collection directory or its ' +
        '.resources/definition.yaml, or an OpenAPI document (.yaml, .yml or .json)',
    },
  ],
  options: {
    environment: {
      type: 'string',
      valueName: '<file>',
      defaultText: 'none',
      help:
        'Also import a Postman environment (.json, or v3 <name>.environment.yaml); values typed secret are dropped ' +
        'and marked secret: true',
    },
    out: { type: 'string', valueName: '<dir>', default: 'specs', help: 'Spec directory to write into' },
    force: {
      type: 'boolean',
      help:
        'Replace existing files, and write into a non-empty collection directory; for an OpenAPI document, also ' +
        'overwrite requests edited by hand whose operation changed, and generated files edited since mvpm wrote them',
    },
    check: {
      type: 'boolean',
      help:
        'OpenAPI documents: write nothing; list the operations no request under --out covers (exit 1 if any) and ' +
        'the requests that are edited or out of date',
    },
    'base-url-variable': {
      type: 'string',
      valueName: '<name>',
      defaultText: 'recorded, else baseUrl',
      help:
        "OpenAPI documents: the variable that holds the server's URL in the generated requests; recorded in the " +
        'collection definition (`openapi.baseUrlVariable`), which later imports and --check use without the option',
    },
    'allow-scripts': {
      type: 'boolean',
      help: 'Keep raw scripts (pre-request and test code) from the collection; each is still listed: review them first',
    },
    'keep-literal': {
      type: 'string',
      valueName: '<name>',
      multiple: true,
      defaultText: 'none',
      help: 'Keep the literal value of a field or variable that looks secret, such as a public demo value',
    },
  },
  exclusive: [['check', 'force', '--check writes nothing']],
  exitCodes: [
    [0, 'imported (warnings on standard error); with --check, every operation of the document is covered'],
    [1, 'with --check: an operation of the OpenAPI document is not covered by a request'],
    [2, 'the input cannot be read or imported, files exist without --force, a link is in the way, or bad usage'],
  ],
  examples: [
    {
      command:
        'mvpm import ~/Downloads/MediaValet.postman_collection.json ' +
        '--environment ~/Downloads/staging.postman_environment.json',
    },
    { command: 'mvpm import export.json --out imported-specs' },
    {
      command:
        "mvpm import 'postman/collections/MediaValet API' " +
        "--environment 'postman/environments/MediaValet - Guide Variables.environment.yaml'",
      note: 'the v3 files of Postman v12',
    },
    { command: 'mvpm import export.json --allow-scripts --force', note: 'after reviewing the scripts it listed' },
    { command: 'mvpm import specs/openapi/petstore.yaml', note: 'an OpenAPI document; again after it changes' },
    {
      command: 'mvpm import specs/openapi/petstore.yaml --check',
      note: 'in CI: exit 1 if an operation is not covered',
    },
  ],
});

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
