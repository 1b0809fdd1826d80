import path from 'node:path';
import { importCollection, type ImportResult } from '../../import/import-collection.js';
import { ImportError, type ImportSubject, printable } from '../../import/import-error.js';
import { readImportInput } from '../../import/read-input.js';
import { writeImport } from '../../import/write-import.js';
import { EXIT, painterFor, parseCommandArgs, UsageError, type CliIo } from '../io.js';

export const IMPORT_HELP = `Usage: mvpm import <collection.json> [--environment <env.json>] [--out <specs-dir>] [--force]
                   [--allow-scripts] [--keep-literal <name>]...

Turns a Postman Collection (v2.1 or v2.0, e.g. exported from the Postman app) back into YAML specs:
<out>/<collection>/.resources/definition.yaml, a directory per folder and a <Name>.request.yaml per request.
Scripts mvpm generated come back as expect, capture and autoRefresh. Other scripts are code from the collection:
they are listed and dropped unless you pass --allow-scripts.
Names are made safe file names (renamed ones are listed); literal secrets (tokens, keys, passwords, cookies,
client secrets) are replaced by {{variables}} declared secret and empty, and listed by name.
Nothing is written when anything fails, and no existing file is replaced without --force.

Options:
  --environment <file>  Also import a Postman environment (secret values are dropped, marked secret: true)
  --out <dir>           Spec directory to write into (default: specs)
  --force               Replace existing files and write into a non-empty collection directory
  --allow-scripts       Keep raw scripts (pre-request and test code) from the collection; review them first
  --keep-literal <name> Keep the literal value of a field or variable that looks secret (a public demo value);
                        repeatable
  -h, --help            Show this help

Exit codes: 0 imported (warnings on stderr); 2 unreadable or unusable input, existing files, or usage.
`;

const VALUE_OPTIONS = ['--environment', '--out', '--keep-literal'];

export async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  const isPositional = (a: string, i: number): boolean =>
    !a.startsWith('-') && !VALUE_OPTIONS.includes(argv[i - 1] ?? '');
  const positional = argv.filter(isPositional);
  const options = argv.filter((a, i) => !isPositional(a, i));
  const values = parseCommandArgs(
    options,
    {
      environment: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      'allow-scripts': { type: 'boolean', default: false },
      'keep-literal': { type: 'string', multiple: true },
    },
    IMPORT_HELP,
    io,
  );
  if (!values) return EXIT.ok;
  if (positional.length !== 1) throw new UsageError('E_USAGE', `expected one collection file\n\n${IMPORT_HELP}`);
  const err = painterFor(io.stderr, io.env);
  const collectionFile = positional[0]!;
  const environmentFiles = values.environment === undefined ? [] : [values.environment];
  const out = path.resolve(io.cwd, values.out ?? 'specs');
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

  try {
    const collection = read(collectionFile, { kind: 'collection' }, io);
    const environments = environmentFiles.map((file, index) => {
      const environment = read(file, { kind: 'environment', index }, io);
      return { slug: slugOf(file, '.postman_environment.json', environment), environment };
    });
    const result = importCollection({
      collection,
      slug: slugOf(collectionFile, '.postman_collection.json', collection),
      environments,
      allowScripts: values['allow-scripts'],
      keepLiterals: values['keep-literal'] ?? [],
    });
    for (const w of result.warnings) io.stderr.write(`${err.yellow(`warning[${w.code}]`)}: ${w.where}: ${w.message}\n`);
    const report = writeImport(out, result.files, { force: values.force, outLabel });
    for (const file of report.written) io.stdout.write(`wrote ${outLabel === '.' ? file : `${outLabel}/${file}`}\n`);
    summarise(result, io);
    return EXIT.ok;
  } catch (error) {
    throw error instanceof ImportError ? error.in(fileOf(error.subject)) : error;
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
