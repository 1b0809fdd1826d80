import { defineCommand } from '../command.js';

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'Start the local stand-in of MediaValet for Postman and mvpm run --base-url',
  description: [
    `Starts the local stand-in of MediaValet (sign-in server and API) on 127.0.0.1, for Postman ("Get New Access
    Token") and for \`mvpm run --base-url\`, and prints its URLs and the public demo client, user and subscription
    key. Stops on Ctrl-C.`,
    `Its sign-ins and tokens live only as long as the process: after a restart every token it issued is refused
    (invalid_grant), and Postman or mvpm run must sign in again.`,
  ],
  options: {
    port: {
      type: 'integer',
      valueName: '<n>',
      min: 0,
      max: 65535,
      default: '4010',
      help: 'Port to listen on; 0 picks a free one',
    },
    'access-token-ttl': {
      type: 'integer',
      valueName: '<s>',
      unit: 'seconds',
      min: 1,
      default: '3600',
      help: 'Access-token lifetime',
    },
    fault: {
      type: 'string',
      valueName: '<fault>',
      multiple: true,
      defaultText: 'none',
      help: 'Make the stand-in misbehave on purpose: <target>[-after]=<effect>[:<times>], below',
    },
  },
  notes: [
    {
      pre: `Faults: <target>[-after]=<effect>[:<times>]
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
  Faults act in the order given; waits add up, and the first answer or drop ends the request.`,
    },
  ],
  exitCodes: [
    [0, 'stopped by Ctrl-C (SIGINT or SIGTERM)'],
    [2, 'bad usage or the port could not be used'],
  ],
  examples: [
    { command: 'mvpm serve' },
    { command: 'mvpm serve --port 0 --access-token-ttl 60' },
    { command: 'mvpm serve --fault refresh=503:2', note: 'the next 2 refreshes get 503; their tokens stay unspent' },
    { command: 'mvpm serve --fault refresh-after=500', note: 'the next refresh spends its token, then answers 500' },
    { command: 'mvpm serve --fault api=429:3', note: 'the next 3 API calls get 429 with Retry-After: 1' },
    { command: 'mvpm serve --fault token=5000ms:always', note: 'every token request waits 5 s before it is processed' },
    { command: 'mvpm serve --fault api-after=drop', note: 'the next API call is answered with a closed connection' },
  ],
});
