#!/usr/bin/env node
// Every speed, memory and size target of mvpm build in ONE interleaved run, as ratios with PASS/MISS.
// See bench/README.md. `npm run bench` (5 rounds) or `npm run bench -- --quick` (3 rounds).
//
// Each round runs, one after the other: `node -e 0`, `mvpm --help` and `mvpm build` on the project's own specs
// (three times each: they are short), then for each size N `mvpm build` and the floor (bench/floor.mjs) on a
// generated tree of N requests. A slow patch of the machine thus hits every side of a ratio alike. Ratios are
// of medians; min-max is the range of the per-round ratios. A report, not a test: exit 0 whatever the verdicts,
// non-zero only when a command fails.
//
// After the rounds, bench/openapi.mjs (issue 12's import target: mvpm import + build against openapi-to-postmanv2)
// runs the same number of its own rounds, and its ratio joins the table; `--openapi 0` leaves it out.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { COLLECTION_SLUG, generateSpecs } from './generate-specs.mjs';
import { benchOpenApi, TARGET as OPENAPI_TARGET } from './openapi.mjs';
import { countRequests, median, mib, range, tail } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let MVPM = path.join(ROOT, 'bin', 'mvpm.js');
const FLOOR = path.join(ROOT, 'bench', 'floor.mjs');
const PEAK_RSS_PRELOAD = pathToFileURL(path.join(ROOT, 'bench', 'peak-rss.mjs')).href;
const STARTUP_REPEATS = 3;

const USAGE = `Usage: node bench/bench.mjs [--quick] [--rounds <n>] [--sizes 1000,10000] [--keep]

  --quick         3 rounds instead of 5
  --rounds <n>    Interleaved rounds (default 5)
  --sizes <list>  Generated request counts (default 1000,10000; the targets name 1,000 and 10,000)
  --keep          Keep the temp dir (generated specs, for node --cpu-prof)
  --openapi <n>   Operations of the OpenAPI import bench (bench/openapi.mjs) run after the rounds (default 500;
                  0 skips it)
  --mvpm <path>   Another mvpm's bin/mvpm.js to measure, e.g. a clone of an older commit (default this one's)
  -h, --help      Show this help
`;

