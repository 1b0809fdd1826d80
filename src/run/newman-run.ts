import type { EventEmitter } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { NewmanRunOptions, NewmanRunSummary } from 'newman';
import writeFileAtomic from 'write-file-atomic';
import { RunError } from './errors.js';
import type { Masker } from './masking.js';

/** `cli` is mvpm's own console output (masked, printed by the CLI from run events); the others are Newman's. */
export type ReporterName = 'cli' | 'junit' | 'htmlextra';
export const REPORTERS: readonly ReporterName[] = ['cli', 'junit', 'htmlextra'];

export interface NewmanRunInput {
  readonly collection: object;
  readonly environment: object;
  /** Folder names to run (Newman `--folder`); all when empty. */
  readonly folders: readonly string[];
  readonly reporters: readonly ReporterName[];
  /** Where junit and htmlextra write, with `label` in the file names (one report per collection run). */
  readonly reportsDir: string;
  readonly label: string;
  readonly bail: boolean;
  /** Per-request timeout in milliseconds (Newman `--timeout-request`); 0 for none. */
  readonly timeoutRequest: number;
  /** Called with Newman's run emitter before the run starts, to follow its events. */
  readonly onEmitter?: (emitter: EventEmitter) => void;
}

/**
 * One `newman.run`. Reports that would copy request and response contents are told not to: tokens and secrets
 * travel in headers and bodies, and reports end up in CI artifacts. What is left is masked afterwards.
 */
export async function runNewman(input: NewmanRunInput): Promise<NewmanRunSummary> {
  const { default: newman } = await import('newman');
  const fileReporters = input.reporters.filter((r) => r !== 'cli');
  const options: NewmanRunOptions = {
    collection: input.collection as NewmanRunOptions['collection'],
    environment: input.environment as NewmanRunOptions['environment'],
    reporters: fileReporters,
    reporter: {
      junit: { export: path.join(input.reportsDir, `${input.label}.junit.xml`) },
      htmlextra: {
        export: path.join(input.reportsDir, `${input.label}.html`),
        omitHeaders: true,
        omitRequestBodies: true,
        omitResponseBodies: true,
        skipSensitiveData: true,
        showEnvironmentData: false,
        title: `mvpm: ${input.label}`,
      },
    },
    bail: input.bail,
    ...(input.timeoutRequest > 0 ? { timeoutRequest: input.timeoutRequest } : {}),
    ...(input.folders.length > 0 ? { folder: [...input.folders] as unknown as string } : {}),
  };
  return new Promise((resolve, reject) => {
    const emitter = newman.run(options, (error, summary) => {
      if (error) reject(new RunError('E_NEWMAN', `newman could not run ${input.label}: ${error.message}`, { cause: error }));
      else resolve(summary);
    });
    input.onEmitter?.(emitter);
  });
}

/** Rewrites the report files of a run with every secret masked (atomically; a report is never left half-written). */
export function maskReports(reportsDir: string, masker: Masker): void {
  let files: string[];
  try {
    files = readdirSync(reportsDir);
  } catch {
    return;
  }
  for (const name of files) {
    const file = path.join(reportsDir, name);
    const text = readFileSync(file, 'utf8');
    const masked = masker.mask(text);
    if (masked !== text) writeFileAtomic.sync(file, masked);
  }
}

/** Assertions that passed and failed, and errors that are not assertions (requests that could not be sent, scripts that threw). */
export interface RunCounts {
  readonly passed: number;
  readonly failed: number;
  readonly errors: readonly string[];
}

export function countResults(summary: NewmanRunSummary): RunCounts {
  const total = summary.run.stats.assertions.total ?? 0;
  const failed = summary.run.stats.assertions.failed ?? 0;
  const errors = summary.run.failures
    .filter((f) => f.error.name !== 'AssertionError')
    .map((f) => `${f.source?.name ?? f.at}: ${f.error.message}`);
  if (summary.error) errors.push(summary.error.message);
  return { passed: total - failed, failed, errors };
}

/** A variable's value in the environment Newman ends with. */
export function environmentValue(summary: NewmanRunSummary, key: string): string | undefined {
  const values = (summary.environment.toJSON() as { values?: { key: string; value?: unknown }[] }).values ?? [];
  const value = values.find((v) => v.key === key)?.value;
  return value === undefined || value === null ? undefined : String(value);
}
