// Bundles mvpm's own compiled code (dist/, from tsc) into dist/bundle/: one module per command plus shared chunks,
// so that start-up resolves and compiles a handful of files instead of some sixty. Packages in node_modules stay
// external (Newman finds its reporters by package name, and each keeps its own files). bin/mvpm.js runs the bundle
// when it is newer than dist/cli/main.js, so a bare `tsc` (without this step) is never shadowed by an old bundle.
//
// esbuild is a dependency of ours (the same range tsx needs, so one copy); without it the step is skipped and
// bin/mvpm.js runs dist/cli/main.js.
// Plain JavaScript importing only Node's modules and esbuild, as prepare.mjs runs it right after tsc.
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');

export async function bundle() {
  if (!existsSync(path.join(dist, 'cli', 'main.js'))) return 0;
  let esbuild;
  try {
    const require = createRequire(path.join(root, 'package.json'));
    esbuild = await import(pathToFileURL(require.resolve('esbuild')).href);
  } catch {
    process.stderr.write('mvpm: esbuild is not installed: skipping the bundle; bin/mvpm.js runs dist/cli/.\n');
    return 0;
  }
  // Chunk names change with their content: old ones would pile up.
  rmSync(path.join(dist, 'bundle'), { recursive: true, force: true });
  await esbuild.build({
    // Flat: every chunk sits beside _parse-worker.js, which parse-files.ts finds relative to its own module, and
    // at dist/cli/'s depth, so main.ts's ../../package.json still resolves.
    entryPoints: {
      main: path.join(dist, 'cli', 'main.js'),
      '_parse-worker': path.join(dist, 'spec', '_parse-worker.js'),
    },
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    outdir: path.join(dist, 'bundle'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = await bundle();
