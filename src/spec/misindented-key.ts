/**
 * Indentation mistakes, said as such. yaml reports a key indented under a value that is already complete
 * (`status: 200` with `contentType:` below it, two spaces deeper) as "Nested mappings are not allowed in compact
 * mappings" at the value one line above, because it reads the deeper line as the rest of a plain scalar
 * `200 contentType`; and a key that lines up with no mapping above it as "All mapping items must start at the same
 * column" at column 1. Both are found here from the text alone (the file did not parse) and pointed at the key
 * that is out of line.
 */

/** A key line that is wrong, where it starts, and what to say about it. */
export interface MisindentedKey {
  readonly offset: number;
  readonly message: string;
  readonly hint: string;
}

interface Line {
  readonly number: number;
  readonly start: number;
  readonly end: number;
  readonly indent: number;
  /**
   * The line without its indentation, cut to HEAD characters: keys are short, and a cut line keeps the regular
   * expressions linear.
   */
  readonly text: string;
}

const HEAD = 1024;

/**
 * A block mapping key at the start of `text` (plain, or quoted): `status:`, `$.a:`, `"X-Key":`, not `- a` or `{a: 1}`.
 */
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|(?!- )[^\s#'"{[\]}](?:[^:]|:(?=\S))*?)\s*:(?=\s|$)/;

/**
 * For yaml's `BLOCK_AS_IMPLICIT_KEY` and `MULTILINE_IMPLICIT_KEY` at `offset` (a plain value that runs on to the
 * next lines) and `BAD_INDENT` "All mapping items must start at the same column" at `offset` (a line that lines up
 * with no mapping above), with yaml's `message`: the key that is out of
 * line, or undefined when the text shows no such key (then yaml's own message stands).
 */
export function misindentedKey(
  text: string,
  code: string,
  message: string,
  offset: number,
): MisindentedKey | undefined {
  const lines = significantLines(text);
  const at = lines.findIndex((l) => l.start <= offset && offset <= l.end);
  if (at === -1) return undefined;
  // yaml also says BAD_INDENT of a flow mapping left open (`{ status: 200` and a key below): not this mistake.
  if (code === 'BAD_INDENT')
    return /^All mapping items must start at the same column/.test(message) ? describe(lines, at) : undefined;
  if (code !== 'BLOCK_AS_IMPLICIT_KEY' && code !== 'MULTILINE_IMPLICIT_KEY') return undefined;
  // The value runs on over the lines deeper than its own; the first of them that looks like a key is the mistake.
  const base = lines[at]!.indent;
  for (let i = at + 1; i < lines.length && lines[i]!.indent > base; i++) {
    if (KEY.test(lines[i]!.text)) return describe(lines, i);
  }
  return undefined;
}

function describe(lines: readonly Line[], index: number): MisindentedKey | undefined {
  const line = lines[index]!;
  const found = KEY.exec(line.text)?.[1];
  const above = lines[index - 1];
  if (found === undefined || above === undefined) return undefined;
  const key = cut(found);
  const offset = line.start + line.indent;
  const aboveKey = KEY.exec(above.text);
  const aboveValue =
    aboveKey === null
      ? ''
      : above.text
          .slice(aboveKey[0].length)
          .replace(/\s+#.*$/, '')
          .trim();
  if (line.indent > above.indent && aboveKey !== null && aboveValue !== '' && !/^[|>&!*]/.test(aboveValue)) {
    const sibling = cut(aboveKey[1]!);
    return {
      offset,
      message:
        `wrong indentation: \`${key}:\` is indented deeper than \`${cut(above.text)}\` on line ` +
        `${above.number}, which already has a value`,
      hint:
        `indent \`${key}:\` like \`${sibling}:\` (${spaces(above.indent)}) to make it the next key; to nest ` +
        `keys under \`${sibling}\`, put nothing after \`${sibling}:\`; if the line continues the value, quote the ` +
        `value`,
    };
  }
  // Dedented to a column no open mapping uses: name the deeper key it may belong with, and the shallower one.
  const deeper = nearestAbove(lines, index, (l) => l.indent > line.indent);
  const shallower = nearestAbove(lines, index, (l) => l.indent < line.indent);
  const choices = [
    ...(deeper
      ? [
          `like \`${deeper.key}:\` (${spaces(deeper.line.indent)}, line ${deeper.line.number}) to add it to that ` +
            `mapping`,
        ]
      : []),
    ...(shallower
      ? [
          `like \`${shallower.key}:\` (${spaces(shallower.line.indent)}, line ${shallower.line.number}) to make it ` +
            `the next key after \`${shallower.key}\``,
        ]
      : []),
  ];
  return {
    offset,
    message: `wrong indentation: \`${key}:\` is indented by ${spaces(line.indent)}, in line with no mapping above it`,
    hint:
      choices.length === 0
        ? 'keys of one mapping start in the same column'
        : `keys of one mapping start in the same column: indent it ${choices.join(', or ')}`,
  };
}

function nearestAbove(
  lines: readonly Line[],
  index: number,
  accept: (line: Line) => boolean,
): { line: Line; key: string } | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const line = lines[i]!;
    const key = KEY.exec(line.text)?.[1];
    if (key !== undefined && accept(line)) return { line, key: cut(key) };
  }
  return undefined;
}

/** The lines that hold something (not blank, not only a comment), with their 1-based numbers and indentation. */
function significantLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let number = 1; start <= text.length; number++) {
    const end = text.indexOf('\n', start);
    const raw = text.slice(start, end === -1 ? text.length : end);
    const body = raw.trimStart();
    if (body !== '' && !body.startsWith('#'))
      out.push({
        number,
        start,
        end: start + raw.length,
        indent: raw.length - body.length,
        text: body.slice(0, HEAD).trimEnd(),
      });
    if (end === -1) break;
    start = end + 1;
  }
  return out;
}

/** Text from the file as quoted in a message: a line may be a megabyte long. (fileDiagnostic escapes controls.) */
function cut(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function spaces(n: number): string {
  return n === 1 ? '1 space' : `${n} spaces`;
}
