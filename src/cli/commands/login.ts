import path from 'node:path';
import { createInterface } from 'node:readline';
import { PathGuardError, writeFileInside } from '../../paths/path-guard.js';
import { variableNames } from '../../spec/variables.js';
import {
  authorizeUrl,
  checkLoginState,
  checkStateBinding,
  codeFromRedirect,
  currentRefreshToken,
  environmentValues,
  exchangeCode,
  fillTemplate,
  fingerprint,
  loadProjectModel,
  processVariableOf,
  readJson,
  readState,
  refuseDebugOutput,
  resolveTarget,
  RunError,
  saveLogin,
  stateBinding,
  stateDirectory,
  targetEnvironment,
  targetServer,
  tokenEndpointOrigin,
  type EnvFile,
  type TargetPlan,
  type TargetServer,
} from '../../run/index.js';
import type { ParsedArgs } from '../command.js';
import type { loginCommand, tokenCommand } from '../declarations.js';
import { EXIT, painterFor, UsageError, type CliIo } from '../io.js';

/** A target as \`mvpm run --target\` resolves it: its plan, its environment's values and its token server. */
interface TargetSettings {
  readonly plan: TargetPlan;
  readonly values: Map<string, string>;
  readonly server: TargetServer;
}

async function targetSettings(
  io: CliIo,
  target: string | undefined,
  stateFileOption: string | undefined,
): Promise<TargetSettings> {
  const plan = resolveTarget(await loadProjectModel(io.cwd), target, 'sign-in');
  const fileName = path.join('environments', plan.environmentFile);
  const file = readJson<EnvFile>(path.join(io.cwd, fileName));
  // Only what signing in needs is required here (the client id and secret, checked below); the rest is for runs.
  const environment = targetEnvironment(plan, file, io.env, {
    fileName,
    optional: plan.environment.secrets.map((s) => s.variable),
  });
  const values = environmentValues(environment);
  const server = targetServer(plan, values, stateDirectory(io.env), { cwd: io.cwd, stateFile: stateFileOption });
  if (!server)
    throw new RunError(
      'E_LOGIN',
      `no collection that runs on \`${plan.name}\` uses tokens (\`autoRefresh\` or OAuth 2.0 auth): there is ` +
        `nothing to sign in to`,
    );
  return { plan, values, server };
}

/** `template` filled in from the environment, or a usage error naming the MV_ variables to set. */
function required(settings: TargetSettings, templates: readonly (string | undefined)[], what: string): string[] {
  const missing = new Set<string>();
  const filled = templates.map((template) => {
    const result = fillTemplate(template ?? '', settings.values);
    if ('value' in result && result.value !== '') return result.value;
    for (const variable of 'missing' in result ? result.missing : [])
      missing.add(
        processVariableOf(settings.plan, variable) ?? `${variable} (in the environment of ${settings.plan.name})`,
      );
    return '';
  });
  if (missing.size > 0) throw new UsageError('E_USAGE', `set ${[...missing].join(', ')} in the environment (${what})`);
  return filled;
}

/** `mvpm login`: the options come parsed and checked by its declaration (declarations.ts). */
export async function runLogin({ values }: ParsedArgs<typeof loginCommand>, io: CliIo): Promise<number> {
  return signIn(io, values);
}

