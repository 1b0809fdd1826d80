// What every construct importer shares during one import: where warnings go, which variables are used and defined,
// the secrets found, whether raw scripts may be kept, and where schema files are registered.
import { BIDI_CONTROLS, collisionKey } from '../paths/path-guard.js';
import { variableNames } from '../spec/variables.js';
import { type ImportWarning, quoted } from './import-error.js';
import { isObject, type Json } from './json-util.js';
import { DirectoryNames, numberedBeforeExtension, SCHEMA_NAME } from './names.js';
import { SecretVault } from './secrets.js';

export interface ImportContext {
  readonly warnings: ImportWarning[];
  /** `{{names}}` referenced anywhere. */
  readonly used: Set<string>;
  /** Names defined by the collection, its environments and its captures. */
  readonly defined: Set<string>;
  readonly secrets: SecretVault;
  /** `--allow-scripts`: keep raw scripts (default: drop and list them). */
  readonly allowScripts: boolean;
  /** Code the specs imported into already hold (trailing white space cut): kept without `--allow-scripts`. */
  readonly knownScripts: ReadonlySet<string>;
  /** Registers a JSON Schema from a generated check; returns its file name under `schemas/`. */
  readonly schemaFile: (label: string, schema: object, where: string) => string;
  /** The JSON Schemas the collection's check runner holds, by label, for the checks that name one. */
  readonly checkSchemas: Map<string, unknown>;
  /** Raw scripts found, kept or dropped: counted for the summary. */
  readonly scripts: { kept: number; dropped: number };
}

export interface Events {
  readonly prerequest: readonly string[];
  readonly test: readonly string[];
}

/** The enabled scripts of an `event` list, as lines. */
export function eventsOf(value: unknown): Events {
  const lines = (listen: string): string[] =>
    (Array.isArray(value) ? value : [])
      .filter(
        (e): e is Json =>
          e !== null && typeof e === 'object' && (e as Json)['listen'] === listen && (e as Json)['disabled'] !== true,
      )
      .flatMap((e) => {
        const script = e['script'];
        const exec = script !== null && typeof script === 'object' ? (script as Json)['exec'] : undefined;
        return Array.isArray(exec)
          ? exec.filter((l): l is string => typeof l === 'string')
          : typeof exec === 'string'
            ? exec.split('\n')
            : [];
      });
  return { prerequest: lines('prerequest'), test: lines('test') };
}

const SCRIPT_TYPES = { prerequest: 'beforeRequest', test: 'afterResponse' } as const;

/**
 * Raw scripts as spec `scripts`. Code from an imported collection runs when the collection runs, so it is kept only
 * with `--allow-scripts`; either way each script is listed by where it is, what kind and how long. A script with
 * bidirectional control characters (which can make code read differently from how it runs) is never kept.
 */
export function rawScripts(events: Events, where: string, context: ImportContext): Json[] | undefined {
  const out: Json[] = [];
  for (const listen of ['prerequest', 'test'] as const) {
    const lines = events[listen];
    if (lines.length === 0 || lines.every((l) => l.trim() === '')) continue;
    const type = SCRIPT_TYPES[listen];
    const size = `${lines.length} line${lines.length === 1 ? '' : 's'}`;
    if (lines.some((l) => BIDI_CONTROLS.test(l))) {
      context.scripts.dropped++;
      context.warnings.push({
        code: 'W_IMPORT_SCRIPT',
        where,
        message:
          `${type} script (${size}) dropped: it contains bidirectional control characters, which can make ` +
          `code read differently from how it runs`,
      });
    } else if (!context.allowScripts && context.knownScripts.has(lines.join('\n').trimEnd())) {
      context.scripts.kept++;
      context.warnings.push({
        code: 'W_IMPORT_SCRIPT',
        where,
        message: `${type} script (${size}) kept: the spec it replaces holds exactly this code`,
      });
      out.push({ type, code: lines.length === 1 ? lines[0] : `${lines.join('\n')}\n` });
    } else if (!context.allowScripts) {
      context.scripts.dropped++;
      context.warnings.push({
        code: 'W_IMPORT_SCRIPT',
        where,
        message: `${type} script (${size}) dropped; pass --allow-scripts to keep raw scripts`,
      });
    } else {
      context.scripts.kept++;
      context.warnings.push({
        code: 'W_IMPORT_SCRIPT',
        where,
        message:
          `${type} script (${size}) kept as a raw script (--allow-scripts); review it before running the ` +
          `collection`,
      });
      out.push({ type, code: lines.length === 1 ? lines[0] : `${lines.join('\n')}\n` });
    }
  }
  return out.length > 0 ? out : undefined;
}

/** Every `{{name}}` in the strings of a value, into `into`. */
export function collectVariables(value: unknown, into: Set<string>): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'string') for (const name of variableNames(current)) into.add(name);
    // One push per element: spreading a list of a million elements into push() would exceed the call stack.
    else if (Array.isArray(current)) for (const v of current) stack.push(v);
    else if (isObject(current)) for (const v of Object.values(current)) stack.push(v);
  }
}

/**
 * A fresh context for one import; `schemaFiles` collects the JSON Schemas found, by file name, each content once
 * (the same schema under the same label shares one file).
 */
export function newImportContext(
  warnings: ImportWarning[],
  options: {
    readonly keepLiterals?: readonly string[];
    readonly allowScripts?: boolean;
    readonly knownScripts?: ReadonlySet<string>;
  },
): { readonly context: ImportContext; readonly schemaFiles: ReadonlyMap<string, string> } {
  const schemaNames = new DirectoryNames();
  const schemaFiles = new Map<string, string>();
  const schemaByContent = new Map<string, string>();
  const context: ImportContext = {
    warnings,
    used: new Set(),
    defined: new Set(),
    secrets: new SecretVault(new Set(options.keepLiterals ?? []), warnings),
    allowScripts: options.allowScripts ?? false,
    knownScripts: options.knownScripts ?? new Set(),
    scripts: { kept: 0, dropped: 0 },
    checkSchemas: new Map(),
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

  return { context, schemaFiles };
}
