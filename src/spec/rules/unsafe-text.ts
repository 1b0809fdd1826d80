import type { Node } from 'yaml';
import { isScalar } from '../yaml-lib.js';
import { BIDI_CONTROLS, UNSAFE_TEXT } from '../../paths/path-guard.js';
import { diagnosticAt, type SpecDiagnostic } from '../diagnostics.js';
import { describePath, keyNodeAt, nodeAt, type NodePath, type SpecFileKind, type SpecSource } from '../source.js';

/**
 * What may not appear where. `name`: every mapping key and the `name` fields, which become header names, variable
 * names, item names and generated code: nothing of UNSAFE_TEXT (control characters, tab included, line and
 * paragraph separators, bidirectional controls). `value`: strings that end up in generated scripts or in a
 * request line or header: the same but tab. `script`: raw `scripts` code, where line breaks are legitimate but
 * bidirectional controls never are ("Trojan Source"), nor other control characters.
 */
const FORBIDDEN = {
  name: UNSAFE_TEXT,
  value: new RegExp(`(?!\\t)${UNSAFE_TEXT.source}`, 'u'),
  script: new RegExp(`(?![\\t\\n\\r\\u2028\\u2029])${UNSAFE_TEXT.source}`, 'u'),
} as const;

type TextClass = keyof typeof FORBIDDEN;

/**
 * Paths of checked strings in each kind of file; `*` is any key or index. Other strings (descriptions, bodies, variable
 * values) may hold anything.
 */
const CHECKED: Readonly<Record<SpecFileKind, readonly (readonly [TextClass, ...string[]])[]>> = {
  collection: [
    ['name', 'name'],
    ['value', 'auth', 'credentials', '*'],
    ['value', 'autoRefresh', '*'],
    ['value', 'autoRefresh', 'variables', '*'],
    ['script', 'scripts', '*', 'code'],
  ],
  folder: [
    ['value', 'auth', 'credentials', '*'],
    ['script', 'scripts', '*', 'code'],
  ],
  request: [
    ['value', 'url'],
    ['value', 'headers', '*'],
    ['value', 'auth', 'credentials', '*'],
    ['value', 'expect', 'contentType'],
    ['value', 'expect', 'headers', '*', '*'],
    ['value', 'expect', 'body', '*', '*'],
    ['value', 'expect', 'body', '*', 'oneOf', '*'],
    ['value', 'capture', '*', '*'],
    ['script', 'scripts', '*', 'code'],
  ],
  environment: [
    ['name', 'name'],
    ['name', 'variables', '*', 'sendTo', '*'],
  ],
  schema: [],
};

/**
 * E_UNSAFE_TEXT: a mapping key anywhere in a spec or schema file, a `name`, a string that is compiled into a
 * generated script or a request (expectations, captures, auth, headers, the URL), or a raw script, holding a
 * character that would end a line of generated code, drive the terminal, or make the text read differently from
 * what runs. Points at the character itself, also when the YAML wrote it as an escape (`"\u202E"`).
 */
export function checkUnsafeText(sources: Iterable<SpecSource>): SpecDiagnostic[] {
  const errors: SpecDiagnostic[] = [];
  for (const source of sources) {
    // One path, pushed and popped as the walk goes (copied only for a diagnostic), and the pattern steps that
    // still match it: every string and key of every file is visited, so nothing is allocated per value.
    const path: (string | number)[] = [];
    const walk = (value: unknown, steps: readonly PatternStep[]): void => {
      if (typeof value === 'string') {
        const textClass = classOf(steps);
        if (textClass) {
          const found = FORBIDDEN[textClass].exec(value);
          if (found) errors.push(diagnose(source, [...path], 'value', textClass, found[0]));
        }
      } else if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          walk(value[i], nextSteps(steps, i));
          path.pop();
        }
      } else if (value !== null && typeof value === 'object') {
        for (const key of Object.keys(value)) {
          path.push(key);
          const found = FORBIDDEN.name.exec(key);
          if (found) errors.push(diagnose(source, [...path], 'key', 'name', found[0]));
          walk((value as Record<string, unknown>)[key], nextSteps(steps, key));
          path.pop();
        }
      }
    };
    walk(source.toJS(), [PATTERNS[source.kind]]);
  }
  return errors;
}

/**
 * CHECKED as a tree of steps: `keys` for literal path parts, `any` for `*`. A step where a pattern ends holds its
 * class and its place in CHECKED's list, as the first pattern that matches a path decides.
 */
interface PatternStep {
  readonly keys: Map<string, PatternStep>;
  any: PatternStep | undefined;
  ends: { readonly textClass: TextClass; readonly order: number } | undefined;
}

