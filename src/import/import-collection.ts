// Postman Collection v2.1 (and environment) JSON → spec files, in memory. Pure: the CLI reads the input
// (read-input.ts) and writes the result (write-import.ts). Generated scripts come back as `expect`/`capture`/
// `autoRefresh` through their markers; every name that becomes a path goes through names.ts (the path guard's
// cleanName); literal secrets become variables (secrets.ts); raw scripts are kept only when allowed.
import { collisionKey, MAX_NAME_BYTES, nameProblem } from '../paths/path-guard.js';
import { importAuth } from './auth.js';
import { eventsOf, rawScripts, type ImportContext } from './context.js';
import { convertV20, isV20 } from './convert-v20.js';
import { inferSendToForFiles } from '../spec/infer-send-to.js';
import { readEnvironment, renderEnvironment, secretNote } from './environment.js';
import { ImportError, type ImportSubject, type ImportWarning, printable, quoted } from './import-error.js';
import {
  asArray,
  compact,
  descriptionOf,
  isObject,
  type Json,
  nestingDepth,
  nonEmptyObject,
  setKey,
  text,
} from './json-util.js';
import {
  collectionSlug,
  DirectoryNames,
  FOLDER_NAME,
  MAX_FOLDER_DEPTH,
  MAX_IMPORT_ITEMS,
  MAX_IMPORT_PATH_BYTES,
  MAX_INPUT_DEPTH,
  numberedBeforeExtension,
  SCHEMA_NAME,
} from './names.js';
import { importRequest } from './request.js';
import { importAutoRefresh } from './scripts.js';
import { renderYaml } from './render-yaml.js';
import { isSecretName } from '../compile/secrets.js';
import { hasLiteral, SecretVault } from './secrets.js';

export { ImportError } from './import-error.js';
export type { ImportErrorCode, ImportWarning, ImportWarningCode } from './import-error.js';

export interface ImportedFile {
  /** Relative to the output (specs) directory, forward slashes; every part passes the path guard's nameProblem. */
  readonly path: string;
  readonly content: string;
}

export interface ImportResult {
  readonly files: readonly ImportedFile[];
  /** What was renamed, replaced, dropped or kept on the way, each with where. */
  readonly warnings: readonly ImportWarning[];
  /** Raw scripts kept (with allowScripts) and dropped. */
  readonly scripts: { readonly kept: number; readonly dropped: number };
}

export interface ImportInput {
  /** A v2.1 collection; a v2.0 one is converted first (convertV20). */
  readonly collection: unknown;
  /** Names the collection directory (cleaned; `schemas`, `environments` and `files` get a `-collection` suffix). */
  readonly slug: string;
  readonly environments?: readonly { readonly slug: string; readonly environment: unknown }[];
  /** Keep raw scripts (code from the collection). Default false: they are dropped and listed. */
  readonly allowScripts?: boolean;
  /** Field and variable names whose literal values are kept although they look secret (public demo values). Default none. */
  readonly keepLiterals?: readonly string[];
}

const REQUEST_SUFFIX = '.request.yaml';
const ENVIRONMENT_SUFFIX = '.environment.yaml';

const COLLECTION_HINT = 'export the collection from Postman as Collection v2.1 (… → Export)';

