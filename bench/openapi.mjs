#!/usr/bin/env node
// The OpenAPI import benchmark (issue 12): `mvpm import` + `mvpm build` of a generated 500-operation OpenAPI
// document against openapi-to-postmanv2, Postman's own converter, converting the same document. See bench/README.md.
// `npm run bench:openapi` (7 rounds) or `node bench/openapi.mjs --rounds 3`.
//
// Every command is a whole cold process (node start-up included) that writes its files: each round runs
// `node -e 0` (the floor), openapi-to-postmanv2's CLI, and mvpm's two processes, in a fresh temp project each time:
// `mvpm import doc.yaml --out specs`, then `mvpm build`. The order of the two converters alternates between rounds,
// so a slow patch of the machine hits both alike. The ratio is of the medians, mvpm's being of import + build per
// round; min-max is the range of the per-round ratios. While `mvpm import` does not read OpenAPI (it rejects the
// document), mvpm is reported as not available and the rest is still measured. A report, not a test: exit 0
// whatever the verdict, non-zero only when a command fails for another reason.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeOpenApi } from './openapi-doc.mjs';
import { countRequests, median, mib, range, tail } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_MVPM = path.join(ROOT, 'bin', 'mvpm.js');
const USAGE_PRELOAD = pathToFileURL(path.join(ROOT, 'bench', 'openapi-usage.mjs')).href;
/** mvpm import + build / openapi-to-postmanv2 (issue 12). */
export const TARGET = 1.0;
/**
 * openapi-to-postmanv2 has no option that generates tests or schema checks (OPTIONS.md of 6.x: its validation
 * options are for its own validate-a-collection API, not the conversion). Folders by tag as mvpm makes them, and
 * request values from the document's examples where it has them, as mvpm does; `-p` writes indented JSON, as mvpm
 * does. Everything else is its default (schemaFaker on, optional parameters included, response examples per status).
 */
const O2P_OPTIONS = 'folderStrategy=Tags,parametersResolution=Example';

const USAGE = `Usage: node bench/openapi.mjs [--rounds <n>] [--operations <n>] [--keep] [--mvpm <path>]

  --rounds <n>      Interleaved rounds (default 7)
  --quick           3 rounds
  --operations <n>  Operations in the generated document (default 500)
  --keep            Keep the temp dir (the document, one mvpm project and one collection of each kind)
  --mvpm <path>     Another mvpm's bin/mvpm.js to measure (default this one's)
  -h, --help        Show this help
`;

function main() {
  const options = readOptions();
  if (!existsSync(path.join(path.dirname(options.mvpm), '..', 'dist', 'cli', 'main.js'))) {
    process.stderr.write('bench: the compiled CLI is missing (dist/). Run `npm run build` first.\n');
    return 2;
  }
  const { code, lines } = benchOpenApi(options);
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  return code;
}

/**
 * The whole benchmark, for this script and for bench/bench.mjs's table. Progress goes to standard error.
 * @returns `code` (0, or 1 when a command failed), the report's `lines`, and `verdict`: `{ ratio, min, max }` of
 *   mvpm / openapi-to-postmanv2, or `{ unavailable }` with the reason while mvpm cannot import the document.
 */
