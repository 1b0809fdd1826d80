import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runMain } from '../../src/cli/main.ts';
import { PROJECT_ROOT, runCli } from '../support/helpers.ts';

test('mvpm serve prints its URL and demo values, answers, and stops when told', async () => {
  let stdout = '';
  const controller = new AbortController();
  const done = runMain(['serve', '--port', '0'], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => true },
    env: { NO_COLOR: '1' },
    cwd: PROJECT_ROOT,
    signal: controller.signal,
  });
  // Stops the server whatever happens below: a failed assertion must not leave it listening (the file would hang).
  try {
    // Up to 30 s: on a loaded machine importing the stand-in alone can take seconds.
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && !stdout.includes('Ctrl-C'); )
      await new Promise((r) => setTimeout(r, 20));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    assert.ok(url, stdout);
    assert.match(stdout, /client id\s+mvpm-demo-client/);
    const discovery = (await (await fetch(`${url}/.well-known/openid-configuration`)).json()) as {
      token_endpoint: string;
    };
    assert.equal(discovery.token_endpoint, `${url}/connect/token`);
    controller.abort();
    assert.equal(await done, 0);
    assert.match(stdout, /stand-in stopped\n$/);
    await assert.rejects(fetch(`${url}/.well-known/openid-configuration`));
  } finally {
    controller.abort();
    await done;
  }
});

test('mvpm run refuses an unknown target, reporter or timeout with exit 2', async () => {
  for (const [args, message] of [
    [['--target', 'prod'], /no environment serves target `prod`: the specs declare mediavalet, standin \(stand-in\)/],
    [['--reporters', 'cli,xml'], /--reporters takes cli, junit or htmlextra, not 'xml'/],
    [['--timeout', 'soon'], /--timeout takes a whole number of milliseconds, not 'soon'/],
    [
      ['--target', 'mediavalet', '--base-url', 'http://127.0.0.1:1'],
      /--base-url is for a stand-in target; `mediavalet` is not one/,
    ],
  ] as const) {
    const result = await runCli(['run', ...args], PROJECT_ROOT, {
      MV_CLIENT_ID: 'x',
      MV_CLIENT_SECRET: 'y',
      MV_SUBSCRIPTION_KEY: 'z',
    });
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
  }
});
