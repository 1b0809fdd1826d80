// Runs compiled expectations and captures in Newman against a small local server, checking what passes, what
// fails, the exact failure messages, and that no token reaches a message.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import newman, { type NewmanRunSummary } from 'newman';
import { buildProject } from '../../src/emit/build-project.ts';
import { tempProject, v21Outputs } from '../support/helpers.ts';

const ACCESS = 'at-4f1c8e2b9d7a4c3e8f6b1a2d9c8e7f6a5b4c3d2e1f0a';
const REFRESH = 'rt-9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b';
const CODE = 'code-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d';

function respond(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('X-Request-Id', 'req-42');
  if (req.url === '/token') {
    res.setHeader('Location', `https://oauth.pstmn.io/v1/callback?code=${CODE}&state=s`);
    res.end(JSON.stringify({ access_token: ACCESS, refresh_token: REFRESH, expires_in: 3600, token_type: 'Bearer' }));
  } else if (req.url === '/not-rotated') {
    // A server that hands back the refresh token it was sent: the rotation check must fail without printing it.
    res.end(
      JSON.stringify({
        access_token: ACCESS,
        refresh_token: new URLSearchParams(body).get('refresh_token'),
        token_type: 'bearer',
        expires_in: '3600',
      }),
    );
  } else {
    res.end(
      JSON.stringify({
        name: 'kitchen',
        items: [1, 2, 3],
        nested: { ok: true, none: null },
        tags: ['a'],
        error: 'invalid_grant',
      }),
    );
  }
}

const request = (name: string, order: number, yaml: string): [string, string] => [
  `specs/c/${name}.request.yaml`,
  `$kind: mvpm-request\norder: ${order}\nauth: { type: noauth }\n${yaml}`,
];

const SPECS: Record<string, string> = Object.fromEntries([
  ['specs/c/.resources/definition.yaml', '$kind: mvpm-collection\nname: Scripts\n'],
  [
    'specs/environments/e.environment.yaml',
    '$kind: mvpm-environment\nname: E\nvariables:\n  base: { value: "" }\n  refresh_token: { secret: true, sendTo: ' +
      '[base] }\n  kitchen: { value: kitchen }\n',
  ],
  request(
    'Token',
    1,
    [
      'method: POST',
      'url: "{{base}}/token"',
      'expect:',
      '  status: 200',
      '  contentType: application/json',
      '  headers:',
      '    Location: { matches: "^https://" }',
      '  body:',
      '    $.access_token: { equals: "wrong" }',
      '    $.refresh_token: { type: number }',
      'capture:',
      '  previous: { variable: refresh_token }',
      '  access_token: { json: $.access_token }',
      '  refresh_token: { json: $.refresh_token }',
      '  expires_at: { expiresIn: $.expires_in }',
      '  code: { header: Location, regex: "[?&]code=([^&]+)" }',
      '  missing: { json: $.nope }',
    ].join('\n'),
  ),
  request(
    'Not rotated',
    2,
    [
      'method: POST',
      'url: "{{base}}/not-rotated"',
      'body: { type: urlencoded, content: { refresh_token: "{{refresh_token}}" } }',
      'expect:',
      '  status: [200, 201]',
      '  body:',
      '    $.refresh_token: { notEquals: "{{refresh_token}}" }',
      '    $.token_type: { equals: Bearer }',
      '    $.expires_in: { type: number }',
    ].join('\n'),
  ),
  request(
    'Data',
    3,
    [
      'method: GET',
      'url: "{{base}}/data"',
      'expect:',
      '  status: 201',
      '  responseTime: 10000',
      '  headers:',
      '    X-Request-Id: { equals: req-42 }',
      '    X-Absent: { exists: false }',
      '  body:',
      '    $.name: { equals: "{{kitchen}}", matches: "^kit", oneOf: [kitchen, sink] }',
      '    $.items: { length: 3, type: array }',
      '    $.items[1]: { type: integer, equals: 3 }',
      '    $.nested.none: { type: "null", exists: true }',
      '    $.nested.ok: { notEquals: false }',
      '    $.tags: { length: { min: 2 } }',
      '    $.absent: { exists: false }',
      '    $.error: { oneOf: [a, b] }',
      `    "$['{{kitchen}}']": { exists: false }`,
      '  schema:',
      '    inline: { type: object, required: [name, nope] }',
    ].join('\n'),
  ),
  // No checks of its own, after a request with many: it must run none of them.
  request('Plain', 4, ['method: GET', 'url: "{{base}}/data"'].join('\n')),
]);

let server: http.Server;
let summary: NewmanRunSummary;

