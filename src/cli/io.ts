import pc from 'picocolors';
import type { Codes } from '../errors/codes.js';
import { MvpmError } from '../errors/mvpm-error.js';

/** What the CLI talks to; injected so tests run it in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Ends long-running commands (`mvpm serve`); default: SIGINT or SIGTERM. */
  readonly signal?: AbortSignal;
  /** Where `mvpm login` reads the pasted address. Default process.stdin. */
  readonly stdin?: NodeJS.ReadableStream;
}

/** Exit codes: part of the CLI's contract (docs/cli.md); errors' exit codes come from the registry. */
export { EXIT } from '../errors/codes.js';

export type Painter = ReturnType<typeof pc.createColors>;

/** Colour only on a terminal and never when NO_COLOR is set (https://no-color.org). */
export function painterFor(stream: CliIo['stderr'], env: CliIo['env']): Painter {
  const enabled = stream.isTTY === true && env['NO_COLOR'] === undefined && env['TERM'] !== 'dumb';
  return pc.createColors(enabled);
}

/** A usage error with a stable code; the CLI prints it and exits 2. */
export class UsageError extends MvpmError {
  declare readonly code: Codes<'E_UNKNOWN_COMMAND' | 'E_USAGE'>;

  constructor(code: Codes<'E_UNKNOWN_COMMAND' | 'E_USAGE'>, message: string) {
    super(code, message);
    this.name = 'UsageError';
  }
}

/**
 * The signal that ends a long-running command: io.signal when the caller gave one (tests), else SIGINT or SIGTERM.
 * dispose() removes the process listeners, so a finished command leaves Ctrl-C to its default again.
 */
export function stopSignal(io: CliIo): { readonly signal: AbortSignal; dispose(): void } {
  if (io.signal) return { signal: io.signal, dispose: () => {} };
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}
