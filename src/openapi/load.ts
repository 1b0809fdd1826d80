// loadOpenApi: an OpenAPI 3.0 / 3.1 or Swagger 2.0 document, in YAML or JSON, spread over one file or several, to
// the model every other part of mvpm reads (types.ts). Read → parse with positions → find the version → follow and
// check every `$ref` (remote ones are reported, never fetched) → validate against the official schema → semantic
// checks → normalise. Every problem found in a step is reported together, located (file, line, column, pointer);
// nothing past a step that found problems runs.
import path from 'node:path';
import { ImportError } from '../import/import-error.js';
import { MAX_IMPORT_BYTES, readImportBytes } from '../import/read-input.js';
import { checkOperations } from './check-operations.js';
import { checkOfficialSchema } from './official-schema.js';
import { openApiWarning, OpenApiError, pointerOf, ProblemList, segmentsOf } from './openapi-error.js';
import { operationsOf } from './operations.js';
import { parseOpenApiFile, type OpenApiFile } from './read-document.js';
import { DocumentFiles, isObject, type Place } from './refs.js';
import { SchemaRegistry } from './schemas.js';
import { securityOf, securitySchemeOf, serversOf, swaggerServers } from './servers-security.js';
import { findVersion } from './version.js';
import type { OpenApiDocument, OpenApiWarning, SecurityScheme, SourceLocation } from './types.js';

export interface LoadOpenApiOptions {
  /**
   * The project root (absolute). Files a `$ref` names must be inside it (by their real path, no symbolic link on
   * the way); SourceLocation.file is relative to it.
   */
  readonly root: string;
  /** At most this many files, the root document included. Default MAX_OPENAPI_FILES. */
  readonly maxFiles?: number;
  /** At most this many bytes in all the document's files together. Default MAX_IMPORT_BYTES (32 MiB). */
  readonly maxBytes?: number;
}

/** How many files one document may be spread over. */
export const MAX_OPENAPI_FILES = 100;

/** How many warnings are kept; the last says how many more there were. */
const MAX_WARNINGS = 100;

/**
 * The OpenAPI document in `file` (absolute, or relative to `options.root`). Throws OpenApiError (every problem,
 * located) for a document that cannot be read, parsed, resolved or validated; never reads outside the root except
 * the document itself, never fetches anything.
 */
