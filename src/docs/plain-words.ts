// Expectations and captures in plain words, derived from the spec model (not from the compiled scripts).
import type { BodyCheckSpec, CaptureSpec, ExpectationSpec, Literal } from '../spec/model.js';
import { code } from './markdown.js';

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function literal(value: Literal): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function bodyCheck(subject: string, check: BodyCheckSpec): string {
  switch (check.check) {
    case 'exists':
      return check.expected ? `${subject} exists` : `${subject} is absent`;
    case 'equals':
      return `${subject} equals ${literal(check.expected)}`;
    case 'notEquals':
      return `${subject} does not equal ${literal(check.expected)}`;
    case 'type':
      return `${subject} is ${TYPE_WORDS[check.expected] ?? check.expected}`;
    case 'matches':
      return `${subject} matches ${code(`/${check.expected}/`)}`;
    case 'length':
      if (check.min === check.max) return `${subject} has length ${check.min}`;
      if (check.max === Number.POSITIVE_INFINITY) return `${subject} has length ${check.min} or more`;
      return `${subject} has length between ${check.min} and ${check.max}`;
    case 'oneOf':
      return `${subject} is one of ${check.expected.map(literal).join(', ')}`;
  }
}

/** One expectation as a sentence fragment: "status is 200", "`$.token_type` equals "Bearer"". */
export function describeExpectation(expectation: ExpectationSpec): string {
  switch (expectation.kind) {
    case 'status':
      return `status is ${orList(expectation.codes.map(String))}`;
    case 'contentType':
      return `content type is ${code(expectation.mediaType)}`;
    case 'responseTime':
      return `answers in under ${expectation.below} ms`;
    case 'header': {
      const subject = `header ${code(expectation.name)}`;
      if (expectation.check === 'exists')
        return expectation.expected ? `${subject} is present` : `${subject} is absent`;
      if (expectation.check === 'equals') return `${subject} equals ${literal(expectation.expected)}`;
      return `${subject} matches ${code(`/${expectation.expected}/`)}`;
    }
    case 'body':
      return bodyCheck(code(expectation.jsonPath.text), expectation);
    case 'schema':
      return expectation.label === 'inline schema'
        ? 'body matches the inline JSON schema'
        : `body matches ${expectation.label}`;
  }
}

/** One capture: "`refresh_token` ← `$.refresh_token`". */
export function describeCapture(capture: CaptureSpec): string {
  const target = code(capture.variable);
  const from = capture.from;
  switch (from.kind) {
    case 'json':
      return `${target} ← ${code(from.jsonPath.text)}`;
    case 'header':
      return (
        `${target} ← header ` +
        `${code(from.name)}${from.regex === undefined ? '' : ` (the part matching ${code(`/${from.regex}/`)})`}`
      );
    case 'expiresIn':
      return `${target} ← now + ${code(from.jsonPath.text)} seconds (when the token expires)`;
    case 'variable':
      return `${target} ← the value ${code(from.name)} had before this request`;
  }
}