const NO_STEPS: readonly PatternStep[] = [];

const PATTERNS = Object.fromEntries(
  Object.entries(CHECKED).map(([kind, patterns]) => {
    const root = newStep();
    patterns.forEach(([textClass, ...parts], order) => {
      let step = root;
      for (const part of parts) {
        if (part === '*') step = step.any ??= newStep();
        else {
          const next = step.keys.get(part) ?? newStep();
          step.keys.set(part, next);
          step = next;
        }
      }
      step.ends ??= { textClass, order };
    });
    return [kind, root];
  }),
) as Record<SpecFileKind, PatternStep>;

function newStep(): PatternStep {
  return { keys: new Map(), any: undefined, ends: undefined };
}

function nextSteps(steps: readonly PatternStep[], part: string | number): readonly PatternStep[] {
  if (steps.length === 0) return NO_STEPS;
  const next: PatternStep[] = [];
  for (const step of steps) {
    // A pattern's literal parts are keys: an index matches only `*` (as `p === path[i]` never held for a number).
    const literal = typeof part === 'string' ? step.keys.get(part) : undefined;
    if (literal) next.push(literal);
    if (step.any) next.push(step.any);
  }
  return next.length === 0 ? NO_STEPS : next;
}

function classOf(steps: readonly PatternStep[]): TextClass | undefined {
  let first: PatternStep['ends'];
  for (const step of steps) if (step.ends && (!first || step.ends.order < first.order)) first = step.ends;
  return first?.textClass;
}

function diagnose(
  source: SpecSource,
  path: NodePath,
  at: 'key' | 'value',
  textClass: TextClass,
  char: string,
): SpecDiagnostic {
  const node = at === 'key' ? keyNodeAt(source, path) : nodeAt(source, path);
  const offset = node ? offsetOfCharacter(source, node, char) : undefined;
  const what = describeCharacter(char);
  const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const parent = path.length > 1 ? ` in ${describePath(path.slice(0, -1))}` : '';
  const message =
    at === 'key'
      ? `the key \`${String(path[path.length - 1])}\`${parent} contains ${what}`
      : textClass === 'script'
        ? `the script ${describePath(path)} contains ${what}`
        : `${describePath(path)} contains ${what}`;
  const hint = BIDI_CONTROLS.test(char)
    ? `remove the ${code}: a bidirectional control makes text display in another order than it is stored and run, ` +
      `so a reviewer cannot trust what they read`
    : textClass === 'script'
      ? `remove the ${code}, or write it as an escape inside a JavaScript string ("\\u${code.slice(2)}")`
      : `remove the ${code} (it may have come from pasted text): keys, names and values that become generated code, ` +
        `headers and file names must be plain text`;
  return diagnosticAt(
    { source, path, at, ...(offset === undefined ? {} : { offset }) },
    'E_UNSAFE_TEXT',
    message,
    hint,
  );
}

function describeCharacter(char: string): string {
  const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (BIDI_CONTROLS.test(char)) return `a bidirectional control (${code})`;
  switch (char) {
    case '\u2028':
      return `a line separator (${code})`;
    case '\u2029':
      return `a paragraph separator (${code})`;
    case '\n':
      return `a line break (${code})`;
    case '\r':
      return `a carriage return (${code})`;
    case '\t':
      return `a tab (${code})`;
    default:
      return `a control character (${code})`;
  }
}

/** YAML's double-quoted escapes (YAML 1.2 §5.7) that stand for a single character. */
const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/**
 * Where `char` is in the source text of a scalar: written as itself, or (in a double-quoted scalar) as an escape
 * such as `\e`, `\x1b`, `\u202E` or `\L`. The start of the scalar when neither is found.
 */
function offsetOfCharacter(source: SpecSource, node: Node, char: string): number | undefined {
  if (!isScalar(node) || !node.range) return node.range?.[0];
  const [start, end] = node.range;
  const raw = source.text.slice(start, end);
  const literal = raw.indexOf(char);
  if (literal !== -1) return start + literal;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '\\') continue;
    const kind = raw[i + 1] ?? '';
    const width = kind === 'x' ? 2 : kind === 'u' ? 4 : kind === 'U' ? 8 : 0;
    const point = width > 0 ? Number.parseInt(raw.slice(i + 2, i + 2 + width), 16) : Number.NaN;
    const decoded =
      width === 0 ? NAMED_ESCAPES[kind] : point >= 0 && point <= 0x10ffff ? String.fromCodePoint(point) : undefined;
    if (decoded === char) return start + i;
    i += 1 + width;
  }
  return start;
}
