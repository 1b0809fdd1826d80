#!/usr/bin/env node
// Compile benchmark: how much slower is `mvpm build` than the floor (parse the same YAML, write it as JSON)?
// See bench/README.md. Run with `npm run bench:compile` or `node bench/compile.mjs [--sizes 100,1000] [--runs 5]`.
//
// For each size N it generates a spec tree of N requests in a temp dir, checks that `mvpm build` accepts it,
// then times whole processes (node startup included): `node bin/mvpm.js build` and `node bench/floor.mjs`,
// each --runs times, interleaved. It prints the medians. The exit code is 0 unless a build failed: this is a
// report, not a test, so a missed target does not fail it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { COLLECTION_SLUG, generateSpecs } from './generate-specs.mjs';
import { countRequests, median, mib, range, tail } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MVPM = path.join(ROOT, 'bin', 'mvpm.js');
const FLOOR = path.join(ROOT, 'bench', 'floor.mjs');
// --import takes a specifier, not a path: a file URL works from any cwd and with spaces in the path.
const PEAK_RSS_PRELOAD = pathToFileURL(path.join(ROOT, 'bench', 'peak-rss.mjs')).href;

/** Target ratio (mvpm / floor) by size. Sizes without a target are reported without a verdict. */
const TARGETS = new Map([
  [1000, 2.5],
  [10000, 2.0],
]);

const USAGE = `Usage: node bench/compile.mjs [--sizes 100,1000,10000] [--runs 5] [--keep]

  --sizes <list>  Request counts to generate and measure (default 100,1000,10000)
  --runs <n>      Timed runs of each command per size; the median is reported (default 5)
  --keep          Keep the temp dir with the generated specs (its path is printed)
  -h, --help      Show this help
`;

class Interrupted extends Error {}

// spawnSync blocks this process, so Ctrl-C reaches the child (same process group) and ends it; with a handler
// installed this process survives, notices the flag when spawnSync returns, and still removes the temp dir.
let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
});

function main() {
  const options = readOptions();
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
    process.stderr.write('bench: the compiled CLI is missing (dist/). Run `npm run build` first.\n');
    return 2;
  }

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mvpm-bench-'));
  const rows = [];
  let failed = false;
  try {
    for (const size of options.sizes) {
      const row = benchSize(size, options.runs, path.join(tmp, `n${size}`));
      if (!row) failed = true;
      else rows.push(row);
    }
  } catch (error) {
    if (error instanceof Interrupted) {
      process.stderr.write('bench: interrupted\n');
      return 130;
    }
    throw error;
  } finally {
    if (options.keep) process.stderr.write(`bench: kept ${tmp}\n`);
    else rmSync(tmp, { recursive: true, force: true });
  }

  if (rows.length > 0) printTable(rows, options.runs);
  return failed ? 1 : 0;
}

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sizes: { type: 'string', default: '100,1000,10000' },
        runs: { type: 'string', default: '5' },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usageError(error.message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.length === 0 || !sizes.every((n) => Number.isInteger(n) && n > 0))
    usageError(`--sizes must be positive integers, got "${values.sizes}"`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) usageError(`--runs must be a positive integer, got "${values.runs}"`);
  return { sizes, runs, keep: values.keep };
}

