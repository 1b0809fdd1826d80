// Spec files to sources: bounded reading, decoding, parsing (on worker threads for large batches), and for a file
// that cannot become a source, the one located diagnostic that says why.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { codeFrameColumns } from './code-frame-lib.js';
import { fileDiagnostic, maskForFrame, type DiagnosticCode, type SpecDiagnostic } from './diagnostics.js';
import {
  decodeSpecText,
  MAX_NESTING_DEPTH,
  parseValue,
  type NotText,
  type ParsedValue,
  type ParseFailure,
} from './parse-value.js';
import { misindentedKey } from './misindented-key.js';
import { SpecSource, type SpecFileKind } from './source.js';

/**
 * Below this many files a worker's start-up costs more than it saves. With the fast YAML path (fast-yaml.ts) a
 * file parses three to four times faster, so the break-even moved up: the bench project's 614 files parse in about
 * 250 ms of CPU on this thread alone, and 480-560 ms (200-500 ms more wall time) with one worker, which loads its
 * modules and clones every value back; at 6,140 files, on a busy 2-core machine, one worker still cost 60% more CPU
 * and 300-1,700 ms more wall time. Workers are kept for batches ten times the bench's, where an idle core can win.
 */
export const PARALLEL_THRESHOLD = 5000;

/**
 * The largest spec file read, in bytes (1 MiB). The real files are 1 to 3 KiB and a large JSON Schema a few
 * hundred; parsing a pathological megabyte of YAML takes about a second, so the limit bounds a build's time and
 * memory while leaving generous room. Larger files are refused from their size, before being read.
 */
export const MAX_SPEC_FILE_BYTES = 1024 * 1024;

/** A spec file's text, or why it is not usable text. */
export type SpecText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'unreadable'; readonly error: string }
  | { readonly ok: false; readonly reason: 'too-large'; readonly size: number; readonly limit: number }
  | NotText;

export interface FileToLoad {
  readonly file: string;
  readonly kind: SpecFileKind;
}

export interface LoadFilesOptions {
  /** A path as shown in diagnostics. */
  readonly display: (absolute: string) => string;
  /** The directory that holds the specs directory; SpecSource.projectPath is relative to it. */
  readonly projectRoot: string;
  /** Worker threads for parsing; see parseTexts. */
  readonly workers?: number;
  /** Default MAX_SPEC_FILE_BYTES. */
  readonly maxFileBytes?: number;
}

/**
 * Reads and parses spec files. Each file becomes a source, or one located diagnostic saying why it cannot be
 * one: unreadable, too large, not UTF-8 text, not YAML, empty, or not a mapping. Never throws for a file's
 * content; the sources map leaves out the files that got a diagnostic.
 */
export async function loadFiles(
  wanted: readonly FileToLoad[],
  options: LoadFilesOptions,
): Promise<{ sources: Map<string, SpecSource>; diagnostics: SpecDiagnostic[] }> {
  const diagnostics: SpecDiagnostic[] = [];
  const read = wanted.flatMap(({ file, kind }) => {
    const text = readSpecText(file, options.maxFileBytes);
    if (text.ok) return [{ file, kind, text: text.text }];
    diagnostics.push(unusableText(options.display(file), text));
    return [];
  });
  const parsed = await parseTexts(
    read.map((r) => r.text),
    options.workers,
  );
  const sources = new Map<string, SpecSource>();
  for (const [i, { file, kind, text }] of read.entries()) {
    const shown = options.display(file);
    try {
      const result = parsed[i]!;
      if (!result.ok) {
        diagnostics.push(unparsable(shown, text, result));
        continue;
      }
      if (result.root === 'empty') {
        diagnostics.push(emptyFile(shown, kind, text));
        continue;
      }
      // A schema file that is not an object is E_BAD_JSON_SCHEMA, from the rule that reads it.
      if (result.root !== 'map' && kind !== 'schema') {
        const [noun, needs, start] = CONTENT[kind];
        diagnostics.push(
          located(
            shown,
            'E_TYPE',
            `the file must be a mapping (\`key: value\` lines), not ${describeValue(result.value)}`,
            `${noun} needs ${needs}: ${start}`,
            text,
            result.rootOffset,
          ),
        );
        continue;
      }
      const projectPath = path.relative(options.projectRoot, file).split(path.sep).join('/');
      sources.set(file, new SpecSource(shown, projectPath, kind, text, { js: result.value }));
    } catch (error) {
      // Nothing above is known to throw; if something does, it is still this file's problem, not a crash.
      diagnostics.push(
        fileDiagnostic(
          shown,
          'E_READ',
          `cannot load the file: ${error instanceof Error ? error.message : String(error)}`,
          'this is a bug in mvpm: please report it, with the file',
        ),
      );
    }
  }
  return { sources, diagnostics };
}

