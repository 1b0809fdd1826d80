// Runs a target's collections with Newman: the orchestration only. What it promises is in run-contract.ts, what
// it checks before starting in run-target.ts, which token it sends in token-policy.ts, and the run's shared state
// and steps in run-session.ts.
import { addEnvironmentSecrets, environmentValues, setValue, targetEnvironment } from './environments.js';
import { maskReports } from './reports.js';
import type { RunOptions, RunResult } from './run-contract.js';
import { runSteps, Session } from './run-session.js';
import { prepareRun } from './run-target.js';
import { adoptState, checkStateBinding, stateBinding } from './state-binding.js';
import { emptyState, readState, stateDirectory, withOffered } from './state-file.js';
import { lockState } from './state-lock.js';
import { fillTemplate, targetServer } from './targets.js';
import { chooseRefreshToken } from './token-policy.js';
import { loadStandinDocuments } from './standin-documents.js';
import { checkTokenRoutes } from './token-routes.js';

export type { RunEvent, RunOptions, RunResult } from './run-contract.js';
export { chooseRefreshToken } from './token-policy.js';

/**
 * Runs every collection and folder that applies to a target, as the specs declare it (see targets.ts), with
 * Newman, and returns the counts; throws RunError when it cannot start (specs with errors, missing files or
 * credentials, a spent or doubtful token, a held lock) or is interrupted. Against a target whose tokens outlive the
 * run (a real server, or a stand-in started by `mvpm serve`) the state file is locked for the run and every
 * token-endpoint call is journaled in it as it happens (see token-journal.ts).
 */
export async function runSuite(options: RunOptions = {}): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const { plan, baseUrl, reportsDir, environmentFile, environmentName, context } = await prepareRun(options, cwd, env);
  if (plan.standin && !baseUrl) {
    // The default: a stand-in of our own for this run. Tokens die with it, so no state is kept.
    const { startStandin } = await import('../standin/index.js');
    // The OpenAPI documents the specs were imported from: the stand-in mocks their operations.
    const openApi = await loadStandinDocuments(cwd, options.specsDir);
    const server = await startStandin({ port: 0, openApi });
    try {
      const environment = targetEnvironment(plan, environmentFile, env, {
        standinUrl: server.url,
        fileName: environmentName,
        optional: [plan.autoRefresh?.variables.refreshToken ?? ''],
      });
      const tokenServer = targetServer(plan, environmentValues(environment), stateDirectory(env), { cwd });
      if (tokenServer) checkTokenRoutes(context.files, environmentValues(environment), tokenServer.tokenUrl);
      const session = new Session(options, tokenServer?.tokenUrl, undefined, undefined);
      session.emit({ type: 'standin-started', url: server.url });
      try {
        addEnvironmentSecrets(session.masker, environment, plan);
        if (tokenServer) await session.startRelay(environment, env);
        await runSteps(session, context, environment, { signsIn: plan.signIn !== undefined, keepsTokens: false });
        return session.result();
      } finally {
        await session.close();
        maskReports(reportsDir, session.reportNames, session.masker);
      }
    } finally {
      await server.close();
    }
  }

  const environment = targetEnvironment(plan, environmentFile, env, {
    ...(baseUrl ? { standinUrl: baseUrl } : {}),
    fileName: environmentName,
    optional: [plan.autoRefresh?.variables.refreshToken ?? ''],
  });
  const tokenServer = targetServer(plan, environmentValues(environment), stateDirectory(env), {
    cwd,
    stateFile: options.stateFile,
  });
  if (!tokenServer) {
    // Nothing on this target uses tokens: nothing to keep between runs.
    const session = new Session(options, undefined, undefined, undefined);
    try {
      addEnvironmentSecrets(session.masker, environment, plan);
      await runSteps(session, context, environment, { signsIn: false, keepsTokens: false });
      return session.result();
    } finally {
      maskReports(reportsDir, session.reportNames, session.masker);
    }
  }
  // The server the run talks to, as the environment now says (overrides already applied and checked): it keys the
  // state file, and the file must have been recorded for it and for this client.
  checkTokenRoutes(context.files, environmentValues(environment), tokenServer.tokenUrl);
  const clientId = plan.autoRefresh
    ? fillTemplate(plan.autoRefresh.clientId, environmentValues(environment))
    : undefined;
  const binding = stateBinding(
    plan.name,
    tokenServer.authBaseUrl,
    clientId && 'value' in clientId ? clientId.value : '',
  );
  const stateFile = tokenServer.stateFile;
  const release = await lockState(stateFile);
  let session: Session | undefined;
  try {
    const stored = readState(stateFile);
    if (stored) checkStateBinding(stored, binding, stateFile);
    const previous = stored ? adoptState(stored, binding) : undefined;
    const fromEnv = tokenServer.refreshTokenProcessVariable ? env[tokenServer.refreshTokenProcessVariable] : undefined;
    const canSignIn = plan.signIn !== undefined;
    const chosen = chooseRefreshToken(
      fromEnv,
      previous,
      canSignIn,
      options.retryInDoubt ?? false,
      tokenServer.refreshTokenProcessVariable,
    );
    // The token about to be sent is the chain's current one from now on, whichever source it came from.
    // The process variable's token can be offered again by the next run: once spent, it is never forgotten.
    const start = withOffered(previous ?? emptyState(binding, new Date()), fromEnv);
    const { dead: _dead, ...alive } = start;
    // The runner's own knowledge decides whether sign-ins are real, never a spec: only a stand-in it was pointed at
    // with --base-url is not (an embedded one is handled above). Spent tokens are withheld from real ones.
    session = new Session(
      options,
      tokenServer.tokenUrl,
      chosen ? { ...alive, refreshToken: chosen.token } : start,
      stateFile,
      baseUrl === undefined,
    );
    for (const { processVariable } of plan.environment.secrets) session.masker.addSecret(env[processVariable]);
    session.masker.addSecret(previous?.refreshToken);
    session.masker.addSecret(previous?.accessToken);
    addEnvironmentSecrets(session.masker, environment, plan);
    await session.startRelay(environment, env);
    if (chosen) {
      session.emit({ type: 'token-source', source: chosen.source });
      setValue(environment, tokenServer.refreshTokenVariable, chosen.token);
      await runSteps(session, context, environment, { signsIn: false, keepsTokens: true });
    } else {
      // Only a stand-in with a sign-in collection can be signed in to unattended; otherwise chooseRefreshToken has
      // thrown.
      session.emit({ type: 'token-source', source: 'sign-in' });
      await runSteps(session, context, environment, { signsIn: true, keepsTokens: true });
    }
    return session.result();
  } finally {
    // The relay lets a token call under way finish and journals it before the lock is released.
    await session?.close();
    await release();
    if (session) maskReports(reportsDir, session.reportNames, session.masker);
  }
}
