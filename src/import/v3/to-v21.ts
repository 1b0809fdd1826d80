// A Postman v3 collection tree → the Collection v2.1 object the importer already reads (import-collection.ts), so
// checks, captures, auto-refresh, secrets, raw scripts and --allow-scripts behave exactly as for an export. Every
// field is checked for the shape v3 gives it (collection_schema_v3: lists of {key, value} or, as `collection migrate`
// writes, mappings); a wrong shape is an error located in its file. Items are ordered by `order`, then by name.
// `locate` maps each item's v2.1 pointer back to its file, for errors the importer raises later.
import type { NodePath } from '../../spec/source.js';
import { COLLECTION_SCHEMA_V21 } from '../../compile/context.js';
import { type ImportError, type ImportWarning, printable, quoted } from '../import-error.js';
import { isObject, type Json, text } from '../json-util.js';
import type { V3Folder, V3Request } from './read-tree.js';
import { fileError, type YamlFile } from './yaml-file.js';

/** Where a v2.1 item came from: its file (or folder directory) inside the collection directory. */
export interface V3Origin {
  readonly part: string;
  readonly position?: { readonly line: number; readonly column: number };
}

export interface V3AsV21 {
  readonly collection: Json;
  /** v2.1 item pointer (`/item/0/item/2`) → its origin. */
  readonly origins: ReadonlyMap<string, V3Origin>;
}

/** Request `$kind`s of other protocols: reported and not imported (specs hold HTTP requests). */
const OTHER_REQUEST_KINDS = [
  'graphql-request',
  'grpc-request',
  'websocket-request',
  'socket.io-request',
  'mqtt-request',
  'mcp-request',
  'llm-request',
];

const SUBJECT = { kind: 'collection' } as const;
const FIX = 'fix the file, or open the collection in Postman and save it again';

/** The v2.1 collection of a v3 tree. Throws ImportError located in the offending file. */
export function v3ToV21(root: V3Folder, warnings: ImportWarning[]): V3AsV21 {
  const origins = new Map<string, V3Origin>();
  const definition = root.definition!;
  const d = definitionOf(definition);
  const collection: Json = {
    info: {
      name: d.name ?? root.name,
      ...(d.description === undefined ? {} : { description: d.description }),
      schema: COLLECTION_SCHEMA_V21,
    },
    item: items(root, '/item', 'collection', origins, warnings),
    ...withAuthAndScripts(definition, 'collection', warnings),
  };
  const variables = keyValues(definition, ['variables']);
  if (variables !== undefined) collection['variable'] = variables;
  return { collection, origins };
}

/** A folder's children, folders and requests together, as a v2.1 `item` list in `order`. */
function items(
  folder: V3Folder,
  pointer: string,
  where: string,
  origins: Map<string, V3Origin>,
  warnings: ImportWarning[],
): Json[] {
  type Child = { name: string; order: number | undefined; file?: YamlFile; build: (pointer: string) => Json };
  const children: Child[] = [];
  for (const sub of folder.folders) {
    const d = sub.definition === undefined ? undefined : definitionOf(sub.definition);
    const name = d?.name ?? sub.name;
    children.push({
      name,
      order: d?.order,
      ...(sub.definition === undefined ? {} : { file: sub.definition }),
      build: (p) => {
        origins.set(p, originOf(sub.definition, sub.part));
        const subWhere = `${where}/${printable(name)}`;
        return {
          name,
          ...(d?.description === undefined ? {} : { description: d.description }),
          item: items(sub, `${p}/item`, subWhere, origins, warnings),
          ...(sub.definition === undefined ? {} : withAuthAndScripts(sub.definition, subWhere, warnings)),
        };
      },
    });
  }
  for (const request of folder.requests) {
    const r = requestHead(request, where, warnings);
    if (r === undefined) continue;
    children.push({
      name: r.name,
      order: r.order,
      file: request.file,
      build: (p) => {
        origins.set(p, originOf(request.file, request.file.part));
        return requestItem(request.file, r.name, `${where}/${printable(r.name)}`, warnings);
      },
    });
  }
  checkOrders(children);
  children.sort((a, b) =>
    a.order !== undefined && b.order !== undefined
      ? a.order - b.order
      : a.order !== undefined
        ? -1
        : b.order !== undefined
          ? 1
          : a.name < b.name
            ? -1
            : a.name > b.name
              ? 1
              : 0,
  );
  return children.map((child, index) => child.build(`${pointer}/${index}`));
}

