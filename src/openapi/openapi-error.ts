// The errors and warnings of reading an OpenAPI document. Every problem is located: the file (relative to the
// project root), line and column, and the JSON pointer inside that file, because an OpenAPI node has no name a user
// would search for. Problems are collected, not thrown one at a time: a document with several gets them all (up to
// MAX_PROBLEMS) in one OpenApiError, printed by the CLI like spec diagnostics. Messages name keys, never quote a
// value (an example could be a secret); quoted names go through printable().
import type { Codes, Warnings } from '../errors/codes.js';
import { MvpmError, type Problem } from '../errors/mvpm-error.js';
import { printable } from '../import/import-error.js';
import type { OpenApiWarning, SourceLocation } from './types.js';

export type OpenApiErrorCode = Codes<
  | 'E_OPENAPI_READ'
  | 'E_OPENAPI_NOT_TEXT'
  | 'E_OPENAPI_SYNTAX'
  | 'E_OPENAPI_TOO_DEEP'
  | 'E_OPENAPI_VERSION'
  | 'E_OPENAPI_INVALID'
  | 'E_OPENAPI_REF'
  | 'E_OPENAPI_REF_PATH'
  | 'E_OPENAPI_REMOTE_REF'
  | 'E_OPENAPI_OPERATION'
  | 'E_OPENAPI_PROBLEMS'
  /** Raised by the conversion (src/import/openapi/convert.ts), located like the loader's problems. */
  | 'E_OPENAPI_STANDIN_ROUTE'
>;

export type OpenApiWarningCode = Warnings<'W_OPENAPI_IGNORED' | 'W_OPENAPI_VALIDATOR'>;

/** At most this many problems are reported; the message says how many more there were. */
export const MAX_PROBLEMS = 20;

/** One problem before it is thrown: a code, what is wrong, where, and what to do. */
export interface OpenApiProblem {
  readonly code: OpenApiErrorCode;
  readonly message: string;
  readonly location: SourceLocation;
  readonly hint?: string;
}

/**
 * A document that cannot be loaded: every problem found (at most MAX_PROBLEMS), each located. `code` is the one
 * problem's code, or E_OPENAPI_PROBLEMS when there are several of different kinds.
 */
export class OpenApiError extends MvpmError {
  declare readonly code: OpenApiErrorCode;
  /** Every problem, located (`problems` holds the same, formatted for the CLI). */
  readonly openApiProblems: readonly OpenApiProblem[];
  /** Problems found beyond MAX_PROBLEMS, not reported. */
  readonly more: number;

  constructor(problems: readonly OpenApiProblem[], more = 0) {
    const first = problems[0];
    const codes = new Set(problems.map((p) => p.code));
    const code = codes.size === 1 && first ? first.code : 'E_OPENAPI_PROBLEMS';
    const count = problems.length + more;
    const message =
      count === 1 && first
        ? first.message
        : `the OpenAPI document has ${count} problems${more > 0 ? ` (the first ${problems.length} are shown)` : ''}`;
    super(code, message, {
      problems: problems.map(toProblem),
      ...(first ? { location: { file: first.location.file, pointer: printable(first.location.pointer, 200) } } : {}),
      ...(count === 1 && first?.hint ? { hint: first.hint } : {}),
    });
    this.name = 'OpenApiError';
    this.openApiProblems = problems;
    this.more = more;
  }
}

function toProblem(problem: OpenApiProblem): Problem {
  const { location } = problem;
  return {
    code: problem.code,
    severity: 'error',
    message: printable(problem.message, 2000),
    ...(problem.hint === undefined ? {} : { hint: printable(problem.hint, 2000) }),
    file: printable(location.file, 500),
    line: location.line,
    column: location.column,
    // No code frame: the source line could hold an example value, and examples can be secrets.
    frame: '',
    pointer: printable(location.pointer, 300),
  };
}

/** A warning in the registry's shape (OpenApiDocument.warnings). */
export function openApiWarning(code: OpenApiWarningCode, message: string, location?: SourceLocation): OpenApiWarning {
  return { code, message, ...(location ? { location } : {}) };
}

/**
 * Collects problems as a pass finds them; `throwIfAny` ends the pass. Beyond MAX_PROBLEMS they are only counted, so
 * a document with a million broken references costs no more to report than one with twenty.
 */
export class ProblemList {
  readonly #problems: OpenApiProblem[] = [];
  #more = 0;
  readonly #seen = new Set<string>();

  add(problem: OpenApiProblem): void {
    const { code, location, message } = problem;
    const key = [code, location.file, location.pointer, message].join('\u0000');
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    if (this.#problems.length < MAX_PROBLEMS) this.#problems.push(problem);
    else this.#more++;
  }

  get size(): number {
    return this.#problems.length + this.#more;
  }

  throwIfAny(): void {
    if (this.size > 0) throw new OpenApiError(sortProblems(this.#problems), this.#more);
  }
}

/** By file (the root's first as found), then line and column: the order a reader goes through the files. */
function sortProblems(problems: readonly OpenApiProblem[]): OpenApiProblem[] {
  const fileOrder = new Map<string, number>();
  for (const p of problems) if (!fileOrder.has(p.location.file)) fileOrder.set(p.location.file, fileOrder.size);
  return [...problems].sort(
    (a, b) =>
      fileOrder.get(a.location.file)! - fileOrder.get(b.location.file)! ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column,
  );
}

/** `/a~1b/c` from segments (RFC 6901). */
export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Segments of an RFC 6901 pointer; undefined when it is not one. */
export function segmentsOf(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
