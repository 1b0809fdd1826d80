/** JavaScript literal for a value, for generated scripts. JSON is valid JavaScript, and escapes what must be. */
export function js(value: unknown): string {
  return JSON.stringify(value);
}

/** `["a", 0]` for a path, as an argument to the helpers. */
export function pathLiteral(segments: readonly (string | number)[]): string {
  return `[${segments.map((s) => js(s)).join(', ')}]`;
}

/** A regular expression literal for a pattern, through the RegExp constructor so any pattern text is safe. */
export function regexLiteral(pattern: string): string {
  return `new RegExp(${js(pattern)})`;
}

/** Indents every line of a block by four spaces. */
export function indent(lines: readonly string[]): string[] {
  return lines.map((line) => (line === '' ? line : `    ${line}`));
}

/** `pm.test("name", function () { … });` */
export function pmTest(name: string, body: readonly string[]): string[] {
  return [`pm.test(${js(name)}, function () {`, ...indent(body), '});'];
}
