import assert from 'node:assert/strict';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { runMain } from '../../src/cli/main.ts';
import { minimalProject, tempProject } from '../support/helpers.ts';

/** Starts `mvpm build --watch` in-process; `until` waits for the output to satisfy a predicate. */
function startWatch(cwd: string): {
  output: () => string;
  until: (what: string, ok: (text: string) => boolean) => Promise<void>;
  stop: () => Promise<number>;
} {
  let stdout = '';
  let stderr = '';
  const controller = new AbortController();
  const exit = runMain(['build', '--watch'], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { NO_COLOR: '1' },
    cwd,
    signal: controller.signal,
  });
  let settled = false;
  void exit.finally(() => (settled = true));
  const output = (): string => `${stdout}\n--- stderr ---\n${stderr}`;
  return {
    output,
    until: async (what, ok) => {
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(25)) {
        assert.equal(settled, false, `the watch ended while waiting for ${what}:\n${output()}`);
        if (ok(output())) return;
      }
      assert.fail(`timed out waiting for ${what}:\n${output()}`);
    },
    stop: async () => {
      controller.abort();
      return exit;
    },
  };
}

const count = (text: string, pattern: RegExp): number => text.match(new RegExp(pattern, 'g'))?.length ?? 0;

describe('mvpm build --watch', () => {
  test(
    'rebuilds on a change, reports an error without stopping, ' + 'rebuilds once fixed, exits 0 when stopped',
    async () => {
      const project = tempProject(minimalProject());
      const spec = path.join(project.dir, 'specs/demo/Ping.request.yaml');
      const collection = path.join(project.dir, 'collections/demo.postman_collection.json');
      const watch = startWatch(project.dir);
      try {
        await watch.until('the first build', (text) => count(text, /watching specs\/ for changes/) === 1);
        assert.match(
          watch.output(),
          /wrote collections\/demo.postman_collection.json\n(.*\n)*built: \d+ written, 0 unchanged, 0 removed\n/,
        );
        assert.match(readFileSync(collection, 'utf8'), /\/ping/);

        writeFileSync(spec, '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/pong"\nexpect:\n  status: 200\n');
        await watch.until('the rebuild', (text) => count(text, /watching specs\//) === 2);
        assert.match(
          watch.output(),
          new RegExp(
            /change under specs\/: rebuilding\nwrote /.source +
              /collections\/demo.postman_collection.json\n(.*\n)*built: \d+ written, \d+ unchanged, /.source +
              /0 removed\n/.source,
          ),
        );
        assert.match(readFileSync(collection, 'utf8'), /\/pong/);

        writeFileSync(spec, '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/broken"\nexpcet: {}\n');
        await watch.until('the error', (text) => count(text, /watching specs\//) === 3);
        assert.match(watch.output(), /error\[E_UNKNOWN_KEY\]: unknown key `expcet`/);
        assert.match(watch.output(), /mvpm build: 1 error; nothing was written\./);
        assert.match(readFileSync(collection, 'utf8'), /\/pong/, 'a failed build writes nothing');

        // Saved the way many editors save: a new file renamed over the old one.
        writeFileSync(
          `${spec}.tmp`,
          '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/fixed"\nexpect:\n  status: 200\n',
        );
        renameSync(`${spec}.tmp`, spec);
        await watch.until('the rebuild after the fix', (text) => count(text, /watching specs\//) === 4);
        assert.match(readFileSync(collection, 'utf8'), /\/fixed/);
        assert.equal(count(watch.output(), /change under specs\/: rebuilding/), 3, 'one rebuild per change');
      } finally {
        const code = await watch.stop();
        project.cleanup();
        assert.equal(code, 0);
      }
      assert.match(watch.output(), /stopped watching\n/);
    },
  );

  test('--watch with --check is a usage error', async () => {
    let stderr = '';
    const code = await runMain(['build', '--watch', '--check'], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
      env: { NO_COLOR: '1' },
      cwd: process.cwd(),
    });
    assert.equal(code, 2);
    assert.match(stderr, /--watch and --check do not go together/);
  });
});
