// Generated scripts → `expect`, `capture` and `autoRefresh`, from the markers the compiler writes before each
// generated piece (see compile/scripts/markers.ts). The JavaScript is never parsed: the constructs the markers
// name are compiled again and must reproduce the script's generated lines exactly, or the script is kept raw.
import { compileAutoRefresh, compileAutoRefreshRecovery } from '../compile/scripts/auto-refresh.js';
import { compileRequestScripts } from '../compile/scripts/item-scripts.js';
import { CLEAR_CHECKS_LINE, compileCheckRunner, parseSchemaTable } from '../compile/scripts/check-runner.js';
import { CHECKS_OPEN, parseChecks } from '../compile/scripts/checks.js';
import { currentFormat, parseMarker, parseSourceLine } from '../compile/scripts/markers.js';
import { compileNeedsGuard } from '../compile/scripts/needs.js';
import { parseJsonPath } from '../spec/json-path.js';
import type * as M from '../spec/model.js';
import { SpecSource } from '../spec/source.js';
import { nestingDepth } from './json-util.js';

/**
 * A marker's construct nesting deeper than this is not one mvpm generated (a schema is the deepest, and the spec loader
 * reads 64 levels).
 */
const MAX_CONSTRUCT_DEPTH = 48;

/** What a request's test script held: the constructs it was generated from and the lines that are not generated. */
export interface ImportedTestScript {
  readonly expectations: readonly M.ExpectationSpec[];
  readonly captures: readonly M.CaptureSpec[];
  /** Lines that are not generated (an `afterResponse` script), or the whole script when it could not be matched. */
  readonly raw: readonly string[];
  /** Set when markers were found but the script no longer matches them. */
  readonly edited: boolean;
}

const ORIGIN_SOURCE = new SpecSource('imported', 'imported', 'request', '');
const origin: M.Origin = { source: ORIGIN_SOURCE, path: [] };

/** What a request's scripts held: the constructs they were generated from and the lines that are not generated. */
export interface ImportedRequestScripts {
  readonly expectations: readonly M.ExpectationSpec[];
  readonly captures: readonly M.CaptureSpec[];
  /** Lines that are not generated (raw scripts), or a whole script when it could not be matched. */
  readonly raw: { readonly prerequest: readonly string[]; readonly test: readonly string[] };
  /** Set when generated pieces were found but no longer match what they were generated from. */
  readonly edited: boolean;
}

/**
 * A request's scripts → its expectations, captures and raw scripts. Reads today's layout (the checks as data in
 * the pre-request script, see compile/scripts/checks.ts) and both older ones (markers in the test script).
 */
export function importRequestScripts(
  prerequest: readonly string[],
  test: readonly string[],
  schemas: ReadonlyMap<string, unknown> = new Map(),
): ImportedRequestScripts {
  const before = withoutNeedsGuard(prerequest);
  const projectPath = before.length > 0 ? parseSourceLine(before[0]!) : undefined;
  const block = projectPath === undefined ? undefined : parseChecks(before.slice(1));
  if (projectPath === undefined || block === undefined) {
    // A checks block that no longer parses was edited: it stays, as a raw script. A lone header is dropped.
    const editedChecks = projectPath !== undefined && before[1] === CHECKS_OPEN;
    const legacy = importTestScript(test);
    return {
      expectations: legacy.expectations,
      captures: legacy.captures,
      raw: { prerequest: editedChecks ? before : stripHeader(before), test: legacy.raw },
      edited: legacy.edited || editedChecks,
    };
  }
  const expectations: M.ExpectationSpec[] = [];
  const captures: M.CaptureSpec[] = [];
  let bad = false;
  for (const entry of block.entries) {
    if (nestingDepth(entry, MAX_CONSTRUCT_DEPTH).depth > MAX_CONSTRUCT_DEPTH) bad = true;
    else if (isObject(entry) && 'kind' in entry) {
      const named = entry['kind'] === 'schema' && !('schema' in entry) && typeof entry['label'] === 'string';
      const shared = named && schemas.has(entry['label'] as string);
      const e = expectationFrom(shared ? { ...entry, schema: schemas.get(entry['label'] as string) } : entry);
      if (e && captures.length === 0) expectations.push(e);
      else bad = true;
    } else {
      const c = captureFrom(entry);
      if (c) captures.push(c);
      else bad = true;
    }
  }
  const source = new SpecSource(projectPath, projectPath, 'request', '');
  const request = { expectations, captures, scripts: [], origin: { source, path: [] } } as unknown as M.RequestSpec;
  const sharedSchemas = new Set(schemas.keys());
  const generated = bad
    ? undefined
    : compiledOrUndefined(() => compileRequestScripts(request, { sharedSchemas }).prerequest ?? []);
  if (generated === undefined || !startsWith(before, generated))
    return { expectations: [], captures: [], raw: { prerequest: before, test: [...test] }, edited: true };
  return {
    expectations,
    captures,
    raw: { prerequest: before.slice(generated.length), test: [...test] },
    edited: false,
  };
}

