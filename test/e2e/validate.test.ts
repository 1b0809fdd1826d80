import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildProject } from '../../src/emit/build-project.ts';
import { minimalProject, tempProject } from '../support/helpers.ts';

/** Each bad spec and the exact diagnostics it must produce: `CODE file:line:col message | hint`. */
const INVALID: { name: string; files: Record<string, string | undefined>; expected: string[] }[] = [
  {
    name: 'unknown key with did-you-mean',
    files: {
      'specs/demo/Ping.request.yaml':
        '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\nexpcet:\n  status: 200\n',
    },
    expected: [
      'E_UNKNOWN_KEY specs/demo/Ping.request.yaml:4:1 unknown key `expcet` in the file | did you mean `expect`?',
    ],
  },
  {
    name: 'missing required key',
    files: { 'specs/demo/Ping.request.yaml': '$kind: mvpm-request\nurl: "{{baseUrl}}/ping"\n' },
    expected: [
      'E_MISSING_KEY specs/demo/Ping.request.yaml:1:1 the file is missing the required key `method` | add `method:`',
    ],
  },
  {
    name: 'wrong $kind',
    files: { 'specs/demo/Ping.request.yaml': '$kind: request\nmethod: GET\nurl: "{{baseUrl}}/ping"\n' },
    expected: [
      'E_KIND specs/demo/Ping.request.yaml:1:8 this file must say `$kind: mvpm-request` | request files are ' +
        'recognised by their name and place; see docs/spec-format.md',
    ],
  },
  {
    name: 'the old kinds, which Postman would open without the checks, each with its one-line fix',
    files: {
      'specs/demo/Ping.request.yaml': '$kind: http-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\n',
      'specs/demo/F/.resources/definition.yaml': '$kind: folder\n',
      'specs/demo/F/Pong.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/pong"\n',
    },
    expected: [
      'E_OLD_KIND specs/demo/F/.resources/definition.yaml:1:8 `$kind: folder` is the old kind, which Postman opens ' +
        'as its own, silently dropping the checks | write `$kind: mvpm-folder`',
      'E_OLD_KIND specs/demo/Ping.request.yaml:1:8 `$kind: http-request` is the old kind, which Postman opens as ' +
        'its own, silently dropping the checks | write `$kind: mvpm-request`',
    ],
  },
  {
    name: 'enum value with did-you-mean',
    files: { 'specs/demo/Ping.request.yaml': '$kind: mvpm-request\nmethod: GTE\nurl: "{{baseUrl}}/ping"\n' },
    expected: [
      'E_VALUE specs/demo/Ping.request.yaml:2:9 `method` must be one of `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, ' +
        '`HEAD`, `OPTIONS` | did you mean `GET`?',
    ],
  },
  {
    name: 'unquoted {{variable}} is a YAML flow mapping',
    files: { 'specs/demo/Ping.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: {{baseUrl}}\n' },
    expected: [
      'E_TYPE specs/demo/Ping.request.yaml:3:6 `url` must be a string | a value starting with {{ must be quoted: ' +
        '"{{name}}"',
    ],
  },
  {
    name: 'YAML syntax error',
    files: { 'specs/demo/Ping.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: {{baseUrl}}/ping\n' },
    expected: [
      'E_YAML_SYNTAX specs/demo/Ping.request.yaml:3:17 Unexpected scalar at node end | a value starting with {{ ' +
        'must be quoted: url: "{{authBaseUrl}}/connect/token"',
    ],
  },
  {
    name: 'status out of range',
    files: {
      'specs/demo/Ping.request.yaml':
        '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\nexpect:\n  status: [200, 99]\n',
    },
    expected: ['E_VALUE specs/demo/Ping.request.yaml:5:17 `expect.status[1]` must be >= 100'],
  },
  {
    name: 'undefined variable with did-you-mean',
    files: {
      'specs/demo/Ping.request.yaml':
        '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\nheaders:\n  X-Id: "id-{{baseUlr}}"\n',
    },
    expected: [
      'E_UNDEFINED_VARIABLE specs/demo/Ping.request.yaml:5:13 `{{baseUlr}}` is not defined | did you mean `baseUrl`?',
    ],
  },
  {
    name: 'dynamic variables are exempt',
    files: {
      'specs/demo/Ping.request.yaml':
        '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping?n={{$guid}}&t={{$timestamp}}"\n',
    },
    expected: [],
  },
  {
    name: 'capture used before it is set',
    files: {
      'specs/demo/A.request.yaml': '$kind: mvpm-request\norder: 1\nmethod: GET\nurl: "{{baseUrl}}/a?t={{token}}"\n',
      'specs/demo/B.request.yaml':
        '$kind: mvpm-request\norder: 2\nmethod: GET\nurl: "{{baseUrl}}/b"\ncapture:\n  token: { json: $.token }\n',
    },
    expected: [
      'E_CAPTURE_BEFORE_SET specs/demo/A.request.yaml:4:23 `{{token}}` is used before it is captured by "B" | move ' +
        'this request after the one that captures it (see `order`), or give the variable a default in ' +
        'every environment',
    ],
  },
  {
    name: 'capture used after it is set, and runtime variables',
    files: {
      'specs/demo/.resources/definition.yaml':
        '$kind: mvpm-collection\nname: Demo\nruntimeVariables:\n  code: typed in\n',
      'specs/demo/A.request.yaml':
        '$kind: mvpm-request\norder: 1\nmethod: GET\nurl: "{{baseUrl}}/a?code={{code}}"\ncapture:\n' +
        '  token: { json: $.token }\n',
      'specs/demo/B.request.yaml': '$kind: mvpm-request\norder: 2\nmethod: GET\nurl: "{{baseUrl}}/b?t={{token}}"\n',
    },
    expected: [],
  },
  {
    name: 'variable missing from one environment',
    files: {
      'specs/environments/two.environment.yaml':
        '$kind: mvpm-environment\nname: Two\nvariables:\n  baseUrl: { value: x }\n  extra: { value: y }\n',
    },
    expected: [
      'E_ENV_MISSING_VARIABLE specs/environments/one.environment.yaml:3:1 environment "One" has no variable `extra`,' +
        ' which "Two" defines | add `extra: { value: "" }` under variables (or `extra: { secret: true }`)',
    ],
  },
  {
    name: 'secret with a value',
    files: {
      'specs/environments/one.environment.yaml':
        '$kind: mvpm-environment\nname: One\nvariables:\n  baseUrl: { value: x }\n' +
        '  key: { secret: true, value: s3cr3t }\n',
      'specs/environments/two.environment.yaml':
        '$kind: mvpm-environment\nname: Two\nvariables:\n  baseUrl: { value: x }\n  key: { secret: true }\n',
    },
    expected: [
      'E_SECRET_VALUE specs/environments/one.environment.yaml:5:24 secret `key` must not have a value in the spec | ' +
        'remove `value`: secrets are supplied at run time (the Postman current value, or newman --env-var)',
    ],
  },
  {
    name: 'duplicate names in a folder',
    files: {
      'specs/demo/ping.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\n',
    },
    expected: [
      'E_DUPLICATE_NAME specs/demo/ping.request.yaml:1:1 "ping" has the same name as the request "Ping" in the same ' +
        'folder | rename one of them: names select folders with --folder and label results in reports',
    ],
  },
  {
    name: 'bad JSON path and bad regex',
    files: {
      'specs/demo/Ping.request.yaml':
        '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\nexpect:\n  body:\n    $.a[*]: { exists: true }\n' +
        '    $.b: { matches: "(" }\n',
    },
    expected: [
      'E_BAD_JSON_PATH specs/demo/Ping.request.yaml:6:5 `$.a[*]` is not a supported JSON path: expected `.name`, ' +
        "`[index]` or `['name']`; filters and wildcards are not supported | write paths like " +
        "$.payload[0].id or $['token_type']",
      'E_BAD_REGEX specs/demo/Ping.request.yaml:7:21 invalid regular expression: Invalid regular expression: /(/: ' +
        'Unterminated group | this is a JavaScript regular expression; escape ( ) [ ] . ? + * with a ' +
        'backslash',
    ],
  },
  {
    name: 'capture with two sources, and a regex without a group',
    files: {
      'specs/demo/Ping.request.yaml':
        '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\ncapture:\n  a: { json: $.a, header: X }\n' +
        '  b: { header: Location, regex: "code=[^&]+" }\n',
    },
    expected: [
      'E_CAPTURE_SOURCE specs/demo/Ping.request.yaml:5:3 capture `a` needs exactly one of `json`, `header`, ' +
        '`expiresIn`, `variable`; it has `json` and `header` | e.g. `access_token: { json: $.access_token }`',
      'E_BAD_REGEX specs/demo/Ping.request.yaml:6:33 the capture regex has no group | wrap the part to keep in ' +
        'parentheses, e.g. "[?&]code=([^&]+)"',
    ],
  },
  {
    name: 'schema file missing',
    files: {
      'specs/demo/Ping.request.yaml':
        '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\nexpect:\n  schema: { file: nope.json }\n',
    },
    expected: [
      'E_SCHEMA_FILE specs/demo/Ping.request.yaml:5:19 schema file not found: specs/demo/nope.json | the path is ' +
        'relative to this request file',
    ],
  },
  {
    name: 'draft-04 body schema',
    files: {
      'specs/demo/Ping.request.yaml':
        '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\nexpect:\n  schema:\n' +
        '    inline: { $schema: "http://json-schema.org/draft-04/schema#", type: object }\n',
    },
    expected: [
      'E_BAD_JSON_SCHEMA specs/demo/Ping.request.yaml:6:13 inline schema is not a valid draft-07 JSON Schema: ' +
        '$schema is "http://json-schema.org/draft-04/schema#" | Postman checks body schemas with draft-07; ' +
        'fix the schema or remove its $schema line',
    ],
  },
  {
    name: 'credentials on an inherit auth, and oauth2 typo',
    files: {
      'specs/demo/.resources/definition.yaml':
        '$kind: mvpm-collection\nname: Demo\nauth:\n  type: oauth2\n  credentials:\n' +
        '    grant_type: authorization_code\n' +
        '    accessToken: "{{baseUrl}}"\n    clientSecert: x\n',
      'specs/demo/Ping.request.yaml':
        '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\nauth:\n  type: inherit\n' +
        '  credentials: { token: x }\n',
    },
    expected: [
      'E_UNKNOWN_KEY specs/demo/.resources/definition.yaml:8:5 unknown key `clientSecert` in `auth.credentials` | ' +
        'did you mean `clientSecret`?',
      'E_UNKNOWN_KEY specs/demo/Ping.request.yaml:6:3 `credentials` is not allowed in `auth` with type `inherit` | ' +
        'remove `credentials`',
    ],
  },
  {
    name: 'a URL that is not absolute',
    files: { 'specs/demo/Ping.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: /ping\n' },
    expected: [
      'E_BAD_URL specs/demo/Ping.request.yaml:3:6 `/ping` is not an absolute URL | start it with http:// or ' +
        'https://, or with a {{variable}} that holds such a base URL',
    ],
  },
  {
    name: 'language on a JSON body',
    files: {
      'specs/demo/Ping.request.yaml':
        '$kind: mvpm-request\nmethod: POST\nurl: "{{baseUrl}}/ping"\nbody:\n  type: json\n  language: xml\n' +
        '  content: {}\n',
    },
    expected: [
      'E_UNKNOWN_KEY specs/demo/Ping.request.yaml:6:3 `language` is not allowed in `body` with type `json` | remove ' +
        '`language`',
    ],
  },
  {
    name: 'a file in a urlencoded body',
    files: {
      'specs/demo/Ping.request.yaml':
        '$kind: mvpm-request\nmethod: POST\nurl: "{{baseUrl}}/ping"\nbody:\n  type: urlencoded\n  content:\n' +
        '    f: { src: a.bin }\n',
    },
    expected: ['E_TYPE specs/demo/Ping.request.yaml:7:8 `body.content.f` must be a string or number or boolean'],
  },
  {
    name: 'OAuth 2.0 on a request',
    files: {
      'specs/demo/Ping.request.yaml':
        '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\nauth: { type: oauth2 }\n',
    },
    expected: [
      'E_VALUE specs/demo/Ping.request.yaml:4:15 `auth.type` must be one of `inherit`, `noauth`, `bearer`, `basic` |' +
        ' OAuth 2.0 is set once, on the collection (.resources/definition.yaml); folders and requests ' +
        'inherit it',
    ],
  },
  {
    name: 'spaces inside braces, and an unknown dynamic variable',
    files: {
      'specs/demo/Ping.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{ baseUrl }}/ping?id={{$guld}}"\n',
    },
    expected: [
      'E_UNDEFINED_VARIABLE specs/demo/Ping.request.yaml:3:7 `{{ baseUrl }}` is not defined | remove the spaces: ' +
        'Postman does not trim them, so {{ baseUrl }} is sent as it is; write {{baseUrl}}',
      'E_UNDEFINED_VARIABLE specs/demo/Ping.request.yaml:3:29 `{{$guld}}` is not defined | did you mean `$guid`?',
    ],
  },
  {
    name: 'length bounds that can never pass',
    files: {
      'specs/demo/Ping.request.yaml':
        '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\nexpect:\n  body:\n' +
        '    $.a: { length: { min: 5, max: 2 } }\n',
    },
    expected: [
      'E_VALUE specs/demo/Ping.request.yaml:6:20 `length` has min 5 above max 2, so it can never pass | swap them, ' +
        'or give an exact length',
    ],
  },
  {
    name: 'an empty capture',
    files: {
      'specs/demo/Ping.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\ncapture:\n  a: {}\n',
    },
    expected: [
      'E_CAPTURE_SOURCE specs/demo/Ping.request.yaml:5:3 capture `a` needs exactly one of `json`, `header`, ' +
        '`expiresIn`, `variable`; it has none | e.g. `access_token: { json: $.access_token }`',
    ],
  },
  {
    name: 'no collection',
    files: { 'specs/demo/.resources/definition.yaml': undefined, 'specs/demo/Ping.request.yaml': undefined },
    expected: [
      'E_NO_SPECS specs:1:1 no collection found | create specs/<name>/.resources/definition.yaml with "$kind: ' +
        'collection"',
    ],
  },
];

