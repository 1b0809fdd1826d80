#!/usr/bin/env node
// bench/mediavalet-run: what issue 12 measures of the MediaValet collection against the stand-in — the operations of
// MediaValet's OpenAPI description that the specs cover (`mvpm import … --check`), and `mvpm run` (embedded stand-in,
// which mocks every operation the hand-written routes do not answer): assertions passed and failed, requests sent,
// and the wall time of --runs (default 3) whole runs, median and range. A report, not a test. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median, range, tail } from './stats.mjs';

const root = path.resolve(import.meta.dirname, '..');
const DOCUMENT = 'specs/openapi/mediavalet.openapi.yaml';
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);

function mvpm(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['bin/mvpm.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ...result, ms: Number(process.hrtime.bigint() - start) / 1e6, output: result.stdout + result.stderr };
}

const check = mvpm(['import', DOCUMENT, '--out', 'specs', '--check']);
const covered = /all (\d+) operations/.exec(check.output);
console.log(`document: ${DOCUMENT}`);
console.log(
  covered
    ? `operations covered: ${covered[1]} of ${covered[1]} (mvpm import --check exit ${check.status})`
    : `operations NOT all covered (exit ${check.status}):\n${tail(check.output)}`,
);

const work = mkdtempSync(path.join(os.tmpdir(), 'mvpm-bench-mediavalet-'));
try {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const stateFile = path.join(work, `state-${i}.json`);
    const run = mvpm(['run', '--state-file', stateFile, '--reports-dir', path.join(work, 'reports')]);
    if (run.status !== 0) {
      console.error(`mvpm run failed (exit ${run.status}):\n${tail(run.output)}`);
      process.exitCode = 1;
      break;
    }
    times.push(run.ms);
    last = run.output;
  }
  if (last !== undefined) {
    const verdict = /(\d+) passed, (\d+) failed/.exec(last);
    const requests = (last.match(/^→ /gm) ?? []).length;
    console.log(`mvpm run (Newman, embedded stand-in): ${verdict?.[1]} assertions passed, ${verdict?.[2]} failed,`);
    console.log(`  ${requests} requests sent; wall time median ${median(times).toFixed(0)} ms (${range(times)} ms)`);
    console.log(
      `  over ${times.length} runs; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
