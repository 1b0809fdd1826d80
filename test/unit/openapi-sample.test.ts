// sampleSchema: valid samples for generated schemas (fast-check, checked by the stand-in's own validator), the
// bounds that keep a hostile schema cheap, determinism, and the table of keywords it satisfies.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { sampleSchema, sampleSchemaReport } from '../../src/openapi/sample.ts';
import type { JsonSchema } from '../../src/openapi/types.ts';
import { createDocumentValidator } from '../../src/openapi/validate.ts';
import { soakCount } from '../support/helpers.ts';

const DEFINITIONS = new Map<string, JsonSchema>([
  [
    'Category',
    {
      type: 'object',
      required: ['id', 'name'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        name: { type: 'string', minLength: 1 },
        parent: { $ref: '#/definitions/Category' },
        children: { type: 'array', items: { $ref: '#/definitions/Category' } },
      },
    },
  ],
  ['Id', { type: 'string', pattern: '^[a-f0-9]{8}$' }],
  ['Named', { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 4 } } }],
]);
const validator = createDocumentValidator(DEFINITIONS);

const FORMATS = ['date-time', 'date', 'uuid', 'email', 'uri', 'ipv4', 'hostname', 'byte'];
const PATTERNS = [
  '^[A-Z]{3}-\\d{2,4}$',
  '^(draft|published|archived)$',
  '[a-z]+@[a-z]+',
  '^\\w+(\\.\\w+)*$',
  '^#?[0-9a-fA-F]{6}$',
];

const leaf: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc
    .record({ minLength: fc.nat(6), extra: fc.nat(10), format: fc.constantFrom(undefined, ...FORMATS) })
    .map(({ minLength, extra, format }) =>
      format ? { type: 'string', format } : { type: 'string', minLength, maxLength: minLength + extra },
    ),
  fc.constantFrom(...PATTERNS).map((pattern) => ({ type: 'string', pattern })),
  fc
    .record({ min: fc.integer({ min: -50, max: 50 }), span: fc.nat(40), step: fc.constantFrom(undefined, 2, 3, 5) })
    .map(({ min, span, step }) => ({
      type: 'integer',
      minimum: min,
      maximum: min + span + (step ?? 1) * 2,
      ...(step ? { multipleOf: step } : {}),
    })),
  fc
    .record({ low: fc.double({ min: -5, max: 5, noNaN: true }), width: fc.double({ min: 0.01, max: 3, noNaN: true }) })
    .map(({ low, width }) => ({ type: 'number', exclusiveMinimum: low, exclusiveMaximum: low + width })),
  fc.constant({ type: 'number', multipleOf: 0.1, minimum: 0.25 }),
  fc.constantFrom({ type: 'boolean' }, { type: 'null' }, { type: ['null', 'integer'] }, { const: 'fixed' }),
  fc.constant({ enum: ['a', 2, null] }),
  fc.constantFrom({ $ref: '#/definitions/Category' }, { $ref: '#/definitions/Id' }),
);

const { schema: generatedSchema } = fc.letrec<{ schema: Record<string, unknown> }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .record({ items: tie('schema'), minItems: fc.nat(3), extra: fc.nat(3) })
      .map(({ items, minItems, extra }) => ({ type: 'array', items, minItems, maxItems: minItems + extra })),
    fc.record({ minItems: fc.integer({ min: 1, max: 4 }) }).map(({ minItems }) => ({
      type: 'array',
      uniqueItems: true,
      minItems,
      items: { type: 'string', format: 'email' },
    })),
    fc
      .record({
        properties: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('schema'), { maxKeys: 4 }),
        closed: fc.boolean(),
        requireAll: fc.boolean(),
      })
      .map(({ properties, closed, requireAll }) => ({
        type: 'object',
        properties,
        required: requireAll ? Object.keys(properties) : Object.keys(properties).slice(0, 1),
        additionalProperties: !closed,
      })),
    fc.record({ a: tie('schema') }).map(({ a }) => ({
      allOf: [{ $ref: '#/definitions/Named' }, { type: 'object', required: ['extra'], properties: { extra: a } }],
    })),
    fc.record({ a: tie('schema') }).map(({ a }) => ({
      oneOf: [
        { type: 'string', minLength: 2 },
        { type: 'array', items: a },
      ],
    })),
    fc.record({ a: tie('schema') }).map(({ a }) => ({ anyOf: [a, { type: 'null' }] })),
  ),
}));

