#!/usr/bin/env node
// bench/runner: `mvpm run --runner postman` against `mvpm run` (Newman), as whole processes on one stand-in started
// here, interleaved (newman, postman, newman, …) so drift hits both alike; median of --runs (default 10) and the
// ratio. Each run signs in afresh (its own state file). Prints figures; a report, not a test. Needs `npm run build`
// and the Postman CLI (tools/postman-cli/, or MVPM_POSTMAN_CLI).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median, range, tail } from './stats.mjs';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const runs = Number(values.runs);

const { startStandin } = await import(path.join(root, 'dist/standin/index.js'));
const server = await startStandin({ port: 0 });
const work = mkdtempSync(path.join(os.tmpdir(), 'mvpm-bench-runner-'));
const cleanup = () => rmSync(work, { recursive: true, force: true });
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

let runNumber = 0;
// Asynchronous on purpose: the stand-in runs in this process and must keep answering while the child runs.
function time(runner) {
  runNumber += 1;
  const args = ['bin/mvpm.js', 'run', '--runner', runner, '--base-url', server.url];
  args.push('--state-file', path.join(work, `state-${runNumber}.json`), '--reports-dir', path.join(work, 'reports'));
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) reject(new Error(`mvpm run --runner ${runner} exited ${code}:\n${tail(output)}`));
      else resolve({ ms, summary: output.trimEnd().split('\n').at(-1) });
    });
  });
}

try {
  const samples = { newman: [], postman: [] };
  const summaries = new Set();
  for (let i = 0; i < runs; i += 1) {
    for (const runner of ['newman', 'postman']) {
      const { ms, summary } = await time(runner);
      samples[runner].push(ms);
      summaries.add(`${runner}: ${summary}`);
    }
  }
  const newman = median(samples.newman);
  const postman = median(samples.postman);
  console.log(`runs: ${runs} each, interleaved, one stand-in (${server.url})`);
  for (const line of summaries) console.log(`  ${line}`);
  console.log(`mvpm run                   median ${newman.toFixed(0)} ms (range ${range(samples.newman)})`);
  console.log(`mvpm run --runner postman  median ${postman.toFixed(0)} ms (range ${range(samples.postman)})`);
  console.log(`ratio postman / newman: ${(postman / newman).toFixed(2)}`);
} finally {
  await server.close();
  cleanup();
}
