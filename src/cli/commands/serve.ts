import {
  DEMO_CLIENT,
  DEMO_SUBSCRIPTION_KEY,
  DEMO_USER,
  describeFault,
  resolveFault,
  startStandin,
  type StandinFault,
  type StandinFaultStatus,
} from '../../standin/index.js';
import { EXIT, painterFor, parseCommandArgs, UsageError, type CliIo } from '../io.js';

export const SERVE_HELP = `Usage: mvpm serve [--port <n>] [--access-token-ttl <s>] [--fault <fault>]...

Starts the local stand-in of MediaValet (sign-in server and API) on 127.0.0.1, for Postman
("Get New Access Token") and for mvpm run --base-url. Stops on Ctrl-C.

Its sign-ins and tokens live only as long as the process: after a restart every token it
issued is refused (invalid_grant), and Postman or mvpm run must sign in again.

Options:
  --port <n>               Port to listen on (default: 4010; 0 picks a free one)
  --access-token-ttl <s>   Access-token lifetime in seconds (default: 3600)
  --fault <fault>          Make the stand-in misbehave on purpose (repeatable; default: none)
  -h, --help               Show this help

Faults: <target>[-after]=<effect>[:<times>]
  target   token      the token endpoint, every grant type
           refresh    the token endpoint, grant_type=refresh_token only
           code       the token endpoint, grant_type=authorization_code only
           api        the API routes (/users/current, /categories, /assets/search, ...)
  -after   act once the request has been processed: a refresh has spent its refresh token and
           issued the next one, then the answer is lost. Without it the fault acts before
           anything is processed, and nothing is spent.
  effect   429, 500, 502, 503 or 504   answer with that status (429 and 503 with Retry-After: 1)
           <n>ms                        wait n milliseconds first; a client that gives up meanwhile
                                        gets nothing (before: nothing is processed either)
           drop                         close the connection without an answer
  times    how many matching requests to act on: a whole number (default: 1) or "always".
  Faults act in the order given; waits add up, and the first answer or drop ends the request.

Exit codes: 0 stopped by Ctrl-C (SIGINT or SIGTERM); 2 bad usage or the port could not be used.

Examples:
  mvpm serve
  mvpm serve --port 0 --access-token-ttl 60
  mvpm serve --fault refresh=503:2          the next 2 refreshes get 503; their tokens stay unspent
  mvpm serve --fault refresh-after=500      the next refresh spends its token, then answers 500
  mvpm serve --fault api=429:3              the next 3 API calls get 429 with Retry-After: 1
  mvpm serve --fault token=5000ms:always    every token request waits 5 s before it is processed
  mvpm serve --fault api-after=drop         the next API call is answered with a closed connection
`;

const FAULT_TARGETS: Readonly<Record<string, Pick<StandinFault, 'target' | 'grantTypes'>>> = {
  token: { target: 'token' },
  refresh: { target: 'token', grantTypes: ['refresh_token'] },
  code: { target: 'token', grantTypes: ['authorization_code'] },
  api: { target: 'api' },
};

/** One `--fault` value as a fault, or the sentence saying what is wrong with it. */
function parseFaultFlag(text: string): { fault: StandinFault } | { problem: string } {
  const problem = (why: string): { problem: string } => ({ problem: `--fault '${text}': ${why}` });
  const match = /^([a-z]+)(-after)?=([^:]*)(?::(.*))?$/.exec(text);
  const scope = match?.[1] === undefined ? undefined : FAULT_TARGETS[match[1]];
  if (!match || !scope)
    return problem(`expected <target>[-after]=<effect>[:<times>] with target token, refresh, code or api`);
  const [, , after, effect = '', times] = match;
  let count = 1;
  if (times === 'always') count = Infinity;
  else if (times !== undefined) {
    count = /^\d+$/.test(times) ? Number(times) : NaN;
    if (!(count >= 1)) return problem(`times must be a whole number of 1 or more, or always, not '${times}'`);
  }
  const common = { ...scope, when: after ? 'after' : 'before', times: count } as const;
  let fault: StandinFault;
  if (/^\d{3}$/.test(effect)) fault = { ...common, status: Number(effect) as StandinFaultStatus };
  else if (/^\d+ms$/.test(effect)) fault = { ...common, delayMs: Number(effect.slice(0, -2)) };
  else if (effect === 'drop') fault = { ...common, drop: true };
  else return problem(`the effect must be 429, 500, 502, 503, 504, <n>ms or drop, not '${effect}'`);
  const { problems } = resolveFault(fault);
  return problems.length === 0 ? { fault } : problem(problems.join('; '));
}

export async function runServe(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(
    argv,
    {
      port: { type: 'string', default: '4010' },
      'access-token-ttl': { type: 'string', default: '3600' },
      fault: { type: 'string', multiple: true, default: [] },
    },
    SERVE_HELP,
    io,
  );
  if (!values) return EXIT.ok;
  const port = Number(values.port);
  const accessTokenTtl = Number(values['access-token-ttl']);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('E_USAGE', `--port takes 0 to 65535, not '${values.port}'`);
  if (!Number.isInteger(accessTokenTtl) || accessTokenTtl < 1)
    throw new UsageError(
      'E_USAGE',
      `--access-token-ttl takes a whole number of seconds, not '${values['access-token-ttl']}'`,
    );
  const parsedFaults = values.fault.map(parseFaultFlag);
  const faultProblems = parsedFaults.flatMap((parsed) => ('problem' in parsed ? [parsed.problem] : []));
  if (faultProblems.length > 0) throw new UsageError('E_USAGE', faultProblems.join('\n'));
  const faults = parsedFaults.flatMap((parsed) => ('fault' in parsed ? [parsed.fault] : []));

  const out = painterFor(io.stdout, io.env);
  const server = await startStandin({ port, accessTokenTtl, faults });
  io.stdout.write(
    [
      `${out.green('stand-in MediaValet')} listening on ${server.url}`,
      '',
      `  authorize        ${server.url}/connect/authorize`,
      `  token            ${server.url}/connect/token`,
      `  discovery        ${server.url}/.well-known/openid-configuration`,
      `  API              ${server.url}/users/current, /categories, /assets/search, …`,
      '',
      '  Public demo values (not secrets):',
      `  client id        ${DEMO_CLIENT.clientId}`,
      `  client secret    ${DEMO_CLIENT.clientSecret}`,
      `  redirect URIs    ${DEMO_CLIENT.redirectUris.join(', ')}`,
      `  sign in as       ${DEMO_USER.username} / ${DEMO_USER.password}`,
      `  subscription key ${DEMO_SUBSCRIPTION_KEY}`,
      '',
      ...(faults.length === 0
        ? []
        : [
            out.yellow('  Faults armed (the stand-in misbehaves on purpose):'),
            ...server.faults.armed.map((armed) => `  - ${describeFault(armed.fault)}`),
            '',
          ]),
      out.yellow(
        'Tokens live only as long as this process: after a restart, every token it issued is refused (invalid_grant); sign in again.',
      ),
      'In Postman: select "MediaValet - Local Stand-in"; set authBaseUrl and apiBaseUrl to the URL above if the port differs.',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    if (io.signal) {
      if (io.signal.aborted) resolve();
      else io.signal.addEventListener('abort', () => resolve(), { once: true });
      return;
    }
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  io.stdout.write('stand-in stopped\n');
  return EXIT.ok;
}
