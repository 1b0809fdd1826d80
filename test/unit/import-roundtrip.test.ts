import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { buildProject } from '../../src/emit/build-project.js';
import { importCollection } from '../../src/import/import-collection.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every temporary directory this file makes, removed when it ends. */
const temporary: string[] = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/**
 * Literal values in the committed specs that look secret by their names but are public demo values of the stand-in
 * (its client secret and subscription key, the demo user's password): a round trip keeps them only because it
 * names them, as a person would with `mvpm import --keep-literal`.
 */
const PUBLIC_DEMO_VALUES = ['ClientSecret', 'SubscriptionKey', 'demoPassword', 'clientSecret'];

/** Builds `<cwd>/specs` in memory: output path (relative) → content, for collections and environments. */
async function build(cwd: string): Promise<Map<string, string>> {
  const result = await buildProject({ cwd });
  assert.deepEqual(
    result.errors.map((e) => e.message),
    [],
  );
  return new Map(
    result.files.filter((f) => /^(collections|environments)\//.test(f.path)).map((f) => [f.path, f.content]),
  );
}

/** build → import every collection (with every environment) → build again: the outputs must be byte-identical. */
async function roundTrip(cwd: string): Promise<void> {
  const first = await build(cwd);
  const out = tempDir('mvpm-import-');
  const environments = [...first]
    .filter(([p]) => p.startsWith('environments/'))
    .map(([p, content]) => ({
      slug: path.basename(p, '.postman_environment.json'),
      environment: JSON.parse(content) as unknown,
    }));
  for (const [p, content] of first) {
    if (!p.startsWith('collections/')) continue;
    const result = importCollection({
      collection: JSON.parse(content),
      slug: path.basename(p, '.postman_collection.json'),
      environments,
      allowScripts: true,
      keepLiterals: PUBLIC_DEMO_VALUES,
    });
    for (const file of result.files) {
      const target = path.join(out, 'specs', file.path);
      // Every import carries the environments; the first keeps them, with the `sendTo` its collection's secrets need.
      if (file.path.startsWith('environments/') && existsSync(target)) continue;
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
  }
  // A collection names its form-data files but does not hold them: they come along as they would in a project.
  if (existsSync(path.join(cwd, 'specs', 'files')))
    cpSync(path.join(cwd, 'specs', 'files'), path.join(out, 'specs', 'files'), { recursive: true });
  const second = await build(out);
  assert.deepEqual([...second.keys()].sort(), [...first.keys()].sort());
  for (const [p, content] of first) assert.equal(second.get(p), content, `${p} differs after import and rebuild`);
}

test('MediaValet specs survive build → import → build byte-for-byte', async () => {
  await roundTrip(ROOT);
});

test('checks as data, a schema requests share and bracketed paths survive build → import → build', async () => {
  const cwd = tempDir('mvpm-shared-');
  const request = (name: string, order: number, expect: string, more = ''): [string, string] => [
    `specs/c/${name}.request.yaml`,
    `$kind: mvpm-request\norder: ${order}\nauth: { type: noauth }\nmethod: GET\nurl: https://example.test/${order}\n` +
      `expect:\n${expect}${more}`,
  ];
  const files = Object.fromEntries([
    ['specs/c/.resources/definition.yaml', '$kind: mvpm-collection\nname: Shared\n'],
    ['specs/schemas/item.schema.json', '{"type":"object","required":["id"]}\n'],
    request('One', 1, '  schema: { file: ../schemas/item.schema.json }\n'),
    request(
      'Two',
      2,
      `  body:\n    "$['a.b'][0]": { equals: 1 }\n  schema: { file: ../schemas/item.schema.json }\n`,
      'capture:\n  item_id: { json: "$.items[0].id" }\n',
    ),
    request('Three', 3, '  schema: { inline: { type: array } }\n'),
  ]);
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(cwd, relative)), { recursive: true });
    writeFileSync(path.join(cwd, relative), content);
  }
  await roundTrip(cwd);
  const built = (await build(cwd)).get('collections/c.postman_collection.json')!;
  assert.match(built, /var SCHEMAS = \{/, 'the shared schema is held once, by the collection');
  assert.equal(built.split('\\"required\\":[\\"id\\"]').length - 1, 1, 'and nowhere else');
  // Read as generated checks (nothing kept as a raw script), not merely copied back as code.
  const result = importCollection({ collection: JSON.parse(built), slug: 'c', environments: [] });
  assert.deepEqual(
    result.warnings.filter((w) => w.code === 'W_IMPORT_SCRIPT'),
    [],
  );
  const two = result.files.find((f) => f.path.endsWith('Two.request.yaml'))!.content;
  assert.match(two, /schema:\n {4}file: \.\.\/schemas\/item\.schema\.json/);
  assert.match(two, /item_id:/);
});

