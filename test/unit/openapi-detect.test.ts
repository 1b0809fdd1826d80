// Which import inputs are OpenAPI documents (src/import/openapi/detect.ts): a root `openapi`/`swagger` key, found
// without parsing, and never in a Postman collection or a v3 collection's definition.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { isOpenApiFile, looksLikeOpenApi } from '../../src/import/openapi/detect.js';
import { tempProject } from '../support/helpers.js';

test('a root openapi or swagger key, in YAML or JSON, and nothing else', () => {
  const cases: [string, boolean][] = [
    ['openapi: 3.0.3\ninfo: {}\n', true],
    ['# comment\n---\nswagger: "2.0"\n', true],
    ['"openapi": 3.1.0\n', true],
    ['\uFEFFopenapi: 3.1.0\n', true],
    ['info:\n  title: x\nopenapi: 3.0.0\n', true],
    ['info:\n  openapi: 3.0.0\n', false],
    ['description: |\n  openapi: 3.0.0\n', false],
    ['openapiVersion: 3\n', false],
    ['$kind: mvpm-collection\nname: x\n', false],
    ['{"openapi": "3.0.0", "info": {}}', true],
    ['  {"info": {"title": "a \\" openapi"}, "paths": {}, "swagger" : "2.0"}', true],
    ['{"info": {"openapi": "3.0.0"}, "item": []}', false],
    ['{"info": {"name": "openapi"}, "item": [{"name": "swagger"}]}', false],
    ['{"variable": [{"key": "openapi", "value": "x"}]}', false],
    ['{"a": "openapi", "b": ["swagger"]}', false],
  ];
  for (const [text, expected] of cases) assert.equal(looksLikeOpenApi(text), expected, JSON.stringify(text));
});

test('only regular .yaml, .yml and .json files are looked at', () => {
  const { dir, cleanup } = tempProject({
    'a.yaml': 'openapi: 3.0.0\n',
    'a.yml': 'swagger: "2.0"\n',
    'a.json': '{"openapi":"3.1.0"}',
    'a.txt': 'openapi: 3.0.0\n',
    'collection.json': '{"info":{"schema":"v2.1"},"item":[]}',
  });
  try {
    mkdirSync(path.join(dir, 'd.yaml'));
    writeFileSync(path.join(dir, 'd.yaml', 'x'), '');
    const found = ['a.yaml', 'a.yml', 'a.json', 'a.txt', 'collection.json', 'd.yaml', 'missing.yaml'].filter((f) =>
      isOpenApiFile(path.join(dir, f)),
    );
    assert.deepEqual(found, ['a.yaml', 'a.yml', 'a.json']);
  } finally {
    cleanup();
  }
});
