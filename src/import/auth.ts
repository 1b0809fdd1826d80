// A Postman auth block → spec `auth`. Literal credentials ("Use Token" leaves the token in the block; a pasted client
// secret or password) become variables with the names the MediaValet specs use.
import { collectVariables, type ImportContext } from './context.js';
import { onlyVariable } from '../spec/variables.js';
import { quoted } from './import-error.js';
import { isObject, type Json, setKey, text } from './json-util.js';

/**
 * OAuth 2.0 fields of the spec format, in the order Postman lists them; anything else in an oauth2 block is dropped.
 */
const OAUTH2_FIELDS = [
  'grant_type',
  'authUrl',
  'accessTokenUrl',
  'refreshTokenUrl',
  'clientId',
  'clientSecret',
  'scope',
  'state',
  'redirect_uri',
  'useBrowser',
  'challengeAlgorithm',
  'code_verifier',
  'username',
  'password',
  'client_authentication',
  'addTokenTo',
  'tokenName',
  'headerPrefix',
  'tokenType',
  'accessToken',
];

/** Credentials that must never be written into a spec as literal text, and the variable each becomes. */
const SECRET_FIELDS: Readonly<Record<string, string>> = {
  accessToken: 'access_token',
  token: 'access_token',
  clientSecret: 'clientSecret',
  password: 'password',
  code_verifier: 'code_verifier',
};

export function importAuth(value: unknown, where: string, context: ImportContext): Json | undefined {
  if (!isObject(value) || typeof value['type'] !== 'string') return undefined;
  const type = value['type'];
  if (type === 'noauth') return { type };
  const params: Json = {};
  const list = value[type];
  if (Array.isArray(list)) {
    for (const p of list) if (isObject(p)) setKey(params, text(p['key']), p['value']);
  } else if (isObject(list)) for (const [k, v] of Object.entries(list)) setKey(params, k, v);
  const secret = (key: string, raw: unknown): unknown => {
    const variable = SECRET_FIELDS[key];
    if (variable === undefined || typeof raw !== 'string') return raw;
    return context.secrets.replace(where, `${type} auth ${key}`, key, raw, { variable });
  };
  const own = (key: string): unknown => (Object.hasOwn(params, key) ? params[key] : undefined);
  let credentials: Json;
  switch (type) {
    case 'bearer':
      credentials = { token: secret('token', text(own('token'))) };
      break;
    case 'basic':
      credentials = { username: text(own('username')), password: secret('password', text(own('password'))) };
      break;
    case 'oauth2': {
      const token = own('accessToken');
      const literalToken = typeof token === 'string' && token !== '' && onlyVariable(token) === undefined;
      credentials = {};
      for (const key of OAUTH2_FIELDS) {
        const field = own(key);
        if (field === undefined || field === null) continue;
        if (key === 'tokenType' && literalToken) continue; // what "Use Token" left with the token
        // Only scalars are spec values; an object or a list here is not something Postman writes.
        if (typeof field === 'object') {
          context.warnings.push({ code: 'W_IMPORT_DROPPED', where, message: `oauth2 ${key} is not a scalar; dropped` });
          continue;
        }
        setKey(credentials, key, secret(key, field));
      }
      const dropped = Object.keys(params).filter((k) => !OAUTH2_FIELDS.includes(k));
      if (dropped.length > 0)
        context.warnings.push({
          code: 'W_IMPORT_DROPPED',
          where,
          message: `oauth2 ${dropped.map(quoted).join(', ')} dropped (token state or Postman-only settings)`,
        });
      if (credentials['grant_type'] === undefined) credentials['grant_type'] = 'authorization_code';
      break;
    }
    default:
      context.warnings.push({
        code: 'W_IMPORT_DROPPED',
        where,
        message: `${quoted(type)} auth has no spec equivalent; dropped (the item inherits its parent's auth)`,
      });
      return undefined;
  }
  collectVariables(credentials, context.used);
  return { type, credentials };
}
