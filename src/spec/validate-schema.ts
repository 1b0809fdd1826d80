import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap } from './yaml-lib.js';
import * as validators from './_spec-validators.js';
import { diagnosticAt, type SpecDiagnostic } from './diagnostics.js';
import { describePath, nodeAt, type NodePath, type SpecFileKind, type SpecSource } from './source.js';
import { didYouMean } from './suggest.js';

type CheckedKind = Exclude<SpecFileKind, 'schema'>;

/**
 * mvpm's own kinds. Postman v12 opens a directory of `$kind: http-request` files as a collection and silently drops
 * what it does not know (`expect`, `capture`, `autoRefresh`): with kinds of our own it refuses specs/ instead (the
 * Postman CLI runs no request and its lint reports "Unknown request kind").
 */
export const EXPECTED_KIND: Record<CheckedKind, string> = {
  collection: 'mvpm-collection',
  folder: 'mvpm-folder',
  request: 'mvpm-request',
  environment: 'mvpm-environment',
};

/** The kinds specs had before mvpm named its own: refused with E_OLD_KIND and the one-line fix. */
const OLD_KIND: Record<CheckedKind, string> = {
  collection: 'collection',
  folder: 'folder',
  request: 'http-request',
  environment: 'environment',
};

/**
 * The validators of spec.schema.json's definitions, compiled ahead of time (scripts/spec-validators.ts) so that
 * a build does not spend its start-up compiling the schema. A test fails when they drift from the schema.
 */
const VALIDATORS: Record<CheckedKind, ValidateFunction> = {
  collection: validators.CollectionDefinition as ValidateFunction,
  folder: validators.FolderDefinition as ValidateFunction,
  request: validators.RequestDefinition as ValidateFunction,
  environment: validators.EnvironmentDefinition as ValidateFunction,
};

/** Validates one parsed spec file against its definition in spec.schema.json; every error, located. */
export function validateSourceSchema(
  source: SpecSource,
  kind: CheckedKind,
): { value: unknown; errors: SpecDiagnostic[] } {
  const value = source.toJS();
  const validate = VALIDATORS[kind];
  if (validate(value)) return { value, errors: [] };
  return { value, errors: toDiagnostics(source, kind, value, validate.errors ?? []) };
}

function toDiagnostics(
  source: SpecSource,
  kind: CheckedKind,
  value: unknown,
  errors: readonly ErrorObject[],
): SpecDiagnostic[] {
  const skipped = new Set<ErrorObject>(errors.filter((e) => e.keyword === 'if'));
  // A failed anyOf also reports each branch's errors. When a branch had the right type but broke a constraint
  // (a status of 99), that constraint is the message; when no branch had the right type, one message about the
  // whole value reads better than one per branch.
  for (const anyOf of errors.filter((e) => e.keyword === 'anyOf')) {
    const branch = errors.filter((e) => e !== anyOf && isWithin(e.instancePath, anyOf.instancePath));
    const specific = branch.filter((e) => e.keyword !== 'type' && e.keyword !== 'anyOf');
    if (specific.length > 0) for (const e of [anyOf, ...branch.filter((b) => !specific.includes(b))]) skipped.add(e);
    else for (const e of branch) skipped.add(e);
  }
  const out = new Map<string, SpecDiagnostic>();
  for (const error of errors) {
    if (skipped.has(error)) continue;
    const diagnostic = toDiagnostic(source, kind, value, error);
    out.set(`${diagnostic.line}:${diagnostic.column}:${diagnostic.code}:${diagnostic.message}`, diagnostic);
  }
  return [...out.values()];
}

function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

