import type { CaptureSpec } from '../../spec/model.js';
import type { ScriptPart } from './expectations.js';
import type { HelperName } from './helpers.js';
import { js, pathLiteral, pmTest, regexLiteral } from './js.js';
import { markerLine } from './markers.js';

/**
 * Captures into environment variables (`pm.environment.set`, so `newman --export-environment` keeps them).
 * Every source is read before any variable is set, so a `variable` source sees the value the request was sent
 * with (the refresh token just spent, say) whatever order the captures were written in.
 */
export function compileCaptures(captures: readonly CaptureSpec[]): ScriptPart {
  if (captures.length === 0) return { lines: [], helpers: [] };
  const helpers = new Set<HelperName>(['capture', 'mark']);
  const reads = captures.map((capture, i) => {
    const comma = i === captures.length - 1 ? '' : ',';
    const from = capture.from;
    switch (from.kind) {
      case 'json':
        helpers.add('at');
        return `    ${js(capture.variable)}: mvpm.at(${pathLiteral(from.jsonPath.segments)})${comma}`;
      case 'expiresIn':
        helpers.add('at');
        return (
          `    ${js(capture.variable)}: (function (seconds) { return typeof seconds === "number" ? Date.now() ` +
          `+ seconds * 1000 : undefined; })(mvpm.at(${pathLiteral(from.jsonPath.segments)}))${comma}`
        );
      case 'header':
        helpers.add('header');
        return from.regex === undefined
          ? `    ${js(capture.variable)}: mvpm.header(${js(from.name)})${comma}`
          : `    ${js(capture.variable)}: (function (value) { var m = typeof value === "string" ? ` +
              `${regexLiteral(from.regex)}.exec(value) : null; if (!m) return undefined; try { return ` +
              `decodeURIComponent(m[1]); } catch (e) { return m[1]; } })(mvpm.header(${js(from.name)}))${comma}`;
      case 'variable':
        return `    ${js(capture.variable)}: pm.variables.get(${js(from.name)})${comma}`;
      default:
        return from satisfies never;
    }
  });
  const tests = captures.flatMap((capture) => {
    const label = describeSource(capture);
    return pmTest(`capture {{${capture.variable}}} from ${label}`, [
      `mvpm.capture(${js(capture.variable)}, captured[${js(capture.variable)}], ${js(label)});`,
    ]);
  });
  return {
    lines: [
      ...captures.map((c) => markerLine('capture', captureMarker(c))),
      'var captured = {',
      ...reads,
      '};',
      ...tests,
    ],
    helpers: [...helpers],
  };
}

/**
 * The marker's construct: `into` names the variable captured into, the other keys are the capture as written
 * (`{"into":"asset_id","json":"$.payload.id"}`).
 */
export function captureMarker(capture: CaptureSpec): Record<string, unknown> {
  const from = capture.from;
  switch (from.kind) {
    case 'json':
    case 'expiresIn':
      return { into: capture.variable, [from.kind]: from.jsonPath.text };
    case 'header':
      return { into: capture.variable, header: from.name, ...(from.regex === undefined ? {} : { regex: from.regex }) };
    case 'variable':
      return { into: capture.variable, variable: from.name };
  }
}

function describeSource(capture: CaptureSpec): string {
  const from = capture.from;
  switch (from.kind) {
    case 'json':
      return from.jsonPath.text;
    case 'expiresIn':
      return `now + ${from.jsonPath.text} seconds`;
    case 'header':
      return from.regex === undefined ? `header ${from.name}` : `header ${from.name} /${from.regex}/`;
    case 'variable':
      return `{{${from.name}}}`;
  }
}

/**
 * What this request captures, as keys messages must not reveal: `json:` + the path's segments (so `$.a.b` and
 * `$['a']['b']` match) and `header:` + the lower-case header name.
 */
export function concealedSources(captures: readonly CaptureSpec[]): Set<string> {
  const out = new Set<string>();
  for (const capture of captures) {
    if (capture.from.kind === 'json' || capture.from.kind === 'expiresIn')
      out.add(jsonKey(capture.from.jsonPath.segments));
    if (capture.from.kind === 'header') out.add(headerKey(capture.from.name));
  }
  return out;
}

export function jsonKey(segments: readonly (string | number)[]): string {
  return `json:${JSON.stringify(segments)}`;
}

export function headerKey(name: string): string {
  return `header:${name.toLowerCase()}`;
}
