// A body schema file may `$ref` other schema files by relative path (`Asset.schema.json`,
// `../common/Envelope.schema.json#/definitions/X`). Postman's `jsonSchema` check has only the one schema it is
// given, so the build bundles them: every file the root reaches goes in once, under the root's `definitions` with a
// stable name, and every `$ref` is rewritten to `#/definitions/<name>…`. The loader (load-specs.ts) reads the files,
// each through the path guard; this module finds the references and bundles what was read. Pure, no I/O.
import path from 'node:path';
import type { NodePath } from './source.js';

/** A `$ref` as written: its text and where it is in its file. */
export interface SchemaRef {
  readonly ref: string;
  readonly path: NodePath;
}

/** What a `$ref` names: a file (resolved later against the referring file) and/or a JSON pointer fragment. */
export type RefTarget =
  | { readonly kind: 'local'; readonly pointer: string }
  | { readonly kind: 'file'; readonly file: string; readonly pointer: string }
  | { readonly kind: 'remote' }
  | { readonly kind: 'bad'; readonly why: string };

/** Keywords whose values are data, not schemas: a `$ref` key in them is not a reference. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);

/** Every `$ref` of a schema value, in document order (values under enum/const/default/examples are data). */
export function schemaRefs(value: unknown): SchemaRef[] {
  const refs: SchemaRef[] = [];
  const walk = (node: unknown, at: NodePath): void => {
    if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) walk(child, [...at, i]);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string') refs.push({ ref: child, path: [...at, key] });
      else if (!DATA_KEYWORDS.has(key)) walk(child, [...at, key]);
    }
  };
  walk(value, []);
  return refs;
}

/**
 * What `ref` names. A URI with a scheme (`https:`, `file:`, `urn:`) or a network path (`//host/x`) is remote:
 * never fetched. A fragment must be empty or a JSON pointer (`#/definitions/X`); a plain-name fragment
 * (`#Asset`, an `$id` anchor) is not supported.
 */
export function refTarget(ref: string): RefTarget {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(ref) && !/^[A-Za-z]:[\\/]/.test(ref)) return { kind: 'remote' };
  if (ref.startsWith('//')) return { kind: 'remote' };
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  let pointer: string;
  let file: string;
  try {
    pointer = decodeURIComponent(fragment);
    file = decodeURIComponent(filePart);
  } catch {
    return { kind: 'bad', why: 'it is not a valid URI reference (a `%` escape is broken)' };
  }
  if (pointer !== '' && !pointer.startsWith('/'))
    return { kind: 'bad', why: `its fragment \`#${fragment}\` is not a JSON pointer such as \`#/definitions/Name\`` };
  if (filePart.includes('?')) return { kind: 'bad', why: 'it has a query (`?`), which a file path cannot' };
  return file === '' ? { kind: 'local', pointer } : { kind: 'file', file, pointer };
}

/** The value at JSON `pointer` (RFC 6901) in `value`, or undefined when there is none. */
export function resolvePointer(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let node = value;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(token)) node = node[Number(token)];
    else if (node !== null && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, token))
      node = (node as Record<string, unknown>)[token];
    else return undefined;
  }
  return node;
}

/** A problem with one `$ref` found while bundling: in `file` (absolute), at `path`. */
export interface BundleProblem {
  readonly file: string;
  readonly path: NodePath;
  readonly message: string;
}

/**
 * The schema of `root` (an absolute path) with every file it reaches through `$ref`s bundled into its
 * `definitions`. `files` holds every schema file the loader read, by absolute path; a file it lacks was refused
 * or unreadable (the loader reported it) and its references are left as written, so the build stops on that error.
 * Cycles terminate: each file goes in once, and a reference back to the root points at `#`.
 */
