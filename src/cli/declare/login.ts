import { defineCommand } from '../command.js';

export const loginCommand = defineCommand({
  name: 'login',
  summary: 'Sign in to MediaValet once to get the first refresh token for mvpm run',
  description: [
    `Signs in once, as a person, to get the first refresh token for \`mvpm run --target <name>\`: prints the
    authorization URL, you sign in with your browser and paste back the address it ends on (within the
    authorization code's 60 seconds); the code is exchanged and the refresh token saved to the state file (mode
    0600).`,
    `The server, client and state file are the ones \`mvpm run --target <name>\` uses, as the specs declare them: the
    OAuth 2.0 settings of the target's collection (authUrl, token URL, clientId, clientSecret, scope, redirect_uri)
    filled in from its environment, whose \`secrets\` and \`overrides\` name the MV_ variables to set (for this
    project: MV_CLIENT_ID and MV_CLIENT_SECRET, MV_AUTH_BASE_URL for another server).`,
  ],
  options: {
    target: {
      type: 'string',
      valueName: '<name>',
      defaultText: 'the one target that is not a stand-in',
      help: 'The target to sign in to',
    },
    'redirect-uri': {
      type: 'string',
      valueName: '<uri>',
      defaultText:
        "the collection's redirect_uri from the environment (here MV_REDIRECT_URI, else Postman's callback page)",
      help: 'The redirect URI registered for your client',
    },
    scope: {
      type: 'string',
      valueName: '<scopes>',
      defaultText: "the collection's scope (here openid api offline_access)",
      help: 'The scopes to ask for',
    },
    'state-file': {
      type: 'string',
      valueName: '<path>',
      defaultText: 'the one mvpm run --target <name> uses',
      help: `Where the refresh token is saved. A file kept for another server or client id is refused
      (E_STATE_MISMATCH) before anything is sent`,
    },
    'allow-debug-output': {
      type: 'boolean',
      help: `Sign in even though NODE_DEBUG, an inspector or diagnostic reports would copy the client secret out of the
      process (refused by default: E_DEBUG_OUTPUT)`,
    },
  },
  notes: ["The target's servers must be https URLs (http only for localhost, 127.0.0.1, [::1])."],
  exitCodes: [
    [0, 'signed in and the refresh token saved'],
    [
      2,
      `bad usage, missing client id or secret, a bad server URL (E_BAD_URL), a state file of another server
      (E_STATE_MISMATCH), debug output on (E_DEBUG_OUTPUT), or the sign-in or code exchange failed (E_LOGIN)`,
    ],
  ],
  examples: [
    { command: 'MV_CLIENT_ID=… MV_CLIENT_SECRET=… mvpm login' },
    { command: 'MV_CLIENT_ID=… MV_CLIENT_SECRET=… mvpm login --redirect-uri https://localhost:5001/callback' },
  ],
});

export const tokenCommand = defineCommand({
  name: 'token',
  summary: 'Write the newest refresh token to a file (for CI secret stores), never to the screen',
  description: [
    `Writes the newest refresh token of a target's state file (the one \`mvpm run --target <name>\` and \`mvpm login\`
    use) to <file> (mode 0600), never to the screen, so a CI job can store it back as its MV_REFRESH_TOKEN secret
    (see docs/ci.md). The file is written through a new temporary file (exclusive, no link followed) renamed into
    place: an existing symbolic link or directory at <file> is refused; an existing regular file is replaced. A state
    file of another server than MV_AUTH_BASE_URL (or of another MV_CLIENT_ID, when set) is refused
    (E_STATE_MISMATCH).`,
  ],
  options: {
    out: {
      type: 'string',
      valueName: '<file>',
      required: true,
      help: 'Where to write the token; it is never printed',
    },
    target: {
      type: 'string',
      valueName: '<name>',
      defaultText: 'the one target that is not a stand-in',
      help: 'The target whose token to write',
    },
    'state-file': {
      type: 'string',
      valueName: '<path>',
      defaultText: 'the one mvpm run --target <name> uses',
      help: 'The state file to read',
    },
  },
  exitCodes: [
    [0, 'written'],
    [
      2,
      `bad usage (no --out, a link or directory at <file>: E_BAD_OPTION), a damaged state file (E_STATE_FILE), no usable
      refresh token (E_NO_REFRESH_TOKEN), or a state file of another server (E_STATE_MISMATCH)`,
    ],
  ],
  examples: [
    { command: 'mvpm token --out refresh-token.txt' },
    {
      command:
        'mvpm token --out refresh-token.txt && gh secret set MV_REFRESH_TOKEN < refresh-token.txt ' +
        '&& rm refresh-token.txt',
    },
  ],
});
