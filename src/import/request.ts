// A Postman request item → the spec's request fields (url, query, headers, auth, body, settings, expect, capture,
// scripts). Literal secrets become variables (secrets.ts); a form-data `src` that leaves the project is dropped.
import sdk from 'postman-collection';
import { nameProblem } from '../paths/path-guard.js';
import { decodeQuery, decodeQueryText, literalIndexOf, splitPairs } from '../compile/query.js';
import { importAuth } from './auth.js';
import { collectVariables, eventsOf, rawScripts, type ImportContext } from './context.js';
import { captureAsWritten, expectationsAsWritten } from './expectations.js';
import { quoted } from './import-error.js';
import {
  asArray,
  compact,
  hasKey,
  isObject,
  type Json,
  nestingDepth,
  nonEmptyObject,
  setKey,
  text,
} from './json-util.js';
import { importTestScript, withoutNeedsGuard } from './scripts.js';
import { isSecretName, isSecretHeader } from '../compile/secrets.js';
import { fieldLabel, hasLiteral } from './secrets.js';

/** JSON request bodies nesting deeper than this stay raw text: the spec loader reads at most 64 levels per file. */
const MAX_BODY_DEPTH = 48;

export function importRequest(item: Json, where: string, context: ImportContext): Json {
  const r = isObject(item['request'])
    ? item['request']
    : typeof item['request'] === 'string'
      ? { url: item['request'] }
      : {};
  const { url, query } = importUrl(r['url'], where, context);
  const headers: Json = {};
  for (const h of asArray(r['header'])) {
    const key = text(h['key']);
    if (key === '') {
      context.warnings.push({ code: 'W_IMPORT_DROPPED', where, message: 'a header with no name dropped' });
      continue;
    }
    if (h['disabled'] === true) {
      context.warnings.push({ code: 'W_IMPORT_DROPPED', where, message: `disabled header ${quoted(key)} dropped` });
      continue;
    }
    if (hasKey(headers, key))
      context.warnings.push({
        code: 'W_IMPORT_DROPPED',
        where,
        message: `header ${quoted(key)} appears more than once; the last one is kept`,
      });
    const value = text(h['value']);
    setKey(
      headers,
      key,
      isSecretHeader(key)
        ? context.secrets.replace(where, fieldLabel('header', key), key, value, { header: true })
        : value,
    );
  }
  const body = importBody(r['body'], where, context);
  if (body?.['type'] === 'json') {
    const keys = Object.keys(headers);
    const last = keys[keys.length - 1];
    if (last !== undefined && last.toLowerCase() === 'content-type' && headers[last] === 'application/json')
      delete headers[last];
  }
  const behavior = isObject(item['protocolProfileBehavior']) ? item['protocolProfileBehavior'] : {};
  const settings = compact({
    followRedirects: typeof behavior['followRedirects'] === 'boolean' ? behavior['followRedirects'] : undefined,
    disableCookies: typeof behavior['disableCookies'] === 'boolean' ? behavior['disableCookies'] : undefined,
  });
  const events = eventsOf(item['event']);
  const test = importTestScript(events.test);
  if (test.edited)
    context.warnings.push({
      code: 'W_IMPORT_SCRIPT',
      where,
      message: 'its generated test script was edited by hand, so it is a raw script now',
    });
  for (const c of test.captures) context.defined.add(c.variable);
  const expect = expectationsAsWritten(test.expectations, (label, schema) => context.schemaFile(label, schema, where));
  const spec = {
    description: undefined as string | undefined,
    method: typeof r['method'] === 'string' && r['method'] !== '' ? r['method'] : 'GET',
    url,
    query,
    headers: nonEmptyObject(headers),
    auth: importAuth(r['auth'], where, context),
    body,
    settings: nonEmptyObject(settings),
    expect,
    capture: nonEmptyObject(Object.fromEntries(test.captures.map((c) => [c.variable, captureAsWritten(c)]))),
    scripts: rawScripts({ prerequest: withoutNeedsGuard(events.prerequest), test: test.raw }, where, context),
  };
  const description = r['description'];
  spec.description =
    typeof description === 'string'
      ? description === ''
        ? undefined
        : description
      : isObject(description) && typeof description['content'] === 'string'
        ? description['content']
        : undefined;
  for (const value of [url, query, headers, body?.['content'], expect, spec.auth])
    collectVariables(value, context.used);
  return spec;
}

/**
 * `url.raw` split into the spec's `url` and `query` only when the query reads back to the same text (the compiler
 * percent-encodes query text); otherwise the whole address stays in `url`, which the compiler copies as is.
 * Literal secrets in the query, the fragment and the user-info part are replaced first.
 */
