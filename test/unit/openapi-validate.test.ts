// The stand-in's validator for OpenAPI schemas: patterns run in linear time on RE2, patterns RE2 cannot run are
// reported once and not enforced, each pattern is its own (ajv keys compiled patterns by their text), and the
// violations describe values without repeating them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileSafePattern, MAX_PATTERN_LENGTH } from '../../src/openapi/safe-regex.ts';
import type { JsonSchema } from '../../src/openapi/types.ts';
import { createDocumentValidator } from '../../src/openapi/validate.ts';

describe('safe patterns and the document validator', () => {
  test('(a+)+$ against 50,000 a and a b: linear, not catastrophic', () => {
    const validator = createDocumentValidator(new Map());
    const hostile = `${'a'.repeat(50_000)}b`;
    const started = performance.now();
    const violations = validator.validate({ type: 'string', pattern: '^(a+)+$' }, hostile);
    const elapsed = performance.now() - started;
    assert.equal(violations.length, 1);
    assert.ok(elapsed < 200, `took ${elapsed.toFixed(0)} ms`);
  });

  test('backreference and lookahead: reported once each, not enforced', () => {
    const validator = createDocumentValidator(new Map());
    const backreference: JsonSchema = { type: 'string', pattern: '^(a)\\1$' };
    const lookahead: JsonSchema = { type: 'object', patternProperties: { '^(?=x)': { type: 'integer' } } };
    assert.deepEqual(validator.validate(backreference, 'zz'), []);
    assert.deepEqual(validator.validate({ ...(backreference as object) }, 'zz'), []);
    assert.deepEqual(validator.validate(lookahead, { xy: 'not an integer' }), []);
    assert.deepEqual(
      validator.warnings.map((w) => [w.code, w.message.split(' is not enforced')[0]]),
      [
        ['W_OPENAPI_UNSAFE_PATTERN', `pattern ${JSON.stringify('^(a)\\1$')}`],
        ['W_OPENAPI_UNSAFE_PATTERN', 'pattern "^(?=x)"'],
      ],
    );
  });

  test('two patterns in one document are each enforced as written', () => {
    const validator = createDocumentValidator(new Map());
    const schema = {
      type: 'object',
      properties: { code: { type: 'string', pattern: '^[A-Z]+$' }, mail: { type: 'string', pattern: '@' } },
    };
    assert.deepEqual(validator.validate(schema, { code: 'ABC', mail: 'a@b' }), []);
    assert.deepEqual(
      validator.validate(schema, { code: 'abc', mail: 'ab' }).map((v) => v.pointer),
      ['/code', '/mail'],
    );
  });

  test('a pattern too long to compile is refused before RE2 sees it', () => {
    const compiled = compileSafePattern('a'.repeat(MAX_PATTERN_LENGTH + 1));
    assert.equal(compiled.ok, false);
    assert.ok(!compiled.ok && compiled.reason.startsWith('longer than'));
  });

  test('violations name the pointer and the expectation, and describe the value without echoing it', () => {
    const definitions = new Map<string, JsonSchema>([
      ['Key', { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } }],
    ]);
    const validator = createDocumentValidator(definitions);
    const schema = {
      type: 'object',
      required: ['key', 'secret'],
      properties: { key: { $ref: '#/definitions/Key' }, secret: { type: 'integer' } },
    };
    const violations = validator.validate(schema, { key: {}, secret: 'hunter2-password' });
    assert.deepEqual(violations, [
      { pointer: '/key', message: 'missing required property "id"' },
      { pointer: '/secret', message: 'expected integer, got a string of 16 characters' },
    ]);
    assert.ok(!JSON.stringify(violations).includes('hunter2'));
  });

  test('formats are checked: uuid and date-time', () => {
    const validator = createDocumentValidator(new Map());
    assert.deepEqual(validator.validate({ format: 'uuid' }, '00000000-0000-4000-8000-000000000000'), []);
    assert.deepEqual(validator.validate({ format: 'uuid' }, 'nope'), [
      { pointer: '', message: 'expected a uuid string, got a string of 4 characters' },
    ]);
    assert.deepEqual(validator.validate({ format: 'date-time' }, '2024-02-30T00:00:00Z').length, 1);
    assert.deepEqual(validator.validate({ format: 'date-time' }, '2024-02-29T23:59:59.5+01:00'), []);
  });
});
