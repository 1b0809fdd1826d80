// Verdicts that never pass on nothing: every comparison run by Newman against a value that is there and one that
// is not, and a request that gets no answer, each with its exact message.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import newman, { type NewmanRunSummary } from 'newman';
import { buildProject } from '../../src/emit/build-project.ts';
import { closedPort, tempProject, v21Outputs } from '../support/helpers.ts';

/** The end of the unanswered request's message: its capture, by the variable's name. */
const NOTHING_CAPTURED = 'nothing was captured into access_token';

/** Each check as written under `expect`, and its message when the value is absent. Every one passes when present. */
const CHECKS: readonly { readonly yaml: string; readonly title: string; readonly absent: string }[] = [
  {
    yaml: 'contentType: application/json',
    title: 'Content-Type is application/json',
    absent: 'Content-Type is missing, so it cannot be application/json',
  },
  {
    yaml: 'headers: { X-Id: { equals: req-42 } }',
    title: 'header X-Id equals req-42',
    absent: 'header X-Id is missing, so it cannot equal req-42',
  },
  {
    yaml: 'headers: { X-Tag: { matches: "^req" } }',
    title: 'header X-Tag matches /^req/',
    absent: 'header X-Tag is missing, so it cannot match /^req/',
  },
  {
    yaml: 'body: { $.token_type: { equals: Bearer } }',
    title: '$.token_type equals "Bearer"',
    absent: '$.token_type is missing, so it cannot equal "Bearer"',
  },
  {
    yaml: 'body: { $.refresh_token: { notEquals: "{{refresh_token}}" } }',
    title: '$.refresh_token differs from variable refresh_token',
    absent: '$.refresh_token is missing, so it cannot differ from variable refresh_token',
  },
  {
    yaml: 'body: { $.flag: { notEquals: false } }',
    title: '$.flag differs from false',
    absent: '$.flag is missing, so it cannot differ from false',
  },
  {
    yaml: 'body: { $.name: { matches: "^kit" } }',
    title: '$.name matches /^kit/',
    absent: '$.name is missing, so it cannot match /^kit/',
  },
  {
    yaml: 'body: { $.size: { oneOf: [small, large] } }',
    title: '$.size is one of "small", "large"',
    absent: '$.size is missing, so it cannot be one of "small", "large"',
  },
  {
    yaml: 'body: { $.count: { type: number } }',
    title: '$.count is a number',
    absent: '$.count is missing, so it cannot be a number',
  },
  {
    yaml: 'body: { $.none: { type: "null" } }',
    title: '$.none is null',
    absent: '$.none is missing, so it cannot be null',
  },
  {
    yaml: 'body: { $.items: { length: 3 } }',
    title: '$.items has length 3',
    absent: '$.items is missing, so it cannot have length 3',
  },
  {
    yaml: 'body: { $.tags: { length: { min: 1 } } }',
    title: '$.tags has length at least 1',
    absent: '$.tags is missing, so it cannot have length at least 1',
  },
];

const PRESENT = {
  token_type: 'Bearer',
  refresh_token: 'rt-new-0123456789abcdef0123456789',
  flag: true,
  name: 'kitchen',
  size: 'small',
  count: 2,
  none: null,
  items: [1, 2, 3],
  tags: ['a'],
};

function respond(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.url === '/present') {
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('X-Id', 'req-42');
    res.setHeader('X-Tag', 'req-7');
    res.end(JSON.stringify(PRESENT));
  } else if (req.url === '/refused') {
    res.statusCode = 400;
    res.end(JSON.stringify({ error: 'invalid_grant' }));
  } else {
    res.end('{}'); // no Content-Type, no headers, no fields
  }
}

/** Every check, grouped under `expect` the way a spec writes it. */
function expectBlock(): string {
  const groups: Record<string, string[]> = {};
  for (const { yaml } of CHECKS) {
    const [key, rest] = [yaml.slice(0, yaml.indexOf(':')), yaml.slice(yaml.indexOf(':') + 1).trim()];
    groups[key] ??= [];
    groups[key].push(rest.startsWith('{') ? rest.slice(1, -1).trim() : rest);
  }
  return [
    'expect:',
    ...Object.entries(groups).map(([key, parts]) =>
      key === 'contentType' ? `  contentType: ${parts[0]}` : `  ${key}: { ${parts.join(', ')} }`,
    ),
  ].join('\n');
}

const request = (name: string, order: number, url: string, extra = ''): [string, string] => [
  `specs/c/${name}.request.yaml`,
  `$kind: mvpm-request\norder: ${order}\nauth: { type: noauth }\nmethod: GET\nurl: "${url}"\n${extra}`,
];

let server: http.Server;
let summary: NewmanRunSummary;

