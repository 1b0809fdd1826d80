import { v5 as uuidv5 } from 'uuid';
import type { CompileContext } from './context.js';

/**
 * A stable id: UUID v5 of the thing's kind and path (collection slug, folder and request names), so a rebuild
 * gives the same ids and a rename changes only the renamed item's.
 */
export function stableId(ctx: CompileContext, kind: string, ...path: readonly string[]): string {
  // UTF-8 bytes, as uuid would take the string, except that a lone surrogate becomes U+FFFD instead of a URIError.
  return uuidv5(Buffer.from([kind, ...path].join('\u001f'), 'utf8'), ctx.idNamespace);
}