function toDiagnostic(source: SpecSource, kind: CheckedKind, value: unknown, error: ErrorObject): SpecDiagnostic {
  const path = instancePath(error.instancePath, value);
  const where = describePath(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = Object.keys((error.parentSchema?.['properties'] as object | undefined) ?? {});
      const suggestion = didYouMean(key, allowed);
      const hint =
        suggestion ?? (allowed.length > 0 ? `allowed here: ${allowed.map((k) => `\`${k}\``).join(', ')}` : 'remove it');
      return diagnosticAt(
        { source, path: [...path, key], at: 'key' },
        'E_UNKNOWN_KEY',
        `unknown key \`${key}\` in ${where}`,
        hint,
      );
    }
    case 'required': {
      const key = String(params['missingProperty']);
      return diagnosticAt(
        { source, path },
        'E_MISSING_KEY',
        `${where} is missing the required key \`${key}\``,
        `add \`${key}:\``,
      );
    }
    case 'const':
      if (path.length === 1 && path[0] === '$kind' && error.data === OLD_KIND[kind]) {
        return diagnosticAt(
          { source, path },
          'E_OLD_KIND',
          `\`$kind: ${OLD_KIND[kind]}\` is the old kind, which Postman opens as its own, silently dropping the checks`,
          `write \`$kind: ${EXPECTED_KIND[kind]}\``,
        );
      }
      if (path.length === 1 && path[0] === '$kind') {
        return diagnosticAt(
          { source, path },
          'E_KIND',
          `this file must say \`$kind: ${EXPECTED_KIND[kind]}\``,
          `${source.kind} files are recognised by their name and place; see docs/spec-format.md`,
        );
      }
      return diagnosticAt({ source, path }, 'E_VALUE', `${where} must be ${JSON.stringify(params['allowedValue'])}`);
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const hint =
        error.data === 'oauth2' && path.at(-1) === 'type' && path.at(-2) === 'auth'
          ? 'OAuth 2.0 is set once, on the collection (.resources/definition.yaml); folders and requests inherit it'
          : typeof error.data === 'string'
            ? didYouMean(error.data, allowed)
            : undefined;
      return diagnosticAt(
        { source, path },
        'E_VALUE',
        `${where} must be one of ${allowed.map((a) => `\`${a}\``).join(', ')}`,
        hint,
      );
    }
    case 'type': {
      const expected = Array.isArray(params['type'])
        ? (params['type'] as string[]).join(' or ')
        : String(params['type']);
      return diagnosticAt({ source, path }, 'E_TYPE', `${where} must be ${article(expected)}`, typeHint(source, path));
    }
    case 'anyOf': {
      const description =
        typeof error.parentSchema?.['description'] === 'string' ? ` (${error.parentSchema['description']})` : '';
      return diagnosticAt(
        { source, path },
        'E_TYPE',
        `${where} has the wrong shape${description}`,
        typeHint(source, path) ?? 'see docs/spec-format.md',
      );
    }
    case 'not': {
      // Our schema uses `not: {required: [key]}` for "this key is not allowed with that type".
      const key = String((error.schema as { required?: unknown[] } | undefined)?.required?.[0] ?? '');
      const type = (error.data as { type?: unknown } | null)?.type;
      return diagnosticAt(
        { source, path: [...path, key], at: 'key' },
        'E_UNKNOWN_KEY',
        `\`${key}\` is not allowed in ${where} with type \`${String(type)}\``,
        `remove \`${key}\``,
      );
    }
    default:
      return diagnosticAt({ source, path }, 'E_VALUE', `${where} ${error.message ?? 'is not valid'}`);
  }
}

/** `{{x}}` unquoted is a YAML flow mapping, the commonest slip in these files. */
function typeHint(source: SpecSource, path: NodePath): string | undefined {
  const node = nodeAt(source, path);
  if (isMap(node) && node.flow && node.range && source.text.slice(node.range[0], node.range[0] + 2) === '{{') {
    return 'a value starting with {{ must be quoted: "{{name}}"';
  }
  return undefined;
}

function instancePath(pointer: string, value: unknown): (string | number)[] {
  if (pointer === '') return [];
  const segments: (string | number)[] = [];
  let current: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(current) ? Number(key) : key;
    segments.push(segment);
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  }
  return segments;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
