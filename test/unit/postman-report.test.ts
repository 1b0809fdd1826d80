// The Postman CLI runner without the CLI: its JSON report (recorded from real runs of Postman CLI 1.62.0 against
// the stand-in, tokens replaced by fakes) mapped to progress, counts and secrets, and the command line and process
// environment it is started with.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { MASK, Masker } from '../../src/run/masking.ts';
import type { CollectionRunInput } from '../../src/run/collection-runner.ts';
import { observeRun, type ProgressEvent } from '../../src/run/observe-run.ts';
import {
  addReportSecrets,
  parsePostmanReport,
  replayReport,
  reportOutcome,
  type PostmanReport,
} from '../../src/run/postman-report.ts';
import { locatePostmanCli, postmanArguments, postmanEnvironment, postmanFiles } from '../../src/run/postman-run.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';

const FIXTURES = path.join(PROJECT_ROOT, 'test/fixtures/postman-cli');
const fixture = (name: string): PostmanReport =>
  parsePostmanReport(readFileSync(path.join(FIXTURES, name), 'utf8'), 'mediavalet');

async function replay(report: PostmanReport): Promise<{ events: ProgressEvent[]; explanations: string[] }> {
  const events: ProgressEvent[] = [];
  const explanations: string[] = [];
  await replayReport(report, (emitter) =>
    observeRun(emitter, {
      collection: 'mediavalet',
      masker: new Masker(),
      progress: (event) => events.push(event),
      explain: (text) => explanations.push(text),
    }),
  );
  return { events, explanations };
}

describe('the Postman CLI JSON report: counts, progress and secrets', () => {
  it('counts assertions as the CLI did and keeps its final environment', () => {
    const outcome = reportOutcome(fixture('skipped.report.json'));
    assert.deepEqual(outcome.counts, { passed: 4, failed: 9, errors: [] });
    const values = (outcome.environment as { values: { key: string; value: string }[] }).values;
    assert.match(values.find((v) => v.key === 'code')?.value ?? '', /^fixture-code-/);
  });

  it('replays requests and assertions in run order, and rebuilds each skip line with its cause', async () => {
    const { events } = await replay(fixture('skipped.report.json'));
    const requests = events.filter((e) => e.type === 'request');
    assert.deepEqual(
      requests.map((e) => [e.item, e.method, e.status]),
      [
        ['Exchange authorization code for tokens', 'POST', '400 Bad Request'],
        ['Spent refresh token is refused', 'POST', '400 Bad Request'],
      ],
    );
    const assertions = events.filter((e) => e.type === 'assertion');
    assert.equal(assertions.length, 13);
    assert.equal(assertions.filter((e) => !e.passed).length, 9);
    assert.deepEqual(assertions[0], {
      type: 'assertion',
      collection: 'mediavalet',
      item: 'Exchange authorization code for tokens',
      name: 'status is 200',
      passed: false,
      message: 'expected response to have status code 200 but got 400',
    });
    // What the CLI printed for these skips (its console output is not in the JSON report).
    const skips = events.filter((e) => e.type === 'skipped');
    assert.deepEqual(
      skips.map((e) => [e.item, e.needs, e.cause, e.reason]),
      [
        ['Refresh access token', 'refresh_token'],
        ['Refresh again with the rotated token', 'refresh_token'],
        ['Get current user', 'access_token'],
        ['List categories', 'access_token'],
        ['Search assets', 'access_token'],
      ].map(([item, needs]) => [
        item,
        needs,
        '"Exchange authorization code for tokens"',
        'it answered HTTP 400 invalid_grant',
      ]),
    );
  });

  it('reports requests that got no answer, and explains why', async () => {
    const { events, explanations } = await replay(fixture('unreachable.report.json'));
    const failed = events.filter((e) => e.type === 'request' && e.error !== undefined);
    assert.deepEqual(
      failed.map((e) => e.type === 'request' && [e.item, e.error]),
      ['Get current user', 'List categories', 'Search assets'].map((item) => [
        item,
        'connect ECONNREFUSED 127.0.0.1:9',
      ]),
    );
    assert.ok(
      explanations.includes(
        'could not get an answer from 127.0.0.1:9: nothing is listening there (is the server running, is the port ' +
          'right?).',
      ),
      explanations.join('\n'),
    );
  });

  it('adds every token of the answers and of the final environment to the masker', () => {
    const report = fixture('unreachable.report.json');
    // In the environment, and in answers (byte arrays in the report).
    const text = [
      JSON.stringify(report.environment),
      ...report.run.executions.map((e) =>
        Buffer.from((e.response as { stream?: { data: number[] } } | undefined)?.stream?.data ?? []).toString(),
      ),
    ].join('\n');
    const tokens = [...new Set(text.match(/fixture-(?:access_token|refresh_token|id_token)-\d+-x+/g))];
    assert.ok(tokens.length >= 6, tokens.join(' '));
    const start = {
      values: ['access_token', 'refresh_token', 'previous_refresh_token'].map((key) => ({ key, type: 'secret' })),
    };
    const masker = new Masker();
    addReportSecrets(report, start, masker);
    for (const token of tokens) assert.equal(masker.mask(`<${token}>`), `<${MASK}>`, token);
    // A token only the environment holds (an auto-refresh captured it from a pm.sendRequest answer).
    const fromEnvironment = new Masker();
    addReportSecrets({ ...report, run: { ...report.run, executions: [] } }, start, fromEnvironment);
    const inEnvironment = JSON.stringify(report.environment).match(/fixture-refresh_token-\d+-x+/g) ?? [];
    assert.ok(inEnvironment.length > 0);
    for (const token of inEnvironment) assert.equal(fromEnvironment.mask(token), MASK, token);
  });

  it('refuses a report in the CLI’s own structure, without quoting it', () => {
    assert.throws(
      () => parsePostmanReport('{"run":{"executions":[],"meta":{"token":"secret-value"}}}', 'mediavalet'),
      (error: Error & { code?: string; hint?: string }) =>
        error.code === 'E_POSTMAN_CLI' && !error.message.includes('secret-value') && /Newman/.test(error.message),
    );
  });
});