function originOf(file: YamlFile | undefined, part: string): V3Origin {
  return file === undefined ? { part } : { part: file.part, position: file.positionOf(['$kind'], 'key') };
}

/** Two items of one folder with the same `order` cannot be put in order: Postman's own files never have them. */
function checkOrders(children: readonly { name: string; order: number | undefined; file?: YamlFile }[]): void {
  const seen = new Map<number, string>();
  for (const child of children) {
    if (child.order === undefined) continue;
    const first = seen.get(child.order);
    if (first !== undefined && child.file !== undefined) {
      throw fileError(
        child.file,
        SUBJECT,
        'E_IMPORT_ORDER',
        `${quoted(child.name)} has order ${child.order}, as ${quoted(first)} in the same folder does`,
        ['order'],
        'give each item of a folder its own order (Postman spaces them by 1000), or drag one of them in Postman',
      );
    }
    seen.set(child.order, child.name);
  }
}

interface Definition {
  readonly name: string | undefined;
  readonly description: string | undefined;
  readonly order: number | undefined;
}

function definitionOf(file: YamlFile): Definition {
  const value = rootMap(file, 'a collection definition');
  const kind = value['$kind'];
  if (kind !== 'collection') {
    throw fileError(
      file,
      SUBJECT,
      'E_IMPORT_KIND',
      kind === undefined
        ? 'a definition.yaml needs `$kind: collection`'
        : `${quoted(text(kind, typeof kind))} is not a collection definition's $kind: expected \`collection\``,
      ['$kind'],
      kind === 'folder'
        ? 'this looks like an mvpm spec directory (`$kind: folder`), which is already specs: build it instead'
        : "a collection's and every folder's .resources/definition.yaml has `$kind: collection`",
    );
  }
  return {
    name: optionalString(file, value, 'name'),
    description: optionalString(file, value, 'description'),
    order: optionalOrder(file, value),
  };
}

/** The request's name and order, or undefined (with a warning) for a request of another protocol. */
function requestHead(
  request: V3Request,
  where: string,
  warnings: ImportWarning[],
): { name: string; order: number | undefined } | undefined {
  const file = request.file;
  const value = rootMap(file, 'a request');
  const kind = value['$kind'];
  if (typeof kind === 'string' && OTHER_REQUEST_KINDS.includes(kind)) {
    const { line, column } = file.positionOf(['$kind']);
    warnings.push({
      code: 'W_IMPORT_DROPPED',
      where: `${where}/${printable(request.name)}`,
      message:
        `${file.part}:${line}:${column}: a ${kind} has no spec equivalent (specs hold HTTP requests); ` +
        'not imported',
    });
    return undefined;
  }
  if (kind !== 'http-request') {
    throw fileError(
      file,
      SUBJECT,
      'E_IMPORT_KIND',
      kind === undefined
        ? 'a request file needs `$kind: http-request`'
        : `${quoted(text(kind, typeof kind))} is not a request's $kind: expected \`http-request\``,
      ['$kind'],
      'a <name>.request.yaml file holds one request with `$kind: http-request`; folders are directories',
    );
  }
  return { name: optionalString(file, value, 'name') ?? request.name, order: optionalOrder(file, value) };
}

