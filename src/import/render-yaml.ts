import { isScalar, yamlLib } from '../spec/yaml-lib.js';
import { CORE_NOT_TEXT } from '../spec/core-schema.js';
import { mayHoldVariables } from '../spec/variables.js';

/**
 * A spec file's text: keys in the order given, `{{variables}}` double-quoted (a leading `{` would read as a flow
 * map, and quoting them all keeps them easy to spot), multi-line text as literal blocks, no line folding.
 * Written directly when every part is of the common kinds whose text the yaml package's is known to be (see
 * renderDirect), else by the yaml package; the two are compared in test/unit/import-render-yaml.test.ts.
 */
export function renderYaml(value: unknown): string {
  return renderDirect(value) ?? renderWithYaml(value);
}

/** The yaml package's rendering: the definition of the text, for whatever renderDirect leaves to it. */
export function renderWithYaml(value: unknown): string {
  const { Document, Scalar, visit } = yamlLib();
  const doc = new Document(value);
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || !isScalar(node) || typeof node.value !== 'string') return;
      if (node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
      else if (mayHoldVariables(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** Thrown (and caught in renderDirect) when a part is not of a kind written directly. */
const UNUSUAL = Symbol('unusual');

/**
 * The text renderYaml gives, written without the yaml package's node tree (a third of an OpenAPI import's
 * conversion went there), or undefined when some part is unusual: an object met twice (the package writes an
 * anchor and an alias), a list in a list, an empty map or list as a list item, a number that is not finite or is
 * -0, a string outside the cases below, a key of 1,000 characters or more. Maps, lists, finite numbers, booleans
 * and null otherwise.
 */
export function renderDirect(value: unknown): string | undefined {
  if (!isMap(value)) return undefined;
  const out: string[] = [];
  try {
    const entries = defined(value);
    if (entries.length === 0) return '{}\n';
    mapEntries(entries, '', out, false, new Set([value]));
  } catch (error) {
    if (error === UNUSUAL) return undefined;
    throw error;
  }
  return out.join('');
}

function node(value: unknown, indent: string, out: string[], seen: Set<object>): void {
  if (Array.isArray(value)) {
    enter(value, seen);
    if (value.length === 0) return void out.push(' []\n');
    out.push('\n');
    for (const item of value) {
      if (Array.isArray(item)) throw UNUSUAL;
      out.push(`${indent}- `);
      if (isMap(item)) {
        enter(item, seen);
        const entries = defined(item);
        if (entries.length === 0) throw UNUSUAL;
        mapEntries(entries, `${indent}  `, out, true, seen);
      } else out.push(scalar(item, `${indent}  `, false), '\n');
    }
    return;
  }
  if (isMap(value)) {
    enter(value, seen);
    const entries = defined(value);
    if (entries.length === 0) return void out.push(' {}\n');
    out.push('\n');
    mapEntries(entries, indent, out, false, seen);
    return;
  }
  out.push(' ', scalar(value, indent, false), '\n');
}

/** `key: value` lines; `inline` when the first key follows a list's `- ` on the same line. */
function mapEntries(
  entries: readonly [string, unknown][],
  indent: string,
  out: string[],
  inline: boolean,
  seen: Set<object>,
): void {
  let first = true;
  for (const [key, value] of entries) {
    if (key.length >= 1000) throw UNUSUAL; // the yaml package writes a long key as `? key`
    out.push(first && inline ? '' : indent, scalar(key, undefined, true), ':');
    first = false;
    node(value, `${indent}  `, out, seen);
  }
}

/** The entries the yaml package writes: those whose value is not undefined. */
function defined(map: Readonly<Record<string, unknown>>): [string, unknown][] {
  return Object.entries(map).filter(([, v]) => v !== undefined);
}

/** An object seen twice is written by the yaml package as an anchor and an alias. */
function enter(value: object, seen: Set<object>): void {
  if (seen.has(value)) throw UNUSUAL;
  seen.add(value);
}

function isMap(value: unknown): value is Readonly<Record<string, unknown>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Printable text with no character the yaml package treats specially anywhere in a plain or quoted scalar: no
 * control character (C0 but for line feeds, DEL, C1), tab, line or paragraph separator, byte order mark or lone
 * surrogate.
 */
const PRINTABLE = /^[^\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uD800-\uDFFF]*$/u;
/** The yaml package's plainString refusals (an indicator first, `: `, ` #`, a space or `:` last, …), one line. */
const NOT_PLAIN = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$/;
/** A document marker first: the package may write such a key otherwise; left to it. */
const MARKER = /^(---|\.\.\.)/;
/** Text the yaml package's double quotes hold unchanged: printable ASCII without `"` or `\`. */
const QUOTE_AS_IS = /^[\x20\x21\x23-\x5B\x5D-\x7E]*$/;
/** Multi-line text written as a literal block unchanged: no space first, no line ending in a blank, no `+` chomp. */
const BLOCK_UNSAFE = /^[ \n]|[ \t]\n|[ \t]$|\n\n$/;

/**
 * A scalar as the yaml package writes it in renderWithYaml; `indent` is where a literal block's lines go; `key`:
 * a map key (never a block, never forced into double quotes). Throws UNUSUAL for the rest.
 */
function scalar(value: unknown, indent: string | undefined, key: boolean): string {
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Object.is(value, -0)) throw UNUSUAL;
    return String(value);
  }
  if (typeof value !== 'string' || !PRINTABLE.test(value)) throw UNUSUAL;
  if (value.includes('\n')) {
    if (key || indent === undefined || BLOCK_UNSAFE.test(value)) throw UNUSUAL;
    const chomp = value.endsWith('\n') ? '' : '-';
    const lines = (chomp === '' ? value.slice(0, -1) : value).split('\n');
    return `|${chomp}\n${lines.map((line) => (line === '' ? '' : `${indent}${line}`)).join('\n')}`;
  }
  if (!key && mayHoldVariables(value)) {
    if (QUOTE_AS_IS.test(value)) return `"${value}"`;
    throw UNUSUAL;
  }
  if (MARKER.test(value)) throw UNUSUAL;
  if (!NOT_PLAIN.test(value) && !CORE_NOT_TEXT.test(value)) return value;
  // Double quotes: the package picks single ones only for text with a `"` and no `'`, never QUOTE_AS_IS.
  if (QUOTE_AS_IS.test(value)) return `"${value}"`;
  throw UNUSUAL;
}
