export { runSuite, chooseRefreshToken, FILES, FOLDERS, CREDENTIAL_VARIABLES, type RunOptions, type RunResult, type RunEvent, type Target } from './run-suite.js';
export { RunError, type RunErrorCode } from './errors.js';
export { REPORTERS, type ReporterName } from './newman-run.js';
export { stateDirectory, defaultStatePath, readState, writeState, advanceState, fingerprint, type TokenState } from './state-file.js';
