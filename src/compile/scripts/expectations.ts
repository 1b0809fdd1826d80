import type { ExpectationSpec, Literal } from '../../spec/model.js';
import { variableNames } from '../../spec/variables.js';
import { isSecretHeader, isSecretName } from '../secrets.js';
import { headerKey, jsonKey } from './captures.js';
import type { HelperName } from './helpers.js';
import { js, pathLiteral, pmTest, regexLiteral } from './js.js';
import { markerLine } from './markers.js';

export interface ScriptPart {
  readonly lines: readonly string[];
  readonly helpers: readonly HelperName[];
}

export interface ExpectationContext {
  /** Sources this request captures (see concealedSources): their values are never shown. */
  readonly concealed: ReadonlySet<string>;
}

/**
 * One readable `pm.test` per expectation (Postman sandbox `pm.test`, chai `pm.expect`), as the older layout wrote
 * it into the request's test script; only the import side compiles it now. Its marker is also today's check data.
 */
export function compileExpectation(expectation: ExpectationSpec, ctx: ExpectationContext): ScriptPart {
  const part = compilePiece(expectation, ctx);
  return { lines: [markerLine('expect', expectationMarker(expectation)), ...part.lines], helpers: part.helpers };
}

/** The marker's construct: the normalized expectation without its origin, a JSON path as its text. */
export function expectationMarker(e: ExpectationSpec): Record<string, unknown> {
  switch (e.kind) {
    case 'status':
      return { kind: e.kind, codes: e.codes };
    case 'contentType':
      return { kind: e.kind, mediaType: e.mediaType };
    case 'responseTime':
      return { kind: e.kind, below: e.below };
    case 'schema':
      return { kind: e.kind, label: e.label, schema: e.schema };
    case 'header':
      return { kind: e.kind, name: e.name, check: e.check, expected: e.expected };
    case 'body':
      if (e.check === 'length') {
        return {
          kind: e.kind,
          path: e.jsonPath.text,
          check: e.check,
          min: e.min,
          ...(e.max === Number.POSITIVE_INFINITY ? {} : { max: e.max }),
        };
      }
      return { kind: e.kind, path: e.jsonPath.text, check: e.check, expected: e.expected };
  }
}

function compilePiece(expectation: ExpectationSpec, ctx: ExpectationContext): ScriptPart {
  switch (expectation.kind) {
    case 'status':
      if (expectation.codes.length === 1) {
        return {
          lines: pmTest(`status is ${expectation.codes[0]}`, [
            `pm.response.to.have.status(${js(expectation.codes[0])});`,
          ]),
          helpers: [],
        };
      }
      return {
        lines: pmTest(`status is one of ${expectation.codes.join(', ')}`, [
          `pm.expect(pm.response.code, "status").to.be.oneOf(${js(expectation.codes)});`,
        ]),
        helpers: [],
      };
    case 'contentType':
      return {
        lines: pmTest(`Content-Type is ${expectation.mediaType}`, [
          'var mediaType = String(pm.response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();',
          `if (mediaType === "") ` +
            `pm.expect.fail(${js(`Content-Type is missing, so it cannot be ${expectation.mediaType}`)});`,
          `pm.expect(mediaType, "Content-Type").to.equal(${js(expectation.mediaType.toLowerCase())});`,
        ]),
        helpers: [],
      };
    case 'responseTime':
      return {
        lines: pmTest(`response time is below ${expectation.below} ms`, [
          `pm.expect(pm.response.responseTime, "response time in ms").to.be.below(${js(expectation.below)});`,
        ]),
        helpers: [],
      };
    case 'schema':
      return {
        lines: pmTest(`body matches ${expectation.label}`, [
          `pm.response.to.have.jsonSchema(${js(expectation.schema)});`,
        ]),
        helpers: [],
      };
    case 'header':
      return compileHeader(expectation, ctx);
    case 'body':
      return compileBody(expectation, ctx);
  }
}

