import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rawUrl } from '../../src/compile/compile-request.ts';
import { buildProject } from '../../src/emit/build-project.ts';
import type { RequestSpec } from '../../src/spec/model.ts';
import { minimalProject, tempProject } from '../support/helpers.ts';

const URLS: { url: string; query: [string, string][]; raw: string }[] = [
  { url: '{{base}}/a', query: [], raw: '{{base}}/a' },
  {
    url: '{{base}}/a',
    query: [
      ['offset', '0'],
      ['count', '{{n}}'],
    ],
    raw: '{{base}}/a?offset=0&count={{n}}',
  },
  { url: '{{base}}/a?x=1', query: [['y', '2']], raw: '{{base}}/a?x=1&y=2' },
  { url: '{{base}}/a#top', query: [['y', '2']], raw: '{{base}}/a?y=2#top' },
  {
    url: '{{base}}/a',
    query: [
      ['q', 'a b&c=d'],
      ['p', '100%+{{v}}#'],
    ],
    raw: '{{base}}/a?q=a%20b%26c%3Dd&p=100%25%2B{{v}}%23',
  },
  { url: '{{base}}/a', query: [['naïve', 'é']], raw: '{{base}}/a?na%C3%AFve=%C3%A9' },
  { url: '{{base}}/a', query: [['q', 'ok 😀']], raw: '{{base}}/a?q=ok%20%F0%9F%98%80' },
];

describe('url.raw', () => {
  for (const c of URLS) {
    test(`${c.url} + ${JSON.stringify(c.query)}`, () => {
      const request = { url: c.url, query: c.query.map(([key, value]) => ({ key, value })) } as unknown as RequestSpec;
      assert.equal(rawUrl(request), c.raw);
    });
  }
});

test('maps keep the order they were written in, integer-like keys included', async () => {
  const project = tempProject(
    minimalProject({
      'specs/demo/Ping.request.yaml': [
        '$kind: mvpm-request',
        'method: POST',
        'url: "{{baseUrl}}/ping"',
        'query:',
        '  b: 1',
        '  "10": ten',
        '  a: 2',
        'body:',
        '  type: json',
        '  content:',
        '    z: { "2": two, "1": one }',
        '    "5": five',
      ].join('\n'),
    }),
  );
  try {
    const result = await buildProject({ cwd: project.dir });
    assert.deepEqual(result.errors, []);
    const request = (
      JSON.parse(result.files[0]!.content) as { item: { request: { url: { raw: string }; body: { raw: string } } }[] }
    ).item[0]!.request;
    assert.equal(request.url.raw, '{{baseUrl}}/ping?b=1&10=ten&a=2');
    assert.equal(request.body.raw, '{\n  "z": {\n    "2": "two",\n    "1": "one"\n  },\n  "5": "five"\n}');
  } finally {
    project.cleanup();
  }
});
