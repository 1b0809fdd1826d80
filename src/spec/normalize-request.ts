// One request file as written → the normalized request: URL, query, headers, auth, body, settings, the variables
// it uses, and (normalize-checks.ts) its expectations and captures.
import type * as W from './_schema-types.js';
import type * as M from './model.js';
import { normalizeCaptures, normalizeExpectations } from './normalize-checks.js';
import type { NormalizeContext } from './normalize.js';
import { checkRequestUrl } from './rules/request-values.js';
import type { NodePath, SpecSource } from './source.js';
import { variableNames } from './variables.js';
import {
  asObject,
  entries,
  isObject,
  isScalar,
  jsonText,
  keyValues,
  optionalString,
  targetsOf,
} from './written-values.js';

export function normalizeRequest(
  name: string,
  itemPath: string[],
  source: SpecSource,
  written: Partial<W.RequestDefinition>,
  ctx: NormalizeContext,
): M.RequestSpec {
  const refs: M.VariableRef[] = [];
  // `keys`: Postman resolves {{variables}} in header and query names and in body keys too. `at` is one path, pushed
  // and popped on the way (a body can be large), copied only into a reference found.
  const visit = (value: unknown, at: (string | number)[], sent: boolean, keys: boolean): void => {
    if (typeof value === 'string') {
      for (const variable of variableNames(value))
        refs.push({ name: variable, origin: { source, path: [...at] }, sent });
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        at.push(i);
        visit(value[i], at, sent, keys);
        at.pop();
      }
    } else if (isObject(value)) {
      for (const k of Object.keys(value)) {
        at.push(k);
        if (keys)
          for (const variable of variableNames(k))
            refs.push({ name: variable, origin: { source, path: [...at] }, at: 'key', sent });
        visit(value[k], at, sent, keys);
        at.pop();
      }
    }
  };
  const collect = (value: unknown, at: NodePath, sent: boolean, keys = false): void =>
    visit(value, [...at], sent, keys);
  collect(written.url, ['url'], true);
  collect(written.query, ['query'], true, true);
  collect(written.headers, ['headers'], true, true);
  collect(isObject(written.auth) ? written.auth.credentials : undefined, ['auth', 'credentials'], true);
  collect(isObject(written.body) ? written.body.content : undefined, ['body', 'content'], true, true);
  const expectBody = isObject(written.expect) ? asObject(written.expect.body) : {};
  for (const [p, check] of Object.entries(expectBody)) {
    for (const key of ['equals', 'notEquals', 'oneOf'] as const)
      collect(asObject(check)[key], ['expect', 'body', p, key], false);
  }
  const expectHeaders = isObject(written.expect) ? asObject(written.expect.headers) : {};
  for (const [h, check] of Object.entries(expectHeaders))
    collect(asObject(check)['equals'], ['expect', 'headers', h, 'equals'], false);

  checkRequestUrl(written.url, source, ctx.errors);
  const auth = normalizeAuth(written.auth, source, ['auth']);
  const body = normalizeBody(written.body, source);
  const settings = asObject(written.settings) as W.RequestSettings;
  return {
    kind: 'request',
    name,
    path: itemPath,
    ...optionalString('description', written.description),
    method: typeof written.method === 'string' ? written.method : 'GET',
    url: typeof written.url === 'string' ? written.url : '',
    query: keyValues(source, ['query'], written.query),
    headers: keyValues(source, ['headers'], written.headers),
    ...(auth ? { auth } : {}),
    ...(body ? { body } : {}),
    ...(typeof settings.followRedirects === 'boolean' ? { followRedirects: settings.followRedirects } : {}),
    ...(typeof settings.disableCookies === 'boolean' ? { disableCookies: settings.disableCookies } : {}),
    expectations: normalizeExpectations(written.expect, source, ctx),
    captures: normalizeCaptures(written.capture, source, ctx),
    scripts: normalizeScripts(written.scripts),
    variableRefs: refs,
    ...targetsOf(written.targets),
    readOnly: written.readOnly === true,
    ...openapiOf(written.openapi),
    origin: { source, path: [] },
  };
}

function openapiOf(raw: unknown): Pick<M.RequestSpec, 'openapi'> {
  if (!isObject(raw) || typeof raw['operation'] !== 'string' || typeof raw['hash'] !== 'string') return {};
  return { openapi: { operation: raw['operation'], hash: raw['hash'], inferred: raw['inferred'] === true } };
}

export function normalizeAuth(raw: unknown, source: SpecSource, at: NodePath): M.AuthSpec | undefined {
  if (!isObject(raw) || typeof raw['type'] !== 'string') return undefined;
  const credentials = asObject(raw['credentials']);
  const text = (key: string): string => (typeof credentials[key] === 'string' ? (credentials[key] as string) : '');
  void source;
  void at;
  switch (raw['type']) {
    case 'inherit':
    case 'noauth':
      return { type: raw['type'] };
    case 'bearer':
      return { type: 'bearer', token: text('token') };
    case 'basic':
      return { type: 'basic', username: text('username'), password: text('password') };
    case 'oauth2':
      return { type: 'oauth2', credentials: credentials as unknown as W.OAuth2Credentials };
    default:
      return undefined;
  }
}

function normalizeBody(raw: unknown, source: SpecSource): M.BodySpec | undefined {
  if (!isObject(raw)) return undefined;
  const content = raw['content'];
  switch (raw['type']) {
    case 'urlencoded':
      return { type: 'urlencoded', fields: keyValues(source, ['body', 'content'], content) };
    case 'formdata':
      return {
        type: 'formdata',
        fields: entries(source, ['body', 'content'], content).flatMap(([key, value]): M.FormField[] =>
          isScalar(value)
            ? [{ key, value: String(value) }]
            : isObject(value) && typeof value['src'] === 'string'
              ? [{ key, src: value['src'] }]
              : [],
        ),
      };
    case 'json':
      return { type: 'json', text: jsonText(source, ['body', 'content'], content) };
    case 'raw':
      return {
        type: 'raw',
        text: typeof content === 'string' ? content : '',
        language: (raw['language'] as 'text' | undefined) ?? 'text',
      };
    default:
      return undefined;
  }
}

export function normalizeScripts(raw: unknown): M.ScriptSpec[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (s): s is M.ScriptSpec =>
      isObject(s) && (s['type'] === 'beforeRequest' || s['type'] === 'afterResponse') && typeof s['code'] === 'string',
  );
}
