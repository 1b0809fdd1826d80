// test/e2e/run-lock.test.ts under the Postman CLI (see under-cli.ts).
import { underPostmanCli } from './under-cli.ts';

await underPostmanCli('../e2e/run-lock.test.ts');
