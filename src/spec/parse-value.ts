import { isUtf8 } from 'node:buffer';
import type { CST, Document, LineCounter, Node } from 'yaml';
import { fastParse } from './fast-yaml.js';
import { isAlias, isMap, isPair, isScalar, isSeq, yamlLib } from './yaml-lib.js';

/**
 * The YAML options every spec file is parsed with: no merge keys, no pretty errors, and no warnings printed by the
 * parser (what is wrong is reported as a diagnostic instead). Duplicate keys are errors, but `yaml` looks for them
 * with a scan of the whole map for every key, which a file with 100,000 keys turns into minutes; `checkTree` finds
 * them in one pass instead, with the same message and position.
 */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, merge: false, logLevel: 'error' } as const;

/**
 * How many collections (mappings and sequences) may be nested in a spec file, counting those reached through
 * aliases. The real specs nest at most 6 deep and a ten-level inline JSON Schema about 25; 64 leaves room for
 * both, and keeps every recursive stage after parsing (yaml's composer and toJS, Ajv, the compiler, the worker's
 * structured clone) thousands of frames away from a stack overflow on any thread.
 */
export const MAX_NESTING_DEPTH = 64;

/** yaml's guard against "billion laughs" files: how many copies the aliases of one file may expand to. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Why a file could not be parsed: one of yaml's error codes (`BAD_INDENT`, `DUPLICATE_KEY`, `MULTIPLE_DOCS`, …),
 * or `TOO_DEEP`, `ALIAS_UNDEFINED`, `ALIAS_CIRCULAR`, `ALIAS_COUNT`, or `PARSER_FAILED` (yaml threw).
 */
export type ParseProblemCode = string;

/** What the file's single document holds: nothing (empty, or only comments), a mapping, a sequence, or a scalar. */
export type RootShape = 'empty' | 'map' | 'seq' | 'scalar';

/** A parsed file as plain data, or its first problem (later ones are mostly echoes of it). Offsets are in `text`. */
export type ParsedValue =
  | { readonly ok: true; readonly value: unknown; readonly root: RootShape; readonly rootOffset: number }
  | ParseFailure;

export interface ParseFailure {
  readonly ok: false;
  readonly offset: number;
  readonly code: ParseProblemCode;
  readonly message: string;
}

/**
 * Bytes that are not YAML text, and where in `text` (the bytes decoded, unprintable characters replaced) the first
 * problem is.
 */
export interface NotText {
  readonly ok: false;
  readonly reason: 'not-text';
  readonly problem: NotTextProblem;
  readonly offset: number;
  readonly text: string;
}

/**
 * `nul`: a NUL byte (binary data); `utf16`: a UTF-16 byte order mark; `utf8`: a byte sequence that is not UTF-8;
 * `control`: a character YAML does not allow.
 */
export type NotTextProblem =
  | { readonly kind: 'nul' }
  | { readonly kind: 'utf16' }
  | { readonly kind: 'utf8'; readonly byte: number }
  | { readonly kind: 'control'; readonly codePoint: number };

/**
 * Why bytes are not the text an importer reads, in words for its message: `format` is what the file should hold
 * (`YAML`, or `YAML and JSON` for an OpenAPI document).
 */
export function notTextReason(problem: NotTextProblem, format: 'YAML' | 'YAML and JSON'): string {
  switch (problem.kind) {
    case 'utf16':
      return 'UTF-16 text (it starts with a UTF-16 byte order mark)';
    case 'utf8':
      return `not UTF-8 text (byte 0x${problem.byte.toString(16).padStart(2, '0')} is not part of a UTF-8 character)`;
    case 'nul':
      return `binary data (it holds a NUL byte), not ${format === 'YAML' ? 'YAML ' : ''}text`;
    case 'control': {
      const codePoint = problem.codePoint.toString(16).toUpperCase().padStart(4, '0');
      return `a character ${format} ${format === 'YAML' ? 'does' : 'do'} not allow (U+${codePoint})`;
    }
  }
}

