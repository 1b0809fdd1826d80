// As-written spec files → the normalized model. Runs after the schema check and tolerates values the schema
// already rejected (it skips them), so that the semantic rules can still run on everything else in one pass.
import path from 'node:path';
import type * as W from './_schema-types.js';
import { diagnosticAt, type SpecDiagnostic } from './diagnostics.js';
import { parseJsonPath, type JsonPath } from './json-path.js';
import type { LoadedCollection, LoadedFolder } from './load-specs.js';
import type * as M from './model.js';
import type { NodePath, SpecSource } from './source.js';
import { variableNames } from './variables.js';
import { isMap, isScalar as isYamlScalar } from 'yaml';

/** The as-written value of each parsed file, after the schema check. */
export type ValueOf = (source: SpecSource) => unknown;

export interface NormalizeContext {
  readonly readValue: ValueOf;
  /** Referenced schema files by absolute path. */
  readonly schemaFiles: ReadonlyMap<string, SpecSource>;
  readonly cwd: string;
  readonly errors: SpecDiagnostic[];
}

export function normalizeCollection(loaded: LoadedCollection, ctx: NormalizeContext): M.CollectionSpec {
  const source = loaded.definition;
  const written = asObject(ctx.readValue(source)) as Partial<W.CollectionDefinition>;
  const variables = entries(source, ['variables'], written.variables).flatMap(([key, raw]): M.VariableSpec[] => {
    const entry = isObject(raw) ? (raw as { value?: unknown; description?: unknown }) : { value: raw };
    if (!isScalar(entry.value)) return [];
    return [
      {
        key,
        value: String(entry.value),
        ...optionalString('description', entry.description),
        origin: { source, path: ['variables', key] },
      },
    ];
  });
  const runtimeVariables = entries(source, ['runtimeVariables'], written.runtimeVariables).map(
    ([name, description]) => ({
      name,
      description: typeof description === 'string' ? description : '',
    }),
  );
  const auth = normalizeAuth(written.auth, source, ['auth']);
  const autoRefresh = normalizeAutoRefresh(written.autoRefresh);
  return {
    slug: loaded.slug,
    name: typeof written.name === 'string' ? written.name : loaded.slug,
    ...optionalString('description', written.description),
    variables,
    runtimeVariables,
    ...(auth ? { auth } : {}),
    ...(autoRefresh ? { autoRefresh } : {}),
    scripts: normalizeScripts(written.scripts),
    items: normalizeItems(loaded.root, [], ctx),
    ...targetsOf(written.targets),
    ...(written.role === 'sign-in' ? { role: written.role } : {}),
    origin: { source, path: [] },
  };
}

export function normalizeEnvironment(source: SpecSource, readValue: ValueOf): M.EnvironmentSpec {
  const written = asObject(readValue(source)) as Partial<W.EnvironmentDefinition>;
  const base = path.basename(source.file);
  const variables = entries(source, ['variables'], written.variables).map(([key, raw]): M.EnvironmentVariableSpec => {
    const entry = asObject(raw) as W.EnvironmentVariable;
    return {
      key,
      value: isScalar(entry.value) ? String(entry.value) : '',
      secret: entry.secret === true,
      valueWritten: entry.value !== undefined,
      ...(Array.isArray(entry.sendTo)
        ? { sendTo: entry.sendTo.filter((b): b is string => typeof b === 'string') }
        : {}),
      ...optionalString('description', entry.description),
      origin: { source, path: ['variables', key] },
    };
  });
  return {
    slug: base.endsWith('.environment.yaml') ? base.slice(0, -'.environment.yaml'.length) : base,
    name: typeof written.name === 'string' ? written.name : base,
    ...optionalString('description', written.description),
    variables,
    ...optionalString('target', written.target),
    standin: written.standin === true,
    servers: Array.isArray(written.servers) ? written.servers.filter((s): s is string => typeof s === 'string') : [],
    secrets: processVariables(source, 'secrets', written.secrets),
    overrides: processVariables(source, 'overrides', written.overrides),
    origin: { source, path: [] },
  };
}

