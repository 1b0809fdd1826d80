// A preload (`node --import`) that writes, when the process exits, the packages under node_modules it loaded as
// CommonJS (require.cache, which also holds the CommonJS files an ES module imported), one name per file loaded, to
// the JSON file named by MVPM_TEST_LOADED_PACKAGES. Plain JavaScript: it runs before the CLI, without tsx.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const out = process.env.MVPM_TEST_LOADED_PACKAGES;
if (out) {
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    const names = Object.keys(require.cache).flatMap((file) => {
      const parts =
        file
          .split(/[\\/]node_modules[\\/]/)
          .at(-1)
          ?.split(/[\\/]/) ?? [];
      if (parts.length < 2 || !file.includes('node_modules')) return [];
      return [parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]];
    });
    writeFileSync(out, JSON.stringify(names));
  });
}
