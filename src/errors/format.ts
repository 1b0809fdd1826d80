// How an error reads, like a compiler's: `error[E_CODE]: message`, `  --> file:line:col`, the source line with a
// caret, `  = hint: …`. Pure functions from an error to text; the CLI decides where the text goes and the colours.
import type { ErrorLocation, MvpmError, Problem } from './mvpm-error.js';

/** Wraps a part of the text in colour; identity when colour is off. */
export type Paint = (kind: 'error' | 'warning' | 'location' | 'hint', text: string) => string;

export interface FormatOptions {
  /** Default: no colour. */
  readonly paint?: Paint;
}

const plain: Paint = (_kind, text) => text;

/** One located problem: heading, `-->` line, the code frame (when there is one) and the hint. */
export function formatProblem(problem: Problem, options: FormatOptions = {}): string {
  const paint = options.paint ?? plain;
  const lines = [
    `${paint(problem.severity, `${problem.severity}[${problem.code}]`)}: ${problem.message}`,
    `  ${paint('location', '-->')} ${problem.file}:${problem.line}:${problem.column}`,
  ];
  if (problem.pointer !== undefined) lines.push(`  = pointer: #${problem.pointer}`);
  if (problem.frame) lines.push(...problem.frame.split('\n').map((l) => `  ${l}`));
  if (problem.hint) lines.push(`  ${paint('hint', '= hint:')} ${problem.hint}`);
  return lines.join('\n');
}

/** `file:line:column`, else `file#pointer`, else the file. */
export function formatLocation(location: ErrorLocation): string {
  const file = location.file ?? '';
  if (location.line !== undefined) return `${file}:${location.line}:${location.column ?? 1}`;
  if (location.pointer !== undefined) return `${file}#${location.pointer}`;
  return file;
}

/** An error with a location, in the same shape as a problem (no code frame: the file is not at hand). */
export function formatLocatedError(error: MvpmError, options: FormatOptions = {}): string {
  const paint = options.paint ?? plain;
  const lines = [`${paint('error', `error[${error.code}]`)}: ${error.message}`];
  if (error.location) {
    lines.push(`  ${paint('location', '-->')} ${formatLocation(error.location)}`);
    if (error.location.item) lines.push(`  = item: ${error.location.item}`);
  }
  if (error.hint) lines.push(`  ${paint('hint', '= hint:')} ${error.hint}`);
  return lines.join('\n');
}
