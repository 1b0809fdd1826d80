// A fast accept path for checkOfficialSchema (official-schema.ts): says whether @readme/openapi-parser's
// `validate` would find the bundled document valid with no warning at all, without loading the parser or compiling
// the official schema. It repeats, on the plain documents it understands, the three things `validate` does:
// dereference the document (@apidevtools/json-schema-ref-parser's crawl with `circular: 'ignore'`: a `$ref` whose
// target leads back to an object being crawled stays a `$ref`, every other one is replaced by its target's object),
// check the result against the official schema (compiled ahead of time with the parser's own Ajv and options,
// scripts/official-schema-validators.ts), and run the parser's own rules (validateSpecPreSchema, the leading-slash
// check of validateSchema, validateSpec: official-schema-rules.ts). `true` only when all three find nothing;
// `false` whenever the document has something this file does not repeat exactly (a `$ref` that is not a plain local
// pointer, a `$ref` with siblings, a chain of `$ref`s, an `$id` or `$schema`, a depth near the crawl's limit,
// OpenAPI 3.2) or when any rule would report an error or a warning. The caller then runs `validate` as before, so
// every message is still the parser's; a `false` costs time, never a verdict. test/unit/official-schema-fast.test.ts
// holds the two to the same answers.
import { hasInvalidPaths, preSchemaReports, specReports } from './official-schema-rules.js';

/** The crawl's own depth limit is 500 (`dereference.maxDepth`); well before it, leave the document to the parser. */
const MAX_DEPTH = 400;

/**
 * A `$ref` this file resolves exactly as the parser does: `#/`, then tokens of characters that its URL resolution
 * (WHATWG fragment encoding, then decodeURIComponent) gives back unchanged, or `~0`/`~1`: no `%`, `#`, backslash or
 * space.
 */
const PLAIN_REF = /^#(?:\/(?:[A-Za-z0-9._\-$@+:,;=!*()'{}]|~[01])*)+$/;

/** Thrown when the document needs something this file does not repeat: the caller runs the parser. */
class NotPlain extends Error {}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** json-schema-ref-parser's `$Ref.is$Ref`. */
const isRef = (value: unknown): value is { $ref: string } =>
  isObject(value) && '$ref' in value && typeof value.$ref === 'string' && value.$ref.length > 0;

/**
 * `document` (a copy the caller gives up: it is dereferenced in place) would pass @readme/openapi-parser's
 * `validate` with no error and no warning. `false` means "ask the parser", not "invalid".
 */
export async function passesOfficialSchema(document: unknown): Promise<boolean> {
  try {
    if (!isObject(document) || Array.isArray(document)) return false;
    checkPlain(document, 0);
    const api = dereference(document);
    const validator = await validatorFor(api);
    if (!validator) return false;
    if (preSchemaReports(api)) return false;
    if (hasInvalidPaths(api)) return false;
    if (!validator(api)) return false;
    return !specReports(api);
  } catch (error) {
    // NotPlain, or a TypeError where the parser's own rules would throw one too: the parser decides.
    if (error instanceof NotPlain || error instanceof TypeError || error instanceof RangeError) return false;
    throw error;
  }
}

/** The parser's dereference of `document` (changed in place), or undefined for one this file leaves to the parser. */
export function dereferenceLikeParser(document: unknown): unknown {
  try {
    if (!isObject(document) || Array.isArray(document)) return undefined;
    checkPlain(document, 0);
    return dereference(document);
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}

/** The precompiled official schema `validateSchema` would pick, or undefined for what it would not validate. */
async function validatorFor(api: Json): Promise<((data: unknown) => boolean) | undefined> {
  const official = await import('./_official-schema-validators.js');
  if ('swagger' in api && api.swagger !== undefined) return official.validateSwagger20;
  if (!('openapi' in api) || typeof api.openapi !== 'string') return undefined;
  if (api.openapi.startsWith('3.2')) return undefined;
  if (api.openapi.startsWith('3.1')) return official.validateOpenApi31;
  return official.validateOpenApi30;
}

/** Every `$ref` is a plain local pointer without siblings; no `$id`, `$schema` (they move a `$ref`'s base). */
function checkPlain(node: unknown, depth: number): void {
  if (!isObject(node)) return;
  if (depth > MAX_DEPTH) throw new NotPlain();
  if (Array.isArray(node)) {
    for (const item of node) checkPlain(item, depth + 1);
    return;
  }
  if ('$ref' in node) {
    if (typeof node.$ref === 'string' && node.$ref.length > 0) {
      if (!PLAIN_REF.test(node.$ref) || Object.keys(node).length !== 1) throw new NotPlain();
      return;
    }
  }
  // (`id` moves it only under a draft-04 `$schema`, refused here with the rest.)
  if (typeof node.$id === 'string' || typeof node.$schema === 'string') throw new NotPlain();
  for (const key of Object.keys(node)) checkPlain(node[key], depth + 1);
}

interface Crawled {
  readonly value: unknown;
  readonly circular: boolean;
}

/**
 * json-schema-ref-parser's dereference (lib/dereference.js: crawl, dereference$Ref) with `circular: 'ignore'`,
 * for documents checkPlain let through: no external or extended `$ref`, no `$id` scope, no chain of `$ref`s.
 */
function dereference(root: Json): Json {
  const parents = new Set<object>();
  const cache = new Map<string, Crawled>();

  const crawl = (obj: unknown, depth: number): Crawled => {
    if (depth > MAX_DEPTH) throw new NotPlain();
    if (!isObject(obj)) return { value: obj, circular: false };
    parents.add(obj);
    let result: Crawled = { value: obj, circular: false };
    if (isRef(obj)) result = dereferenceRef(obj, depth);
    else {
      let circular = false;
      const o = obj as Json;
      for (const key of Object.keys(o)) {
        const value = o[key];
        if (isRef(value)) {
          const d = dereferenceRef(value, depth);
          circular ||= d.circular;
          if (o[key] !== d.value) o[key] = d.value;
        } else if (!parents.has(value as object)) {
          const d = crawl(value, depth + 1);
          circular ||= d.circular;
          if (o[key] !== d.value) o[key] = d.value;
        } else circular = true;
      }
      result = { value: obj, circular };
    }
    parents.delete(obj);
    return result;
  };

  const dereferenceRef = (ref: { $ref: string }, depth: number): Crawled => {
    const cached = cache.get(ref.$ref);
    // A circular entry's value is a `$ref` object with this same pointer: the parser returns it as it is.
    if (cached) return cached;
    const target = resolvePointer(root, ref.$ref);
    let circular = parents.has(target);
    let value: unknown = target;
    if (!circular) {
      const d = crawl(target, depth + 1);
      circular = d.circular;
      value = d.value;
    }
    if (circular) value = ref;
    const result = { value, circular };
    cache.set(ref.$ref, result);
    return result;
  };

  return crawl(root, 0).value as Json;
}

/** The object a plain local pointer names, walking own keys only; anything else is left to the parser. */
function resolvePointer(root: Json, ref: string): object {
  let node: unknown = root;
  const tokens = ref
    .slice(2)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const token of tokens) {
    // A `$ref` on the way (or at the end: a chain) is followed by the parser with rules of its own.
    if (!isObject(node) || isRef(node) || !Object.hasOwn(node, token)) throw new NotPlain();
    node = (node as Json)[token];
  }
  if (!isObject(node) || isRef(node)) throw new NotPlain();
  return node;
}
