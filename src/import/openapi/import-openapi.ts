// `mvpm import <openapi document>`: load → convert → sync with what is under --out → write (all or nothing), or,
// with `check`, the same without the write. The library's one entry for it; the CLI prints the result and picks
// the exit code.
import path from 'node:path';
import { readOwnership, writeOwnership } from '../../emit/ownership.js';
import { loadOpenApi } from '../../openapi/load.js';
import type { OpenApiDocument, OpenApiVersion, Operation, SourceLocation } from '../../openapi/types.js';
import type { SourcePosition } from '../../spec/source.js';
import { realRootOf, sha256 } from '../../paths/path-guard.js';
import { writeImport } from '../write-import.js';
import {
  baseUrlVariableOf,
  checkConvertible,
  collectionDirOf,
  convertOpenApi,
  DEFAULT_BASE_URL_VARIABLE,
} from './convert.js';
import type { GeneratedImport } from './convert.js';
import { ImportError, printable } from '../import-error.js';
import { type FileOutcome, inCollectionDir, planSync, type RequestOutcome } from './sync.js';
import { syncEnvironments } from './sync-environments.js';
import { readSyncState } from './sync-existing.js';

export interface OpenApiImportInput {
  /** The document's absolute path. */
  readonly file: string;
  /** The project root: the document and every file it refers to must be inside it. */
  readonly root: string;
  /** The spec directory (--out), absolute. */
  readonly out: string;
  /** --out as shown in messages and generated paths: relative to the project root, with `/`. */
  readonly outLabel: string;
  /** Overwrite edited requests whose operation changed, and generated files mvpm did not write. Default false. */
  readonly force?: boolean;
  /** Write nothing; report what is not covered. Default false. */
  readonly check?: boolean;
  /**
   * The variable that holds the server URL in request URLs. Default: what the collection's definition records
   * (`openapi.baseUrlVariable`), else `baseUrl`. Given and different from the record, it wins: the import records
   * it (or throws E_OPENAPI_RECORDED_OPTION when the definition is kept), and check mode reports the difference.
   */
  readonly baseUrlVariable?: string;
  /** The per-user state directory (mvpm's record of written files). */
  readonly stateDir: string;
}

/** A request of the sync, with what a report says about its operation. */
export interface ReportedRequest extends RequestOutcome {
  readonly method?: string;
  readonly path?: string;
  readonly operationId?: string;
  /** Where the operation is in the document (not for requests whose operation is gone), found when first read. */
  readonly location?: SourceLocation;
}

export interface ReportedWarning {
  readonly code: string;
  /** `file:line:col`, a path under --out, or the document's file. */
  readonly where: string;
  readonly message: string;
}

export interface OpenApiImportResult {
  readonly document: {
    readonly file: string;
    readonly title: string;
    readonly version: OpenApiVersion;
    readonly operations: number;
  };
  readonly collectionDir: string;
  readonly check: boolean;
  /** Every operation of the document (in its order), then requests whose operation is gone, then duplicates. */
  readonly requests: readonly ReportedRequest[];
  /** The generated files other than requests. */
  readonly files: readonly FileOutcome[];
  /** Paths under --out written, in order; empty in check mode. */
  readonly written: readonly string[];
  readonly warnings: readonly ReportedWarning[];
  /** The base URL variable the requests were compared with (or written with). */
  readonly baseUrlVariable: string;
  /** Set when the option differs from what the collection's definition records (check mode reports it). */
  readonly recordedDiffers?: { readonly definition: string; readonly recorded: string };
}

/** Imports (or, with `check`, compares) an OpenAPI document into the spec directory. Throws OpenApiError (the
 * document) or ImportError (writing). */
