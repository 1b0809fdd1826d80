// A command is declared once (name, summary, description, options, positionals, examples, exit codes); from that
// declaration come its option parser (below), its `--help`, its line in `mvpm --help` and its section of
// docs/cli.md (help.ts). Declarations live in declarations.ts, apart from the implementations they lazily import, so
// `mvpm --help` loads no command's code. The parser is node:util parseArgs; what it cannot check (whole numbers,
// choices, comma-separated lists, required options, options that exclude each other) is checked here, the same
// way for every command.
import { parseArgs } from 'node:util';
import type { CliIo } from './io.js';
import { UsageError } from './io.js';

/** A paragraph (re-flowed to the width of the terminal help), a list of items, or text kept exactly as written. */
export type Block = string | { readonly list: readonly string[] } | { readonly pre: string };

interface OptionBase {
  /** One letter: `-w` for `--watch`. */
  readonly short?: string;
  /** What the option does, one sentence; the default, choices and "repeatable" are added when help is rendered. */
  readonly help: string;
  /** The default when the command, not the parser, works it out ("the stand-in target"); shown, never applied. */
  readonly defaultText?: string;
}

/** A flag: false unless given. */
export interface BooleanOption extends OptionBase {
  readonly type: 'boolean';
}

/** A text value. */
export interface StringOption extends OptionBase {
  readonly type: 'string';
  /** How help names the value: `<dir>`. */
  readonly valueName: string;
  /** Applied when the option is absent, written as on the command line, and checked like a given value. */
  readonly default?: string;
  /** May be given more than once; the value is the list of them (empty when absent). */
  readonly multiple?: boolean;
  /** One value holding a comma-separated list; the value is the list. */
  readonly list?: boolean;
  /** The only values accepted (each item, for a list). */
  readonly choices?: readonly string[];
  /** Refused when absent. */
  readonly required?: boolean;
}

/** A whole number. */
export interface IntegerOption extends OptionBase {
  readonly type: 'integer';
  readonly valueName: string;
  /** Applied when the option is absent, written as on the command line. */
  readonly default?: string;
  readonly min?: number;
  readonly max?: number;
  /** What the number counts, for messages: `milliseconds`. */
  readonly unit?: string;
}

export type OptionSpec = BooleanOption | StringOption | IntegerOption;

export interface PositionalSpec {
  readonly name: string;
  /** How help names it: `<collection>`. */
  readonly valueName: string;
  readonly help: string;
}

export interface Example {
  readonly command: string;
  /** Shown after the command as a shell comment. */
  readonly note?: string;
}

/** The declaration a command is made from. */
export interface CommandDeclaration<
  O extends Readonly<Record<string, OptionSpec>> = Readonly<Record<string, OptionSpec>>,
  P extends readonly PositionalSpec[] = readonly PositionalSpec[],
> {
  readonly name: string;
  /** One line, for `mvpm --help` and the command table of docs/cli.md. */
  readonly summary: string;
  readonly description: readonly Block[];
  readonly options: O;
  readonly positionals?: P;
  /** Pairs of options that cannot be given together, with why. */
  readonly exclusive?: readonly (readonly [string, string, string])[];
  /** Said after the options: guards, grammars, what else to know. */
  readonly notes?: readonly Block[];
  /** Every exit code the command can return, with when. */
  readonly exitCodes: readonly (readonly [number, string])[];
  readonly examples: readonly Example[];
}

/** Declares a command; `const` keeps the option names and choices as literal types for the parsed values. */
export function defineCommand<
  const O extends Readonly<Record<string, OptionSpec>>,
  const P extends readonly PositionalSpec[] = readonly [],
>(
  declaration: CommandDeclaration<O, P> & {
    readonly exclusive?: readonly (readonly [keyof O & string, keyof O & string, string])[];
  },
): CommandDeclaration<O, P> {
  return declaration;
}

type ItemOf<O> = O extends { readonly choices: readonly (infer C)[] } ? C : string;
type Present<O> = O extends { readonly default: string } | { readonly required: true } ? true : false;

/** The parsed type of one option, as the declaration says it. */
export type OptionValue<O extends OptionSpec> = O extends BooleanOption
  ? boolean
  : O extends IntegerOption
    ? Present<O> extends true
      ? number
      : number | undefined
    : O extends { readonly multiple: true } | { readonly list: true }
      ? ItemOf<O>[]
      : Present<O> extends true
        ? ItemOf<O>
        : ItemOf<O> | undefined;

/** What a command's implementation receives: its options and positionals, typed from its declaration. */
export interface ParsedArgs<D extends CommandDeclaration> {
  readonly values: D extends CommandDeclaration<infer O> ? { readonly [K in keyof O]: OptionValue<O[K]> } : never;
  readonly positionals: D extends CommandDeclaration<Readonly<Record<string, OptionSpec>>, infer P>
    ? { readonly [K in P[number]['name']]: string }
    : never;
}

/** A command's implementation, lazily imported by main.ts. */
export type CommandRun<D extends CommandDeclaration> = (args: ParsedArgs<D>, io: CliIo) => Promise<number>;