export function bundleSchema(
  root: string,
  files: ReadonlyMap<string, unknown>,
): { readonly schema: Record<string, unknown>; readonly problems: readonly BundleProblem[] } {
  const rootValue = files.get(root) as Record<string, unknown>;
  const problems: BundleProblem[] = [];
  const existing = rootValue['definitions'];
  const taken = new Set(
    existing !== null && typeof existing === 'object' && !Array.isArray(existing) ? Object.keys(existing) : [],
  );
  /** Pointer prefix of each file in the bundle: '' for the root, `/definitions/<name>` for the others. */
  const prefixes = new Map<string, string>([[root, '']]);
  const order: string[] = [];
  // The file's stem (`Asset`), else with its directories in front, nearest first (`common.Envelope`), else
  // numbered: the same files always get the same names, in the order they are first referenced.
  const nameFor = (file: string): string => {
    const dirs = path
      .relative(path.dirname(root), path.dirname(file))
      .split(path.sep)
      .filter((p) => p !== '..' && p !== '.' && p !== '')
      .map(clean);
    const base = stemOf(path.basename(file));
    for (let i = dirs.length; i >= 0; i--) {
      const name = [...dirs.slice(i), base].join('.');
      if (!taken.has(name)) return name;
    }
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  };
  // `at` is one path, pushed and popped on the way, copied only for a `$ref` (whose problem may name it).
  const rewrite = (file: string, node: unknown, at: (string | number)[]): unknown => {
    if (Array.isArray(node))
      return node.map((child, i) => {
        at.push(i);
        const value = rewrite(file, child, at);
        at.pop();
        return value;
      });
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string') out[key] = rewriteRef(file, child, [...at, key]);
      else if (DATA_KEYWORDS.has(key)) out[key] = child;
      else {
        at.push(key);
        out[key] = rewrite(file, child, at);
        at.pop();
      }
    }
    return out;
  };
  const rewriteRef = (file: string, ref: string, at: NodePath): string => {
    const target = refTarget(ref);
    if (target.kind === 'remote' || target.kind === 'bad') return ref;
    const targetFile = target.kind === 'local' ? file : path.resolve(path.dirname(file), target.file);
    const value = files.get(targetFile);
    if (value === undefined) return ref;
    if (resolvePointer(value, target.pointer) === undefined) {
      problems.push({
        file,
        path: at,
        message: `\`$ref\` \`${ref}\` points at nothing: ${path.basename(targetFile)} has no \`#${target.pointer}\``,
      });
      return ref;
    }
    let prefix = prefixes.get(targetFile);
    if (prefix === undefined) {
      const name = nameFor(targetFile);
      taken.add(name);
      prefix = `/definitions/${name}`;
      prefixes.set(targetFile, prefix);
      order.push(targetFile);
    }
    return `#${prefix}${encodePointer(target.pointer)}`;
  };
  const schema = rewrite(root, rootValue, []) as Record<string, unknown>;
  const bundled: Record<string, unknown> = {};
  // `order` grows while files are rewritten: a file reached only through another one is appended as it is met.
  for (let i = 0; i < order.length; i++) {
    const file = order[i]!;
    const value = rewrite(file, files.get(file), []);
    bundled[prefixes.get(file)!.slice('/definitions/'.length)] = embedded(value);
  }
  if (order.length > 0) {
    const own = schema['definitions'];
    schema['definitions'] = {
      ...(own !== null && typeof own === 'object' && !Array.isArray(own) ? own : {}),
      ...bundled,
    };
  }
  return { schema, problems };
}

/** A bundled file without `$id` (it would move the base URI its `#/…` refs resolve against) or `$schema`. */
function embedded(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const { $id: _id, $schema: _schema, ...rest } = value as Record<string, unknown>;
  return rest;
}

/** A file's name without its schema suffix, as a definitions key: `Asset.schema.json` → `Asset`. */
function stemOf(fileName: string): string {
  return clean(fileName.replace(/(\.schema)?\.(json|ya?ml)$/i, '')) || 'schema';
}

/** Only characters that need no escaping in a JSON pointer or a URI fragment. */
function clean(part: string): string {
  return part.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/** A decoded JSON pointer written back as a URI fragment (RFC 6901 §6): only what a fragment cannot hold escaped. */
function encodePointer(pointer: string): string {
  return pointer.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/g, (c) => encodeURIComponent(c));
}
