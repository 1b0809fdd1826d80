// The collection's item tree → one directory per folder (with its definition) and one file per request, in order;
// every name is made a safe file name (names.ts), and depth and count are bounded.
import { MAX_NAME_BYTES } from '../paths/path-guard.js';
import { importAuth } from './auth.js';
import { eventsOf, rawScripts, type ImportContext } from './context.js';
import { ImportError, quoted } from './import-error.js';
import { addFile, type ImportedFile, pathSegment } from './imported-files.js';
import { compact, descriptionOf, isObject, type Json, text } from './json-util.js';
import { DirectoryNames, FOLDER_NAME, MAX_FOLDER_DEPTH, MAX_IMPORT_ITEMS } from './names.js';
import { renderYaml } from './render-yaml.js';
import { importRequest } from './request.js';

const REQUEST_SUFFIX = '.request.yaml';

/** What a walk adds to as it goes: the files written so far and the number of items seen. */
export interface WalkState {
  readonly context: ImportContext;
  readonly files: ImportedFile[];
  items: number;
}

/** The items of `list` (a folder's `item`) into `dir`; `where` names it in warnings, `pointer` in errors. */
export function walkItems(
  list: unknown[],
  dir: string,
  where: string,
  pointer: string,
  depth: number,
  state: WalkState,
): void {
  const names = new DirectoryNames();
  list.forEach((item, index) => {
    if (!isObject(item)) {
      state.context.warnings.push({
        code: 'W_IMPORT_DROPPED',
        where,
        message: `item ${index + 1} is not an object; skipped`,
      });
      return;
    }
    const itemPointer = `${pointer}/${index}`;
    if (++state.items > MAX_IMPORT_ITEMS) {
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
      state.context.warnings.push({
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
      const auth = importAuth(item['auth'], itemWhere, state.context);
      const scripts = rawScripts(eventsOf(item['event']), itemWhere, state.context);
      addFile(
        state.files,
        `${folderDir}/.resources/definition.yaml`,
        renderYaml(
          compact({ $kind: 'mvpm-folder', description: descriptionOf(item['description']), order, auth, scripts }),
        ),
        itemPointer,
        itemWhere,
      );
      walkItems(item['item'] as unknown[], folderDir, itemWhere, `${itemPointer}/item`, depth + 1, state);
    } else {
      const request = importRequest(item, itemWhere, state.context);
      const spec: Json = { $kind: 'mvpm-request', ...request, order };
      const expect = spec['expect'];
      if (isObject(expect) && isObject(expect['schema']) && typeof expect['schema']['file'] === 'string') {
        expect['schema']['file'] = `${'../'.repeat(dir.split('/').length)}schemas/${expect['schema']['file']}`;
      }
      addFile(
        state.files,
        `${dir}/${taken.name}${REQUEST_SUFFIX}`,
        renderYaml(orderRequest(spec)),
        itemPointer,
        itemWhere,
      );
    }
  });
}

/** A request file's keys in the order people read them. */
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
