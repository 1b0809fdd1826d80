// mvpm serve with specs that name an OpenAPI document: it lists the mocked operations (document text escaped), arms
// a schema= fault, and refuses a bad document or a source outside the project with a located error, exit 2.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { runMain } from '../../src/cli/main.ts';
import { runCli, tempProject } from '../support/helpers.ts';

const definition = (source: string): string =>
  `$kind: mvpm-collection\nname: Things\nopenapi: { source: ${JSON.stringify(source)} }\n`;

const DOCUMENT = `openapi: 3.0.3
info: { title: Things, version: '1.0' }
paths:
  /things/{thingId}:
    get:
      operationId: "getThing\\u001b[2J"
      parameters: [{ name: thingId, in: path, required: true, schema: { type: integer } }]
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: string, pattern: '(a)\\1' } } } }
  /connect/token:
    post:
      responses: { '200': { description: ok } }
`;

describe('mvpm serve: mocked OpenAPI documents', () => {
  test('lists the operations, escapes their text, warns, and arms schema= faults', async () => {
    const project = tempProject({
      'openapi/things.yaml': DOCUMENT,
      'specs/things/.resources/definition.yaml': definition('../../../openapi/things.yaml'),
    });
    let stdout = '';
    const controller = new AbortController();
    const done = runMain(['serve', '--port', '0', '--fault', 'schema=getThing\u001b[2J:always'], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
      env: { NO_COLOR: '1' },
      cwd: project.dir,
      signal: controller.signal,
    });
    try {
      for (let i = 0; i < 200 && !stdout.includes('Ctrl-C'); i++) await sleep(20);
      assert.match(stdout, /Mocked from OpenAPI \(1 operation; the routes above keep their own answers\):\n/);
      assert.match(stdout, /\n {2}GET {5}\/things\/\{thingId\} {2}getThing\\u001b\[2J\n/);
      assert.ok(!stdout.includes('\u001b'), 'no raw escape character reaches the terminal');
      assert.match(stdout, /warning W_OPENAPI_MOCK: POST \/connect\/token: \/connect\/token is the stand-in's own/);
      assert.match(stdout, /warning W_OPENAPI_UNSAFE_PATTERN: pattern "\(a\)\\\\1" is not enforced/);
      assert.match(stdout, /- requests to getThing\\u001b\[2J: an answer that breaks its response schema, every one/);
    } finally {
      controller.abort();
      assert.equal(await done, 0);
      project.cleanup();
    }
  });

  test('a bad document, or a source outside the project: a located error, exit 2, nothing started', async () => {
    const broken = tempProject({
      'openapi/things.yaml': 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths:\n  /x: [\n',
      'specs/things/.resources/definition.yaml': definition('../../../openapi/things.yaml'),
    });
    const outside = tempProject({ 'specs/things/.resources/definition.yaml': definition('../../../../etc/passwd') });
    try {
      const bad = await runCli(['serve', '--port', '0'], broken.dir);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /openapi\/things\.yaml:\d+:\d+/);
      assert.equal(bad.stdout, '');
      const escaping = await runCli(['serve', '--port', '0'], outside.dir);
      assert.equal(escaping.code, 2);
      assert.match(escaping.stderr, /E_PATH_OUTSIDE/);
    } finally {
      broken.cleanup();
      outside.cleanup();
    }
  });
});
