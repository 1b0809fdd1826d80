// A token belongs to one server. The state file records the target, the token endpoint's origin and the client
// id's fingerprint; a run, a sign-in or `mvpm token` whose server or client differs sends nothing
// (E_STATE_MISMATCH). MV_AUTH_BASE_URL / MV_API_BASE_URL must be https URLs (http only on this machine). A state
// file with a field of the wrong type is a clear E_STATE_FILE naming the field, never its value, and
// `mvpm token --out` never writes through a link.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { runMain } from '../../src/cli/main.ts';
import { RunError } from '../../src/run/errors.ts';
import { runSuite } from '../../src/run/run-suite.ts';
import { stateBinding } from '../../src/run/state-binding.ts';
import { emptyState, fingerprint, readState, writeState } from '../../src/run/state-file.ts';
import { DEMO_CLIENT, type StandinServer } from '../../src/standin/index.ts';
import { PROJECT_ROOT, runCli, tempProject } from '../support/helpers.ts';
import { mediavaletEnv, signedInRefreshToken, useStandin } from '../support/standin-helpers.ts';
import { RUNNER_OPTION, withRunner } from '../support/runner.ts';

let server: StandinServer;
let work: { dir: string; cleanup: () => void };
let n = 0;
const NOW = new Date('2026-11-25T12:00:00Z');
const sent = (): number => server.counters.tokenRequests + server.counters.apiRequests;
const nextFile = (): string => path.join(work.dir, `state-${++n}.json`);

/** A state file as mvpm writes it, holding a live refresh token of the stand-in. */
async function stateFor(
  authBaseUrl: string,
  overrides: Record<string, unknown> = {},
): Promise<{ file: string; token: string; text: string }> {
  const token = await signedInRefreshToken(server);
  const file = nextFile();
  writeState(file, {
    ...emptyState(stateBinding('mediavalet', authBaseUrl, DEMO_CLIENT.clientId), NOW),
    refreshToken: token,
    ...overrides,
  } as never);
  return { file, token, text: readFileSync(file, 'utf8') };
}

function isMismatch(...patterns: RegExp[]) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof RunError && error.code === 'E_STATE_MISMATCH', String(error));
    for (const p of patterns) assert.match(error.message, p);
    assert.ok(!error.message.includes(DEMO_CLIENT.clientId) && !error.message.includes(DEMO_CLIENT.clientSecret));
    return true;
  };
}

