// OutputRoot: the path guard for a build's many outputs (each directory checked once, files compared a chunk at a
// time, hashes taken while writing).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
});
