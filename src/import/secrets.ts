// Literal secrets in an imported collection become `{{variables}}`. The rule (documented in docs/cli.md):
// - a field is secret-looking when its name is by the one rule (compile/secrets.ts: isSecretName for query, body
//   and variable names, isSecretHeader for headers); a variable is also secret when Postman types it `secret`;
// - its value is literal when it has any text besides `{{variables}}`, white space, `name=` before a variable
//   (cookies) and, in a header, an auth scheme word (`Bearer {{token}}` is not literal).
// Each literal value is replaced by a variable named after the field (`{{Authorization}}`, `Bearer ` kept), the
// variable is declared secret and empty, and a warning names the field and the variable, never the value.
import { splitAtVariables, variableReference } from '../spec/variables.js';
import type { ImportWarning } from './import-error.js';
import { quoted } from './import-error.js';

const AUTH_SCHEME = /^(\s*(?:bearer|basic|digest|token|apikey|negotiate|sharedaccesssignature)\s+)/i;

/** Whether `value` holds literal text (see the rule above); empty text and pure `{{variable}}` text do not. */
export function hasLiteral(value: string, header = false): boolean {
  // Literal text between the references, without a cookie's `name=` before a reference.
  const parts = splitAtVariables(value);
  let rest = parts
    .filter((_, i) => i % 2 === 0)
    .map((part, i) => (2 * i + 1 < parts.length ? part.replace(/[^\s;,={}]+=$/, '') : part))
    .join('');
  if (header) rest = rest.replace(AUTH_SCHEME, '');
  return /[^\s;,]/.test(rest);
}

/** A variable name made from a field name: letters, digits, `_`, `.` and `-`, at most 64 characters. */
export function variableNameFor(field: string): string {
  return (
    field
      .replace(/[^A-Za-z0-9_.-]+/g, '_')
      .replace(/^[_.-]+|[_.-]+$/g, '')
      .slice(0, 64)
      .replace(/[_.-]+$/, '') || 'secret'
  );
}

export interface SecretDeclaration {
  readonly name: string;
  /** Where the literal was found, for the variable's description (printable). */
  readonly where: string;
}

/**
 * The secrets found in one import: which variable each literal became (the values stay in memory, only to give the
 * same literal the same variable and different literals different ones), and which variables must be declared.
 */
export class SecretVault {
  private readonly values = new Map<string, string>();
  private readonly declarations: SecretDeclaration[] = [];
  private readonly declared = new Set<string>();

  constructor(
    private readonly keep: ReadonlySet<string>,
    private readonly warnings: ImportWarning[],
  ) {}

  /** Whether the user asked to keep the literal values of `name` (`--keep-literal`). */
  keeps(name: string): boolean {
    return this.keep.has(name);
  }

  /**
   * `value` with its literal secret replaced by a `{{variable}}` (or unchanged when it has none, or its field is
   * kept). `what` describes the field for the warning (`header "Authorization"`); `variable` is the preferred name.
   */
  replace(
    where: string,
    what: string,
    field: string,
    value: string,
    options: { readonly header?: boolean; readonly variable?: string } = {},
  ): string {
    if (
      !hasLiteral(value, options.header) ||
      this.keep.has(field) ||
      (options.variable !== undefined && this.keep.has(options.variable))
    )
      return value;
    const scheme = options.header ? AUTH_SCHEME.exec(value) : null;
    const prefix = scheme && hasLiteral(value.slice(scheme[1]!.length)) ? scheme[1]! : '';
    const name = this.allocate(options.variable ?? variableNameFor(field), value.slice(prefix.length));
    this.declare(name, where);
    this.warnings.push({
      code: 'W_IMPORT_SECRET',
      where,
      message: `${what} held a literal secret; it is now ${`${prefix.trim()} `.trimStart()}${variableReference(name)}`,
    });
    return `${prefix}${variableReference(name)}`;
  }

  /**
   * A variable whose own value is a literal secret: the name cannot change (requests refer to it), so it is recorded
   * as is; `declared` when its declaration is already written (a `secret: true` environment variable).
   */
  variable(name: string, value: string, where: string, declared: boolean): void {
    if (!this.values.has(name)) this.values.set(name, value);
    if (declared) this.declared.add(name);
    else this.declare(name, where);
  }

  /** Variables to declare secret and empty, in the order found, except those an environment declares already. */
  undeclared(): SecretDeclaration[] {
    return this.declarations.filter((d) => !this.declared.has(d.name));
  }

  /** Every variable name that stands for a secret found in this import. */
  names(): Set<string> {
    return new Set(this.values.keys());
  }

  private allocate(preferred: string, value: string): string {
    let name = preferred;
    for (let n = 2; this.values.has(name) && this.values.get(name) !== value; n++) name = `${preferred}_${n}`;
    this.values.set(name, value);
    return name;
  }

  private declare(name: string, where: string): void {
    if (!this.declarations.some((d) => d.name === name)) this.declarations.push({ name, where });
  }
}

/** `header "X"`, `query parameter "X"`, … for warnings. */
export function fieldLabel(kind: string, name: string): string {
  return `${kind} ${quoted(name)}`;
}
