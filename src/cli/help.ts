// Help and docs rendered from the command declarations: `mvpm <command> --help`, `mvpm --help`, and the generated
// regions of docs/cli.md. Both say the same things in the same order (a test parses each and compares), the
// terminal one wrapped, the Markdown one as tables and code blocks.
import {
  type Block,
  type CommandDeclaration,
  type Example,
  flagsOf,
  integerRange,
  type OptionSpec,
  synopsisOf,
} from './command.js';

/** Width of the terminal help. */
const WIDTH = 110;

/** The program itself: what `mvpm --help` says besides the command list. */
export interface ProgramDeclaration {
  readonly summary: string;
  readonly exitCodes: readonly (readonly [number, string])[];
  readonly examples: readonly Example[];
}

/** `text` re-flowed into lines of at most `width`, each after `indent` (the first after `first`, if given). */
export function wrap(text: string, width: number, indent = '', first = indent): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

/** What help adds after an option's sentence: its choices, whether it repeats or is required, its default. */
export function optionFacts(option: OptionSpec): string[] {
  const facts: string[] = [];
  if (option.type === 'string' && option.choices)
    facts.push(`${option.list ? 'a comma-separated list of' : 'one of'} ${option.choices.join(', ')}`);
  if (option.type === 'integer') facts.push(integerRange(option));
  if (option.type === 'string' && option.multiple) facts.push('repeatable');
  if (option.type === 'string' && option.required) facts.push('required');
  return facts;
}

/** The default as help and the docs state it, or undefined when there is none to state. */
export function defaultOf(option: OptionSpec): string | undefined {
  if (option.type === 'boolean') return undefined;
  return option.default ?? option.defaultText;
}

function blockText(block: Block): string {
  if (typeof block === 'string') return wrap(block, WIDTH);
  if ('list' in block) return block.list.map((item) => wrap(item, WIDTH, '    ', '  - ')).join('\n');
  return block.pre.replace(/\n$/, '');
}

function exitCodesText(codes: readonly (readonly [number, string])[]): string {
  return wrap(`Exit codes: ${codes.map(([code, when]) => `${code} ${when}`).join('; ')}.`, WIDTH);
}

function examplesText(examples: readonly Example[]): string {
  const width = Math.max(...examples.map((e) => (e.note === undefined ? 0 : e.command.length)));
  const lines = examples.map((e) => (e.note === undefined ? e.command : `${e.command.padEnd(width)}  # ${e.note}`));
  return `Examples:\n${lines.map((line) => `  ${line}`).join('\n')}`;
}

/** `mvpm <command> --help`. */
export function renderHelp(declaration: CommandDeclaration): string {
  const rows: [string, string][] = Object.entries(declaration.options).map(([name, option]) => {
    const facts = optionFacts(option);
    const stated = defaultOf(option);
    if (stated !== undefined) facts.push(`default: ${stated}`);
    return [flagsOf(name, option), facts.length === 0 ? option.help : `${option.help} (${facts.join('; ')})`];
  });
  rows.push(['-h, --help', 'Show this help']);
  const column = Math.min(26, Math.max(...rows.map(([flags]) => flags.length)) + 2);
  const optionLines = rows.map(([flags, text]) =>
    flags.length + 2 > column
      ? `  ${flags}\n${wrap(text, WIDTH, ' '.repeat(column + 2))}`
      : wrap(text, WIDTH, ' '.repeat(column + 2), `  ${flags.padEnd(column)}`),
  );
  const positionals = (declaration.positionals ?? []).map((p) =>
    wrap(p.help, WIDTH, ' '.repeat(column + 2), `  ${p.valueName.padEnd(column)}`),
  );
  const parts = [
    `Usage: ${synopsisOf(declaration)}`,
    ...declaration.description.map(blockText),
    ...(positionals.length === 0 ? [] : [`Arguments:\n${positionals.join('\n')}`]),
    `Options:\n${optionLines.join('\n')}`,
    ...(declaration.notes ?? []).map(blockText),
    exitCodesText(declaration.exitCodes),
    examplesText(declaration.examples),
  ];
  return `${parts.join('\n\n')}\n`;
}

/** `mvpm --help`: the program's summary, every command's summary, the common options, exit codes and examples. */
export function renderProgramHelp(program: ProgramDeclaration, commands: readonly CommandDeclaration[]): string {
  const column = Math.max(...commands.map((c) => c.name.length), 'help'.length) + 2;
  const rows = [...commands.map((c) => [c.name, c.summary] as const), ['help', 'Show help for a command'] as const];
  const indent = ' '.repeat(column + 2);
  const commandLines = rows.map(([name, summary]) => wrap(summary, WIDTH, indent, `  ${name.padEnd(column)}`));
  const parts = [
    'Usage: mvpm <command> [options]',
    wrap(program.summary, WIDTH),
    `Commands:\n${commandLines.join('\n')}`,
    'Options:\n  -h, --help     Show this help\n  -v, --version  Show the version',
    exitCodesText(program.exitCodes),
    examplesText(program.examples),
    "Run 'mvpm <command> --help' for a command's options; docs/cli.md describes them all.",
  ];
  return `${parts.join('\n\n')}\n`;
}

