import { v5 as uuidv5 } from 'uuid';
import type { CompileContext } from './context.js';

/**
 * A stable id: UUID v5 of the thing's kind and path (collection slug, folder and request names), so a rebuild
 * gives the same ids and a rename changes only the renamed item's.
 */
export function stableId(ctx: CompileContext, kind: string, ...path: readonly string[]): string {
  return uuidv5([kind, ...path].join('\u001f'), ctx.idNamespace);
}