/**
 * Reads a spec file as YAML text (see decodeSpecText), never more than `limit` bytes of it: the size is checked
 * before reading (and again while reading, in case the file grows), so a 50 MB file is refused at once. Never throws.
 */
export function readSpecText(file: string, limit = MAX_SPEC_FILE_BYTES): SpecText {
  let fd: number | undefined;
  try {
    // Non-blocking, so that opening a FIFO does not wait for a writer; the checks below then refuse it.
    // Non-following, too: the loader refuses links before it gets here, and a link swapped in since is not read.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, reason: 'unreadable', error: 'EISDIR' };
    // Reading a FIFO or a device would block or never end.
    if (!stats.isFile()) return { ok: false, reason: 'unreadable', error: 'not a regular file' };
    if (stats.size > limit) return { ok: false, reason: 'too-large', size: stats.size, limit };
    const bytes = readAtMost(fd, stats.size, limit + 1);
    // The file grew after it was measured.
    if (bytes.length > limit)
      return { ok: false, reason: 'too-large', size: Math.max(bytes.length, fstatSync(fd).size), limit };
    return decodeSpecText(bytes);
  } catch (error) {
    return { ok: false, reason: 'unreadable', error: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The buffer files are read into, reused: decoding copies the text out, so no file's bytes are kept. */
let readBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Up to `max` bytes of the file, in readBuffer (valid until the next call): fresh buffers for 10,000 files cost
 * more in page faults than the reading itself.
 */
function readAtMost(fd: number, expected: number, max: number): Buffer {
  let total = 0;
  // One read for a file whose size is known; more only if it grew.
  let size = Math.min(max, expected + 1);
  while (total < max) {
    if (readBuffer.length < total + size) {
      const grown = Buffer.allocUnsafe(Math.max(total + size, Math.min(max, readBuffer.length * 2)));
      readBuffer.copy(grown, 0, 0, total);
      readBuffer = grown;
    }
    const read = readSync(fd, readBuffer, total, size, null);
    if (read === 0) break;
    total += read;
    size = Math.min(max - total, 64 * 1024);
  }
  return readBuffer.subarray(0, total);
}

/**
 * Parses texts to plain values, spreading large batches over worker threads and this thread (YAML parsing is
 * most of a big build's time, and the machines this runs on have more than one core). Order is preserved.
 * `workers`: how many worker threads; default one less than the available cores, at most 3, none for small batches.
 * The texts are cut into small batches that every thread takes from as it becomes free, so a worker that starts
 * slowly (it loads yaml first) leaves no thread idle waiting for it.
 * A worker that fails (it could not start, or died) costs the speed-up, not the build: its texts are parsed here.
 */
export async function parseTexts(
  texts: readonly string[],
  workers?: number,
  options: ParseTextsOptions = {},
): Promise<ParsedValue[]> {
  const count = workers ?? (texts.length >= PARALLEL_THRESHOLD ? Math.min(3, os.availableParallelism() - 1) : 0);
  if (count <= 0 || texts.length === 0) return texts.map(parseValue);
  const results = new Array<ParsedValue>(texts.length);
  const size = Math.min(64, Math.ceil(texts.length / ((count + 1) * 4)));
  let next = 0;
  const take = (): Batch | undefined => {
    if (next >= texts.length) return undefined;
    const batch = { start: next, texts: texts.slice(next, next + size) };
    next += batch.texts.length;
    return batch;
  };
  const parseHere = (batch: Batch): void => {
    for (const [i, text] of batch.texts.entries()) results[batch.start + i] = parseValue(text);
  };
  const url = options.workerUrl ?? PARSE_WORKER_URL;
  const remote: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    const first = take();
    if (first) remote.push(parseInWorker(first, { take, parseHere, results, url, onWorker: options.onWorker }));
  }
  // This thread takes batches too, yielding between them so that the workers' replies are received and answered.
  for (let batch = take(); batch; batch = take()) {
    parseHere(batch);
    await new Promise(setImmediate);
  }
  await Promise.all(remote);
  return results;
}

interface Batch {
  readonly start: number;
  readonly texts: readonly string[];
}

export interface ParseTextsOptions {
  /** The worker module. Default PARSE_WORKER_URL. */
  readonly workerUrl?: URL;
  /** Told of each worker's outcome: true when it parsed its batches, false when they were parsed here instead. */
  readonly onWorker?: (parsed: boolean) => void;
}

/**
 * The worker beside this module: the compiled one in dist/, or, when mvpm runs from its TypeScript sources (tests,
 * under tsx, whose loader worker threads inherit through execArgv), the source one.
 */
export const PARSE_WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './_parse-worker.ts' : './_parse-worker.js',
  import.meta.url,
);

interface WorkerScope {
  readonly take: () => Batch | undefined;
  readonly parseHere: (batch: Batch) => void;
  readonly results: ParsedValue[];
  readonly url: URL;
  readonly onWorker: ((parsed: boolean) => void) | undefined;
}

/** Runs one worker from its first batch until no batch is left; resolves when its batches are all parsed. */
function parseInWorker(first: Batch, scope: WorkerScope): Promise<void> {
  return new Promise((resolve) => {
    let current: Batch | undefined = first;
    let settled = false;
    const settle = (parsed: boolean): void => {
      if (settled) return;
      settled = true;
      // A failed worker's batch in hand is parsed here; the others are taken by the threads still going.
      if (!parsed && current) scope.parseHere(current);
      scope.onWorker?.(parsed);
      resolve();
    };
    let worker: Worker;
    try {
      worker = startWorker(scope.url);
    } catch {
      settle(false);
      return;
    }
    worker.on('message', (values: ParsedValue[]) => {
      if (!current) return;
      for (const [i, value] of values.entries()) scope.results[current.start + i] = value;
      current = scope.take();
      if (current) worker.postMessage(current.texts);
      else {
        settle(true);
        void worker.terminate();
      }
    });
    worker.once('error', () => settle(false));
    worker.once('exit', () => settle(false));
    worker.postMessage(first.texts);
  });
}

function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  // From the sources, under tsx: Node 20 loads a worker's entry point before the preloaded tsx loader applies to
  // it, so a one-line entry registers tsx first, then imports the worker.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = `import(${tsx}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(url.href)}))`;
  return new Worker(entry, { eval: true });
}

