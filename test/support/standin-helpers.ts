// Shared by the tests that run against a stand-in playing MediaValet.
import { after, before, type TestContext } from 'node:test';
import {
  DEMO_CLIENT,
  DEMO_SUBSCRIPTION_KEY,
  signIn,
  startStandin,
  type StandinOptions,
  type StandinServer,
} from '../../src/standin/index.ts';
import type { OpenApiDocument } from '../../src/openapi/types.ts';
import { loadStandinDocuments } from '../../src/run/standin-documents.ts';
import { PROJECT_ROOT, tempProject } from './helpers.ts';

let documents: Promise<OpenApiDocument[]> | undefined;

/**
 * The OpenAPI documents the repository's specs name, loaded once per test process. A stand-in started with them
 * (`openApi`) answers every operation of the committed MediaValet collection, as `mvpm run`'s stand-in does.
 */
export function projectDocuments(): Promise<OpenApiDocument[]> {
  documents ??= loadStandinDocuments(PROJECT_ROOT);
  return documents;
}

type Client = { readonly clientId: string; readonly clientSecret: string; readonly redirectUris: readonly string[] };

/** Signs in through the stand-in's pages and exchanges the code: the token response (with a fresh refresh token). */
export async function signedInTokens(
  server: StandinServer,
  client: Client = DEMO_CLIENT,
): Promise<{ access_token: string; refresh_token: string }> {
  const { code } = await signIn(server.url, { clientId: client.clientId });
  const response = await fetch(`${server.url}/connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: client.redirectUris[0]!,
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }),
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
 * `use` receives them for the suite's variables. The stand-in also mocks the specs' OpenAPI documents (as `mvpm run`'s
 * does), unless `projectDocuments: false`.
 */
export function useStandin(
  use: (server: StandinServer, work: { dir: string; cleanup: () => void }) => void,
  { projectDocuments: withDocuments = true, ...options }: StandinOptions & { readonly projectDocuments?: boolean } = {},
): void {
  let started: { server: StandinServer; work: { dir: string; cleanup: () => void } } | undefined;
  before(async () => {
    const openApi = withDocuments ? { openApi: await projectDocuments() } : {};
    started = { server: await startStandin({ port: 0, ...openApi, ...options }), work: tempProject({}) };
    use(started.server, started.work);
  });
  after(async () => {
    await started?.server.close();
    started?.work.cleanup();
  });
}

/** Postman's callback page: the demo client's first redirect URI. */
export const POSTMAN_CALLBACK = 'https://oauth.pstmn.io/v1/callback';
/** The demo client's credentials as token-request form fields (client_secret_post). */
export const DEMO_CLIENT_FORM = { client_id: DEMO_CLIENT.clientId, client_secret: DEMO_CLIENT.clientSecret };

/** A token-endpoint answer: status, headers and the JSON body ({} when empty). */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

/** A stand-in on a free port for one test, closed when the test ends. */
export async function standinFor(t: TestContext, options: StandinOptions = {}): Promise<StandinServer> {
  const standin = await startStandin({ port: 0, ...options });
  t.after(() => standin.close());
  return standin;
}

/** POSTs an x-www-form-urlencoded form and reads the JSON answer. */
export async function postForm(url: string, form: Record<string, string>, signal?: AbortSignal): Promise<Reply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
    ...(signal ? { signal } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

/** A refresh_token grant with the demo client. */
export function refreshWith(standin: StandinServer, refreshToken: string, signal?: AbortSignal): Promise<Reply> {
  return postForm(
    standin.endpoints.token,
    { grant_type: 'refresh_token', refresh_token: refreshToken, ...DEMO_CLIENT_FORM },
    signal,
  );
}

/**
 * The MediaValet collection's folders a token-chain test needs: the sign-in, the refresh chain, three API requests
 * and the stand-in checks. Runs of the whole collection (62 operations) are tested by run-e2e and
 * bench/mediavalet-run.mjs; tests about tokens, faults, locks and signals run these, a third of the time.
 */
export const CHAIN_FOLDERS: readonly string[] = ['Sign in', 'Refresh chain', 'API', 'Stand-in checks'];

/** CHAIN_FOLDERS as `mvpm run` arguments. */
export const CHAIN_FOLDER_ARGS: readonly string[] = CHAIN_FOLDERS.flatMap((folder) => ['--folder', folder]);
