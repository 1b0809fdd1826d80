// The small guards around the token journal: temp files of an interrupted state write are removed at the next
// start, the spent-token guard finds a token wherever a request carries it, and `mvpm serve` says its tokens die
// with it.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import sdk from 'postman-collection';
import { runMain } from '../../src/cli/main.ts';
import { WITHHELD_PROTOCOL, withholdSpentToken, type GuardedRequest } from '../../src/run/spent-token-guard.ts';
import { lockState } from '../../src/run/state-lock.ts';
import { PROJECT_ROOT, tempProject } from '../support/helpers.ts';

describe('temp files of an interrupted state write', () => {
  test('are removed when the lock is next taken; nothing else is', async () => {
    const work = tempProject({});
    try {
      const dir = path.join(work.dir, 'state');
      mkdirSync(dir, { mode: 0o700 });
      const file = path.join(dir, 'tokens.json');
      writeFileSync(file, '{"the":"state"}');
      // What write-file-atomic leaves when the process is killed between writing and renaming.
      writeFileSync(`${file}.1537768320`, '{"refreshToken":"rt-left-behind"}', { mode: 0o600 });
      writeFileSync(`${file}.7`, 'x', { mode: 0o600 });
      const kept = [
        'tokens.json.bak',
        'tokens.json.12a',
        'other.json.123',
        'tokens.json.12345678901',
        'xtokens.json.5',
      ];
      for (const name of kept) writeFileSync(path.join(dir, name), 'keep');
      const target = path.join(work.dir, 'elsewhere.txt');
      writeFileSync(target, 'not ours to delete');
      symlinkSync(target, `${file}.42`);
      const release = await lockState(file);
      await release();
      assert.ok(!existsSync(`${file}.1537768320`), 'the leftover with tokens is gone');
      assert.ok(!existsSync(`${file}.7`));
      assert.equal(readFileSync(file, 'utf8'), '{"the":"state"}', 'the state file itself is untouched');
      for (const name of kept) assert.ok(existsSync(path.join(dir, name)), `${name} is kept`);
      assert.ok(existsSync(`${file}.42`), 'a link is left alone');
      assert.equal(readFileSync(target, 'utf8'), 'not ours to delete');
    } finally {
      work.cleanup();
    }
  });
});

describe('the spent-token guard finds a spent token wherever the request carries it', () => {
  const SPENT = 'rt-spent+/abc_DEF-123=';
  const isSpent = (token: string): boolean => token === SPENT;
  const request = (definition: object): GuardedRequest =>
    new sdk.Request({
      method: 'POST',
      url: 'https://login.example/connect/token',
      ...definition,
    }) as unknown as GuardedRequest;
  const cases: [string, object][] = [
    ['a form field', { body: { mode: 'urlencoded', urlencoded: [{ key: 'refresh_token', value: SPENT }] } }],
    [
      'the query string, encoded',
      { url: `https://login.example/connect/token?refresh_token=${encodeURIComponent(SPENT)}` },
    ],
    ['a path segment', { url: `https://login.example/revoke/${encodeURIComponent(SPENT)}` }],
    ['a header', { header: [{ key: 'X-Refresh', value: `Bearer ${SPENT}` }] }],
    [
      'a raw form body',
      { body: { mode: 'raw', raw: `grant_type=refresh_token&refresh_token=${encodeURIComponent(SPENT)}` } },
    ],
    ['a raw JSON body', { body: { mode: 'raw', raw: JSON.stringify({ grant: { refresh_token: SPENT } }) } }],
    [
      'a form-data field',
      { body: { mode: 'formdata', formdata: [{ key: 'refresh_token', value: SPENT, type: 'text' }] } },
    ],
  ];
  for (const [where, definition] of cases) {
    test(`${where}: withheld, and the token is gone from the request`, () => {
      const req = request(definition);
      assert.equal(withholdSpentToken(req, isSpent), true);
      assert.equal(req.url.protocol, WITHHELD_PROTOCOL, 'Newman refuses the protocol before connecting');
      const body = (req as unknown as sdk.Request).body?.toJSON() ?? {};
      const headers = (req as unknown as sdk.Request).headers.toJSON();
      assert.ok(!JSON.stringify({ body, headers }).includes(SPENT), 'the token left the body and headers');
    });
  }
  test('a request without a spent token is left as it was', () => {
    const req = request({
      body: { mode: 'urlencoded', urlencoded: [{ key: 'refresh_token', value: 'rt-fresh-0123' }] },
    });
    assert.equal(withholdSpentToken(req, isSpent), false);
    assert.equal(req.url.toString(), 'https://login.example/connect/token');
  });
});

test('mvpm serve says its tokens live only as long as the process', async () => {
  let stdout = '';
  const controller = new AbortController();
  const done = runMain(['serve', '--port', '0'], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: () => true },
    env: { NO_COLOR: '1' },
    cwd: PROJECT_ROOT,
    signal: controller.signal,
  });
  for (let i = 0; i < 100 && !stdout.includes('Ctrl-C'); i++) await new Promise((r) => setTimeout(r, 20));
  controller.abort();
  assert.equal(await done, 0);
  assert.match(
    stdout,
    new RegExp(
      /Tokens live only as long as this process: after a restart, every token it issued is /.source +
        /refused \(invalid_grant\); sign in again\./.source,
    ),
  );
  let help = '';
  await runMain(['serve', '--help'], {
    stdout: { write: (t: string) => (help += t) },
    stderr: { write: () => true },
    env: { NO_COLOR: '1' },
    cwd: PROJECT_ROOT,
  });
  assert.match(help, /tokens live only as long as the process: after a restart every token it\s+issued is refused/);
});
