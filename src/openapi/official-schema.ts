// The document against the official OpenAPI 2.0 / 3.0 / 3.1 schema, with @readme/openapi-parser's `validate`, run on
// an in-memory copy of the document with every other file's referenced parts bundled in (under `x-mvpm-bundled`),
// so that the validator never reads a file or the network. Its errors carry no path, only a code frame of the
// dereferenced document printed as JSON with two-space indentation; the frame's line number is mapped back to a
// node of that text (checked against the frame's own text), then through the `$ref`s to the file, line, column and
// pointer where it is written. The frame itself is never shown (it could quote an example value).
// A document with nothing to report is passed by official-schema-fast.ts instead, without loading the parser or
// compiling the official schema (its validators are compiled ahead of time); the parser runs only for the rest.
import { createHash } from 'node:crypto';
import type { ParserOptions, ValidationResult } from '@readme/openapi-parser';
import { passesOfficialSchema } from './official-schema-fast.js';
import { openApiWarning, type ProblemList } from './openapi-error.js';
import { type DocumentFiles, isObject, type Place, refOf } from './refs.js';
import type { OpenApiVersion, OpenApiWarning } from './types.js';

const BUNDLED = 'x-mvpm-bundled';

/** The validator's own checks that checkOperations makes too, with a location: theirs become warnings, dropped. */
const OWN_RULES = {
  'duplicate-operation-id': 'warning',
  'non-optional-path-parameters': 'warning',
  'path-parameters-not-in-parameters': 'warning',
  'path-parameters-not-in-path': 'warning',
} as const;

/** The messages of OWN_RULES, and of the check for a path key without a leading `/` (checkOperations' too). */
const OWN_MESSAGES = new RegExp(
  [
    'is duplicated and must be made unique',
    'should not be optional',
    'missing path parameter',
    'no corresponding `\\{',
    'must begin with a leading slash',
  ].join('|'),
);

/**
 * The validator's verdicts on the last documents seen, by the SHA-256 of the bundled document: `validate` compiles
 * the official schema anew every time (100–400 ms), and a process (a test run, the stand-in and the importer in one
 * run) often loads one document several times.
 */
const RESULTS = new Map<string, ValidationResult>();
const MAX_REMEMBERED = 16;

/** The parser's options here (exported for the test that holds the fast path to the parser's verdicts). */
export const PARSER_OPTIONS: ParserOptions = {
  resolve: { external: false, file: false },
  dereference: { circular: 'ignore' },
  validate: { errors: { colorize: false }, rules: { openapi: OWN_RULES, swagger: OWN_RULES } },
};