function normalizeItems(folder: LoadedFolder, parentPath: readonly string[], ctx: NormalizeContext): M.ItemSpec[] {
  const items: { order: number; item: M.ItemSpec }[] = [];
  for (const child of folder.folders) {
    const written = child.definition ? (asObject(ctx.readValue(child.definition)) as Partial<W.FolderDefinition>) : {};
    const itemPath = [...parentPath, child.name];
    const auth = child.definition ? normalizeAuth(written.auth, child.definition, ['auth']) : undefined;
    items.push({
      order: orderOf(written.order),
      item: {
        kind: 'folder',
        name: child.name,
        path: itemPath,
        ...optionalString('description', written.description),
        ...(auth ? { auth } : {}),
        scripts: normalizeScripts(written.scripts),
        items: normalizeItems(child, itemPath, ctx),
        ...targetsOf(written.targets),
        ...(written.role === 'code-exchange' || written.role === 'spends-sign-in' ? { role: written.role } : {}),
        ...(child.definition ? { origin: { source: child.definition, path: [] } } : {}),
        dir: path.relative(ctx.cwd, child.dir).split(path.sep).join('/'),
      },
    });
  }
  for (const request of folder.requests) {
    const written = asObject(ctx.readValue(request.source)) as Partial<W.RequestDefinition>;
    items.push({
      order: orderOf(written.order),
      item: normalizeRequest(request.name, [...parentPath, request.name], request.source, written, ctx),
    });
  }
  // Run order: ascending `order`; unordered items last; ties broken by name so the result never depends on the disk.
  items.sort((a, b) => a.order - b.order || (a.item.name < b.item.name ? -1 : a.item.name > b.item.name ? 1 : 0));
  return items.map((entry) => entry.item);
}

function normalizeRequest(
  name: string,
  itemPath: string[],
  source: SpecSource,
  written: Partial<W.RequestDefinition>,
  ctx: NormalizeContext,
): M.RequestSpec {
  const refs: M.VariableRef[] = [];
  // `keys`: Postman resolves {{variables}} in header and query names and in body keys too.
  const collect = (value: unknown, at: NodePath, sent: boolean, keys = false): void => {
    if (typeof value === 'string') {
      for (const variable of variableNames(value)) refs.push({ name: variable, origin: { source, path: at }, sent });
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) collect(v, [...at, i], sent, keys);
    } else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (keys)
          for (const variable of variableNames(k))
            refs.push({ name: variable, origin: { source, path: [...at, k] }, at: 'key', sent });
        collect(v, [...at, k], sent, keys);
      }
    }
  };
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

  if (typeof written.url === 'string' && !URL_START.test(written.url)) {
    ctx.errors.push(
      diagnosticAt(
        { source, path: ['url'] },
        'E_BAD_URL',
        `\`${written.url}\` is not an absolute URL`,
        'start it with http:// or https://, or with a {{variable}} that holds such a base URL',
      ),
    );
  }
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
    origin: { source, path: [] },
  };
}

