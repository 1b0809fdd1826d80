import type { EventEmitter } from 'node:events';
import type { Masker } from './masking.js';
import { SKIP_MESSAGE } from '../compile/scripts/needs.js';
import { withholdSpentToken } from './spent-token-guard.js';
import { failedTokenCallOutcome, type TokenCall, type TokenOutcome } from './token-journal.js';

/** What the CLI shows of a run, already masked. */
export type ProgressEvent =
  | {
      readonly type: 'request';
      readonly collection: string;
      readonly item: string;
      readonly method: string;
      readonly url: string;
      readonly status?: string;
      readonly ms?: number;
      readonly error?: string;
    }
  | {
      readonly type: 'assertion';
      readonly collection: string;
      readonly item: string;
      readonly name: string;
      readonly passed: boolean;
      readonly message?: string;
      readonly skipped?: boolean;
    }
  /**
   * A request skipped because it needs a variable an earlier request failed to produce: `cause` names that
   * request (`"Refresh access token"`, or `the access token refresh before "Get current user"`), `reason` says why.
   */
  | {
      readonly type: 'skipped';
      readonly collection: string;
      readonly item: string;
      readonly needs: string;
      readonly cause: string;
      readonly reason: string;
    };

export interface ObserverHooks {
  readonly collection: string;
  /** The token endpoint's URL: calls to it feed the token journal. */
  readonly tokenUrl: string;
  readonly masker: Masker;
  readonly progress: (event: ProgressEvent) => void;
  readonly beforeTokenCall: (call: TokenCall) => void;
  readonly afterTokenCall: (call: TokenCall, outcome: TokenOutcome) => void;
  /** A plain-language reason for a failure the user can act on. */
  readonly explain: (text: string) => void;
  /**
   * Set for a target whose sign-ins are real (not a stand-in), whatever the specs declare: whether the journal
   * records a token as spent. A request carrying such a token is withheld (never sent) and reported to `withheld`.
   */
  readonly isSpent?: (token: string) => boolean;
  readonly withheld?: (text: string) => void;
}

interface SdkList {
  toJSON(): { key?: string; value?: unknown; disabled?: boolean }[];
}
interface SdkRequest {
  method: string;
  url: { protocol?: string; toString(): string };
  headers?: { each(iterator: (item: { key?: string | null; value?: unknown }) => void): void };
  body?: {
    mode?: string;
    raw?: string;
    urlencoded?: SdkList & { each(iterator: (item: { value?: unknown }) => void): void };
  };
}
interface SdkResponse {
  code: number;
  status: string;
  responseTime: number;
  stream?: Buffer;
  headers?: { get(name: string): string | undefined };
}
interface SdkItem {
  name: string;
}

/**
 * Follows a Newman run: every HTTP exchange (requests of the collection and pm.sendRequest calls of its scripts)
 * and every assertion. Token-endpoint calls go to the token journal before they are sent and as soon as they are
 * answered; tokens seen in answers become secrets to mask; failures the user can act on are explained.
 */
