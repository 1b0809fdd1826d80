// The Postman CLI's JSON report (`-r json --reporter-json-structure newman`), read after the CLI exits: the CLI
// offers no event stream to follow a run offline (its `--output` stream needs `postman login`), so its executions
// are replayed, in run order, as the Newman run events observeRun follows (progress, explanations, masking).
// The report holds the final environment, live tokens included: it is read once and never leaves the runner.
import { EventEmitter } from 'node:events';
import type { Response } from 'postman-collection';
import { SKIP_MESSAGE } from '../compile/scripts/needs.js';
import { parseMarker } from '../compile/scripts/markers.js';
import type { CollectionRunOutcome, RunCounts } from './collection-runner.js';
import { RunError } from './errors.js';
import type { Masker } from './masking.js';

interface ReportAssertion {
  readonly assertion: string;
  readonly skipped?: boolean;
  readonly error?: { readonly name?: string; readonly message?: string };
}

interface ReportExecution {
  readonly item: { readonly name: string; readonly event?: unknown };
  readonly request?: object;
  readonly response?: object;
  readonly requestError?: { readonly code?: string; readonly message?: string };
  readonly assertions?: readonly ReportAssertion[];
}

/** The parts of the report mvpm reads (Newman's JSON reporter structure). */
export interface PostmanReport {
  readonly environment: object;
  readonly run: {
    readonly stats: { readonly assertions: { readonly total?: number; readonly failed?: number } };
    readonly executions: readonly ReportExecution[];
    readonly failures: readonly {
      readonly error: { readonly name?: string; readonly message?: string };
      readonly at?: string;
      readonly source?: { readonly name?: string };
    }[];
    readonly error?: { readonly message?: string } | null;
  };
}

/** Parses the report, or says (without quoting it: it holds tokens) that the CLI wrote something else. */
export function parsePostmanReport(text: string, label: string): PostmanReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const report = value as Partial<PostmanReport> | undefined;
  if (
    !report ||
    typeof report !== 'object' ||
    typeof report.environment !== 'object' ||
    !Array.isArray(report.run?.executions) ||
    !Array.isArray(report.run?.failures) ||
    typeof report.run?.stats?.assertions !== 'object'
  )
    throw new RunError(
      'E_POSTMAN_CLI',
      `the Postman CLI's JSON report of ${label} is not in the structure mvpm reads (Newman's): is the installed ` +
        `CLI the version tools/postman-cli/ pins?`,
    );
  return report as PostmanReport;
}

/** What the run ended with: the counts (as countResults counts a Newman summary) and the final environment. */
export function reportOutcome(report: PostmanReport): CollectionRunOutcome {
  const total = report.run.stats.assertions.total ?? 0;
  const failed = report.run.stats.assertions.failed ?? 0;
  const errors = report.run.failures
    .filter((f) => f.error.name !== 'AssertionError')
    .map((f) => `${f.source?.name ?? f.at}: ${f.error.message}`);
  if (report.run.error?.message) errors.push(report.run.error.message);
  const counts: RunCounts = { passed: total - failed, failed, errors };
  return { counts, environment: report.environment };
}

/**
 * Every token the run was given or ended with, for the masker, before any report is written: token fields of
 * answers (the token endpoint's, seen through the relay or not) and the final value of every variable the starting
 * environment marks secret (a token an auto-refresh captured from a pm.sendRequest answer, which no report lists).
 */
export function addReportSecrets(report: PostmanReport, startEnvironment: object, masker: Masker): void {
  for (const execution of report.run.executions) {
    const body = jsonBody(execution.response);
    for (const key of ['access_token', 'refresh_token', 'id_token'])
      if (typeof body?.[key] === 'string') masker.addSecret(body[key]);
  }
  const secret = new Set(
    ((startEnvironment as { values?: { key?: string; type?: string }[] }).values ?? [])
      .filter((v) => v.type === 'secret' && typeof v.key === 'string')
      .map((v) => v.key),
  );
  for (const v of (report.environment as { values?: { key?: string; value?: unknown }[] }).values ?? [])
    if (secret.has(v.key) && typeof v.value === 'string') masker.addSecret(v.value);
}

/**
 * Replays the executions as Newman's run events (`beforeRequest`, `request`, `assertion`, `console`) on an emitter
 * the caller follows with observeRun. A request the CLI did not send and did not fail to send was skipped by its
 * pre-request script (`pm.execution.skipRequest`): the CLI's JSON holds no console output, so the `mvpm: request
 * skipped` line is rebuilt from the report (see skipDetail).
 */