/**
 * Declaration text as Markdown: one line, and `<` escaped outside code spans so `<dir>` is not read as an HTML tag.
 * Declarations are the project's own text, not input: nothing else needs escaping.
 */
function prose(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split('`')
    .map((part, i) => (i % 2 === 0 ? part.replace(/</g, '\\<') : part))
    .join('`');
}

/** Markdown table cell text. */
function cell(text: string): string {
  return prose(text).replace(/\|/g, '\\|');
}

function blockMarkdown(block: Block): string {
  if (typeof block === 'string') return prose(block);
  if ('list' in block) return block.list.map((item) => `- ${prose(item)}`).join('\n');
  return `\`\`\`text\n${block.pre.replace(/\n$/, '')}\n\`\`\``;
}

/** The generated part of a command's section of docs/cli.md. */
export function renderMarkdown(declaration: CommandDeclaration): string {
  const optionRows = Object.entries(declaration.options).map(([name, option]) => {
    const stated = defaultOf(option);
    const shown =
      option.type === 'boolean' ? 'off' : option.default !== undefined ? `\`${option.default}\`` : (stated ?? '');
    const facts = optionFacts(option);
    const text = facts.length === 0 ? option.help : `${option.help} (${facts.join('; ')})`;
    return `| ${flagsOf(name, option, true)} | ${cell(shown)} | ${cell(text)} |`;
  });
  const positionals = (declaration.positionals ?? []).map((p) => `| \`${p.valueName}\` | ${cell(p.help)} |`);
  const examples = declaration.examples.map((e) => (e.note === undefined ? e.command : `${e.command}  # ${e.note}`));
  const parts = [
    `## \`mvpm ${declaration.name}\``,
    `\`\`\`\n${synopsisOf(declaration)}\n\`\`\``,
    ...declaration.description.map(blockMarkdown),
    ...(positionals.length === 0 ? [] : [`| Argument | |\n| --- | --- |\n${positionals.join('\n')}`]),
    `| Option | Default | |\n| --- | --- | --- |\n${optionRows.join('\n')}`,
    ...(declaration.notes ?? []).map(blockMarkdown),
    prose(`Exit codes: ${declaration.exitCodes.map(([code, when]) => `${code} ${when}`).join('; ')}.`),
    `\`\`\`sh\n${examples.join('\n')}\n\`\`\``,
  ];
  return parts.join('\n\n');
}

/** The command table at the top of docs/cli.md. */
export function renderCommandTable(commands: readonly CommandDeclaration[]): string {
  const rows = commands.map((c) => `| [\`${c.name}\`](#mvpm-${c.name}) | ${cell(c.summary)} |`);
  return `| Command | What it does |\n| --- | --- |\n${rows.join('\n')}`;
}

const BEGIN = (region: string): string =>
  `<!-- generated: ${region}; edit src/cli/declarations.ts, then npm run golden:update -->`;
const END = (region: string): string => `<!-- end generated: ${region} -->`;

/**
 * docs/cli.md with its generated regions (the command table, then one per command) rendered from the
 * declarations; the prose around them is kept as written. Problems: a declared command without a region (add the
 * two marker lines where its section goes) or a region for a command that is not declared.
 */
export function renderCliDoc(
  current: string,
  commands: readonly CommandDeclaration[],
): { readonly text: string; readonly problems: readonly string[] } {
  const problems: string[] = [];
  const regions = new Map<string, string>([['commands', renderCommandTable(commands)]]);
  for (const command of commands) regions.set(`mvpm ${command.name}`, renderMarkdown(command));
  const found = new Set<string>();
  const marker = /<!-- generated: ([^;]+); [^\n]*-->\n[\s\S]*?<!-- end generated: \1 -->/g;
  const text = current.replace(marker, (whole, region: string) => {
    const body = regions.get(region);
    found.add(region);
    if (body === undefined) {
      problems.push(`docs/cli.md has a generated region for '${region}', which is not declared`);
      return whole;
    }
    return `${BEGIN(region)}\n${body}\n${END(region)}`;
  });
  for (const region of regions.keys())
    if (!found.has(region))
      problems.push(
        `docs/cli.md has no generated region for '${region}': add the lines\n${BEGIN(region)}\n${END(region)}`,
      );
  return { text, problems };
}
