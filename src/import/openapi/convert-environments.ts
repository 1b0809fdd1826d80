// The two environments of an imported API: the real one (its servers, credentials from MV_ process variables as in
// guide-variables.environment.yaml; specs may name only MV_ ones) and the stand-in one (`standin: true`, the
// stand-in's address and public demo values). Both define the same keys (E_ENV_MISSING_VARIABLE), every secret
// says where it may be sent (E_SEND_TO), and no secret has a value.
import { DEMO_CLIENT, DEMO_SUBSCRIPTION_KEY, STANDIN_DEFAULTS } from '../../standin/options.js';
import { AUTH_ROUTES, SUPPORTED_SCOPES } from '../../standin/mediavalet.js';
import { variableReference } from '../../spec/variables.js';
import { compact, nonEmptyObject, setKey, type Json } from '../json-util.js';
import { plainText, processVariableOf } from './convert-names.js';
import type { SecurityPlan } from './convert-security.js';

/** A base URL variable and the server it holds in the real environment ('' when the document names none usable). */
export interface ServerVariable {
  readonly variable: string;
  readonly url: string;
  readonly description: string;
}

export interface EnvironmentInput {
  /** The API's name, safe for a `name` (no control characters). */
  readonly title: string;
  readonly target: string;
  readonly servers: readonly ServerVariable[];
  readonly security: SecurityPlan;
  readonly pathVariables: ReadonlyMap<
    string,
    { readonly value: string | number | boolean; readonly description: string }
  >;
}

const STANDIN_URL = `http://${STANDIN_DEFAULTS.host}:${STANDIN_DEFAULTS.port}`;
const GUIDE_STATE = 'mediavalet-postman';

type Variable = { description: string; value?: string | number | boolean; secret?: true; sendTo?: string[] };

/** The real environment's value (spec object). */
export function realEnvironment(input: EnvironmentInput): Json {
  const { oauth, apiKeys } = input.security;
  const apiBases = input.servers.map((s) => s.variable);
  const variables: Json = {};
  const secrets: Json = {};
  const overrides: Json = {};
  const processNames = new Set<string>();
  const mapTo = (map: Json, variable: string): void => {
    let name = processVariableOf(variable);
    for (let n = 2; processNames.has(name); n++) name = `${processVariableOf(variable)}_${n}`;
    processNames.add(name);
    setKey(map, variable, name);
  };
  const add = (key: string, variable: Variable): void => setKey(variables, key, compact(variable));
  if (oauth) {
    add('authBaseUrl', { description: 'The sign-in server, where tokens are issued.', value: oauth.authBaseUrl });
    mapTo(overrides, 'authBaseUrl');
  }
  for (const server of input.servers) {
    add(server.variable, { description: server.description, value: server.url });
    mapTo(overrides, server.variable);
  }
  if (oauth) {
    add('tokenUrl', {
      description:
        'The token endpoint, where codes and refresh tokens are exchanged. `mvpm run` points it at its token ' +
        'relay, which journals every exchange before passing the answer on.',
      value: oauth.tokenUrl,
    });
    if (oauth.authorizeUrl !== undefined)
      add('authorizeUrl', { description: 'The authorization endpoint: where you sign in.', value: oauth.authorizeUrl });
    add('ClientId', { description: 'Your client id.', value: '' });
    mapTo(secrets, 'ClientId');
    add('ClientSecret', {
      description: 'Your client secret. Keep it out of shared workspaces.',
      secret: true,
      sendTo: ['authBaseUrl'],
    });
    mapTo(secrets, 'ClientSecret');
    add('Scope', { description: 'Scopes to ask for.', value: oauth.scopes.join(' ') });
    add('State', {
      description: 'An opaque value sent with the sign-in request and returned with the code.',
      value: GUIDE_STATE,
    });
    add('redirect_URI', {
      description: "Where the sign-in server sends the browser after sign-in; Postman's own callback page by default.",
      value: DEMO_CLIENT.redirectUris[0]!,
    });
    mapTo(overrides, 'redirect_URI');
  }
  for (const key of apiKeys.values()) {
    add(key.variable, {
      description: apiKeyDescription(key.name, key.in, key.description),
      secret: true,
      sendTo: [...apiBases],
    });
    mapTo(secrets, key.variable);
  }
  if (oauth) addTokenVariables(add, apiBases);
  if (oauth) mapTo(secrets, 'refresh_token');
  addPathVariables(add, input);
  return compact({
    $kind: 'mvpm-environment',
    name: input.title,
    description:
      `${input.title} itself. Set the MV_ process variables under \`secrets\` before \`mvpm run --target ` +
      `${input.target}\`; in Postman, fill in their current values.`,
    target: input.target,
    servers: [...(oauth ? ['authBaseUrl'] : []), ...apiBases],
    secrets: nonEmptyObject(secrets),
    overrides: nonEmptyObject(overrides),
    variables,
  });
}