export function benchOpenApi({ rounds = 7, operations = 500, keep = false, mvpm = DEFAULT_MVPM } = {}) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mvpm-bench-openapi-'));
  try {
    return run({ rounds, operations, keep, mvpm }, tmp);
  } finally {
    if (keep) progress(`bench: kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

function run(options, tmp) {
  const doc = path.join(tmp, 'doc.yaml');
  const docBytes = writeOpenApi(doc, options.operations);
  progress(`doc.yaml: ${options.operations} operations, ${(docBytes / 1024).toFixed(0)} KiB`);
  const loadBefore = os.loadavg();
  const o2pBin = openapiToPostmanBin();

  const floor = { name: 'node -e 0', run: (tag) => timed(tmp, tag, ['-e', '0']) };
  const o2p = {
    name: 'openapi-to-postmanv2',
    run: (tag) => {
      const out = path.join(tmp, `o2p-${tag}`);
      mkdirSync(out);
      const file = path.join(out, 'collection.json');
      const result = timed(tmp, tag, [o2pBin, '-s', doc, '-o', file, '-p', '-O', O2P_OPTIONS]);
      // Its CLI prints a conversion error and still exits 0: no file means it failed.
      if (!result.error && !existsSync(file)) result.error = `wrote no collection: ${tail(result.output, 10)}`;
      if (result.error) return result;
      return { ...result, bytes: statSync(file).size, files: 1, requests: countRequests(file), dir: out };
    },
  };
  const mvpm = {
    name: 'mvpm import + build',
    run: (tag) => {
      const project = path.join(tmp, `mvpm-${tag}`);
      mkdirSync(project);
      copyFileSync(doc, path.join(project, 'doc.yaml'));
      const imported = timed(project, tag, [options.mvpm, 'import', 'doc.yaml', '--out', 'specs'], tmp);
      if (imported.error) return { ...imported, stage: 'import' };
      const built = timed(project, tag, [options.mvpm, 'build'], tmp);
      if (built.error) return { ...built, stage: 'build' };
      const written = treeSize(project, ['doc.yaml']);
      return {
        ms: imported.ms + built.ms,
        importMs: imported.ms,
        buildMs: built.ms,
        cpuMs: imported.cpuMs + built.cpuMs,
        importCpuMs: imported.cpuMs,
        buildCpuMs: built.cpuMs,
        rssKiB: Math.max(imported.rssKiB, built.rssKiB),
        ...written,
        requests: collectionRequests(path.join(project, 'collections')),
        dir: project,
      };
    },
  };

  // An untimed round first: checks each command works and converts every operation, and warms the page cache.
  for (const command of [floor, o2p]) {
    const result = command.run('warm');
    if (result.error) return fail(command.name, result.error);
    checkRequests(command.name, result, options.operations);
    if (!options.keep) cleanSample(result);
  }
  const warm = mvpm.run('warm');
  let mvpmUnavailable;
  if (warm.error && warm.stage === 'import') {
    mvpmUnavailable = `mvpm import rejects the document: ${firstLine(warm.output || warm.error)}`;
    progress(`mvpm: not available (${mvpmUnavailable})`);
  } else if (warm.error) {
    return fail(`mvpm ${warm.stage}`, warm.error);
  } else {
    checkRequests(mvpm.name, warm, options.operations);
  }
  const mvpmRequests = warm.requests;
  if (!options.keep) cleanSample(warm);

  const samples = { floor: [], o2p: [], mvpm: [] };
  for (let round = 0; round < options.rounds; round += 1) {
    progress(`round ${round + 1}/${options.rounds}`);
    const converters = [
      ['o2p', o2p],
      ['mvpm', mvpm],
    ].filter(([key]) => key !== 'mvpm' || !mvpmUnavailable);
    if (round % 2 === 1) converters.reverse();
    for (const [key, command] of [['floor', floor], ...converters]) {
      const result = command.run(round);
      if (result.error) return fail(command.name, result.error);
      cleanSample(result);
      samples[key].push(result);
    }
  }
  return report({ samples, options, docBytes, loadBefore, mvpmUnavailable, mvpmRequests });
}

/** One whole process under `node --import openapi-usage.mjs`: wall and CPU time, peak RSS, its output. */
function timed(cwd, tag, args, stateDir = cwd) {
  const usageFile = path.join(stateDir, `usage-${tag}.json`);
  rmSync(usageFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', USAGE_PRELOAD, ...args], {
    cwd,
    // Its own state directory: a build's record of written files must not touch the user's.
    env: { ...process.env, BENCH_USAGE_FILE: usageFile, XDG_STATE_HOME: path.join(stateDir, 'state') },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error || result.status !== 0)
    return { error: result.error?.message ?? `exit ${result.status ?? result.signal}: ${tail(output)}`, output };
  const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  return { ms, cpuMs: usage.userMs + usage.systemMs, rssKiB: usage.maxRSS, output };
}

/** The CLI that openapi-to-postmanv2's package.json declares. */
function openapiToPostmanBin() {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('openapi-to-postmanv2/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : Object.values(bin)[0]);
}

/** Bytes and files under `dir`, less the names in `except` at its top. */
function treeSize(dir, except = []) {
  let bytes = 0;
  let files = 0;
  const walk = (current, top) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (top && except.includes(entry.name)) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full, false);
      else if (entry.isFile()) {
        bytes += statSync(full).size;
        files += 1;
      }
    }
  };
  walk(dir, true);
  return { bytes, files };
}

/** Requests in the one v2.1 collection a build wrote, or -1. */
function collectionRequests(dir) {
  const found = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.postman_collection.json')) : [];
  return found.length === 1 ? countRequests(path.join(dir, found[0])) : -1;
}

function checkRequests(name, result, expected) {
  if (result.requests !== undefined && result.requests !== expected)
    progress(`${name}: the collection has ${result.requests} requests, expected ${expected}`);
}

function cleanSample(result) {
  if (result.dir) rmSync(result.dir, { recursive: true, force: true });
}

function report({ samples, options, docBytes, loadBefore, mvpmUnavailable, mvpmRequests }) {
  const ms = (list, key = 'ms') => list.map((s) => s[key]);
  const med = (list, key = 'ms') => median(ms(list, key));
  const load = (l) => l.map((x) => x.toFixed(1)).join(' ');
  const describe = (name, list, extra = '') => {
    const time = `median ${med(list).toFixed(0).padStart(6)} ms (${range(ms(list))})`;
    const cpu = `CPU ${med(list, 'cpuMs').toFixed(0)} ms`;
    return `  ${name.padEnd(22)} ${time}, ${cpu}, peak RSS ${mib(med(list, 'rssKiB') * 1024)} MiB${extra}`;
  };
  const wrote = (list) => `, wrote ${mib(med(list, 'bytes'))} MiB in ${med(list, 'files')} file(s)`;
  const out = [
    `mvpm OpenAPI bench: ${options.rounds} interleaved rounds of cold processes, ${options.operations} operations ` +
      `(doc.yaml ${(docBytes / 1024).toFixed(0)} KiB)`,
    `node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs, load average ` +
      `${load(loadBefore)} before, ${load(os.loadavg())} after; mvpm is ${options.mvpm}`,
    `openapi-to-postmanv2 ${openapiToPostmanVersion()}: -p -O ${O2P_OPTIONS} (it has no option for tests)`,
    '',
    describe('node -e 0', samples.floor),
    describe('openapi-to-postmanv2', samples.o2p, wrote(samples.o2p)),
  ];
  if (mvpmUnavailable) {
    out.push(`  mvpm import + build    not available: ${mvpmUnavailable}`);
    return { code: 0, lines: out, verdict: { unavailable: mvpmUnavailable } };
  }
  out.push(describe('mvpm import + build', samples.mvpm, wrote(samples.mvpm)));
  const floor = med(samples.floor);
  const importMs = med(samples.mvpm, 'importMs');
  const buildMs = med(samples.mvpm, 'buildMs');
  out.push(
    `    import median ${importMs.toFixed(0)} ms (${range(ms(samples.mvpm, 'importMs'))}), ` +
      `build ${buildMs.toFixed(0)} ms (${range(ms(samples.mvpm, 'buildMs'))}); ` +
      `less node start-up: import ${(importMs - floor).toFixed(0)} ms, build ${(buildMs - floor).toFixed(0)} ms`,
    `    CPU: import ${med(samples.mvpm, 'importCpuMs').toFixed(0)} ms, ` +
      `build ${med(samples.mvpm, 'buildCpuMs').toFixed(0)} ms`,
  );
  if (mvpmRequests !== options.operations)
    out.push(`    mvpm's collection has ${mvpmRequests} requests for ${options.operations} operations`);
  const ratio = med(samples.mvpm) / med(samples.o2p);
  const perRound = samples.mvpm.map((s, i) => s.ms / samples.o2p[i].ms);
  const [min, max] = [Math.min(...perRound), Math.max(...perRound)];
  const spread = `${min.toFixed(2)}-${max.toFixed(2)}`;
  out.push(
    '',
    `ratio mvpm (import + build) / openapi-to-postmanv2: ${ratio.toFixed(2)} (per round ${spread}), ` +
      `target <= ${TARGET.toFixed(1)}: ${ratio <= TARGET ? 'PASS' : 'MISS'}`,
  );
  const less = (list) => med(list) - floor;
  out.push(
    `  the same less node start-up (node -e 0 once per process): ` +
      `${((less(samples.mvpm) - floor) / less(samples.o2p)).toFixed(2)}`,
    // CPU time leaves out waiting for a core on a loaded machine, and also mvpm's waits for fsync.
    `  the same in CPU time (user + system): ${(med(samples.mvpm, 'cpuMs') / med(samples.o2p, 'cpuMs')).toFixed(2)}`,
  );
  return { code: 0, lines: out, verdict: { ratio, min, max } };
}

function openapiToPostmanVersion() {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve('openapi-to-postmanv2/package.json'), 'utf8')).version;
}

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        rounds: { type: 'string' },
        quick: { type: 'boolean', default: false },
        operations: { type: 'string', default: '500' },
        keep: { type: 'boolean', default: false },
        mvpm: { type: 'string' },
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
  const rounds = Number(values.rounds ?? (values.quick ? 3 : 7));
  if (!Number.isInteger(rounds) || rounds < 1) usageError('--rounds must be a positive integer');
  const operations = Number(values.operations);
  if (!Number.isInteger(operations) || operations < 1) usageError('--operations must be a positive integer');
  const mvpm = values.mvpm ? path.resolve(values.mvpm) : DEFAULT_MVPM;
  return { rounds, operations, keep: values.keep, mvpm };
}

function firstLine(text) {
  return (text ?? '').trim().split('\n')[0];
}

function fail(name, error) {
  progress(`bench: ${name} failed: ${error}`);
  return { code: 1, lines: [], verdict: { failed: `${name} failed` } };
}

function usageError(message) {
  process.stderr.write(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function progress(message) {
  process.stderr.write(`${message}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
