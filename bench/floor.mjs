// The "floor" for bench/compile.mjs: the least work any compiler of these specs must do. It reads every spec
// file under <specsDir> (the YAML specs and the JSON Schema files), parses each with the `yaml` package's
// `parse`, and writes JSON.stringify of all of it to <outFile>. No SDK, no validation, no compilation.
//
//   node bench/floor.mjs <specsDir> <outFile> [<filesDir>]
//
// With <filesDir> it also writes each parsed file as JSON to its own file under <filesDir> (the same tree): the least
// work of any output with one file per request, as the Postman v12 (v3) layout `mvpm build` also writes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const [specsDir, outFile, filesDir] = process.argv.slice(2);
if (!specsDir || !outFile) {
  process.stderr.write('usage: node bench/floor.mjs <specsDir> <outFile> [<filesDir>]\n');
  process.exit(2);
}

/** Parsed content of each spec file, by path relative to specsDir. */
const parsed = {};

function walk(dir) {
  // withFileTypes: the entry types come with the listing, so no stat call per file.
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.yaml') || entry.name.endsWith('.json')) {
      parsed[path.relative(specsDir, full)] = parse(readFileSync(full, 'utf8'));
    }
  }
}

walk(specsDir);
writeFileSync(outFile, JSON.stringify(parsed));
if (filesDir) {
  const made = new Set();
  for (const [file, value] of Object.entries(parsed)) {
    const out = path.join(filesDir, file);
    const dir = path.dirname(out);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    writeFileSync(out, JSON.stringify(value));
  }
}
