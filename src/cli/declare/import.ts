import { defineCommand } from '../command.js';

export const importCommand = defineCommand({
  name: 'import',
  summary: 'Turn a Postman collection (and environment) back into YAML specs',
  description: [
    `Turns a Postman Collection (v2.1 or v2.0, e.g. exported from the Postman app) back into YAML specs:
    <out>/<collection>/.resources/definition.yaml, a directory per folder and a <Name>.request.yaml per request,
    JSON Schemas of generated schema checks in <out>/schemas/, and the environment in <out>/environments/. Scripts
    mvpm generated come back as expect, capture and autoRefresh. Other scripts are code from the collection: they
    are listed and dropped unless you pass --allow-scripts.`,
    `Names are made safe file names (renamed ones are listed); literal secrets (tokens, keys, passwords, cookies,
    client secrets) are replaced by {{variables}} declared secret and empty, and listed by name. Nothing is written
    when anything fails, and no existing file is replaced without --force.`,
  ],
  positionals: [{ name: 'collection', valueName: '<collection.json>', help: 'The exported Postman collection' }],
  options: {
    environment: {
      type: 'string',
      valueName: '<file>',
      defaultText: 'none',
      help: 'Also import a Postman environment; values typed secret are dropped and marked secret: true',
    },
    out: { type: 'string', valueName: '<dir>', default: 'specs', help: 'Spec directory to write into' },
    force: { type: 'boolean', help: 'Replace existing files, and write into a non-empty collection directory' },
    'allow-scripts': {
      type: 'boolean',
      help: 'Keep raw scripts (pre-request and test code) from the collection; each is still listed: review them first',
    },
    'keep-literal': {
      type: 'string',
      valueName: '<name>',
      multiple: true,
      defaultText: 'none',
      help: 'Keep the literal value of a field or variable that looks secret, such as a public demo value',
    },
  },
  exitCodes: [
    [0, 'imported (warnings on standard error)'],
    [2, 'the input cannot be read or imported, files exist without --force, a link is in the way, or bad usage'],
  ],
  examples: [
    {
      command:
        'mvpm import ~/Downloads/MediaValet.postman_collection.json ' +
        '--environment ~/Downloads/staging.postman_environment.json',
    },
    { command: 'mvpm import export.json --out imported-specs' },
    { command: 'mvpm import export.json --allow-scripts --force', note: 'after reviewing the scripts it listed' },
  ],
});
