import { sortDiagnostics, type SpecDiagnostic } from './diagnostics.js';
import type { LoadedFolder, LoadedSpecs } from './load-specs.js';
import type { SpecProject } from './model.js';
import { normalizeCollection, normalizeEnvironment, type NormalizeContext } from './normalize.js';
import { checkDuplicateNames } from './rules/duplicate-names.js';
import { checkEnvironments } from './rules/environments.js';
import { checkJsonSchemas } from './rules/json-schemas.js';
import { checkSecretDestinations } from './rules/secret-destinations.js';
import { checkTargets } from './rules/targets.js';
import { checkUnsafeText } from './rules/unsafe-text.js';
import { checkVariables } from './rules/variables.js';
import type { SpecSource } from './source.js';
import { validateSourceSchema } from './validate-schema.js';

/** The semantic rules, run in this order after the schema check. Each is small and reports every finding. */
export const SPEC_RULES = [
  checkDuplicateNames,
  checkEnvironments,
  checkVariables,
  checkJsonSchemas,
  checkSecretDestinations,
  checkTargets,
] as const;

export interface ValidationResult {
  /** The normalized project; present only when there are no errors. */
  readonly value?: SpecProject;
  readonly errors: readonly SpecDiagnostic[];
  readonly warnings: readonly SpecDiagnostic[];
}

export interface ValidateOptions {
  /** Paths in diagnostics are relative to this directory. Default: process.cwd(). */
  readonly cwd?: string;
}

/**
 * Schema check of every file, then normalization, then the semantic rules: every problem in one pass.
 * Returns the model only when nothing is wrong, so a caller cannot compile a half-valid project.
 */
export function validateSpecs(loaded: LoadedSpecs, options: ValidateOptions = {}): ValidationResult {
  const diagnostics: SpecDiagnostic[] = [...loaded.diagnostics];
  const values = new Map<SpecSource, unknown>();
  const check = (source: SpecSource, kind: 'collection' | 'folder' | 'request' | 'environment'): void => {
    const { value, errors } = validateSourceSchema(source, kind);
    values.set(source, value);
    diagnostics.push(...errors);
  };
  const visit = (folder: LoadedFolder): void => {
    if (folder.definition && folder.definition.kind === 'folder') check(folder.definition, 'folder');
    for (const request of folder.requests) check(request.source, 'request');
    for (const child of folder.folders) visit(child);
  };
  for (const collection of loaded.collections) {
    check(collection.definition, 'collection');
    visit(collection.root);
  }
  for (const environment of loaded.environments) check(environment, 'environment');
  // On the text as written, whatever the schema said of it: keys, names and generated-code strings.
  diagnostics.push(...checkUnsafeText([...values.keys(), ...loaded.schemaFiles.values()]));

  const ctx: NormalizeContext = {
    readValue: (source) => values.get(source),
    schemaFiles: loaded.schemaFiles,
    cwd: options.cwd ?? process.cwd(),
    errors: diagnostics,
  };
  const project: SpecProject = {
    collections: loaded.collections.map((collection) => normalizeCollection(collection, ctx)),
    environments: loaded.environments.map((environment) => normalizeEnvironment(environment, ctx.readValue)),
  };
  for (const rule of SPEC_RULES) diagnostics.push(...rule(project));

  const sorted = sortDiagnostics(diagnostics);
  const errors = sorted.filter((d) => d.severity === 'error');
  const warnings = sorted.filter((d) => d.severity === 'warning');
  return { ...(errors.length === 0 ? { value: project } : {}), errors, warnings };
}
