// Hostile import input, in two suites run alike: test/golden/import-hostile/ (JSON exports) and test/golden/import-v3/
// (Postman v3 collection directories `collection/` and environments `environment.yaml`; see its README.md).
// test/golden/import-hostile/<case>/ holds a collection (collection.json, or one built by
// GENERATED in test/golden/import-hostile/generate.ts), optionally environment.json, existing/ (files already in the
// output directory) and case.json ({ args, collection, environment, secrets, absent }); expected.txt is the exact exit
// code, standard error, standard output and output tree of `mvpm import`, run in-process in a temporary root.
//
// Around every run: a canary directory beside the working directory, and everything else in the temporary root
// except the output directory, must be byte-for-byte unchanged (nothing written outside the output directory, no
// staging directory left behind); a failed import must leave the output directory exactly as it was; no literal
// secret listed in case.json may appear in any output, file or message.
//
// Regenerate the expected files only deliberately, and review the diff:
//   npm run golden:update
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { GENERATED as GENERATED_V21, type Setup } from '../golden/import-hostile/generate.ts';
import { GENERATED as GENERATED_V3 } from '../golden/import-v3/generate.ts';
import { PROJECT_ROOT, runCli } from '../support/helpers.ts';
import { UPDATE_GOLDEN } from '../support/golden.ts';

/**
 * The suites: import-hostile/ (v2.1 and v2.0 JSON exports, `collection.json`) and import-v3/ (Postman v3 collection
 * directories, `collection/`, and v3 environments, `environment.yaml`). Both run under the same guarantees.
 */
const SUITES: Readonly<Record<string, { readonly generated: Readonly<Record<string, Setup>>; readonly min: number }>> =
  {
    'import-hostile': { generated: GENERATED_V21, min: 60 },
    'import-v3': { generated: GENERATED_V3, min: 15 },
  };
const UPDATE = UPDATE_GOLDEN;

interface CaseConfig {
  /** Extra arguments after `import <collection>` (and `--environment <file>` when the case has one). */
  readonly args?: readonly string[];
  /** The collection's file name in the working directory (default collection.json). */
  readonly collection?: string;
  /** The environment's file name in the working directory (default environment.json, when the case has one). */
  readonly environment?: string;
  /** Literal secrets in the input that must appear in no output. */
  readonly secrets?: readonly string[];
  /** Absolute paths that must not exist after the import (when they did not before). */
  readonly absent?: readonly string[];
}

function defaultCollection(suite: string): string {
  return suite === 'import-v3' ? 'collection' : 'collection.json';
}

function casesDir(suite: string): string {
  return path.join(PROJECT_ROOT, 'test', 'golden', suite);
}

function cases(suite: string): string[] {
  return readdirSync(casesDir(suite), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

function config(suite: string, name: string): CaseConfig {
  const file = path.join(casesDir(suite), name, 'case.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CaseConfig) : {};
}

/** Every entry under `dir` (relative path → what it is: a file's SHA-256 and mode, a link's target, a directory). */
function snapshot(dir: string, skip: (relative: string) => boolean = () => false): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (current: string): void => {
    for (const entry of readdirSync(current).sort()) {
      const full = path.join(current, entry);
      const relative = path.relative(dir, full).split(path.sep).join('/');
      if (skip(relative)) continue;
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) out.set(relative, `link → ${readlinkSync(full)}`);
      else if (stats.isDirectory()) {
        out.set(relative, 'directory');
        walk(full);
      } else if (stats.isFile())
        out.set(
          relative,
          `file ${(stats.mode & 0o777).toString(8)} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`,
        );
      else out.set(relative, 'special');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The output tree as expected.txt shows it: each file with its content, each link with its target. */
function describeTree(specs: string): string {
  if (!existsSync(specs)) return '(no output directory)\n';
  const lines: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current).sort()) {
      const full = path.join(current, entry);
      const relative = `specs/${path.relative(specs, full).split(path.sep).join('/')}`;
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) lines.push(`${relative} -> (link)`);
      else if (stats.isDirectory()) walk(full);
      else {
        lines.push(relative);
        const content = readFileSync(full, 'utf8');
        // A large file is shown by its size and hash, so expected.txt stays readable.
        if (content.length > 20_000)
          lines.push(
            `  | (${content.length} characters, SHA-256 ${createHash('sha256').update(content).digest('hex')})`,
          );
        else for (const line of content.replace(/\n$/, '').split('\n')) lines.push(`  | ${line}`);
      }
    }
  };
  walk(specs);
  return lines.length === 0 ? '(empty)\n' : `${lines.join('\n')}\n`;
}

/**
 * A temporary root: `canary/` (what no import may touch) and `work/` (the working directory) with the case's inputs.
 */
