import sdk from 'postman-collection';
import type { CollectionSpec, FolderSpec, ItemSpec, RequestSpec } from '../spec/model.js';
import { canonicalCollection, type CanonicalCollection } from './canonical.js';
import { compileAuth, compileBody, compileHeaders, rawUrl } from './compile-request.js';
import type { CompileContext } from './context.js';
import { stableId } from './ids.js';
import { compileAutoRefresh, compileAutoRefreshRecovery } from './scripts/auto-refresh.js';
import { collectionCheckScripts } from './scripts/check-runner.js';
import {
  compileRawScripts,
  compileRequestScripts,
  type CompiledScripts,
  type RequestScriptContext,
  requestScriptContexts,
} from './scripts/item-scripts.js';

/**
 * A collection spec → Postman Collection v2.1 JSON. The postman-collection SDK builds and parses the collection
 * (URLs, auth, bodies); `canonicalCollection` then gives its output a fixed key order, derived ids and the
 * fields the SDK drops (`url.raw`, `info.schema`), and removes what it adds (`_`, random script ids).
 */
export function compileCollection(spec: CollectionSpec, ctx: CompileContext): CanonicalCollection {
  const needs = requestScriptContexts(spec);
  const definition = {
    info: {
      _postman_id: stableId(ctx, 'collection', spec.slug),
      name: spec.name,
      ...(spec.description === undefined ? {} : { description: spec.description }),
    },
    item: spec.items.map((item) => itemDefinition(item, needs)),
    ...optional('auth', compileAuth(spec.auth)),
    event: events(withAutoRefresh(compileRawScripts(spec.scripts), spec)),
    variable: spec.variables.map((v) => ({
      key: v.key,
      value: v.value,
      type: 'string',
      ...(v.description === undefined ? {} : { description: v.description }),
    })),
  };
  // @types/postman-collection describes SDK 3 (items take `events`); the SDK reads the v2.1 format's `event`.
  const built = new sdk.Collection(definition as unknown as sdk.CollectionDefinition).toJSON();
  return canonicalCollection(built as unknown as Record<string, unknown>, {
    ctx,
    slug: spec.slug,
    schemaUrl: ctx.schemaUrl,
  });
}

/**
 * The auto-refresh script runs first among the collection's pre-request scripts, then (when a request has checks)
 * the line that empties the checks; after the answer, the recovery, then the runner of the request's checks.
 */
function withAutoRefresh(scripts: CompiledScripts, spec: CollectionSpec): CompiledScripts {
  const runner = collectionCheckScripts(spec);
  const refresh = spec.autoRefresh;
  const prerequest = [
    ...(refresh ? compileAutoRefresh(refresh) : []),
    ...(runner.prerequest ?? []),
    ...(scripts.prerequest ?? []),
  ];
  const test = [
    ...(refresh ? compileAutoRefreshRecovery(refresh) : []),
    ...(runner.test ?? []),
    ...(scripts.test ?? []),
  ];
  return { ...(prerequest.length > 0 ? { prerequest } : {}), ...(test.length > 0 ? { test } : {}) };
}

type Needs = ReadonlyMap<RequestSpec, RequestScriptContext>;

function itemDefinition(item: ItemSpec, needs: Needs): Record<string, unknown> {
  return item.kind === 'folder' ? folderDefinition(item, needs) : requestDefinition(item, needs);
}

function folderDefinition(folder: FolderSpec, needs: Needs): Record<string, unknown> {
  return {
    name: folder.name,
    ...(folder.description === undefined ? {} : { description: folder.description }),
    item: folder.items.map((item) => itemDefinition(item, needs)),
    ...optional('auth', compileAuth(folder.auth)),
    event: events(compileRawScripts(folder.scripts)),
  };
}

function requestDefinition(request: RequestSpec, needs: Needs): Record<string, unknown> {
  const protocolProfileBehavior = {
    ...(request.followRedirects === undefined ? {} : { followRedirects: request.followRedirects }),
    ...(request.disableCookies === undefined ? {} : { disableCookies: request.disableCookies }),
  };
  return {
    name: request.name,
    event: events(compileRequestScripts(request, needs.get(request))),
    ...(Object.keys(protocolProfileBehavior).length > 0 ? { protocolProfileBehavior } : {}),
    request: {
      ...optional('auth', compileAuth(request.auth)),
      method: request.method,
      header: compileHeaders(request).map((h) => ({ key: h.key, value: h.value })),
      ...optional('body', compileBody(request.body)),
      url: rawUrl(request),
      ...(request.description === undefined ? {} : { description: request.description }),
    },
    response: [],
  };
}

function events(scripts: CompiledScripts): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (scripts.prerequest)
    out.push({ listen: 'prerequest', script: { type: 'text/javascript', exec: [...scripts.prerequest] } });
  if (scripts.test) out.push({ listen: 'test', script: { type: 'text/javascript', exec: [...scripts.test] } });
  return out;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
