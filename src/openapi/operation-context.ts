// What every part of normalising an operation shares: the document's files and schemas, how a place is written as
// a pointer, following a reference to an object, and an example from `example`, `examples` or a schema.
import { type DocumentFiles, isObject, type Place, refOf, type Resolved } from './refs.js';
import type { SchemaRegistry } from './schemas.js';
import type { OpenApiVersion } from './types.js';

export interface OperationContext {
  readonly files: DocumentFiles;
  readonly schemas: SchemaRegistry;
  readonly version: OpenApiVersion;
  /** A place as OpenApiDocument pointers are written: `/…` in the root file, `file#/…` in another. */
  readonly pointer: (place: Place) => string;
  /** Reports something mvpm reads past (an `externalValue`). */
  readonly ignored: (place: Place, what: string) => void;
}

/** A value and where it is, references followed. */
export interface Node {
  readonly place: Place;
  readonly value: Record<string, unknown>;
}

/** `value` at `place`, its `$ref` chain followed; undefined when it is not an object or cannot be followed. */
export function deref(context: OperationContext, place: Place, value: unknown): Node | undefined {
  const ref = refOf(value);
  let resolved: Resolved | undefined = { ...place, value };
  if (ref !== undefined) resolved = context.files.follow(place, ref);
  if (!resolved || !isObject(resolved.value)) return undefined;
  return { place: { file: resolved.file, segments: resolved.segments }, value: resolved.value };
}

export function child(place: Place, ...more: (string | number)[]): Place {
  return { file: place.file, segments: [...place.segments, ...more.map(String)] };
}

/**
 * The example of a parameter or media type: its own `example`, else the first of its `examples` (3.x Example
 * Objects, references followed; an `externalValue` is never fetched), else what `fallback` finds.
 */
export function exampleOf(
  context: OperationContext,
  place: Place,
  value: Record<string, unknown>,
  key: string,
  fallback: () => { example?: unknown; hasExample: boolean },
): { example?: unknown; hasExample: boolean } {
  if (key in value && value[key] !== undefined) return { example: value[key], hasExample: true };
  if (context.version !== '2.0' && isObject(value.examples)) {
    const [name, first] = Object.entries(value.examples)[0] ?? [];
    if (name !== undefined) {
      const example = deref(context, child(place, 'examples', name), first);
      if (example && 'value' in example.value) return { example: example.value.value, hasExample: true };
      if (example && 'externalValue' in example.value)
        context.ignored(child(example.place, 'externalValue'), 'an `externalValue` (mvpm never fetches one)');
    }
  }
  return fallback();
}

/** A schema's own example: `example`, 3.1's `examples[0]`, or its `$ref`'s (one chain followed). */
export function schemaExample(
  context: OperationContext,
  place: Place,
  value: unknown,
): { example?: unknown; hasExample: boolean } {
  const node = deref(context, place, value);
  if (!node) return { hasExample: false };
  if ('example' in node.value && node.value.example !== undefined)
    return { example: node.value.example, hasExample: true };
  if (Array.isArray(node.value.examples) && node.value.examples.length > 0)
    return { example: node.value.examples[0], hasExample: true };
  return { hasExample: false };
}

export function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

export function text(
  value: Record<string, unknown>,
  key: 'summary' | 'description',
): { summary?: string; description?: string } {
  return typeof value[key] === 'string' ? { [key]: value[key] } : {};
}
