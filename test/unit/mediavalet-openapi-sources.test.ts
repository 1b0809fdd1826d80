// Each MediaValet operation says what it rests on, and docs/mediavalet-api.md says the same: the grade in the
// document, the grade in the page's table and the page's totals agree, and "own page" only ever cites MediaValet.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../support/helpers.ts';

type Grade = 'own-page' | 'third-party-copy' | 'inferred';
interface Operation {
  operationId: string;
  method: string;
  path: string;
  source: unknown;
  grade: unknown;
  note: unknown;
  inferred: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const doc = parse(readFileSync(path.join(PROJECT_ROOT, 'specs/openapi/mediavalet.openapi.yaml'), 'utf8')) as {
  paths: Record<string, Record<string, Record<string, unknown>>>;
};
const operations: Operation[] = Object.entries(doc.paths).flatMap(([p, item]) =>
  METHODS.filter((m) => item[m]).map((m) => {
    const op = item[m] as Record<string, unknown>;
    return {
      operationId: String(op.operationId),
      method: m.toUpperCase(),
      path: p,
      source: op['x-mvpm-source'],
      grade: op['x-mvpm-source-grade'],
      note: op['x-mvpm-source-note'],
      inferred: op['x-mvpm-inferred'] === true,
    };
  }),
);
const page = readFileSync(path.join(PROJECT_ROOT, 'docs/mediavalet-api.md'), 'utf8');
const TABLE_GRADE: Record<string, Grade> = {
  'own page': 'own-page',
  'third-party copy': 'third-party-copy',
  inferred: 'inferred',
};
/** operationId -> [method, path, grade] as the page's table states them. */
const tableRows = new Map(
  [...page.matchAll(/^\| (\w+) \| `([^`]+)` \| `(\w+)` \| ([^|]+?) \|/gm)].map(([, method, p, id, grade]) => [
    id,
    [method, p, TABLE_GRADE[grade ?? ''] ?? grade],
  ]),
);
/** A page MediaValet itself serves: its own domains, or its own GitHub organisation. */
const isMediaValets = (url: string): boolean => {
  const u = new URL(url);
  if (u.hostname === 'github.com') return u.pathname.split('/')[1] === 'MediaValet';
  return u.hostname === 'mediavalet.com' || u.hostname.endsWith('.mediavalet.com');
};

describe('where each MediaValet operation comes from', () => {
  test('every operation has a source, one of the three grades and a note', () => {
    assert.ok(operations.length > 0);
    for (const op of operations) {
      assert.equal(typeof op.source, 'string', op.operationId);
      assert.ok(['own-page', 'third-party-copy', 'inferred'].includes(String(op.grade)), op.operationId);
      assert.ok(typeof op.note === 'string' && op.note.length > 0, op.operationId);
    }
  });
  test('only inferred operations are marked x-mvpm-inferred, and all of them are', () => {
    for (const op of operations) assert.equal(op.inferred, op.grade === 'inferred', op.operationId);
  });
  test('an operation confirmed on its own page cites a page MediaValet serves, never the copy', () => {
    for (const op of operations.filter((o) => o.grade === 'own-page')) {
      assert.ok(isMediaValets(String(op.source)), `${op.operationId}: ${op.source}`);
      assert.doesNotMatch(String(op.note), /api-evangelist/i, op.operationId);
    }
  });
  test('an operation read through the copy names the copy and its commit', () => {
    for (const op of operations.filter((o) => o.grade === 'third-party-copy'))
      assert.match(
        String(op.note),
        /collections\/[\w.-]+\.json \(api-evangelist\/mediavalet@7098a16\)/,
        op.operationId,
      );
  });
  test("the page's table lists every operation once, with the document's method, path and grade", () => {
    assert.equal(tableRows.size, operations.length);
    for (const op of operations)
      assert.deepEqual(tableRows.get(op.operationId), [op.method, op.path, op.grade], op.operationId);
  });
  test("the page's totals are the document's counts", () => {
    const count = (g: Grade) => operations.filter((o) => o.grade === g).length;
    const totals = page.match(
      new RegExp(
        "Totals: (\\d+) operations; (\\d+) confirmed on MediaValet's own pages, (\\d+) via the third-party copy, " +
          '(\\d+) inferred\\.',
      ),
    );
    assert.ok(totals, 'the totals sentence');
    assert.deepEqual(totals.slice(1).map(Number), [
      operations.length,
      count('own-page'),
      count('third-party-copy'),
      count('inferred'),
    ]);
  });
});
