#!/usr/bin/env node
// `npm test`: every check and then the tests, arranged so that a 2-core machine is never idle waiting on one step.
//
// 1. Side by side: the build of dist/ (tsc's emit without a type check, the bundle, then `mvpm build --check` with
//    it; many tests spawn bin/mvpm.js) and the lint (Biome, line length). Both must pass before any test runs.
// 2. Side by side: the type check of the whole tree (src/, test/, scripts/, bench/) and the tests, mostly waiting on
//    servers and processes, which leave a core free. The tests' output streams as it comes; the type check's is
//    printed when it ends. Fails if either fails.
//
// Both tsc runs are incremental, their build info kept in dist/ (rebuilt from nothing when dist/ is removed): an
// unchanged file is neither emitted nor checked again.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const biome = require.resolve('@biomejs/biome/bin/biome');
// Test files run in process groups (test/support/in-one-process.ts, process-groups.json: the unit tests in two
// processes, end-to-end files that run Newman in-process or are quick in a few more) or alone (files that spawn
// `mvpm` and wait on it, or are busy enough to use a core of their own). The longest go first, so that the run does
// not end on one long process running alone; then the rest in name order. Wall seconds on a busy 2-core machine:
// units 80 each, run-signals 55, newman 46, chain 41, load 40, trust 35, quick 34, newcomer-newman 30.
const SLOWEST_FIRST = [
  'test/groups/unit-1.group.ts',
  'test/groups/unit-2.group.ts',
  'test/e2e/run-signals.test.ts',
  'test/groups/e2e-newman.group.ts',
  'test/groups/e2e-chain.group.ts',
  'test/e2e/load.test.ts',
  'test/groups/e2e-trust.group.ts',
  'test/groups/e2e-quick.group.ts',
  'test/e2e/newcomer-newman.test.ts',
  'test/e2e/import-hostile.test.ts',
  'test/e2e/run-e2e.test.ts',
  'test/e2e/v3-roundtrip.test.ts',
  'test/e2e/targets-e2e.test.ts',
  'test/e2e/fuzz-specs.test.ts',
  'test/e2e/newcomer-prepare.test.ts',
];
const groups = JSON.parse(readFileSync('test/support/process-groups.json', 'utf8'));
const grouped = new Set(Object.values(groups.e2e).flatMap((names) => names.map((name) => `test/e2e/${name}.test.ts`)));
const listed = (dir, suffix) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => `${dir}/${name}`);
const e2eFiles = listed('test/e2e', '.test.ts');
const groupFiles = listed('test/groups', '.group.ts');
// Every test file runs exactly once: grouped files exist, and every group has its file.
const problems = [
  ...[...grouped].filter((file) => !e2eFiles.includes(file)).map((file) => `${file} is grouped but does not exist`),
  ...Object.keys(groups.e2e)
    .filter((name) => !groupFiles.includes(`test/groups/e2e-${name}.group.ts`))
    .map((name) => `test/groups/e2e-${name}.group.ts is missing`),
  ...(groupFiles.filter((file) => /\/unit-\d+\.group\.ts$/.test(file)).length === groups.unitShares
    ? []
    : [`test/groups/ must hold unit-1 to unit-${groups.unitShares}.group.ts (unitShares)`]),
];
if (problems.length > 0) {
  process.stderr.write(`npm test: test/support/process-groups.json: ${problems.join('; ')}\n`);
  process.exit(1);
}
const rank = (file) => (SLOWEST_FIRST.includes(file) ? SLOWEST_FIRST.indexOf(file) : SLOWEST_FIRST.length);
const testFiles = [...groupFiles, ...e2eFiles.filter((file) => !grouped.has(file))].sort((a, b) => rank(a) - rank(b));

/** Runs `node args`: its output streams through, or (quiet) is kept and returned. */
function run(args, { quiet }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Runs the steps one after another, quietly, until one fails: the first failure, else success; all their output. */
async function steps(list) {
  let output = '';
  for (const args of list) {
    const result = await run(args, { quiet: true });
    output += result.output;
    if (result.code !== 0) return { code: result.code, output };
  }
  return { code: 0, output };
}

const incremental = (name) => ['--incremental', '--tsBuildInfoFile', `dist/.${name}.tsbuildinfo`];

const [build, lint] = await Promise.all([
  steps([
    [tsc, '-p', 'tsconfig.build.json', '--noCheck', ...incremental('build')],
    ['scripts/bundle.mjs'],
    ['bin/mvpm.js', 'build', '--check'],
  ]),
  steps([[biome, 'check', '.'], ['scripts/check-line-length.mjs']]),
]);
process.stdout.write(build.output + lint.output);
if (build.code !== 0 || lint.code !== 0) {
  const failed = [build.code !== 0 && 'the build', lint.code !== 0 && 'the lint'].filter(Boolean).join(' and ');
  process.stderr.write(`\nnpm test: ${failed} failed; no test was run.\n`);
  process.exit(1);
}

const [typecheck, tests] = await Promise.all([
  run([tsc, '-p', 'tsconfig.json', ...incremental('typecheck')], { quiet: true }),
  run(['--import', 'tsx', '--test', '--test-concurrency=3', '--test-reporter=spec', ...testFiles], { quiet: false }),
]);
if (typecheck.code !== 0) process.stderr.write(`\ntype check (tsc -p tsconfig.json) failed:\n${typecheck.output}`);
process.exitCode = typecheck.code !== 0 || tests.code !== 0 ? 1 : 0;
// Said every time, so nobody takes a green `npm test` for a run of the Postman CLI tests too.
process.stdout.write(
  '\nThe Postman CLI tests (test/postman/) are not part of npm test: `npm ci --prefix tools/postman-cli` once, ' +
    'then `npm run test:postman` (.ci/run does both).\n',
);
