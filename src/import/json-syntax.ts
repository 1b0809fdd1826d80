// Where a JSON text stops being JSON, and what was expected there, in our own words: V8's messages differ between
// Node versions and quote the input (which may hold a secret). Runs only after JSON.parse has failed; a scanner
// with an explicit stack, so no input nests deep enough to overflow it.

export interface JsonSyntaxError {
  /** UTF-16 offset of the first character that is not JSON (the text's length at an unexpected end). */
  readonly offset: number;
  readonly message: string;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

export function locateJsonError(source: string): JsonSyntaxError | undefined {
  let at = 0;
  const stack: ('object' | 'array')[] = [];
  const skip = (): void => {
    WHITESPACE.lastIndex = at;
    WHITESPACE.exec(source);
    at = WHITESPACE.lastIndex;
  };
  const fail = (expected: string): JsonSyntaxError =>
    at >= source.length
      ? { offset: source.length, message: `the text ends where ${expected} was expected` }
      : { offset: at, message: `expected ${expected}` };
  /** Reads a string at `at` (which is a `"`); returns an error or undefined. */
  const string = (): JsonSyntaxError | undefined => {
    at++;
    while (at < source.length) {
      const c = source.charCodeAt(at);
      if (c === 0x22) {
        at++;
        return undefined;
      }
      if (c < 0x20) return { offset: at, message: 'a control character inside a string (write it as \\uXXXX)' };
      if (c === 0x5c) {
        const next = source[at + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) at += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(at + 2, at + 6))) at += 6;
        else return { offset: at, message: 'an invalid escape inside a string' };
        continue;
      }
      at++;
    }
    return { offset: source.length, message: 'the text ends inside a string' };
  };
  /** A property name and its colon at `at`. */
  const key = (): JsonSyntaxError | undefined => {
    skip();
    if (source[at] !== '"') return fail('a property name in double quotes');
    const bad = string();
    if (bad) return bad;
    skip();
    if (source[at] !== ':') return fail("':' after a property name");
    at++;
    return undefined;
  };
  /** A value at `at`: a scalar is consumed; containers are opened (pushed) down to the first scalar or empty one. */
  const value = (): JsonSyntaxError | undefined => {
    for (;;) {
      skip();
      const c = source[at];
      if (c === '{' || c === '[') {
        const close = c === '{' ? '}' : ']';
        at++;
        skip();
        if (source[at] === close) {
          at++;
          return undefined;
        }
        stack.push(c === '{' ? 'object' : 'array');
        if (c === '{') {
          const bad = key();
          if (bad) return bad;
        }
        continue;
      }
      if (c === '"') return string();
      for (const literal of ['true', 'false', 'null']) {
        if (source.startsWith(literal, at)) {
          at += literal.length;
          return undefined;
        }
      }
      NUMBER.lastIndex = at;
      if (c !== undefined && NUMBER.exec(source)) {
        at = NUMBER.lastIndex;
        return undefined;
      }
      return fail('a value (an object, a list, a string, a number, true, false or null)');
    }
  };

  skip();
  if (source.length === at) return { offset: at, message: 'the file is empty' };
  let bad = value();
  while (!bad) {
    skip();
    const open = stack[stack.length - 1];
    if (open === undefined) {
      if (at < source.length) return { offset: at, message: 'more text after the JSON value' };
      return undefined;
    }
    const close = open === 'object' ? '}' : ']';
    if (source[at] === close) {
      stack.pop();
      at++;
      continue;
    }
    if (source[at] !== ',') return fail(`',' or '${close}'`);
    at++;
    bad = open === 'object' ? (key() ?? value()) : value();
  }
  return bad;
}

/** 1-based line and column (in characters) of a UTF-16 offset; lines end at \n, \r\n or \r. */
export function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    const c = source[i];
    if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: [...source.slice(start, offset)].length + 1 };
}
