// mvpm deletes or rewrites only what it wrote: orphans are removed only when the per-user record holds their
// current SHA-256, outputs are never written through a link, and a refused path writes nothing.
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { minimalProject, PROJECT_ROOT, readTree, runCli, tempProject } from '../support/helpers.ts';

const OLD_ENVIRONMENT = {
  'specs/environments/old.environment.yaml':
    '$kind: mvpm-environment\nname: Old\nvariables:\n  baseUrl: { value: "http://127.0.0.1:3" }\n',
};

/** A project plus a state directory of its own, so each test starts with an empty record of written files. */
function setUp(files: Record<string, string>): {
  dir: string;
  env: Record<string, string>;
  outside: string;
  cleanup: () => void;
} {
  const project = tempProject(files);
  const state = mkdtempSync(path.join(os.tmpdir(), 'mvpm-owner-state-'));
  const outside = mkdtempSync(path.join(os.tmpdir(), 'mvpm-owner-outside-'));
  return {
    dir: project.dir,
    env: { XDG_STATE_HOME: state },
    outside,
    cleanup: () => {
      project.cleanup();
      rmSync(state, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    },
  };
}

describe('build deletes only the files it wrote', () => {
  test(
    'an orphan mvpm wrote is removed; ' + 'a hand-made file with a generated name is kept, and --check names it',
    async () => {
      const t = setUp(minimalProject(OLD_ENVIRONMENT));
      try {
        assert.equal((await runCli(['build'], t.dir, t.env)).code, 0);
        rmSync(path.join(t.dir, 'specs/environments/old.environment.yaml'));
        const handMade = path.join(t.dir, 'collections/other.postman_collection.json');
        writeFileSync(handMade, '{"info":{"name":"mine"}}\n');
        const build = await runCli(['build'], t.dir, t.env);
        assert.equal(build.code, 0, build.stderr);
        assert.match(build.stdout, /^removed environments\/old.postman_environment.json \(no spec produces it\)$/m);
        assert.equal(
          build.stderr,
          'note: collections/other.postman_collection.json: no spec produces it; mvpm did not write it, so it is ' +
            'left ' +
            'in place; delete or move it yourself if it is not wanted\n',
        );
        assert.equal(existsSync(path.join(t.dir, 'environments/old.postman_environment.json')), false);
        assert.equal(readFileSync(handMade, 'utf8'), '{"info":{"name":"mine"}}\n');
        const check = await runCli(['build', '--check'], t.dir, t.env);
        assert.equal(check.code, 1);
        assert.match(
          check.stderr,
          /^stale: collections\/other.postman_collection.json \(no spec produces it any more\)$/m,
        );
      } finally {
        t.cleanup();
      }
    },
  );

  test('an orphan edited since mvpm wrote it is kept', async () => {
    const t = setUp(minimalProject(OLD_ENVIRONMENT));
    try {
      assert.equal((await runCli(['build'], t.dir, t.env)).code, 0);
      rmSync(path.join(t.dir, 'specs/environments/old.environment.yaml'));
      const file = path.join(t.dir, 'environments/old.postman_environment.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"Old"', '"Old, with my notes"'));
      const build = await runCli(['build'], t.dir, t.env);
      assert.equal(build.code, 0);
      assert.match(
        build.stderr,
        new RegExp(
          /^note: environments\/old.postman_environment.json: no spec produces it; it changed /.source +
            /since mvpm wrote it, so it is left in place/.source,
          'm',
        ),
      );
      assert.match(readFileSync(file, 'utf8'), /Old, with my notes/);
    } finally {
      t.cleanup();
    }
  });

  test('a record written on another machine (or another state directory) proves nothing', async () => {
    const t = setUp(minimalProject(OLD_ENVIRONMENT));
    try {
      assert.equal((await runCli(['build'], t.dir, t.env)).code, 0);
      rmSync(path.join(t.dir, 'specs/environments/old.environment.yaml'));
      // The same project built by someone else: their record is not this user's.
      const stranger = mkdtempSync(path.join(os.tmpdir(), 'mvpm-owner-stranger-'));
      try {
        const build = await runCli(['build'], t.dir, { XDG_STATE_HOME: stranger });
        assert.equal(build.code, 0);
        assert.ok(existsSync(path.join(t.dir, 'environments/old.postman_environment.json')));
        assert.match(build.stderr, /old.postman_environment.json: no spec produces it; mvpm did not write it/);
      } finally {
        rmSync(stranger, { recursive: true, force: true });
      }
    } finally {
      t.cleanup();
    }
  });

  test('build --docs docs leaves the hand-written pages beside the generated ones alone', async () => {
    const t = setUp(
      minimalProject({
        'docs/spec-format.md': '# Spec format\n',
        'docs/cli.md': '# CLI\n',
        'docs/ci.md': '<!-- Generated by hand, not by mvpm -->\n# CI\n',
        'docs/a:b.md': '# a name mvpm never writes\n',
      }),
    );
    try {
      const build = await runCli(['build', '--docs', 'docs'], t.dir, t.env);
      assert.equal(build.code, 0, build.stderr);
      assert.equal(build.stderr, '');
      assert.deepEqual(
        Object.fromEntries(
          ['spec-format.md', 'cli.md', 'ci.md'].map((f) => [f, readFileSync(path.join(t.dir, 'docs', f), 'utf8')]),
        ),
        {
          'spec-format.md': '# Spec format\n',
          'cli.md': '# CLI\n',
          'ci.md': '<!-- Generated by hand, not by mvpm -->\n# CI\n',
        },
      );
      assert.ok(existsSync(path.join(t.dir, 'docs/demo.md')));
      assert.equal(readFileSync(path.join(t.dir, 'docs/a:b.md'), 'utf8'), '# a name mvpm never writes\n');
    } finally {
      t.cleanup();
    }
  });

  test("a fresh clone's committed outputs count as mvpm's once a build finds them byte-identical", async () => {
    const t = setUp({});
    try {
      for (const dir of ['specs', 'collections', 'environments', 'postman', 'docs/generated'])
        cpSync(path.join(PROJECT_ROOT, dir), path.join(t.dir, dir), { recursive: true });
      const first = await runCli(['build'], t.dir, t.env);
      assert.match(first.stdout, /built: 0 written, \d+ unchanged, 0 removed/);
      renameSync(
        path.join(t.dir, 'specs/environments/local-standin.environment.yaml'),
        path.join(t.dir, 'specs/environments/local.environment.yaml'),
      );
      const second = await runCli(['build'], t.dir, t.env);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /^wrote environments\/local.postman_environment.json$/m);
      assert.match(
        second.stdout,
        /^removed environments\/local-standin.postman_environment.json \(no spec produces it\)$/m,
      );
    } finally {
      t.cleanup();
    }
  });
});

