import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PathGuardError, writeFileInside } from '../../paths/path-guard.js';
import {
  authorizeUrl,
  checkLoginState,
  checkServerUrl,
  checkStateBinding,
  codeFromRedirect,
  CREDENTIAL_VARIABLES,
  currentRefreshToken,
  defaultStatePath,
  exchangeCode,
  FILES,
  fingerprint,
  readState,
  refuseDebugOutput,
  RunError,
  saveLogin,
  stateBinding,
  stateDirectory,
  tokenEndpointOrigin,
} from '../../run/index.js';
import { EXIT, painterFor, parseCommandArgs, UsageError, type CliIo } from '../io.js';
import { runErrorExitCode } from './run.js';

export const LOGIN_HELP = `Usage: mvpm login [--redirect-uri <uri>] [--scope <scopes>] [--state-file <path>] [--allow-debug-output]

Signs in to MediaValet once, as a person, to get the first refresh token for \`mvpm run --target mediavalet\`:
prints the authorization URL, you sign in with your browser and paste back the address it ends on (within the
authorization code's 60 seconds); the code is exchanged and the refresh token saved to the state file (0600).

Reads ${CREDENTIAL_VARIABLES.clientId} and ${CREDENTIAL_VARIABLES.clientSecret} from the environment (${CREDENTIAL_VARIABLES.authBaseUrl} to use another server).

Options:
  --redirect-uri <uri>   The redirect URI registered for your client (default: MV_REDIRECT_URI, else
                         the Guide environment's redirect_URI, Postman's callback page)
  --scope <scopes>       Default: openid api offline_access
  --state-file <path>    Default: the one mvpm run --target mediavalet uses. A file kept for another
                         server or client id is refused (E_STATE_MISMATCH) before anything is sent
  --allow-debug-output   Sign in even though NODE_DEBUG, an inspector or diagnostic reports would copy
                         the client secret out of the process (refused by default: E_DEBUG_OUTPUT)
  -h, --help             Show this help

${CREDENTIAL_VARIABLES.authBaseUrl} must be an https URL (http only for localhost, 127.0.0.1, [::1]).

Exit codes: 0 signed in and the refresh token saved; 2 bad usage, missing MV_CLIENT_ID or MV_CLIENT_SECRET,
a bad MV_AUTH_BASE_URL, a state file of another server, debug output on, or the sign-in or code exchange failed.

Examples:
  MV_CLIENT_ID=… MV_CLIENT_SECRET=… mvpm login
  MV_CLIENT_ID=… MV_CLIENT_SECRET=… mvpm login --redirect-uri https://localhost:5001/callback
`;

export const TOKEN_HELP = `Usage: mvpm token --out <file> [--state-file <path>]

Writes the newest refresh token of the MediaValet state file to <file> (mode 0600), never to the screen, so a CI
job can store it back as its MV_REFRESH_TOKEN secret (see docs/ci.md). Exit 2 when there is none. An existing
symbolic link (or directory) at <file> is refused; an existing regular file is replaced.

Options:
  --out <file>          Where to write the token (required)
  --state-file <path>   Default: the one mvpm run --target mediavalet uses
  -h, --help            Show this help

Exit codes: 0 written; 2 bad usage (no --out, a link at <file>), a damaged state file (E_STATE_FILE), no usable
refresh token, or a state file of another server (E_STATE_MISMATCH).

Examples:
  mvpm token --out refresh-token.txt
  mvpm token --out refresh-token.txt && gh secret set MV_REFRESH_TOKEN < refresh-token.txt && rm refresh-token.txt
`;

/** MediaValet's auth server (checked like mvpm run checks it) and state file, as mvpm run --target mediavalet resolves them. */
function mediavaletSettings(io: CliIo, stateFileOption: string | undefined): { authBaseUrl: string; redirectUri: string; stateFile: string } {
  const guide = readGuide(io.cwd);
  const fromEnv = io.env[CREDENTIAL_VARIABLES.authBaseUrl];
  const authBaseUrl = fromEnv
    ? checkServerUrl(fromEnv, CREDENTIAL_VARIABLES.authBaseUrl)
    : checkServerUrl(guide.get('authBaseUrl') || 'https://login.mediavalet.com', `authBaseUrl in environments/${FILES.guideEnvironment} (or set ${CREDENTIAL_VARIABLES.authBaseUrl})`);
  const redirectUri = io.env['MV_REDIRECT_URI'] || guide.get('redirect_URI') || 'https://oauth.pstmn.io/v1/callback';
  const stateFile = path.resolve(io.cwd, stateFileOption ?? defaultStatePath(stateDirectory(io.env), 'mediavalet', authBaseUrl));
  return { authBaseUrl, redirectUri, stateFile };
}