/** The stand-in environment's value: the same keys, the stand-in's address and demo values. */
export function standinEnvironment(input: EnvironmentInput): Json {
  const { oauth, apiKeys } = input.security;
  const apiBases = input.servers.map((s) => s.variable);
  const variables: Json = {};
  const add = (key: string, variable: Variable): void => setKey(variables, key, compact(variable));
  const standinNote = "The stand-in's address. `mvpm run` replaces it with the port it started the stand-in on.";
  if (oauth) add('authBaseUrl', { description: standinNote, value: STANDIN_URL });
  for (const server of input.servers) add(server.variable, { description: standinNote, value: STANDIN_URL });
  if (oauth) {
    add('tokenUrl', {
      description: "The stand-in's token endpoint. `mvpm run` points it at its token relay.",
      value: `${variableReference('authBaseUrl')}${AUTH_ROUTES.token}`,
    });
    if (oauth.authorizeUrl !== undefined)
      add('authorizeUrl', {
        description: "The stand-in's authorization endpoint.",
        value: `${variableReference('authBaseUrl')}${AUTH_ROUTES.authorization}`,
      });
    add('ClientId', { description: "The stand-in's demo client.", value: DEMO_CLIENT.clientId });
    add('ClientSecret', {
      description: "The stand-in demo client's secret. A public demo value.",
      value: DEMO_CLIENT.clientSecret,
      sendTo: ['authBaseUrl'],
    });
    add('Scope', { description: 'The scopes the stand-in grants.', value: SUPPORTED_SCOPES.join(' ') });
    add('State', {
      description: 'An opaque value sent with the sign-in request and returned with the code.',
      value: GUIDE_STATE,
    });
    add('redirect_URI', {
      description: "Postman's callback page, registered for the demo client.",
      value: DEMO_CLIENT.redirectUris[0]!,
    });
  }
  for (const key of apiKeys.values())
    add(key.variable, {
      description: `The stand-in's demo API key (${key.in} \`${key.name}\`). A public demo value.`,
      value: DEMO_SUBSCRIPTION_KEY,
      sendTo: [...apiBases],
    });
  if (oauth) addTokenVariables(add, apiBases);
  addPathVariables(add, input);
  return compact({
    $kind: 'mvpm-environment',
    name: `${input.title} - Local Stand-in`,
    description:
      `Points the collection at the local stand-in server (\`mvpm serve\`), which mocks ${input.title} from its ` +
      'OpenAPI document. Its client id, secret and keys are public demo values, not secrets.',
    target: 'standin',
    standin: true,
    servers: [...(oauth ? ['authBaseUrl'] : []), ...apiBases],
    variables,
  });
}

function addTokenVariables(add: (key: string, variable: Variable) => void, apiBases: readonly string[]): void {
  add('access_token', {
    description: "The current access token. Set by the token requests, or pasted from Postman's token store.",
    secret: true,
    sendTo: [...apiBases],
  });
  add('refresh_token', {
    description: 'The current refresh token. Each refresh replaces it with a new one; the tests store it for you.',
    secret: true,
    sendTo: ['authBaseUrl'],
  });
  add('access_token_expires_at', {
    description: 'When the access token expires, in milliseconds since 1970. Set by the tests.',
    value: '',
  });
  add('previous_refresh_token', {
    description: 'The refresh token the last refresh spent.',
    secret: true,
    sendTo: ['authBaseUrl'],
  });
}

function addPathVariables(add: (key: string, variable: Variable) => void, input: EnvironmentInput): void {
  for (const [key, { value, description }] of input.pathVariables) add(key, { description, value });
}

function apiKeyDescription(name: string, where: 'header' | 'query', description: string | undefined): string {
  const own = description === undefined ? '' : ` ${plainText(description)}`;
  return `Your API key, sent as the ${where === 'header' ? 'header' : 'query parameter'} \`${name}\`.${own}`;
}
