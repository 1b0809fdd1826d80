// Which OpenAPI a document is: `openapi: 3.0.x` or `3.1.x`, or `swagger: "2.0"`, at the root of a mapping. Anything
// else (a list, a scalar, an empty file, both keys, neither, OpenAPI 4 or Swagger 1.2) is refused with what was
// found, since the rest of the loader reads each version's own fields.
import type { ProblemList } from './openapi-error.js';
import type { OpenApiFile } from './read-document.js';
import { isObject } from './refs.js';
import type { OpenApiVersion } from './types.js';

const HINT = 'start the document with `openapi: 3.1.0` (or 3.0.x), or `swagger: "2.0"` for Swagger 2.0';

export function findVersion(file: OpenApiFile, problems: ProblemList): OpenApiVersion | undefined {
  const value = file.value;
  const fail = (message: string, at: readonly string[] = [], hint = HINT): undefined => {
    problems.add({ code: 'E_OPENAPI_VERSION', message, location: file.locate(at), hint });
    return undefined;
  };
  if (value === null || value === undefined) return fail('the file is empty: it holds no OpenAPI document');
  if (!isObject(value))
    return fail(
      `the document is ${Array.isArray(value) ? 'a list' : `a single ${typeof value}`}, not a mapping with ` +
        '`openapi` or `swagger` at its top',
    );
  const hasOpenApi = Object.hasOwn(value, 'openapi');
  const hasSwagger = Object.hasOwn(value, 'swagger');
  if (hasOpenApi && hasSwagger)
    return fail('the document has both `openapi` and `swagger`: it must be one or the other', ['swagger']);
  if (hasSwagger) {
    const swagger = value.swagger;
    if (swagger === '2.0') return '2.0';
    if (typeof swagger === 'number')
      return fail(
        `\`swagger\` is the number ${swagger}, not the text "2.0"`,
        ['swagger'],
        'write `swagger: "2.0"` with quotes',
      );
    return fail(
      `Swagger ${printableVersion(swagger)} is not supported: mvpm reads Swagger 2.0 and OpenAPI 3.0 and 3.1`,
      ['swagger'],
      'convert the document to OpenAPI 3 (or Swagger 2.0), for example with swagger2openapi or the Swagger Editor',
    );
  }
  if (hasOpenApi) {
    const openapi = value.openapi;
    if (typeof openapi === 'number')
      return fail(
        `\`openapi\` is the number ${openapi}, not a version text like "3.0.3"`,
        ['openapi'],
        'write the full version in quotes: `openapi: "3.0.3"`',
      );
    if (typeof openapi === 'string' && /^3\.0\.\d+(-.+)?$/.test(openapi)) return '3.0';
    if (typeof openapi === 'string' && /^3\.1\.\d+(-.+)?$/.test(openapi)) return '3.1';
    return fail(
      `OpenAPI ${printableVersion(openapi)} is not supported: mvpm reads OpenAPI 3.0.x and 3.1.x and Swagger 2.0`,
      ['openapi'],
    );
  }
  return fail('the document has neither `openapi` nor `swagger` at its top, so it is not an OpenAPI document');
}

function printableVersion(value: unknown): string {
  if (typeof value !== 'string') return `(a ${value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value})`;
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
