// Preloaded with `node --import` by bench/compile.mjs. On exit, writes the process's peak resident set size
// (`process.resourceUsage().maxRSS`, in KiB) to the file named by BENCH_PEAK_RSS_FILE, for the bench to read back.
// Reading it from inside the process is what makes it the process's own peak: spawnSync does not report it.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_PEAK_RSS_FILE;
if (target) {
  // 'exit' also fires after process.exit() and when the event loop drains; not when killed by a signal.
  process.on('exit', () => {
    writeFileSync(target, `${process.resourceUsage().maxRSS}\n`);
  });
}
