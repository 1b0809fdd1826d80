// The README's plain-Newman recipe, as a newcomer runs it: `node bin/mvpm.js serve --port <n> &` (the shell's $! is
// the stand-in itself), `npm run newman:standin -- --base-url …`, then `kill` of that PID. Its run is also the
// suite's run of the committed files under the plain newman CLI: every check and capture the requests list passes.
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CHECKS_OPEN, parseChecks } from '../../src/compile/scripts/checks.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';

const SCRIPT = path.join(PROJECT_ROOT, 'scripts', 'newman-standin.ts');
/** tsx's loader by URL: the script runs in a temporary directory, where `--import tsx` would not resolve. */
const TSX = import.meta.resolve('tsx');

function runScript(cwd: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX, SCRIPT, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

interface Item {
  item?: Item[];
  event?: { listen: string; script: { exec: string[] } }[];
}

/** How many checks and captures the requests of a committed collection list for the collection's test script. */
function listedChecks(file: string): number {
  const collection = JSON.parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) as Item;
  const count = (item: Item): number => {
    const exec = item.event?.find((e) => e.listen === 'prerequest')?.script.exec ?? [];
    const start = exec.indexOf(CHECKS_OPEN);
    const own = start === -1 ? 0 : (parseChecks(exec.slice(start))?.entries.length ?? 0);
    return own + (item.item ?? []).reduce((sum, child) => sum + count(child), 0);
  };
  return count(collection);
}

/** The variable `key` of an exported Postman environment. */
function envValue(file: string, key: string): unknown {
  const env = JSON.parse(readFileSync(file, 'utf8')) as { values: { key: string; value: unknown }[] };
  return env.values.find((v) => v.key === key)?.value;
}

async function startServe(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'mvpm.js'), 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`mvpm serve exited with ${code} before listening: ${out}`)));
  });
  return { child, url };
}

describe('plain Newman against a running stand-in (npm run newman:standin)', () => {
  let work: string;
  let serve: { child: ChildProcess; url: string };

  before(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'mvpm-newcomer-'));
    for (const dir of ['collections', 'environments'])
      cpSync(path.join(PROJECT_ROOT, dir), path.join(work, dir), { recursive: true });
    serve = await startServe();
  });
  after(() => {
    if (serve.child.exitCode === null && serve.child.signalCode === null) serve.child.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  });

  test('the npm script is this file', () => {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    assert.equal(pkg.scripts['newman:standin'], 'tsx scripts/newman-standin.ts');
  });

  test(
    'runs the sign-in, then the main collection with ' + 'its exported environment, on a port other than 4010',
    async () => {
      assert.notEqual(new URL(serve.url).port, '4010');
      const { code, stdout, stderr } = await runScript(work, ['--base-url', serve.url]);
      assert.equal(code, 0, `${stdout}\n${stderr}`);
      const commands = stdout.split('\n').filter((l) => l.startsWith('$ newman run '));
      assert.equal(commands.length, 2, stdout);
      assert.match(
        commands[0]!,
        new RegExp(
          /^\$ newman run collections\/standin-sign-in\.postman_collection\.json -e /.source +
            /environments\/local-standin\.postman_environment\.json .*--export-environment /.source +
            /\.mvpm\/newman\/signed-in\.postman_environment\.json$/.source,
        ),
      );
      assert.match(
        commands[1]!,
        new RegExp(
          /^\$ newman run collections\/mediavalet\.postman_collection\.json -e /.source +
            /\.mvpm\/newman\/signed-in\.postman_environment\.json .*--export-environment /.source +
            /\.mvpm\/newman\/after-run\.postman_environment\.json$/.source,
        ),
      );
      assert.ok(
        commands.every((c) => c.includes(`authBaseUrl=${serve.url}`) && c.includes(`apiBaseUrl=${serve.url}`)),
        'both runs are pointed at the stand-in in use',
      );
      assert.match(stdout, /both collections passed/);
      // The main collection's summary table (newman's cli reporter): every check and capture the requests list ran
      // as one test, none failed, none skipped, none run twice.
      const tables = [...stdout.matchAll(/│\s+assertions\s+│\s+(\d+)\s+│\s+(\d+)\s+│/g)];
      assert.equal(tables.length, 2, stdout);
      assert.deepEqual(
        [Number(tables[1]![1]), Number(tables[1]![2])],
        [listedChecks('collections/mediavalet.postman_collection.json'), 0],
      );
      const signedIn = path.join(work, '.mvpm', 'newman', 'signed-in.postman_environment.json');
      const afterRun = path.join(work, '.mvpm', 'newman', 'after-run.postman_environment.json');
      assert.match(String(envValue(signedIn, 'code')), /.{10,}/, 'the sign-in exported an authorization code');
      assert.match(
        String(envValue(afterRun, 'refresh_token')),
        /.{10,}/,
        'the main collection exchanged it and kept the rotated refresh token',
      );
      assert.equal(envValue(afterRun, 'authBaseUrl'), serve.url);
    },
  );

  test("what it exports, and the old recipe's signed-in.json, are git-ignored", () => {
    for (const file of [
      '.mvpm/newman/signed-in.postman_environment.json',
      '.mvpm/newman/after-run.postman_environment.json',
      'signed-in.json',
    ]) {
      const result = spawnSync('git', ['check-ignore', '--no-index', '-q', file], { cwd: PROJECT_ROOT });
      assert.equal(result.status, 0, `${file} is not git-ignored`);
    }
  });

  test(
    'stopping the stand-in by the PID the shell got stops it; ' +
      'then the script says nothing answers, and runs nothing',
    async () => {
      const exited = once(serve.child, 'exit');
      process.kill(serve.child.pid!, 'SIGTERM');
      const [code] = (await exited) as [number | null];
      assert.equal(code, 0);
      await assert.rejects(fetch(`${serve.url}/.well-known/openid-configuration`), 'the port no longer answers');
      const result = await runScript(work, ['--base-url', serve.url]);
      assert.equal(result.code, 2);
      assert.equal(
        result.stderr,
        `newman:standin: nothing answers at ${serve.url} (ECONNREFUSED): is the stand-in running? start it first: ` +
          `node bin/mvpm.js serve --port ${new URL(serve.url).port} &\n`,
      );
      assert.doesNotMatch(result.stdout, /newman run/);
      assert.ok(existsSync(path.join(work, '.mvpm', 'newman')));
    },
  );

  test('a URL that cannot be the stand-in is refused before anything runs', async () => {
    const result = await runScript(work, ['--base-url', 'https://login.mediavalet.com']);
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      "newman:standin: --base-url 'https://login.mediavalet.com': the stand-in speaks http, not https\n",
    );
  });
});
