// Response schemas → JSON Schema files under `schemas/<api>/`. A shared schema of the document (doc.schemas) is one
// file, `<Name>.schema.json`, however many responses use it; a response's own (inline) schema is
// `<request>.response.schema.json`. Every `#/definitions/<name>` reference becomes a reference to the shared file
// beside it (`Asset.schema.json`), which the spec loader bundles; a circular schema stays a reference, so every
// file is finite. File names are made once per document, in its order, so they do not depend on which operation
// needed a schema first.
import { DirectoryNames, cutToBytes } from '../names.js';
import { MAX_NAME_BYTES } from '../../paths/path-guard.js';
import type { JsonSchema } from '../../openapi/types.js';
import type { ImportWarning } from '../import-error.js';
import { isUnsafeName } from './convert-names.js';
import { setKey, type Json } from '../json-util.js';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const SHARED_SUFFIX = '.schema.json';
const RESPONSE_SUFFIX = '.response.schema.json';
/** Keywords whose values are data, not schemas: a `$ref` key in there is not a reference. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example']);

/** `Asset` from `#/definitions/Asset` (a JSON pointer token in a URI fragment), or undefined for other refs. */
export function definitionName(ref: string): string | undefined {
  if (!ref.startsWith('#/definitions/')) return undefined;
  const token = ref.slice('#/definitions/'.length);
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // A lone `%` is the name's own character.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A file name from a schema's name: characters safe in a relative URI reference, so a `$ref` reads as written. */
function uriSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** `Asset.schema.json` → `Asset-2.schema.json`: the number goes before the suffix. */
function numberedBefore(suffix: string) {
  return (name: string, n: number, maxBytes: number): string => {
    const stem = name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
    return `${cutToBytes(stem, maxBytes - Buffer.byteLength(`-${n}${suffix}`))}-${n}${suffix}`;
  };
}

export class SchemaFiles {
  readonly #names = new DirectoryNames();
  readonly #sharedFile = new Map<string, string>();
  readonly #written = new Map<string, string>();
  readonly #pending: string[] = [];

  constructor(
    private readonly definitions: ReadonlyMap<string, JsonSchema>,
    /** `schemas/<api>`: the directory under --out. */
    readonly directory: string,
    private readonly warnings: ImportWarning[],
  ) {
    for (const name of definitions.keys()) {
      const wanted = `${cutToBytes(uriSafe(name), MAX_NAME_BYTES - 20)}${SHARED_SUFFIX}`;
      const taken = this.#names.take(wanted, `schema${SHARED_SUFFIX}`, { suffix: numberedBefore(SHARED_SUFFIX) });
      this.#sharedFile.set(name, taken.name);
    }
  }

  /**
   * The file (path under --out) that checks a response against `schema`: the shared file when the schema is just a
   * reference to a shared schema, else a new file named after the request.
   */
  responseFile(schema: JsonSchema, requestSlug: string): string {
    const only = typeof schema === 'object' && Object.keys(schema).length === 1 ? schema['$ref'] : undefined;
    const shared = typeof only === 'string' ? definitionName(only) : undefined;
    if (shared !== undefined && this.#sharedFile.has(shared)) return `${this.directory}/${this.#need(shared)}`;
    const name = this.#names.take(`${requestSlug}${RESPONSE_SUFFIX}`, `response${RESPONSE_SUFFIX}`, {
      suffix: numberedBefore(RESPONSE_SUFFIX),
    }).name;
    this.#written.set(name, this.#render(schema, name));
    return `${this.directory}/${name}`;
  }

  /** Every file to write (path under --out → text), in the order first needed. */
  files(): Map<string, string> {
    while (this.#pending.length > 0) {
      const name = this.#pending.shift()!;
      const file = this.#sharedFile.get(name)!;
      this.#written.set(file, this.#render(this.definitions.get(name)!, file));
    }
    const out = new Map<string, string>();
    for (const [file, text] of this.#written) out.set(`${this.directory}/${file}`, text);
    return out;
  }

  #need(name: string): string {
    const file = this.#sharedFile.get(name)!;
    if (!this.#written.has(file) && !this.#pending.includes(name)) {
      this.#pending.push(name);
      this.#written.set(file, '');
    }
    return file;
  }

  #render(schema: JsonSchema, file: string): string {
    const dropped: string[] = [];
    const body = this.#rewrite(schema === true ? {} : schema === false ? { not: {} } : schema, dropped) as Json;
    const out: Json = { $schema: DRAFT_07 };
    for (const [key, value] of Object.entries(body)) if (key !== '$schema') setKey(out, key, value);
    if (dropped.length > 0)
      this.warnings.push({
        code: 'W_IMPORT_DROPPED',
        where: `${this.directory}/${file}`,
        message:
          `${dropped.length} propert${dropped.length === 1 ? 'y' : 'ies'} whose names hold control or ` +
          'bidirectional characters left out of the schema (the spec loader refuses such keys)',
      });
    return `${JSON.stringify(out, null, 2)}\n`;
  }

  /** A copy of `node` with references made file references and keys with unsafe characters left out. */
  #rewrite(node: unknown, dropped: string[], data = false): unknown {
    if (Array.isArray(node)) {
      return node
        .filter((item) => data || typeof item !== 'string' || !isUnsafeName(item))
        .map((item) => this.#rewrite(item, dropped, data));
    }
    if (node === null || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (isUnsafeName(key)) {
        dropped.push(key);
        continue;
      }
      const shared = !data && key === '$ref' && typeof value === 'string' ? definitionName(value) : undefined;
      if (shared !== undefined && this.#sharedFile.has(shared)) setKey(out, key, this.#need(shared));
      else setKey(out, key, this.#rewrite(value, dropped, data || DATA_KEYWORDS.has(key)));
    }
    return out;
  }
}