export async function loadOpenApi(file: string, options: LoadOpenApiOptions): Promise<OpenApiDocument> {
  const root = path.resolve(options.root);
  const absolute = path.resolve(root, file);
  const shown = path.relative(root, absolute).split(path.sep).join('/');
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const problems = new ProblemList();

  let bytes: Buffer;
  try {
    bytes = readImportBytes(absolute, { maxBytes });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    throw new OpenApiError([
      {
        code: 'E_OPENAPI_READ',
        message: error.message.replace('mvpm import reads', 'mvpm reads'),
        location: { file: shown, line: 1, column: 1, pointer: '' },
        ...(error.hint === undefined || /export|Postman/.test(error.hint) ? {} : { hint: error.hint }),
      },
    ]);
  }
  const rootFile = parseOpenApiFile(bytes, shown, problems);
  problems.throwIfAny();
  const version = findVersion(rootFile!, problems);
  problems.throwIfAny();

  const files = new DocumentFiles(
    rootFile!,
    { root, maxFiles: options.maxFiles ?? MAX_OPENAPI_FILES, maxBytes },
    problems,
    bytes.length,
  );
  const { remote } = files.scan();
  for (const ref of remote) {
    const { url, ...location } = ref;
    const shown = JSON.stringify(shorten(withoutCredentials(url)));
    problems.add({
      code: 'E_OPENAPI_REMOTE_REF',
      message: `this \`$ref\` names a URL (${shown}); mvpm never fetches one`,
      location,
      hint: 'download the file into the project and point the `$ref` at it (a relative path)',
    });
  }
  problems.throwIfAny();

  const warnings: OpenApiWarning[] = [];
  let dropped = 0;
  const warn = (warning: OpenApiWarning): void => {
    if (warnings.length < MAX_WARNINGS) warnings.push(warning);
    else dropped++;
  };
  const flagged = checkOperations(files, version!, problems);
  await checkOfficialSchema(files, version!, problems, warn, flagged);
  problems.throwIfAny();

  const pointer = (place: Place): string =>
    place.file === rootFile!.file ? pointerOf(place.segments) : `${place.file}#${pointerOf(place.segments)}`;
  const schemas = new SchemaRegistry(files, version!, (at, keyword) =>
    warn(
      openApiWarning(
        'W_OPENAPI_IGNORED',
        `the schema keyword \`${keyword}\` has no JSON Schema draft-07 equivalent and is dropped`,
        files.locate(at),
      ),
    ),
  );
  const operations = operationsOf({
    files,
    schemas,
    version: version!,
    pointer,
    ignored: (at, what) => warn(openApiWarning('W_OPENAPI_IGNORED', `${what} is not used`, files.locate(at))),
  });
  const doc = rootFile!.value as Record<string, unknown>;
  const securitySchemes = new Map<string, SecurityScheme>();
  const schemeHolder = version === '2.0' ? ['securityDefinitions'] : ['components', 'securitySchemes'];
  const schemeMap = schemeHolder.reduce<unknown>((node, k) => (isObject(node) ? node[k] : undefined), doc);
  if (isObject(schemeMap))
    for (const [name, raw] of Object.entries(schemeMap)) {
      const place: Place = { file: rootFile!.file, segments: [...schemeHolder, name] };
      const resolved =
        typeof (raw as { $ref?: unknown })?.$ref === 'string'
          ? files.follow(place, (raw as { $ref: string }).$ref)
          : { value: raw };
      const scheme = securitySchemeOf(resolved?.value, version!);
      if (scheme) securitySchemes.set(name, scheme);
    }
  schemas.drain();
  for (const cycle of schemas.referenceCycles())
    problems.add({
      code: 'E_OPENAPI_REF',
      message:
        `the schema ${JSON.stringify(cycle.name)} is only a \`$ref\` in a loop of \`$ref\`s that never reaches ` +
        'a schema',
      location: files.locate(cycle.place),
      hint: 'make one schema of the loop a schema of its own (with `type` or `properties`)',
    });
  problems.throwIfAny();
  if (dropped > 0)
    warnings.push(openApiWarning('W_OPENAPI_IGNORED', `${dropped} more warnings like these were left out`));

  const info = isObject(doc.info) ? doc.info : {};
  return {
    file: shown,
    version: version!,
    title: typeof info.title === 'string' ? info.title : '',
    apiVersion: typeof info.version === 'string' ? info.version : String(info.version ?? ''),
    ...(typeof info.description === 'string' ? { description: info.description } : {}),
    servers: version === '2.0' ? swaggerServers(doc) : serversOf(doc.servers),
    securitySchemes,
    security: securityOf(doc.security) ?? [],
    operations,
    schemas: schemas.schemas,
    locate: (where: string) => locateIn(files.files, rootFile!, where),
    warnings,
  };
}

/** `pointer` (root file) or `file#pointer` (another file) → its location; undefined when unknown. */
function locateIn(
  files: ReadonlyMap<string, OpenApiFile>,
  root: OpenApiFile,
  where: string,
): SourceLocation | undefined {
  // A root pointer is `` or starts with `/` (and may hold a `#` in a key); anything else is `file#pointer`.
  const inRoot = where === '' || where.startsWith('/');
  const hash = where.indexOf('#');
  const file = inRoot ? root : files.get(where.slice(0, hash));
  const segments = segmentsOf(inRoot ? where : where.slice(hash + 1));
  if (!file || segments === undefined || (!inRoot && hash < 0)) return undefined;
  return file.locate(segments);
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** A URL as a message may show it: a user and password, and a query (which could hold a token), left out. */
function withoutCredentials(url: string): string {
  return url.replace(/^((?:[a-z][a-z0-9+.-]*:)?\/\/)[^/?#@]*@/i, '$1…@').replace(/\?[^#]*/, '?…');
}