/** `--watch` or `-w, --watch` with its value name: how help and the docs name an option. */
export function flagsOf(name: string, option: OptionSpec, markdown = false): string {
  const code = (text: string): string => (markdown ? `\`${text}\`` : text);
  const long = option.type === 'boolean' ? `--${name}` : `--${name} ${option.valueName}`;
  return option.short === undefined ? code(long) : `${code(`-${option.short}`)}, ${code(long)}`;
}

/**
 * The usage line: `mvpm build [--check | --watch] [--specs <dir>] …`, each option once, required ones bare,
 * repeatable ones followed by `...`, wrapped at `width` under the first option.
 */
export function synopsisOf(declaration: CommandDeclaration, width = 100): string {
  const exclusive = declaration.exclusive ?? [];
  const paired = new Set([...exclusive.map(([a]) => a), ...exclusive.map(([, b]) => b)]);
  const words: string[] = [`mvpm ${declaration.name}`];
  for (const positional of declaration.positionals ?? []) words.push(positional.valueName);
  for (const [a, b] of exclusive) words.push(`[--${a} | --${b}]`);
  for (const [name, option] of Object.entries(declaration.options)) {
    if (paired.has(name)) continue;
    const word = option.type === 'boolean' ? `--${name}` : `--${name} ${option.valueName}`;
    if (option.type === 'string' && option.required) words.push(word);
    else words.push(`[${word}]${option.type === 'string' && option.multiple ? '...' : ''}`);
  }
  const indent = ' '.repeat(`mvpm ${declaration.name} `.length);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** What a usage error ends with: the usage line and where the options are described. */
export function usageOf(declaration: CommandDeclaration): string {
  return `Usage: ${synopsisOf(declaration)}\nRun 'mvpm ${declaration.name} --help' for its options.`;
}

/** The words an integer option takes, for help and messages: `a whole number of seconds, 1 or more`. */
export function integerRange(option: IntegerOption): string {
  const noun = option.unit === undefined ? 'a whole number' : `a whole number of ${option.unit}`;
  const { min = 0, max } = option;
  if (max !== undefined) return `${noun} from ${min} to ${max}`;
  return min === 0 ? noun : `${noun}, ${min} or more`;
}

/**
 * Parses a command's argv by its declaration: 'help' when `-h`/`--help` was given, else the typed values. Anything
 * wrong (an unknown option, a missing value, a value that is not a whole number or not one of the choices, a missing
 * or stray positional) is a UsageError naming it, followed by the command's usage.
 */
export function parseCommandArgs<D extends CommandDeclaration>(
  declaration: D,
  argv: readonly string[],
): 'help' | ParsedArgs<D> {
  const fail = (message: string): never => {
    throw new UsageError('E_USAGE', `${message}\n\n${usageOf(declaration)}`);
  };
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, option] of Object.entries(declaration.options))
    config[name] = {
      type: option.type === 'boolean' ? 'boolean' : 'string',
      ...(option.short === undefined ? {} : { short: option.short }),
      ...(option.type === 'string' && option.multiple ? { multiple: true } : {}),
    };
  config['help'] = { type: 'boolean', short: 'h' };
  const positionalSpecs = declaration.positionals ?? [];
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: config,
      strict: true,
      allowPositionals: positionalSpecs.length > 0,
    });
  } catch (error) {
    return fail((error as Error).message);
  }
  if (parsed.values['help'] === true) return 'help';

  const values: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(declaration.options)) {
    const given = parsed.values[name];
    if (option.type === 'boolean') {
      values[name] = given === true;
      continue;
    }
    const texts = Array.isArray(given) ? given.map(String) : given === undefined ? [] : [String(given)];
    if (texts.length === 0 && option.default !== undefined) texts.push(option.default);
    if (texts.length === 0 && option.type === 'string' && option.required)
      fail(`--${name} ${option.valueName} is required`);
    if (option.type === 'integer') {
      const text = texts[0];
      const number = text !== undefined && /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
      if (text !== undefined && !(number >= (option.min ?? 0) && number <= (option.max ?? Number.MAX_SAFE_INTEGER)))
        fail(`--${name} takes ${integerRange(option)}, not '${text}'`);
      values[name] = text === undefined ? undefined : number;
      continue;
    }
    const items = option.list ? texts.flatMap((t) => t.split(',').map((item) => item.trim())).filter(Boolean) : texts;
    const choices = option.choices;
    const wrong = choices === undefined ? [] : items.filter((item) => !choices.includes(item));
    if (choices !== undefined && wrong.length > 0)
      fail(`--${name} takes ${orList(choices)}, not ${wrong.map((w) => `'${w}'`).join(', ')}`);
    values[name] = option.multiple || option.list ? items : items[0];
  }
  for (const [a, b, why] of declaration.exclusive ?? [])
    if (parsed.values[a] !== undefined && parsed.values[b] !== undefined)
      fail(`--${a} and --${b} do not go together: ${why}`);

  const positionals: Record<string, string> = {};
  for (const [index, spec] of positionalSpecs.entries()) {
    const value = parsed.positionals[index];
    if (value === undefined) fail(`missing ${spec.valueName}`);
    positionals[spec.name] = value ?? '';
  }
  const extra = parsed.positionals.slice(positionalSpecs.length);
  if (extra.length > 0) fail(`unexpected argument ${extra.map((e) => `'${e}'`).join(', ')}`);
  return { values, positionals } as ParsedArgs<D>;
}

/** `a, b or c`. */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
