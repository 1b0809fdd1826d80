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
export function checkEntries(request: RequestSpec): Record<string, unknown>[] {
  return [
    ...request.expectations.map((e) =>
      e.kind === 'body' ? { ...expectationMarker(e), ...segments(e.jsonPath) } : expectationMarker(e),
    ),
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

/** `pm.variables.set("mvpm.checks", JSON.stringify([ … ]));`, every entry through js(); nothing when none. */
export function compileChecks(request: RequestSpec): string[] {
  const entries = checkEntries(request);
  if (entries.length === 0) return [];
  const last = entries.length - 1;
  return [
    CHECKS_OPEN,
    ...entries.map((entry, i) => `    ${js(entry)}${i === last ? '' : ','}`),
    CHECKS_CLOSE,
  ];
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
