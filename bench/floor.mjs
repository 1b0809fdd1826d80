// The "floor" for bench/compile.mjs: the least work any compiler of these specs must do. It reads every spec
// file under <specsDir> (the YAML specs and the JSON Schema files), parses each with the `yaml` package's
// `parse`, and writes JSON.stringify of all of it to <outFile>. No SDK, no validation, no compilation.
//
//   node bench/floor.mjs <specsDir> <outFile>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const [specsDir, outFile] = process.argv.slice(2);
if (!specsDir || !outFile) {
  process.stderr.write('usage: node bench/floor.mjs <specsDir> <outFile>\n');
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
