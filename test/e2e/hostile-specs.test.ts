// Hostile spec input: test/golden/hostile-specs/<case>/specs is a small valid project with one thing wrong, and
// test/golden/hostile-specs/<case>/expected.txt the exact standard error of `mvpm build` followed by its exit code.
// Inputs that are large, binary or whitespace-sensitive are not committed: GENERATED writes them into the case at test
// time.
//
// Regenerate the expected files only deliberately, and review the diff:
//   npm run golden:update
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { loadSpecs } from '../../src/spec/load-specs.ts';
import { MAX_SPEC_FILE_BYTES, PARSE_WORKER_URL, parseTexts, readSpecText } from '../../src/spec/parse-files.ts';
import { parseValue } from '../../src/spec/parse-value.ts';
import { minimalProject, PROJECT_ROOT, runCli, tempProject } from '../support/helpers.ts';
import { UPDATE_GOLDEN } from '../support/golden.ts';
import { timed } from '../support/timed.ts';

const HOSTILE_DIR = path.join(PROJECT_ROOT, 'test', 'golden', 'hostile-specs');
const UPDATE = UPDATE_GOLDEN;
const PING = 'specs/demo/Ping.request.yaml';
const request = (rest: string): string => `$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/ping"\n${rest}`;

/**
 * A file written into a case before the build (path relative to the project): content, or a symbolic link to `linkTo`.
 */
type Generated =
  | { readonly file: string; readonly content: () => string | Buffer }
  | { readonly file: string; readonly linkTo: string };

/** A request with one script whose code is `code` (a block scalar, so that raw characters stay raw). */
const scriptRequest = (code: string): string =>
  request(
    `scripts:\n  - type: afterResponse\n    code: |\n${code
      .split('\n')
      .map((l) => `      ${l}`)
      .join('\n')}\n`,
  );

