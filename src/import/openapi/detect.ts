// Is an import input an OpenAPI document? `mvpm import` reads Postman collections (JSON, or a v3 YAML directory or
// its definition.yaml) and OpenAPI documents (YAML or JSON): a `.yaml`, `.yml` or `.json` file whose root mapping
// has an `openapi` or `swagger` key is one. Decided from the start of the file without parsing it (the loader
// parses it once, with positions): a root key is a line starting at column 0 in YAML, or a key at depth 1 in JSON.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** How much of the file is looked at: the version key comes first in every generator's output we know of. */
export const SNIFF_BYTES = 256 * 1024;

/** True when `file` (an absolute path) is a regular `.yaml`/`.yml`/`.json` file that looks like an OpenAPI document. */
export function isOpenApiFile(file: string): boolean {
  if (!/\.(ya?ml|json)$/i.test(file)) return false;
  const head = readHead(file);
  return head !== undefined && looksLikeOpenApi(head);
}

/** True when `text` (the start of a file) has a root `openapi` or `swagger` key, as JSON or as YAML. */
export function looksLikeOpenApi(text: string): boolean {
  const body = text.replace(/^\uFEFF/, '');
  return /^\s*\{/.test(body) ? hasJsonRootKey(body) : hasYamlRootKey(body);
}

const VERSION_KEYS = new Set(['openapi', 'swagger']);

/** A line at column 0 that is `openapi:` or `swagger:` (bare or quoted), outside any block scalar. */
function hasYamlRootKey(text: string): boolean {
  return /^(?:openapi|swagger|"openapi"|"swagger"|'openapi'|'swagger')[ \t]*:(?:[ \t]|$)/m.test(text);
}

/** A key of the root object: a string at depth 1 followed by `:`. A linear scan; strings and escapes skipped. */
function hasJsonRootKey(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === '"') {
      const start = i + 1;
      for (i = start; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth !== 1) continue;
      const after = /^\s*:/.exec(text.slice(i + 1, i + 40));
      if (after && VERSION_KEYS.has(text.slice(start, i))) return true;
    }
  }
  return false;
}

/** The first SNIFF_BYTES of a regular file as text; undefined when it is not one or cannot be read (the importer
 * that reads it next says why). */
function readHead(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const read = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, read).toString('utf8');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
