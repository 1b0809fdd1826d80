import { createHash } from 'node:crypto';
import type { CompileContext } from './context.js';

/**
 * A stable id: UUID v5 (RFC 9562 §5.5) of the thing's kind and path (collection slug, folder and request names),
 * so a rebuild gives the same ids and a rename changes only the renamed item's.
 *
 * Computed here with node:crypto rather than the `uuid` package: v5 is one SHA-1 and two bit masks, and loading
 * uuid's twenty modules cost a build more start-up time than all its ids. test/unit/ids.test.ts checks the ids
 * against uuid's v5.
 */
export function stableId(ctx: CompileContext, kind: string, ...path: readonly string[]): string {
  // UTF-8 bytes, as uuid would take the string, except that a lone surrogate becomes U+FFFD instead of a URIError.
  const hash = createHash('sha1')
    .update(namespaceBytes(ctx.idNamespace))
    .update(Buffer.from([kind, ...path].join('\u001f'), 'utf8'))
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // variant 10xx
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let lastNamespace: { text: string; bytes: Buffer } | undefined;

/** The namespace UUID's 16 bytes (parsed once per namespace). */
function namespaceBytes(namespace: string): Buffer {
  if (lastNamespace?.text !== namespace) {
    const hex = namespace.replaceAll('-', '');
    if (!/^[0-9a-f]{32}$/i.test(hex)) throw new TypeError(`the id namespace is not a UUID: ${namespace}`);
    lastNamespace = { text: namespace, bytes: Buffer.from(hex, 'hex') };
  }
  return lastNamespace.bytes;
}
