// `mvpm import <openapi document>`: runs importOpenApi and prints its report (the library prints nothing). Exit 0
// when imported, or with --check when every operation is covered; 1 with --check when one is not; errors exit 2
// through reportError, which adds "nothing was written".
import path from 'node:path';
import { ImportError, printable } from '../../import/import-error.js';
import { importOpenApi, type OpenApiImportResult, type ReportedRequest } from '../../import/openapi/import-openapi.js';
import type { FileOutcomeKind } from '../../import/openapi/sync.js';
import { stateDirectory } from '../../paths/state-dir.js';
import type { ParsedArgs } from '../command.js';
import type { importCommand } from '../declarations.js';
import { type CliIo, EXIT, painterFor, UsageError } from '../io.js';

/** Options of `mvpm import` that only a Postman collection import reads. */
const COLLECTION_ONLY = ['environment', 'allow-scripts', 'keep-literal'] as const;

/** A variable name `--base-url-variable` accepts: what a Postman variable and an environment key can both be. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/;

export async function runOpenApiImport(
  { values, positionals }: ParsedArgs<typeof importCommand>,
  io: CliIo,
): Promise<number> {
  for (const option of COLLECTION_ONLY) {
    const value = values[option];
    if (value === true || (typeof value === 'string' && value !== '') || (Array.isArray(value) && value.length > 0))
      throw new UsageError(
        'E_USAGE',
        `--${option} is for Postman collections; ${printable(positionals.collection)} is an OpenAPI document`,
      );
  }
  const baseUrlVariable = values['base-url-variable'];
  if (baseUrlVariable !== undefined && !VARIABLE_NAME.test(baseUrlVariable))
    throw new UsageError(
      'E_USAGE',
      `--base-url-variable ${JSON.stringify(printable(baseUrlVariable, 40))} is not a variable name: use letters, ` +
        'digits and _ . - (starting with a letter or _)',
    );
  const out = path.resolve(io.cwd, values.out);
  const outLabel = (path.relative(io.cwd, out) || '.').split(path.sep).join('/');
  const documentLabel = printable(positionals.collection, 200);
  let result: OpenApiImportResult;
  try {
    result = await importOpenApi({
      file: path.resolve(io.cwd, positionals.collection),
      root: io.cwd,
      out,
      outLabel,
      force: values.force,
      check: values.check,
      ...(baseUrlVariable === undefined ? {} : { baseUrlVariable }),
      stateDir: stateDirectory(io.env),
    });
  } catch (error) {
    if (!(error instanceof ImportError) || error.location?.file !== undefined) throw error;
    const subject = error.subject;
    throw error.in(subject.kind === 'output' ? (subject.path === '' ? outLabel : subject.path) : documentLabel);
  }
  const shown = (file: string): string => (outLabel === '.' ? file : `${outLabel}/${file}`);
  const err = painterFor(io.stderr, io.env);
  for (const w of result.warnings)
    io.stderr.write(`${err.yellow(`warning[${w.code}]`)}: ${printable(w.where, 200)}: ${w.message}\n`);
  return result.check ? printCheck(result, shown, outLabel, io) : printImport(result, shown, io);
}

const REQUEST_LINES: Partial<Record<ReportedRequest['kind'], (file: string) => string>> = {
  added: (file) => `added    ${file}`,
  changed: (file) => `changed  ${file}`,
  forced: (file) => `changed  ${file} (edited, overwritten: --force)`,
  'edited-kept': (file) => `edited, kept (use --force to overwrite)  ${file}`,
  removed: (file) =>
    `removed  ${file}: its operation is no longer in the document; delete the file if you no longer want it`,
  duplicate: (file) => `duplicate  ${file}: another request covers the same operation and is the one kept in step`,
};

const FILE_LINES: Partial<Record<FileOutcomeKind, (file: string) => string>> = {
  added: (file) => `added    ${file}`,
  changed: (file) => `changed  ${file}`,
  forced: (file) => `changed  ${file} (not as mvpm wrote it, overwritten: --force)`,
  kept: (file) => `edited, kept (use --force to overwrite)  ${file}`,
};

function printImport(result: OpenApiImportResult, shown: (file: string) => string, io: CliIo): number {
  for (const file of result.files) {
    const line = FILE_LINES[file.kind];
    if (line) io.stdout.write(`${line(printable(shown(file.file), 200))}\n`);
  }
  for (const request of result.requests) {
    const line = REQUEST_LINES[request.kind];
    if (line) io.stdout.write(`${line(printable(shown(request.file), 200))}  ${operationOf(request)}\n`);
  }
  const count = (...kinds: ReportedRequest['kind'][]): number =>
    result.requests.filter((r) => kinds.includes(r.kind)).length;
  const parts = [
    `${count('added')} added`,
    `${count('changed', 'forced')} changed`,
    `${count('edited-kept')} edited and kept`,
    `${count('removed')} removed`,
    `${count('unchanged', 'edited')} unchanged`,
  ];
  const edited = count('edited');
  // Definitions that differ only in what people curate are one clause, not a line each: a fresh clone has no record
  // of mvpm writing them, and the import has nothing of substance to change in them.
  const curated = result.files.filter((f) => f.kind === 'curated').length;
  const curatedClause =
    curated === 0
      ? ''
      : `; ${curated} definition${curated === 1 ? '' : 's'} curated by hand left as ` +
        `${curated === 1 ? 'it is' : 'they are'}`;
  io.stdout.write(
    `mvpm import: ${result.document.operations} operation${result.document.operations === 1 ? '' : 's'} of ` +
      `${printable(result.document.file, 200)} into ${printable(shown(result.collectionDir), 200)}: ` +
      `${parts.join(', ')}${edited > 0 ? ` (${edited} of them edited by hand, up to date)` : ''}${curatedClause}; ` +
      `${result.written.length} file${result.written.length === 1 ? '' : 's'} written.\n`,
  );
  return EXIT.ok;
}

function printCheck(result: OpenApiImportResult, shown: (file: string) => string, outLabel: string, io: CliIo): number {
  const uncovered = result.requests.filter((r) => r.kind === 'added');
  for (const request of uncovered) {
    const where = request.location
      ? `${request.location.file}:${request.location.line}:${request.location.column}`
      : result.document.file;
    io.stdout.write(`not covered  ${operationOf(request)}  ${printable(where, 200)}\n`);
  }
  const notes: Partial<Record<ReportedRequest['kind'], string>> = {
    changed: 'out of date (the document changed; import again to update it)',
    'edited-kept': 'edited and out of date (the document changed; review, or import again with --force)',
    edited: 'edited (the document has not changed since)',
    removed: 'its operation is no longer in the document',
    duplicate: 'another request covers the same operation',
  };
  const differs = result.recordedDiffers;
  if (differs !== undefined)
    io.stdout.write(
      `note  ${printable(shown(differs.definition), 200)}: records ` +
        `\`baseUrlVariable: ${printable(differs.recorded, 100)}\`; compared with --base-url-variable ` +
        `${result.baseUrlVariable} instead (leave the option out to use the record)\n`,
    );
  for (const request of result.requests) {
    const note = notes[request.kind];
    if (note) io.stdout.write(`note  ${printable(shown(request.file), 200)}: ${note}  ${operationOf(request)}\n`);
  }
  const operations = result.document.operations;
  io.stdout.write(
    uncovered.length === 0
      ? `mvpm import --check: ${operations === 1 ? 'the 1 operation' : `all ${operations} operations`} of ` +
          `${printable(result.document.file, 200)} ${operations === 1 ? 'is' : 'are'} covered by requests under ` +
          `${printable(outLabel, 200)}.\n`
      : `mvpm import --check: ${uncovered.length} of ${operations} operation${operations === 1 ? '' : 's'} of ` +
          `${printable(result.document.file, 200)} ${uncovered.length === 1 ? 'is' : 'are'} not covered by a ` +
          `request under ${printable(outLabel, 200)}; import the document to add ` +
          `${uncovered.length === 1 ? 'it' : 'them'}.\n`,
  );
  return uncovered.length === 0 ? EXIT.ok : EXIT.failed;
}

/** `GET /pets/{id} (getPet)`, or the operation a request records when its operation is gone. */
function operationOf(request: ReportedRequest): string {
  if (request.method === undefined || request.path === undefined) return `(${printable(request.operation)})`;
  const id = request.operationId === undefined ? '' : ` (${printable(request.operationId)})`;
  return `${request.method} ${printable(request.path, 200)}${id}`;
}
