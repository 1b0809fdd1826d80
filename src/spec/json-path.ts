/**
 * The JSON path subset used by `expect.body` and `capture`: `$`, then `.name`, `[index]`, `['name']` or `["name"]`.
 * Enough to address any node of a token or API response, and simple enough to compile to a plain property walk.
 */
export interface JsonPath {
  readonly text: string;
  readonly segments: readonly (string | number)[];
}

export type JsonPathResult =
  | { readonly ok: true; readonly value: JsonPath }
  | { readonly ok: false; readonly index: number; readonly reason: string };

const NAME = /^[A-Za-z_$][\w$-]*/;
const INDEX = /^\[(\d+)\]/;
const QUOTED = /^\[(['"])((?:\\.|(?!\1)[^\\])*)\1\]/;

export function parseJsonPath(text: string): JsonPathResult {
  if (!text.startsWith('$')) return { ok: false, index: 0, reason: 'a JSON path starts with `$`' };
  const segments: (string | number)[] = [];
  let i = 1;
  while (i < text.length) {
    const rest = text.slice(i);
    if (rest.startsWith('.')) {
      const name = NAME.exec(rest.slice(1));
      if (!name) return { ok: false, index: i + 1, reason: 'expected a property name after `.`' };
      segments.push(name[0]);
      i += 1 + name[0].length;
      continue;
    }
    const index = INDEX.exec(rest);
    if (index) {
      segments.push(Number(index[1]));
      i += index[0].length;
      continue;
    }
    const quoted = QUOTED.exec(rest);
    if (quoted) {
      segments.push((quoted[2] ?? '').replace(/\\(.)/g, '$1'));
      i += quoted[0].length;
      continue;
    }
    return {
      ok: false,
      index: i,
      reason: "expected `.name`, `[index]` or `['name']`; filters and wildcards are not supported",
    };
  }
  return { ok: true, value: { text, segments } };
}
