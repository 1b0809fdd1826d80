// Names made from an OpenAPI document's text: every one is untrusted. File and directory names go through the path
// guard (names.ts' DirectoryNames, itself cleanName); variable names are cut to letters, digits and `_` so that
// they read the same in a URL, a header and generated code; text that lands where the spec loader refuses
// control characters (E_UNSAFE_TEXT) is cleaned here rather than refused there.
import { UNSAFE_TEXT } from '../../paths/path-guard.js';

/** A lower-case, dash-separated slug of `text` (ASCII letters and digits), or `fallback` when none is left. */
export function slugOf(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** A target name (`^[a-z][a-z0-9-]*$`) from a title. */
export function targetOf(title: string): string {
  const slug = slugOf(title, 'api');
  const name = /^[a-z]/.test(slug) ? slug : `api-${slug}`;
  return name === 'standin' ? 'standin-api' : name;
}

/** `MV_` and the name in capitals with `_` between words: `SubscriptionKey` → `MV_SUBSCRIPTION_KEY`. */
export function processVariableOf(variable: string): string {
  const words = variable
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `MV_${words === '' ? 'VALUE' : words}`;
}

/** A variable name from untrusted text: letters, digits and `_` only, never empty, at most 64 characters. */
export function variableNameOf(text: string, fallback: string): string {
  const name = text
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+(?=.)|_+$/g, '')
    .slice(0, 64);
  return name === '' || name === '_' ? fallback : name;
}

/**
 * Variable names taken in one environment: `take(wanted)` gives a clean name no earlier take() or reserved name
 * has (`id`, `id_2`, …); the same `key` (default: the wanted text) always gets the same name back (a path parameter
 * shared by many operations is one variable).
 */
export class VariableNames {
  private readonly taken = new Set<string>();
  private readonly given = new Map<string, string>();

  constructor(reserved: Iterable<string>) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  take(wanted: string, fallback: string, key = wanted): string {
    const known = this.given.get(key);
    if (known !== undefined) return known;
    const clean = variableNameOf(wanted, fallback);
    let name = clean;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${clean}_${n}`;
    this.taken.add(name.toLowerCase());
    this.given.set(key, name);
    return name;
  }
}

/** Whether `text` holds a character the spec loader refuses in names and keys (E_UNSAFE_TEXT). */
export function isUnsafeName(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

const UNSAFE_VALUE = new RegExp(`(?!\\t)${UNSAFE_TEXT.source}`, 'gu');

/** Whether `text` holds a character the spec loader refuses in URLs, headers and checks (tab allowed). */
export function isUnsafeValue(text: string): boolean {
  UNSAFE_VALUE.lastIndex = 0;
  return UNSAFE_VALUE.test(text);
}

/** `text` with each character the spec loader refuses in a value replaced by `_`. */
export function safeValue(text: string): string {
  return text.replace(UNSAFE_VALUE, '_');
}

/** `text` with each character the spec loader refuses in a name replaced by `_`, for display names. */
export function safeName(text: string): string {
  return text.replace(new RegExp(UNSAFE_TEXT.source, 'gu'), '_');
}

/**
 * Prose for a description: line and paragraph separators become line breaks, other control characters (tab and
 * line feed aside) and bidirectional controls go, so that what a reviewer reads is what Postman shows.
 */
export function plainText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(new RegExp(`(?![\\t\\n])${UNSAFE_TEXT.source}`, 'gu'), '')
    .trim();
}
