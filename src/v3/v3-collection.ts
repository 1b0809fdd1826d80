// The Postman v12 "v3" form of a compiled collection: one YAML document per collection, folder and request, laid
// out as Postman v12 opens it from a repository (Local View, Native Git). It is made from the very Collection v2.1
// object `mvpm build` writes, so the scripts are the same scripts (checks, captures and auto-refresh run as code;
// nothing relies on v3 keys Postman ignores) and every id is the v2.1 id. Only the auth ids are new, derived from the
// owner's path where `postman collection migrate` draws random ones.
import type { PostmanCollection } from '../compile/compile-collection.js';
import type {
  Auth,
  Event,
  Folder,
  FormParameter,
  Header,
  Item,
  QueryParam,
  Request1,
  Variable,
} from '../compile/_collection-types.js';
import type { CompileContext } from '../compile/context.js';
import { stableId } from '../compile/ids.js';
import { cleanName, collisionKey, MAX_NAME_BYTES } from '../paths/path-guard.js';

/** One v3 file: its path below the `postman/` directory (forward slashes) and the document it holds. */
export interface V3File {
  readonly relative: string;
  readonly document: V3Document;
}

/** A v3 document, keys in the order they are written. */
export type V3Document = Readonly<Record<string, unknown>>;

export const V3_COLLECTIONS_DIR = 'collections';
export const V3_ENVIRONMENTS_DIR = 'environments';
export const V3_RESOURCES_DIR = '.resources';
export const V3_DEFINITION_FILE = 'definition.yaml';
export const V3_REQUEST_SUFFIX = '.request.yaml';
export const V3_ENVIRONMENT_SUFFIX = '.environment.yaml';
/** Sibling `order`s are 1000 apart, as Postman spaces them, so an item moved in Postman fits between two. */
export const V3_ORDER_STEP = 1000;
const LANGUAGE = 'text/javascript';

interface Scope {
  readonly ctx: CompileContext;
  readonly slug: string;
}

/**
 * The v3 files of a compiled collection, under `collections/<dir>/`, one at a time in a fixed order: each
 * directory's definition, then its items in run order. Made as they are asked for, so a build renders and drops each
 * document before making the next (10,000 of them at once held ~20 MiB). `dir` is the collection's spec directory
 * name (its slug); every name below it is an item name made safe by the path guard's cleanName, so a name Postman
 * or a file system would refuse gets a safe file name and keeps its real name in `name:`.
 */
export function* v3CollectionFiles(
  collection: PostmanCollection,
  dir: string,
  ctx: CompileContext,
): Generator<V3File, void, undefined> {
  const scope: Scope = { ctx, slug: dir };
  const base = `${V3_COLLECTIONS_DIR}/${cleanName(dir)}`;
  const { info } = collection;
  yield {
    relative: `${base}/${V3_RESOURCES_DIR}/${V3_DEFINITION_FILE}`,
    document: {
      $kind: 'collection',
      id: info._postman_id,
      name: info.name,
      ...describe(info.description),
      ...variables(collection.variable),
      ...auth(collection.auth, [], scope, true),
      ...scripts(collection.event, 'http:'),
    },
  };
  yield* items(collection.item, base, [], scope);
}

function* items(
  list: readonly (Item | Folder)[],
  dir: string,
  path: readonly string[],
  scope: Scope,
): Generator<V3File, void, undefined> {
  const names = new DirectoryNames();
  for (const [index, item] of list.entries()) {
    const order = { order: (index + 1) * V3_ORDER_STEP };
    const name = item.name ?? '';
    const itemPath = [...path, name];
    if (isFolder(item)) {
      const folderDir = `${dir}/${names.take(name, FOLDER_BYTES, folderName)}`;
      yield {
        relative: `${folderDir}/${V3_RESOURCES_DIR}/${V3_DEFINITION_FILE}`,
        document: {
          $kind: 'collection',
          id: item.id,
          ...named(name, folderDir),
          ...describe(item.description),
          ...auth(item.auth, itemPath, scope, true),
          ...scripts(item.event, 'http:'),
          ...order,
        },
      };
      yield* items(item.item, folderDir, itemPath, scope);
      continue;
    }
    const stem = names.take(name, MAX_NAME_BYTES - V3_REQUEST_SUFFIX.length, (n) => n);
    yield {
      relative: `${dir}/${stem}${V3_REQUEST_SUFFIX}`,
      document: {
        $kind: 'http-request',
        id: item.id,
        ...(stem === name ? {} : { name }),
        ...request(item, scope),
        ...order,
      },
    };
  }
}

/** A request's keys after its name: description, url, method, headers, queryParams, body, auth, settings, scripts. */
function request(item: Item, scope: Scope): Record<string, unknown> {
  const req = item.request as Request1;
  const url = typeof req.url === 'string' ? { raw: req.url } : (req.url ?? { raw: '' });
  const behavior = item.protocolProfileBehavior ?? {};
  return {
    ...describe(req.description),
    url: withoutQuery(url.raw ?? ''),
    method: req.method ?? 'GET',
    ...pairs('headers', (req.header as Header[] | undefined) ?? []),
    ...pairs('queryParams', (url.query as QueryParam[] | undefined) ?? []),
    ...body(req.body),
    ...auth(req.auth ?? undefined, [], scope, false),
    ...(Object.keys(behavior).length > 0 ? { settings: { ...behavior } } : {}),
    ...scripts(item.event, ''),
  };
}

