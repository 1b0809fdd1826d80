import { yamlLib } from '../spec/yaml-lib.js';

// A v3 document as YAML text, byte-identical for the same document: keys in the document's order, block style,
// multi-line text (scripts, descriptions, bodies) as literal blocks, never folded. The v3 documents are small trees
// of maps, lists, strings, numbers and booleans, so the structure is written here directly: the yaml package's
// stringify builds a node tree per document and cost a 10,000-request build more than compiling it. Every string
// that is not plainly safe goes to the yaml package, which picks the quoting; test/unit/v3-yaml.test.ts parses
// the output back with it (random strings included) and compares.

// Quoted on one line: a block the yaml package wrote would be indented for the top level, not where it goes.
export const QUOTE_OPTIONS = {
  lineWidth: 0,
  minContentWidth: 0,
  blockQuote: false,
  defaultStringType: 'QUOTE_DOUBLE',
} as const;

/**
 * Plain scalars that read back as the same string (and UUIDs): no indicator first, no `: ` or ` #`, no `:` last, not
 * a YAML 1.1 or 1.2 literal.
 */
const PLAIN = /^([A-Za-z_/$(][A-Za-z0-9 _./$()+,;=@'`*:?&%-]*|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})$/;
const NOT_PLAIN = /: | #|[\s:]$|^(y|n|yes|no|on|off|true|false|null|~)$/i;
/** A literal block holds any line of printable text; the first must not start with a space (no indent indicator). */
const BLOCK_UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF]|^[ \n]|[ \t\r]\n|[ \t]$/u;

export function renderYaml(document: unknown): string {
  const out: string[] = [];
  node(document, '', out, true);
  return `${out.join('')}`;
}

function node(value: unknown, indent: string, out: string[], top: boolean): void {
  if (Array.isArray(value)) {
    if (value.length === 0) return void out.push(' []\n');
    if (!top) out.push('\n');
    for (const item of value) {
      out.push(`${indent}- `);
      if (isMap(item) && Object.keys(item).length > 0) mapEntries(item, `${indent}  `, out, true);
      else node(item, `${indent}  `, out, false);
    }
    return;
  }
  if (isMap(value)) {
    if (!hasDefinedValue(value)) return void out.push(top ? '{}\n' : ' {}\n');
    if (!top) out.push('\n');
    mapEntries(value, indent, out, false);
    return;
  }
  out.push(top ? '' : ' ', scalar(value, indent), '\n');
}

/** `key: value` lines; `inline` when the first key follows a list's `- ` on the same line. */
function mapEntries(map: Readonly<Record<string, unknown>>, indent: string, out: string[], inline: boolean): void {
  let first = true;
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    out.push(first && inline ? '' : indent, scalar(key, undefined), ':');
    first = false;
    node(value, `${indent}  `, out, false);
  }
}

/** Whether a key of `map` has a value (undefined ones are not written), without building its entries. */
function hasDefinedValue(map: Readonly<Record<string, unknown>>): boolean {
  for (const key of Object.keys(map)) if (map[key] !== undefined) return true;
  return false;
}

function isMap(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A scalar; `indent` is where a literal block's lines go (undefined: never a block, for keys). */
function scalar(value: unknown, indent: string | undefined): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  const text = String(value);
  if (PLAIN.test(text) && !NOT_PLAIN.test(text)) return text;
  if (indent !== undefined && text.includes('\n') && !BLOCK_UNSAFE.test(text)) {
    const chomp = text.endsWith('\n') ? (text.endsWith('\n\n') ? '+' : '') : '-';
    const body = (chomp === '-' ? text : text.slice(0, -1)).split('\n');
    return `|${chomp}\n${body.map((line) => (line === '' ? '' : `${indent}${line}`)).join('\n')}`;
  }
  // Printable ASCII, the usual case (`"{{baseUrl}}/assets"`, `""`, a one-line script with quotes): the yaml package
  // writes it as JSON does, escaping only `"` and `\` (lineWidth 0: never folded). Quoted here the same way
  // (test/unit/v3-yaml.test.ts compares the two), without loading the package.
  if (QUOTE_AS_JSON.test(text)) return JSON.stringify(text);
  return yamlLib().stringify(text, QUOTE_OPTIONS).slice(0, -1);
}

/** Text the yaml package's double quotes write as JSON.stringify does: printable ASCII. */
export const QUOTE_AS_JSON = /^[\x20-\x7E]*$/;