function compileHeader(e: Extract<ExpectationSpec, { kind: 'header' }>, ctx: ExpectationContext): ScriptPart {
  const name = js(e.name);
  const reveal = !ctx.concealed.has(headerKey(e.name)) && !isSecretHeader(e.name);
  switch (e.check) {
    case 'exists':
      return {
        lines: pmTest(`header ${e.name} is ${e.expected ? 'present' : 'absent'}`, [
          `pm.expect(pm.response.headers.has(${name}), ` +
            `${js(`header ${e.name} ${e.expected ? 'is missing' : 'should be absent'}`)}).to.equal(${js(e.expected)});`,
        ]),
        helpers: [],
      };
    case 'equals': {
      const usesVariables = variableNames(e.expected).length > 0;
      return {
        lines: pmTest(`header ${e.name} equals ${e.expected}`, [
          `var actual = mvpm.header(${name});`,
          absent(`header ${e.name}`, `equal ${e.expected}`),
          `var expected = ${expectedLiteral(e.expected)};`,
          `if (actual !== expected) pm.expect.fail(${js(`header ${e.name} should equal ${e.expected}, got `)} + ` +
            `mvpm.show(actual, ${reveal && !usesVariables}));`,
        ]),
        helpers: ['header', 'show'],
      };
    }
    case 'matches':
      return {
        lines: pmTest(`header ${e.name} matches /${e.expected}/`, [
          `var actual = mvpm.header(${name});`,
          absent(`header ${e.name}`, `match /${e.expected}/`),
          `if (typeof actual !== "string" || !${regexLiteral(e.expected)}.test(actual)) {`,
          `    pm.expect.fail(${js(`header ${e.name} should match /${e.expected}/, got `)} + mvpm.show(actual, ` +
            `${reveal}));`,
          '}',
        ]),
        helpers: ['header', 'show'],
      };
  }
}

