// Preloaded with `node --import` by bench/openapi.mjs. On exit, writes the process's own resource usage to the
// file named by BENCH_USAGE_FILE as JSON: peak RSS (KiB) and CPU time (user and system, ms). CPU time is what the
// process computed, whatever else ran on the machine; wall time also holds its waits (for a core, for fsync).
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_USAGE_FILE;
if (target) {
  // 'exit' also fires after process.exit() and when the event loop drains; not when killed by a signal.
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpu = { userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 };
    writeFileSync(target, JSON.stringify({ maxRSS: usage.maxRSS, ...cpu }));
  });
}
