import { createRequire } from 'node:module';
import { ImportError } from './import-collection.js';

interface Transformer {
  convert(collection: unknown, options: { inputVersion: string; outputVersion: string; retainIds?: boolean }, callback: (error: Error | null, result: unknown) => void): void;
}

/** Whether a collection is in the v2.0 format (by `info.schema`). */
export function isV20(collection: unknown): boolean {
  const info = (collection as { info?: { schema?: unknown } } | null)?.info;
  return typeof info?.schema === 'string' && info.schema.includes('v2.0');
}

/**
 * A v2.0 collection → v2.1 with postman-collection-transformer (a dependency of newman), loaded only when needed
 * and only if it can be resolved.
 */
export function convertV20(collection: unknown): unknown {
  const require = createRequire(import.meta.url);
  let transformer: Transformer;
  try {
    transformer = require('postman-collection-transformer') as Transformer;
  } catch {
    throw new ImportError('this is a v2.0 collection and postman-collection-transformer is not installed to convert it; export it as v2.1');
  }
  let out: unknown;
  let failure: Error | null = null;
  // The transformer calls back synchronously.
  transformer.convert(collection, { inputVersion: '2.0.0', outputVersion: '2.1.0', retainIds: false }, (error, result) => {
    failure = error;
    out = result;
  });
  if (failure) throw new ImportError(`could not convert the v2.0 collection: ${(failure as Error).message}`);
  return out;
}