describe('build never writes through a link', () => {
  test(
    'a linked output directory is refused before anything is written; ' + 'the folder it points to is untouched',
    async () => {
      const t = setUp(minimalProject());
      try {
        writeFileSync(path.join(t.outside, 'important.md'), '# keep me\n');
        mkdirSync(path.join(t.dir, 'docs'));
        symlinkSync(t.outside, path.join(t.dir, 'docs/generated'));
        const build = await runCli(['build'], t.dir, t.env);
        assert.equal(build.code, 2);
        assert.equal(
          build.stderr,
          [
            'mvpm build: error[E_PATH_LINK]: output directory docs/generated is a symbolic link; mvpm does not ' +
              'follow ' +
              'links',
            '  = hint: replace the link with a real directory (or pass another output directory); mvpm never writes ' +
              'through a link',
            'mvpm build: nothing was written.',
            '',
          ].join('\n'),
        );
        assert.deepEqual(readTree(t.outside), { 'important.md': '# keep me\n' });
        assert.equal(existsSync(path.join(t.dir, 'collections')), false, 'nothing was written before the refusal');
      } finally {
        t.cleanup();
      }
    },
  );

  test('a linked output file is refused and its target keeps its content', async () => {
    const t = setUp(minimalProject());
    try {
      const target = path.join(t.outside, 'bashrc');
      writeFileSync(target, 'echo hello\n');
      mkdirSync(path.join(t.dir, 'collections'));
      symlinkSync(target, path.join(t.dir, 'collections/demo.postman_collection.json'));
      const build = await runCli(['build'], t.dir, t.env);
      assert.equal(build.code, 2);
      assert.match(
        build.stderr,
        new RegExp(
          /^mvpm build: error\[E_PATH_LINK\]: collections\/demo.postman_collection.json is a /.source +
            /symbolic link; mvpm does not follow links$/.source,
          'm',
        ),
      );
      assert.equal(readFileSync(target, 'utf8'), 'echo hello\n');
      assert.equal(readlinkSync(path.join(t.dir, 'collections/demo.postman_collection.json')), target);
      assert.equal(existsSync(path.join(t.dir, 'environments')), false, 'nothing was written before the refusal');
      const check = await runCli(['build', '--check'], t.dir, t.env);
      assert.equal(check.code, 2, '--check refuses to read through the link too');
    } finally {
      t.cleanup();
    }
  });

  test('an orphan that is a link is never followed or removed', async () => {
    const t = setUp(minimalProject());
    try {
      const target = path.join(t.outside, 'precious.postman_environment.json');
      writeFileSync(target, '{}\n');
      mkdirSync(path.join(t.dir, 'environments'));
      symlinkSync(target, path.join(t.dir, 'environments/gone.postman_environment.json'));
      const build = await runCli(['build'], t.dir, t.env);
      assert.equal(build.code, 0, build.stderr);
      assert.equal(readFileSync(target, 'utf8'), '{}\n');
      assert.equal(readlinkSync(path.join(t.dir, 'environments/gone.postman_environment.json')), target);
    } finally {
      t.cleanup();
    }
  });
});