function main() {
  const options = readOptions();
  if (!existsSync(path.join(path.dirname(MVPM), '..', 'dist', 'cli', 'main.js'))) {
    process.stderr.write('bench: the compiled CLI is missing (dist/). Run `npm run build` first.\n');
    return 2;
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mvpm-bench-'));
  try {
    return run(options, tmp);
  } finally {
    if (options.keep) process.stderr.write(`bench: kept ${tmp}\n`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

function run(options, tmp) {
  const own = path.join(tmp, 'own');
  cpSync(path.join(ROOT, 'specs'), path.join(own, 'specs'), { recursive: true });
  const trees = options.sizes.map((size) => {
    const dir = path.join(tmp, `n${size}`);
    const generated = generateSpecs(path.join(dir, 'specs'), size);
    progress(`N=${size}: ${generated.files} spec files, ${mib(generated.bytes)} MiB`);
    return { size, dir, generated };
  });

  /** Every measured command by name; each sample is { ms, rssKiB, bytes }. */
  const commands = [
    { name: 'node -e 0', cwd: tmp, args: () => ['-e', '0'] },
    { name: 'mvpm --help', cwd: tmp, args: () => [MVPM, '--help'] },
    { name: 'mvpm build (specs/)', cwd: own, args: (out) => buildArgs(out) },
  ];
  const startup = commands.map((c) => ({ ...c, repeat: STARTUP_REPEATS }));
  const sized = trees.flatMap((t) => [
    { name: `mvpm build N=${t.size}`, cwd: t.dir, args: (out) => buildArgs(out), tree: t, repeat: 1 },
    { name: `floor N=${t.size}`, cwd: t.dir, args: (out) => [FLOOR, 'specs', `${out}/floor.json`], tree: t, repeat: 1 },
    {
      name: `floor + file per request N=${t.size}`,
      cwd: t.dir,
      args: (out) => [FLOOR, 'specs', `${out}/floor.json`, `${out}/files`],
      tree: t,
      repeat: 1,
    },
  ]);
  const all = [...startup, ...sized];
  const samples = new Map(all.map((c) => [c.name, []]));

  // An untimed round first: checks every command works (and that a build has all N requests), warms the cache.
  for (const command of all) {
    const result = timed(command, tmp, 'warm');
    if (result.error) return fail(command, result);
    if (command.tree && command.name.startsWith('mvpm') && result.requests !== command.tree.size) {
      progress(`${command.name}: the collection has ${result.requests} requests, expected ${command.tree.size}`);
      return 1;
    }
  }
  for (let round = 0; round < options.rounds; round += 1) {
    progress(`round ${round + 1}/${options.rounds}`);
    for (const command of all) {
      for (let i = 0; i < command.repeat; i += 1) {
        const result = timed(command, tmp, `${round}-${i}`);
        if (result.error) return fail(command, result);
        samples.get(command.name).push({ ...result, round });
      }
    }
  }
  // Its ratio is between two converters, not against this run's floor: its own rounds, same count, after these.
  const openapi =
    options.openapi > 0 ? benchOpenApi({ rounds: options.rounds, operations: options.openapi, mvpm: MVPM }) : undefined;
  printReport(samples, trees, options, openapi);
  return openapi?.code ?? 0;
}

function buildArgs(out) {
  return [
    MVPM,
    'build',
    '--specs',
    'specs',
    '--collections',
    `${out}/c`,
    '--environments',
    `${out}/e`,
    '--docs',
    `${out}/d`,
    '--postman',
    `${out}/p`,
  ];
}

/** One whole process under `node --import peak-rss.mjs`: wall time, peak RSS, and the bytes it wrote. */
function timed(command, tmp, tag) {
  const out = `out-${tag}`;
  const rssFile = path.join(tmp, `rss-${tag}.txt`);
  rmSync(rssFile, { force: true });
  mkdirSync(path.join(command.cwd, out), { recursive: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', PEAK_RSS_PRELOAD, ...command.args(out)], {
    cwd: command.cwd,
    // Its own state directory: the build's record of written files must not touch the user's.
    env: { ...process.env, BENCH_PEAK_RSS_FILE: rssFile, XDG_STATE_HOME: path.join(tmp, 'state') },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error || result.status !== 0)
    return { error: result.error?.message ?? `exit ${result.status ?? result.signal}: ${tail(result.stderr)}` };
  const rssKiB = Number(readFileSync(rssFile, 'utf8'));
  const bytes = command.tree ? outputBytes(path.join(command.cwd, out)) : 0;
  const collection = path.join(command.cwd, out, 'c', `${COLLECTION_SLUG}.postman_collection.json`);
  const requests = tag === 'warm' && existsSync(collection) ? countRequests(collection) : undefined;
  rmSync(path.join(command.cwd, out), { recursive: true, force: true });
  return { ms, rssKiB, bytes, requests };
}

/** The collection a build wrote, or the floor's one JSON file. */
function outputBytes(out) {
  const collection = path.join(out, 'c', `${COLLECTION_SLUG}.postman_collection.json`);
  return statSync(existsSync(collection) ? collection : path.join(out, 'floor.json')).size;
}

function printReport(samples, trees, options, openapi) {
  const med = (name, key = 'ms') => median(samples.get(name).map((s) => s[key]));
  /** Per-round ratios of the two commands' round medians, for the min-max. */
  const spread = (a, b, key = 'ms') => {
    const ratios = [];
    for (let round = 0; round < options.rounds; round += 1) {
      const of = (name) =>
        median(
          samples
            .get(name)
            .filter((s) => s.round === round)
            .map((s) => s[key]),
        );
      ratios.push(of(a) / of(b));
    }
    return `${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}`;
  };
  const rows = [];
  const row = (what, a, b, target, key = 'ms') => {
    const ratio = med(a, key) / med(b, key);
    rows.push([
      what,
      ratio.toFixed(2),
      spread(a, b, key),
      `<= ${target.toFixed(1)}`,
      ratio <= target ? 'PASS' : 'MISS',
    ]);
  };
  row('mvpm build on specs/ vs node -e 0', 'mvpm build (specs/)', 'node -e 0', 3.0);
  row('mvpm --help vs node -e 0', 'mvpm --help', 'node -e 0', 1.3);
  const target = new Map([
    [1000, 2.0],
    [10000, 1.8],
  ]);
  for (const t of trees) {
    const a = `mvpm build N=${t.size}`;
    const b = `floor N=${t.size}`;
    if (target.has(t.size)) {
      row(`time at ${t.size.toLocaleString('en-US')} requests vs floor`, a, b, target.get(t.size));
      // Since issue 11 a build also writes one v3 file per request: the same target against a floor that does too.
      const files = `floor + file per request N=${t.size}`;
      row(
        `time at ${t.size.toLocaleString('en-US')} vs floor writing a file per request`,
        a,
        files,
        target.get(t.size),
      );
    }
    if (t.size === 10000) {
      row('peak RSS at 10,000 vs floor', a, b, 2.5, 'rssKiB');
      row('collection bytes at 10,000 vs floor output', a, b, 4.0, 'bytes');
    }
  }
  if (openapi) {
    const { ratio, min, max, failed } = openapi.verdict;
    const what = `mvpm import + build vs openapi-to-postmanv2, ${options.openapi} operations`;
    const target = `<= ${OPENAPI_TARGET.toFixed(1)}`;
    if (ratio === undefined) rows.push([what, 'n/a', 'n/a', target, failed ? 'FAILED' : 'N/A']);
    else
      rows.push([
        what,
        ratio.toFixed(2),
        `${min.toFixed(2)}-${max.toFixed(2)}`,
        target,
        ratio <= OPENAPI_TARGET ? 'PASS' : 'MISS',
      ]);
  }
  const header = ['ratio', 'median', 'min-max', 'target', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const absolute = [...samples.keys()].map((name) => {
    const rss = mib(med(name, 'rssKiB') * 1024);
    const bytes = med(name, 'bytes');
    const written = bytes > 0 ? `, wrote ${mib(bytes)} MiB` : '';
    const ms = `median ${med(name).toFixed(0)} ms (${range(samples.get(name).map((s) => s.ms))})`;
    return `  ${name}: ${ms}, peak RSS ${rss} MiB${written}`;
  });
  const out = [
    `mvpm bench: ${options.rounds} interleaved rounds (start-up commands ${STARTUP_REPEATS}x per round),`,
    `whole processes; node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs,`,
    `load average ${os.loadavg()[0].toFixed(1)} at the end; mvpm is ${MVPM}`,
    '',
    line(header),
    line(header.map((_, c) => '-'.repeat(widths[c]))),
    ...rows.map(line),
    '',
    ...absolute,
    ...trees.map((t) => `  N=${t.size}: ${t.generated.files} spec files, ${mib(t.generated.bytes)} MiB of spec text`),
    ...(openapi ? ['', ...openapi.lines] : []),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        rounds: { type: 'string' },
        sizes: { type: 'string', default: '1000,10000' },
        keep: { type: 'boolean', default: false },
        mvpm: { type: 'string' },
        openapi: { type: 'string', default: '500' },
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
  if (!sizes.every((n) => Number.isInteger(n) && n > 0)) usageError(`--sizes must be positive integers`);
  const rounds = Number(values.rounds ?? (values.quick ? 3 : 5));
  if (!Number.isInteger(rounds) || rounds < 1) usageError(`--rounds must be a positive integer`);
  if (values.mvpm) MVPM = path.resolve(values.mvpm);
  const openapi = Number(values.openapi);
  if (!Number.isInteger(openapi) || openapi < 0) usageError(`--openapi must be a whole number`);
  return { sizes, rounds, keep: values.keep, openapi };
}

function fail(command, result) {
  progress(`bench: ${command.name} failed: ${result.error}`);
  return 1;
}

function usageError(message) {
  process.stderr.write(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function progress(message) {
  process.stderr.write(`${message}\n`);
}

process.exitCode = main();