export function importTestScript(exec: readonly string[]): ImportedTestScript {
  const expectations: M.ExpectationSpec[] = [];
  const captures: M.CaptureSpec[] = [];
  let bad = false;
  for (const line of exec) {
    const marker = parseMarker(line);
    if (!marker) continue;
    if (nestingDepth(marker.construct, MAX_CONSTRUCT_DEPTH).depth > MAX_CONSTRUCT_DEPTH) bad = true;
    else if (marker.kind === 'expect') {
      const e = expectationFrom(marker.construct);
      if (e) expectations.push(e);
      else bad = true;
    } else if (marker.kind === 'capture') {
      const c = captureFrom(marker.construct);
      if (c) captures.push(c);
      else bad = true;
    } else bad = true;
  }
  if (expectations.length === 0 && captures.length === 0)
    return { expectations, captures, raw: stripHeader(exec), edited: bad };
  const projectPath = parseSourceLine(exec[0] ?? '') ?? 'imported';
  const source = new SpecSource(projectPath, projectPath, 'request', '');
  const request = { expectations, captures, scripts: [], origin: { source, path: [] } } as unknown as M.RequestSpec;
  // Today's layout first, then the flat one of collections exported before requests guarded their checks.
  for (const layout of ['current', 'flat'] as const) {
    const generated = compiledOrUndefined(() => compileRequestScripts(request, { layout }).test ?? []);
    if (generated !== undefined && !bad && startsWith(exec, generated))
      return { expectations, captures, raw: exec.slice(generated.length), edited: false };
  }
  return { expectations: [], captures: [], raw: [...exec], edited: true };
}

/** A lone generated header (a request whose generated part was removed by hand) is dropped. */
function stripHeader(exec: readonly string[]): string[] {
  return exec.length > 0 && parseSourceLine(exec[0]!) !== undefined ? exec.slice(1) : [...exec];
}

/**
 * A request's pre-request script without the generated guard that skips it when a variable it needs was not
 * produced: the compiler derives that guard from the collection again, so it is not part of any spec. A guard
 * that no longer matches its marker was edited and stays.
 */
export function withoutNeedsGuard(prerequest: readonly string[]): string[] {
  const marker = prerequest.length > 0 ? parseMarker(prerequest[0]!) : undefined;
  const needs = marker?.kind === 'needs' ? marker.construct : undefined;
  if (!Array.isArray(needs) || needs.length === 0 || !needs.every((n) => typeof n === 'string')) return [...prerequest];
  for (const layout of ['checks', 'legacy'] as const) {
    const guard = compileNeedsGuard(needs as string[], layout);
    if (startsWith(prerequest, guard)) return prerequest.slice(guard.length);
  }
  return [...prerequest];
}

/**
 * The collection's `autoRefresh`, when its pre-request script starts with the generated piece, and its scripts
 * without the generated pieces: the auto-refresh, then the line that empties the checks and the runner of the
 * requests' checks (check-runner.ts), which the compiler adds again whenever a request has checks.
 */
export function importAutoRefresh(
  prerequest: readonly string[],
  test: readonly string[],
): {
  spec?: M.AutoRefreshSpec;
  prerequest: string[];
  test: string[];
  edited: boolean;
  /** The schemas the check runner holds, by label (see importRequestScripts). */
  schemas: ReadonlyMap<string, unknown>;
} {
  const schemas = new Map<string, unknown>();
  const refresh = { ...importAutoRefreshOnly(prerequest, test), schemas };
  if (refresh.edited) return refresh;
  const table = parseSchemaTable(refresh.test);
  const runner = compiledOrUndefined(() => compileCheckRunner(table));
  const cleared = refresh.prerequest[0] === CLEAR_CHECKS_LINE;
  const ran = runner !== undefined && startsWith(refresh.test, runner);
  if (cleared !== ran) return { ...refresh, edited: true };
  if (!cleared || runner === undefined) return refresh;
  for (const [label, schema] of table ?? []) schemas.set(label, schema);
  return { ...refresh, prerequest: refresh.prerequest.slice(1), test: refresh.test.slice(runner.length) };
}

function importAutoRefreshOnly(
  prerequest: readonly string[],
  test: readonly string[],
): { spec?: M.AutoRefreshSpec; prerequest: string[]; test: string[]; edited: boolean } {
  const marker = prerequest.length > 0 ? parseMarker(prerequest[0]!) : undefined;
  if (marker?.kind !== 'autoRefresh') return { prerequest: [...prerequest], test: [...test], edited: false };
  const spec =
    nestingDepth(marker.construct, MAX_CONSTRUCT_DEPTH).depth > MAX_CONSTRUCT_DEPTH
      ? undefined
      : autoRefreshFrom(marker.construct);
  const before = spec ? compiledOrUndefined(() => compileAutoRefresh(spec)) : [];
  const after = spec ? compiledOrUndefined(() => compileAutoRefreshRecovery(spec)) : [];
  if (!spec || !before || !after || !startsWith(prerequest, before) || !startsWith(test, after))
    return { prerequest: [...prerequest], test: [...test], edited: true };
  return { spec, prerequest: prerequest.slice(before.length), test: test.slice(after.length), edited: false };
}

