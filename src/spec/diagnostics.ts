import { codeFrameColumns } from './code-frame-lib.js';
import type { Codes, Warnings } from '../errors/codes.js';
import { type FormatOptions, formatProblem } from '../errors/format.js';
import type { Problem, Severity } from '../errors/mvpm-error.js';
import { UNSAFE_TEXT } from '../paths/path-guard.js';
import { offsetOf, positionAt, type NodePath, type SpecSource } from './source.js';

/**
 * The codes a spec diagnostic may carry: a subset of the registry (src/errors/codes.ts, documented in
 * docs/errors.md and, each with its cause and fix, in docs/spec-format.md). A code not in the registry is a type error.
 */
export type DiagnosticCode =
  | Codes<
      | 'E_READ'
      | 'E_NO_SPECS'
      | 'E_FILE_TOO_LARGE'
      | 'E_NOT_TEXT'
      | 'E_EMPTY_FILE'
      | 'E_YAML_SYNTAX'
      | 'E_YAML_ALIAS'
      | 'E_TOO_DEEP'
      | 'E_KIND'
      | 'E_OLD_KIND'
      | 'E_UNKNOWN_KEY'
      | 'E_MISSING_KEY'
      | 'E_TYPE'
      | 'E_VALUE'
      | 'E_DUPLICATE_NAME'
      | 'E_UNDEFINED_VARIABLE'
      | 'E_CAPTURE_BEFORE_SET'
      | 'E_ENV_MISSING_VARIABLE'
      | 'E_SECRET_VALUE'
      | 'E_BAD_REGEX'
      | 'E_BAD_JSON_PATH'
      | 'E_CAPTURE_SOURCE'
      | 'E_SCHEMA_FILE'
      | 'E_SCHEMA_REF'
      | 'E_BAD_JSON_SCHEMA'
      | 'E_BAD_URL'
      | 'E_BAD_NAME'
      | 'E_UNSAFE_TEXT'
      | 'E_SYMLINK'
      | 'E_FORM_FILE'
      | 'E_SECRET_DESTINATION'
      | 'E_SEND_TO'
      | 'E_UNKNOWN_TARGET'
      | 'E_INFERRED_TARGET'
      | 'E_DUPLICATE_TARGET'
      | 'E_PROCESS_VARIABLE'
      | 'E_TARGET_VARIABLE'
      | 'E_NO_STANDIN'
      | 'E_ROLE'
    >
  | Warnings<'W_IGNORED_FILE'>;

export type { Severity };

/** One located problem in the specs (the errors' Problem, with a spec code). */
export interface SpecDiagnostic extends Problem {
  readonly code: DiagnosticCode;
}

/**
 * Where a diagnostic points: a node path in a source, optionally its key, optionally a character offset inside a
 * scalar.
 */
export interface DiagnosticTarget {
  readonly source: SpecSource;
  readonly path: NodePath;
  readonly at?: 'key' | 'value';
  /** Absolute offset in the source text; overrides path when given. */
  readonly offset?: number;
}

export function diagnosticAt(
  target: DiagnosticTarget,
  code: DiagnosticCode,
  message: string,
  hint?: string,
  severity: Severity = 'error',
): SpecDiagnostic {
  const offset = target.offset ?? offsetOf(target.source, target.path, target.at);
  const { line, column } = positionAt(target.source, offset);
  return fileDiagnostic(target.source.file, code, message, hint, { line, column, text: target.source.text }, severity);
}

/** A diagnostic for a file that could not be parsed into a source (or a position computed some other way). */
export function fileDiagnostic(
  file: string,
  code: DiagnosticCode,
  message: string,
  hint?: string,
  where?: { line: number; column: number; text: string },
  severity: Severity = 'error',
): SpecDiagnostic {
  const line = where?.line ?? 1;
  const column = where?.column ?? 1;
  const frame = where ? frameAround(where.text, line, column) : '';
  return {
    code,
    severity,
    message: printable(message),
    ...(hint === undefined ? {} : { hint: printable(hint) }),
    file: printable(file),
    line,
    column,
    frame,
  };
}

/**
 * The code frame for one position, built from the two lines it shows rather than the whole file (a file with
 * thousands of errors would otherwise be framed thousands of times over). Lines are split as YAML splits them
 * (\n, \r\n), not at U+2028/U+2029 as @babel/code-frame would, so the frame shows the line the position is on.
 */
function frameAround(text: string, line: number, column: number): string {
  let start = 0;
  for (let i = 1; i < line - 1 && start !== -1; i++) start = text.indexOf('\n', start) + 1 || -1;
  if (start === -1) return '';
  const lines = text
    .slice(start)
    .split('\n', line > 1 ? 2 : 1)
    .map(maskForFrame);
  // The snippet starts at line `first` of the file; @babel/code-frame numbers it from there.
  const first = line > 1 ? line - 1 : line;
  return codeFrameColumns(lines.join('\n'), { start: { line, column } }, {
    linesAbove: 1,
    linesBelow: 0,
    startLine: first,
  } as Parameters<typeof codeFrameColumns>[2]);
}

/** Every character of UNSAFE_TEXT but tab: what a message or frame must not hand to a terminal as it is. */
const UNSAFE_FOR_TERMINAL = new RegExp(`(?!\t)${UNSAFE_TEXT.source}`, 'gu');

/**
 * One line of a code frame as it may be shown: each control character, line or paragraph separator and
 * bidirectional control becomes a space, one for one, so the caret still points at the column it names and the
 * terminal neither breaks the line, moves the cursor, nor shows the text in another order than it is stored.
 * (The message says which character it was.) A trailing carriage return, part of a CRLF line end, is dropped.
 */
export function maskForFrame(line: string): string {
  return line.replace(/\r$/, '').replace(UNSAFE_FOR_TERMINAL, ' ');
}

const UNSAFE_ANYWHERE = new RegExp(UNSAFE_TEXT.source, 'gu');

/**
 * Messages, hints and file names with control characters (tab too: a message is one line of prose), separators
 * and bidirectional controls (from YAML escapes, file names or junk files) written as `\uXXXX`, so that no
 * diagnostic can drive a terminal or show text in another order than it is stored.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE_ANYWHERE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Orders diagnostics by file, line, column, code so output is stable whatever order rules ran in. */
export function sortDiagnostics(diagnostics: readonly SpecDiagnostic[]): SpecDiagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

/**
 * Renders a diagnostic like a compiler does:
 * `error[E_CODE]: message`, `  --> file:line:col`, the source line with a caret, `  = hint: …`.
 */
export const formatDiagnostic: (d: SpecDiagnostic, options?: FormatOptions) => string = formatProblem;

export type { FormatOptions };

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
