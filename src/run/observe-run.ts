import type { EventEmitter } from 'node:events';
import type { Masker } from './masking.js';
import { SKIP_MESSAGE } from '../compile/scripts/needs.js';
import { withholdSpentToken } from './spent-token-guard.js';
import type { TokenCall, TokenOutcome } from './token-journal.js';

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
  readonly masker: Masker;
  readonly progress: (event: ProgressEvent) => void;
  /**
   * The run's token relay (token-relay.ts), which journals every token call: its URL, shown as the token endpoint
   * it forwards to (its path is a per-run secret).
   */
  readonly relay?: { readonly url: string; readonly shownAs: string };
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
 * and every assertion, for progress output; failures the user can act on are explained. Token-endpoint calls are
 * not journaled here: the token relay journals them, whatever runs the collection (see token-relay.ts). Newman's
 * `beforeRequest` is where the spent-token guard withholds a request, a second layer before the relay's.
 */
export function observeRun(emitter: EventEmitter, hooks: ObserverHooks): void {
  const withheld = new WeakSet<object>();
  /** Why each request of the run got no answer (`ECONNREFUSED 127.0.0.1:4232`), for the skips it causes. */
  const unanswered = new Map<string, string>();
  const shown = (url: string): string =>
    hooks.relay && url.startsWith(hooks.relay.url) ? `${hooks.relay.shownAs}${url.slice(hooks.relay.url.length)}` : url;
  const viaRelay = (request: SdkRequest): boolean =>
    hooks.relay !== undefined && request.url.toString().startsWith(hooks.relay.url);

  emitter.on('beforeRequest', (_error: unknown, args: { request: SdkRequest; item?: SdkItem }) => {
    if (hooks.isSpent && withholdSpentToken(args.request, hooks.isSpent)) {
      withheld.add(args.request);
      const text =
        `mvpm withheld "${itemPath(args.item) ?? '(script request)'}": it carries a refresh token that ` +
        `an earlier refresh spent, and sending it to a real server would make a strict one revoke the whole ` +
        `sign-in. Requests that reuse a spent token belong on the stand-in only; nothing was sent.`;
      hooks.explain(text);
      hooks.withheld?.(text);
    }
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
      const body = parseJson(args.response?.stream);
      // A token call's answer was explained by the relay, which saw the server's own failure.
      if (args.response && !viaRelay(args.request)) explainApi(args.response, body, hooks.explain);
      if (error) {
        if (!viaRelay(args.request)) explainConnection(error, args.request, hooks.explain);
        if (args.item)
          unanswered.set(
            args.item.name,
            [typeof error.code === 'string' ? error.code : '', shownHost(args.request, shown)]
              .filter(Boolean)
              .join(' '),
          );
      }
      hooks.progress({
        type: 'request',
        collection: hooks.collection,
        item: itemPath(args.item) ?? '(script request)',
        method: args.request.method,
        url: hooks.masker.mask(shown(args.request.url.toString())),
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
}

/** A plain-language reason for a token call that failed in a way the user can act on. */
export function explainToken(call: TokenCall, outcome: TokenOutcome, explain: (text: string) => void): void {
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

/** `host:port` of a request's URL (as shown: the relay's as the token endpoint's), or '' when it does not parse. */
function shownHost(request: SdkRequest, shown: (url: string) => string = (url) => url): string {
  try {
    const url = new URL(shown(request.url.toString()));
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
  const where = shownHost(request) || 'the server';
  explain(`could not get an answer from ${where}: ${whyNoAnswer(error.code, error.message)}.`);
}

/** What an error code (or message) means for a request that got no answer, in plain words. */
export function whyNoAnswer(code: string | undefined, message?: string): string {
  return code === 'ECONNREFUSED'
    ? 'nothing is listening there (is the server running, is the port right?)'
    : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? 'the host name does not resolve (check the base URL)'
      : code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT'
        ? 'it did not answer in time (--timeout)'
        : /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code ?? '')
          ? `its TLS certificate was refused (${code})`
          : code === 'ECONNRESET'
            ? 'the connection was dropped'
            : code === 'ERR_TUNNEL_CONNECTION_FAILED'
              ? 'the proxy (HTTPS_PROXY) refused to open a tunnel to it'
              : message || code || 'no answer came back';
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
