import { stringify } from 'yaml';

/**
 * A v3 document as YAML text, byte-identical for the same document: keys in the document's order, multi-line text
 * (scripts, descriptions, bodies) as literal blocks, never folded (lineWidth 0), no anchors or aliases, and strings
 * that would read as something else (`{{variable}}`, `true`, `0`) quoted by the yaml package.
 */
export function renderYaml(document: unknown): string {
  return stringify(document, {
    lineWidth: 0,
    minContentWidth: 0,
    blockQuote: 'literal',
    aliasDuplicateObjects: false,
    indentSeq: true,
  });
}
