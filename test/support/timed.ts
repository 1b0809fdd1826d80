// Time bounds that hold on a busy machine: a bound on work is checked against this process's CPU time (all of its
// threads), which other processes cannot inflate the way they stretch wall-clock time; wall-clock time is kept for
// bounds against hangs (waiting costs no CPU), with room for a loaded machine.

/** What `run` returned, and the wall-clock and CPU (user + system) milliseconds it took. */
export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const value = await run();
  const cpu = process.cpuUsage(cpuStart);
  return { value, wallMs: performance.now() - wallStart, cpuMs: (cpu.user + cpu.system) / 1000 };
}