export async function checkOfficialSchema(
  files: DocumentFiles,
  version: OpenApiVersion,
  problems: ProblemList,
  warn: (warning: OpenApiWarning) => void,
  /** Places checkOperations reported: the validator's errors at or under them say the same thing, less well. */
  flagged: readonly Place[] = [],
): Promise<void> {
  // The parser (and Ajv's compiler with it) is loaded only for a document the fast path cannot pass on its own. The
  // fast path dereferences the bundle it is given in place: that one is its own, and nothing else is needed when it
  // passes (no text, no hash, no second copy).
  if (await passesOfficialSchema(bundleDocument(files).document)) return;
  const bundle = bundleDocument(files);
  type Api = Parameters<typeof import('@readme/openapi-parser').validate>[0];
  const text = JSON.stringify(bundle.document);
  const key = createHash('sha256').update(text).digest('hex');
  let result = RESULTS.get(key);
  if (result === undefined) {
    const { validate } = await import('@readme/openapi-parser');
    result = await validate(JSON.parse(text) as Api, PARSER_OPTIONS);
    if (RESULTS.size >= MAX_REMEMBERED) RESULTS.delete(RESULTS.keys().next().value!);
    RESULTS.set(key, result);
  }
  const name = version === '2.0' ? 'Swagger 2.0' : `OpenAPI ${version}`;
  for (const warning of result.warnings)
    if (!OWN_MESSAGES.test(warning.message))
      warn(
        openApiWarning(
          'W_OPENAPI_VALIDATOR',
          firstLine(warning.message),
          files.locate({ file: files.root.file, segments: [] }),
        ),
      );
  if (result.valid) return;
  let lines: LineMap | undefined;
  for (const error of result.errors) {
    if (OWN_MESSAGES.test(error.message)) continue;
    const parsed = parseMessage(error.message);
    let place: Place = { file: files.root.file, segments: [] };
    if (parsed.line !== undefined) {
      if (!lines) {
        const { dereference } = await import('@readme/openapi-parser');
        const dereferenced = await dereference(JSON.parse(text) as Api, PARSER_OPTIONS);
        lines = lineMap(dereferenced);
      }
      const at = lines.paths[parsed.line - 1];
      if (at !== undefined && lines.text[parsed.line - 1] === parsed.lineText) place = bundle.origin(at);
    }
    if (flagged.some((f) => isUnder(place, f))) continue;
    problems.add({
      code: 'E_OPENAPI_INVALID',
      message: `not valid ${name}: ${parsed.message}`,
      location: files.locate(place),
      hint: `see the ${name} specification for what this object allows`,
    });
  }
  if (result.additionalErrors > 0)
    problems.add({
      code: 'E_OPENAPI_INVALID',
      message: `not valid ${name}: ${result.additionalErrors} more errors`,
      location: files.locate({ file: files.root.file, segments: [] }),
    });
}

/** The JSON text of the document as the validator is given it (its other files bundled in); for tests. */
export function bundledText(files: DocumentFiles): string {
  return JSON.stringify(bundleDocument(files).document);
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).trim();
}

/**
 * The validator's message in our words: its heading (`REQUIRED must have required property 'version'`) made
 * plain, the caret's note (`version is missing here!`), and the frame's marked line number and text.
 */
function parseMessage(text: string): { message: string; line?: number; lineText?: string } {
  const lines = text.split('\n');
  const heading = (lines[0] ?? '').replace(/^[A-Z][A-Z ]+[A-Z] (?=[a-z])/, '').trim();
  const marked = lines.findIndex((l) => /^>\s*\d+ \|/.test(l));
  const note = lines
    .find((l) => /^\s+\|\s*\^/.test(l))
    ?.replace(/^\s+\|\s*\^+\s*/, '')
    .replace(/!$/, '');
  const message = note ? `${heading} (${note})` : heading;
  if (marked < 0) return { message };
  const match = /^>\s*(\d+) \| ?(.*)$/.exec(lines[marked]!);
  return { message, line: Number(match![1]), lineText: match![2] };
}

interface LineMap {
  /** For each line of JSON.stringify(value, null, 2), the path of the node that starts on it. */
  readonly paths: (readonly string[])[];
  readonly text: string[];
}

/** The lines JSON.stringify(value, null, 2) writes, and which node starts on each. */
function lineMap(value: unknown): LineMap {
  const text = JSON.stringify(value, null, 2).split('\n');
  const paths: (readonly string[])[] = [];
  // Each key or item starts a line; a non-empty object or array ends with a line of its own.
  const visit = (node: unknown, path: readonly string[]): void => {
    paths.push(path);
    const entries: [string, unknown][] = Array.isArray(node)
      ? node.map((v, i) => [String(i), v === undefined ? null : v])
      : isObject(node)
        ? Object.entries(node).filter(([, v]) => v !== undefined && typeof v !== 'function')
        : [];
    if (entries.length === 0) return;
    for (const [key, child] of entries) visit(child, [...path, key]);
    paths.push(path);
  };
  visit(value, []);
  return { paths, text };
}

interface Bundle {
  readonly document: Record<string, unknown>;
  /** Where a path of the (dereferenced) bundled document is written. */
  readonly origin: (path: readonly string[]) => Place;
}

