import type { Document, LineCounter, Node } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from './yaml-lib.js';
import { parseTree } from './parse-value.js';

/** A path into a parsed document: map keys and sequence indexes, as in Ajv's instancePath. */
export type NodePath = readonly (string | number)[];

/** What a spec file is, decided by its name and place (see load-specs.ts). */
export type SpecFileKind = 'collection' | 'folder' | 'request' | 'environment' | 'schema';

/**
 * One YAML (or JSON) file as read, with what is needed to point at any of its nodes. The parsed tree is the
 * biggest thing a build holds, so a source keeps its text and plain value, and parses the tree again only when a
 * diagnostic needs a position (`release()` drops it once the value is taken).
 */
export class SpecSource {
  private parsed: { readonly doc: Document.Parsed; readonly lineCounter: LineCounter } | undefined;
  private value: { readonly js: unknown } | undefined;

  constructor(
    /** Path as shown to users: relative to the working directory, forward slashes. */
    readonly file: string,
    /**
     * Path relative to the directory that holds the specs directory (`specs/…`), forward slashes: the same
     * wherever mvpm runs from, so it can go into generated files.
     */
    readonly projectPath: string,
    readonly kind: SpecFileKind,
    readonly text: string,
    /** The file's plain value when it was parsed elsewhere (a worker thread). */
    preset?: { readonly js: unknown },
    /** The parsed tree when the caller has just made it (parseTree of `text`): not parsed again for a position. */
    tree?: { readonly doc: Document.Parsed; readonly lineCounter: LineCounter },
  ) {
    this.value = preset;
    this.parsed = tree;
  }

  get doc(): Document.Parsed {
    return this.tree().doc;
  }

  get lineCounter(): LineCounter {
    return this.tree().lineCounter;
  }

  /** The file's content as plain data (YAML aliases resolved), computed once. */
  toJS(): unknown {
    this.value ??= { js: this.doc.toJS({ maxAliasCount: 100 }) };
    return this.value.js;
  }

  /** Drops the parsed tree; it is parsed again if a position is asked for. */
  release(): void {
    this.parsed = undefined;
  }

  private tree(): { readonly doc: Document.Parsed; readonly lineCounter: LineCounter } {
    this.parsed ??= parseTree(this.text);
    return this.parsed;
  }
}

/** A 1-based line and column in a source. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export function positionAt(source: SpecSource, offset: number): SourcePosition {
  const { line, col } = source.lineCounter.linePos(Math.max(0, Math.min(offset, source.text.length)));
  return { line, column: col };
}

/**
 * Finds the node at `path`, or the deepest existing ancestor when the path runs past the document
 * (a missing key is reported at the map that should hold it).
 */
export function nodeAt(source: SpecSource, path: NodePath): Node | undefined {
  let node: unknown = source.doc.contents;
  for (const segment of path) {
    const next = childOf(node, segment);
    if (next === undefined) break;
    node = next;
  }
  return isNode(node) ? node : undefined;
}

/** The key node of the pair holding `path`'s last segment, for errors about a key itself. */
export function keyNodeAt(source: SpecSource, path: NodePath): Node | undefined {
  if (path.length === 0) return undefined;
  const parent = nodeAt(source, path.slice(0, -1));
  if (!isMap(parent)) return undefined;
  const name = path[path.length - 1];
  const pair = parent.items.find(
    (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(name),
  );
  return pair && isNode(pair.key) ? pair.key : undefined;
}

/** Where `path` starts; for a key error the key, otherwise the value. */
export function offsetOf(source: SpecSource, path: NodePath, at: 'key' | 'value' = 'value'): number {
  const node = (at === 'key' ? keyNodeAt(source, path) : undefined) ?? nodeAt(source, path);
  return node?.range?.[0] ?? 0;
}

/** A path as messages show it: `` `expect.headers.X-Id` ``, `` `expect.status[1]` ``, or `the file` for the root. */
export function describePath(path: NodePath): string {
  if (path.length === 0) return 'the file';
  return `\`${path
    .map((s) => (typeof s === 'number' ? `[${s}]` : s))
    .join('.')
    .replace(/\.\[/g, '[')}\``;
}

function childOf(node: unknown, segment: string | number): unknown {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    return pair?.value ?? undefined;
  }
  if (isSeq(node) && typeof segment === 'number') return node.items[segment];
  return undefined;
}

function isNode(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}