/**
 * YAML 1.2 allows only printable characters (§5.1): no C0 control other than tab, line feed and carriage return,
 * no DEL, no C1 control other than NEL, no U+FFFE or U+FFFF. yaml accepts them, so they are refused here; they
 * would otherwise also reach the terminal in a code frame.
 */
const NOT_PRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/;

/**
 * Bytes to YAML text, or the first reason they are not text. A UTF-8 byte order mark is dropped and a lone carriage
 * return (an old Mac line end, a line break in YAML) becomes a line feed, so that lines and columns agree with
 * yaml's and with editors'.
 */
export function decodeSpecText(bytes: Uint8Array): { readonly ok: true; readonly text: string } | NotText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'not-text', problem: { kind: 'utf16' }, offset: 0, text: '' };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const badByte = isUtf8(buffer) ? undefined : (firstInvalidUtf8(buffer) ?? 0);
  const text = buffer.toString('utf8').replace(/\r(?!\n)/g, '\n');
  // Where the bad byte's U+FFFD lands in the text: everything before it is valid, so decodes the same alone.
  const badAt = badByte === undefined ? undefined : buffer.toString('utf8', 0, badByte).length;
  const control = NOT_PRINTABLE.exec(badAt === undefined ? text : text.slice(0, badAt));
  if (control) {
    const codePoint = control[0].charCodeAt(0);
    return {
      ok: false,
      reason: 'not-text',
      problem: codePoint === 0 ? { kind: 'nul' } : { kind: 'control', codePoint },
      offset: control.index,
      text: printable(text),
    };
  }
  if (badByte !== undefined)
    return {
      ok: false,
      reason: 'not-text',
      problem: { kind: 'utf8', byte: buffer[badByte]! },
      offset: badAt!,
      text: printable(text),
    };
  return { ok: true, text };
}

/** The text with every character that is not printable replaced by U+FFFD, one for one, for a code frame. */
function printable(text: string): string {
  return text.replace(new RegExp(NOT_PRINTABLE.source, 'g'), '\uFFFD');
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629 §4). */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const [length, min, max] =
      b >= 0xc2 && b <= 0xdf
        ? [2, 0x80, 0xbf]
        : b === 0xe0
          ? [3, 0xa0, 0xbf]
          : b === 0xed
            ? [3, 0x80, 0x9f]
            : b >= 0xe1 && b <= 0xef
              ? [3, 0x80, 0xbf]
              : b === 0xf0
                ? [4, 0x90, 0xbf]
                : b === 0xf4
                  ? [4, 0x80, 0x8f]
                  : b >= 0xf1 && b <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [0, 0, 0];
    if (length === 0) return i;
    // The second byte has a narrower range for some lead bytes (no overlongs, no surrogates, nothing past U+10FFFF).
    const second = bytes[i + 1];
    if (second === undefined || second < min || second > max) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return undefined;
}

/**
 * Parses like yaml's `parseDocument`, but stops at the first token nested deeper than MAX_NESTING_DEPTH: yaml's
 * parser slows down with depth (a megabyte of `[` takes seconds) and its composer recurses. `tooDeepAt` is the
 * offset of that token; the document is then empty.
 */
export function parseTree(text: string): { doc: Document.Parsed; lineCounter: LineCounter; tooDeepAt?: number } {
  const { Composer, Lexer, LineCounter, Parser, YAMLParseError } = yamlLib();
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  const tokens: CST.Token[] = [];
  let tooDeepAt: number | undefined;
  lineCounter.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > MAX_NESTING_DEPTH && collectionsIn(parser.stack) > MAX_NESTING_DEPTH) {
      tooDeepAt = offset;
      break;
    }
  }
  if (tooDeepAt === undefined) for (const token of parser.end()) tokens.push(token);
  else tokens.length = 0;
  const composer = new Composer(YAML_OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      // As parseDocument does: a spec file is one document.
      doc.errors.push(
        new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'),
      );
      break;
    }
  }
  return { doc: doc!, lineCounter, ...(tooDeepAt === undefined ? {} : { tooDeepAt }) };
}

