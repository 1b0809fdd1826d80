/**
 * The one literal encoder for generated JavaScript. Every piece of spec text that reaches a script (names,
 * messages, patterns, paths, schemas, marker data) goes through `js()`; nothing from a spec is written into a
 * script any other way, and never into a comment (see markers.ts).
 *
 * `js()` starts from JSON (JSON is valid JavaScript, and ECMAScript 2019 made every JSON string a valid string
 * literal), then escapes what JSON leaves raw but a reader, an editor or another parser may not take as plain text:
 * - every control, format and separator character (Unicode Cc, Cf, Zl, Zp): U+2028 and U+2029, which end a `//`
 *   comment and, before ES2019, a string; U+0085 (NEL) and the other line breaks editors honour; the bidirectional
 *   controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) that make code read differently from how it runs;
 *   zero-width and tag characters that hide text;
 * - lone surrogates (JSON.stringify already does, since ES2019);
 * - `</`, `<!--` and `-->`, so a script stays inert if it is ever embedded in an HTML `<script>` element.
 * Everything is written as `\uXXXX`, so the output is still JSON: `JSON.parse(js(v))` gives `v` back (markers rely on
 * it), and it holds no character a JavaScript or JSON parser treats as a line terminator.
 */
export function js(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError(`js(): ${typeof value} has no JavaScript literal`);
  return json.replace(UNSAFE_IN_SCRIPT, escapeUnits);
}

/**
 * What js() escapes. `<` and `>` appear in JSON output only inside strings, so escaping them there is exact; the
 * lookbehind sees the raw text, so `<!-->` is caught whole (the `>` after `--` is escaped too).
 */
const UNSAFE_IN_SCRIPT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|<(?=[/!])|(?<=--)>/gu;

function escapeUnits(match: string): string {
  let out = '';
  for (let i = 0; i < match.length; i++) out += `\\u${match.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** `["a", 0]` for a path, as an argument to the helpers. */
export function pathLiteral(segments: readonly (string | number)[]): string {
  return `[${segments.map((s) => js(s)).join(', ')}]`;
}

/** A regular expression for a pattern, through the RegExp constructor, so the pattern is only ever a string literal. */
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
