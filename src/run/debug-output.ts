// Ways a Node process copies what it sends out of itself. With a real target that is the client secret, the
// subscription key and every token: `NODE_DEBUG=http` (or net, tls, fetch, `*`: Node matches the list
// case-insensitively, with wildcards, so any non-empty value may match a module that logs a request) prints them
// to stderr, which CI keeps in its logs; an inspector lets whoever attaches read them; a diagnostic report copies
// every environment variable into a file, and a heap snapshot every string. mvpm refuses to start such a run
// unless told (`--allow-debug-output`).
//
// Not refused: `--require` / `--import` in NODE_OPTIONS. Code loaded that way is the user's own, runs with mvpm's
// rights and can read process.env directly, so refusing the flag would protect nothing (and loaders such as tsx
// use it).
import inspector from 'node:inspector';
import { RunError } from './errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Node flags (in NODE_OPTIONS or on the command line) that copy secrets out, with why. */
const FLAGS: readonly (readonly [RegExp, string])[] = [
  [/^--inspect(-brk|-wait)?(=|$)/, 'opens a debugger port: whoever attaches can read the credentials'],
  [
    /^--report-(on-signal|uncaught-exception|on-fatalerror)$/,
    'writes diagnostic reports, which copy every environment variable (the credentials too) into a file',
  ],
  [
    /^--heapsnapshot-(signal|near-heap-limit)(=|$)/,
    'writes heap snapshots, which hold every string of the process (the credentials too)',
  ],
];

/**
 * Why this process would copy secrets out, one sentence per cause, naming variables and flags, never their values;
 * empty when nothing would. Looks at `env` (what the caller says the environment is) and at this process itself
 * (process.env, its flags, a running inspector, diagnostic-report settings), since Node acts on the latter.
 */
export function debugOutputs(env: Env): string[] {
  const envs = env === process.env ? [env] : [env, process.env];
  const found: string[] = [];
  for (const name of ['NODE_DEBUG', 'NODE_DEBUG_NATIVE']) {
    if (envs.some((e) => (e[name] ?? '') !== ''))
      found.push(`${name} is set: Node prints what it sends (the credentials and tokens too) to stderr`);
  }
  const flags = [...process.execArgv, ...envs.flatMap((e) => (e['NODE_OPTIONS'] ?? '').split(/\s+/))];
  for (const [pattern, why] of FLAGS) {
    const flag = flags.find((f) => pattern.test(f));
    if (flag) found.push(`Node runs with ${flag.split('=')[0]}, which ${why}`);
  }
  if (inspector.url() !== undefined && !found.some((f) => f.includes('--inspect')))
    found.push('a debugger (inspector) is listening: whoever attaches can read the credentials');
  const report = process.report;
  if (
    (report?.reportOnFatalError || report?.reportOnUncaughtException || report?.reportOnSignal) &&
    !found.some((f) => f.includes('--report-'))
  ) {
    found.push(
      'diagnostic reports are on: a report copies every environment variable (the credentials too) into a file',
    );
  }
  return found;
}

/** Throws E_DEBUG_OUTPUT when debugOutputs() finds anything; `action` says what was about to happen. */
export function refuseDebugOutput(env: Env, action: string): void {
  const found = debugOutputs(env);
  if (found.length === 0) return;
  throw new RunError(
    'E_DEBUG_OUTPUT',
    `will not ${action}: ${found.join('; ')}. Nothing was sent. Unset the variable or drop the flag, or pass ` +
      `--allow-debug-output if that output stays private to you`,
  );
}
