// Which runner the run tests drive: Newman (the default, `npm test`) or the Postman CLI when MVPM_TEST_RUNNER=postman
// (`npm run test:postman` loads the same test files that way, see test/postman/under-cli.ts). One test file, two
// runners: the journal, lock, in-doubt handling and masking are the runner-independent token relay's, so the same
// assertions must hold under both.
import type { CollectionRunInput, CollectionRunOutcome, RunnerName } from '../../src/run/collection-runner.ts';
import { Masker } from '../../src/run/masking.ts';
import { startNewmanRun } from '../../src/run/newman-run.ts';
import { startPostmanRun } from '../../src/run/postman-run.ts';

/** The variable naming the runner; unset means Newman. */
const TEST_RUNNER_VARIABLE = 'MVPM_TEST_RUNNER';

function testRunner(): RunnerName {
  const value = process.env[TEST_RUNNER_VARIABLE];
  if (value === undefined || value === '' || value === 'newman') return 'newman';
  if (value === 'postman') return 'postman';
  throw new Error(`${TEST_RUNNER_VARIABLE}=${value}: expected newman or postman`);
}

/** The runner this test process drives. */
export const TEST_RUNNER: RunnerName = testRunner();

/** Spread into runSuite's options: `{ runner: 'postman' }` under the Postman CLI, nothing under Newman. */
export const RUNNER_OPTION: { readonly runner?: RunnerName } = TEST_RUNNER === 'newman' ? {} : { runner: TEST_RUNNER };

/** An `mvpm` command line with `--runner postman` added to `run` under the Postman CLI; others unchanged. */
export function withRunner(argv: readonly string[]): string[] {
  if (TEST_RUNNER === 'newman' || argv[0] !== 'run') return [...argv];
  return ['run', '--runner', TEST_RUNNER, ...argv.slice(1)];
}

/**
 * One collection run under the test's runner, with hooks that keep nothing (no relay, no journal): for tests of the
 * runner alone, such as its upload folder. Rejects as the runner refuses.
 */
export async function runCollectionWith(input: Omit<CollectionRunInput, 'hooks'>): Promise<CollectionRunOutcome> {
  const start = TEST_RUNNER === 'postman' ? startPostmanRun : startNewmanRun;
  const hooks = { collection: input.label, masker: new Masker(), progress: () => {}, explain: () => {} };
  return start({ ...input, hooks }).done;
}