/** What each kind of file must hold: a noun, its required keys, and how to start it. */
const CONTENT: Record<SpecFileKind, readonly [string, string, string]> = {
  request: [
    'a request',
    '`$kind`, `method` and `url`',
    'start with `$kind: mvpm-request`, then `method: GET` and `url: "{{baseUrl}}/…"` on lines of their own',
  ],
  collection: [
    'a collection definition',
    '`$kind` and `name`',
    'start with `$kind: mvpm-collection`, then `name: …` on a line of its own',
  ],
  folder: [
    'a folder definition',
    '`$kind`',
    'write `$kind: mvpm-folder`, or delete the file (a folder does not need one)',
  ],
  environment: [
    'an environment',
    '`$kind`, `name` and `variables`',
    'start with `$kind: mvpm-environment`, then `name: …` and `variables:` on lines of their own',
  ],
  schema: ['a JSON Schema file', 'an object', 'write the schema as a JSON or YAML object'],
};

function emptyFile(file: string, kind: SpecFileKind, text: string): SpecDiagnostic {
  const [noun, needs, start] = CONTENT[kind];
  const what = /^[ \t]*#/m.test(text) ? 'holds only comments' : 'is empty';
  return fileDiagnostic(file, 'E_EMPTY_FILE', `the file ${what}: ${noun} needs ${needs}`, start);
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string'
    ? 'a string'
    : typeof value === 'number'
      ? 'a number'
      : typeof value === 'boolean'
        ? 'a boolean'
        : 'a scalar';
}