function usageError(message) {
  process.stderr.write(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

/** Generates, verifies and measures one size. Returns the table row, or undefined when a build failed. */
function benchSize(size, runs, dir) {
  const specsDir = path.join(dir, 'specs');
  const generated = generateSpecs(specsDir, size);
  progress(
    `N=${size}: generated ${generated.files} files (${mib(generated.bytes)} MiB) in ${generated.folders} folders`,
  );

  // One untimed run of each first. It checks that mvpm accepts the generated specs, and warms the page cache
  // so the first timed run does not pay for cold reads that the others do not.
  const check = runMvpm(dir, 'check');
  if (check.status !== 0) {
    progress(`N=${size}: mvpm build failed (exit ${check.status ?? check.signal}):\n${tail(check.stderr)}`);
    return undefined;
  }
  const compiled = countRequests(
    path.join(dir, 'out-check', 'collections', `${COLLECTION_SLUG}.postman_collection.json`),
  );
  if (compiled !== size) {
    progress(`N=${size}: mvpm build exited 0 but the collection has ${compiled} requests, expected ${size}`);
    return undefined;
  }
  const floorCheck = runFloor(dir, 'check');
  if (floorCheck.status !== 0) {
    progress(
      `N=${size}: the floor script failed (exit ` +
        `${floorCheck.status ?? floorCheck.signal}):\n${tail(floorCheck.stderr)}`,
    );
    return undefined;
  }
  cleanOutputs(dir, 'check');

  const mvpm = [];
  const floor = [];
  // Interleaved (mvpm, floor, mvpm, …) so that a slow patch of the machine hits both sides alike.
  for (let i = 0; i < runs; i += 1) {
    progress(`N=${size}: run ${i + 1}/${runs}`);
    for (const [samples, run, label] of [
      [mvpm, runMvpm, 'mvpm build'],
      [floor, runFloor, 'floor'],
    ]) {
      const result = run(dir, i);
      if (result.status !== 0) {
        progress(
          `N=${size}: ${label} failed on run ${i + 1} (exit ` +
            `${result.status ?? result.signal}):\n${tail(result.stderr)}`,
        );
        return undefined;
      }
      samples.push(result);
      cleanOutputs(dir, i);
    }
  }
  return {
    size,
    mvpmMs: median(mvpm.map((r) => r.ms)),
    floorMs: median(floor.map((r) => r.ms)),
    mvpmRange: range(mvpm.map((r) => r.ms)),
    floorRange: range(floor.map((r) => r.ms)),
    mvpmRssKiB: median(mvpm.map((r) => r.maxRssKiB)),
    floorRssKiB: median(floor.map((r) => r.maxRssKiB)),
    generated,
  };
}

/** `mvpm build` into a fresh output dir per run, so every run writes its files (none is "unchanged"). */
function runMvpm(dir, run) {
  const out = `out-${run}`;
  return timed(dir, run, [
    MVPM,
    'build',
    '--specs',
    'specs',
    '--collections',
    `${out}/collections`,
    '--environments',
    `${out}/environments`,
  ]);
}

function runFloor(dir, run) {
  mkdirSync(path.join(dir, `out-${run}`), { recursive: true });
  return timed(dir, run, [FLOOR, 'specs', `out-${run}/floor.json`]);
}

function cleanOutputs(dir, run) {
  rmSync(path.join(dir, `out-${run}`), { recursive: true, force: true });
}

/**
 * Runs `node --import peak-rss.mjs <args>` in `dir` and returns its exit, wall time and peak RSS. The wall time is
 * the whole spawnSync: process creation, node startup, module loading, the work and exit.
 */
function timed(dir, run, args) {
  const rssFile = path.join(dir, `rss-${run}-${path.basename(args[0])}.txt`);
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', PEAK_RSS_PRELOAD, ...args], {
    cwd: dir,
    env: { ...process.env, BENCH_PEAK_RSS_FILE: rssFile },
    // stdout is a few "wrote …" lines, not worth keeping; stderr holds the diagnostics of a failed build,
    // which can be long for a big tree, hence the generous buffer.
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (interrupted || result.signal === 'SIGINT') throw new Interrupted();
  if (result.error) throw result.error;
  const maxRssKiB = result.status === 0 ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  rmSync(rssFile, { force: true });
  return { status: result.status, signal: result.signal, stderr: result.stderr, ms, maxRssKiB };
}

function printTable(rows, runs) {
  const header = ['N', 'mvpm ms', 'floor ms', 'ratio', 'target', 'mvpm RSS MiB', 'floor RSS MiB'];
  const body = rows.map((row) => {
    const ratio = row.mvpmMs / row.floorMs;
    const target = TARGETS.get(row.size);
    return [
      row.size.toLocaleString('en-US'),
      row.mvpmMs.toFixed(0),
      row.floorMs.toFixed(0),
      ratio.toFixed(2),
      target === undefined ? '-' : `<= ${target.toFixed(1)} ${ratio <= target ? 'met' : 'MISSED'}`,
      mib(row.mvpmRssKiB * 1024),
      mib(row.floorRssKiB * 1024),
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((cells) => cells[c].length)));
  // The target column reads better left-aligned; the numbers right-aligned.
  const line = (cells) =>
    cells.map((cell, c) => (c === 4 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const out = [
    `mvpm build vs floor (yaml parse + JSON.stringify), median of ${runs} run${runs === 1 ? '' : 's'}, whole ` +
      `processes; node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs`,
    '',
    line(header),
    line(header.map((_, c) => '-'.repeat(widths[c]))),
    ...body.map(line),
    '',
    'ratio = mvpm ms / floor ms; targets: <= 2.5 at 1,000 requests, <= 2.0 at 10,000.',
    // The spread shows how far to trust a median on a noisy machine.
    ...rows.map(
      (row) =>
        `N=${row.size}: ${row.generated.files} spec files, ${mib(row.generated.bytes)} MiB of spec text in ` +
        `${row.generated.folders} folders; ` +
        `runs ranged mvpm ${row.mvpmRange}, floor ${row.floorRange} ms`,
    ),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

/** Progress goes to stderr, so stdout is just the table. */
function progress(message) {
  process.stderr.write(`${message}\n`);
}

process.exitCode = main();
