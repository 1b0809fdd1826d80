// Half 2 of the unit tests in one process: see test/support/in-one-process.ts.
import { runUnitShare } from '../support/in-one-process.ts';

runUnitShare(2);
