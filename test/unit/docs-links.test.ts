// Every relative Markdown link in README.md, docs/*.md and docs/generated/**/*.md must point at an existing file,
// and a #anchor into a Markdown file must name one of its headings (GitHub's anchor rules).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../support/helpers.ts';

function markdownFiles(): string[] {
  const docs = path.join(PROJECT_ROOT, 'docs');
  const generated = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? generated(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : [],
    );
  return [
    path.join(PROJECT_ROOT, 'README.md'),
    ...readdirSync(docs)
      .filter((n) => n.endsWith('.md'))
      .map((n) => path.join(docs, n)),
    ...generated(path.join(docs, 'generated')),
  ];
}

/** Link targets outside code spans and fenced blocks: `[text](target)` and `[text]: target`. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/(`+)[^`]*?\1/g, '');
  return [
    ...Array.from(prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g), (m) => m[1] ?? ''),
    ...Array.from(prose.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm), (m) => m[1] ?? ''),
  ];
}

function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  const prose = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of prose.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = (m[1] ?? '').replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

test('every relative link in the Markdown docs resolves to a file, and every #anchor to a heading', () => {
  const broken: string[] = [];
  const files = markdownFiles();
  assert.ok(
    files.some((f) => f.includes(`${path.sep}generated${path.sep}`)),
    'docs/generated has no pages: run mvpm build',
  );
  let checked = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const link of links(text)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto: … are not checked offline
      checked++;
      const [target = '', anchor] = link.split('#', 2);
      const resolved = target === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(target));
      const where = `${path.relative(PROJECT_ROOT, file)}: ${link}`;
      if (!existsSync(resolved)) {
        broken.push(`${where} (no such file)`);
        continue;
      }
      if (
        anchor !== undefined &&
        anchor !== '' &&
        resolved.endsWith('.md') &&
        statSync(resolved).isFile() &&
        !anchors(readFileSync(resolved, 'utf8')).has(decodeURIComponent(anchor).toLowerCase())
      )
        broken.push(`${where} (no heading for #${anchor})`);
    }
  }
  assert.ok(checked > 10, `only ${checked} links checked: is the link parser broken?`);
  assert.deepEqual(broken, []);
});

test('the link checker sees a broken link and a broken anchor', () => {
  assert.deepEqual(links('see [a](x.md#top) and `[b](not-a-link.md)`, [c]: y.md\n[d]: z.md'), ['x.md#top', 'z.md']);
  assert.ok(
    anchors('# Trying it in Postman against the stand-in\n## A `code` heading\n').has(
      'trying-it-in-postman-against-the-stand-in',
    ),
  );
  assert.ok(anchors('## A `code` heading\n').has('a-code-heading'));
});
