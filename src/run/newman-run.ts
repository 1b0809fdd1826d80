import type { EventEmitter } from 'node:events';
import path from 'node:path';
import type { NewmanRunOptions, NewmanRunSummary } from 'newman';
import type { CollectionRun, CollectionRunInput, RunCounts } from './collection-runner.js';
import { RunError } from './errors.js';
import { checkFileSources } from './file-sources.js';
import { observeRun } from './observe-run.js';
import { REPORT_FILE_NAMES } from './reports.js';

/** `cli` is mvpm's own console output (masked, printed by the CLI from run events); the others are Newman's. */
export type ReporterName = 'cli' | 'junit' | 'htmlextra';
export const REPORTERS: readonly ReporterName[] = ['cli', 'junit', 'htmlextra'];

/** One Newman run: what every runner takes (collection-runner.ts), and Newman's own event emitter. */
export interface NewmanRunInput extends Omit<CollectionRunInput, 'hooks' | 'env' | 'postmanCli'> {
  /** Called with Newman's run emitter before the run starts, to follow its events. */
  readonly onEmitter?: (emitter: EventEmitter) => void;
}

/**
 * One `newman.run`. Reports that would copy request and response contents are told not to: tokens and secrets
 * travel in headers and bodies, and reports end up in CI artifacts. What is left is masked afterwards.
 */
export async function runNewman(input: NewmanRunInput): Promise<NewmanRunSummary> {
  // Checked here too, not only before the run starts: every collection that reaches newman.run passes the guard.
  checkFileSources(input.collection, input.filesDir, input.label);
  const { default: newman } = await import('newman');
  const fileReporters = input.reporters.filter((r) => r !== 'cli');
  const options: NewmanRunOptions = {
    collection: input.collection as NewmanRunOptions['collection'],
    environment: input.environment as NewmanRunOptions['environment'],
    reporters: fileReporters,
    reporter: {
      junit: { export: path.join(input.reportsDir, REPORT_FILE_NAMES.junit(input.label)) },
      htmlextra: {
        export: path.join(input.reportsDir, REPORT_FILE_NAMES.htmlextra(input.label)),
        omitHeaders: true,
        omitRequestBodies: true,
        omitResponseBodies: true,
        skipSensitiveData: true,
        showEnvironmentData: false,
        title: `mvpm: ${input.label}`,
      },
    },
    bail: input.bail,
    workingDir: input.filesDir,
    insecureFileRead: false,
    ...(input.timeoutRequest > 0 ? { timeoutRequest: input.timeoutRequest } : {}),
    ...(input.folders.length > 0 ? { folder: [...input.folders] as unknown as string } : {}),
  };
  return new Promise((resolve, reject) => {
    const emitter = newman.run(options, (error, summary) => {
      if (error)
        reject(new RunError('E_NEWMAN', `newman could not run ${input.label}: ${error.message}`, { cause: error }));
      else resolve(summary);
    });
    input.onEmitter?.(emitter);
  });
}

/**
 * A collection run under Newman, followed by observeRun (progress, explanations, the spent-token guard). Newman
 * cannot be stopped: `stop` resolves at once and the caller ends the process.
 */
export function startNewmanRun(input: CollectionRunInput): CollectionRun {
  const done = runNewman({ ...input, onEmitter: (emitter) => observeRun(emitter, input.hooks) }).then((summary) => ({
    counts: countResults(summary),
    environment: summary.environment.toJSON() as object,
  }));
  return { done, stop: () => Promise.resolve() };
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