function unusableText(file: string, text: Exclude<SpecText, { ok: true }>): SpecDiagnostic {
  switch (text.reason) {
    case 'unreadable':
      return fileDiagnostic(
        file,
        'E_READ',
        `cannot read the file: ${text.error}`,
        'check that the file exists and is readable',
      );
    case 'too-large':
      return fileDiagnostic(
        file,
        'E_FILE_TOO_LARGE',
        `the file is ${describeSize(text.size)}; spec files are limited to ${describeSize(text.limit)}`,
        'spec files are a few KiB: check that this is the file you meant, or split it',
      );
    case 'not-text': {
      const { problem } = text;
      const [message, hint] =
        problem.kind === 'nul'
          ? [
              'the file is not text: it holds a NUL byte',
              'spec files are UTF-8 YAML text: check that this is the file you meant (binary data, or text saved as ' +
                'UTF-16?)',
            ]
          : problem.kind === 'utf16'
            ? ['the file is UTF-16 text, not UTF-8', 'save it as UTF-8']
            : problem.kind === 'utf8'
              ? [
                  `the file is not UTF-8 text: byte 0x${hex(problem.byte, 2)} is not valid UTF-8 here`,
                  'save it as UTF-8 (was it saved as Latin-1 or Windows-1252, or is it binary data?)',
                ]
              : [
                  `the file holds the control character U+${hex(problem.codePoint, 4)}, which YAML does not allow`,
                  `remove it; inside double quotes it can be written as the escape "\\u${hex(problem.codePoint, 4)}"`,
                ];
      return problem.kind === 'utf16'
        ? fileDiagnostic(file, 'E_NOT_TEXT', message, hint)
        : located(file, 'E_NOT_TEXT', message, hint, text.text, text.offset);
    }
  }
}

function unparsable(file: string, text: string, failure: ParseFailure): SpecDiagnostic {
  const lineText = lineAt(text, failure.offset);
  switch (failure.code) {
    case 'TOO_DEEP':
    case 'RESOURCE_EXHAUSTION':
      return located(
        file,
        'E_TOO_DEEP',
        failure.code === 'TOO_DEEP'
          ? failure.message
          : `the file nests more than ${MAX_NESTING_DEPTH} levels of mappings and lists`,
        `spec files nest a few levels; ${MAX_NESTING_DEPTH} is the limit. Is this a generated file, or a bracket ` +
          `that is never closed?`,
        text,
        failure.offset,
      );
    case 'ALIAS_UNDEFINED':
      return located(
        file,
        'E_YAML_ALIAS',
        failure.message,
        'set the anchor first (`key: &name value`), or fix the alias name',
        text,
        failure.offset,
      );
    case 'ALIAS_CIRCULAR':
      return located(
        file,
        'E_YAML_ALIAS',
        failure.message,
        'an alias cannot refer to a node that contains it; write the value out',
        text,
        failure.offset,
      );
    case 'ALIAS_COUNT':
      return located(
        file,
        'E_YAML_ALIAS',
        failure.message,
        'aliases are limited so that a small file cannot expand into a huge one ("billion laughs"); write the ' +
          'values out',
        text,
        failure.offset,
      );
    case 'MULTIPLE_DOCS':
      return located(
        file,
        'E_YAML_SYNTAX',
        'the file holds more than one YAML document: a `---` line starts another',
        'a spec file is one document: remove the `---` line, or move what follows it to a file of its own',
        text,
        failure.offset,
      );
    default: {
      const misindented = misindentedKey(text, failure.code, failure.message, failure.offset);
      if (misindented)
        return located(file, 'E_YAML_SYNTAX', misindented.message, misindented.hint, text, misindented.offset);
      return located(
        file,
        'E_YAML_SYNTAX',
        failure.message,
        yamlHint(failure.code, failure.message, lineText),
        text,
        failure.offset,
      );
    }
  }
}

