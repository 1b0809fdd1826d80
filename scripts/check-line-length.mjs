#!/usr/bin/env node
// Fails when a line of our own source is longer than 120 characters. Biome formats code to that width but leaves
// long strings and comments alone; this check covers them. Generated files and test inputs are left out.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 120;
const CHECKED = /^(bin|bench|scripts|src|test)\/.*\.(ts|mjs|js)$/;
const GENERATED = [
  /^src\/spec\/_spec-validators\.ts$/,
  /^src\/spec\/_schema-types\.ts$/,
  /\/_[a-z-]+-types\.ts$/,
  /\/_[a-z-]+-validators?\.ts$/,
  /^test\/golden\/(build|hostile-specs)\//,
];

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => CHECKED.test(file) && !GENERATED.some((pattern) => pattern.test(file)));
const long = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the work tree but still in the index
  }
  text.split('\n').forEach((line, index) => {
    if ([...line].length > LIMIT) long.push(`${file}:${index + 1}: ${[...line].length} characters`);
  });
}
if (long.length > 0) {
  process.stderr.write(`${long.join('\n')}\n${long.length} lines over ${LIMIT} characters: wrap them by hand.\n`);
  process.exit(1);
}
