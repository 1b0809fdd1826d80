import { DYNAMIC_VARIABLES_PATH, renderDynamicVariables } from './dynamic-variables.ts';
import { writeFile } from 'node:fs/promises';
import { COLLECTION_TYPES_PATH, renderCollectionTypes } from './collection-types.ts';
import { OFFICIAL_VALIDATORS_PATH, renderOfficialValidators } from './official-schema-validators.ts';
import { renderSpecTypes, TYPES_PATH } from './spec-types.ts';
import { renderSpecValidators, VALIDATORS_PATH } from './spec-validators.ts';

await writeFile(TYPES_PATH, await renderSpecTypes());
process.stdout.write(`wrote ${TYPES_PATH.pathname}\n`);
await writeFile(VALIDATORS_PATH, await renderSpecValidators());
process.stdout.write(`wrote ${VALIDATORS_PATH.pathname}\n`);
await writeFile(COLLECTION_TYPES_PATH, await renderCollectionTypes());
process.stdout.write(`wrote ${COLLECTION_TYPES_PATH.pathname}\n`);
await writeFile(DYNAMIC_VARIABLES_PATH, renderDynamicVariables());
process.stdout.write(`wrote ${DYNAMIC_VARIABLES_PATH.pathname}\n`);
await writeFile(OFFICIAL_VALIDATORS_PATH, renderOfficialValidators());
process.stdout.write(`wrote ${OFFICIAL_VALIDATORS_PATH.pathname}\n`);
