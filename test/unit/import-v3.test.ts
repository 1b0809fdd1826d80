// `mvpm import` of the Postman v3 YAML format. The fixtures under test/golden/import-v3/migrated-*/collection were
// written by Postman CLI 1.62.0 `postman collection migrate` from our own committed v2.1 collections
// (collections/mediavalet.postman_collection.json, collections/standin-sign-in.postman_collection.json): importing
// them must give exactly what importing the v2.1 files gives, and specs that build to those v2.1 files again.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { buildProject } from '../../src/emit/build-project.js';
import { importCollection, type ImportResult } from '../../src/import/import-collection.js';
import { ImportError } from '../../src/import/import-error.js';
import { importV3, readV3Collection } from '../../src/import/v3/import-v3.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GOLDEN = path.join(ROOT, 'test', 'golden', 'import-v3');
/** Collection slug → the v3 directory Postman's migrate wrote from collections/<slug>.postman_collection.json. */
const MIGRATED: Readonly<Record<string, string>> = {
  mediavalet: path.join(GOLDEN, 'migrated-mediavalet', 'collection'),
  'standin-sign-in': path.join(GOLDEN, 'migrated-standin-sign-in-allow-scripts', 'collection'),
};
/**
 * What Postman's migrate loses, so no import can bring it back: it writes a collection's variables as a mapping of
 * name → value, without their descriptions. The comparisons leave exactly that out of the v2.1 side.
 */
function withoutVariableDescriptions(collection: unknown): unknown {
  const c = structuredClone(collection) as { variable?: { description?: unknown }[] };
  for (const v of c.variable ?? []) delete v.description;
  return c;
}

/** Public demo values of the stand-in that look secret by name (as in import-roundtrip.test.ts). */
const PUBLIC_DEMO_VALUES = ['ClientSecret', 'SubscriptionKey', 'demoPassword', 'clientSecret'];

const temporary: string[] = [];
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** A copy of a migrated tree named after its collection (the directory's name is the spec directory's). */
function migratedCopy(slug: string): string {
  const dir = path.join(tempDir('mvpm-v3-'), slug);
  cpSync(MIGRATED[slug]!, dir, { recursive: true });
  return dir;
}

function environmentsOf(files: ReadonlyMap<string, string>): { slug: string; environment: unknown }[] {
  return [...files]
    .filter(([p]) => p.startsWith('environments/'))
    .map(([p, content]) => ({ slug: path.basename(p, '.postman_environment.json'), environment: JSON.parse(content) }));
}

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

function write(out: string, result: ImportResult): void {
  for (const file of result.files) {
    const target = path.join(out, 'specs', file.path);
    // Every import carries the environments; the first keeps them, with the `sendTo` its collection's secrets need.
    if (file.path.startsWith('environments/') && existsSync(target)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
}

test("Postman's migrate of our collections imports to exactly the specs their v2.1 files import to", () => {
  for (const slug of Object.keys(MIGRATED)) {
    const file = path.join(ROOT, 'collections', `${slug}.postman_collection.json`);
    const v21 = withoutVariableDescriptions(JSON.parse(readFileSync(file, 'utf8')));
    const options = { slug, environments: [], allowScripts: true, keepLiterals: PUBLIC_DEMO_VALUES };
    const fromJson = importCollection({ ...options, collection: v21 });
    const fromV3 = importV3(migratedCopy(slug), options);
    assert.deepEqual(fromV3.files, fromJson.files, `${slug}: the spec files differ`);
    assert.deepEqual(fromV3.warnings, fromJson.warnings, `${slug}: the warnings differ`);
    assert.deepEqual(fromV3.scripts, fromJson.scripts);
  }
});

test('build → v2.1 → Postman migrate → import → build is byte-identical', async () => {
  const first = await build(ROOT);
  const environments = environmentsOf(first);
  const out = tempDir('mvpm-v3-roundtrip-');
  for (const slug of Object.keys(MIGRATED)) {
    const read = readV3Collection(migratedCopy(slug));
    assert.equal(read.slug, slug);
    const result = importCollection({
      collection: read.collection,
      slug: read.slug,
      environments,
      allowScripts: true,
      keepLiterals: PUBLIC_DEMO_VALUES,
    });
    write(out, result);
  }
  const second = await build(out);
  assert.deepEqual([...second.keys()].sort(), [...first.keys()].sort());
  for (const [p, content] of first) {
    const lossy = p === 'collections/standin-sign-in.postman_collection.json';
    if (!lossy) assert.equal(second.get(p), content, `${p} differs after the v3 round trip`);
    // Its variables' descriptions did not survive Postman's migrate; everything else must.
    else assert.deepEqual(JSON.parse(second.get(p)!), withoutVariableDescriptions(JSON.parse(content)));
  }
  assert.ok(first.get('collections/standin-sign-in.postman_collection.json')!.includes('"description"'));
});

test('importV3 takes the collection directory or its definition.yaml, and v3 environment files', () => {
  const dir = migratedCopy('mediavalet');
  const environment = path.join(GOLDEN, 'migrated-mediavalet', 'environment.yaml');
  const byDir = importV3(dir, { environments: [environment] });
  const byDefinition = importV3(path.join(dir, '.resources', 'definition.yaml'), { environments: [environment] });
  assert.deepEqual(byDefinition, byDir);
  const env = byDir.files.find((f) => f.path === 'environments/environment.environment.yaml');
  assert.ok(env, byDir.files.map((f) => f.path).join(', '));
  assert.match(env.content, /ClientSecret:\n {4}secret: true/);
  assert.match(env.content, /authBaseUrl:\n {4}value: https:\/\/login\.mediavalet\.com/);
});

test("an error the importer raises about an item is located in the item's v3 file", () => {
  const dir = migratedCopy('mediavalet');
  const long = 'x'.repeat(190);
  // Six folders of 190-byte names make a path over MAX_IMPORT_PATH_BYTES: the importer finds it, not the reader.
  let current = dir;
  for (let i = 0; i < 6; i++) {
    current = path.join(current, `${i}${long}`);
    mkdirSync(path.join(current, '.resources'), { recursive: true });
    writeFileSync(path.join(current, '.resources', 'definition.yaml'), `$kind: collection\norder: ${900000 + i}\n`);
  }
  writeFileSync(path.join(current, 'Leaf.request.yaml'), '$kind: http-request\nurl: https://example.test/\n');
  assert.throws(
    () => importV3(dir),
    (error: unknown) => {
      assert.ok(error instanceof ImportError);
      assert.equal(error.code, 'E_IMPORT_PATH_TOO_LONG');
      // The folder whose definition made the path too long, named (cut in the middle) as in the collection.
      assert.match(error.part ?? '', /^0x+…x+\/\.resources\/definition\.yaml$/);
      assert.equal(error.pointer, undefined, 'no pointer into a v2.1 document the user never saw');
      return true;
    },
  );
});
