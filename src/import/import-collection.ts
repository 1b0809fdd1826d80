// Postman Collection v2.1 (and environment) JSON → spec files, in memory. Pure: the CLI reads the input
// (read-input.ts) and writes the result (write-import.ts). Generated scripts come back as `expect`/`capture`/
// `autoRefresh` through their markers; every name that becomes a path goes through names.ts (the path guard's
// cleanName); literal secrets become variables (secrets.ts); raw scripts are kept only when allowed.
import { MAX_NAME_BYTES } from '../paths/path-guard.js';
import { variableReference } from '../spec/variables.js';
import { importCollectionVariables } from './collection-variables.js';
import { walkItems } from './collection-walk.js';
import { newImportContext } from './context.js';
import { addFile, assertGuarded, checkSize, type ImportedFile, pathSegment } from './imported-files.js';
import { importAuth } from './auth.js';
import { eventsOf, rawScripts } from './context.js';
import { convertV20, isV20 } from './convert-v20.js';
import { inferSendToForFiles } from '../spec/infer-send-to.js';
import { readEnvironment, renderEnvironment, secretNote } from './environment.js';
import { ImportError, type ImportWarning, quoted } from './import-error.js';
import { compact, descriptionOf, isObject, type Json, nonEmptyObject, setKey, text } from './json-util.js';
import { collectionSlug, DirectoryNames } from './names.js';
import { importAutoRefresh } from './scripts.js';
import { renderYaml } from './render-yaml.js';

export { ImportError } from './import-error.js';
export type { ImportErrorCode, ImportWarning, ImportWarningCode } from './import-error.js';
export type { ImportedFile } from './imported-files.js';

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
  /**
   * Field and variable names whose literal values are kept although they look secret (public demo values).
   * Default none.
   */
  readonly keepLiterals?: readonly string[];
  /**
   * Raw scripts' code (trailing white space cut) the spec files being replaced already hold: kept without
   * allowScripts, as they are not new code. Default none.
   */
  readonly knownScripts?: ReadonlySet<string>;
  /** Variables defined elsewhere in the specs (their environments), so not runtime variables. Default none. */
  readonly definedVariables?: readonly string[];
}

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
  const { context, schemaFiles } = newImportContext(warnings, input);
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
  for (const key of input.definedVariables ?? []) context.defined.add(key);

  const variables = importCollectionVariables(c['variable'], context);
  const events = eventsOf(c['event']);
  const refresh = importAutoRefresh(events.prerequest, events.test);
  if (refresh.edited)
    warnings.push({
      code: 'W_IMPORT_SCRIPT',
      where: 'collection',
      message: 'its autoRefresh script was edited by hand, so it is a raw script now',
    });
  if (refresh.spec) for (const name of Object.values(refresh.spec.variables)) context.defined.add(name);
  for (const [label, schema] of refresh.schemas) context.checkSchemas.set(label, schema);

  walkItems(c['item'], root, root, '/item', 0, { context, files, items: 0 });

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
        $kind: 'mvpm-collection',
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
        message:
          `secret ${quoted(key)} may be sent only to ${bases.map(variableReference).join(', ')} ` +
          '(sendTo, from the requests that send it); review it',
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