test('golden fixtures that build survive build → import → build byte-for-byte', async () => {
  for (const fixture of ['all-constructs']) {
    const cwd = tempDir('mvpm-fixture-');
    cpSync(path.join(ROOT, 'test/golden/build', fixture, 'specs'), path.join(cwd, 'specs'), { recursive: true });
    await roundTrip(cwd);
  }
});

const collection = (auth: unknown, event: unknown[]): unknown => ({
  info: {
    _postman_id: 'x',
    name: 'Foreign',
    schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
  },
  item: [
    {
      name: 'Ping',
      id: 'abc',
      event,
      request: { method: 'GET', url: { raw: 'https://example.invalid/ping?a=1' } },
      response: [{ name: 'saved example' }],
    },
  ],
  auth,
  variable: [],
});

test('generated scripts come back as expect, capture and autoRefresh, not as raw scripts', async () => {
  const first = await build(ROOT);
  const content = first.get('collections/mediavalet.postman_collection.json')!;
  const result = importCollection({ collection: JSON.parse(content), slug: 'mediavalet', environments: [] });
  const refresh = result.files.find((f) => f.path.endsWith('Refresh access token.request.yaml'))!.content;
  assert.match(refresh, /^expect:\n {2}status: 200$/m);
  assert.match(refresh, /^capture:$/m);
  assert.match(refresh, /refresh_token:\n?\s*(\{ )?json: \$\.refresh_token/);
  assert.doesNotMatch(refresh, /^scripts:/m);
  const definition = result.files.find((f) => f.path.endsWith('mediavalet/.resources/definition.yaml'))!.content;
  assert.match(definition, /^autoRefresh:$/m);
  assert.doesNotMatch(definition, /pm\.sendRequest/);
});

test('a literal token left by "Use Token" is dropped from an oauth2 block', () => {
  const auth = {
    type: 'oauth2',
    oauth2: [
      { key: 'accessToken', value: 'eyJhbGciOiJSUzI1NiJ9.secret.sig', type: 'string' },
      { key: 'tokenType', value: 'Bearer', type: 'string' },
      { key: 'refreshToken', value: 'r-123', type: 'string' },
      { key: 'id_token', value: 'id-456', type: 'string' },
      { key: 'addTokenTo', value: 'header', type: 'string' },
      { key: 'grant_type', value: 'authorization_code', type: 'string' },
    ],
  };
  const result = importCollection({ collection: collection(auth, []), slug: 'foreign' });
  const text = result.files.map((f) => f.content).join('\n');
  for (const secret of ['eyJhbGciOiJSUzI1NiJ9', 'r-123', 'id-456', 'tokenType', '_postman_id', 'saved example', 'abc'])
    assert.ok(!text.includes(secret), secret);
  assert.match(text, /accessToken: "\{\{access_token\}\}"/);
  assert.match(text, /addTokenTo: header/);
  assert.ok(result.warnings.some((w) => w.code === 'W_IMPORT_SECRET' && w.message.includes('accessToken')));
});

test('foreign scripts survive as raw scripts and come back unchanged after a rebuild', async () => {
  const pre = ['pm.variables.set("t", Date.now());'];
  const tests = ['// hand-written', 'pm.test("ok", function () { pm.response.to.have.status(200); });'];
  const input = collection(undefined, [
    { listen: 'prerequest', script: { id: 'r1', type: 'text/javascript', exec: pre } },
    { listen: 'test', script: { id: 'r2', type: 'text/javascript', exec: tests } },
  ]);
  const out = tempDir('mvpm-foreign-');
  for (const file of importCollection({ collection: input, slug: 'foreign', allowScripts: true }).files) {
    const target = path.join(out, 'specs', file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  assert.ok(existsSync(path.join(out, 'specs/foreign/Ping.request.yaml')));
  const built = JSON.parse((await build(out)).get('collections/foreign.postman_collection.json')!) as {
    item: { event: { listen: string; script: { exec: string[] } }[] }[];
  };
  const events = Object.fromEntries(built.item[0]!.event.map((e) => [e.listen, e.script.exec]));
  assert.deepEqual(events['prerequest'], pre);
  assert.deepEqual(events['test'], tests);
});

test('a v2.0 collection (as older Postman versions export) imports to the same specs as its v2.1 form', async () => {
  const v21 = JSON.parse((await build(ROOT)).get('collections/mediavalet.postman_collection.json')!) as Record<
    string,
    unknown
  >;
  // v2.0 differs from v2.1 in its schema URL and in auth: `{type, oauth2: {key: value}}` instead of `[{key, value,
  // type}]`.
  const toV20 = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(toV20);
    if (node === null || typeof node !== 'object') return node;
    const object = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, toV20(v)]));
    const type = object['type'];
    if (
      typeof type === 'string' &&
      Array.isArray(object[type]) &&
      'type' in object &&
      Object.keys(object).length === 2
    ) {
      object[type] = Object.fromEntries(
        (object[type] as { key: string; value: unknown }[]).map((p) => [p.key, p.value]),
      );
    }
    return object;
  };
  const v20 = toV20(v21) as { info: { schema: string } };
  v20.info.schema = 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json';
  const fromV20 = importCollection({ collection: v20, slug: 'mediavalet', environments: [] });
  const fromV21 = importCollection({ collection: v21, slug: 'mediavalet', environments: [] });
  assert.deepEqual(
    fromV20.files.map((f) => [f.path, f.content]),
    fromV21.files.map((f) => [f.path, f.content]),
  );
});