function results(): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (const execution of summary.run.executions) {
    for (const a of execution.assertions ?? [])
      out.set(`${execution.item.name}: ${a.assertion}`, a.error ? a.error.message : true);
  }
  return out;
}

describe('compiled expectations and captures, run by Newman', () => {
  before(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => respond(req, res, body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const project = tempProject(SPECS);
    try {
      const build = await buildProject({ cwd: project.dir });
      assert.deepEqual(build.errors, []);
      const [collection, environment] = v21Outputs(build.files);
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      summary = await new Promise<NewmanRunSummary>((resolve, reject) => {
        newman.run(
          { collection: collection!, environment: environment!, envVar: [{ key: 'base', value: base }], reporters: [] },
          (error, s) => (error ? reject(error) : resolve(s)),
        );
      });
    } finally {
      project.cleanup();
    }
  });
  after(() => server.close());

  test('each expectation passes or fails with its exact message', () => {
    assert.deepEqual(Object.fromEntries(results()), {
      'Token: status is 200': true,
      'Token: Content-Type is application/json': true,
      'Token: header Location matches /^https:///': true,
      'Token: $.access_token equals "wrong"': '$.access_token should equal "wrong", got a string of 47 characters',
      'Token: $.refresh_token is a number': '$.refresh_token should be a number, got a string of 47 characters',
      'Token: capture previous from variable refresh_token':
        'variable refresh_token has no value to capture into previous; previous is left as it was',
      'Token: capture access_token from $.access_token': true,
      'Token: capture refresh_token from $.refresh_token': true,
      'Token: capture expires_at from now + $.expires_in seconds': true,
      'Token: capture code from header Location /[?&]code=([^&]+)/': true,
      'Token: capture missing from $.nope': '$.nope has no value to capture into missing; missing is left as it was',
      'Not rotated: status is one of 200, 201': true,
      'Not rotated: $.refresh_token differs from variable refresh_token':
        '$.refresh_token should differ from variable refresh_token',
      'Not rotated: $.token_type equals "Bearer"': '$.token_type should equal "Bearer", got "bearer"',
      'Not rotated: $.expires_in is a number': '$.expires_in should be a number, got "3600"',
      'Data: status is 201': 'expected response to have status code 201 but got 200',
      'Data: response time is below 10000 ms': true,
      'Data: header X-Request-Id equals req-42': true,
      'Data: header X-Absent is absent': true,
      'Data: $.name equals variable kitchen': true,
      'Data: $.name matches /^kit/': true,
      'Data: $.name is one of "kitchen", "sink"': true,
      'Data: $.items is an array': true,
      'Data: $.items has length 3': true,
      'Data: $.items[1] is an integer': true,
      'Data: $.items[1] equals 3': '$.items[1] should equal 3, got 2',
      'Data: $.nested.none is present': true,
      'Data: $.nested.none is null': true,
      'Data: $.nested.ok differs from false': true,
      'Data: $.tags has length at least 2': '$.tags should have length at least 2, got length 1',
      'Data: $.absent is absent': true,
      'Data: $.error is one of "a", "b"': '$.error should be one of "a", "b", got "invalid_grant"',
      "Data: $['{ {kitchen}}'] is absent": true,
      'Data: body matches inline schema':
        "expected data to satisfy schema but found following errors: \ndata should have required property 'nope'",
    });
  });

  test('captures land in the environment, every source read before any is set', () => {
    const env = Object.fromEntries((summary.environment.values ?? []).map((v) => [v.key, v.value as unknown]));
    assert.equal(env['access_token'], ACCESS);
    assert.equal(env['refresh_token'], REFRESH);
    assert.equal(env['code'], CODE);
    assert.equal(env['missing'], undefined);
    const expiresAt = Number(env['expires_at']);
    assert.ok(Math.abs(expiresAt - (Date.now() + 3600_000)) < 60_000, `expires_at ${expiresAt}`);
  });

  test('a request without checks, answered after one with checks, runs none of them', () => {
    const plain = summary.run.executions.filter((e) => e.item.name === 'Plain');
    assert.equal(plain.length, 1);
    assert.equal(plain[0]!.response?.code, 200);
    assert.deepEqual(plain[0]!.assertions ?? [], []);
  });

  test("no test name holds {{ (Postman would put the variable's value there)", () => {
    const names = [...results().keys()];
    assert.ok(names.length > 20);
    assert.deepEqual(
      names.filter((name) => name.includes('{{')),
      [],
    );
  });

  test('no token or code appears in any assertion title or message', () => {
    const text = JSON.stringify([...results()]);
    for (const secret of [ACCESS, REFRESH, CODE]) assert.ok(!text.includes(secret), `leaked ${secret.slice(0, 6)}…`);
  });
});
