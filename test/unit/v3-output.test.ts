// The v3 (Postman v12) form of the build: made from the compiled v2.1 collection, deterministic, ids shared with
// v2.1 and derived (never random), sibling orders 1000 apart, no secret value in an environment, and every file
// name made safe by the path guard.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import type { PostmanCollection } from '../../src/compile/compile-collection.ts';
import { createCompileContext } from '../../src/compile/context.ts';
import { stableId } from '../../src/compile/ids.ts';
import { buildProject, type OutputFile } from '../../src/emit/build-project.ts';
import { nameProblem } from '../../src/paths/path-guard.ts';
import { v3CollectionFiles } from '../../src/v3/v3-collection.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';

const ctx = createCompileContext();

async function build(): Promise<{ v3: OutputFile[]; v21: OutputFile[] }> {
  const result = await buildProject({ cwd: PROJECT_ROOT, stateDir: '/nonexistent' });
  assert.deepEqual(result.errors, []);
  return { v3: result.files.filter((f) => f.editable), v21: result.files.filter((f) => !f.editable) };
}

const doc = (file: OutputFile): Record<string, unknown> => parse(file.content) as Record<string, unknown>;

describe('v3 output', () => {
  test('two builds give byte-identical v3 files, in the layout Postman v12 opens', async () => {
    const [a, b] = [await build(), await build()];
    assert.deepEqual(
      a.v3.map((f) => [f.relative, f.content]),
      b.v3.map((f) => [f.relative, f.content]),
    );
    const paths = a.v3.map((f) => f.relative);
    assert.ok(paths.includes('collections/mediavalet/.resources/definition.yaml'));
    assert.ok(paths.includes('collections/mediavalet/API/List categories.request.yaml'));
    assert.ok(paths.includes('environments/local-standin.environment.yaml'));
  });

  test('ids are the v2.1 ids; the collection auth id is derived from its path', async () => {
    const { v3, v21 } = await build();
    const collection = JSON.parse(
      v21.find((f) => f.relative === 'mediavalet.postman_collection.json')!.content,
    ) as PostmanCollection;
    const root = doc(v3.find((f) => f.relative === 'collections/mediavalet/.resources/definition.yaml')!);
    assert.equal(root['id'], collection.info._postman_id);
    assert.deepEqual(
      (root['auth'] as { id: string }[]).map((a) => a.id),
      [stableId(ctx, 'auth', 'mediavalet')],
    );
    const v21Ids = new Set([...JSON.stringify(collection).matchAll(/id":"([0-9a-f-]{36})"/g)].map((m) => m[1]));
    for (const file of v3.filter((f) => f.relative.startsWith('collections/mediavalet/')))
      assert.ok(v21Ids.has(doc(file)['id'] as string), `${file.relative}: id not in the v2.1 collection`);
  });

  test('scripts are the v2.1 scripts, with the v3 types', async () => {
    const { v3, v21 } = await build();
    const collection = JSON.parse(
      v21.find((f) => f.relative === 'mediavalet.postman_collection.json')!.content,
    ) as PostmanCollection;
    const root = doc(v3.find((f) => f.relative === 'collections/mediavalet/.resources/definition.yaml')!);
    const scripts = root['scripts'] as { type: string; code: string; language: string }[];
    assert.deepEqual(
      scripts.map((s) => [s.type, s.code, s.language]),
      collection.event!.map((e) => [
        e.listen === 'prerequest' ? 'http:beforeRequest' : 'http:afterResponse',
        (e.script!.exec as string[]).join('\n'),
        'text/javascript',
      ]),
    );
    const request = doc(v3.find((f) => f.relative.endsWith('/List categories.request.yaml'))!);
    assert.deepEqual(
      (request['scripts'] as { type: string }[]).map((s) => s.type),
      ['beforeRequest'],
    );
    assert.equal(request['url'], '{{apiBaseUrl}}/categories');
    assert.deepEqual(request['queryParams'], [
      { key: 'offset', value: '0' },
      { key: 'count', value: '50' },
    ]);
  });

  test('sibling orders are 1000, 2000, … in run order, in every directory', async () => {
    const { v3 } = await build();
    const byDir = new Map<string, number[]>();
    for (const file of v3.filter((f) => f.relative.startsWith('collections/'))) {
      const order = doc(file)['order'];
      const parts = file.relative.split('/');
      const isDefinition = parts.at(-2) === '.resources';
      if (isDefinition && parts.length === 4) {
        assert.equal(order, undefined, 'a collection root has no order');
        continue;
      }
      const dir = parts.slice(0, isDefinition ? -3 : -1).join('/');
      byDir.set(dir, [...(byDir.get(dir) ?? []), order as number]);
    }
    assert.ok(byDir.size > 3);
    for (const [dir, orders] of byDir)
      assert.deepEqual(
        orders,
        orders.map((_, i) => (i + 1) * 1000),
        dir,
      );
  });

  test('no secret value reaches a v3 environment', async () => {
    const { v3 } = await build();
    const environments = v3.filter((f) => f.relative.startsWith('environments/'));
    assert.equal(environments.length, 2);
    let secrets = 0;
    for (const file of environments)
      for (const v of doc(file)['values'] as { key: string; value: string; type: string }[]) {
        assert.deepEqual(Object.keys(v), ['key', 'value', 'enabled', 'type']);
        if (v.type === 'secret') {
          secrets++;
          assert.equal(v.value, '', `${file.relative}: ${v.key}`);
        }
      }
    // The stand-in's demo client secret is public, and typed secret: it must still be written empty.
    assert.ok(secrets >= 6);
  });

  test('hostile item names become safe, unique file names and keep their real name in `name:`', () => {
    const request = (name: string) => ({ name, id: name, request: { method: 'GET', url: { raw: 'x' } } });
    const collection = {
      info: { _postman_id: 'c', name: 'C', schema: '' },
      item: [
        request('../../etc/passwd'),
        request('CON'),
        request('a/b\\c:d'),
        request('Ping'),
        request('PING'),
        request(' lead\u202Eevil. '),
        { name: 'x.request.yaml', id: 'f', item: [request('.resources')] },
        { name: '..', id: 'g', item: [] },
      ],
    } as unknown as PostmanCollection;
    const files = [...v3CollectionFiles(collection, 'c', ctx)];
    const seen = new Set<string>();
    for (const file of files) {
      for (const part of file.relative.split('/'))
        assert.equal(nameProblem(part), undefined, `${file.relative}: ${part}`);
      assert.ok(!seen.has(file.relative.toLowerCase()), `${file.relative} twice`);
      seen.add(file.relative.toLowerCase());
      if (file.relative.endsWith('.request.yaml')) {
        const stem = file.relative.split('/').at(-1)!.slice(0, -'.request.yaml'.length);
        const name = (file.document['name'] as string | undefined) ?? stem;
        assert.equal(file.document['id'], name, `${file.relative} keeps its real name`);
      }
    }
    const relatives = files.map((f) => f.relative);
    assert.ok(relatives.includes('collections/c/CON_.request.yaml') || relatives.some((r) => /_CON/.test(r)));
    assert.ok(relatives.includes('collections/c/PING (2).request.yaml'));
    assert.ok(!relatives.some((r) => r.includes('/x.request.yaml/')), 'a folder never reads as a request file');
  });
});
