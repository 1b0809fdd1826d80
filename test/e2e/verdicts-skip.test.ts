// After a request fails to produce a token, the requests that need it are skipped and reported once, with the
// cause, instead of each failing in turn; and `mvpm run` against a closed port says so in one line.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import newman, { type NewmanRunSummary } from 'newman';
import { buildProject } from '../../src/emit/build-project.ts';
import { Masker } from '../../src/run/masking.ts';
import { observeRun, type ProgressEvent } from '../../src/run/observe-run.ts';
import { loadSpecs } from '../../src/spec/load-specs.ts';
import { declaredTargets, requestPlacements } from '../../src/spec/request-targets.ts';
import { validateSpecs } from '../../src/spec/validate-spec.ts';
import { closedPort, PROJECT_ROOT, runCli, tempProject, v21Outputs } from '../support/helpers.ts';

const TOKEN = 'at-5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d';

function respond(req: http.IncomingMessage, res: http.ServerResponse): void {
  res.setHeader('Content-Type', 'application/json');
  if (req.url === '/token-ok') res.end(JSON.stringify({ access_token: TOKEN }));
  else if (req.url === '/token-400') {
    res.statusCode = 400;
    res.end(JSON.stringify({ error: 'invalid_grant', error_description: 'grant request is invalid' }));
  } else if (req.url === '/token-empty') res.end('{}');
  else res.end(JSON.stringify({ ok: true }));
}

const SPECS: Record<string, string> = {
  'specs/c/.resources/definition.yaml':
    '$kind: mvpm-collection\nname: Skips\nauth: { type: bearer, credentials: { token: "{{access_token}}" } }\n',
  'specs/environments/e.environment.yaml':
    '$kind: mvpm-environment\nname: E\nvariables:\n  base: { value: "" }\n  tokenUrl: { value: "" }\n' +
    '  access_token: { value: "" }\n',
  'specs/c/Get token.request.yaml':
    '$kind: mvpm-request\norder: 1\nauth: { type: noauth }\nmethod: POST\nurl: "{{tokenUrl}}"\nexpect:\n' +
    '  status: 200\ncapture:\n  access_token: { json: $.access_token }\n',
  'specs/c/Sends it in a header.request.yaml':
    '$kind: mvpm-request\norder: 2\nauth: { type: noauth }\nmethod: GET\nurl: "{{base}}/a"\nheaders:\n' +
    '  X-Token: "{{access_token}}"\nexpect:\n  status: 200\n',
  'specs/c/Inherits the auth.request.yaml':
    '$kind: mvpm-request\norder: 3\nmethod: GET\nurl: "{{base}}/b"\nexpect:\n  status: 200\n',
  'specs/c/Needs nothing.request.yaml':
    '$kind: mvpm-request\norder: 4\nauth: { type: noauth }\nmethod: GET\nurl: "{{base}}/c"\nexpect:\n  status: 200\n',
};

let server: http.Server;
let base: string;
let collection: object;
let environment: object;

interface Outcome {
  readonly summary: NewmanRunSummary;
  readonly sent: string[];
  readonly skipped: Extract<ProgressEvent, { type: 'skipped' }>[];
}

function run(tokenUrl: string): Promise<Outcome> {
  const sent: string[] = [];
  const skipped: Outcome['skipped'] = [];
  return new Promise((resolve, reject) => {
    const emitter = newman.run(
      {
        collection,
        environment,
        envVar: [
          { key: 'base', value: base },
          { key: 'tokenUrl', value: tokenUrl },
        ],
        reporters: [],
      },
      (error, summary) => (error ? reject(error) : resolve({ summary, sent, skipped })),
    );
    emitter.on('request', (_error, args: { item?: { name: string } }) => sent.push(args.item?.name ?? '?'));
    observeRun(emitter as unknown as EventEmitter, {
      collection: 'Skips',
      masker: new Masker(),
      progress: (event) => {
        if (event.type === 'skipped') skipped.push(event);
      },
      explain: () => {},
    });
  });
}

const failures = (o: Outcome): string[] =>
  o.summary.run.failures.map((f) => `${f.source?.name ?? ''}: ${f.error.message}`);

