import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { importCollection, ImportError, type ImportResult } from '../../import/import-collection.js';
import { EXIT, painterFor, parseCommandArgs, UsageError, type CliIo } from '../io.js';

export const IMPORT_HELP = `Usage: mvpm import <collection.json> [--environment <env.json>] [--out <specs-dir>] [--force]

Turns a Postman Collection (v2.1 or v2.0, e.g. exported from the Postman app) back into YAML specs:
<out>/<collection>/.resources/definition.yaml, a directory per folder and a <Name>.request.yaml per request.
Scripts mvpm generated come back as expect, capture and autoRefresh; other scripts stay raw scripts.
Dropped: ids, saved responses, Postman-only settings, and literal tokens and secrets in auth blocks.

Options:
  --environment <file>  Also import a Postman environment (secret values are dropped, marked secret: true)
  --out <dir>           Spec directory to write into (default: specs)
  --force               Overwrite an existing, non-empty collection directory or environment file
  -h, --help            Show this help

Exit codes: 0 ok, 2 unreadable input or usage.
`;

export async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  const positional = argv.filter((a, i) => !a.startsWith('-') && !['--environment', '--out'].includes(argv[i - 1] ?? ''));
  const options = argv.filter((a) => !positional.includes(a));
  const values = parseCommandArgs(options, { environment: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false } }, IMPORT_HELP, io);
  if (!values) return EXIT.ok;
  if (positional.length !== 1) throw new UsageError('E_USAGE', `expected one collection file\n\n${IMPORT_HELP}`);
  const err = painterFor(io.stderr, io.env);
  const fail = (file: string, message: string): number => {
    io.stderr.write(`${err.red('mvpm import: error')}: ${file}: ${message}\n`);
    return EXIT.usage;
  };
  const collectionFile = positional[0]!;
  const collection = readJson(path.resolve(io.cwd, collectionFile));
  if ('error' in collection) return fail(collectionFile, collection.error);
  const environments: { slug: string; environment: unknown }[] = [];
  if (values.environment !== undefined) {
    const env = readJson(path.resolve(io.cwd, values.environment));
    if ('error' in env) return fail(values.environment, env.error);
    environments.push({ slug: slugOf(values.environment, '.postman_environment.json', env.value), environment: env.value });
  }
  let result: ImportResult;
  try {
    const v21 = collection.value;
    result = importCollection({ collection: v21, slug: slugOf(collectionFile, '.postman_collection.json', collection.value), environments });
  } catch (error) {
    if (error instanceof ImportError) return fail(error.message.startsWith('not a Postman environment') ? values.environment ?? collectionFile : collectionFile, error.message);
    throw error;
  }
  const out = path.resolve(io.cwd, values.out ?? 'specs');
  const tops = [...new Set(result.files.map((f) => f.path.split('/')[0]!))].filter((top) => top !== 'schemas' && top !== 'environments');
  const blocked = [
    ...tops.map((top) => path.join(out, top)).filter((dir) => existsSync(dir) && readdirSync(dir).length > 0),
    ...result.files.filter((f) => f.path.startsWith('environments/') && existsSync(path.join(out, f.path))).map((f) => path.join(out, f.path)),
  ];
  if (blocked.length > 0 && !values.force) {
    return fail(path.relative(io.cwd, blocked[0]!) || '.', 'already exists and is not empty; nothing was written (pass --force to overwrite)');
  }
  for (const warning of result.warnings) io.stderr.write(`warning: ${warning}\n`);
  for (const file of result.files) {
    const target = path.join(out, ...file.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, file.content);
    io.stdout.write(`wrote ${path.relative(io.cwd, target).split(path.sep).join('/')}\n`);
  }
  return EXIT.ok;
}

function readJson(file: string): { value: unknown } | { error: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { error: `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `not valid JSON: ${(error as Error).message}` };
  }
}

/** The file name without its Postman suffix (so a rebuild writes the same file name), else the name slugified. */
function slugOf(file: string, suffix: string, value: unknown): string {
  const base = path.basename(file);
  if (base.endsWith(suffix)) return base.slice(0, -suffix.length);
  const name = (value as { info?: { name?: unknown }; name?: unknown } | null);
  const text = String(name?.info?.name ?? name?.name ?? base.replace(/\.json$/i, ''));
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'imported';
}
