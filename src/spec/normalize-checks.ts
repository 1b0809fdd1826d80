// A request's `expect` and `capture` as written → the normalized checks, in a fixed order; values the rules in
// rules/request-values.ts refuse are reported there and skipped here.
import path from 'node:path';
import type * as W from './_schema-types.js';
import { diagnosticAt } from './diagnostics.js';
import type * as M from './model.js';
import type { NormalizeContext } from './normalize.js';
import {
  hasOneCaptureSource,
  jsonPathOrReport,
  possibleLength,
  regexHasGroup,
  schemaFileHoldsObject,
  validRegex,
} from './rules/request-values.js';
import { bundleSchema } from './schema-refs.js';
import type { SpecSource } from './source.js';
import { asObject, entries, isLiteral, isObject } from './written-values.js';

export function normalizeExpectations(raw: unknown, source: SpecSource, ctx: NormalizeContext): M.ExpectationSpec[] {
  const expect = asObject(raw) as W.Expectations;
  const out: M.ExpectationSpec[] = [];
  const origin = (...p: (string | number)[]): M.Origin => ({ source, path: ['expect', ...p] });
  if (expect.status !== undefined) {
    const codes = (Array.isArray(expect.status) ? expect.status : [expect.status]).filter((c): c is number =>
      Number.isInteger(c),
    );
    if (codes.length > 0) out.push({ kind: 'status', codes, origin: origin('status') });
  }
  if (typeof expect.contentType === 'string')
    out.push({ kind: 'contentType', mediaType: expect.contentType, origin: origin('contentType') });
  if (typeof expect.responseTime === 'number')
    out.push({ kind: 'responseTime', below: expect.responseTime, origin: origin('responseTime') });
  for (const [name, rawCheck] of entries(source, ['expect', 'headers'], expect.headers)) {
    const check = asObject(rawCheck) as W.HeaderCheck;
    if (typeof check.exists === 'boolean')
      out.push({
        kind: 'header',
        name,
        check: 'exists',
        expected: check.exists,
        origin: origin('headers', name, 'exists'),
      });
    if (typeof check.equals === 'string')
      out.push({
        kind: 'header',
        name,
        check: 'equals',
        expected: check.equals,
        origin: origin('headers', name, 'equals'),
      });
    if (
      typeof check.matches === 'string' &&
      validRegex(check.matches, { source, path: ['expect', 'headers', name, 'matches'] }, ctx.errors)
    ) {
      out.push({
        kind: 'header',
        name,
        check: 'matches',
        expected: check.matches,
        origin: origin('headers', name, 'matches'),
      });
    }
  }
  for (const [pathText, rawCheck] of entries(source, ['expect', 'body'], expect.body)) {
    const jsonPath = jsonPathOrReport(pathText, { source, path: ['expect', 'body', pathText] }, 'key', ctx.errors);
    if (!jsonPath) continue;
    const check = asObject(rawCheck) as W.BodyCheck;
    const at = (key: string): M.Origin => origin('body', pathText, key);
    // Checks compile in a fixed order (presence first) whatever order they were written in.
    if (typeof check.exists === 'boolean')
      out.push({ kind: 'body', jsonPath, check: 'exists', expected: check.exists, origin: at('exists') });
    if (typeof check.type === 'string')
      out.push({ kind: 'body', jsonPath, check: 'type', expected: check.type, origin: at('type') });
    if (isLiteral(check.equals) && 'equals' in check)
      out.push({ kind: 'body', jsonPath, check: 'equals', expected: check.equals, origin: at('equals') });
    if (isLiteral(check.notEquals) && 'notEquals' in check)
      out.push({ kind: 'body', jsonPath, check: 'notEquals', expected: check.notEquals, origin: at('notEquals') });
    if (
      typeof check.matches === 'string' &&
      validRegex(check.matches, { source, path: ['expect', 'body', pathText, 'matches'] }, ctx.errors)
    ) {
      out.push({ kind: 'body', jsonPath, check: 'matches', expected: check.matches, origin: at('matches') });
    }
    if (typeof check.length === 'number')
      out.push({ kind: 'body', jsonPath, check: 'length', min: check.length, max: check.length, origin: at('length') });
    else if (isObject(check.length)) {
      const { min = 0, max = Number.POSITIVE_INFINITY } = check.length as { min?: number; max?: number };
      if (possibleLength(min, max, at('length'), ctx.errors))
        out.push({ kind: 'body', jsonPath, check: 'length', min, max, origin: at('length') });
    }
    if (Array.isArray(check.oneOf))
      out.push({
        kind: 'body',
        jsonPath,
        check: 'oneOf',
        expected: check.oneOf.filter(isLiteral),
        origin: at('oneOf'),
      });
  }
  const schema = asObject(expect.schema) as W.BodySchema;
  if (isObject(schema.inline))
    out.push({ kind: 'schema', schema: schema.inline, label: 'inline schema', origin: origin('schema', 'inline') });
  if (typeof schema.file === 'string') {
    const absolute = path.resolve(path.dirname(path.resolve(ctx.cwd, source.file)), schema.file);
    const schemaSource = ctx.schemaFiles.get(absolute);
    const value = schemaSource?.toJS();
    if (schemaSource && schemaFileHoldsObject(schemaSource, value, ctx.errors) && isObject(value)) {
      const bundled = bundledSchema(absolute, ctx);
      out.push({
        kind: 'schema',
        schema: bundled,
        label: path.basename(schema.file),
        origin: origin('schema', 'file'),
      });
    }
  }
  return out;
}