async function signIn(io: CliIo, values: ParsedArgs<typeof loginCommand>['values']): Promise<number> {
  const out = painterFor(io.stdout, io.env);
  const settings = await targetSettings(io, values.target, values['state-file']);
  const { plan, server } = settings;
  const oauth2 = plan.oauth2?.auth?.type === 'oauth2' ? plan.oauth2.auth.credentials : undefined;
  if (!oauth2?.authUrl)
    throw new RunError(
      'E_LOGIN',
      `no collection that runs on \`${plan.name}\` has OAuth 2.0 auth with an \`authUrl\`: mvpm login signs in with ` +
        `those settings`,
    );
  const [clientId, clientSecret] = required(
    settings,
    [oauth2.clientId ?? plan.autoRefresh?.clientId, oauth2.clientSecret ?? plan.autoRefresh?.clientSecret],
    'the client id and secret to sign in with',
  );
  const [authorizeEndpoint] = required(settings, [oauth2.authUrl], 'the authorization endpoint');
  const credentialSources =
    [oauth2.clientId, oauth2.clientSecret].flatMap((t) => fillTemplateSources(settings, t)).join(' and ') || undefined;
  // Before the client secret goes anywhere: nothing may copy it out, and the state file must be this server's.
  if (!values['allow-debug-output']) refuseDebugOutput(io.env, 'sign in');
  const binding = stateBinding(plan.name, server.authBaseUrl, clientId!);
  checkLoginState(server.stateFile, binding);
  const redirectUri =
    values['redirect-uri'] ??
    (oauth2.redirect_uri ? optionalFill(settings, oauth2.redirect_uri) : undefined) ??
    'https://oauth.pstmn.io/v1/callback';
  const scope = values.scope ?? (oauth2.scope ? optionalFill(settings, oauth2.scope) : undefined);
  const { url, state } = authorizeUrl({
    authorizeEndpoint: authorizeEndpoint!,
    clientId: clientId!,
    redirectUri,
    ...(scope ? { scope } : {}),
  });
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
  const tokens = await exchangeCode({
    tokenUrl: server.tokenUrl,
    clientId: clientId!,
    clientSecret: clientSecret!,
    redirectUri,
    code,
    ...(credentialSources ? { credentialSources } : {}),
  });
  await saveLogin(server.stateFile, binding, tokens);
  io.stdout.write(
    [
      `${out.green('Signed in.')} The refresh token is saved in ${server.stateFile} (readable by you only).`,
      '',
      'Next:',
      `  mvpm run --target ${plan.name}        # uses the saved token and keeps the rotated ones`,
      `For CI, store it as the ${server.refreshTokenProcessVariable ?? 'refresh token'} secret without printing it:`,
      `  mvpm token --out refresh-token.txt && gh secret set ` +
        `${server.refreshTokenProcessVariable ?? 'MV_REFRESH_TOKEN'} < refresh-token.txt && rm refresh-token.txt`,
      '(docs/ci.md shows how a CI job writes the rotated token back after each run.)',
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

/** `mvpm token`: the options come parsed and checked by its declaration (declarations.ts); --out is required. */
export async function runToken({ values }: ParsedArgs<typeof tokenCommand>, io: CliIo): Promise<number> {
  return writeToken(io, values.out, values.target, values['state-file']);
}

async function writeToken(
  io: CliIo,
  out: string,
  target: string | undefined,
  stateFileOption: string | undefined,
): Promise<number> {
  const settings = await targetSettings(io, target, stateFileOption);
  const { authBaseUrl, stateFile } = settings.server;
  const stored = readState(stateFile);
  // mvpm token sends nothing, but the token it writes becomes MV_REFRESH_TOKEN, which a run sends to its server.
  const clientIdTemplate =
    settings.plan.autoRefresh?.clientId ??
    (settings.plan.oauth2?.auth?.type === 'oauth2' ? settings.plan.oauth2.auth.credentials.clientId : undefined);
  const clientId = clientIdTemplate ? optionalFill(settings, clientIdTemplate) : undefined;
  if (stored)
    checkStateBinding(
      stored,
      {
        target: settings.plan.name,
        authBaseUrl,
        tokenEndpointOrigin: tokenEndpointOrigin(authBaseUrl),
        ...(clientId ? { clientIdFingerprint: fingerprint(clientId) } : {}),
      },
      stateFile,
    );
  const token = currentRefreshToken(stored);
  if (!token)
    throw new RunError('E_NO_REFRESH_TOKEN', `${stateFile} holds no usable refresh token: sign in with \`mvpm login\``);
  const absolute = path.resolve(io.cwd, out);
  try {
    // Through the path guard: a new temp file (O_EXCL|O_NOFOLLOW, 0600) renamed over the target, and an existing
    // link or directory at the target refused, so the token never lands where a link points.
    writeFileInside(path.dirname(absolute), path.basename(absolute), token, { mode: 0o600 });
  } catch (error) {
    if (error instanceof PathGuardError)
      throw new RunError(
        'E_BAD_OPTION',
        `cannot write --out ${out}: ${error.message}. Choose a path that is not a link or a directory`,
        { cause: error },
      );
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string')
      throw new RunError('E_BAD_OPTION', `cannot write --out ${out} (${code})`, { cause: error });
    throw error;
  }
  io.stdout.write(`wrote the refresh token to ${out}\n`);
  return EXIT.ok;
}

/** `template` filled in, or undefined when a variable in it has no value. */
function optionalFill(settings: TargetSettings, template: string): string | undefined {
  const result = fillTemplate(template, settings.values);
  return 'value' in result && result.value !== '' ? result.value : undefined;
}

/** The MV_ variables a template's values come from, for hints. */
function fillTemplateSources(settings: TargetSettings, template: string | undefined): string[] {
  return variableNames(template ?? '').flatMap((variable) => {
    const name = processVariableOf(settings.plan, variable);
    return name ? [name] : [];
  });
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