describe('a token belongs to one server', () => {
  useStandin((s, w) => ([server, work] = [s, w]));

  test(
    'a state file recorded for login.mediavalet.com is refused with ' +
      'the stand-in as MV_AUTH_BASE_URL: nothing sent, nothing saved',
    async () => {
      const { file, token, text } = await stateFor('https://login.mediavalet.com');
      const before = sent();
      await assert.rejects(
        runSuite({
          ...RUNNER_OPTION,
          target: 'mediavalet',
          env: mediavaletEnv(server),
          stateFile: file,
          cwd: PROJECT_ROOT,
          reporters: [],
        }),
        isMismatch(
          new RegExp(
            /its tokens were issued by https:\/\/login\.mediavalet\.com, and this would send them /.source +
              /to http:\/\/127\.0\.0\.1:\d+/.source,
          ),
          /Nothing was sent/,
        ),
      );
      assert.equal(sent(), before);
      assert.equal(readFileSync(file, 'utf8'), text);
      assert.ok(text.includes(token));
    },
  );

  test('another client id or target is refused too, without naming the client id', async () => {
    const other = await stateFor(server.url, { clientIdFingerprint: fingerprint('someone-else') });
    const standin = await stateFor(server.url, { target: 'standin' });
    const before = sent();
    await assert.rejects(
      runSuite({
        ...RUNNER_OPTION,
        target: 'mediavalet',
        env: mediavaletEnv(server),
        stateFile: other.file,
        cwd: PROJECT_ROOT,
        reporters: [],
      }),
      isMismatch(/another client id than MV_CLIENT_ID/),
    );
    await assert.rejects(
      runSuite({
        ...RUNNER_OPTION,
        target: 'mediavalet',
        env: mediavaletEnv(server),
        stateFile: standin.file,
        cwd: PROJECT_ROOT,
        reporters: [],
      }),
      isMismatch(/belongs to the standin target, and this is mediavalet/),
    );
    assert.equal(sent(), before);
  });

  test('a version 1 file is adopted only when its server is this one, and then records the binding', async () => {
    const legacy = (authBaseUrl: string, token: string): string => {
      const file = nextFile();
      writeFileSync(
        file,
        JSON.stringify({
          version: 1,
          target: 'mediavalet',
          authBaseUrl,
          refreshToken: token,
          spent: [],
          updatedAt: NOW.toISOString(),
        }),
      );
      return file;
    };
    const elsewhere = legacy('https://login.mediavalet.com', await signedInRefreshToken(server));
    const before = sent();
    await assert.rejects(
      runSuite({
        ...RUNNER_OPTION,
        target: 'mediavalet',
        env: mediavaletEnv(server),
        stateFile: elsewhere,
        cwd: PROJECT_ROOT,
        reporters: [],
      }),
      isMismatch(/issued by https:\/\/login\.mediavalet\.com/),
    );
    assert.equal(sent(), before);

    const here = legacy(server.url, await signedInRefreshToken(server));
    const result = await runSuite({
      ...RUNNER_OPTION,
      target: 'mediavalet',
      env: mediavaletEnv(server),
      stateFile: here,
      cwd: PROJECT_ROOT,
      reporters: [],
      folders: ['Refresh chain'],
    });
    assert.equal(result.ok, true, JSON.stringify(result));
    const state = readState(here)!;
    assert.equal(state.version, 3);
    assert.ok(
      state.version === 3 &&
        state.tokenEndpointOrigin === new URL(server.url).origin &&
        state.clientIdFingerprint === fingerprint(DEMO_CLIENT.clientId),
    );
  });

  test(
    'MV_AUTH_BASE_URL and MV_API_BASE_URL must be https (http only on this machine): ' +
      'exit 2 naming the variable, never the value',
    async () => {
      const stateHome = path.join(work.dir, 'urls');
      for (const name of ['MV_AUTH_BASE_URL', 'MV_API_BASE_URL']) {
        for (const value of [
          'not a url',
          'http://login.example.com',
          'ftp://127.0.0.1',
          'https://someone:pw-7f3a@login.example.com',
          'https://login.example.com/?tenant=pw-7f3a',
          'http://127.0.0.1.example.com',
        ]) {
          const result = await runCli(withRunner(['run', '--target', 'mediavalet']), PROJECT_ROOT, {
            ...mediavaletEnv(server),
            [name]: value,
            XDG_STATE_HOME: stateHome,
          });
          assert.equal(result.code, 2, `${name}=${value}: ${result.stderr}`);
          assert.match(
            result.stderr,
            new RegExp(`^mvpm run: error\\[E_BAD_URL\\]: ${name} (is not a URL|must be)`),
            `${name}=${value}`,
          );
          assert.ok(!result.stderr.includes('pw-7f3a') && !result.stderr.includes('login.example'), result.stderr);
          assert.doesNotMatch(result.stderr, /\n\s+at /);
        }
      }
      // Loopback http is accepted: these runs go on to the next check (no refresh token yet).
      for (const value of ['http://localhost:9', 'http://127.0.0.2:9', 'http://[::1]:9/']) {
        const result = await runCli(withRunner(['run', '--target', 'mediavalet']), PROJECT_ROOT, {
          ...mediavaletEnv(server),
          MV_AUTH_BASE_URL: value,
          MV_API_BASE_URL: value,
          XDG_STATE_HOME: stateHome,
        });
        assert.match(result.stderr, /error\[E_NO_REFRESH_TOKEN\]/, value);
      }
      for (const command of [['login'], ['token', '--out', path.join(work.dir, 'never.txt')]]) {
        const result = await runCli(command, PROJECT_ROOT, {
          ...mediavaletEnv(server),
          MV_AUTH_BASE_URL: 'not a url',
          XDG_STATE_HOME: stateHome,
        });
        assert.equal(result.code, 2, result.stderr);
        assert.match(
          result.stderr,
          new RegExp(`^mvpm ${command[0]}: error\\[E_BAD_URL\\]: MV_AUTH_BASE_URL is not a URL`),
        );
      }
      assert.equal(existsSync(path.join(work.dir, 'never.txt')), false);
      // The stand-in's --base-url may be any http(s) address, but it must be one.
      const baseUrl = await runCli(withRunner(['run', '--base-url', 'not a url', '--reporters', 'cli']), PROJECT_ROOT, {
        XDG_STATE_HOME: stateHome,
      });
      assert.equal(baseUrl.code, 2);
      assert.match(
        baseUrl.stderr,
        /^mvpm run: error\[E_BAD_OPTION\]: --base-url must be the http\(s\) address of a running stand-in/,
      );
    },
  );

  test(
    'a Guide environment (built from specs) that points ' + 'the credentials at a plain-http server is refused',
    async () => {
      const project = tempProject({});
      try {
        for (const dir of ['specs', 'collections', 'environments'])
          cpSync(path.join(PROJECT_ROOT, dir), path.join(project.dir, dir), { recursive: true });
        const file = path.join(project.dir, 'environments/guide-variables.postman_environment.json');
        writeFileSync(
          file,
          readFileSync(file, 'utf8').replace('https://login.mediavalet.com', 'http://login.mediavalet.com.example'),
        );
        const { MV_AUTH_BASE_URL: _a, MV_API_BASE_URL: _b, ...env } = mediavaletEnv(server);
        await assert.rejects(
          runSuite({
            ...RUNNER_OPTION,
            target: 'mediavalet',
            env,
            stateFile: nextFile(),
            cwd: project.dir,
            reporters: [],
          }),
          (error: unknown) => {
            assert.ok(error instanceof RunError && error.code === 'E_BAD_URL', String(error));
            assert.match(
              error.message,
              new RegExp(
                /^authBaseUrl in environments\/guide-variables\.postman_environment\.json \(or /.source +
                  /set MV_AUTH_BASE_URL\) must be an https URL/.source,
              ),
            );
            return true;
          },
        );
      } finally {
        project.cleanup();
      }
    },
  );
});

