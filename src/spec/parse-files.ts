import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseValue, type ParsedValue } from './parse-value.js';

/** Below this many files a worker's start-up costs more than it saves. */
export const PARALLEL_THRESHOLD = 500;

/**
 * Parses texts to plain values, spreading large batches over worker threads and this thread (YAML parsing is
 * most of a big build's time, and the machines this runs on have more than one core). Order is preserved.
 * `workers`: how many worker threads; default one less than the available cores, at most 3, none for small batches.
 */
export async function parseTexts(texts: readonly string[], workers?: number): Promise<ParsedValue[]> {
  const count = workers ?? (texts.length >= PARALLEL_THRESHOLD ? Math.min(3, os.availableParallelism() - 1) : 0);
  if (count <= 0 || texts.length === 0) return texts.map(parseValue);
  const size = Math.ceil(texts.length / (count + 1));
  const chunks = Array.from({ length: count + 1 }, (_, i) => texts.slice(i * size, (i + 1) * size));
  const remote = chunks.slice(1).map((chunk) => (chunk.length === 0 ? Promise.resolve([]) : parseInWorker(chunk)));
  const local = chunks[0]!.map(parseValue);
  return [...local, ...(await Promise.all(remote)).flat()];
}

function parseInWorker(texts: readonly string[]): Promise<ParsedValue[]> {
  // The compiled worker beside this module: workers run the built package (dist/), not TypeScript sources.
  const url = new URL('./_parse-worker.js', import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(url);
    worker.once('message', (values: ParsedValue[]) => {
      resolve(values);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.postMessage(texts);
  });
}
