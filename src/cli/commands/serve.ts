import { DEMO_CLIENT, DEMO_SUBSCRIPTION_KEY, DEMO_USER, startStandin, StandinError } from '../../standin/index.js';
import { EXIT, painterFor, parseCommandArgs, UsageError, type CliIo } from '../io.js';

export const SERVE_HELP = `Usage: mvpm serve [--port <n>] [--access-token-ttl <s>]

Starts the local stand-in of MediaValet (sign-in server and API) on 127.0.0.1, for Postman
("Get New Access Token") and for mvpm run --base-url. Stops on Ctrl-C.

Options:
  --port <n>               Port to listen on (default: 4010; 0 picks a free one)
  --access-token-ttl <s>   Access-token lifetime in seconds (default: 3600)
  -h, --help               Show this help

Examples:
  mvpm serve
  mvpm serve --port 0 --access-token-ttl 60
`;

export async function runServe(argv: readonly string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs(
    argv,
    {
      port: { type: 'string', default: '4010' },
      'access-token-ttl': { type: 'string', default: '3600' },
    },
    SERVE_HELP,
    io,
  );
  if (!values) return EXIT.ok;
  const port = Number(values.port);
  const accessTokenTtl = Number(values['access-token-ttl']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('E_USAGE', `--port takes 0 to 65535, not '${values.port}'`);
  if (!Number.isInteger(accessTokenTtl) || accessTokenTtl < 1) throw new UsageError('E_USAGE', `--access-token-ttl takes a whole number of seconds, not '${values['access-token-ttl']}'`);

  const out = painterFor(io.stdout, io.env);
  let server;
  try {
    server = await startStandin({ port, accessTokenTtl });
  } catch (error) {
    if (error instanceof StandinError) {
      io.stderr.write(`${painterFor(io.stderr, io.env).red(`mvpm serve: error[${error.code}]`)}: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
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
