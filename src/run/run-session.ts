// One suite run's shared state (the masker, the token journal, progress, explanations) and the run of its steps:
// the sign-in collection first when the run signs in, then every step of the plan, each Newman run starting from
// the environment the previous one ended with, under Newman or the Postman CLI (collection-runner.ts).
import type { CollectionSpec } from '../spec/model.js';
import {
  environmentValue,
  type CollectionRun,
  type CollectionRunInput,
  type CollectionRunOutcome,
  type CollectionRunner,
} from './collection-runner.js';
import { setValue, type EnvFile } from './environments.js';
import { RunError } from './errors.js';
import { Masker } from './masking.js';
import { startNewmanRun } from './newman-run.js';
import { explainToken, whyNoAnswer } from './observe-run.js';
import { startPostmanRun } from './postman-run.js';
import { reportFiles } from './reports.js';
import { planSteps, pruneCollection, type RunMode, type Skipped } from './run-plan.js';
import type { RunEvent, RunOptions, RunResult } from './run-contract.js';
import { isSpent, writeState, type TokenState } from './state-file.js';
import { collectionFile, type TargetPlan } from './targets.js';
import { afterTokenCall, beforeTokenCall } from './token-journal.js';
import { startTokenRelay, TOKEN_URL_VARIABLE, type TokenRelay } from './token-relay.js';

/** The runner options every collection of one run shares. */
export type Common = Omit<CollectionRunInput, 'collection' | 'environment' | 'folders' | 'label' | 'hooks'>;

const RUNNERS: Readonly<Record<string, CollectionRunner>> = { newman: startNewmanRun, postman: startPostmanRun };

/** Everything one suite run shares: the masker, the token state (when kept), progress and explanations. */
export class Session {
  readonly masker = new Masker();
  readonly explanations: string[] = [];
  /** The report files Newman was asked to write so far: the only files of the reports directory mvpm rewrites. */
  readonly reportNames: string[] = [];
  private outcomes: CollectionRunOutcome[] = [];
  private savedOnce = false;
  /** Requests the spent-token guard withheld (see spent-token-guard.ts): each fails the run. */
  private withheld: string[] = [];
  /** The run's token relay, once started (startRelay). */
  private relay: TokenRelay | undefined;

  /** `realTarget`: the server's sign-ins are real (not a stand-in mvpm knows of), so spent tokens are withheld. */
  constructor(
    readonly options: RunOptions,
    /** The token endpoint whose calls are journaled; undefined when nothing on the target uses tokens. */
    readonly tokenUrl: string | undefined,
    private state: TokenState | undefined,
    readonly stateFile: string | undefined,
    private readonly realTarget = false,
  ) {}

  emit(event: RunEvent): void {
    this.options.onEvent?.(event);
  }

  async run(
    label: string,
    collection: object,
    environment: object,
    folders: readonly string[],
    common: Common,
  ): Promise<CollectionRunOutcome> {
    this.emit({ type: 'collection-started', label, folders });
    for (const { name } of reportFiles(common.reporters, label))
      if (!this.reportNames.includes(name)) this.reportNames.push(name);
    this.throwIfAborted();
    const run = RUNNERS[this.options.runner ?? 'newman']!({
      ...common,
      collection,
      environment,
      // The collection is already pruned to what runs (see run-plan.ts): `folders` are for progress output only.
      folders: [],
      label,
      hooks: {
        collection: label,
        masker: this.masker,
        progress: (event) => this.emit(event),
        ...(this.relay && this.tokenUrl ? { relay: { url: this.relay.url, shownAs: this.tokenUrl } } : {}),
        explain: (text) => this.explain(text),
        ...(this.realTarget
          ? {
              isSpent: (token: string) => isSpent(this.state, token),
              withheld: (text: string) => this.withheld.push(text),
            }
          : {}),
      },
    });
    const outcome = await this.untilDoneOrInterrupted(run);
    this.outcomes.push(outcome);
    return outcome;
  }

  /**
   * Starts the run's token relay to the token endpoint (see token-relay.ts) and points `environment`'s token-URL
   * variable at it: from now on every token call of the run is journaled by the relay, whatever runs the
   * collection. Call close() when the run ends.
   */
  async startRelay(environment: EnvFile, env: Readonly<Record<string, string | undefined>>): Promise<TokenRelay> {
    if (!this.tokenUrl) throw new Error('startRelay: the target has no token endpoint');
    this.relay = await startTokenRelay({
      upstream: this.tokenUrl,
      timeoutMs: this.options.timeoutRequest ?? 0,
      env,
      hooks: {
        beforeTokenCall: (call) => {
          this.save((state) => beforeTokenCall(state, call, new Date()));
          this.emit({ type: 'token-call', phase: 'sent', grantType: call.grantType });
        },
        afterTokenCall: (call, outcome) => {
          this.save((state) => afterTokenCall(state, call, outcome, new Date()));
          this.emit({ type: 'token-call', phase: 'settled', grantType: call.grantType, outcome: outcome.kind });
          explainToken(call, outcome, (text) => this.explain(text));
        },
        secret: (value) => this.masker.addSecret(value),
        upstreamFailed: (host, code) =>
          this.explain(`could not get an answer from ${host}: ${whyNoAnswer(code, code)}.`),
        ...(this.realTarget
          ? {
              isSpent: (token: string) => isSpent(this.state, token),
              withheld: (text: string) => {
                this.explain(text);
                this.withheld.push(text);
              },
            }
          : {}),
      },
    });
    // The path is the relay's only secret: it never shows in output or reports.
    this.masker.addSecret(this.relay.secretPath);
    setValue(environment, TOKEN_URL_VARIABLE, this.relay.url);
    return this.relay;
  }