function prepare(suite: string, name: string): { root: string; work: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mvpm-import-hostile-'));
  const canary = path.join(root, 'canary');
  mkdirSync(path.join(canary, 'x'), { recursive: true });
  writeFileSync(path.join(canary, '.bashrc'), 'echo canary\n');
  writeFileSync(path.join(canary, 'owned.json'), '{"canary": true}\n');
  writeFileSync(path.join(canary, 'x', 'keep.txt'), 'keep\n');
  const work = path.join(root, 'work');
  mkdirSync(work);
  const dir = path.join(casesDir(suite), name);
  const cfg = config(suite, name);
  for (const input of ['collection.json', 'collection'])
    if (existsSync(path.join(dir, input)))
      cpSync(path.join(dir, input), path.join(work, cfg.collection ?? input), { recursive: true });
  for (const input of ['environment.json', 'environment.yaml'])
    if (existsSync(path.join(dir, input))) cpSync(path.join(dir, input), path.join(work, cfg.environment ?? input));
  if (existsSync(path.join(dir, 'existing')))
    cpSync(path.join(dir, 'existing'), path.join(work, 'specs'), { recursive: true });
  SUITES[suite]!.generated[name]?.(work, root);
  return { root, work, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

for (const [suite, { generated, min }] of Object.entries(SUITES))
  describe(`${suite}: exact messages and exit codes, nothing outside the output directory`, () => {
    test(`the corpus has at least ${min} cases, every generated input has its case, and none is committed`, () => {
      const all = cases(suite);
      assert.ok(all.length >= min, `only ${all.length} cases`);
      for (const name of Object.keys(generated)) {
        assert.ok(all.includes(name), `GENERATED names a missing case: ${name}`);
        for (const input of ['collection.json', 'collection'])
          assert.ok(
            !existsSync(path.join(casesDir(suite), name, input)),
            `${name}/${input} is generated at test time: do not commit it`,
          );
      }
    });

    for (const name of cases(suite)) {
      test(name, async () => {
        const cfg = config(suite, name);
        const { root, work, cleanup } = prepare(suite, name);
        try {
          const specs = path.join(work, 'specs');
          const outside = (): Map<string, string> =>
            snapshot(root, (relative) => relative === 'work/specs' || relative.startsWith('work/specs/'));
          const before = outside();
          const specsBefore = snapshot(specs);
          const absentBefore = (cfg.absent ?? []).filter((p) => !existsSync(p));
          const environmentFile =
            cfg.environment ??
            (existsSync(path.join(work, 'environment.yaml')) ? 'environment.yaml' : 'environment.json');
          const environment = existsSync(path.join(work, environmentFile)) ? ['--environment', environmentFile] : [];
          const started = performance.now();
          const result = await runCli(
            ['import', cfg.collection ?? defaultCollection(suite), ...environment, ...(cfg.args ?? [])],
            work,
          );
          const elapsed = performance.now() - started;

          const actual =
            `exit code: ${result.code}\n--- stderr\n${result.stderr}--- stdout\n${result.stdout}` +
            `--- output directory\n${describeTree(specs)}`;
          const expectedFile = path.join(casesDir(suite), name, 'expected.txt');
          if (UPDATE) writeFileSync(expectedFile, actual);
          else {
            assert.ok(
              existsSync(expectedFile),
              `${path.relative(PROJECT_ROOT, expectedFile)} is missing: run npm run golden:update and review the diff`,
            );
            assert.equal(actual, readFileSync(expectedFile, 'utf8'));
          }
          assert.ok(result.code === 0 || result.code === 2, `exit code ${result.code}`);
          assert.deepEqual(outside(), before, 'something outside the output directory changed');
          if (result.code !== 0) {
            assert.deepEqual(snapshot(specs), specsBefore, 'a failed import changed the output directory');
            assert.equal(result.stdout, '');
            assert.match(result.stderr, /^error\[E_[A-Z0-9_]+\]: /m);
            assert.match(result.stderr, /\n {2}--> /);
            assert.ok(!/\n\s+at .+:\d+:\d+\)?\n/.test(result.stderr), 'no stack trace');
          }
          for (const gone of absentBefore) assert.ok(!existsSync(gone), `${gone} was created`);
          for (const secret of cfg.secrets ?? []) {
            assert.ok(
              !result.stdout.includes(secret) && !result.stderr.includes(secret),
              `a secret reached the output`,
            );
            for (const [file, what] of snapshot(specs))
              if (what.startsWith('file'))
                assert.ok(!readFileSync(path.join(specs, file), 'utf8').includes(secret), `a secret reached ${file}`);
          }
          // A bound against hangs (a FIFO, /dev/zero), not a speed target: generous, since the machine may be busy.
          assert.ok(elapsed < 30_000, `took ${Math.round(elapsed)} ms`);
        } finally {
          cleanup();
        }
      });
    }
  });
