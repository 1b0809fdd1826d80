// Fault injection: the stand-in misbehaving on purpose, in controlled and deterministic ways, so that a client's
// handling of a failing token endpoint or API can be tested: an error status, a slow answer, a connection closed
// without an answer. A fault acts either before the request is processed (nothing changes on the server) or after
// it (the server did the work — a refresh token was spent and its successor issued — and the answer is lost).
// This file holds the model: what a fault is, its validation, and which armed faults act on a request. Acting
// them out is fault-effects.ts (the API) and token-faults.ts (the token endpoint, inside oidc-provider's Koa app).

/**
 * `token`: `POST /connect/token`. `api`: the API routes (`/users/current`, `/categories`, …) and the mocked OpenAPI
 * operations.
 */
export type StandinFaultTarget = 'token' | 'api';

/** Grant types of the token endpoint that a `token` fault can be limited to. */
export type StandinGrantType = 'authorization_code' | 'refresh_token';

/** The statuses a fault can answer with. */
export type StandinFaultStatus = 429 | 500 | 502 | 503 | 504;

export const FAULT_STATUSES: readonly StandinFaultStatus[] = Object.freeze([429, 500, 502, 503, 504]);
const GRANT_TYPES: readonly StandinGrantType[] = ['authorization_code', 'refresh_token'];
const TARGETS: readonly StandinFaultTarget[] = ['token', 'api'];
/** The longest delay node:timers can wait without firing at once (2^31 − 1 ms, about 24.8 days). */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Which requests a fault acts on, and when. */
export interface StandinFaultScope {
  readonly target: StandinFaultTarget;
  /**
   * `before` (default): the fault acts before the request is processed, so nothing changes on the server; a
   * refresh token sent is still unspent afterwards. `after`: the request is processed first — a refresh grant
   * spends the refresh token and issues its successor — and then the answer is replaced, delayed or never sent,
   * as when a response is lost on the way back.
   */
  readonly when?: 'before' | 'after';
  /** `token` faults only: act only on requests with one of these `grant_type`s. Default: every grant type. */
  readonly grantTypes?: readonly StandinGrantType[];
  /** Lets this many matching requests through before acting. Default `0`. */
  readonly skip?: number;
  /**
   * Acts on this many matching requests (after `skip`), then stays listed but inert. Default `1`; `Infinity` for every
   * one.
   */
  readonly times?: number;
}

/**
 * Answer with an error status and a body in the target's own error shape: RFC 6749 §5.2 at the token endpoint
 * (`server_error`, or `temporarily_unavailable` for 429 and 503), API Management's `{statusCode, message}` on the API.
 */
export interface StandinStatusFault extends StandinFaultScope {
  readonly status: StandinFaultStatus;
  /** Seconds sent in `Retry-After` (RFC 9110 §10.2.3). Default `1` for 429 and 503; none for the others. */
  readonly retryAfter?: number;
}

/**
 * Wait before going on. `before`: the request is processed when the wait ends, and not at all if the client has
 * hung up by then (a client timeout spends nothing). `after`: processed at once, answered when the wait ends,
 * and never if the client has hung up by then (a client timeout loses the answer, a refresh token is spent).
 */
export interface StandinDelayFault extends StandinFaultScope {
  readonly delayMs: number;
}

/** Close the connection without an answer: the client sees its socket hang up. */
export interface StandinDropFault extends StandinFaultScope {
  readonly drop: true;
}

/**
 * `api` faults only: the mocked OpenAPI operation with this key (Operation.key: its `operationId`, else
 * `METHOD /path`) answers with a body its response schema refuses — a property dropped or a value of the wrong type —
 * so that a run checking that schema must fail. Acts on requests to that operation only.
 */
export interface StandinSchemaBreakFault extends StandinFaultScope {
  readonly schemaBreak: string;
}

export type StandinFault = StandinStatusFault | StandinDelayFault | StandinDropFault | StandinSchemaBreakFault;

export type FaultEffect =
  | { readonly kind: 'status'; readonly status: StandinFaultStatus; readonly retryAfter: number | undefined }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'drop' }
  | { readonly kind: 'schema-break'; readonly operation: string };