function isFolder(item: Item | Folder): item is Folder {
  return Array.isArray((item as Folder).item);
}

/** `name:` only where the directory or file name is not the item's name (Postman's rule). */
function named(name: string, dir: string): Record<string, string> {
  return dir.slice(dir.lastIndexOf('/') + 1) === name ? {} : { name };
}

function describe(description: unknown): Record<string, string> {
  return typeof description === 'string' ? { description } : {};
}

function variables(list: readonly Variable[] | undefined): Record<string, unknown> {
  if (!list || list.length === 0) return {};
  return {
    variables: list.map((v) => ({
      key: v.key ?? '',
      value: String(v.value ?? ''),
      ...(typeof v.description === 'string' ? { description: v.description } : {}),
    })),
  };
}

/** `{key, value}` lists (headers, query parameters, url-encoded fields); `disabled` only where set. */
function pairs(key: string, list: readonly (Header | QueryParam)[]): Record<string, unknown> {
  if (list.length === 0) return {};
  return {
    [key]: list.map((p) => ({
      key: p.key ?? '',
      value: p.value ?? '',
      ...(p.disabled === true ? { disabled: true } : {}),
    })),
  };
}

/** v3 bodies: raw text under its language's type (JSON as a string, as Postman keeps it), form fields as lists. */
function body(value: Request1['body']): Record<string, unknown> {
  if (!value) return {};
  switch (value.mode) {
    case 'urlencoded':
      return { body: { type: 'urlencoded', ...pairs('content', value.urlencoded ?? []) } };
    case 'formdata':
      return {
        body: {
          type: 'formdata',
          content: (value.formdata ?? []).map((f: FormParameter) =>
            f.type === 'file'
              ? { key: f.key, type: 'file', src: f.src ?? '' }
              : { key: f.key, type: 'text', value: f.value ?? '' },
          ),
        },
      };
    default: {
      const language = (value.options as { raw?: { language?: string } } | undefined)?.raw?.language ?? 'text';
      return { body: { type: language, content: value.raw ?? '' } };
    }
  }
}

/**
 * v3 auth: on a collection or folder a list of one named entry with an id (derived from the owner's path), on a
 * request the entry alone; credentials as a map, in the compiled order. Absent: inherited, as in v2.1.
 */
function auth(
  value: Auth | null | undefined,
  path: readonly string[],
  scope: Scope,
  named: boolean,
): Record<string, unknown> {
  if (!value) return {};
  const type = value.type;
  const params = (value as unknown as Record<string, { key: string; value: unknown }[] | undefined>)[type] ?? [];
  const credentials = Object.fromEntries(params.map((p) => [p.key, p.value]));
  const entry = params.length > 0 ? { type, credentials } : { type };
  if (!named) return { auth: entry };
  const id = stableId(scope.ctx, 'auth', scope.slug, ...path);
  return { auth: [{ id, type, name: `${type} auth`, ...(params.length > 0 ? { credentials } : {}) }] };
}

/** v3 scripts: `beforeRequest` from v2.1 `prerequest`, `afterResponse` from `test`; `http:`-prefixed above requests. */
function scripts(events: readonly Event[] | undefined, prefix: '' | 'http:'): Record<string, unknown> {
  const list = (events ?? []).flatMap((e) => {
    const exec = e.script?.exec;
    const code = Array.isArray(exec) ? exec.join('\n') : (exec ?? '');
    const type = e.listen === 'prerequest' ? 'beforeRequest' : e.listen === 'test' ? 'afterResponse' : undefined;
    return type ? [{ type: `${prefix}${type}`, code, language: LANGUAGE }] : [];
  });
  return list.length > 0 ? { scripts: list } : {};
}

/** `{{variables}}` never split a URL: their characters are masked while looking for `?` and `#`. */
const VARIABLE = /\{\{[^{}]*\}\}/g;

/** The URL without its query (v3 keeps the query in `queryParams`), the `#fragment` kept. */
function withoutQuery(raw: string): string {
  const masked = raw.replace(VARIABLE, (v) => '_'.repeat(v.length));
  const hash = masked.indexOf('#');
  const end = hash === -1 ? raw.length : hash;
  const query = masked.slice(0, end).indexOf('?');
  return query === -1 ? raw : raw.slice(0, query) + raw.slice(end);
}

/** A folder's directory must not read as a request file or a resources directory. */
function folderName(name: string): string {
  return /(\.request\.ya?ml|\.resources)$/i.test(name) ? `${name}_` : name;
}

const FOLDER_BYTES = MAX_NAME_BYTES - 1;

/**
 * The names taken in one directory, compared as a case-insensitive file system compares them: a clean name from
 * the path guard, then ` (2)`, ` (3)`… when an earlier sibling took it.
 */
class DirectoryNames {
  private readonly taken = new Set<string>();

  take(wanted: string, maxBytes: number, adjust: (name: string) => string): string {
    const clean = adjust(cleanName(cut(wanted, maxBytes)));
    let name = clean;
    for (let n = 2; this.taken.has(collisionKey(name)); n++) name = `${cut(clean, maxBytes - 8)} (${n})`;
    this.taken.add(collisionKey(name));
    return name;
  }
}

/** At most `bytes` UTF-8 bytes, cut on a character boundary (cleanName then drops a trailing dot or space). */
function cut(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char) > bytes) break;
    out += char;
  }
  return cleanName(out);
}
