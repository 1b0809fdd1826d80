// Where each request runs: the `targets` lists of its collection, folders and itself, then the default its method
// sets. A request that may change data (POST, PUT, PATCH, DELETE) runs on a real server only when the specs say so;
// reads, `readOnly: true` requests and the OAuth token requests (protocol, not API operations) run wherever their
// folder runs. One answer for `mvpm run` (src/run/run-plan.ts), the rules and the generated pages (src/docs).
import type { CollectionSpec, ItemSpec, RequestSpec, SpecProject } from './model.js';

/** A declared target: an environment's `target`, and whether that environment is the stand-in. */
export interface TargetRef {
  readonly name: string;
  readonly standin: boolean;
}

/** Methods that read: they run wherever their folder runs. */
export const READING_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The targets the specs declare, in environment order. */
export function declaredTargets(project: SpecProject): TargetRef[] {
  return project.environments.flatMap((e) => (e.target === undefined ? [] : [{ name: e.target, standin: e.standin }]));
}

/**
 * The token endpoints `collection` declares (`autoRefresh.tokenUrl`, OAuth 2.0 `accessTokenUrl` and
 * `refreshTokenUrl`), as written. A request whose URL is written as one of them is a token request.
 */
export function tokenEndpoints(collection: CollectionSpec): ReadonlySet<string> {
  const urls = new Set<string>();
  const add = (url: string | undefined): void => {
    if (url !== undefined && url.trim() !== '') urls.add(url.trim());
  };
  add(collection.autoRefresh?.tokenUrl);
  if (collection.auth?.type === 'oauth2') {
    add(collection.auth.credentials.accessTokenUrl);
    add(collection.auth.credentials.refreshTokenUrl);
  }
  return urls;
}

/** Why an item whose own `targets` is `own` does not run on `target`, or undefined when the list allows it. */
export function targetsSkipReason(own: readonly string[] | undefined, target: string): string | undefined {
  return own && !own.includes(target) ? `runs only on ${own.join(', ')}` : undefined;
}

/** What a request's method default needs to know beyond the request itself. */
export interface MethodScope {
  /** The token endpoints of its collection (see tokenEndpoints). */
  readonly tokenEndpoints: ReadonlySet<string>;
  /** The nearest `targets` list written above the request (folder or collection), if any. */
  readonly inherited?: readonly string[];
}

/**
 * Why `request`, which its `targets` lists allow on `target`, does not run there by its method's default, or
 * undefined when it runs. Only targets that are not stand-ins are ever refused:
 * - an operation imported as `openapi.inferred` runs only on stand-ins (naming a real target is E_INFERRED_TARGET);
 * - a token request (URL written as the collection's token endpoint), a GET, HEAD or OPTIONS request and a
 *   `readOnly: true` request run wherever their folder runs;
 * - DELETE runs there only when the request's own `targets` names the target;
 * - POST, PUT and PATCH run there only when a `targets` list, the request's own or the nearest above it, names it.
 */
export function methodSkipReason(request: RequestSpec, target: TargetRef, scope: MethodScope): string | undefined {
  if (target.standin) return undefined;
  if (request.openapi?.inferred) return 'an inferred OpenAPI operation (`openapi.inferred`) runs only on stand-ins';
  if (scope.tokenEndpoints.has(request.url.trim())) return undefined;
  if (READING_METHODS.has(request.method) || request.readOnly) return undefined;
  if (request.method === 'DELETE') {
    return request.targets?.includes(target.name)
      ? undefined
      : `method default: DELETE runs on a target that is not a stand-in only when the request's own \`targets\` ` +
          `names it`;
  }
  return (request.targets ?? scope.inherited)?.includes(target.name)
    ? undefined
    : `method default: ${request.method} runs on a target that is not a stand-in only when \`targets\` names it ` +
        `or the request is \`readOnly: true\``;
}

/** Where one request runs: for each declared target, undefined (it runs) or why it does not. */
export type Placement = ReadonlyMap<string, string | undefined>;

/**
 * Every request of `collection` with where it runs among `targets`, in run order. A request does not run where its
 * collection or a folder above it does not (the reason given is theirs), nor where its method's default refuses.
 */
export function requestPlacements(
  collection: CollectionSpec,
  targets: readonly TargetRef[],
): { readonly request: RequestSpec; readonly placement: Placement }[] {
  const scope = { tokenEndpoints: tokenEndpoints(collection) };
  const out: { request: RequestSpec; placement: Placement }[] = [];
  const visit = (
    items: readonly ItemSpec[],
    blocked: ReadonlyMap<string, string>,
    inherited: readonly string[] | undefined,
  ): void => {
    for (const item of items) {
      const here = new Map(blocked);
      for (const t of targets) {
        const reason = here.has(t.name) ? undefined : targetsSkipReason(item.targets, t.name);
        if (reason) here.set(t.name, reason);
      }
      if (item.kind === 'folder') {
        visit(item.items, here, item.targets ?? inherited);
        continue;
      }
      const placement = new Map<string, string | undefined>();
      for (const t of targets)
        placement.set(t.name, here.get(t.name) ?? methodSkipReason(item, t, { ...scope, inherited }));
      out.push({ request: item, placement });
    }
  };
  const top = new Map<string, string>();
  for (const t of targets) {
    const reason = targetsSkipReason(collection.targets, t.name);
    if (reason) top.set(t.name, reason);
  }
  visit(collection.items, top, collection.targets);
  return out;
}
