// PLACEHOLDER written by helper S so `mvpm import <openapi>` runs end to end before helper C's converter is merged:
// on merge, take C's convert.ts whole (and drop generated.ts once its types come from here). Same signature as C's:
// a pure function from the OpenAPI model to spec files in memory. It writes a collection definition, a folder per
// first tag (or first path segment), and one request per operation with its success status; nothing more.
import path from 'node:path';
import type { OpenApiDocument, Operation } from '../../openapi/types.js';
import { cleanName, collisionKey } from '../../paths/path-guard.js';
import { renderYaml } from '../render-yaml.js';
import type { GeneratedImport, GeneratedRequest } from './generated.js';
import { importHash } from './import-hash.js';

export type { GeneratedImport, GeneratedRequest } from './generated.js';

export interface ConvertOptions {
  /** --out relative to the project root, with `/` (`specs`). */
  readonly outLabel: string;
  /** The variable holding the server URL. Default `baseUrl`. */
  readonly baseUrlVariable?: string;
  /** The collection's name. Default: the document's title. */
  readonly collectionName?: string;
}

export function convertOpenApi(doc: OpenApiDocument, options: ConvertOptions): GeneratedImport {
  const name = options.collectionName ?? doc.title;
  const collectionDir = slug(name);
  const files = new Map<string, string>();
  const definitionDir = path.posix.join(options.outLabel, collectionDir, '.resources');
  files.set(
    `${collectionDir}/.resources/definition.yaml`,
    renderYaml({
      $kind: 'mvpm-collection',
      name,
      ...(doc.description === undefined ? {} : { description: doc.description }),
      openapi: { source: path.posix.relative(definitionDir, doc.file) },
    }),
  );
  const folders = new Map<string, Set<string>>();
  const requests: GeneratedRequest[] = [];
  for (const operation of doc.operations) {
    const folder = cleanName(operation.tags[0] ?? operation.path.split('/').find((s) => s !== '') ?? 'root');
    const names = folders.get(folder) ?? new Set<string>();
    folders.set(folder, names);
    const requestName = uniqueName(cleanName(operation.summary ?? operation.operationId ?? operation.key), names);
    const value = requestValue(operation, names.size, options.baseUrlVariable ?? 'baseUrl');
    const hash = importHash(value);
    const withHash = { ...value, openapi: { ...value.openapi, hash } };
    const file = `${collectionDir}/${folder}/${requestName}.request.yaml`;
    files.set(file, renderYaml(withHash));
    requests.push({
      operation: operation.key,
      method: operation.method,
      path: operation.path,
      file,
      hash,
      value: withHash,
    });
  }
  return { collectionDir, files, requests, warnings: [] };
}

function requestValue(operation: Operation, order: number, baseUrl: string) {
  const success = operation.responses.find((r) => /^2/.test(r.status))?.status ?? '200';
  return {
    $kind: 'mvpm-request',
    order,
    method: operation.method,
    url: `{{${baseUrl}}}${operation.path.replace(/\{([^{}]+)\}/g, (_, p: string) => `{{${p.replace(/\W/g, '_')}}}`)}`,
    expect: { status: Number(success.replace(/X/gi, '0')) || 200 },
    openapi: { operation: operation.key },
  };
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(collisionKey(candidate)); n++) candidate = `${name} ${n}`;
  taken.add(collisionKey(candidate));
  return candidate;
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'openapi'
  );
}
