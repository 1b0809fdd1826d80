import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runMain } from '../../src/cli/main.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Soak counts: `.ci/run` sets MVPM_SOAK=1 and the heavy tests (fuzzes, repeated interruptions, long rotation chains)
 * run their full counts; `npm test` alone runs smaller counts of the same tests, to stay within a few minutes.
 */
export const SOAK = process.env['MVPM_SOAK'] === '1';

/** `full` under MVPM_SOAK=1, else `quick`. */
export function soakCount(full: number, quick: number): number {
  return SOAK ? full : quick;
}

/**
 * The per-user state directory the in-process CLI uses unless a test gives its own (`XDG_STATE_HOME`): one per test
 * process, so tests never read or write the real user's token state or record of written files.
 */
export const TEST_STATE_HOME = mkdtempSync(path.join(os.tmpdir(), 'mvpm-test-state-'));
process.on('exit', () => rmSync(TEST_STATE_HOME, { recursive: true, force: true }));

/** A throw-away directory holding `files` (path → content); removed by the returned cleanup. */
export function tempProject(files: Readonly<Record<string, string>>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mvpm-test-'));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under `dir` (path relative to it → content), for comparing trees. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(current).sort();
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Runs the CLI in-process, as a user would from `cwd`. */
export async function runCli(
  argv: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runMain(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { NO_COLOR: '1', XDG_STATE_HOME: TEST_STATE_HOME, ...env },
    cwd,
  });
  return { code, stdout, stderr };
}

/** A minimal valid project: one collection, one request, two environments. Tests override single files. */
export function minimalProject(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const base: Record<string, string | undefined> = {
    'specs/demo/.resources/definition.yaml': '$kind: mvpm-collection\nname: Demo\n',
    'specs/demo/Ping.request.yaml':
      '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\nexpect:\n  status: 200\n',
    'specs/environments/one.environment.yaml':
      '$kind: mvpm-environment\nname: One\nvariables:\n  baseUrl: { value: "http://127.0.0.1:1" }\n',
    'specs/environments/two.environment.yaml':
      '$kind: mvpm-environment\nname: Two\nvariables:\n  baseUrl: { value: "http://127.0.0.1:2" }\n',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** A port on 127.0.0.1 that nothing listens on (just bound and released): for refused connections. */
export async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * The v2.1 collections and environments among a build's outputs (`collections/`, `environments/`: JSON), parsed,
 * in output order; the v3 YAML files under `postman/` are left out.
 */
export function v21Outputs(files: readonly { readonly path: string; readonly content: string }[]): object[] {
  return files.filter((f) => f.path.endsWith('.json')).map((f) => JSON.parse(f.content) as object);
}
