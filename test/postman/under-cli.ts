// Runs an end-to-end test file of test/e2e/ under the Postman CLI: the same file `npm test` runs under Newman,
// loaded with MVPM_TEST_RUNNER=postman (test/support/runner.ts), so every `mvpm run` it starts, in this process or
// spawned, gets `--runner postman`. Nothing is copied: where a test holds differently under the CLI, the test file
// says why next to it.
import { postmanCli } from '../support/postman-cli.ts';

/** Loads `file` (relative to test/postman/) with the Postman CLI as its runner; a missing CLI fails the file. */
export async function underPostmanCli(file: string): Promise<void> {
  postmanCli();
  // Set before runner.ts is first loaded: it reads the variable once.
  process.env['MVPM_TEST_RUNNER'] = 'postman';
  const { TEST_RUNNER } = await import('../support/runner.ts');
  if (TEST_RUNNER !== 'postman') throw new Error('test/support/runner.ts was loaded before the runner was chosen');
  await import(new URL(file, import.meta.url).href);
}
