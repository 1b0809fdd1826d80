import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { authorizeUrl, codeFromRedirect, CREDENTIAL_VARIABLES, currentRefreshToken, defaultStatePath, exchangeCode, FILES, readState, RunError, saveLogin, stateDirectory } from '../../run/index.js';
import { EXIT, painterFor, parseCommandArgs, UsageError, type CliIo } from '../io.js';

export const LOGIN_HELP = `Usage: mvpm login [--redirect-uri <uri>] [--scope <scopes>] [--state-file <path>]

Signs in to MediaValet once, as a person, to get the first refresh token for \`mvpm run --target mediavalet\`:
prints the authorization URL, you sign in with your browser and paste back the address it ends on (within the
authorization code's 60 seconds); the code is exchanged and the refresh token saved to the state file (0600).

Reads ${CREDENTIAL_VARIABLES.clientId} and ${CREDENTIAL_VARIABLES.clientSecret} from the environment (${CREDENTIAL_VARIABLES.authBaseUrl} to use another server).

Options:
  --redirect-uri <uri>   The redirect URI registered for your client (default: MV_REDIRECT_URI, else
                         the Guide environment's redirect_URI, Postman's callback page)
  --scope <scopes>       Default: openid api offline_access
  --state-file <path>    Default: the one mvpm run --target mediavalet uses
  -h, --help             Show this help

Exit codes: 0 signed in and the refresh token saved; 2 bad usage, missing MV_CLIENT_ID or MV_CLIENT_SECRET,
or the sign-in or code exchange failed.

Examples:
  MV_CLIENT_ID=… MV_CLIENT_SECRET=… mvpm login
  MV_CLIENT_ID=… MV_CLIENT_SECRET=… mvpm login --redirect-uri https://localhost:5001/callback
`;

export const TOKEN_HELP = `Usage: mvpm token --out <file> [--state-file <path>]

Writes the newest refresh token of the MediaValet state file to <file> (mode 0600), never to the screen, so a CI
job can store it back as its MV_REFRESH_TOKEN secret (see docs/ci.md). Exit 2 when there is none.

Options:
  --out <file>          Where to write the token (required)
  --state-file <path>   Default: the one mvpm run --target mediavalet uses
  -h, --help            Show this help

Exit codes: 0 written; 2 bad usage (no --out) or no usable refresh token in the state file.

Examples:
  mvpm token --out refresh-token.txt
  mvpm token --out refresh-token.txt && gh secret set MV_REFRESH_TOKEN < refresh-token.txt && rm refresh-token.txt
`;

/** MediaValet's auth server and state file, as mvpm run --target mediavalet resolves them. */
function mediavaletSettings(io: CliIo, stateFileOption: string | undefined): { authBaseUrl: string; redirectUri: string; stateFile: string } {
  const guide = readGuide(io.cwd);
  const authBaseUrl = (io.env[CREDENTIAL_VARIABLES.authBaseUrl] || guide.get('authBaseUrl') || 'https://login.mediavalet.com').replace(/\/+$/, '');
  const redirectUri = io.env['MV_REDIRECT_URI'] || guide.get('redirect_URI') || 'https://oauth.pstmn.io/v1/callback';
  const stateFile = path.resolve(io.cwd, stateFileOption ?? defaultStatePath(stateDirectory(io.env), 'mediavalet', authBaseUrl));
  return { authBaseUrl, redirectUri, stateFile };
}

function readGuide(cwd: string): Map<string, string> {
  try {
    const file = JSON.parse(readFileSync(path.join(cwd, 'environments', FILES.guideEnvironment), 'utf8')) as { values: { key: string; value: string }[] };
    return new Map(file.values.map((v) => [v.key, v.value]));
  } catch {
    return new Map();
  }
}