describe('state files are read field by field', () => {
  useStandin((s, w) => ([server, work] = [s, w]));
  const TOKEN = 'rt-value-never-shown-5b9e';
  const valid = {
    ...emptyState(stateBinding('mediavalet', 'https://login.mediavalet.com', 'c'), NOW),
    refreshToken: TOKEN,
  };
  const cases: [string, unknown, RegExp][] = [
    [
      'refreshToken an object',
      { ...valid, refreshToken: { value: TOKEN } },
      /`refreshToken` must be a non-empty string/,
    ],
    ['refreshToken a number', { ...valid, refreshToken: 42 }, /`refreshToken` must be a non-empty string/],
    ['accessToken empty', { ...valid, accessToken: '' }, /`accessToken` must be a non-empty string/],
    ['spent not a list', { ...valid, spent: TOKEN }, /`spent` must be a list of \{ fingerprint, at \}/],
    ['spent holding a raw token', { ...valid, spent: [TOKEN] }, /`spent` must be a list of \{ fingerprint, at \}/],
    [
      'version 2 spent holding a raw token',
      { ...valid, version: 2, spent: [TOKEN] },
      /`spent` must be a list of SHA-256 fingerprints/,
    ],
    ['an unknown version', { ...valid, version: 4 }, /`version` must be 1, 2 or 3/],
    ['no target', { ...valid, target: undefined }, /`target` is missing/],
    ['expiry as text', { ...valid, accessTokenExpiresAt: '1700000000000' }, /`accessTokenExpiresAt` must be a number/],
    [
      'pending fingerprint a number',
      { ...valid, pending: { fingerprint: 1, since: 'now' } },
      /`pending\.fingerprint` must be a SHA-256 fingerprint/,
    ],
    [
      'inDoubt without reason',
      { ...valid, inDoubt: { fingerprint: fingerprint(TOKEN), at: 'now' } },
      /`inDoubt\.reason` is missing/,
    ],
    ['dead as text', { ...valid, dead: TOKEN }, /`dead` must be an object/],
    [
      'origin with a path',
      { ...valid, tokenEndpointOrigin: 'https://login.mediavalet.com/connect' },
      /`tokenEndpointOrigin` must be an origin/,
    ],
    [
      'client fingerprint not hex',
      { ...valid, clientIdFingerprint: TOKEN },
      /`clientIdFingerprint` must be a SHA-256 fingerprint/,
    ],
    ['version 2 without binding', { ...valid, tokenEndpointOrigin: undefined }, /`tokenEndpointOrigin` is missing/],
    ['a list', [valid], /`\(the file\)` must be a JSON object/],
  ];

  test('every field is checked for its type; the message names the file and the field, never the token', () => {
    for (const [name, content, message] of cases) {
      const file = nextFile();
      writeFileSync(file, JSON.stringify(content));
      assert.throws(
        () => readState(file),
        (error: unknown) => {
          assert.ok(error instanceof RunError && error.code === 'E_STATE_FILE', `${name}: ${String(error)}`);
          assert.match(error.message, message, name);
          assert.ok(error.message.includes(file), name);
          assert.ok(!error.message.includes(TOKEN), `${name}: ${error.message}`);
          return true;
        },
      );
    }
    const file = nextFile();
    writeFileSync(file, `{"version": 2, "refreshToken": "${TOKEN}" oops`);
    assert.throws(
      () => readState(file),
      (error: unknown) =>
        error instanceof RunError && /not valid JSON/.test(error.message) && !error.message.includes(TOKEN),
    );
    writeState(file, valid);
    assert.deepEqual(readState(file), valid, 'a valid file reads back as written');
  });

  test('mvpm token with a wrong-typed refreshToken exits 2 naming the field, and writes nothing', async () => {
    const file = nextFile();
    writeFileSync(file, JSON.stringify({ ...valid, refreshToken: { value: TOKEN } }));
    const out = path.join(work.dir, 'token-object.txt');
    const result = await runCli(['token', '--out', out, '--state-file', file], PROJECT_ROOT, {});
    assert.equal(result.code, 2, result.stderr);
    assert.match(
      result.stderr,
      new RegExp(
        /^mvpm token: error\[E_STATE_FILE\]: the token state file .* is damaged: `refreshToken` /.source +
          /must be a non-empty string/.source,
      ),
    );
    assert.equal(existsSync(out), false);
    assert.ok(!(result.stdout + result.stderr).includes(TOKEN) && !result.stderr.includes('[object Object]'));
  });
});

