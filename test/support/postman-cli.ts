// The Postman CLI for test/postman/: the pinned binary (`npm ci --prefix tools/postman-cli`) or MVPM_POSTMAN_CLI.
// A missing CLI fails the test file that asks for it, naming the install command: `npm run test:postman` never
// passes by skipping.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { MvpmError } from '../../src/errors/mvpm-error.ts';
import { postmanCliPath } from '../../src/run/postman-cli-path.ts';
import { PROJECT_ROOT } from './helpers.ts';

/** The Postman CLI binary; throws a plain Error with the install command when it is missing. */
export function postmanCli(): string {
  try {
    return postmanCliPath({ projectDir: PROJECT_ROOT, env: process.env });
  } catch (error) {
    if (error instanceof MvpmError) throw new Error(`${error.code}: ${error.message}; ${error.hint ?? ''}`);
    throw error;
  }
}

export interface PostmanResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the Postman CLI with `args` from `cwd` (the project by default), with an empty temporary HOME and no
 * Postman API key in its environment, so it is signed in to nothing and reads no one's settings.
 */
export function runPostman(args: readonly string[], cwd = PROJECT_ROOT): Promise<PostmanResult> {
  const binary = postmanCli();
  const home = mkdtempSync(path.join(os.tmpdir(), 'mvpm-postman-home-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^POSTMAN_/i.test(key)) env[key] = value;
  }
  env['HOME'] = home;
  env['NO_COLOR'] = '1';
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(home, { recursive: true, force: true });
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

const NEWMAN = createRequire(import.meta.url).resolve('newman/bin/newman.js');
const SIGN_IN = path.join(PROJECT_ROOT, 'collections/standin-sign-in.postman_collection.json');
const STANDIN_ENVIRONMENT = path.join(PROJECT_ROOT, 'environments/local-standin.postman_environment.json');

/** `newman run <args>` as a child process; resolves to its exit code. */
export function newman(args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEWMAN, 'run', ...args], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/**
 * Signs in to the stand-in at `base` under Newman (the committed sign-in collection) and writes the environment it
 * ends with to `out`: it holds a fresh authorization code, which one run spends.
 */
export async function signedInEnvironment(base: string, out: string): Promise<string> {
  const vars = ['authBaseUrl', 'apiBaseUrl'].flatMap((key) => ['--env-var', `${key}=${base}`]);
  assert.equal(await newman([SIGN_IN, '-e', STANDIN_ENVIRONMENT, ...vars, '--export-environment', out]), 0);
  return out;
}
