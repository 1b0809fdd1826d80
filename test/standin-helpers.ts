// Shared by the tests that run against a stand-in playing MediaValet.
import { after, before } from 'node:test';
import { DEMO_CLIENT, DEMO_SUBSCRIPTION_KEY, signIn, startStandin, type StandinOptions, type StandinServer } from '../src/standin/index.ts';
import { tempProject } from './helpers.ts';

type Client = { readonly clientId: string; readonly clientSecret: string; readonly redirectUris: readonly string[] };

/** Signs in through the stand-in's pages and exchanges the code: the token response (with a fresh refresh token). */
export async function signedInTokens(server: StandinServer, client: Client = DEMO_CLIENT): Promise<{ access_token: string; refresh_token: string }> {
  const { code } = await signIn(server.url, { clientId: client.clientId });
  const response = await fetch(`${server.url}/connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: client.redirectUris[0]!, client_id: client.clientId, client_secret: client.clientSecret }),
  });
  return (await response.json()) as { access_token: string; refresh_token: string };
}

/** A new sign-in's refresh token. */
export async function signedInRefreshToken(server: StandinServer, client: Client = DEMO_CLIENT): Promise<string> {
  return (await signedInTokens(server, client)).refresh_token;
}

/** The MV_* environment of `mvpm run --target mediavalet`, pointed at the stand-in with its demo credentials. */
export function mediavaletEnv(server: StandinServer, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    MV_CLIENT_ID: DEMO_CLIENT.clientId,
    MV_CLIENT_SECRET: DEMO_CLIENT.clientSecret,
    MV_SUBSCRIPTION_KEY: DEMO_SUBSCRIPTION_KEY,
    MV_AUTH_BASE_URL: server.url,
    MV_API_BASE_URL: server.url,
    ...overrides,
  };
}

/**
 * Starts a stand-in (free port) and a temporary directory before the suite's tests and removes both after them;
 * `use` receives them for the suite's variables.
 */
export function useStandin(use: (server: StandinServer, work: { dir: string; cleanup: () => void }) => void, options: StandinOptions = {}): void {
  let started: { server: StandinServer; work: { dir: string; cleanup: () => void } } | undefined;
  before(async () => {
    started = { server: await startStandin({ port: 0, ...options }), work: tempProject({}) };
    use(started.server, started.work);
  });
  after(async () => {
    await started?.server.close();
    started?.work.cleanup();
  });
}
