// The environments of an import into a project that has its own. The converter writes a real environment and a
// stand-in one; a project usually has an environment for each of those targets already (hand-written, like
// specs/environments/local-standin.environment.yaml), and a second environment with the same `target` would be
// E_DUPLICATE_TARGET. So a generated environment whose target an environment elsewhere under --out already has is
// not written, that environment is never rewritten, and a W_OPENAPI_ENVIRONMENT warning lists, one line per
// variable, the YAML to add under its `variables:` (every environment must define the same keys:
// E_ENV_MISSING_VARIABLE); none when it lacks nothing. Pure: the caller reads the environments (sync-existing.ts).
import { printable, quoted } from '../import-error.js';
import type { ImportWarning } from '../import-error.js';
import { parseValue } from '../../spec/parse-value.js';
import type { GeneratedImport } from './convert.js';

/** An environment spec under --out. */
export interface ExistingEnvironment {
  /** Path under --out, with `/`. */
  readonly file: string;
  /** The spec's parsed value. */
  readonly value: unknown;
}

export interface EnvironmentSync {
  /** The generated import without the environments that are not written. */
  readonly generated: GeneratedImport;
  readonly warnings: readonly ImportWarning[];
}

const ENVIRONMENT = /^environments\/[^/]+\.environment\.yaml$/;

/**
 * Leaves out of `generated` each environment whose `target` an existing environment at another path has, with a
 * warning naming that environment and the variables it lacks. An environment at the generated path itself is the
 * file sync's to decide (replaced only while it is what mvpm wrote).
 */
export function syncEnvironments(
  generated: GeneratedImport,
  existing: readonly ExistingEnvironment[],
  outLabel: string,
): EnvironmentSync {
  const shown = (file: string): string => (outLabel === '.' ? file : `${outLabel}/${file}`);
  const byTarget = new Map<string, ExistingEnvironment>();
  for (const environment of [...existing].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const target = stringField(environment.value, 'target');
    if (target !== undefined && !byTarget.has(target)) byTarget.set(target, environment);
  }
  const files = new Map(generated.files);
  const warnings: ImportWarning[] = [];
  for (const [file, text] of generated.files) {
    if (!ENVIRONMENT.test(file)) continue;
    const value = generatedValue(file, text);
    const target = stringField(value, 'target');
    const present = target === undefined ? undefined : byTarget.get(target);
    if (present === undefined || present.file === file) continue;
    files.delete(file);
    const lacking = lackingVariables(value, present.value);
    // Nothing lacking: nothing to do, nothing to say (every re-import would repeat it).
    if (lacking.length === 0) continue;
    warnings.push({
      code: 'W_OPENAPI_ENVIRONMENT',
      where: shown(present.file),
      message:
        `has the target ${quoted(target ?? '')}, so the import does not write ${shown(file)} and leaves this ` +
        `environment as it is; it lacks ${lacking.length} variable${lacking.length === 1 ? '' : 's'} the imported ` +
        `requests use: add ${lacking.length === 1 ? 'it' : 'them'} under its \`variables:\`\n` +
        lacking.map((line) => `  ${line}`).join('\n'),
    });
  }
  return { generated: { ...generated, files }, warnings };
}

/**
 * The variables `generated` defines and `present` lacks, in the generated order, each as one line of YAML:
 * `name: { description: "…", value: … }`. Strings are JSON (valid YAML double-quoted scalars); characters a
 * terminal would act on become `\uXXXX`, which YAML reads back as the same character.
 */
function lackingVariables(generated: unknown, present: unknown): string[] {
  const wanted = objectField(generated, 'variables') ?? {};
  const has = new Set(Object.keys(objectField(present, 'variables') ?? {}));
  const secretOf = objectField(generated, 'secrets') ?? {};
  const lines: string[] = [];
  for (const [name, variable] of Object.entries(wanted)) {
    if (has.has(name) || !isObject(variable)) continue;
    const fields = Object.entries(variable).map(([key, value]) => `${key}: ${flowValue(value)}`);
    // A secret's process variable goes under `secrets:`; a YAML comment keeps the line one to paste.
    const secret = secretOf[name];
    const note = typeof secret === 'string' ? `  # and under \`secrets:\`, ${name}: ${secret}` : '';
    lines.push(printable(`${name}: { ${fields.join(', ')} }${note}`, 2000));
  }
  return lines;
}

/** A generated environment's value. The converter wrote the text, so a failure to read it back is mvpm's bug. */
function generatedValue(file: string, text: string): unknown {
  const parsed = parseValue(text);
  if (!parsed.ok) throw new Error(`the generated ${file} does not parse (${parsed.code}: ${parsed.message})`);
  return parsed.value;
}

function flowValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowValue).join(', ')}]`;
  return JSON.stringify(value) ?? 'null';
}

function stringField(value: unknown, key: string): string | undefined {
  const field = isObject(value) ? value[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}

function objectField(value: unknown, key: string): Record<string, unknown> | undefined {
  const field = isObject(value) ? value[key] : undefined;
  return isObject(field) ? field : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