function normalizeExpectations(raw: unknown, source: SpecSource, ctx: NormalizeContext): M.ExpectationSpec[] {
  const expect = asObject(raw) as W.Expectations;
  const out: M.ExpectationSpec[] = [];
  const origin = (...p: (string | number)[]): M.Origin => ({ source, path: ['expect', ...p] });
  if (expect.status !== undefined) {
    const codes = (Array.isArray(expect.status) ? expect.status : [expect.status]).filter((c): c is number =>
      Number.isInteger(c),
    );
    if (codes.length > 0) out.push({ kind: 'status', codes, origin: origin('status') });
  }
  if (typeof expect.contentType === 'string')
    out.push({ kind: 'contentType', mediaType: expect.contentType, origin: origin('contentType') });
  if (typeof expect.responseTime === 'number')
    out.push({ kind: 'responseTime', below: expect.responseTime, origin: origin('responseTime') });
  for (const [name, rawCheck] of entries(source, ['expect', 'headers'], expect.headers)) {
    const check = asObject(rawCheck) as W.HeaderCheck;
    if (typeof check.exists === 'boolean')
      out.push({
        kind: 'header',
        name,
        check: 'exists',
        expected: check.exists,
        origin: origin('headers', name, 'exists'),
      });
    if (typeof check.equals === 'string')
      out.push({
        kind: 'header',
        name,
        check: 'equals',
        expected: check.equals,
        origin: origin('headers', name, 'equals'),
      });
    if (
      typeof check.matches === 'string' &&
      validRegex(check.matches, { source, path: ['expect', 'headers', name, 'matches'] }, ctx)
    ) {
      out.push({
        kind: 'header',
        name,
        check: 'matches',
        expected: check.matches,
        origin: origin('headers', name, 'matches'),
      });
    }
  }
  for (const [pathText, rawCheck] of entries(source, ['expect', 'body'], expect.body)) {
    const jsonPath = jsonPathOrReport(pathText, { source, path: ['expect', 'body', pathText] }, 'key', ctx);
    if (!jsonPath) continue;
    const check = asObject(rawCheck) as W.BodyCheck;
    const at = (key: string): M.Origin => origin('body', pathText, key);
    // Checks compile in a fixed order (presence first) whatever order they were written in.
    if (typeof check.exists === 'boolean')
      out.push({ kind: 'body', jsonPath, check: 'exists', expected: check.exists, origin: at('exists') });
    if (typeof check.type === 'string')
      out.push({ kind: 'body', jsonPath, check: 'type', expected: check.type, origin: at('type') });
    if (isLiteral(check.equals) && 'equals' in check)
      out.push({ kind: 'body', jsonPath, check: 'equals', expected: check.equals, origin: at('equals') });
    if (isLiteral(check.notEquals) && 'notEquals' in check)
      out.push({ kind: 'body', jsonPath, check: 'notEquals', expected: check.notEquals, origin: at('notEquals') });
    if (
      typeof check.matches === 'string' &&
      validRegex(check.matches, { source, path: ['expect', 'body', pathText, 'matches'] }, ctx)
    ) {
      out.push({ kind: 'body', jsonPath, check: 'matches', expected: check.matches, origin: at('matches') });
    }
    if (typeof check.length === 'number')
      out.push({ kind: 'body', jsonPath, check: 'length', min: check.length, max: check.length, origin: at('length') });
    else if (isObject(check.length)) {
      const { min = 0, max = Number.POSITIVE_INFINITY } = check.length as { min?: number; max?: number };
      if (min > max) {
        ctx.errors.push(
          diagnosticAt(
            at('length'),
            'E_VALUE',
            `\`length\` has min ${min} above max ${max}, so it can never pass`,
            'swap them, or give an exact length',
          ),
        );
      } else out.push({ kind: 'body', jsonPath, check: 'length', min, max, origin: at('length') });
    }
    if (Array.isArray(check.oneOf))
      out.push({
        kind: 'body',
        jsonPath,
        check: 'oneOf',
        expected: check.oneOf.filter(isLiteral),
        origin: at('oneOf'),
      });
  }
  const schema = asObject(expect.schema) as W.BodySchema;
  if (isObject(schema.inline))
    out.push({ kind: 'schema', schema: schema.inline, label: 'inline schema', origin: origin('schema', 'inline') });
  if (typeof schema.file === 'string') {
    const absolute = path.resolve(path.dirname(path.resolve(ctx.cwd, source.file)), schema.file);
    const schemaSource = ctx.schemaFiles.get(absolute);
    const value = schemaSource?.toJS();
    if (schemaSource && !isObject(value)) {
      ctx.errors.push(
        diagnosticAt(
          { source: schemaSource, path: [] },
          'E_BAD_JSON_SCHEMA',
          'a JSON Schema file must hold an object',
          'write the schema as a JSON or YAML object',
        ),
      );
    } else if (isObject(value)) {
      out.push({ kind: 'schema', schema: value, label: path.basename(schema.file), origin: origin('schema', 'file') });
    }
  }
  return out;
}

