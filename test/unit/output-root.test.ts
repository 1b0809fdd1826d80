// OutputRoot: the path guard for a build's many outputs (each directory checked once, files compared a chunk at a
// time, hashes taken while writing).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { OutputRoot } from '../../src/paths/path-guard.ts';

const sha = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mvpm-output-root-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('OutputRoot', () => {
  test('compares a file larger than 16 MiB (a 10,000-request collection) without refusing it', () => {
    const { dir, cleanup } = tempDir();
    try {
      // Multi-byte characters straddle the 64 Ki-unit chunks; the last byte is the one that differs below.
      const content = `${'é€😀 {{x}}\n'.repeat(1_700_000)}end`;
      writeFileSync(path.join(dir, 'big.json'), content);
      const root = new OutputRoot(dir);
      assert.deepEqual(root.compare('big.json', content, true), { same: true, sha256: sha(content) });
      const other = `${content.slice(0, -1)}E`;
      assert.deepEqual(root.compare('big.json', other, true), { same: false, sha256: sha(content) });
      assert.deepEqual(root.compare('big.json', other, false), { same: false });
      assert.deepEqual(root.compare('big.json', `${content}!`, true), { same: false, sha256: sha(content) });
    } finally {
      cleanup();
    }
  });

  test('write makes the directories, returns the SHA-256 of what it wrote; compare finds nothing before it', () => {
    const { dir, cleanup } = tempDir();
    try {
      const root = new OutputRoot(path.join(dir, 'out'));
      assert.equal(root.compare('a/b/c.yaml', 'x', true), undefined);
      const text = 'name: ünïcode\n';
      assert.equal(root.write('a/b/c.yaml', text, { durable: false, absent: true }), sha(text));
      assert.equal(root.write('a/b/d.yaml', '', { durable: false }), sha(''));
      assert.equal(readFileSync(path.join(dir, 'out/a/b/c.yaml'), 'utf8'), text);
      assert.deepEqual(root.compare('a/b/c.yaml', text, false), { same: true });
    } finally {
      cleanup();
    }
  });

  test('never reads or writes through a linked directory, nor writes over a link', () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(path.join(dir, 'out'));
      mkdirSync(path.join(dir, 'elsewhere'));
      writeFileSync(path.join(dir, 'elsewhere/c.yaml'), 'x');
      symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'out/a'));
      symlinkSync(path.join(dir, 'elsewhere/c.yaml'), path.join(dir, 'out/l.yaml'));
      const root = new OutputRoot(path.join(dir, 'out'));
      assert.throws(() => root.compare('a/c.yaml', 'x', true), { code: 'E_PATH_LINK' });
      assert.throws(() => root.write('a/c.yaml', 'y'), { code: 'E_PATH_LINK' });
      assert.throws(() => root.compare('l.yaml', 'x', true), { code: 'E_PATH_LINK' });
      assert.throws(() => root.write('l.yaml', 'y'), { code: 'E_PATH_LINK' });
      assert.throws(() => root.write('../c.yaml', 'y'), { code: 'E_PATH_OUTSIDE' });
      assert.equal(readFileSync(path.join(dir, 'elsewhere/c.yaml'), 'utf8'), 'x');
    } finally {
      cleanup();
    }
  });

  test('lstat reports what is there, nothing below a missing directory, and refuses a linked directory', () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(path.join(dir, 'out/a'), { recursive: true });
      mkdirSync(path.join(dir, 'elsewhere'));
      writeFileSync(path.join(dir, 'out/a/f.yaml'), 'x');
      writeFileSync(path.join(dir, 'elsewhere/f.yaml'), 'x');
      symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'out/l'));
      const root = new OutputRoot(path.join(dir, 'out'));
      assert.equal(root.lstat('a/f.yaml')?.isFile(), true);
      assert.equal(root.lstat('a/g.yaml'), undefined);
      assert.equal(root.lstat('b/f.yaml'), undefined);
      assert.equal(root.lstat('l')?.isSymbolicLink(), true);
      assert.throws(() => root.lstat('l/f.yaml'), { code: 'E_PATH_LINK' });
    } finally {
      cleanup();
    }
  });

  test('create makes a file exclusively (never over a file or a link) and settle waits for its fsync', async () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(path.join(dir, 'elsewhere'));
      writeFileSync(path.join(dir, 'elsewhere/t.yaml'), 'theirs');
      const root = new OutputRoot(path.join(dir, 'stage'));
      // Linux: settle() returns once every file's fsync and close are done, not just started.
      const openFiles = (): number => readdirSync('/proc/self/fd').length;
      const before = openFiles();
      await root.create('new/a/b.yaml', 'ünï\n');
      for (let i = 0; i < 20; i += 1) await root.create(`new/c/${i}.yaml`, `${i}`);
      await root.settle();
      assert.equal(openFiles(), before);
      assert.equal(readFileSync(path.join(dir, 'stage/new/a/b.yaml'), 'utf8'), 'ünï\n');
      await assert.rejects(root.create('new/a/b.yaml', 'again'), { code: 'EEXIST' });
      symlinkSync(path.join(dir, 'elsewhere/t.yaml'), path.join(dir, 'stage/new/a/l.yaml'));
      await assert.rejects(root.create('new/a/l.yaml', 'mine'), { code: 'EEXIST' });
      await root.settle();
      assert.equal(readFileSync(path.join(dir, 'elsewhere/t.yaml'), 'utf8'), 'theirs');
      assert.equal(readFileSync(path.join(dir, 'stage/new/a/b.yaml'), 'utf8'), 'ünï\n');
    } finally {
      cleanup();
    }
  });

  test('move makes and lists the directories, refuses a link at the target, names a directory in the way', () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(path.join(dir, 'stage'));
      mkdirSync(path.join(dir, 'out'));
      for (const name of ['1', '2', '3']) writeFileSync(path.join(dir, 'stage', name), name);
      writeFileSync(path.join(dir, 'out/file'), 'in the way');
      writeFileSync(path.join(dir, 'target'), 'theirs');
      const root = new OutputRoot(path.join(dir, 'out'));
      root.move(path.join(dir, 'stage/1'), 'a/b/one.yaml');
      assert.equal(readFileSync(path.join(dir, 'out/a/b/one.yaml'), 'utf8'), '1');
      assert.deepEqual(root.created, [path.join(root.real, 'a'), path.join(root.real, 'a/b')]);
      symlinkSync(path.join(dir, 'target'), path.join(dir, 'out/a/b/l.yaml'));
      assert.throws(() => root.move(path.join(dir, 'stage/2'), 'a/b/l.yaml'), { code: 'E_PATH_LINK' });
      assert.equal(readFileSync(path.join(dir, 'target'), 'utf8'), 'theirs');
      assert.throws(() => root.move(path.join(dir, 'stage/3'), 'file/x/three.yaml'), {
        code: 'E_PATH_NOT_FILE',
        target: 'file',
      });
      assert.equal(existsSync(path.join(dir, 'stage/3')), true);
    } finally {
      cleanup();
    }
  });

  test('verify refuses a directory replaced by a link after it was checked, and passes one left alone', () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(path.join(dir, 'elsewhere'));
      const root = new OutputRoot(path.join(dir, 'out'));
      root.write('a/one.yaml', '1', { durable: false });
      root.write('b/one.yaml', '1', { durable: false });
      root.verify();
      // A directory swapped for a link between two writes: the second goes through it (checked once per
      // operation), and verify() is what finds it before the caller reports success.
      renameSync(path.join(dir, 'out/a'), path.join(dir, 'out/a-old'));
      symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'out/a'));
      root.write('b/two.yaml', '2', { durable: false });
      assert.throws(() => root.verify(), { code: 'E_PATH_LINK', target: 'a' });
      assert.equal(lstatSync(path.join(dir, 'out/b/two.yaml')).isFile(), true);
    } finally {
      cleanup();
    }
  });
});
