import type { QueryParam, Url } from './_collection-types.js';

/** Collection v2.1 `url` as mvpm writes it: the object form, never the bare string. */
export type PostmanUrl = Exclude<Url, string>;

/** `{{variable}}` references: their characters never split a URL (postman-url-encoder's rule). */
const VARIABLE = /\{\{[^{}]*\}\}/g;

/**
 * Collection v2.1 `url` for a request's URL text: split into protocol, host, port, path and query exactly as the
 * Postman app and the postman-collection SDK split it (postman-url-encoder's parser: `#`, then `?`, then `://`,
 * `/`, `@`, `:`, `.`; separators inside `{{variables}}` do not count), with `raw` as the SDK prints it back.
 * test/unit/compile-url.test.ts checks both against the SDK.
 */
export function compileUrl(text: string): PostmanUrl {
  const parts = splitUrl(text);
  const url: PostmanUrl = { raw: rawOf(parts) };
  if (parts.protocol !== undefined) url.protocol = parts.protocol;
  if (parts.host !== undefined) url.host = parts.host;
  if (parts.port !== undefined) url.port = parts.port;
  if (parts.path !== undefined) url.path = parts.path;
  if (parts.query !== undefined && parts.query.length > 0) url.query = parts.query;
  return url;
}

interface UrlParts {
  protocol?: string;
  auth?: readonly string[];
  host?: string[];
  port?: string;
  path?: string[];
  query?: QueryParam[];
  hash?: string;
}

function splitUrl(input: string): UrlParts {
  const parts: UrlParts = {};
  let text = input.trimStart();
  if (text === '') return parts;
  // Separators are searched for in `masked`, where each variable's characters are '_'; slices come from `text`.
  let masked = text.replace(VARIABLE, (v) => '_'.repeat(v.length));
  let index = masked.indexOf('#');
  if (index !== -1) {
    parts.hash = text.slice(index + 1);
    [text, masked] = [text.slice(0, index), masked.slice(0, index)];
  }
  index = masked.indexOf('?');
  if (index !== -1) {
    const params = splitOn(text.slice(index + 1), masked.slice(index + 1), '&');
    parts.query = params.map((param, i) => queryParam(param, i === params.length - 1));
    [text, masked] = [text.slice(0, index), masked.slice(0, index)];
  }
  // Backslashes outside variables are slashes.
  text = [...text].map((c, i) => (c === '\\' && masked[i] === '\\' ? '/' : c)).join('');
  masked = masked.replaceAll('\\', '/');
  index = masked.indexOf('://');
  if (index !== -1) {
    const protocol = text.slice(0, index);
    parts.protocol = protocol;
    [text, masked] = [text.slice(index + 3), masked.slice(index + 3)];
    const slashes = /^\/+/.exec(masked)?.[0].length ?? 0;
    // file:////path keeps one slash (file:///path); protocol:////host loses them all.
    const keep = slashes > 0 && protocol.toLowerCase() === 'file' ? 1 : 0;
    [text, masked] = [text.slice(slashes - keep), masked.slice(slashes - keep)];
  }
  index = masked.indexOf('/');
  if (index !== -1) {
    parts.path = splitOn(text.slice(index + 1), masked.slice(index + 1), '/');
    [text, masked] = [text.slice(0, index), masked.slice(0, index)];
  }
  index = masked.lastIndexOf('@');
  if (index !== -1) {
    const auth = text.slice(0, index);
    const colon = masked.slice(0, index).indexOf(':');
    parts.auth = colon === -1 ? [auth] : [auth.slice(0, colon), auth.slice(colon + 1)];
    [text, masked] = [text.slice(index + 1), masked.slice(index + 1)];
  }
  index = masked.lastIndexOf(':');
  if (index !== -1 && !masked.slice(index + 1).includes(']')) {
    parts.port = text.slice(index + 1);
    [text, masked] = [text.slice(0, index), masked.slice(0, index)];
  }
  if (text !== '') parts.host = splitOn(text, masked, '.');
  return parts;
}

/** `text` split wherever `masked` (the same length) has `separator`. */
function splitOn(text: string, masked: string, separator: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let at = masked.indexOf(separator); at !== -1; at = masked.indexOf(separator, from)) {
    out.push(text.slice(from, at));
    from = at + separator.length;
  }
  out.push(text.slice(from));
  return out;
}

/** The SDK's QueryParam.parseSingle: no `=` means a null value; an empty parameter before the last is all null. */
function queryParam(param: string, last: boolean): QueryParam {
  if (param === '' && !last) return { key: null, value: null };
  const equals = param.indexOf('=');
  return equals === -1 ? { key: param, value: null } : { key: param.slice(0, equals), value: param.slice(equals + 1) };
}

/** The SDK's Url#toString of the split URL. */
function rawOf(parts: UrlParts): string {
  let raw = parts.protocol ? `${parts.protocol}://` : '';
  if (parts.auth) raw += `${parts.auth[0]}${parts.auth[1] === undefined ? '' : `:${parts.auth[1]}`}@`;
  if (parts.host) raw += parts.host.join('.');
  if (parts.port !== undefined) raw += `:${parts.port}`;
  if (parts.path) raw += `/${parts.path.join('/')}`;
  if (parts.query && parts.query.length > 0) raw += `?${parts.query.map(queryText).join('&')}`;
  if (parts.hash !== undefined) raw += `#${parts.hash}`;
  return raw;
}

/** The SDK's QueryParam.unparseSingle. */
function queryText(q: QueryParam): string {
  const key = typeof q.key === 'string' ? encodeReserved(q.key, true) : '';
  return typeof q.value === 'string' ? `${key}=${encodeReserved(q.value, false)}` : key;
}

/** The SDK's QueryParam normalizeParam: `&`, `#` (and `=` in keys) outside variables are percent-encoded. */
const PERCENT = { '&': '%26', '#': '%23', '=': '%3D' } as const;

function encodeReserved(text: string, equals: boolean): string {
  const reserved = equals ? /[&#=]/g : /[&#]/g;
  return text
    .split(/(\{\{[^{}]*\}\})/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(reserved, (c) => PERCENT[c as '&' | '#' | '='])))
    .join('');
}
