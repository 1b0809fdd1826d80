import type * as CodeFrame from '@babel/code-frame';
import { createRequire } from 'node:module';

/**
 * `@babel/code-frame`'s codeFrameColumns, with the package (and js-tokens, picocolors and
 * @babel/helper-validator-identifier behind it) loaded on the first frame: only an error needs one. The only runtime
 * import of the package in src/.
 */
export function codeFrameColumns(...args: Parameters<typeof CodeFrame.codeFrameColumns>): string {
  loaded ??= createRequire(import.meta.url)('@babel/code-frame') as typeof CodeFrame;
  return loaded.codeFrameColumns(...args);
}

let loaded: typeof CodeFrame | undefined;
