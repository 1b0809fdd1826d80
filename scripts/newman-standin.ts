// `npm run newman:standin -- [--base-url <url>]`: the committed collections under plain Newman (the newman CLI
// from node_modules, not mvpm's runner), against a stand-in that is already running on any port. It runs the
// sign-in collection, then at once the main collection with the environment the sign-in exported: that
// environment holds an authorization code that the stand-in accepts for 60 seconds only, so two commands typed by
// hand fail (invalid_grant, then every request after it) when more than a minute passes between them.
//
// An npm script rather than an `mvpm` command, because the point is to show the files working without mvpm:
// what it runs is printed as the two `newman run` commands, and could be typed as they are.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeDirsInside, PathGuardError, resolveInside } from '../src/paths/path-guard.ts';

const HELP = `Usage: npm run newman:standin -- [--base-url <url>]

Runs the stand-in sign-in collection and then the MediaValet collection under plain newman, back to back,
against a stand-in that is already running (node bin/mvpm.js serve --port <n> &). The environments newman
exports go to .mvpm/newman/ (git-ignored): signed-in.postman_environment.json after the sign-in (it holds an
authorization code that expires 60 seconds after the sign-in), after-run.postman_environment.json at the end.

Options:
  --base-url <url>   The running stand-in (default: http://127.0.0.1:4010)
  -h, --help         Show this help

Exit codes: 0 both collections passed; 1 a collection failed; 2 bad usage, nothing (or not the stand-in)
answering at the URL, or newman or a collection file missing.
`;

const SIGN_IN = 'collections/standin-sign-in.postman_collection.json';
const MAIN = 'collections/mediavalet.postman_collection.json';
const ENVIRONMENT = 'environments/local-standin.postman_environment.json';
const OUT_DIR = '.mvpm/newman';
const SIGNED_IN = `${OUT_DIR}/signed-in.postman_environment.json`;
const AFTER_RUN = `${OUT_DIR}/after-run.postman_environment.json`;

class Stop extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** The base URL as an origin, or why it cannot be the stand-in (it answers only on this machine, at its root). */
function standinOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Stop(`--base-url '${text}' is not a URL; expected e.g. http://127.0.0.1:4010`, 2);
  }
  if (url.protocol !== 'http:')
    throw new Stop(`--base-url '${text}': the stand-in speaks http, not ${url.protocol.slice(0, -1)}`, 2);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    throw new Stop(
      `--base-url '${text}': the stand-in answers only on this machine (127.0.0.1, localhost or [::1])`,
      2,
    );
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    throw new Stop(`--base-url '${text}': give only the origin, e.g. http://127.0.0.1:4010`, 2);
  return url.origin;
}

/**
 * Fails unless the stand-in answers at `origin`: nothing there is the usual mistake, and newman would report it 30
 * times.
 */
async function checkStandin(origin: string): Promise<void> {
  const start = `start it first: node bin/mvpm.js serve --port ${new URL(origin).port || '80'} &`;
  let response: Response;
  try {
    response = await fetch(`${origin}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: unknown } }).cause?.code;
    throw new Stop(
      `nothing answers at ${origin}${typeof cause === 'string' ? ` (${cause})` : ''}: is the stand-in running? ` +
        `${start}`,
      2,
    );
  }
  const discovery = (await response.json().catch(() => undefined)) as { token_endpoint?: unknown } | undefined;
  if (
    !response.ok ||
    typeof discovery?.token_endpoint !== 'string' ||
    !discovery.token_endpoint.endsWith('/connect/token')
  ) {
    throw new Stop(
      `${origin} answers, but not as the stand-in (GET /.well-known/openid-configuration: ${response.status}); ` +
        `${start}`,
      2,
    );
  }
}

/** One `newman run`, shown as it could be typed, with newman's own output. Returns newman's exit code. */
function newman(root: string, newmanBin: string, args: readonly string[]): number {
  process.stdout.write(`\n$ newman ${args.map((a) => (/^[\w./:=@-]+$/.test(a) ? a : `'${a}'`)).join(' ')}\n`);
  const result = spawnSync(process.execPath, [newmanBin, ...args], { cwd: root, stdio: 'inherit' });
  if (result.error) throw new Stop(`could not start newman: ${result.error.message}`, 2);
  return result.status ?? 1;
}

async function main(argv: readonly string[]): Promise<number> {
  let values: { 'base-url': string; help: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'base-url': { type: 'string', default: 'http://127.0.0.1:4010' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new Stop(`${(error as Error).message}\n\n${HELP}`, 2);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const root = process.cwd();
  const origin = standinOrigin(values['base-url']);
  const missing = [SIGN_IN, MAIN, ENVIRONMENT].filter((file) => !existsSync(path.join(root, file)));
  if (missing.length > 0)
    throw new Stop(
      `${missing.join(', ')} not found in ${root}: run this in the repository root (npx mvpm build writes them)`,
      2,
    );
  let newmanBin: string;
  try {
    newmanBin = createRequire(import.meta.url).resolve('newman/bin/newman.js');
  } catch {
    throw new Stop('newman is not installed: run npm ci first', 2);
  }
  await checkStandin(origin);
  try {
    makeDirsInside(root, OUT_DIR);
    resolveInside(root, SIGNED_IN);
    resolveInside(root, AFTER_RUN);
  } catch (error) {
    if (error instanceof PathGuardError) throw new Stop(`cannot write the exported environments: ${error.message}`, 2);
    throw error;
  }
  // The committed environment points at port 4010; --env-var points it (and the exports) at the stand-in in use.
  const at = ['--env-var', `authBaseUrl=${origin}`, '--env-var', `apiBaseUrl=${origin}`];
  const signIn = newman(root, newmanBin, ['run', SIGN_IN, '-e', ENVIRONMENT, ...at, '--export-environment', SIGNED_IN]);
  if (signIn !== 0)
    throw new Stop(`the sign-in collection failed (newman exit ${signIn}), so the main collection was not run`, 1);
  const run = newman(root, newmanBin, ['run', MAIN, '-e', SIGNED_IN, ...at, '--export-environment', AFTER_RUN]);
  if (run !== 0)
    throw new Stop(
      `the main collection failed (newman exit ${run}); the environments it ran with are in ${OUT_DIR}/`,
      1,
    );
  process.stdout.write(
    `\nnewman:standin: both collections passed against ${origin}; exported environments are in ${OUT_DIR}/ ` +
      `(git-ignored)\n`,
  );
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof Stop)) throw error;
  process.stderr.write(`newman:standin: ${error.message}\n`);
  process.exitCode = error.exitCode;
}
