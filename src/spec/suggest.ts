import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word`, when it is close enough to be a plausible typo: at most a third of the
 * word's length in edits (at least 2, so a swap of two letters counts; at most 3), the same word in another letter
 * case, or a truncation of at least four letters.
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.max(2, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const d =
      candidate.toLowerCase() === word.toLowerCase()
        ? 0.5
        : isTruncation(word, candidate)
          ? 1.5
          : distance(word, candidate);
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** `apiBase` for `apiBaseUrl`: a cut-short name is a likelier slip than its edit distance says. */
function isTruncation(word: string, candidate: string): boolean {
  const [shorter, longer] = word.length < candidate.length ? [word, candidate] : [candidate, word];
  return shorter.length >= 4 && longer.toLowerCase().startsWith(shorter.toLowerCase());
}

/** "did you mean `x`?" or undefined. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = closestMatch(word, candidates);
  return match === undefined ? undefined : `did you mean \`${match}\`?`;
}
