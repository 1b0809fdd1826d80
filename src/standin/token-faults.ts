// Faults and counters of the token endpoint, as Koa middleware placed ahead of oidc-provider's own: it runs before
// oidc-provider has looked at the request and again once oidc-provider has finished with it (the grant done: a
// code exchanged, or a refresh token spent and its successor stored) but before anything has been sent. So a
// `before` fault leaves the server untouched and an `after` fault loses an answer the server has already acted on.

import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { faultAnswer, waitWhileConnected } from './fault-effects.js';
import type { FaultInjector, FaultPlan } from './faults.js';
import { AUTH_ROUTES } from './mediavalet.js';

/** What the token endpoint counts. */
export interface TokenEndpointTally {
  tokenRequests: number;
  codeGrants: number;
  refreshGrants: number;
}

type Context = KoaContextWithOIDC;

/**
 * Forms larger than this are not read ahead: oidc-provider refuses them anyway (raw-body limit 56 kB,
 * lib/shared/selective_body.js).
 */
const MAX_PEEK_BYTES = 64 * 1024;

/**
 * The same request with its body readable again: the bytes already read, then the rest of the original stream.
 * oidc-provider reads the form from `ctx.req` (lib/shared/selective_body.js, with raw-body) and cookies from its
 * headers; everything else it reads through `ctx.request`, which keeps the original request. A plain stream with
 * the same headers is what it needs — not a second IncomingMessage, which would destroy the shared socket once
 * it ended unparsed.
 */
function replayOf(
  req: IncomingMessage,
  read: readonly Buffer[],
  rest: AsyncIterator<Buffer> | undefined,
): IncomingMessage {
  async function* bytes(): AsyncGenerator<Buffer> {
    yield* read;
    for (let next = await rest?.next(); next && !next.done; next = await rest?.next()) yield next.value;
  }
  const copy = Readable.from(bytes(), { objectMode: false });
  return Object.assign(copy, {
    headers: req.headers,
    method: req.method,
    url: req.url,
    socket: req.socket,
  }) as unknown as IncomingMessage;
}

/**
 * Acts out a plan through Koa. True: the request goes on. False: it is over (answered, dropped, or the client left).
 */
async function actOut(ctx: Context, plan: FaultPlan): Promise<boolean> {
  if (plan.delayMs > 0 && !(await waitWhileConnected(plan.delayMs, ctx.res))) {
    ctx.respond = false;
    return false;
  }
  if (plan.end === undefined) return true;
  if (plan.end.kind === 'drop') {
    ctx.respond = false;
    ctx.res.destroy();
    return false;
  }
  const answer = faultAnswer('token', plan.end);
  // An `after` fault replaces whatever oidc-provider answered, a 401's challenge included.
  ctx.remove('WWW-Authenticate');
  ctx.status = answer.status;
  ctx.body = answer.body;
  ctx.set({ ...answer.headers });
  return false;
}

/**
 * Reads the form's grant_type and leaves the body for oidc-provider, untouched. Undefined when the form is too
 * large to read ahead (oidc-provider will refuse it) or has none. Throws when the client leaves mid-body.
 */
async function peekGrantType(ctx: Context): Promise<string | undefined> {
  // Not `for await`: leaving that loop early would destroy the request, and the stream must stay whole.
  const iterator = (ctx.req as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const read: Buffer[] = [];
  let size = 0;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    read.push(next.value);
    size += next.value.length;
    if (size > MAX_PEEK_BYTES) {
      ctx.req = replayOf(ctx.req, read, iterator);
      return undefined;
    }
  }
  ctx.req = replayOf(ctx.req, read, undefined);
  return new URLSearchParams(Buffer.concat(read).toString('utf8')).get('grant_type') ?? undefined;
}

/**
 * Counts the token endpoint's requests and completed grants into `tally` and acts out `faults` on it. Must be
 * called before `provider.callback()`, which fixes the middleware.
 */
export function instrumentTokenEndpoint(provider: Provider, faults: FaultInjector, tally: TokenEndpointTally): void {
  provider.on('grant.success', (ctx: Context) => {
    const grantType = ctx.oidc.params?.['grant_type'];
    if (grantType === 'authorization_code') tally.codeGrants += 1;
    else if (grantType === 'refresh_token') tally.refreshGrants += 1;
  });

  async function tokenEndpointFaults(ctx: Context, next: () => Promise<unknown>): Promise<void> {
    if (ctx.method !== 'POST' || ctx.path !== AUTH_ROUTES.token) {
      await next();
      return;
    }
    tally.tokenRequests += 1;
    // The grant type is in the body, which oidc-provider parses only once it is processing the request: read it
    // first only when a `before` fault needs it, so that with no such fault the request reaches oidc-provider
    // untouched.
    let grantType: string | undefined;
    if (faults.needsGrantType('token')) {
      try {
        grantType = await peekGrantType(ctx);
      } catch (error) {
        // A client that hangs up mid-body is owed nothing; anything else is the server's own error.
        if (!ctx.req.destroyed) throw error;
        ctx.respond = false;
        return;
      }
    }
    if (!(await actOut(ctx, faults.plan('token', 'before', grantType)))) return;
    await next();
    // ctx.oidc exists on every route (lib/helpers/initialize_app.js ensureOIDC); params, once the form was parsed.
    const processed = ctx.oidc.params?.['grant_type'];
    const after = faults.plan('token', 'after', typeof processed === 'string' ? processed : grantType);
    const answer: unknown = ctx.body;
    if (!(await actOut(ctx, after))) after.withhold(answer);
  }

  // What Provider#use does (it is missing from @types/oidc-provider): put the middleware ahead of oidc-provider's
  // own (lib/provider.js use(), lib/helpers/initialize_app.js), so that it wraps every request to the provider.
  provider.app.middleware.unshift(tokenEndpointFaults as (typeof provider.app.middleware)[number]);
}