export async function replayReport(report: PostmanReport, follow: (emitter: EventEmitter) => void): Promise<void> {
  // Loaded only when the Postman CLI runs: Newman's runs and every other command do without it.
  const { default: sdk } = await import('postman-collection');
  const emitter = new EventEmitter();
  follow(emitter);
  const missing = new Map<string, SkipCause>();
  let lastFailure: SkipCause | undefined;
  for (const execution of report.run.executions) {
    const item = { name: execution.item.name };
    const sent = execution.response !== undefined || execution.requestError !== undefined;
    if (!sent) {
      emitter.emit('console', null, {
        level: 'warn',
        messages: [SKIP_MESSAGE, skipDetail(execution, missing, lastFailure)],
      });
      continue;
    }
    const request = new sdk.Request(execution.request as ConstructorParameters<typeof sdk.Request>[0]);
    const response = execution.response
      ? new sdk.Response(execution.response as ConstructorParameters<typeof sdk.Response>[0])
      : undefined;
    const error = execution.requestError
      ? Object.assign(new Error(execution.requestError.message ?? 'no answer came back'), {
          ...(execution.requestError.code ? { code: execution.requestError.code } : {}),
        })
      : null;
    emitter.emit('beforeRequest', null, { request, item: new sdk.Item(item) });
    emitter.emit('request', error, { request, response, item });
    for (const a of execution.assertions ?? []) {
      const failure = a.error ? Object.assign(new Error(a.error.message ?? ''), { name: a.error.name }) : null;
      emitter.emit('assertion', failure, { assertion: a.assertion, item, ...(a.skipped ? { skipped: true } : {}) });
    }
    const cause = failureCause(execution, response);
    if (cause) lastFailure = cause;
    for (const a of execution.assertions ?? []) {
      const capture = /^capture (\S+) from (.*)$/s.exec(a.assertion);
      if (!capture) continue;
      const [, into = '', from = ''] = capture;
      if (!a.error) missing.delete(into);
      else if (response && response.code >= 200 && response.code < 300)
        missing.set(into, { request: item.name, reason: `${from} has no value` });
      else if (cause) missing.set(into, cause);
    }
    if (execution.requestError && cause) for (const need of needsOf(execution)) missing.set(need, cause);
  }
}

interface SkipCause {
  readonly request: string;
  readonly reason: string;
}

/** Why a request that was answered (or not) failed to produce what it captures, as the generated scripts say it. */
function failureCause(execution: ReportExecution, response: Response | undefined): SkipCause | undefined {
  const request = execution.item.name;
  if (execution.requestError) return { request, reason: 'it got no answer' };
  const failed = (execution.assertions ?? []).some((a) => a.error);
  if (!failed || !response) return undefined;
  if (response.code >= 200 && response.code < 300) return { request, reason: 'an expected value was missing' };
  const error = jsonBody(execution.response)?.['error'];
  const named = typeof error === 'string' && /^[a-z_]{1,40}$/.test(error) ? ` ${error}` : '';
  return { request, reason: `it answered HTTP ${response.code}${named}` };
}

/**
 * The console detail the generated needs guard logs (compileNeedsGuard): the first variable the request needs that
 * an earlier request of this run failed to capture, and that request; else the run's latest failure.
 */
function skipDetail(
  execution: ReportExecution,
  missing: ReadonlyMap<string, SkipCause>,
  lastFailure: SkipCause | undefined,
): Record<string, string> {
  const needs = needsOf(execution);
  const need = needs.find((n) => missing.has(n));
  const cause = (need === undefined ? undefined : missing.get(need)) ?? lastFailure;
  return {
    request: execution.item.name,
    needs: need ?? needs.join(', '),
    failedRequest: cause?.request ?? '',
    cause: cause ? JSON.stringify(cause.request) : 'an earlier request',
    reason: cause?.reason ?? 'it did not produce what this request needs',
  };
}

/** The variables a request needs from earlier ones: the `needs` marker of its pre-request script (markers.ts). */
function needsOf(execution: ReportExecution): string[] {
  const events = Array.isArray(execution.item.event) ? (execution.item.event as unknown[]) : [];
  for (const event of events) {
    const exec = (event as { listen?: unknown; script?: { exec?: unknown } }).script?.exec;
    if ((event as { listen?: unknown }).listen !== 'prerequest' || !Array.isArray(exec)) continue;
    for (const line of exec) {
      const marker = typeof line === 'string' ? parseMarker(line) : undefined;
      if (marker?.kind === 'needs' && Array.isArray(marker.construct))
        return marker.construct.filter((n): n is string => typeof n === 'string');
    }
  }
  return [];
}

function jsonBody(response: object | undefined): Record<string, unknown> | undefined {
  const stream = (response as { stream?: { type?: string; data?: unknown } } | undefined)?.stream;
  if (stream?.type !== 'Buffer' || !Array.isArray(stream.data) || stream.data.length > 1_000_000) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(stream.data as number[]).toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
