// Every command that README.md and the generated onboarding guide show must work as written in a fresh clone after
// the quick start. Each command (shell blocks, and code spans that start with npx, npm, node bin/ or mvpm) is
// checked against what it names: an `mvpm` command and each of its options must exist (its --help lists them), an
// npm script must exist in package.json, a file handed to newman must be in the repository; `build --check` runs
// for real. And nothing that needs `npm ci` appears before the document's first `npm ci`. (The heavy ones run in
// their own tests: `npm start`/`mvpm run` in run-e2e, the plain-Newman recipe in newcomer-newman.)
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runMain } from '../../src/cli/main.ts';
import { PROJECT_ROOT, TEST_STATE_HOME } from '../support/helpers.ts';

const DOCS = ['README.md', 'docs/generated/onboarding-guide.md'] as const;

interface DocCommand {
  readonly doc: string;
  readonly at: number;
  readonly text: string;
}

/**
 * Shell commands in fenced sh blocks (continuations joined, comments dropped, split at && and ;) and command-like code
 * spans.
 */
export function commandsIn(doc: string, markdown: string): DocCommand[] {
  const out: DocCommand[] = [];
  const fences = /^```(sh|bash|shell)?[^\n]*\n([\s\S]*?)^```/gm;
  for (const fence of markdown.matchAll(fences)) {
    if (fence[1] === undefined) continue;
    const body = (fence[2] ?? '').replace(/\s*\\\n\s*/g, ' ');
    for (const line of body.split('\n')) {
      for (const part of line.replace(/(^|\s)#(\s.*)?$/, '').split(/&&|;/)) {
        const text = part.trim();
        if (text !== '') out.push({ doc, at: fence.index, text });
      }
    }
  }
  const prose = markdown.replace(fences, (block) => ' '.repeat(block.length));
  for (const span of prose.matchAll(/`([^`\n]+)`/g)) {
    const text = (span[1] ?? '').trim();
    if (/^(npx |npm |node bin\/|mvpm )/.test(text)) out.push({ doc, at: span.index, text });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The command without leading VAR=value assignments and a trailing `&`. */
function normalized(text: string): string {
  return text
    .replace(/^(?:[A-Z_][A-Z0-9_]*=\S*\s+)+/, '')
    .replace(/\s*&$/, '')
    .trim();
}

/** Needs `npm ci` first: runs something from node_modules or dist/. */
const NEEDS_INSTALL = /^(npx |npm (start|test|run )|node bin\/mvpm\.js )/;
const SHELL = [/^standin_pid=\$!$/, /^kill "\$standin_pid"$/];

const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const helpCache = new Map<string, { code: number; text: string }>();

async function help(command: string): Promise<{ code: number; text: string }> {
  const cached = helpCache.get(command);
  if (cached) return cached;
  let text = '';
  const sink = { write: (t: string) => (text += t) };
  const code = await runMain([command, '--help'], {
    stdout: sink,
    stderr: sink,
    env: { NO_COLOR: '1', XDG_STATE_HOME: TEST_STATE_HOME },
    cwd: PROJECT_ROOT,
  });
  const result = { code, text };
  helpCache.set(command, result);
  return result;
}

/** What is wrong with one documented command, or undefined. */
async function problemWith(command: string): Promise<string | undefined> {
  if (command === 'npm ci') return undefined;
  // A tool's own pinned install (tools/postman-cli): its folder must hold a package.json and a lock file.
  const prefixed = /^npm ci --prefix (\S+)$/.exec(command);
  if (prefixed)
    return ['package.json', 'package-lock.json'].every((f) => existsSync(path.join(PROJECT_ROOT, prefixed[1]!, f)))
      ? undefined
      : `${prefixed[1]} has no package.json and package-lock.json to install from`;
  if (SHELL.some((p) => p.test(command))) return undefined;
  if (/^(npx mvpm|node bin\/mvpm\.js)$/.test(command)) return undefined; // the program named in prose
  const script = /^npm (?:run (\S+)|(start|test))(?:\s|$)/.exec(command);
  if (script)
    return pkg.scripts[script[1] ?? script[2] ?? ''] === undefined ? 'package.json has no such script' : undefined;
  const mvpm = /^(?:npx mvpm|node bin\/mvpm\.js|mvpm) (\S+)(.*)$/.exec(command);
  if (mvpm) {
    const [, name = '', rest = ''] = mvpm;
    if (/^<.*>$/.test(name)) return undefined; // `mvpm <command> --help`
    const { code, text } = await help(name);
    if (code !== 0) return `\`mvpm ${name} --help\` exits ${code}: no such command`;
    const unknown = Array.from(rest.matchAll(/(?:^|\s)(--?[a-z][\w-]*)/g), (m) => m[1] ?? '').filter(
      (option) => !new RegExp(`(^|[\\s,\\[|])${option}(?=[\\s,=\\]|]|$)`, 'm').test(text),
    );
    return unknown.length === 0 ? undefined : `mvpm ${name} has no option ${unknown.join(', ')}`;
  }
  const newman = /^npx newman run (.*)$/.exec(command);
  if (newman) {
    const missing = (newman[1] ?? '')
      .split(/\s+/)
      .filter((arg) => /^(collections|environments)\//.test(arg) && !existsSync(path.join(PROJECT_ROOT, arg)));
    return missing.length === 0 ? undefined : `no such file: ${missing.join(', ')}`;
  }
  return 'not a command this test knows: check that it works in a fresh clone after npm ci, then add it here';
}

const documented = DOCS.flatMap((doc) => commandsIn(doc, readFileSync(path.join(PROJECT_ROOT, doc), 'utf8')));

test('the README and the onboarding guide show commands (the extractor finds them)', () => {
  const texts = documented.map((c) => normalized(c.text));
  assert.ok(
    texts.includes('npm ci') &&
      texts.includes('npm run newman:standin -- --base-url http://127.0.0.1:4010') &&
      texts.includes('npx mvpm serve'),
    texts.join('\n'),
  );
  assert.ok(documented.filter((c) => c.doc === DOCS[1]).length >= 2, 'the guide shows npm ci and npx mvpm serve');
  assert.deepEqual(
    commandsIn(
      'x.md',
      'run `npx mvpm build` and `Refresh chain`\n```sh\nA=1 npx mvpm run \\\n  --bail   # why\nnpm ci && npm start\n' +
        '```\n```json\n{"npx": 1}\n```\n',
    ).map((c) => normalized(c.text)),
    ['npx mvpm build', 'npx mvpm run --bail', 'npm ci', 'npm start'],
  );
});

test('no document shows a command that needs npm ci before it has said npm ci', () => {
  for (const doc of DOCS) {
    const commands = documented.filter((c) => c.doc === doc);
    const install = commands.find((c) => normalized(c.text) === 'npm ci');
    const early = commands.filter(
      (c) => NEEDS_INSTALL.test(normalized(c.text)) && (install === undefined || c.at < install.at),
    );
    assert.deepEqual(
      early.map((c) => c.text),
      [],
      `${doc}: shown before \`npm ci\``,
    );
  }
});

test('every command shown names a command, options, scripts and files that exist', async () => {
  const problems: string[] = [];
  for (const { doc, text } of documented) {
    const problem = await problemWith(normalized(text));
    if (problem) problems.push(`${doc}: \`${text}\`: ${problem}`);
  }
  assert.deepEqual(problems, []);
});

test(
  'the checker refuses an option that does not exist, ' +
    'a script that does not exist, and a command it does not know',
  async () => {
    assert.match((await problemWith('npx mvpm run --reporter cli')) ?? '', /no option --reporter/);
    assert.match((await problemWith('npm run newman')) ?? '', /no such script/);
    assert.match((await problemWith('npx mvpm serev')) ?? '', /no such command/);
    assert.match((await problemWith('curl http://127.0.0.1:4010')) ?? '', /not a command this test knows/);
    assert.equal(await problemWith('npx mvpm run --target mediavalet --reporters cli,junit'), undefined);
  },
);

test('`npx mvpm build --check`, as the README shows it, passes on this checkout', async () => {
  assert.ok(documented.some((c) => normalized(c.text) === 'npx mvpm build --check'));
  let text = '';
  const sink = { write: (t: string) => (text += t) };
  const code = await runMain(['build', '--check'], {
    stdout: sink,
    stderr: sink,
    env: { NO_COLOR: '1', XDG_STATE_HOME: TEST_STATE_HOME },
    cwd: PROJECT_ROOT,
  });
  assert.equal(code, 0, text);
});