/**
 * The root file's value with each `$ref` into another file rewritten to `#/x-mvpm-bundled/<n>`, where a copy of
 * its target is (its own references rewritten the same way). Only what is referenced is copied.
 */
function bundleDocument(files: DocumentFiles): Bundle {
  const rootFile = files.root.file;
  const entries: { place: Place; value: unknown }[] = [];
  const ids = new Map<string, number>();
  const bundled: Record<string, unknown> = {};
  const rewritten = new Map<string, string>();
  const rewrite = (ref: string, from: string): string => {
    const key = `${from}\0${ref}`;
    let result = rewritten.get(key);
    if (result === undefined) {
      result = rewriteOnce(ref, from);
      rewritten.set(key, result);
    }
    return result;
  };
  const rewriteOnce = (ref: string, from: string): string => {
    const parsed = files.parseRef(ref, from);
    if (parsed.kind !== 'local') return ref;
    const pointer = parsed.segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
    if (parsed.file === rootFile) return `#${pointer}`;
    const file = files.files.get(parsed.file);
    if (!file) return ref;
    const key = `${parsed.file}#${pointer}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = entries.length;
      ids.set(key, id);
      entries.push({ place: { file: parsed.file, segments: parsed.segments }, value: undefined });
      let node: unknown = file.value;
      for (const s of parsed.segments)
        node = Array.isArray(node) ? node[Number(s)] : isObject(node) ? node[s] : undefined;
      entries[id]!.value = copy(node, parsed.file);
      Object.defineProperty(bundled, String(id), {
        value: entries[id]!.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return `#/${BUNDLED}/${id}`;
  };
  const copy = (node: unknown, file: string): unknown => {
    if (Array.isArray(node)) return node.map((v) => copy(v, file));
    if (!isObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node)) {
      const value = node[key];
      const v = key === '$ref' && typeof value === 'string' ? rewrite(value, file) : copy(value, file);
      // `__proto__` is a key like any other here: set as an own property, not through the prototype setter.
      if (key === '__proto__')
        Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
    }
    return out;
  };
  const document = copy(files.root.value, rootFile) as Record<string, unknown>;
  if (entries.length > 0) document[BUNDLED] = bundled;

  const origin = (path: readonly string[]): Place => {
    // Walk the bundled document along the path; at each reference, continue from its target.
    let place: Place = { file: rootFile, segments: [] };
    let node: unknown = document;
    const jump = (ref: string): void => {
      const m = /^#\/x-mvpm-bundled\/(\d+)$/.exec(ref);
      if (m) {
        const entry = entries[Number(m[1])]!;
        place = entry.place;
        node = entry.value;
        return;
      }
      const segments = ref.startsWith('#/')
        ? ref
            .slice(2)
            .split('/')
            .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
        : [];
      place = { file: rootFile, segments };
      node = document;
      for (const s of segments) node = Array.isArray(node) ? node[Number(s)] : isObject(node) ? node[s] : undefined;
      if (segments[0] === BUNDLED && segments[1] !== undefined) {
        const entry = entries[Number(segments[1])];
        if (entry) place = { file: entry.place.file, segments: [...entry.place.segments, ...segments.slice(2)] };
      }
    };
    for (const segment of path) {
      for (let hops = 0; hops < 32; hops++) {
        const ref = refOf(node);
        if (ref === undefined) break;
        jump(ref);
      }
      node = Array.isArray(node) ? node[Number(segment)] : isObject(node) ? node[segment] : undefined;
      place = { file: place.file, segments: [...place.segments, segment] };
    }
    return place;
  };
  return { document, origin };
}

function isUnder(place: Place, ancestor: Place): boolean {
  return (
    place.file === ancestor.file &&
    place.segments.length >= ancestor.segments.length &&
    ancestor.segments.every((s, i) => place.segments[i] === s)
  );
}