/**
 * Parses one file's text to plain data. Pure and never throws, so it can run in a worker thread. A plain file takes
 * the fast path (fast-yaml.ts), which answers only when yaml would give the same value without a problem; anything
 * else, and every problem, comes from yaml's guarded parser.
 */
export function parseValue(text: string): ParsedValue {
  const fast = fastParse(text);
  if (fast !== undefined) return { ok: true, ...fast };
  return guardedParseValue(text);
}

/** parseValue by yaml's guarded parser alone: the authority the fast path is held to (and tested against). */
export function guardedParseValue(text: string): ParsedValue {
  try {
    const { doc, tooDeepAt } = parseTree(text);
    if (tooDeepAt !== undefined) return tooDeep(tooDeepAt);
    const syntax = doc.errors[0];
    const structure = checkTree(doc);
    if (syntax && !(structure && structure.offset < syntax.pos[0])) {
      return {
        ok: false,
        offset: syntax.pos[0],
        code: syntax.code,
        message: syntax.message.split('\n')[0] ?? syntax.message,
      };
    }
    if (structure) return structure;
    try {
      return {
        ok: true,
        value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }),
        root: rootShape(doc),
        rootOffset: doc.contents?.range?.[0] ?? 0,
      };
    } catch (error) {
      if (!(error instanceof ReferenceError && /alias count/i.test(error.message))) throw error;
      // Thrown only by maxAliasCount: the file is an alias bomb ("billion laughs").
      return {
        ok: false,
        offset: firstAlias(doc) ?? 0,
        code: 'ALIAS_COUNT',
        message: `the aliases in this file expand to more than ${MAX_ALIAS_COUNT} copies`,
      };
    }
  } catch (error) {
    // A stack overflow the depth checks did not foresee: still a located answer, not a crash.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return tooDeep(0);
    return {
      ok: false,
      offset: 0,
      code: 'PARSER_FAILED',
      message: `the YAML parser failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function tooDeep(offset: number): ParseFailure {
  return {
    ok: false,
    offset,
    code: 'TOO_DEEP',
    message: `the file nests more than ${MAX_NESTING_DEPTH} levels of mappings and lists`,
  };
}

function collectionsIn(stack: readonly CST.Token[]): number {
  let count = 0;
  for (const token of stack)
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') count++;
  return count;
}

/**
 * One pass over the tree in document order, for what yaml does not check (or checks too slowly): keys that appear
 * twice in a mapping, aliases without an earlier anchor (yaml throws on them in toJS) or inside the node they name
 * (an endless value), and nesting deeper than MAX_NESTING_DEPTH once aliases are expanded. Iterative, so a deep
 * tree cannot overflow the stack here.
 */
export function checkTree(doc: Document.Parsed): ParseFailure | undefined {
  const anchors = new Map<string, Node>();
  // Collections nested in each finished node, aliases expanded: a node's "height". Only heights under an anchor
  // can matter, so they are kept only once an anchor has been seen; an anchored node without a height yet is
  // still open, an ancestor of whatever is being visited.
  const height = new Map<Node, number>();
  // A mapping's repeated key is found when the mapping is entered, but a problem inside an earlier value comes
  // first in the file: the earliest of all is reported, as yaml would.
  let duplicate: ParseFailure | undefined;
  const first = (found: ParseFailure): ParseFailure =>
    duplicate && duplicate.offset < found.offset ? duplicate : found;
  type Frame = { readonly node: Node; readonly depth: number; readonly children?: readonly Node[] };
  const stack: Frame[] = doc.contents ? [{ node: doc.contents, depth: 0 }] : [];
  while (stack.length > 0) {
    const { node, depth, children } = stack.pop()!;
    const start = node.range?.[0] ?? 0;
    if (duplicate && start > duplicate.offset) return duplicate;
    if (children) {
      // Leaving a collection.
      if (anchors.size === 0) continue;
      let tallest = 0;
      for (const child of children) tallest = Math.max(tallest, height.get(child) ?? 0);
      height.set(node, 1 + tallest);
      continue;
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target)
        return first(
          problem(
            start,
            'ALIAS_UNDEFINED',
            `the alias \`*${node.source}\` has no anchor \`&${node.source}\` before it`,
          ),
        );
      const h = height.get(target);
      if (h === undefined)
        return first(
          problem(
            start,
            'ALIAS_CIRCULAR',
            `the alias \`*${node.source}\` is inside the node it refers to, so its value would be endless`,
          ),
        );
      if (depth + h > MAX_NESTING_DEPTH)
        return first(
          problem(
            start,
            'TOO_DEEP',
            `through the alias \`*${node.source}\`, the file nests more than ${MAX_NESTING_DEPTH} levels of ` +
              `mappings and lists`,
          ),
        );
      height.set(node, h);
      continue;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    if (!isMap(node) && !isSeq(node)) {
      if (anchors.size > 0) height.set(node, 0);
      continue;
    }
    if (depth + 1 > MAX_NESTING_DEPTH) return first(tooDeep(start));
    const repeated = firstDuplicateKey(node);
    if (repeated !== undefined && !(duplicate && duplicate.offset < repeated))
      duplicate = problem(repeated, 'DUPLICATE_KEY', 'Map keys must be unique');
    const inner = childrenOf(node);
    stack.push({ node, depth, children: inner });
    // Pushed last to first, so that they are visited in document order: an anchor comes before its aliases.
    for (let i = inner.length - 1; i >= 0; i--) stack.push({ node: inner[i]!, depth: depth + 1 });
  }
  return duplicate;
}

