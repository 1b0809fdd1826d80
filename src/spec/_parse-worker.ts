// Worker thread of the spec loader: parses batches of YAML texts into plain values (see parse-files.ts).
import { parentPort } from 'node:worker_threads';
import { parseValue } from './parse-value.js';

parentPort?.on('message', (texts: string[]) => {
  parentPort?.postMessage(texts.map(parseValue));
});
