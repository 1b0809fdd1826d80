// An OpenAPI document (the loader's model, src/openapi/types.ts) → the spec files of one collection, in memory. Pure:
// no file system; `mvpm import` (sync.ts) compares the result with the specs it would replace and writes it.
//
//   <collection>/.resources/definition.yaml     name, description, `openapi.source`, OAuth 2.0 auth + autoRefresh
//   <collection>/<tag>/.resources/definition.yaml, <tag>/<request>.request.yaml   a folder per tag, a request per op
//   schemas/<api>/<Name>.schema.json, <request>.response.schema.json             response schemas (shared once)
//   files/<api>/sample-upload.txt                                                  what form uploads send
//   environments/<api>.environment.yaml, <api>-standin.environment.yaml            the real target and the stand-in
//
// Every name from the document goes through the path guard (names.ts) or becomes a plain variable name
// (convert-names.ts); an operation on a path the stand-in serves itself is refused (E_OPENAPI_STANDIN_ROUTE).
import path from 'node:path';
import { ProblemList } from '../../openapi/openapi-error.js';
import type { HttpMethod, OpenApiDocument, Operation } from '../../openapi/types.js';
import { MAX_NAME_BYTES } from '../../paths/path-guard.js';
import { standinOwnRouteOf } from '../../standin/own-routes.js';
import { ImportError, type ImportWarning, printable, quoted } from '../import-error.js';
import { compact, type Json } from '../json-util.js';
import { collectionSlug, DirectoryNames, FOLDER_NAME, MAX_IMPORT_ITEMS } from '../names.js';
import { renderYaml } from '../render-yaml.js';
import { realEnvironment, type ServerVariable, standinEnvironment } from './convert-environments.js';
import { plainText, safeName, slugOf, targetOf, VariableNames, variableNameOf } from './convert-names.js';
import { convertOperation, type RequestContext } from './convert-request.js';
import { SchemaFiles } from './convert-schemas.js';
import { OAUTH_VARIABLES, planSecurity } from './convert-security.js';
import { importHash } from './import-hash.js';

export type { ImportWarning } from '../import-error.js';

export interface GeneratedImport {
  /** The collection's directory, under --out. */
  readonly collectionDir: string;
  /**
   * Path under --out (forward slashes, every part a safe name, never `..`) → file text: the collection, its
   * folders and requests, the schema files (`schemas/<api>/…`), the sample upload and the two environments.
   */
  readonly files: ReadonlyMap<string, string>;
  /** One per converted operation, in document order. */
  readonly requests: readonly GeneratedRequest[];
  readonly warnings: readonly ImportWarning[];
}

export interface GeneratedRequest {
  /** Operation.key: `operationId`, or `METHOD /path`. */
  readonly operation: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** The request file, under --out. */
  readonly file: string;
  /** importHash of `value`, also recorded in it as `openapi.hash`. */
  readonly hash: string;
  /** The request spec's parsed value: what `file` holds. */
  readonly value: unknown;
}

export interface ConvertOptions {
  /** --out relative to the project root (`specs`): where `openapi.source` is made relative from. */
  readonly outLabel: string;
  /** The variable that holds the API's base URL. Default `baseUrl`. */
  readonly baseUrlVariable?: string;
  /** The collection's name. Default: the document's `info.title`. */
  readonly collectionName?: string;
}

/** The methods a request spec can send (TRACE is not one of them). */
const SPEC_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const REQUEST_SUFFIX = '.request.yaml';
const FORM_FILE = 'sample-upload.txt';

/**
 * Throws what convertOpenApi would refuse the document for (E_IMPORT_TOO_MANY, E_OPENAPI_STANDIN_ROUTE), so a
 * re-import can refuse it before it reads anything under --out.
 */
export function checkConvertible(doc: OpenApiDocument): void {
  if (doc.operations.length > MAX_IMPORT_ITEMS)
    throw new ImportError(
      'E_IMPORT_TOO_MANY',
      `the document has ${doc.operations.length} operations; mvpm import writes at most ${MAX_IMPORT_ITEMS} requests`,
      { file: doc.file, pointer: '/paths', hint: 'split the document, or import the part you test' },
    );
  checkStandinRoutes(doc);
}

/**
 * The spec files for `doc`. Throws E_IMPORT_TOO_MANY past MAX_IMPORT_ITEMS operations and E_OPENAPI_STANDIN_ROUTE
 * (every such operation at once); nothing else.
 */