function problem(offset: number, code: ParseProblemCode, message: string): ParseFailure {
  return { ok: false, offset, code, message };
}

/** Keys and values of a mapping, items of a sequence; a scalar has none. */
function childrenOf(node: Node): Node[] {
  if (!isMap(node) && !isSeq(node)) return [];
  const out: Node[] = [];
  for (const item of node.items as unknown[]) {
    if (isPair(item)) {
      if (item.key) out.push(item.key as Node);
      if (item.value) out.push(item.value as Node);
    } else if (item) out.push(item as Node);
  }
  return out;
}

/** Where the first repeated key of a mapping starts, comparing scalar keys by value as yaml's `uniqueKeys` does. */
function firstDuplicateKey(map: Node): number | undefined {
  if (!isMap(map)) return undefined;
  const seen = new Set<unknown>();
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key)) continue;
    // yaml compares with ===, and NaN !== NaN.
    if (typeof key.value === 'number' && Number.isNaN(key.value)) continue;
    if (seen.has(key.value)) return key.range?.[0] ?? 0;
    seen.add(key.value);
  }
  return undefined;
}

function firstAlias(doc: Document.Parsed): number | undefined {
  const stack: Node[] = doc.contents ? [doc.contents] : [];
  let first: number | undefined;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isAlias(node)) first = Math.min(first ?? Infinity, node.range?.[0] ?? 0);
    else for (const child of childrenOf(node)) stack.push(child);
  }
  return first;
}

function rootShape(doc: Document.Parsed): RootShape {
  const root = doc.contents;
  if (isMap(root)) return 'map';
  if (isSeq(root)) return 'seq';
  // No node at all, or the empty scalar yaml puts in a document with only `---` or comments.
  if (root === null || (isScalar(root) && root.value === null && root.source === '' && !root.tag && !root.anchor))
    return 'empty';
  return 'scalar';
}