export function observeRun(
  emitter: EventEmitter,
  hooks: ObserverHooks,
): { inFlight: () => number; whenIdle: () => Promise<void> } {
  let inFlight = 0;
  let idle: (() => void)[] = [];
  const pending = new Map<unknown, TokenCall>();
  const withheld = new WeakSet<object>();
  /** Why each request of the run got no answer (`ECONNREFUSED 127.0.0.1:4232`), for the skips it causes. */
  const unanswered = new Map<string, string>();

  emitter.on('beforeRequest', (_error: unknown, args: { request: SdkRequest; item?: SdkItem }) => {
    if (hooks.isSpent && withholdSpentToken(args.request, hooks.isSpent)) {
      withheld.add(args.request);
      const text =
        `mvpm withheld "${itemPath(args.item) ?? '(script request)'}": it carries a refresh token that ` +
        `an earlier refresh spent, and sending it to a real server would make a strict one revoke the whole ` +
        `sign-in. Requests that reuse a spent token belong on the stand-in only; nothing was sent.`;
      hooks.explain(text);
      hooks.withheld?.(text);
      return;
    }
    const call = tokenCallOf(args.request, hooks.tokenUrl);
    if (!call) return;
    inFlight += 1;
    pending.set(args.request, call);
    hooks.masker.addSecret(call.refreshToken);
    hooks.beforeTokenCall(call);
  });

  emitter.on(
    'request',
    (
      error: (Error & { code?: string }) | null,
      args: { request: SdkRequest; response?: SdkResponse; item?: SdkItem },
    ) => {
      if (withheld.has(args.request)) {
        hooks.progress({
          type: 'request',
          collection: hooks.collection,
          item: itemPath(args.item) ?? '(script request)',
          method: args.request.method,
          url: '(withheld)',
          error: 'withheld: it carries a spent refresh token',
        });
        return;
      }
      const call = pending.get(args.request) ?? tokenCallOf(args.request, hooks.tokenUrl);
      const body = parseJson(args.response?.stream);
      if (call) {
        pending.delete(args.request);
        const outcome = outcomeOf(error, args.response, body);
        if (outcome.kind === 'issued') {
          hooks.masker.addSecret(outcome.refreshToken);
          hooks.masker.addSecret(outcome.accessToken);
          hooks.masker.addSecret(typeof body?.['id_token'] === 'string' ? body['id_token'] : undefined);
        }
        hooks.afterTokenCall(call, outcome);
        explainToken(call, outcome, hooks.explain);
        inFlight = Math.max(0, inFlight - 1);
        if (inFlight === 0) {
          const waiting = idle;
          idle = [];
          for (const resolve of waiting) resolve();
        }
      } else if (args.response) {
        explainApi(args.response, body, hooks.explain);
      }
      if (error) {
        explainConnection(error, args.request, hooks.explain);
        if (args.item)
          unanswered.set(
            args.item.name,
            [typeof error.code === 'string' ? error.code : '', hostOf(args.request)].filter(Boolean).join(' '),
          );
      }
      hooks.progress({
        type: 'request',
        collection: hooks.collection,
        item: itemPath(args.item) ?? '(script request)',
        method: args.request.method,
        url: hooks.masker.mask(args.request.url.toString()),
        ...(args.response
          ? { status: `${args.response.code} ${args.response.status}`, ms: args.response.responseTime }
          : {}),
        ...(error ? { error: hooks.masker.mask(error.message || error.code || 'no answer came back') } : {}),
      });
    },
  );

  emitter.on('assertion', (error: Error | null, args: { assertion: string; item?: SdkItem; skipped?: boolean }) => {
    hooks.progress({
      type: 'assertion',
      collection: hooks.collection,
      item: itemPath(args.item) ?? '',
      name: hooks.masker.mask(args.assertion),
      passed: !error,
      ...(error ? { message: hooks.masker.mask(error.message) } : {}),
      ...(args.skipped ? { skipped: true } : {}),
    });
  });

  emitter.on('console', (_error: unknown, args: { messages?: unknown[] }) => {
    const [first, detail] = args.messages ?? [];
    if (first !== SKIP_MESSAGE || detail === null || typeof detail !== 'object') return;
    const field = (key: string): string => {
      const value = (detail as Record<string, unknown>)[key];
      return typeof value === 'string' ? value : '';
    };
    const why = unanswered.get(field('failedRequest'));
    const reason = field('reason') === 'it got no answer' && why ? `it got no answer (${why})` : field('reason');
    hooks.progress({
      type: 'skipped',
      collection: hooks.collection,
      item: hooks.masker.mask(field('request')),
      needs: hooks.masker.mask(field('needs')),
      cause: hooks.masker.mask(field('cause')),
      reason: hooks.masker.mask(reason),
    });
  });

  return {
    inFlight: () => inFlight,
    whenIdle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
  };
}

function tokenCallOf(request: SdkRequest, tokenUrl: string): TokenCall | undefined {
  if (request.method !== 'POST' || !request.url.toString().startsWith(tokenUrl)) return undefined;
  const fields = request.body?.mode === 'urlencoded' ? (request.body.urlencoded?.toJSON() ?? []) : [];
  const field = (key: string): string | undefined => {
    const value = fields.find((f) => f.key === key && !f.disabled)?.value;
    return typeof value === 'string' ? value : undefined;
  };
  const grantType = field('grant_type');
  if (!grantType) return undefined;
  const refreshToken = field('refresh_token');
  return { grantType, ...(refreshToken ? { refreshToken } : {}) };
}

function outcomeOf(
  error: (Error & { code?: string }) | null,
  response: SdkResponse | undefined,
  body: Record<string, unknown> | undefined,
): TokenOutcome {
  // Whether a failure may have spent the token is decided by one table (TOKEN_FAILURES in token-journal.ts).
  if (error || !response)
    return failedTokenCallOutcome(error ? { ...error, message: error.message } : { message: 'no response' });
  if (response.code >= 500) return failedTokenCallOutcome({ status: response.code });
  if (response.code === 200) {
    return {
      kind: 'issued',
      ...(typeof body?.['refresh_token'] === 'string' ? { refreshToken: body['refresh_token'] } : {}),
      ...(typeof body?.['access_token'] === 'string' ? { accessToken: body['access_token'] } : {}),
      ...(typeof body?.['expires_in'] === 'number' ? { expiresIn: body['expires_in'] } : {}),
    };
  }
  return {
    kind: 'refused',
    status: response.code,
    error: typeof body?.['error'] === 'string' ? body['error'] : `HTTP ${response.code}`,
  };
}

