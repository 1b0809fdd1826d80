// The one path guard: names, containment by real path, no link followed, owned deletions.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  cleanName,
  collisionKey,
  nameProblem,
  readFileInside,
  removeOwnedFile,
  resolveInside,
  sha256,
  writeFileInside,
  type NameProblem,
} from '../../src/paths/path-guard.ts';

const SOAK = process.env['MVPM_SOAK'] === '1';

describe('nameProblem', () => {
  const cases: [string, NameProblem | undefined][] = [
    ['Get current user', undefined],
    ['Получить ассеты', undefined],
    ['emoji 🔑', undefined],
    ['', 'empty'],
    ['.', 'dot-name'],
    ['..', 'dot-name'],
    ['a/b', 'separator'],
    ['a\\b', 'separator'],
    ['a:b*c?', 'separator'],
    ['CON', 'reserved'],
    ['aux', 'reserved'],
    ['nul.txt', 'reserved'],
    ['COM1', 'reserved'],
    ['lpt9.request', 'reserved'],
    ['CONSOLE', undefined],
    ['name.', 'trailing'],
    ['name ', 'trailing'],
    [' name', 'leading-space'],
    ['a\u2028b', 'control'],
    ['a\u2029b', 'control'],
    ['a\nb', 'control'],
    ['a\u0000b', 'control'],
    ['a\u0085b', 'control'],
    ['txt.\u202Eexe', 'control'],
    ['a\u2066b', 'control'],
    ['x'.repeat(201), 'too-long'],
    ['é'.repeat(101), 'too-long'],
    ['x'.repeat(200), undefined],
  ];
  for (const [name, expected] of cases) {
    test(`${JSON.stringify(name.length > 20 ? `${name.slice(0, 20)}…` : name)} → ${expected ?? 'ok'}`, () =>
      assert.equal(nameProblem(name), expected));
  }
});

describe('cleanName', () => {
  test('turns what an imported collection may hold into a usable name', () => {
    assert.deepEqual(
      [
        '../../../../../tmp/x/.bashrc',
        'CON',
        'aux',
        'a:b*c?',
        'trailing dots...',
        'txt\u202Eexe',
        '',
        '..',
        'x'.repeat(300),
      ].map((n) => cleanName(n)),
      [
        '_.._.._.._.._tmp_x_.bashrc',
        '_CON',
        '_aux',
        'a_b_c_',
        'trailing dots',
        'txt_exe',
        'unnamed',
        'unnamed',
        'x'.repeat(200),
      ],
    );
  });

  test('always yields a name nameProblem accepts (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => nameProblem(cleanName(text)) === undefined),
      { seed: 20261201, numRuns: SOAK ? 20_000 : 2_000 },
    );
  });

  test('collisionKey folds letter case', () => assert.equal(collisionKey('Get User'), collisionKey('get user')));
});