describe('mvpm token --out and mvpm login keep to their files and servers', () => {
  useStandin((s, w) => ([server, work] = [s, w]));

  test(
    'a link or a directory at --out is refused and the link target untouched; ' +
      'a regular file is replaced with mode 0600',
    async () => {
      const { file, token } = await stateFor('https://login.mediavalet.com');
      const victim = path.join(work.dir, 'victim.txt');
      writeFileSync(victim, 'keep me');
      const link = path.join(work.dir, 'out-link.txt');
      symlinkSync(victim, link);
      const linked = await runCli(['token', '--out', link, '--state-file', file], PROJECT_ROOT, {});
      assert.equal(linked.code, 2);
      assert.match(
        linked.stderr,
        /^mvpm token: error\[E_BAD_OPTION\]: cannot write --out .*out-link\.txt: .*symbolic link/,
      );
      assert.equal(readFileSync(victim, 'utf8'), 'keep me');
      mkdirSync(path.join(work.dir, 'out-dir'));
      assert.equal(
        (await runCli(['token', '--out', path.join(work.dir, 'out-dir'), '--state-file', file], PROJECT_ROOT, {})).code,
        2,
      );

      const existing = path.join(work.dir, 'existing.txt');
      writeFileSync(existing, 'old', { mode: 0o644 });
      const written = await runCli(['token', '--out', existing, '--state-file', file], PROJECT_ROOT, {});
      assert.equal(written.code, 0, written.stderr);
      assert.equal(readFileSync(existing, 'utf8'), token);
      assert.equal(statSync(existing).mode & 0o777, 0o600);
    },
  );

  test('mvpm token refuses a state file of another server than MV_AUTH_BASE_URL', async () => {
    const { file } = await stateFor('https://login.mediavalet.com');
    const out = path.join(work.dir, 'mismatch.txt');
    const result = await runCli(['token', '--out', out, '--state-file', file], PROJECT_ROOT, {
      MV_AUTH_BASE_URL: server.url,
    });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^mvpm token: error\[E_STATE_MISMATCH\]/);
    assert.equal(existsSync(out), false);
  });

  test('mvpm login refuses a state file of another server before it prints the authorization URL', async () => {
    const { file, text } = await stateFor('https://login.mediavalet.com');
    let stdout = '';
    let stderr = '';
    const stdin = new PassThrough();
    stdin.end();
    const code = await runMain(['login', '--state-file', file], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: { NO_COLOR: '1', ...mediavaletEnv(server) },
      cwd: PROJECT_ROOT,
      stdin,
    });
    assert.equal(code, 2);
    assert.match(stderr, /^mvpm login: error\[E_STATE_MISMATCH\]: the token state file .* does not belong to this run/);
    assert.doesNotMatch(stdout, /connect\/authorize/);
    assert.equal(readFileSync(file, 'utf8'), text);
  });
});
