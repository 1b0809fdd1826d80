// Inputs of the v3 import corpus that are not committed: links, a FIFO, an alias bomb, a file over the byte budget,
// names no checkout could hold, and trees too deep, built by code at test time (see ../import-hostile/generate.ts).
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Setup } from '../import-hostile/generate.ts';

const DEFINITION = '$kind: collection\nname: Hostile\n';

function request(order: number, extra = ''): string {
  return `$kind: http-request\nurl: https://example.test/ping\nmethod: GET\norder: ${order}\n${extra}`;
}

/** `work/collection/` with a definition and the given files (relative path → content). */
function tree(work: string, files: Readonly<Record<string, string>> = {}): string {
  const dir = path.join(work, 'collection');
  const all = { '.resources/definition.yaml': DEFINITION, ...files };
  for (const [relative, content] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), content);
  }
  return dir;
}

/** yaml's "billion laughs": nine levels of nine aliases each. */
function aliasBomb(): string {
  const lines = ['$kind: http-request', 'url: https://example.test/', 'a0: &a0 [lol]'];
  for (let i = 1; i <= 9; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

export const GENERATED: Readonly<Record<string, Setup>> = {
  'request-file-is-a-link': (work, root) => {
    const dir = tree(work, { 'Ping.request.yaml': request(1000) });
    symlinkSync(path.join(root, 'canary', 'owned.json'), path.join(dir, 'Leak.request.yaml'));
  },
  'folder-is-a-link': (work, root) => {
    const dir = tree(work, { 'Ping.request.yaml': request(1000) });
    symlinkSync(path.join(root, 'canary', 'x'), path.join(dir, 'Linked folder'));
  },
  'resources-is-a-link': (work, root) => {
    const dir = tree(work, { 'Folder/Ping.request.yaml': request(1000) });
    mkdirSync(path.join(root, 'canary', 'res'));
    writeFileSync(path.join(root, 'canary', 'res', 'definition.yaml'), DEFINITION);
    symlinkSync(path.join(root, 'canary', 'res'), path.join(dir, 'Folder', '.resources'));
  },
  'request-file-is-a-fifo': (work) => {
    const dir = tree(work, { 'Ping.request.yaml': request(1000) });
    execFileSync('mkfifo', [path.join(dir, 'Waits.request.yaml')]);
  },
  'alias-bomb': (work) => {
    tree(work, { 'Bomb.request.yaml': aliasBomb() });
  },
  'files-over-32-mib': (work) => {
    const dir = tree(work, { 'Ping.request.yaml': request(1000) });
    const fd = openSync(path.join(dir, 'Huge.request.yaml'), 'w');
    ftruncateSync(fd, 32 * 1024 * 1024 + 1);
    closeSync(fd);
  },
  'control-character-in-file-name': (work) => {
    tree(work, { 'Line\nbreak.request.yaml': request(1000) });
  },
  'nested-33-folders': (work) => {
    const deep = Array.from({ length: 33 }, (_, i) => `F${i + 1}`).join('/');
    tree(work, { [`${deep}/Leaf.request.yaml`]: request(1000) });
  },
  'definition-yaml-as-input': (work) => {
    tree(work, { 'Ping.request.yaml': request(1000) });
  },
  'collections-directory-as-input': (work) => {
    tree(work, { 'Ping.request.yaml': request(1000) });
  },
};
