import type { AuthSpec, CollectionSpec, ItemSpec, RequestSpec } from '../../spec/model.js';
import { variableNames } from '../../spec/variables.js';
import { FAILED_VARIABLES } from './helpers.js';
import { js } from './js.js';
import { markerLine } from './markers.js';

/**
 * What each request of a collection needs from the requests before it: the variables it sends (in its URL, query,
 * headers, body and the auth it sends, its own or inherited) that a capture or `autoRefresh` of the collection
 * produces. When an earlier request of the run failed to produce one (no answer, a refusal, a missing field), the
 * request is skipped instead of being sent without it (see compileNeedsGuard).
 */
export function neededVariables(collection: CollectionSpec): Map<RequestSpec, string[]> {
  const produced = new Set<string>();
  const requests: { request: RequestSpec; auth: AuthSpec | undefined }[] = [];
  const walk = (items: readonly ItemSpec[], inherited: AuthSpec | undefined): void => {
    for (const item of items) {
      const own = item.auth && item.auth.type !== 'inherit' ? item.auth : undefined;
      if (item.kind === 'folder') walk(item.items, own ?? inherited);
      else {
        for (const capture of item.captures) produced.add(capture.variable);
        requests.push({ request: item, auth: own ?? inherited });
      }
    }
  };
  walk(collection.items, collection.auth && collection.auth.type !== 'inherit' ? collection.auth : undefined);
  if (collection.autoRefresh) {
    produced.add(collection.autoRefresh.variables.accessToken);
    produced.add(collection.autoRefresh.variables.refreshToken);
  }
  const out = new Map<RequestSpec, string[]>();
  for (const { request, auth } of requests) {
    const used = [...request.variableRefs.map((r) => r.name), ...sentByAuth(auth).flatMap(variableNames)];
    out.set(
      request,
      [...new Set(used)].filter((name) => produced.has(name)),
    );
  }
  return out;
}

/** The auth fields that travel with the request (an OAuth 2.0 auth sends only its access token). */
function sentByAuth(auth: AuthSpec | undefined): string[] {
  switch (auth?.type) {
    case 'bearer':
      return [auth.token];
    case 'basic':
      return [auth.username, auth.password];
    case 'oauth2': {
      const token = (auth.credentials as Record<string, unknown>)['accessToken'];
      return typeof token === 'string' ? [token] : [];
    }
    default:
      return [];
  }
}

/** The console message a skipped request logs first; the runner reads the object logged after it. */
export const SKIP_MESSAGE = 'mvpm: request skipped';

/**
 * The start of a request's pre-request script when it needs variables others produce: if an earlier request of
 * the run failed to produce one, it logs why (once, for the runner to report) and skips the request
 * (`pm.execution.skipRequest`; a throw would still send it).
 */
export function compileNeedsGuard(needs: readonly string[], layout: 'checks' | 'legacy' = 'checks'): string[] {
  if (needs.length === 0) return [];
  if (layout === 'checks') {
    return [
      markerLine('needs', needs),
      `${js(needs)}.some(function (need) { // skip this request if an earlier one failed to produce it`,
      `    var cause; try { cause = JSON.parse(pm.variables.get(${js(FAILED_VARIABLES)}))[need]; }`,
      '    catch (e) { return false; }',
      '    if (cause === null || typeof cause !== "object") return false;',
      `    console.warn(${js(SKIP_MESSAGE)}, { request: pm.info.requestName, needs: need, ` +
        'failedRequest: cause.request, cause: cause.cause, reason: cause.reason });',
      '    pm.execution.skipRequest();',
      '    return true;',
      '});',
    ];
  }
  // As mvpm wrote it before checks became data (read only by the import side).
  return [
    markerLine('needs', needs),
    '(function (needs) {',
    `    var failed; try { failed = JSON.parse(pm.variables.get(${js(FAILED_VARIABLES)}) || "{}"); } catch (e) { ` +
      `return; }`,
    '    for (var i = 0; failed !== null && typeof failed === "object" && i < needs.length; i++) {',
    '        var cause = failed[needs[i]];',
    '        if (cause === null || typeof cause !== "object") continue;',
    `        console.warn(${js(SKIP_MESSAGE)}, { request: pm.info.requestName, needs: needs[i], failedRequest: ` +
      `String(cause.request), cause: String(cause.cause), reason: String(cause.reason) });`,
    '        pm.execution.skipRequest();',
    '        return;',
    '    }',
    `})(${js(needs)});`,
  ];
}
