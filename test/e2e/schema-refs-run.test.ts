// A body schema whose file `$ref`s other files, built and run by Newman: the bundled schema is what Postman's
// jsonSchema check sees, so a response that breaks a referenced file's part fails the run, and one that keeps to
// it passes.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import newman, { type NewmanRunSummary } from 'newman';
import { buildProject } from '../../src/emit/build-project.ts';
import { tempProject, v21Outputs } from '../support/helpers.ts';

const BODIES: Record<string, unknown> = {
  '/keeps': { meta: { count: 1 }, payload: [{ id: 'a1', related: [{ id: 'a2' }] }] },
  // Breaks only Asset.schema.json's part (a nested related asset's id must be a non-empty string).
  '/breaks-asset': { meta: { count: 1 }, payload: [{ id: 'a1', related: [{ id: 7 }] }] },
  // Breaks only Envelope.schema.json's Meta (count must be an integer).
  '/breaks-meta': { meta: { count: 'one' }, payload: [] },
};

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const request = (name: string, order: number, url: string): [string, string] => [
  `specs/c/${name}.request.yaml`,
  `$kind: mvpm-request\norder: ${order}\nauth: { type: noauth }\nmethod: GET\nurl: "{{base}}${url}"\n` +
    'expect:\n  schema: { file: ../schemas/search.schema.json }\n',
];

let server: http.Server;
let summary: NewmanRunSummary;

before(async () => {
  server = http.createServer((req, res) =>
    req.resume().on('end', () => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(BODIES[req.url ?? ''] ?? {}));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const project = tempProject(
    Object.fromEntries([
      ['specs/c/.resources/definition.yaml', '$kind: mvpm-collection\nname: Bundled\n'],
      [
        'specs/environments/e.environment.yaml',
        '$kind: mvpm-environment\nname: E\nvariables:\n  base: { value: "" }\n',
      ],
      [
        'specs/schemas/search.schema.json',
        json({
          type: 'object',
          required: ['meta', 'payload'],
          properties: {
            meta: { $ref: '../common/Envelope.schema.json#/definitions/Meta' },
            payload: { type: 'array', items: { $ref: 'Asset.schema.json' } },
          },
        }),
      ],
      [
        'specs/schemas/Asset.schema.json',
        json({
          type: 'object',
          required: ['id'],
          properties: {
            id: { $ref: '#/definitions/Id' },
            related: { type: 'array', items: { $ref: 'Asset.schema.json' } },
          },
          definitions: { Id: { type: 'string', minLength: 1 } },
        }),
      ],
      [
        'specs/common/Envelope.schema.json',
        json({
          definitions: { Meta: { type: 'object', required: ['count'], properties: { count: { type: 'integer' } } } },
        }),
      ],
      request('Keeps', 1, '/keeps'),
      request('Breaks asset', 2, '/breaks-asset'),
      request('Breaks meta', 3, '/breaks-meta'),
    ]),
  );
  try {
    const build = await buildProject({ cwd: project.dir });
    assert.deepEqual(build.errors, []);
    const [collection, environment] = v21Outputs(build.files);
    summary = await new Promise<NewmanRunSummary>((resolve, reject) => {
      newman.run(
        {
          collection: collection!,
          environment: environment!,
          envVar: [{ key: 'base', value: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }],
          reporters: [],
        },
        (error, s) => (error ? reject(error) : resolve(s)),
      );
    });
  } finally {
    project.cleanup();
  }
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('a run checks the bundled schema: the referenced files decide, and only breaking them fails', () => {
  const verdicts = summary.run.executions.flatMap((e) =>
    (e.assertions ?? []).map((a) => `${e.item.name}: ${a.assertion} ${a.error ? 'FAILED' : 'passed'}`),
  );
  assert.deepEqual(verdicts, [
    'Keeps: body matches search.schema.json passed',
    'Breaks asset: body matches search.schema.json FAILED',
    'Breaks meta: body matches search.schema.json FAILED',
  ]);
  assert.equal(summary.run.stats.assertions.failed, 2);
});
