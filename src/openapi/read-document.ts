// One file of an OpenAPI document, bytes to plain data: UTF-8 (a byte order mark is skipped), JSON when the text
// parses as JSON, else YAML through the spec loader's parser (its fast path for plain files, else yaml's guarded
// parser: no merge keys, duplicate keys refused, aliases and nesting bounded). Keys must be text: YAML allows a list
// or `null` as a key, which has no JSON equivalent. A file keeps its text, so that a position for any JSON pointer
// can be found when a problem or warning needs one.
import type { Node } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from '../spec/yaml-lib.js';
import {
  checkTree,
  decodeSpecText,
  MAX_ALIAS_COUNT,
  MAX_NESTING_DEPTH,
  notTextReason,
  parseTree,
} from '../spec/parse-value.js';
import { fastParse } from '../spec/fast-yaml.js';
import { keyNodeAt, type NodePath, nodeAt, positionAt, SpecSource } from '../spec/source.js';
import { locateJsonError } from '../import/json-syntax.js';
import { pointerOf, type ProblemList } from './openapi-error.js';
import type { SourceLocation } from './types.js';

/** A file read and parsed: its plain value and a way to locate its nodes. */
export interface OpenApiFile {
  /** The file's path relative to the project root, forward slashes. */
  readonly file: string;
  readonly value: unknown;
  readonly format: 'json' | 'yaml';
  /** Where `path` is: the key that holds it when there is one, else its value; the nearest ancestor if missing. */
  readonly locate: (path: NodePath) => SourceLocation;
}

const SYNTAX_HINT = 'fix the file so that it is valid YAML or JSON (an editor with a YAML or JSON mode shows where)';

/**
 * `bytes` (the content of `file`) as an OpenApiFile, or undefined after adding the reason it is not one to
 * `problems`.
 */
