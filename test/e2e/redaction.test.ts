// Redaction: secrets planted in the credentials, and the tokens the run receives, never appear in the console
// output, the JUnit or HTML reports, error messages, or a tracked file — raw, URL-encoded, JSON-escaped or inside
// base64 `id:secret` Basic credentials.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildProject } from '../../src/emit/build-project.ts';
import { writeOutputs } from '../../src/emit/write-outputs.ts';
import { readState } from '../../src/run/state-file.ts';
import { startStandin, type StandinServer } from '../../src/standin/index.ts';
import { PROJECT_ROOT, runCli, tempProject } from '../support/helpers.ts';
import { withRunner } from '../support/runner.ts';
import { signedInTokens, projectDocuments } from '../support/standin-helpers.ts';

const CLIENT = {
  name: 'Planted client',
  clientId: 'planted-client-id',
  clientSecret: 'Pl@nted/Client+Secret=&"7c1e',
  redirectUris: ['https://oauth.pstmn.io/v1/callback'],
};
const SUBSCRIPTION_KEY = 'planted subscription/key+9f2a';
let server: StandinServer;
let work: { dir: string; cleanup: () => void };

async function refreshToken(): Promise<string> {
  return (await signedInTokens(server, CLIENT)).refresh_token;
}

/** Every form a secret can take in an output. */
function forms(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(`${CLIENT.clientId}:${secret}`).toString('base64'),
    Buffer.from(`${encodeURIComponent(CLIENT.clientId)}:${encodeURIComponent(secret)}`).toString('base64'),
  ];
}

function scan(outputs: Record<string, string>, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [where, text] of Object.entries(outputs)) {
    // Also with any percent-encoding undone, and `+` read as a space: a resolved variable in a URL is partly encoded.
    const decoded = text.replace(/%[0-9A-Fa-f]{2}/g, (m) => String.fromCharCode(parseInt(m.slice(1), 16)));
    const variants = [text, decoded, decoded.replace(/\+/g, ' ')];
    for (const [name, secret] of Object.entries(secrets)) {
      if (forms(secret).some((form) => variants.some((v) => v.includes(form)))) found.push(`${name} in ${where}`);
    }
  }
  return found;
}

async function buildWithKeyInUrl(): Promise<string> {
  const dir = path.join(work.dir, 'key-in-url');
  cpSync(path.join(PROJECT_ROOT, 'specs'), path.join(dir, 'specs'), { recursive: true });
  const spec = path.join(dir, 'specs/mediavalet/API/Get current user.request.yaml');
  writeFileSync(
    spec,
    readFileSync(spec, 'utf8').replace(
      'url: "{{apiBaseUrl}}/users/current"',
      'url: "{{apiBaseUrl}}/users/current"\nquery:\n  subscription-key: "{{SubscriptionKey}}"',
    ),
  );
  const build = await buildProject({ cwd: dir });
  assert.deepEqual(build.errors, []);
  writeOutputs(build);
  return dir;
}

describe('redaction', () => {
  before(async () => {
    server = await startStandin({
      port: 0,
      client: CLIENT,
      subscriptionKeys: [SUBSCRIPTION_KEY],
      openApi: await projectDocuments(),
    });
    work = tempProject({});
  });
  after(async () => {
    await server.close();
    work.cleanup();
  });

  for (const scenario of ['passing', 'failing', 'key-in-url'] as const) {
    test(`a ${scenario} run with every reporter shows none of the planted secrets or received tokens`, async () => {
      const reportsDir = path.join(work.dir, `reports-${scenario}`);
      const stateFile = path.join(work.dir, `state-${scenario}.json`);
      const firstRefresh = await refreshToken();
      const env = {
        MV_CLIENT_ID: CLIENT.clientId,
        MV_CLIENT_SECRET: CLIENT.clientSecret,
        // The failing run sends a wrong key: API Management's 401 and its explanation are printed.
        MV_SUBSCRIPTION_KEY: scenario === 'passing' ? SUBSCRIPTION_KEY : `${SUBSCRIPTION_KEY}-wrong`,
        MV_REFRESH_TOKEN: firstRefresh,
        MV_AUTH_BASE_URL: server.url,
        MV_API_BASE_URL: server.url,
      };
      const trackedBefore = execFileSync('git', ['status', '--porcelain'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
      // API Management also takes the key as a `subscription-key` query parameter: then it is in every printed URL.
      const project = scenario === 'key-in-url' ? await buildWithKeyInUrl() : PROJECT_ROOT;
      const result = await runCli(
        withRunner([
          'run',
          '--target',
          'mediavalet',
          '--reporters',
          'cli,junit,htmlextra',
          '--reports-dir',
          reportsDir,
          '--state-file',
          stateFile,
        ]),
        project,
        env,
      );
      assert.equal(result.code, scenario === 'passing' ? 0 : 1, result.stdout + result.stderr);
      const state = readState(stateFile)!;
      const outputs: Record<string, string> = { stdout: result.stdout, stderr: result.stderr };
      for (const file of readdirSync(reportsDir)) outputs[file] = readFileSync(path.join(reportsDir, file), 'utf8');
      assert.deepEqual(Object.keys(outputs).sort(), ['mediavalet.html', 'mediavalet.junit.xml', 'stderr', 'stdout']);
      const secrets = {
        clientSecret: CLIENT.clientSecret,
        subscriptionKey: env.MV_SUBSCRIPTION_KEY,
        firstRefreshToken: firstRefresh,
        rotatedRefreshToken: state.refreshToken!,
        accessToken: state.accessToken!,
      };
      assert.deepEqual(scan(outputs, secrets), []);
      // Tokens received in between (the first refresh's): random 43-character strings, none may be left anywhere.
      for (const [where, text] of Object.entries(outputs)) {
        const tokenLike = (text.match(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g) ?? []).filter(
          (m) => !m.startsWith('folder-') && /\d/.test(m) && /[a-z]/.test(m) && /[A-Z]/.test(m),
        );
        assert.deepEqual(tokenLike, [], where);
      }
      assert.equal(
        execFileSync('git', ['status', '--porcelain'], { cwd: PROJECT_ROOT, encoding: 'utf8' }),
        trackedBefore,
        'no tracked file changed',
      );
    });
  }
});
