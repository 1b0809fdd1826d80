// The OpenAPI documents a stand-in mocks: every collection definition under the specs that names its source
// (`openapi: { source }`, relative to the definition file). Read through the path guard: a definition and the
// document it names must lie inside the project, without a symbolic link on the way. A document that cannot be
// loaded stops `mvpm serve` and `mvpm run` with loadOpenApi's located error (exit 2) before the stand-in starts.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadOpenApi } from '../openapi/load.js';
import type { OpenApiDocument } from '../openapi/types.js';
import { lstatOrUndefined, readFileInside, resolveInside } from '../paths/path-guard.js';
import { parseValue } from '../spec/parse-value.js';

/** A collection definition is small; a bigger one is not read here (the spec loader reports it). */
const MAX_DEFINITION_BYTES = 1024 * 1024;

/** Where each document comes from: the project-relative paths of the definition and of the document. */
export interface OpenApiSourceRef {
  readonly definition: string;
  readonly document: string;
}

/** The documents the specs in `specsDir` (relative to `root`) declare, in collection order, each once. */
export function openApiSources(root: string, specsDir = 'specs'): OpenApiSourceRef[] {
  const specs = path.relative(root, path.resolve(root, specsDir)).split(path.sep).join('/');
  // Specs outside the project (or the project itself) declare nothing the stand-in may read.
  if (specs === '' || specs.startsWith('../')) return [];
  const absolute = resolveInside(root, specs);
  if (!lstatOrUndefined(absolute)?.isDirectory()) return [];
  const found: OpenApiSourceRef[] = [];
  for (const name of readdirSync(absolute).sort()) {
    const definition = `${specs}/${name}/.resources/definition.yaml`;
    let text: Buffer | undefined;
    try {
      text = readFileInside(root, definition, MAX_DEFINITION_BYTES);
    } catch {
      // Not a collection (a file, a link, something unreadable): the spec loader is the one to complain.
      continue;
    }
    if (text === undefined) continue;
    // parseValue refuses what yaml's parse would throw on (and alias bombs, as its maxAliasCount did).
    const parsed = parseValue(text.toString('utf8'));
    if (!parsed.ok) continue;
    const value = parsed.value;
    const source = (value as { openapi?: { source?: unknown } } | null)?.openapi?.source;
    if (typeof source !== 'string' || source === '') continue;
    const document = path.posix.normalize(path.posix.join(`${specs}/${name}/.resources`, source));
    if (!found.some((f) => f.document === document)) found.push({ definition, document });
  }
  return found;
}

/** Loads every document the specs declare (see {@link openApiSources}); throws the loader's located errors. */
export async function loadStandinDocuments(root: string, specsDir = 'specs'): Promise<OpenApiDocument[]> {
  const documents: OpenApiDocument[] = [];
  for (const { document } of openApiSources(root, specsDir)) {
    // The guard refuses `..` parts, links and anything outside the project, naming the path.
    const absolute = resolveInside(root, document);
    documents.push(await loadOpenApi(absolute, { root }));
  }
  return documents;
}