  /** Stops the relay after the token calls under way have been answered and journaled. */
  async close(): Promise<void> {
    await this.relay?.close();
  }

  private explain(text: string): void {
    const masked = this.masker.mask(text);
    if (!this.explanations.includes(masked)) this.explanations.push(masked);
  }

  /** Applies a journal transition and writes it at once (atomic, fsync): nothing is ever only in memory. */
  private save(transition: (state: TokenState) => TokenState): void {
    if (!this.state || !this.stateFile) return;
    this.state = transition(this.state);
    writeState(this.stateFile, this.state);
    if (!this.savedOnce) {
      this.savedOnce = true;
      this.emit({ type: 'state-saved', file: this.stateFile });
    }
  }

  private async untilDoneOrInterrupted(run: CollectionRun): Promise<CollectionRunOutcome> {
    const signal = this.options.signal;
    if (!signal) return run.done;
    let onAbort: (() => void) | undefined;
    const interrupted = new Promise<never>((_resolve, reject) => {
      onAbort = () => {
        // Stop the run (a child process is killed and cleaned up after), and let an in-flight token request finish
        // at the relay: its answer (a rotated token) is saved before we give up.
        void Promise.all([run.stop(), this.relay?.whenIdle()]).then(() => reject(this.interruptedError()));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([run.done, interrupted]);
    } finally {
      if (onAbort) signal.removeEventListener('abort', onAbort);
    }
  }

  throwIfAborted(): void {
    if (this.options.signal?.aborted) throw this.interruptedError();
  }

  private interruptedError(): RunError {
    return new RunError(
      'E_INTERRUPTED',
      this.stateFile ? `interrupted; the newest refresh token is saved in ${this.stateFile}` : 'interrupted',
    );
  }

  result(): RunResult {
    const counts = this.outcomes.map((o) => o.counts);
    const passed = counts.reduce((n, c) => n + c.passed, 0);
    const failed = counts.reduce((n, c) => n + c.failed, 0);
    const errors = [...counts.flatMap((c) => c.errors), ...this.withheld].map((e) => this.masker.mask(e));
    return {
      passed,
      failed,
      errors,
      explanations: [...this.explanations],
      ok: failed === 0 && errors.length === 0 && passed > 0,
      ...(this.stateFile ? { stateFile: this.stateFile } : {}),
    };
  }
}

export interface RunContext {
  readonly plan: TargetPlan;
  /** The generated collection of each collection that may run, read and checked before anything started. */
  readonly files: ReadonlyMap<CollectionSpec, object>;
  readonly common: Common;
  readonly folders: readonly string[] | undefined;
}

/**
 * The run itself: the `sign-in` collection first when the run signs in (it must leave `code`), then every step of
 * the plan in order, each Newman run starting from the environment the previous one ended with (rotated tokens
 * carry over). What the plan leaves out is reported once, before anything is sent.
 */
export async function runSteps(
  session: Session,
  context: RunContext,
  start: EnvFile,
  mode: Omit<RunMode, 'folders'>,
): Promise<void> {
  const { plan } = context;
  const signsIn = mode.signsIn && plan.signIn !== undefined;
  const { steps, skipped } = planSteps(plan, {
    ...mode,
    signsIn,
    ...(context.folders ? { folders: context.folders } : {}),
  });
  const notes: Skipped[] = [
    ...(plan.signIn && !signsIn
      ? [{ what: plan.signIn.name, reason: 'signs in, and this run starts from a refresh token' }]
      : []),
    ...skipped,
  ];
  for (const note of notes) session.emit({ type: 'not-run', what: note.what, reason: note.reason });
  let environment: object = start;
  if (signsIn) {
    const signIn = await session.run(
      plan.signIn!.slug,
      context.files.get(plan.signIn!)!,
      environment,
      [],
      context.common,
    );
    const { counts } = signIn;
    session.masker.addSecret(environmentValue(signIn.environment, 'code'));
    if (counts.failed > 0 || counts.errors.length > 0 || environmentValue(signIn.environment, 'code') === undefined)
      return;
    environment = signIn.environment;
  }
  for (const step of steps) {
    session.throwIfAborted();
    const collection = pruneCollection(context.files.get(step.collection)!, step, collectionFile(step.collection));
    const outcome = await session.run(step.label, collection, environment, step.folders, context.common);
    environment = outcome.environment;
  }
}
