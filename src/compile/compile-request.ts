import type { AuthSpec, BodySpec, KeyValue, RequestSpec } from '../spec/model.js';
import type { OAuth2Credentials } from '../spec/_schema-types.js';
import type { Auth, Auth1, Header, Request1 } from './_collection-types.js';
import { compileUrl } from './compile-url.js';
import { encodeQuery } from './query.js';

/** Postman's auth object (Collection v2.1 `auth`): `{type, [type]: [{key, value, type}]}`. */
export type PostmanAuth = Auth;
/** Collection v2.1 `request.body`. */
export type PostmanBody = NonNullable<Request1['body']>;
/** Collection v2.1 `request`, in the key order the Postman app exports. */
export type PostmanRequest = Request1;

/** Collection v2.1 `request` for a request spec: auth, method, header, body, url, description. */
export function compileRequest(request: RequestSpec): PostmanRequest {
  const out: PostmanRequest = {};
  const auth = compileAuth(request.auth);
  if (auth) out.auth = auth;
  out.method = request.method.toUpperCase();
  out.header = compileHeaders(request).map(compileHeader);
  const body = compileBody(request.body);
  if (body) out.body = body;
  out.url = compileUrl(rawUrl(request));
  if (request.description !== undefined) out.description = request.description;
  return out;
}

function compileHeader(h: KeyValue): Header {
  return { key: h.key, value: h.value, type: 'text' };
}

/**
 * The OAuth 2.0 fields of the spec format, in the order Postman's OAuth 2.0 helper lists them: the compiled array
 * follows it, and import keeps only these (anything else in an oauth2 block is dropped).
 */
export const OAUTH2_FIELD_ORDER: readonly (keyof OAuth2Credentials)[] = [
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

/** Collection v2.1 `auth` for a spec auth; undefined means "inherit from the parent" (the key is left out). */
export function compileAuth(auth: AuthSpec | undefined): PostmanAuth | undefined {
  if (!auth || auth.type === 'inherit') return undefined;
  switch (auth.type) {
    case 'noauth':
      return { type: 'noauth' };
    case 'bearer':
      return { type: 'bearer', bearer: [param('token', auth.token)] };
    case 'basic':
      return { type: 'basic', basic: [param('username', auth.username), param('password', auth.password)] };
    case 'oauth2': {
      const credentials = auth.credentials as Readonly<Record<string, string | boolean | undefined>>;
      const fields = OAUTH2_FIELD_ORDER.flatMap((key) => {
        const value = credentials[key];
        return value === undefined ? [] : [param(key, value)];
      });
      return { type: 'oauth2', oauth2: fields };
    }
  }
}

function param(key: string, value: string | boolean): Auth1 {
  return { key, value, type: typeof value === 'boolean' ? 'boolean' : 'string' };
}

/**
 * The request's full URL text (Collection v2.1 `url.raw`): `url` with `query` appended in order, before any
 * `#fragment`. Query names and values are literal text, so the characters that would change the query's meaning
 * (`& = # + %`, spaces, non-ASCII) are percent-encoded; `{{variables}}` are left for Postman to resolve.
 */
export function rawUrl(request: RequestSpec): string {
  if (request.query.length === 0) return request.url;
  const hash = request.url.indexOf('#');
  const [base, fragment] = hash === -1 ? [request.url, ''] : [request.url.slice(0, hash), request.url.slice(hash)];
  const query = encodeQuery(request.query);
  return `${base}${base.includes('?') ? '&' : '?'}${query}${fragment}`;
}

/** Collection v2.1 `request.body`. JSON bodies are raw text with language json, as Postman stores them. */
export function compileBody(body: BodySpec | undefined): PostmanBody | undefined {
  if (!body) return undefined;
  switch (body.type) {
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: body.fields.map((f) => ({ key: f.key, value: f.value, type: 'text' })) };
    case 'formdata':
      return {
        mode: 'formdata',
        formdata: body.fields.map((f) =>
          'src' in f ? { key: f.key, src: f.src, type: 'file' } : { key: f.key, value: f.value, type: 'text' },
        ),
      };
    case 'json':
      return { mode: 'raw', raw: body.text, options: { raw: { language: 'json' } } };
    case 'raw':
      return { mode: 'raw', raw: body.text, options: { raw: { language: body.language } } };
  }
}

/** Headers as written, plus Content-Type for a JSON body when the spec did not set one. */
export function compileHeaders(request: RequestSpec): KeyValue[] {
  const headers = [...request.headers];
  const hasContentType = headers.some((h) => h.key.toLowerCase() === 'content-type');
  if (request.body?.type === 'json' && !hasContentType)
    headers.push({ key: 'Content-Type', value: 'application/json' });
  return headers;
}
