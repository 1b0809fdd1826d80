// Reading untrusted JSON values without trusting their shape: every accessor checks the type it expects, keys are
// set as own properties (a `__proto__` key stays a key), and nothing is converted by calling the input's methods.
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The objects of a list; anything else (a missing list, a string, numbers in it) reads as nothing. */
export function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? (value.filter(isObject) as Json[]) : [];
}

/**
 * A scalar as text: strings as they are, numbers and booleans written out, anything else `fallback`. Never
 * `String(value)` on input, which calls the value's own `toString` (`{"toString": 1}` throws).
 */
export function text(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fallback;
}

/** Sets `key` as an own, enumerable property, even when it is `__proto__`. */
export function setKey(object: Json, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

export function hasKey(object: Json, key: string): boolean {
  return Object.hasOwn(object, key);
}

/** The object without its undefined values, keys in the order given. */
export function compact(object: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) setKey(out, key, value);
  return out;
}

export function nonEmptyObject<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

/** Postman's description: a string, or `{ content }`. */
export function descriptionOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (isObject(value) && typeof value['content'] === 'string')
    return value['content'] === '' ? undefined : value['content'];
  return undefined;
}

/**
 * How deep `value` nests (a scalar is 0, `[]` is 1), counted without recursion so that no input can exhaust the
 * stack; stops counting at `limit + 1`. With `at`, also returns the JSON pointer of the first place past the limit.
 */
export function nestingDepth(value: unknown, limit: number): { depth: number; pointer?: string } {
  const stack: { value: unknown; depth: number; pointer: string }[] = [{ value, depth: 0, pointer: '' }];
  let deepest = 0;
  while (stack.length > 0) {
    const { value: current, depth, pointer } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    const inner = depth + 1;
    if (inner > limit) return { depth: inner, pointer };
    if (inner > deepest) deepest = inner;
    const entries: [string, unknown][] = Array.isArray(current)
      ? current.map((v, i) => [String(i), v])
      : Object.entries(current);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (child !== null && typeof child === 'object')
        stack.push({ value: child, depth: inner, pointer: `${pointer}/${pointerToken(key)}` });
    }
  }
  return { depth: deepest };
}

/** A key as a JSON pointer reference token (RFC 6901 §3: `~` → `~0`, `/` → `~1`). */
export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
