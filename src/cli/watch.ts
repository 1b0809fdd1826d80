import type { Dirent } from 'node:fs';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A fingerprint of every file under `dir`: its path, size, modification time and inode, one per line, sorted.
 * An inode change catches editors that save by writing a new file and renaming it over the old one.
 * A missing directory is the empty tree, so deleting and recreating the spec folder is just another change.
 */
export function snapshotTree(dir: string): string {
  const lines: string[] = [];
  const walk = (current: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      try {
        const stats = statSync(full);
        lines.push(`${path.relative(dir, full)}\t${stats.size}\t${stats.mtimeMs}\t${stats.ino}`);
      } catch {
        // Removed between readdir and stat: the next poll sees it gone.
      }
    }
  };
  walk(dir);
  return lines.sort().join('\n');
}

export interface WaitForChangeOptions {
  /** Time between two looks at the tree, in milliseconds. */
  readonly intervalMs: number;
  /** Stops waiting; the promise then resolves to undefined. */
  readonly signal: AbortSignal;
}

/**
 * Polls `dir` until its snapshot differs from `since` and has then stayed the same for one more interval, so a
 * burst of saves (an editor's save-all, a `git checkout`) is one change. Resolves to the new snapshot, or undefined
 * once `signal` is aborted.
 *
 * Polling rather than `fs.watch(dir, { recursive: true })`: on Linux, Node 20 implements the recursive watch in
 * JavaScript, one inotify watch per file, and loses track of a file that an editor replaces by renaming over it;
 * a stat walk of a spec folder (tens of small files) costs next to nothing and behaves the same on every
 * platform, file system and container mount.
 */
export async function waitForChange(
  dir: string,
  since: string,
  options: WaitForChangeOptions,
): Promise<string | undefined> {
  let previous = since;
  let changed = false;
  for (;;) {
    try {
      await sleep(options.intervalMs, undefined, { signal: options.signal });
    } catch {
      return undefined;
    }
    const current = snapshotTree(dir);
    if (current !== previous) {
      changed = true;
      previous = current;
    } else if (changed) {
      return current;
    }
  }
}
