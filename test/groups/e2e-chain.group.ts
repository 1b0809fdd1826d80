// The "chain" end-to-end files in one process: see test/support/in-one-process.ts.
import { runE2eGroup } from '../support/in-one-process.ts';

runE2eGroup('chain');
