// Importing into spec files that exist (`mvpm import … --force`, the way back from a v3 file edited in Postman):
// Postman's files cannot hold everything a spec says (targets, roles, an environment's description, target, secrets
// and overrides, a variable's description and sendTo), so a reimport would silently lose it. What the existing spec
// file at the same path says about those keys is kept; a raw script the specs already hold, byte for byte, is not
// new code and is kept without --allow-scripts; a literal value the existing spec holds, unchanged in the input, is
// kept although it looks secret (a public demo value). A file whose value is unchanged keeps its bytes, so a
// reimport touches only what was edited.
import { readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { nameProblem, PathGuardError, readFileInside, resolveInside } from '../../paths/path-guard.js';
import { parseValue } from '../../spec/parse-value.js';
import { importCollection, type ImportInput, type ImportResult } from '../import-collection.js';
import type { ImportedFile } from '../imported-files.js';
import { isObject, type Json } from '../json-util.js';
import { renderYaml } from '../render-yaml.js';

/** An existing spec file: its text and parsed value (undefined when it is not YAML or JSON that parses). */
export interface ExistingFile {
  readonly content: string;
  readonly value: unknown;
}

/** Spec keys no Postman file holds, by the spec's `$kind` (spec.schema.json). */
const SPEC_ONLY: Readonly<Record<string, readonly string[]>> = {
  // `openapi`: the document a collection was imported from, the operation a request covers, its import hash and
  // whether it is inferred (then it runs only on stand-ins): lost, a re-import would add the request again.
  'mvpm-collection': ['targets', 'role', 'openapi'],
  'mvpm-folder': ['targets', 'role'],
  'mvpm-request': ['targets', 'readOnly', 'openapi'],
  'mvpm-environment': ['description', 'target', 'standin', 'servers', 'secrets', 'overrides'],
};
/** Keys of an environment variable no Postman environment holds. */
const VARIABLE_ONLY = ['description', 'sendTo'];

/**
 * The existing files at `paths` (relative to `out`); a path that does not exist, is a link or is not a regular
 * file is left out (writing the import refuses links and non-files itself).
 */
export function readExistingSpecs(out: string, paths: readonly string[]): Map<string, ExistingFile> {
  const found = new Map<string, ExistingFile>();
  for (const relative of paths) {
    let bytes: Buffer | undefined;
    try {
      bytes = readFileInside(out, relative);
    } catch (error) {
      if (error instanceof PathGuardError) continue;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES') continue;
      throw error;
    }
    if (bytes === undefined) continue;
    const content = bytes.toString('utf8');
    const parsed = parseValue(content);
    found.set(relative, { content, value: parsed.ok ? parsed.value : undefined });
  }
  return found;
}

/** Every raw script's code (`scripts[].code`) in the existing files, trailing white space cut. */
export function knownScripts(existing: ReadonlyMap<string, ExistingFile>): Set<string> {
  const codes = new Set<string>();
  for (const { value } of existing.values()) {
    const scripts = isObject(value) ? value['scripts'] : undefined;
    if (!Array.isArray(scripts)) continue;
    for (const s of scripts) if (isObject(s) && typeof s['code'] === 'string') codes.add(s['code'].trimEnd());
  }
  return codes;
}

/** Where the input holds a variable's literal value: the spec file it is imported into, and the value. */
export interface InputLiteral {
  readonly file: string;
  readonly name: string;
  readonly value: unknown;
}

/**
 * The variable names whose literal values the import may keep although they look secret: every place the input
 * holds the name, the existing spec file it goes to holds the same literal value, not marked secret. Nothing that
 * is not already in the specs gets in.
 */
export function unchangedLiterals(
  existing: ReadonlyMap<string, ExistingFile>,
  literals: readonly InputLiteral[],
): string[] {
  const verdict = new Map<string, boolean>();
  for (const { file, name, value } of literals) {
    if (typeof value !== 'string' || value === '') continue;
    const spec = variablesOf(existing.get(file)?.value)?.[name];
    const same = isObject(spec) ? spec['secret'] !== true && spec['value'] === value : spec === value;
    verdict.set(name, (verdict.get(name) ?? true) && same);
  }
  return [...verdict].filter(([, same]) => same).map(([name]) => name);
}

/**
 * The imported files with what only the existing spec file at the same path could say put back, and a file whose
 * value did not change given the existing file's bytes.
 */
export function keepSpecOnly(
  files: readonly ImportedFile[],
  existing: ReadonlyMap<string, ExistingFile>,
): ImportedFile[] {
  return files.map((file) => {
    const before = existing.get(file.path);
    if (before === undefined || before.value === undefined) return file;
    const parsed = parseValue(file.content);
    if (!parsed.ok) return file;
    const merged = merge(parsed.value, before.value);
    if (isDeepStrictEqual(merged, before.value)) return { path: file.path, content: before.content };
    return merged === parsed.value ? file : { path: file.path, content: renderYaml(merged) };
  });
}

function merge(imported: unknown, before: unknown): unknown {
  if (!isObject(imported) || !isObject(before)) return imported;
  const kind = imported['$kind'];
  if (typeof kind !== 'string' || kind !== before['$kind']) return imported;
  const kept: Json = {};
  for (const key of SPEC_ONLY[kind] ?? []) if (!(key in imported) && key in before) kept[key] = before[key];
  const runtime = kind === 'mvpm-collection' ? mergeRuntimeVariables(imported, before) : undefined;
  if (runtime !== undefined) kept['runtimeVariables'] = runtime;
  const variables = mergeVariables(kind, imported, before);
  if (variables !== undefined) kept['variables'] = variables;
  if (Object.keys(kept).length === 0) return imported;
  // Kept keys go where the existing file had them, relative to the keys both have.
  const out: Json = {};
  for (const key of Object.keys(before)) {
    if (key in kept) out[key] = kept[key];
    else if (key in imported) out[key] = imported[key];
  }
  for (const key of Object.keys(imported)) if (!(key in out)) out[key] = kept[key] ?? imported[key];
  return out;
}

/** A collection's runtime variables described as the existing spec describes them (the import can only guess). */
function mergeRuntimeVariables(imported: Json, before: Json): Json | undefined {
  const now = imported['runtimeVariables'];
  const was = before['runtimeVariables'];
  if (!isObject(now) || !isObject(was)) return undefined;
  const out: Json = {};
  for (const [name, value] of Object.entries(now)) out[name] = name in was ? was[name] : value;
  return isDeepStrictEqual(out, now) ? undefined : out;
}

/** An environment's variables with their description and sendTo from the existing spec. */
function mergeVariables(kind: string, imported: Json, before: Json): Json | undefined {
  if (kind !== 'mvpm-environment') return undefined;
  const now = variablesOf(imported);
  const was = variablesOf(before);
  if (now === undefined || was === undefined) return undefined;
  let changed = false;
  const out: Json = {};
  for (const [name, value] of Object.entries(now)) {
    const old = was[name];
    if (!isObject(value) || !isObject(old)) {
      out[name] = value;
      continue;
    }
    const merged: Json = { ...value };
    for (const key of VARIABLE_ONLY) {
      if (key in old && !isDeepStrictEqual(old[key], value[key])) {
        merged[key] = old[key];
        changed = true;
      }
    }
    out[name] = orderLike(merged, old);
  }
  return changed ? out : undefined;
}

function orderLike(value: Json, like: Json): Json {
  const out: Json = {};
  for (const key of Object.keys(like)) if (key in value) out[key] = value[key];
  for (const key of Object.keys(value)) if (!(key in out)) out[key] = value[key];
  return out;
}

function variablesOf(value: unknown): Json | undefined {
  const variables = isObject(value) ? value['variables'] : undefined;
  return isObject(variables) ? variables : undefined;
}

/**
 * importCollection into the spec directory `out` (absolute), keeping what its existing files say and Postman's
 * cannot: nothing is written. Without existing files it is importCollection.
 */
export function importOverSpecs(out: string, input: ImportInput): ImportResult {
  const environmentSpecs = listEnvironmentSpecs(out);
  const first = importCollection(input);
  const existing = readExistingSpecs(out, [...new Set([...first.files.map((f) => f.path), ...environmentSpecs])]);
  if (existing.size === 0) return first;
  const defined = environmentSpecs.flatMap((p) => Object.keys(variablesOf(existing.get(p)?.value) ?? {}));
  const result = importCollection({
    ...input,
    keepLiterals: [...(input.keepLiterals ?? []), ...unchangedLiterals(existing, inputLiterals(input, first))],
    knownScripts: knownScripts(existing),
    definedVariables: [...(input.definedVariables ?? []), ...defined],
  });
  return { ...result, files: keepSpecOnly(result.files, existing) };
}

/** The spec files of environments under `out` (`environments/<name>.environment.yaml`). */
function listEnvironmentSpecs(out: string): string[] {
  let names: string[];
  try {
    names = readdirSync(resolveInside(out, 'environments'));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(ENVIRONMENT_SPEC_SUFFIX) && nameProblem(n) === undefined)
    .sort()
    .map((n) => `environments/${n}`);
}

const ENVIRONMENT_SPEC_SUFFIX = '.environment.yaml';

/** The literal variable values of the input, with the spec file each goes to (as the first import placed them). */
function inputLiterals(input: ImportInput, first: ImportResult): InputLiteral[] {
  const definition = first.files[0]?.path ?? '';
  const pairs = (list: unknown, file: string): InputLiteral[] =>
    (Array.isArray(list) ? list : [])
      .filter(isObject)
      .filter((v) => typeof v['key'] === 'string')
      .map((v) => ({ file, name: v['key'] as string, value: v['value'] }));
  const collection = isObject(input.collection) ? input.collection['variable'] : undefined;
  const environmentFiles = first.files.filter((f) => f.path.startsWith('environments/'));
  return [
    ...pairs(collection, definition),
    ...(input.environments ?? []).flatMap((e, i) =>
      pairs(isObject(e.environment) ? e.environment['values'] : undefined, environmentFiles[i]?.path ?? ''),
    ),
  ];
}