function normalizeCaptures(raw: unknown, source: SpecSource, ctx: NormalizeContext): M.CaptureSpec[] {
  const out: M.CaptureSpec[] = [];
  for (const [variable, rawCapture] of entries(source, ['capture'], raw)) {
    const capture = asObject(rawCapture) as W.Capture;
    const origin: M.Origin = { source, path: ['capture', variable] };
    const sources = (['json', 'header', 'expiresIn', 'variable'] as const).filter(
      (k) => typeof capture[k] === 'string',
    );
    if (sources.length !== 1) {
      ctx.errors.push(
        diagnosticAt(
          { ...origin, at: 'key' },
          'E_CAPTURE_SOURCE',
          `capture \`${variable}\` needs exactly one of \`json\`, \`header\`, \`expiresIn\`, \`variable\`; it has ${sources.length === 0 ? 'none' : sources.map((s) => `\`${s}\``).join(' and ')}`,
          'e.g. `access_token: { json: $.access_token }`',
        ),
      );
      continue;
    }
    if (capture.regex !== undefined && sources[0] !== 'header') {
      ctx.errors.push(
        diagnosticAt(
          { source, path: ['capture', variable, 'regex'], at: 'key' },
          'E_CAPTURE_SOURCE',
          '`regex` applies only to a `header` capture',
          'remove `regex`, or capture from a header',
        ),
      );
      continue;
    }
    if (typeof capture.json === 'string' || typeof capture.expiresIn === 'string') {
      const key = typeof capture.json === 'string' ? 'json' : 'expiresIn';
      const jsonPath = jsonPathOrReport(capture[key]!, { source, path: ['capture', variable, key] }, 'value', ctx);
      if (jsonPath) out.push({ variable, from: { kind: key, jsonPath }, origin });
    } else if (typeof capture.header === 'string') {
      const regexPath = ['capture', variable, 'regex'];
      if (typeof capture.regex === 'string') {
        if (!validRegex(capture.regex, { source, path: regexPath }, ctx)) continue;
        if (new RegExp(`${capture.regex}|`).exec('')!.length < 2) {
          ctx.errors.push(
            diagnosticAt(
              { source, path: regexPath },
              'E_BAD_REGEX',
              'the capture regex has no group',
              'wrap the part to keep in parentheses, e.g. "[?&]code=([^&]+)"',
            ),
          );
          continue;
        }
      }
      out.push({
        variable,
        from: {
          kind: 'header',
          name: capture.header,
          ...(typeof capture.regex === 'string' ? { regex: capture.regex } : {}),
        },
        origin,
      });
    } else if (typeof capture.variable === 'string') {
      out.push({ variable, from: { kind: 'variable', name: capture.variable }, origin });
    }
  }
  return out;
}

function normalizeAutoRefresh(raw: unknown): M.AutoRefreshSpec | undefined {
  if (!isObject(raw)) return undefined;
  const written = raw as Partial<W.AutoRefresh>;
  const names = asObject(written.variables) as NonNullable<W.AutoRefresh['variables']>;
  return {
    tokenUrl: written.tokenUrl ?? '',
    clientId: written.clientId ?? '',
    clientSecret: written.clientSecret ?? '',
    clientAuthentication: written.clientAuthentication ?? 'body',
    leewaySeconds: written.leewaySeconds ?? 60,
    variables: {
      accessToken: names.accessToken ?? 'access_token',
      refreshToken: names.refreshToken ?? 'refresh_token',
      expiresAt: names.expiresAt ?? 'access_token_expires_at',
      previousRefreshToken: names.previousRefreshToken ?? 'previous_refresh_token',
    },
  };
}

function normalizeAuth(raw: unknown, source: SpecSource, at: NodePath): M.AuthSpec | undefined {
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

function normalizeScripts(raw: unknown): M.ScriptSpec[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (s): s is M.ScriptSpec =>
      isObject(s) && (s['type'] === 'beforeRequest' || s['type'] === 'afterResponse') && typeof s['code'] === 'string',
  );
}

function jsonPathOrReport(
  text: string,
  target: M.Origin,
  at: 'key' | 'value',
  ctx: NormalizeContext,
): JsonPath | undefined {
  const parsed = parseJsonPath(text);
  if (parsed.ok) return parsed.value;
  ctx.errors.push(
    diagnosticAt(
      { ...target, at },
      'E_BAD_JSON_PATH',
      `\`${text}\` is not a supported JSON path: ${parsed.reason}`,
      "write paths like $.payload[0].id or $['token_type']",
    ),
  );
  return undefined;
}