function requestItem(file: YamlFile, name: string, where: string, warnings: ImportWarning[]): Json {
  const value = file.value as Json;
  const url = optionalString(file, value, 'url') ?? '';
  const query = keyValues(file, ['queryParams']) ?? [];
  const enabled = query.filter((q) => q['disabled'] !== true);
  // Postman keeps the URL and queryParams in step; a URL without its query gets it from queryParams.
  const raw =
    url.includes('?') || enabled.length === 0
      ? url
      : `${url}?${enabled.map((q) => `${text(q['key'])}=${text(q['value'])}`).join('&')}`;
  if (keyValues(file, ['pathVariables'])?.length)
    warnings.push({ code: 'W_IMPORT_DROPPED', where, message: 'its pathVariables have no spec equivalent; dropped' });
  const request: Json = {
    method: optionalString(file, value, 'method') ?? 'GET',
    header: keyValues(file, ['headers']) ?? [],
    url: { raw },
  };
  const body = bodyOf(file, value['body']);
  if (body !== undefined) request['body'] = body;
  const auth = authOf(file, value['auth'], ['auth'], where, warnings);
  if (auth !== undefined) request['auth'] = auth;
  const description = optionalString(file, value, 'description');
  if (description !== undefined) request['description'] = description;
  const item: Json = { name, request };
  const events = eventsOf(file, ['scripts'], where, warnings);
  if (events.length > 0) item['event'] = events;
  const settings = value['settings'];
  if (settings !== undefined) {
    if (!isObject(settings)) throw shape(file, ['settings'], '`settings` must be a mapping');
    item['protocolProfileBehavior'] = settings;
  }
  return item;
}

function withAuthAndScripts(file: YamlFile, where: string, warnings: ImportWarning[]): Json {
  const value = file.value as Json;
  const out: Json = {};
  const auth = authOf(file, value['auth'], ['auth'], where, warnings);
  if (auth !== undefined) out['auth'] = auth;
  const events = eventsOf(file, ['scripts'], where, warnings);
  if (events.length > 0) out['event'] = events;
  return out;
}

/** v3 auth (one `{type, credentials}`, or a list of them) → v2.1 `{type, [type]: [{key, value, type}]}`. */
function authOf(
  file: YamlFile,
  value: unknown,
  path: NodePath,
  where: string,
  warnings: ImportWarning[],
): Json | undefined {
  if (value === undefined || value === null) return undefined;
  let one = value;
  let at = path;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    if (value.length > 1)
      warnings.push({
        code: 'W_IMPORT_DROPPED',
        where,
        message: `it has ${value.length} auth configurations; the first is kept (specs have one)`,
      });
    one = value[0];
    at = [...path, 0];
  }
  if (!isObject(one) || typeof one['type'] !== 'string' || one['type'] === '')
    throw shape(file, at, '`auth` needs a `type` (noauth, bearer, basic, oauth2, apikey, …)');
  const type = one['type'];
  if (type === 'noauth') return { type };
  const credentials = keyValues(file, [...at, 'credentials'], true) ?? [];
  return {
    type,
    [type]: credentials.map((c) => ({
      key: c['key'],
      value: c['value'],
      type: typeof c['value'] === 'boolean' ? 'boolean' : 'string',
    })),
  };
}

/** v3 scripts → v2.1 events: beforeRequest → prerequest, afterResponse → test (`http:` prefixed or not). */
function eventsOf(file: YamlFile, path: NodePath, where: string, warnings: ImportWarning[]): Json[] {
  const list = at(file.value, path);
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw shape(file, path, '`scripts` must be a list of {type, code, language}');
  const events: Json[] = [];
  list.forEach((script, i) => {
    if (!isObject(script) || typeof script['type'] !== 'string')
      throw shape(file, [...path, i], 'a script needs a `type` (beforeRequest or afterResponse) and its `code`');
    const code = script['code'] ?? '';
    if (typeof code !== 'string') throw shape(file, [...path, i, 'code'], "a script's `code` must be a string");
    const type = script['type'].replace(/^http:/, '');
    const listen = type === 'beforeRequest' ? 'prerequest' : type === 'afterResponse' ? 'test' : undefined;
    if (listen === undefined) {
      warnings.push({
        code: 'W_IMPORT_DROPPED',
        where,
        message: `a ${quoted(script['type'])} script has no spec equivalent (specs run HTTP requests); dropped`,
      });
      return;
    }
    events.push({ listen, script: { type: 'text/javascript', exec: code.split('\n') } });
  });
  return events;
}

