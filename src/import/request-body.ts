// A Postman request's body → the spec's `body`: JSON kept as data when it parses (and is not too deep), form fields
// as maps, form-data files only as clean relative paths; literal secrets in secret-named fields become variables.
import { isSecretName } from '../compile/secrets.js';
import { nameProblem } from '../paths/path-guard.js';
import { mayHoldVariables } from '../spec/variables.js';
import type { ImportContext } from './context.js';
import { quoted } from './import-error.js';
import { asArray, hasKey, isObject, type Json, nestingDepth, setKey, text } from './json-util.js';
import { fieldLabel } from './secrets.js';

/** JSON request bodies nesting deeper than this stay raw text: the spec loader reads at most 64 levels per file. */
const MAX_BODY_DEPTH = 48;

export function importBody(value: unknown, where: string, context: ImportContext): Json | undefined {
  if (!isObject(value) || typeof value['mode'] !== 'string') return undefined;
  const fields = (list: unknown, kind: string): Json => {
    const out: Json = {};
    for (const f of asArray(list)) {
      if (f['disabled'] === true) continue;
      const key = text(f['key']);
      if (hasKey(out, key))
        context.warnings.push({
          code: 'W_IMPORT_DROPPED',
          where,
          message: `${kind} field ${quoted(key)} appears more than once; the last one is kept`,
        });
      if (f['type'] === 'file') setKey(out, key, { src: formSource(f['src'], key, where, context) });
      else {
        const field = text(f['value']);
        setKey(
          out,
          key,
          isSecretName(key) ? context.secrets.replace(where, fieldLabel(`${kind} field`, key), key, field) : field,
        );
      }
    }
    return out;
  };
  switch (value['mode']) {
    case 'urlencoded':
      return { type: 'urlencoded', content: fields(value['urlencoded'], 'urlencoded') };
    case 'formdata':
      return { type: 'formdata', content: fields(value['formdata'], 'form-data') };
    case 'raw': {
      const raw = typeof value['raw'] === 'string' ? value['raw'] : '';
      const options = isObject(value['options']) && isObject(value['options']['raw']) ? value['options']['raw'] : {};
      const language = typeof options['language'] === 'string' ? options['language'] : 'text';
      if (language === 'json') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw) as unknown;
        } catch {
          // Not JSON (or has {{variables}} outside strings): kept as raw text.
        }
        if (
          parsed !== undefined &&
          nestingDepth(parsed, MAX_BODY_DEPTH).depth <= MAX_BODY_DEPTH &&
          JSON.stringify(parsed, null, 2) === raw
        ) {
          return { type: 'json', content: replaceJsonSecrets(parsed, where, context) };
        }
      }
      return {
        type: 'raw',
        language: ['text', 'json', 'xml', 'html', 'javascript'].includes(language) ? language : 'text',
        content: replaceJsonTextSecrets(raw, where, context),
      };
    }
    default:
      context.warnings.push({
        code: 'W_IMPORT_DROPPED',
        where,
        message: `a ${quoted(text(value['mode']))} body has no spec equivalent; dropped`,
      });
      return undefined;
  }
}

/**
 * A form-data file's `src`, kept only when it is a clean relative path (Newman reads it relative to its working
 * directory, the spec directory's `files/` by convention): an absolute path, a `..` part, an unusable name or a
 * `{{variable}}` (which could become any path) is dropped with a warning, leaving the field with no file.
 */
function formSource(value: unknown, key: string, where: string, context: ImportContext): string {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const sources = list.filter((s): s is string => typeof s === 'string' && s !== '');
  if (list.some((s) => typeof s !== 'string'))
    context.warnings.push({
      code: 'W_IMPORT_SRC',
      where,
      message: `form-data field ${quoted(key)}: a file that is not a path (not text) was dropped`,
    });
  if (sources.length > 1)
    context.warnings.push({
      code: 'W_IMPORT_SRC',
      where,
      message: `form-data field ${quoted(key)} names ${sources.length} files; only the first is kept`,
    });
  const src = sources[0] ?? '';
  if (src === '') return '';
  const why = unsafeSource(src);
  if (why === undefined) return src;
  context.warnings.push({
    code: 'W_IMPORT_SRC',
    where,
    message:
      `form-data field ${quoted(key)}: its file was dropped because ${why}; ` +
      'choose the file again (under specs/files/)',
  });
  return '';
}

function unsafeSource(src: string): string | undefined {
  if (src.startsWith('/') || src.startsWith('\\') || /^[A-Za-z]:/.test(src) || src.startsWith('~'))
    return 'its path is absolute';
  if (mayHoldVariables(src)) return 'its path uses a {{variable}}, which could name any file';
  const parts = src.split(/[/\\]/);
  if (parts.includes('..')) return 'its path leads out of the project (`..`)';
  if (
    parts.some((part, i) => part !== '.' && nameProblem(part) !== undefined && !(i === parts.length - 1 && part === ''))
  )
    return 'its path has an unusable name';
  return undefined;
}

/** A JSON body with the literal string values of secret-named keys replaced, at any depth (copied, not changed). */
function replaceJsonSecrets(value: unknown, where: string, context: ImportContext): unknown {
  if (Array.isArray(value)) return value.map((v) => replaceJsonSecrets(v, where, context));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    const secret = isSecretName(key) && (typeof v === 'string' || typeof v === 'number');
    setKey(out, key, secret ? replaceScalar(String(v), v, key, where, context) : replaceJsonSecrets(v, where, context));
  }
  return out;
}

function replaceScalar(
  textValue: string,
  original: unknown,
  key: string,
  where: string,
  context: ImportContext,
): unknown {
  const replaced = context.secrets.replace(where, fieldLabel('JSON body field', key), key, textValue);
  return replaced === textValue ? original : replaced;
}

/** `"password": "hunter2"` pairs in raw body text (JSON that is not kept as `type: json`). */
function replaceJsonTextSecrets(raw: string, where: string, context: ImportContext): string {
  return raw.replace(
    /("((?:\\.|[^"\\\n])*)"\s*:\s*)"((?:\\.|[^"\\\n])*)"/g,
    (whole, prefix: string, key: string, value: string) => {
      if (!isSecretName(key)) return whole;
      const replaced = context.secrets.replace(where, fieldLabel('body field', key), key, value);
      return replaced === value ? whole : `${prefix}"${replaced}"`;
    },
  );
}