describe('sampleSchema', () => {
  test('samples of generated schemas are valid, deterministic, and flagged only when the schema asks too much', () => {
    fc.assert(
      fc.property(generatedSchema, (schema) => {
        const report = sampleSchemaReport(schema, DEFINITIONS);
        assert.deepEqual(report.problems, []);
        assert.deepEqual(validator.validate(schema, report.value), [], JSON.stringify(report.value));
        assert.equal(JSON.stringify(sampleSchema(schema, DEFINITIONS)), JSON.stringify(report.value));
      }),
      { numRuns: soakCount(2000, 200), seed: 12 },
    );
  });

  const table: Array<[string, JsonSchema, unknown]> = [
    ['const wins over type', { type: 'integer', const: 7 }, 7],
    ['enum: its first value', { enum: ['b', 'a'] }, 'b'],
    ['type list: the first type that is not null', { type: ['null', 'boolean'] }, true],
    ['integer at its exclusive minimum plus a multiple', { type: 'integer', exclusiveMinimum: 10, multipleOf: 4 }, 12],
    ['negative range', { type: 'integer', maximum: -7, multipleOf: 2 }, -8],
    ['simple pattern', { type: 'string', pattern: '^[A-Z]{2}-\\d{3}$' }, 'AA-000'],
    ['pattern and minLength', { type: 'string', pattern: '^x+$', minLength: 5 }, 'xxxxx'],
    ['minLength pads', { type: 'string', minLength: 9 }, 'stringxxx'],
    ['maxLength cuts', { type: 'string', maxLength: 3 }, 'str'],
    ['uuid', { type: 'string', format: 'uuid' }, '00000000-0000-4000-8000-000000000000'],
    [
      'allOf merges properties and required',
      { allOf: [{ $ref: '#/definitions/Named' }, { properties: { size: { type: 'integer', minimum: 3 } } }] },
      { name: 'stri', size: 3 },
    ],
    ['oneOf: the first branch', { oneOf: [{ type: 'boolean' }, { type: 'string' }] }, true],
    [
      'additionalProperties schema for a required name',
      { type: 'object', required: ['x'], additionalProperties: { type: 'integer' } },
      { x: 0 },
    ],
    ['minProperties adds properties', { type: 'object', minProperties: 2 }, { property1: null, property2: null }],
    ['tuple items', { type: 'array', items: [{ type: 'string' }, { type: 'integer' }] }, ['string', 0]],
  ];
  for (const [name, schema, expected] of table)
    test(name, () => {
      const { value, problems } = sampleSchemaReport(schema, DEFINITIONS);
      assert.deepEqual(value, expected);
      assert.deepEqual(problems, []);
      assert.deepEqual(validator.validate(schema, value), []);
    });

  test('a circular definition ends: optional self-references are sampled once, then left out', () => {
    const value = sampleSchema({ $ref: '#/definitions/Category' }, DEFINITIONS) as Record<string, unknown>;
    assert.deepEqual(Object.keys(value), ['id', 'name', 'parent', 'children']);
    assert.deepEqual(value['parent'], { id: '00000000-0000-4000-8000-000000000000', name: 'string' });
  });

  test('a required self-reference is cut at maxDepth and said so', () => {
    const definitions = new Map<string, JsonSchema>([
      ['Loop', { type: 'object', required: ['next'], properties: { next: { $ref: '#/definitions/Loop' } } }],
    ]);
    const { value, problems } = sampleSchemaReport({ $ref: '#/definitions/Loop' }, definitions, { maxDepth: 3 });
    assert.deepEqual(value, { next: { next: { next: {} } } });
    assert.deepEqual(problems, [{ at: '/next/next/next', problem: 'nested deeper than 3: left empty' }]);
  });

  test('bounds: minItems 1e9, minLength 1e9 and a wide tree cost next to nothing', () => {
    const started = performance.now();
    const items = sampleSchemaReport(
      { type: 'array', minItems: 1e9, items: { type: 'string', minLength: 1e9 } },
      DEFINITIONS,
    );
    assert.equal((items.value as string[]).length, 20);
    assert.equal((items.value as string[])[0]?.length, 1000);
    const wide = {
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`p${i}`, {}])),
    };
    const tree = { type: 'array', minItems: 20, items: { type: 'array', minItems: 20, items: wide } };
    const value = sampleSchema(tree, DEFINITIONS, { maxNodes: 300 });
    assert.ok(JSON.stringify(value).length < 20_000, 'maxNodes bounds the sample');
    assert.ok(performance.now() - started < 500, `took ${performance.now() - started} ms`);
  });

  test('a pattern it cannot sample is reported, not guessed', () => {
    const { problems } = sampleSchemaReport({ type: 'string', pattern: '^(a)\\1$' }, DEFINITIONS);
    assert.deepEqual(problems, [{ at: '', problem: 'pattern: no matching string could be made' }]);
  });
});
