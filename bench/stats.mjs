// What the benches share: medians and ranges of samples, sizes in MiB, counting a collection's requests, and the
// tail of a failed command's output.
import { readFileSync } from 'node:fs';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `min-max` of the samples, rounded. */
export function range(values) {
  return `${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)}`;
}

export function mib(bytes) {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** The requests in a generated collection file, or -1 when it cannot be read. */
export function countRequests(collectionFile) {
  let count = 0;
  const visit = (items) => {
    for (const item of items ?? []) {
      if (item.request) count += 1;
      visit(item.item);
    }
  };
  try {
    visit(JSON.parse(readFileSync(collectionFile, 'utf8')).item);
  } catch {
    return -1;
  }
  return count;
}

/** The last `lines` lines of a command's output, with `…` when some were left out. */
export function tail(text, lines = 40) {
  const all = (text ?? '').trimEnd().split('\n');
  return (all.length > lines ? ['…', ...all.slice(-lines)] : all).join('\n');
}