describe('requests that need a token an earlier request did not produce', () => {
  before(async () => {
    server = http.createServer((req, res) => req.resume().on('end', () => respond(req, res)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const project = tempProject(SPECS);
    try {
      const build = await buildProject({ cwd: project.dir });
      assert.deepEqual(build.errors, []);
      [collection, environment] = v21Outputs(build.files) as [object, object];
    } finally {
      project.cleanup();
    }
  });
  after(() => server.close());

  test('when the token came, every request is sent', async () => {
    const o = await run(`${base}/token-ok`);
    assert.deepEqual(o.sent, ['Get token', 'Sends it in a header', 'Inherits the auth', 'Needs nothing']);
    assert.deepEqual(o.skipped, []);
    assert.deepEqual(failures(o), []);
  });

  const cases = [
    {
      name: 'no answer',
      url: async () => `http://127.0.0.1:${await closedPort()}/token`,
      reason: /^it got no answer \(ECONNREFUSED 127\.0\.0\.1:\d+\)$/,
      failure: 'Get token: no answer came back, so 1 check did not run and nothing was captured into access_token',
    },
    {
      name: 'a refusal',
      url: async () => `${base}/token-400`,
      reason: /^it answered HTTP 400 invalid_grant$/,
      failure: undefined,
    },
    {
      name: 'an answer without the token',
      url: async () => `${base}/token-empty`,
      reason: /^\$\.access_token has no value$/,
      failure: 'Get token: $.access_token has no value to capture into access_token; access_token is left as it was',
    },
  ];
  for (const c of cases) {
    test(
      `after ${c.name}, the requests that send the token (a header, the inherited auth) are ` +
        `skipped, once each, with the cause`,
      async () => {
        const o = await run(await c.url());
        assert.deepEqual(o.sent, ['Get token', 'Needs nothing'], 'only what does not need the token is sent');
        assert.deepEqual(
          o.skipped.map((s) => [s.item, s.needs, s.cause]),
          [
            ['Sends it in a header', 'access_token', '"Get token"'],
            ['Inherits the auth', 'access_token', '"Get token"'],
          ],
        );
        for (const s of o.skipped) assert.match(s.reason, c.reason);
        const failed = failures(o);
        assert.ok(
          failed.every((f) => f.startsWith('Get token: ')),
          `only the token request fails:\n${failed.join('\n')}`,
        );
        if (c.failure) assert.ok(failed.includes(c.failure), failed.join('\n'));
      },
    );
  }
});

describe('mvpm run against a closed port', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'mvpm-verdicts-'));
  after(() => rmSync(home, { recursive: true, force: true }));
  const env = async (): Promise<Record<string, string>> => {
    const port = await closedPort();
    return {
      MV_CLIENT_ID: 'client-id',
      MV_CLIENT_SECRET: 'client-secret-value',
      MV_SUBSCRIPTION_KEY: 'subscription-key-value',
      MV_REFRESH_TOKEN: 'rt-never-sent-anywhere-0123456789',
      MV_AUTH_BASE_URL: `http://127.0.0.1:${port}`,
      MV_API_BASE_URL: `http://127.0.0.1:${port}`,
      XDG_STATE_HOME: home,
    };
  };
  const clean = (output: string): void => {
    for (const bad of ['undefined', '[object Object]', 'PostmanResponse'])
      assert.ok(!output.includes(bad), `the output reads ${bad}:\n${output}`);
  };

  test('one failure and one skip report instead of a cascade', async () => {
    const e = await env();
    const result = await runCli(['run', '--target', 'mediavalet'], PROJECT_ROOT, e);
    const output = result.stdout + result.stderr;
    assert.equal(result.code, 1, output);
    const port = new URL(e['MV_AUTH_BASE_URL']!).port;
    assert.match(result.stdout, /\n0 passed, 1 failed\n$/);
    const skips = result.stdout.split('\n').filter((line) => /^skipped \d+ requests? because /.test(line));
    // Every request after it that would run on mediavalet (the run starts from a refresh token: no Sign in).
    const loaded = await loadSpecs({ specsDir: path.join(PROJECT_ROOT, 'specs'), cwd: PROJECT_ROOT, parseWorkers: 0 });
    const project = validateSpecs(loaded, { cwd: PROJECT_ROOT }).value!;
    const api = project.collections.find((c) => c.slug === 'mediavalet')!;
    const onReal = requestPlacements(api, declaredTargets(project)).filter(
      ({ request, placement }) => placement.get('mediavalet') === undefined && request.path[0] !== 'Sign in',
    );
    assert.equal(onReal[0]?.request.path.join(' / '), 'Refresh chain / Refresh access token');
    assert.deepEqual(skips, [
      `skipped ${onReal.length - 1} requests because "Refresh access token" failed: it got no answer ` +
        `(ECONNREFUSED 127.0.0.1:${port})`,
    ]);
    clean(output);
  });

  test('the access token refresh before an API request: the error code and host, not "undefined"', async () => {
    const e = await env();
    const result = await runCli(['run', '--target', 'mediavalet', '--folder', 'API'], PROJECT_ROOT, e);
    const output = result.stdout + result.stderr;
    const port = new URL(e['MV_AUTH_BASE_URL']!).port;
    assert.match(
      result.stdout,
      new RegExp(
        `refreshing it failed: the token endpoint could not be reached ` +
          `\\(ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)\\. Nothing reached the server`,
      ),
    );
    const skips = result.stdout.split('\n').filter((line) => /^skipped \d+ requests? because /.test(line));
    assert.deepEqual(skips, [
      `skipped 2 requests because the access token refresh before "Get current user" failed: the token endpoint ` +
        `could not be reached (ECONNREFUSED 127.0.0.1:${port})`,
    ]);
    assert.match(result.stdout, /\n0 passed, 1 failed\n$/);
    clean(output);
  });
});