export function parseOpenApiFile(bytes: Uint8Array, file: string, problems: ProblemList): OpenApiFile | undefined {
  const decoded = decodeSpecText(bytes);
  if (!decoded.ok) {
    const source = new SpecSource(file, file, 'request', decoded.text);
    const problem = decoded.problem;
    const what = notTextReason(problem, 'YAML and JSON');
    problems.add({
      code: 'E_OPENAPI_NOT_TEXT',
      message: `${what}; mvpm reads OpenAPI documents as UTF-8 JSON or YAML`,
      location: { file, ...positionAt(source, decoded.offset), pointer: '' },
      hint: 'save the file as UTF-8',
    });
    return undefined;
  }
  const text = decoded.text;
  let source: SpecSource | undefined;
  const sourceOf = (): SpecSource => {
    source ??= new SpecSource(file, file, 'request', text);
    return source;
  };
  const at = (offset: number): SourceLocation => ({ file, ...positionAt(sourceOf(), offset), pointer: '' });
  const locate = (path: NodePath): SourceLocation => {
    const node = keyNodeAt(sourceOf(), path) ?? nodeAt(sourceOf(), path);
    return { file, ...positionAt(sourceOf(), node?.range?.[0] ?? 0), pointer: pointerOf(path) };
  };

  const json = parseJson(text);
  if (json.ok) {
    const bad = checkJson(text);
    if (bad) {
      problems.add({
        code: bad.tooDeep ? 'E_OPENAPI_TOO_DEEP' : 'E_OPENAPI_SYNTAX',
        message: bad.message,
        location: at(bad.offset),
        hint: bad.tooDeep ? DEEP_HINT : 'remove or rename one of the two keys',
      });
      return undefined;
    }
    return { file, value: json.value, format: 'json', locate };
  }
  // A `.json` file is held to JSON: read as YAML, a stray comma or brace in it would mean something else.
  if (/\.json$/i.test(file)) {
    const where = locateJsonError(text) ?? { offset: 0, message: 'not JSON' };
    problems.add({
      code: 'E_OPENAPI_SYNTAX',
      message: `not valid JSON: ${where.message}`,
      location: at(where.offset),
      hint: 'fix the JSON (or name the file .yaml if it is YAML)',
    });
    return undefined;
  }

  // A plain file takes the fast path; its tree is parsed only if a position is asked for (a problem, a warning,
  // `--check` output). The fast path refuses every key that is not text, as nonTextKey does.
  const fast = fastParse(text);
  if (fast !== undefined) return { file, value: fast.value, format: 'yaml', locate };

  const { doc, lineCounter, tooDeepAt } = parseTree(text);
  if (tooDeepAt !== undefined) {
    problems.add({ code: 'E_OPENAPI_TOO_DEEP', message: TOO_DEEP, location: at(tooDeepAt), hint: DEEP_HINT });
    return undefined;
  }
  const syntax = doc.errors[0];
  const structure = checkTree(doc) ?? nonTextKey(doc.contents);
  if (syntax && !(structure && structure.offset < syntax.pos[0])) {
    const looksJson = /^\s*[{[]/.test(text);
    problems.add({
      code: 'E_OPENAPI_SYNTAX',
      message: `not valid ${looksJson ? 'JSON (nor YAML)' : 'YAML'}: ${yamlMessage(syntax.code, syntax.message)}`,
      location: at(syntax.pos[0]),
      hint: SYNTAX_HINT,
    });
    return undefined;
  }
  if (structure) {
    problems.add({
      code: structure.code === 'TOO_DEEP' ? 'E_OPENAPI_TOO_DEEP' : 'E_OPENAPI_SYNTAX',
      message: structure.code === 'TOO_DEEP' ? TOO_DEEP : yamlMessage(structure.code, structure.message),
      location: at(structure.offset),
      hint: structure.code === 'TOO_DEEP' ? DEEP_HINT : 'hint' in structure ? structure.hint : SYNTAX_HINT,
    });
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    problems.add({
      code: 'E_OPENAPI_SYNTAX',
      message: `the YAML aliases expand to more than ${MAX_ALIAS_COUNT} copies (an alias bomb)`,
      location: at(firstAliasOffset(doc.contents) ?? 0),
      hint: 'write the repeated parts out, or use `$ref` to share them',
    });
    return undefined;
  }
  // The tree is made already: kept for locate(), as a file with anything unusual is likely to need a position.
  source = new SpecSource(file, file, 'request', text, { js: value }, { doc, lineCounter });
  return { file, value, format: 'yaml', locate };
}

const TOO_DEEP = `the file nests more than ${MAX_NESTING_DEPTH} levels of mappings and lists`;
const DEEP_HINT = 'move deeply nested schemas into `components/schemas` (or `definitions`) and use `$ref`';

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'a key appears twice in one mapping';
  return (message.split('\n')[0] ?? message).replace(/\s+at line \d+, column \d+:?$/, '');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!/^\s*[{[]/.test(text)) return { ok: false };
  // JSON.parse would take a JSON string or number; a document is an object (or, wrongly, a list).
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * What JSON.parse lets through in a text it accepted: a key twice in one object (it keeps the last) and nesting
 * deeper than MAX_NESTING_DEPTH (which later recursive stages could not take). One linear scan.
 */
function checkJson(text: string): { offset: number; message: string; tooDeep: boolean } | undefined {
  const keys: (Set<string> | undefined)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      for (i++; text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
      const set = keys[keys.length - 1];
      if (expectKey && set) {
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        if (set.has(key)) return { offset: start, message: 'a key appears twice in one object', tooDeep: false };
        set.add(key);
        expectKey = false;
      }
    } else if (c === 0x7b || c === 0x5b) {
      keys.push(c === 0x7b ? new Set() : undefined);
      expectKey = c === 0x7b;
      if (keys.length > MAX_NESTING_DEPTH) return { offset: i, message: TOO_DEEP, tooDeep: true };
    } else if (c === 0x7d || c === 0x5d) {
      keys.pop();
      expectKey = false;
    } else if (c === 0x2c) expectKey = keys[keys.length - 1] !== undefined;
  }
  return undefined;
}

/**
 * The first mapping key that is not text: a list or mapping, `null`, a boolean, or a number written other than as
 * a plain decimal integer (`200` is a status code; `1e3` or `0x1F` would silently become `1000` or `31`).
 */
function nonTextKey(root: Node | null): { offset: number; code: string; message: string; hint: string } | undefined {
  const stack: unknown[] = root ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const ok =
          isScalar(key) &&
          (typeof key.value === 'string' ||
            (typeof key.value === 'number' && Number.isInteger(key.value) && key.source === String(key.value)));
        if (!ok)
          return {
            offset: (key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0,
            code: 'KEY_NOT_TEXT',
            message: `a key that is not text (${describeKey(key)}); JSON and OpenAPI keys are strings`,
            hint: 'write the key in quotes',
          };
        if (pair.value) stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return undefined;
}

function describeKey(key: Node | null): string {
  if (key === null || (isScalar(key) && key.value === null)) return 'null';
  if (isMap(key)) return 'a mapping';
  if (isSeq(key)) return 'a list';
  if (isScalar(key)) return typeof key.value === 'number' ? `the number ${String(key.value)}` : typeof key.value;
  return 'an alias';
}

function firstAliasOffset(root: Node | null): number | undefined {
  const stack: unknown[] = root ? [root] : [];
  let first: number | undefined;
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) first = Math.min(first ?? Infinity, node.range?.[0] ?? 0);
    if (isMap(node))
      for (const pair of node.items) {
        if (pair.key) stack.push(pair.key);
        if (pair.value) stack.push(pair.value);
      }
    else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return first;
}
