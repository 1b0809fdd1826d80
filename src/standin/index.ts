// The stand-in MediaValet: an OAuth 2.0 / OpenID Connect authorization server (oidc-provider) and the API,
// on one local origin. A library: it never prints and never exits; pass `logger` to hear about errors.
// For tests it can misbehave on purpose (`faults`, `server.faults`), and counts what it served (`server.counters`).
export {
  startStandin,
  type StandinServer,
  type StandinEndpoints,
  type StandinCounters,
  type StandinFaultControl,
} from './start-standin.js';
export {
  describeFault,
  resolveFault,
  FAULT_STATUSES,
  type ArmedFault,
  type StandinFault,
  type StandinFaultScope,
  type StandinStatusFault,
  type StandinDelayFault,
  type StandinDropFault,
  type StandinSchemaBreakFault,
  type StandinFaultStatus,
  type StandinFaultTarget,
  type StandinGrantType,
  type ResolvedStandinFault,
  type FaultEffect,
} from './faults.js';
export {
  resolveStandinOptions,
  DEMO_CLIENT,
  DEMO_USER,
  DEMO_SUBSCRIPTION_KEY,
  STANDIN_DEFAULTS,
  type StandinOptions,
  type ResolvedStandinOptions,
  type StandinClient,
  type StandinUser,
  type StandinLogger,
  type StandinLogEntry,
} from './options.js';
export {
  AUTH_ROUTES,
  DISCOVERY_PATH,
  SUPPORTED_SCOPES,
  API_SCOPE,
  MISSING_SUBSCRIPTION_KEY_BODY,
  INVALID_SUBSCRIPTION_KEY_BODY,
  INTERACTION_PATH_PREFIX,
} from './mediavalet.js';
export { STANDIN_OWN_ROUTES, standinOwnRouteOf, type StandinOwnRoute } from './own-routes.js';
export { DEMO_ASSETS, DEMO_CATEGORIES, DEMO_ATTRIBUTES, DEMO_KEYWORDS } from './demo-data.js';
export type { DemoAsset, DemoCategory, DemoAttribute, DemoKeyword } from './demo-data.js';
export { signIn, type SignInOptions, type SignInResult } from './sign-in.js';
export { StandinError, type StandinErrorCode } from './errors.js';
export type { MockedOperation } from './openapi-mock.js';
