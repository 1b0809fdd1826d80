import { writeFile } from 'node:fs/promises';
import { renderSpecTypes, TYPES_PATH } from './spec-types.ts';

await writeFile(TYPES_PATH, await renderSpecTypes());
process.stdout.write(`wrote ${TYPES_PATH.pathname}\n`);
