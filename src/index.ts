// The public library API: re-exports only. The library never prints and never exits; see src/cli for that.
export { loadSpecs, type LoadedSpecs, type LoadOptions } from './spec/load-specs.js';
export { validateSpecs, SPEC_RULES, type ValidationResult } from './spec/validate-spec.js';
export { formatDiagnostic, type SpecDiagnostic, type DiagnosticCode } from './spec/diagnostics.js';
export { ERROR_CODES, EXIT, exitCodeOf, WARNING_CODES, type ErrorCode, type WarningCode } from './errors/codes.js';
export { formatLocatedError, formatProblem } from './errors/format.js';
export { MvpmError, type ErrorLocation, type MvpmErrorOptions, type Problem } from './errors/mvpm-error.js';
export type * from './spec/model.js';
export { compileCollection } from './compile/compile-collection.js';
export { compileEnvironment, type PostmanEnvironment } from './compile/compile-environment.js';
export { createCompileContext, COLLECTION_SCHEMA_V21, type CompileContext } from './compile/context.js';
export {
  buildProject,
  resolveBuildOptions,
  type BuildOptions,
  type BuildResult,
  type OutputFile,
} from './emit/build-project.js';
export { writeOutputs, checkOutputs, type WriteReport, type CheckReport } from './emit/write-outputs.js';
export {
  runSuite,
  chooseRefreshToken,
  RunError,
  REPORTERS,
  loadProjectModel,
  resolveTarget,
  stateDirectory,
  defaultStatePath,
  readState,
  type RunOptions,
  type RunResult,
  type RunEvent,
  type TargetPlan,
  type ReporterName,
  type RunErrorCode,
  type TokenState,
} from './run/index.js';
export {
  startStandin,
  signIn,
  DEMO_CLIENT,
  DEMO_USER,
  DEMO_SUBSCRIPTION_KEY,
  StandinError,
  type StandinServer,
  type StandinOptions,
  type StandinFault,
  type StandinCounters,
} from './standin/index.js';
export { authorizeUrl, codeFromRedirect, exchangeCode, saveLogin, Masker, lockState } from './run/index.js';
export { runMain, type CliIo } from './cli/main.js';