describe('a comparison fails when its value is absent', () => {
  before(async () => {
    server = http.createServer((req, res) => req.resume().on('end', () => respond(req, res)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const project = tempProject(
      Object.fromEntries([
        ['specs/c/.resources/definition.yaml', '$kind: mvpm-collection\nname: Verdicts\n'],
        [
          'specs/environments/e.environment.yaml',
          '$kind: mvpm-environment\nname: E\nvariables:\n  base: { value: "" }\n  down: { value: "" }\n' +
            '  refresh_token: { value: rt-old }\n',
        ],
        request('Present', 1, '{{base}}/present', expectBlock()),
        request('Absent', 2, '{{base}}/absent', expectBlock()),
        request('Refused', 3, '{{base}}/refused', expectBlock()),
        request(
          'Unanswered',
          4,
          '{{down}}/token',
          `${expectBlock()}\ncapture:\n  access_token: { json: $.access_token }\n`,
        ),
      ]),
    );
    try {
      const build = await buildProject({ cwd: project.dir });
      assert.deepEqual(build.errors, []);
      const [collection, environment] = v21Outputs(build.files);
      const down = `http://127.0.0.1:${await closedPort()}`;
      summary = await new Promise<NewmanRunSummary>((resolve, reject) => {
        newman.run(
          {
            collection: collection!,
            environment: environment!,
            envVar: [
              { key: 'base', value: base },
              { key: 'down', value: down },
            ],
            reporters: [],
          },
          (error, s) => (error ? reject(error) : resolve(s)),
        );
      });
    } finally {
      project.cleanup();
    }
  });
  after(() => server.close());

  const verdicts = (item: string): Record<string, string | true> => {
    const execution = summary.run.executions.find((e) => e.item.name === item);
    assert.ok(execution, `${item} ran`);
    return Object.fromEntries((execution.assertions ?? []).map((a) => [a.assertion, a.error ? a.error.message : true]));
  };

  test(`each of ${CHECKS.length} checks passes when its value is there`, () => {
    assert.deepEqual(verdicts('Present'), Object.fromEntries(CHECKS.map((c) => [c.title, true])));
  });

  test('each fails when its value is absent, saying so (never "got nothing")', () => {
    assert.deepEqual(verdicts('Absent'), Object.fromEntries(CHECKS.map((c) => [c.title, c.absent])));
  });

  test('a refusal (HTTP 400 without the fields) passes none of them', () => {
    const refused = verdicts('Refused');
    assert.deepEqual(
      Object.keys(refused).filter((title) => refused[title] === true),
      [],
    );
  });

  test('a request that got no answer fails once, saying what did not run, and no chai text about the response', () => {
    assert.deepEqual(verdicts('Unanswered'), {
      'an answer came back': `no answer came back, so ${CHECKS.length} checks did not run and ${NOTHING_CAPTURED}`,
    });
  });

  test('no message reads "undefined", "[object Object]" or dumps the response', () => {
    const text = JSON.stringify(
      summary.run.executions.flatMap((e) => (e.assertions ?? []).map((a) => a.error?.message ?? '')),
    );
    for (const bad of ['undefined', '[object Object]', 'PostmanResponse', 'got nothing'])
      assert.ok(!text.includes(bad), `a message reads ${bad}`);
  });
});

describe('collections exported before verdicts', () => {
  test(
    'their flat test scripts still import as generated ' + 'checks and captures, not as hand-edited raw scripts',
    async () => {
      const { compileRequestScripts } = await import('../../src/compile/scripts/item-scripts.ts');
      const { importTestScript } = await import('../../src/import/scripts.ts');
      const { parseJsonPath } = await import('../../src/spec/json-path.ts');
      const { SpecSource } = await import('../../src/spec/source.ts');
      const jsonPath = parseJsonPath('$.refresh_token');
      assert.ok(jsonPath.ok);
      const origin = {
        source: new SpecSource('specs/c/Token.request.yaml', 'specs/c/Token.request.yaml', 'request', ''),
        path: [],
      };
      const request = {
        expectations: [
          { kind: 'status', codes: [200], origin },
          { kind: 'body', jsonPath: jsonPath.value, check: 'notEquals', expected: '{{refresh_token}}', origin },
        ],
        captures: [{ variable: 'refresh_token', from: { kind: 'json', jsonPath: jsonPath.value }, origin }],
        scripts: [],
        origin,
      } as unknown as Parameters<typeof compileRequestScripts>[0];
      const flat = compileRequestScripts(request, { layout: 'flat' }).test!;
      const guarded = compileRequestScripts(request, { layout: 'current' }).test!;
      assert.notDeepEqual(flat, guarded, 'the layouts differ');
      for (const exec of [flat, guarded]) {
        const imported = importTestScript(exec);
        assert.equal(imported.edited, false);
        assert.deepEqual(imported.raw, []);
        assert.deepEqual([imported.expectations.length, imported.captures.length], [2, 1]);
      }
    },
  );
});