function readGuide(cwd: string): Map<string, string> {
  try {
    const file = JSON.parse(readFileSync(path.join(cwd, 'environments', FILES.guideEnvironment), 'utf8')) as { values: { key: string; value: string }[] };
    return new Map(file.values.filter((v) => typeof v.value === 'string').map((v) => [v.key, v.value]));
  } catch {
    return new Map();
  }
}

export async function runLogin(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(
    argv,
    { 'redirect-uri': { type: 'string' }, scope: { type: 'string' }, 'state-file': { type: 'string' }, 'allow-debug-output': { type: 'boolean', default: false } },
    LOGIN_HELP,
    io,
  );
  if (!values) return EXIT.ok;
  const clientId = io.env[CREDENTIAL_VARIABLES.clientId];
  const clientSecret = io.env[CREDENTIAL_VARIABLES.clientSecret];
  const missing = [[CREDENTIAL_VARIABLES.clientId, clientId], [CREDENTIAL_VARIABLES.clientSecret, clientSecret]].filter(([, v]) => !v).map(([k]) => k);
  if (missing.length > 0) throw new UsageError('E_USAGE', `set ${missing.join(', ')} in the environment (values from MediaValet Support)`);
  try {
    return await signIn(io, values, clientId!, clientSecret!);
  } catch (error) {
    if (error instanceof RunError) return printRunError(io, 'login', error);
    throw error;
  }
}

async function signIn(io: CliIo, values: { 'redirect-uri'?: string; scope?: string; 'state-file'?: string; 'allow-debug-output': boolean }, clientId: string, clientSecret: string): Promise<number> {
  const out = painterFor(io.stdout, io.env);
  const settings = mediavaletSettings(io, values['state-file']);
  // Before the client secret goes anywhere: nothing may copy it out, and the state file must be this server's.
  if (!values['allow-debug-output']) refuseDebugOutput(io.env, 'sign in');
  const binding = stateBinding('mediavalet', settings.authBaseUrl, clientId);
  checkLoginState(settings.stateFile, binding);
  const redirectUri = values['redirect-uri'] ?? settings.redirectUri;
  const { url, state } = authorizeUrl({ authBaseUrl: settings.authBaseUrl, clientId, redirectUri, ...(values.scope ? { scope: values.scope } : {}) });
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
  io.stdout.write('\n');
  const code = codeFromRedirect(pasted ?? '', state);
  const tokens = await exchangeCode({ authBaseUrl: settings.authBaseUrl, clientId, clientSecret, redirectUri, code });
  await saveLogin(settings.stateFile, binding, tokens);
  io.stdout.write(
    [
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
  try {
    return writeToken(io, values.out, values['state-file']);
  } catch (error) {
    if (error instanceof RunError) return printRunError(io, 'token', error);
    throw error;
  }
}

function writeToken(io: CliIo, out: string, stateFileOption: string | undefined): number {
  const { authBaseUrl, stateFile } = mediavaletSettings(io, stateFileOption);
  const stored = readState(stateFile);
  // mvpm token sends nothing, but the token it writes becomes MV_REFRESH_TOKEN, which a run sends to its server.
  const clientId = io.env[CREDENTIAL_VARIABLES.clientId];
  if (stored) checkStateBinding(stored, { target: 'mediavalet', authBaseUrl, tokenEndpointOrigin: tokenEndpointOrigin(authBaseUrl), ...(clientId ? { clientIdFingerprint: fingerprint(clientId) } : {}) }, stateFile);
  const token = currentRefreshToken(stored);
  if (!token) throw new RunError('E_NO_REFRESH_TOKEN', `${stateFile} holds no usable refresh token: sign in with \`mvpm login\``);
  const absolute = path.resolve(io.cwd, out);
  try {
    // Through the path guard: a new temp file (O_EXCL|O_NOFOLLOW, 0600) renamed over the target, and an existing
    // link or directory at the target refused, so the token never lands where a link points.
    writeFileInside(path.dirname(absolute), path.basename(absolute), token, { mode: 0o600 });
  } catch (error) {
    if (error instanceof PathGuardError) throw new RunError('E_BAD_OPTION', `cannot write --out ${out}: ${error.message}. Choose a path that is not a link or a directory`, { cause: error });
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') throw new RunError('E_BAD_OPTION', `cannot write --out ${out} (${code})`, { cause: error });
    throw error;
  }
  io.stdout.write(`wrote the refresh token to ${out}\n`);
  return EXIT.ok;
}

function printRunError(io: CliIo, command: string, error: RunError): number {
  const err = painterFor(io.stderr, io.env);
  io.stderr.write(`${err.red(`mvpm ${command}: error[${error.code}]`)}: ${error.message}\n`);
  return runErrorExitCode(error);
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
