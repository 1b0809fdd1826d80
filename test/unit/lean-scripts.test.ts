// Issue 10: the collection's size comes from its requests, not from code repeated in each of them. Every
// request states its checks as data; the code that runs them is in the collection's test script, once.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { compileCheckRunner } from '../../src/compile/scripts/check-runner.ts';
import { buildProject } from '../../src/emit/build-project.ts';

interface Item {
  name: string;
  item?: Item[];
  event?: { listen: string; script: { exec: string[] } }[];
}

/** The benchmark's spec generator (bench/README.md), untyped JavaScript: imported by URL, typed here. */
const GENERATOR = new URL('../../bench/generate-specs.mjs', import.meta.url).href;
type GenerateSpecs = (specsDir: string, count: number) => void;

const REQUESTS = 150;
let dir: string;
let collection: { item: Item[]; event: NonNullable<Item['event']> };
let collectionBytes: number;

function requests(items: readonly Item[]): Item[] {
  return items.flatMap((item) => (item.item ? requests(item.item) : [item]));
}

/** bench/floor.mjs: every spec file parsed with `yaml` and written as one JSON.stringify. */
function floorBytes(specsDir: string): number {
  const parsed: Record<string, unknown> = {};
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(yaml|json)$/.test(entry.name))
        parsed[path.relative(specsDir, full)] = parse(readFileSync(full, 'utf8'));
    }
  };
  walk(specsDir);
  return Buffer.byteLength(JSON.stringify(parsed));
}

describe('generated scripts carry no code per request', () => {
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mvpm-lean-'));
    const { generateSpecs } = (await import(GENERATOR)) as { generateSpecs: GenerateSpecs };
    generateSpecs(path.join(dir, 'specs'), REQUESTS);
    const build = await buildProject({ cwd: dir, docsDir: 'docs' });
    assert.deepEqual(build.errors, []);
    const file = build.files.find((f) => f.path.endsWith('.postman_collection.json'))!;
    collection = JSON.parse(file.content) as typeof collection;
    collectionBytes = Buffer.byteLength(file.content);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('no request script holds a helper, a pm.test or a pm.expect; the check runner is in the collection once', () => {
    const all = requests(collection.item);
    assert.equal(all.length, REQUESTS);
    for (const request of all) {
      const code = (request.event ?? []).flatMap((e) => e.script.exec).join('\n');
      assert.doesNotMatch(code, /pm\.test\(|pm\.expect|var mvpm|jsonSchema/, request.name);
      // The needs guard is the one function a request's script may hold.
      assert.ok((code.match(/\bfunction\b/g) ?? []).length <= 1, `${request.name} holds more than the needs guard`);
    }
    const runner = compileCheckRunner().filter((line) => line.includes('function')); // not its schema table
    const scripts = [collection, ...all].flatMap((node) => (node.event ?? []).map((e) => e.script.exec));
    const holding = scripts.filter((exec) => runner.every((line) => exec.includes(line)));
    assert.equal(holding.length, 1);
    assert.equal(holding[0], collection.event.find((e) => e.listen === 'test')!.script.exec);
  });

  test(`the collection for ${REQUESTS} generated requests is at most 4 times the floor's output`, () => {
    const floor = floorBytes(path.join(dir, 'specs'));
    const ratio = collectionBytes / floor;
    assert.ok(ratio <= 4, `collection ${collectionBytes} bytes is ${ratio.toFixed(2)}× the floor's ${floor}`);
  });
});
