#!/usr/bin/env node
// The mvpm executable: runs the compiled CLI in dist/ (built by `npm ci` through the prepare script), so start-up
// does not pay for transpiling TypeScript.
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    process.stderr.write('mvpm: the compiled CLI is missing (dist/). Run `npm run build` (npm ci does it for you).\n');
    process.exit(2);
  }
  throw error;
}
const code = await cli.runMain(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
// Exit now: after an interrupted run Newman is still going, and nothing it does from here may happen.
process.exit(code);
