// One YAML file of a Postman v3 collection or environment: its bytes decoded and parsed with the spec loader's
// guarded parser (no merge keys, no custom tags, duplicate keys refused, nesting and alias expansion bounded), its
// plain value, and positions for errors, computed only when one is reported.
import { sha256 } from '../../paths/path-guard.js';
import { decodeSpecText, notTextReason, parseValue } from '../../spec/parse-value.js';
import { type NodePath, offsetOf, positionAt, SpecSource } from '../../spec/source.js';
import type { ImportErrorCode, ImportSubject } from '../import-error.js';
import { ImportError } from '../import-error.js';

export interface YamlFile {
  /** Relative to the collection directory, forward slashes (for an environment: its file name). */
  readonly part: string;
  readonly value: unknown;
  /** SHA-256 (hex) of the bytes read: what `mvpm import` records as brought into the specs. */
  readonly sha256: string;
  /** Where `path` is in the file, 1-based; `at: 'key'` points at the key itself. */
  readonly positionOf: (path: NodePath, at?: 'key' | 'value') => { readonly line: number; readonly column: number };
}

/** Tells the user what to do about a file that is not text or not YAML. */
const YAML_HINT = 'open the collection in Postman and save it again, or fix the file by hand';

/**
 * Bytes → YamlFile, or an ImportError located in the file: E_IMPORT_NOT_UTF8 for bytes that are not text,
 * E_IMPORT_YAML for anything the YAML parser or its guards refuse. `part` names the file in the error; `subject` is
 * the input it belongs to (the collection, or an environment, whose file is the input itself).
 */
export function parseYamlFile(bytes: Uint8Array, part: string, subject: ImportSubject): YamlFile {
  const where = subject.kind === 'collection' ? { subject, part } : { subject };
  const decoded = decodeSpecText(bytes);
  if (!decoded.ok) {
    const source = new SpecSource(part, part, 'request', decoded.text);
    const problem = decoded.problem;
    const what = notTextReason(problem, 'YAML');
    throw new ImportError('E_IMPORT_NOT_UTF8', `${what}; mvpm import reads UTF-8 YAML`, {
      ...where,
      position: positionAt(source, decoded.offset),
      hint: 'save the file as UTF-8',
    });
  }
  const text = decoded.text;
  let source: SpecSource | undefined;
  const sourceOf = (): SpecSource => {
    source ??= new SpecSource(part, part, 'request', text);
    return source;
  };
  const parsed = parseValue(text);
  if (!parsed.ok) {
    throw new ImportError('E_IMPORT_YAML', `not valid YAML: ${parsed.message}`, {
      ...where,
      position: positionAt(sourceOf(), parsed.offset),
      hint: subject.kind === 'collection' ? YAML_HINT : YAML_HINT.replace('the collection', 'the environment'),
    });
  }
  return {
    part,
    value: parsed.value,
    sha256: sha256(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    positionOf: (path, at = 'value') => positionAt(sourceOf(), offsetOf(sourceOf(), path, at)),
  };
}

/** An error about the node at `path` of `file`. */
export function fileError(
  file: YamlFile,
  subject: ImportSubject,
  code: ImportErrorCode,
  message: string,
  path: NodePath,
  hint: string,
  at: 'key' | 'value' = 'value',
): ImportError {
  return new ImportError(code, message, {
    subject,
    ...(subject.kind === 'collection' ? { part: file.part } : {}),
    position: file.positionOf(path, at),
    hint,
  });
}
