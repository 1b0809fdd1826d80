import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/**
 * The `yaml` package, loaded on first use. It is 72 CommonJS files (some 30 ms to load), and most commands never
 * need it: plain spec files are parsed from js-yaml's events (fast-yaml.ts), and yaml is the authority only for
 * what is unusual, for positions and for rendering what the fast writers do not. This is the only runtime import of
 * `yaml` in src/; everything else imports its types only (a test spawns `mvpm build` and checks yaml stays unloaded).
 */
export function yamlLib(): typeof Yaml {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return loaded;
}

let loaded: typeof Yaml | undefined;

// yaml's own type guards (yaml/dist/nodes/identity.js) test a registered symbol, so they are restated here and need
// no load: a value can only be a node if yaml made it.
const NODE_TYPE = Symbol.for('yaml.node.type');
const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');

function nodeType(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<symbol, unknown>)[NODE_TYPE] : undefined;
}

/** yaml's `isAlias`. */
export function isAlias(value: unknown): value is Alias {
  return nodeType(value) === ALIAS;
}

/** yaml's `isDocument`. */
export function isDocument(value: unknown): value is Document {
  return nodeType(value) === DOC;
}

/** yaml's `isMap`. */
export function isMap<K = unknown, V = unknown>(value: unknown): value is YAMLMap<K, V> {
  return nodeType(value) === MAP;
}

/** yaml's `isPair`. */
export function isPair<K = unknown, V = unknown>(value: unknown): value is Pair<K, V> {
  return nodeType(value) === PAIR;
}

/** yaml's `isScalar`. */
export function isScalar<T = unknown>(value: unknown): value is Scalar<T> {
  return nodeType(value) === SCALAR;
}

/** yaml's `isSeq`. */
export function isSeq<T = unknown>(value: unknown): value is YAMLSeq<T> {
  return nodeType(value) === SEQ;
}

/** yaml's `isNode`: an alias, a mapping, a scalar or a sequence. */
export function isNode(value: unknown): value is Node {
  const type = nodeType(value);
  return type === ALIAS || type === MAP || type === SCALAR || type === SEQ;
}
