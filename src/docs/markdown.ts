// Small Markdown helpers for the generated docs. Every function is pure and deterministic.

/** Inline code that survives backticks in the text (CommonMark: a longer fence, padded when needed). */
export function code(text: string): string {
  if (text !== '' && !text.includes('`')) return `\`${text}\``;
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Text for a table cell or a heading: no line breaks, pipes escaped. */
export function inline(text: string): string {
  if (!text.includes('\n') && !text.includes('|')) return text.trim();
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

const ASCII = /^[\x00-\x7f]*$/;

/** A file-name slug: `Sign in` → `sign-in`. */
export function slugify(name: string): string {
  // ASCII is its own NFKD form and holds no combining mark: the usual name skips both steps.
  const letters = ASCII.test(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slug = letters
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'folder' : slug;
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens (duplicates not numbered here). */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** A relative link target with forward slashes, spaces encoded. */
export function linkTarget(relative: string): string {
  return relative.split('\\').join('/').replace(/ /g, '%20');
}

/** Joins blocks with one blank line and ends the file with exactly one newline. */
export function document(blocks: readonly (string | undefined)[]): string {
  return `${blocks
    .filter((b): b is string => b !== undefined && b !== '')
    // trimEnd drops what /\s+$/ would (ECMAScript's WhiteSpace and LineTerminator), without the regex's rescans.
    .map((b) => b.trimEnd())
    .join('\n\n')}\n`;
}
