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
import { printable } from '../../import/import-error.js';
import { loadStandinDocuments } from '../../run/standin-documents.js';
import type { ParsedArgs } from '../command.js';
import type { serveCommand } from '../declarations.js';
import { EXIT, painterFor, UsageError, type CliIo } from '../io.js';

const FAULT_TARGETS: Readonly<Record<string, Pick<StandinFault, 'target' | 'grantTypes'>>> = {
  token: { target: 'token' },
  refresh: { target: 'token', grantTypes: ['refresh_token'] },
  code: { target: 'token', grantTypes: ['authorization_code'] },
  api: { target: 'api' },
};

/** One `--fault` value as a fault, or the sentence saying what is wrong with it. */
function parseFaultFlag(text: string): { fault: StandinFault } | { problem: string } {
  const problem = (why: string): { problem: string } => ({ problem: `--fault '${text}': ${why}` });
  // schema=<operation>[:<times>]: an operation key may hold spaces, slashes and braces (`GET /things/{id}`).
  const schema = /^schema=(.+?)(?::(\d+|always))?$/.exec(text);
  if (schema?.[1] !== undefined) {
    const times = schema[2] === undefined ? 1 : schema[2] === 'always' ? Infinity : Number(schema[2]);
    if (!(times >= 1)) return problem(`times must be a whole number of 1 or more, or always, not '${schema[2]}'`);
    return { fault: { target: 'api', schemaBreak: schema[1], times } };
  }
  const match = /^([a-z]+)(-after)?=([^:]*)(?::(.*))?$/.exec(text);
  const scope = match?.[1] === undefined ? undefined : FAULT_TARGETS[match[1]];
  if (!match || !scope)
    return problem(
      'expected <target>[-after]=<effect>[:<times>] with target token, refresh, code or api, or schema=<operation>',
    );
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

/** `mvpm serve`: the options come parsed and checked by its declaration (declarations.ts); faults here. */
export async function runServe({ values }: ParsedArgs<typeof serveCommand>, io: CliIo): Promise<number> {
  const port = values.port;
  const accessTokenTtl = values['access-token-ttl'];
  const parsedFaults = values.fault.map(parseFaultFlag);
  const faultProblems = parsedFaults.flatMap((parsed) => ('problem' in parsed ? [parsed.problem] : []));
  if (faultProblems.length > 0) throw new UsageError('E_USAGE', faultProblems.join('\n'));
  const faults = parsedFaults.flatMap((parsed) => ('fault' in parsed ? [parsed.fault] : []));

  const out = painterFor(io.stdout, io.env);
  // Loaded before listening: a document with problems stops here with its located errors (exit 2).
  const openApi = await loadStandinDocuments(io.cwd, values.specs);
  const server = await startStandin({ port, accessTokenTtl, faults, openApi });
  const mocked = server.openApi.operations;
  io.stdout.write(
    [
      `${out.green('stand-in MediaValet')} listening on ${server.url}`,
      '',
      `  authorize        ${server.url}/connect/authorize`,
      `  token            ${server.url}/connect/token`,
      `  discovery        ${server.url}/.well-known/openid-configuration`,
      `  API              ${server.url}/users/current, /categories, /assets/search, …`,
      '',
      ...(mocked.length === 0
        ? []
        : [
            `  Mocked from OpenAPI (${mocked.length} operation${mocked.length === 1 ? '' : 's'}; ` +
              'the routes above keep their own answers):',
            // Paths, keys and messages come from the documents: printed with their control characters escaped.
            ...mocked.map((o) => {
              const named = o.key === `${o.method} ${o.path}` ? '' : printable(o.key);
              return `  ${o.method.padEnd(7)} ${printable(o.path)}  ${named}`.trimEnd();
            }),
            ...server.openApi.warnings.map((w) => out.yellow(`  warning ${w.code}: ${printable(w.message, 300)}`)),
            '',
          ]),
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
            ...server.faults.armed.map((armed) => `  - ${printable(describeFault(armed.fault), 300)}`),
            '',
          ]),
      out.yellow(
        'Tokens live only as long as this process: after a restart, every token it issued is refused ' +
          '(invalid_grant); sign in again.',
      ),
      'In Postman: select "MediaValet - Local Stand-in"; set authBaseUrl and apiBaseUrl to the URL above if the ' +
        'port differs.',
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
