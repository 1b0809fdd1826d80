// What a fault does to a request: its error answers, its waits and its closed connections, on node:http. Used as
// such by the API, and through Koa by the token endpoint (token-faults.ts).

import type { ServerResponse } from 'node:http';
import type { FaultEffect, FaultPlan, StandinFaultStatus, StandinFaultTarget } from './faults.js';
import { sendJson } from './http.js';

export interface FaultAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

/** RFC 6749 §5.2 has two codes for a server that cannot answer: one for failing, one for being overloaded. */
const TOKEN_ERRORS: Readonly<Record<StandinFaultStatus, string>> = {
  429: 'temporarily_unavailable',
  500: 'server_error',
  502: 'server_error',
  503: 'temporarily_unavailable',
  504: 'server_error',
};

/** API Management's wording for 429 (its rate-limit policy); the others are the stand-in's own, in the same shape. */
const API_MESSAGES: Readonly<Record<StandinFaultStatus, (retryAfter: number | undefined) => string>> = {
  429: (retryAfter) => `Rate limit is exceeded. Try again in ${retryAfter ?? 1} seconds.`,
  500: () => 'Internal server error.',
  502: () => 'Bad gateway.',
  503: () => 'Service unavailable.',
  504: () => 'Gateway timeout.',
};

/** The answer of a status fault, in the error shape of its target. */
export function faultAnswer(target: StandinFaultTarget, effect: Extract<FaultEffect, { kind: 'status' }>): FaultAnswer {
  const { status, retryAfter } = effect;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
  if (target === 'api')
    return { status, body: { statusCode: status, message: API_MESSAGES[status](retryAfter) }, headers };
  // Token responses also carry Pragma: no-cache (RFC 6749 §5.1), as oidc-provider's own do.
  headers['Pragma'] = 'no-cache';
  return {
    status,
    body: { error: TOKEN_ERRORS[status], error_description: `injected fault: HTTP ${status}` },
    headers,
  };
}

/**
 * Waits `ms` milliseconds. Resolves true when the wait ends with the client still connected, false as soon as
 * the client hangs up (a client timeout, or the server closing): nobody is left to answer.
 */
export function waitWhileConnected(ms: number, res: ServerResponse): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(!res.destroyed);
    }, ms);
    res.once('close', onClose);
  });
}

/**
 * Acts out a plan on a plain node:http response. True: the request goes on. False: it is over — the fault
 * answered it, closed its connection, or the client left while it waited.
 */
export async function actOutFault(plan: FaultPlan, target: StandinFaultTarget, res: ServerResponse): Promise<boolean> {
  if (plan.delayMs > 0 && !(await waitWhileConnected(plan.delayMs, res))) return false;
  if (plan.end === undefined) return true;
  if (plan.end.kind === 'drop') {
    res.destroy();
    return false;
  }
  const answer = faultAnswer(target, plan.end);
  sendJson(res, answer.status, answer.body, { ...answer.headers });
  return false;
}
