export { runSuite, chooseRefreshToken, type RunOptions, type RunResult, type RunEvent } from './run-suite.js';
export {
  loadProjectModel,
  resolveTarget,
  declaredTargets,
  targetServer,
  fillTemplate,
  processVariableOf,
  type TargetPlan,
  type TargetServer,
} from './targets.js';
export { planSteps, type RunStep, type Skipped } from './run-plan.js';
export { targetEnvironment, environmentValues, readJson, type EnvFile } from './environments.js';
export type { ProgressEvent } from './observe-run.js';
export { RunError, type RunErrorCode } from './errors.js';
export { REPORTERS, type ReporterName } from './newman-run.js';
export { Masker, MASK } from './masking.js';
export {
  stateDirectory,
  defaultStatePath,
  readState,
  parseState,
  writeState,
  emptyState,
  fingerprint,
  type TokenState,
  type LegacyTokenState,
  type StoredTokenState,
  type StateBinding,
} from './state-file.js';
export { stateBinding, checkStateBinding, adoptState } from './state-binding.js';
export { checkServerUrl, tokenEndpointOrigin, isLoopback } from './server-url.js';
export { debugOutputs, refuseDebugOutput } from './debug-output.js';
export { checkFileSources, filesDirectory, FILES_DIR } from './file-sources.js';
export { lockState } from './state-lock.js';
export { beforeTokenCall, afterTokenCall, type TokenCall, type TokenOutcome } from './token-journal.js';
export {
  authorizeUrl,
  codeFromRedirect,
  exchangeCode,
  saveLogin,
  checkLoginState,
  currentRefreshToken,
  type Tokens,
} from './login.js';
