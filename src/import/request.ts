// A Postman request item → the spec's request fields (url, query, headers, auth, body, settings, expect, capture,
// scripts). Literal secrets become variables (secrets.ts); the URL is read in request-url.ts, the body in
// request-body.ts.
import { importAuth } from './auth.js';
import { collectVariables, eventsOf, rawScripts, type ImportContext } from './context.js';
import { captureAsWritten, expectationsAsWritten } from './expectations.js';
import { quoted } from './import-error.js';
import { asArray, compact, hasKey, isObject, type Json, nonEmptyObject, setKey, text } from './json-util.js';
import { importRequestScripts } from './scripts.js';
import { isSecretHeader } from '../compile/secrets.js';
import { importBody } from './request-body.js';
import { importUrl } from './request-url.js';
import { fieldLabel } from './secrets.js';

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
  const test = importRequestScripts(events.prerequest, events.test, context.checkSchemas);
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
    scripts: rawScripts({ prerequest: test.raw.prerequest, test: test.raw.test }, where, context),
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
