// Form-data files: a run uploads only regular files inside specs/files/. Every `src` of the collection is checked by
// real path before anything is sent, and Newman gets the folder as its workingDir with insecureFileRead off, so a
// `src` a script changes while the run goes is held to the folder too.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RunError } from '../../src/run/errors.ts';
import { checkFileSources, filesDirectory } from '../../src/run/file-sources.ts';
import { runSuite } from '../../src/run/run-suite.ts';
import { PROJECT_ROOT, tempProject } from '../support/helpers.ts';
import { RUNNER_OPTION, runCollectionWith } from '../support/runner.ts';

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
const OUTSIDE = 'outside-the-folder-4f1c';

function upload(name: string, url: string, formdata: object[], prerequest?: string): object {
  return {
    name,
    ...(prerequest
      ? { event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: [prerequest] } }] }
      : {}),
    request: { method: 'POST', url, body: { mode: 'formdata', formdata } },
  };
}

function isFileSrcError(...lines: RegExp[]) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof RunError, String(error));
    assert.equal(error.code, 'E_FILE_SRC');
    for (const line of lines) assert.match(error.message, line);
    return true;
  };
}

let project: { dir: string; cleanup: () => void };
let files: string;

describe('form-data files', () => {
  before(() => {
    project = tempProject({
      'specs/files/hello.txt': 'hello from specs/files',
      'specs/files/sub/pic.bin': 'pic',
      'outside.txt': OUTSIDE,
    });
    files = filesDirectory(project.dir);
  });
  after(() => project.cleanup());

  test('every bad src in a collection is reported at once; good ones pass', () => {
    symlinkSync(path.join(project.dir, 'outside.txt'), path.join(files, 'link.txt'));
    try {
      const collection = {
        info: { name: 'T', schema: SCHEMA },
        item: [
          upload('Good', 'http://127.0.0.1:1/', [
            { key: 'a', type: 'file', src: 'hello.txt' },
            { key: 'b', type: 'file', src: ['sub/pic.bin', 'hello.txt'] },
            { key: 'c', type: 'text', value: 'x' },
          ]),
          {
            name: 'Folder',
            item: [
              upload('Absolute', 'http://127.0.0.1:1/', [{ key: 'f', type: 'file', src: '/etc/hostname' }]),
              upload('Climbs', 'http://127.0.0.1:1/', [{ key: 'f', type: 'file', src: '../../../../root/.npmrc' }]),
              upload('Through a link', 'http://127.0.0.1:1/', [{ key: 'f', type: 'file', src: 'link.txt' }]),
              upload('In a list', 'http://127.0.0.1:1/', [
                { key: 'f', type: 'file', src: ['hello.txt', '../outside.txt'] },
              ]),
              upload('Variable', 'http://127.0.0.1:1/', [{ key: 'f', type: 'file', src: '{{path}}' }]),
              upload('Text type with src', 'http://127.0.0.1:1/', [{ key: 'f', type: 'text', src: '/etc/passwd' }]),
              upload('Not a string', 'http://127.0.0.1:1/', [{ key: 'f', type: 'file', src: 42 }]),
              upload('A directory', 'http://127.0.0.1:1/', [{ key: 'f', type: 'file', src: 'sub' }]),
              upload('Dot slash', 'http://127.0.0.1:1/', [{ key: 'f', type: 'file', src: './hello.txt' }]),
              {
                name: 'File body',
                request: {
                  method: 'POST',
                  url: 'http://127.0.0.1:1/',
                  body: { mode: 'raw', raw: '', file: { src: 'C:\\Windows\\win.ini' } },
                },
              },
            ],
          },
        ],
      };
      assert.throws(
        () => checkFileSources(collection, files, 'demo'),
        isFileSrcError(
          new RegExp(
            /"Folder" \/ "Absolute": form-data field "f": `src` "\/etc\/hostname" is not a /.source +
              /relative path inside specs\/files\//.source,
          ),
          /"Climbs": .*"\.\.\/\.\.\/\.\.\/\.\.\/root\/\.npmrc" is not a relative path inside specs\/files\//,
          /"Through a link": .*"link\.txt" passes through a symbolic link/,
          /"In a list": .*"\.\.\/outside\.txt" is not a relative path/,
          /"Variable": .*has a \{\{variable\}\}/,
          /"Text type with src": .*"\/etc\/passwd" is not a relative path/,
          /"Not a string": .*must be a path \(a string\), not number/,
          /"A directory": .*"sub" is not a regular file/,
          /"Dot slash": .*"\.\/hello\.txt" has a `\.` part: write it relative to specs\/files\/ without `\.\/`/,
          /"File body": file body: `src` "C:\\\\Windows\\\\win\.ini" is not a relative path/,
        ),
      );
      try {
        checkFileSources(collection, files, 'demo');
      } catch (error) {
        assert.doesNotMatch((error as Error).message, /"Good"/);
        assert.equal((error as Error).message.match(/^ {2}- /gm)?.length, 10);
      }
    } finally {
      unlinkSync(path.join(files, 'link.txt')); // the other tests need a folder without links
    }
  });

  test('specs/files reached through a link, or holding a link anywhere, is refused; a missing folder is fine', () => {
    const linked = tempProject({ 'elsewhere/hello.txt': 'x', 'specs/README': '' });
    const deep = tempProject({ 'specs/files/a/b/ok.txt': 'x', 'secret.txt': OUTSIDE });
    const none = tempProject({ 'specs/README': '' });
    try {
      symlinkSync(path.join(linked.dir, 'elsewhere'), path.join(linked.dir, 'specs/files'));
      assert.throws(() => filesDirectory(linked.dir), isFileSrcError(/specs\/files\/ cannot be used: .*symbolic link/));
      symlinkSync(path.join(deep.dir, 'secret.txt'), path.join(deep.dir, 'specs/files/a/b/escape.txt'));
      assert.throws(() => filesDirectory(deep.dir), isFileSrcError(/holds symbolic links \(a\/b\/escape\.txt\)/));
      assert.match(filesDirectory(none.dir), /specs[/\\]files$/);
    } finally {
      for (const p of [linked, deep, none]) p.cleanup();
    }
  });

  describe('what the runner uploads (Newman, or the Postman CLI under test:postman)', () => {
    let server: Server;
    let url: string;
    const bodies: string[] = [];
    before(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
        req.on('end', () => {
          bodies.push(body);
          res.end('{}');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const run = (collection: object) =>
      runCollectionWith({
        collection,
        environment: { values: [] },
        folders: [],
        reporters: [],
        reportsDir: path.join(project.dir, 'reports'),
        label: 'upload',
        bail: false,
        timeoutRequest: 5000,
        filesDir: files,
      });

    test('a src relative to specs/files is uploaded (read from the runner’s working folder)', async () => {
      bodies.length = 0;
      await run({
        info: { name: 'T', schema: SCHEMA },
        item: [upload('Up', url, [{ key: 'f', type: 'file', src: 'hello.txt' }])],
      });
      assert.equal(bodies.length, 1);
      assert.match(bodies[0]!, /hello from specs\/files/);
    });

    test('a src a pre-request script points outside the folder is not read (insecureFileRead is off)', async () => {
      bodies.length = 0;
      const escapeScript = "pm.request.body.formdata.each((p) => { p.src = '../../outside.txt'; });";
      await run({
        info: { name: 'T', schema: SCHEMA },
        item: [upload('Up', url, [{ key: 'f', type: 'file', src: 'hello.txt' }], escapeScript)],
      });
      assert.equal(bodies.length, 1);
      assert.doesNotMatch(bodies[0]!, new RegExp(OUTSIDE));
      assert.doesNotMatch(bodies[0]!, /hello from specs\/files/, 'the script did change the src');
    });

    test('the collection runner itself refuses a bad src: nothing is sent', async () => {
      bodies.length = 0;
      await assert.rejects(
        run({
          info: { name: 'T', schema: SCHEMA },
          item: [upload('Up', url, [{ key: 'f', type: 'file', src: '/etc/hostname' }])],
        }),
        isFileSrcError(/"\/etc\/hostname"/),
      );
      assert.equal(bodies.length, 0);
    });
  });

  test('mvpm run refuses a hand-edited collection that uploads /etc/hostname before anything is sent', async () => {
    const work = tempProject({});
    // Plays the stand-in and counts every request: the sign-in collection would run first if only the main
    // collection were checked when its turn came.
    let requests = 0;
    const server = createServer((_req, res) => {
      requests += 1;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      for (const dir of ['specs', 'collections', 'environments'])
        cpSync(path.join(PROJECT_ROOT, dir), path.join(work.dir, dir), { recursive: true });
      const file = path.join(work.dir, 'collections/mediavalet.postman_collection.json');
      const collection = JSON.parse(readFileSync(file, 'utf8')) as { item: object[] };
      collection.item.push(
        upload('Exfiltrate', '{{apiBaseUrl}}/upload', [{ key: 'f', type: 'file', src: '/etc/hostname' }]),
      );
      writeFileSync(file, JSON.stringify(collection));
      mkdirSync(path.join(work.dir, 'specs/files'), { recursive: true });
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await assert.rejects(
        runSuite({
          target: 'standin',
          baseUrl,
          env: { XDG_STATE_HOME: work.dir, HOME: work.dir },
          cwd: work.dir,
          reporters: [],
          ...RUNNER_OPTION,
        }),
        isFileSrcError(
          new RegExp(
            /mediavalet: "Exfiltrate": form-data field "f": `src` "\/etc\/hostname" is not a /.source +
              /relative path inside specs\/files\//.source,
          ),
          /nothing was sent/,
        ),
      );
      assert.equal(requests, 0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      work.cleanup();
    }
  });
});
