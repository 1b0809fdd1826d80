#!/usr/bin/env node
// The last step of `npm test`: the type check of the whole tree (src/, test/, scripts/, bench/) and the tests, run
// side by side: the type check is ten seconds of one core that the tests, mostly waiting on servers and processes,
// leave free. The tests' output streams as it comes; the type check's is printed when it ends. Fails if either fails.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const testFiles = ['test/unit', 'test/e2e'].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => `${dir}/${name}`),
);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function run(args, { quiet }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const [typecheck, tests] = await Promise.all([
  run([tsc, '-p', 'tsconfig.json'], { quiet: true }),
  run(['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...testFiles], { quiet: false }),
]);
if (typecheck.code !== 0) process.stderr.write(`\ntype check (tsc -p tsconfig.json) failed:\n${typecheck.output}`);
process.exitCode = typecheck.code !== 0 || tests.code !== 0 ? 1 : 0;
// Said every time, so nobody takes a green `npm test` for a run of the Postman CLI tests too.
process.stdout.write(
  '\nThe Postman CLI tests (test/postman/) are not part of npm test: `npm ci --prefix tools/postman-cli` once, ' +
    'then `npm run test:postman` (.ci/run does both).\n',
);