function yamlHint(code: string, message: string, lineText: string): string {
  if (code === 'TAB_AS_INDENT') return 'YAML indentation must use spaces, not tabs';
  if (code === 'MISSING_CHAR' && /quote/.test(message))
    return 'close the quote: a quoted value runs on, across lines, until its closing quote';
  if (/:\s+\{\{/.test(lineText)) return 'a value starting with {{ must be quoted: url: "{{authBaseUrl}}/connect/token"';
  if (/:\s*[{[]/.test(lineText))
    return 'inside { } or [ ], quote values that contain [ ] { } , or ":", e.g. { json: "$.payload[0].id" }';
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each key may appear once in a mapping; remove or rename one of them';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation: nested keys are indented by the same number of spaces';
    default:
      return 'quote values that contain ": " or " #", or that start with {{, [ or {';
  }
}

/** Frame lines longer than this are cut to a window around the column. */
const FRAME_WIDTH = 160;

/**
 * A diagnostic at `offset` in `text`, computed without parsing the text again (it may be the very thing that
 * cannot be parsed): lines are counted as yaml counts them, and only the line and the one above it are framed,
 * each cut to FRAME_WIDTH characters around the column, so that a megabyte on one line does not reach the terminal.
 */
function located(
  file: string,
  code: DiagnosticCode,
  message: string,
  hint: string,
  text: string,
  offset: number,
): SpecDiagnostic {
  const at = Math.max(0, Math.min(offset, text.length));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
  const column = at - lineStart + 1;
  const previousStart = line > 1 ? text.lastIndexOf('\n', lineStart - 2) + 1 : lineStart;
  const shown = [...(line > 1 ? [lineAt(text, previousStart)] : []), lineAt(text, lineStart)];
  const start = column - 1 > FRAME_WIDTH - 40 ? column - 1 - (FRAME_WIDTH - 40) : 0;
  const cut = (l: string): string =>
    (start > 0 ? '…' : '') + l.slice(start, start + FRAME_WIDTH) + (l.length > start + FRAME_WIDTH ? '…' : '');
  // Characters the code frame would take as line breaks, though YAML does not, control characters and
  // bidirectional controls are masked as everywhere else (see maskForFrame).
  const frameText = shown.map((l) => maskForFrame(cut(l))).join('\n');
  // startLine numbers the lines from the real one (in @babel/code-frame, though not in its types).
  const options: NonNullable<Parameters<typeof codeFrameColumns>[2]> & { startLine: number } = {
    linesAbove: 1,
    linesBelow: 0,
    startLine: line - shown.length + 1,
  };
  const frame = codeFrameColumns(frameText, { start: { line, column: column - start + (start > 0 ? 1 : 0) } }, options);
  return { ...fileDiagnostic(file, code, message, hint), line, column, frame };
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end);
}

function describeSize(bytes: number): string {
  const KiB = 1024;
  const MiB = KiB * KiB;
  const grouped = String(bytes).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (bytes >= MiB)
    return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${(bytes / MiB).toFixed(1)} MiB (${grouped} bytes)`;
  if (bytes >= KiB)
    return bytes % KiB === 0 ? `${bytes / KiB} KiB` : `${(bytes / KiB).toFixed(1)} KiB (${grouped} bytes)`;
  return `${bytes} bytes`;
}

function hex(value: number, width: number): string {
  return value.toString(16).toUpperCase().padStart(width, '0');
}
