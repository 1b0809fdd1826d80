#!/usr/bin/env node
// bench/run: `mvpm run` against plain `newman run` of the same collection, environment and folders, on the same
// stand-in (already running), as whole processes; median of --runs (default 10). Then the stand-in's
// refresh-token rotation throughput. Prints figures; a report, not a test. Run `npm run build` first.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10' }, rotations: { type: 'string', default: '2000' } },
});
const runs = Number(values.runs);
const rotations = Number(values.rotations);

const { startStandin, signIn, DEMO_CLIENT } = await import(path.join(root, 'dist/standin/index.js'));
const server = await startStandin({ port: 0 });
const work = mkdtempSync(path.join(os.tmpdir(), 'mvpm-bench-run-'));
const cleanup = () => rmSync(work, { recursive: true, force: true });
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

async function exchange(params) {
  const response = await fetch(`${server.url}/connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: DEMO_CLIENT.clientId, client_secret: DEMO_CLIENT.clientSecret, ...params }),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return response.json();
}

async function freshRefreshToken() {
  const { code } = await signIn(server.url);
  return (await exchange({ grant_type: 'authorization_code', code, redirect_uri: DEMO_CLIENT.redirectUris[0] }))
    .refresh_token;
}

const folders = ['Refresh chain', 'API'];
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
// Asynchronous on purpose: the stand-in runs in this process and must keep answering while the child runs.
function time(command, args, env) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (status !== 0) reject(new Error(`${path.basename(args[0] ?? command)} exited ${status}:\n${output}`));
      else resolve(ms);
    });
  });
}

try {
  // mvpm: the refresh token comes from its state file, which each run advances (as in CI between jobs).
  const stateFile = path.join(work, 'state.json');
  const mvpmEnv = { XDG_STATE_HOME: work, NO_COLOR: '1' };
  const mvpmArgs = [
    'bin/mvpm.js',
    'run',
    '--target',
    'standin',
    '--base-url',
    server.url,
    '--state-file',
    stateFile,
    ...folders.flatMap((f) => ['--folder', f]),
  ];
  // The first run signs in (untimed) and leaves a refresh token in the state file.
  await time(
    process.execPath,
    ['bin/mvpm.js', 'run', '--target', 'standin', '--base-url', server.url, '--state-file', stateFile],
    mvpmEnv,
  );

  // newman: the same collection, environment and folders; a fresh refresh token is handed in each time (untimed).
  const newmanBin = path.join(root, 'node_modules/newman/bin/newman.js');
  const newmanArgs = (token) => [
    newmanBin,
    'run',
    'collections/mediavalet.postman_collection.json',
    '-e',
    'environments/local-standin.postman_environment.json',
    '--env-var',
    `authBaseUrl=${server.url}`,
    '--env-var',
    `apiBaseUrl=${server.url}`,
    '--env-var',
    `refresh_token=${token}`,
    ...folders.flatMap((f) => ['--folder', f]),
    '--reporters',
    'cli',
    '--color',
    'off',
  ];

  const mvpmTimes = [];
  const newmanTimes = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so drift in machine load affects both alike.
    mvpmTimes.push(await time(process.execPath, mvpmArgs, mvpmEnv));
    const token = await freshRefreshToken();
    newmanTimes.push(await time(process.execPath, newmanArgs(token), {}));
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const [m, n] = [median(mvpmTimes), median(newmanTimes)];
  console.log(
    `mvpm run vs newman run: same collection, environment and folders (${folders.join(', ')}), stand-in already ` +
      `running,`,
  );
  console.log(
    `whole processes, median of ${runs}; node ${process.version}, ${os.platform()} ${os.arch()}, ` +
      `${os.availableParallelism()} CPUs`,
  );
  console.log('');
  console.log(
    `  mvpm run     ${m.toFixed(0).padStart(6)} ms   (runs ` +
      `${Math.min(...mvpmTimes).toFixed(0)}-${Math.max(...mvpmTimes).toFixed(0)})`,
  );
  console.log(
    `  newman run   ${n.toFixed(0).padStart(6)} ms   (runs ` +
      `${Math.min(...newmanTimes).toFixed(0)}-${Math.max(...newmanTimes).toFixed(0)})`,
  );
  console.log(`  ratio        ${(m / n).toFixed(2)}      (target <= 1.10)`);

  // Four concurrent mvpm runs, each with its own sign-in and state file (the first run of each signs in; timed
  // are the second ones, which refresh from the state file like CI jobs do).
  const concurrent = [0, 1, 2, 3].map((i) => path.join(work, `concurrent-${i}.json`));
  const argsFor = (file) => [
    'bin/mvpm.js',
    'run',
    '--target',
    'standin',
    '--base-url',
    server.url,
    '--state-file',
    file,
    ...folders.flatMap((f) => ['--folder', f]),
  ];
  await Promise.all(
    concurrent.map((file) =>
      time(
        process.execPath,
        ['bin/mvpm.js', 'run', '--target', 'standin', '--base-url', server.url, '--state-file', file],
        mvpmEnv,
      ),
    ),
  );
  const wallStart = process.hrtime.bigint();
  const each = await Promise.all(concurrent.map((file) => time(process.execPath, argsFor(file), mvpmEnv)));
  const wall = Number(process.hrtime.bigint() - wallStart) / 1e6;
  console.log('');
  console.log(
    `4 concurrent mvpm runs (separate sign-ins and state files), all passing: ${wall.toFixed(0)} ms wall, each ` +
      `${each.map((t) => t.toFixed(0)).join(' / ')} ms`,
  );

  // Rotation throughput: sequential refresh_token grants, each with the token the previous one returned.
  let token = await freshRefreshToken();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rotations; i++)
    token = (await exchange({ grant_type: 'refresh_token', refresh_token: token })).refresh_token;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log('');
  console.log(
    `stand-in refresh rotation: ${rotations} sequential rotations in ${seconds.toFixed(2)} s = ` +
      `${(rotations / seconds).toFixed(0)} rotations/s`,
  );
} finally {
  await server.close();
  cleanup();
}