export function convertOpenApi(doc: OpenApiDocument, options: ConvertOptions): GeneratedImport {
  checkConvertible(doc);
  const warnings: ImportWarning[] = [];
  const { name, apiSlug, collection } = namesOf(doc, options);
  const baseUrlVariable = baseUrlVariableOf(options);
  const names = new VariableNames([...OAUTH_VARIABLES, baseUrlVariable]);
  const security = planSecurity(doc, name, names, warnings);
  const servers = serverVariables(doc, baseUrlVariable, names, warnings);
  const schemas = new SchemaFiles(doc.schemas, `schemas/${apiSlug}`, warnings);
  const context: RequestContext = {
    doc,
    security,
    schemas,
    names,
    pathVariables: new Map(),
    serverVariable: servers.variableOf,
    formFile: `${apiSlug}/${FORM_FILE}`,
    usedFile: false,
    warnings,
  };

  const folderNames = new DirectoryNames();
  const folders = new Map<string, { dir: string; names: DirectoryNames; count: number }>();
  const requests: GeneratedRequest[] = [];
  const requestFiles: [string, string][] = [];
  for (const op of doc.operations) {
    if (!SPEC_METHODS.has(op.method)) {
      warnings.push({
        code: 'W_IMPORT_DROPPED',
        where: `operation ${quoted(op.key)}`,
        message: `${op.method} is not a method a request spec can send; the operation is left out`,
      });
      continue;
    }
    const folderWanted = op.tags[0] ?? firstSegment(op.path);
    let folder = folders.get(folderWanted);
    if (folder === undefined) {
      const taken = folderNames.take(folderWanted, 'default', { adjust: FOLDER_NAME });
      if (taken.why)
        warnings.push({
          code: 'W_IMPORT_RENAMED',
          where: `folder ${quoted(folderWanted)}`,
          message: `written as ${quoted(taken.name)}: ${taken.why}`,
        });
      folder = { dir: `${collection}/${taken.name}`, names: new DirectoryNames(), count: 0 };
      folders.set(folderWanted, folder);
    }
    const [wanted, fromText] = requestNameOf(op);
    const taken = folder.names.take(wanted, 'request', { maxBytes: MAX_NAME_BYTES - REQUEST_SUFFIX.length });
    if (taken.why && fromText)
      warnings.push({
        code: 'W_IMPORT_RENAMED',
        where: `operation ${quoted(op.key)}`,
        message: `request ${quoted(wanted)} written as ${quoted(taken.name)}: ${taken.why}`,
      });
    folder.count += 1;
    const slug = slugOf(taken.name, slugOf(`${op.method} ${op.path}`, 'request'));
    const value = convertOperation(op, folder.count, slug, '../../', context);
    const hash = importHash(value);
    (value['openapi'] as Json)['hash'] = hash;
    const file = `${folder.dir}/${taken.name}${REQUEST_SUFFIX}`;
    requests.push({ operation: op.key, method: op.method, path: op.path, file, hash, value });
    requestFiles.push([file, renderYaml(value)]);
  }

  const files = new Map<string, string>();
  const source = path.posix.relative(path.posix.join(cleanLabel(options.outLabel), collection, '.resources'), doc.file);
  files.set(
    `${collection}/.resources/definition.yaml`,
    renderYaml(
      compact({
        $kind: 'mvpm-collection',
        name,
        description: collectionDescription(doc),
        // Recorded when not the default, so a later import or --check of the document uses it without the option.
        openapi: compact({
          source,
          baseUrlVariable: baseUrlVariable === DEFAULT_BASE_URL_VARIABLE ? undefined : baseUrlVariable,
        }),
        autoRefresh: security.oauth?.autoRefresh,
        auth: security.oauth?.auth,
      }),
    ),
  );
  let order = 0;
  const folderOf = new Map([...folders.values()].map((f) => [f.dir, f]));
  for (const [file, text] of requestFiles) {
    const dir = file.slice(0, file.lastIndexOf('/'));
    const folder = folderOf.get(dir);
    if (folder !== undefined) {
      folderOf.delete(dir);
      files.set(`${dir}/.resources/definition.yaml`, renderYaml({ $kind: 'mvpm-folder', order: ++order }));
    }
    files.set(file, text);
  }
  for (const [file, text] of schemas.files()) files.set(file, text);
  if (context.usedFile)
    files.set(
      `files/${context.formFile}`,
      `A sample file that mvpm import wrote for the form fields of ${name} that upload a file.\n`,
    );
  const environment = {
    title: name,
    target: targetOf(name),
    servers: servers.list,
    security,
    pathVariables: context.pathVariables,
  };
  files.set(`environments/${apiSlug}.environment.yaml`, renderYaml(realEnvironment(environment)));
  files.set(`environments/${apiSlug}-standin.environment.yaml`, renderYaml(standinEnvironment(environment)));
  return { collectionDir: collection, files, requests, warnings };
}

/** The variable a request URL starts with when no option names one (and what no `openapi.baseUrlVariable` means). */
export const DEFAULT_BASE_URL_VARIABLE = 'baseUrl';

/** The base URL variable requests use: the option as a plain variable name (what `openapi.baseUrlVariable` records). */
export function baseUrlVariableOf(options: Pick<ConvertOptions, 'baseUrlVariable'>): string {
  return variableNameOf(options.baseUrlVariable ?? DEFAULT_BASE_URL_VARIABLE, DEFAULT_BASE_URL_VARIABLE);
}