function validRegex(pattern: string, target: M.Origin, ctx: NormalizeContext): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch (error) {
    ctx.errors.push(
      diagnosticAt(
        target,
        'E_BAD_REGEX',
        `invalid regular expression: ${(error as Error).message}`,
        'this is a JavaScript regular expression; escape ( ) [ ] . ? + * with a backslash',
      ),
    );
    return false;
  }
}

function keyValues(source: SpecSource, at: NodePath, raw: unknown): M.KeyValue[] {
  return entries(source, at, raw).flatMap(([key, value]) => (isScalar(value) ? [{ key, value: String(value) }] : []));
}

/**
 * A map's entries in the order they were written. Plain objects list integer-like keys ("1", "200") first, so
 * when there are any, the order is read from the YAML tree instead (parsed again; rare).
 */
function entries(source: SpecSource, at: NodePath, value: unknown): [string, unknown][] {
  const object = asObject(value);
  const list = Object.entries(object);
  if (!list.some(([key]) => INTEGER_KEY.test(key))) return list;
  const node = source.doc.getIn(at, true);
  if (!isMap(node)) return list;
  return node.items.flatMap((pair) => {
    const key = isYamlScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    return key in object ? [[key, object[key]] as [string, unknown]] : [];
  });
}

const INTEGER_KEY = /^(0|[1-9]\d*)$/;

/** An absolute http(s) URL, or one that starts with a variable (which must hold the base URL). */
const URL_START = /^(https?:\/\/|\{\{)/i;

/** JSON text of a body, two-space indented like JSON.stringify, keys in written order (see `entries`). */
function jsonText(source: SpecSource, at: NodePath, value: unknown): string {
  const render = (current: unknown, path: NodePath, indent: string): string => {
    const inner = `${indent}  `;
    if (Array.isArray(current)) {
      if (current.length === 0) return '[]';
      return `[\n${current.map((item, i) => `${inner}${render(item, [...path, i], inner)}`).join(',\n')}\n${indent}]`;
    }
    if (!isObject(current)) return JSON.stringify(current ?? null);
    const list = entries(source, path, current);
    if (list.length === 0) return '{}';
    return `{\n${list.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${render(v, [...path, k], inner)}`).join(',\n')}\n${indent}}`;
  };
  return render(value, at, '');
}

/** `targets` as written, when it is a list (the schema checked its items; anything else is skipped). */
function targetsOf(value: unknown): { targets?: readonly string[] } {
  return Array.isArray(value) ? { targets: value.filter((t): t is string => typeof t === 'string') } : {};
}

function processVariables(source: SpecSource, key: 'secrets' | 'overrides', value: unknown): M.ProcessVariableSpec[] {
  return Object.entries(asObject(value)).flatMap(([variable, processVariable]) =>
    typeof processVariable === 'string'
      ? [{ variable, processVariable, origin: { source, path: [key, variable] } }]
      : [],
  );
}

function orderOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}

function optionalString<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return (typeof value === 'string' ? { [key]: value } : {}) as { [P in K]?: string };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asObject(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isLiteral(value: unknown): value is M.Literal {
  return value === null || isScalar(value);
}