export async function runLogin(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(argv, { 'redirect-uri': { type: 'string' }, scope: { type: 'string' }, 'state-file': { type: 'string' } }, LOGIN_HELP, io);
  if (!values) return EXIT.ok;
  const out = painterFor(io.stdout, io.env);
  const err = painterFor(io.stderr, io.env);
  const clientId = io.env[CREDENTIAL_VARIABLES.clientId];
  const clientSecret = io.env[CREDENTIAL_VARIABLES.clientSecret];
  const missing = [[CREDENTIAL_VARIABLES.clientId, clientId], [CREDENTIAL_VARIABLES.clientSecret, clientSecret]].filter(([, v]) => !v).map(([k]) => k);
  if (missing.length > 0) throw new UsageError('E_USAGE', `set ${missing.join(', ')} in the environment (values from MediaValet Support)`);
  const settings = mediavaletSettings(io, values['state-file']);
  const redirectUri = values['redirect-uri'] ?? settings.redirectUri;
  const { url, state } = authorizeUrl({ authBaseUrl: settings.authBaseUrl, clientId: clientId!, redirectUri, ...(values.scope ? { scope: values.scope } : {}) });
  io.stdout.write(
    [
      `1. Open this address in a browser and sign in with your MediaValet library account:`,
      '',
      `   ${url}`,
      '',
      `2. The browser ends on ${redirectUri}?code=… (the page itself may show nothing useful).`,
      '   Copy that whole address from the address bar and paste it here at once (the code lives 60 seconds):',
      '',
      '> ',
    ].join('\n'),
  );
  const pasted = await readLine(io.stdin ?? process.stdin);
  try {
    const code = codeFromRedirect(pasted ?? '', state);
    const tokens = await exchangeCode({ authBaseUrl: settings.authBaseUrl, clientId: clientId!, clientSecret: clientSecret!, redirectUri, code });
    await saveLogin(settings.stateFile, 'mediavalet', settings.authBaseUrl, tokens);
  } catch (error) {
    if (error instanceof RunError) {
      io.stderr.write(`\n${err.red(`mvpm login: error[${error.code}]`)}: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  io.stdout.write(
    [
      '',
      `${out.green('Signed in.')} The refresh token is saved in ${settings.stateFile} (readable by you only).`,
      '',
      'Next:',
      '  mvpm run --target mediavalet        # uses the saved token and keeps the rotated ones',
      'For CI, store it as the MV_REFRESH_TOKEN secret without printing it:',
      '  mvpm token --out refresh-token.txt && gh secret set MV_REFRESH_TOKEN < refresh-token.txt && rm refresh-token.txt',
      '(docs/ci.md shows how a CI job writes the rotated token back after each run.)',
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

export async function runToken(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(argv, { out: { type: 'string' }, 'state-file': { type: 'string' } }, TOKEN_HELP, io);
  if (!values) return EXIT.ok;
  if (!values.out) throw new UsageError('E_USAGE', `--out <file> is required: the token is never printed\n\n${TOKEN_HELP}`);
  const { stateFile } = mediavaletSettings(io, values['state-file']);
  const token = currentRefreshToken(readState(stateFile));
  const err = painterFor(io.stderr, io.env);
  if (!token) {
    io.stderr.write(`${err.red('mvpm token: error[E_NO_REFRESH_TOKEN]')}: ${stateFile} holds no usable refresh token: sign in with \`mvpm login\`\n`);
    return EXIT.usage;
  }
  const { default: writeFileAtomic } = await import('write-file-atomic');
  writeFileAtomic.sync(path.resolve(io.cwd, values.out), token, { mode: 0o600 });
  io.stdout.write(`wrote the refresh token to ${values.out}\n`);
  return EXIT.ok;
}

function readLine(stream: NodeJS.ReadableStream): Promise<string | undefined> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: stream, terminal: false });
    let done = false;
    const finish = (value: string | undefined): void => {
      if (done) return;
      done = true;
      lines.close();
      resolve(value);
    };
    lines.once('line', finish);
    lines.once('close', () => finish(undefined));
  });
}