/** The collection directory under --out that `doc` generates: known before converting (re-import reads it first). */
export function collectionDirOf(doc: OpenApiDocument, options: Pick<ConvertOptions, 'collectionName'>): string {
  return namesOf(doc, options).collection;
}

function namesOf(
  doc: OpenApiDocument,
  options: Pick<ConvertOptions, 'collectionName'>,
): { name: string; apiSlug: string; collection: string } {
  const name = safeName(options.collectionName ?? doc.title).trim() || 'Imported API';
  const apiSlug = slugOf(name, 'api');
  return { name, apiSlug, collection: collectionSlug(apiSlug).name };
}

/** The request's name: `summary`, else `operationId`, else `METHOD /path`; and whether it is the document's text. */
function requestNameOf(op: Operation): [string, boolean] {
  const summary = op.summary?.trim();
  if (summary) return [summary, true];
  if (op.operationId?.trim()) return [op.operationId.trim(), true];
  return [`${op.method} ${op.path}`, false];
}

/** `/users/{id}` → `users`; `/` → `default`. */
function firstSegment(path: string): string {
  return path.split('/').find((segment) => segment !== '') ?? 'default';
}

function cleanLabel(label: string): string {
  const clean = label
    .replace(/\\/g, '/')
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  return clean === '' ? '.' : clean;
}

function collectionDescription(doc: OpenApiDocument): string {
  const own = doc.description === undefined ? '' : plainText(doc.description);
  const origin =
    `Imported by \`mvpm import\` from ${doc.file} (OpenAPI ${doc.version}, API version ` +
    `${printable(doc.apiVersion)}). Each request records the operation it covers and a hash of what was ` +
    'generated: import the document again to bring new operations in; requests you edited are kept.';
  return own === '' ? origin : `${own}\n\n${origin}`;
}

/**
 * The base URL variables: the document's first server is `baseUrlVariable`; an operation with servers of its own
 * gets one more variable per other URL. A server URL that is not an absolute http(s) URL is left empty, to be set
 * (it is a warning).
 */
function serverVariables(
  doc: OpenApiDocument,
  baseUrlVariable: string,
  names: VariableNames,
  warnings: ImportWarning[],
): { list: ServerVariable[]; variableOf: (op: Operation) => string } {
  const list: ServerVariable[] = [];
  const byUrl = new Map<string, string>();
  const add = (url: string, variable: string, description: string): string => {
    const base = baseUrlOf(url);
    if (base === undefined)
      warnings.push({
        code: 'W_IMPORT_DROPPED',
        where: 'servers',
        message:
          `server ${quoted(url)} is not an absolute http(s) URL: set \`${variable}\` in the environment ` +
          '(its `overrides` names the MV_ variable that sets it)',
      });
    list.push({ variable, url: base ?? '', description });
    byUrl.set(url, variable);
    return variable;
  };
  const first = doc.servers[0];
  add(first?.url ?? '', baseUrlVariable, serverDescription(first?.description, first?.template, first?.url));
  const variableOf = (op: Operation): string => {
    const own = op.servers?.[0];
    if (own === undefined) return baseUrlVariable;
    const known = byUrl.get(own.url);
    if (known !== undefined) return known;
    const variable = names.take(`${baseUrlVariable}_${list.length + 1}`, baseUrlVariable, `server ${own.url}`);
    return add(own.url, variable, serverDescription(own.description, own.template, own.url));
  };
  for (const op of doc.operations) variableOf(op);
  return { list, variableOf };
}

function serverDescription(description?: string, template?: string, url?: string): string {
  const written = description === undefined ? '' : plainText(description);
  const own = written === '' ? "The API's base URL." : /[.!?]$/.test(written) ? written : `${written}.`;
  return template !== undefined && template !== url
    ? `${own} From the template ${printable(template, 200)}, with each variable at its default.`
    : own;
}

/** An absolute http(s) URL without a trailing slash, query or fragment, or undefined. */
function baseUrlOf(url: string): string | undefined {
  if (/[\s@?#\\]|\{\{/.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') return undefined;
    return parsed.href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/** E_OPENAPI_STANDIN_ROUTE for every operation on a path the stand-in serves itself, each at its place. */
function checkStandinRoutes(doc: OpenApiDocument): void {
  const problems = new ProblemList();
  for (const op of doc.operations) {
    const route = standinOwnRouteOf(op.path);
    if (route === undefined) continue;
    problems.add({
      code: 'E_OPENAPI_STANDIN_ROUTE',
      message:
        `${op.method} ${printable(op.path)} is under ${route.root}/, where the stand-in serves ${route.serves}; ` +
        'it could not be mocked, and requests to it would go to the sign-in server',
      hint: 'leave the operation out of the document you import (or describe it under another path)',
      location: doc.locate(op.pointer) ?? { file: doc.file, line: 1, column: 1, pointer: op.pointer },
    });
  }
  problems.throwIfAny();
}
