// The v3 files are generated outputs that support staff edit in Postman: `build --check` fails on a stale or missing
// one, and `mvpm build` overwrites one only while it holds what mvpm last wrote there; otherwise it refuses
// (E_V3_EDITED) and writes nothing at all.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { minimalProject, readTree, runCli, tempProject } from '../support/helpers.ts';

const REQUEST = 'postman/collections/demo/Ping.request.yaml';

/** A built minimal project with a state directory (record of written files) of its own. */
async function built(): Promise<{ dir: string; env: Record<string, string>; cleanup: () => void }> {
  const project = tempProject(minimalProject());
  const state = mkdtempSync(path.join(os.tmpdir(), 'mvpm-v3-state-'));
  const env = { XDG_STATE_HOME: state };
  const first = await runCli(['build', '--quiet'], project.dir, env);
  assert.equal(first.code, 0, first.stderr);
  return {
    dir: project.dir,
    env,
    cleanup: () => {
      project.cleanup();
      rmSync(state, { recursive: true, force: true });
    },
  };
}

describe('v3 outputs and ownership', () => {
  test('build writes the v3 files; --check passes, then fails on a stale or a missing one', async () => {
    const { dir, env, cleanup } = await built();
    try {
      const tree = Object.keys(readTree(path.join(dir, 'postman'))).sort();
      assert.deepEqual(tree, [
        'collections/demo/.resources/definition.yaml',
        'collections/demo/Ping.request.yaml',
        'environments/one.environment.yaml',
        'environments/two.environment.yaml',
      ]);
      assert.equal((await runCli(['build', '--check'], dir, env)).code, 0);
      // A spec change the v3 file has not followed.
      const spec = path.join(dir, 'specs/demo/Ping.request.yaml');
      writeFileSync(spec, readFileSync(spec, 'utf8').replace('/ping', '/pong'));
      const stale = await runCli(['build', '--check'], dir, env);
      assert.equal(stale.code, 1);
      assert.match(stale.stderr, /stale: postman\/collections\/demo\/Ping\.request\.yaml \(differs/);
      rmSync(path.join(dir, 'postman/environments/two.environment.yaml'));
      const missing = await runCli(['build', '--check'], dir, env);
      assert.match(missing.stderr, /stale: postman\/environments\/two\.environment\.yaml \(not generated yet\)/);
    } finally {
      cleanup();
    }
  });

  test('a v3 file edited since mvpm wrote it is refused with E_V3_EDITED, and nothing at all is written', async () => {
    const { dir, env, cleanup } = await built();
    try {
      const edited = `${readFileSync(path.join(dir, REQUEST), 'utf8')}description: added in Postman\n`;
      writeFileSync(path.join(dir, REQUEST), edited);
      const check = await runCli(['build', '--check'], dir, env);
      assert.match(check.stderr, /Ping\.request\.yaml \(changed since mvpm wrote it/);
      // Now the specs change too: the v2.1 collection, the environment and the docs would all be rewritten.
      const spec = path.join(dir, 'specs/demo/Ping.request.yaml');
      writeFileSync(spec, readFileSync(spec, 'utf8').replace('/ping', '/pong'));
      writeFileSync(
        path.join(dir, 'specs/environments/one.environment.yaml'),
        '$kind: mvpm-environment\nname: One\nvariables:\n  baseUrl: { value: "http://127.0.0.1:9" }\n',
      );
      const before = readTree(dir);
      const result = await runCli(['build'], dir, env);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /E_V3_EDITED/);
      assert.match(result.stderr, /postman\/collections\/demo\/Ping\.request\.yaml changed since mvpm wrote it/);
      assert.match(result.stderr, /mvpm import postman\/collections\/demo --out specs\/demo/);
      assert.deepEqual(readTree(dir), before, 'nothing written');
      // Deleting the edited file (its edit given up) lets the build through.
      rmSync(path.join(dir, REQUEST));
      assert.equal((await runCli(['build', '--quiet'], dir, env)).code, 0);
      assert.match(readFileSync(path.join(dir, REQUEST), 'utf8'), /\/pong/);
    } finally {
      cleanup();
    }
  });

  test('a v3 file mvpm has no record of is not overwritten; an unchanged one it wrote is rewritten', async () => {
    const { dir, env, cleanup } = await built();
    try {
      const spec = path.join(dir, 'specs/demo/Ping.request.yaml');
      writeFileSync(spec, readFileSync(spec, 'utf8').replace('/ping', '/pong'));
      const rewritten = await runCli(['build', '--quiet'], dir, env);
      assert.equal(rewritten.code, 0, rewritten.stderr);
      assert.match(readFileSync(path.join(dir, REQUEST), 'utf8'), /\/pong/);
      // Another user (an empty record) with a spec change: the file is not theirs to overwrite.
      writeFileSync(spec, readFileSync(spec, 'utf8').replace('/pong', '/pang'));
      const stranger = mkdtempSync(path.join(os.tmpdir(), 'mvpm-v3-state-'));
      const refused = await runCli(['build'], dir, { XDG_STATE_HOME: stranger });
      rmSync(stranger, { recursive: true, force: true });
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /E_V3_EDITED/);
    } finally {
      cleanup();
    }
  });

  test('a renamed request: its old v3 file (unchanged since written) is removed, an edited one is kept', async () => {
    const { dir, env, cleanup } = await built();
    try {
      writeFileSync(
        path.join(dir, 'specs/demo/Other.request.yaml'),
        '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/other"\n',
      );
      assert.equal((await runCli(['build', '--quiet'], dir, env)).code, 0);
      const other = path.join(dir, 'postman/collections/demo/Other.request.yaml');
      writeFileSync(other, `${readFileSync(other, 'utf8')}description: edited\n`);
      rmSync(path.join(dir, 'specs/demo/Other.request.yaml'));
      rmSync(path.join(dir, 'specs/demo/Ping.request.yaml'));
      writeFileSync(
        path.join(dir, 'specs/demo/Pong.request.yaml'),
        '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/pong"\n',
      );
      const result = await runCli(['build'], dir, env);
      assert.equal(result.code, 0, result.stderr);
      assert.ok(!existsSync(path.join(dir, REQUEST)), 'the old file mvpm wrote is removed');
      assert.ok(existsSync(other), 'the edited orphan is kept');
      assert.match(result.stderr, /Other\.request\.yaml: no spec produces it; it changed since mvpm wrote it/);
      const check = await runCli(['build', '--check'], dir, env);
      assert.match(check.stderr, /stale: postman\/collections\/demo\/Other\.request\.yaml \(no spec produces it/);
    } finally {
      cleanup();
    }
  });
});
