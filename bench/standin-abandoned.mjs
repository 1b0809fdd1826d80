#!/usr/bin/env node
// bench/standin-abandoned: the stand-in's memory under abandoned sign-ins. Starts the stand-in in a child process
// (so the RSS is the server's alone), sends --requests (default 20,000) authorization requests that nobody
// finishes — each makes oidc-provider store a pending sign-in (an Interaction) and answer 303 to the sign-in
// page — and prints the child's RSS and heap before, every --every requests, and at the end after a forced GC.
// A report, not a test.
//
//   npm run build && node bench/standin-abandoned.mjs
//   node bench/standin-abandoned.mjs --requests 5000 --concurrency 4
//   node bench/standin-abandoned.mjs --standin /elsewhere/src/standin/index.ts   # another copy, e.g. an older commit
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');

if (process.argv[2] === '--child') await serve(process.argv[3]);
else await main();

/** The child: starts the stand-in, then answers `measure` messages with its memory (after a GC when asked). */
async function serve(modulePath) {
  const { startStandin } = await import(pathToFileURL(modulePath).href);
  const server = await startStandin({ host: '127.0.0.1', port: 0 });
  // If the bench dies, the stand-in goes with it.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message) => {
    if (message.type === 'measure') {
      if (message.gc) for (let i = 0; i < 3; i++) globalThis.gc();
      const { rss, heapUsed } = process.memoryUsage();
      // maxRSS is in KiB. storedArtifacts() is missing from stand-ins older than the cap on pending sign-ins.
      const peakRss = process.resourceUsage().maxRSS * 1024;
      const stored = typeof server.storedArtifacts === 'function' ? server.storedArtifacts() : undefined;
      process.send({ type: 'memory', rss, heapUsed, peakRss, stored });
    } else if (message.type === 'stop') {
      void server.close().then(() => process.exit(0));
    }
  });
  process.send({ type: 'ready', url: server.url });
}

async function main() {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '20000' },
      concurrency: { type: 'string', default: '8' },
      every: { type: 'string', default: '5000' },
      standin: { type: 'string', default: path.join(root, 'dist/standin/index.js') },
    },
  });
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  const every = Number(values.every);
  if (!Number.isInteger(requests) || requests < 1 || requests > 1_000_000)
    throw new Error('--requests must be a whole number from 1 to 1000000');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new Error('--concurrency must be a whole number from 1 to 64');
  if (!Number.isInteger(every) || every < 1) throw new Error('--every must be a positive whole number');
  const modulePath = path.resolve(values.standin);
  const execArgv = ['--expose-gc', ...(modulePath.endsWith('.ts') ? ['--import', 'tsx'] : [])];

  const child = fork(import.meta.filename, ['--child', modulePath], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const replies = [];
  let waiting;
  child.on('message', (message) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(message);
    } else replies.push(message);
  });
  child.on('exit', (code) => {
    if (code !== 0) {
      process.stderr.write(`the stand-in exited with ${code}\n`);
      process.exit(1);
    }
  });
  const next = () =>
    replies.length > 0 ? Promise.resolve(replies.shift()) : new Promise((resolve) => (waiting = resolve));
  const measure = async (gc) => {
    child.send({ type: 'measure', gc });
    return next();
  };

  const { url } = await next();
  const { port } = new URL(url);
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: 'mvpm-demo-client',
    redirect_uri: 'https://oauth.pstmn.io/v1/callback',
    scope: 'openid api offline_access',
    state: 'bench',
  });
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  /** One abandoned sign-in: the authorization request, whose redirect to the sign-in page nobody follows. */
  const abandon = () =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: `/connect/authorize?${query}`, agent }, (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 303 ? resolve() : reject(new Error(`authorization request answered ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
      req.end();
    });

  const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const row = (label, m) =>
    `${label.padEnd(24)} rss ${mib(m.rss).padStart(10)}   heap ` +
    `${mib(m.heapUsed).padStart(10)}${m.stored ? `   stored ${JSON.stringify(m.stored)}` : ''}`;
  console.log(`stand-in: ${path.relative(root, modulePath)}`);

  // A few sign-ins first, so that modules loaded on first use count in "before", not in the growth.
  for (let i = 0; i < 20; i++) await abandon();
  const before = await measure(true);
  console.log(row('before (after GC)', before));
  const start = process.hrtime.bigint();
  let sent = 0;
  while (sent < requests) {
    const chunk = Math.min(every, requests - sent);
    let chunkSent = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (chunkSent < chunk) {
          chunkSent += 1;
          await abandon();
        }
      }),
    );
    sent += chunk;
    console.log(row(`after ${sent}`, await measure(false)));
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const afterGc = await measure(true);
  child.send({ type: 'stop' });
  agent.destroy();

  console.log(row(`after ${requests} (after GC)`, afterGc));
  console.log(
    `${requests} abandoned sign-ins, concurrency ${concurrency}, ${seconds.toFixed(1)} s ` +
      `(${Math.round(requests / seconds)}/s)`,
  );
  console.log(`peak rss ${mib(afterGc.peakRss)}`);
  console.log(
    `growth after GC: rss ${mib(afterGc.rss - before.rss)}, heap ${mib(afterGc.heapUsed - before.heapUsed)} ` +
      `(${Math.round((afterGc.heapUsed - before.heapUsed) / requests)} bytes of heap per sign-in)`,
  );
}
