export { runSuite, chooseRefreshToken, FILES, FOLDERS, CREDENTIAL_VARIABLES, TOKEN_PATH, type RunOptions, type RunResult, type RunEvent, type Target } from './run-suite.js';
export type { ProgressEvent } from './observe-run.js';
export { RunError, type RunErrorCode } from './errors.js';
export { REPORTERS, type ReporterName } from './newman-run.js';
export { Masker, MASK } from './masking.js';
export { stateDirectory, defaultStatePath, readState, writeState, emptyState, fingerprint, type TokenState } from './state-file.js';
export { lockState } from './state-lock.js';
export { beforeTokenCall, afterTokenCall, type TokenCall, type TokenOutcome } from './token-journal.js';
export { authorizeUrl, codeFromRedirect, exchangeCode, saveLogin, currentRefreshToken, type Tokens } from './login.js';