/** Bundles, per load (`ctx.schemaFiles`), by root file: a schema two requests share is bundled and reported once. */
const bundles = new WeakMap<
  ReadonlyMap<string, SpecSource>,
  { readonly values: ReadonlyMap<string, unknown>; readonly byRoot: Map<string, Record<string, unknown>> }
>();

/** The schema file `root` with the files it `$ref`s bundled in (see schema-refs.ts); E_SCHEMA_REF for dead refs. */
function bundledSchema(root: string, ctx: NormalizeContext): Record<string, unknown> {
  const cache = bundles.get(ctx.schemaFiles) ?? {
    values: new Map([...ctx.schemaFiles].map(([file, source]) => [file, source.toJS()])),
    byRoot: new Map<string, Record<string, unknown>>(),
  };
  bundles.set(ctx.schemaFiles, cache);
  const cached = cache.byRoot.get(root);
  if (cached) return cached;
  const { schema, problems } = bundleSchema(root, cache.values);
  for (const problem of problems) {
    const source = ctx.schemaFiles.get(problem.file)!;
    ctx.errors.push(
      diagnosticAt(
        { source, path: problem.path },
        'E_SCHEMA_REF',
        problem.message,
        'point the `$ref` at a part the file has: `#/definitions/<Name>`, or `#` for the whole file',
      ),
    );
  }
  cache.byRoot.set(root, schema);
  return schema;
}

export function normalizeCaptures(raw: unknown, source: SpecSource, ctx: NormalizeContext): M.CaptureSpec[] {
  const out: M.CaptureSpec[] = [];
  for (const [variable, rawCapture] of entries(source, ['capture'], raw)) {
    const capture = asObject(rawCapture) as W.Capture;
    const origin: M.Origin = { source, path: ['capture', variable] };
    if (!hasOneCaptureSource(capture, variable, origin, ctx.errors)) continue;
    if (typeof capture.json === 'string' || typeof capture.expiresIn === 'string') {
      const key = typeof capture.json === 'string' ? 'json' : 'expiresIn';
      const jsonPath = jsonPathOrReport(
        capture[key]!,
        { source, path: ['capture', variable, key] },
        'value',
        ctx.errors,
      );
      if (jsonPath) out.push({ variable, from: { kind: key, jsonPath }, origin });
    } else if (typeof capture.header === 'string') {
      const regexPath = ['capture', variable, 'regex'];
      if (typeof capture.regex === 'string') {
        if (!validRegex(capture.regex, { source, path: regexPath }, ctx.errors)) continue;
        if (!regexHasGroup(capture.regex, { source, path: regexPath }, ctx.errors)) continue;
      }
      out.push({
        variable,
        from: {
          kind: 'header',
          name: capture.header,
          ...(typeof capture.regex === 'string' ? { regex: capture.regex } : {}),
        },
        origin,
      });
    } else if (typeof capture.variable === 'string') {
      out.push({ variable, from: { kind: 'variable', name: capture.variable }, origin });
    }
  }
  return out;
}
