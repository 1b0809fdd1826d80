import type { CollectionSpec, FolderSpec, ItemSpec, RequestSpec } from '../spec/model.js';
import type {
  Event,
  Folder,
  HttpsSchemaGetpostmanComJsonDraft07CollectionV210 as Collection,
  Item,
  Variable,
} from './_collection-types.js';
import { compileAuth, compileRequest } from './compile-request.js';
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

/** Postman Collection v2.1 JSON, keys in the order the Postman app exports them. */
export type PostmanCollection = Collection;

/** What every stage below the collection needs: settings, the collection's slug, each request's script context. */
interface CollectionScope {
  readonly ctx: CompileContext;
  readonly slug: string;
  readonly scripts: ReadonlyMap<RequestSpec, RequestScriptContext>;
}

/**
 * A collection spec → Postman Collection v2.1 JSON, built directly in the format's key order with ids derived
 * from each item's path (see ids.ts). Empty `event` and `variable` lists are left out, as the Postman app does.
 * The postman-collection SDK reads every generated collection in test/unit/collection-schema.test.ts.
 */
export function compileCollection(spec: CollectionSpec, ctx: CompileContext): PostmanCollection {
  const scope: CollectionScope = { ctx, slug: spec.slug, scripts: requestScriptContexts(spec) };
  const collection: PostmanCollection = {
    info: {
      _postman_id: stableId(ctx, 'collection', spec.slug),
      name: spec.name,
      ...(spec.description === undefined ? {} : { description: spec.description }),
      schema: ctx.schemaUrl,
    },
    item: spec.items.map((item) => compileItem(item, [], scope)),
  };
  const auth = compileAuth(spec.auth);
  if (auth) collection.auth = auth;
  const event = compileEvents(withAutoRefresh(compileRawScripts(spec.scripts), spec), ['collection', spec.slug], ctx);
  if (event) collection.event = event;
  if (spec.variables.length > 0) collection.variable = spec.variables.map(compileVariable);
  return collection;
}

function compileVariable(v: CollectionSpec['variables'][number]): Variable {
  return {
    key: v.key,
    // The generated type reads the schema's untyped `value` as an object; a collection variable's value is text.
    value: v.value as unknown as Variable['value'],
    type: 'string',
    ...(v.description === undefined ? {} : { description: v.description }),
  };
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

function compileItem(item: ItemSpec, parent: readonly string[], scope: CollectionScope): Item | Folder {
  const path = [...parent, item.name];
  return item.kind === 'folder' ? compileFolder(item, path, scope) : compileRequestItem(item, path, scope);
}

/** Collection v2.1 item-group: name, id, description, item, auth, event. */
function compileFolder(folder: FolderSpec, path: readonly string[], scope: CollectionScope): Folder {
  const auth = compileAuth(folder.auth);
  const event = compileEvents(compileRawScripts(folder.scripts), ['item', scope.slug, ...path], scope.ctx);
  return {
    name: folder.name,
    id: stableId(scope.ctx, 'folder', scope.slug, ...path),
    ...(folder.description === undefined ? {} : { description: folder.description }),
    item: folder.items.map((item) => compileItem(item, path, scope)),
    ...(auth ? { auth } : {}),
    ...(event ? { event } : {}),
  };
}

/** Collection v2.1 item: name, id, event, protocolProfileBehavior, request, response. */
function compileRequestItem(request: RequestSpec, path: readonly string[], scope: CollectionScope): Item {
  const scripts = compileRequestScripts(request, scope.scripts.get(request));
  const event = compileEvents(scripts, ['item', scope.slug, ...path], scope.ctx);
  const behavior = {
    ...(request.followRedirects === undefined ? {} : { followRedirects: request.followRedirects }),
    ...(request.disableCookies === undefined ? {} : { disableCookies: request.disableCookies }),
  };
  return {
    name: request.name,
    id: stableId(scope.ctx, 'request', scope.slug, ...path),
    ...(event ? { event } : {}),
    ...(Object.keys(behavior).length > 0 ? { protocolProfileBehavior: behavior } : {}),
    request: compileRequest(request),
    response: [],
  };
}

/** Collection v2.1 `event`: pre-request, then test; each script's id derived from its owner's path. */
function compileEvents(scripts: CompiledScripts, owner: readonly string[], ctx: CompileContext): Event[] | undefined {
  const out: Event[] = [];
  for (const listen of ['prerequest', 'test'] as const) {
    const exec = scripts[listen];
    if (!exec) continue;
    out.push({
      listen,
      script: { id: stableId(ctx, 'script', ...owner, listen), type: 'text/javascript', exec: [...exec] },
    });
  }
  return out.length > 0 ? out : undefined;
}
