// Postman Collection v2.1 (and environment) JSON → spec files, in memory. Pure: the CLI reads the input and
// writes the result. Generated scripts come back as `expect`/`capture`/`autoRefresh` through their markers.
import sdk from 'postman-collection';
import { inferSendToForFiles } from '../spec/infer-send-to.js';
import { variableNames } from '../spec/variables.js';
import type * as M from '../spec/model.js';
import { importAutoRefresh, importTestScript, isObject } from './scripts.js';
import { renderYaml } from './render-yaml.js';
import { convertV20, isV20 } from './convert-v20.js';

type Json = Record<string, unknown>;

export interface ImportedFile {
  /** Relative to the output (specs) directory, forward slashes. */
  readonly path: string;
  readonly content: string;
}

export interface ImportResult {
  readonly files: readonly ImportedFile[];
  /** What was dropped or changed on the way, one sentence each. */
  readonly warnings: readonly string[];
}

export interface ImportInput {
  /** A v2.1 collection; a v2.0 one is converted first (convertV20). */
  readonly collection: unknown;
  /** Names the collection directory. */
  readonly slug: string;
  readonly environments?: readonly { readonly slug: string; readonly environment: unknown }[];
}

/** OAuth 2.0 fields of the spec format, in the order Postman lists them; anything else in an oauth2 block is dropped. */
const OAUTH2_FIELDS = [
  'grant_type', 'authUrl', 'accessTokenUrl', 'refreshTokenUrl', 'clientId', 'clientSecret', 'scope', 'state', 'redirect_uri',
  'useBrowser', 'challengeAlgorithm', 'code_verifier', 'username', 'password', 'client_authentication', 'addTokenTo',
  'tokenName', 'headerPrefix', 'tokenType', 'accessToken',
];

/** Credentials that must never be written into a spec as literal text; each becomes a variable reference. */
const SECRET_FIELDS: Record<string, string> = { accessToken: 'access_token', clientSecret: 'clientSecret', password: 'password', token: 'access_token' };

/** Thrown for input that is not a collection or environment we can read; the CLI names the file. */
export class ImportError extends Error {
  override name = 'ImportError';
}