/** A fault with every default applied. */
export interface ResolvedStandinFault {
  readonly target: StandinFaultTarget;
  readonly when: 'before' | 'after';
  /** Undefined: every grant type. */
  readonly grantTypes: readonly StandinGrantType[] | undefined;
  readonly skip: number;
  readonly times: number;
  readonly effect: FaultEffect;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Applies the defaults and checks a fault; returns every problem, each as a sentence about one field. */
export function resolveFault(fault: StandinFault): { value: ResolvedStandinFault | undefined; problems: string[] } {
  const problems: string[] = [];
  // Read as a record: callers in plain JavaScript (and the CLI) can pass anything.
  const given = fault as unknown as Record<string, unknown>;
  const target = given['target'];
  if (!TARGETS.includes(target as StandinFaultTarget))
    problems.push(`target must be token or api, got ${String(target)}`);
  const when = given['when'] ?? 'before';
  if (when !== 'before' && when !== 'after') problems.push(`when must be before or after, got ${String(when)}`);
  const grantTypes = given['grantTypes'];
  if (grantTypes !== undefined) {
    if (target !== 'token') problems.push('grantTypes applies to token faults only');
    else if (
      !Array.isArray(grantTypes) ||
      grantTypes.length === 0 ||
      !grantTypes.every((type) => GRANT_TYPES.includes(type as StandinGrantType))
    ) {
      problems.push(`grantTypes must list one or more of ${GRANT_TYPES.join(', ')}`);
    }
  }
  const skip = given['skip'] ?? 0;
  if (!isCount(skip)) problems.push(`skip must be a whole number of 0 or more, got ${String(skip)}`);
  const times = given['times'] ?? 1;
  if (times !== Infinity && !(isCount(times) && times > 0))
    problems.push(`times must be a whole number of 1 or more, or Infinity, got ${String(times)}`);

  const effects = (['status', 'delayMs', 'drop', 'schemaBreak'] as const).filter((key) => given[key] !== undefined);
  let effect: FaultEffect | undefined;
  if (effects.length !== 1) {
    problems.push(
      `a fault needs exactly one of status, delayMs, drop or schemaBreak, got ` +
        `${effects.length === 0 ? 'none' : effects.join(' and ')}`,
    );
  } else if (effects[0] === 'status') {
    const status = given['status'] as StandinFaultStatus;
    const retryAfter = given['retryAfter'] ?? (status === 429 || status === 503 ? 1 : undefined);
    if (!FAULT_STATUSES.includes(status))
      problems.push(`status must be one of ${FAULT_STATUSES.join(', ')}, got ${String(status)}`);
    if (retryAfter !== undefined && !isCount(retryAfter))
      problems.push(`retryAfter must be a whole number of seconds, got ${String(retryAfter)}`);
    effect = { kind: 'status', status, retryAfter: retryAfter as number | undefined };
  } else if (effects[0] === 'delayMs') {
    const ms = given['delayMs'];
    if (!isCount(ms) || ms < 1 || ms > MAX_DELAY_MS)
      problems.push(`delayMs must be a whole number of milliseconds from 1 to ${MAX_DELAY_MS}, got ${String(ms)}`);
    effect = { kind: 'delay', ms: ms as number };
  } else if (effects[0] === 'schemaBreak') {
    const operation = given['schemaBreak'];
    if (typeof operation !== 'string' || operation === '')
      problems.push('schemaBreak must name an operation (its operationId, or METHOD /path)');
    if (target !== 'api') problems.push('schemaBreak applies to api faults only');
    if (when !== 'before') problems.push('schemaBreak acts on the answer itself: leave out when');
    effect = { kind: 'schema-break', operation: String(operation) };
  } else {
    if (given['drop'] !== true) problems.push(`drop must be true, got ${String(given['drop'])}`);
    effect = { kind: 'drop' };
  }
  if (effect !== undefined && effect.kind !== 'status' && given['retryAfter'] !== undefined)
    problems.push('retryAfter applies to status faults only');
  if (problems.length > 0 || !effect) return { value: undefined, problems };
  return {
    value: Object.freeze({
      target: target as StandinFaultTarget,
      when: when as 'before' | 'after',
      grantTypes: grantTypes === undefined ? undefined : Object.freeze([...(grantTypes as StandinGrantType[])]),
      skip: skip as number,
      times: times as number,
      effect: Object.freeze(effect),
    }),
    problems,
  };
}

/**
 * One line saying what a fault does, e.g. `refresh_token requests: 503 with Retry-After: 1, before processing, the next
 * 2`.
 */
export function describeFault(fault: ResolvedStandinFault): string {
  const { effect } = fault;
  const where =
    effect.kind === 'schema-break'
      ? `requests to ${effect.operation}`
      : fault.target === 'api'
        ? 'API requests'
        : `${fault.grantTypes ? fault.grantTypes.join(' and ') : 'token'} requests`;
  const what =
    effect.kind === 'schema-break'
      ? 'an answer that breaks its response schema'
      : effect.kind === 'status'
        ? `${effect.status}${effect.retryAfter === undefined ? '' : ` with Retry-After: ${effect.retryAfter}`}`
        : effect.kind === 'delay'
          ? `delayed ${effect.ms} ms`
          : 'connection closed without an answer';
  const which = fault.times === Infinity ? 'every one' : fault.times === 1 ? 'the next one' : `the next ${fault.times}`;
  const when = effect.kind === 'schema-break' ? '' : `${fault.when} processing, `;
  return `${where}: ${what}, ${when}${which}${fault.skip > 0 ? ` after letting ${fault.skip} through` : ''}`;
}

/** An armed fault, with what it has done so far. */
export interface ArmedFault {
  readonly fault: ResolvedStandinFault;
  /** Matching requests it has seen, the skipped ones included. */
  readonly seen: number;
  /** Requests it acted on. */
  readonly fired: number;
  /** True once it has acted `times` times: it no longer sees requests. */
  readonly exhausted: boolean;
  /**
   * Bodies of answers that were produced but never delivered because of this fault (`after` faults): for a
   * refresh grant, the new tokens the client never received. For tests that need to know what was lost.
   */
  readonly withheld: readonly unknown[];
  /** Takes the fault out of action; it stays readable. */
  disarm(): void;
}

/**
 * What the faults that fired on a request make of it: a wait, then perhaps an end (an error status or a closed
 * connection).
 */
export interface FaultPlan {
  readonly delayMs: number;
  readonly end: Exclude<FaultEffect, { kind: 'delay' } | { kind: 'schema-break' }> | undefined;
  /** A schema-break fault fired: the mocked operation answers with a body its schema refuses. */
  readonly breakSchema: boolean;
  /** Records an answer that was produced but not delivered, against each fault that fired. */
  withhold(body: unknown): void;
}

class Armed implements ArmedFault {
  seen = 0;
  fired = 0;
  disarmed = false;
  readonly withheld: unknown[] = [];

