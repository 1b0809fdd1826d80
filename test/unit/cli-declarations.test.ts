// The commands' declarations against what the CLI does with them: every declared option is accepted (long and short
// form), bad values are refused with the same messages for every command, documented defaults are the applied ones,
// docs/cli.md is what the declarations render (`npm run golden:update` rewrites it), and each command's `--help`
// says what its docs/cli.md section says. Help and docs are parsed here independently of the renderer, so a
// renderer that drops or changes something in one of them fails.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { type CommandDeclaration, type OptionSpec, parseCommandArgs } from '../../src/cli/command.ts';
import { DECLARATIONS } from '../../src/cli/declarations.ts';
import { renderCliDoc } from '../../src/cli/help.ts';
import { runMain } from '../../src/cli/main.ts';
import { REPORTERS } from '../../src/run/index.ts';
import { UPDATE_GOLDEN } from '../support/golden.ts';
import { PROJECT_ROOT } from '../support/helpers.ts';

const COMMANDS: readonly CommandDeclaration[] = Object.values(DECLARATIONS);
const CLI_DOC = path.join(PROJECT_ROOT, 'docs', 'cli.md');

async function cli(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runMain(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { NO_COLOR: '1' },
    cwd: PROJECT_ROOT,
  });
  return { code, stdout, stderr };
}

/** A value the option must accept, and what it parses to. */
function sample(option: OptionSpec): { text: string | undefined; parsed: unknown } {
  if (option.type === 'boolean') return { text: undefined, parsed: true };
  if (option.type === 'integer') {
    const text = String((option.min ?? 0) + 7);
    return { text, parsed: Number(text) };
  }
  const text = option.choices?.at(-1) ?? 'some value';
  return { text, parsed: option.multiple || option.list ? [text] : text };
}

const positionalsOf = (command: CommandDeclaration): string[] =>
  (command.positionals ?? []).map((p) => `${p.name}.json`);

/** Collapses white space: help is wrapped, the docs are not. */
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

interface OptionModel {
  readonly flags: string;
  readonly text: string;
  readonly default: string | undefined;
}
interface PageModel {
  readonly synopsis: string;
  readonly before: readonly string[];
  readonly options: readonly OptionModel[];
  readonly after: readonly string[];
  readonly exitCodes: string;
  readonly examples: readonly string[];
}

/** `text (a; default: b)` as the text without the default, and the default. */
function splitDefault(text: string): { text: string; default: string | undefined } {
  if (!text.endsWith(')')) return { text, default: undefined };
  let depth = 0;
  let open = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ')') depth++;
    if (text[i] === '(') depth--;
    if (depth === 0) {
      open = i;
      break;
    }
  }
  const facts = text.slice(open + 1, -1).split('; ');
  const stated = facts.find((f) => f.startsWith('default: '));
  const rest = facts.filter((f) => f !== stated);
  const head = text.slice(0, open).trimEnd();
  return { text: rest.length === 0 ? head : `${head} (${rest.join('; ')})`, default: stated?.slice(9) };
}