function compileBody(e: Extract<ExpectationSpec, { kind: 'body' }>, ctx: ExpectationContext): ScriptPart {
  const p = e.jsonPath.text;
  const reveal = !ctx.concealed.has(jsonKey(e.jsonPath.segments)) && !looksSensitive(e.jsonPath.segments);
  const read = `var actual = mvpm.at(${pathLiteral(e.jsonPath.segments)});`;
  const fail = (condition: string, message: string, showActual: boolean): string =>
    `if (${condition}) ` +
    `pm.expect.fail(${showActual ? `${js(`${message}, got `)} + mvpm.show(actual, ${reveal})` : js(message)});`;
  switch (e.check) {
    case 'exists':
      return {
        lines: pmTest(`${p} is ${e.expected ? 'present' : 'absent'}`, [
          read,
          e.expected
            ? fail('actual === undefined', `${p} is missing from the body`, false)
            : fail('actual !== undefined', `${p} should be absent`, false),
        ]),
        helpers: ['at'],
      };
    case 'equals':
    case 'notEquals': {
      const usesVariables = typeof e.expected === 'string' && variableNames(e.expected).length > 0;
      const equal = e.check === 'equals';
      return {
        lines: pmTest(`${p} ${equal ? 'equals' : 'differs from'} ${describeLiteral(e.expected)}`, [
          read,
          absent(p, `${equal ? 'equal' : 'differ from'} ${describeLiteral(e.expected)}`),
          `var expected = ${expectedLiteral(e.expected)};`,
          equal
            ? fail('actual !== expected', `${p} should equal ${describeLiteral(e.expected)}`, !usesVariables)
            : fail('actual === expected', `${p} should differ from ${describeLiteral(e.expected)}`, false),
        ]),
        helpers: equal && !usesVariables ? ['at', 'show'] : ['at'],
      };
    }
    case 'type': {
      const test =
        e.expected === 'array'
          ? '!Array.isArray(actual)'
          : e.expected === 'null'
            ? 'actual !== null'
            : e.expected === 'integer'
              ? '!Number.isInteger(actual)'
              : e.expected === 'object'
                ? '(actual === null || typeof actual !== "object" || Array.isArray(actual))'
                : `typeof actual !== ${js(e.expected)}`;
      return {
        lines: pmTest(`${p} is ${article(e.expected)}`, [
          read,
          absent(p, `be ${article(e.expected)}`),
          fail(test, `${p} should be ${article(e.expected)}`, true),
        ]),
        helpers: ['at', 'show'],
      };
    }
    case 'matches':
      return {
        lines: pmTest(`${p} matches /${e.expected}/`, [
          read,
          absent(p, `match /${e.expected}/`),
          fail(
            `typeof actual !== "string" || !${regexLiteral(e.expected)}.test(actual)`,
            `${p} should match /${e.expected}/`,
            true,
          ),
        ]),
        helpers: ['at', 'show'],
      };
    case 'length': {
      const bounds =
        e.min === e.max
          ? `${e.min}`
          : e.max === Number.POSITIVE_INFINITY
            ? `at least ${e.min}`
            : `${e.min} to ${e.max}`;
      const conditions = ['actual === undefined || actual === null || typeof actual.length !== "number"'];
      if (e.min === e.max) conditions.push(`actual.length !== ${js(e.min)}`);
      else {
        if (e.min > 0) conditions.push(`actual.length < ${js(e.min)}`);
        if (e.max !== Number.POSITIVE_INFINITY) conditions.push(`actual.length > ${js(e.max)}`);
      }
      return {
        lines: pmTest(`${p} has length ${bounds}`, [
          read,
          absent(p, `have length ${bounds}`),
          `if (${conditions.join(' || ')}) {`,
          `    pm.expect.fail(${js(`${p} should have length ${bounds}, got `)} + (actual && typeof actual.length ` +
            `=== "number" ? "length " + actual.length : mvpm.show(actual, false)));`,
          '}',
        ]),
        helpers: ['at', 'show'],
      };
    }
    case 'oneOf': {
      const listed = e.expected.map(describeLiteral).join(', ');
      const usesVariables = e.expected.some((v) => typeof v === 'string' && variableNames(v).length > 0);
      return {
        lines: pmTest(`${p} is one of ${listed}`, [
          read,
          absent(p, `be one of ${listed}`),
          `var allowed = [${e.expected.map(expectedLiteral).join(', ')}];`,
          fail('allowed.indexOf(actual) === -1', `${p} should be one of ${listed}`, !usesVariables),
        ]),
        helpers: ['at', 'show'],
      };
    }
  }
}

/** A message never shows the value of a secret-named body field (the one rule: compile/secrets.ts). */
function looksSensitive(segments: readonly (string | number)[]): boolean {
  return segments.some((s) => typeof s === 'string' && isSecretName(s));
}

/**
 * The first check of every comparison: an absent value (a field the body lacks, a header the answer lacks, a
 * body that is not JSON) fails with its own message. Without it `notEquals` would pass on nothing, and the other
 * comparisons would report "got nothing" as if nothing were a value.
 */
function absent(subject: string, comparison: string): string {
  return `if (actual === undefined) pm.expect.fail(${js(`${subject} is missing, so it cannot ${comparison}`)});`;
}

/** A literal as JavaScript; a string with {{variables}} resolved at run time, after earlier captures. */
function expectedLiteral(value: Literal): string {
  if (typeof value === 'string' && variableNames(value).length > 0) return `pm.variables.replaceIn(${js(value)})`;
  return js(value);
}

/** How a literal is named in a test's title and messages: variables by name, never by value. */
function describeLiteral(value: Literal): string {
  return typeof value === 'string' && variableNames(value).length > 0 ? value : JSON.stringify(value);
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : type === 'null' ? 'null' : `a ${type}`;
}
