// Regular expressions from OpenAPI documents, evaluated in linear time. A document is untrusted input: a `pattern`
// such as `(a+)+$` makes a backtracking engine (JavaScript's RegExp) take exponential time on `aaaa…b`, so the
// stand-in's validator would hang on one request. RE2 (re2js, a pure-JavaScript port) matches in time linear in the
// input and refuses what it cannot do that way (backreferences, lookaround): such a pattern is reported once and not
// enforced. Compiling is bounded too: RE2 limits repetition counts (`{1001}` is refused) and program size, and a
// pattern longer than MAX_PATTERN_LENGTH is not compiled at all.

import { RE2JS } from 're2js';

/** Longer patterns are not compiled: RE2's compile time and memory grow with the pattern. */
export const MAX_PATTERN_LENGTH = 2000;

/** What ajv (and anything else) needs of a compiled pattern: `test` searches, as RegExp#test does. */
export interface SafePattern {
  readonly test: (text: string) => boolean;
}

/** A pattern RE2 cannot evaluate, with the reason. */
export interface UnsafePattern {
  readonly pattern: string;
  readonly reason: string;
}

export type CompiledPattern =
  | { readonly ok: true; readonly regex: SafePattern }
  | ({ readonly ok: false } & UnsafePattern);

/**
 * Compiles an ECMA-262 pattern (JSON Schema's dialect) for RE2: `(?<name>…)` and `\/` are translated by re2js, and
 * what RE2 refuses is returned as a reason. Never throws, never backtracks.
 */
export function compileSafePattern(pattern: string): CompiledPattern {
  if (pattern.length > MAX_PATTERN_LENGTH)
    return { ok: false, pattern, reason: `longer than ${MAX_PATTERN_LENGTH} characters` };
  try {
    const re2 = RE2JS.compile(RE2JS.translateRegExp(pattern));
    return { ok: true, regex: { test: (text) => re2.test(text) } };
  } catch (error) {
    // re2js's syntax errors say what is unsupported (`invalid escape sequence: \1`, `(?=`); keep them short.
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'cannot be compiled';
    return { ok: false, pattern, reason };
  }
}

/**
 * ajv's `code.regExp` option (ajv's RegExpEngine): every `pattern` and `patternProperties` key of the schemas compiled
 * by that ajv instance goes through here. A pattern RE2 cannot evaluate is passed to `onUnsafe` (once per distinct
 * pattern) and matches everything, so it is not enforced rather than evaluated unsafely.
 */
export function safeRegExpEngine(onUnsafe: (unsafe: UnsafePattern) => void): {
  (pattern: string, flags: string): SafePattern;
  code: string;
} {
  const cache = new Map<string, SafePattern>();
  const engine = (pattern: string, _flags: string): SafePattern => {
    // RE2 always reads Unicode, so ajv's `u` flag changes nothing.
    const known = cache.get(pattern);
    if (known) return known;
    const compiled = compileSafePattern(pattern);
    if (!compiled.ok) onUnsafe({ pattern, reason: compiled.reason });
    // ajv keys its compiled patterns by `toString()`: one key per pattern, or every pattern would be the first one.
    // An unenforceable pattern matches everything.
    const regex = Object.freeze({
      test: compiled.ok ? compiled.regex.test : () => true,
      toString: () => `re2:${JSON.stringify(pattern)}`,
    });
    cache.set(pattern, regex);
    return regex;
  };
  // Only ajv's standalone code generation reads `code`; mvpm never generates standalone validators.
  return Object.assign(engine, { code: 'mvpmSafeRegExp' });
}