test(
  'the round trip keeps exactly the named demo values and the scripts it was allowed to: ' +
    'without them they are replaced and dropped',
  async () => {
    const first = await build(ROOT);
    const environments = [...first]
      .filter(([p]) => p.startsWith('environments/'))
      .map(([p, content]) => ({
        slug: path.basename(p, '.postman_environment.json'),
        environment: JSON.parse(content) as unknown,
      }));
    const replaced = new Set<string>();
    let dropped = 0;
    for (const [p, content] of first) {
      if (!p.startsWith('collections/')) continue;
      const result = importCollection({
        collection: JSON.parse(content),
        slug: path.basename(p, '.postman_collection.json'),
        environments,
      });
      for (const w of result.warnings)
        if (w.code === 'W_IMPORT_SECRET') replaced.add(/variable "([^"]+)"/.exec(w.message)?.[1] ?? w.message);
      dropped += result.scripts.dropped;
      assert.equal(result.scripts.kept, 0);
      for (const file of result.files) assert.doesNotMatch(file.content, /^scripts:/m, file.path);
      for (const file of result.files)
        for (const demo of ['mvpm-demo-secret', 'mvpm-demo-subscription-key'])
          assert.ok(!file.content.includes(demo), `${demo} in ${file.path}`);
    }
    // The committed fixtures' collections (the real specs here) hold these demo values and hand-written scripts.
    assert.deepEqual([...replaced].sort(), PUBLIC_DEMO_VALUES.filter((name) => name !== 'clientSecret').sort());
    assert.ok(dropped >= 1, `${dropped} scripts dropped`);
  },
);

test('a URL without `raw` is read from its parts (the Postman SDK, loaded only for this)', () => {
  const parts = { protocol: 'https', host: ['example', 'invalid'], path: ['assets', ':id'], query: [] };
  const input = collection(undefined, []) as { item: { request: { url: unknown } }[] };
  input.item[0]!.request.url = parts;
  const result = importCollection({ collection: input, slug: 'c', environments: [] });
  const request = result.files.find((f) => f.path.endsWith('.request.yaml'));
  assert.match(request?.content ?? '', /^url: https:\/\/example\.invalid\/assets\/:id$/m);
});
