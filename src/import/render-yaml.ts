import { Document, isScalar, visit, Scalar } from 'yaml';
import { mayHoldVariables } from '../spec/variables.js';

/**
 * A spec file's text: keys in the order given, `{{variables}}` double-quoted (a leading `{` would read as a flow
 * map, and quoting them all keeps them easy to spot), multi-line text as literal blocks, no line folding.
 */
export function renderYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || !isScalar(node) || typeof node.value !== 'string') return;
      if (node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
      else if (mayHoldVariables(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ lineWidth: 0 });
}
