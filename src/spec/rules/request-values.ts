// Checks of single request values, run while the request is normalised (normalize-*.ts skips what they refuse,
// so the other rules still run on everything else in one pass). Each pushes its diagnostic and says whether the
// value is usable.
import { diagnosticAt, type SpecDiagnostic } from '../diagnostics.js';
import { parseJsonPath, type JsonPath } from '../json-path.js';
import type * as W from '../_schema-types.js';
import type { Origin } from '../model.js';
import type { SpecSource } from '../source.js';
import { startsLikeVariable } from '../variables.js';

/** E_BAD_URL: a request's `url` must be absolute, or start with a {{variable}} that holds a base URL. */
export function checkRequestUrl(url: unknown, source: SpecSource, errors: SpecDiagnostic[]): void {
  // Absolute http(s), or led by a variable (which must hold the base URL).
  if (typeof url === 'string' && !/^https?:\/\//i.test(url) && !startsLikeVariable(url)) {
    errors.push(
      diagnosticAt(
        { source, path: ['url'] },
        'E_BAD_URL',
        `\`${url}\` is not an absolute URL`,
        'start it with http:// or https://, or with a {{variable}} that holds such a base URL',
      ),
    );
  }
}

/** E_VALUE: a `length` range whose min is above its max can never pass. */
export function possibleLength(min: number, max: number, target: Origin, errors: SpecDiagnostic[]): boolean {
  if (min <= max) return true;
  errors.push(
    diagnosticAt(
      target,
      'E_VALUE',
      `\`length\` has min ${min} above max ${max}, so it can never pass`,
      'swap them, or give an exact length',
    ),
  );
  return false;
}

/** E_BAD_JSON_SCHEMA: a schema file must hold an object. */
export function schemaFileHoldsObject(schemaSource: SpecSource, value: unknown, errors: SpecDiagnostic[]): boolean {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return true;
  errors.push(
    diagnosticAt(
      { source: schemaSource, path: [] },
      'E_BAD_JSON_SCHEMA',
      'a JSON Schema file must hold an object',
      'write the schema as a JSON or YAML object',
    ),
  );
  return false;
}

/** E_CAPTURE_SOURCE: a capture takes exactly one source, and `regex` only with `header`. */
export function hasOneCaptureSource(
  capture: W.Capture,
  variable: string,
  origin: Origin,
  errors: SpecDiagnostic[],
): boolean {
  const { source } = origin;
  const sources = (['json', 'header', 'expiresIn', 'variable'] as const).filter((k) => typeof capture[k] === 'string');
  if (sources.length !== 1) {
    const found = sources.length === 0 ? 'none' : sources.map((s) => `\`${s}\``).join(' and ');
    errors.push(
      diagnosticAt(
        { ...origin, at: 'key' },
        'E_CAPTURE_SOURCE',
        `capture \`${variable}\` needs exactly one of \`json\`, \`header\`, \`expiresIn\`, \`variable\`; ` +
          `it has ${found}`,
        'e.g. `access_token: { json: $.access_token }`',
      ),
    );
    return false;
  }
  if (capture.regex !== undefined && sources[0] !== 'header') {
    errors.push(
      diagnosticAt(
        { source, path: ['capture', variable, 'regex'], at: 'key' },
        'E_CAPTURE_SOURCE',
        '`regex` applies only to a `header` capture',
        'remove `regex`, or capture from a header',
      ),
    );
    return false;
  }
  return true;
}

/** E_BAD_JSON_PATH: the parsed path, or undefined when it is not one mvpm supports. */
export function jsonPathOrReport(
  text: string,
  target: Origin,
  at: 'key' | 'value',
  errors: SpecDiagnostic[],
): JsonPath | undefined {
  const parsed = parseJsonPath(text);
  if (parsed.ok) return parsed.value;
  errors.push(
    diagnosticAt(
      { ...target, at },
      'E_BAD_JSON_PATH',
      `\`${text}\` is not a supported JSON path: ${parsed.reason}`,
      "write paths like $.payload[0].id or $['token_type']",
    ),
  );
  return undefined;
}

/** E_BAD_REGEX: a JavaScript regular expression that compiles. */
export function validRegex(pattern: string, target: Origin, errors: SpecDiagnostic[]): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch (error) {
    errors.push(
      diagnosticAt(
        target,
        'E_BAD_REGEX',
        `invalid regular expression: ${(error as Error).message}`,
        'this is a JavaScript regular expression; escape ( ) [ ] . ? + * with a backslash',
      ),
    );
    return false;
  }
}

/** E_BAD_REGEX: a capture regex must have a group, the part it keeps. */
export function regexHasGroup(pattern: string, target: Origin, errors: SpecDiagnostic[]): boolean {
  if (new RegExp(`${pattern}|`).exec('')!.length >= 2) return true;
  errors.push(
    diagnosticAt(
      target,
      'E_BAD_REGEX',
      'the capture regex has no group',
      'wrap the part to keep in parentheses, e.g. "[?&]code=([^&]+)"',
    ),
  );
  return false;
}