/**
 * The compiler's lines for constructs read from a marker, or undefined when it cannot compile them (an unknown
 * `check`, a `oneOf` that is not a list: markers are input, and what the compiler cannot compile was not generated
 * by it). The script is then kept (or dropped) as a raw script.
 */
function compiledOrUndefined(compile: () => readonly string[]): readonly string[] | undefined {
  try {
    return compile();
  } catch {
    return undefined;
  }
}

/**
 * Whether `lines` begin with the generated `prefix`; markers and headers of the older comment format count as the same.
 */
function startsWith(lines: readonly string[], prefix: readonly string[]): boolean {
  return (
    prefix.length <= lines.length && prefix.every((line, i) => line === lines[i] || line === currentFormat(lines[i]!))
  );
}

function expectationFrom(value: unknown): M.ExpectationSpec | undefined {
  if (!isObject(value)) return undefined;
  const v = value;
  switch (v['kind']) {
    case 'status':
      return Array.isArray(v['codes']) && v['codes'].every((c) => Number.isInteger(c))
        ? { kind: 'status', codes: v['codes'] as number[], origin }
        : undefined;
    case 'contentType':
      return typeof v['mediaType'] === 'string'
        ? { kind: 'contentType', mediaType: v['mediaType'], origin }
        : undefined;
    case 'responseTime':
      return typeof v['below'] === 'number' ? { kind: 'responseTime', below: v['below'], origin } : undefined;
    case 'schema':
      return isObject(v['schema']) && typeof v['label'] === 'string'
        ? { kind: 'schema', schema: v['schema'], label: v['label'], origin }
        : undefined;
    case 'header':
      if (typeof v['name'] !== 'string') return undefined;
      if (v['check'] === 'exists' && typeof v['expected'] === 'boolean')
        return { kind: 'header', name: v['name'], check: 'exists', expected: v['expected'], origin };
      if ((v['check'] === 'equals' || v['check'] === 'matches') && typeof v['expected'] === 'string')
        return { kind: 'header', name: v['name'], check: v['check'], expected: v['expected'], origin };
      return undefined;
    case 'body': {
      const parsed = typeof v['path'] === 'string' ? parseJsonPath(v['path']) : undefined;
      if (!parsed?.ok) return undefined;
      const jsonPath = parsed.value;
      const check = v['check'];
      if (check === 'length') {
        const max = v['max'] === undefined ? Number.POSITIVE_INFINITY : v['max'];
        return typeof v['min'] === 'number' && typeof max === 'number'
          ? { kind: 'body', jsonPath, check, min: v['min'], max, origin }
          : undefined;
      }
      return { kind: 'body', jsonPath, check, expected: v['expected'], origin } as M.ExpectationSpec;
    }
    default:
      return undefined;
  }
}

function captureFrom(value: unknown): M.CaptureSpec | undefined {
  if (!isObject(value) || typeof value['into'] !== 'string') return undefined;
  const variable = value['into'];
  for (const kind of ['json', 'expiresIn'] as const) {
    const text = value[kind];
    if (typeof text !== 'string') continue;
    const parsed = parseJsonPath(text);
    return parsed.ok ? { variable, from: { kind, jsonPath: parsed.value }, origin } : undefined;
  }
  if (typeof value['header'] === 'string') {
    const regex = value['regex'];
    return {
      variable,
      from: { kind: 'header', name: value['header'], ...(typeof regex === 'string' ? { regex } : {}) },
      origin,
    };
  }
  if (typeof value['variable'] === 'string')
    return { variable, from: { kind: 'variable', name: value['variable'] }, origin };
  return undefined;
}

function autoRefreshFrom(value: unknown): M.AutoRefreshSpec | undefined {
  if (!isObject(value) || !isObject(value['variables'])) return undefined;
  const v = value as unknown as M.AutoRefreshSpec;
  const names = v.variables as unknown as Record<string, unknown>;
  const strings = [
    v.tokenUrl,
    v.clientId,
    v.clientSecret,
    names['accessToken'],
    names['refreshToken'],
    names['expiresAt'],
    names['previousRefreshToken'],
  ];
  if (!strings.every((s) => typeof s === 'string') || typeof v.leewaySeconds !== 'number') return undefined;
  if (v.clientAuthentication !== 'body' && v.clientAuthentication !== 'header') return undefined;
  return v;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