const GENERATED: Readonly<Record<string, Generated | readonly Generated[]>> = {
  'yaml-tab-indentation': { file: PING, content: () => request('expect:\n\tstatus: 200\n') },
  'deep-nesting-flow-sequences': {
    file: PING,
    content: () => request(`body:\n  type: json\n  content: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
  },
  'deep-nesting-flow-mappings': {
    file: PING,
    content: () => request(`body:\n  type: json\n  content: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`),
  },
  'deep-nesting-block-mappings': {
    file: PING,
    content: () =>
      request(
        `body:\n  type: json\n  content:\n` +
          `${Array.from({ length: 100 }, (_, i) => `${' '.repeat(4 + 2 * i)}k${i}:`).join('\n')} end\n`,
      ),
  },
  // 31 levels around an alias to 40 levels: 71 once expanded, though no line nests more than 41.
  'deep-nesting-through-aliases': {
    file: PING,
    content: () =>
      request(`x-deep: &deep ${'['.repeat(40)}${']'.repeat(40)}\nx-use: ${'['.repeat(30)}*deep${']'.repeat(30)}\n`),
  },
  'binary-junk': { file: PING, content: () => junk(4096, 20240601) },
  'nul-byte': { file: PING, content: () => request('description: "before\0after"\n') },
  'not-utf8-latin1': {
    file: PING,
    content: () =>
      Buffer.concat([Buffer.from(request('description: caf')), Buffer.from([0xe9]), Buffer.from(' au lait\n')]),
  },
  'utf16-file': { file: PING, content: () => Buffer.from(`\uFEFF${request('')}`, 'utf16le') },
  'control-character': { file: PING, content: () => request('description: "\u001b[2J cleared the screen"\n') },
  'file-50-mb': {
    file: PING,
    content: () => request('') + '# padding to make the file large\n'.repeat((50 * 1024 * 1024) / 32),
  },
  'device-as-request-file': { file: PING, linkTo: '/dev/zero' },
  'bom-accepted-positions-kept': {
    file: PING,
    content: () => '\uFEFF$kind: request\nmethod: GET\nurl: "{{baseUrl}}/ping"\n',
  },
  'cr-line-endings': {
    file: PING,
    content: () => '$kind: mvpm-request\rmethod: GTE\rurl: "{{baseUrl}}/ping"\rexpect:\r  status: 200\r',
  },
  // Names on disk that no file system, terminal or reviewer should have to deal with, so none is committed.
  'request-file-name-control-character': { file: 'specs/demo/Ping\u001b[2J.request.yaml', content: () => request('') },
  'folder-name-bidi-override': { file: 'specs/demo/Admin\u202Etxt.exe/Ping.request.yaml', content: () => request('') },
  'reserved-device-name-request': { file: 'specs/demo/CON.request.yaml', content: () => request('') },
  // Trojan Source: the comment reads as if the check ran; the override makes `if (isAdmin)` part of the comment.
  'raw-script-bidi': {
    file: PING,
    content: () =>
      scriptRequest(
        'var isAdmin = false;\n/*\u202E } \u2066if (isAdmin)\u2069 \u2066 begin admins only */\nconsole.log("admin");',
      ),
  },
  'line-separator-in-header-name': { file: PING, content: () => request('headers:\n  X-Request-Id\u2028: abc\n') },
  'schema-file-outside-specs': {
    file: 'private/state.json',
    content: () => '{ "refresh_token": "rt-must-never-be-read" }\n',
  },
  'schema-file-through-symlink': [
    { file: 'private/ping.schema.json', content: () => '{ "type": "object", "description": "outside specs/" }\n' },
    { file: 'specs/schemas', linkTo: '../private' },
  ],
  'symlink-to-root-in-specs': { file: 'specs/demo/everything', linkTo: '/' },
  'symlink-loop': [
    { file: 'specs/demo/loop', linkTo: '.' },
    { file: 'specs/demo/up', linkTo: '..' },
    { file: 'specs/self', linkTo: '.' },
  ],
  'request-file-links-outside': [
    { file: 'private/Stolen.request.yaml', content: () => request('description: read from outside specs/\n') },
    { file: 'specs/demo/Stolen.request.yaml', linkTo: '../../private/Stolen.request.yaml' },
  ],
};

function generatedOf(name: string): readonly Generated[] {
  const generated = GENERATED[name];
  return generated === undefined
    ? []
    : 'file' in generated
      ? [generated as Generated]
      : (generated as readonly Generated[]);
}

/** Deterministic bytes from a small linear congruential generator: the same junk on every run. */
function junk(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function hostileCases(): string[] {
  return readdirSync(HOSTILE_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** A case's specs copied to a temporary project, with its generated file written; removed by cleanup. */
function prepareCase(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mvpm-hostile-'));
  cpSync(path.join(HOSTILE_DIR, name, 'specs'), path.join(dir, 'specs'), { recursive: true });
  for (const generated of generatedOf(name)) {
    const file = path.join(dir, generated.file);
    mkdirSync(path.dirname(file), { recursive: true });
    rmSync(file, { force: true });
    if ('linkTo' in generated) symlinkSync(generated.linkTo, file);
    else writeFileSync(file, generated.content());
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('hostile specs: exact errors, exit 2, nothing written', () => {
  test('the corpus has at least 40 cases, and every generated input has its case', () => {
    const cases = hostileCases();
    assert.ok(cases.length >= 40, `only ${cases.length} cases`);
    for (const name of Object.keys(GENERATED))
      assert.ok(cases.includes(name), `GENERATED names a missing case: ${name}`);
    for (const name of Object.keys(GENERATED)) {
      for (const generated of generatedOf(name)) {
        const committed = path.join(HOSTILE_DIR, name, generated.file);
        assert.ok(
          !existsSync(committed),
          `${path.relative(PROJECT_ROOT, committed)} is generated at test time: do not commit it`,
        );
      }
    }
  });

  for (const name of hostileCases()) {
    test(name, async () => {
      const project = prepareCase(name);
      try {
        const out = path.join(project.dir, 'out');
        const {
          value: result,
          cpuMs,
          wallMs,
        } = await timed(() =>
          runCli(
            ['build', '--collections', path.join(out, 'collections'), '--environments', path.join(out, 'environments')],
            project.dir,
          ),
        );
        const actual = `${result.stderr}exit code: ${result.code}\n`;
        const expectedFile = path.join(HOSTILE_DIR, name, 'expected.txt');
        if (UPDATE) {
          writeFileSync(expectedFile, actual);
          process.stdout.write(`updated ${path.relative(PROJECT_ROOT, expectedFile)}\n`);
        } else {
          assert.ok(
            existsSync(expectedFile),
            `${path.relative(PROJECT_ROOT, expectedFile)} is missing: run npm run golden:update and review the diff`,
          );
          assert.equal(actual, readFileSync(expectedFile, 'utf8'));
        }
        assert.equal(result.code, 2);
        assert.equal(result.stdout, '');
        assert.ok(!existsSync(out), 'a build with errors must not write anything');
        // Every case is refused in well under a second of work; the 50 MB file without being read. Wall-clock time
        // only bounds hangs (a device or FIFO read would block without using CPU time).
        assert.ok(cpuMs < 2000, `took ${Math.round(cpuMs)} ms of CPU time`);
        assert.ok(wallMs < 30_000, `took ${Math.round(wallMs)} ms`);
      } finally {
        project.cleanup();
      }
    });
  }

  test('a worker thread parses every file of the parsing cases exactly as parsing in-process does', async () => {
    // The cases decided while parsing (the others differ only later, from the parsed values). Every file of every
    // case goes through one worker, started once: a worker's start-up under tsx costs more than a case's build, and a
    // build with one worker would parse most of a small case's files on this thread anyway. That parseTexts puts a
    // worker's values where they belong, and that a build with workers locates errors as one without does, is
    // test/unit/parse-workers.test.ts's.
    const parsing = hostileCases().filter((name) =>
      /error\[E_(YAML_SYNTAX|YAML_ALIAS|TOO_DEEP|EMPTY_FILE)\]|must be a mapping/.test(
        readFileSync(path.join(HOSTILE_DIR, name, 'expected.txt'), 'utf8'),
      ),
    );
    assert.ok(parsing.length >= 15, parsing.join(', '));
    const texts: { name: string; file: string; text: string }[] = [];
    for (const name of parsing) {
      const project = prepareCase(name);
      try {
        for (const file of specFiles(path.join(project.dir, 'specs'))) {
          const read = readSpecText(file);
          if (read.ok) texts.push({ name, file: path.relative(project.dir, file), text: read.text });
        }
      } finally {
        project.cleanup();
      }
    }
    for (const name of parsing)
      assert.ok(
        texts.some((t) => t.name === name),
        `${name}: no file read`,
      );
    const inWorker = await parseInOneWorker(texts.map((t) => t.text));
    for (const [i, { name, file, text }] of texts.entries())
      assert.deepEqual(inWorker[i], parseValue(text), `${name}: ${file}`);
  });
});

/** The YAML files under `dir` (links left out, as the loader refuses them). */
function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * The values src/spec/_parse-worker.ts sends back for `texts`, from one worker thread started as parse-files.ts
 * starts one from the sources (a one-line entry registers tsx first).
 */
async function parseInOneWorker(texts: readonly string[]): Promise<unknown[]> {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const worker = JSON.stringify(PARSE_WORKER_URL.href);
  const entry = `import(${tsx}).then((tsx) => tsx.register()).then(() => import(${worker}))`;
  const thread = new Worker(entry, { eval: true });
  try {
    thread.postMessage(texts);
    const [values] = (await once(thread, 'message')) as [unknown[]];
    return values;
  } finally {
    await thread.terminate();
  }
}

describe('hostile specs: loader guards', () => {
  test('the size limit can be lowered, and the error names the size and the limit', async () => {
    const project = tempProject(minimalProject());
    try {
      const loaded = await loadSpecs({ specsDir: 'specs', cwd: project.dir, maxFileBytes: 40 });
      const refused = loaded.diagnostics.map((d) => `${d.code} ${d.file} ${d.message}`);
      assert.deepEqual(refused, [
        'E_FILE_TOO_LARGE specs/demo/Ping.request.yaml the file is 78 bytes; spec files are limited to 40 bytes',
        'E_FILE_TOO_LARGE specs/environments/one.environment.yaml the file is 88 bytes; spec files are limited to ' +
          '40 bytes',
        'E_FILE_TOO_LARGE specs/environments/two.environment.yaml the file is 88 bytes; spec files are limited to ' +
          '40 bytes',
      ]);
      assert.equal(MAX_SPEC_FILE_BYTES, 1024 * 1024);
    } finally {
      project.cleanup();
    }
  });

  test('a megabyte of brackets is refused at the 65th level, not parsed', async () => {
    // yaml's parser alone takes seconds over a megabyte of `[`, and its composer would overflow the stack.
    const text = `x: ${'['.repeat(MAX_SPEC_FILE_BYTES - 3)}`;
    const { value: result, cpuMs } = await timed(async () => parseValue(text));
    assert.deepEqual(result, {
      ok: false,
      offset: 66,
      code: 'TOO_DEEP',
      message: 'the file nests more than 64 levels of mappings and lists',
    });
    assert.ok(cpuMs < 500, `took ${Math.round(cpuMs)} ms of CPU time`);
  });

  test('a worker that cannot start costs the speed-up, not the build', async () => {
    const texts = ['a: 1\n', 'x: *nope\n', `x: ${'['.repeat(100)}\n`];
    const outcomes: boolean[] = [];
    const workerUrl = new URL('./no-such-worker.js', import.meta.url);
    const values = await parseTexts(texts, 1, { workerUrl, onWorker: (parsed) => outcomes.push(parsed) });
    assert.deepEqual(outcomes, [false]);
    assert.deepEqual(values, texts.map(parseValue));
  });

  test('a link is reported where it is met and never followed: a request behind one is not loaded', async () => {
    const project = tempProject(
      minimalProject({
        'outside/Hidden.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/outside"\n',
        'outside/Other.request.yaml': '$kind: mvpm-request\nmethod: GET\nurl: "{{baseUrl}}/outside"\n',
      }),
    );
    try {
      symlinkSync('../../outside', path.join(project.dir, 'specs/demo/Linked'));
      symlinkSync('../../outside/Other.request.yaml', path.join(project.dir, 'specs/demo/Other.request.yaml'));
      symlinkSync('../outside', path.join(project.dir, 'specs/.hidden-link'));
      const loaded = await loadSpecs({ specsDir: 'specs', cwd: project.dir });
      assert.deepEqual(
        loaded.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`),
        ['E_SYMLINK specs/demo/Linked:1:1', 'E_SYMLINK specs/demo/Other.request.yaml:1:1'],
      );
      const requests = loaded.collections.flatMap((c) => [
        ...c.root.requests.map((r) => r.source.file),
        ...c.root.folders.map((f) => f.dir),
      ]);
      assert.deepEqual(requests, ['specs/demo/Ping.request.yaml']);
    } finally {
      project.cleanup();
    }
  });
});

test('every diagnostic code is documented, with a row in the summary and a section of its own', () => {
  const source = readFileSync(path.join(PROJECT_ROOT, 'src/spec/diagnostics.ts'), 'utf8');
  const union = /export type DiagnosticCode =([^;]+);/.exec(source)?.[1] ?? '';
  const codes = [...union.matchAll(/'([EW]_[A-Z_]+)'/g)].map((m) => m[1]!);
  assert.ok(codes.includes('E_FILE_TOO_LARGE') && codes.includes('E_TOO_DEEP'), codes.join(' '));
  const docs = readFileSync(path.join(PROJECT_ROOT, 'docs/spec-format.md'), 'utf8');
  for (const code of codes) {
    assert.ok(docs.includes(`\n### ${code}\n`), `docs/spec-format.md has no section for ${code}`);
    assert.ok(
      docs.includes(`| [\`${code}\`](#${code.toLowerCase()})`),
      `docs/spec-format.md's summary has no row for ${code}`,
    );
  }
});