export function importCollection(input: ImportInput): ImportResult {
  const environmentsIn = input.environments ?? [];
  checkSize(input.collection, { kind: 'collection' });
  for (const [index, e] of environmentsIn.entries()) checkSize(e.environment, { kind: 'environment', index });
  const c = isV20(input.collection) ? convertV20(input.collection) : input.collection;
  if (!isObject(c) || !isObject(c['info']) || !Array.isArray(c['item'])) {
    throw new ImportError('E_IMPORT_NOT_COLLECTION', 'not a Postman collection: it needs `info` and an `item` list', {
      pointer: !isObject(c) ? '' : !isObject(c['info']) ? '/info' : '/item',
      hint: COLLECTION_HINT,
    });
  }
  const info = c['info'];
  const schema = text(info['schema']);
  if (!schema.includes('v2.1')) {
    throw new ImportError(
      'E_IMPORT_FORMAT',
      `unsupported collection format ${quoted(schema)}: expected Collection v2.1 (or v2.0)`,
      { pointer: '/info/schema', hint: COLLECTION_HINT },
    );
  }
  const warnings: ImportWarning[] = [];
  const files: ImportedFile[] = [];
  const slug = collectionSlug(input.slug);
  if (slug.why)
    warnings.push({
      code: 'W_IMPORT_RENAMED',
      where: 'collection',
      message: `directory ${quoted(input.slug)} is written as ${quoted(slug.name)}: ${slug.why}`,
    });
  const root = slug.name;
  const schemaNames = new DirectoryNames();
  const schemaFiles = new Map<string, string>();
  const schemaByContent = new Map<string, string>();
  const context: ImportContext = {
    warnings,
    used: new Set(),
    defined: new Set(),
    secrets: new SecretVault(new Set(input.keepLiterals ?? []), warnings),
    allowScripts: input.allowScripts ?? false,
    scripts: { kept: 0, dropped: 0 },
    schemaFile: (label, value, where) => {
      const content = `${JSON.stringify(value, null, 2)}\n`;
      const key = `${collisionKey(label.normalize('NFC'))}\u0000${content}`;
      const known = schemaByContent.get(key);
      if (known !== undefined) return known;
      const taken = schemaNames.take(label, 'schema.json', { adjust: SCHEMA_NAME, suffix: numberedBeforeExtension });
      if (taken.why)
        warnings.push({
          code: 'W_IMPORT_RENAMED',
          where,
          message: `schema ${quoted(label)} is written as schemas/${taken.name}: ${taken.why}`,
        });
      schemaByContent.set(key, taken.name);
      schemaFiles.set(taken.name, content);
      return taken.name;
    },
  };

  const environmentNames = new DirectoryNames();
  const environments = environmentsIn.map((e, index) => {
    const taken = environmentNames.take(e.slug, 'environment', {
      maxBytes: MAX_NAME_BYTES - Buffer.byteLength(ENVIRONMENT_SUFFIX),
    });
    if (taken.why)
      warnings.push({
        code: 'W_IMPORT_RENAMED',
        where: `environment ${pathSegment(e.slug)}`,
        message: `written as environments/${taken.name}${ENVIRONMENT_SUFFIX}: ${taken.why}`,
      });
    return readEnvironment(e.environment, taken.name, index, context);
  });
  for (const e of environments) for (const key of Object.keys(e.variables)) context.defined.add(key);

  const variables: Json = {};
  for (const v of asArray(c['variable'])) {
    if (typeof v['key'] !== 'string') continue;
    const key = v['key'];
    context.defined.add(key);
    const value = text(v['value']);
    const description = descriptionOf(v['description']);
    if ((v['type'] === 'secret' || isSecretName(key)) && hasLiteral(value) && !context.secrets.keeps(key)) {
      // A collection variable cannot be typed secret in a spec: it moves to the environments (or runtimeVariables).
      context.secrets.variable(key, value, `collection variable ${printable(key)}`, false);
      warnings.push({
        code: 'W_IMPORT_SECRET',
        where: 'collection',
        message: `variable ${quoted(key)} held a literal secret; its value was dropped and it is declared secret`,
      });
      continue;
    }
    setKey(variables, key, description === undefined ? value : { value, description });
  }
  const events = eventsOf(c['event']);
  const refresh = importAutoRefresh(events.prerequest, events.test);
  if (refresh.edited)
    warnings.push({
      code: 'W_IMPORT_SCRIPT',
      where: 'collection',
      message: 'its autoRefresh script was edited by hand, so it is a raw script now',
    });
  if (refresh.spec) for (const name of Object.values(refresh.spec.variables)) context.defined.add(name);

  let items = 0;
  const walk = (list: unknown[], dir: string, where: string, pointer: string, depth: number): void => {
    const names = new DirectoryNames();
    list.forEach((item, index) => {
      if (!isObject(item)) {
        warnings.push({ code: 'W_IMPORT_DROPPED', where, message: `item ${index + 1} is not an object; skipped` });
        return;
      }
      const itemPointer = `${pointer}/${index}`;
      if (++items > MAX_IMPORT_ITEMS) {
        throw new ImportError(
          'E_IMPORT_TOO_MANY',
          `the collection has more than ${MAX_IMPORT_ITEMS} folders and requests`,
          { pointer: itemPointer, hint: 'split it into several collections' },
        );
      }
      const isFolder = Array.isArray(item['item']);
      const wanted = text(item['name'], `Item ${index + 1}`);
      const itemWhere = `${where}/${pathSegment(wanted)}`;
      const taken = names.take(
        wanted,
        isFolder ? 'Folder' : 'Request',
        isFolder ? { adjust: FOLDER_NAME } : { maxBytes: MAX_NAME_BYTES - Buffer.byteLength(REQUEST_SUFFIX) },
      );
      if (taken.why)
        warnings.push({
          code: 'W_IMPORT_RENAMED',
          where: itemWhere,
          message: `written as ${quoted(taken.name)}: ${taken.why}`,
        });
      const order = index + 1;
      if (isFolder) {
        if (depth >= MAX_FOLDER_DEPTH) {
          throw new ImportError('E_IMPORT_TOO_DEEP', `folders nest more than ${MAX_FOLDER_DEPTH} levels deep`, {
            pointer: itemPointer,
            itemPath: itemWhere,
            hint: 'move the innermost folders up in Postman',
          });
        }
        const folderDir = `${dir}/${taken.name}`;
        const auth = importAuth(item['auth'], itemWhere, context);
        const scripts = rawScripts(eventsOf(item['event']), itemWhere, context);
        addFile(
          files,
          `${folderDir}/.resources/definition.yaml`,
          renderYaml(
            compact({ $kind: 'folder', description: descriptionOf(item['description']), order, auth, scripts }),
          ),
          itemPointer,
          itemWhere,
        );
        walk(item['item'] as unknown[], folderDir, itemWhere, `${itemPointer}/item`, depth + 1);
      } else {
        const request = importRequest(item, itemWhere, context);
        const spec: Json = { $kind: 'http-request', ...request, order };
        const expect = spec['expect'];
        if (isObject(expect) && isObject(expect['schema']) && typeof expect['schema']['file'] === 'string') {
          expect['schema']['file'] = `${'../'.repeat(dir.split('/').length)}schemas/${expect['schema']['file']}`;
        }
        addFile(files, `${dir}/${taken.name}${REQUEST_SUFFIX}`, renderYaml(orderRequest(spec)), itemPointer, itemWhere);
      }
    });
  };
  walk(c['item'], root, root, '/item', 0);

  const collectionAuth = importAuth(c['auth'], 'collection', context);
  const collectionScripts = rawScripts({ prerequest: refresh.prerequest, test: refresh.test }, 'collection', context);
  const secrets = context.secrets.undeclared();
  const secretNames = context.secrets.names();
  const runtimeVariables: Json = {};
  for (const name of [...context.used]
    .filter((n) => !context.defined.has(n) && !secretNames.has(n) && !n.startsWith('$'))
    .sort()) {
    setKey(runtimeVariables, name, 'Used by the imported collection but defined neither in it nor in its environment.');
  }
  // Without an environment to declare them in (typed secret, empty), secrets are declared as runtime variables.
  if (environments.length === 0) for (const s of secrets) setKey(runtimeVariables, s.name, secretNote(s));
  files.unshift({
    path: `${root}/.resources/definition.yaml`,
    content: renderYaml(
      compact({
        $kind: 'collection',
        name: text(info['name'], root),
        description: descriptionOf(info['description']),
        variables: nonEmptyObject(variables),
        runtimeVariables: nonEmptyObject(runtimeVariables),
        auth: collectionAuth,
        scripts: collectionScripts,
        autoRefresh: refresh.spec,
      }),
    ),
  });
  for (const [file, content] of schemaFiles) addFile(files, `schemas/${file}`, content, '', `schema ${file}`);
  // Postman environments do not say where a secret may be sent; the specs must (E_SEND_TO): it is taken from the
  // requests of the collection that send it, and each inference is a warning to review.
  const environmentFiles = environments.map((e) => ({
    path: `environments/${e.slug}${ENVIRONMENT_SUFFIX}`,
    content: renderEnvironment(e, secrets),
  }));
  const sendTo = inferSendToForFiles([...files, ...environmentFiles]);
  environments.forEach((e, i) => {
    const file = environmentFiles[i]!;
    const inferred = sendTo.get(file.path);
    for (const [key, bases] of inferred ?? []) {
      warnings.push({
        code: 'W_IMPORT_SEND_TO',
        where: `environment ${pathSegment(e.slug)}`,
        message: `secret ${quoted(key)} may be sent only to ${bases.map((b) => `{{${b}}}`).join(', ')} (sendTo, from the requests that send it); review it`,
      });
    }
    addFile(
      files,
      file.path,
      inferred && inferred.size > 0 ? renderEnvironment(e, secrets, inferred) : file.content,
      '',
      `environment ${e.slug}`,
    );
  });
  for (const file of files) assertGuarded(file.path);
  return { files, warnings, scripts: { ...context.scripts } };
}

