// Proof of generality: a project unlike the MediaValet one (its own collection, folder, variable, process-variable
// and target names; two collections, an extra top-level folder, a spending folder with the lowest `order`) runs end
// to end against the embedded stand-in (target `local`) and against a "real" target (`live`): a second stand-in
// reached through MV_AUTH_BASE_URL / MV_API_BASE_URL, signed in to with `mvpm login --target live`, with its
// state file and lock. Nothing in src/ knows any of these names.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { runMain } from '../../src/cli/main.ts';
import { lockState } from '../../src/run/state-lock.ts';
import { readState } from '../../src/run/state-file.ts';
import { DEMO_CLIENT, DEMO_SUBSCRIPTION_KEY, signIn, type StandinServer } from '../../src/standin/index.ts';
import { PROJECT_ROOT, runCli, tempProject } from '../support/helpers.ts';
import { useStandin } from '../support/standin-helpers.ts';

const FIXTURE = path.join(PROJECT_ROOT, 'test/golden/build/two-targets/specs');

let server: StandinServer;
let work: { dir: string; cleanup: () => void };

/** Collection headings the cli reporter printed, in order ("catalog (Get tokens, Rotate, …)"). */
function headings(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^[a-z][a-z0-9-]*( \(.*\))?$/.test(line));
}

describe('a project of its own: two targets, two collections, declared in its specs', () => {
  useStandin((s, w) => ([server, work] = [s, w]));
  let project: { dir: string; cleanup: () => void };
  const stateHome = (): string => path.join(work.dir, 'state-home');
  const live = (): Record<string, string> => ({
    XDG_STATE_HOME: stateHome(),
    MV_APP_ID: DEMO_CLIENT.clientId,
    MV_APP_SECRET: DEMO_CLIENT.clientSecret,
    MV_API_KEY: DEMO_SUBSCRIPTION_KEY,
    MV_AUTH_BASE_URL: server.url,
    MV_API_BASE_URL: server.url,
  });

  test(
    'mvpm build, then mvpm run (default target: ' + 'the stand-in) runs every collection, the spending folder last',
    async () => {
      project = tempProject({});
      cpSync(FIXTURE, path.join(project.dir, 'specs'), { recursive: true });
      const build = await runCli(['build'], project.dir);
      assert.equal(build.code, 0, build.stderr);
      const run = await runCli(['run'], project.dir);
      const counts = /^(\d+) passed, (\d+) failed$/m.exec(run.stdout);
      process.stdout.write(`# fixture run against the embedded stand-in (target local): ${counts?.[0]}\n`);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.deepEqual(headings(run.stdout), [
        'portal-login',
        'catalog (Get tokens, Rotate, Assets, Directory)',
        'reports (Profile)',
        'catalog-last (Revocation)',
      ]);
      assert.ok(Number(counts![1]) > 0 && counts![2] === '0');
      assert.doesNotMatch(run.stdout, /^skipped /m, 'nothing is skipped on the stand-in started for the run');
    },
  );

  test(
    'mvpm login --target live, then mvpm run --target live and mvpm token: ' + 'one server, one state file, one lock',
    async () => {
      const stdin = new PassThrough();
      let stdout = '';
      let answered = false;
      const login = await runMain(['login', '--target', 'live'], {
        stdout: {
          write: (text: string) => {
            stdout += text;
            const url = /(http:\/\/\S+\/connect\/authorize\?\S+)/.exec(stdout)?.[1];
            if (!answered && stdout.includes('> ')) {
              answered = true;
              // An authorization URL on another server than this stand-in gets no answer: the sign-in then fails.
              if (url?.startsWith(server.url))
                void signIn(server.url, { state: new URL(url).searchParams.get('state')! }).then((s) =>
                  stdin.write(`${s.redirectedTo}\n`),
                );
              else stdin.end();
            }
            return true;
          },
        },
        stderr: { write: (text: string) => (stdout += text) },
        env: { NO_COLOR: '1', ...live() },
        cwd: project.dir,
        stdin,
      });
      assert.equal(login, 0, stdout);
      assert.match(stdout, /mvpm run --target live/);
      // The default state file of target `live` on this server, in the state directory: where run and token look too.
      const files = readdirSync(path.join(stateHome(), 'mvpm')).filter(
        (f) => f.startsWith('tokens-live-') && f.endsWith('.json'),
      );
      assert.equal(files.length, 1, files.join(' '));
      const stateFile = path.join(stateHome(), 'mvpm', files[0]!);
      const first = readState(stateFile)!.refreshToken!;

      // Another holder of the lock: the run waits for it before it sends anything.
      const release = await lockState(stateFile);
      const running = runCli(['run', '--target', 'live'], project.dir, live());
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(readState(stateFile)!.refreshToken, first, 'nothing was sent while the lock was held');
      await release();
      const run = await running;
      const counts = /^(\d+) passed, (\d+) failed$/m.exec(run.stdout);
      process.stdout.write(`# fixture run against the second stand-in (target live): ${counts?.[0]}\n`);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /^refresh token from: state file$/m);
      assert.deepEqual(
        run.stdout.split('\n').filter((l) => l.startsWith('skipped ')),
        [
          'skipped Portal login: runs only on local',
          // In the specs' run order: Revocation has `order: 0` (only its role makes it run last where it runs).
          'skipped Catalog / Revocation: runs only on local',
          "skipped Catalog / Get tokens: exchanges the sign-in's code, and this run starts from a refresh token",
        ],
      );
      assert.deepEqual(headings(run.stdout), ['catalog (Rotate, Assets, Directory)', 'reports (Profile)']);
      const rotated = readState(stateFile)!.refreshToken!;
      assert.notEqual(rotated, first, 'the run rotated the token and saved it in the same state file');

      const out = path.join(work.dir, 'token.txt');
      const token = await runCli(['token', '--target', 'live', '--out', out], project.dir, live());
      assert.equal(token.code, 0, token.stderr);
      assert.equal(readFileSync(out, 'utf8'), rotated);
      project.cleanup();
    },
  );
});