export async function importOpenApi(input: OpenApiImportInput): Promise<OpenApiImportResult> {
  const doc = await loadOpenApi(input.file, { root: input.root });
  checkConvertible(doc);
  const state = await readSyncState(input.out, {
    cwd: input.root,
    document: input.file,
    collectionDir: collectionDirOf(doc, {}),
    stateDir: input.stateDir,
  });
  // The option wins; without it, what the definition recorded at the last import (so --check and a re-import need
  // not repeat the options), else the default.
  const recorded = state.recorded.baseUrlVariable ?? DEFAULT_BASE_URL_VARIABLE;
  const baseUrlVariable = input.baseUrlVariable === undefined ? recorded : baseUrlVariableOf(input);
  const converted = convertOpenApi(doc, { outLabel: input.outLabel, baseUrlVariable });
  // A collection that was moved (renamed) stays where it is: its definition still names the document.
  const located = inCollectionDir(converted, state.collectionDir);
  // An environment the project already has for a generated one's target stays, and that one is not written.
  const environments = syncEnvironments(located, state.environments, input.outLabel);
  const generated = environments.generated;
  const otherFiles = (g: GeneratedImport): string[] => {
    const requestFiles = new Set(g.requests.map((r) => r.file));
    return [...g.files.keys()].filter((f) => !requestFiles.has(f));
  };
  const plan = planSync({
    generated,
    ...state,
    present: state.presentOf(otherFiles(generated)),
    force: input.force ?? false,
  });
  const recordedDiffers =
    state.recorded.definition !== undefined && baseUrlVariable !== recorded
      ? { definition: state.recorded.definition, recorded }
      : undefined;
  if (recordedDiffers !== undefined && !input.check)
    refuseUnrecorded(recordedDiffers, state.recorded.position, baseUrlVariable, plan.files, input);
  const operations = new Map(doc.operations.map((o) => [o.key, o]));
  const locate = doc.locate;
  const warnings = [
    ...documentWarnings(doc),
    ...[...generated.warnings, ...environments.warnings, ...plan.warnings].map((w) => ({ ...w })),
  ];
  const result = {
    document: { file: doc.file, title: doc.title, version: doc.version, operations: doc.operations.length },
    collectionDir: generated.collectionDir,
    check: input.check ?? false,
    requests: plan.requests.map((r) => reported(r, operations, locate)),
    files: plan.files,
    warnings,
    baseUrlVariable,
    ...(recordedDiffers === undefined ? {} : { recordedDiffers }),
  };
  if (input.check) return { ...result, written: [] };
  const written =
    plan.writes.length === 0
      ? []
      : (await writeImport(input.out, plan.writes, { outLabel: input.outLabel, replace: plan.replaces })).written;
  recordWritten(input, generated, plan.files);
  return { ...result, written };
}

/**
 * E_OPENAPI_RECORDED_OPTION when the option differs from what the collection's definition records and the import
 * would not rewrite the definition (it is kept as someone edited it): the requests would use one variable and the
 * record name another, so the next import without the option would switch them back. Nothing is written.
 */
function refuseUnrecorded(
  differs: { readonly definition: string; readonly recorded: string },
  position: (() => SourcePosition | undefined) | undefined,
  wanted: string,
  files: readonly FileOutcome[],
  input: OpenApiImportInput,
): void {
  const outcome = files.find((f) => f.file === differs.definition)?.kind;
  if (outcome === 'added' || outcome === 'changed' || outcome === 'forced') return;
  const shown = input.outLabel === '.' ? differs.definition : `${input.outLabel}/${differs.definition}`;
  const at = position?.();
  throw new ImportError(
    'E_OPENAPI_RECORDED_OPTION',
    `${shown} records \`openapi.baseUrlVariable: ${printable(differs.recorded, 100)}\` and ` +
      `--base-url-variable is ${wanted}; ` +
      'the definition was edited by hand, so the import would not update that record',
    {
      subject: { kind: 'output', path: shown },
      ...(at === undefined ? {} : { position: at }),
      hint:
        `set \`baseUrlVariable: ${wanted}\` under \`openapi:\` in ${shown} and import again, or leave the option ` +
        `out to keep {{${printable(differs.recorded, 100)}}}`,
    },
  );
}

/**
 * The generated files other than requests that are now what the import generates go into mvpm's record of written
 * files, so the next import may replace them; a file kept (edited) keeps no record. Requests carry their own hash.
 */
function recordWritten(input: OpenApiImportInput, generated: GeneratedImport, files: readonly FileOutcome[]): void {
  const owned: Record<string, string> = { ...readOwnership(input.stateDir, input.root).files };
  const realOut = realRootOf(input.out);
  for (const { kind, file } of files) {
    const key = path.join(realOut, ...file.split('/'));
    if (kind === 'kept' || kind === 'curated') continue;
    owned[key] = sha256(generated.files.get(file) ?? '');
  }
  writeOwnership(input.stateDir, input.root, owned);
}

function reported(
  outcome: RequestOutcome,
  operations: ReadonlyMap<string, Operation>,
  locate: OpenApiDocument['locate'],
): ReportedRequest {
  const operation = outcome.request === undefined ? undefined : operations.get(outcome.operation);
  if (operation === undefined) return outcome;
  // Located only when asked (`--check` shows where an uncovered operation is): a position parses the document's
  // YAML tree, which a plain document read by the fast path does not otherwise need.
  let location: { value: SourceLocation | undefined } | undefined;
  return {
    ...outcome,
    method: operation.method,
    path: operation.path,
    ...(operation.operationId === undefined ? {} : { operationId: operation.operationId }),
    get location() {
      location ??= { value: locate(operation.pointer) };
      return location.value;
    },
  };
}

function documentWarnings(doc: OpenApiDocument): ReportedWarning[] {
  return doc.warnings.map((w) => ({
    code: w.code,
    where: w.location ? `${w.location.file}:${w.location.line}:${w.location.column}` : doc.file,
    message: w.message,
  }));
}