describe('resolveInside and the file operations', () => {
  const setUp = (): { root: string; outside: string; cleanup: () => void } => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'mvpm-guard-'));
    const root = path.join(base, 'root');
    const outside = path.join(base, 'outside');
    mkdirSync(root);
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'secret.txt'), 'secret\n');
    return { root, outside, cleanup: () => rmSync(base, { recursive: true, force: true }) };
  };

  test('refuses absolute paths, `..`, drive letters and unusable names', () => {
    const t = setUp();
    try {
      for (const bad of [
        '/etc/hostname',
        '../outside/secret.txt',
        'a/../../outside',
        'C:\\Windows',
        'c:x',
        '',
        'a//b',
        'dir/CON',
        'a\u2028b',
      ]) {
        assert.throws(
          () => resolveInside(t.root, bad),
          (e: Error & { code?: string }) => e.name === 'PathGuardError' && /^E_PATH_(OUTSIDE|NAME)$/.test(e.code ?? ''),
          bad,
        );
      }
      assert.equal(resolveInside(t.root, 'a/b.json'), path.join(t.root, 'a', 'b.json'));
    } finally {
      t.cleanup();
    }
  });

  test('never follows a link, whether it is a directory on the way or the file itself', () => {
    const t = setUp();
    try {
      symlinkSync(t.outside, path.join(t.root, 'linked-dir'));
      symlinkSync(path.join(t.outside, 'secret.txt'), path.join(t.root, 'linked-file'));
      for (const [relative, message] of [
        [
          'linked-dir/secret.txt',
          'linked-dir/secret.txt passes through the symbolic link linked-dir; mvpm does not follow links',
        ],
        ['linked-file', 'linked-file is a symbolic link; mvpm does not follow links'],
      ] as const) {
        assert.throws(() => readFileInside(t.root, relative), { code: 'E_PATH_LINK', message });
        assert.throws(() => writeFileInside(t.root, relative, 'overwritten\n'), { code: 'E_PATH_LINK' });
        assert.throws(() => removeOwnedFile(t.root, relative, sha256('secret\n')), { code: 'E_PATH_LINK' });
      }
      assert.equal(readFileSync(path.join(t.outside, 'secret.txt'), 'utf8'), 'secret\n');
    } finally {
      t.cleanup();
    }
  });

  test('writes atomically, creating directories, and leaves no temporary file', () => {
    const t = setUp();
    try {
      writeFileInside(t.root, 'a/b/c.json', '{}\n');
      writeFileInside(t.root, 'a/b/c.json', '{"x":1}\n');
      assert.equal(readFileSync(path.join(t.root, 'a/b/c.json'), 'utf8'), '{"x":1}\n');
      assert.deepEqual(readFileInside(t.root, 'a/b/c.json')?.toString(), '{"x":1}\n');
      assert.equal(readFileInside(t.root, 'a/missing.json'), undefined);
      assert.deepEqual(readdirSync(path.join(t.root, 'a/b')), ['c.json']);
    } finally {
      t.cleanup();
    }
  });

  test('writes and hashes a long string as its UTF-8, also across its chunks and their surrogate pairs', () => {
    const t = setUp();
    try {
      // Strings are written and hashed in chunks of 64 Ki code units: put pairs, lone halves and 3-byte
      // characters on every side of the first boundaries, and compare with Node's own encoding of the whole.
      const parts = ['\u{1F600}', '\uD83D', '\uDE00', '€', 'a'];
      for (const shift of [-2, -1, 0, 1]) {
        const text = `${'x'.repeat(64 * 1024 + shift)}${parts.join('')}${'é'.repeat(64 * 1024)}${parts.join('')}`;
        const bytes = Buffer.from(text, 'utf8');
        writeFileInside(t.root, 'long.json', text);
        assert.ok(readFileSync(path.join(t.root, 'long.json')).equals(bytes), `shift ${shift}`);
        assert.equal(sha256(text), createHash('sha256').update(bytes).digest('hex'), `shift ${shift}`);
        assert.equal(sha256(text), sha256(bytes));
      }
    } finally {
      t.cleanup();
    }
  });

  test('removes a file only when its content hashes to what was recorded', () => {
    const t = setUp();
    try {
      writeFileInside(t.root, 'owned.json', 'mine\n');
      assert.equal(removeOwnedFile(t.root, 'owned.json', sha256('not what is there\n')), 'changed');
      assert.ok(existsSync(path.join(t.root, 'owned.json')));
      assert.equal(removeOwnedFile(t.root, 'owned.json', sha256('mine\n')), 'removed');
      assert.equal(existsSync(path.join(t.root, 'owned.json')), false);
      assert.equal(removeOwnedFile(t.root, 'owned.json', sha256('mine\n')), 'missing');
      mkdirSync(path.join(t.root, 'dir.json'));
      assert.equal(removeOwnedFile(t.root, 'dir.json', sha256('')), 'not-a-file');
    } finally {
      t.cleanup();
    }
  });
});
