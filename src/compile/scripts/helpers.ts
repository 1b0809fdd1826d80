import { js } from './js.js';

/**
 * The small runtime helpers of the older layout, where each request's test script carried its own checks: today
 * only the import side compiles them, to recognise collections generated then (see item-scripts.ts `layout`);
 * the checks now run in one interpreter in the collection's test script (check-runner.ts).
 * Postman runs every script in its own scope, so there was nothing to import: each script carried its own copy.
 * Messages describe values by type and length unless the compiler marked them safe to show: a body field may
 * hold a token, and a failed assertion's message lands in reports and CI logs.
 */
export type HelperName = 'at' | 'show' | 'header' | 'capture' | 'mark';

/**
 * The local variable (`pm.variables`, which lives for one collection run) that records which variables an earlier
 * request of the run failed to produce: `{ "<variable>": { request, cause, reason } }`. Requests that need one of
 * them are skipped (see needs.ts), and the runner reports the skips once, with their cause.
 */
export const FAILED_VARIABLES = 'mvpm.failed';

const HELPERS: Record<HelperName, readonly string[]> = {
  // The value at a path of the JSON body; undefined when absent or when the body is not JSON.
  at: [
    'at: function (path) {',
    '    var node; try { node = pm.response.json(); } catch (e) { return undefined; }',
    '    for (var i = 0; i < path.length && node !== undefined; i++) node = node !== null && typeof node === ' +
      '"object" ? node[path[i]] : undefined;',
    '    return node;',
    '},',
  ],
  // What a message may say about a value: its type and size, its content only when `reveal` (and short).
  show: [
    'show: function (value, reveal) {',
    '    if (typeof value === "string") return reveal && value.length <= 64 ? JSON.stringify(value) : "a string of ' +
      '" + value.length + " characters";',
    '    if (value === undefined || value === null || typeof value === "number" || typeof value === "boolean") ' +
      'return reveal || value == null ? String(value === undefined ? "nothing" : value) : "a " + typeof value;',
    '    return Array.isArray(value) ? "an array of " + value.length : "an object";',
    '},',
  ],
  header: [
    'header: function (name) { return pm.response.headers.has(name) ? pm.response.headers.get(name) : undefined; },',
  ],
  // Stores a value in the environment (kept by newman --export-environment); fails, changing nothing, when there is
  // none, and records the variable as not produced, so the requests that need it are skipped instead of failing.
  capture: [
    'capture: function (variable, value, from) {',
    '    if (value === undefined || value === null || value === "") {',
    '        var code = pm.response.code, error;',
    '        try { error = pm.response.json().error; } catch (e) { error = undefined; }',
    '        mvpm.mark([variable], code >= 200 && code < 300 ? from + " has no value" : "it answered HTTP " + code ' +
      '+ (typeof error === "string" && /^[a-z_]{1,40}$/.test(error) ? " " + error : ""));',
    '        pm.expect.fail(from + " has no value to capture into {{" + variable + "}}; {{" + variable + "}} is ' +
      'left as it was");',
    '    }',
    '    mvpm.mark([variable]);',
    '    pm.environment.set(variable, typeof value === "string" ? value : JSON.stringify(value));',
    '},',
  ],
  // Records variables this request did not produce (with why), or clears them when `reason` is undefined.
  mark: [
    'mark: function (variables, reason) {',
    `    var failed; try { failed = JSON.parse(pm.variables.get(${js(FAILED_VARIABLES)}) || "{}"); } catch (e) { ` +
      `failed = {}; }`,
    '    if (failed === null || typeof failed !== "object") failed = {};',
    '    for (var i = 0; i < variables.length; i++) {',
    '        if (reason === undefined) delete failed[variables[i]];',
    '        else failed[variables[i]] = { request: pm.info.requestName, cause: ' +
      'JSON.stringify(pm.info.requestName), reason: reason };',
    '    }',
    `    pm.variables.set(${js(FAILED_VARIABLES)}, JSON.stringify(failed));`,
    '},',
  ],
};

const ORDER: readonly HelperName[] = ['at', 'show', 'header', 'capture', 'mark'];

/**
 * The capture helper as scripts generated before verdicts (no `mark`) wrote it: read only by the import side, so
 * collections exported then still import as generated (see compileRequestScripts' `flat` layout).
 */
const FLAT_CAPTURE: readonly string[] = [
  'capture: function (variable, value, from) {',
  '    if (value === undefined || value === null || value === "") pm.expect.fail(from + " has no value to capture ' +
    'into {{" + variable + "}}; {{" + variable + "}} is left as it was");',
  '    pm.environment.set(variable, typeof value === "string" ? value : JSON.stringify(value));',
  '},',
];

/** `var mvpm = { … };` with the named helpers, or nothing when none is used. */
export function helperBlock(used: ReadonlySet<HelperName>, layout: 'current' | 'flat' = 'current'): string[] {
  if (used.size === 0) return [];
  const body = ORDER.filter((name) => used.has(name) && !(layout === 'flat' && name === 'mark')).flatMap((name) =>
    layout === 'flat' && name === 'capture' ? FLAT_CAPTURE : HELPERS[name],
  );
  const last = body.length - 1;
  return [
    '// mvpm helpers: messages never show a string that may be a token.',
    'var mvpm = {',
    ...body.map((line, i) => `    ${i === last ? line.replace(/,$/, '') : line}`),
    '};',
  ];
}
