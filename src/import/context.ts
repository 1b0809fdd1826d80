// What every construct importer shares during one import: where warnings go, which variables are used and defined,
// the secrets found, whether raw scripts may be kept, and where schema files are registered.
import { BIDI_CONTROLS } from '../paths/path-guard.js';
import { variableNames } from '../spec/variables.js';
import type { ImportWarning } from './import-error.js';
import { isObject, type Json } from './json-util.js';
import type { SecretVault } from './secrets.js';

export interface ImportContext {
  readonly warnings: ImportWarning[];
  /** `{{names}}` referenced anywhere. */
  readonly used: Set<string>;
  /** Names defined by the collection, its environments and its captures. */
  readonly defined: Set<string>;
  readonly secrets: SecretVault;
  /** `--allow-scripts`: keep raw scripts (default: drop and list them). */
  readonly allowScripts: boolean;
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
        message: `${type} script (${size}) dropped: it contains bidirectional control characters, which can make code read differently from how it runs`,
      });
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
        message: `${type} script (${size}) kept as a raw script (--allow-scripts); review it before running the collection`,
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
