import { buildProject } from '../dist/emit/build-project.js';
const r = await buildProject({
  cwd: process.cwd(),
  parseWorkers: Number(process.argv[2]),
  stateDir: '/tmp/speed/state',
});
console.error(
  'files',
  r.files.length,
  'maxrss',
  (process.resourceUsage().maxRSS / 1024).toFixed(0),
  'user',
  (process.cpuUsage().user / 1e3).toFixed(0),
);
