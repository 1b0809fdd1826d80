/**
 * The small runtime helpers generated test scripts share, emitted into a script only when it uses them.
 * Postman runs every script in its own scope, so there is nothing to import: each script carries its own copy.
 * Messages describe values by type and length unless the compiler marked them safe to show: a body field may
 * hold a token, and a failed assertion's message lands in reports and CI logs.
 */
export type HelperName = 'at' | 'show' | 'header' | 'capture';

const HELPERS: Record<HelperName, readonly string[]> = {
  at: [
    '// The value at a path of the JSON body; undefined when absent or the body is not JSON.',
    'at: function (path) {',
    '    var node;',
    '    try { node = pm.response.json(); } catch (e) { return undefined; }',
    '    for (var i = 0; i < path.length; i++) {',
    '        if (node === null || typeof node !== "object") return undefined;',
    '        node = node[path[i]];',
    '    }',
    '    return node;',
    '},',
  ],
  show: [
    '// What a message may say about a value: its type, and its content only when `reveal` and short.',
    'show: function (value, reveal) {',
    '    if (value === undefined) return "nothing";',
    '    var type = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : "a " + typeof value;',
    '    if (typeof value === "string") return reveal && value.length <= 64 ? JSON.stringify(value) : "a string of " + value.length + " characters";',
    '    if (typeof value === "number" || typeof value === "boolean" || value === null) return reveal ? String(value) : type;',
    '    return Array.isArray(value) ? "an array of " + value.length : type;',
    '},',
  ],
  header: [
    '// A response header (case-insensitive), or undefined.',
    'header: function (name) {',
    '    return pm.response.headers.has(name) ? pm.response.headers.get(name) : undefined;',
    '},',
  ],
  capture: [
    '// Stores a captured value in the environment (kept by newman --export-environment); fails when there is none.',
    'capture: function (variable, value, from) {',
    '    if (value === undefined || value === null || value === "") {',
    '        pm.expect.fail(from + " has no value to capture into {{" + variable + "}}; {{" + variable + "}} is left as it was");',
    '    }',
    '    pm.environment.set(variable, typeof value === "string" ? value : JSON.stringify(value));',
    '},',
  ],
};

const ORDER: readonly HelperName[] = ['at', 'show', 'header', 'capture'];

/** `var mvpm = { … };` with the named helpers, or nothing when none is used. */
export function helperBlock(used: ReadonlySet<HelperName>): string[] {
  if (used.size === 0) return [];
  const body = ORDER.filter((name) => used.has(name)).flatMap((name) => HELPERS[name]);
  const last = body.length - 1;
  return ['var mvpm = {', ...body.map((line, i) => `    ${i === last ? line.replace(/,$/, '') : line}`), '};'];
}