/** A name in an item path: as it is, or quoted when it could be misread as several parts or none. */
function pathSegment(name: string): string {
  return name === '' || name === '.' || name === '..' || name.includes('/') || /^\s|\s$/.test(name)
    ? quoted(name)
    : printable(name);
}

/** JSON nesting past MAX_INPUT_DEPTH is refused before anything walks the value (walks would exhaust the stack). */
function checkSize(value: unknown, subject: ImportSubject): void {
  const { depth, pointer } = nestingDepth(value, MAX_INPUT_DEPTH);
  if (depth > MAX_INPUT_DEPTH) {
    throw new ImportError('E_IMPORT_TOO_DEEP', `the JSON nests more than ${MAX_INPUT_DEPTH} levels deep`, {
      subject,
      pointer: shortPointer(pointer ?? ''),
      hint: 'Postman does not export anything this deep; check where the file came from',
    });
  }
}

/** A pointer for a message: at most 200 characters, cut in the middle. */
function shortPointer(pointer: string): string {
  return pointer.length <= 200 ? pointer : `${pointer.slice(0, 99)}…${pointer.slice(-100)}`;
}

function addFile(files: ImportedFile[], path: string, content: string, pointer: string, where: string): void {
  const bytes = Buffer.byteLength(path);
  if (bytes > MAX_IMPORT_PATH_BYTES) {
    throw new ImportError(
      'E_IMPORT_PATH_TOO_LONG',
      `a file's path would be ${bytes} bytes long; mvpm import writes paths of at most ${MAX_IMPORT_PATH_BYTES} bytes`,
      {
        pointer: shortPointer(pointer),
        itemPath: where,
        hint: 'shorten the folder and request names in Postman',
      },
    );
  }
  files.push({ path, content });
}

/** Every part of every path passed the path guard's rule: a failure here is a bug in the importer, not bad input. */
function assertGuarded(path: string): void {
  for (const part of path.split('/')) {
    if (nameProblem(part) !== undefined) throw new Error(`import produced an unsafe path part ${JSON.stringify(part)}`);
  }
}

const REQUEST_KEYS = [
  '$kind',
  'description',
  'order',
  'method',
  'url',
  'query',
  'headers',
  'auth',
  'body',
  'settings',
  'expect',
  'capture',
  'scripts',
];

function orderRequest(spec: Json): Json {
  return compact(Object.fromEntries(REQUEST_KEYS.map((k) => [k, spec[k]])));
}