describe('the Postman CLI command line and process environment', () => {
  const files = postmanFiles('/tmp/mvpm-postman-x', ['cli', 'junit', 'htmlextra']);
  const input = {
    collection: {},
    environment: {},
    folders: [],
    reporters: ['cli', 'junit', 'htmlextra'],
    reportsDir: '/project/reports',
    label: 'mediavalet',
    bail: true,
    timeoutRequest: 2500,
    filesDir: '/project/specs/files',
    hooks: {} as CollectionRunInput['hooks'],
  } satisfies CollectionRunInput;

  it('runs offline from the private folder, uploads only from specs/files, JSON in Newman’s structure', () => {
    const args = postmanArguments(input, files);
    assert.deepEqual(args, [
      'collection',
      'run',
      '/tmp/mvpm-postman-x/collection.json',
      '-e',
      '/tmp/mvpm-postman-x/environment.json',
      '--no-report-events',
      '--working-dir',
      '/project/specs/files',
      '--no-insecure-file-read',
      '-r',
      'json,junit,html',
      '--reporter-json-structure',
      'newman',
      '--reporter-json-export',
      '/tmp/mvpm-postman-x/report.json',
      '--reporter-junit-export',
      '/tmp/mvpm-postman-x/report.junit.xml',
      '--reporter-html-export',
      '/tmp/mvpm-postman-x/report.html',
      '--reporter-html-omitAllHeadersAndBody',
      '--bail',
      '--timeout-request',
      '2500',
    ]);
    const plain = postmanArguments(
      { ...input, reporters: ['cli'], bail: false, timeoutRequest: 0 },
      postmanFiles('/tmp/mvpm-postman-x', ['cli']),
    );
    assert.equal(plain[plain.indexOf('-r') + 1], 'json');
    assert.deepEqual(
      plain.filter((a) => /junit|html|bail|timeout|api-key/.test(a)),
      [],
    );
  });

  it('gets no Postman API key, no POSTMAN_* variable, no NODE_OPTIONS; HOME is its own empty folder', () => {
    const env = postmanEnvironment(
      {
        PATH: '/usr/bin',
        HOME: '/home/someone',
        POSTMAN_API_KEY: 'PMAK-secret',
        POSTMAN_ENV: 'beta',
        NODE_OPTIONS: '--require /tmp/x.js',
        XDG_CONFIG_HOME: '/home/someone/.config',
        MV_CLIENT_SECRET: 'client-secret',
        HTTPS_PROXY: 'http://proxy.example:3128',
        NO_PROXY: 'internal.example',
      },
      files,
    );
    assert.deepEqual(env, {
      PATH: '/usr/bin',
      HTTPS_PROXY: 'http://proxy.example:3128',
      NO_PROXY: 'internal.example,127.0.0.1,localhost,::1',
      no_proxy: 'internal.example,127.0.0.1,localhost,::1',
      HOME: '/tmp/mvpm-postman-x/home',
      TMPDIR: '/tmp/mvpm-postman-x',
      POSTMAN_ANALYTICS_BASE_URL: 'file:///dev/null',
    });
  });

  it('locates the CLI from MVPM_POSTMAN_CLI or tools/postman-cli/, else names the install command', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mvpm-locate-'));
    try {
      assert.throws(
        () => locatePostmanCli({}, dir),
        (error: Error & { code?: string; hint?: string }) =>
          error.code === 'E_NO_POSTMAN_CLI' && String(error.hint).includes('npm ci --prefix tools/postman-cli'),
      );
      const cli = path.join(dir, 'postman');
      writeFileSync(cli, '#!/bin/sh\n');
      assert.throws(() => locatePostmanCli({ MVPM_POSTMAN_CLI: cli }, dir), /not an executable file/);
      chmodSync(cli, 0o755);
      assert.equal(locatePostmanCli({ MVPM_POSTMAN_CLI: cli }, dir), cli);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