function explainToken(call: TokenCall, outcome: TokenOutcome, explain: (text: string) => void): void {
  if (outcome.kind === 'refused' && outcome.error === 'invalid_grant') {
    explain(
      call.grantType === 'refresh_token'
        ? 'invalid_grant: the refresh token was already used, has expired or was revoked. Refresh tokens work once; ' +
            'get a new one by signing in again (`mvpm login`, or "Get New Access Token" in Postman). Against a ' +
            'stand-in started with `mvpm serve`: it keeps its tokens only while it runs, so after a restart every ' +
            'saved token is refused; sign in again.'
        : 'invalid_grant: the authorization code was already used, is older than 60 seconds, or the redirect URI ' +
            'differs from the one used to sign in. Sign in again and exchange the new code at once.',
    );
  } else if (outcome.kind === 'refused' && outcome.error === 'invalid_client') {
    explain(
      'invalid_client: the server did not accept the client credentials. Check ClientId and ClientSecret ' +
        '(MV_CLIENT_ID and MV_CLIENT_SECRET).',
    );
  } else if (outcome.kind === 'unsent' && call.grantType === 'refresh_token') {
    explain(
      `a refresh could not reach the server (${outcome.reason}): nothing was sent, so the refresh token was not ` +
        `spent and stays usable. Fix the address or the network and run again.`,
    );
  } else if (outcome.kind === 'unknown' && call.grantType === 'refresh_token') {
    explain(
      `a refresh did not complete (${outcome.reason}): the server may have spent the refresh token anyway. mvpm ` +
        `kept it, flagged in doubt; a later refresh that works clears the flag. If it is still in doubt when the ` +
        `run ends, the next run will not send it without --retry-in-doubt: sign in again with \`mvpm login\`.`,
    );
  }
}

function explainApi(
  response: SdkResponse,
  body: Record<string, unknown> | undefined,
  explain: (text: string) => void,
): void {
  if (response.code === 401) {
    const message = typeof body?.['message'] === 'string' ? body['message'] : '';
    if (/subscription key/i.test(message)) {
      explain(
        `API Management refused the call (HTTP 401: ${message.split('.')[0]}). Check the subscription key ` +
          `(SubscriptionKey, MV_SUBSCRIPTION_KEY).`,
      );
    } else {
      explain(
        'the API refused the access token (HTTP 401): it is missing, expired or revoked. Refresh it (the collection ' +
          'does so before API requests when a refresh token is set).',
      );
    }
  } else if (response.code === 403) {
    explain('the API answered 403: the signed-in user lacks the permission this call needs.');
  } else if (response.code === 429) {
    const retryAfter = response.headers?.get('Retry-After');
    explain(
      `the API is rate limiting (HTTP 429${retryAfter ? `, Retry-After ${retryAfter} s` : ''}). Run again later or ` +
        'less often.',
    );
  }
}

/** `host:port` of a request's URL, or '' when it does not parse. */
function hostOf(request: SdkRequest): string {
  try {
    const url = new URL(request.url.toString());
    return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  } catch {
    return '';
  }
}

function explainConnection(
  error: Error & { code?: string },
  request: SdkRequest,
  explain: (text: string) => void,
): void {
  const where = hostOf(request) || 'the server';
  const why =
    error.code === 'ECONNREFUSED'
      ? 'nothing is listening there (is the server running, is the port right?)'
      : error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN'
        ? 'the host name does not resolve (check the base URL)'
        : error.code === 'ETIMEDOUT' || error.code === 'ESOCKETTIMEDOUT'
          ? 'it did not answer in time (--timeout)'
          : /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(error.code ?? '')
            ? `its TLS certificate was refused (${error.code})`
            : error.code === 'ECONNRESET'
              ? 'the connection was dropped'
              : error.message || error.code || 'no answer came back';
  explain(`could not get an answer from ${where}: ${why}.`);
}

function parseJson(stream: Buffer | undefined): Record<string, unknown> | undefined {
  if (!stream || stream.length === 0 || stream.length > 1_000_000) return undefined;
  try {
    const value: unknown = JSON.parse(stream.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The item's name (Newman runs items detached from their folders, so the folder path is not at hand). */
function itemPath(item: SdkItem | undefined): string | undefined {
  return item?.name;
}