/** What `mvpm <command> --help` says, read back from its layout. */
function helpModel(help: string): PageModel {
  const blocks = help.trimEnd().split('\n\n');
  const synopsis = flat((blocks.shift() ?? '').replace(/^Usage: /, ''));
  const optionsAt = blocks.findIndex((b) => b.startsWith('Options:\n'));
  const exitAt = blocks.findIndex((b) => b.startsWith('Exit codes: '));
  const options: OptionModel[] = [];
  for (const line of (blocks[optionsAt] ?? '').split('\n').slice(1)) {
    const start = /^ {2}(-\S.*?)(?: {2,}(.*))?$/.exec(line);
    if (start) options.push({ flags: start[1] ?? '', text: start[2] ?? '', default: undefined });
    else {
      const last = options.pop();
      assert.ok(last, `an option line continues nothing: ${line}`);
      options.push({ ...last, text: `${last.text} ${line.trim()}`.trim() });
    }
  }
  const help_ = options.pop();
  assert.equal(help_?.flags, '-h, --help', 'help ends its options with -h, --help');
  return {
    synopsis,
    before: blocks
      .slice(0, optionsAt)
      .filter((b) => !b.startsWith('Arguments:\n'))
      .map(flat),
    options: options.map((o) => ({ flags: o.flags, ...splitDefault(flat(o.text)) })),
    after: blocks.slice(optionsAt + 1, exitAt).map(flat),
    exitCodes: flat(blocks[exitAt] ?? ''),
    examples: (blocks[exitAt + 1] ?? '')
      .split('\n')
      .slice(1)
      .map((e) => flat(e).replace(/ # /, ' # ')),
  };
}

/** What a command's generated section of docs/cli.md says, read back from its Markdown. */
function docModel(section: string): PageModel {
  // Code blocks are kept as they are; elsewhere `\<` is Markdown for `<`.
  const blocks = section
    .trim()
    .split('\n\n')
    .map((b) => (b.startsWith('```') ? b : b.replace(/\\</g, '<')));
  blocks.shift(); // the heading
  const unfence = (block: string): string => block.replace(/^```\w*\n/, '').replace(/\n```$/, '');
  const synopsis = flat(unfence(blocks.shift() ?? ''));
  const optionsAt = blocks.findIndex((b) => b.startsWith('| Option |'));
  const exitAt = blocks.findIndex((b) => b.startsWith('Exit codes: '));
  const cells = (row: string): string[] =>
    row
      .slice(2, -2)
      .split(/ (?<!\\)\| /)
      .map((c) => c.replace(/\\\|/g, '|'));
  const options = (blocks[optionsAt] ?? '')
    .split('\n')
    .slice(2)
    .map((row) => {
      const [flags = '', stated = '', text = ''] = cells(row);
      const value = stated.replace(/`/g, '');
      return { flags: flags.replace(/`/g, ''), text, default: value === '' || value === 'off' ? undefined : value };
    });
  return {
    synopsis,
    before: blocks
      .slice(0, optionsAt)
      .filter((b) => !b.startsWith('| Argument |'))
      .map(unfence)
      .map(flat),
    options,
    after: blocks
      .slice(optionsAt + 1, exitAt)
      .map(unfence)
      .map(flat),
    exitCodes: flat(blocks[exitAt] ?? ''),
    examples: unfence(blocks[exitAt + 1] ?? '')
      .split('\n')
      .map(flat),
  };
}

function docSection(doc: string, name: string): string {
  const match = new RegExp(`<!-- generated: mvpm ${name};[^\\n]*-->\\n([\\s\\S]*?)<!-- end generated`).exec(doc);
  assert.ok(match, `docs/cli.md has a generated section for mvpm ${name}`);
  return match[1] ?? '';
}

describe('command declarations', () => {
  test('docs/cli.md is what the declarations render (npm run golden:update rewrites it)', () => {
    const current = readFileSync(CLI_DOC, 'utf8');
    const { text, problems } = renderCliDoc(current, COMMANDS);
    assert.deepEqual(problems, []);
    if (UPDATE_GOLDEN) writeFileSync(CLI_DOC, text);
    else assert.equal(current, text, 'docs/cli.md is stale: run npm run golden:update and review the diff');
  });

  for (const command of COMMANDS) {
    test(`mvpm ${command.name} --help says what its docs/cli.md section says`, async () => {
      const help = await cli([command.name, '--help']);
      assert.equal(help.code, 0);
      assert.deepEqual(helpModel(help.stdout), docModel(docSection(readFileSync(CLI_DOC, 'utf8'), command.name)));
      assert.deepEqual((await cli(['help', command.name])).stdout, help.stdout, 'mvpm help <command> is the same');
    });

    test(`mvpm ${command.name} accepts every declared option, long and short`, () => {
      for (const [name, option] of Object.entries(command.options)) {
        const { text, parsed } = sample(option);
        const forms = [`--${name}`, ...(option.short === undefined ? [] : [`-${option.short}`])];
        for (const flag of forms) {
          const argv = [...positionalsOf(command), flag, ...(text === undefined ? [] : [text])];
          if (name !== 'out' && command.name === 'token') argv.push('--out', 'x');
          const args = parseCommandArgs(command, argv);
          assert.notEqual(args, 'help');
          if (args === 'help') continue;
          assert.deepEqual((args.values as Record<string, unknown>)[name], parsed, `${command.name} ${argv.join(' ')}`);
        }
      }
    });

    test(`mvpm ${command.name}: an unknown option is E_USAGE, exit 2, with the command's usage`, async () => {
      const result = await cli([command.name, ...positionalsOf(command), '--no-such-option']);
      assert.equal(result.code, 2);
      assert.ok(
        result.stderr.startsWith(`mvpm ${command.name}: error[E_USAGE]: Unknown option '--no-such-option'`),
        result.stderr,
      );
      assert.ok(result.stderr.includes(`\n\nUsage: mvpm ${command.name} `), result.stderr);
      assert.ok(result.stderr.includes(`Run 'mvpm ${command.name} --help' for its options.`), result.stderr);
      assert.equal(result.stdout, '');
    });

    test(`mvpm ${command.name}: documented defaults are the applied ones`, async () => {
      const documented = helpModel((await cli([command.name, '--help'])).stdout).options;
      const base = [...positionalsOf(command), ...(command.name === 'token' ? ['--out', 'x'] : [])];
      const none = parseCommandArgs(command, base);
      assert.notEqual(none, 'help');
      for (const [name, option] of Object.entries(command.options)) {
        if (option.type === 'boolean') {
          assert.equal((none as { values: Record<string, unknown> }).values[name], false, `--${name} is off`);
          continue;
        }
        const stated = documented.find((o) => o.flags.endsWith(`--${name} ${option.valueName}`))?.default;
        if (option.type === 'string' && option.required) continue;
        if (option.default === undefined) {
          // Stated in words (`the stand-in target`) or not at all: the parser applies nothing.
          const empty = option.type === 'string' && option.multiple ? [] : undefined;
          assert.deepEqual((none as { values: Record<string, unknown> }).values[name], empty, `--${name}`);
          continue;
        }
        assert.ok(stated !== undefined, `--${name} has a default, so its help states it`);
        const given = parseCommandArgs(command, [...base, `--${name}`, stated]);
        assert.deepEqual(
          (none as { values: Record<string, unknown> }).values[name],
          (given as { values: Record<string, unknown> }).values[name],
          `--${name}: the default applied is the one documented, ${stated}`,
        );
      }
    });
  }

  const refused: readonly (readonly [readonly string[], string])[] = [
    [['serve', '--port', 'x'], "--port takes a whole number from 0 to 65535, not 'x'"],
    [['serve', '--port', '65536'], "--port takes a whole number from 0 to 65535, not '65536'"],
    [['serve', '--port=-1'], "--port takes a whole number from 0 to 65535, not '-1'"],
    [['serve', '--access-token-ttl', '0'], "--access-token-ttl takes a whole number of seconds, 1 or more, not '0'"],
    [
      ['serve', '--access-token-ttl', '1.5'],
      "--access-token-ttl takes a whole number of seconds, 1 or more, not '1.5'",
    ],
    [['run', '--timeout', 'soon'], "--timeout takes a whole number of milliseconds, not 'soon'"],
    [['run', '--reporters', 'cli,xml,html'], "--reporters takes cli, junit or htmlextra, not 'xml', 'html'"],
    [['run', '--bail=yes'], "Option '--bail' does not take an argument"],
    [['build', '--specs'], "Option '--specs <value>' argument missing"],
    [['build', '--watch', '--check'], '--watch and --check do not go together: --check writes nothing'],
    [['build', 'stray'], "Unexpected argument 'stray'"],
    [['token'], '--out <file> is required'],
    [['import'], 'missing <collection>'],
    [['import', 'a.json', 'b.json'], "unexpected argument 'b.json'"],
  ];
  for (const [argv, message] of refused) {
    test(`mvpm ${argv.join(' ')} is refused: ${message}`, async () => {
      const result = await cli(argv);
      assert.equal(result.code, 2);
      assert.ok(result.stderr.startsWith(`mvpm ${argv[0]}: error[E_USAGE]: ${message}`), result.stderr);
      assert.ok(result.stderr.includes(`\n\nUsage: mvpm ${argv[0]} `), result.stderr);
    });
  }

  test('mvpm --help lists every declared command with its summary', async () => {
    const help = (await cli(['--help'])).stdout;
    const block = help.split('\n\n').find((b) => b.startsWith('Commands:\n')) ?? '';
    const listed = block
      .split('\n')
      .slice(1)
      .reduce<[string, string][]>((rows, line) => {
        const start = /^ {2}(\S+)\s+(.*)$/.exec(line);
        if (start) rows.push([start[1] ?? '', start[2] ?? '']);
        else if (rows.length > 0) rows[rows.length - 1]![1] += ` ${line.trim()}`;
        return rows;
      }, []);
    assert.deepEqual(listed, [...COMMANDS.map((c) => [c.name, flat(c.summary)]), ['help', 'Show help for a command']]);
  });

  test("run's --reporters choices are the runner's reporters", () => {
    const option = DECLARATIONS.run.options.reporters;
    assert.deepEqual([...option.choices], [...REPORTERS]);
  });

  test('mvpm help <unknown> is E_UNKNOWN_COMMAND, exit 2', async () => {
    const result = await cli(['help', 'bulid']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^mvpm: error\[E_UNKNOWN_COMMAND\]: unknown command 'bulid'/);
  });
});

describe('start-up', () => {
  /** The project files a module imports statically (not `import type`, not `import()`), transitively. */
  function staticGraph(entry: string): Set<string> {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/^(?:import|export)\s+(?:(?!type\b)[^;']*?from\s+)?'(\.[^']+)'/gm)) {
        const target = path.resolve(path.dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts'));
        visit(target);
      }
    };
    visit(entry);
    return seen;
  }

  test(
    'mvpm --help loads no command implementation: ' +
      'main.ts imports declarations, the renderer and the error printer',
    () => {
      const cliDir = path.join(PROJECT_ROOT, 'src', 'cli');
      const loaded = [...staticGraph(path.join(cliDir, 'main.ts'))].map((f) => path.relative(cliDir, f)).sort();
      assert.deepEqual(loaded, [
        '../errors/codes.ts',
        '../errors/format.ts',
        '../errors/mvpm-error.ts',
        'command.ts',
        'declarations.ts',
        'help.ts',
        'io.ts',
        'main.ts',
        'report-error.ts',
      ]);
    },
  );
});
