// Renders src/spec/_dynamic-variables.ts: the names of Postman's dynamic variables ($guid, $timestamp, …) as the
// postman-collection SDK (which resolves them in Newman) defines them. Generated, so a build does not load the SDK
// and faker behind it. Shared by the generator script and the drift test.
import { createRequire } from 'node:module';

export const DYNAMIC_VARIABLES_PATH = new URL('../src/spec/_dynamic-variables.ts', import.meta.url);

export function renderDynamicVariables(): string {
  const require = createRequire(import.meta.url);
  const names = Object.keys(require('postman-collection/lib/superstring/dynamic-variables.js') as object);
  return [
    '// Generated from postman-collection/lib/superstring/dynamic-variables.js by `npm run schema:types`. Do not edit.',
    '',
    "/** Postman's dynamic variables (`$guid`, `$timestamp`, `$randomInt`, …), as postman-collection names them. */",
    'export const DYNAMIC_VARIABLE_NAMES: readonly string[] = [',
    ...names.map((n) => `  ${quoted(n)},`),
    '];',
    '',
  ].join('\n');
}

/** Single-quoted, as Biome formats strings; the names are `$` and letters, anything else is a surprise to see. */
function quoted(name: string): string {
  if (!/^\$[A-Za-z0-9]+$/.test(name)) throw new Error(`unexpected dynamic variable name ${JSON.stringify(name)}`);
  return `'${name}'`;
}
