import { splitAtVariables } from '../spec/variables.js';

// The one query codec. The compiler writes a request's `query` into `url.raw` with it, and the importer reads
// `url.raw` back with it: build → import → build is byte-identical only while both sides use these functions.

/** One query parameter as the spec writes it: literal text, `{{variables}}` left for Postman to resolve. */
export interface QueryPair {
  readonly key: string;
  readonly value: string;
}

/** What would change a query's meaning (`& = # + %`, white space, quotes, angle brackets), and all non-ASCII. */
const ENCODED = /[&=#+%\s"<>]|[^\u0000-\u007f]/gu;

/**
 * Query text (a name or a value) as `url.raw` carries it: literal text percent-encoded where it would change the
 * query's meaning, `{{variables}}` left as written.
 */
export function encodeQueryText(text: string): string {
  return splitAtVariables(text)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(ENCODED, encodeCharacter)))
    .join('');
}

/** One character percent-encoded; a lone surrogate (no UTF-8 form) as U+FFFD, instead of a URIError. */
function encodeCharacter(c: string): string {
  return c.length === 1 && c >= '\uD800' && c <= '\uDFFF' ? '%EF%BF%BD' : encodeURIComponent(c);
}

/** The text `encodeQueryText` was given, or undefined when `encoded` has a malformed percent escape. */
export function decodeQueryText(encoded: string): string | undefined {
  try {
    return splitAtVariables(encoded)
      .map((part, i) => (i % 2 === 1 ? part : decodeURIComponent(part)))
      .join('');
  } catch {
    return undefined;
  }
}

/** `key=value&…` for `url.raw`, in the order given; an empty value still writes its `=`. */
export function encodeQuery(pairs: readonly QueryPair[]): string {
  return pairs.map((q) => `${encodeQueryText(q.key)}=${encodeQueryText(q.value)}`).join('&');
}

/**
 * The pairs `encodeQuery` wrote `search` from (the text after `?`, without the fragment), or undefined when
 * `search` is not exactly what `encodeQuery` writes: a pair without `=`, a malformed escape, or text encoded
 * differently (`%41`, a raw space), which would not read back to the same address. `&` inside a `{{variable}}`
 * does not separate pairs.
 */
export function decodeQuery(search: string): QueryPair[] | undefined {
  if (search === '') return [];
  const pairs: QueryPair[] = [];
  for (const pair of splitPairs(search)) {
    const eq = literalIndexOf(pair, '=');
    if (eq === -1) return undefined;
    const key = decodeQueryText(pair.slice(0, eq));
    const value = decodeQueryText(pair.slice(eq + 1));
    if (key === undefined || value === undefined) return undefined;
    if (encodeQueryText(key) !== pair.slice(0, eq) || encodeQueryText(value) !== pair.slice(eq + 1)) return undefined;
    pairs.push({ key, value });
  }
  return pairs;
}

/** `search` cut at each `&` that is not inside a `{{variable}}`. */
export function splitPairs(search: string): string[] {
  const pairs = [''];
  const parts = splitAtVariables(search);
  for (let i = 0; i < parts.length; i++) {
    const pieces = i % 2 === 1 ? [parts[i]!] : parts[i]!.split('&');
    pairs[pairs.length - 1] += pieces[0]!;
    for (const piece of pieces.slice(1)) pairs.push(piece);
  }
  return pairs;
}

/** Index of the first `char` in `text` outside its `{{variables}}`, or -1. */
export function literalIndexOf(text: string, char: string): number {
  let offset = 0;
  const parts = splitAtVariables(text);
  for (let i = 0; i < parts.length; i++) {
    const at = i % 2 === 1 ? -1 : parts[i]!.indexOf(char);
    if (at !== -1) return offset + at;
    offset += parts[i]!.length;
  }
  return -1;
}
