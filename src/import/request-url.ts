// A Postman request's URL → the spec's `url` and `query`, read back with the one query codec (compile/query.ts)
// so that build → import → build gives the same url.raw; literal secrets in it become variables first.
import { createRequire } from 'node:module';
import type * as Sdk from 'postman-collection';
import { decodeQuery, decodeQueryText, literalIndexOf, splitPairs } from '../compile/query.js';
import { isSecretName } from '../compile/secrets.js';
import type { ImportContext } from './context.js';
import { hasKey, isObject, type Json, setKey } from './json-util.js';
import { fieldLabel, hasLiteral } from './secrets.js';

/**
 * The Postman SDK, loaded the first time a URL without `raw` is read: loading it costs a quarter of a second, and
 * `mvpm import` of an OpenAPI document (which shares this module's command) never needs it.
 */
let sdk: typeof Sdk | undefined;
function postmanSdk(): typeof Sdk {
  sdk ??= createRequire(import.meta.url)('postman-collection') as typeof Sdk;
  return sdk;
}

/**
 * `url.raw` split into the spec's `url` and `query` only when the query reads back to the same text (the compiler
 * percent-encodes query text); otherwise the whole address stays in `url`, which the compiler copies as is.
 * Literal secrets in the query, the fragment and the user-info part are replaced first.
 */
export function importUrl(value: unknown, where: string, context: ImportContext): { url: string; query?: Json } {
  let raw = '';
  if (typeof value === 'string') raw = value;
  else if (isObject(value)) {
    if (typeof value['raw'] === 'string') raw = value['raw'];
    else {
      try {
        raw = new (postmanSdk().Url)(value as Sdk.UrlDefinition).toString();
      } catch {
        context.warnings.push({
          code: 'W_IMPORT_DROPPED',
          where,
          message: 'its URL could not be read; it is empty now',
        });
      }
    }
  }
  raw = raw.replace(
    /^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):([^/?#@]*)@/i,
    (_whole, head: string, password: string) =>
      `${head}:${context.secrets.replace(where, 'the password in its URL', 'password', password)}@`,
  );
  const hash = raw.indexOf('#');
  const [head, fragment] =
    hash === -1
      ? [raw, '']
      : [raw.slice(0, hash), `#${replaceQuerySecrets(raw.slice(hash + 1), where, 'URL fragment parameter', context)}`];
  const q = head.indexOf('?');
  if (q === -1) return { url: `${head}${fragment}` };
  const base = head.slice(0, q);
  const search = replaceQuerySecrets(head.slice(q + 1), where, 'query parameter', context);
  const whole = `${base}?${search}${fragment}`;
  const pairs = decodeQuery(search);
  if (pairs === undefined || pairs.length === 0) return { url: whole };
  const query: Json = {};
  for (const { key, value } of pairs) {
    if (hasKey(query, key)) return { url: whole };
    setKey(query, key, value);
  }
  return { url: `${base}${fragment}`, query };
}

/** `a=1&access_token=xyz` → `a=1&access_token={{access_token}}`: each secret-named pair with a literal value. */
function replaceQuerySecrets(search: string, where: string, kind: string, context: ImportContext): string {
  return splitPairs(search)
    .map((pair) => {
      const eq = literalIndexOf(pair, '=');
      if (eq === -1) return pair;
      const key = decodeQueryText(pair.slice(0, eq)) ?? pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (!isSecretName(key) || !hasLiteral(value)) return pair;
      return `${pair.slice(0, eq)}=${context.secrets.replace(where, fieldLabel(kind, key), key, value)}`;
    })
    .join('&');
}
