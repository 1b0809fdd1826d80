// The paths the stand-in keeps for itself, declared once: the authorization server (oidc-provider serves every
// path under /connect/ and /.well-known/ that AUTH_ROUTES and DISCOVERY_PATH name, and answers the rest of them
// itself) and the sign-in pages under /interaction/. An imported OpenAPI operation on one of these paths could
// never be mocked (the stand-in answers it first), and a run would send its requests to the sign-in server:
// `mvpm import` refuses it (E_OPENAPI_STANDIN_ROUTE), and the mock never routes there.
import { AUTH_ROUTES, DISCOVERY_PATH, INTERACTION_PATH_PREFIX } from './mediavalet.js';

/** One family of the stand-in's own paths: every path that is `root` or starts with `root/`. */
export interface StandinOwnRoute {
  /** `/connect`: a first path segment, with its slash, no trailing slash. */
  readonly root: string;
  /** What the stand-in serves there, in words, for messages. */
  readonly serves: string;
}

/** The first path segment of `path` (`/connect/token` → `/connect`), as a root. */
function rootOf(path: string): string {
  return `/${path.split('/')[1] ?? ''}`;
}

/**
 * Every root the stand-in serves itself, derived from the routes it configures so that a new route under a new
 * root cannot be missed: the roots of AUTH_ROUTES, of DISCOVERY_PATH and of the sign-in pages.
 */
export const STANDIN_OWN_ROUTES: readonly StandinOwnRoute[] = Object.freeze(
  [
    ...Object.values(AUTH_ROUTES).map((path) => ({ path, serves: 'the sign-in server (OAuth 2.0 endpoints)' })),
    { path: DISCOVERY_PATH, serves: 'OpenID Connect discovery and keys' },
    { path: INTERACTION_PATH_PREFIX, serves: 'the sign-in and consent pages' },
  ].reduce<StandinOwnRoute[]>((roots, { path, serves }) => {
    const root = rootOf(path);
    if (!roots.some((r) => r.root === root)) roots.push(Object.freeze({ root, serves }));
    return roots;
  }, []),
);

/**
 * The stand-in's own route `path` falls under (a request path, or an OpenAPI path template as written), or
 * undefined. Compared without regard to letter case: oidc-provider's router matches paths case-insensitively. A
 * templated first segment (`/{tenant}/…`) is not a collision: the stand-in's own routes are matched first.
 */
export function standinOwnRouteOf(path: string): StandinOwnRoute | undefined {
  const root = rootOf(path).toLowerCase();
  return STANDIN_OWN_ROUTES.find((r) => r.root.toLowerCase() === root);
}
