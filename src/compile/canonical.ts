import sdk from 'postman-collection';
import type { CompileContext } from './context.js';
import { stableId } from './ids.js';

/** Collection v2.1 JSON as we emit it: plain data, keys in a fixed order. */
export type CanonicalCollection = Record<string, unknown>;

type Json = Record<string, unknown>;

interface CanonicalContext {
  readonly ctx: CompileContext;
  readonly slug: string;
  readonly schemaUrl: string;
}

/**
 * Rebuilds the SDK's `toJSON()` output in the key order Postman's own exports use, keeping only fields of the
 * v2.1 format: no `_` bookkeeping key, no random script ids (each is derived from its item's path), `url.raw`
 * restored, empty `url.query`/`url.variable` and empty `event` lists left out.
 */
export function canonicalCollection(built: Json, c: CanonicalContext): CanonicalCollection {
  const info = (built['info'] ?? {}) as Json;
  const builtInfo = (built['_'] as Json | undefined) ?? {};
  return compact({
    info: compact({
      _postman_id: info['_postman_id'] ?? builtInfo['postman_id'],
      name: info['name'],
      description: descriptionOf(info['description']),
      schema: c.schemaUrl,
    }),
    item: items(built['item'], [], c),
    auth: auth(built['auth']),
    event: events(built['event'], ['collection', c.slug], c),
    variable: nonEmpty(
      asArray(built['variable']).map((v) =>
        compact({ key: v['key'], value: v['value'], type: 'string', description: descriptionOf(v['description']) }),
      ),
    ),
  });
}

function items(value: unknown, parent: readonly string[], c: CanonicalContext): Json[] {
  return asArray(value).map((item) => {
    const name = String(item['name']);
    const path = [...parent, name];
    if (Array.isArray(item['item'])) {
      return compact({
        name,
        id: stableId(c.ctx, 'folder', c.slug, ...path),
        description: descriptionOf(item['description']),
        item: items(item['item'], path, c),
        auth: auth(item['auth']),
        event: events(item['event'], ['item', c.slug, ...path], c),
      });
    }
    return compact({
      name,
      id: stableId(c.ctx, 'request', c.slug, ...path),
      event: events(item['event'], ['item', c.slug, ...path], c),
      protocolProfileBehavior: item['protocolProfileBehavior'],
      request: request((item['request'] ?? {}) as Json),
      response: [],
    });
  });
}

function request(r: Json): Json {
  return compact({
    auth: auth(r['auth']),
    method: r['method'],
    header: asArray(r['header']).map((h) =>
      compact({ key: h['key'], value: h['value'], type: 'text', disabled: h['disabled'] === true ? true : undefined }),
    ),
    body: body(r['body']),
    url: url(r['url']),
    description: descriptionOf(r['description']),
  });
}

function url(value: unknown): Json | string | undefined {
  if (value === undefined) return undefined;
  const u = value as Json;
  const query = asArray(u['query']).map((q) => compact({ key: q['key'], value: q['value'] }));
  return compact({
    raw: new sdk.Url(value as sdk.UrlDefinition).toString(),
    protocol: u['protocol'],
    host: u['host'],
    port: u['port'],
    path: u['path'],
    query: nonEmpty(query),
  });
}

function body(value: unknown): Json | undefined {
  if (value === undefined) return undefined;
  const b = value as Json;
  const mode = String(b['mode']);
  const fields = (list: unknown): Json[] =>
    asArray(list).map((f) => compact({ key: f['key'], value: f['value'], src: f['src'], type: f['type'] ?? 'text' }));
  switch (mode) {
    case 'urlencoded':
      return { mode, urlencoded: fields(b['urlencoded']) };
    case 'formdata':
      return { mode, formdata: fields(b['formdata']) };
    default:
      return compact({ mode, raw: b['raw'], options: b['options'] });
  }
}

function auth(value: unknown): Json | undefined {
  if (value === undefined || value === null) return undefined;
  const a = value as Json;
  const type = String(a['type']);
  if (type === 'noauth') return { type };
  const params = asArray(a[type]).map((p) => ({ key: p['key'], value: p['value'], type: p['type'] ?? 'string' }));
  return { type, [type]: params };
}

function events(value: unknown, owner: readonly string[], c: CanonicalContext): Json[] | undefined {
  const list = asArray(value).map((e) => {
    const script = (e['script'] ?? {}) as Json;
    const listen = String(e['listen']);
    return {
      listen,
      script: {
        id: stableId(c.ctx, 'script', ...owner, listen),
        type: 'text/javascript',
        exec: asArray<string>(script['exec'] ?? []),
      },
    };
  });
  return nonEmpty(list);
}

/** The SDK turns a description string into `{content, type}`; the v2.1 format takes the plain string. */
function descriptionOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  const content = (value as Json)['content'];
  return typeof content === 'string' ? content : undefined;
}

function asArray<T = Json>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** Drops undefined entries, keeping the order keys were written in. */
function compact(object: Record<string, unknown>): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out;
}
