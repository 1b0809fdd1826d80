import type { JsonPath } from '../../spec/json-path.js';
import type { RequestSpec } from '../../spec/model.js';
import { captureMarker } from './captures.js';
import { expectationMarker } from './expectations.js';
import { js } from './js.js';

/**
 * The local variable (`pm.variables`) through which a request's pre-request script hands its checks to the
 * collection's test script (see check-runner.ts). The collection's pre-request script empties it before every
 * request, so a request without checks never runs the ones of the request before it.
 */
/** The label normalize.ts gives a `schema: { inline }` check; such schemas stay in their request. */
const INLINE_SCHEMA_LABEL = 'inline schema';

export const CHECKS_VARIABLE = 'mvpm.checks';

/**
 * The first and last lines of the checks block; the entries, one a line, go between them. The block follows the
 * line naming the spec it was generated from (markers.ts sourceLine).
 */
export const CHECKS_OPEN = `pm.variables.set(${js(CHECKS_VARIABLE)}, JSON.stringify([`;
export const CHECKS_CLOSE = ']));';

/**
 * A request's expectations, then its captures, as data: each the marker construct `mvpm import` reads back
 * (see expectationMarker, captureMarker), plus `at`, the JSON path's segments, where the check or capture reads
 * the body. One copy, readable in the request's Scripts tab, and no code: the collection's test script runs them.
 */
export function checkEntries(request: RequestSpec, shared: ReadonlySet<string> = new Set()): Record<string, unknown>[] {
  return [
    ...request.expectations.map((e) => {
      if (e.kind === 'body') return { ...expectationMarker(e), ...segments(e.jsonPath) };
      if (e.kind === 'schema' && shared.has(e.label)) return { kind: e.kind, label: e.label };
      return expectationMarker(e);
    }),
    ...request.captures.map((c) =>
      c.from.kind === 'json' || c.from.kind === 'expiresIn'
        ? { ...captureMarker(c), ...segments(c.from.jsonPath) }
        : captureMarker(c),
    ),
  ];
}

/**
 * `at` for a path that is not just `$.name.name…`: the runner splits such a path at its dots itself (a `.name`
 * segment holds no dot, see json-path.ts), so the common case carries the path once.
 */
function segments(path: JsonPath): { at?: readonly (string | number)[] } {
  const dotted = `$${path.segments.map((s) => `.${s}`).join('')}`;
  return path.segments.every((s) => typeof s === 'string') && dotted === path.text ? {} : { at: path.segments };
}

/**
 * `pm.variables.set("mvpm.checks", JSON.stringify([ … ]));`, every entry through js(); nothing when none. A schema
 * whose label is in `shared` is named, not copied: the collection's test script holds it (sharedSchemas).
 */
export function compileChecks(request: RequestSpec, shared: ReadonlySet<string> = new Set()): string[] {
  const entries = checkEntries(request, shared);
  if (entries.length === 0) return [];
  const last = entries.length - 1;
  return [CHECKS_OPEN, ...entries.map((entry, i) => `    ${js(entry)}${i === last ? '' : ','}`), CHECKS_CLOSE];
}

/**
 * The entries of a checks block at the start of `lines`, and how many lines it spans; undefined when the lines do
 * not start with one or its entries are not JSON.
 */
export function parseChecks(lines: readonly string[]): { entries: unknown[]; length: number } | undefined {
  if (lines[0] !== CHECKS_OPEN) return undefined;
  const end = lines.indexOf(CHECKS_CLOSE, 1);
  if (end === -1) return undefined;
  try {
    const entries = JSON.parse(`[${lines.slice(1, end).join('\n')}]`) as unknown;
    return Array.isArray(entries) && entries.length > 0 ? { entries, length: end + 1 } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The JSON Schemas the collection's test script holds once instead of each request a copy: those of `schema: { file }`
 * checks whose file name (the label) two or more checks use, all with the same content. Sorted by label.
 */
export function sharedSchemas(requests: readonly RequestSpec[]): Map<string, unknown> {
  const seen = new Map<string, { text: string; schema: unknown; uses: number } | null>();
  for (const request of requests) {
    for (const e of request.expectations) {
      if (e.kind !== 'schema' || e.label === INLINE_SCHEMA_LABEL) continue;
      const known = seen.get(e.label);
      // The same schema file read once is the same object for every request that checks it: no need to compare.
      if (known !== undefined && known !== null && known.schema === e.schema) {
        known.uses++;
        continue;
      }
      const text = JSON.stringify(e.schema);
      if (known === undefined) seen.set(e.label, { text, schema: e.schema, uses: 1 });
      else if (known !== null && known.text === text) known.uses++;
      else seen.set(e.label, null);
    }
  }
  const shared = [...seen].filter(([, v]) => v !== null && v.uses > 1).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(shared.map(([label, v]) => [label, v!.schema]));
}
