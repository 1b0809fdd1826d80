// What converting an OpenAPI document gives (convertOpenApi, convert.ts): the spec files in memory, nothing written.
// Declared here until the converter lands; its own declarations replace these (same shape).
import type { HttpMethod } from '../../openapi/types.js';
import type { ImportWarning } from '../import-error.js';

/** One request generated for one operation. */
export interface GeneratedRequest {
  /** Operation.key: the operationId, or `METHOD /path`. */
  readonly operation: string;
  readonly method: HttpMethod;
  /** The operation's path as written in the document, `{name}` parameters and all. */
  readonly path: string;
  /** The request spec's path under --out, with `/`. */
  readonly file: string;
  /** importHash(value): what the request records as `openapi.hash`. */
  readonly hash: string;
  /** The parsed request spec (what `file`'s text parses to). */
  readonly value: unknown;
}

export interface GeneratedImport {
  /** The collection's directory under --out. */
  readonly collectionDir: string;
  /** Every file of the import, requests included: path under --out (with `/`) → text. */
  readonly files: ReadonlyMap<string, string>;
  /** The requests, in document order. */
  readonly requests: readonly GeneratedRequest[];
  readonly warnings: readonly ImportWarning[];
}