function importUrl(value: unknown, where: string, context: ImportContext): { url: string; query?: Json } {
  let raw = '';
  if (typeof value === 'string') raw = value;
  else if (isObject(value)) {
    if (typeof value['raw'] === 'string') raw = value['raw'];
    else {
      try {
        raw = new sdk.Url(value as sdk.UrlDefinition).toString();
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

function importBody(value: unknown, where: string, context: ImportContext): Json | undefined {
  if (!isObject(value) || typeof value['mode'] !== 'string') return undefined;
  const fields = (list: unknown, kind: string): Json => {
    const out: Json = {};
    for (const f of asArray(list)) {
      if (f['disabled'] === true) continue;
      const key = text(f['key']);
      if (hasKey(out, key))
        context.warnings.push({
          code: 'W_IMPORT_DROPPED',
          where,
          message: `${kind} field ${quoted(key)} appears more than once; the last one is kept`,
        });
      if (f['type'] === 'file') setKey(out, key, { src: formSource(f['src'], key, where, context) });
      else {
        const field = text(f['value']);
        setKey(
          out,
          key,
          isSecretName(key) ? context.secrets.replace(where, fieldLabel(`${kind} field`, key), key, field) : field,
        );
      }
    }
    return out;
  };
  switch (value['mode']) {
    case 'urlencoded':
      return { type: 'urlencoded', content: fields(value['urlencoded'], 'urlencoded') };
    case 'formdata':
      return { type: 'formdata', content: fields(value['formdata'], 'form-data') };
    case 'raw': {
      const raw = typeof value['raw'] === 'string' ? value['raw'] : '';
      const options = isObject(value['options']) && isObject(value['options']['raw']) ? value['options']['raw'] : {};
      const language = typeof options['language'] === 'string' ? options['language'] : 'text';
      if (language === 'json') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw) as unknown;
        } catch {
          // Not JSON (or has {{variables}} outside strings): kept as raw text.
        }
        if (
          parsed !== undefined &&
          nestingDepth(parsed, MAX_BODY_DEPTH).depth <= MAX_BODY_DEPTH &&
          JSON.stringify(parsed, null, 2) === raw
        ) {
          return { type: 'json', content: replaceJsonSecrets(parsed, where, context) };
        }
      }
      return {
        type: 'raw',
        language: ['text', 'json', 'xml', 'html', 'javascript'].includes(language) ? language : 'text',
        content: replaceJsonTextSecrets(raw, where, context),
      };
    }
    default:
      context.warnings.push({
        code: 'W_IMPORT_DROPPED',
        where,
        message: `a ${quoted(text(value['mode']))} body has no spec equivalent; dropped`,
      });
      return undefined;
  }
}

/**
 * A form-data file's `src`, kept only when it is a clean relative path (Newman reads it relative to its working
 * directory, the spec directory's `files/` by convention): an absolute path, a `..` part, an unusable name or a
 * `{{variable}}` (which could become any path) is dropped with a warning, leaving the field with no file.
 */
function formSource(value: unknown, key: string, where: string, context: ImportContext): string {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const sources = list.filter((s): s is string => typeof s === 'string' && s !== '');
  if (list.some((s) => typeof s !== 'string'))
    context.warnings.push({
      code: 'W_IMPORT_SRC',
      where,
      message: `form-data field ${quoted(key)}: a file that is not a path (not text) was dropped`,
    });
  if (sources.length > 1)
    context.warnings.push({
      code: 'W_IMPORT_SRC',
      where,
      message: `form-data field ${quoted(key)} names ${sources.length} files; only the first is kept`,
    });
  const src = sources[0] ?? '';
  if (src === '') return '';
  const why = unsafeSource(src);
  if (why === undefined) return src;
  context.warnings.push({
    code: 'W_IMPORT_SRC',
    where,
    message: `form-data field ${quoted(key)}: its file was dropped because ${why}; choose the file again (under specs/files/)`,
  });
  return '';
}

function unsafeSource(src: string): string | undefined {
  if (src.startsWith('/') || src.startsWith('\\') || /^[A-Za-z]:/.test(src) || src.startsWith('~'))
    return 'its path is absolute';
  if (src.includes('{{')) return 'its path uses a {{variable}}, which could name any file';
  const parts = src.split(/[/\\]/);
  if (parts.includes('..')) return 'its path leads out of the project (`..`)';
  if (
    parts.some((part, i) => part !== '.' && nameProblem(part) !== undefined && !(i === parts.length - 1 && part === ''))
  )
    return 'its path has an unusable name';
  return undefined;
}

/** A JSON body with the literal string values of secret-named keys replaced, at any depth (copied, not changed). */
function replaceJsonSecrets(value: unknown, where: string, context: ImportContext): unknown {
  if (Array.isArray(value)) return value.map((v) => replaceJsonSecrets(v, where, context));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    const secret = isSecretName(key) && (typeof v === 'string' || typeof v === 'number');
    setKey(out, key, secret ? replaceScalar(String(v), v, key, where, context) : replaceJsonSecrets(v, where, context));
  }
  return out;
}

function replaceScalar(
  textValue: string,
  original: unknown,
  key: string,
  where: string,
  context: ImportContext,
): unknown {
  const replaced = context.secrets.replace(where, fieldLabel('JSON body field', key), key, textValue);
  return replaced === textValue ? original : replaced;
}

/** `"password": "hunter2"` pairs in raw body text (JSON that is not kept as `type: json`). */
function replaceJsonTextSecrets(raw: string, where: string, context: ImportContext): string {
  return raw.replace(
    /("((?:\\.|[^"\\\n])*)"\s*:\s*)"((?:\\.|[^"\\\n])*)"/g,
    (whole, prefix: string, key: string, value: string) => {
      if (!isSecretName(key)) return whole;
      const replaced = context.secrets.replace(where, fieldLabel('body field', key), key, value);
      return replaced === value ? whole : `${prefix}"${replaced}"`;
    },
  );
}