/** v3 body → v2.1 body: text types as `raw` with their language, form fields as lists. */
function bodyOf(file: YamlFile, value: unknown): Json | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value) || typeof value['type'] !== 'string')
    throw shape(file, ['body'], '`body` needs a `type` (json, text, urlencoded, formdata, …) and its `content`');
  const type = value['type'];
  if (type === 'none') return undefined;
  if (['json', 'text', 'xml', 'html', 'javascript'].includes(type)) {
    const content = value['content'] ?? '';
    if (typeof content !== 'string')
      throw shape(file, ['body', 'content'], `a ${type} body's \`content\` must be a string (the body's text)`);
    return { mode: 'raw', raw: content, options: { raw: { language: type } } };
  }
  if (type === 'urlencoded' || type === 'formdata') {
    const fields = keyValues(file, ['body', 'content'], type === 'formdata') ?? [];
    return { mode: type, [type]: fields };
  }
  // file, graphql, binary…: the importer reports them as having no spec equivalent.
  return { mode: type };
}

/**
 * A list of `{key, value, …}` or a mapping of key → value (as `collection migrate` writes headers) → v2.1's list
 * of `{key, value, disabled?, description?}`; `objects` lets a value be a mapping of its own (form-data files).
 */
function keyValues(file: YamlFile, path: NodePath, objects = false): Json[] | undefined {
  const value = at(file.value, path);
  if (value === undefined || value === null) return undefined;
  const scalar = (v: unknown, p: NodePath): unknown => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    throw shape(file, p, 'a value here must be text (quote it), a number or true/false');
  };
  if (isObject(value)) return Object.entries(value).map(([key, v]) => ({ key, value: scalar(v, [...path, key]) }));
  if (!Array.isArray(value)) throw shape(file, path, 'this must be a list of {key, value} or a mapping');
  return value.map((entry, i) => {
    if (!isObject(entry) || typeof entry['key'] !== 'string')
      throw shape(file, [...path, i], 'each entry needs a `key` (text) and a `value`');
    const out: Json = objects
      ? { ...entry }
      : { key: entry['key'], value: scalar(entry['value'], [...path, i, 'value']) };
    if (objects && entry['value'] !== undefined) out['value'] = scalar(entry['value'], [...path, i, 'value']);
    if (entry['disabled'] === true || entry['enabled'] === false) out['disabled'] = true;
    if (typeof entry['description'] === 'string') out['description'] = entry['description'];
    return out;
  });
}

function rootMap(file: YamlFile, what: string): Json {
  if (!isObject(file.value))
    throw shape(file, [], `the file must be a mapping (${what}), with \`$kind\` first`, 'E_IMPORT_KIND');
  return file.value;
}

function optionalString(file: YamlFile, value: Json, key: string): string | undefined {
  const v = value[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw shape(file, [key], `\`${key}\` must be text (quote it)`);
  return v;
}

function optionalOrder(file: YamlFile, value: Json): number | undefined {
  const v = value['order'];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw shape(file, ['order'], '`order` must be a number (Postman spaces them by 1000)');
  return v;
}

function at(value: unknown, path: NodePath): unknown {
  let node = value;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isObject(node) && typeof key === 'string' && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

function shape(
  file: YamlFile,
  path: NodePath,
  message: string,
  code: 'E_IMPORT_SHAPE' | 'E_IMPORT_KIND' = 'E_IMPORT_SHAPE',
): ImportError {
  return fileError(file, SUBJECT, code, message, path, FIX);
}