export function importCollection(input: ImportInput): ImportResult {
  const c = isV20(input.collection) ? convertV20(input.collection) : input.collection;
  if (!isObject(c) || !isObject(c['info']) || !Array.isArray(c['item'])) throw new ImportError('not a Postman collection: it needs `info` and an `item` list');
  const schema = String((c['info'] as Json)['schema'] ?? '');
  if (!schema.includes('v2.1')) throw new ImportError(`unsupported collection format ${JSON.stringify(schema)}: expected Collection v2.1 (or v2.0)`);
  const warnings: string[] = [];
  const files: ImportedFile[] = [];
  const schemaFiles = new Map<string, string>();
  const used = new Set<string>();
  const defined = new Set<string>();
  const root = input.slug;
  const info = c['info'] as Json;

  const variables: Json = {};
  for (const v of asArray(c['variable'])) {
    if (typeof v['key'] !== 'string') continue;
    defined.add(v['key']);
    const value = v['value'] === undefined || v['value'] === null ? '' : String(v['value']);
    const description = descriptionOf(v['description']);
    variables[v['key']] = description === undefined ? value : { value, description };
  }
  const events = eventsOf(c['event']);
  const refresh = importAutoRefresh(events.prerequest, events.test);
  if (refresh.edited) warnings.push('the collection\'s autoRefresh script was edited; it is kept as a raw script');
  if (refresh.spec) for (const name of Object.values(refresh.spec.variables)) defined.add(name);

  const environments = (input.environments ?? []).map((e) => importEnvironment(e.environment, e.slug, warnings));
  for (const e of environments) for (const key of e.keys) defined.add(key);

  const walk = (items: Json[], dir: string, owner: string): void => {
    const names = new Set<string>();
    items.forEach((item, index) => {
      const name = fileName(String(item['name'] ?? `Item ${index + 1}`), owner, warnings);
      if (names.has(name)) warnings.push(`${owner}: two items are named "${name}"; the later one overwrites the earlier`);
      names.add(name);
      const order = index + 1;
      if (Array.isArray(item['item'])) {
        const folderDir = `${dir}/${name}`;
        const scripts = rawScripts(eventsOf(item['event']));
        const auth = importAuth(item['auth'], `${owner}/${name}`, warnings, used);
        files.push({ path: `${folderDir}/.resources/definition.yaml`, content: renderYaml(compact({ $kind: 'folder', description: descriptionOf(item['description']), order, auth, scripts })) });
        walk(asArray(item['item']), folderDir, `${owner}/${name}`);
      } else {
        const request = importRequest(item, `${owner}/${name}`, warnings, used, defined, (label, value) => schemaFile(label, value, schemaFiles));
        const depth = folderDepth(`${dir}/x`);
        const spec: Json = { $kind: 'http-request', ...request, order };
        const expect = spec['expect'];
        if (isObject(expect) && isObject(expect['schema']) && typeof expect['schema']['file'] === 'string') {
          expect['schema']['file'] = `${'../'.repeat(depth)}schemas/${expect['schema']['file']}`;
        }
        files.push({ path: `${dir}/${name}.request.yaml`, content: renderYaml(orderRequest(spec)) });
      }
    });
  };
  walk(asArray(c['item']), root, root);

  const runtimeVariables: Json = {};
  for (const name of [...used].filter((n) => !defined.has(n) && !n.startsWith('$')).sort()) {
    runtimeVariables[name] = 'Used by the imported collection but defined neither in it nor in its environment.';
  }
  const collectionAuth = importAuth(c['auth'], root, warnings, used);
  files.unshift({
    path: `${root}/.resources/definition.yaml`,
    content: renderYaml(compact({
      $kind: 'collection',
      name: String(info['name'] ?? root),
      description: descriptionOf(info['description']),
      variables: nonEmptyObject(variables),
      runtimeVariables: nonEmptyObject(runtimeVariables),
      auth: collectionAuth,
      scripts: rawScripts({ prerequest: refresh.prerequest, test: refresh.test }),
      autoRefresh: refresh.spec,
    })),
  });
  for (const [file, content] of schemaFiles) files.push({ path: `schemas/${file}`, content });
  // Postman environments do not say where a secret may be sent; the specs must (E_SEND_TO): take it from the collection.
  const environmentFiles = environments.map((e) => ({ path: `environments/${e.slug}.environment.yaml`, content: e.content }));
  const sendTo = inferSendToForFiles([...files, ...environmentFiles]);
  (input.environments ?? []).forEach((e, i) => {
    const inferred = sendTo.get(environmentFiles[i]!.path);
    if (inferred === undefined || inferred.size === 0) return void files.push(environmentFiles[i]!);
    for (const [key, bases] of inferred) warnings.push(`environment ${e.slug}: secret ${key} may be sent only to ${bases.map((b) => `{{${b}}}`).join(', ')} (sendTo, from the requests that send it)`);
    files.push({ path: environmentFiles[i]!.path, content: importEnvironment(e.environment, e.slug, [], inferred).content });
  });
  return { files, warnings };
}

function folderDepth(path: string): number {
  return path.split('/').length - 1;
}

function schemaFile(label: string, value: object, files: Map<string, string>): string {
  const content = `${JSON.stringify(value, null, 2)}\n`;
  let name = label;
  for (let i = 2; files.has(name) && files.get(name) !== content; i++) name = label.replace(/^([^.]*)/, `$1-${i}`);
  files.set(name, content);
  return name;
}

const REQUEST_KEYS = ['$kind', 'description', 'order', 'method', 'url', 'query', 'headers', 'auth', 'body', 'settings', 'expect', 'capture', 'scripts'];

function orderRequest(spec: Json): Json {
  return compact(Object.fromEntries(REQUEST_KEYS.map((k) => [k, spec[k]])));
}

