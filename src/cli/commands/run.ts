import { runSuite, type RunEvent } from '../../run/index.js';
import type { ParsedArgs } from '../command.js';
import type { runCommand } from '../declarations.js';
import { EXIT, painterFor, type CliIo } from '../io.js';

/** `mvpm run`: the options come parsed and checked by its declaration (declarations.ts). */
export async function runRun({ values }: ParsedArgs<typeof runCommand>, io: CliIo): Promise<number> {
  const reporters = values.reporters;
  const out = painterFor(io.stdout, io.env);
  const err = painterFor(io.stderr, io.env);
  const showProgress = reporters.includes('cli');
  const failures: string[] = [];
  /** Skipped requests by what caused the skip: reported once per cause, not once per request. */
  const skips = new Map<string, string[]>();
  let currentItem = '';
  const onEvent = (event: RunEvent): void => {
    switch (event.type) {
      case 'standin-started':
        io.stdout.write(`${out.dim(`stand-in MediaValet started at ${event.url}`)}\n`);
        break;
      case 'not-run':
        io.stdout.write(`${out.dim(`skipped ${event.what}: ${event.reason}`)}\n`);
        break;
      case 'token-source':
        io.stdout.write(`${out.dim(`refresh token from: ${event.source}`)}\n`);
        break;
      case 'state-saved':
        io.stdout.write(`${out.dim(`tokens are saved as they rotate, to ${event.file}`)}\n`);
        break;
      case 'collection-started':
        currentItem = '';
        if (showProgress)
          io.stdout.write(
            `\n${out.bold(event.label)}${event.folders.length > 0 ? out.dim(` (${event.folders.join(', ')})`) : ''}\n`,
          );
        break;
      case 'request':
        if (!showProgress) break;
        if (event.item !== currentItem) {
          currentItem = event.item;
          io.stdout.write(`\n${out.cyan('→')} ${event.item}\n`);
        }
        io.stdout.write(
          `  ${out.dim(`${event.method} ${event.url}`)} ` +
            `${event.error ? out.red(`[${event.error}]`) : out.dim(`[${event.status ?? ''}, ${event.ms ?? 0} ms]`)}\n`,
        );
        break;
      case 'assertion':
        if (event.passed) {
          if (showProgress) io.stdout.write(`  ${out.green('✓')} ${event.name}\n`);
        } else {
          failures.push(`${event.item}: ${event.name}\n     ${event.message ?? ''}`);
          if (showProgress) io.stdout.write(`  ${out.red(`${failures.length}. ${event.name}`)}\n`);
        }
        break;
      case 'skipped': {
        const key = `${event.cause} failed: ${event.reason}`;
        const items = skips.get(key) ?? [];
        if (!items.includes(event.item)) items.push(event.item);
        skips.set(key, items);
        break;
      }
    }
  };

  const controller = new AbortController();
  const stop = (): void => controller.abort();
  const signals = io.signal ? [] : (['SIGINT', 'SIGTERM'] as const);
  io.signal?.addEventListener('abort', stop, { once: true });
  for (const name of signals) process.on(name, stop);
  try {
    const result = await runSuite({
      ...(values.target === undefined ? {} : { target: values.target }),
      ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
      // No --folder means every folder; an empty list would mean none.
      ...(values.folder.length === 0 ? {} : { folders: values.folder }),
      runner: values.runner,
      reporters,
      reportsDir: values['reports-dir'],
      bail: values.bail,
      timeoutRequest: values.timeout ?? 0,
      ...(values['state-file'] === undefined ? {} : { stateFile: values['state-file'] }),
      retryInDoubt: values['retry-in-doubt'],
      allowDebugOutput: values['allow-debug-output'],
      env: io.env,
      cwd: io.cwd,
      signal: controller.signal,
      onEvent,
    });
    if (failures.length > 0) {
      io.stdout.write(`\n${out.bold('Failures')}\n`);
      for (const [i, failure] of failures.entries()) io.stdout.write(`  ${i + 1}. ${failure}\n`);
    }
    for (const [because, items] of skips) {
      const skipped = `skipped ${items.length} ${items.length === 1 ? 'request' : 'requests'} because ${because}`;
      io.stdout.write(`\n${out.yellow(skipped)}\n`);
      io.stdout.write(`  ${out.dim(items.map((item) => JSON.stringify(item)).join(', '))}\n`);
    }
    for (const error of result.errors) io.stderr.write(`${err.red('error')}: ${error}\n`);
    if (!result.ok && result.explanations.length > 0) {
      io.stdout.write(`\n${out.bold('What this means')}\n`);
      for (const text of result.explanations) io.stdout.write(`  - ${text}\n`);
    }
    if (result.passed + result.failed === 0)
      io.stderr.write(`${err.red('error')}: no assertion ran, so nothing was checked\n`);
    const line = `${result.passed} passed, ${result.failed} failed`;
    io.stdout.write(`\n${result.ok ? out.green(line) : out.red(line)}\n`);
    return result.ok ? EXIT.ok : EXIT.failed;
  } finally {
    for (const name of signals) process.off(name, stop);
    io.signal?.removeEventListener('abort', stop);
  }
}