function render(d: {
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}): string {
  return `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}${d.hint ? ` | ${d.hint}` : ''}`;
}

describe('spec validation: warnings', () => {
  test(
    'a misspelt request or environment file is reported as ignored, ' +
      'and a directory without requests is not a folder',
    async () => {
      const project = tempProject(
        minimalProject({
          'specs/demo/Other.request.yml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/x"\n',
          'specs/demo/schemas/thing.json': '{}',
          'specs/environments/three.yaml': '$kind: mvpm-environment\nname: Three\nvariables: {}\n',
        }),
      );
      try {
        const result = await buildProject({ cwd: project.dir });
        assert.deepEqual(result.errors, []);
        assert.deepEqual(result.warnings.map(render), [
          'W_IGNORED_FILE specs/demo/Other.request.yml:1:1 this YAML file is ignored: it is not a ' +
            '`<name>.request.yaml`, `.resources/definition.yaml` or `environments/<name>.environment.yaml` ' +
            '| rename it to Other.request.yaml if it is a request',
          'W_IGNORED_FILE specs/environments/three.yaml:1:1 this YAML file is ignored: it is not a ' +
            '`<name>.request.yaml`, `.resources/definition.yaml` or `environments/<name>.environment.yaml` ' +
            '| rename it to three.environment.yaml if it is an environment',
        ]);
        const collection = JSON.parse(result.files[0]!.content) as { item: { name: string }[] };
        assert.deepEqual(
          collection.item.map((i) => i.name),
          ['Ping'],
        );
      } finally {
        project.cleanup();
      }
    },
  );
});

describe('spec validation: each mistake gives its exact located error', () => {
  for (const c of INVALID) {
    test(c.name, async () => {
      const project = tempProject(minimalProject(c.files));
      try {
        const result = await buildProject({ cwd: project.dir });
        assert.deepEqual(result.errors.map(render), c.expected);
        assert.equal(
          result.files.length === 0,
          c.expected.length > 0,
          'a build with errors produces no files, one without does',
        );
      } finally {
        project.cleanup();
      }
    });
  }
});