function importRequest(item: Json, owner: string, warnings: string[], used: Set<string>, defined: Set<string>, schema: (label: string, value: object) => string): Json {
  const r = isObject(item['request']) ? item['request'] : typeof item['request'] === 'string' ? { url: item['request'] } : {};
  const note = (value: unknown): void => collectVariables(value, used);
  const { url, query } = importUrl(r['url']);
  note(url);
  note(query);
  const headers: Json = {};
  for (const h of asArray(r['header'])) {
    if (h['disabled'] === true) {
      warnings.push(`${owner}: disabled header ${String(h['key'])} dropped`);
      continue;
    }
    headers[String(h['key'])] = String(h['value'] ?? '');
  }
  const body = importBody(r['body'], owner, warnings);
  if (body?.['type'] === 'json') {
    const keys = Object.keys(headers);
    const last = keys[keys.length - 1];
    if (last !== undefined && last.toLowerCase() === 'content-type' && headers[last] === 'application/json') delete headers[last];
  }
  note(headers);
  note(body?.['content']);
  const behavior = isObject(item['protocolProfileBehavior']) ? item['protocolProfileBehavior'] : {};
  const settings = compact({
    followRedirects: typeof behavior['followRedirects'] === 'boolean' ? behavior['followRedirects'] : undefined,
    disableCookies: typeof behavior['disableCookies'] === 'boolean' ? behavior['disableCookies'] : undefined,
  });
  const events = eventsOf(item['event']);
  const test = importTestScript(events.test);
  if (test.edited) warnings.push(`${owner}: its generated test script was edited; it is kept as a raw script`);
  for (const c of test.captures) defined.add(c.variable);
  const expect = expectationsAsWritten(test.expectations, schema);
  note(expect);
  return {
    description: descriptionOf(r['description']),
    method: typeof r['method'] === 'string' ? r['method'] : 'GET',
    url,
    query,
    headers: nonEmptyObject(headers),
    auth: importAuth(r['auth'], owner, warnings, used),
    body,
    settings: nonEmptyObject(settings),
    expect,
    capture: nonEmptyObject(Object.fromEntries(test.captures.map((c) => [c.variable, captureAsWritten(c)]))),
    scripts: rawScripts({ prerequest: events.prerequest, test: test.raw }),
  };
}

/**
 * `url.raw` split into the spec's `url` and `query` only when the query reads back to the same text (the compiler
 * percent-encodes query text); otherwise the whole address stays in `url`, which the compiler copies as is.
 */
function importUrl(value: unknown): { url: string; query?: Json } {
  const raw = typeof value === 'string' ? value : isObject(value) ? (typeof value['raw'] === 'string' ? value['raw'] : new sdk.Url(value as sdk.UrlDefinition).toString()) : '';
  const hash = raw.indexOf('#');
  const [head, fragment] = hash === -1 ? [raw, ''] : [raw.slice(0, hash), raw.slice(hash)];
  const q = head.indexOf('?');
  if (q === -1) return { url: raw };
  const query: Json = {};
  for (const pair of head.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq === -1) return { url: raw };
    const key = decodeQueryText(pair.slice(0, eq));
    const val = decodeQueryText(pair.slice(eq + 1));
    if (key === undefined || val === undefined || key in query || encodeQueryText(key) !== pair.slice(0, eq) || encodeQueryText(val) !== pair.slice(eq + 1)) return { url: raw };
    query[key] = val;
  }
  return { url: `${head.slice(0, q)}${fragment}`, query };
}

function decodeQueryText(text: string): string | undefined {
  try {
    return text.split(/(\{\{[^{}]+?\}\})/).map((part, i) => (i % 2 === 1 ? part : decodeURIComponent(part))).join('');
  } catch {
    return undefined;
  }
}

