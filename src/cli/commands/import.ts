import path from 'node:path';
import type { ImportResult } from '../../import/import-collection.js';
import { ImportError, type ImportSubject, printable } from '../../import/import-error.js';
import { readImportInput } from '../../import/read-input.js';
import {
  importFormatOf,
  readV3Collection,
  readV3Environment,
  relocate,
  type V3Collection,
} from '../../import/v3/import-v3.js';
import { importOverSpecs } from '../../import/v3/existing-specs.js';
import { isOpenApiFile } from '../../import/openapi/detect.js';
import { writeImport } from '../../import/write-import.js';
import { readOwnership, writeOwnership } from '../../emit/ownership.js';
import { isInside, realRootOf } from '../../paths/path-guard.js';
import { stateDirectory } from '../../paths/state-dir.js';
import type { ParsedArgs } from '../command.js';
import type { importCommand } from '../declarations.js';
import { EXIT, painterFor, UsageError, type CliIo } from '../io.js';
import { runOpenApiImport } from './import-openapi.js';

/**
 * `mvpm import <collection>` (a v2.1/v2.0 JSON export or a v3 collection directory; an OpenAPI document goes to
 * runOpenApiImport): arguments parsed and checked by its declaration (declarations.ts).
 */
export async function runImport(args: ParsedArgs<typeof importCommand>, io: CliIo): Promise<number> {
  const { values, positionals } = args;
  if (isOpenApiFile(path.resolve(io.cwd, positionals.collection))) return await runOpenApiImport(args, io);
  for (const option of ['check', 'base-url-variable'] as const)
    if (values[option] !== undefined && values[option] !== false)
      throw new UsageError(
        'E_USAGE',
        `--${option} is for OpenAPI documents; ${printable(positionals.collection)} is not one (a .yaml, .yml or ` +
          '.json file with a root `openapi:` or `swagger:` key)',
      );
  const err = painterFor(io.stderr, io.env);
  const collectionFile = positionals.collection;
  const environmentFiles = values.environment === undefined ? [] : [values.environment];
  const out = path.resolve(io.cwd, values.out);
  const outLabel = (path.relative(io.cwd, out) || '.').split(path.sep).join('/');
  /** The file an error is in, as the user named it: the input it is about, or the output path. */
  const fileOf = (subject: ImportSubject): string =>
    subject.kind === 'output'
      ? subject.path === ''
        ? outLabel
        : subject.path
      : printable(
          subject.kind === 'environment' ? (environmentFiles[subject.index] ?? collectionFile) : collectionFile,
          200,
        );

  let v3: V3Collection | undefined;
  try {
    const collectionPath = path.resolve(io.cwd, collectionFile);
    v3 = importFormatOf(collectionPath) === 'v3' ? readV3Collection(collectionPath) : undefined;
    const collection = v3?.collection ?? read(collectionFile, { kind: 'collection' }, io);
    const environments = environmentFiles.map((file, index) => {
      if (/\.ya?ml$/i.test(file)) return readV3Environment(path.resolve(io.cwd, file), index);
      const environment = read(file, { kind: 'environment', index }, io);
      return { slug: slugOf(file, '.postman_environment.json', environment), environment };
    });
    const imported = importOverSpecs(out, {
      collection,
      slug: v3?.slug ?? slugOf(collectionFile, '.postman_collection.json', collection),
      environments,
      allowScripts: values['allow-scripts'],
      keepLiterals: values['keep-literal'],
    });
    const result = v3 ? { ...imported, warnings: [...v3.warnings, ...imported.warnings] } : imported;
    for (const w of result.warnings) io.stderr.write(`${err.yellow(`warning[${w.code}]`)}: ${w.where}: ${w.message}\n`);
    const report = await writeImport(out, result.files, { force: values.force, outLabel });
    for (const file of report.written) io.stdout.write(`wrote ${outLabel === '.' ? file : `${outLabel}/${file}`}\n`);
    summarise(result, io);
    if (v3) adoptV3Files(v3, out, result, io);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    throw (v3 ? relocate(error, v3.origins) : error).in(fileOf(error.subject));
  }
}

/** What the user still has to do: supply the replaced secrets, review the dropped scripts. */
function summarise(result: ImportResult, io: CliIo): void {
  const secrets = result.warnings.filter((w) => w.code === 'W_IMPORT_SECRET').length;
  if (secrets > 0)
    io.stderr.write(
      `mvpm import: ${secrets} literal secret${secrets === 1 ? '' : 's'} replaced by secret variables ` +
        '(listed above); supply their values at run time.\n',
    );
  const dropped = result.scripts.dropped;
  if (dropped > 0)
    io.stderr.write(
      `mvpm import: ${dropped} raw script${dropped === 1 ? '' : 's'} dropped (listed above); ` +
        'to keep them, review them and import again with --allow-scripts --force.\n',
    );
}

function read(file: string, subject: ImportSubject, io: CliIo): unknown {
  try {
    return readImportInput(path.resolve(io.cwd, file));
  } catch (error) {
    throw error instanceof ImportError ? error.about(subject) : error;
  }
}

/** The file name without its Postman suffix (so a rebuild writes the same file name), else the name slugified. */
function slugOf(file: string, suffix: string, value: unknown): string {
  const base = path.basename(file);
  if (base.endsWith(suffix)) return base.slice(0, -suffix.length);
  const object =
    value !== null && typeof value === 'object' ? (value as { info?: { name?: unknown }; name?: unknown }) : {};
  const info = object.info !== null && typeof object.info === 'object' ? object.info : {};
  const name =
    typeof info.name === 'string'
      ? info.name
      : typeof object.name === 'string'
        ? object.name
        : base.replace(/\.json$/i, '');
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'imported'
  );
}

/**
 * The v3 files just brought into the specs may be rewritten by the next build (`mvpm build` refuses to overwrite a
 * v3 file edited since mvpm wrote it, E_V3_EDITED): their SHA-256 as read goes into mvpm's record of written files
 * for the project in the working directory, if they are a build's output (some of them in the record) and they and
 * the specs written lie in it. Not when anything of them was left out (a script
 * without --allow-scripts, a request of another protocol): the build keeps refusing, so the edit stays on disk.
 */
function adoptV3Files(v3: V3Collection, out: string, result: ImportResult, io: CliIo): void {
  const project = realRootOf(io.cwd);
  const dir = realRootOf(v3.dir);
  if (!isInside(project, dir) || !isInside(project, realRootOf(out))) return;
  const stateDir = stateDirectory(io.env);
  const owned: Record<string, string> = { ...readOwnership(stateDir, io.cwd).files };
  // Only a directory a build wrote (some of its files in the record) is mvpm's output.
  if (!Object.keys(owned).some((file) => isInside(dir, file))) return;
  const left = result.scripts.dropped > 0 || result.warnings.some((w) => w.code === 'W_IMPORT_DROPPED');
  if (left) {
    io.stderr.write(
      'mvpm import: something was left out (listed above), so `mvpm build` still will not overwrite the edited ' +
        'v3 files; import again with what it needs, or delete them to give the edit up.\n',
    );
    return;
  }
  for (const [part, hash] of v3.hashes) owned[path.join(dir, ...part.split('/'))] = hash;
  writeOwnership(stateDir, io.cwd, owned);
}