  constructor(
    readonly fault: ResolvedStandinFault,
    private readonly onDisarm: (armed: Armed) => void,
  ) {}

  get exhausted(): boolean {
    return this.fired >= this.fault.times;
  }

  disarm(): void {
    this.disarmed = true;
    this.onDisarm(this);
  }

  matches(
    target: StandinFaultTarget,
    when: 'before' | 'after',
    grantType: string | undefined,
    operation: string | undefined,
  ): boolean {
    const { fault } = this;
    if (this.disarmed || this.exhausted || fault.target !== target || fault.when !== when) return false;
    if (fault.effect.kind === 'schema-break' && fault.effect.operation !== operation) return false;
    return fault.grantTypes === undefined || fault.grantTypes.includes(grantType as StandinGrantType);
  }
}

/** The armed faults of one server, consulted by its request handlers. */
export class FaultInjector {
  #armed: Armed[] = [];
  #fired = 0;

  constructor(initial: readonly ResolvedStandinFault[] = []) {
    for (const fault of initial) this.arm(fault);
  }

  arm(fault: ResolvedStandinFault): ArmedFault {
    const armed = new Armed(fault, (gone) => (this.#armed = this.#armed.filter((each) => each !== gone)));
    this.#armed.push(armed);
    return armed;
  }

  /** Armed faults in the order they were armed, exhausted ones included, disarmed ones not. */
  get armed(): readonly ArmedFault[] {
    return [...this.#armed];
  }

  /** Times any fault has acted. */
  get fired(): number {
    return this.#fired;
  }

  clear(): void {
    for (const armed of this.#armed) armed.disarmed = true;
    this.#armed = [];
  }

  /**
   * Whether a `before` fault on `target` is limited to grant types, so the request's grant type must be read before
   * processing.
   */
  needsGrantType(target: StandinFaultTarget): boolean {
    return this.#armed.some(
      (armed) =>
        !armed.disarmed &&
        !armed.exhausted &&
        armed.fault.target === target &&
        armed.fault.when === 'before' &&
        armed.fault.grantTypes !== undefined,
    );
  }

  /**
   * The faults acting on one request at one moment. Faults are consulted in the order they were armed; each one
   * that matches counts the request as seen and acts once past its `skip`. Delays add up; the first fault that
   * answers or drops ends the request, and the faults after it do not see it. `operation`: the mocked OpenAPI
   * operation an API request is for, which schema-break faults match.
   */
  plan(
    target: StandinFaultTarget,
    when: 'before' | 'after',
    grantType: string | undefined,
    operation?: string,
  ): FaultPlan {
    let delayMs = 0;
    let breakSchema = false;
    let end: FaultPlan['end'];
    const fired: Armed[] = [];
    for (const armed of this.#armed) {
      if (!armed.matches(target, when, grantType, operation)) continue;
      armed.seen += 1;
      if (armed.seen <= armed.fault.skip) continue;
      armed.fired += 1;
      this.#fired += 1;
      fired.push(armed);
      const { effect } = armed.fault;
      if (effect.kind === 'delay') delayMs += effect.ms;
      else if (effect.kind === 'schema-break') breakSchema = true;
      else {
        end = effect;
        break;
      }
    }
    return {
      delayMs,
      end,
      breakSchema,
      withhold: (body) => {
        for (const armed of fired) armed.withheld.push(body);
      },
    };
  }
}