/** As compile-request.ts encodes query text. */
function encodeQueryText(text: string): string {
  return text
    .split(/(\{\{[^{}]+?\}\})/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[&=#+%\s"<>]|[^\u0000-\u007f]/gu, (ch) => encodeURIComponent(ch))))
    .join('');
}

function importBody(value: unknown, owner: string, warnings: string[]): Json | undefined {
  if (!isObject(value) || typeof value['mode'] !== 'string') return undefined;
  const fields = (list: unknown): Json => {
    const out: Json = {};
    for (const f of asArray(list)) {
      if (f['disabled'] === true) continue;
      const src = Array.isArray(f['src']) ? f['src'][0] : f['src'];
      out[String(f['key'])] = f['type'] === 'file' ? { src: String(src ?? '') } : String(f['value'] ?? '');
    }
    return out;
  };
  switch (value['mode']) {
    case 'urlencoded':
      return { type: 'urlencoded', content: fields(value['urlencoded']) };
    case 'formdata':
      return { type: 'formdata', content: fields(value['formdata']) };
    case 'raw': {
      const text = typeof value['raw'] === 'string' ? value['raw'] : '';
      const options = isObject(value['options']) && isObject(value['options']['raw']) ? value['options']['raw'] : {};
      const language = typeof options['language'] === 'string' ? options['language'] : 'text';
      if (language === 'json') {
        try {
          const parsed = JSON.parse(text) as unknown;
          if (JSON.stringify(parsed, null, 2) === text) return { type: 'json', content: parsed };
        } catch {
          // Not JSON (or has {{variables}} outside strings): kept as raw text.
        }
      }
      return { type: 'raw', language: ['text', 'json', 'xml', 'html', 'javascript'].includes(language) ? language : 'text', content: text };
    }
    default:
      warnings.push(`${owner}: a ${String(value['mode'])} body has no spec equivalent; dropped`);
      return undefined;
  }
}

/** A Postman auth block → spec `auth`. Literal secrets ("Use Token" leaves the token in the block) become variables. */
function importAuth(value: unknown, owner: string, warnings: string[], used: Set<string>): Json | undefined {
  if (!isObject(value) || typeof value['type'] !== 'string') return undefined;
  const type = value['type'];
  if (type === 'noauth') return { type };
  const params: Json = {};
  const list = value[type];
  if (Array.isArray(list)) for (const p of list as Json[]) params[String(p['key'])] = p['value'];
  else if (isObject(list)) Object.assign(params, list);
  const secret = (key: string, text: unknown): unknown => {
    const variable = SECRET_FIELDS[key];
    if (variable === undefined || typeof text !== 'string' || text === '' || /^\{\{[^{}]+\}\}$/.test(text)) return text;
    warnings.push(`${owner}: literal ${type} ${key} dropped; it is now {{${variable}}}`);
    return `{{${variable}}}`;
  };
  let credentials: Json;
  switch (type) {
    case 'bearer':
      credentials = { token: secret('token', String(params['token'] ?? '')) };
      break;
    case 'basic':
      credentials = { username: String(params['username'] ?? ''), password: secret('password', String(params['password'] ?? '')) };
      break;
    case 'oauth2': {
      const literalToken = typeof params['accessToken'] === 'string' && params['accessToken'] !== '' && !/^\{\{[^{}]+\}\}$/.test(params['accessToken']);
      credentials = {};
      for (const key of OAUTH2_FIELDS) {
        if (params[key] === undefined || params[key] === null) continue;
        if (key === 'tokenType' && literalToken) continue; // what "Use Token" left with the token
        credentials[key] = secret(key, params[key]);
      }
      const dropped = Object.keys(params).filter((k) => !OAUTH2_FIELDS.includes(k));
      if (dropped.length > 0) warnings.push(`${owner}: oauth2 ${dropped.join(', ')} dropped (token state or Postman-only settings)`);
      if (credentials['grant_type'] === undefined) credentials['grant_type'] = 'authorization_code';
      break;
    }
    default:
      warnings.push(`${owner}: ${type} auth has no spec equivalent; dropped (the item inherits its parent's auth)`);
      return undefined;
  }
  collectVariables(credentials, used);
  return { type, credentials };
}

function expectationsAsWritten(list: readonly M.ExpectationSpec[], schema: (label: string, value: object) => string): Json | undefined {
  const out: Json = {};
  const headers: Record<string, Json> = {};
  const body: Record<string, Json> = {};
  for (const e of list) {
    switch (e.kind) {
      case 'status':
        out['status'] = e.codes.length === 1 ? e.codes[0] : [...e.codes];
        break;
      case 'contentType':
        out['contentType'] = e.mediaType;
        break;
      case 'responseTime':
        out['responseTime'] = e.below;
        break;
      case 'header':
        (headers[e.name] ??= {})[e.check] = e.expected;
        break;
      case 'body': {
        const check = (body[e.jsonPath.text] ??= {});
        if (e.check === 'length') check['length'] = e.min === e.max ? e.min : compact({ min: e.min, max: e.max === Number.POSITIVE_INFINITY ? undefined : e.max });
        else check[e.check] = e.expected;
        break;
      }
      case 'schema':
        out['schema'] = e.label === 'inline schema' ? { inline: e.schema } : { file: schema(e.label, e.schema) };
        break;
    }
  }
  const ordered = compact({
    status: out['status'],
    contentType: out['contentType'],
    responseTime: out['responseTime'],
    headers: nonEmptyObject(headers),
    body: nonEmptyObject(body),
    schema: out['schema'],
  });
  return nonEmptyObject(ordered);
}

function captureAsWritten(c: M.CaptureSpec): Json {
  switch (c.from.kind) {
    case 'json':
    case 'expiresIn':
      return { [c.from.kind]: c.from.jsonPath.text };
    case 'header':
      return compact({ header: c.from.name, regex: c.from.regex });
    case 'variable':
      return { variable: c.from.name };
  }
}

interface Events {
  readonly prerequest: readonly string[];
  readonly test: readonly string[];
}

function eventsOf(value: unknown): Events {
  const lines = (listen: string): string[] =>
    asArray(value)
      .filter((e) => e['listen'] === listen && e['disabled'] !== true)
      .flatMap((e) => {
        const exec = isObject(e['script']) ? e['script']['exec'] : undefined;
        return Array.isArray(exec) ? exec.map(String) : typeof exec === 'string' ? exec.split('\n') : [];
      });
  return { prerequest: lines('prerequest'), test: lines('test') };
}

function rawScripts(events: Events): Json[] | undefined {
  const out: Json[] = [];
  const add = (type: string, lines: readonly string[]): void => {
    if (lines.length === 0 || lines.every((l) => l.trim() === '')) return;
    out.push({ type, code: lines.length === 1 ? lines[0] : `${lines.join('\n')}\n` });
  };
  add('beforeRequest', events.prerequest);
  add('afterResponse', events.test);
  return out.length > 0 ? out : undefined;
}

/** Postman environment JSON → spec environment; secret-typed values are dropped and marked `secret: true`. */
export function importEnvironment(value: unknown, slug: string, warnings: string[], sendTo?: ReadonlyMap<string, readonly string[]>): { slug: string; keys: string[]; content: string } {
  if (!isObject(value) || !Array.isArray(value['values'])) throw new ImportError('not a Postman environment: it needs a `values` list');
  const variables: Json = {};
  for (const v of asArray(value['values'])) {
    const key = String(v['key']);
    if (v['enabled'] === false) {
      warnings.push(`environment ${slug}: disabled variable ${key} dropped`);
      continue;
    }
    const description = descriptionOf(v['description']);
    variables[key] = v['type'] === 'secret' ? compact({ description, secret: true, sendTo: sendTo?.get(key) }) : compact({ description, value: String(v['value'] ?? '') });
  }
  const content = renderYaml(compact({ $kind: 'environment', name: String(value['name'] ?? slug), description: descriptionOf(value['description']), variables: nonEmptyObject(variables) }));
  return { slug, keys: Object.keys(variables), content };
}

/** A request or folder name as a file name; characters a file name cannot hold are replaced. */
function fileName(name: string, owner: string, warnings: string[]): string {
  const safe = name.replace(/[/\\\u0000-\u001f]/g, '-').replace(/^\.+/, '_');
  if (safe !== name) warnings.push(`${owner}: "${name}" renamed "${safe}" to be a file name`);
  return safe === '' ? '_' : safe;
}

function collectVariables(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') for (const name of variableNames(value)) into.add(name);
  else if (Array.isArray(value)) for (const v of value) collectVariables(v, into);
  else if (isObject(value)) for (const v of Object.values(value)) collectVariables(v, into);
}

function descriptionOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (isObject(value) && typeof value['content'] === 'string') return value['content'];
  return undefined;
}

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? (value.filter(isObject) as Json[]) : [];
}

function nonEmptyObject<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

function compact(object: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out;
}
